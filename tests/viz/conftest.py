"""What the view tests share: a small hostile graph, and a check that a page needs no network.

The hostile graph holds every class a view draws (goal, sections of two documents, a project,
regions in a containment chain, metrics, an indicator, an actor) and puts ``<script>`` and
``<img onerror>`` markup into titles, labels and evidence, so every test that draws it also checks
that document text stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import NamedTuple

import pytest

from policykg.graph.connect import open_store
from policykg.graph.store import Store

SCRIPT = "<script>window.pwned=1</script>"
IMG = "<img src=x onerror=window.pwned=1>"
ID = "https://w3id.org/policykg/id/"
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
_URL = re.compile(r"https?://|(?<![A-Za-z0-9+/\\])//[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", re.I)


class Hostile(NamedTuple):
    """The hostile graph in a store, with the markup planted in it and the base of its IRIs."""

    store: Store
    script: str = SCRIPT
    img: str = IMG

    @staticmethod
    def iri(local: str) -> str:
        """The IRI of a node of the graph, such as ``project/1``."""
        return ID + local


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    """A small in-memory graph with a project, regions, metrics, an actor and markup in its text."""
    store = open_store("memory:")
    store.load(HOSTILE_TTL, "turtle")
    yield Hostile(store)
    store.close()


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "action", "data")]


def _assert_offline(text: str, *, local_links: bool = False) -> None:
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


@pytest.fixture
def assert_offline() -> Callable[..., None]:
    """assert_offline(text, local_links=False): no absolute or protocol-relative URL anywhere, and every
    src/href is a data: URI (or, with local_links, a file beside the page)."""
    return _assert_offline
