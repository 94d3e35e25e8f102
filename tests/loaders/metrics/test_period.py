"""Kind and period of a figure from the part of the report it stands in and the year its heading names.

The headings and sentences are lines of real reports (../shared/realcorpus) or of the genre's
2026 reports, assembled into short documents.
"""

from __future__ import annotations

from policykg.loaders.metrics.statements import parse_metrics
from policykg.loaders.records import Document
from policykg.loaders.structure.sections import parse_structure


def _figures(text: str, year: int | None) -> dict[str, tuple[str, str]]:
    """Evidence → (kind, period) of every figure of a government work report."""
    doc = Document(id="t.txt", text=text, title="t", kind="government_work_report", year=year)
    return {m.evidence: (m.kind, m.period) for m in parse_metrics(doc, parse_structure(doc))}


REPORT_2026 = (
    "——2026年1月25日在内蒙古自治区第十四届人民代表大会第四次会议上\n"
    "各位代表：\n"
    "一、2025年和“十四五”工作回顾\n"
    "过去一年是深入实施“十四五”规划的关键之年，全区地区生产总值增长5.5%。"
    "“十四五”时期，地区生产总值年均增长5.8%，累计完成固定资产投资2.1万亿元，地区生产总值达到2.6万亿元。"
    "“十四五”期间，全区粮食产量增长10%。\n"
    "二、2026年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
)


def test_a_review_of_the_year_and_the_plan_period() -> None:
    """A 2026 report's 2025 and 十四五 review: 2025 for the year's figures and levels reached,
    2021-2025 for average and cumulative ones and those the sentence puts in the 十四五 (期间); the
    plan's figures are 2026 targets."""
    assert _figures(REPORT_2026, 2026) == {
        "5.5%": ("actual", "2025"),
        "5.8%": ("actual", "2021-2025"),
        "2.1万亿元": ("actual", "2021-2025"),
        "2.6万亿元": ("actual", "2025"),
        "10%": ("actual", "2021-2025"),
        "5%左右": ("target", "2026"),
    }


def test_a_passing_mention_of_the_plan_period_keeps_the_headings_year() -> None:
    """是深入实施“十四五”规划的关键之年 names the plan, not the span the growth rate covers."""
    assert _figures(REPORT_2026, 2026)["5.5%"] == ("actual", "2025")


def test_the_order_of_year_and_plan_period_in_the_heading_does_not_matter() -> None:
    """“十四五”时期发展成就和2025年工作回顾 reads as 2025年和“十四五”工作回顾."""
    text = REPORT_2026.replace("一、2025年和“十四五”工作回顾", "一、“十四五”时期发展成就和2025年工作回顾")
    assert _figures(text, 2026) == _figures(REPORT_2026, 2026)


def test_without_a_year_the_delivery_line_and_headings_give_it() -> None:
    """A national report whose metadata has no year reads it from its own text."""
    assert _figures(REPORT_2026, None) == _figures(REPORT_2026, 2026)
    text = "各位代表：\n一、过去一年工作回顾\n过去一年，国内生产总值增长5.2%。\n二、2024年政府工作任务\n城镇新增就业1200万人以上。\n"
    assert _figures(text, None) == {"5.2%": ("actual", "2023"), "1200万人以上": ("target", "2024")}


def test_unnumbered_parts_decide_kind() -> None:
    """四川 2025: unnumbered parts; the review gives 2024 actuals, the 工作安排建议 2025 targets."""
    text = (
        "2025年四川省政府工作报告\n四川省人民政府省长 施小琳\n各位代表：\n2024年工作回顾\n"
        "——经济运行稳中向好。全省地区生产总值增长5.7%，经济总量达到64697亿元。\n"
        "2025年工作安排建议\n今年发展主要预期目标是：地区生产总值增长5.5%以上。\n"
    )
    assert _figures(text, 2025) == {
        "5.7%": ("actual", "2024"),
        "64697亿元": ("actual", "2024"),
        "5.5%以上": ("target", "2025"),
    }


def test_a_plan_clause_naming_last_year_states_a_result() -> None:
    """在去年布局5个点位基础上 (内蒙古 2025) is what was done in 2024; a clause naming last year
    that sets a target, and one of this year, stay targets."""
    text = (
        "一、2024年工作回顾\n正文。\n二、2025年工作安排\n"
        "要围绕点位抓“突围”，在去年布局5个点位基础上，今年再启动一批新点位。\n"
        "力争在去年基础上新增高新技术企业1000家。\n"
        "今年再布局点位10个。\n"
    )
    assert _figures(text, 2025) == {
        "5个": ("actual", "2024"),
        "1000家": ("target", "2025"),
        "10个": ("target", "2025"),
    }


def test_a_forecast_of_this_year_is_for_this_year() -> None:
    """预计今年高校毕业生超过1170万人 (national 2024, in the plan): an estimate, of 2024."""
    text = "一、2023年工作回顾\n正文。\n二、2024年政府工作任务\n预计今年高校毕业生超过1170万人。\n"
    assert _figures(text, 2024) == {"超过1170万人": ("actual", "2024")}
