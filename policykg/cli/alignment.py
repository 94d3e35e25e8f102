"""Commands that read plans against the 1571 goals: section tree, trace to goal, goals, year diff."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

import click

from policykg.cli.output import edge, format_option, open_handle, print_json, store_option, table
from policykg.errors import QueryError

if TYPE_CHECKING:
    from policykg.analysis.diff import Change

__all__ = ["diff", "goals", "sections", "trace"]


@click.command()
@click.argument("doc", required=False)
@store_option
@format_option("table", "json")
@edge
def sections(doc: str | None, store: str | None, fmt: str) -> None:
    """The section tree of every document, or of DOC (a file name), with each section's goal."""
    from policykg.analysis import reports

    data = reports.sections(open_handle(store), doc)
    if doc and not data:
        raise QueryError(f"no document {doc!r} in the graph (see `policykg stats`)")
    if fmt == "json":
        print_json(data)
        return
    table(
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


@click.command()
@click.argument("text")
@store_option
@format_option("tree", "json")
@edge
def trace(text: str, store: str | None, fmt: str) -> None:
    """Trace TEXT (a project, region, section, indicator or passage) to its strategic goal, with evidence."""
    from policykg.analysis.trace import trace as run_trace

    result = run_trace(open_handle(store), text)
    if fmt == "json":
        print_json(result.as_json())
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


@click.command()
@click.option("--year", default=None, help="Only the documents of one year, e.g. 2026.")
@store_option
@format_option("table", "json")
@edge
def goals(year: str | None, store: str | None, fmt: str) -> None:
    """The 1571 frame at a glance: per goal and year, its sections, projects, targets, regions and actors."""
    from policykg.analysis import reports

    data = reports.goals(open_handle(store), year)
    if fmt == "json":
        print_json(data)
        return
    table(
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


@click.command()
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
@edge
def diff(year_a: str, year_b: str, what: tuple[str, ...], store: str | None, fmt: str) -> None:
    """Tasks, projects and targets that are new, continued, changed or dropped from YEAR_A to YEAR_B."""
    from policykg.analysis.comparisons import change_counts, year_diff

    changes = year_diff(open_handle(store), year_a, year_b, what)
    if fmt == "json":
        print_json([c.as_json() for c in changes])
        return
    shown = [c for c in changes if c.status != "continued"]
    names = Counter(c.name for c in shown if c.what == "target")
    table(
        f"{year_a} → {year_b}: {len(changes)} changes",
        ["what", "status", "name", "note"],
        [[c.what, c.status, _qualified(c, names[c.name] > 1)[:40], c.note[:50]] for c in shown],
    )
    click.echo("  ".join(f"{w} {s}: {n}" for (w, s), n in change_counts(changes).items()))


def _qualified(change: Change, ambiguous: bool) -> str:
    """A change's name, with a target's scope, and its measure when the name alone is ambiguous."""
    scope, measure = change.detail.get("scope"), change.detail.get("measure")
    extra = [x for x in (scope, measure if ambiguous else None) if x]
    return f"{change.name}（{'，'.join(extra)}）" if extra else change.name
