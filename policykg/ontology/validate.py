"""Check a graph against the SHACL shapes (``shapes.ttl``) and say what is wrong in a form people can act on.

pyshacl's own report is an RDF graph, one result per offending node; a build that breaks one rule
usually breaks it hundreds of times.  :func:`validate` runs pyshacl with the ontology mixed in (so
``sh:targetClass`` follows ``rdfs:subClassOf``) and turns the results into :class:`Violation`
records, and :meth:`ValidationReport.summary` groups them by shape, path and message with a count
and a few example nodes by their labels.

pyshacl runs a SPARQL constraint once per focus node and hands rdflib the query *text* each time;
rdflib's parser then costs 10–40 ms per call, against well under 1 ms to evaluate, which made the
bundled corpus take minutes.  While :func:`validate` runs, rdflib's SPARQL processor therefore
reuses the parsed form of a query text it has seen (:func:`_parsed_once`); results are unchanged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from policykg.errors import PolicyKGError
from policykg.ontology import ontology_path
from policykg.ontology.vocab import ONTOLOGY_IRI

__all__ = ["ValidationReport", "Violation", "shapes_path", "validate"]

_SHAPES = "shapes.ttl"
_EXAMPLES = 3


def shapes_path() -> Path:
    """The path of the SHACL shapes shipped beside the ontology."""
    return Path(__file__).with_name(_SHAPES)


@cache
def _shapes_graph() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


@cache
def _ontology_graph() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@dataclass(frozen=True)
class Violation:
    """One result of the validation: which node, which path, what is wrong."""

    focus: str
    label: str
    path: str
    message: str
    severity: str
    shape: str
    value: str = ""


@dataclass
class ValidationReport:
    """The verdict and the results of one validation, with a grouped, counted summary."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    seconds: float = 0.0

    def counts(self) -> Counter[tuple[str, str, str, str]]:
        """How many results share each (severity, shape, path, message) group."""
        return Counter((v.severity, v.shape, v.path, _generic(v.message)) for v in self.violations)

    def summary(self) -> str:
        """A readable report: the verdict, then each group of results with its count and examples."""
        groups: dict[tuple[str, str, str, str], list[Violation]] = {}
        for v in self.violations:
            groups.setdefault((v.severity, v.shape, v.path, _generic(v.message)), []).append(v)
        if self.conforms:
            head = f"the graph conforms to the policykg shapes ({self.seconds:.1f} s)"
            if self.violations:
                head += f", with {len(self.violations)} warnings in {len(groups)} groups"
        else:
            head = f"the graph does not conform: {len(self.violations)} results in {len(groups)} groups"
        lines = [head]
        for (severity, shape, path, _message), items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"{severity} ×{len(items)}  {shape}  path {path or '-'}")
            for v in items[:_EXAMPLES]:
                lines.append(f"    {v.label}: {v.message}")
            if len(items) > _EXAMPLES:
                lines.append(f"    … and {len(items) - _EXAMPLES} more")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (for ``policykg validate --format json``)."""
        return {
            "conforms": self.conforms,
            "results": len(self.violations),
            "seconds": round(self.seconds, 3),
            "groups": [
                {"severity": s, "shape": sh, "path": p, "message": m, "count": n}
                for (s, sh, p, m), n in self.counts().most_common()
            ],
            "violations": [v.__dict__ for v in self.violations],
        }


def _generic(message: str) -> str:
    """The rule a message states: details after " — ", IRIs, quotes and numbers taken out."""
    rule = message.split(" — ", 1)[0]
    rule = re.sub(r"<[^>]*>|\S+://\S+", "<…>", rule)
    return re.sub(r"\d+", "N", rule)


def _short(graph: Graph, term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, BNode):
        return _path_text(graph, term)
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # rdflib refuses some IRIs as QNames
        return str(term)


def _path_text(graph: Graph, node: Any) -> str:
    """A SHACL path as text: ``pkg:evidence``, ``^pkg:alignment``."""
    if isinstance(node, URIRef):
        return _short(graph, node)
    inverse = graph.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + _short(graph, inverse)
    return "(complex path)"


def _label(data: Graph, node: Any) -> str:
    """A node as people know it: its zh label (or title) and its IRI."""
    for prop in (SKOS.prefLabel, RDFS.label, DCTERMS.title):
        labels = list(data.objects(node, prop))
        if labels:
            zh = [x for x in labels if isinstance(x, Literal) and x.language == "zh"]
            text = str((zh or labels)[0])
            text = text if len(text) <= 30 else text[:29] + "…"
            return f"{text} <{node}>"
    return f"<{node}>" if isinstance(node, URIRef) else str(node)


def _shape_name(shape: Any, focus_types: set[Any]) -> str:
    """A node shape by name; a property shape by the node shape that holds it for this focus node."""
    shapes = _shapes_graph()
    owners = list(shapes.subjects(SH.property, shape))
    if owners:
        owners.sort(key=lambda owner: shapes.value(owner, SH.targetClass) not in focus_types)
        shape = owners[0]
    if isinstance(shape, URIRef):
        return str(shape).rsplit("#", 1)[-1]
    return "(anonymous shape)"


@contextmanager
def _parsed_once() -> Iterator[None]:
    """Within the block, rdflib parses each distinct SPARQL text once and reuses the prepared query."""
    from rdflib.plugins.sparql.processor import SPARQLProcessor, prepareQuery

    original = SPARQLProcessor.query
    prepared: dict[tuple[str, str | None, tuple[tuple[str, str], ...]], Any] = {}

    def query(
        self: SPARQLProcessor,
        strOrQuery: Any,
        initBindings: Mapping[str, Any] | None = None,
        initNs: Mapping[str, Any] | None = None,
        base: str | None = None,
        DEBUG: bool = False,
    ) -> Mapping[str, Any]:
        if isinstance(strOrQuery, str):
            namespaces = tuple(sorted((str(k), str(v)) for k, v in (initNs or {}).items()))
            key = (strOrQuery, base, namespaces)
            if key not in prepared:
                prepared[key] = prepareQuery(strOrQuery, initNs=initNs, base=base)
            strOrQuery = prepared[key]
        return original(self, strOrQuery, initBindings, initNs, base, DEBUG)

    SPARQLProcessor.query = query  # type: ignore[method-assign]
    try:
        yield
    finally:
        SPARQLProcessor.query = original  # type: ignore[method-assign]


def _as_graph(store_or_graph: Any) -> Graph:
    """The data as an rdflib Graph read from N-Triples, the form a store holds it in.

    A Graph built in memory is round-tripped too: rdflib keeps the Python value a literal was made
    from (``Literal(0.9, datatype=XSD.decimal)`` holds a float), and pyshacl would call it ill-typed
    although its lexical form, which is all a store keeps, is a valid xsd:decimal.
    """
    if isinstance(store_or_graph, Graph):
        return Graph().parse(data=store_or_graph.serialize(format="nt"), format="nt")
    if hasattr(store_or_graph, "export"):
        data = store_or_graph.export("ntriples")
        return Graph().parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nt")
    raise PolicyKGError(f"cannot validate a {type(store_or_graph).__name__}: pass a store or an rdflib Graph")


def validate(store_or_graph: Any) -> ValidationReport:
    """Validate a store (anything with ``export("ntriples")``) or an rdflib Graph against the shapes."""
    import time

    try:
        import pyshacl
    except ImportError:  # pragma: no cover - pyshacl is an optional dependency
        raise PolicyKGError("validation needs pyshacl: pip install pyshacl") from None

    started = time.perf_counter()
    data = _as_graph(store_or_graph)
    if (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) not in data:
        # a store holds the ontology; a bare data graph gets it here, individuals included
        # (pyshacl's ont_graph mix-in brings classes and properties, not the controlled concepts)
        data += _ontology_graph()
    with _parsed_once():
        conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=_shapes_graph(),
            ont_graph=_ontology_graph(),
            inference="none",
            abort_on_first=False,
            allow_warnings=True,
            meta_shacl=False,
            advanced=True,
        )
    assert isinstance(report, Graph)
    # the report's nodes are in the data graph mixed with the ontology: label them from both
    labels = data + _ontology_graph()
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        source = report.value(result, SH.sourceShape)
        message = report.value(result, SH.resultMessage)
        severity = report.value(result, SH.resultSeverity)
        value = report.value(result, SH.value)
        violations.append(
            Violation(
                focus=str(focus),
                label=_label(labels, focus),
                path=_path_text(report, path) if path is not None else "",
                message=str(message) if message is not None else "",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                shape=_shape_name(source, set(labels.objects(focus, RDF.type))),
                value=_short(labels, value) if value is not None else "",
            )
        )
    violations.sort(key=lambda v: (v.shape, v.path, v.focus, v.message))
    return ValidationReport(
        conforms=bool(conforms), violations=violations, seconds=time.perf_counter() - started
    )
