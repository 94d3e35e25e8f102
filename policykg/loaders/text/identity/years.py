"""Dates, and the year a document is issued for, from what the genre writes about time.

A report delivered in early 2026 reviews 2025 and sets 2026's targets: its year is 2026.  Modern
files state it on their delivery line; old national reports often state only the session of the
National People's Congress they were delivered to (``向第一届全国人民代表大会第二次会议提出``), which
the table of sessions dates, or nothing but what they review (``一、１９９１年国内工作的回顾``,
``刚刚过去的１９８４年``) and what they plan (``1999年工作的总体要求``).  The readers here each take
one such statement; :func:`report_year` weighs them for a report that has no date.
"""

from __future__ import annotations

import re
from collections import Counter

from policykg.loaders import lexicon
from policykg.loaders.text.identity.lines import DATE

__all__ = [
    "arabic_years",
    "delivered_session",
    "iso_date",
    "ordinal",
    "plan_span",
    "report_year",
    "session_year",
]

_CN_DIGIT = dict(zip("〇○零Ｏ一二三四五六七八九", "0000123456789", strict=True))
_CN_YEAR = re.compile(r"[〇○零Ｏ一二三四五六七八九]{4}(?=年)")
_CN_DATE = re.compile(r"((?:19|20)\d{2})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_NUM = "[一二三四五六七八九十]+"
_NPC = rf"第?({_NUM})届全国人民代表大会(?:第({_NUM})次会议)?|({_NUM})届全国人大({_NUM})次会议"
# the session a document is delivered to or adopted at (not one it looks back on)
_DELIVERED = (
    re.compile(rf"(?:向|在|我们)(?:这次)?(?:{_NPC})(?!以来|期间|的决议|闭幕|到|第)"),
    re.compile(rf"^(?:{_NPC})(?:听取|审议|关于|批准|通过|举行|于)"),
    re.compile(rf"[（(]\d{{4}}年\d{{1,2}}月\d{{1,2}}日(?:{_NPC})通过[）)]"),
)
# looking back on a congress's first session or its whole term: the report is its successor's first
_TERM_BEHIND = re.compile(rf"第({_NUM})届全国人民代表大会(?:第一次会议(?:以来|，?到这次大会)|期间)")
_LAST_YEAR_SESSION = re.compile(rf"从去年.{{0,8}}第({_NUM})届全国人民代表大会第({_NUM})次会议")
_YEAR = r"((?:19|20)\d{2})年"
_OPENING_CHARS = 1500
# what a report reviews (the year before its own) and what it plans (its own year), with weights
_REVIEWS = (
    (re.compile(_YEAR + r"(?:国内)?(?:政府)?工作(?:的)?回顾"), 3),
    (re.compile(r"首先报告" + _YEAR), 3),
    (re.compile(r"刚刚过去的" + _YEAR), 3),
    (re.compile(r"(?:过去一年|去年|一年来)工作回顾\D{0,60}?" + _YEAR), 2),
    (re.compile(_YEAR + r"是[^。]{2,60}?的一年"), 1),
)
_PLANS = (
    (
        re.compile(
            _YEAR
            + r"(?:工作|经济社会发展|国民经济和社会发展|政府工作)的?"
            + r"(?:总体要求|主要任务|总体部署|主要预期目标|基本方针)"
        ),
        3,
    ),
    (re.compile(_YEAR + r"(?:工作安排|重点工作|工作任务|的?主要任务)"), 2),
    (re.compile(_YEAR + r"预计|预计" + _YEAR), 1),
)
_PLAN_REVIEW = re.compile(r"[“\"]?(十[一二三四五]?五|[一二三四五六七八九]五)[”\"]?时期[^。\n]{0,20}回顾")


def iso_date(year: str, month: str, day: str) -> str | None:
    """``2025-01-14`` from its parts, or None when they are no calendar date."""
    y, m, d = int(year), int(month), int(day)
    return f"{y:04d}-{m:02d}-{d:02d}" if 1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31 else None


def first_date(text: str) -> str | None:
    """The first calendar date written in a text, as ISO (二〇二五年一月十四日 too)."""
    for m in DATE.finditer(text):
        if found := iso_date(*m.groups()):
            return found
    if cn := _CN_DATE.search(arabic_years(text)):
        month, day = ordinal(cn.group(2)), ordinal(cn.group(3))
        return iso_date(cn.group(1), str(month), str(day)) if month and day else None
    return None


def arabic_years(text: str) -> str:
    """Years written in Chinese digits (一九五八年) in Arabic ones, character for character."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGIT[c] for c in m.group(0)), text)


def ordinal(numeral: str) -> int | None:
    """一 → 1, 十四 → 14, 二十 → 20 (the ordinals of congresses and sessions)."""
    digits = "一二三四五六七八九"
    if not numeral or any(c not in digits + "十" for c in numeral):
        return None
    if "十" not in numeral:
        return digits.index(numeral) + 1 if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    value = (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(units) + 1 if units else 0)
    return value if len(tens) <= 1 and len(units) <= 1 else None


def session_year(term: int, session: int | None) -> int | None:
    """The year a session of the National People's Congress met (its first session when unnumbered)."""
    years = lexicon.document_terms().npc_sessions.get(term, ())
    index = (session or 1) - 1
    return years[index] if 0 <= index < len(years) else None


def _term_session(m: re.Match[str]) -> tuple[int, int | None] | None:
    """(congress, session) from a match of the session pattern, full or abbreviated."""
    term = ordinal(m.group(1) or m.group(3) or "")
    session_text = m.group(2) or m.group(4)
    session = ordinal(session_text) if session_text else None
    return (term, session) if term else None


def delivered_session(text: str) -> tuple[int, int | None] | None:
    """The national session a text is delivered to or adopted at, as (congress, session).

    Only the opening counts: further on, a report recalls earlier sessions in the same words
    (``在第三届全国人民代表大会上的政府工作报告中``).
    """
    for line in text[:_OPENING_CHARS].splitlines():
        for pattern in _DELIVERED:
            if m := pattern.search(line):
                return _term_session(m)
    return None


def plan_span(name: str) -> tuple[int, int] | None:
    """The years of a five-year plan by its short name (十四五 → 2021, 2025)."""
    return lexicon.document_terms().five_year_plans.get(name)


def _looking_back(text: str) -> int | None:
    """The year implied by what a report says of earlier sessions: a new congress, or a year later."""
    if m := _TERM_BEHIND.search(text):
        term = ordinal(m.group(1))
        if term:
            return session_year(term + 1, 1)
    if m := _LAST_YEAR_SESSION.search(text):
        term, session = ordinal(m.group(1)), ordinal(m.group(2))
        if term and session and (year := session_year(term, session)):
            return year + 1
    return None


def report_year(text: str) -> int | None:
    """The year of a government work report that names no date: its session, else its reviews and plans.

    ``text`` is the cleaned head of the report (years in Arabic digits).  Each review of year Y
    votes for Y + 1 and each plan for Y, by weight; failing any, the year the report mentions most
    is taken as the year it reviews.
    """
    found = delivered_session(text)
    if year := (session_year(*found) if found else None) or _looking_back(text):
        return year
    votes: Counter[int] = Counter()
    for pattern, weight in _REVIEWS:
        for m in pattern.finditer(text):
            votes[int(m.group(m.lastindex or 1)) + 1] += weight
    for pattern, weight in _PLANS:
        for m in pattern.finditer(text):
            votes[int(next(g for g in m.groups() if g))] += weight
    for m in _PLAN_REVIEW.finditer(text):
        if span := plan_span(m.group(1)):
            votes[span[1] + 1] += 3
    if votes:
        return max(votes, key=lambda y: (votes[y], y))
    mentioned = Counter(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})年", text))
    return mentioned.most_common(1)[0][0] + 1 if mentioned else None
