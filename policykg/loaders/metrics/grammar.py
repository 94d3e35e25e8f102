"""The naming grammar of a figure's clause: its verb, its scope, its subject, and whether a name is one.

A figure in a plan or report sits in a clause of a few fixed shapes::

    [scope] [verb] subject [predicate] NUMBER UNIT        蒙能集团 … 力争电力总装机超过4500万千瓦
    [scope] verb NUMBER UNIT object                       新建90家绿色工厂
    subject-A和B … 分别 predicate NUMBER和NUMBER          城镇和农村居民人均可支配收入分别增长6.5%和10.7%

This module reads the parts :mod:`~policykg.loaders.metrics.naming` puts together: the verb that
makes a figure a flow (新增, 新开工) or the amount of some work (新建 → 建设, 改造), the scope a
figure is about when it is not the issuing region (a sub-region, a group of them such as 34个旗县,
an organisation, a sector), the subjects 分别 distributes, and the test every name must pass: a
name is a noun phrase of the genre, never a lone function word, measure word, verb or place.
All word lists are genre vocabulary in ``data/indicators.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.loaders import lexicon
from policykg.loaders.regions import find_places

__all__ = [
    "Scope",
    "Verb",
    "is_name",
    "leading_verb",
    "name_core",
    "sentence_scope",
    "share_out",
    "split_scope",
    "trailing_verb",
]

_SCOPE_LEVELS = frozenset({"province", "league_city", "county", "city_outside", "group", "region"})
_DIGITS = re.compile(
    r"\d{4}年|\d+(?:\.\d+)?\s*(?:%|％|万|亿|个|年|元)|百分之"
    r"|[零〇一二两三四五六七八九十]+[零〇百千万亿][零〇一二两三四五六七八九十百千万亿]*(?!级)"
)
_MEASURE_SUFFIXES = (
    "占全国比重",
    "数量",
    "增速",
    "降幅",
    "增量",
    "减量",
    "占比",
    "比重",
    "面积",
    "里程",
    "规模",
    "人数",
    "总量",
)
_COUNT = r"(?:\d+|[一二两三四五六七八九十百]+)多?"
_NOT_OWNER = re.compile(r"撬动|核销|纳入|带动|吸引|引导")  # 撬动银行贷款: a verb, not a company's name
_TOPIC_CUT = re.compile(r"[要将已在把对为，,]")


@dataclass(frozen=True)
class Verb:
    """The verb that opens (or, before a figure, ends) a clause and what it makes of the figure."""

    word: str  # as written: 新建和改造提升
    marker: str  # the prefix (新增, 新开工) or the activity noun (建设, 改造); '' for a work verb
    style: str  # "prefix" | "activity" | "work"


@dataclass(frozen=True)
class Scope:
    """Whose figure it is when not the issuing region's: a sub-region, organisation or sector."""

    name: str
    kind: str  # subregion | organisation | sector


@lru_cache(maxsize=1)
def _verbs() -> tuple[tuple[str, Verb], ...]:
    """Every verb with its reading, longest first so 新建和改造提升 wins over 新建."""
    terms = lexicon.indicators()
    found: dict[str, Verb] = {}
    for marker, words in terms.flow_verbs.items():
        for w in words:
            found.setdefault(w, Verb(w, marker, "prefix"))
    for noun, words in terms.activity_verbs.items():
        for w in words:
            found.setdefault(w, Verb(w, noun, "activity"))
    for w in terms.work_verbs:
        found.setdefault(w, Verb(w, "", "work"))
    return tuple(sorted(found.items(), key=lambda p: (-len(p[0]), p[0])))


def leading_verb(surface: str) -> tuple[Verb | None, str]:
    """The verb a surface opens with and the rest (新建高标准农田 → 新建, 高标准农田)."""
    for word, verb in _verbs():
        if surface.startswith(word):
            return verb, surface[len(word) :]
    return None, surface


def trailing_verb(surface: str) -> Verb | None:
    """The verb a surface ends with, when the figure after it counts an object (新建 | 90家绿色工厂)."""
    for word, verb in _verbs():
        if surface.endswith(word):
            return verb
    return None


def name_core(name: str) -> str:
    """A name without the measure words the grammar adds (绿色工厂数量 → 绿色工厂)."""
    core = name
    for _ in range(3):
        for suffix in _MEASURE_SUFFIXES:
            if core.endswith(suffix):
                core = core[: -len(suffix)]
                break
        else:
            break
    for marker in lexicon.indicators().flow_verbs:
        if core.startswith(marker):
            core = core[len(marker) :]
            break
    return core


def is_name(name: str | None) -> bool:
    """Whether a string names a quantity: not a fragment (城市, 占比, 总数, 增加到), not a piece of a clause.

    A name is a noun phrase: it neither starts with a preposition or particle (比去年, 由) nor ends
    with one or with a verb (增长到, 使用人次已), holds no year or number (增加到2002年, 一千零), no
    mark of a clause (了, 决定, 同比), and is more than a place, a lone measure word or a verb.
    """
    if not name:
        return False
    terms = lexicon.indicators()
    if name in terms.indicators:
        return True  # the vocabulary's own names (发电量 is a measure word and a name)
    bare = name.strip("“”\"'《》（）() ")
    if len(bare) < 2 or len(bare) > 24 or _DIGITS.search(bare) or re.search(r"\d$|^[\d.,，]+$", bare):
        return False
    if any(w in bare for w in terms.name_never_contains):
        return False
    core = name_core(bare).strip("“”\"'")
    if len(core) < 2 or core in terms.fragments or core in terms.measures:
        return False
    if _is_place(core) or _is_region_group(core):
        return False
    if bare.startswith(terms.name_starts) or core.startswith(terms.name_starts):
        return False
    particles = tuple(w for w in terms.name_ends if len(w) == 1)
    return not (bare.endswith(terms.name_ends) or core.endswith(particles))


def _is_place(text: str) -> bool:
    """Whether a string is nothing but a place name (鄂尔多斯市, 河南)."""
    hits = find_places(text)
    return bool(hits) and hits[0].start == 0 and hits[0].end == len(text)


def _is_region_group(text: str) -> bool:
    """Whether a string is a count of sub-regions (34个旗县) or a bare kind of unit (旗县, 盟市)."""
    heads = "|".join(re.escape(h) for h in lexicon.indicators().region_heads)
    return bool(re.fullmatch(rf"(?:{_COUNT}个?)?(?:{heads})(?:等)?", text))


def split_scope(surface: str, issuer: str | None) -> tuple[Scope | None, str]:
    """The scope a subject opens with and the rest: 34个旗县经济总量 → (34个旗县, 经济总量).

    A count of sub-regions, a place that is not the issuer, an organisation (…集团, …公司 or a
    known enterprise) or a sector (规上工业企业) opening the subject makes the figure theirs; a
    scope is taken only when what is left is a name.
    """
    terms = lexicon.indicators()
    heads = "|".join(re.escape(h) for h in terms.region_heads)
    m = re.match(rf"(?:还有|有|共有)?({_COUNT}个(?:{heads}))(?![级属直（(])(?:的)?", surface)
    if m and is_name(rest := surface[m.end() :]) and leading_verb(rest)[0] is None:
        return Scope(m.group(1), "subregion"), rest
    for sector in sorted(terms.sector_scopes, key=len, reverse=True):
        if surface.startswith(sector) and is_name(rest := surface[len(sector) :].lstrip("的")):
            return Scope(sector, "sector"), rest
    org = _organisation(surface)
    if org and is_name(rest := surface[len(org) :].lstrip("的")):
        return Scope(org, "organisation"), rest
    hits = find_places(surface)
    if hits and hits[0].start == 0 and hits[0].place.level in _SCOPE_LEVELS:
        rest = surface[hits[0].end :].lstrip("的")
        if _is_issuer(hits[0].place.name, hits[0].surface, issuer):
            return None, rest if is_name(rest) else surface
        if is_name(rest) and not re.match(r"[省市县区盟旗州镇乡村]", rest):
            return Scope(hits[0].place.name, "subregion"), rest
    return None, surface


def _organisation(surface: str) -> str | None:
    """An organisation's name opening a surface (蒙能集团, 包钢集团, 中石化), if any."""
    heads = "|".join(re.escape(h) for h in lexicon.indicators().organisation_heads)
    m = re.match(rf"[\u4e00-\u9fffA-Za-z（）()]{{2,10}}?(?:{heads})(?!化)", surface)
    if m and leading_verb(m.group(0))[0] is None and not _NOT_OWNER.match(m.group(0)):
        return m.group(0)
    for name in sorted(lexicon.project_types().enterprises, key=len, reverse=True):
        if surface.startswith(name):
            return name
    return None


def _is_issuer(name: str, surface: str, issuer: str | None) -> bool:
    """Whether a place is the issuing region itself (内蒙古 in a report of 内蒙古自治区; 全国 for 中国)."""
    if not issuer:
        return False
    return name == issuer or issuer.startswith(surface) or surface.startswith(issuer[:2])


def sentence_scope(sentence: str, issuer: str | None) -> Scope | None:
    """The organisation or sub-region a sentence is about when it opens with one as its topic.

    ``蒙能集团要当好…，力争电力总装机超过4500万千瓦``: every figure of the sentence is 蒙能集团's.
    The topic must be followed by a modal or a comma (要, 将, 已, ，), as the genre writes tasks
    given to a unit of government or an enterprise.
    """
    head = sentence.lstrip(" \u3000\t*-•·（(一二三四五六七八九十0123456789.、）)")
    org = _organisation(head)
    if org and _TOPIC_CUT.match(head[len(org) : len(org) + 1]):
        return Scope(org, "organisation")
    hits = find_places(head[:16])
    if hits and hits[0].start == 0 and hits[0].place.level in _SCOPE_LEVELS:
        after = head[hits[0].end : hits[0].end + 1]
        if _TOPIC_CUT.match(after) and not _is_issuer(hits[0].place.name, hits[0].surface, issuer):
            return Scope(hits[0].place.name, "subregion")
    return None


def share_out(subject: str, n: int) -> list[str] | None:
    """The n subjects a coordinated subject names, for a chain of n values (分别).

    育肥牛、育肥羊出栏数 → 育肥牛出栏数, 育肥羊出栏数; 城镇和农村居民人均可支配收入 → 城镇居民…,
    农村居民…; 城乡居民人均可支配收入 → the same by the distributive 城乡; 粮肉奶产量 → one
    character each.  The head the last item carries is shared when the first items lack it.
    """
    if n < 2:
        return None
    for word, parts in lexicon.indicators().distributive.items():
        if subject.startswith(word) and len(parts) == n:
            return [p + subject[len(word) :] for p in parts]
    items = [p for p in re.split(r"[、和及与]", subject) if p]
    if len(items) == n:
        return _with_shared_head(items)
    m = re.match(rf"^([\u4e00-\u9fff]{{{n}}})(产量|总量|规模|面积)$", subject)
    if m:
        return [ch + m.group(2) for ch in m.group(1)]
    return None


_HEAD_WORDS = (
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
    "出口",
)


def _with_shared_head(parts: list[str]) -> list[str]:
    """Coordinated items with the head of the last given to those that lack it."""
    first, last = parts[0], parts[-1]
    if any(first.endswith(w) and last.endswith(w) for w in (*_HEAD_WORDS, "收入", "投资")):
        return parts  # each item is whole: 万元地区生产总值用水量、万元工业增加值用水量
    if len(first) <= 3 and len(last) > len(first) + 1 and all(len(p) == len(first) for p in parts[:-1]):
        head = last[len(first) :]  # 城镇 | 农村居民人均可支配收入: the modifiers are of one length
        if is_name(head):
            return [p + head for p in parts[:-1]] + [last]
    for word in _HEAD_WORDS:
        if last.endswith(word) and not first.endswith(word):
            return [p if p.endswith(word) else p + word for p in parts]
    return parts
