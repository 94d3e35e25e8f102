"""Targets against actuals, source against source, year against year, in the shapes commands print.

Built on :mod:`policykg.analysis.tracking` and :mod:`policykg.analysis.diff`: these functions pick
what one question asks for, check that the indicator or years asked about exist (raising
:class:`~policykg.errors.QueryError` with a hint when not) and give the output contract's shapes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policykg.analysis import reports
from policykg.analysis.diff import Change, diff_years
from policykg.analysis.tracking import Tracked, discrepancies, series, track
from policykg.errors import QueryError
from policykg.graph.named_queries import load_query
from policykg.graph.store import Store, rows

__all__ = ["change_counts", "compare_targets", "discrepancy_report", "tracked_json", "year_diff"]

Row = Mapping[str, Any]


def tracked_json(t: Tracked) -> dict[str, Any]:
    """A tracked target in the contract's shape."""
    return {
        "indicator": t.indicator,
        "period": t.period,
        "status": t.status,
        "target": t.target,
        "actual": t.actual,
    }


def compare_targets(metrics: Sequence[Row], indicator: str | None = None) -> dict[str, Any]:
    """The series of one indicator by period (when given) and the status of every tracked target."""
    if indicator and not any(r["indicator"] == indicator for r in metrics):
        known = sorted(
            {r["indicator"] for r in metrics if indicator in r["indicator"] or r["indicator"] in indicator}
        )
        hint = f"; similar: {', '.join(known[:8])}" if known else ""
        raise QueryError(f"no indicator {indicator!r} in the graph{hint}")
    tracked = [t for t in track(metrics) if not indicator or t.indicator == indicator]
    chosen = series(metrics, indicator) if indicator else []
    return {"indicator": indicator, "series": chosen, "tracking": [tracked_json(t) for t in tracked]}


def discrepancy_report(metrics: Iterable[Row]) -> list[dict[str, Any]]:
    """Indicator-periods whose sources report different actuals, each with every report."""
    return [
        {"indicator": d.indicator, "period": d.period, "reports": list(d.reports)}
        for d in discrepancies(metrics)
    ]


def year_diff(handle: Store, year_a: str, year_b: str, what: Iterable[str] = ()) -> list[Change]:
    """Tasks, projects and targets compared from the documents of ``year_a`` to those of ``year_b``.

    ``what`` keeps only some kinds of change (task, project, target); empty keeps them all.
    """
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
        sections=list(reports.sections(handle)),
        metrics=list(reports.metrics(handle)),
        projects=list(reports.projects(handle)),
    )
    kinds = set(what)
    return [c for c in changes if not kinds or c.what in kinds]


def change_counts(changes: Iterable[Change]) -> dict[tuple[str, str], int]:
    """How many changes of each (kind, status), in sorted order."""
    return dict(sorted(Counter((c.what, c.status) for c in changes).items()))
