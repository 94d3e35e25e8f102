"""Targets against actuals: the verdict rules, series order, and discrepancies listed rather than merged."""

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


def test_at_least_target_is_a_floor() -> None:
    """粮食产量超过840亿斤 against 850亿斤: met (a floor is met, not exceeded); against 820.1: missed."""
    target = row("001.txt", "粮食产量", 840, "亿斤", "at_least", "target", "2026")
    assert status(target, row("x.txt", "粮食产量", 850, "亿斤", "exact", "actual", "2026")) == "met"
    assert status(target, row("x.txt", "粮食产量", 820.1, "亿斤", "exact", "actual", "2026")) == "missed"


def test_amount_target_beaten_is_exceeded() -> None:
    """创建60家绿色工厂 against 75家: exceeded (the plan named an amount); against 60: met."""
    target = row("004.txt", "绿色工厂数量", 60, "家", "exact", "target", "2025")
    assert status(target, row("x.txt", "绿色工厂数量", 75, "家", "exact", "actual", "2025")) == "exceeded"
    assert status(target, row("x.txt", "绿色工厂数量", 60, "家", "exact", "actual", "2025")) == "met"


def test_actual_is_read_at_its_own_precision() -> None:
    """突破3亿人次 against a reported 3亿人次 is met; 增长5% against 4.6% is missed (a target is a threshold)."""
    visitors = row("004.txt", "接待游客人次", 3, "亿人次", "at_least", "target", "2025")
    assert status(visitors, row("000.txt", "接待游客人次", 3, "亿人次", "exact", "actual", "2025")) == "met"
    growth = row("x.txt", "财政科技投入增速", 5, "%", "exact", "target", "2025", True)
    assert (
        status(growth, row("y.txt", "财政科技投入增速", 4.6, "%", "exact", "actual", "2025", True))
        == "missed"
    )


def test_at_most_target_is_a_ceiling() -> None:
    """城镇调查失业率控制在5.5%以内: 5.2 is met, 5.8 is missed."""
    target = row("x.txt", "城镇调查失业率", 5.5, "%", "at_most", "target", "2025")
    assert status(target, row("y.txt", "城镇调查失业率", 5.2, "%", "exact", "actual", "2025")) == "met"
    assert status(target, row("y.txt", "城镇调查失业率", 5.8, "%", "exact", "actual", "2025")) == "missed"


def test_a_bound_actual_is_consistent_or_cannot_tell() -> None:
    """旅游收入超过4500亿元 against 总花费超过4500亿元: consistent; 12亿吨以上 against 10亿吨以上: cannot_tell."""
    income = row("004.txt", "旅游收入", 4500, "亿元", "at_least", "target", "2025")
    assert (
        status(income, row("000.txt", "旅游收入", 4500, "亿元", "at_least", "actual", "2025")) == "consistent"
    )
    coal = row("004.txt", "煤炭产量", 12, "亿吨", "at_least", "target", "2025")
    assert status(coal, row("002.txt", "煤炭产量", 10, "亿吨", "at_least", "actual", "2025")) == "cannot_tell"
    assert status(coal, row("x.txt", "煤炭产量", 13, "亿吨", "at_least", "actual", "2025")) == "consistent"


def test_a_bound_misses_only_when_nothing_it_allows_meets_the_target() -> None:
    """外贸进出口总额超过2200亿元 against 不足2000亿元: missed (no value under 2000 meets it); against 不足2500: cannot_tell."""
    trade = row("003.txt", "进出口总额", 2200, "亿元", "at_least", "target", "2025")
    assert status(trade, row("x.txt", "进出口总额", 2000, "亿元", "at_most", "actual", "2025")) == "missed"
    assert (
        status(trade, row("x.txt", "进出口总额", 2500, "亿元", "at_most", "actual", "2025")) == "cannot_tell"
    )


def test_an_about_actual_is_a_band() -> None:
    """突破3亿人次 against 近3亿人次 cannot tell (近 may be just short); 6%左右 against 约6% is consistent."""
    visitors = row("004.txt", "接待游客人次", 3, "亿人次", "at_least", "target", "2025")
    near = row("003.txt", "接待游客人次", 3, "亿人次", "about", "actual", "2025")
    assert status(visitors, near) == "cannot_tell"
    assert status(GDP_TARGET_2025, {**GDP_ACTUAL_2025, "value": 6, "comparator": "about"}) == "consistent"


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
    assert tracked[0].target["span"] == GDP_TARGET_2025["span"] and tracked[0].actual == {
        **GDP_ACTUAL_2025,
        "also_at": [],
    }


def test_a_target_with_nothing_comparable_has_no_actual() -> None:
    """城镇新增就业18万人以上 with no actual of 2025: no_actual, its own verdict, with no actual attached."""
    target = row("004.txt", "城镇新增就业", 18, "万人", "at_least", "target", "2025")
    span_actual = row("000.txt", "城镇新增就业", 106, "万人", "exact", "actual", "2021-2025")
    (tracked,) = track([target, span_actual])
    assert tracked.status == "no_actual" and tracked.actual is None


def test_series_orders_by_period_with_targets_first() -> None:
    """compare prints periods in order and, within one, the target before the actual."""
    target_2026 = row("001.txt", "地区生产总值增速", 5, "%", "about", "target", "2026", True)
    found = series([target_2026, GDP_ACTUAL_2025, GDP_TARGET_2025], "地区生产总值增速")
    assert [r["doc"] for r in found] == ["004.txt", "000.txt", "001.txt"]


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


def test_rounding_is_no_discrepancy() -> None:
    """粮食产量达到820亿斤 (002) and 粮食总产量达到820.1亿斤 (003) agree; 820 against 826 does not."""
    a = row("002.txt", "粮食产量", 820, "亿斤", "exact", "actual", "2024")
    b = row("003.txt", "粮食产量", 820.1, "亿斤", "exact", "actual", "2024")
    assert discrepancies([a, b]) == []
    (found,) = discrepancies([a, {**b, "value": 826}])
    assert [r["value"] for r in found.reports] == [820, 826]


def test_a_bound_met_by_a_report_is_no_discrepancy() -> None:
    """优良天数比例90%以上 and 空气质量优良天数比例达到90.6% agree; 90%以上 and 88.5% do not."""
    bound = row("000.txt", "空气质量优良天数比例", 90, "%", "at_least", "actual", "2025")
    point = row("002.txt", "空气质量优良天数比例", 90.6, "%", "exact", "actual", "2025")
    assert discrepancies([bound, point]) == []
    assert len(discrepancies([bound, {**point, "value": 88.5}])) == 1


def test_unnamed_figures_are_compared_with_nothing() -> None:
    """Rows whose indicator the loaders left null are neither tracked nor a discrepancy with each other."""
    a = {**row("000.txt", "x", 5, "%", "exact", "actual", "2025"), "indicator": None}
    b = {**row("002.txt", "x", 9, "%", "exact", "actual", "2025"), "indicator": None}
    target = {**row("004.txt", "x", 6, "%", "about", "target", "2025"), "indicator": None}
    assert track([a, b, target]) == [] and discrepancies([a, b]) == []
