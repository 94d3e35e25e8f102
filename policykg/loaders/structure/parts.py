"""Which part of a report each section stands in: the review, the targets, the plan, or another part.

A government work report, and the plans, digests and news that follow its outline, is written in
parts: a review of the past year or years (2024年工作回顾, “十四五”时期发展成就), the general
requirements and main targets of the coming year (总体要求和主要目标), the work planned (重点工作,
工作安排), and parts that are none of these (加强政府自身建设, 结束语).  The part a figure stands in
decides whether it is a result or a target and which years it speaks of, so the part is found once
per document and carried on every section.  It comes from the heading's words (``part_terms.json``);
for a heading that names only a year's work (首先报告2001年的工作), from that year against the
report's; else from the first words of the part's body (过去一年…); else from the part before it:
numbered headings after the targets or the review are the work planned (三、把改革开放扎实推向纵深).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policykg.loaders import lexicon
from policykg.loaders.records import Section

__all__ = [
    "PARTS",
    "Parts",
    "assign_parts",
    "cn_number",
    "delivery_year",
    "ends_in_part_words",
    "fold",
    "heading_year",
    "named_part",
    "part_words",
    "reads_as_appendix",
    "reads_as_part_heading",
]

#: the parts of a report, as a section's ``part`` names them
PARTS = ("review", "targets", "plan", "other")

_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_CN_YEAR = re.compile("([〇零○一二三四五六七八九]{4})年")
_FULLWIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_SPACE = re.compile(r"[\s\u200b\ufeff]+")
_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2})年")
# a heading that opens a part names a time: a year, the past or coming years, a five-year plan
_TIME = re.compile(
    r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)|过去|今后|今年|明年|去年|[一二三四五六七八九十]+年来|这[一二三四五]年|"
    r"[一二三四五六七八九十]{1,2}五(?:时期|期间|计划|规划|”|\"|成就|工作|以来)|时期"
)
_DELIVERY = re.compile(r"(?<!\d)(1[89]\d{2}|20\d{2})年\d{1,2}月\d{1,2}日[^\n]{0,40}?(?:会议|會議|大会)")
_NOT_HEADING = re.compile(r"[，。；：！？,;:!?]")
_PROPOSAL = re.compile(r"的?建议$")
_YEAR_OPENER = re.compile(r"(1[89]\d{2}|20\d{2})年(?:是|，)")
_SKIP = " \t\n\u3000\u2003\u200b。：:，,"


def fold(text: str) -> str:
    """Text as a heading's words are matched: full-width digits folded, spaces gone, 一九五七年 as 1957年."""
    text = _SPACE.sub("", text.translate(_FULLWIDTH))
    return _CN_YEAR.sub(lambda m: "".join(str(_CN[c]) for c in m.group(1)) + "年", text)


def heading_year(title: str) -> int | None:
    """The first year a heading names (2024年工作回顾 → 2024; １９９６年 and 一九五七年 count too)."""
    m = _YEAR.search(fold(title))
    return int(m.group(1)) if m else None


def cn_number(number: str) -> int | None:
    """The value of a Chinese numeral of one to ninety-nine (十一 → 11), None when it is not one."""
    if not number or any(c not in _CN and c != "十" for c in number):
        return None
    if "十" not in number:
        return _CN[number] if len(number) == 1 else None
    tens, _, units = number.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    return (_CN[tens] if tens else 1) * 10 + (_CN[units] if units else 0)


def named_part(title: str) -> str | None:
    """The part a heading names by its words, tried review, plan, targets, other; None when none."""
    folded = fold(title)
    for part, words in lexicon.part_terms().parts.items():
        if any(w in folded for w in words):
            return part
    return None


def part_words(title: str) -> set[str]:
    """The words of any part that a heading holds (政府治理, 工作回顾 …)."""
    folded = fold(title)
    return {w for words in lexicon.part_terms().parts.values() for w in words if w in folded}


def _names_year_work(title: str) -> bool:
    folded = fold(title)
    return bool(_YEAR.search(folded)) and any(w in folded for w in lexicon.part_terms().year_work)


def ends_in_part_words(title: str) -> bool:
    """Whether a heading ends in the words of a part (…工作回顾, …政府自身建设, …工作安排建议)."""
    terms = lexicon.part_terms()
    ends = (*[w for words in terms.parts.values() for w in words], *terms.year_work)
    folded = fold(title).rstrip('”"）)')
    return folded.endswith(ends) or _PROPOSAL.sub("", folded).endswith(ends)


def reads_as_part_heading(line: str) -> bool:
    """Whether an unnumbered line standing alone reads as the heading of a report's part.

    It is short and no sentence, and it either names a time and ends in the words of a review, plan
    or targets part (2024年工作回顾, 今后五年的主要任务, 首先报告2001年的工作), or names a part that is
    neither (加强政府自身建设, 结束语).  A line naming no time (实施银龄人才计划) is a line of the body.
    """
    folded = fold(line)
    if not 3 <= len(folded) <= 32 or _NOT_HEADING.search(folded):
        return False
    if any(w in folded for w in lexicon.part_terms().parts["other"]):
        return True
    return bool(_TIME.search(folded)) and ends_in_part_words(folded)


def reads_as_appendix(line: str) -> bool:
    """Whether an unnumbered line opens an appendix: 附件, 名词解释, 2025年10件惠民实事."""
    folded = fold(line)
    if len(folded) > 32 or _NOT_HEADING.search(folded.rstrip("：:")):
        return False
    terms = lexicon.part_terms()
    return folded.startswith(terms.appendix) or folded.endswith(terms.appendix_lists)


@dataclass(frozen=True)
class Parts:
    """The sections with their parts, the part of the text before the first section, and the year
    the report is for as its own text says (its delivery line, else the years its parts name)."""

    sections: tuple[Section, ...]
    preamble: str
    report_year: int | None


def delivery_year(text: str) -> int | None:
    """The year of the line saying when and where a report was delivered (——2025年1月15日在…会议上)."""
    m = _DELIVERY.search(fold(text[:1500]))
    return int(m.group(1)) if m else None


def _opener(text: str, at: int, report_year: int | None) -> str | None:
    """review or plan when the body starting at ``at`` opens with words that look back or ahead, or
    with a year before or of the report's own (2024年是… in a 2025 report looks back)."""
    start = at
    while start < len(text) and text[start] in _SKIP:
        start += 1
    head = fold(text[start : start + 24])
    for part, words in lexicon.part_terms().openers.items():
        if head.startswith(words):
            return part
    if report_year and (m := _YEAR_OPENER.match(head)):
        return "review" if int(m.group(1)) < report_year else "plan"
    return None


def _part_of(section: Section, text: str, report_year: int | None, before: list[str | None]) -> str | None:
    """The part one section opens, given the parts of its siblings before it; None when nothing says."""
    if section.kind == "appendix":
        return "plan" if named_part(section.title) == "plan" else "other"
    if section.kind == "targets":
        return "targets"
    if part := named_part(section.title):
        return part
    if _names_year_work(section.title):
        year = heading_year(section.title)
        if report_year is not None and year is not None:
            return "review" if year < report_year else "plan"
        return "plan" if "review" in before else "review"
    if part := _opener(text, section.title_span[1], report_year):
        return part
    last = before[-1] if before else None
    if last in ("targets", "plan") or (last == "review" and section.kind in ("part", "task")):
        return "plan"
    return None


def _assign(
    siblings: list[Section], children: dict[str, list[Section]], text: str, year: int | None
) -> dict[str, str]:
    """Parts of a row of sibling sections; under a section that says nothing of its part (a title
    heading such as ``# 2025年政府工作报告`` over the whole report), the parts of its children."""
    parts: list[str | None] = []
    for s in siblings:
        parts.append(_part_of(s, text, year, parts))
    if "plan" not in parts:  # a 目标任务 part followed by no plan part holds the plan itself
        parts = [
            "plan" if p == "targets" and s.kind != "targets" and re.search("任务|工作", s.title) else p
            for s, p in zip(siblings, parts, strict=True)
        ]
    out: dict[str, str] = {}
    for s, p in zip(siblings, parts, strict=True):
        kids = children.get(s.id, [])
        if p is None and any(named_part(k.title) for k in kids):
            out.update(_assign(kids, children, text, year))
        out[s.id] = p or "other"
    return out


def assign_parts(sections: Sequence[Section], text: str, doc_year: int | None) -> Parts:
    """Every section with the part it stands in (its own, else its parent's); ``text`` is the
    original document text and ``doc_year`` the year the document's metadata gives, if any."""
    said = delivery_year(text)
    year = said or doc_year
    children: dict[str, list[Section]] = {}
    for s in sections:
        children.setdefault(s.parent or "", []).append(s)
    part_of = _assign(children.get("", []), children, text, year)
    out = []
    for s in sections:  # in document order: a parent comes before its children
        part = part_of.get(s.id) or part_of.get(s.parent or "", "other")
        part_of[s.id] = part
        out.append(replace(s, part=part))
    preamble = (_opener(text, 0, year) or "other") if sections else "other"
    return Parts(tuple(out), preamble, said or _heading_years(sections, part_of))


def _heading_years(sections: Sequence[Section], part_of: dict[str, str]) -> int | None:
    """The report's year from its parts' headings: a plan or targets year, else the reviewed year + 1."""
    opening = [s for s in sections if s.parent is None or part_of.get(s.parent) != part_of[s.id]]
    for part in ("plan", "targets"):
        for s in opening:
            if part_of[s.id] == part and (y := heading_year(s.title)):
                return y
    for s in opening:
        if part_of[s.id] == "review" and (y := heading_year(s.title)):
            return y + 1
    return None
