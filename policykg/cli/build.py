"""Commands that fill the store: build it from a folder, add documents to it, remove one from it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from policykg.cli.output import edge, format_option, print_json, store_option, table
from policykg.errors import PolicyKGError

if TYPE_CHECKING:
    from policykg.build import BuildReport
    from policykg.loaders.text.documents import Document

__all__ = ["add", "build", "remove"]


@click.command()
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
@edge
def build(corpus: Path | None, store: str | None, out: Path | None, workers: int, fmt: str) -> None:
    """Build the graph from every document of a folder, replacing the store (or a SPARQL server's graph)."""
    from policykg.build import build_store
    from policykg.graph.connect import default_store_path
    from policykg.loaders.text.documents import bundled_corpus

    corpus_dir = corpus or bundled_corpus()
    remote = bool(store and store.startswith(("http://", "https://")))
    target = Path(store.removeprefix("oxigraph:")) if store and not remote else default_store_path()

    def run(on_document: Callable[[Document], None] | None = None) -> BuildReport:
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
    summary: dict[str, Any] = {
        "store": str(report.store),
        "corpus": str(corpus_dir),
        "triples": report.triples,
        "seconds": round(report.seconds, 3),
        "documents": report.documents,
    }
    if out:
        summary["outputs"] = _write_outputs(str(store) if remote else str(target), out, summary)
    if fmt == "json":
        print_json(summary)
        return
    table(
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
    from policykg.analysis import reports
    from policykg.graph.connect import open_store
    from policykg.viz import write_views

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
    written += [str(p) for p in write_views(handle, out / "views")]
    return written


def _target(store: str | None) -> Path:
    """The store directory that add and remove change (never a remote server)."""
    from policykg.graph.connect import default_store_path

    if store and store.startswith(("http://", "https://")):
        raise PolicyKGError(
            "add and remove work on a store on disk; build a remote store with `build --store URL`"
        )
    return Path(store.removeprefix("oxigraph:")) if store else default_store_path()


def _print_report(report: BuildReport, fmt: str, note: str) -> None:
    data = {
        "store": str(report.store),
        "triples": report.triples,
        "seconds": round(report.seconds, 3),
        "documents": report.documents,
        "changed": note,
    }
    if fmt == "json":
        print_json(data)
        return
    click.echo(f"{note}; the graph now holds {report.triples} triples from {len(report.documents)} documents")
    for d in report.documents:
        click.echo(f"  {d['doc']}  {d['kind']}  {d['year'] or ''}  {d['title']}")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@format_option("table", "json")
@edge
def add(files: tuple[Path, ...], store: str | None, fmt: str) -> None:
    """Add documents (.txt, .docx, .pdf, .html) to the graph, creating it when missing, and relink it."""
    from policykg.build import add_documents

    report, names = add_documents(files, _target(store))
    _print_report(report, fmt, f"added {', '.join(names)}")


@click.command()
@click.argument("doc")
@store_option
@format_option("table", "json")
@edge
def remove(doc: str, store: str | None, fmt: str) -> None:
    """Take the document DOC (its file name) out of the graph and relink what remains."""
    from policykg.build import remove_document

    _print_report(remove_document(doc, _target(store)), fmt, f"removed {doc}")
