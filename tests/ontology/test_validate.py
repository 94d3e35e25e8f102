"""The SHACL shapes: the corpus graph conforms, and hand-made broken graphs are reported by rule.

The small graph is built with the real builder from a short made-up plan, plus hand-written
triples in the documented shape for the classes the builder does not write yet (projects,
mentions, regions, actors, responsibilities), so every shape is exercised on conforming data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, SKOS, XSD

from policykg.graph import iris
from policykg.graph.triples import OA, evidence_triples, metric_triples
from policykg.loaders.records import MetricStatement
from policykg.loaders.structure.sections import parse_structure
from policykg.loaders.text.documents import parse_document
from policykg.ontology import ontology_path
from policykg.ontology.validate import ValidationReport, validate

pytest.importorskip("pyshacl")

PKG = Namespace("https://w3id.org/policykg/ontology#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
ID = Namespace(iris.BASE)
GOAL = Namespace("https://w3id.org/policykg/id/goal/")
QB = Namespace("http://purl.org/linked-data/cube#")

TEXT = (
    "2026年自治区测试计划\n\n一、筑牢我国北方重要生态安全屏障\n"
    "（一）推进黄河流域生态保护。全年完成造林种草1000万亩以上，建设呼和浩特至包头铁路。\n"
    "1.治理沙化土地。由自治区林草局牵头。\n"
    "二、建设国家重要能源和战略资源基地\n（一）发展新能源。新能源装机达到1.5亿千瓦。\n"
)
DOC = URIRef(iris.document_iri("test.txt"))
S1 = URIRef(iris.section_iri("test.txt", "test/一/（一）"))
S11 = URIRef(iris.section_iri("test.txt", "test/一/（一）/1."))
PROJECT = ID["project/test-hubao-railway"]
HOHHOT, BAOTOU, IM = ID["region/test-150100"], ID["region/test-150200"], ID["region/test-150000"]
ACTOR = ID["actor/test-lincao"]


def _span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def sample_graph() -> Graph:
    """A small graph with one instance of every class, which conforms to the shapes."""
    from policykg.build import corpus_ntriples

    doc = parse_document(TEXT, doc_id="test.txt")
    g = Graph().parse(data=corpus_ntriples([(doc, parse_structure(doc))]), format="nt")
    if not any(g.subjects(RDF.type, PKG.Target)):  # the extractors may not find it: state it by hand
        metric = MetricStatement(
            doc="test.txt", indicator="新能源装机规模", value=1.5, unit="亿千瓦", comparator="exact",
            kind="target", period="2026", change=False, span=_span("1.5亿千瓦"), evidence="1.5亿千瓦",
            section="test/二/（一）", surface="新能源装机", normalised_value=150000000.0, base_unit="千瓦",
        )  # fmt: skip
        g += metric_triples(doc, metric)
    zh = lambda s: Literal(s, lang="zh")  # noqa: E731
    project_span = _span("呼和浩特至包头铁路")
    for t in evidence_triples(doc, project_span):
        g.add(t)
    ev = URIRef(iris.evidence_iri("test.txt", project_span))
    g += [
        (PROJECT, RDF.type, PKG.Project), (PROJECT, SKOS.prefLabel, zh("呼和浩特至包头铁路")),
        (PROJECT, SKOS.altLabel, zh("呼包铁路")), (PROJECT, PKG.projectType, Literal("railway")),
        (PROJECT, PKG.touchesRegion, HOHHOT), (PROJECT, PKG.touchesRegion, BAOTOU),
        (PROJECT, PKG.contributesTo, S1), (PROJECT, PKG.servesGoal, GOAL.P1),
        (ID["mention/test-1"], RDF.type, PKG.Mention), (ID["mention/test-1"], PKG.mentionOf, PROJECT),
        (ID["mention/test-1"], PKG.inDocument, DOC), (ID["mention/test-1"], PKG.statedIn, S1),
        (ID["mention/test-1"], PKG.evidence, ev),
        (ID["mention/test-1"], PKG.mentionStatus, URIRef("https://w3id.org/policykg/id/status/planning")),
    ]  # fmt: skip
    for region, name, level, parent in (
        (IM, "内蒙古自治区", "region", None), (HOHHOT, "呼和浩特市", "league_city", IM),
        (BAOTOU, "包头市", "league_city", IM),
    ):  # fmt: skip
        g += [(region, RDF.type, PKG.Region), (region, SKOS.prefLabel, zh(name)),
              (region, PKG.regionLevel, Literal(level))]  # fmt: skip
        if parent:
            g.add((region, GEO.sfWithin, parent))
    task_span = _span("由自治区林草局牵头")
    for t in evidence_triples(doc, task_span):
        g.add(t)
    resp = ID["responsibility/test-1"]
    g += [
        (ACTOR, RDF.type, PKG.Actor), (ACTOR, SKOS.prefLabel, zh("自治区林草局")),
        (resp, RDF.type, PKG.Responsibility), (resp, PKG.responsibleActor, ACTOR),
        (resp, PKG.role, URIRef("https://w3id.org/policykg/id/role/lead")),
        (resp, PKG.taskText, Literal("治理沙化土地")), (resp, PKG.statedIn, S11),
        (resp, PKG.evidence, URIRef(iris.evidence_iri("test.txt", task_span))), (S11, PKG.responsibility, resp),
    ]  # fmt: skip
    return g


@pytest.fixture(scope="module")
def good() -> Graph:
    return sample_graph()


def _one(g: Graph, s: object, p: URIRef) -> URIRef:
    value = g.value(s, p)  # type: ignore[arg-type]
    assert value is not None
    return value  # type: ignore[return-value]


def test_sample_graph_conforms(good: Graph) -> None:
    """The small sample graph, with one instance of every class, conforms to the shapes."""
    report = validate(good)
    assert report.conforms, report.summary()
    assert {PKG.Project, PKG.Mention, PKG.Region, PKG.Actor, PKG.Responsibility, PKG.Target} <= set(
        good.objects(None, RDF.type)
    )


@pytest.mark.slow
def test_corpus_graph_conforms(built_store: Path) -> None:
    """The graph built from the bundled corpus conforms to the shapes."""
    from policykg.graph.connect import open_store

    store = open_store(built_store)
    try:
        graph = Graph().parse(data=store.export("ntriples").decode("utf-8"), format="nt")
    finally:
        store.close()
    report = validate(graph)
    assert report.conforms, report.summary()


def _section_alignment(g: Graph) -> URIRef:
    return _one(g, S1, PKG.alignment)


def _wrong_goal(g: Graph) -> None:
    a = _section_alignment(g)
    g.set((a, PKG.alignedGoal, GOAL.P9))
    g.set((S1, PKG.servesGoal, GOAL.P9))


def _span_past_end(g: Graph) -> None:
    position = next(g.subjects(RDF.type, OA.TextPositionSelector))
    g.set((position, OA.end, Literal(len(TEXT) + 5, datatype=XSD.nonNegativeInteger)))


def _missing_evidence(g: Graph) -> None:
    g.remove((S1, PKG.evidence, None))


def _child_outside_parent(g: Graph) -> None:
    g.set((S11, PKG.spanEnd, Literal(len(TEXT), datatype=XSD.nonNegativeInteger)))


def _heading_outside_section(g: Graph) -> None:
    g.set((S11, PKG.spanStart, Literal(80, datatype=XSD.nonNegativeInteger)))


def _target_and_observation(g: Graph) -> None:
    metric = next(g.subjects(RDF.type, PKG.Target))
    g.add((metric, RDF.type, PKG.Observation))


def _bad_basis(g: Graph) -> None:
    g.set((_section_alignment(g), PKG.basis, Literal("guessed")))


def _bad_confidence(g: Graph) -> None:
    g.set((_section_alignment(g), PKG.confidence, Literal("1.5", datatype=XSD.decimal)))


def _bad_comparator(g: Graph) -> None:
    metric = next(g.subjects(RDF.type, PKG.Target))
    g.set((metric, PKG.comparator, ID["comparator/roughly"]))


def _bad_kind(g: Graph) -> None:
    metric = next(g.subjects(RDF.type, PKG.Target))
    g.set((metric, PKG.kind, Literal("plan")))


def _bad_document_kind(g: Graph) -> None:
    g.set((DOC, PKG.documentKind, Literal("speech")))


def _bad_region_level(g: Graph) -> None:
    g.set((HOHHOT, PKG.regionLevel, Literal("town")))


def _region_cycle(g: Graph) -> None:
    g.add((IM, GEO.sfWithin, HOHHOT))


def _english_label(g: Graph) -> None:
    g.set((PROJECT, SKOS.prefLabel, Literal("Hohhot-Baotou railway", lang="en")))


def _project_without_type(g: Graph) -> None:
    g.remove((PROJECT, PKG.projectType, None))


def _mention_without_entity(g: Graph) -> None:
    g.remove((ID["mention/test-1"], PKG.mentionOf, None))


def _bad_mention_status(g: Graph) -> None:
    g.set((ID["mention/test-1"], PKG.mentionStatus, ID["status/dreaming"]))


def _bad_role(g: Graph) -> None:
    g.set((ID["responsibility/test-1"], PKG.role, ID["role/boss"]))


def _responsibility_without_actor(g: Graph) -> None:
    g.remove((ID["responsibility/test-1"], PKG.responsibleActor, None))


def _quote_mismatch(g: Graph) -> None:
    quote = next(g.subjects(RDF.type, OA.TextQuoteSelector))
    g.set((quote, OA.exact, Literal("多了几个字" + str(g.value(quote, OA.exact)))))


def _evidence_of_other_document(g: Graph) -> None:
    other = ID["doc/other"]
    ev = _one(g, S1, PKG.evidence)
    g.set((ev, OA.hasSource, other))
    g += [(other, RDF.type, PKG.Document), (other, PROV.wasDerivedFrom, other)]


def _partof_cycle(g: Graph) -> None:
    g.add((ID["project/a"], RDF.type, PKG.Project))
    g.add((PROJECT, PKG.partOf, PROJECT))


def _wrong_goal_class(g: Graph) -> None:
    g.add((GOAL.X1, RDF.type, PKG.KeyWork))


CASES: dict[str, tuple[Callable[[Graph], None], str, str]] = {
    "wrong goal code": (
        _wrong_goal,
        "GoalAlignmentShape",
        "pkg:alignedGoal must be exactly one of the 14 goals",
    ),
    "span past the end": (_span_past_end, "SpecificResourceShape", "span is not inside the document"),
    "missing evidence": (_missing_evidence, "SectionShape", "needs exactly one pkg:evidence"),
    "child outside parent": (_child_outside_parent, "SectionShape", "is not inside its parent"),
    "heading outside section": (_heading_outside_section, "SectionShape", "heading span is not inside"),
    "target and observation": (
        _target_and_observation,
        "TargetShape",
        "both a pkg:Target and a pkg:Observation",
    ),
    "basis": (_bad_basis, "GoalAlignmentShape", "pkg:basis must be"),
    "confidence": (_bad_confidence, "GoalAlignmentShape", "pkg:confidence must be one xsd:decimal in 0..1"),
    "comparator": (
        _bad_comparator,
        "MetricStatementShape",
        "pkg:comparator must be a comparator of the ontology",
    ),
    "kind": (_bad_kind, "MetricStatementShape", "pkg:kind must be"),
    "document kind": (_bad_document_kind, "DocumentShape", "pkg:documentKind must be"),
    "region level": (_bad_region_level, "RegionShape", "pkg:regionLevel must be a gazetteer level"),
    "region cycle": (_region_cycle, "RegionShape", "within itself"),
    "english label": (_english_label, "ProjectShape", "Chinese (@zh) skos:prefLabel"),
    "project type": (_project_without_type, "ProjectShape", "needs one pkg:projectType"),
    "mention entity": (_mention_without_entity, "MentionShape", "needs exactly one pkg:mentionOf"),
    "mention status": (_bad_mention_status, "MentionShape", "pkg:mentionStatus must be one project status"),
    "role": (_bad_role, "ResponsibilityShape", "pkg:role must be exactly one role"),
    "actor": (_responsibility_without_actor, "ResponsibilityShape", "needs exactly one pkg:responsibleActor"),
    "quote length": (_quote_mismatch, "SpecificResourceShape", "the quote does not fit the span"),
    "other document": (_evidence_of_other_document, "SectionShape", "evidence quotes another document"),
    "project cycle": (_partof_cycle, "ProjectShape", "part of itself"),
    "unknown goal": (_wrong_goal_class, "StrategicGoalShape", "one of the 14 goals"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_graph_is_reported(good: Graph, case: str) -> None:
    """Each kind of broken graph is reported under the right shape with its rule's message."""
    break_it, shape, message = CASES[case]
    g = Graph()
    g += good
    break_it(g)
    report = validate(g)
    assert not report.conforms
    found = [(v.shape, v.message) for v in report.violations]
    assert any(s == shape and message in m for s, m in found), found


def test_summary_groups_and_labels(good: Graph) -> None:
    """The summary and its dict form group repeated violations of one rule with their count."""
    g = Graph()
    g += good
    for position in list(g.subjects(RDF.type, OA.TextPositionSelector)):
        g.set((position, OA.end, Literal(10_000, datatype=XSD.nonNegativeInteger)))
    report = validate(g)
    text = report.summary()
    positions = len(list(g.subjects(RDF.type, OA.TextPositionSelector)))
    assert "SpecificResourceShape" in text and f"×{positions}" in text
    assert "span is not inside the document" in text
    data = report.to_dict()
    assert data["conforms"] is False and data["results"] == len(report.violations)
    assert any(grp["count"] == positions for grp in data["groups"])


def test_validate_takes_a_store(good: Graph) -> None:
    """Validation accepts a store as well as an rdflib graph."""
    from policykg.graph.connect import open_store

    store = open_store("memory:")
    store.load(good.serialize(format="nt"), "ntriples")
    store.load(ontology_path().read_text(encoding="utf-8"), "turtle")
    assert isinstance(validate(store), ValidationReport)
    assert validate(store).conforms


def test_labels_in_summary(good: Graph) -> None:
    """The summary names a violating node by its label and the offending property path."""
    g = Graph()
    g += good
    _missing_evidence(g)
    text = validate(g).summary()
    assert "推进黄河流域生态保护" in text and "path pkg:evidence" in text
