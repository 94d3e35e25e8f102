"""Commands over the things documents name: projects, regions, actors, and one entity in full."""

from __future__ import annotations

import click

from policykg.cli.output import (
    METRIC_COLUMNS,
    edge,
    format_option,
    metric_row,
    open_handle,
    print_json,
    store_option,
    table,
)

__all__ = ["actors", "entity", "projects", "regions"]


@click.command()
@store_option
@format_option("table", "json")
@edge
def projects(store: str | None, fmt: str) -> None:
    """Named projects with type, position, aliases, regions and every mention (with its status verb)."""
    from policykg.analysis import reports

    data = reports.projects(open_handle(store))
    if fmt == "json":
        print_json(data)
        return
    table(
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


@click.command()
@store_option
@format_option("table", "json")
@edge
def regions(store: str | None, fmt: str) -> None:
    """Places mentioned (盟市, 旗县, ports, areas, provinces, countries) with level, parent and mentions."""
    from policykg.analysis import reports

    data = reports.regions(open_handle(store))
    if fmt == "json":
        print_json(data)
        return
    table(
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


@click.command()
@store_option
@format_option("table", "json")
@edge
def actors(store: str | None, fmt: str) -> None:
    """Who is told to do what: actors, their role, the task, its section's goal and any target."""
    from policykg.analysis import reports

    data = reports.actors(open_handle(store))
    if fmt == "json":
        print_json(data)
        return
    table(
        f"{len(data)} responsibilities",
        ["actor", "role", "doc", "goal", "task", "target"],
        [
            [a["actor"], a["role"], a["doc"][:3], a["goal"] or "", a["task"][:40], a["target"] or ""]
            for a in data
        ],
    )


@click.command()
@click.argument("name")
@store_option
@format_option("table", "json")
@edge
def entity(name: str, store: str | None, fmt: str) -> None:
    """Everything known about one entity: mentions with evidence, sections, goals, metrics, places, actors."""
    from policykg.analysis.entity import describe

    data = describe(open_handle(store), name)
    if fmt == "json":
        print_json(data)
        return
    e = data["entity"]
    click.echo(f"{e['label']} ({e['type']}, matched by {data['match']})  {e['id']}")
    for key in ("position", "goal"):
        if data[key]:
            click.echo(f"{key}: {data[key]['code']} {data[key]['label']}")
    for prop, values in sorted(data["facts"].items()):
        shown = "、".join(v["label"] or v["value"] for v in values)
        click.echo(f"  {prop}: {shown[:100]}")
    table(
        f"{len(data['mentions'])} mentions",
        ["doc", "span", "text"],
        [[m["doc"][:3], f"{m['span'][0]}-{m['span'][1]}", m["text"][:50]] for m in data["mentions"]],
    )
    if data["metrics"]:
        table("metrics", METRIC_COLUMNS, [metric_row(m) for m in data["metrics"]])
    if data["regions"]:
        click.echo("places: " + "、".join(r["name"] for r in data["regions"]))
    if data["actors"]:
        click.echo("actors: " + "、".join(sorted({a["actor"] for a in data["actors"]})))
    if data["alternatives"]:
        click.echo("also matched: " + "、".join(a["label"] for a in data["alternatives"]))
