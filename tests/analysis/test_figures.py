"""Figures compare within one unit family, at the precision they were written to, as the values they allow."""

from __future__ import annotations

from decimal import Decimal

from policykg.analysis.figures import Figure, agree, figure, unit_family


def fig(value: float, unit: str, comparator: str = "exact") -> Figure:
    found = figure({"value": value, "unit": unit, "comparator": comparator})
    assert found is not None
    return found


def test_rounding_agrees_at_the_coarser_precision() -> None:
    """粮食产量达到820亿斤 and 粮食总产量达到820.1亿斤 agree; 820 and 826 do not."""
    assert agree(fig(820, "亿斤"), fig(820.1, "亿斤"))
    assert not agree(fig(820, "亿斤"), fig(826, "亿斤"))
    assert not agree(fig(90, "%"), fig(90.6, "%"))


def test_a_bound_agrees_with_a_figure_inside_it() -> None:
    """优良天数比例保持在90%以上 and 达到90.6% agree; 不足百亿 and 2.6万亿元 do not."""
    assert agree(fig(90, "%", "at_least"), fig(90.6, "%"))
    assert not agree(fig(100, "亿元", "at_most"), fig(2.6, "万亿元", "at_least"))
    assert agree(fig(10, "亿吨", "at_least"), fig(12, "亿吨", "at_least"))


def test_units_convert_within_a_family() -> None:
    """亿度 is 亿千瓦时; 160亿斤 is 800万吨; 9成 is 90%; 1.7亿千瓦 is 17000万千瓦."""
    assert unit_family("亿度") == unit_family("亿千瓦时") == "electricity"
    assert fig(3000, "亿度").value == fig(3000, "亿千瓦时").value
    assert fig(160, "亿斤").value == fig(800, "万吨").value  # in the family's base unit, whatever it is
    assert fig(9, "成").value == fig(90, "%").value
    assert agree(fig(1.7, "亿千瓦"), fig(17000, "万千瓦"))


def test_different_families_never_agree() -> None:
    """35个新型储能项目 and 700万千瓦新型储能项目 are not one figure; nor are 千瓦 (power) and 千瓦时 (energy)."""
    assert unit_family("个") != unit_family("万千瓦")
    assert unit_family("万千瓦") != unit_family("亿千瓦时")
    assert unit_family("人次") != unit_family("人")
    assert unit_family("家") == unit_family("个") == "count"
    assert not agree(fig(35, "个"), fig(35, "万千瓦"))


def test_precision_is_the_last_written_digit() -> None:
    """2.6万亿元 is known to a thousand 亿元; 0.593 to a thousandth."""
    assert fig(2.6, "万亿元").precision == Decimal("1E11")
    assert fig(0.593, "").precision == Decimal("0.001")
    assert fig(1900, "万千瓦").precision == Decimal("1E4")
