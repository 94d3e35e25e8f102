"""Which quantities of a sentence are statements, with their bounds, chains and change words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from policykg.loaders.metrics.grammar import Scope, Verb
from policykg.loaders.text.numbers import Quantity, find_quantities, unit_family

__all__ = [
    "CLAUSE_END",
    "Mention",
    "change_direction",
    "clause_start",
    "find_mentions",
    "inside_name",
    "is_statement",
    "link_chains",
    "read_comparator",
    "split_sentences",
]

_SENTENCE_END = re.compile(r"[。！？；;!?\n]")
CLAUSE_END = "，,；;：:。！？!?\n"
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

_CAPACITY = re.compile(r"(?:年产|日产|年处理|年加工|年吞吐|年设计|设计产能|产能)$")
_OTHER_REGION = re.compile(
    r"(?:高于|低于|快于|慢于|比|超过|超出|领先)(?:全国|全区|全球|西部|东部|行业)[^，。；]{0,8}$"
)
_UNITLESS_CUE = re.compile(
    r"(?:达到|达|提高到|提升到|提高至|降到|降至|缩小至|缩小到|稳定在|保持在|为|至|是)$"
)
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ('"', '"'))

_CHANGE_UP = re.compile(
    r"(?:增长了?|增加了?|提高了?|提升了?|上升了?|上涨了?|增幅|增速|涨幅|回升|多增|扩大|净增)$"
)
_CHANGE_DOWN = re.compile(r"(?:下降了?|降低了?|减少了?|下跌了?|回落了?|压降|压减|缩减|降幅|减排|削减)$")
_TO_LEVEL = re.compile(r"(?:到|至|在|为)$")
_CHANGE_NOISE = re.compile(
    r"(?:了|约|近|超过|超|突破|达到|分别|均|同口径|累计|年均|平均|较\d{4}年|比\d{4}年|较上年|同比)+$"
)


@dataclass
class Mention:
    """A quantity being read: its place in the normalised text and what the reading found so far.

    The bounds and chain are set here; :mod:`~policykg.loaders.metrics.naming` fills in what it
    measures (``level``, ``indicator``, ``surface``, ``change``, ``object_end``, ``local_start``,
    ``scope``, ``verb``, ``measure``).
    """

    q: Quantity
    start: int  # comparator words included
    end: int
    comparator: str = "exact"
    own_comparator: bool = False
    chain: int = 0
    level: str = ""
    indicator: str | None = ""  # None: no good name could be formed
    surface: str = ""
    change: str | None = None
    object_end: int = -1
    local_start: int | None = None  # where the words naming this figure start
    scope: Scope | None = None  # whose figure, when not the issuing region's
    verb: Verb | None = None  # the verb that makes it a flow or an amount of work
    measure: str = "level"


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of a text: pieces ended by 。！？； or a line break."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def clause_start(text: str, a: int, at: int) -> int:
    """Where the clause holding offset ``at`` starts, not before the sentence start ``a``."""
    i = at
    while i > a and text[i - 1] not in CLAUSE_END:
        i -= 1
    return i


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


def inside_name(text: str, start: int, end: int) -> bool:
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


def is_statement(text: str, q: Quantity, sent_start: int) -> bool:
    """Whether a quantity in a sentence is a metric statement rather than a name, ordinal or aside.

    Numbers in names, titles and short quoted names, ordinals (第3位), the size of a named plant
    and comparisons with another region's figure are not statements; a bare decimal is one only
    after a verb of level (达到0.593).
    """
    before = text[max(sent_start, q.start - 12) : q.start]
    if before.rstrip().endswith(("第", "前", "后")) or re.search(r"第\s*$", before):
        return False
    if inside_name(text, q.start, q.end):
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


def find_mentions(text: str, a: int, b: int) -> list[Mention]:
    """The statements among the quantities of sentence ``text[a:b]``, bounded by their comparators."""
    mentions: list[Mention] = []
    for q0 in find_quantities(text[a:b]):
        q = replace(q0, start=q0.start + a, end=q0.end + a)
        if not is_statement(text, q, a):
            continue
        comp, used_b, used_a = read_comparator(
            text[max(a, q.start - 4) : q.start], text[q.end : min(b, q.end + 3)], q
        )
        mentions.append(Mention(q, q.start - used_b, q.end + used_a, comp, comp != "exact"))
    return mentions


def link_chains(text: str, mentions: list[Mention]) -> None:
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
    by_chain: dict[int, list[Mention]] = {}
    for m in mentions:
        by_chain.setdefault(m.chain, []).append(m)
    for members in by_chain.values():
        last = members[-1]
        if len(members) > 1 and last.own_comparator:
            for m in members[:-1]:
                if not m.own_comparator:
                    m.comparator = last.comparator


def change_direction(raw: str) -> str | None:
    """'up' or 'down' when the words right before a figure state a change (增长5%, 下降3%), else None."""
    near = _CHANGE_NOISE.sub("", raw.rstrip())
    if _TO_LEVEL.search(near):
        return None
    if _CHANGE_UP.search(near):
        return "up"
    if _CHANGE_DOWN.search(near):
        return "down"
    return None
