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
from policykg.loaders.records import Document, MetricStatement, Section
from policykg.loaders.sections import DocumentStructure
from policykg.ontology.vocab import PKG

__all__ = [
    "OA",
    "Triple",
    "document_triples",
    "evidence_triples",
    "graph_triples",
    "metric_triples",
    "section_triples",
    "to_ntriples",
]

OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
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
        g = URIRef(iris.goal_iri(section.goal.code))
        a = URIRef(iris.alignment_iri(str(s), section.goal.code))
        yield s, PKG.servesGoal, g
        yield s, PKG.contributesTo, g
        yield s, PKG.alignment, a
        yield a, RDF.type, PKG.GoalAlignment
        yield a, PKG.alignedGoal, g
        yield a, PKG.basis, Literal(section.goal.basis)
        yield a, PKG.confidence, Literal(round(section.goal.confidence, 4), datatype=XSD.decimal)
        for term in section.goal.matched_terms:
            yield a, PKG.matchedTerm, _zh(term)


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
    """A target or observation: indicator, value and unit as written, comparator, period, evidence."""
    m = URIRef(iris.metric_iri(doc.id, metric.span))
    d = URIRef(iris.document_iri(doc.id))
    indicator = URIRef(iris.indicator_iri(metric.indicator))
    yield m, RDF.type, PKG.MetricStatement
    yield m, RDF.type, PKG.Target if metric.kind == "target" else PKG.Observation
    if metric.kind != "target":
        yield m, RDF.type, QB.Observation
    yield m, RDFS.label, _zh(metric.evidence)
    yield m, PKG.measures, indicator
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
    yield m, PKG.inDocument, d
    yield m, PROV.wasDerivedFrom, d
    yield m, PKG.evidence, URIRef(iris.evidence_iri(doc.id, metric.span))
    yield from evidence_triples(doc, metric.span)
    if metric.section:
        section = URIRef(iris.section_iri(doc.id, metric.section))
        yield m, PKG.statedIn, section
        yield m, PKG.contributesTo, section
    yield indicator, RDF.type, PKG.Indicator
    yield indicator, RDF.type, SKOS.Concept
    yield indicator, SKOS.prefLabel, _zh(metric.indicator)
    yield indicator, RDFS.label, _zh(metric.indicator)
    for label in {metric.surface, *alt_labels} - {metric.indicator, ""}:
        yield indicator, SKOS.altLabel, _zh(label)


def graph_triples(
    items: Iterable[tuple[Document, DocumentStructure]],
    metrics: Mapping[str, Sequence[MetricStatement]] | None = None,
) -> Iterator[Triple]:
    """Every triple of the data graph for a corpus of parsed documents and their extracted records."""
    for doc, structure in items:
        yield from document_triples(doc)
        for section in structure.sections:
            yield from section_triples(doc, section)
        for metric in (metrics or {}).get(doc.id, ()):
            yield from metric_triples(doc, metric)


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
