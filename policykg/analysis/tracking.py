"""Targets against results: the verdict on each target, series per indicator, and discrepancies.

Works on metric rows as the ``metrics`` command returns them, so it runs the same on any store.
A target is held only against an actual of the same quantity (:func:`~policykg.analysis.meaning.
same_quantity`: indicator, scope, measure, unit family) for the same single year; a figure over
a span (十四五 as a whole) is no year's actual.  The verdicts, and what each means:

- ``met`` / ``exceeded`` / ``missed``: the actual is a point, read against the target's comparator
  (a floor such as 90%以上 is met by 90.6%; exceeded is for targets that name an amount);
- ``consistent``: the actual is itself a bound or a band (超过4500亿元, 近3亿人次) and every value it
  allows meets the target; ``cannot_tell``: some values it allows would meet the target, some not;
  a bound can give ``missed`` only when no value it allows meets the target;
- ``no_actual``: nothing comparable is reported for the target.

Rounding neither misses a target nor makes a discrepancy: an actual is read against a target at
the actual's own precision (3亿人次 reported meets 突破3亿; 4.6% misses 5%, the target being a
threshold, not a rounded figure), and two reports agree when equal at the precision of the less
precise one (820亿斤 and 820.1亿斤; :mod:`policykg.analysis.figures`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from policykg.analysis.figures import ABOUT_TOLERANCE, Figure, agree, compare, figure
from policykg.analysis.meaning import Reading, Source, dedupe, read, same_quantity

__all__ = [
    "ABOUT_TOLERANCE",
    "STATUSES",
    "Discrepancy",
    "Tracked",
    "discrepancies",
    "series",
    "status",
    "track",
]

Row = Mapping[str, Any]
Sources = Mapping[str, Source]
STATUSES = ("met", "exceeded", "missed", "consistent", "cannot_tell", "no_actual")


@dataclass(frozen=True)
class Tracked:
    """A target, the actual it is held against (None: no actual), and the verdict."""

    indicator: str
    period: str
    status: str  # one of STATUSES
    target: Row
    actual: Row | None


@dataclass(frozen=True)
class Discrepancy:
    """Sources that report figures for one quantity and period that cannot both be true."""

    indicator: str
    period: str
    reports: tuple[Row, ...]


def _at(target: Figure, x: Decimal | None, digit: Decimal, upward: bool) -> str:
    """The verdict for an actual value x (None: unbounded, upward or downward)."""
    goal = target.comparator
    if x is None:
        if goal == "at_most":
            return "missed" if upward else "met"
        if not upward:
            return "missed"
        return "met" if goal == "at_least" else "exceeded"
    side = compare(x, digit, target.value, digit)  # at the actual's precision: the target is a threshold
    if goal == "at_least":
        return "met" if side >= 0 else "missed"
    if goal == "at_most":
        return "met" if side <= 0 else "missed"
    if side == 0 or (goal == "about" and abs(x - target.value) <= abs(target.value) * ABOUT_TOLERANCE):
        return "met"
    return "exceeded" if side > 0 else "missed"


def _verdict(goal: Figure, got: Figure) -> str:
    if got.is_point:
        return _at(goal, got.value, got.precision, True)
    digit = got.precision
    if got.comparator == "about" and got.value:  # a band's ends are not written digits: do not round them
        digit = min(digit, abs(got.value) * ABOUT_TOLERANCE / 10)
    ends = {_at(goal, got.low, digit, False), _at(goal, got.high, digit, True)}
    if ends == {"missed"}:
        return "missed"
    return "cannot_tell" if "missed" in ends else "consistent"


def status(target: Row, actual: Row) -> str:
    """The verdict on a target given one comparable actual (see the module docstring)."""
    goal, got = figure({**target, "comparator": read(target).comparator}), figure(actual)
    if goal is None or got is None:
        return "cannot_tell"
    return _verdict(goal, got)


def _readings(rows: Iterable[Row], sources: Sources | None) -> list[tuple[dict[str, Any], Reading]]:
    """Each statement once, with its reading; figures the loaders could not name are left out."""
    found = dedupe((r for r in rows if r.get("indicator")), sources)
    return [(r, read(r, (sources or {}).get(str(r["doc"])))) for r in found]


def _when(r: Reading) -> str | None:
    """The period an actual reports on: its year, its span, or None (a year's figure held over a span)."""
    if r.single_year or "-" in r.period:
        return r.period
    return None


def track(rows: Iterable[Row], sources: Sources | None = None) -> list[Tracked]:
    """Every target with its verdict against each comparable actual of its period, or ``no_actual``."""
    read_rows = _readings(rows, sources)
    actuals: dict[tuple[str, str], list[tuple[dict[str, Any], Reading]]] = defaultdict(list)
    for row, r in read_rows:
        when = _when(r)
        if row["kind"] == "actual" and when is not None:
            actuals[(r.indicator, when)].append((row, r))
    out = []
    targets = [(row, r) for row, r in read_rows if row["kind"] == "target"]
    for row, r in sorted(targets, key=lambda t: (t[1].indicator, t[1].period, t[0]["doc"], t[0]["span"])):
        goal = figure({**row, "comparator": r.comparator})
        candidates = actuals.get((r.indicator, r.period), [])
        matched = [(actual, a) for actual, a in candidates if same_quantity(r, a)]
        if goal is None or not matched:
            out.append(Tracked(r.indicator, r.period, "no_actual", row, None))
            continue
        for actual, a in matched:
            got = figure({**actual, "comparator": a.comparator})
            verdict = _verdict(goal, got) if got is not None else "cannot_tell"
            out.append(Tracked(r.indicator, r.period, verdict, row, actual))
    return out


def series(rows: Iterable[Row], indicator: str, sources: Sources | None = None) -> list[dict[str, Any]]:
    """Targets and actuals of one indicator in period order, targets before actuals, each stated once."""
    chosen = dedupe((r for r in rows if r.get("indicator") == indicator), sources)
    return sorted(chosen, key=lambda r: (str(r["period"]), r["kind"] != "target", r["doc"], r["span"][0]))


def discrepancies(rows: Iterable[Row], sources: Sources | None = None) -> list[Discrepancy]:
    """Quantities whose actuals for one period, in different documents, cannot all be true."""
    groups: dict[tuple[str, ...], list[tuple[dict[str, Any], Reading]]] = defaultdict(list)
    for row, r in _readings((x for x in rows if x["kind"] == "actual"), sources):
        when = _when(r)
        if when is not None:
            groups[(r.indicator, when, r.scope, r.measure, r.unit_family, r.stage)].append((row, r))
    out = []
    for (indicator, period, *_), members in sorted(groups.items()):
        figures = [(row, figure({**row, "comparator": r.comparator})) for row, r in members]
        clash = any(
            a["doc"] != b["doc"] and fa is not None and fb is not None and not agree(fa, fb)
            for i, (a, fa) in enumerate(figures)
            for b, fb in figures[i + 1 :]
        )
        if clash:
            reports = tuple(sorted((row for row, _ in members), key=lambda r: (r["doc"], r["span"][0])))
            out.append(Discrepancy(indicator, period, reports))
    return out
