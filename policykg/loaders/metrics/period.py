"""Kind and period of a figure (target or actual, which years) from its document, section and sentence.

The part of the report a figure stands in decides its kind: the review gives results (actuals), the
targets and the plan give targets (:mod:`~policykg.loaders.structure.parts`).  The heading that opens
the part, or a heading inside it of the same kind, gives the years: 2024年工作回顾 → 2024, “十四五”
时期发展成就 → 2021-2025 for cumulative and average figures and 2025 for levels reached, 2025年和
“十四五”工作回顾 → 2025 unless the figure is cumulative.  A part of no kind (政府自身建设, text before
the first heading) reads the headings around the figure, else the document's kind.  The report's
years come from its metadata, else from its own text (its delivery line and part headings).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders import lexicon
from policykg.loaders.metrics.quantities import CLAUSE_END, Mention, clause_start, inside_name
from policykg.loaders.records import Document, Section
from policykg.loaders.structure.parts import heading_year
from policykg.loaders.structure.sections import DocumentStructure
from policykg.loaders.text.numbers import unit_family

__all__ = ["Context", "Frame", "period_of", "statement_context"]

_PART_KIND = {"review": "actual", "targets": "target", "plan": "target"}
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?:\s*[—–\-－~～至到]\s*(20\d{2}))?年(?!\d)")
_BASE_YEAR = re.compile(r"(?:较|比|同)(20\d{2}|19\d{2})年(?:末|底)?")
_FYP = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_FYP_RE = re.compile(r"[“\"]?(十[一二三四五]五)[”\"]?(以来|期间|时期|前(\d)年|末|初)?")
# a five-year plan named as a document or a milestone (实施“十四五”规划的关键之年, “十四五”的收官之年),
# not as the span a figure covers
_FYP_PASSING = re.compile(r"(?:规划|计划|纲要)(?!实施以来|以来|期间)|的")
_FIVE_YEARS = re.compile(r"这五年|这5年|五年来|5年来|过去五年|过去5年")
_CUMULATIVE = re.compile(r"累计|年均|平均每年|以来|期间|五年来|5年来|这五年|先后|共计|总计|合计")
_LEVEL_CUE = re.compile(
    r"达到|达|突破|超过|超|提高到|提升到|缩小至|缩小到|升至|降至|增至|跃升至|保持在|稳定在|维持在|进入|全覆盖|总装机"
)
_LEVEL_NAMES = (
    "规模",
    "总量",
    "率",
    "比例",
    "比重",
    "占比",
    "装机",
    "水平",
    "浓度",
    "系数",
    "标准",
    "能力",
    "产量",
)
_ESTIMATE = re.compile(r"预计|初步统计|初步核算|有望")
_NOW = re.compile(r"现在|目前|当前|至今")


@dataclass(frozen=True)
class Frame:
    """What a document says about time and purpose before any sentence is read."""

    doc: Document
    structure: DocumentStructure
    plan_year: int | None
    review_year: int | None
    achievements: tuple[int, int] | None  # the span a news item or digest looks back on

    @classmethod
    def of(cls, doc: Document, structure: DocumentStructure) -> Frame:
        """The frame of a document: plan year, reviewed year and reviewed span from its metadata."""
        covers = dict(doc.covers)
        plan = _year_in(covers.get("plan")) or structure.report_year or doc.year
        review = _year_in(covers.get("review")) or (plan - 1 if plan else None)
        span = _span_in(covers.get("achievements"))
        if span is None and doc.kind in ("news", "report_digest"):
            head = doc.title + doc.text[:400]
            if m := _FYP_RE.search(head):
                start = _FYP[m.group(1)]
                span = (start, start + 4)
        return cls(doc, structure, plan, review, span)


@dataclass
class Context:
    """Kind and reference years of the stretch of text a statement sits in."""

    kind: str
    year: int | None
    span: tuple[int, int] | None = None
    section: Section | None = None
    cued_only: bool = False  # the span holds only for figures that say they are cumulative or average


def _year_in(text: str | None) -> int | None:
    m = re.search(r"(?<!\d)(\d{4})(?!\d)", text or "")
    return int(m.group(1)) if m else None


def _span_in(text: str | None) -> tuple[int, int] | None:
    m = re.search(r"(\d{4})\s*[-—–]\s*(\d{4})", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def statement_context(
    frame: Frame, offset: int, before: str, *, change: bool = False
) -> tuple[Context, bool]:
    """Context of a figure at original ``offset`` with the sentence's words ``before`` it, and whether
    it is an estimate: 预计/初步统计 mark an estimate that is still an actual.  In the plan, a level
    whose own clause names the year before and sets nothing (在去年布局5个点位基础上) is an actual."""
    ctx = _section_context(frame, offset)
    if ctx.kind == "target" and not change and (past := _past_fact(frame, before)):
        ctx.kind, ctx.year, ctx.span = "actual", past, None
    estimate = bool(_ESTIMATE.search(before))
    if estimate:
        ctx.kind = "actual"
        if ctx.span is None:
            in_review = ctx.section is not None and _title_kind(ctx.section) == "actual"
            this_year = not in_review and "今年" in before[-12:]  # 预计今年…: the plan year, as forecast
            ctx.year = ctx.year if in_review else frame.plan_year if this_year else frame.review_year
    return ctx, estimate


def _past_fact(frame: Frame, before: str) -> int | None:
    """The year before the plan's when the figure's own clause names it and sets no target."""
    clause = before[max(before.rfind(c) for c in CLAUSE_END) + 1 :]
    terms = lexicon.part_terms()
    if not frame.plan_year or any(w in clause for w in terms.target_words):
        return None
    return frame.plan_year - 1 if any(w in clause for w in terms.past_words) else None


def _title_kind(section: Section) -> str | None:
    """actual for a heading with the words of a review, target for those of a plan or its targets."""
    if section.kind == "targets":
        return "target"
    parts = lexicon.part_terms().parts
    if any(w in section.title for w in parts["review"]):
        return "actual"
    if any(w in section.title for w in (*parts["plan"], *parts["targets"])):
        return "target"
    return None


def _section_context(frame: Frame, offset: int) -> Context:
    """Target or actual from the part of the report the figure stands in, with the years of the
    nearest heading of that kind (回顾/成就 vs 工作安排/预期目标); in a part of no kind, from the
    nearest heading that says, else from the document kind."""
    section = frame.structure.section_at(offset)
    default_kind = "actual" if frame.doc.kind == "news" else "target"
    ctx = Context(
        default_kind, frame.plan_year if default_kind == "target" else frame.review_year, None, section
    )
    if frame.doc.kind == "news" and frame.achievements:
        ctx.span, ctx.year = frame.achievements, frame.achievements[1]
    chain = _ancestors(frame, section)
    part = (section.part or "other") if section else frame.structure.preamble_part
    want = _PART_KIND.get(part)
    for s in chain:
        kind = _title_kind(s)
        if kind is None or (want and kind != want):
            continue
        _heading_years(ctx, kind, s.title, frame)
        return ctx
    if want:  # the heading that opens the part, or the text before the first heading (过去一年，…)
        opening = [s for s in chain if s.part == part]
        _heading_years(ctx, want, opening[-1].title if opening else "", frame)
    return ctx


def _heading_years(ctx: Context, kind: str, title: str, frame: Frame) -> None:
    """Kind and years of a part from its heading: the year it names, the span of a plan period or of
    the five years it reviews; a heading naming a year and a span (2025年和“十四五”工作回顾) gives the
    year, and the span only to figures that say they are cumulative."""
    ctx.kind = kind
    if kind == "target":
        ctx.year = heading_year(title) or frame.plan_year
        return
    named = heading_year(title)
    ctx.year = named or (ctx.span[1] if ctx.span else frame.review_year)  # a news item's span stays
    if span := _title_span(title, frame):
        ctx.span, ctx.year = span, named if named and span[0] <= named <= span[1] else span[1]
        ctx.cued_only = bool(named)


def _ancestors(frame: Frame, section: Section | None) -> list[Section]:
    by_id = {s.id: s for s in frame.structure.sections}
    chain = []
    while section is not None:
        chain.append(section)
        section = by_id.get(section.parent) if section.parent else None
    return chain


def _title_span(title: str, frame: Frame) -> tuple[int, int] | None:
    if m := _FYP_RE.search(title):
        start = _FYP[m.group(1)]
        return start, start + 4
    if _FIVE_YEARS.search(title):
        end = frame.achievements[1] if frame.achievements else frame.review_year
        return (end - 4, end) if end else None
    return None


def period_of(text: str, sentence: tuple[int, int], m: Mention, ctx: Context, frame: Frame) -> str:
    """The period of a statement: a named year, a base year, a span, or the context's year.

    A year named before the figure wins; a base year (较2020年) gives ``2020-END``; cumulative and
    average figures (累计, 年均, 十四五以来) take the span (``2021-2025``); otherwise the plan year
    for a target and the reviewed year for an actual, and a level reached in a multi-year review
    takes the span's last year.
    """
    a, _ = sentence
    before = text[a : m.q.start]
    clause = text[clause_start(text, a, m.q.start) : m.q.start]
    ref = ctx.year
    span = ctx.span
    local = text[max(a, a if m.local_start is None else m.local_start) : m.q.start]
    if _NOW.search(local) and span:
        return str(span[1])
    if (f := _FYP_RE.search(local)) and f.group(2) == "末":
        return str(_FYP[f.group(1)] + 4)
    scoped = True  # the sentence says which span the figure covers
    if fyp := [f for f in _FYP_RE.finditer(before) if f.group(2) != "末" and _scopes(before, f)]:
        f = fyp[-1]
        start = _FYP[f.group(1)]
        span = (start, start + int(f.group(3)) - 1) if f.group(3) else (start, start + 4)
        if ctx.kind == "actual" and frame.review_year and span[1] > frame.review_year + 1:
            span = (span[0], max(frame.review_year, span[0]))
    elif _FIVE_YEARS.search(before) and ref:
        span = (ref - 4, ref)
    else:
        scoped = False
    end = span[1] if span else ref
    if base := list(_BASE_YEAR.finditer(clause)):
        return f"{base[-1].group(1)}-{end}" if end else base[-1].group(1)
    years = [y for y in _YEAR.finditer(before) if not inside_name(before, y.start(), y.end())]
    for y in reversed(years):
        y1, y2 = int(y.group(1)), int(y.group(2)) if y.group(2) else None
        if ctx.kind == "target" and ref and (y2 or y1) < ref:
            continue
        if ctx.kind == "actual" and end and y1 > end:
            continue
        if re.match(r"(?:以来|起)", before[y.end() : y.end() + 2]):
            return f"{y1}-{end}" if end else str(y1)
        return f"{y1}-{y2}" if y2 else str(y1)
    if span and ctx.cued_only and not scoped:  # 2025年和“十四五”工作回顾: the year unless cumulative
        return f"{span[0]}-{span[1]}" if _CUMULATIVE.search(local) else str(ref)
    if span:
        return f"{span[0]}-{span[1]}" if _whole_span(local, before, m) else str(span[1])
    return str(ref) if ref else ""


def _scopes(before: str, f: re.Match[str]) -> bool:
    """Whether a five-year plan named before a figure is the span the figure covers (“十四五”以来,
    “十四五”期间, “十四五”累计), not a passing mention of the plan (实施“十四五”规划的关键之年)."""
    return bool(f.group(2)) or not _FYP_PASSING.match(before, f.end())


def _whole_span(local: str, before: str, m: Mention) -> bool:
    """In a multi-year review: a cumulative, average or whole-span figure, rather than a level reached."""
    if _CUMULATIVE.search(local):
        return True
    if _LEVEL_CUE.search(local) or (m.indicator or "").endswith(_LEVEL_NAMES):
        return False
    if m.change or _CUMULATIVE.search(before):
        return True
    return unit_family(m.q.unit) != "ratio"
