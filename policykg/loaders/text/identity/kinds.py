"""The kind of a document, from the words its title ends with, else from how its text opens.

Titles of the genre end in the name of their kind (…政府工作报告, …统计公报, …的决议, …的通知), so
the title decides first; the kinds are tried in the order of ``kind_words`` in
``document_terms.json``, the more specific first (a digest of the report before the report, a
task-division plan before the notice that issues it).  A text without a title tells its kind by its
opening: a congress that 听取和审议了 a report passes a resolution; a speech to 各位代表 on behalf of
the government is its work report (the old national reports on the plan or the budget were given in
the report's place); 本报讯 opens news.
"""

from __future__ import annotations

import re

from policykg.loaders import lexicon

__all__ = ["KINDS", "kind_from_opening", "kind_from_title", "title_core"]

KINDS = (
    "government_work_report",
    "annual_plan",
    "five_year_plan",
    "statistical_bulletin",
    "report_digest",
    "news",
    "task_division_plan",
    "resolution",
    "policy",
)
# what may follow a title's kind word: （摘要） （试行） （2025年更新） 全文 and footnote marks [1]
_NOTE = re.compile(r"(?:[（(][^（）()]{1,12}[）)]|\[\d{1,2}\]|全文|\s)+$")
_RESOLUTION = re.compile(r"人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次会议[^。]{0,6}听取")
# the government addressing the congress: 我代表国务院 / 受国务院的委托 / 国务院向第一届…会议提出 / 向大会作
_GOVERNMENT_SPEAKS = re.compile(
    r"(?:代表|受)[^。，]{0,12}(?:国务院|人民政府|政府)|向大会(?:作|报告)|(?:国务院|人民政府)向[^。]{0,30}会议"
)
_CONTAINED = {"task_division_plan", "report_digest", "annual_plan", "five_year_plan"}


def title_core(title: str) -> str:
    """A title without the notes that may follow its kind word (（摘要）, （2025年更新）, [1])."""
    return _NOTE.sub("", title)


def kind_from_title(title: str) -> str | None:
    """The kind a title names, or None when it names none (a news headline)."""
    words = lexicon.document_terms().kind_words
    core = title_core(title)
    for kind, found in words.items():
        if kind == "report_digest":
            hit = "报告" in core and any(w in core for w in found)
        elif kind in _CONTAINED:
            hit = any(w in core for w in found)
        else:
            hit = core.endswith(found)
        if hit:
            return kind
    return None


def kind_from_opening(opening: str) -> str | None:
    """The kind an untitled text shows in its first paragraphs (cleaned, years in Arabic digits)."""
    head = opening[:1500]
    if _RESOLUTION.search(head) or ("关于政府工作报告的决议" in head):
        return "resolution"
    speech = re.search(r"各位代表|各位委员", head[:200])
    if speech and _GOVERNMENT_SPEAKS.search(head[speech.end() : speech.end() + 400]):
        sentence = head[speech.end() : speech.end() + 400].split("。")[0]
        if "计划执行情况" in sentence:
            return "annual_plan"
        if "预算执行情况" in sentence:
            return "policy"
        return "government_work_report"
    if any(mark in head[:600] for mark in lexicon.document_terms().news_marks):
        return "news"
    if re.search(r"政府工作报告|在报告中|总理说", head):
        return "government_work_report"
    return None
