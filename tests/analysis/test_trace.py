"""Trace: from what a text names, enumerate its paths to the goals, decide goal and position, and give
the evidence of each hop (finding the named entity or passage itself is tested in test_locate.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.analysis.locate import NotFoundError
from policykg.analysis.trace import trace
from policykg.cli import main


def test_section_by_exact_name(store) -> None:
    """A section title traces through its part to P3, with the heading of each hop as evidence."""
    result = trace(store, "加强矿产资源开发利用")
    assert (result.entity.type, result.match) == ("section", "name")
    assert result.goal[0] == "P3" and result.position[0] == "P3"
    assert any(len(p) == 3 and p[1].label.startswith("大力发展现代能源经济") for p in result.paths)
    assert {e["text"] for e in result.evidence} >= {"加强矿产资源开发利用"}


def test_passage_in_a_key_work_section_serves_a_position(store) -> None:
    """A storage task written under the industry part serves goal K1 and, by its subject, position P3."""
    result = trace(store, "开工建设阿拉善新远景等35个新型储能项目")
    assert result.match == "passage" and result.entity.type == "task"
    assert (result.goal[0], result.position[0], result.position_basis) == ("K1", "P3", "inferred")
    assert result.evidence[0]["doc"] == "003_c0f21ab277f53f5b.txt"
    assert result.paths[0][0].type == "task" and result.paths[0][-1].type == "goal"


def test_passage_without_position_words_has_no_position(store) -> None:
    """An archaeology park task serves culture (K6) and no strategic position."""
    result = trace(store, "推动哈民考古遗址公园建设")
    assert result.goal[0] == "K6" and result.position is None


def test_passage_found_through_pdf_spacing(store) -> None:
    """A passage is found in the PDF-extracted plan although the original puts spaces around numbers."""
    result = trace(store, "新建高标准农田850万亩")
    pdf = [e for e in result.evidence if e["doc"] == "004_37e45ae1c4b0ca61.txt"]
    assert pdf and pdf[0]["text"] == "新建高标准农田 850 万亩"
    assert result.position[0] == "P4"


def test_unknown_text_is_not_found(store) -> None:
    """Text that names nothing and appears nowhere raises NotFoundError."""
    with pytest.raises(NotFoundError):
        trace(store, "火星移民基地建设")


def test_cli_trace_json_and_no_match(built_store: Path) -> None:
    """`trace --format json` follows the contract; no match exits 1 with one line on stderr."""
    import json

    runner = CliRunner()
    ok = runner.invoke(
        main, ["trace", "加强矿产资源开发利用", "--store", str(built_store), "--format", "json"]
    )
    data = json.loads(ok.stdout)
    assert {"query", "entity", "position", "goal", "paths", "evidence"} <= set(data)
    assert data["position"] == {"code": "P3", "label": "国家重要能源和战略资源基地"}
    missing = runner.invoke(main, ["trace", "火星移民基地建设", "--store", str(built_store)])
    assert missing.exit_code == 1 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_cli_trace_tree(built_store: Path) -> None:
    """The default output is a readable tree with position, goal and paths."""
    out = CliRunner().invoke(main, ["trace", "加强矿产资源开发利用", "--store", str(built_store)]).stdout
    assert "position: P3" in out and "1571 goal: P3" in out and "→" in out
