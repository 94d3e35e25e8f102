"""The ``policykg`` command line: each command parses its arguments, calls the library and prints.

Tables for people, ``--format json`` for programs (shapes fixed by the output contract).  Every
error a user can cause ends as one line on stderr and a non-zero exit code, never a traceback.
Heavy libraries are imported inside the commands that need them, so query commands start fast.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from policykg import __version__
from policykg.errors import PolicyKGError, QueryError

__all__ = ["main"]

F = TypeVar("F", bound=Callable[..., Any])
XSD = "http://www.w3.org/2001/XMLSchema#"


def _fail(message: str, code: int) -> None:
    click.echo(f"policykg: error: {message}", err=True)
    sys.exit(code)


def _edge(func: F) -> F:
    """Turn policykg errors (and anything unexpected) into one line on stderr and an exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolicyKGError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except BrokenPipeError:
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # the last guard: users get a line, not a traceback
            _fail(f"internal error: {type(exc).__name__}: {exc}", 70)

    return wrapper  # type: ignore[return-value]


store_option = click.option(
    "--store",
    "store",
    default=None,
    metavar="PATH",
    help="Store directory (default: $POLICYKG_STORE or .policykg/store).",
)


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


class _Reports:
    """``reports`` imported on first use, so commands that do not query start fast."""

    def __getattr__(self, name: str) -> Any:
        from policykg.analysis import reports as module

        return getattr(module, name)


reports = _Reports()


def _open(store: str | None) -> Any:
    from policykg.graph.store import open_store

    return open_store(store)


def _print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console().print(table)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def main() -> None:
    """policykg: Chinese government policy documents as a knowledge graph you can query and trust."""


@main.command()
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of .txt documents (default: the bundled Inner Mongolia corpus).",
)
@store_option
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write exports (Turtle, N-Triples, JSON-LD, sections.json, summary.json) here.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Processes that extract documents in parallel.",
)
@format_option("table", "json")
@_edge
def build(corpus: Path | None, store: str | None, out: Path | None, workers: int, fmt: str) -> None:
    """Build the graph from every document of a folder, replacing the store (or a SPARQL server's graph)."""
    from policykg.build import build_store
    from policykg.graph.store import default_store_path
    from policykg.loaders.text.documents import bundled_corpus

    corpus_dir = corpus or bundled_corpus()
    remote = bool(store and store.startswith(("http://", "https://")))
    target = Path(store.removeprefix("oxigraph:")) if store and not remote else default_store_path()

    def run(on_document: Any = None) -> Any:
        if remote:
            from policykg.build import build_remote

            return build_remote(corpus_dir, str(store), on_document=on_document)
        return build_store(corpus_dir, target, on_document=on_document, workers=workers)

    if fmt == "json":
        report = run()
    else:
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task("reading documents", total=None)
            report = run(lambda d: progress.update(task, description=d.id))
    summary = {
        "store": str(report.store),
        "corpus": str(corpus_dir),
        "triples": report.triples,
        "seconds": round(report.seconds, 3),
        "documents": report.documents,
    }
    if out:
        summary["outputs"] = _write_outputs(str(store) if remote else str(target), out, summary)
    if fmt == "json":
        _print_json(summary)
        return
    _table(
        f"policykg: built {report.triples} triples from {len(report.documents)} documents "
        f"in {report.seconds:.2f} s",
        ["document", "kind", "year", "sections", "title"],
        [[d["doc"], d["kind"], d["year"], d["sections"], str(d["title"])[:40]] for d in report.documents],
    )
    click.echo(f"store: {report.store}")
    for path in summary.get("outputs", []):
        click.echo(f"wrote: {path}")


def _write_outputs(store: str, out: Path, summary: dict[str, Any]) -> list[str]:
    """Exports of a freshly built store, for people who want files rather than a database."""
    from policykg.graph.store import open_store

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PolicyKGError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    handle = open_store(store)
    written: list[str] = []
    for fmt, name in (("turtle", "graph.ttl"), ("ntriples", "graph.nt"), ("jsonld", "graph.jsonld")):
        (out / name).write_bytes(handle.export(fmt))
        written.append(str(out / name))
    (out / "sections.json").write_text(
        json.dumps(reports.sections(handle), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    written.append(str(out / "sections.json"))
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    written.append(str(out / "summary.json"))
    from policykg.viz import write_views

    written += [str(p) for p in write_views(handle, out / "views")]
    return written


def _target(store: str | None) -> Path:
    from policykg.graph.store import default_store_path

    if store and store.startswith(("http://", "https://")):
        raise PolicyKGError(
            "add and remove work on a store on disk; build a remote store with `build --store URL`"
        )
    return Path(store.removeprefix("oxigraph:")) if store else default_store_path()


def _print_report(report: Any, fmt: str, note: str) -> None:
    data = {
        "store": str(report.store),
        "triples": report.triples,
        "seconds": round(report.seconds, 3),
        "documents": report.documents,
        "changed": note,
    }
    if fmt == "json":
        _print_json(data)
        return
    click.echo(f"{note}; the graph now holds {report.triples} triples from {len(report.documents)} documents")
    for d in report.documents:
        click.echo(f"  {d['doc']}  {d['kind']}  {d['year'] or ''}  {d['title']}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@format_option("table", "json")
@_edge
def add(files: tuple[Path, ...], store: str | None, fmt: str) -> None:
    """Add documents (.txt, .docx, .pdf, .html) to the graph, creating it when missing, and relink it."""
    from policykg.build import add_documents

    report, names = add_documents(files, _target(store))
    _print_report(report, fmt, f"added {', '.join(names)}")


@main.command()
@click.argument("doc")
@store_option
@format_option("table", "json")
@_edge
def remove(doc: str, store: str | None, fmt: str) -> None:
    """Take the document DOC (its file name) out of the graph and relink what remains."""
    from policykg.build import remove_document

    _print_report(remove_document(doc, _target(store)), fmt, f"removed {doc}")


@main.command()
@store_option
@format_option("table", "json")
@_edge
def stats(store: str | None, fmt: str) -> None:
    """Counts of documents, sections, goals and triples in the graph."""
    from policykg.graph.named_queries import load_query
    from policykg.graph.store import rows

    handle = _open(store)
    total = int(rows(handle.query(load_query("triple_count").text))[0]["n"])
    classes = {
        r["class"].rsplit("#", 1)[-1]: int(r["count"])
        for r in rows(handle.query(load_query("class_counts").text))
    }
    documents = rows(handle.query(load_query("documents").text))
    goals = rows(handle.query(load_query("goal_coverage").text))
    data = {
        "triples": total,
        "classes": classes,
        "documents": documents,
        "goals": {g["goalCode"]: int(g["sections"]) for g in goals},
    }
    if fmt == "json":
        _print_json(data)
        return
    click.echo(f"{total} triples")
    _table("classes", ["class", "count"], sorted(classes.items(), key=lambda kv: -kv[1]))
    _table(
        "documents",
        ["document", "kind", "year", "sections", "title"],
        [[d["docName"], d["kind"], d.get("year"), d["sections"], d["title"][:40]] for d in documents],
    )
    _table(
        "sections serving each goal",
        ["goal", "label", "sections"],
        [[g["goalCode"], g["label"], g["sections"]] for g in goals],
    )


@main.command()
@click.argument("doc", required=False)
@store_option
@format_option("table", "json")
@_edge
def sections(doc: str | None, store: str | None, fmt: str) -> None:
    """The section tree of every document, or of DOC (a file name), with each section's goal."""
    data = reports.sections(_open(store), doc)
    if doc and not data:
        raise QueryError(f"no document {doc!r} in the graph (see `policykg stats`)")
    if fmt == "json":
        _print_json(data)
        return
    _table(
        f"{len(data)} sections",
        ["document", "section", "title", "goal", "basis"],
        [
            [
                s["doc"],
                "  " * (s["level"] - 1) + (s["number"] or "·"),
                s["title"][:44],
                (s["goal"] or {}).get("code", ""),
                (s["goal"] or {}).get("basis", ""),
            ]
            for s in data
        ],
    )


def _metric_row(m: dict[str, Any]) -> list[Any]:
    marks = {"about": "≈", "at_least": "≥", "at_most": "≤", "exact": "="}
    return [
        m["doc"][:3],
        m["indicator"],
        f"{marks[m['comparator']]} {m['value']} {m['unit']}",
        m["kind"] + (" (est.)" if m["estimate"] else ""),
        m["period"],
        "Δ" if m["change"] else "",
        m["goal"] or "",
        m["evidence"][:30],
    ]


_METRIC_COLUMNS = ["doc", "indicator", "value", "kind", "period", "change", "goal", "evidence"]


@main.command()
@click.option("--indicator", default=None, help="Canonical indicator name, e.g. 地区生产总值增速.")
@click.option("--period", default=None, help="A year (2025) or a span (2021-2025).")
@click.option(
    "--kind", type=click.Choice(["target", "actual"]), default=None, help="Targets or actuals only."
)
@click.option("--doc", default=None, help="File name of one document.")
@click.option(
    "--goal", default=None, help="Goal code of the section a statement sits in (P1–P5, M, K1–K7, L)."
)
@store_option
@format_option("table", "json", "csv")
@_edge
def metrics(
    indicator: str | None,
    period: str | None,
    kind: str | None,
    doc: str | None,
    goal: str | None,
    store: str | None,
    fmt: str,
) -> None:
    """Quantitative statements: targets and actuals with unit, comparator, period and evidence."""
    data = reports.metrics(_open(store), indicator=indicator, period=period, kind=kind, doc=doc, goal=goal)
    if fmt == "json":
        _print_json(data)
    elif fmt == "csv":
        _print_csv(list(data[0]) if data else [], [[_cell(m[k]) for k in m] for m in data])
    else:
        _table(f"{len(data)} metric statements", _METRIC_COLUMNS, [_metric_row(m) for m in data])


def _cell(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


def _print_csv(header: Sequence[str], table: Sequence[Sequence[Any]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(table)
    click.echo(buffer.getvalue(), nl=False)


def _tracked_json(t: Any) -> dict[str, Any]:
    return {
        "indicator": t.indicator,
        "period": t.period,
        "status": t.status,
        "target": t.target,
        "actual": t.actual,
    }


@main.command()
@click.argument("indicator", required=False)
@store_option
@format_option("table", "json")
@_edge
def compare(indicator: str | None, store: str | None, fmt: str) -> None:
    """Targets against actuals: the series of one INDICATOR by year, or the status of every tracked target."""
    from policykg.analysis.tracking import series, track

    rows = reports.metrics(_open(store))
    if indicator and not any(r["indicator"] == indicator for r in rows):
        known = sorted(
            {r["indicator"] for r in rows if indicator in r["indicator"] or r["indicator"] in indicator}
        )
        hint = f"; similar: {', '.join(known[:8])}" if known else ""
        raise QueryError(f"no indicator {indicator!r} in the graph{hint}")
    tracked = [t for t in track(rows) if not indicator or t.indicator == indicator]
    chosen = series(rows, indicator) if indicator else []
    if fmt == "json":
        _print_json(
            {"indicator": indicator, "series": chosen, "tracking": [_tracked_json(t) for t in tracked]}
        )
        return
    if indicator:
        _table(
            f"{indicator}: targets and actuals by period", _METRIC_COLUMNS, [_metric_row(m) for m in chosen]
        )
    _table(
        "targets against actuals",
        ["indicator", "period", "target", "actual", "status", "sources"],
        [
            [
                t.indicator,
                t.period,
                f"{t.target['value']} {t.target['unit']} ({t.target['comparator']})",
                f"{t.actual['value']} {t.actual['unit']}",
                t.status,
                f"{t.target['doc'][:3]} / {t.actual['doc'][:3]}",
            ]
            for t in tracked
        ],
    )


@main.command()
@store_option
@format_option("table", "json")
@_edge
def discrepancies(store: str | None, fmt: str) -> None:
    """Indicators whose sources report different actual values for the same period, with evidence."""
    from policykg.analysis.tracking import discrepancies as find

    found = find(reports.metrics(_open(store)))
    if fmt == "json":
        _print_json(
            [{"indicator": d.indicator, "period": d.period, "reports": list(d.reports)} for d in found]
        )
        return
    _table(
        f"{len(found)} discrepancies",
        ["indicator", "period", "value", "doc", "evidence"],
        [
            [d.indicator, d.period, f"{r['value']} {r['unit']}", r["doc"][:3], r["evidence"][:40]]
            for d in found
            for r in d.reports
        ],
    )


@main.command()
@store_option
@format_option("table", "json")
@_edge
def projects(store: str | None, fmt: str) -> None:
    """Named projects with type, position, aliases, regions and every mention (with its status verb)."""
    data = reports.projects(_open(store))
    if fmt == "json":
        _print_json(data)
        return
    _table(
        f"{len(data)} projects",
        ["project", "type", "position", "aliases", "regions", "mentions", "status"],
        [
            [
                p["name"],
                p["type"],
                p["position"] or "",
                "、".join(p["aliases"])[:30],
                "、".join(p["regions"])[:30],
                len(p["mentions"]),
                " ".join(sorted({m["status"] for m in p["mentions"] if m["status"]})),
            ]
            for p in data
        ],
    )


@main.command()
@store_option
@format_option("table", "json")
@_edge
def regions(store: str | None, fmt: str) -> None:
    """Places mentioned (盟市, 旗县, ports, areas, provinces, countries) with level, parent and mentions."""
    data = reports.regions(_open(store))
    if fmt == "json":
        _print_json(data)
        return
    _table(
        f"{len(data)} regions",
        ["region", "level", "parent", "mentions", "documents"],
        [
            [
                r["name"],
                r["level"],
                r["parent"] or "",
                len(r["mentions"]),
                " ".join(sorted({m["doc"][:3] for m in r["mentions"]})),
            ]
            for r in data
        ],
    )


@main.command()
@store_option
@format_option("table", "json")
@_edge
def actors(store: str | None, fmt: str) -> None:
    """Who is told to do what: actors, their role, the task, its section's goal and any target."""
    data = reports.actors(_open(store))
    if fmt == "json":
        _print_json(data)
        return
    _table(
        f"{len(data)} responsibilities",
        ["actor", "role", "doc", "goal", "task", "target"],
        [
            [a["actor"], a["role"], a["doc"][:3], a["goal"] or "", a["task"][:40], a["target"] or ""]
            for a in data
        ],
    )


@main.command()
@click.argument(
    "kind",
    required=False,
    type=click.Choice(
        [
            "overview",
            "goal",
            "region",
            "entity",
            "trace",
            "ontology",
            "chart-targets",
            "chart-goals",
            "chart-regions",
        ]
    ),
)
@click.option("--target", default=None, help="Goal code, region name, entity IRI or label, or trace IRIs.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=Path("policykg-out/views"),
    show_default=True,
    help="Folder for the views (or the file, with KIND).",
)
@store_option
@_edge
def viz(kind: str | None, target: str | None, out: Path, store: str | None) -> None:
    """Write interactive network views and charts (offline HTML, PNG, SVG): all of them, or one KIND."""
    from policykg.viz import write_view, write_views

    handle = _open(store)
    if kind is None:
        paths = write_views(handle, out)
    else:
        suffix = ".png" if kind.startswith("chart-") else ".html"
        path = (
            out if out.suffix else out / f"{kind}{'-' + target if target and kind != 'trace' else ''}{suffix}"
        )
        paths = [write_view(handle, kind, path, target=target)]
    for path in paths:
        click.echo(str(path))


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--timeout",
    "query_timeout",
    default=10.0,
    show_default=True,
    type=float,
    help="Seconds a SPARQL query may run.",
)
@click.option("--max-rows", default=10000, show_default=True, type=int, help="Rows returned at most.")
@_edge
def serve(store: str | None, host: str, port: int, query_timeout: float, max_rows: int) -> None:
    """Serve the graph: pages to browse and a read-only SPARQL 1.1 endpoint at /sparql."""
    from policykg.graph.store import default_store_path
    from policykg.web import serve as run_server

    run_server(
        store or str(default_store_path()),
        host=host,
        port=port,
        query_timeout=query_timeout,
        max_rows=max_rows,
    )


@main.command()
@click.option("--year", default=None, help="Only the documents of one year, e.g. 2026.")
@store_option
@format_option("table", "json")
@_edge
def goals(year: str | None, store: str | None, fmt: str) -> None:
    """The 1571 frame at a glance: per goal and year, its sections, projects, targets, regions and actors."""
    data = reports.goals(_open(store), year)
    if fmt == "json":
        _print_json(data)
        return
    _table(
        "goals",
        ["goal", "label", "year", "sections", "projects", "targets", "regions", "actors"],
        [
            [
                g["goal"],
                g["label"][:22],
                g["year"] or "",
                g["section_count"],
                g["project_count"],
                g["target_count"],
                g["region_count"],
                g["actor_count"],
            ]
            for g in data
        ],
    )


@main.command()
@click.argument("year_a")
@click.argument("year_b")
@click.option(
    "--what",
    type=click.Choice(["task", "project", "target"]),
    multiple=True,
    help="Only tasks, projects or targets (repeatable).",
)
@store_option
@format_option("table", "json")
@_edge
def diff(year_a: str, year_b: str, what: tuple[str, ...], store: str | None, fmt: str) -> None:
    """Tasks, projects and targets that are new, continued, changed or dropped from YEAR_A to YEAR_B."""
    from policykg.analysis.diff import diff_years
    from policykg.graph.named_queries import load_query
    from policykg.graph.store import rows

    handle = _open(store)
    documents = rows(handle.query(load_query("documents").text))
    years = {str(d.get("year")) for d in documents}
    for year in (year_a, year_b):
        if year not in years:
            raise QueryError(
                f"no documents of {year} in the graph (years: {', '.join(sorted(years - {'None'}))})"
            )
    changes = diff_years(
        year_a,
        year_b,
        documents=documents,
        sections=reports.sections(handle),
        metrics=reports.metrics(handle),
        projects=reports.projects(handle),
    )
    changes = [c for c in changes if not what or c.what in what]
    if fmt == "json":
        _print_json([c.as_json() for c in changes])
        return
    _table(
        f"{year_a} → {year_b}: {len(changes)} changes",
        ["what", "status", "name", "note"],
        [[c.what, c.status, c.name[:40], c.note[:50]] for c in changes if c.status != "continued"],
    )
    counts = {}
    for c in changes:
        counts[(c.what, c.status)] = counts.get((c.what, c.status), 0) + 1
    click.echo("  ".join(f"{w} {s}: {n}" for (w, s), n in sorted(counts.items())))


@main.command()
@click.argument("name")
@store_option
@format_option("table", "json")
@_edge
def entity(name: str, store: str | None, fmt: str) -> None:
    """Everything known about one entity: mentions with evidence, sections, goals, metrics, places, actors."""
    from policykg.analysis.entity import describe

    data = describe(_open(store), name)
    if fmt == "json":
        _print_json(data)
        return
    e = data["entity"]
    click.echo(f"{e['label']} ({e['type']}, matched by {data['match']})  {e['id']}")
    for key in ("position", "goal"):
        if data[key]:
            click.echo(f"{key}: {data[key]['code']} {data[key]['label']}")
    for prop, values in sorted(data["facts"].items()):
        shown = "、".join(v["label"] or v["value"] for v in values)
        click.echo(f"  {prop}: {shown[:100]}")
    _table(
        f"{len(data['mentions'])} mentions",
        ["doc", "span", "text"],
        [[m["doc"][:3], f"{m['span'][0]}-{m['span'][1]}", m["text"][:50]] for m in data["mentions"]],
    )
    if data["metrics"]:
        _table("metrics", _METRIC_COLUMNS, [_metric_row(m) for m in data["metrics"]])
    if data["regions"]:
        click.echo("places: " + "、".join(r["name"] for r in data["regions"]))
    if data["actors"]:
        click.echo("actors: " + "、".join(sorted({a["actor"] for a in data["actors"]})))
    if data["alternatives"]:
        click.echo("also matched: " + "、".join(a["label"] for a in data["alternatives"]))


@main.command()
@store_option
@format_option("table", "json")
@_edge
def validate(store: str | None, fmt: str) -> None:
    """Check the graph against the SHACL shapes of the ontology; exit 1 when it does not conform."""
    from policykg.ontology.validate import validate as run_validation

    report = run_validation(_open(store))
    if fmt == "json":
        _print_json(report.to_dict())
    else:
        click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.option(
    "--scope",
    type=click.Choice(["all", "structure"]),
    default="all",
    show_default=True,
    help="Reason over the whole graph, or over the ontology and the section/goal/project links only.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the inferred triples (N-Triples) to this file.",
)
@store_option
@format_option("table", "json")
@_edge
def reason(scope: str, out: Path | None, store: str | None, fmt: str) -> None:
    """Run the OWL reasoner (HermiT, needs Java): check consistency and infer what the ontology implies."""
    from policykg.ontology.reasoning import reason as run_reasoner

    report = run_reasoner(_open(store), scope=scope)
    if out:
        out.write_text(report.inferred_ntriples, encoding="utf-8")
    if fmt == "json":
        _print_json(report.to_dict())
    else:
        click.echo(report.summary())
        if out:
            click.echo(f"wrote {report.inferred_count} inferred triples to {out}")
    if not report.consistent:
        sys.exit(1)


@main.command()
@click.argument("text")
@store_option
@format_option("tree", "json")
@_edge
def trace(text: str, store: str | None, fmt: str) -> None:
    """Trace TEXT (a project, region, section, indicator or passage) to its strategic goal, with evidence."""
    from policykg.analysis.trace import trace as run_trace

    result = run_trace(_open(store), text)
    if fmt == "json":
        _print_json(result.as_json())
        return
    from rich.console import Console
    from rich.tree import Tree

    def goal(pair: tuple[str, str] | None) -> str:
        return f"{pair[0]} {pair[1]}" if pair else "—"

    root = Tree(f"[bold]{result.entity.label[:60]}[/] ({result.entity.type}, matched by {result.match})")
    root.add(
        f"position: {goal(result.position)}"
        + (f" [{result.position_basis}]" if result.position_basis else "")
    )
    root.add(f"1571 goal: {goal(result.goal)}")
    paths = root.add(f"paths ({len(result.paths)})")
    for path in result.paths[:10]:
        paths.add(" → ".join(n.label[:24] for n in path))
    evidence = root.add(f"evidence ({len(result.evidence)})")
    for e in result.evidence[:10]:
        evidence.add(f"{e['doc'][:3]} [{e['span'][0]}:{e['span'][1]}] {e['text'][:60]}")
    if result.alternatives:
        others = root.add("also matched")
        for n in result.alternatives:
            others.add(f"{n.label[:40]} ({n.type})")
    Console().print(root)


def _parse_param(raw: str, declared: dict[str, str]) -> tuple[str, Any]:
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


@main.command()
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
@_edge
def query(sparql_or_file: str, params: tuple[str, ...], store: str | None, fmt: str) -> None:
    """Run SPARQL (text, a .rq file, or a named query from `policykg queries`) against the graph."""
    text, declared = _query_text(sparql_or_file)
    bindings = dict(_parse_param(p, declared) for p in params)
    result = _open(store).query(text, bindings)
    if "ntriples" in result:
        click.echo(result["ntriples"], nl=False)
        return
    if fmt == "json":
        _print_json(result)
        return
    if "boolean" in result:
        click.echo("true" if result["boolean"] else "false")
        return
    variables = result["head"]["vars"]
    table = [[_format_value(b.get(v)) for v in variables] for b in result["results"]["bindings"]]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows(table)
        click.echo(buffer.getvalue(), nl=False)
        return
    _table(f"{len(table)} rows", variables, table)


@main.command()
@format_option("table", "json")
@_edge
def queries(fmt: str) -> None:
    """The named queries shipped with policykg and their parameters."""
    from policykg.graph.named_queries import list_queries

    data = [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [{"name": p.name, "kind": p.kind, "doc": p.doc} for p in q.params],
        }
        for q in list_queries()
    ]
    if fmt == "json":
        _print_json(data)
        return
    _table(
        "named queries",
        ["name", "title", "parameters"],
        [[q["name"], q["title"], ", ".join(p["name"] for p in q["params"])] for q in data],
    )


@main.command()
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
@_edge
def export(store: str | None, fmt: str, output: Path | None) -> None:
    """Export the whole graph as Turtle, N-Triples or JSON-LD."""
    data = _open(store).export(fmt)
    if output is None:
        click.echo(data.decode("utf-8"), nl=False)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise PolicyKGError(f"{output}: cannot write ({exc.strerror})") from None
    click.echo(f"wrote {output}")


if __name__ == "__main__":  # pragma: no cover
    main()
