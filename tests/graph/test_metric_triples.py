"""Metric statements in the graph: what the figure is of (quantity, scope, measure, bound, unit family)."""

from __future__ import annotations

from rdflib import Literal, URIRef

from policykg.graph import iris
from policykg.graph.triples import metric_triples
from policykg.loaders.metrics.statements import parse_metrics
from policykg.loaders.records import Document
from policykg.loaders.structure.sections import parse_structure
from policykg.ontology.vocab import PKG

TEXT = "蒙能集团要当好我区能源企业的“顶梁柱”，力争电力总装机超过4500万千瓦。如果人们用来买吃的，就需要增加到六十亿斤。"


def _statements():
    doc = Document(
        id="t.txt", text=TEXT, title="t", kind="government_work_report", year=2025, issuer="内蒙古自治区"
    )
    return doc, parse_metrics(doc, parse_structure(doc))


def test_a_named_statement_carries_scope_measure_bound_and_family() -> None:
    """蒙能集团's 电力装机 is written with its quantity, organisation scope, level measure, lower bound and power family."""
    doc, found = _statements()
    s = next(x for x in found if x.value == 4500)
    triples = set(metric_triples(doc, s))
    m = URIRef(iris.metric_iri(doc.id, s.span))
    assert (m, PKG.scopeName, Literal("蒙能集团")) in triples
    assert (m, PKG.scopeKind, Literal("organisation")) in triples
    assert (m, PKG.measureType, Literal("level")) in triples
    assert (m, PKG.bound, Literal("lower")) in triples
    assert (m, PKG.unitFamily, Literal("power")) in triples
    assert (m, PKG.quantityName, Literal("电力装机容量")) in triples
    assert (m, PKG.measures, URIRef(iris.indicator_iri("蒙能集团电力装机容量"))) in triples


def test_an_unnamed_statement_measures_no_indicator() -> None:
    """A figure whose quantity could not be named stays in the graph but out of indicator linking."""
    doc, found = _statements()
    s = next(x for x in found if x.value == 60)
    assert s.indicator is None and s.subject is None
    triples = list(metric_triples(doc, s))
    assert not [t for t in triples if t[1] in (PKG.measures, PKG.quantityName)]
    assert any(t[1] == PKG.measureType for t in triples)
