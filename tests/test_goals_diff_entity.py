"""The 1571 frame at a glance, the diff of two years, and everything known about one entity."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from policykg.analysis.diff import diff_years
from policykg.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_goals_lists_every_goal_of_2026(built_store: Path) -> None:
    """`goals --year 2026` has the fourteen goals, each with sections, and P3 with projects and targets."""
    code, out, _ = run("goals", "--year", "2026", "--store", str(built_store), "--format", "json")
    data = {g["goal"]: g for g in json.loads(out)}
    assert code == 0 and len(data) == 14 and all(g["section_count"] for g in data.values())
    assert data["P3"]["label"] == "国家重要能源和战略资源基地"
    assert data["P3"]["project_count"] and "煤炭产量" in data["P3"]["targets"]


def test_diff_2025_2026_finds_the_raised_coal_target(built_store: Path) -> None:
    """煤炭产量 12亿吨以上 in 2025 becomes 12.5亿吨以上 in 2026: a changed target with both evidences."""
    code, out, _ = run(
        "diff", "2025", "2026", "--what", "target", "--store", str(built_store), "--format", "json"
    )
    changes = {c["name"]: c for c in json.loads(out)}
    coal = changes["煤炭产量"]
    assert code == 0 and coal["status"] == "changed" and coal["note"] == "12亿吨以上 → 12.5亿吨以上"
    assert coal["before"][0]["period"] == "2025" and coal["after"][0]["period"] == "2026"
    assert changes["地区生产总值增速"]["note"] == "6%左右 → 5%左右"


def test_diff_projects_and_tasks(built_store: Path) -> None:
    """Projects and tasks of the 2025 documents are compared with those of 2026: some continue, some are new."""
    code, out, _ = run("diff", "2025", "2026", "--store", str(built_store), "--format", "json")
    changes = json.loads(out)
    statuses = {(c["what"], c["status"]) for c in changes}
    assert code == 0 and {("project", "continued"), ("project", "new"), ("task", "new")} <= statuses
    assert any(c["what"] == "project" and c["name"] == "包银高铁" and c["status"] != "new" for c in changes)


def test_diff_unknown_year(built_store: Path) -> None:
    """A year with no documents is a one-line error."""
    code, _, err = run("diff", "2019", "2026", "--store", str(built_store))
    assert code == 4 and "2019" in err and err.count("\n") == 1


def test_diff_rules_on_small_rows() -> None:
    """A task reworded stays one task (changed); one only in the later year is new; targets compare amounts."""
    documents = [{"docName": "a.txt", "year": "2025"}, {"docName": "b.txt", "year": "2026"}]
    sections = [
        {"doc": "a.txt", "title": "持续夯实能源供应保障基础", "kind": "task"},
        {"doc": "b.txt", "title": "持续夯实能源供应保障能力", "kind": "task"},
        {"doc": "b.txt", "title": "推进文旅体产业提档升级", "kind": "task"},
    ]
    metric = {
        "indicator": "粮食产量",
        "unit": "亿斤",
        "comparator": "at_least",
        "kind": "target",
        "change": False,
        "normalised_value": None,
        "base_unit": None,
    }
    metrics = [{**metric, "value": 800, "period": "2025"}, {**metric, "value": 800, "period": "2026"}]
    changes = diff_years("2025", "2026", documents=documents, sections=sections, metrics=metrics, projects=[])
    found = {(c.what, c.status, c.name) for c in changes}
    assert ("task", "changed", "持续夯实能源供应保障能力") in found
    assert ("task", "new", "推进文旅体产业提档升级") in found
    assert ("target", "continued", "粮食产量") in found


def test_entity_report_for_a_project(built_store: Path) -> None:
    """`entity 包银高铁` gives its mentions in every document that names it, each quoting the text, and its goal."""
    code, out, _ = run("entity", "包银高铁", "--store", str(built_store), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["entity"]["type"] == "project"
    assert {m["doc"][:3] for m in data["mentions"]} >= {"001", "003", "004"}
    assert all(m["text"] == "包银高铁" for m in data["mentions"])
    assert data["goal"]["code"] == "K3"


def test_entity_report_for_an_indicator_lists_its_metrics(built_store: Path) -> None:
    """An indicator's report lists the targets and actuals that measure it."""
    code, out, _ = run("entity", "地区生产总值增速", "--store", str(built_store), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["entity"]["type"] == "indicator"
    assert {m["kind"] for m in data["metrics"]} == {"target", "actual"}


def test_entity_unknown(built_store: Path) -> None:
    """An unknown name exits 1 with one line."""
    code, _, err = run("entity", "不存在的工程名称", "--store", str(built_store))
    assert code == 1 and err.count("\n") == 1
