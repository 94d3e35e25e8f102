"""Commands that read the graph as a whole: SPARQL queries, the named-query list, export, stats."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from policykg.cli.output import (
    edge,
    format_option,
    open_handle,
    print_csv,
    print_json,
    store_option,
    table,
)
from policykg.errors import PolicyKGError, QueryError

if TYPE_CHECKING:
    from policykg.graph.store import Binding

__all__ = ["export", "queries", "query", "stats"]

XSD = "http://www.w3.org/2001/XMLSchema#"


def _parse_param(raw: str, declared: dict[str, str]) -> tuple[str, Binding]:
    """``name=value``: ``<…>`` is an IRI, ``value^^xsd:type`` a typed literal, ``value@zh`` a tagged one."""
    from policykg.graph.store import Iri, Lit

    name, sep, value = raw.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not name.isidentifier():
        raise QueryError(f"--param {raw!r}: write it as NAME=VALUE")
    if value.startswith("<") and value.endswith(">"):
        return name, Iri(value[1:-1])
    if "^^" in value:
        text, _, datatype = value.rpartition("^^")
        return name, Lit(text, datatype=datatype.replace("xsd:", XSD))
    if "xsd:" in declared.get(name, ""):
        datatype = declared[name].split("xsd:", 1)[1].split()[0].rstrip(",)")
        return name, Lit(value, datatype=XSD + datatype)
    if "iri" in declared.get(name, ""):
        return name, Iri(value)
    if " zh" in f" {declared.get(name, '')}":
        return name, Lit(value, lang="zh")
    return name, Lit(value)


def _query_text(source: str) -> tuple[str, dict[str, str]]:
    """A query from a named query, a file, or the argument itself, with its declared parameters."""
    from policykg.graph.named_queries import list_queries

    for named in list_queries():
        if named.name == source:
            return named.text, {p.name: p.kind for p in named.params}
    path = Path(source)
    if source.endswith((".rq", ".sparql")) or (len(source) < 4096 and "\n" not in source and path.is_file()):
        try:
            return path.read_text(encoding="utf-8"), {}
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{source}: cannot read the query file ({exc})") from None
    return source, {}


def _format_value(cell: dict[str, Any] | None) -> str:
    return "" if cell is None else str(cell.get("value", ""))


@click.command()
@click.argument("sparql_or_file")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query variable (repeatable); values are bound, never pasted into the query.",
)
@store_option
@format_option("table", "json", "csv")
@edge
def query(sparql_or_file: str, params: tuple[str, ...], store: str | None, fmt: str) -> None:
    """Run SPARQL (text, a .rq file, or a named query from `policykg queries`) against the graph."""
    text, declared = _query_text(sparql_or_file)
    bindings = dict(_parse_param(p, declared) for p in params)
    result = open_handle(store).query(text, bindings)
    if "ntriples" in result:
        click.echo(result["ntriples"], nl=False)
        return
    if fmt == "json":
        print_json(result)
        return
    if "boolean" in result:
        click.echo("true" if result["boolean"] else "false")
        return
    variables = result["head"]["vars"]
    rows = [[_format_value(b.get(v)) for v in variables] for b in result["results"]["bindings"]]
    if fmt == "csv":
        print_csv(variables, rows)
        return
    table(f"{len(rows)} rows", variables, rows)


@click.command()
@format_option("table", "json")
@edge
def queries(fmt: str) -> None:
    """The named queries shipped with policykg and their parameters."""
    from policykg.analysis.overview import query_catalogue

    data = query_catalogue()
    if fmt == "json":
        print_json(data)
        return
    table(
        "named queries",
        ["name", "title", "parameters"],
        [[q["name"], q["title"], ", ".join(p["name"] for p in q["params"])] for q in data],
    )


@click.command()
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "ntriples", "jsonld"]),
    default="turtle",
    show_default=True,
    help="Serialisation.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
@edge
def export(store: str | None, fmt: str, output: Path | None) -> None:
    """Export the whole graph as Turtle, N-Triples or JSON-LD."""
    data = open_handle(store).export(fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise PolicyKGError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"wrote {output}")


@click.command()
@store_option
@format_option("table", "json")
@edge
def stats(store: str | None, fmt: str) -> None:
    """Counts of documents, sections, goals and triples in the graph."""
    from policykg.analysis.overview import graph_stats

    counted = graph_stats(open_handle(store))
    if fmt == "json":
        print_json(counted.as_json())
        return
    click.echo(f"{counted.triples} triples")
    by_count = sorted(counted.classes.items(), key=lambda kv: -kv[1])
    table("classes", ["class", "count"], by_count)
    table(
        "documents",
        ["document", "kind", "year", "issuer", "sections", "title"],
        [
            [d["docName"], d["kind"], d.get("year"), d.get("issuer"), d["sections"], d["title"][:40]]
            for d in counted.documents
        ],
    )
    table(
        "sections serving each goal",
        ["goal", "label", "sections"],
        [[g["goalCode"], g["label"], g["sections"]] for g in counted.goals],
    )
