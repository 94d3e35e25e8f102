"""The heading grammar line by line, and the section tree it builds from real report layouts.

Lines are quoted from the real reports of ../shared/realcorpus, one line each.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.loaders.records import Document
from policykg.loaders.structure.headings import indent, is_byline, marker, run_in_cut, title_extent
from policykg.loaders.structure.sections import parse_structure


def _doc(text: str) -> Document:
    return Document(id="t.txt", text=text, title="t", kind="government_work_report", year=2025)


@pytest.mark.parametrize(
    "line",
    [
        "四川省人民政府省长 施小琳",
        "自治区主席 布小林",
        "省长 王予波",
        "广东省省长 王伟中\u3000",
        "——2025年1月15日在广东省第十四届人民代表大会第三次会议上",
        "2025年1月14日在天津市第十八届人民代表大会第三次会议上天津市市长 张工",
        "——2025年1月16日省长 李乐成在辽宁省第十四届人民代表大会第三次会议上的讲话",
        "1957年6月26日在第一届全国人民代表大会第四次會議上",
    ],
)
def test_bylines_are_recognised(line: str) -> None:
    """Who delivered the report, and when and where: bylines, in every real form."""
    assert is_byline(line)


@pytest.mark.parametrize("line", ["2024年工作回顾", "加强政府自身建设", "关于外交工作", "各位代表："])
def test_headings_are_no_bylines(line: str) -> None:
    """A heading or a salutation is not a byline."""
    assert not is_byline(line)


def test_bylines_never_open_a_section() -> None:
    """A report's title block set out between blank lines holds no section: only its parts do."""
    text = (
        "2025年内蒙古自治区政府工作报告\n\n——2025年1月14日在内蒙古自治区第十四届人民代表大会第三次会议上\n\n"
        "自治区主席 布小林\n\n各位代表：\n\n一、2024年工作回顾\n\n过去一年，全区经济增长5.8%。\n"
    )
    sections = parse_structure(_doc(text)).sections
    assert [(s.title, s.part, s.goal) for s in sections] == [("2024年工作回顾", "review", None)]


def test_indentation_of_every_width_is_outside_the_heading() -> None:
    """上海 and 辽宁 indent their headings with em spaces; the title span starts after the marker."""
    line = "\u2003\u2003一、2024年工作回顾"
    assert indent(line) == 2
    text = "各位代表：\n" + line + "\n过去一年，我们坚持稳中求进。\n"
    (section,) = parse_structure(_doc(text)).sections
    assert (section.number, section.title, text[section.title_span[0] : section.title_span[1]]) == (
        "一",
        "2024年工作回顾",
        "2024年工作回顾",
    )


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [
        ("## 一、2024年工作回顾", "part", "一"),
        ("### （一）稳增长", "task", "（一）"),
        ("## 2024年工作回顾", "markdown", "##"),
    ],
)
def test_markdown_headings_around_numbers(line: str, kind: str, number: str) -> None:
    """A ``#`` heading around a number is the numbered heading; marks and number stay outside the title."""
    found = marker(line)
    assert found is not None and found[:2] == (kind, number)
    start, end = title_extent(line, found[2], kind)
    assert line[start:end] in ("2024年工作回顾", "稳增长")


def test_bold_headings() -> None:
    """``**一、2024年工作回顾**`` is part 一 titled 2024年工作回顾, quoted without the asterisks."""
    text = "各位代表：\n**一、2024年工作回顾**\n过去一年，增长5%。\n**二、2025年工作安排**\n"
    sections = parse_structure(_doc(text)).sections
    assert [(s.number, text[s.title_span[0] : s.title_span[1]], s.part) for s in sections] == [
        ("一", "2024年工作回顾", "review"),
        ("二", "2025年工作安排", "plan"),
    ]


def test_heading_run_into_its_paragraph_ends_where_the_paragraph_begins() -> None:
    """1987's 三 runs on into its first sentence; the title ends after 对外开放."""
    title = "深入改革经济体制和扩大对外开放国民经济的长期稳定发展，既要靠坚持正确的建设方针，又要靠深入改革和扩大对外开放"
    assert title[: run_in_cut(title)] == "深入改革经济体制和扩大对外开放"
    line = "三、" + title + "。文字。"
    start, end = title_extent(line, 2, "part")
    assert line[start:end] == "深入改革经济体制和扩大对外开放"


def test_heading_broken_over_two_lines() -> None:
    """重庆's third part breaks its heading in the middle of 政府治理; the title spans the line break."""
    text = "二、2025年主要任务\n正文。\n三、持续提升政府\n治理效能和服务水平\n人民满意是衡量政府工作的根本标准。全市政府系统要坚持不懈。\n"
    tops = [s for s in parse_structure(_doc(text)).sections if s.level == 1]
    assert [(s.title, s.part) for s in tops] == [
        ("2025年主要任务", "plan"),
        ("持续提升政府\n治理效能和服务水平", "other"),
    ]


def test_text_without_line_breaks_is_cut_at_its_headings() -> None:
    """A report that arrives as one line is cut before its part headings, also those run into the text."""
    body = "我们坚持稳中求进工作总基调，推动经济持续回升向好。" * 60
    text = (
        "各位代表：现在，我代表省人民政府，向大会报告工作，请予审议。2024年工作回顾过去一年，全省地区生产总值增长5.7%。"
        + body
        + "二、2025年工作安排今年是“十四五”规划收官之年。"
        + body
        + "三、加强政府自身建设坚持把党的全面领导落实到政府工作全过程。"
    )
    tops = [(s.title, s.part) for s in parse_structure(_doc(text)).sections if s.level == 1]
    assert tops == [("2024年工作回顾", "review"), ("2025年工作安排", "plan"), ("加强政府自身建设", "other")]


_TOKENS = [
    "一、", "二、", "三、", "（一）", "(二)", "1.", "一是", "二要", "专栏1", "## ", "# ", "**", "\n", "\n\n", "。", "，",
    "；", "：", "\u3000", "\u2003", "\u200b", " ", "2024年工作回顾", "2025年工作安排建议", "加强政府自身建设", "结束语",
    "名词解释", "附件", "2025年10件惠民实事", "主要预期目标", "过去一年", "今年是", "持续提升政府", "省长 施小琳",
    "——2025年1月15日在", "人民代表大会第三次会议上", "增长5%左右",
]  # fmt: skip
_TEXT = st.one_of(
    st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=5)), max_size=60).map("".join),
    st.lists(st.sampled_from(_TOKENS), min_size=300, max_size=400).map(
        lambda t: "".join(t).replace("\n", "")
    ),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_sections_nest_and_quote_their_headings(text: str) -> None:
    """Any text: no crash; a child's span lies inside its parent's; text[title_span] is the heading."""
    structure = parse_structure(_doc(text))
    by_id = {s.id: s for s in structure.sections}
    assert len(by_id) == len(structure.sections)
    for s in structure.sections:
        assert text[s.title_span[0] : s.title_span[1]] == s.title
        assert 0 <= s.span[0] <= s.title_span[0] <= s.title_span[1] <= s.span[1] <= len(text)
        if s.parent:
            parent = by_id[s.parent]
            assert parent.span[0] <= s.span[0] and s.span[1] <= parent.span[1]
            assert s.level == parent.level + 1
