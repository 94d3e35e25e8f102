"""Tests of the policykg OWL ontology (policykg.ttl) and its closed Python namespace (PKG)."""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

from policykg.ontology import ontology_path
from policykg.ontology.vocab import (
    COMPARATOR_BASE,
    GOAL_BASE,
    GOAL_CODES,
    GOAL_SCHEME,
    ONTOLOGY_IRI,
    PKG,
    ROLE_BASE,
    STATUS_BASE,
)

NS = str(PKG._NS)
ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
OA = Namespace("http://www.w3.org/ns/oa#")
STRATML = Namespace("http://www.stratml.net/")

GOALS: dict[str, tuple[str, URIRef]] = {
    "P1": ("我国北方重要生态安全屏障", PKG.StrategicPosition),
    "P2": ("祖国北疆安全稳定屏障", PKG.StrategicPosition),
    "P3": ("国家重要能源和战略资源基地", PKG.StrategicPosition),
    "P4": ("国家重要农畜产品生产基地", PKG.StrategicPosition),
    "P5": ("我国向北开放重要桥头堡", PKG.StrategicPosition),
    "M": ("铸牢中华民族共同体意识（主线）", PKG.MainLine),
    "K1": ("现代化产业体系 / 实体经济", PKG.KeyWork),
    "K2": ("创新驱动 / 科技自立自强", PKG.KeyWork),
    "K3": ("内需 / 全国统一大市场", PKG.KeyWork),
    "K4": ("改革 / 营商环境", PKG.KeyWork),
    "K5": ("区域布局 / 城乡协调发展", PKG.KeyWork),
    "K6": ("文化强区", PKG.KeyWork),
    "K7": ("民生", PKG.KeyWork),
    "L": ("党的全面领导 / 政府自身建设", PKG.Leadership),
}

INDIVIDUALS: dict[str, tuple[str, URIRef, dict[str, str]]] = {
    "role": (
        ROLE_BASE,
        PKG.Role,
        {"lead": "牵头", "support": "配合", "oversight": "督查", "responsible": "负责"},
    ),
    "comparator": (
        COMPARATOR_BASE,
        PKG.Comparator,
        {"about": "左右", "at_least": "以上", "at_most": "以下", "exact": "等于"},
    ),
    "status": (
        STATUS_BASE,
        PKG.ProjectStatus,
        {
            "planning": "谋划",
            "preparation": "前期",
            "started": "开工",
            "under_construction": "在建",
            "completed": "建成",
            "in_operation": "投运",
            "opened": "通车",
        },
    ),
}

ALIGNMENTS: list[tuple[URIRef, URIRef, URIRef]] = [
    (PKG.Document, RDFS.subClassOf, PROV.Entity),
    (PKG.Document, RDFS.subClassOf, DCTERMS.BibliographicResource),
    (PKG.Section, RDFS.subClassOf, SKOS.Concept),
    (PKG.Section, RDFS.subClassOf, PROV.Entity),
    (PKG.Section, SKOS.closeMatch, STRATML.Objective),
    (PKG.StrategicGoal, RDFS.subClassOf, SKOS.Concept),
    (PKG.StrategicGoal, SKOS.closeMatch, STRATML.Goal),
    (PKG.StrategicPosition, RDFS.subClassOf, PKG.StrategicGoal),
    (PKG.MainLine, RDFS.subClassOf, PKG.StrategicGoal),
    (PKG.KeyWork, RDFS.subClassOf, PKG.StrategicGoal),
    (PKG.Leadership, RDFS.subClassOf, PKG.StrategicGoal),
    (PKG.Project, RDFS.subClassOf, SCHEMA.Project),
    (PKG.Project, RDFS.subClassOf, PROV.Entity),
    (PKG.Region, RDFS.subClassOf, GEO.Feature),
    (PKG.Region, RDFS.subClassOf, SCHEMA.Place),
    (PKG.Indicator, RDFS.subClassOf, SKOS.Concept),
    (PKG.Indicator, SKOS.closeMatch, STRATML.PerformanceIndicator),
    (PKG.Target, RDFS.subClassOf, PKG.MetricStatement),
    (PKG.Observation, RDFS.subClassOf, PKG.MetricStatement),
    (PKG.Observation, RDFS.subClassOf, QB.Observation),
    (PKG.Actor, RDFS.subClassOf, ORG.Organization),
    (PKG.Actor, RDFS.subClassOf, FOAF.Agent),
    (PKG.Responsibility, RDFS.subClassOf, PROV.Influence),
    (PKG.Role, RDFS.subClassOf, SKOS.Concept),
    (PKG.Comparator, RDFS.subClassOf, SKOS.Concept),
    (PKG.ProjectStatus, RDFS.subClassOf, SKOS.Concept),
    (PKG.Mention, RDFS.subClassOf, OA.Annotation),
    (PKG.contributesTo, RDFS.subPropertyOf, SKOS.broader),
    (PKG.partOf, RDFS.subPropertyOf, PKG.contributesTo),
    (PKG.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf),
    (PKG.servesGoal, RDFS.subPropertyOf, PKG.contributesTo),
    (PKG.servesPosition, RDFS.subPropertyOf, PKG.servesGoal),
    (PKG.statedIn, RDFS.subPropertyOf, PKG.contributesTo),
    (PKG.inDocument, RDFS.subPropertyOf, DCTERMS.isPartOf),
    (PKG.responsibleActor, RDFS.subPropertyOf, PROV.agent),
    (PKG.mentionOf, OWL.inverseOf, PKG.hasMention),
]

OBJECT_PROPERTIES: dict[URIRef, tuple[URIRef | None, URIRef | None]] = {
    PKG.contributesTo: (None, None),
    PKG.partOf: (None, None),
    PKG.servesGoal: (None, PKG.StrategicGoal),
    PKG.servesPosition: (None, PKG.StrategicPosition),
    PKG.inDocument: (None, PKG.Document),
    PKG.alignment: (None, PKG.GoalAlignment),  # sections and projects: schema:domainIncludes
    PKG.alignedGoal: (PKG.GoalAlignment, PKG.StrategicGoal),
    PKG.measures: (PKG.MetricStatement, PKG.Indicator),
    PKG.statedIn: (None, PKG.Section),  # metrics, mentions, responsibilities: schema:domainIncludes
    PKG.comparator: (PKG.MetricStatement, PKG.Comparator),
    PKG.touchesRegion: (PKG.Project, PKG.Region),
    PKG.mentionOf: (PKG.Mention, None),
    PKG.hasMention: (None, PKG.Mention),
    PKG.mentionStatus: (PKG.Mention, PKG.ProjectStatus),
    PKG.evidence: (None, OA.SpecificResource),
    PKG.responsibility: (PKG.Section, PKG.Responsibility),
    PKG.responsibleActor: (PKG.Responsibility, PKG.Actor),
    PKG.role: (PKG.Responsibility, PKG.Role),
    PKG.targetOf: (PKG.Responsibility, PKG.Target),
}

DATATYPE_RANGES: dict[URIRef, URIRef] = {
    PKG.sectionNumber: XSD.string,
    PKG.level: XSD.integer,
    PKG.sequence: XSD.integer,
    PKG.basis: XSD.string,
    PKG.confidence: XSD.decimal,
    PKG.matchedTerm: XSD.string,
    PKG.value: XSD.decimal,
    PKG.unit: XSD.string,
    PKG.normalisedValue: XSD.decimal,
    PKG.baseUnit: XSD.string,
    PKG.period: XSD.string,
    PKG.periodStart: XSD.gYear,
    PKG.periodEnd: XSD.gYear,
    PKG.isChange: XSD.boolean,
    PKG.quantityName: XSD.string,
    PKG.scopeName: XSD.string,
    PKG.scopeKind: XSD.string,
    PKG.measureType: XSD.string,
    PKG.bound: XSD.string,
    PKG.unitFamily: XSD.string,
    PKG.kind: XSD.string,
    PKG.estimate: XSD.boolean,
    PKG.projectType: XSD.string,
    PKG.regionLevel: XSD.string,
    PKG.documentKind: XSD.string,
    PKG.year: XSD.gYear,
    PKG.checksum: XSD.string,
    PKG.taskText: XSD.string,
    PKG.sectionKind: XSD.string,
    PKG.reportPart: XSD.string,
    PKG.docNumber: XSD.string,
    PKG.metadataSource: XSD.string,
    PKG.fileName: XSD.string,
    PKG.sourceFormat: XSD.string,
    PKG.sourceChecksum: XSD.string,
    PKG.actorType: XSD.string,
    PKG.content: XSD.string,
    PKG.textLength: XSD.nonNegativeInteger,
    PKG.covers: XSD.string,
    PKG.spanStart: XSD.nonNegativeInteger,
    PKG.spanEnd: XSD.nonNegativeInteger,
}

DECLARATIONS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@cache
def ontology() -> Graph:
    """The parsed ontology, shared by all tests (they only read it)."""
    return Graph().parse(ontology_path(), format="turtle")


def ttl_terms(graph: Graph) -> set[str]:
    """Local names of every IRI in the pkg: namespace used anywhere in the graph."""
    return {
        str(node)[len(NS) :]
        for triple in graph
        for node in triple
        if isinstance(node, URIRef) and str(node).startswith(NS)
    }


def labels(graph: Graph, subject: URIRef, lang: str) -> list[str]:
    """The rdfs:label values of a subject in one language."""
    return [
        str(o) for o in graph.objects(subject, RDFS.label) if isinstance(o, Literal) and o.language == lang
    ]


def english_notes(graph: Graph, subject: URIRef) -> list[str]:
    """English rdfs:comment and skos:definition values of a subject."""
    return [
        str(o)
        for p in (RDFS.comment, SKOS.definition)
        for o in graph.objects(subject, p)
        if isinstance(o, Literal) and o.language == "en" and str(o).strip()
    ]


def controlled_individuals(graph: Graph) -> set[URIRef]:
    """Every goal, role, comparator and status concept, scheme and collection the ontology defines."""
    base = "https://w3id.org/policykg/id/"
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(base)}


def test_ontology_file_is_shipped_in_the_package() -> None:
    """ontology_path() points at policykg.ttl next to the package's __init__.py."""
    path = ontology_path()
    assert path.name == "policykg.ttl"
    assert path.is_file()


def test_ontology_parses_and_has_header() -> None:
    """The Turtle parses into an owl:Ontology with version 1.0 and a zh and en title and description."""
    graph = ontology()
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert (onto, OWL.versionInfo, Literal("1.0")) in graph
    for prop in (DCTERMS.title, DCTERMS.description):
        langs = {o.language for o in graph.objects(onto, prop) if isinstance(o, Literal)}
        assert {"zh", "en"} <= langs, prop


def test_every_term_has_one_zh_and_one_en_label_and_an_english_comment() -> None:
    """Each pkg: term carries exactly one @zh and one @en rdfs:label and an English comment."""
    graph = ontology()
    for name in sorted(ttl_terms(graph)):
        term = PKG._NS[name]
        assert len(labels(graph, term, "zh")) == 1, f"{name}: zh label"
        assert len(labels(graph, term, "en")) == 1, f"{name}: en label"
        assert english_notes(graph, term), f"{name}: English comment"
        assert (term, RDFS.isDefinedBy, URIRef(ONTOLOGY_IRI)) in graph, f"{name}: isDefinedBy"


def test_every_term_is_declared_once() -> None:
    """Each pkg: term is declared as exactly one of class, object, datatype or annotation property."""
    graph = ontology()
    for name in sorted(ttl_terms(graph)):
        kinds = [k for k in DECLARATIONS if (PKG._NS[name], RDF.type, k) in graph]
        assert len(kinds) == 1, f"{name}: {kinds}"


def test_every_controlled_individual_is_labelled_in_zh_and_en() -> None:
    """Goals, roles, comparators, statuses, schemes and collections have zh and en labels and an English definition."""
    graph = ontology()
    individuals = controlled_individuals(graph)
    assert len(individuals) >= 14 + 3 + 4 + 7
    for node in sorted(individuals):
        for lang in ("zh", "en"):
            assert len(labels(graph, node, lang)) == 1, f"{node}: {lang} label"
            prefs = [o for o in graph.objects(node, SKOS.prefLabel) if o.language == lang]
            assert len(prefs) == 1, f"{node}: {lang} prefLabel"
        assert english_notes(graph, node), f"{node}: English definition"


def test_closed_namespace_matches_the_ttl() -> None:
    """PKG declares exactly the terms used in policykg.ttl, no more and no fewer (drift test)."""
    in_python = {str(term)[len(NS) :] for term in dir(PKG)}
    assert in_python == ttl_terms(ontology())


def test_closed_namespace_rejects_unknown_terms() -> None:
    """A misspelt term fails at attribute access instead of minting a new IRI."""
    assert PKG.Section == URIRef(NS + "Section")
    with pytest.raises(AttributeError):
        _ = PKG.Sectoin


def test_goal_scheme_has_exactly_the_fourteen_codes() -> None:
    """The goal scheme holds the 14 contract codes, each with its notation, zh prefLabel and class."""
    graph = ontology()
    scheme = URIRef(GOAL_SCHEME)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    members = set(graph.subjects(SKOS.inScheme, scheme))
    assert members == {URIRef(GOAL_BASE + code) for code in GOALS}
    assert set(GOAL_CODES) == set(GOALS) and len(GOAL_CODES) == 14
    for code, (zh, cls) in GOALS.items():
        goal = URIRef(GOAL_BASE + code)
        assert list(graph.objects(goal, SKOS.notation)) == [Literal(code)], code
        assert (goal, SKOS.prefLabel, Literal(zh, lang="zh")) in graph, code
        assert [o for o in graph.objects(goal, SKOS.prefLabel) if o.language == "en"], code
        assert (goal, RDF.type, cls) in graph, code
        assert (goal, RDF.type, SKOS.Concept) in graph, code
        assert (goal, SKOS.topConceptOf, scheme) in graph, code
        assert (scheme, SKOS.hasTopConcept, goal) in graph, code
        goal_classes = {PKG.StrategicPosition, PKG.MainLine, PKG.KeyWork, PKG.Leadership}
        assert set(graph.objects(goal, RDF.type)) & goal_classes == {cls}, code


def test_goal_short_forms_are_alt_labels() -> None:
    """Common short forms of the strategic positions are zh altLabels for classifiers to match."""
    graph = ontology()
    for code, alt in (("P1", "生态安全屏障"), ("P3", "能源和战略资源基地"), ("P5", "向北开放桥头堡")):
        assert (URIRef(GOAL_BASE + code), SKOS.altLabel, Literal(alt, lang="zh")) in graph


def test_goal_collections_group_tasks_and_key_works() -> None:
    """The five-task collection holds P1-P5 and the key-work collection holds K1-K7."""
    graph = ontology()
    groups = {frozenset(graph.objects(c, SKOS.member)) for c in graph.subjects(RDF.type, SKOS.Collection)}
    assert frozenset(URIRef(GOAL_BASE + f"P{i}") for i in range(1, 6)) in groups
    assert frozenset(URIRef(GOAL_BASE + f"K{i}") for i in range(1, 8)) in groups


@pytest.mark.parametrize("family", sorted(INDIVIDUALS))
def test_code_list_individuals(family: str) -> None:
    """Role, comparator and status individuals exist under their base IRI with their class, notation and zh label."""
    graph = ontology()
    base, cls, expected = INDIVIDUALS[family]
    found = {s for s in graph.subjects(RDF.type, cls)}
    assert found == {URIRef(base + name) for name in expected}
    for name, zh in expected.items():
        node = URIRef(base + name)
        assert (node, RDFS.label, Literal(zh, lang="zh")) in graph, name
        assert (node, SKOS.prefLabel, Literal(zh, lang="zh")) in graph, name
        assert (node, SKOS.notation, Literal(name)) in graph, name
        assert (node, RDF.type, SKOS.Concept) in graph, name


def test_contributes_to_refines_skos_broader_and_has_no_domain() -> None:
    """pkg:contributesTo is a sub-property of skos:broader and deliberately has no rdfs:domain."""
    graph = ontology()
    assert (PKG.contributesTo, RDFS.subPropertyOf, SKOS.broader) in graph
    assert list(graph.objects(PKG.contributesTo, RDFS.domain)) == []


def test_document_link_is_not_on_the_goal_path() -> None:
    """pkg:inDocument is not a sub-property of pkg:contributesTo: a document is not a goal."""
    graph = ontology()
    assert (PKG.inDocument, RDFS.subPropertyOf, PKG.contributesTo) not in graph
    assert (PKG.evidence, RDFS.subPropertyOf, PKG.contributesTo) not in graph


def test_part_of_keeps_the_direct_hierarchy() -> None:
    """pkg:partOf is not declared transitive, so reasoning does not flatten the section tree."""
    assert (PKG.partOf, RDF.type, OWL.TransitiveProperty) not in ontology()


@pytest.mark.parametrize(("subject", "predicate", "obj"), ALIGNMENTS)
def test_alignment_axiom(subject: URIRef, predicate: URIRef, obj: URIRef) -> None:
    """Each alignment with PROV, SKOS, Data Cube, ORG, FOAF, schema.org, GeoSPARQL, OA and StratML is stated."""
    assert (subject, predicate, obj) in ontology()


@pytest.mark.parametrize("prop", sorted(OBJECT_PROPERTIES))
def test_object_property_domain_and_range(prop: URIRef) -> None:
    """Each object property is declared with exactly the intended rdfs:domain and rdfs:range (or none)."""
    graph = ontology()
    domain, range_ = OBJECT_PROPERTIES[prop]
    assert (prop, RDF.type, OWL.ObjectProperty) in graph
    assert set(graph.objects(prop, RDFS.domain)) == ({domain} if domain else set())
    assert set(graph.objects(prop, RDFS.range)) == ({range_} if range_ else set())


def test_every_property_has_an_expected_signature() -> None:
    """The tables in this module cover every object and datatype property in the ttl."""
    graph = ontology()
    assert set(graph.subjects(RDF.type, OWL.ObjectProperty)) & set(
        PKG._NS[n] for n in ttl_terms(graph)
    ) == set(OBJECT_PROPERTIES)
    assert set(graph.subjects(RDF.type, OWL.DatatypeProperty)) & set(
        PKG._NS[n] for n in ttl_terms(graph)
    ) == set(DATATYPE_RANGES)


@pytest.mark.parametrize("prop", sorted(DATATYPE_RANGES))
def test_datatype_property_range(prop: URIRef) -> None:
    """Each datatype property is declared with its one XSD range."""
    graph = ontology()
    assert (prop, RDF.type, OWL.DatatypeProperty) in graph
    assert set(graph.objects(prop, RDFS.range)) == {DATATYPE_RANGES[prop]}


def test_target_and_observation_are_disjoint() -> None:
    """A metric statement cannot be both a target and an actual value."""
    graph = ontology()
    assert (PKG.Target, OWL.disjointWith, PKG.Observation) in graph


def test_package_module_imports_only_the_standard_library() -> None:
    """policykg/ontology/__init__.py imports nothing outside the standard library, so rdflib stays unloaded."""
    tree = ast.parse(Path(ontology_path()).with_name("__init__.py").read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import in policykg/ontology/__init__.py"
            imported.add((node.module or "").split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}, imported
