"""The default store: pyoxigraph on disk, opened read-only for queries and replaced atomically on build."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.errors import QueryError, StoreError
from policykg.graph.store import PREFIXES, Binding, Iri, Lit

__all__ = ["OxigraphStore"]

_RDF_FORMATS = {
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "turtle": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _term(value: Binding) -> ox.NamedNode | ox.Literal:
    if isinstance(value, Iri):
        return ox.NamedNode(value.value)
    if isinstance(value, Lit):
        if value.lang:
            return ox.Literal(value.value, language=value.lang)
        if value.datatype:
            return ox.Literal(value.value, datatype=ox.NamedNode(value.datatype))
        return ox.Literal(value.value)
    raise TypeError(f"a query parameter must be an Iri or a Lit, not {type(value).__name__}")


def _serialized(data: bytes | None) -> bytes:
    """pyoxigraph returns the bytes when no output file is given; None would mean a file was written."""
    if data is None:
        raise StoreError("the store wrote its output to a file where bytes were expected")
    return data


class OxigraphStore:
    """A pyoxigraph store in a directory."""

    name = "oxigraph"
    persistent = True

    def __init__(self, store: ox.Store, path: Path | None) -> None:
        self._store = store
        self.path = path

    @classmethod
    def open(cls, path: Path, *, read_only: bool = True) -> OxigraphStore:
        """Open an existing store read-only, or create/open one for writing."""
        if read_only:
            if not path.is_dir():
                raise StoreError(f"no graph at {path}: run `policykg build` first or pass --store")
            try:
                return cls(ox.Store.read_only(str(path)), path)
            except OSError as exc:
                raise StoreError(f"{path}: not a readable policykg store ({exc})") from None
        try:
            path.mkdir(parents=True, exist_ok=True)
            return cls(ox.Store(str(path)), path)
        except OSError as exc:
            raise StoreError(f"{path}: cannot open the store for writing ({exc})") from None

    @classmethod
    def in_memory(cls) -> OxigraphStore:
        """A pyoxigraph store that lives only in memory."""
        return cls(ox.Store(), None)

    def load(self, data: str, fmt: str = "ntriples") -> None:
        try:
            self._store.bulk_load(input=data.encode("utf-8"), format=_RDF_FORMATS[fmt])
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"cannot load {fmt} data: {exc}") from None

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> dict[str, Any]:
        substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(k): _term(v) for k, v in (bindings or {}).items()
        }
        try:
            result = self._store.query(sparql, prefixes=PREFIXES, substitutions=substitutions or None)
            if isinstance(result, ox.QueryTriples):
                return {
                    "ntriples": _serialized(result.serialize(format=ox.RdfFormat.N_TRIPLES)).decode("utf-8")
                }
            return json.loads(_serialized(result.serialize(format=ox.QueryResultsFormat.JSON)))
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"the query failed: {exc}") from None

    def export(self, fmt: str) -> bytes:
        if fmt not in _RDF_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(_RDF_FORMATS)}")
        prefixes = PREFIXES if fmt == "turtle" else None
        return _serialized(
            self._store.dump(format=_RDF_FORMATS[fmt], from_graph=ox.DefaultGraph(), prefixes=prefixes)
        )

    def flush(self) -> None:
        """Write everything to disk."""
        self._store.flush()

    def close(self) -> None:
        # pyoxigraph closes its files when the object goes; drop our reference
        self._store = None  # type: ignore[assignment]
