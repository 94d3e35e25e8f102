"""A store behind any standard SPARQL server, so the graph can live in Oxigraph's server, Fuseki, etc.

Queries go through the SPARQL 1.1 Protocol and data through the Graph Store Protocol, with the
standard library's HTTP client only.  The protocol has no parameter bindings, so ``Iri``/``Lit``
values travel as a trailing ``VALUES`` block built by :func:`sparql_term`, which validates IRIs and
escapes literals per the SPARQL grammar: user input is never formatted into the query body.

The block goes first inside the query's WHERE group (found by a small lexer that skips comments,
strings and IRIs), so FILTERs, BINDs and OPTIONALs of the query see the bound values just as with
the local backends' substitution; only variables scoped inside a sub-select are out of its reach.
A query without a group (``DESCRIBE <x>``) gets a trailing ``VALUES`` instead.
"""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

from policykg.errors import QueryError, StoreError
from policykg.graph.store import PREFIXES, Binding, Iri, Lit

__all__ = ["RemoteStore", "bind_values", "replace_remote", "sparql_term", "values_block"]

_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')
_IRI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LITERAL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_DECLARED_PREFIX = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:")

_RDF_TYPES = {"ntriples": "application/n-triples", "turtle": "text/turtle", "jsonld": "application/ld+json"}
_RESULTS_JSON = "application/sparql-results+json"
_QUERY_ACCEPT = f"{_RESULTS_JSON}, application/n-triples;q=0.9"
_MAX_MESSAGE = 300


def _iri(value: str) -> str:
    if not value or _IRI_FORBIDDEN.search(value) or not _IRI_SCHEME.match(value):
        raise QueryError(f"not a valid absolute IRI for a query parameter: {value!r}")
    return f"<{value}>"


def _string(value: str) -> str:
    """A double-quoted SPARQL string.  ``\\`` becomes ``\\\\`` and a ``u``/``U`` right after a
    backslash is written as a codepoint escape, so servers that expand ``\\uXXXX`` before parsing
    (as the grammar allows) cannot turn escaped text back into syntax."""
    out: list[str] = []
    previous = ""
    for char in value:
        if char in "uU" and previous == "\\":
            out.append("\\u0075" if char == "u" else "\\u0055")
        else:
            out.append(_LITERAL_ESCAPES.get(char, char))
        previous = char
    return '"' + "".join(out) + '"'


def sparql_term(value: Binding) -> str:
    """An ``Iri`` or ``Lit`` as SPARQL term syntax; invalid IRIs and language tags are QueryErrors."""
    if isinstance(value, Iri):
        return _iri(value.value)
    if isinstance(value, Lit):
        text = _string(value.value)
        if value.lang:
            if not _LANG.match(value.lang):
                raise QueryError(f"not a valid language tag for a query parameter: {value.lang!r}")
            return f"{text}@{value.lang}"
        if value.datatype:
            return f"{text}^^{_iri(value.datatype)}"
        return text
    raise TypeError(f"a query parameter must be an Iri or a Lit, not {type(value).__name__}")


def values_block(bindings: Mapping[str, Binding]) -> str:
    """A one-row ``VALUES (?a ?b) { (… …) }`` clause for the given bindings (empty text for none)."""
    if not bindings:
        return ""
    names = []
    for name in bindings:
        if not _VARNAME.match(name):
            raise QueryError(f"not a valid SPARQL variable name for a query parameter: {name!r}")
        names.append(f"?{name}")
    terms = " ".join(sparql_term(v) for v in bindings.values())
    return f"VALUES ({' '.join(names)}) {{ ({terms}) }}"


_TOKEN = re.compile(
    "|".join(
        [
            r"(?P<skip>\#[^\n]*",  # a comment
            r'"{3}(?:[^"\\]|\\.|"(?!""))*"{3}',  # long strings
            r"'{3}(?:[^'\\]|\\.|'(?!''))*'{3}",
            r'"(?:[^"\\\n\r]|\\.)*"',  # short strings
            r"'(?:[^'\\\n\r]|\\.)*'",
            r'<[^<>"{}|^`\\\x00-\x20]*>',  # IRIs
            r"[?$]\w+",  # variables
            r"[\w.-]*:[\w.:%-]*)",  # prefixed names
            r"(?P<word>[A-Za-z]+)",
            r"(?P<open>\{)",
            r"(?P<close>\})",
            r"(?P<lpar>\()",
            r"(?P<rpar>\))",
        ]
    ),
    re.S,
)


def _where_brace(sparql: str) -> int | None:
    """The offset just after the ``{`` that opens the query's WHERE group, or None when it has none."""
    form: str | None = None
    braces = parens = 0
    skip_template = False
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        if kind == "word" and form is None and braces == 0:
            word = m.group().upper()
            if word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                form = word
                skip_template = word == "CONSTRUCT"
            continue
        if kind == "word" and form == "CONSTRUCT" and braces == 0 and skip_template:
            skip_template = False  # CONSTRUCT WHERE { … }: the short form has no template
        elif kind == "lpar":
            parens += 1
        elif kind == "rpar":
            parens = max(parens - 1, 0)
        elif kind == "open":
            if form and braces == 0 and parens == 0 and not skip_template:
                return m.end()
            braces += 1
        elif kind == "close":
            braces = max(braces - 1, 0)
            if braces == 0 and skip_template:
                skip_template = False
    return None


def bind_values(sparql: str, bindings: Mapping[str, Binding]) -> str:
    """The query with its bindings as a VALUES block at the start of its WHERE group."""
    block = values_block(bindings)
    if not block:
        return sparql
    at = _where_brace(sparql)
    if at is None:
        return f"{sparql}\n{block}\n"
    return f"{sparql[:at]}\n  {block}\n{sparql[at:]}"


def _with_prefixes(sparql: str) -> str:
    """The query with the default prefixes it does not declare itself (the local backends add them too)."""
    declared = {m.group(1) or "" for m in _DECLARED_PREFIX.finditer(sparql)}
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    return "\n".join([*missing, sparql]) if missing else sparql


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _MAX_MESSAGE else line[: _MAX_MESSAGE - 1] + "…"


class RemoteStore:
    """A SPARQL 1.1 Protocol query endpoint, with optional update and Graph Store Protocol endpoints."""

    name = "remote"
    persistent = True

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        store_url: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        for url in (query_url, update_url, store_url):
            if url is not None and urllib.parse.urlsplit(url).scheme not in ("http", "https"):
                raise StoreError(f"{url}: a remote store needs an http:// or https:// URL")
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.timeout = timeout

    @classmethod
    def from_spec(cls, spec: str, *, timeout: float = 30.0) -> RemoteStore:
        """A store from a URL.  ``…/query`` (Oxigraph's layout) implies ``…/update`` and ``…/store``
        beside it; any other URL is taken as a read-only query endpoint."""
        base, sep, last = spec.rstrip("/").rpartition("/")
        if sep and last == "query":
            return cls(spec, update_url=f"{base}/update", store_url=f"{base}/store", timeout=timeout)
        return cls(spec, timeout=timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    # -- HTTP ---------------------------------------------------------------------------------

    def _request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        error: type[StoreError] | type[QueryError] = StoreError,
        what: str,
    ) -> tuple[str, bytes]:
        """Send one request; return (content type, body) or raise ``error`` with a one-line message."""
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as exc:
            try:
                detail = _one_line(exc.read().decode("utf-8", "replace")) or exc.reason
            finally:
                exc.close()
            if error is QueryError and exc.code == 400:
                raise QueryError(f"malformed SPARQL: {detail}") from None
            raise error(f"{what} failed at {url}: HTTP {exc.code}: {detail}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, ConnectionRefusedError):
                raise StoreError(f"{url}: connection refused (is the SPARQL server running?)") from None
            if isinstance(reason, TimeoutError | socket.timeout):
                raise error(f"{what} timed out after {self.timeout:g} s at {url}") from None
            raise StoreError(f"{url}: cannot reach the SPARQL server ({_one_line(str(reason))})") from None
        except TimeoutError:
            raise error(f"{what} timed out after {self.timeout:g} s at {url}") from None
        except (ConnectionError, OSError) as exc:
            detail = _one_line(str(exc))
            raise StoreError(f"{url}: connection to the SPARQL server failed ({detail})") from None

    def _graph_url(self, what: str) -> str:
        if not self.store_url:
            raise StoreError(
                f"{what} needs a Graph Store Protocol endpoint; this store has only {self.query_url}"
            )
        return f"{self.store_url}?default"

    # -- the store protocol ---------------------------------------------------------------------

    def load(self, data: str, fmt: str = "ntriples") -> None:
        """Add triples to the default graph (GSP POST)."""
        if fmt not in ("ntriples", "turtle"):
            raise StoreError(f"cannot load {fmt} data: use ntriples or turtle")
        self._request(
            "POST",
            self._graph_url("loading data"),
            body=data.encode("utf-8"),
            headers={"Content-Type": f"{_RDF_TYPES[fmt]}; charset=utf-8"},
            what=f"loading {fmt} data",
        )

    def query(self, sparql: str, bindings: Mapping[str, Binding] | None = None) -> dict[str, Any]:
        """Run a query (POST ``application/sparql-query``); bindings become a VALUES block."""
        text = _with_prefixes(bind_values(sparql, bindings or {}))
        content_type, body = self._request(
            "POST",
            self.query_url,
            body=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": _QUERY_ACCEPT},
            error=QueryError,
            what="the query",
        )
        if content_type in ("application/n-triples", "text/plain", "text/turtle"):
            return {"ntriples": body.decode("utf-8")}
        try:
            return json.loads(body)
        except ValueError:
            raise QueryError(f"the server answered {content_type!r}, not SPARQL results JSON") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (POST ``application/sparql-update``) on the update endpoint."""
        if not self.update_url:
            raise StoreError(f"this store has no update endpoint, only {self.query_url}")
        self._request(
            "POST",
            self.update_url,
            body=_with_prefixes(sparql).encode("utf-8"),
            headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            error=QueryError,
            what="the update",
        )

    def export(self, fmt: str) -> bytes:
        """The default graph as Turtle, N-Triples or JSON-LD (GSP GET with the matching Accept)."""
        if fmt not in _RDF_TYPES:
            raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(_RDF_TYPES)}")
        _, body = self._request(
            "GET", self._graph_url("exporting"), headers={"Accept": _RDF_TYPES[fmt]}, what=f"exporting {fmt}"
        )
        return body

    def clear(self) -> None:
        """Empty the default graph (GSP DELETE, or ``CLEAR DEFAULT`` without a graph store endpoint)."""
        if self.store_url:
            try:
                self._request("DELETE", self._graph_url("clearing"), what="clearing the default graph")
            except StoreError as exc:
                if "HTTP 404" not in str(exc):  # an empty default graph may be reported as missing
                    raise
            return
        self.update("CLEAR DEFAULT")

    def replace(self, ntriples: str) -> None:
        """Replace the default graph with N-Triples in one request (GSP PUT), so readers see old or new."""
        self._request(
            "PUT",
            self._graph_url("replacing the graph"),
            body=ntriples.encode("utf-8"),
            headers={"Content-Type": "application/n-triples; charset=utf-8"},
            what="replacing the graph",
        )

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""


def replace_remote(store: RemoteStore, ntriples: str, ontology_ttl: str) -> int:
    """Replace a remote store's default graph with the data graph and the ontology; the triple count.

    The ontology is turned into N-Triples locally so both go up in a single GSP PUT when the server
    has a graph store endpoint; otherwise the graph is cleared and each part loaded in turn."""
    if store.store_url:
        import pyoxigraph as ox

        try:
            ontology_nt = ox.serialize(
                ox.parse(ontology_ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE),
                format=ox.RdfFormat.N_TRIPLES,
            )
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot read the ontology as Turtle: {exc}") from None
        assert ontology_nt is not None
        store.replace(ntriples.rstrip("\n") + "\n" + ontology_nt.decode("utf-8"))
    else:
        store.clear()
        store.load(ntriples, "ntriples")
        store.load(ontology_ttl, "turtle")
    counted = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(counted["results"]["bindings"][0]["n"]["value"])
