"""Candidate project names in one clause: type words (heads), the walk left to a boundary, and anchors."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from policykg.loaders.projects.vocabulary import Head, lexicon
from policykg.loaders.regions import PlaceHit, find_places, gazetteer

__all__ = [
    "CJK",
    "PHASE",
    "PHASE_IN",
    "Candidate",
    "ends_with_head",
    "heads_in",
    "name_hits",
    "not_project",
    "place_at",
    "place_cover",
    "place_ending",
    "valid_name",
    "walk_left",
]

_COUNT = re.compile(
    r"(?:(?:\d+|[一二三四五六七八九十两百千几]+)\s*(?:个|家|座|条|批|项|所|处|大)|[0-9A-Za-z]+级)$"
)
_CODE = re.compile(r"[GS]\d{1,4}")
PHASE = re.compile(r"^([一二三四五六七八九十]期)(工程|项目)?$")
PHASE_IN = re.compile(r"[一二三四五六七八九十]期")
CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_NAME = 32


@lru_cache(maxsize=1)
def _initials() -> frozenset[str]:
    """First characters of places: what a two-character line abbreviation (临哈线) is made of."""
    return frozenset(s[0] for s in gazetteer().surfaces)


@dataclass
class Candidate:
    """A name ending in a type word, as found in one clause, and why the walk to its start stopped."""

    start: int  # in the clause string
    end: int
    name: str
    head: Head
    stop: str  # what ended the walk to the left: punct, list, coord, deng, boundary, count


def _enterprise_prefix(text: str) -> str:
    """The enterprise a name starts with (or "")."""
    return next((e for e in lexicon().enterprises if text.startswith(e)), "")


def place_cover(hits: Sequence[PlaceHit], n: int) -> list[int]:
    """For each position, the start of the place that covers it (or -1)."""
    cover = [-1] * n
    for h in hits:
        for k in range(h.start, min(h.end, n)):
            cover[k] = h.start
    return cover


def ends_with_head(text: str) -> Head | None:
    """The type word a text ends with, if it needs nothing more than an anchor."""
    return next((h for h in lexicon().heads if text.endswith(h.suffix) and not h.requires), None)


def place_at(hits: Sequence[PlaceHit], pos: int) -> PlaceHit | None:
    """The place that starts at ``pos``."""
    return next((h for h in hits if h.start == pos), None)


def place_ending(hits: Sequence[PlaceHit], pos: int) -> PlaceHit | None:
    """The place that ends at ``pos``."""
    return next((h for h in hits if h.end == pos), None)


def walk_left(clause: str, head_start: int, hits: Sequence[PlaceHit], cover: list[int]) -> tuple[int, str]:
    """The start of the name that ends with a head at ``head_start``, and why the walk stopped."""
    lex = lexicon()
    pos = head_start
    while pos > 0 and head_start - pos < _MAX_NAME:
        if cover[pos - 1] >= 0:
            pos = cover[pos - 1]
            continue
        ch = clause[pos - 1]
        left = clause[:pos]
        if ch == "、":
            return pos, "list"
        if ch == "”":
            open_at = clause.rfind("“", 0, pos - 1)
            if open_at < 0:
                return pos, "punct"
            pos = open_at
            if pos > 0 and cover[pos - 1] < 0 and not clause[:pos].endswith(("沙漠", "沙地")):
                return pos, "quote"
            continue
        if ch == "“":
            return pos, "quote"
        if ch in "《》（）()—-·":
            pos -= 1
            continue
        if _COUNT.search(left):
            return pos, "count"
        word = next((w for w in lex.boundaries if left.endswith(w)), None)
        if word is None:
            pos -= 1
            continue
        if word in ("和", "及", "与"):
            before = left[: -len(word)]
            so_far = clause[pos:head_start]
            if PHASE.match(so_far + "工程") or PHASE_IN.fullmatch(so_far):
                return pos, "phase"
            if ends_with_head(before):
                return pos, "boundary"
            if place_at(hits, pos):
                return pos, "coord" if place_ending(hits, len(before)) else "boundary"
            if before and not before[-1].isspace() and CJK.match(before[-1] or ""):
                pos -= len(word)
                continue
        return pos, "deng" if word == "等" else "boundary"
    return pos, "punct" if pos == 0 else "long"


def heads_in(clause: str) -> list[tuple[int, Head]]:
    """Positions where a type word ends a name (the longest type word at each end)."""
    out: dict[int, tuple[int, Head]] = {}
    for head in lexicon().heads:
        i = clause.find(head.suffix)
        while i >= 0:
            end = i + len(head.suffix)
            if clause[end : end + 2].startswith(lexicon().not_before.get(head.suffix, ("\0",))):
                i = clause.find(head.suffix, i + 1)
                continue
            if end not in out or len(out[end][1].suffix) < len(head.suffix):
                out[end] = (i, head)
            i = clause.find(head.suffix, i + 1)
    return sorted(out.values(), key=lambda ih: (ih[0], -len(ih[1].suffix)))


def _specific(modifier: str, hits: Sequence[PlaceHit], offset: int) -> bool:
    """A modifier that names something in particular, not only generic words."""
    lex = lexicon()
    rest = modifier
    for h in sorted(hits, key=lambda h: -len(h.surface)):
        rest = rest.replace(h.surface, "")
    rest = re.sub(r"[“”\"《》（）()—\-·\s\d]", "", rest)
    changed = True
    while changed and rest:
        changed = False
        for g in lex.generic:
            if rest.startswith(g):
                rest = rest[len(g) :]
                changed = True
                break
    return len(rest) >= 2


def _anchor(name: str, head: Head, hits: Sequence[PlaceHit]) -> bool:
    """Whether a name ending in ``head`` is proper: it names a place, a term, a code, a route or a firm."""
    modifier = name[: len(name) - len(head.suffix)]
    if head.requires == "code":
        return bool(_CODE.match(name))
    if head.requires == "enterprise":
        ent = _enterprise_prefix(name)
        return bool(ent) and len(modifier) - len(ent) >= 2
    if head.requires == "initials":
        return len(modifier) == 2 and all(c in _initials() for c in modifier)
    if not modifier:
        return head.alone
    if PHASE_IN.search(modifier) and len(modifier) >= 5:
        return True
    places = [
        h for h in hits if h.start < len(modifier) and (head.suffix != "工程" or h.place.level != "region")
    ]
    if (
        _CODE.match(name)
        or re.search(r"[\u4e00-\u9fff]至[\u4e00-\u9fff]", modifier)
        or _enterprise_prefix(name)
    ):
        return True
    if head.suffix == "工程":
        return bool(places)
    quoted = "“" in modifier
    rest_specific = _specific(modifier, hits, 0)
    if modifier.startswith("国家") and rest_specific and not places:
        return True
    if places or quoted:
        return head.bare or head.strong or rest_specific or quoted
    return (head.strong or len(head.suffix) >= 5) and rest_specific


def not_project(name: str, hits: Sequence[PlaceHit]) -> bool:
    """A name the lexicon rules out: a listed non-project (with or without its places), or a programme."""
    lex = lexicon()
    rest = name
    while True:
        h = place_at([p for p in hits], len(name) - len(rest))
        if h is None or h.end >= len(name):
            break
        rest = name[h.end :]
    if rest in lex.not_projects or name in lex.not_projects or name.startswith(lex.not_project_prefixes):
        return True
    return any(name.endswith(p) for p in lex.programmes)


def name_hits(name: str) -> list[PlaceHit]:
    """The places in a name."""
    return find_places(name)


def valid_name(name: str, head: Head) -> bool:
    """A proper name: anchored, and not ruled out by the lexicon."""
    hits = name_hits(name)
    return _anchor(name, head, hits) and not not_project(name, hits)
