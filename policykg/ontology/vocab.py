"""The policykg ontology as a closed rdflib namespace, ``PKG``, and the base IRIs of its individuals."""

# No ``from __future__ import annotations`` here: rdflib reads the annotations of a
# DefinedNamespace at run time and expects them to be the URIRef class itself.

from typing import Final

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "COMPARATOR_BASE",
    "COMPARATOR_SCHEME",
    "GOAL_BASE",
    "GOAL_CODES",
    "GOAL_SCHEME",
    "ONTOLOGY_IRI",
    "PKG",
    "ROLE_BASE",
    "ROLE_SCHEME",
    "STATUS_BASE",
    "STATUS_SCHEME",
]

ONTOLOGY_IRI: Final[str] = "https://w3id.org/policykg/ontology"

GOAL_BASE: Final[str] = "https://w3id.org/policykg/id/goal/"
GOAL_SCHEME: Final[str] = "https://w3id.org/policykg/id/scheme/goals"
GOAL_CODES: Final[tuple[str, ...]] = (
    "P1", "P2", "P3", "P4", "P5", "M", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "L",
)  # fmt: skip

ROLE_BASE: Final[str] = "https://w3id.org/policykg/id/role/"
ROLE_SCHEME: Final[str] = "https://w3id.org/policykg/id/scheme/roles"
COMPARATOR_BASE: Final[str] = "https://w3id.org/policykg/id/comparator/"
COMPARATOR_SCHEME: Final[str] = "https://w3id.org/policykg/id/scheme/comparators"
STATUS_BASE: Final[str] = "https://w3id.org/policykg/id/status/"
STATUS_SCHEME: Final[str] = "https://w3id.org/policykg/id/scheme/statuses"


class PKG(DefinedNamespace):
    """Every term of policykg.ttl; looking up any other name raises AttributeError."""

    _NS = Namespace("https://w3id.org/policykg/ontology#")
    _fail = True

    # owl:Class
    Actor: URIRef  # A body named as responsible for a task.
    Comparator: URIRef  # How a stated number bounds a quantity (about, at least, at most, exactly).
    Document: URIRef  # One source text; evidence offsets count into it.
    GoalAlignment: URIRef  # Qualified link of a section to a strategic goal.
    Indicator: URIRef  # A measured quantity reported over time.
    KeyWork: URIRef  # Key work area K1-K7.
    Leadership: URIRef  # Party leadership and government self-improvement, L.
    MainLine: URIRef  # The main line, M.
    Mention: URIRef  # An occurrence of an entity in a document span.
    MetricStatement: URIRef  # One quantitative statement in a document.
    Observation: URIRef  # A metric statement giving an actual value.
    Project: URIRef  # A named undertaking such as a plant or railway.
    ProjectStatus: URIRef  # A project lifecycle stage.
    Region: URIRef  # An administrative area or named place.
    Responsibility: URIRef  # Qualified actor + task + role node.
    Role: URIRef  # The part an actor plays in a responsibility.
    Section: URIRef  # A heading and the text it governs, at any level.
    StrategicGoal: URIRef  # A top-level goal of the work layout.
    StrategicPosition: URIRef  # Strategic position P1-P5 (the five major tasks).
    Target: URIRef  # A metric statement setting a value to reach.

    # owl:ObjectProperty
    alignedGoal: URIRef  # GoalAlignment -> StrategicGoal.
    alignment: URIRef  # Section -> GoalAlignment.
    comparator: URIRef  # MetricStatement -> Comparator.
    contributesTo: URIRef  # Anything -> what it serves; sub-property of skos:broader.
    evidence: URIRef  # Anything -> oa:SpecificResource holding the source span.
    hasMention: URIRef  # Entity -> Mention; inverse of mentionOf.
    inDocument: URIRef  # Anything -> the Document it comes from.
    measures: URIRef  # MetricStatement -> Indicator.
    mentionOf: URIRef  # Mention -> the entity mentioned.
    mentionStatus: URIRef  # Mention -> ProjectStatus.
    partOf: URIRef  # Part -> direct whole (section -> parent, phase -> project).
    responsibility: URIRef  # Section -> Responsibility.
    responsibleActor: URIRef  # Responsibility -> Actor.
    role: URIRef  # Responsibility -> Role.
    servesGoal: URIRef  # Section or project -> StrategicGoal.
    servesPosition: URIRef  # The strategic position P1-P5 something serves.
    statedIn: URIRef  # MetricStatement -> Section.
    targetOf: URIRef  # Responsibility -> Target.
    touchesRegion: URIRef  # Project -> Region.

    # owl:DatatypeProperty
    baseUnit: URIRef  # Unit of normalisedValue.
    bound: URIRef  # "lower" or "upper": the value is a floor or a ceiling.
    measureType: URIRef  # level, flow, change, share, count, cumulative or average.
    quantityName: URIRef  # The quantity a statement measures, as the naming grammar formed it.
    scopeKind: URIRef  # region, subregion, organisation or sector.
    scopeName: URIRef  # Whose figure: the issuing region, a sub-region, organisation or sector.
    unitFamily: URIRef  # The family of the statement's unit (units.json).
    basis: URIRef  # "explicit" or "inferred".
    checksum: URIRef  # SHA-256 of a document's source file.
    confidence: URIRef  # Decimal 0-1.
    docNumber: URIRef  # Official issuing number, e.g. 内政发〔2026〕5号.
    documentKind: URIRef  # government_work_report, annual_plan, … policy: the kinds of the output contract.
    estimate: URIRef  # True for preliminary (预计) values.
    isChange: URIRef  # True when the number is a change, not a level.
    kind: URIRef  # "target" or "actual".
    level: URIRef  # Outline depth of a section, 1 = top.
    matchedTerm: URIRef  # Text that triggered a classification.
    metadataSource: URIRef  # "manifest" or "inferred".
    fileName: URIRef  # The file a document was read from.
    sourceFormat: URIRef  # txt, docx, pdf or html.
    sourceChecksum: URIRef  # SHA-256 of the original file.
    actorType: URIRef  # enterprise, region, institution, government or other.
    content: URIRef  # The document text as read.
    textLength: URIRef  # Characters of the document text as read.
    covers: URIRef  # aspect:period a document reports on.
    spanStart: URIRef  # Start offset of a section's whole extent.
    spanEnd: URIRef  # End offset of a section's whole extent.
    normalisedValue: URIRef  # Value in the base unit.
    period: URIRef  # "2026" or "2021-2025".
    periodEnd: URIRef  # Last year of the period (xsd:gYear).
    periodStart: URIRef  # First year of the period (xsd:gYear).
    projectType: URIRef  # Coarse project category.
    regionLevel: URIRef  # Administrative tier of a region.
    sectionKind: URIRef  # numbered, plain, box, targets, markdown or enumerated.
    reportPart: URIRef  # review, targets, plan or other: the part of the report a section is in.
    sectionNumber: URIRef  # Section number as printed, e.g. （一）.
    sequence: URIRef  # Reading order within the document.
    taskText: URIRef  # Wording of the task a section sets.
    unit: URIRef  # Unit as written.
    value: URIRef  # Number as written.
    year: URIRef  # Year of a document (xsd:gYear).
