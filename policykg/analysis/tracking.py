"""Targets against results: status of each target, series per indicator, and discrepancies.

Works on metric rows as the ``metrics`` command returns them (contract shape plus
``normalised_value``/``base_unit``), so it runs the same on any store.  A target and an actual
are compared only when they measure the same indicator for the same period, in the same base
unit and both as a level or both as a change; anything else would be comparing unlike things.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["ABOUT_TOLERANCE", "Discrepancy", "Tracked", "discrepancies", "series", "status", "track"]

Row = Mapping[str, Any]
ABOUT_TOLERANCE = 0.05  # 左右: an actual within 5 % of the target counts as met


@dataclass(frozen=True)
class Tracked:
    """A target, the actual reported for the same indicator and period, and the verdict."""

    indicator: str
    period: str
    status: str  # met | exceeded | missed
    target: Row
    actual: Row


@dataclass(frozen=True)
class Discrepancy:
    """Sources that report different actual values for the same indicator and period."""

    indicator: str
    period: str
    reports: tuple[Row, ...]


def _amount(row: Row) -> float:
    value = row.get("normalised_value")
    return float(value if value is not None else row["value"])


def _comparable(target: Row, actual: Row) -> bool:
    return bool(target.get("change")) == bool(actual.get("change")) and (
        (target.get("base_unit") or target.get("unit")) == (actual.get("base_unit") or actual.get("unit"))
    )


def status(target: Row, actual: Row) -> str:
    """met, exceeded or missed, read from the target's comparator (at_most targets are ceilings)."""
    goal, got = _amount(target), _amount(actual)
    comparator = target.get("comparator", "exact")
    if comparator == "at_most":
        return "met" if got <= goal else "missed"
    if comparator == "about":
        if abs(got - goal) <= abs(goal) * ABOUT_TOLERANCE:
            return "met"
        return "exceeded" if got > goal else "missed"
    if got > goal:
        return "exceeded"
    return "met" if got == goal else "missed"


def track(rows: Iterable[Row]) -> list[Tracked]:
    """Every (target, actual) pair of one indicator and period that can be compared, with its status."""
    targets: dict[tuple[str, str], list[Row]] = defaultdict(list)
    actuals: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        key = (row["indicator"], row["period"])
        (targets if row["kind"] == "target" else actuals)[key].append(row)
    out = []
    for key in sorted(targets.keys() & actuals.keys()):
        for target in targets[key]:
            for actual in actuals[key]:
                if _comparable(target, actual):
                    out.append(Tracked(key[0], key[1], status(target, actual), target, actual))
    return out


def series(rows: Iterable[Row], indicator: str) -> list[Row]:
    """Targets and actuals of one indicator in period order, targets before actuals."""
    chosen = [r for r in rows if r["indicator"] == indicator]
    return sorted(chosen, key=lambda r: (str(r["period"]), r["kind"] != "target", r["doc"], r["span"][0]))


def discrepancies(rows: Iterable[Row]) -> list[Discrepancy]:
    """Indicator-periods whose actuals differ between sources: listed, never merged."""
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row["kind"] == "actual":
            groups[(row["indicator"], row["period"])].append(row)
    out = []
    for (indicator, period), reports in sorted(groups.items()):
        comparable = defaultdict(list)
        for r in reports:
            comparable[(bool(r.get("change")), r.get("base_unit") or r.get("unit"))].append(r)
        for same in comparable.values():
            if len({round(_amount(r), 6) for r in same}) > 1 and len({r["doc"] for r in same}) > 1:
                out.append(
                    Discrepancy(
                        indicator, period, tuple(sorted(same, key=lambda r: (r["doc"], r["span"][0])))
                    )
                )
    return out
