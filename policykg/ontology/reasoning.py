"""Run an OWL 2 reasoner (HermiT, through owlready2) over the ontology and the data graph.

Why: SHACL checks each node against its shape, but only a reasoner checks the graph against the
*meaning* of the ontology (disjoint classes, functional properties, datatype ranges) and spells out
what the ontology implies but the builder does not state.  :func:`reason` answers both: whether the
TBox plus the data is consistent, and the inferred triples as sorted N-Triples.

What is materialised:

* the SKOS reading that the ontology header promises: ``skos:broader`` ⊑ ``skos:broaderTransitive``
  (transitive) is added to the TBox, so the closure of ``pkg:partOf`` chains and of goal
  inheritance (section → parent sections → ``pkg:servesGoal`` goal, all sub-properties of
  ``pkg:contributesTo`` ⊑ ``skos:broader``) comes out as ``skos:broaderTransitive`` links.
  ``pkg:partOf`` itself is deliberately not transitive, so no ``pkg:partOf`` shortcut is inferred;
* the super-properties of every stated or inferred link (``pkg:partOf`` → ``pkg:contributesTo``
  → ``skos:broader``, ``dcterms:isPartOf``; ``pkg:mentionOf`` → its inverse ``pkg:hasMention``),
  lifted along the property hierarchy of the TBox;
* the classes HermiT infers for individuals (domains, ranges, super-classes).

Scope: HermiT handles the whole bundled corpus in a few seconds, so ``scope="all"`` (the default)
reasons over every data triple.  For much larger graphs ``scope="structure"`` keeps the TBox plus
the object-property links and types of sections, goals, alignments, projects and regions (no
literals, no evidence nodes), which is what the partOf/goal closure needs.

HermiT runs on Java (8 or later) found as ``java`` on PATH (or ``owlready2.JAVA_EXE``); without it
:func:`reason` raises :class:`PolicyKGError`.
"""

from __future__ import annotations

import io
import shutil
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.query import ResultRow
from rdflib.term import Identifier

from policykg.errors import PolicyKGError
from policykg.ontology import ontology_path

__all__ = ["SCOPES", "ReasoningReport", "java_available", "reason"]

SCOPES = ("all", "structure")
DATA_BASE = "https://w3id.org/policykg/id/"
_DATA_ONTOLOGY = "https://w3id.org/policykg/data"
_INFERRED_ONTOLOGY = "http://inferrences/"  # where owlready2 puts the reasoner's results
_TRIVIAL_TYPES = {OWL.Thing, OWL.NamedIndividual}
_STRUCTURE_TYPES = ("/section/", "/goal/", "/project/", "/region/")
_SKOS_AXIOMS = (
    (SKOS.broader, RDFS.subPropertyOf, SKOS.broaderTransitive),
    (SKOS.broaderTransitive, RDF.type, OWL.ObjectProperty),
    (SKOS.broaderTransitive, RDF.type, OWL.TransitiveProperty),
)


@dataclass
class ReasoningReport:
    """The reasoner's verdict and what it inferred."""

    consistent: bool
    inferred_ntriples: str = ""
    scope: str = "all"
    seconds: float = 0.0
    data_triples: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def inferred_count(self) -> int:
        return self.inferred_ntriples.count("\n")

    def counts(self) -> Counter[str]:
        """Inferred triples per predicate (``rdf:type`` counts per class as ``a Class``)."""
        counts: Counter[str] = Counter()
        for line in self.inferred_ntriples.splitlines():
            _s, p, o = line.split(" ", 2)
            counts[f"a {_short(o.rstrip(' .'))}" if p == f"<{RDF.type}>" else _short(p)] += 1
        return counts

    def summary(self) -> str:
        """What ``policykg reason`` prints."""
        head = (
            f"HermiT over {self.data_triples} data triples (scope {self.scope}) in {self.seconds:.1f} s: "
            + ("consistent" if self.consistent else "INCONSISTENT")
        )
        lines = [head]
        if not self.consistent:
            lines += [f"  suspect: {p}" for p in self.problems] or ["  no suspect found by the quick checks"]
            return "\n".join(lines)
        lines.append(f"{self.inferred_count} inferred triples")
        lines += [f"  {n:6d}  {what}" for what, n in self.counts().most_common()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for ``policykg reason --format json``)."""
        return {
            "consistent": self.consistent,
            "scope": self.scope,
            "seconds": round(self.seconds, 3),
            "data_triples": self.data_triples,
            "inferred": self.inferred_count,
            "by_predicate": dict(self.counts().most_common()),
            "problems": self.problems,
        }


_PREFIXES = {
    "https://w3id.org/policykg/ontology#": "pkg:",
    str(SKOS): "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/ns/oa#": "oa:",
    str(OWL): "owl:",
    str(RDF): "rdf:",
    str(XSD): "xsd:",
}


def _short(term: str) -> str:
    iri = term.strip("<>")
    for ns, prefix in _PREFIXES.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns) :]
    return term


def java_available() -> bool:
    """Whether the Java runtime that HermiT needs can be found."""
    try:
        import owlready2
    except ImportError:
        return False
    return shutil.which(owlready2.JAVA_EXE) is not None


def _tbox() -> Graph:
    graph = Graph().parse(ontology_path(), format="turtle")
    for triple in _SKOS_AXIOMS:
        graph.add(triple)
    return graph


def _as_graph(store_or_graph: Any) -> Graph:
    if isinstance(store_or_graph, Graph):
        return store_or_graph
    if hasattr(store_or_graph, "export"):
        data = store_or_graph.export("ntriples")
        return Graph().parse(data=data.decode("utf-8") if isinstance(data, bytes) else data, format="nt")
    raise PolicyKGError(
        f"cannot reason over a {type(store_or_graph).__name__}: pass a store or an rdflib Graph"
    )


def _abox(data: Graph, tbox: Graph, scope: str) -> Graph:
    """The data triples to reason over: everything not already in the TBox, or the structure subset."""
    abox = Graph()
    for s, p, o in data:
        if (s, p, o) in tbox or (isinstance(s, BNode) and (s, None, None) in tbox):
            continue
        if scope == "structure" and (
            isinstance(o, Literal) or not any(t in str(s) for t in _STRUCTURE_TYPES) or "/evidence/" in str(o)
        ):
            continue
        abox.add((s, p, o))
    return abox


def _super_properties(tbox: Graph) -> dict[URIRef, set[URIRef]]:
    """Every object property with all its super-properties (rdfs:subPropertyOf, reflexive-transitive)."""
    closure: dict[URIRef, set[URIRef]] = {}
    for prop in set(tbox.subjects(RDFS.subPropertyOf, None)) | set(tbox.objects(None, RDFS.subPropertyOf)):
        if isinstance(prop, URIRef):
            closure[prop] = {
                p for p in tbox.transitive_objects(prop, RDFS.subPropertyOf) if isinstance(p, URIRef)
            }
    return closure


def _inverses(tbox: Graph) -> dict[URIRef, URIRef]:
    pairs: dict[URIRef, URIRef] = {}
    for a, b in tbox.subject_objects(OWL.inverseOf):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            pairs[a], pairs[b] = b, a
    return pairs


def _lift(triples: Iterable[tuple[Any, Any, Any]], tbox: Graph) -> set[tuple[Any, Any, Any]]:
    """Add the super-property and inverse forms of object-property links."""
    supers, inverses = _super_properties(tbox), _inverses(tbox)
    out: set[tuple[Any, Any, Any]] = set()
    for s, p, o in triples:
        if isinstance(o, Literal):
            continue
        for q in supers.get(p, {p}):
            out.add((s, q, o))
            if q in inverses:
                out.add((o, inverses[q], s))
        if p in inverses:
            out.add((o, inverses[p], s))
    return out


def _suspects(data: Graph, tbox: Graph) -> list[str]:
    """Quick checks that name the usual causes of an inconsistency, so the verdict can be acted on."""
    both = data + tbox
    problems: list[str] = []
    pairs = [(a, b) for a, b in tbox.subject_objects(OWL.disjointWith)]
    for group in tbox.subjects(RDF.type, OWL.AllDisjointClasses):
        head = tbox.value(group, OWL.members)
        members = list(tbox.items(head)) if head is not None else []
        pairs += [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    for a, b in pairs:
        query = "SELECT DISTINCT ?x WHERE { ?x a/rdfs:subClassOf* ?a . ?x a/rdfs:subClassOf* ?b . }"
        bindings: dict[str, Identifier] = {"a": cast(Identifier, a), "b": cast(Identifier, b)}
        for row in both.query(query, initBindings=bindings, initNs={"rdfs": RDFS}):
            problems.append(
                f"{cast(ResultRow, row)[0]} is both {_short(str(a))} and {_short(str(b))}, which are disjoint"
            )
    for prop in tbox.subjects(RDF.type, OWL.DatatypeProperty):
        declared = tbox.value(prop, RDFS.range)
        if declared is None:
            continue
        bad = Counter(
            str(o.datatype or (RDF.langString if o.language else XSD.string))
            for o in data.objects(None, prop)
            if isinstance(o, Literal)
            and (o.datatype or (RDF.langString if o.language else XSD.string)) != declared
            and not (declared == XSD.nonNegativeInteger and o.datatype == XSD.integer and int(o) >= 0)
        )
        for datatype, n in bad.items():
            problems.append(
                f"{n} values of {_short(str(prop))} are {_short(datatype)}, "
                f"outside its range {_short(str(declared))}"
            )
    for prop in tbox.subjects(RDF.type, OWL.FunctionalProperty):
        if (prop, RDF.type, OWL.DatatypeProperty) not in tbox:
            continue
        values: dict[Any, set[Any]] = {}
        for s, o in data.subject_objects(prop):
            values.setdefault(s, set()).add(o)
        for s, found in values.items():
            if len(found) > 1:
                problems.append(f"{s} has {len(found)} values of the functional {_short(str(prop))}")
    return problems[:50]


def reason(store_or_graph: Any, *, scope: str = "all") -> ReasoningReport:
    """Check consistency with HermiT and return the triples the ontology implies for the data."""
    if scope not in SCOPES:
        raise PolicyKGError(f"unknown reasoning scope {scope!r}: use one of {', '.join(SCOPES)}")
    try:
        import owlready2
    except ImportError:
        raise PolicyKGError("reasoning needs owlready2: pip install owlready2") from None
    if not java_available():
        raise PolicyKGError(
            f"reasoning needs Java for HermiT, and {owlready2.JAVA_EXE!r} is not on PATH: "
            "install a Java runtime (8 or later), e.g. apt-get install default-jre-headless"
        )
    started = time.perf_counter()
    data = _as_graph(store_or_graph)
    tbox = _tbox()
    abox = _abox(data, tbox, scope)
    world = owlready2.World()
    try:
        world.get_ontology(str(URIRef("https://w3id.org/policykg/ontology"))).load(
            fileobj=io.BytesIO(tbox.serialize(format="nt", encoding="utf-8")), format="ntriples"
        )
        world.get_ontology(_DATA_ONTOLOGY).load(
            fileobj=io.BytesIO(abox.serialize(format="nt", encoding="utf-8")), format="ntriples"
        )
        try:
            owlready2.sync_reasoner_hermit(
                world, infer_property_values=True, debug=0, ignore_unsupported_datatypes=True
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return ReasoningReport(
                consistent=False,
                scope=scope,
                seconds=time.perf_counter() - started,
                data_triples=len(abox),
                problems=_suspects(abox, tbox),
            )
        except owlready2.OwlReadyJavaError as exc:
            raise PolicyKGError(f"HermiT failed: {str(exc).splitlines()[-1] if str(exc) else exc}") from None
        buffer = io.BytesIO()
        world.get_ontology(_INFERRED_ONTOLOGY).save(buffer, format="ntriples")
    finally:
        world.close()
    found = Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")
    inferred = {
        (s, p, o)
        for s, p, o in found
        if isinstance(s, URIRef) and str(s).startswith(DATA_BASE) and (s, None, None) not in tbox
        and not (p == RDF.type and o in _TRIVIAL_TYPES)
    }  # fmt: skip
    inferred |= _lift(set(abox) | inferred, tbox)
    new = [t for t in inferred if t not in abox and t not in tbox]
    lines = sorted({f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in new})
    return ReasoningReport(
        consistent=True,
        inferred_ntriples="".join(lines),
        scope=scope,
        seconds=time.perf_counter() - started,
        data_triples=len(abox),
    )
