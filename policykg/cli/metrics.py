"""Commands over quantities: metric statements, targets against actuals, and sources that disagree."""

from __future__ import annotations

from typing import Any

import click

from policykg.cli.output import (
    METRIC_COLUMNS,
    cell,
    edge,
    format_option,
    metric_row,
    open_handle,
    print_csv,
    print_json,
    store_option,
    table,
)

__all__ = ["compare", "discrepancies", "metrics"]


@click.command()
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
@edge
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
    from policykg.analysis import reports

    data = reports.metrics(
        open_handle(store), indicator=indicator, period=period, kind=kind, doc=doc, goal=goal
    )
    if fmt == "json":
        print_json(data)
    elif fmt == "csv":
        print_csv(list(data[0]) if data else [], [[cell(m[k]) for k in m] for m in data])
    else:
        table(f"{len(data)} metric statements", METRIC_COLUMNS, [metric_row(m) for m in data])


@click.command()
@click.argument("indicator", required=False)
@store_option
@format_option("table", "json")
@edge
def compare(indicator: str | None, store: str | None, fmt: str) -> None:
    """Targets against actuals: the series of one INDICATOR by year, and the verdict on every target.

    A target is held only against an actual of the same quantity (indicator, scope, measure, unit)
    for the same year. Verdicts: met, exceeded, missed; consistent or cannot_tell when the actual is
    itself a bound (超过…); no_actual when nothing comparable is reported.
    """
    from policykg.analysis import reports
    from policykg.analysis.comparisons import compare_targets, document_sources

    handle = open_handle(store)
    data = compare_targets(reports.metrics(handle), indicator, document_sources(handle))
    if fmt == "json":
        print_json(data)
        return
    if indicator:
        table(
            f"{indicator}: targets and actuals by period",
            METRIC_COLUMNS,
            [metric_row(m) for m in data["series"]],
        )
    judged = [t for t in data["tracking"] if t["actual"] is not None]
    if judged:
        table(
            "targets against actuals",
            ["indicator", "period", "status", "target", "actual"],
            [
                [t["indicator"], t["period"], t["status"], _quote(t["target"]), _quote(t["actual"])]
                for t in judged
            ],
        )
    unmatched = [t for t in data["tracking"] if t["actual"] is None]
    if indicator and unmatched:
        table(
            "targets with no comparable actual (same indicator, scope, measure, unit family and year)",
            ["indicator", "period", "target"],
            [[t["indicator"], t["period"], _quote(t["target"])] for t in unmatched],
        )
    click.echo("  ".join(f"{k}: {n}" for k, n in data["statuses"].items()) or "no targets")


def _quote(row: dict[str, Any]) -> str:
    """A figure with its document and the words that lead up to it, for a table cell."""
    marks = {"about": "左右", "at_least": "以上", "at_most": "以内", "exact": ""}
    figure = f"{row['value']}{row['unit']}{marks.get(row['comparator'], '')}"
    return f"{figure} [{row['doc'][:3]}] {_lead(row)}"


def _lead(row: dict[str, Any]) -> str:
    """The figure as written with the words of its clause before it (its evidence when no sentence)."""
    if not (row.get("sentence") and row.get("sentence_span")):
        return str(row["evidence"])
    start, end = (i - row["sentence_span"][0] for i in row["span"])
    lead = row["sentence"][max(0, start - 16) : start]
    lead = lead[max(lead.rfind(c) for c in "，,；：") + 1 :]  # from the figure's own clause
    return (lead + row["sentence"][start:end]).strip()


@click.command()
@store_option
@format_option("table", "json")
@edge
def discrepancies(store: str | None, fmt: str) -> None:
    """Quantities whose sources report figures for one period that cannot all be true, with evidence.

    Figures agree at the precision of the less precise one (820 and 820.1 agree), and a bound agrees
    with a figure that satisfies it (90%以上 and 90.6%); only figures of one scope and measure meet.
    """
    from policykg.analysis import reports
    from policykg.analysis.comparisons import discrepancy_report, document_sources

    handle = open_handle(store)
    found = discrepancy_report(reports.metrics(handle), document_sources(handle))
    if fmt == "json":
        print_json(found)
        return
    table(
        f"{len(found)} discrepancies",
        ["indicator", "period", "value", "doc", "evidence"],
        [
            [
                d["indicator"],
                d["period"],
                f"{r['value']} {r['unit']}",
                r["doc"][:3],
                _lead(r),
            ]
            for d in found
            for r in d["reports"]
        ],
    )
