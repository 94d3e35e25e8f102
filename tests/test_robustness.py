"""Robustness: arbitrary text never crashes the loaders, a killed build never loses the graph,
rebuilding is deterministic, and an oversized input is refused with a clear message.

The fuzzing mixes arbitrary Unicode with the tokens of the genre (heading numbers, figures with
units and comparators, place names, responsibility words) so that the parsers' interesting paths
are reached, not only their "no heading found" exits.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.errors import PolicyKGError
from policykg.loaders.structure.sections import parse_structure
from policykg.loaders.text.documents import bundled_corpus, parse_document
from policykg.loaders.text.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
TOKENS = [
    "一、", "二、", "十一、", "（一）", "（二）", "(三)", "1.", "2．", "12、", "一是", "二要", "专栏1", "专栏 2",
    "## ", "# ", "主要预期目标", "\n", "\n\n", "\r\n", "。", "，", "；", "：", "“", "”", "**", " ", "\u3000",
    "\ufeff", "\t", "-", "•", "地区生产总值增长", "5.5%", "左右", "以上", "不低于", "1.2万亿元", "亿千瓦",
    "100万吨", "预计", "2025年", "2026年", "十四五", "呼和浩特", "包头市", "鄂尔多斯", "满洲里口岸", "铁路",
    "输电通道", "工程", "项目", "开工建设", "建成投运", "自治区发展改革委", "牵头", "配合", "国家重要能源和战略资源基地",
    "铸牢中华民族共同体意识", "内政发〔2026〕5号", "2026年2月13日", "a", "Z", "0", "\x00", "\x07", "\ud7ff", "😀",
]  # fmt: skip
genre_text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=300), genre_text)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _inside(span: tuple[int, int], text: str) -> bool:
    return 0 <= span[0] <= span[1] <= len(text)


def _document(text: str):  # type: ignore[no-untyped-def]
    """The Document for a text, or None when the loaders refuse it with a policykg error."""
    try:
        return parse_document(text, doc_id="fuzz.txt")
    except PolicyKGError:
        return None


@pytest.mark.parametrize("text", ["**", "** **\n", "\u3000**"])
def test_markup_only_text(text: str) -> None:
    """Found by the fuzzing below: text that normalises to nothing must parse or raise a policykg error."""
    with contextlib.suppress(PolicyKGError):
        parse_document(text, doc_id="markup.txt")


@FUZZ
@given(any_text)
def test_normalise_maps_back_into_the_original(text: str) -> None:
    """Every normalised character maps back, in order, to a position inside the original text."""
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text)
    assert all(0 <= o < len(text) for o in norm.origin)
    assert list(norm.origin) == sorted(norm.origin)
    s, e = norm.original_span(0, len(norm.text))
    assert _inside((s, e), text)


@FUZZ
@given(any_text)
def test_parse_document_and_structure(text: str) -> None:
    """Arbitrary text parses into sections, paragraphs and sentences whose spans stay inside the text."""
    doc = _document(text)
    if doc is None:
        return
    assert doc.text == text.removeprefix("\ufeff")
    structure = parse_structure(doc)
    for section in structure.sections:
        assert _inside(section.span, doc.text) and _inside(section.title_span, doc.text)
        assert section.span[0] <= section.title_span[0] <= section.title_span[1] <= section.span[1]
    ids = {s.id for s in structure.sections}
    assert all(s.parent is None or s.parent in ids for s in structure.sections)
    for record in (*structure.paragraphs, *structure.sentences):
        assert _inside(record.span, doc.text)


def _optional(module: str, name: str) -> object | None:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


parse_metrics = _optional("policykg.loaders.metrics.statements", "parse_metrics")
EXTRACTORS = {
    name: fn
    for name, fn in {
        "projects": _optional("policykg.loaders.projects.mentions", "extract_project_mentions"),
        "regions": _optional("policykg.loaders.regions", "extract_region_mentions"),
        "actors": _optional("policykg.loaders.actors", "extract_responsibilities"),
    }.items()
    if fn is not None
}


@pytest.mark.skipif(parse_metrics is None, reason="no policykg.loaders.metrics.statements.parse_metrics yet")
@FUZZ
@given(any_text)
def test_parse_metrics_quotes_its_evidence(text: str) -> None:
    """Every metric found in arbitrary text quotes its span verbatim and has a known comparator and kind."""
    doc = _document(text)
    if doc is None:
        return
    structure = parse_structure(doc)
    try:
        metrics = parse_metrics(doc, structure)  # type: ignore[misc]
    except PolicyKGError:
        return
    for m in metrics:
        assert _inside(m.span, doc.text)
        assert m.evidence == doc.text[m.span[0] : m.span[1]]
        assert m.comparator in ("about", "at_least", "at_most", "exact") and m.kind in ("target", "actual")


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
@FUZZ
@given(text=any_text)
def test_entity_extractors_stay_inside_the_text(name: str, text: str) -> None:
    """Project, region and actor mentions in arbitrary text have spans inside it that match their surface."""
    doc = _document(text)
    if doc is None:
        return
    try:
        found = EXTRACTORS[name](doc, parse_structure(doc))
    except PolicyKGError:
        return
    for record in found:
        assert _inside(record.span, doc.text)
        surface = getattr(record, "surface", "")
        if surface:
            assert surface == doc.text[record.span[0] : record.span[1]]


# --- builds: killed halfway, repeated, and the stale temporary directories -----------------------


def _make_corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_corpus", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _counts(store_path: Path) -> dict[str, str]:
    from policykg.graph.connect import open_store
    from policykg.graph.store import rows

    store = open_store(store_path)
    try:
        found = rows(store.query("SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"))
        total = rows(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    finally:
        store.close()
    return {r["c"]: r["n"] for r in found} | {"*": total[0]["n"]}


@pytest.mark.slow
def test_killed_build_leaves_the_previous_graph(built_store: Path, tmp_path: Path) -> None:
    """A build killed while writing leaves the previous graph intact, and the next build succeeds."""
    target = tmp_path / "store"
    shutil.copytree(built_store, target)
    before = _counts(target)
    corpus = tmp_path / "big"
    _make_corpus().write_corpus(corpus, 30, seed=7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "policykg",
            "build",
            "--corpus",
            str(corpus),
            "--store",
            str(target),
            "--format",
            "json",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    writing = False
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.is_dir() and any(p.iterdir()) for p in tmp_path.glob(".store.building-*")):
            writing = True
            break
        time.sleep(0.005)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert writing, "the build finished or failed before it started writing: make the corpus bigger"
    assert _counts(target) == before
    # a following build succeeds
    from policykg.build import build_store

    build_store(bundled_corpus(), target)
    assert _counts(target) == before


def test_next_build_removes_stale_temporary_directories(tmp_path: Path) -> None:
    """A build removes temporary directories left behind by an earlier crashed build."""
    from policykg.build import build_store

    target = tmp_path / "store"
    stale = tmp_path / ".store.building-999999999"
    (stale / "oxigraph").mkdir(parents=True)
    (stale / "oxigraph" / "junk").write_bytes(b"x" * 1000)
    build_store(bundled_corpus(), target)
    assert not stale.exists()


def _sorted_ntriples(store_path: Path) -> tuple[list[str], object]:
    from rdflib import Graph

    from policykg.graph.connect import open_store

    store = open_store(store_path)
    try:
        text = store.export("ntriples").decode("utf-8")
    finally:
        store.close()
    lines = text.splitlines()
    named = sorted(line for line in lines if "_:" not in line)
    blank = Graph().parse(data="\n".join(line for line in lines if "_:" in line), format="nt")
    return named, blank


@pytest.mark.slow
def test_rebuild_gives_the_identical_graph(built_store: Path, tmp_path: Path) -> None:
    """Building the same corpus twice gives the same graph, up to blank-node labels."""
    from rdflib.compare import isomorphic

    from policykg.build import build_store

    again = tmp_path / "again"
    build_store(bundled_corpus(), again)
    named_a, blank_a = _sorted_ntriples(built_store)
    named_b, blank_b = _sorted_ntriples(again)
    assert named_a == named_b
    assert isomorphic(blank_a, blank_b)  # the ontology's anonymous axioms, blank-node labels aside


# --- oversized input ---------------------------------------------------------------------------

BIG = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def big_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    sample = (bundled_corpus() / "001_6041d7e2bd5c6023.txt").read_bytes()
    with (folder / "huge.txt").open("wb") as out:
        written = 0
        while written < BIG:
            out.write(sample)
            written += len(sample)
    return folder


@pytest.mark.slow
def test_oversized_document_is_refused_clearly(big_document: Path) -> None:
    """A 50 MB document is refused quickly, exit code 2, with a message naming the file and the size limit."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "policykg", "build", "--corpus", str(big_document),
             "--store", str(big_document.parent / "store"), "--format", "json"],
            env=env, capture_output=True, text=True, timeout=20,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("a 50 MB document was not refused within 20 s")
    assert done.returncode == 2
    assert "huge.txt" in done.stderr and "MB" in done.stderr and "limit" in done.stderr
    from policykg.errors import InputError
    from policykg.loaders.text.documents import read_document

    with pytest.raises(InputError, match="limit"):
        read_document(big_document / "huge.txt")
