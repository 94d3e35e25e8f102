"""compare and discrepancies set side by side only figures of one quantity: the cases of issue 16.

Each row is built from a sentence of the bundled corpus (quoted as the document text, so the
reading of the words before a figure runs as on the real store); the rows carry only the keys the
loaders gave before ``scope`` and ``measure`` existed, so the conservative reading is what is tested.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.analysis import reports
from policykg.analysis.comparisons import compare_targets, discrepancy_report, document_sources
from policykg.analysis.meaning import Source, read, same_quantity
from policykg.analysis.tracking import STATUSES, discrepancies, track
from policykg.graph.store import Store


class Doc:
    """A document made of corpus sentences, whose rows point into its text."""

    def __init__(self, name: str, *sentences: str) -> None:
        self.name = name
        self.text = "。".join(sentences) + "。"

    def row(self, figure: str, value: float, unit: str, *, after: str = "", **fields: Any) -> dict[str, Any]:
        start = self.text.index(figure, self.text.index(after) if after else 0)
        return {
            "doc": self.name,
            "value": value,
            "unit": unit,
            "comparator": "exact",
            "change": False,
            "span": [start, start + len(figure)],
            "evidence": figure,
            **fields,
        }


def sources(*docs: Doc) -> dict[str, Source]:
    return {d.name: Source(d.text, "内蒙古自治区") for d in docs}


def test_a_level_held_over_a_span_is_no_years_actual() -> None:
    """全年煤炭产量12亿吨以上 (2025 plan) is not missed by 煤炭年产量稳定在10亿吨以上 (十四五 review): no_actual."""
    plan = Doc("004.txt", "全年煤炭产量 12 亿吨以上")
    news = Doc("002.txt", "能源保供彰显担当，煤炭年产量稳定在10亿吨以上，外送占比稳定在60%以上")
    target = plan.row("12 亿吨以上", 12, "亿吨", comparator="at_least", kind="target", period="2025")
    actual = news.row("10亿吨以上", 10, "亿吨", comparator="at_least", kind="actual", period="2025")
    for row in (target, actual):
        row["indicator"] = "煤炭产量"
    (tracked,) = track([target, actual], sources(plan, news))
    assert tracked.status == "no_actual"
    (tracked,) = track([target, actual])  # without the text, the bound still never gives a miss
    assert tracked.status == "cannot_tell"


def test_a_span_is_never_a_single_years_actual() -> None:
    """城镇新增就业累计106万人 (2021-2025) is no actual for 城镇新增就业18万人以上 (2025)."""
    plan = Doc("004.txt", "城镇新增就业 18 万人以上，城镇调查失业率 5.5%左右")
    digest = Doc("000.txt", "城镇新增就业累计**106**万人")
    target = plan.row("18 万人以上", 18, "万人", comparator="at_least", kind="target", period="2025")
    actual = digest.row("106**万人", 106, "万人", kind="actual", period="2021-2025")
    for row in (target, actual):
        row["indicator"] = "城镇新增就业"
    assert [t.status for t in track([target, actual], sources(plan, digest))] == ["no_actual"]


def test_an_enterprises_goal_is_not_the_regions_capacity() -> None:
    """蒙能集团…力争电力总装机超过4500万千瓦 is not exceeded by the region's 电力总装机规模3.1亿千瓦."""
    report = Doc(
        "003.txt",
        "蒙能集团要当好我区能源企业的“顶梁柱”，力争电力总装机超过4500万千瓦，加快向资产、营收“双千亿”目标迈进",
    )
    digest = Doc("000.txt", "电力总装机规模**3.1**亿千瓦")
    target = report.row("超过4500万千瓦", 4500, "万千瓦", comparator="at_least", kind="target", period="2025")
    actual = digest.row("3.1**亿千瓦", 3.1, "亿千瓦", kind="actual", period="2025")
    for row in (target, actual):
        row["indicator"] = "电力装机规模"
    src = sources(report, digest)
    assert read(target, src["003.txt"]).scope == "蒙能集团" and read(actual, src["000.txt"]).scope == ""
    assert [t.status for t in track([target, actual], src)] == ["no_actual"]


def test_a_flow_is_not_the_cumulative_total() -> None:
    """开工新型储能装机1000万千瓦 and 建成投产600万千瓦 are not held against 储能装机达到1900万千瓦."""
    plan = Doc("004.txt", "储能产业，实施新型储能专项行动，开工新型储能装机 1000 万千瓦，建成投产 600 万千瓦")
    digest = Doc("000.txt", "储能装机达到**1900**万千瓦")
    started = plan.row("1000 万千瓦", 1000, "万千瓦", kind="target", period="2025")
    done = plan.row("600 万千瓦", 600, "万千瓦", kind="target", period="2025")
    total = digest.row("1900**万千瓦", 1900, "万千瓦", kind="actual", period="2025")
    for row in (started, done, total):
        row["indicator"] = "新型储能装机"
    src = sources(plan, digest)
    readings = [read(r, src[r["doc"]]) for r in (started, done, total)]
    assert [(r.measure, r.stage) for r in readings] == [("flow", "start"), ("flow", "done"), ("level", "")]
    assert not same_quantity(readings[0], readings[1])
    assert {t.status for t in track([started, done, total], src)} == {"no_actual"}


def test_a_statement_made_twice_in_one_document_is_one_row() -> None:
    """固定资产投资增长10%左右, in the targets and again in the body of the 2025 report: one verdict, also_at."""
    report = Doc(
        "003.txt",
        "固定资产投资增长10%左右",
        "固定资产投资今年要增长10%左右，这个目标是等不来的，必须实实在在谋项目、争资金、抓招商",
    )
    digest = Doc("000.txt", "固定资产投资增长**4%**，高于全国**7.8**个百分点")
    first = report.row("10%左右", 10, "%", comparator="about", kind="target", period="2025", change=True)
    again = report.row(
        "10%左右", 10, "%", after="今年", comparator="about", kind="target", period="2025", change=True
    )
    actual = digest.row("4%", 4, "%", kind="actual", period="2025", change=True)
    for row in (first, again, actual):
        row["indicator"] = "固定资产投资增速"
    (tracked,) = track([first, again, actual], sources(report, digest))
    assert tracked.status == "missed"
    assert tracked.target["span"] == first["span"] and tracked.target["also_at"] == [again["span"]]


def test_every_verdict_shows_both_evidences() -> None:
    """compare gives, for target and actual, the document, span, figure and the sentence it stands in."""
    plan = Doc("004.txt", "健全深入打好蓝天、碧水、净土保卫战制度机制，空气优良天数比例保持在 90%以上")
    news = Doc("002.txt", "空气质量优良天数比例达到90.6%，乌海及周边地区PM2.5平均浓度达到历史最好水平")
    target = plan.row("90%以上", 90, "%", comparator="at_least", kind="target", period="2025")
    actual = news.row("90.6%", 90.6, "%", kind="actual", period="2025")
    for row in (target, actual):
        row["indicator"] = "空气质量优良天数比例"
    (verdict,) = compare_targets([target, actual], "空气质量优良天数比例", sources(plan, news))["tracking"]
    assert verdict["status"] == "met"
    for side, doc in (("target", plan), ("actual", news)):
        shown = verdict[side]
        a, b = shown["span"]
        assert shown["doc"] == doc.name and doc.text[a:b] == shown["evidence"]
        assert shown["evidence"] in shown["sentence"] and doc.text.startswith(shown["sentence"])


def test_a_sub_regions_figure_is_no_discrepancy_with_the_regions() -> None:
    """34个旗县经济总量不足百亿 does not contradict 2024年更是突破2.6万亿元."""
    report = Doc(
        "003.txt",
        "从县域经济发展看，不平衡问题突出，虽然全国百强县中我区有4个，但还有34个旗县经济总量不足百亿",
    )
    news = Doc("002.txt", "内蒙古经济总量持续攀升，2024年更是突破2.6万亿元，时隔5年重新回到全国中游")
    small = report.row("不足百亿", 100, "亿元", comparator="at_most", kind="actual", period="2024")
    total = news.row("突破2.6万亿元", 2.6, "万亿元", comparator="at_least", kind="actual", period="2024")
    for row in (small, total):
        row["indicator"] = "地区生产总值"
    assert read(small, sources(report)["003.txt"]).scope == "34个旗县"
    assert discrepancy_report([small, total], sources(report, news)) == []
    assert len(discrepancies([small, total])) == 1  # without the words, the two would clash


def test_rounding_and_bounds_are_no_discrepancy_on_real_sentences() -> None:
    """2024年，粮食产量达到820亿斤 and 粮食总产量达到820.1亿斤 agree: no discrepancy."""
    news = Doc("002.txt", "农畜产品生产基地建设提质增效，2024年，粮食产量达到820亿斤")
    report = Doc("003.txt", "粮食总产量达到820.1亿斤、实现“二十一连丰”，增量居全国第3位")
    a = news.row("820亿斤", 820, "亿斤", kind="actual", period="2024")
    b = report.row("820.1亿斤", 820.1, "亿斤", kind="actual", period="2024")
    for row in (a, b):
        row["indicator"] = "粮食产量"
    assert discrepancies([a, b], sources(news, report)) == []


# ---------------------------------------------------------------- property: only like with like

_PREFIXES = ("", "新增", "累计", "蒙能集团要", "34个旗县", "开工", "建成投产")
_UNITS = ("万千瓦", "亿千瓦", "亿千瓦时", "亿度", "个", "家", "%", "万吨", "亿斤")


@st.composite
def statements(draw: st.DrawFn) -> tuple[list[dict[str, Any]], dict[str, Source]]:
    """Rows of two indicators in three documents, some with loader keys, some read from their words."""
    texts: dict[str, list[str]] = {"a.txt": [], "b.txt": [], "c.txt": []}
    out = []
    for _ in range(draw(st.integers(1, 12))):
        doc = draw(st.sampled_from(sorted(texts)))
        prefix, unit = draw(st.sampled_from(_PREFIXES)), draw(st.sampled_from(_UNITS))
        value = draw(st.sampled_from([1, 3.1, 10, 12, 90, 90.6, 820, 820.1, 1900, 4500]))
        figure = f"{value}{unit}"
        before = "。".join(texts[doc]) + ("。" if texts[doc] else "")
        texts[doc].append(f"{prefix}装机{figure}")
        start = len(before) + len(prefix) + 2
        row: dict[str, Any] = {
            "doc": doc,
            "indicator": draw(st.sampled_from(["新型储能装机", "电力装机规模"])),
            "value": value,
            "unit": unit,
            "comparator": draw(st.sampled_from(["exact", "about", "at_least", "at_most"])),
            "kind": draw(st.sampled_from(["target", "actual"])),
            "period": draw(st.sampled_from(["2025", "2026", "2021-2025"])),
            "change": False,
            "span": [start, start + len(figure)],
            "evidence": figure,
        }
        if draw(st.booleans()):
            row["scope"] = draw(st.sampled_from(["", "蒙能集团"]))
            row["measure"] = draw(st.sampled_from(["level", "flow", "cumulative"]))
        out.append(row)
    return out, {name: Source("。".join(parts) + "。", "内蒙古自治区") for name, parts in texts.items()}


@settings(max_examples=150, deadline=None)
@given(statements())
def test_only_like_figures_are_set_side_by_side(case: tuple[list[dict[str, Any]], dict[str, Source]]) -> None:
    """For any statements, a target and the actual it is held against (and the reports of one discrepancy)
    agree on indicator, scope, measure and unit family, and every verdict is a documented status."""
    rows, src = case
    for t in track(rows, src):
        assert t.status in STATUSES
        if t.actual is None:
            assert t.status == "no_actual"
            continue
        a, b = read(t.target, src[t.target["doc"]]), read(t.actual, src[t.actual["doc"]])
        assert (a.indicator, a.scope, a.measure, a.unit_family) == (
            b.indicator,
            b.scope,
            b.measure,
            b.unit_family,
        )
        assert a.period == b.period
    for d in discrepancies(rows, src):
        readings = {
            (r.indicator, r.scope, r.measure, r.unit_family)
            for r in (read(row, src[row["doc"]]) for row in d.reports)
        }
        assert len(readings) == 1


# ---------------------------------------------------------------- on the bundled corpus


def test_compare_on_the_corpus_sets_only_like_figures_side_by_side(store: Store) -> None:
    """On the built corpus: every verdict is documented, shows both sentences, pairs like with like,
    and 煤炭产量's 2025 target is not missed by the 十四五-wide 煤炭年产量稳定在10亿吨以上."""
    src = document_sources(store)
    data = compare_targets(reports.metrics(store), None, src)
    assert data["tracking"] and set(data["statuses"]) <= set(STATUSES)
    for t in data["tracking"]:
        if t["actual"] is None:
            continue
        target, actual = t["target"], t["actual"]
        a, b = read(target, src[target["doc"]]), read(actual, src[actual["doc"]])
        assert (a.indicator, a.scope, a.measure, a.unit_family) == (
            b.indicator,
            b.scope,
            b.measure,
            b.unit_family,
        )
        assert target["evidence"] in target["sentence"] and actual["evidence"] in actual["sentence"]
    coal = [t for t in data["tracking"] if t["indicator"] == "煤炭产量" and t["period"] == "2025"]
    assert coal and "missed" not in {t["status"] for t in coal}


def test_discrepancies_on_the_corpus_leave_out_rounding_and_sub_regions(store: Store) -> None:
    """On the built corpus, no discrepancy sets 820 against 820.1, 90%以上 against 90.6%, or 不足百亿 against the GDP."""
    found = discrepancy_report(reports.metrics(store), document_sources(store))
    for d in found:
        values = {(r["value"], r["unit"]) for r in d["reports"]}
        assert not {(820, "亿斤"), (820.1, "亿斤")} <= values
        assert not {(90, "%"), (90.6, "%")} <= values
        assert (100, "亿元") not in values or d["indicator"] != "地区生产总值"
