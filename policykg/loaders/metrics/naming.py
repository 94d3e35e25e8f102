"""What a figure measures: its subject, scope and measure, from the words around it or the figures before."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders import lexicon
from policykg.loaders.metrics.grammar import (
    Scope,
    Verb,
    is_name,
    leading_verb,
    name_core,
    share_out,
    split_scope,
    trailing_verb,
)
from policykg.loaders.metrics.indicators import (
    canonical_level,
    clean_surface,
    ends_with_action,
    indicator_name,
    is_bare_measure,
    strip_action,
    topic_of,
    vocabulary_entry,
    with_topic,
)
from policykg.loaders.metrics.measure import is_flow, measure_of
from policykg.loaders.metrics.quantities import CLAUSE_END, Mention, change_direction, clause_start
from policykg.loaders.text.numbers import normalise_unit, unit_family

__all__ = ["Context", "name_mentions"]

_OBJECT_STOP = re.compile(r"[，,。；;、：:（(]|以上|以下|左右|以内|增长|下降|提高|达到|不足|超过|突破|$")
_OBJECT_VERB = re.compile(
    r"(?:跃升|提高|提升|增|降|达|至|到|为|是|比|较|占|居|位|在|实现|完成|超|突破|分别|均|和|及|与|或)"
)
_SHARE = re.compile(
    r"占(?P<whole>全国|全区|全省|全市|全世界|全球)[^，。；、0-9]{0,8}$|占(?P<of>[^，。；、0-9占]{2,10}?)(?:的比重|的比例|比重|的)$"
)
_RATE_WORD = re.compile(r"(?:年均)?(?:增速|增幅|增长率|增长速度)$")
_LEAD_COUNT = re.compile(r"^(?:\d+|[一二两三四五六七八九十百]+)(?:多|余)?[个条家项座所支批]")
_QUALIFIED = re.compile(r"[^，,。；;、：:]{1,16}$")
_COMPARISON_FRAME = re.compile(r"^(?:比|较)(?:上年|去年|上一年|前一年|\d{4}年)[^，。；]*$")
_WORK_INFIX = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:安排|下达|拨付|发放|投入)")
_OWN_PREDICATE = re.compile(r"达|为|稳定|保持|超|突破|增|降|提高|提升|占|累计|总")
_FAMILY_WORDS = {"power": "装机", "electricity": "发电量", "compute": "算力规模", "area": "面积"}


@dataclass(frozen=True)
class Context:
    """What naming needs to know of the document and sentence: the issuer and the sentence's topic."""

    issuer: str | None = None
    topic: Scope | None = None  # 蒙能集团要…: every figure of the sentence is the organisation's


def name_mentions(
    text: str, a: int, b: int, mentions: list[Mention], earlier: list[Mention], context: Context | None = None
) -> None:
    """Name every mention of sentence ``text[a:b]`` in order; ``earlier`` are the figures of the
    sentence before in the same paragraph."""
    for i in range(len(mentions)):
        _name_mention(text, a, b, mentions, i, earlier, context or Context())


def _name_mention(
    text: str, a: int, b: int, mentions: list[Mention], i: int, earlier: list[Mention], ctx: Context
) -> None:
    """Give a mention its subject, scope, measure and indicator.

    The subject comes from the words before the figure, the object after it, the figures before,
    or the clause before, in that order; every candidate must pass :func:`grammar.is_name`, and a
    figure for which none does stays unnamed (``indicator`` None) rather than take a fragment.  A
    subject naming several things (育肥牛、育肥羊出栏数; 城乡居民…分别) is shared out among the
    values of a chain.
    """
    m = mentions[i]
    prev = mentions[i - 1] if i else None
    members = [x for x in mentions if x.chain == m.chain]
    first = members[0]
    start = clause_start(text, a, first.start)
    qualified = False
    if prev is not None and prev.chain != m.chain:
        start = max(start, prev.object_end if prev.object_end > 0 else prev.end)
        if _qualifies(text, prev, first):
            start, qualified = prev.start, True  # 34个旗县经济总量不足百亿: the count opens this subject
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
    if qualified and split_scope(subject, ctx.issuer)[0] is None:
        subject = _LEAD_COUNT.sub("", subject)  # 7条重点产业链产值: the count is no part of the name
    elif qualified and prev is not None:
        prev.indicator, prev.level = None, ""  # 34个 only counts the 旗县 whose 经济总量 is stated
    rate = _RATE_WORD.search(subject)
    if rate and rate.start() > 0 and canonical_level(subject) is None and unit_family(m.q.unit) == "ratio":
        subject, m.change = subject[: rate.start()], m.change or "up"
    subject = re.sub(r"较\d{4}年|比\d{4}年", "", subject)
    share_at = _SHARE.search(raw.rstrip())
    share = share_at is not None
    if share_at is not None:  # 新能源汽车产销量占全球比重超过60%: the subject before 占, or the figure before
        own = clean_surface(raw[: share_at.start()])
        subject = own if is_name(canonical_level(own) or own) else ""
    subject = _COMPARISON_FRAME.sub("", subject)
    core = strip_action(subject)
    level, scope, verb = "", None, None
    if obj and (
        not core
        or of_phrase
        or ends_with_action(subject)
        or trailing_verb(raw.strip(" ，,、：:；;")) is not None
        or unit_family(m.q.unit) in ("count", "people")
    ):
        obj, after = _object_verb(obj)
        verb = (
            after
            or trailing_verb(raw.strip(" ，,、：:；;"))
            or trailing_verb(subject)
            or leading_verb(subject)[0]
        )
        scope, thing = split_scope(_strip_verbs(obj), ctx.issuer)
        norm = normalise_unit(m.q.unit)
        if norm and norm.family in _FAMILY_WORDS and re.search(r"(?:项目|工程)$", thing):
            thing = thing[:-2] + _FAMILY_WORDS[norm.family]  # 2727万千瓦新能源项目: their capacity
        level = canonical_level(thing) or _trim(thing)
        m.object_end = obj_end
        m.surface = obj
    elif core or subject:
        parts = share_out(subject, len(members))
        piece = parts[members.index(m)] if parts else subject
        verb, unverbed = _verb_of(piece)
        if verb is None and (verb := trailing_verb(piece)) is not None:
            unverbed = clean_surface(piece[: -len(verb.word)])  # 经营主体新增 | 105万户
        elif verb is None and (funded := _WORK_INFIX.search(piece)) and is_name(piece[funded.end() :]):
            unverbed = piece[funded.end() :]  # 中央财政安排扶贫资金: what is funded, not who funds it
        scope, bare = split_scope(_strip_verbs(unverbed), ctx.issuer)
        whole = canonical_level(piece)
        if whole and (entry := vocabulary_entry(whole)) is not None and entry.measure == "flow":
            level = whole  # 新增城镇就业: the verb is part of the vocabulary's name
        elif (
            (owner := scope or ctx.topic) is not None
            and owner.kind == "organisation"
            and is_bare_measure(bare)
        ):
            level = bare  # 包钢集团…力争营收达到…: the organisation is the topic
        elif _bare(bare) and (topic := _topic_before(mentions[:i], earlier)):
            level = with_topic(topic, bare)  # 可再生能源发电量超1000亿度、装机占比突破50%
        elif _bare(bare) and is_name(clause := _previous_clause_subject(text, a, start)):
            level = with_topic(clause, bare)  # 发展林草产业，力争产值达到… → 林草产业产值
        elif bare:
            bare = _amount_of(bare, m.q.unit)
            level = canonical_level(bare) or _topic_level(bare, m.q.unit) or _trim(bare)
        else:  # the subject was only a verb: 新增并网 (of 新能源), 新投产 (of the topic before)
            alias = next((w for w in lexicon.indicators().topic_aliases if w in piece), "")
            topic = _topic_before(mentions[:i], earlier)
            level = (
                _topic_level(alias, m.q.unit)
                or (_topic_level(topic, m.q.unit, alias=False) if topic else "")
                or ""
            )
        m.surface = piece
    if verb is None and prev is not None and prev.verb is not None and _listed(text[start : first.start]):
        verb = prev.verb  # 净增科技型中小企业853家、高新技术企业97家: the verb governs the list
    if m.change and verb is not None and raw.rstrip().endswith(verb.word) and verb.marker != "净增":
        m.change = None  # 改造提升350个希望小屋: 提升 belongs to the verb, no change is stated
    if verb is not None and verb.marker == "净增" and m.change is None:
        m.change = "up"  # a net increase of a stock is a change (NOTES: 净增 → change)
    scope = scope or ctx.topic
    if not _named(level, scope) and not (obj or core):
        level = _inherit(mentions, i, members)
        m.surface = m.surface or level
        if level:
            scope = scope or mentions[i - 1].scope
    if not _named(level, scope) and not (obj or core):
        level = _previous_clause_subject(text, a, start)  # 加大科技投入，执行好20%的刚性增长机制
        m.surface = m.surface or level
    _finish(m, level if _named(level, scope) else "", scope, verb, share, raw)


def _listed(words: str) -> bool:
    """Whether a figure's words only list another object for the verb before (、舍饲棚圈), with no
    predicate of their own (、总面积达到 is a stock, not one more thing 新增)."""
    return words.startswith("、") and not _OWN_PREDICATE.search(words)


def _amount_of(subject: str, unit: str) -> str:
    """A task's amount: 保供任务8.3亿吨 is 保供量, 生态建设任务4000万亩 生态建设 (its 面积 comes by rule)."""
    if not subject.endswith("任务") or len(subject) < 4:
        return subject
    thing = subject[:-2]
    return thing if unit_family(unit) in ("area", "length", "count", "compute", "people") else thing + "量"


def _bare(surface: str) -> bool:
    """A measure word with nothing it measures, also with a measure suffix (总规模, 装机占比)."""
    return is_bare_measure(surface) or (surface != name_core(surface) and is_bare_measure(name_core(surface)))


def _named(level: str, scope: Scope | None) -> bool:
    """Whether a level name names a quantity, alone or with an organisation's name before it."""
    if is_name(level):
        return True
    return scope is not None and scope.kind == "organisation" and is_name(scope.name + level)


def _finish(m: Mention, level: str, scope: Scope | None, verb: Verb | None, share: bool, raw: str) -> None:
    """Set what naming found on the mention: subject, scope, verb, measure and indicator."""
    whole = _SHARE.search(raw.rstrip()) if share else None
    share_of = (whole.group("whole") or whole.group("of")) if whole else "全国"
    share_of = "全球" if share_of == "全世界" else share_of
    m.level = level
    m.scope = scope
    m.verb = verb
    m.measure = measure_of(words=raw, unit=m.q.unit, change=m.change, share=share, verb=verb, level=level)
    if not level:
        m.indicator = None
        return
    flow = (verb.style, verb.marker) if verb is not None and is_flow(verb, level, m.q.unit) else None
    name = indicator_name(level, change=m.change, unit=m.q.unit, share=share, flow=flow, share_of=share_of)
    if scope is not None and scope.kind in ("organisation", "sector") and not name.startswith(scope.name):
        name = scope.name + name  # a company's or a sector's figure is not the region's indicator
    m.indicator = name if is_name(name) or scope is not None else None
    if m.indicator is None:
        m.level = ""  # no name: no subject either


def _qualifies(text: str, prev: Mention, first: Mention) -> bool:
    """Whether a count right before a figure only qualifies its subject (34个旗县经济总量不足百亿)."""
    if unit_family(prev.q.unit) != "count" or prev.object_end != first.start:
        return False
    return bool(_QUALIFIED.fullmatch(text[prev.end : first.start]))


def _verb_of(piece: str) -> tuple[Verb | None, str]:
    """The verb of a subject, opening it (新建高标准农田) or after its topic (新能源新增并网装机)."""
    verb, _ = leading_verb(piece)
    if verb is not None:
        return verb, piece
    for topic in lexicon.indicators().topics:
        if piece.startswith(topic):
            inner, after = leading_verb(piece[len(topic) :])
            if inner is not None and inner.style == "prefix":
                return inner, topic + after
    return None, piece


def _topic_level(bare: str, unit: str, *, alias: bool = True) -> str | None:
    """A level for a subject that is only a topic word (并网 → 新能源) and the unit's measure word."""
    topic = lexicon.indicators().topic_aliases.get(bare) if alias else bare
    norm = normalise_unit(unit)
    word = _FAMILY_WORDS.get(norm.family, "") if norm else ""
    return with_topic(topic, word) if topic and word else None


def _strip_verbs(surface: str) -> str:
    """A surface without the action verbs that open it (新建, 完成, 新开工 …)."""
    s = surface
    for _ in range(3):
        t = leading_verb(strip_action(s))[1]
        if t == s:
            break
        s = t
    return s


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
    obj = re.sub(r"^(?:的|以上的|左右的)", "", obj).strip().rstrip("和及与或、 ")
    obj = re.split(r"支撑|支持|带动|拉动|推动|助力|实现|赴|参加|前往|获得|入选|享受", obj)[0] or obj
    obj = re.sub(r"(?:实现.*|发展.*|的?基础上)$", "", obj) or obj
    return obj, m.end + len(rest[: stop.start()] if stop else rest)


def _object_verb(obj: str) -> tuple[str, Verb | None]:
    """An object without the verb that follows it (33项民生实事全部完成 → 民生实事, 完成)."""
    cut = re.sub(r"(?:全部|均已|均|已|全面|基本|陆续|顺利)?$", "", obj)
    verb = trailing_verb(cut)
    if verb is not None and len(cut) - len(verb.word) >= 2:
        head = re.sub(r"(?:全部|均已|均|已|全面|基本|陆续|顺利)$", "", cut[: -len(verb.word)])
        return head, verb
    return obj, None


def _trim(name: str) -> str:
    """A fallback name: the head of a long surface (after its last 的), at most 20 characters."""
    name = name.strip("，、：；（）() ")
    if "的" in name[:-1]:
        name = name[name.rindex("的") + 1 :]
    return name[-20:] if len(name) > 20 else name


def _topic_before(mentions: list[Mention], earlier: list[Mention]) -> str | None:
    """The topic of the nearest figure before (新能源 of 新增新能源并网装机), if it has one."""
    before = [*earlier, *mentions]
    if not before:
        return None
    last = before[-1]
    if unit_family(last.q.unit) == "count" and is_name(last.level):
        return topic_of(last.level) or last.level  # 项目142个、总投资1514亿元: the projects' investment
    return topic_of(last.level) or topic_of(last.surface) or _thing_of(last.level)


def _thing_of(level: str) -> str | None:
    """The thing a level name measures, without its measure word (可再生能源发电量 → 可再生能源)."""
    for word in sorted(lexicon.indicators().measures, key=len, reverse=True):
        if level.endswith(word) and is_name(thing := level[: -len(word)]):
            return thing
    return None


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
