"""What a document is, read from its own text: title, kind, year, date, issuing region and 文号.

File names are no evidence, and real files carry much besides their title at the top (see
:mod:`.lines`).  :func:`read_identity` reads each fact where the genre states it: the title from the
first title lines (or a 文件名称 row), the kind from the title's last words or the opening
(:mod:`.kinds`), the date from the delivery, adoption or publication line, the issuer from the
title, delivery, speaker and opening frames (:mod:`.places`), and the year by the kind's own rule
(:mod:`.years`).  A report that names itself only 政府工作报告, or a resolution that opens with its
text, gets a title composed from what it is: ``2025年国务院政府工作报告``,
``第十四届全国人民代表大会第三次会议关于政府工作报告的决议``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from policykg.loaders.text.identity.issuer import issuer_of, region_of
from policykg.loaders.text.identity.kinds import KINDS, kind_from_opening, kind_from_title, title_core
from policykg.loaders.text.identity.lines import DOC_NUMBER, Line, clean, head_lines
from policykg.loaders.text.identity.titles import compose_title, title_of
from policykg.loaders.text.identity.years import arabic_years, first_date, plan_span, report_year

__all__ = ["KINDS", "Identity", "read_identity", "region_of"]

_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_PLAN_NAME = re.compile(r"(十[一二三四五]?五|[一二三四五六七八九]五)|第(十?[一二三四五六七八九]?)个五年")
# how far a report's reviews and plans are read for its year: its first part and the start of the next
_OPENING_CHARS = 20000
_FURNITURE = {"chrome", "field", "masthead", "caption", "fragment"}


@dataclass(frozen=True)
class Identity:
    """The facts that say what a document is; any may be unknown (None) but title and kind."""

    title: str
    kind: str
    year: int | None = None
    date: str | None = None
    issuer: str | None = None
    doc_number: str | None = None

    def as_metadata(self) -> dict[str, Any]:
        """The facts as a metadata mapping, unknown ones left out."""
        fields = {
            "title": self.title,
            "kind": self.kind,
            "year": self.year,
            "date": self.date,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
        }
        return {k: v for k, v in fields.items() if v is not None}


def _date(lines: list[Line]) -> tuple[str | None, bool]:
    """The document's date, and whether it is the day it was delivered or adopted.

    Delivery or adoption date first; then a publication date (a date row, else a date in any row),
    a line that is a date (a signature, a dateline) or a masthead's date.  A publication date may be
    much later than the text (archives republish old reports), so the year of a report does not
    follow it.
    """
    passes = (
        lambda line: line.role in ("delivery", "adopted"),
        lambda line: line.role == "field" and line.field == "date",
        lambda line: line.role == "field",
        lambda line: line.role in ("date", "masthead"),
    )
    for n, wanted in enumerate(passes):
        for line in lines:
            # the line as written: normalising joins 2026-01-28 10:30 into one number
            if wanted(line) and (found := first_date(line.raw)):
                return found, n == 0
    return None, False


def _doc_number(lines: list[Line], opening: str) -> str | None:
    """The 文号 on a line of its own or in a number field, else the first one near the top."""
    for line in lines:
        if line.role == "docno" or (line.role == "field" and line.field == "number" and line.value):
            return re.sub(r"\s+", "", line.value or line.text)
    m = DOC_NUMBER.search(opening[:1500])
    return re.sub(r"\s+", "", m.group(0)) if m else None


def _title_years(title: str) -> list[int]:
    """The years a title names, in order, leaving out its trailing notes (（2025年更新）)."""
    return [int(y) for y in _TITLE_YEAR.findall(arabic_years(title_core(title)))]


def _year(
    kind: str, title: str, date: tuple[str | None, bool], doc_number: str | None, opening: str
) -> int | None:
    """The year the document is issued for, by the rule of its kind."""
    title_years = _title_years(title)
    date_year = int(date[0][:4]) if date[0] else None
    number_year = int(m.group(0)) if doc_number and (m := re.search(r"\d{4}", doc_number)) else None
    if kind in ("government_work_report", "resolution"):  # the year delivered or adopted
        delivered = date_year if date[1] else None
        first = title_years[0] if title_years and kind == "government_work_report" else None
        return first or delivered or report_year(opening) or date_year
    if kind in ("news", "report_digest"):
        return date_year or (max(title_years) if title_years else None) or report_year(opening)
    if kind == "statistical_bulletin":  # the year whose figures it reports
        return title_years[0] if title_years else (date_year - 1 if date_year else None)
    if kind in ("annual_plan", "task_division_plan"):  # 2025年执行情况与2026年计划草案 → 2026
        return max(title_years) if title_years else (number_year or date_year)
    if kind == "five_year_plan":
        m = _PLAN_NAME.search(title)
        span = plan_span(m.group(1) or f"{m.group(2)}五") if m else None
        return span[0] if span else (min(title_years) if title_years else date_year)
    return number_year or date_year or (max(title_years) if title_years else None)


def _kind(title: str, opening: str) -> str:
    """The kind the title names, else the one the opening shows; a headline over 本报讯 is news."""
    named = kind_from_title(title) if title else None
    shown = kind_from_opening(opening)
    if named == "policy" and shown == "news":  # 我区出台…若干措施 over 本报讯: a report on a policy
        return "news"
    return named or shown or ("news" if title else "policy")


def read_identity(text: str) -> Identity:
    """Title, kind, year, date, issuer and 文号 of a document, as far as its text tells them."""
    text = text.removeprefix("\ufeff")
    lines = head_lines(text)
    # the text as it is read for kind, year and issuer: without the page's furniture (a caption's
    # 新华社记者 is no news mark of the text, a masthead's date no year of the report)
    furniture = {line.index for line in lines if line.role in _FURNITURE}
    kept = (clean(line) for i, line in enumerate(text[:_OPENING_CHARS].splitlines()) if i not in furniture)
    opening = arabic_years("\n".join(line for line in kept if line))
    title = title_of(lines)
    kind = _kind(title, opening)
    date = _date(lines)
    doc_number = _doc_number(lines, opening)
    year = _year(kind, title, date, doc_number, opening)
    issuer = issuer_of(lines, title, opening)
    title = compose_title(kind, title, year, issuer, opening) or title
    if not title:
        title = next((line.raw[:60] for line in lines if line.role in ("title", "body")), "")
    return Identity(title, kind, year, date[0], issuer, doc_number)
