"""Targets against actuals, source against source, year against year, in the shapes commands print.

Built on :mod:`policykg.analysis.tracking` and :mod:`policykg.analysis.diff`: these functions pick
what one question asks for, check that the indicator or years asked about exist (raising
:class:`~policykg.errors.QueryError` with a hint when not) and give the output contract's shapes.
Every row they print carries, besides its own evidence (the figure as written), the sentence it
stands in (``sentence``, ``sentence_span``), so a verdict can be checked by reading both sides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from policykg.analysis import reports
from policykg.analysis.diff import Change, diff_years
from policykg.analysis.meaning import Source, sentence
from policykg.analysis.tracking import Tracked, discrepancies, series, track
from policykg.errors import QueryError
from policykg.graph.named_queries import load_query
from policykg.graph.store import Store, rows

__all__ = [
    "change_counts",
    "compare_targets",
    "discrepancy_report",
    "document_sources",
    "tracked_json",
    "year_diff",
]

Row = Mapping[str, Any]
Sources = Mapping[str, Source]


def document_sources(handle: Store) -> dict[str, Source]:
    """Each document's text and issuing region, by file name: what reading a figure's words needs."""
    issuers = {d["docName"]: d.get("issuer", "") for d in rows(handle.query(load_query("documents").text))}
    return {
        d["docName"]: Source(d["content"], issuers.get(d["docName"], ""))
        for d in rows(handle.query(load_query("documents_text").text))
    }


def _quoted(row: Row | None, sources: Sources | None) -> dict[str, Any] | None:
    """A metric row with the sentence its figure stands in."""
    if row is None:
        return None
    found = sentence(row, (sources or {}).get(str(row.get("doc"))))
    if found is None:
        return dict(row)
    return {**row, "sentence_span": found[0], "sentence": found[1]}


def tracked_json(t: Tracked, sources: Sources | None = None) -> dict[str, Any]:
    """A tracked target in the contract's shape, both sides with their evidence."""
    return {
        "indicator": t.indicator,
        "period": t.period,
        "status": t.status,
        "target": _quoted(t.target, sources),
        "actual": _quoted(t.actual, sources),
    }


def compare_targets(
    metrics: Sequence[Row], indicator: str | None = None, sources: Sources | None = None
) -> dict[str, Any]:
    """The series of one indicator by period (when given) and the verdict on every target."""
    names = {str(r["indicator"]) for r in metrics if r.get("indicator")}
    if indicator and indicator not in names:
        known = sorted(n for n in names if indicator in n or n in indicator)
        hint = f"; similar: {', '.join(known[:8])}" if known else ""
        raise QueryError(f"no indicator {indicator!r} in the graph{hint}")
    chosen = [r for r in metrics if not indicator or r.get("indicator") == indicator]
    tracked = track(chosen, sources)
    return {
        "indicator": indicator,
        "series": [_quoted(r, sources) for r in series(chosen, indicator, sources)] if indicator else [],
        "tracking": [tracked_json(t, sources) for t in tracked],
        "statuses": dict(sorted(Counter(t.status for t in tracked).items())),
    }


def discrepancy_report(metrics: Iterable[Row], sources: Sources | None = None) -> list[dict[str, Any]]:
    """Quantities whose sources report figures for one period that cannot all be true, with every report."""
    return [
        {"indicator": d.indicator, "period": d.period, "reports": [_quoted(r, sources) for r in d.reports]}
        for d in discrepancies(metrics, sources)
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
        sources=document_sources(handle),
    )
    kinds = set(what)
    return [c for c in changes if not kinds or c.what in kinds]


def change_counts(changes: Iterable[Change]) -> dict[tuple[str, str], int]:
    """How many changes of each (kind, status), in sorted order."""
    return dict(sorted(Counter((c.what, c.status) for c in changes).items()))
