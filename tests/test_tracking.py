"""Targets against actuals: the status rules, series order, and discrepancies listed rather than merged."""

from __future__ import annotations

from policykg.analysis.tracking import discrepancies, series, status, track


def row(
    doc, indicator, value, unit, comparator, kind, period, change=False, start=0, base=None, normalised=None
):
    return {
        "doc": doc,
        "indicator": indicator,
        "value": value,
        "unit": unit,
        "comparator": comparator,
        "kind": kind,
        "period": period,
        "change": change,
        "span": [start, start + 5],
        "evidence": "",
        "base_unit": base,
        "normalised_value": normalised,
    }


GDP_TARGET_2025 = row(
    "004.txt", "地区生产总值增速", 6, "%", "about", "target", "2025", True
)  # 地区生产总值增长6%左右
GDP_ACTUAL_2025 = row(
    "000.txt", "地区生产总值增速", 4.7, "%", "exact", "actual", "2025", True
)  # 地区生产总值增长4.7%


def test_growth_below_an_about_target_is_missed() -> None:
    """增长6%左右 against 增长4.7%: missed."""
    assert status(GDP_TARGET_2025, GDP_ACTUAL_2025) == "missed"


def test_about_target_within_tolerance_is_met() -> None:
    """增长6%左右 against 5.9%: met (within 5 % of the target)."""
    assert status(GDP_TARGET_2025, {**GDP_ACTUAL_2025, "value": 5.9}) == "met"


def test_at_least_target_beaten_is_exceeded() -> None:
    """粮食产量超过840亿斤 against 850亿斤: exceeded; against 820.1: missed."""
    target = row("001.txt", "粮食产量", 840, "亿斤", "at_least", "target", "2026")
    assert status(target, row("x.txt", "粮食产量", 850, "亿斤", "exact", "actual", "2026")) == "exceeded"
    assert status(target, row("x.txt", "粮食产量", 820.1, "亿斤", "exact", "actual", "2026")) == "missed"


def test_at_most_target_is_a_ceiling() -> None:
    """城镇调查失业率控制在5.5%以内: 5.2 is met, 5.8 is missed."""
    target = row("x.txt", "城镇调查失业率", 5.5, "%", "at_most", "target", "2025")
    assert status(target, row("y.txt", "城镇调查失业率", 5.2, "%", "exact", "actual", "2025")) == "met"
    assert status(target, row("y.txt", "城镇调查失业率", 5.8, "%", "exact", "actual", "2025")) == "missed"


def test_scales_compare_through_normalised_values() -> None:
    """A target in 万亿元 and an actual in 亿元 compare on their normalised values."""
    target = row(
        "a.txt", "地区生产总值", 2.6, "万亿元", "at_least", "target", "2024", base="元", normalised=2.6e12
    )
    actual = row(
        "b.txt", "地区生产总值", 26000, "亿元", "exact", "actual", "2024", base="元", normalised=2.6e12
    )
    assert status(target, actual) == "met"


def test_track_pairs_only_comparable_statements() -> None:
    """A growth target is not compared with a level of the same indicator and period."""
    level = row("000.txt", "地区生产总值增速", 2.67, "万亿元", "exact", "actual", "2025", False)
    tracked = track([GDP_TARGET_2025, GDP_ACTUAL_2025, level])
    assert [(t.indicator, t.period, t.status) for t in tracked] == [("地区生产总值增速", "2025", "missed")]
    assert tracked[0].target is GDP_TARGET_2025 and tracked[0].actual is GDP_ACTUAL_2025


def test_series_orders_by_period_with_targets_first() -> None:
    """compare prints periods in order and, within one, the target before the actual."""
    target_2026 = row("001.txt", "地区生产总值增速", 5, "%", "about", "target", "2026", True)
    assert series([target_2026, GDP_ACTUAL_2025, GDP_TARGET_2025], "地区生产总值增速") == [
        GDP_TARGET_2025,
        GDP_ACTUAL_2025,
        target_2026,
    ]


def test_different_reports_of_one_actual_are_listed() -> None:
    """城镇新增就业累计106万人 in one digest and 103.8万人 in another: both listed, not merged."""
    a = row("000.txt", "城镇新增就业", 106, "万人", "exact", "actual", "2021-2025")
    b = row("002.txt", "城镇新增就业", 103.8, "万人", "exact", "actual", "2021-2025")
    same = row("003.txt", "城镇新增就业", 106, "万人", "exact", "actual", "2021-2025")
    (found,) = discrepancies([a, b, same])
    assert (found.indicator, found.period) == ("城镇新增就业", "2021-2025")
    assert [r["value"] for r in found.reports] == [106, 103.8, 106]


def test_agreeing_sources_are_no_discrepancy() -> None:
    """The same figure in two documents is not a discrepancy."""
    a = row("000.txt", "粮食产量", 840, "亿斤", "exact", "actual", "2025")
    assert discrepancies([a, {**a, "doc": "002.txt"}]) == []
