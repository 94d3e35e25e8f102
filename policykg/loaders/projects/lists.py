"""Coordinated lists that share one type word: the items of A、B项目, A和B国家公园, X、Y等外送通道."""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.loaders.projects.candidates import CJK, name_hits, place_at, place_ending
from policykg.loaders.projects.vocabulary import Head, lexicon
from policykg.loaders.regions import PlaceHit, find_places

__all__ = [
    "coord_item",
    "deng_items",
    "item_ok",
    "list_items",
    "shared_part",
    "strip_qualifiers",
    "suffix_mismatch",
]

_COUNT_HEAD = re.compile(r"(?:\d+|[一二三四五六七八九十两百千几]+)\s*(?:个|家|座|条|批|项|所|处)")


def shared_part(last: str, head: Head, item: str) -> str | None:
    """What an elliptic item shares with the last, complete item of its list (the type words)."""
    hits = name_hits(last)
    lead = 0
    route = re.match(r"^(.+?)至", last)
    if route and "至" in item:
        return head.suffix
    if route:
        after = route.end()
        h = place_at(name_hits(last[after:]), 0)
        lead = after + (len(h.surface) if h else 0)
        while last[lead : lead + 1] == "至":
            h = place_at(name_hits(last[lead + 1 :]), 0)
            if not h:
                break
            lead += 1 + len(h.surface)
        if not h:
            lead = 0
    if not lead:
        h = place_at(hits, 0)
        if h:
            lead = h.end
    if not lead and item:
        for k in range(1, min(6, len(last) - len(head.suffix) + 1)):
            if last[k - 1] == item[-1]:
                lead = k
                break
    if not lead:
        return None
    shared = last[lead:]
    if not shared.endswith(head.suffix) or len(shared) > 16:
        return None
    return shared


def list_items(clause: str, end: int) -> list[tuple[int, int]]:
    """The 、-separated items that end at ``end`` (exclusive), nearest first."""
    lex = lexicon()
    items: list[tuple[int, int]] = []
    pos = end
    while pos > 0 and clause[pos - 1] == "、":
        stop = pos - 1
        a = stop
        while a > 0 and clause[a - 1] not in "、" and stop - a < 20:
            left = clause[:a]
            bounded = any(left.endswith(w) for w in lex.boundaries if len(w) >= 2 or w in "和及与等")
            if bounded and not place_ending(find_places(left), len(left)):
                break
            a -= 1
        if a == stop:
            break
        items.append((a, stop))
        pos = a
    return items


def strip_qualifiers(name: str) -> tuple[str, int]:
    """Drop the qualifiers that follow 等 (等一批百亿级项目 → 项目); how many characters went."""
    lex = lexicon()
    cut = 0
    while True:
        m = _COUNT_HEAD.match(name[cut:])
        if m:
            cut += m.end()
            continue
        q = next((q for q in lex.qualifiers if name[cut:].startswith(q)), None)
        if q is None:
            return name[cut:], cut
        cut += len(q)


def coord_item(clause: str, start: int, hits: Sequence[PlaceHit]) -> list[tuple[int, int]]:
    """The place before 和/及/与 that shares the name after it (贺兰山和大青山国家公园)."""
    j = start - 1
    h = place_ending(hits, j)
    return [(h.start, h.end)] if h else []


def deng_items(clause: str, deng_at: int) -> list[tuple[int, int]]:
    """Items of the list closed by 等 at ``deng_at``, nearest first."""
    lex = lexicon()
    b = deng_at
    a = b
    while a > 0 and clause[a - 1] != "、" and b - a < 20:
        left = clause[:a]
        if any(left.endswith(w) for w in lex.boundaries if len(w) >= 2):
            break
        a -= 1
    if a == b:
        return []
    return [(a, b), *list_items(clause, a)]


def item_ok(item: str) -> bool:
    """An elliptic item is a place, a route or a short proper word, not a clause."""
    if not item or len(item) > 20 or any(ch in item for ch in "，。；："):
        return False
    if item.endswith(tuple("心地台园区院站厂馆")):
        return False
    return bool(CJK.search(item))


def suffix_mismatch(item: str, last: str) -> bool:
    """市/盟 items listed before a zone named by its bare city are places, not elliptic names."""
    return (
        item.endswith(("市", "盟"))
        and place_at(name_hits(last), 0) is not None
        and not any(h.start == 0 and h.surface.endswith(("市", "盟")) for h in name_hits(last))
    )
