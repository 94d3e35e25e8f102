"""What a figure measures: the indicator named by the words before it, the object after or earlier figures."""

from __future__ import annotations

import re

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
from policykg.loaders.metrics.quantities import CLAUSE_END, Mention, change_direction, clause_start
from policykg.loaders.text.numbers import unit_family

__all__ = ["name_mentions"]

_OBJECT_STOP = re.compile(r"[，,。；;、：:（(]|以上|以下|左右|以内|增长|下降|提高|达到|不足|超过|突破|$")
_OBJECT_VERB = re.compile(
    r"(?:跃升|提高|提升|增|降|达|至|到|为|是|比|较|占|居|位|在|实现|完成|超|突破|分别|均|和|及|与|或)"
)
_SHARE = re.compile(r"占(?:全国|全区|全世界|全球)[^，。；、0-9]{0,8}$")
_RATE_WORD = re.compile(r"(?:年均)?(?:增速|增幅|增长率|增长速度)$")
_SHARED_HEADS = (
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
)


def name_mentions(text: str, a: int, b: int, mentions: list[Mention], earlier: list[Mention]) -> None:
    """Name every mention of sentence ``text[a:b]`` in order; ``earlier`` are the figures of the
    sentence before in the same paragraph."""
    for i in range(len(mentions)):
        _name_mention(text, a, b, mentions, i, earlier)


def _name_mention(text: str, a: int, b: int, mentions: list[Mention], i: int, earlier: list[Mention]) -> None:
    """Give a mention its indicator: from the words before it, the object after it, or the figures before.

    A subject naming several things (育肥牛、育肥羊出栏数; 粮肉奶产量) is shared out among the
    values of a chain.
    """
    m = mentions[i]
    prev = mentions[i - 1] if i else None
    members = [x for x in mentions if x.chain == m.chain]
    first = members[0]
    start = clause_start(text, a, first.start)
    if prev is not None and prev.chain != m.chain:
        start = max(start, prev.object_end if prev.object_end > 0 else prev.end)
    raw = text[start : first.start]
    m.change = change_direction(raw)
    if m.change is None and re.match(r"的[^，。；]{0,6}增长", text[m.end : m.end + 8]) and m.q.unit == "%":
        m.change = "up"  # 20%的刚性增长机制: a growth rate named after the figure
    limit = mentions[i + 1].start if i + 1 < len(mentions) else b
    obj, obj_end = _object_after(text, m, limit)
    m.local_start = start
    of_phrase = bool(obj) and text[m.end : m.end + 1] == "的"
    if of_phrase and m.change is None and re.match(r"增长|增速", text[obj_end : obj_end + 2]):
        m.change = "up"  # 年均6.1%的GDP增长
    subject = clean_surface(raw)
    rate = _RATE_WORD.search(subject)
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
        level = _inherit(mentions, i, members)
        m.surface = m.surface or level
    if not level:
        level = _previous_clause_subject(text, a, start)
        m.surface = m.surface or level
    m.level = level
    m.indicator = indicator_name(level, change=m.change, unit=m.q.unit, share=share)


def _object_after(text: str, m: Mention, limit: int) -> tuple[str, int]:
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
    if _OBJECT_VERB.match(obj):
        return "", m.end
    obj = re.sub(r"^(?:的|以上的|左右的)", "", obj)
    obj = re.split(r"支撑|带动|拉动|推动|助力|实现", obj)[0]
    obj = re.sub(r"(?:建设|项目建设|全部投产|投产|实现.*|发展.*|开工.*)$", "", obj) or obj
    return obj, m.end + len(rest[: stop.start()] if stop else rest)


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
    for word in _SHARED_HEADS:
        if last.endswith(word) and not first.endswith(word):
            return word
    return ""


def _topic_before(mentions: list[Mention], earlier: list[Mention]) -> str | None:
    """The topic of the nearest figure before (新能源 of 新增新能源并网装机), if it has one."""
    before = [*earlier, *mentions]
    if not before:
        return None
    return topic_of(before[-1].level) or topic_of(before[-1].surface)


def _previous_clause_subject(text: str, a: int, start: int) -> str:
    """What the clause before names, for a figure whose clause only acts (加大科技投入，执行好20%…)."""
    end = start
    while end > a and text[end - 1] in CLAUSE_END:
        end -= 1
    clause = text[clause_start(text, a, end) : end]
    return canonical_level(clause) or _trim(strip_action(clean_surface(clause)))


def _inherit(mentions: list[Mention], i: int, members: list[Mention]) -> str:
    """A mention with no words of its own measures what the figures before it measured."""
    before = [x for x in mentions[:i] if x.chain != mentions[i].chain]
    if not before:
        return ""
    k = members.index(mentions[i])
    if len(members) > 1 and len(before) >= len(members):
        return before[len(before) - len(members) + k].level
    return before[-1].level
