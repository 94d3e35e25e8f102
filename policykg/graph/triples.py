"""Records to triples, in one place: every fact the graph holds is written by a function here.

Each fact links to its source document (``prov:wasDerivedFrom``) and to an evidence node, an
``oa:SpecificResource`` whose selectors give the character span and the quoted text, so any
triple can be traced back to the words that support it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Namespace

from policykg.graph import iris
from policykg.loaders.actors import Responsibility
from policykg.loaders.extract import CorpusRecords
from policykg.loaders.metrics.indicators import alt_labels
from policykg.loaders.projects.resolve import Project
from policykg.loaders.records import Document, GoalLink, MetricStatement, Section
from policykg.loaders.regions import RegionMention
from policykg.ontology.vocab import PKG

__all__ = [
    "OA",
    "Triple",
    "document_triples",
    "evidence_triples",
    "graph_triples",
    "metric_triples",
    "project_triples",
    "region_triples",
    "responsibility_triples",
    "section_triples",
    "to_ntriples",
]

OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
Triple = tuple[URIRef, URIRef, URIRef | Literal]


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def evidence_triples(doc: Document, span: tuple[int, int]) -> Iterator[Triple]:
    """The evidence node of a span: the document it is in, its offsets and the text it quotes."""
    node = URIRef(iris.evidence_iri(doc.id, span))
    position = URIRef(iris.position_selector_iri(doc.id, span))
    quote = URIRef(iris.quote_selector_iri(doc.id, span))
    yield node, RDF.type, OA.SpecificResource
    yield node, OA.hasSource, URIRef(iris.document_iri(doc.id))
    yield node, OA.hasSelector, position
    yield node, OA.hasSelector, quote
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, Literal(span[0], datatype=XSD.nonNegativeInteger)
    yield position, OA.end, Literal(span[1], datatype=XSD.nonNegativeInteger)
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, Literal(doc.quote(span))


def stated_triples(
    doc: Document, node: URIRef, span: tuple[int, int], section: str | None
) -> Iterator[Triple]:
    """Where a fact is stated: its document, its evidence span and the section it sits in."""
    d = URIRef(iris.document_iri(doc.id))
    yield node, PKG.inDocument, d
    yield node, PROV.wasDerivedFrom, d
    yield node, PKG.evidence, URIRef(iris.evidence_iri(doc.id, span))
    yield from evidence_triples(doc, span)
    if section:
        s = URIRef(iris.section_iri(doc.id, section))
        yield node, PKG.statedIn, s
        yield node, PKG.contributesTo, s


def alignment_triples(subject: URIRef, link: GoalLink, prop: URIRef) -> Iterator[Triple]:
    """A qualified link to a goal (basis, confidence, the terms that decided it) and its shortcut ``prop``."""
    g = URIRef(iris.goal_iri(link.code))
    a = URIRef(iris.alignment_iri(str(subject), link.code))
    yield subject, prop, g
    yield subject, PKG.alignment, a
    yield a, RDF.type, PKG.GoalAlignment
    yield a, PKG.alignedGoal, g
    yield a, PKG.basis, Literal(link.basis)
    yield a, PKG.confidence, _decimal(round(link.confidence, 4))
    for term in link.matched_terms:
        yield a, PKG.matchedTerm, Literal(term)


def document_triples(doc: Document) -> Iterator[Triple]:
    """A document's metadata: title, 文号, date, year, kind, issuer and checksum."""
    d = URIRef(iris.document_iri(doc.id))
    yield d, RDF.type, PKG.Document
    yield d, DCTERMS.title, _zh(doc.title)
    yield d, RDFS.label, _zh(doc.title)
    yield d, PKG.fileName, Literal(doc.id)
    yield d, PKG.content, Literal(doc.text)
    yield d, PKG.documentKind, Literal(doc.kind)
    yield d, PKG.checksum, Literal(doc.checksum)
    yield d, PKG.sourceFormat, Literal(doc.source_format)
    if doc.source_checksum:
        yield d, PKG.sourceChecksum, Literal(doc.source_checksum)
    yield d, PKG.textLength, Literal(len(doc.text), datatype=XSD.nonNegativeInteger)
    yield d, PKG.metadataSource, Literal(doc.metadata_source)
    yield d, DCTERMS.language, Literal("zh")
    if doc.doc_number:
        yield d, DCTERMS.identifier, Literal(doc.doc_number)
    if doc.date:
        yield d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)
    if doc.year:
        yield d, PKG.year, Literal(str(doc.year), datatype=XSD.gYear)
    if doc.issuer:
        yield d, DCTERMS.publisher, _zh(doc.issuer)
    for aspect, period in doc.covers:
        yield d, PKG.covers, Literal(f"{aspect}:{period}")


def section_triples(doc: Document, section: Section) -> Iterator[Triple]:
    """A section as a SKOS concept inside its document, under its parent, aligned to its goal."""
    s = URIRef(iris.section_iri(doc.id, section.id))
    d = URIRef(iris.document_iri(doc.id))
    yield s, RDF.type, PKG.Section
    yield s, RDF.type, SKOS.Concept
    yield s, SKOS.prefLabel, _zh(section.title)
    yield s, RDFS.label, _zh(section.title)
    yield s, SKOS.notation, Literal(section.id)
    yield s, PKG.sectionNumber, Literal(section.number)
    yield s, PKG.sectionKind, Literal(section.kind)
    if section.part:
        yield s, PKG.reportPart, Literal(section.part)
    yield s, PKG.level, Literal(section.level)
    yield s, PKG.sequence, Literal(section.sequence)
    yield s, PKG.inDocument, d
    yield s, PROV.wasDerivedFrom, d
    yield s, PKG.spanStart, Literal(section.span[0], datatype=XSD.nonNegativeInteger)
    yield s, PKG.spanEnd, Literal(section.span[1], datatype=XSD.nonNegativeInteger)
    yield s, PKG.evidence, URIRef(iris.evidence_iri(doc.id, section.title_span))
    yield from evidence_triples(doc, section.title_span)
    if section.parent:
        p = URIRef(iris.section_iri(doc.id, section.parent))
        yield s, PKG.partOf, p
        yield s, PKG.contributesTo, p
    if section.goal:
        yield s, PKG.contributesTo, URIRef(iris.goal_iri(section.goal.code))
        yield from alignment_triples(s, section.goal, PKG.servesGoal)


def _decimal(value: float) -> Literal:
    """A number as an xsd:decimal literal without float noise (12.5, not 12.499999)."""
    text = f"{value:.10f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return Literal(text, datatype=XSD.decimal)


def _period_years(period: str) -> tuple[str, str] | None:
    parts = period.split("-")
    if all(p.isdigit() and len(p) == 4 for p in parts) and 1 <= len(parts) <= 2:
        return parts[0], parts[-1]
    return None


def metric_triples(
    doc: Document, metric: MetricStatement, alt_labels: Iterable[str] = ()
) -> Iterator[Triple]:
    """A target or observation: indicator, value and unit as written, comparator, period, evidence,
    and what the figure is of: quantity, scope, measure type, bound and unit family.  A statement
    whose quantity could not be named measures no indicator."""
    m = URIRef(iris.metric_iri(doc.id, metric.span))
    yield m, RDF.type, PKG.MetricStatement
    yield m, RDF.type, PKG.Target if metric.kind == "target" else PKG.Observation
    if metric.kind != "target":
        yield m, RDF.type, QB.Observation
    yield m, RDFS.label, _zh(metric.evidence)
    yield m, PKG.value, _decimal(metric.value)
    yield m, PKG.unit, Literal(metric.unit)
    if metric.normalised_value is not None:
        yield m, PKG.normalisedValue, _decimal(metric.normalised_value)
        yield m, PKG.baseUnit, Literal(metric.base_unit)
    yield m, PKG.comparator, URIRef(iris.comparator_iri(metric.comparator))
    yield m, PKG.kind, Literal(metric.kind)
    yield m, PKG.period, Literal(metric.period)
    if years := _period_years(metric.period):
        yield m, PKG.periodStart, Literal(years[0], datatype=XSD.gYear)
        yield m, PKG.periodEnd, Literal(years[1], datatype=XSD.gYear)
    yield m, PKG.isChange, Literal(metric.change)
    yield m, PKG.estimate, Literal(metric.estimate)
    yield m, PKG.measureType, Literal(metric.measure)
    yield m, PKG.scopeKind, Literal(metric.scope_kind)
    if metric.scope:
        yield m, PKG.scopeName, Literal(metric.scope)
    if metric.bound:
        yield m, PKG.bound, Literal(metric.bound)
    if metric.unit_family:
        yield m, PKG.unitFamily, Literal(metric.unit_family)
    yield from stated_triples(doc, m, metric.span, metric.section)
    if not (metric.indicator and metric.subject):
        return  # no good name: the statement stays out of indicator linking
    indicator = URIRef(iris.indicator_iri(metric.indicator))
    yield m, PKG.quantityName, Literal(metric.subject)
    yield m, PKG.measures, indicator
    yield indicator, RDF.type, PKG.Indicator
    yield indicator, RDF.type, SKOS.Concept
    yield indicator, SKOS.prefLabel, _zh(metric.indicator)
    yield indicator, RDFS.label, _zh(metric.indicator)
    for label in {metric.surface, *alt_labels} - {metric.indicator, ""}:
        yield indicator, SKOS.altLabel, _zh(label)


def _mention_triples(
    doc: Document, entity: URIRef, span: tuple[int, int], section: str | None
) -> Iterator[Triple]:
    """A mention of an entity: where it is named, the section it sits in, and the quoted words."""
    m = URIRef(iris.mention_iri(doc.id, span, str(entity)))
    yield m, RDF.type, PKG.Mention
    yield m, PKG.mentionOf, entity
    yield entity, PKG.hasMention, m
    yield from stated_triples(doc, m, span, section)
    if section:
        yield entity, PKG.contributesTo, URIRef(iris.section_iri(doc.id, section))


def project_triples(
    project: Project, docs: Mapping[str, Document], position: GoalLink | None
) -> Iterator[Triple]:
    """A named work with its aliases, type, regions, whole, position and every mention with its status."""
    p = URIRef(iris.project_iri(project.id))
    yield p, RDF.type, PKG.Project
    yield p, SKOS.prefLabel, _zh(project.name)
    yield p, RDFS.label, _zh(project.name)
    for alias in project.aliases:
        yield p, SKOS.altLabel, _zh(alias)
    yield p, PKG.projectType, Literal(project.type)
    for region in project.regions:
        yield p, PKG.touchesRegion, URIRef(iris.region_iri(region))
    if project.part_of:
        yield p, PKG.partOf, URIRef(iris.project_iri(project.part_of))
        yield p, PKG.contributesTo, URIRef(iris.project_iri(project.part_of))
    if position:
        yield from alignment_triples(p, position, PKG.servesPosition)
    for mention in project.mentions:
        doc = docs[mention.doc]
        yield from _mention_triples(doc, p, mention.span, mention.section)
        m = URIRef(iris.mention_iri(doc.id, mention.span, str(p)))
        yield m, RDFS.label, _zh(doc.quote(mention.span))
        if mention.status and (status := iris.status_iri(mention.status)):
            yield m, PKG.mentionStatus, URIRef(status)
        if doc.year:
            yield m, PKG.year, Literal(str(doc.year), datatype=XSD.gYear)


def region_triples(
    entry: Mapping[str, object], mentions: Sequence[tuple[Document, RegionMention, str | None]]
) -> Iterator[Triple]:
    """A place from the gazetteer: names, level, the place it lies within, and its mentions."""
    name = str(entry["name"])
    r = URIRef(iris.region_iri(name))
    yield r, RDF.type, PKG.Region
    yield r, SKOS.prefLabel, _zh(name)
    yield r, RDFS.label, _zh(name)
    aliases = entry.get("aliases") or ()
    for alias in aliases if isinstance(aliases, list | tuple) else ():
        if alias != name:
            yield r, SKOS.altLabel, _zh(str(alias))
    yield r, PKG.regionLevel, Literal(str(entry["level"]))
    if entry.get("parent"):
        yield r, GEO.sfWithin, URIRef(iris.region_iri(str(entry["parent"])))
    if entry.get("en"):
        yield r, RDFS.label, Literal(str(entry["en"]), lang="en")
    for doc, mention, section in mentions:
        yield from _mention_triples(doc, r, mention.span, section)
        yield URIRef(iris.mention_iri(doc.id, mention.span, str(r))), RDFS.label, _zh(doc.quote(mention.span))


def responsibility_triples(doc: Document, resp: Responsibility, target: str | None) -> Iterator[Triple]:
    """An actor told to do a task: a qualified node with the actor, role, task, section and any target."""
    a = URIRef(iris.actor_iri(resp.actor))
    r = URIRef(iris.responsibility_iri(doc.id, resp.span, resp.actor))
    yield a, RDF.type, PKG.Actor
    yield a, SKOS.prefLabel, _zh(resp.actor)
    yield a, RDFS.label, _zh(resp.actor)
    yield a, PKG.actorType, Literal(resp.actor_type)
    yield r, RDF.type, PKG.Responsibility
    yield r, PKG.responsibleActor, a
    yield r, PKG.role, URIRef(iris.role_iri(resp.role))
    yield r, PKG.taskText, Literal(resp.task)
    yield r, RDFS.label, _zh(doc.quote(resp.span))
    yield from stated_triples(doc, r, resp.span, resp.section)
    if resp.section:
        s = URIRef(iris.section_iri(doc.id, resp.section))
        yield s, PKG.responsibility, r
        yield a, PKG.contributesTo, s
    if target:
        yield r, PKG.targetOf, URIRef(target)


def _region_entries(records: CorpusRecords) -> dict[str, dict[str, object]]:
    """Every place mentioned, and the places that contain it, as gazetteer entries."""
    from policykg.loaders.regions import gazetteer

    places = gazetteer().places
    aliases = gazetteer().aliases
    entries: dict[str, dict[str, object]] = {}
    pending = [m.name for m, _ in records.regions]
    while pending:
        name = pending.pop()
        if name in entries or name not in places:
            continue
        place = places[name]
        entries[name] = {
            "name": name,
            "level": place.level,
            "parent": place.parent if place.parent in places else None,
            "aliases": aliases.get(name, ()),
        }
        if place.parent:
            pending.append(place.parent)
    return entries


def graph_triples(records: CorpusRecords) -> Iterator[Triple]:
    """Every triple of the data graph for the records extracted from a corpus."""
    docs = records.documents
    for doc, structure in records.items:
        yield from document_triples(doc)
        for section in structure.sections:
            yield from section_triples(doc, section)
        for metric in records.metrics.get(doc.id, ()):
            yield from metric_triples(doc, metric, alt_labels(metric.indicator or ""))
    for project in records.projects:
        yield from project_triples(project, docs, records.positions.get(project.id))
    by_region: dict[str, list[tuple[Document, RegionMention, str | None]]] = {}
    for mention, section_id in records.regions:
        by_region.setdefault(mention.name, []).append((docs[mention.doc], mention, section_id))
    for name, entry in sorted(_region_entries(records).items()):
        yield from region_triples(entry, by_region.get(name, []))
    for resp, target in records.responsibilities:
        doc = docs[resp.doc]
        yield from responsibility_triples(doc, resp, iris.metric_iri(doc.id, target) if target else None)


_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt(term: URIRef | Literal) -> str:
    """A term in N-Triples syntax (rdflib's n3() would write multi-line text in Turtle's triple quotes)."""
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ECHAR)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return term.n3()


def to_ntriples(triples: Iterable[Triple]) -> str:
    """Sorted, de-duplicated N-Triples: the same input always gives the same bytes."""
    lines = {f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples}
    return "".join(sorted(lines))
