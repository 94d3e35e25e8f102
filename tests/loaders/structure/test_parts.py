"""The part finder: which part of a report (review, targets, plan, other) each section stands in.

Headings and lines are quoted from the real reports of ../shared/realcorpus (one line each); the
documents below are built from such lines, never copied whole.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.records import Document
from policykg.loaders.structure.parts import (
    PARTS,
    cn_number,
    delivery_year,
    heading_year,
    named_part,
    reads_as_appendix,
    reads_as_part_heading,
)
from policykg.loaders.structure.sections import parse_structure


def _doc(text: str, year: int | None = 2025) -> Document:
    return Document(id="t.txt", text=text, title="t", kind="government_work_report", year=year)


def _tops(text: str, year: int | None = 2025) -> list[tuple[str, str | None]]:
    """(title, part) of the top-level sections of a text."""
    return [(s.title, s.part) for s in parse_structure(_doc(text, year)).sections if s.level == 1]


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("2024年工作回顾", "review"),
        ("“十四五”时期发展成就和2025年工作回顾", "review"),
        ("1998年工作回顾和1999年工作的总体要求", "review"),
        ("2025年工作安排建议", "plan"),
        ("2025年目标任务和重点工作", "plan"),
        ("2024年政府工作任务", "plan"),
        ("2025年工作总体要求和主要目标", "targets"),
        ("2024年经济社会发展总体要求和政策取向", "targets"),
        ("加强政府自身建设", "other"),
        ("全面提升政府治理现代化水平", "other"),
        ("结束语", "other"),
        ("牢记历史使命，在中国式现代化建设中奋勇争先", None),
    ],
)
def test_heading_words_name_the_part(heading: str, part: str | None) -> None:
    """A heading's words say which part it opens; review words win over the targets they sit beside."""
    assert named_part(heading) == part


@pytest.mark.parametrize(
    "line",
    [
        "2024年工作回顾",
        "2025年主要任务",
        "2025年工作安排建议",
        "加强政府自身建设",
        "全面提升政府治理现代化水平",
        "结束语",
        "2025年和“十四五”工作回顾",
        "“十四五”时期发展成就和2025年工作回顾",
        "首先报告２００１年的工作",
        "今后五年的主要任务",
    ],
)
def test_unnumbered_part_headings(line: str) -> None:
    """Unnumbered lines of real reports that open a part read as part headings."""
    assert reads_as_part_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "实施银龄人才计划",
        "重点做好9个方面工作：",
        "继续办好10件惠民实事。",
        "过去一年，是实现“十四五”规划目标任务的关键一年。",
        "四川省人民政府省长 施小琳",
    ],
)
def test_body_lines_are_no_part_headings(line: str) -> None:
    """A line naming no time, or a sentence, is no part heading even when it holds a part's word."""
    assert not reads_as_part_heading(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("名词解释", True), ("附件2 名词解释", True), ("2025年省十件民生实事", True), ("2025年重点工作", False)],
)
def test_appendix_headings(line: str, expected: bool) -> None:
    """附件, 名词解释 and a list of the year's 民生实事 open an appendix."""
    assert reads_as_appendix(line) is expected


def test_heading_years_in_every_script() -> None:
    """Years are read in full-width digits, with stray spaces and in Chinese numerals."""
    assert heading_year("１９９６年国内工作的回顾") == 1996
    assert heading_year("关于1 9 9 8 年政府工作的建议") == 1998
    assert heading_year("一九五七年经济战线上的胜利") == 1957
    assert heading_year("“十四五”时期发展成就") is None


def test_chinese_numerals() -> None:
    """Part numbers one to ninety-nine; anything else is not a number."""
    assert [cn_number(n) for n in ("一", "十", "十一", "二十", "九十九")] == [1, 10, 11, 20, 99]
    assert cn_number("百") is None and cn_number("") is None


def test_delivery_line_gives_the_year() -> None:
    """——2025年1月15日在…会议上 says when the report was delivered, in any of its real forms."""
    assert (
        delivery_year(
            "2025年上海市政府工作报告\n----2025年1月15日龚正市长在上海市第十六届人民代表大会第三次会议的政府工作报告\n"
        )
        == 2025
    )
    assert delivery_year("1957年6月26日在第一届全国人民代表大会第四次會議上\n") == 1957
    assert delivery_year("各位代表：\n现在，我代表国务院向大会作政府工作报告。\n") is None


def test_unnumbered_parts_of_a_provincial_report() -> None:
    """四川 2025: three unnumbered parts, tasks nested under them, the appendix no part of the plan."""
    text = (
        "2025年四川省政府工作报告\n来源：四川日报\n2025年1月20日在四川省第十四届人民代表大会第四次会议上\n"
        "四川省人民政府省长 施小琳\n各位代表：\n2024年工作回顾\n（一）巩固增强经济回升向好态势。全省地区生产总值增长5.7%。\n"
        "2025年工作安排建议\n（一）全方位扩大内需，稳住经济大盘。\n加强政府自身建设\n（一）树牢正确政绩观。\n"
        "名词解释\n1.“两重”：是指国家重大战略实施和重点领域安全能力建设。\n"
    )
    structure = parse_structure(_doc(text))
    tops = [(s.title, s.kind, s.part) for s in structure.sections if s.level == 1]
    assert tops == [
        ("2024年工作回顾", "plain", "review"),
        ("2025年工作安排建议", "plain", "plan"),
        ("加强政府自身建设", "plain", "other"),
        ("名词解释", "appendix", "other"),
    ]
    assert [s.part for s in structure.sections if s.level == 2][:3] == ["review", "plan", "other"]


def test_review_heading_then_numbered_plan_then_closing_words() -> None:
    """2002: 首先报告２００１年的工作 reviews the year before; the numbered parts are the plan; 结束语."""
    text = (
        "各位代表：\n\n首先报告２００１年的工作\n\n国民经济保持良好发展势头。\n\n"
        "一、扩大和培育内需，促进经济较快增长\n\n一是采取更有力的措施，千方百计增加农民收入。\n\n"
        "二、加快农业和农村经济发展，努力增加农民收入\n\n八、进一步做好外交工作\n\n结束语\n\n各位代表!\n"
    )
    assert _tops(text, None) == [
        ("首先报告２００１年的工作", "review"),
        ("扩大和培育内需，促进经济较快增长", "plan"),
        ("加快农业和农村经济发展，努力增加农民收入", "plan"),
        ("进一步做好外交工作", "other"),
        ("结束语", "other"),
    ]


def test_parts_that_say_nothing_follow_the_part_before() -> None:
    """2015: parts 三 to 五 name no part; after the targets they are the plan; 政府自身建设 is other."""
    text = (
        "一、2014年工作回顾\n过去一年，国内生产总值增长7.4%。\n二、2015年工作总体部署\n今年是全面深化改革的关键之年。\n"
        "三、把改革开放扎实推向纵深\n改革开放是推动发展的制胜法宝。\n四、协调推动经济稳定增长和结构优化\n"
        "六、切实加强政府自身建设\n"
    )
    assert [p for _, p in _tops(text, 2015)] == ["review", "targets", "plan", "plan", "other"]


def test_body_opening_words_decide_a_silent_heading() -> None:
    """福建 2025: 一 names no part, but its body opens on the year before; 二 follows as the plan."""
    text = (
        "一、牢记殷殷嘱托，在接续奋斗中新福建建设取得新成效\n2024年是中华人民共和国成立75周年。\n"
        "二、牢记历史使命，在中国式现代化建设中奋勇争先\n福建是习近平新时代中国特色社会主义思想的重要孕育地。\n"
        "三、牢记人民至上，在建设服务型政府中践行初心使命\n"
    )
    assert [p for _, p in _tops(text)] == ["review", "plan", "other"]


def test_a_list_numbered_like_parts_stays_inside_its_part() -> None:
    """1987: the list 一、…五、 inside part 四 is no part; the closing words are."""
    text = (
        "一、当前国内形势和基本任务\n正文。\n二、坚持长期稳定发展经济的方针\n正文。\n"
        "三、深入改革经济体制和扩大对外开放\n正文。\n四、巩固和发展安定团结的政治局面\n"
        "\u3000\u3000一、继续深入批评资产阶级自由化的错误观点；\n\u3000\u3000二、认真进行坚持四项基本原则的正面教育；\n"
        "\u3000\u3000三、进一步整顿、充实和加强舆论阵地；\n\u3000\u3000四、切实加强和改进各条战线特别是学校的思想政治工作；\n"
        "\u3000\u3000五、大力加强马克思主义理论队伍的建设。\n结束语\n"
    )
    tops = [t for t, _ in _tops(text, 1987)]
    assert tops == [
        "当前国内形势和基本任务",
        "坚持长期稳定发展经济的方针",
        "深入改革经济体制和扩大对外开放",
        "巩固和发展安定团结的政治局面",
        "结束语",
    ]


def test_appended_list_of_projects_is_no_part() -> None:
    """云南 2025: the 惠民实事 appended after the plan are numbered 一、…; they sit inside the appendix."""
    text = (
        "一、2024年工作回顾\n正文。\n二、2025年总体要求\n正文。\n三、2025年重点任务\n正文。\n"
        "附件\n2025年10件惠民实事\n一、稳定和扩大就业\n主办单位：省人力资源社会保障厅\n二、深化“一老一小”关爱服务\n"
    )
    structure = parse_structure(_doc(text))
    tops = [(s.title, s.kind, s.part) for s in structure.sections if s.level == 1]
    assert tops[:3] == [
        ("2024年工作回顾", "part", "review"),
        ("2025年总体要求", "part", "targets"),
        ("2025年重点任务", "part", "plan"),
    ]
    assert [k for _, k, _ in tops[3:]] == ["appendix", "appendix"]
    items = [s for s in structure.sections if s.title in ("稳定和扩大就业", "深化“一老一小”关爱服务")]
    assert len(items) == 2 and all(s.level == 2 and s.part == "plan" for s in items)


def test_a_title_heading_over_the_report_hands_the_parts_to_its_children() -> None:
    """``# 2025年政府工作报告`` names no part; its ``##`` headings do."""
    text = "# 2025年政府工作报告\n\n## 2024年工作回顾\n\n正文。\n\n## 2025年工作安排\n\n正文。\n"
    parts = [(s.level, s.part) for s in parse_structure(_doc(text)).sections]
    assert parts == [(1, "other"), (2, "review"), (2, "plan")]


def test_report_year_from_its_own_text() -> None:
    """Without metadata, the delivery line, else the parts' headings, give the report's year."""
    with_line = "——2024年3月5日在第十四届全国人民代表大会第二次会议上\n一、过去一年工作回顾\n正文。\n"
    assert parse_structure(_doc(with_line, None)).report_year == 2024
    by_plan = "一、过去一年工作回顾\n正文。\n二、2024年政府工作任务\n正文。\n"
    assert parse_structure(_doc(by_plan, None)).report_year == 2024
    by_review = "一、2023年工作回顾\n正文。\n二、对今年政府工作的建议\n正文。\n"
    assert parse_structure(_doc(by_review, None)).report_year == 2024


_TOKENS = [
    "一、", "二、", "三、", "（一）", "1.", "一是", "## ", "\n", "\n\n", "。", "，", "\u3000\u3000", "\u2003",
    "2024年工作回顾", "2025年工作安排", "加强政府自身建设", "结束语", "名词解释", "附件", "过去一年",
    "省长 施小琳", "——2025年1月15日在", "人民代表大会第三次会议上", "地区生产总值增长5%", "今年是",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS) | st.text(max_size=6), max_size=40).map("".join))
def test_every_section_has_a_part(text: str) -> None:
    """Any text: every section and the text before them get one of the four parts."""
    structure = parse_structure(_doc(text))
    assert structure.preamble_part in PARTS
    assert all(s.part in PARTS for s in structure.sections)
