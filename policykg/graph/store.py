"""The store interface: load triples, query with bound parameters, export, close.

Backends live in ``graph/backends/`` and implement :class:`Store`; :func:`policykg.graph.connect.open_store`
chooses one from a spec string:
``oxigraph:PATH`` or a plain path (on disk, the default), ``memory:`` (rdflib, in memory, for
interop and tests).  Query results are W3C SPARQL 1.1 Query Results JSON objects whatever the
backend, so nothing of a backend's own types leaks upward.  Parameters are bound with
:class:`Iri` and :class:`Lit` values and handed to the engine as substitutions, never formatted
into query text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

__all__ = [
    "DISPLAY_PREFIXES",
    "EXPORT_FORMATS",
    "PREFIXES",
    "Binding",
    "Iri",
    "Lit",
    "Store",
    "compact",
    "rows",
]

EXPORT_FORMATS = ("turtle", "ntriples", "jsonld")
PREFIXES = {
    "pkg": "https://w3id.org/policykg/ontology#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# namespaces shown in short form to people (CURIEs), beyond the query prefixes above
DISPLAY_PREFIXES = {
    **PREFIXES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "schema": "https://schema.org/",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "qb": "http://purl.org/linked-data/cube#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "id": "https://w3id.org/policykg/id/",
}


def compact(iri: str) -> str:
    """An IRI as a CURIE (``pkg:Section``) when one of the known namespaces fits, else unchanged."""
    for prefix, namespace in DISPLAY_PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


@dataclass(frozen=True)
class Iri:
    """An IRI value for a query parameter."""

    value: str


@dataclass(frozen=True)
class Lit:
    """A literal value for a query parameter, with an optional language tag or datatype IRI."""

    value: str
    lang: str | None = None
    datatype: str | None = None


Binding = Iri | Lit
Bindings = Mapping[str, Binding]


class Store(Protocol):
    """What every backend can do."""

    name: str
    persistent: bool

    def load(self, data: str, fmt: str = "ntriples") -> None:
        """Add triples given as N-Triples or Turtle text."""

    def query(self, sparql: str, bindings: Bindings | None = None) -> dict[str, Any]:
        """Run SELECT or ASK (SPARQL Results JSON) or CONSTRUCT/DESCRIBE (``{"ntriples": …}``)."""

    def export(self, fmt: str) -> bytes:
        """The whole graph as Turtle, N-Triples or JSON-LD."""

    def close(self) -> None:
        """Release files and locks."""


def rows(result: Mapping[str, Any]) -> list[dict[str, str]]:
    """The bindings of a SELECT result as plain ``{var: value}`` dicts (unbound variables left out)."""
    return [
        {k: v["value"] for k, v in binding.items()}
        for binding in result.get("results", {}).get("bindings", [])
    ]
