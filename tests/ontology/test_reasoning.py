"""HermiT over the ontology and data: consistency verdicts and the links the ontology implies."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from policykg.errors import PolicyKGError
from policykg.ontology.reasoning import ReasoningReport, java_available, reason

owlready2 = pytest.importorskip("owlready2")
needs_java = pytest.mark.skipif(not java_available(), reason="HermiT needs Java: no `java` on PATH")

PKG = Namespace("https://w3id.org/policykg/ontology#")
ID = Namespace("https://w3id.org/policykg/id/")
GOAL = Namespace("https://w3id.org/policykg/id/goal/")
A, B, C = ID["section/d/p1/t1/i1"], ID["section/d/p1/t1"], ID["section/d/p1"]
PHASE, LINE, NETWORK = ID["project/phase1"], ID["project/line"], ID["project/network"]


def _triple(s: URIRef, p: URIRef, o: URIRef) -> str:
    return f"{s.n3()} {p.n3()} {o.n3()} .\n"


@pytest.fixture
def small() -> Graph:
    g = Graph()
    for s in (A, B, C):
        g.add((s, RDF.type, PKG.Section))
        g.add((s, SKOS.prefLabel, Literal("节", lang="zh")))
    g += [(A, PKG.partOf, B), (B, PKG.partOf, C), (C, PKG.servesGoal, GOAL.P3)]
    for p in (PHASE, LINE, NETWORK):
        g.add((p, RDF.type, PKG.Project))
    g += [(PHASE, PKG.partOf, LINE), (LINE, PKG.partOf, NETWORK), (NETWORK, PKG.servesGoal, GOAL.P5)]
    metric = ID["metric/d/1-5"]
    g += [(metric, RDF.type, PKG.Target), (metric, PKG.statedIn, A)]
    return g


@needs_java
def test_consistent_and_materialised(small: Graph) -> None:
    """A consistent graph gets its transitive and sub-property links inferred, and nothing restated."""
    report = reason(small)
    assert isinstance(report, ReasoningReport) and report.consistent
    nt = report.inferred_ntriples
    # the transitive partOf chain and goal inheritance, as skos:broaderTransitive
    for s, o in [(A, C), (A, GOAL.P3), (B, GOAL.P3), (PHASE, NETWORK), (PHASE, GOAL.P5)]:
        assert _triple(s, SKOS.broaderTransitive, o) in nt
    # a metric reaches the goal of the sections above it
    assert _triple(ID["metric/d/1-5"], SKOS.broaderTransitive, GOAL.P3) in nt
    # the sub-property hierarchy: partOf -> contributesTo -> skos:broader
    assert _triple(A, PKG.contributesTo, B) in nt and _triple(A, SKOS.broader, B) in nt
    # partOf is deliberately not transitive: no shortcut is invented
    assert _triple(A, PKG.partOf, C) not in nt
    # nothing already stated is repeated
    assert _triple(A, PKG.partOf, B) not in nt
    assert "skos:broaderTransitive" in report.summary()


@needs_java
def test_target_and_observation_is_inconsistent(small: Graph) -> None:
    """A metric that is both a Target and an Observation makes the graph inconsistent, and says why."""
    small.add((ID["metric/d/1-5"], RDF.type, PKG.Observation))
    report = reason(small)
    assert not report.consistent
    assert any("pkg:Target" in p and "pkg:Observation" in p for p in report.problems), report.problems
    assert "INCONSISTENT" in report.summary()


@needs_java
def test_goal_in_two_disjoint_classes_is_inconsistent(small: Graph) -> None:
    """A goal that is both a StrategicPosition and a KeyWork makes the graph inconsistent."""
    small.add((GOAL.P3, RDF.type, PKG.KeyWork))
    report = reason(small)
    assert not report.consistent
    assert any("pkg:StrategicPosition" in p and "pkg:KeyWork" in p for p in report.problems), report.problems


@needs_java
def test_literal_outside_range_is_inconsistent(small: Graph) -> None:
    """A pkg:level value outside its declared range makes the graph inconsistent."""
    small.add((A, PKG.level, Literal("one")))
    report = reason(small)
    assert not report.consistent
    assert any("pkg:level" in p for p in report.problems), report.problems


def test_missing_java_is_a_clear_error(small: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reasoning without a usable Java raises a policykg error that mentions Java."""
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java")
    with pytest.raises(PolicyKGError, match="Java"):
        reason(small)


def test_unknown_scope(small: Graph) -> None:
    """An unknown reasoning scope is refused with a policykg error."""
    with pytest.raises(PolicyKGError, match="scope"):
        reason(small, scope="everything")


def _corpus_store_graph(built_store: Path) -> object:
    from policykg.graph.connect import open_store

    return open_store(built_store)


@needs_java
@pytest.mark.slow
def test_corpus_structure_is_consistent(built_store: Path) -> None:
    """The corpus structure is consistent and is reasoned over within a minute, inferring broader links."""
    store = _corpus_store_graph(built_store)
    try:
        report = reason(store, scope="structure")
    finally:
        store.close()  # type: ignore[attr-defined]
    assert report.consistent, report.problems
    assert report.counts()["skos:broaderTransitive"] > 0
    assert report.seconds < 60


@needs_java
@pytest.mark.slow
def test_corpus_is_consistent(built_store: Path) -> None:
    """The whole corpus graph with the ontology is consistent."""
    store = _corpus_store_graph(built_store)
    try:
        report = reason(store)
    finally:
        store.close()  # type: ignore[attr-defined]
    assert report.consistent, report.problems
