"""SPARQL results in the four W3C formats, and content negotiation between them.

Results travel inside the server as SPARQL Results JSON whatever the backend, so one serializer
per format is enough: JSON as is, CSV and TSV per "SPARQL 1.1 Query Results CSV and TSV Formats",
XML per "SPARQL Query Results XML Format".  Graph results (CONSTRUCT/DESCRIBE) are N-Triples,
which is also valid Turtle.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

__all__ = ["FORMATS", "GRAPH_FORMATS", "NotAcceptable", "negotiate", "serialize"]

FORMATS = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}
GRAPH_FORMATS = {"ntriples": "application/n-triples", "turtle": "text/turtle"}
_ALIASES = {
    **{mime: name for name, mime in (FORMATS | GRAPH_FORMATS).items()},
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/plain": "ntriples",
    "*/*": "json",
    "application/*": "json",
    "text/*": "csv",
}
_TSV_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class NotAcceptable(ValueError):
    """No format the client accepts (or asked for by name) is one we produce."""


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (ties keep their order)."""
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        mime, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if mime and q > 0:
            ranked.append((-q, i, mime.lower()))
    return [mime for _, _, mime in sorted(ranked)]


def negotiate(kind: str, format_param: str | None, accept: str | None) -> str:
    """The format name for a result of ``kind`` ("bindings", "boolean" or "graph")."""
    graph = kind == "graph"
    if format_param:
        name = _ALIASES.get(format_param.lower(), format_param.lower())
        if graph:
            return name if name in GRAPH_FORMATS else "ntriples"
        if name not in FORMATS:
            raise NotAcceptable(f"unknown format {format_param!r}: use one of {', '.join(FORMATS)}")
        return name
    for mime in _accepted(accept or "*/*"):
        accepted = _ALIASES.get(mime)
        if accepted is None:
            continue
        if graph:
            return accepted if accepted in GRAPH_FORMATS else "ntriples"
        if accepted in FORMATS:
            return accepted
    if graph:
        return "ntriples"
    raise NotAcceptable(f"none of the accepted types is produced here: {', '.join(FORMATS.values())}")


def _csv_value(term: dict[str, Any] | None) -> str:
    if term is None:
        return ""
    return f"_:{term['value']}" if term["type"] == "bnode" else str(term["value"])


def _tsv_value(term: dict[str, Any] | None) -> str:
    if term is None:
        return ""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    if kind == "triple":
        return "<< " + " ".join(_tsv_value(value[p]) for p in ("subject", "predicate", "object")) + " >>"
    text = '"' + "".join(_TSV_ESCAPES.get(c, c) for c in value) + '"'
    if "xml:lang" in term:
        return f"{text}@{term['xml:lang']}"
    if "datatype" in term:
        return f"{text}^^<{term['datatype']}>"
    return text


def _xml_term(term: dict[str, Any]) -> str:
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return f"<uri>{escape(value)}</uri>"
    if kind == "bnode":
        return f"<bnode>{escape(value)}</bnode>"
    if kind == "triple":
        parts = "".join(f"<{p}>{_xml_term(value[p])}</{p}>" for p in ("subject", "predicate", "object"))
        return f"<triple>{parts}</triple>"
    attrs = ""
    if "xml:lang" in term:
        attrs = f" xml:lang={quoteattr(term['xml:lang'])}"
    elif "datatype" in term:
        attrs = f" datatype={quoteattr(term['datatype'])}"
    return f"<literal{attrs}>{escape(value)}</literal>"


def _xml(result: dict[str, Any]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in result["head"].get("vars", [])))
    out.append("</head>")
    if "boolean" in result:
        out.append(f"<boolean>{'true' if result['boolean'] else 'false'}</boolean>")
    else:
        out.append("<results>")
        for binding in result["results"]["bindings"]:
            cells = "".join(
                f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in binding.items()
            )
            out.append(f"<result>{cells}</result>")
        out.append("</results>")
    out.append("</sparql>\n")
    return "\n".join(out)


def serialize(result: dict[str, Any], fmt: str) -> tuple[bytes, str]:
    """A SPARQL Results JSON object in format ``fmt``: (body, content type)."""
    mime = FORMATS[fmt]
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False).encode("utf-8"), mime
    if fmt == "xml":
        return _xml(result).encode("utf-8"), mime
    names = result.get("head", {}).get("vars", [])
    bindings = result.get("results", {}).get("bindings", [])
    if "boolean" in result:  # not defined by the CSV/TSV note; one cell, as common servers do
        names, bindings = (
            ["boolean"],
            [{"boolean": {"type": "literal", "value": str(result["boolean"]).lower()}}],
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(names)
        for binding in bindings:
            writer.writerow([_csv_value(binding.get(n)) for n in names])
        return buffer.getvalue().encode("utf-8"), f"{mime}; charset=utf-8"
    lines = ["\t".join(f"?{n}" for n in names)]
    lines += ["\t".join(_tsv_value(binding.get(n)) for n in names) for binding in bindings]
    return ("\n".join(lines) + "\n").encode("utf-8"), f"{mime}; charset=utf-8"
