"""The command line: contract shapes, the P3 question, and bad input ending in one line and an exit code."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policykg.cli import main
from policykg.loaders.text.documents import bundled_corpus

PLAN_2026 = "001_6041d7e2bd5c6023.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def one_line_error(stderr: str) -> bool:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return len(lines) == 1 and lines[0].startswith("policykg: error:") and "Traceback" not in stderr


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A corpus folder with one real document and no manifest."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(bundled_corpus() / PLAN_2026, folder / PLAN_2026)
    return folder


@pytest.fixture
def store_copy(tmp_path: Path, built_store: Path) -> Path:
    """A private copy of the built store, for tests that try to damage it."""
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    return target


def test_sections_json_follows_the_contract(built_store: Path) -> None:
    """`sections DOC --format json` gives the contract's fields, spans and explicit goals."""
    code, out, _ = run("sections", PLAN_2026, "--store", str(built_store), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {"doc", "id", "parent", "level", "number", "title", "title_span", "span", "goal"} <= set(data[0])
    part = next(s for s in data if s["title"] == "大力发展现代能源经济，建设国家重要能源和战略资源基地")
    assert part["goal"] == {"code": "P3", "basis": "explicit", "confidence": 1.0}
    text = (bundled_corpus() / PLAN_2026).read_text(encoding="utf-8-sig")
    assert text[part["title_span"][0] : part["title_span"][1]] == part["title"]


def test_query_lists_sections_under_p3_in_the_2026_plan(built_store: Path) -> None:
    """The named query answers: which sections of the 2026 plan serve P3?"""
    code, out, _ = run(
        "query",
        "sections_under_goal",
        "--param",
        "goalCode=P3",
        "--param",
        "year=2026",
        "--store",
        str(built_store),
        "--format",
        "json",
    )
    assert code == 0
    result = json.loads(out)
    titles = {
        b["title"]["value"] for b in result["results"]["bindings"] if b["docName"]["value"] == PLAN_2026
    }
    assert {"持续夯实能源供应保障基础", "提高新能源开发利用水平", "加强矿产资源开发利用"} <= titles
    assert result["head"]["vars"][:2] == ["docName", "id"]


def test_query_from_text_and_csv(built_store: Path) -> None:
    """Ad-hoc SPARQL text runs and prints CSV with a header row."""
    code, out, _ = run(
        "query",
        "SELECT ?code WHERE { ?g skos:notation ?code ; skos:inScheme <https://w3id.org/policykg/id/scheme/goals> } ORDER BY ?code",
        "--store",
        str(built_store),
        "--format",
        "csv",
    )
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "code" and "P3" in lines and len(lines) == 15


def test_query_from_file(built_store: Path, tmp_path: Path) -> None:
    """A .rq file is read and run."""
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a pkg:Document }", encoding="utf-8")
    code, out, _ = run("query", str(path), "--store", str(built_store), "--format", "json")
    assert code == 0 and json.loads(out)["results"]["bindings"][0]["n"]["value"] == "5"


def test_malformed_sparql_is_one_line_and_nonzero(built_store: Path) -> None:
    """Malformed SPARQL: one-line error, exit 4, no traceback."""
    code, _, err = run("query", "SELECT WHERE {", "--store", str(built_store))
    assert code == 4 and one_line_error(err)


def test_stats_and_queries(built_store: Path) -> None:
    """`stats --format json` counts documents and sections; `queries` lists named queries."""
    code, out, _ = run("stats", "--store", str(built_store), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["classes"]["Document"] == 5 and data["classes"]["Section"] > 200
    code, out, _ = run("queries", "--format", "json")
    assert code == 0 and "sections_under_goal" in {q["name"] for q in json.loads(out)}


def test_stats_documents_say_what_each_document_is(built_store: Path) -> None:
    """`stats --format json` rows carry title, year, kind, issuing region and date (the contract's shape)."""
    code, out, _ = run("stats", "--store", str(built_store), "--format", "json")
    rows = {r["docName"]: r for r in json.loads(out)["documents"]}
    assert code == 0 and all(
        {"docName", "title", "year", "kind", "issuer", "date"} <= set(r) for r in rows.values()
    )
    assert rows["002_4400adb43caeaed0.txt"]["date"] is None  # unknown facts are null, not left out
    report = rows["003_c0f21ab277f53f5b.txt"]
    assert (report["kind"], report["year"], report["issuer"], report["date"]) == (
        "government_work_report",
        2025,
        "内蒙古自治区",
        "2025-01-14",
    )


def test_export_writes_a_file(built_store: Path, tmp_path: Path) -> None:
    """`export -o` writes the requested serialisation."""
    target = tmp_path / "g.nt"
    code, _, _ = run("export", "--store", str(built_store), "--format", "ntriples", "-o", str(target))
    assert code == 0 and target.read_text(encoding="utf-8").count(" .\n") > 5000


def test_build_without_manifest_and_with_gb18030(tmp_path: Path) -> None:
    """A folder with a GB18030 file and no manifest builds, with kind and year inferred."""
    folder = tmp_path / "c"
    folder.mkdir()
    text = (bundled_corpus() / "004_37e45ae1c4b0ca61.txt").read_text(encoding="utf-8")
    (folder / "plan.txt").write_bytes(text.encode("gb18030"))
    code, out, err = run("build", "--corpus", str(folder), "--store", str(tmp_path / "s"), "--format", "json")
    assert code == 0, err
    (doc,) = json.loads(out)["documents"]
    assert (doc["kind"], doc["year"], doc["metadata"]) == ("annual_plan", 2025, "inferred")


@pytest.mark.parametrize(
    ("name", "content"),
    [("empty.txt", b""), ("scan.txt", b"\x00\x01PK\x03\x04binary\xff")],
)
def test_bad_document_leaves_the_existing_store_intact(
    small_corpus: Path, store_copy: Path, name: str, content: bytes
) -> None:
    """An empty or binary file fails the build with one line; the previous graph still answers."""
    (small_corpus / name).write_bytes(content)
    before = sorted(p.name for p in store_copy.rglob("*"))
    code, _, err = run("build", "--corpus", str(small_corpus), "--store", str(store_copy))
    assert code == 2 and one_line_error(err) and name in err
    assert sorted(p.name for p in store_copy.rglob("*")) == before
    code, out, _ = run("stats", "--store", str(store_copy), "--format", "json")
    assert code == 0 and json.loads(out)["classes"]["Document"] == 5


def test_missing_corpus_directory(tmp_path: Path) -> None:
    """A corpus folder that does not exist: one line, non-zero."""
    code, _, err = run("build", "--corpus", str(tmp_path / "nope"), "--store", str(tmp_path / "s"))
    assert code == 2 and one_line_error(err) and "no such directory" in err


def test_build_refuses_to_replace_a_foreign_directory(small_corpus: Path, tmp_path: Path) -> None:
    """--store pointed at someone's folder is refused and the folder is untouched."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.txt").write_text("keep me", encoding="utf-8")
    code, _, err = run("build", "--corpus", str(small_corpus), "--store", str(folder))
    assert code == 3 and one_line_error(err)
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "keep me"


def test_rebuild_replaces_the_store(small_corpus: Path, store_copy: Path) -> None:
    """Building into an existing store replaces its graph with the new corpus."""
    code, _, err = run("build", "--corpus", str(small_corpus), "--store", str(store_copy))
    assert code == 0, err
    code, out, _ = run("stats", "--store", str(store_copy), "--format", "json")
    assert json.loads(out)["classes"]["Document"] == 1


def test_query_without_a_store(tmp_path: Path) -> None:
    """Querying before building says how to build, in one line."""
    code, _, err = run("sections", "--store", str(tmp_path / "none"))
    assert code == 3 and one_line_error(err) and "policykg build" in err


def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    """Through the real entry point, bad SPARQL on a missing store still ends in one line."""
    proc = subprocess.run(
        [sys.executable, "-m", "policykg", "query", "SELECT", "--store", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0 and one_line_error(proc.stderr)


def test_metrics_projects_regions_actors_follow_the_contract(built_store: Path) -> None:
    """The entity and metric commands print the contract's fields, with spans that quote the documents."""
    texts = {p.name: p.read_text(encoding="utf-8-sig") for p in bundled_corpus().glob("*.txt")}
    code, out, _ = run("metrics", "--store", str(built_store), "--format", "json")
    metrics = json.loads(out)
    assert code == 0 and metrics
    assert {
        "doc",
        "indicator",
        "value",
        "unit",
        "comparator",
        "kind",
        "period",
        "change",
        "span",
        "evidence",
    } <= set(metrics[0])
    assert all(texts[m["doc"]][m["span"][0] : m["span"][1]] == m["evidence"] for m in metrics)
    gdp = [m for m in metrics if m["indicator"] == "地区生产总值增速" and m["doc"] == PLAN_2026]
    assert gdp and (gdp[0]["value"], gdp[0]["comparator"], gdp[0]["kind"], gdp[0]["period"]) == (
        5,
        "about",
        "target",
        "2026",
    )
    code, out, _ = run("projects", "--store", str(built_store), "--format", "json")
    projects = json.loads(out)
    assert {"id", "name", "aliases", "type", "regions", "position", "mentions"} <= set(projects[0])
    assert any(p["name"] == "包银高铁" for p in projects)
    code, out, _ = run("regions", "--store", str(built_store), "--format", "json")
    regions = {r["name"]: r for r in json.loads(out)}
    assert regions["鄂尔多斯市"]["level"] == "league_city" and regions["鄂尔多斯市"]["mentions"]
    code, out, _ = run("actors", "--store", str(built_store), "--format", "json")
    actors = json.loads(out)
    assert {"actor", "doc", "span", "task", "target"} <= set(actors[0])


def test_metrics_filters(built_store: Path) -> None:
    """--indicator, --kind and --period narrow the metric statements."""
    code, out, _ = run(
        "metrics",
        "--indicator",
        "地区生产总值增速",
        "--kind",
        "actual",
        "--store",
        str(built_store),
        "--format",
        "json",
    )
    found = json.loads(out)
    assert (
        code == 0
        and found
        and all(m["indicator"] == "地区生产总值增速" and m["kind"] == "actual" for m in found)
    )


def test_compare_reports_the_2025_gdp_target_missed(built_store: Path) -> None:
    """compare 地区生产总值增速: the 2025 target of about 6 % against the 4.7 % result is missed."""
    code, out, _ = run("compare", "地区生产总值增速", "--store", str(built_store), "--format", "json")
    data = json.loads(out)
    tracked = [t for t in data["tracking"] if t["period"] == "2025"]
    assert code == 0 and tracked and {t["status"] for t in tracked} == {"missed"}
    code, _, err = run("compare", "不存在的指标", "--store", str(built_store))
    assert code == 4 and one_line_error(err)


def test_viz_writes_a_view(built_store: Path, tmp_path: Path) -> None:
    """`viz goal --target P3` writes one offline HTML view and prints its path."""
    code, out, _ = run("viz", "goal", "--target", "P3", "--out", str(tmp_path), "--store", str(built_store))
    path = Path(out.strip())
    assert (
        code == 0
        and path.exists()
        and "https://" not in path.read_text(encoding="utf-8").replace("https:\\/\\/", "")
    )


@pytest.mark.slow
def test_validate_and_reason_commands(built_store: Path, tmp_path: Path) -> None:
    """`validate` says the corpus graph conforms (exit 0); `reason --scope structure` finds it consistent."""
    code, out, _ = run("validate", "--store", str(built_store), "--format", "json")
    assert code == 0 and json.loads(out)["conforms"] is True
    from policykg.ontology.reasoning import java_available

    if not java_available():
        pytest.skip("no Java runtime for the HermiT reasoner")
    target = tmp_path / "inferred.nt"
    code, out, _ = run("reason", "--scope", "structure", "--out", str(target), "--store", str(built_store))
    assert (
        code == 0 and "consistent" in out.lower() and target.read_text(encoding="utf-8").count(" .\n") > 100
    )


def test_every_command_is_documented_in_the_readme() -> None:
    """README names every command of the command line, so the docs cannot silently fall behind."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [
        name for name in main.commands if f"`{name}" not in readme and f"policykg {name}" not in readme
    ]
    assert not missing, f"undocumented commands: {missing}"
