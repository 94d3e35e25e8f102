"""Commands over quantities: metric statements, targets against actuals, and sources that disagree."""

from __future__ import annotations

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
    """Targets against actuals: the series of one INDICATOR by year, or the status of every tracked target."""
    from policykg.analysis import reports
    from policykg.analysis.comparisons import compare_targets

    data = compare_targets(reports.metrics(open_handle(store)), indicator)
    if fmt == "json":
        print_json(data)
        return
    if indicator:
        table(
            f"{indicator}: targets and actuals by period",
            METRIC_COLUMNS,
            [metric_row(m) for m in data["series"]],
        )
    table(
        "targets against actuals",
        ["indicator", "period", "target", "actual", "status", "sources"],
        [
            [
                t["indicator"],
                t["period"],
                f"{t['target']['value']} {t['target']['unit']} ({t['target']['comparator']})",
                f"{t['actual']['value']} {t['actual']['unit']}",
                t["status"],
                f"{t['target']['doc'][:3]} / {t['actual']['doc'][:3]}",
            ]
            for t in data["tracking"]
        ],
    )


@click.command()
@store_option
@format_option("table", "json")
@edge
def discrepancies(store: str | None, fmt: str) -> None:
    """Indicators whose sources report different actual values for the same period, with evidence."""
    from policykg.analysis import reports
    from policykg.analysis.comparisons import discrepancy_report

    found = discrepancy_report(reports.metrics(open_handle(store)))
    if fmt == "json":
        print_json(found)
        return
    table(
        f"{len(found)} discrepancies",
        ["indicator", "period", "value", "doc", "evidence"],
        [
            [d["indicator"], d["period"], f"{r['value']} {r['unit']}", r["doc"][:3], r["evidence"][:40]]
            for d in found
            for r in d["reports"]
        ],
    )
