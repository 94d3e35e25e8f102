"""Commands that show the graph: write network views and charts, or serve it over HTTP."""

from __future__ import annotations

from pathlib import Path

import click

from policykg.cli.output import edge, open_handle, store_option

__all__ = ["serve", "viz"]


@click.command()
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
@edge
def viz(kind: str | None, target: str | None, out: Path, store: str | None) -> None:
    """Write interactive network views and charts (offline HTML, PNG, SVG): all of them, or one KIND."""
    from policykg.viz import write_view, write_views

    handle = open_handle(store)
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


@click.command()
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
@edge
def serve(store: str | None, host: str, port: int, query_timeout: float, max_rows: int) -> None:
    """Serve the graph: pages to browse and a read-only SPARQL 1.1 endpoint at /sparql."""
    from policykg.graph.connect import default_store_path
    from policykg.web import serve as run_server

    run_server(
        store or str(default_store_path()),
        host=host,
        port=port,
        query_timeout=query_timeout,
        max_rows=max_rows,
    )
