"""The charts: targets against actuals, goal coverage and mentions per 盟市, as PNG, SVG and data URIs."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from policykg.graph.connect import open_store
from policykg.viz import charts
from policykg.viz.data import VizData, fetch, full_graph

TTL = """
@prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix geo: <http://www.opengis.net/ont/geosparql#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/policykg/id/> .
id:goal\\/P3 skos:inScheme id:scheme\\/goals ; skos:notation "P3" ; skos:prefLabel "<script>alert(1)</script>能源"@zh .
id:doc\\/d1 a pkg:Document ; pkg:fileName "d1.txt" ; pkg:year "2026"^^xsd:gYear .
id:s\\/p1 a pkg:Section ; skos:prefLabel "能源"@zh ; pkg:inDocument id:doc\\/d1 ; pkg:servesGoal id:goal\\/P3 .
id:s\\/t1 a pkg:Section ; skos:prefLabel "煤电"@zh ; pkg:inDocument id:doc\\/d1 ; pkg:partOf id:s\\/p1 .
id:project\\/1 a pkg:Project ; skos:prefLabel "风电基地"@zh ; pkg:contributesTo id:s\\/t1 ; pkg:touchesRegion id:r\\/ordos .
id:r\\/ordos a pkg:Region ; skos:prefLabel "鄂尔多斯市"@zh ; pkg:regionLevel "league_city" .
id:r\\/dalad a pkg:Region ; skos:prefLabel "达拉特旗"@zh ; pkg:regionLevel "county" ; geo:sfWithin id:r\\/ordos .
id:r\\/baotou a pkg:Region ; skos:prefLabel "<img src=x onerror=alert(1)>包头市"@zh ; pkg:regionLevel "league_city" .
id:m\\/1 a pkg:Mention ; pkg:mentionOf id:r\\/ordos ; pkg:inDocument id:doc\\/d1 .
id:m\\/2 a pkg:Mention ; pkg:mentionOf id:r\\/dalad ; pkg:inDocument id:doc\\/d1 .
id:m\\/3 a pkg:Mention ; pkg:mentionOf id:r\\/dalad ; pkg:inDocument id:doc\\/d1 .
id:m\\/4 a pkg:Mention ; pkg:mentionOf id:r\\/baotou ; pkg:inDocument id:doc\\/d1 .
id:i\\/gdp a pkg:Indicator ; skos:prefLabel "地区生产总值增速"@zh .
id:t\\/1 a pkg:MetricStatement , pkg:Target ; pkg:measures id:i\\/gdp ; pkg:value 5.5 ; pkg:unit "%" ; pkg:kind "target" ;
  pkg:period "2026" ; pkg:statedIn id:s\\/t1 ; pkg:inDocument id:doc\\/d1 .
id:t\\/2 a pkg:MetricStatement , pkg:Target ; pkg:measures id:i\\/gdp ; pkg:value 6 ; pkg:unit "%" ; pkg:kind "target" ;
  pkg:period "2025" ; pkg:inDocument id:doc\\/d1 .
id:o\\/1 a pkg:MetricStatement , pkg:Observation ; pkg:measures id:i\\/gdp ; pkg:value 5.8 ; pkg:unit "%" ;
  pkg:kind "actual" ; pkg:period "2025" ; pkg:inDocument id:doc\\/d1 .
"""


@pytest.fixture(scope="module")
def data() -> VizData:
    """The rows of a small graph with metrics, a project and regions."""
    store = open_store("memory:")
    store.load(TTL, "turtle")
    try:
        return fetch(store)
    finally:
        store.close()


def test_chart_data(data: VizData) -> None:
    """Series, coverage and mention counts are computed from the rows."""
    assert charts.indicator_series(data) == {
        ("地区生产总值增速", "%"): [(2025, "actual", 5.8), (2025, "target", 6.0), (2026, "target", 5.5)]
    }
    graph = full_graph(data)
    assert charts.goal_coverage(graph) == [
        ("P3", "P3 <script>alert(1)</script>能源", {"Section": 2, "Project": 1, "Target": 1})
    ]
    assert charts.region_mentions(graph) == [
        ("鄂尔多斯市", 1, 2),
        ("<img src=x onerror=alert(1)>包头市", 1, 0),
    ]


@pytest.mark.parametrize("kind", sorted(charts.CHARTS))
def test_charts_write_png_and_svg(data: VizData, kind: str, tmp_path: Path) -> None:
    """Each chart is written as a valid PNG and a valid, self-contained SVG without raw markup from the data."""
    png = charts.write_chart(kind, data, tmp_path / f"{kind}.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 2000
    svg = charts.write_chart(kind, data, tmp_path / f"{kind}.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"script", "img", "image", "foreignObject", "a"}
    assert not any(name.lower().startswith("on") for element in root.iter() for name in element.attrib)
    assert "<script" not in svg and "<img" not in svg and not re.search(r"href=\"(?!#)", svg)


def test_charts_are_deterministic_and_embeddable(data: VizData) -> None:
    """The same data gives the same SVG bytes, and a data URI decodes back to them."""
    first = charts.render_chart("goals", data, "svg")
    assert first == charts.render_chart("goals", data, "svg")
    uri = charts.chart_data_uri("goals", data)
    assert uri.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]) == first


def test_charts_of_an_empty_graph() -> None:
    """A graph without metrics or regions still gives charts (saying there is no data)."""
    empty = VizData({})
    for kind in charts.CHARTS:
        assert charts.render_chart(kind, empty, "png").startswith(b"\x89PNG")


def test_a_cjk_font_is_used_when_installed() -> None:
    """With a CJK font installed (Debian fonts-noto-cjk or fonts-wqy-zenhei), charts use it."""
    fonts = [p for p in Path("/usr/share/fonts").rglob("*") if re.search(r"cjk|wqy", p.name, re.I)]
    if not fonts:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    assert charts.cjk_font() in charts.CJK_FAMILIES


def test_unknown_chart_or_format_is_refused(data: VizData) -> None:
    """Unknown chart kinds and formats are errors, not silent fallbacks."""
    with pytest.raises(ValueError, match="unknown chart"):
        charts.render_chart("pie", data)
    with pytest.raises(ValueError, match="png or svg"):
        charts.render_chart("goals", data, "gif")
