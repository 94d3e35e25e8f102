"""The data layer and the HTML renderer: expected nodes, offline pages, escaped document text, no ``lib/``."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policykg.graph.store import open_store
from policykg.viz import data as views
from policykg.viz import write_view, write_views
from policykg.viz.network import payload, render_html

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
ENERGY = "大力发展现代能源经济，建设国家重要能源和战略资源基地"
SCRIPT = "<script>window.pwned=1</script>"
IMG = "<img src=x onerror=window.pwned=1>"
HOSTILE_TTL = f"""
@prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/policykg/id/> .
id:goal\\/P3 a pkg:StrategicPosition ; skos:inScheme id:scheme\\/goals ; skos:notation "P3" ;
  skos:prefLabel "国家重要能源和战略资源基地"@zh , "energy base"@en .
id:doc\\/d1 a pkg:Document ; pkg:fileName "d1.txt" ; dcterms:title "{SCRIPT}计划"@zh ; pkg:year "2026"^^xsd:gYear .
id:doc\\/d0 a pkg:Document ; pkg:fileName "d0.txt" ; dcterms:title "报告"@zh ; pkg:year "2025"^^xsd:gYear .
id:ev\\/1 oa:hasSelector id:ev\\/1p , id:ev\\/1q .
id:ev\\/1p a oa:TextPositionSelector ; oa:start 0 ; oa:end 12 .
id:ev\\/1q a oa:TextQuoteSelector ; oa:exact "{IMG}证据" .
id:s\\/p1 a pkg:Section ; skos:prefLabel "{SCRIPT}能源"@zh ; pkg:inDocument id:doc\\/d1 ; pkg:level 1 ;
  pkg:sequence 1 ; pkg:servesGoal id:goal\\/P3 ; pkg:evidence id:ev\\/1 .
id:s\\/t1 a pkg:Section ; skos:prefLabel "煤电"@zh ; pkg:inDocument id:doc\\/d1 ; pkg:level 2 ; pkg:sequence 2 ;
  pkg:partOf id:s\\/p1 ; pkg:servesGoal id:goal\\/P3 ; pkg:evidence id:ev\\/1 .
id:s\\/q1 a pkg:Section ; skos:prefLabel "去年能源"@zh ; pkg:inDocument id:doc\\/d0 ; pkg:level 1 ; pkg:sequence 1 ;
  pkg:servesGoal id:goal\\/P3 .
id:project\\/1 a pkg:Project ; skos:prefLabel "{IMG}风电基地"@zh ; skos:altLabel "风光基地"@zh ;
  pkg:projectType "energy" ; pkg:touchesRegion id:region\\/ordos ; pkg:contributesTo id:s\\/t1 ;
  pkg:servesGoal id:goal\\/P3 .
id:region\\/nmg a pkg:Region ; skos:prefLabel "内蒙古自治区"@zh ; pkg:regionLevel "province" .
id:region\\/ordos a pkg:Region ; skos:prefLabel "鄂尔多斯市"@zh ; pkg:regionLevel "league_city" ;
  geo:sfWithin id:region\\/nmg .
id:region\\/dalad a pkg:Region ; skos:prefLabel "达拉特旗"@zh ; pkg:regionLevel "county" ; geo:sfWithin id:region\\/ordos .
id:m\\/1 a pkg:Mention ; pkg:mentionOf id:region\\/ordos ; pkg:inDocument id:doc\\/d1 ; pkg:statedIn id:s\\/p1 ;
  pkg:evidence id:ev\\/1 .
id:m\\/2 a pkg:Mention ; pkg:mentionOf id:region\\/dalad ; pkg:inDocument id:doc\\/d1 ; pkg:statedIn id:s\\/t1 .
id:m\\/3 a pkg:Mention ; pkg:mentionOf id:project\\/1 ; pkg:inDocument id:doc\\/d1 ; pkg:statedIn id:s\\/t1 ;
  pkg:evidence id:ev\\/1 .
id:indicator\\/gdp a pkg:Indicator ; skos:prefLabel "地区生产总值增速"@zh .
id:metric\\/1 a pkg:MetricStatement , pkg:Target ; pkg:measures id:indicator\\/gdp ; pkg:value 5.5 ; pkg:unit "%" ;
  pkg:kind "target" ; pkg:period "2026" ; pkg:statedIn id:s\\/t1 ; pkg:inDocument id:doc\\/d1 ; pkg:evidence id:ev\\/1 .
id:metric\\/2 a pkg:MetricStatement , pkg:Observation ; pkg:measures id:indicator\\/gdp ; pkg:value 5.8 ;
  pkg:unit "%" ; pkg:kind "actual" ; pkg:period "2025" ; pkg:statedIn id:s\\/t1 ; pkg:inDocument id:doc\\/d1 .
id:metric\\/3 a pkg:MetricStatement , pkg:Target ; pkg:measures id:indicator\\/gdp ; pkg:value 6 ; pkg:unit "%" ;
  pkg:kind "target" ; pkg:period "2025" ; pkg:statedIn id:s\\/q1 ; pkg:inDocument id:doc\\/d0 .
id:resp\\/1 a pkg:Responsibility ; pkg:responsibleActor id:actor\\/1 ; pkg:taskText "牵头" ; pkg:statedIn id:s\\/p1 .
id:actor\\/1 a pkg:Actor ; skos:prefLabel "自治区能源局"@zh .
"""
ID = "https://w3id.org/policykg/id/"
_URL = re.compile(r"https?://|(?<![A-Za-z0-9+/\\])//[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", re.I)


@pytest.fixture
def hostile():
    """A small in-memory graph with a project, regions, metrics, an actor and markup in its text."""
    store = open_store("memory:")
    store.load(HOSTILE_TTL, "turtle")
    yield store
    store.close()


@pytest.fixture(scope="module")
def real_data(built_store: Path) -> views.VizData:
    """The visualisation rows of the bundled corpus."""
    store = open_store(built_store)
    try:
        return views.fetch(store)
    finally:
        store.close()


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "action", "data")]


def assert_offline(text: str, *, local_links: bool = False) -> None:
    """No absolute or protocol-relative URL anywhere, and every src/href is a data: URI (or a local file)."""
    assert not _URL.search(text), _URL.search(text)
    parser = _Refs()
    parser.feed(text)
    assert "link" not in parser.tags and "iframe" not in parser.tags
    for ref in parser.refs:
        assert ref.startswith("data:") or (local_links and re.fullmatch(r"[\w%.-]+\.(html|png|svg)", ref)), (
            ref
        )
    assert not re.search(r"url\((?!\"?data:)", text)
    assert "@import" not in text


def data_block(text: str) -> dict:
    """The JSON payload of a page."""
    match = re.search(r'<script type="application/json" id="pkg-data">(.*?)</script>', text, re.S)
    assert match
    return json.loads(match.group(1))


def test_overview_of_small_graph_holds_every_class(hostile) -> None:
    """The overview links goal → sections → project, target and regions, with evidence on the nodes."""
    graph = views.overview_graph(views.fetch(hostile))
    classes = {d["cls"] for _, d in graph.nodes(data=True)}
    assert {"Goal", "Section", "Project", "Target", "Region"} <= classes
    project = graph.nodes[ID + "project/1"]
    assert project["evidence"] == IMG + "证据" and "d1.txt" in project["source"] and project["goal"] == "P3"
    assert graph.has_edge(ID + "s/t1", ID + "s/p1") and graph.has_edge(ID + "s/p1", ID + "goal/P3")
    assert all("x" in d and "y" in d for _, d in graph.nodes(data=True))


def test_overview_of_the_corpus_has_the_goals_and_the_energy_section(real_data) -> None:
    """The overview has the 14 goal nodes and the 2026 plan's energy section under P3."""
    graph = views.overview_graph(real_data)
    goals = {d["goal"] for _, d in graph.nodes(data=True) if d["cls"] == "Goal"}
    assert len(goals) == 14 and {"M", "P1", "P5", "K7", "L"} <= goals
    energy = [n for n, d in graph.nodes(data=True) if d["label"] == ENERGY and d["doc"] == PLAN_2026]
    assert len(energy) == 1
    assert graph.has_edge(energy[0], "https://w3id.org/policykg/id/goal/P3")
    assert graph.nodes[energy[0]]["year"] == 2026 and graph.nodes[energy[0]]["evidence"] == ENERGY
    records = {n["full"] for n in payload(graph)["nodes"]}
    assert ENERGY in records


def test_layout_is_deterministic(real_data) -> None:
    """The same rows give the same positions, so the browser needs no physics."""
    first = views.overview_graph(real_data)
    second = views.overview_graph(real_data)
    assert {n: (d["x"], d["y"]) for n, d in first.nodes(data=True)} == {
        n: (d["x"], d["y"]) for n, d in second.nodes(data=True)
    }
    assert len({(d["x"], d["y"]) for _, d in first.nodes(data=True)}) == len(first)


def test_pages_hold_no_external_url(built_store: Path, tmp_path: Path) -> None:
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


def test_injected_markup_is_escaped(hostile, tmp_path: Path) -> None:
    """Markup in labels, titles and evidence appears only as escaped data, never as tags."""
    page = write_view(hostile, "overview", tmp_path / "o.html").read_text(encoding="utf-8")
    assert SCRIPT not in page and IMG not in page and "<img src=x" not in page
    assert "\\u003cimg src=x onerror=window.pwned=1\\u003e" in page
    assert_offline(page)
    nodes = {n["id"]: n for n in data_block(page)["nodes"]}
    assert nodes[ID + "s/p1"]["full"] == SCRIPT + "能源"
    assert nodes[ID + "project/1"]["evidence"] == IMG + "证据"
    assert SCRIPT in nodes[ID + "s/p1"]["source"]
    assert "innerHTML" not in page.split('id="pkg-data"')[1].split("</script>", 2)[2]


def test_title_and_description_are_escaped(hostile) -> None:
    """A view title taken from data is HTML-escaped."""
    text = render_html(views.overview_graph(views.fetch(hostile)), title=IMG, description=SCRIPT)
    assert "<title>&lt;img src=x onerror=window.pwned=1&gt;</title>" in text
    assert f"<p>{SCRIPT}" not in text


def test_writing_creates_no_lib_folder_and_writes_utf8(hostile, tmp_path: Path, monkeypatch) -> None:
    """Writing views never creates lib/ in the working directory, and every page is UTF-8."""
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    paths = write_views(hostile, tmp_path / "out")
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


def test_single_views(hostile, tmp_path: Path) -> None:
    """Goal, region, entity (by label, depth 2) and trace views hold the nodes they are about."""
    data = views.fetch(hostile)
    goal = views.goal_graph(data, "p3")
    assert {ID + "s/p1", ID + "s/t1", ID + "project/1", ID + "metric/1", ID + "region/ordos"} <= set(goal)
    region = views.region_graph(data, "鄂尔多斯市")
    assert {ID + "region/dalad", ID + "region/nmg", ID + "project/1", ID + "s/p1"} <= set(region)
    entity = views.entity_graph(data, "风光基地", depth=2)
    assert ID + "project/1" in entity and ID + "goal/P3" in entity
    trace = views.trace_graph(data, [ID + "metric/1", ID + "goal/P3"])
    assert list(trace) == [ID + "metric/1", ID + "s/t1", ID + "s/p1", ID + "goal/P3"] or set(trace) >= {
        ID + "metric/1",
        ID + "goal/P3",
    }
    for kind, target in (
        ("goal", "P3"),
        ("region", "鄂尔多斯市"),
        ("entity", ID + "actor/1"),
        ("trace", f"{ID}metric/1,{ID}goal/P3"),
    ):
        text = write_view(hostile, kind, tmp_path / f"{kind}.html", target=target).read_text(encoding="utf-8")
        assert_offline(text)
    with pytest.raises(views.ViewError, match="no goal"):
        write_view(hostile, "goal", tmp_path / "x.html", target="P9")


def test_ontology_view_has_classes_and_properties() -> None:
    """The class diagram comes from policykg.ttl: classes, subclass edges and domain → range properties."""
    from policykg.viz.ontology import ontology_graph

    graph = ontology_graph()
    pkg = "https://w3id.org/policykg/ontology#"
    assert graph.edges[pkg + "Project", pkg + "Region"]["rel"].startswith("pkg:touchesRegion")
    assert graph.edges[pkg + "Target", pkg + "MetricStatement"]["rel"] == "rdfs:subClassOf"
    assert graph.nodes[pkg + "Section"]["cls"] == "Class"


def test_importing_viz_is_lazy() -> None:
    """Importing policykg.viz loads neither networkx, pyvis nor matplotlib."""
    code = "import sys, policykg.viz; print(sorted(m for m in ('networkx', 'pyvis', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
