"""The entry points: every view kind written as files, with an index, offline and as UTF-8; a light import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policykg.graph.connect import open_store
from policykg.viz import write_view, write_views
from policykg.viz.data import ViewError


def test_pages_hold_no_external_url(built_store: Path, assert_offline, tmp_path: Path) -> None:
    """Every written page, including vis-network inlined from pyvis, references nothing on the network."""
    store = open_store(built_store)
    try:
        paths = write_views(store, tmp_path, kinds=("overview", "ontology"))
    finally:
        store.close()
    pages = [p for p in paths if p.suffix == ".html"]
    assert {p.name for p in pages} == {"overview.html", "ontology.html", "index.html"}
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert_offline(text, local_links=page.name == "index.html")
        if page.name != "index.html":
            assert "vis-network" in text and "@license" in text and "Content-Security-Policy" in text


def test_writing_creates_no_lib_folder_and_writes_utf8(hostile, tmp_path: Path, monkeypatch) -> None:
    """Writing views never creates lib/ in the working directory, and every page is UTF-8."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    paths = write_views(hostile.store, tmp_path / "out")
    assert list(work.iterdir()) == [] and not (tmp_path / "out" / "lib").exists()
    names = {p.name for p in paths}
    assert {
        "overview.html",
        "goal-P3.html",
        "regions.html",
        "region-鄂尔多斯市.html",
        "ontology.html",
    } <= names
    assert {"chart-goals.png", "chart-targets.svg", "chart-regions.svg", "index.html"} <= names
    for page in (p for p in paths if p.suffix == ".html"):
        text = page.read_bytes().decode("utf-8")
        assert '<meta charset="utf-8">' in text and ("鄂尔多斯" in text or "风电" in text or "本体" in text)


def test_single_views_are_written_offline(hostile, assert_offline, tmp_path: Path) -> None:
    """Goal, region, entity and trace views, by target, are written as offline pages; a chart as SVG."""
    iri = hostile.iri
    for kind, target in (
        ("goal", "P3"),
        ("region", "鄂尔多斯市"),
        ("entity", iri("actor/1")),
        ("trace", f"{iri('metric/1')},{iri('goal/P3')}"),
    ):
        path = write_view(hostile.store, kind, tmp_path / f"{kind}.html", target=target)
        assert_offline(path.read_text(encoding="utf-8"))
    chart = write_view(hostile.store, "chart-goals", tmp_path / "goals.svg")
    assert chart.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_bad_requests_are_view_errors(hostile, tmp_path: Path) -> None:
    """Unknown kinds, missing targets, wrong chart suffixes and unknown goals exit with code 2."""
    store = hostile.store
    with pytest.raises(ViewError, match="no goal"):
        write_view(store, "goal", tmp_path / "x.html", target="P9")
    with pytest.raises(ViewError, match="unknown view 'pie'; choose from overview, goal"):
        write_view(store, "pie", tmp_path / "x.html")
    with pytest.raises(ViewError, match="the region view needs a target"):
        write_view(store, "region", tmp_path / "x.html", target=" ")
    with pytest.raises(ViewError, match=r"as \.png or \.svg"):
        write_view(store, "chart-goals", tmp_path / "x.html")
    with pytest.raises(ViewError, match="unknown view kind") as caught:
        write_views(store, tmp_path, kinds=("overview", "pie"))
    assert caught.value.exit_code == 2
    assert not list(tmp_path.iterdir())


def test_importing_viz_is_lazy() -> None:
    """Importing policykg.viz loads neither networkx, pyvis nor matplotlib."""
    code = "import sys, policykg.viz; print(sorted(m for m in ('networkx', 'pyvis', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
