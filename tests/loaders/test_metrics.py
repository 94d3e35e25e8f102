"""Metric statements: the conventions of CONTRACT.md on real sentences of all five documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.metrics.statements import parse_metrics
from policykg.loaders.records import Document
from policykg.loaders.structure.sections import parse_structure

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
PLAN_2025 = "004_37e45ae1c4b0ca61.txt"
REPORT_2025 = "003_c0f21ab277f53f5b.txt"
DIGEST = "000_18b88d5dd0dbf4cc.txt"
NEWS = "002_4400adb43caeaed0.txt"


def _parse(text: str, kind: str = "annual_plan", year: int | None = 2026, covers=()):
    doc = Document(id="t.txt", text=text, title="t", kind=kind, year=year, covers=covers)
    return parse_metrics(doc, parse_structure(doc))


def _one(statements, value, unit=None, indicator=None, comparator=None):
    found = [
        s
        for s in statements
        if s.value == value
        and (unit is None or s.unit == unit)
        and (indicator is None or s.indicator == indicator)
        and (comparator is None or s.comparator == comparator)
    ]
    assert len(found) == 1, [(s.value, s.unit, s.evidence) for s in statements]
    return found[0]


def _in_doc(corpus, structures, doc_id):
    return parse_metrics(corpus[doc_id], structures[doc_id])


# --- scope ----------------------------------------------------------------------------------


def test_names_years_and_document_numbers_are_not_statements() -> None:
    """十四五, 1571, 12345热线, G0616, PM2.5, 5A级, 〔2026〕5号, dates and years give no statement."""
    text = (
        "内政发〔2026〕5号\n2026年2月13日\n按照自治区党委“1571”工作部署，编制“十四五”规划，"
        "用好12345政务服务便民热线，开工建设G0616海乌段，细颗粒物（PM2.5）浓度持续下降，创建5A级景区。"
    )
    assert _parse(text) == []


def test_list_numbers_are_not_statements() -> None:
    """In a 专栏 cell, 1. and 2. are list numbers; 1500万亩 and 2600公里 are the statements."""
    statements = _parse("专栏1  重点任务目标\n1.防沙治沙1500万亩。\n2.新改建穿沙公路2600公里。\n")
    assert [(s.value, s.unit) for s in statements] == [(1500, "万亩"), (2600, "公里")]


def test_quoted_names_and_titles_hold_no_statement(corpus, structures) -> None:
    """“奶 33 条” and 《…（2025—2027 年）》 in the 2025 plan are names, not figures."""
    statements = _in_doc(corpus, structures, PLAN_2025)
    assert not [s for s in statements if s.value in (33, 2027)]


def test_comparisons_with_the_national_figure_are_left_out(corpus, structures) -> None:
    """低于全国0.3个百分点 (digest) is optional in gold and not returned; 增长4.7% is."""
    statements = _in_doc(corpus, structures, DIGEST)
    assert not [s for s in statements if s.unit == "个百分点"]
    assert _one(statements, 4.7).indicator == "地区生产总值增速"


# --- values, units and comparators ----------------------------------------------------------


def test_targets_of_the_2026_plan(corpus, structures) -> None:
    """地区生产总值增长5%左右 in the 2026 plan: 5 %, about, target 2026, a change."""
    s = _one(_in_doc(corpus, structures, PLAN_2026), 5, "%", indicator="地区生产总值增速")
    assert (s.indicator, s.comparator, s.kind, s.period, s.change) == (
        "地区生产总值增速",
        "about",
        "target",
        "2026",
        True,
    )
    assert s.section is not None


def test_scale_words_are_kept_as_written() -> None:
    """煤炭产量稳定在12.5亿吨以上: 12.5 亿吨 at_least, normalised to 1.25e9 吨."""
    s = _one(_parse("（一）持续夯实能源供应保障基础。煤炭产量稳定在12.5亿吨以上。"), 12.5)
    assert (s.unit, s.comparator, s.normalised_value, s.base_unit) == ("亿吨", "at_least", 1.25e9, "吨")


def test_规模以上_and_3岁以下_are_not_comparators(corpus, structures) -> None:
    """规模以上工业增加值增长7%左右 is about; 3岁以下婴幼儿托位数…4.5个以上 is at_least, and 3岁 is no figure."""
    s = _one(_in_doc(corpus, structures, PLAN_2025), 7, "%")
    assert s.comparator == "about" and s.indicator == "规模以上工业增加值增速"
    news = _in_doc(corpus, structures, NEWS)
    assert not [x for x in news if x.value == 3]
    assert _one(news, 0.8).comparator == "exact"
    assert _one(news, 4.5).comparator == "at_least"


def test_two_values_in_one_clause_share_a_trailing_bound(corpus, structures) -> None:
    """育肥牛、育肥羊出栏数分别达到180万头和4000万只以上: two statements, both at_least, each its own animal."""
    statements = _in_doc(corpus, structures, PLAN_2026)
    cattle, sheep = _one(statements, 180, "万头"), _one(statements, 4000, "万只")
    assert cattle.comparator == sheep.comparator == "at_least"
    assert (cattle.indicator, sheep.indicator) == ("育肥牛出栏数", "育肥羊出栏数")


def test_growth_of_two_figures_is_shared_out(corpus, structures) -> None:
    """接待游客2.73亿人次、实现收入4140亿元，增长18.6%和23.4%: two growth rates of two indicators."""
    statements = _in_doc(corpus, structures, REPORT_2025)
    visitors, income = _one(statements, 18.6), _one(statements, 23.4)
    assert visitors.change and income.change
    assert (visitors.indicator, income.indicator) == ("接待游客人次增速", "旅游收入增速")
    assert _one(statements, 4140).indicator == "旅游收入"


def test_range_takes_lower_bound_at_least(corpus, structures) -> None:
    """新创建 2—3 家国家级核心育种场 in the 2025 plan is 2 家, at_least, a flow of new farms."""
    statements = _in_doc(corpus, structures, PLAN_2025)
    s = _one(statements, 2, "家", indicator="国家级核心育种场建设数量")
    assert s.comparator == "at_least"
    assert _one(statements, 2, "家", comparator="exact").evidence == "2 家"


def test_chinese_figures(corpus, structures) -> None:
    """突破百亿 → 100 亿元; 跨过万亿元大关 → 1 万亿元; 300多亿元 → at_least; 九成 → 9 成."""
    report = _in_doc(corpus, structures, REPORT_2025)
    assert _one(report, 100, "亿元", indicator="技术合同成交额").comparator == "at_least"
    assert _one(report, 100, "亿元", comparator="at_most").evidence == "不足百亿"
    industry = _one(report, 1, "万亿元", indicator="工业增加值")
    assert (industry.indicator, industry.comparator) == ("工业增加值", "at_least")
    assert _one(report, 300, "亿元", comparator="at_least").evidence == "300多亿元"
    assert _one(_in_doc(corpus, structures, NEWS), 9, "成").indicator == "农业机械化率"


# --- kind and period --------------------------------------------------------------------------


def test_estimate_in_a_review_is_an_actual(corpus, structures) -> None:
    """预计产煤12.9亿吨 in the report's 2024 review: actual, 2024, an estimate, 煤炭产量."""
    s = _one(_in_doc(corpus, structures, REPORT_2025), 12.9)
    assert (s.kind, s.period, s.estimate, s.indicator) == ("actual", "2024", True, "煤炭产量")


def test_review_and_plan_parts_of_a_work_report(corpus, structures) -> None:
    """The report's 增长6%左右 is an actual for 2024 in part 一 and a target for 2025 in part 二."""
    found = [s for s in _in_doc(corpus, structures, REPORT_2025) if s.value == 6 and s.unit == "%"]
    assert {(s.kind, s.period) for s in found} == {("actual", "2024"), ("target", "2025")}
    assert {s.indicator for s in found} == {"地区生产总值增速"}


def test_cumulative_figures_take_the_span(corpus, structures) -> None:
    """城镇新增就业累计106万人 (digest) → 2021-2025; “十四五”前4年累计完成造林2202万亩 (news) → 2021-2024."""
    assert _one(_in_doc(corpus, structures, DIGEST), 106).period == "2021-2025"
    assert _one(_in_doc(corpus, structures, NEWS), 2202).period == "2021-2024"


def test_level_reached_in_a_five_year_review_takes_the_last_year(corpus, structures) -> None:
    """经济总量达到**2.67**万亿元 in the digest's 这五年 part is 地区生产总值, 2025, not a change."""
    s = _one(_in_doc(corpus, structures, DIGEST), 2.67)
    assert (s.indicator, s.period, s.change, s.kind) == ("地区生产总值", "2025", False, "actual")


def test_base_year_gives_a_span_to_the_end(corpus, structures) -> None:
    """较2020年增长了854.8亿元 (news on 十四五) → period 2020-2025, a change."""
    s = _one(_in_doc(corpus, structures, NEWS), 854.8)
    assert (s.period, s.change) == ("2020-2025", True)


def test_year_named_in_the_sentence_wins(corpus, structures) -> None:
    """2024年更是突破2.6万亿元 → 2024; but a target plan's past year (2024 年 2727 万千瓦项目…投产) stays 2025."""
    assert _one(_in_doc(corpus, structures, NEWS), 2.6).period == "2024"
    assert _one(_in_doc(corpus, structures, PLAN_2025), 2727).period == "2025"


def test_years_inside_titles_do_not_set_the_period(corpus, structures) -> None:
    """《…行动方案（2025—2027 年）》 before 加工转化率达到 75% 以上 leaves the period at 2025."""
    s = _one(_in_doc(corpus, structures, PLAN_2025), 75, "%")
    assert s.period == "2025"


def test_review_section_of_a_digest(corpus, structures) -> None:
    """In the digest's 2025年工作回顾, 储能装机达到1900万千瓦 is an actual of 2025."""
    s = _one(_in_doc(corpus, structures, DIGEST), 1900)
    assert (s.kind, s.period) == ("actual", "2025")


# --- change flags ------------------------------------------------------------------------------


def test_change_flags(corpus, structures) -> None:
    """提高24.2斤 and 增加5000个 are changes; 新增设施农业26万亩 and 城镇调查失业率5.7% are not."""
    report = _in_doc(corpus, structures, REPORT_2025)
    assert _one(report, 24.2).change is True
    assert _one(report, 26, "万亩").change is False
    plan = _in_doc(corpus, structures, PLAN_2026)
    assert _one(plan, 5000, "个").change is True
    assert _one(plan, 5.7).change is False


def test_share_of_the_national_figure(corpus, structures) -> None:
    """完成保供任务8.3亿吨、占全国34.5% gives the share of the figure before it: <its indicator>占全国比重."""
    report = _in_doc(corpus, structures, REPORT_2025)
    before, share = _one(report, 8.3, "亿吨"), _one(report, 34.5)
    assert share.indicator == f"{before.indicator}占全国比重" and share.change is False


# --- document formats -----------------------------------------------------------------------------


def test_markers_spaces_and_page_wraps_keep_exact_evidence(corpus, structures) -> None:
    """** markers (digest), spaces between number and unit (PDF plan) and page wraps (news) map back exactly."""
    digest = _one(_in_doc(corpus, structures, DIGEST), 1714)
    assert "**" in digest.evidence and digest.unit == "家"
    pdf = [s for s in _in_doc(corpus, structures, PLAN_2025) if s.value == 18 and s.unit == "万人"]
    assert pdf and all(" " in s.evidence for s in pdf)
    wrapped = _one(_in_doc(corpus, structures, NEWS), 8, "个")
    assert "\n" in wrapped.evidence
    for doc_id in (DIGEST, PLAN_2025, NEWS, PLAN_2026, REPORT_2025):
        for s in _in_doc(corpus, structures, doc_id):
            assert corpus[doc_id].text[s.span[0] : s.span[1]] == s.evidence


def test_bookmark_artefacts_do_not_break_numbers() -> None:
    """A [bookmark: …] artefact inside a sentence is skipped; the figure after it is read."""
    text = "（一）扩大有效投资。[bookmark: _GoBack]完成建设投资1万亿元以上。"
    s = _one(_parse(text), 1, "万亿元")
    assert s.comparator == "at_least" and s.evidence == "1万亿元以上"


def test_statements_are_sorted_by_span(corpus, structures) -> None:
    """parse_metrics returns statements in document order."""
    statements = _in_doc(corpus, structures, REPORT_2025)
    assert [s.span for s in statements] == sorted(s.span for s in statements)


_FRAGMENTS = st.sampled_from(
    [
        "地区生产总值增长",
        "5%",
        "左右",
        "**",
        "12.5",
        "亿吨",
        "以上",
        "，",
        "。",
        "、",
        "和",
        "\n",
        "\n\n",
        " ",
        "预计",
        "累计",
        "“十四五”",
        "2024年",
        "较2020年",
        "占全国",
        "[bookmark: x]",
        "１２",
        "％",
        "近",
        "突破",
        "百亿",
        "万亿元大关",
        "九成",
        "300多亿元",
        "2—3家",
        "一、2024年工作回顾",
        "二、2025年工作安排",
        "专栏1",
        "1.",
        "（一）",
        "PM2.5",
        "新建",
        "个",
        "分别达到",
        "万头",
        "万只",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_FRAGMENTS, max_size=25).map("".join),
    st.sampled_from(["annual_plan", "government_work_report", "report_digest", "news"]),
)
def test_any_text_gives_exact_evidence(text: str, kind: str) -> None:
    """On text built from the genre's pieces, parse_metrics never raises and evidence is text[span]."""
    doc = Document(id="h.txt", text=text, title="h", kind=kind, year=2026 if kind != "news" else None)
    for s in parse_metrics(doc, parse_structure(doc)):
        assert text[s.span[0] : s.span[1]] == s.evidence
        assert s.comparator in ("about", "at_least", "at_most", "exact")
        assert s.kind in ("target", "actual")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_text_never_raises(text: str) -> None:
    """On arbitrary Unicode text, parse_metrics returns statements whose evidence is text[span]."""
    doc = Document(id="h.txt", text=text, title="h", kind="annual_plan", year=2026)
    for s in parse_metrics(doc, parse_structure(doc)):
        assert text[s.span[0] : s.span[1]] == s.evidence
