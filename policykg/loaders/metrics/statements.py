"""Metric statements: every number that states the level, change, count, total or share of something.

Plans and reports carry their commitments and results as figures inside running prose:
``地区生产总值增长5%左右``, ``育肥牛、育肥羊出栏数分别达到180万头和4000万只以上``,
``全区接待游客2.73亿人次、实现收入4140亿元，增长18.6%和23.4%``.  To make those figures
comparable in a graph, each one becomes a :class:`MetricStatement` that says what is measured (a
canonical indicator, see :mod:`policykg.loaders.metrics.indicators`), the value and unit as written, how
the value bounds the quantity (左右/以上/以下), whether it is a target or a result, for which
period, and whether it is a level or a change.

The reading follows the genre's conventions (``CONTRACT.md``, "What the gold counts"):

* quantities are found by :mod:`policykg.loaders.text.numbers`; numbers in names, document numbers,
  titles, short quoted names, ordinals (第3位) and comparisons with another region's figure are
  not statements;
* values joined by 、/和 form a chain: a trailing 以上 bounds every value of the chain, a subject
  naming several things (育肥牛、育肥羊出栏数; 粮肉奶产量) is shared out among them;
* target or actual comes from the section (回顾/成就 vs 工作安排/预期目标) and the document kind,
  预计/初步统计 marking an estimate that is still an actual;
* the period is a year named before the figure, a base year (较2020年 → ``2020-END``), a span for
  cumulative and average figures (累计, 年均, 十四五以来 → ``2021-2025``), else the plan year for a
  target and the reviewed year for an actual; a level reached in a multi-year review takes the
  span's last year.

Matching runs on the normalised text; every span is mapped back, so evidence is quoted exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykg.loaders.metrics.indicators import (
    canonical_level,
    clean_surface,
    ends_with_action,
    indicator_name,
    is_bare_measure,
    strip_action,
    topic_of,
    with_topic,
)
from policykg.loaders.records import Document, MetricStatement, Section
from policykg.loaders.structure.sections import DocumentStructure, section_at
from policykg.loaders.text.normalise import NormalisedText
from policykg.loaders.text.numbers import Quantity, find_quantities, normalised_value, unit_family

__all__ = ["parse_metrics", "read_comparator", "split_sentences"]

_SENTENCE_END = re.compile(r"[。！？；;!?\n]")
_CLAUSE_END = "，,；;：:。！？!?\n"
_CHAIN_JOINERS = frozenset({"、", "和", "及", "与", "或", "、和"})

_PREFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不低于", "at_least"),
    ("不少于", "at_least"),
    ("超过", "at_least"),
    ("突破", "at_least"),
    ("跨过", "at_least"),
    ("跨越", "at_least"),
    ("迈上", "at_least"),
    ("迈过", "at_least"),
    ("多于", "at_least"),
    ("大于", "at_least"),
    ("逾", "at_least"),
    ("超", "at_least"),
    ("不高于", "at_most"),
    ("不超过", "at_most"),
    ("不足", "at_most"),
    ("低于", "at_most"),
    ("少于", "at_most"),
    ("小于", "at_most"),
    ("大约", "about"),
    ("接近", "about"),
    ("将近", "about"),
    ("约", "about"),
    ("近", "about"),
)
_SUFFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("以上", "at_least"),
    ("之上", "at_least"),
    ("以下", "at_most"),
    ("以内", "at_most"),
    ("之内", "at_most"),
    ("左右", "about"),
    ("上下", "about"),
)

_REVIEW_TITLE = re.compile(r"回顾|过去一年|过去五年|这五年|五年来|成就|执行情况|完成情况|进展情况|答卷")
_PLAN_TITLE = re.compile(
    r"工作安排|重点工作|预期目标|主要目标|任务目标|工作任务|目标任务|主要任务|总体要求|计划"
)
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?:\s*[—–\-－~～至到]\s*(20\d{2}))?年(?!\d)")
_BASE_YEAR = re.compile(r"(?:较|比|同)(20\d{2}|19\d{2})年(?:末|底)?")
_FYP = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_FYP_RE = re.compile(r"[“\"]?(十[一二三四五]五)[”\"]?(以来|期间|时期|前(\d)年|末|初)?")
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
_CAPACITY = re.compile(r"(?:年产|日产|年处理|年加工|年吞吐|年设计|设计产能|产能)$")
_ESTIMATE = re.compile(r"预计|初步统计|初步核算|有望")
_CHANGE_UP = re.compile(r"(?:增长了?|增加了?|提高了?|提升了?|上升了?|增幅|增速|涨幅|回升|多增|扩大)$")
_CHANGE_DOWN = re.compile(r"(?:下降了?|降低了?|减少了?|压降|压减|缩减|降幅|减排|削减)$")
_TO_LEVEL = re.compile(r"(?:到|至|在|为)$")
_OTHER_REGION = re.compile(
    r"(?:高于|低于|快于|慢于|比|超过|超出|领先)(?:全国|全区|全球|西部|东部|行业)[^，。；]{0,8}$"
)
_OBJECT_STOP = re.compile(r"[，,。；;、：:（(]|以上|以下|左右|以内|增长|下降|提高|达到|不足|超过|突破|$")
_UNITLESS_CUE = re.compile(
    r"(?:达到|达|提高到|提升到|提高至|降到|降至|缩小至|缩小到|稳定在|保持在|为|至|是)$"
)
_SHARE = re.compile(r"占(?:全国|全区|全世界|全球)[^，。；、0-9]{0,8}$")
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ('"', '"'))


@dataclass
class _Frame:
    """What a document says about time and purpose before any sentence is read."""

    doc: Document
    sections: tuple[Section, ...]
    plan_year: int | None
    review_year: int | None
    achievements: tuple[int, int] | None

    @classmethod
    def of(cls, doc: Document, structure: DocumentStructure) -> _Frame:
        covers = dict(doc.covers)
        plan = _year_in(covers.get("plan")) or doc.year
        review = _year_in(covers.get("review")) or (plan - 1 if plan else None)
        span = _span_in(covers.get("achievements"))
        if span is None and doc.kind in ("news", "report_digest"):
            head = doc.title + doc.text[:400]
            if m := _FYP_RE.search(head):
                start = _FYP[m.group(1)]
                span = (start, start + 4)
        return cls(doc, structure.sections, plan, review, span)


@dataclass
class _Context:
    """Kind and reference years of the stretch of text a statement sits in."""

    kind: str
    year: int | None
    span: tuple[int, int] | None = None
    section: Section | None = None


@dataclass
class _Mention:
    """A quantity being read: its place in the normalised text and what the reading found so far."""

    q: Quantity
    start: int  # comparator words included
    end: int
    comparator: str = "exact"
    own_comparator: bool = False
    chain: int = 0
    level: str = ""
    indicator: str = ""
    surface: str = ""
    change: str | None = None
    object_end: int = -1
    extras: dict = field(default_factory=dict)


def _year_in(text: str | None) -> int | None:
    m = re.search(r"(?<!\d)(\d{4})(?!\d)", text or "")
    return int(m.group(1)) if m else None


def _span_in(text: str | None) -> tuple[int, int] | None:
    m = re.search(r"(\d{4})\s*[-—–]\s*(\d{4})", text or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of a text: pieces ended by 。！？； or a line break."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def read_comparator(before: str, after: str, q: Quantity) -> tuple[str, int, int]:
    """Comparator of a quantity from the words around it: (comparator, chars used before, after)."""
    found, used_before, used_after = "exact", 0, 0
    b = before.rstrip()
    for word, comp in _PREFIX_COMPARATORS:
        if b.endswith(word):
            if word == "超" and b.endswith(("高超", "赶超")):
                continue
            found, used_before = comp, len(word) + (len(before) - len(b))
            break
    a = after.lstrip()
    lead = len(after) - len(a)
    for word, comp in _SUFFIX_COMPARATORS:
        if a.startswith(word):
            found, used_after = comp, lead + len(word)
            break
    if found == "exact" and (q.more or q.is_range):
        found = "at_least"
    if found == "exact" and a.startswith(("多", "余")) and not q.more:
        found, used_after = "at_least", lead + 1
    return found, used_before, used_after


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether a number sits inside a short quoted name (“奶33条”) or a title (《…2025…》)."""
    for left, right in _QUOTES:
        i = text.rfind(left, 0, start)
        if i < 0:
            continue
        if left != right and text.rfind(right, i + 1, start) >= 0:
            continue
        j = text.find(right, end)
        if j < 0:
            continue
        if left == "《" or (j - i) <= 12:
            return True
    return False


def _is_statement(text: str, q: Quantity, sent_start: int) -> bool:
    """Whether a quantity in a sentence is a metric statement rather than a name, ordinal or aside."""
    before = text[max(sent_start, q.start - 12) : q.start]
    if before.rstrip().endswith(("第", "前", "后")) or re.search(r"第\s*$", before):
        return False
    if _inside_name(text, q.start, q.end):
        return False
    if _CAPACITY.search(before) and re.match(r"[\u4e00-\u9fff]", text[q.end : q.end + 1]):
        return False  # 年产20万吨氧化铝生产线: the size of a named plant, not a measure
    if q.unit in ("个百分点", "百分点", "倍") and _OTHER_REGION.search(before):
        return False  # a comparison with another region's figure
    if q.unit == "倍" and re.search(r"(?:全国|全区)[^，。；]{0,8}的$", before):
        return False
    if q.unitless:
        return bool(_UNITLESS_CUE.search(before.rstrip())) and not re.match(
            r"[A-Za-z版代]", text[q.end : q.end + 1]
        )
    return True


def parse_metrics(doc: Document, structure: DocumentStructure) -> list[MetricStatement]:
    """Every metric statement of a document, sorted by span."""
    norm = structure.norm
    frame = _Frame.of(doc, structure)
    out: list[MetricStatement] = []
    paragraph_last: list[_Mention] = []
    for a, b in split_sentences(norm.text):
        mentions = _read_sentence(norm.text, a, b, paragraph_last)
        if norm.text[b : b + 1] == "\n":
            paragraph_last = []
        elif mentions:
            paragraph_last = mentions
        for m in mentions:
            out.append(_statement(doc, norm, frame, m, a, b))
    out.sort(key=lambda s: (s.span, s.value))
    return out


def _read_sentence(text: str, a: int, b: int, earlier: list[_Mention]) -> list[_Mention]:
    """Find, bound, chain and name the quantities of one sentence."""
    sentence = text[a:b]
    mentions: list[_Mention] = []
    for q0 in find_quantities(sentence):
        q = Quantity(**{**q0.__dict__, "start": q0.start + a, "end": q0.end + a})
        if not _is_statement(text, q, a):
            continue
        comp, used_b, used_a = read_comparator(
            text[max(a, q.start - 4) : q.start], text[q.end : min(b, q.end + 3)], q
        )
        mentions.append(_Mention(q, q.start - used_b, q.end + used_a, comp, comp != "exact"))
    _link_chains(text, mentions)
    for i in range(len(mentions)):
        _name(text, a, b, mentions, i, earlier)
    return mentions


def _link_chains(text: str, mentions: list[_Mention]) -> None:
    """Mark values joined by 、/和 as one chain; a trailing bound covers the values before it."""
    chain = 0
    for i, m in enumerate(mentions):
        prev = mentions[i - 1] if i else None
        if (
            prev is not None
            and text[prev.end : m.start].strip() in _CHAIN_JOINERS
            and unit_family(prev.q.unit) == unit_family(m.q.unit)
        ):
            m.chain = mentions[i - 1].chain
        else:
            chain += 1
            m.chain = chain
    by_chain: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_chain.setdefault(m.chain, []).append(m)
    for members in by_chain.values():
        last = members[-1]
        if len(members) > 1 and last.own_comparator:
            for m in members[:-1]:
                if not m.own_comparator:
                    m.comparator = last.comparator


def _clause_start(text: str, a: int, at: int) -> int:
    i = at
    while i > a and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def _object_after(text: str, m: _Mention, limit: int) -> tuple[str, int]:
    """The noun phrase a number counts when it comes first (新建90家绿色工厂 → 绿色工厂)."""
    rest = text[m.end : limit]
    stop = _OBJECT_STOP.search(rest)
    obj = rest[: stop.start()] if stop else rest
    if (
        not obj
        or (re.match(r"[的地得等]", obj) and len(obj) <= 1)
        or re.match(r"的[^，。；]{0,6}增长机制", rest)
    ):
        return "", m.end
    if re.match(
        r"(?:跃升|提高|提升|增|降|达|至|到|为|是|比|较|占|居|位|在|实现|完成|超|突破|分别|均|和|及|与|或)",
        obj,
    ):
        return "", m.end
    obj = re.sub(r"^(?:的|以上的|左右的)", "", obj)
    obj = re.split(r"支撑|带动|拉动|推动|助力|实现", obj)[0]
    obj = re.sub(r"(?:建设|项目建设|全部投产|投产|实现.*|发展.*|开工.*)$", "", obj) or obj
    return obj, m.end + len(rest[: stop.start()] if stop else rest)


def _name(text: str, a: int, b: int, mentions: list[_Mention], i: int, earlier: list[_Mention]) -> None:
    """Give a mention its indicator: from the words before it, the object after it, or the figures before."""
    m = mentions[i]
    prev = mentions[i - 1] if i else None
    members = [x for x in mentions if x.chain == m.chain]
    first = members[0]
    start = _clause_start(text, a, first.start)
    if prev is not None and prev.chain != m.chain:
        start = max(start, prev.object_end if prev.object_end > 0 else prev.end)
    raw = text[start : first.start]
    m.change = _change_direction(raw, m)
    if m.change is None and re.match(r"的[^，。；]{0,6}增长", text[m.end : m.end + 8]) and m.q.unit == "%":
        m.change = "up"  # 20%的刚性增长机制: a growth rate named after the figure
    limit = mentions[i + 1].start if i + 1 < len(mentions) else b
    obj, obj_end = _object_after(text, m, limit)
    m.extras["local_start"] = start
    of_phrase = bool(obj) and text[m.end : m.end + 1] == "的"
    if of_phrase and m.change is None and re.match(r"增长|增速", text[obj_end : obj_end + 2]):
        m.change = "up"  # 年均6.1%的GDP增长
    subject = clean_surface(raw)
    rate = re.search(r"(?:年均)?(?:增速|增幅|增长率|增长速度)$", subject)
    if rate and rate.start() > 0 and canonical_level(subject) is None and unit_family(m.q.unit) == "ratio":
        subject, m.change = subject[: rate.start()], m.change or "up"
    subject = re.sub(r"较\d{4}年|比\d{4}年", "", subject)
    share = bool(_SHARE.search(raw.rstrip()))
    if share:
        subject = ""
    core = strip_action(subject)
    level = ""
    if obj and (
        not core or of_phrase or ends_with_action(subject) or unit_family(m.q.unit) in ("count", "people")
    ):
        level = canonical_level(obj) or _trim(obj)
        m.object_end = obj_end
        m.surface = obj
    elif core or subject:
        parts = _share_out(subject, len(members))
        piece = parts[members.index(m)] if parts else subject
        bare = strip_action(piece)
        if is_bare_measure(bare) and (topic := _topic_before(mentions[:i], earlier)):
            level = with_topic(topic, bare)
        elif is_bare_measure(bare) and 1 < len(owner := _previous_clause_subject(text, a, start)) <= 12:
            level = with_topic(owner, bare)  # 发展林草产业，力争产值达到… → 林草产业产值
        elif bare:
            level = canonical_level(piece) or _trim(bare)
        m.surface = piece
    if not level:
        level = _inherit(mentions, i, members, earlier)
        m.surface = m.surface or level
    if not level:
        level = _previous_clause_subject(text, a, start)
        m.surface = m.surface or level
    m.level = level
    m.indicator = indicator_name(level, change=m.change, unit=m.q.unit, share=share)


def _trim(name: str) -> str:
    """A fallback name: the head of a long surface (after its last 的), at most 20 characters."""
    name = name.strip("，、：；（）() ")
    if "的" in name[:-1]:
        name = name[name.rindex("的") + 1 :]
    return name[-20:] if len(name) > 20 else name


def _share_out(subject: str, n: int) -> list[str] | None:
    """Split a subject naming several things for a chain of n values (育肥牛、育肥羊出栏数; 粮肉奶产量)."""
    if n < 2:
        return None
    parts = [p for p in re.split(r"[、和及与]", subject) if p]
    if len(parts) == n:
        tail = _shared_head(parts[-1], parts[0])
        return [p if p.endswith(tail) or not tail else p + tail for p in parts]
    m = re.match(rf"^([\u4e00-\u9fff]{{{n}}})(产量|总量|规模|面积)$", subject)
    if m:
        return [ch + m.group(2) for ch in m.group(1)]
    return None


def _shared_head(last: str, first: str) -> str:
    """The measure word the last item of a list carries for all of them (出栏数 of 育肥羊出栏数)."""
    for word in (
        "出栏数",
        "存栏数",
        "产量",
        "用水量",
        "面积",
        "规模",
        "比例",
        "比重",
        "率",
        "数量",
        "总额",
        "收入",
        "投资",
    ):
        if last.endswith(word) and not first.endswith(word):
            return word
    return ""


def _topic_before(mentions: list[_Mention], earlier: list[_Mention]) -> str | None:
    """The topic of the nearest figure before (新能源 of 新增新能源并网装机), if it has one."""
    before = [*earlier, *mentions]
    if not before:
        return None
    return topic_of(before[-1].level) or topic_of(before[-1].surface)


def _previous_clause_subject(text: str, a: int, start: int) -> str:
    """What the clause before names, for a figure whose clause only acts (加大科技投入，执行好20%…)."""
    end = start
    while end > a and text[end - 1] in _CLAUSE_END:
        end -= 1
    clause = text[_clause_start(text, a, end) : end]
    return canonical_level(clause) or _trim(strip_action(clean_surface(clause)))


def _inherit(mentions: list[_Mention], i: int, members: list[_Mention], earlier: list[_Mention]) -> str:
    """A mention with no words of its own measures what the figures before it measured."""
    before = [x for x in mentions[:i] if x.chain != mentions[i].chain]
    if not before:
        return ""
    k = members.index(mentions[i])
    if len(members) > 1 and len(before) >= len(members):
        return before[len(before) - len(members) + k].level
    return before[-1].level


def _change_direction(raw: str, m: _Mention) -> str | None:
    """'up' or 'down' when the words right before a figure state a change (增长5%, 下降3%), else None."""
    near = re.sub(
        r"(?:了|约|近|超过|超|突破|达到|分别|均|同口径|累计|年均|平均|较\d{4}年|比\d{4}年|较上年|同比)+$",
        "",
        raw.rstrip(),
    )
    if _TO_LEVEL.search(near):
        return None
    if _CHANGE_UP.search(near):
        return "up"
    if _CHANGE_DOWN.search(near):
        return "down"
    return None


# --- kind and period -------------------------------------------------------------------------


def _ancestors(frame: _Frame, section: Section | None) -> list[Section]:
    by_id = {s.id: s for s in frame.sections}
    chain = []
    while section is not None:
        chain.append(section)
        section = by_id.get(section.parent) if section.parent else None
    return chain


def _context(frame: _Frame, offset: int) -> _Context:
    section = section_at(frame.sections, (offset, offset + 1))
    default_kind = "actual" if frame.doc.kind == "news" else "target"
    ctx = _Context(
        default_kind, frame.plan_year if default_kind == "target" else frame.review_year, None, section
    )
    if frame.doc.kind == "news" and frame.achievements:
        ctx.span, ctx.year = frame.achievements, frame.achievements[1]
    for s in _ancestors(frame, section):
        title = s.title
        if _REVIEW_TITLE.search(title):
            ctx.kind = "actual"
            ctx.year = _year_in(title) or frame.review_year
            if span := _title_span(title, frame):
                ctx.span, ctx.year = span, span[1]
            return ctx
        if _PLAN_TITLE.search(title) or s.kind == "targets":
            ctx.kind = "target"
            ctx.year = _year_in(title) or frame.plan_year
            return ctx
    return ctx


def _title_span(title: str, frame: _Frame) -> tuple[int, int] | None:
    if m := _FYP_RE.search(title):
        start = _FYP[m.group(1)]
        return start, start + 4
    if _FIVE_YEARS.search(title):
        end = frame.achievements[1] if frame.achievements else frame.review_year
        return (end - 4, end) if end else None
    return None


def _period(text: str, sent: tuple[int, int], m: _Mention, ctx: _Context, frame: _Frame) -> str:
    """The period of a statement: a named year, a base year, a span, or the context's year."""
    a, _ = sent
    before = text[a : m.q.start]
    clause = text[_clause_start(text, a, m.q.start) : m.q.start]
    ref = ctx.year
    span = ctx.span
    local = text[max(a, m.extras.get("local_start", a)) : m.q.start]
    if re.search(r"现在|目前|当前|至今", local) and span:
        return str(span[1])
    if (f := _FYP_RE.search(local)) and f.group(2) == "末":
        return str(_FYP[f.group(1)] + 4)
    if fyp := [f for f in _FYP_RE.finditer(before) if f.group(2) != "末"]:
        f = fyp[-1]
        start = _FYP[f.group(1)]
        span = (start, start + int(f.group(3)) - 1) if f.group(3) else (start, start + 4)
        if ctx.kind == "actual" and frame.review_year and span[1] > frame.review_year + 1:
            span = (span[0], max(frame.review_year, span[0]))
    elif _FIVE_YEARS.search(before) and ref:
        span = (ref - 4, ref)
    end = span[1] if span else ref
    if base := list(_BASE_YEAR.finditer(clause)):
        return f"{base[-1].group(1)}-{end}" if end else base[-1].group(1)
    years = [y for y in _YEAR.finditer(before) if not _inside_name(before, y.start(), y.end())]
    for y in reversed(years):
        y1, y2 = int(y.group(1)), int(y.group(2)) if y.group(2) else None
        if ctx.kind == "target" and ref and (y2 or y1) < ref:
            continue
        if ctx.kind == "actual" and end and y1 > end:
            continue
        if re.match(r"(?:以来|起)", before[y.end() : y.end() + 2]):
            return f"{y1}-{end}" if end else str(y1)
        return f"{y1}-{y2}" if y2 else str(y1)
    if span:
        return f"{span[0]}-{span[1]}" if _whole_span(local, before, m) else str(span[1])
    return str(ref) if ref else ""


def _whole_span(local: str, before: str, m: _Mention) -> bool:
    """In a multi-year review: a cumulative, average or whole-span figure, rather than a level reached."""
    if _CUMULATIVE.search(local):
        return True
    if _LEVEL_CUE.search(local) or m.indicator.endswith(_LEVEL_NAMES):
        return False
    if m.change or _CUMULATIVE.search(before):
        return True
    return unit_family(m.q.unit) != "ratio"


def _statement(
    doc: Document, norm: NormalisedText, frame: _Frame, m: _Mention, a: int, b: int
) -> MetricStatement:
    span = norm.original_span(m.start, m.end)
    sentence_span = norm.original_span(a, b)
    ctx = _context(frame, span[0])
    before = norm.text[a : m.q.start]
    estimate = bool(_ESTIMATE.search(before))
    if estimate:
        ctx.kind = "actual"
        if ctx.span is None:
            ctx.year = (
                ctx.year
                if ctx.kind == "actual" and ctx.section and _REVIEW_TITLE.search(ctx.section.title)
                else (frame.review_year)
            )
    period = _period(norm.text, (a, b), m, ctx, frame)
    value_n, base_unit = normalised_value(m.q.value, m.q.unit)
    change = m.change is not None or m.indicator.endswith(("增速", "增幅", "涨幅", "降幅", "增长率"))
    return MetricStatement(
        doc=doc.id,
        indicator=m.indicator,
        value=m.q.value,
        unit=m.q.unit,
        comparator=m.comparator,
        kind=ctx.kind,
        period=period,
        change=change,
        span=span,
        evidence=doc.text[span[0] : span[1]],
        section=ctx.section.id if ctx.section else None,
        surface=m.surface,
        estimate=estimate,
        normalised_value=value_n,
        base_unit=base_unit,
        sentence_span=sentence_span,
    )
