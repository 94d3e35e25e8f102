"""Growing the graph one document at a time: add, add again, remove, and add from other formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.graph.connect import open_store
from policykg.loaders.text.documents import bundled_corpus

PLAN_2025 = "004_37e45ae1c4b0ca61.txt"
PLAN_2026 = "001_6041d7e2bd5c6023.txt"
REPORT_2025 = "003_c0f21ab277f53f5b.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def sorted_ntriples(store: Path) -> list[str]:
    """The graph's triples, sorted; blank nodes (only in the ontology's OWL axioms) are left out."""
    handle = open_store(store)
    try:
        return sorted(
            line for line in handle.export("ntriples").decode("utf-8").splitlines() if "_:" not in line
        )
    finally:
        handle.close()


def test_add_creates_the_store_and_links_years(tmp_path: Path) -> None:
    """Adding the 2025 plan, then the 2026 plan, links the GDP growth target of both years to one indicator."""
    store = tmp_path / "store"
    assert run("add", str(bundled_corpus() / PLAN_2025), "--store", str(store))[0] == 0
    assert run("add", str(bundled_corpus() / PLAN_2026), "--store", str(store))[0] == 0
    code, out, _ = run(
        "metrics",
        "--indicator",
        "地区生产总值增速",
        "--kind",
        "target",
        "--store",
        str(store),
        "--format",
        "json",
    )
    assert code == 0 and {m["period"] for m in json.loads(out)} >= {"2025", "2026"}


def test_adding_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    """A second add of the same file leaves the graph identical, triple for triple."""
    store = tmp_path / "store"
    run("add", str(bundled_corpus() / PLAN_2025), str(bundled_corpus() / PLAN_2026), "--store", str(store))
    before = sorted_ntriples(store)
    assert run("add", str(bundled_corpus() / PLAN_2026), "--store", str(store))[0] == 0
    assert sorted_ntriples(store) == before


def test_add_then_remove_equals_never_added(tmp_path: Path) -> None:
    """Removing a document gives the graph that was there before it was added."""
    store = tmp_path / "store"
    run("add", str(bundled_corpus() / PLAN_2025), "--store", str(store))
    before = sorted_ntriples(store)
    run("add", str(bundled_corpus() / REPORT_2025), "--store", str(store))
    assert run("remove", REPORT_2025, "--store", str(store))[0] == 0
    assert sorted_ntriples(store) == before


def test_added_graph_equals_a_build_of_the_same_folder(tmp_path: Path) -> None:
    """Adding the documents one by one gives the same graph as building their folder at once."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (PLAN_2025, PLAN_2026):
        shutil.copy(bundled_corpus() / name, folder / name)
    run("build", "--corpus", str(folder), "--store", str(tmp_path / "built"))
    run("add", str(folder / PLAN_2025), "--store", str(tmp_path / "added"))
    run("add", str(folder / PLAN_2026), "--store", str(tmp_path / "added"))
    assert sorted_ntriples(tmp_path / "added") == sorted_ntriples(tmp_path / "built")


def test_remove_unknown_and_last_document(tmp_path: Path) -> None:
    """Removing a document the store lacks, or its only one, is refused in one line and changes nothing."""
    store = tmp_path / "store"
    run("add", str(bundled_corpus() / PLAN_2025), "--store", str(store))
    before = sorted_ntriples(store)
    code, _, err = run("remove", "nope.txt", "--store", str(store))
    assert code == 3 and "nope.txt" in err and err.count("\n") == 1
    code, _, err = run("remove", PLAN_2025, "--store", str(store))
    assert code == 3 and "only document" in err
    assert sorted_ntriples(store) == before


def test_add_a_bad_file_leaves_the_store(tmp_path: Path) -> None:
    """An unsupported or empty file is refused and the existing graph stays as it was."""
    store = tmp_path / "store"
    run("add", str(bundled_corpus() / PLAN_2025), "--store", str(store))
    before = sorted_ntriples(store)
    (tmp_path / "plan.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "empty.txt").write_bytes(b"")
    for bad in ("plan.xls", "empty.txt"):
        code, _, err = run("add", str(tmp_path / bad), "--store", str(store))
        assert code == 2 and bad in err and "Traceback" not in err
    assert sorted_ntriples(store) == before


def _docx_from_text(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line.strip())
    document.save(str(path))
    return path


@pytest.mark.slow
def test_docx_gives_the_same_sections_metrics_and_projects_as_txt(tmp_path: Path) -> None:
    """The 2025 work report as a Word file builds the same sections, metric statements and projects."""
    text = (bundled_corpus() / REPORT_2025).read_text(encoding="utf-8")
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "report.txt").write_text(text, encoding="utf-8")
    (tmp_path / "docx").mkdir()
    _docx_from_text(text, tmp_path / "docx" / "report.docx")
    results = {}
    for fmt in ("txt", "docx"):
        store = tmp_path / f"store-{fmt}"
        assert run("build", "--corpus", str(tmp_path / fmt), "--store", str(store))[0] == 0
        sections = json.loads(run("sections", "--store", str(store), "--format", "json")[1])
        metrics = json.loads(run("metrics", "--store", str(store), "--format", "json")[1])
        projects = json.loads(run("projects", "--store", str(store), "--format", "json")[1])
        results[fmt] = (
            [(s["level"], s["number"], s["title"].replace(" ", "")) for s in sections],
            sorted(
                # an unnamed figure has indicator None
                (m["indicator"] or "", m["value"], m["unit"], m["comparator"], m["kind"], m["period"])
                for m in metrics
            ),
            sorted(p["name"] for p in projects),
        )
    assert results["docx"][0] == results["txt"][0]
    assert results["docx"][1] == results["txt"][1]
    assert results["docx"][2] == results["txt"][2]
