"""An in-memory rdflib store, for interoperability with the rdflib ecosystem and for tests."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rdflib import Graph, Literal, URIRef

from policykg.errors import QueryError, StoreError
from policykg.graph.store import PREFIXES, Binding, Iri, Lit

__all__ = ["MemoryStore"]

_RDFLIB_FORMATS = {"ntriples": "nt", "turtle": "turtle", "jsonld": "json-ld"}


def _term(value: Binding) -> URIRef | Literal:
    if isinstance(value, Iri):
        return URIRef(value.value)
    if isinstance(value, Lit):
        return Literal(
            value.value, lang=value.lang, datatype=URIRef(value.datatype) if value.datatype else None
        )
    raise TypeError(f"a query parameter must be an Iri or a Lit, not {type(value).__name__}")


class MemoryStore:
    """An rdflib Graph behind the store interface."""

    name = "memory"
    persistent = False

    def __init__(self) -> None:
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)

    def load(self, data: str, fmt: str = "ntriples") -> None:
        try:
            self.graph.parse(data=data, format=_RDFLIB_FORMATS[fmt])
        except Exception as exc:  # rdflib raises many parser-specific types
            raise StoreError(f"cannot load {fmt} data: {exc}") from None

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> dict[str, Any]:
        from pyparsing import ParseException

        init = {k: _term(v) for k, v in (bindings or {}).items()}
        try:
            result = self.graph.query(sparql, initNs=PREFIXES, initBindings=init)
            if result.type in ("CONSTRUCT", "DESCRIBE"):
                assert result.graph is not None
                return {"ntriples": result.graph.serialize(format="nt")}
            data = result.serialize(format="json")
            assert data is not None  # rdflib returns bytes when no destination is given
            return json.loads(data)
        except ParseException as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from None
        except Exception as exc:  # evaluation errors surface as assorted rdflib exceptions
            raise QueryError(f"the query failed: {exc}") from None

    def export(self, fmt: str) -> bytes:
        if fmt not in _RDFLIB_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(_RDFLIB_FORMATS)}")
        return self.graph.serialize(format=_RDFLIB_FORMATS[fmt], encoding="utf-8")

    def close(self) -> None:
        self.graph.close()
