"""Commands that check the graph: SHACL validation and OWL reasoning, exit 1 when it fails."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from policykg.cli.output import edge, format_option, open_handle, print_json, store_option

__all__ = ["reason", "validate"]


@click.command()
@store_option
@format_option("table", "json")
@edge
def validate(store: str | None, fmt: str) -> None:
    """Check the graph against the SHACL shapes of the ontology; exit 1 when it does not conform."""
    from policykg.ontology.validate import validate as run_validation

    report = run_validation(open_handle(store))
    if fmt == "json":
        print_json(report.to_dict())
    else:
        click.echo(report.summary())
    if not report.conforms:
        sys.exit(1)


@click.command()
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
@edge
def reason(scope: str, out: Path | None, store: str | None, fmt: str) -> None:
    """Run the OWL reasoner (HermiT, needs Java): check consistency and infer what the ontology implies."""
    from policykg.ontology.reasoning import reason as run_reasoner

    report = run_reasoner(open_handle(store), scope=scope)
    if out:
        out.write_text(report.inferred_ntriples, encoding="utf-8")
    if fmt == "json":
        print_json(report.to_dict())
    else:
        click.echo(report.summary())
        if out:
            click.echo(f"wrote {report.inferred_count} inferred triples to {out}")
    if not report.consistent:
        sys.exit(1)
