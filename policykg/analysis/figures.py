"""How two figures compare: their unit family, the precision they were written to, the values they allow.

A figure as written stands for a set of values, not one number: ``820.1亿斤`` is a point known to a
tenth, ``6%左右`` a band, ``90%以上`` a half-line.  Two figures agree when those sets meet, judged at
the precision of the less precise one — so ``820`` and ``820.1`` agree (rounding is no
discrepancy), ``820`` and ``826`` do not, and ``90%以上`` agrees with ``90.6%``.  Units convert
within a family (the loaders' ``units.json``: ``亿度`` = ``亿千瓦时``, ``160亿斤`` = ``800万吨``);
figures of different families (``35个`` and ``700万千瓦``, ``千瓦`` and ``千瓦时``) are never
compared.  Arithmetic is decimal, so a rounding test cannot flip on a binary fraction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from policykg.loaders.text.numbers import normalise_unit, split_unit

__all__ = ["ABOUT_TOLERANCE", "Figure", "agree", "compare", "figure", "unit_family"]

ABOUT_TOLERANCE = Decimal("0.05")  # 左右/约/近: the figure allows 5 % either side


def _norm(unit: str) -> tuple[str, Decimal]:
    """A unit's family (the loaders' units.json) and its factor to the family's base unit.

    A unit of no known family is a family of its own, named by its base (``unit:立方米``).
    """
    found = normalise_unit(unit or "")
    if found is None:
        scale, base = split_unit(unit or "")
        return f"unit:{base}", Decimal(f"{scale:.12g}")
    return found.family, Decimal(f"{found.factor:.12g}")


def unit_family(unit: str) -> str:
    """What a unit measures, as a name two comparable units share (亿度 and 万千瓦时: electricity)."""
    return _norm(unit)[0]


@dataclass(frozen=True)
class Figure:
    """A figure in its family's base unit: value, the size of its last written digit, and comparator."""

    value: Decimal
    precision: Decimal
    unit_family: str
    comparator: str  # exact | about | at_least | at_most

    @property
    def low(self) -> Decimal | None:
        """The least value the figure allows (None: no lower limit)."""
        if self.comparator == "at_most":
            return None
        return self.value * (1 - ABOUT_TOLERANCE) if self.comparator == "about" else self.value

    @property
    def high(self) -> Decimal | None:
        """The greatest value the figure allows (None: no upper limit)."""
        if self.comparator == "at_least":
            return None
        return self.value * (1 + ABOUT_TOLERANCE) if self.comparator == "about" else self.value

    @property
    def is_point(self) -> bool:
        return self.comparator == "exact"


def _digit(value: Decimal) -> Decimal:
    """One unit of the last written digit: 820 → 1, 820.1 → 0.1, 0.593 → 0.001."""
    exponent = value.normalize().as_tuple().exponent if value != value.to_integral_value() else 0
    return Decimal(1).scaleb(min(int(exponent), 0))


def figure(row: Mapping[str, Any]) -> Figure | None:
    """A metric row's figure in its family's base unit, or None when it has no value."""
    if row.get("value") is None:
        return None
    written = Decimal(str(row["value"]))
    family, factor = _norm(str(row.get("unit") or ""))
    return Figure(written * factor, _digit(written) * factor, family, str(row.get("comparator") or "exact"))


def compare(x: Decimal, x_digit: Decimal, y: Decimal, y_digit: Decimal) -> int:
    """-1, 0 or 1: x against y, both rounded to the coarser of their two precisions."""
    step = max(x_digit, y_digit)
    rx = (x / step).to_integral_value(ROUND_HALF_UP)
    ry = (y / step).to_integral_value(ROUND_HALF_UP)
    return (rx > ry) - (rx < ry)


def agree(a: Figure, b: Figure) -> bool:
    """Whether two figures of one unit family can both be true: the values they allow meet."""
    if a.unit_family != b.unit_family:
        return False
    if a.high is not None and b.low is not None and compare(a.high, a.precision, b.low, b.precision) < 0:
        return False
    return not (
        b.high is not None and a.low is not None and compare(b.high, b.precision, a.low, a.precision) < 0
    )
