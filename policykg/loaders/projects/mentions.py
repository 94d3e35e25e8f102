"""Named projects: the railways, lines, parks, labs and plants a plan commits to, resolved across documents.

A project name in this genre ends in a type word (铁路, 输电通道, 实验室, 经济合作区 …) and starts
after a verb or a list separator (加快建设太锡铁路, 推动库布其至江苏、库布其至上海输电通道开工).
The extractor finds type words, walks left to the start of the name, keeps only names with an
anchor that makes them proper (a place, a quoted term, a road code, a route A至B, an enterprise),
expands elliptic lists that share one type word (长城、黄河国家文化公园 → two projects) and
phases (引绰济辽及二期工程).  Resolution links the ways one work is written across documents:
abbreviated routes (太子城至锡林浩特铁路 = 太锡铁路), a city prefix or 国家 added or dropped,
abbreviated zone words (自由贸易试验区 = 自贸区), and shortened names of the same type.
Lexicons live in ``data/project_types.json``; places come from the regions gazetteer.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from policykg.loaders.records import Document, Span
from policykg.loaders.regions import PlaceHit, find_places, gazetteer
from policykg.loaders.structure.goals import POSITION_CODES
from policykg.loaders.structure.sections import DocumentStructure, parse_structure

__all__ = ["Project", "ProjectMention", "extract_project_mentions", "project_key", "resolve_projects"]

_CLAUSE = re.compile(r"[^。；！？\n，：:;!?,]+")
_COUNT = re.compile(
    r"(?:(?:\d+|[一二三四五六七八九十两百千几]+)\s*(?:个|家|座|条|批|项|所|处|大)|[0-9A-Za-z]+级)$"
)
_CODE = re.compile(r"[GS]\d{1,4}")
_PHASE = re.compile(r"^([一二三四五六七八九十]期)(工程|项目)?$")
_PHASE_IN = re.compile(r"[一二三四五六七八九十]期")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_COUNT_HEAD = re.compile(r"(?:\d+|[一二三四五六七八九十两百千几]+)\s*(?:个|家|座|条|批|项|所|处)")
_PHASE_NAME = re.compile(r"^(.{2,}?)[一二三四五六七八九十]期(?:工程|项目)$")
_MAX_NAME = 32


@dataclass(frozen=True)
class ProjectMention:
    """One mention of a named project in a document."""

    doc: str
    name: str  # the full name this mention stands for (elliptic items completed)
    span: Span  # the words in the original text that name it
    section: str | None
    type: str
    status: str | None
    year: int | None
    regions: tuple[str, ...]
    surface: str = ""  # the text at span
    head: str = ""  # the type word that ends the name
    goal: str | None = None  # the goal code of the section it sits in


@dataclass(frozen=True)
class Project:
    """A project resolved across documents."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    regions: tuple[str, ...]
    position: str | None
    mentions: tuple[ProjectMention, ...]
    part_of: str | None = None


@dataclass(frozen=True)
class _Head:
    suffix: str
    type: str
    strong: bool
    requires: str | None
    bare: bool = False  # a place and this word alone make a name (赤峰高新区), unlike 满洲里基地
    alone: bool = False  # the word alone names the region's own one (自贸区)


@dataclass(frozen=True)
class _Lexicon:
    heads: tuple[_Head, ...]
    head_aliases: tuple[tuple[str, str], ...]
    dropped: tuple[str, ...]
    home: tuple[str, ...]
    boundaries: tuple[str, ...]
    qualifiers: tuple[str, ...]
    generic: tuple[str, ...]
    not_projects: frozenset[str]
    programmes: tuple[str, ...]
    status: tuple[tuple[str, str], ...]
    enterprises: tuple[str, ...]
    not_before: dict[str, tuple[str, ...]]
    not_project_prefixes: tuple[str, ...]


_PHASE_HEAD = _Head("工程", "other", False, None)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = json.loads(
        resources.files("policykg.loaders.data").joinpath("project_types.json").read_text(encoding="utf-8")
    )
    heads = tuple(
        sorted(
            (
                _Head(
                    h["suffix"],
                    h["type"],
                    bool(h.get("strong")),
                    h.get("requires"),
                    bool(h.get("bare")),
                    bool(h.get("alone")),
                )
                for h in raw["heads"]
            ),
            key=lambda h: -len(h.suffix),
        )
    )
    by_len = sorted(raw["head_aliases"].items(), key=lambda kv: -len(kv[0]))
    status = tuple((word, verb) for verb, words in raw["status_verbs"].items() for word in words)
    return _Lexicon(
        heads=heads,
        head_aliases=tuple(by_len),
        dropped=tuple(sorted(raw["dropped_in_keys"], key=len, reverse=True)),
        home=tuple(sorted(raw["home_prefixes"], key=len, reverse=True)),
        boundaries=tuple(sorted(raw["boundary_words"], key=len, reverse=True)),
        qualifiers=tuple(sorted(raw["after_deng_qualifiers"], key=len, reverse=True)),
        generic=tuple(sorted(raw["generic_modifiers"], key=len, reverse=True)),
        not_projects=frozenset(raw["not_projects"]),
        programmes=tuple(raw["programme_heads"]),
        status=tuple(sorted(status, key=lambda wv: -len(wv[0]))),
        enterprises=tuple(sorted(raw["enterprises"], key=len, reverse=True)),
        not_before={k: tuple(v) for k, v in raw.get("not_before", {}).items()},
        not_project_prefixes=tuple(raw.get("not_project_prefixes", ())),
    )


@lru_cache(maxsize=1)
def _initials() -> frozenset[str]:
    """First characters of places: what a two-character line abbreviation (临哈线) is made of."""
    return frozenset(s[0] for s in gazetteer().surfaces)


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    start: int  # in the clause string
    end: int
    name: str
    head: _Head
    stop: str  # what ended the walk to the left: punct, list, coord, deng, boundary, count


def _enterprise_prefix(text: str) -> str:
    return next((e for e in _lexicon().enterprises if text.startswith(e)), "")


def _place_cover(hits: Sequence[PlaceHit], n: int) -> list[int]:
    """For each position, the start of the place that covers it (or -1)."""
    cover = [-1] * n
    for h in hits:
        for k in range(h.start, min(h.end, n)):
            cover[k] = h.start
    return cover


def _ends_with_head(text: str) -> _Head | None:
    return next((h for h in _lexicon().heads if text.endswith(h.suffix) and not h.requires), None)


def _place_at(hits: Sequence[PlaceHit], pos: int) -> PlaceHit | None:
    return next((h for h in hits if h.start == pos), None)


def _place_ending(hits: Sequence[PlaceHit], pos: int) -> PlaceHit | None:
    return next((h for h in hits if h.end == pos), None)


def _walk_left(clause: str, head_start: int, hits: Sequence[PlaceHit], cover: list[int]) -> tuple[int, str]:
    """The start of the name that ends with a head at ``head_start``, and why the walk stopped."""
    lex = _lexicon()
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
            if _PHASE.match(so_far + "工程") or _PHASE_IN.fullmatch(so_far):
                return pos, "phase"
            if _ends_with_head(before):
                return pos, "boundary"
            if _place_at(hits, pos):
                return pos, "coord" if _place_ending(hits, len(before)) else "boundary"
            if before and not before[-1].isspace() and _CJK.match(before[-1] or ""):
                pos -= len(word)
                continue
        return pos, "deng" if word == "等" else "boundary"
    return pos, "punct" if pos == 0 else "long"


def _heads_in(clause: str) -> list[tuple[int, _Head]]:
    """Positions where a type word ends a name (the longest type word at each end)."""
    out: dict[int, tuple[int, _Head]] = {}
    for head in _lexicon().heads:
        i = clause.find(head.suffix)
        while i >= 0:
            end = i + len(head.suffix)
            if clause[end : end + 2].startswith(_lexicon().not_before.get(head.suffix, ("\0",))):
                i = clause.find(head.suffix, i + 1)
                continue
            if end not in out or len(out[end][1].suffix) < len(head.suffix):
                out[end] = (i, head)
            i = clause.find(head.suffix, i + 1)
    return sorted(out.values(), key=lambda ih: (ih[0], -len(ih[1].suffix)))


def _specific(modifier: str, hits: Sequence[PlaceHit], offset: int) -> bool:
    """A modifier that names something in particular, not only generic words."""
    lex = _lexicon()
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


def _anchor(name: str, head: _Head, hits: Sequence[PlaceHit]) -> bool:
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
    if _PHASE_IN.search(modifier) and len(modifier) >= 5:
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


def _not_project(name: str, hits: Sequence[PlaceHit]) -> bool:
    lex = _lexicon()
    rest = name
    while True:
        h = _place_at([p for p in hits], len(name) - len(rest))
        if h is None or h.end >= len(name):
            break
        rest = name[h.end :]
    if rest in lex.not_projects or name in lex.not_projects or name.startswith(lex.not_project_prefixes):
        return True
    return any(name.endswith(p) for p in lex.programmes)


def _name_hits(name: str) -> list[PlaceHit]:
    return find_places(name)


def _shared_part(last: str, head: _Head, item: str) -> str | None:
    """What an elliptic item shares with the last, complete item of its list (the type words)."""
    hits = _name_hits(last)
    lead = 0
    route = re.match(r"^(.+?)至", last)
    if route and "至" in item:
        return head.suffix
    if route:
        after = route.end()
        h = _place_at(_name_hits(last[after:]), 0)
        lead = after + (len(h.surface) if h else 0)
        while last[lead : lead + 1] == "至":
            h = _place_at(_name_hits(last[lead + 1 :]), 0)
            if not h:
                break
            lead += 1 + len(h.surface)
        if not h:
            lead = 0
    if not lead:
        h = _place_at(hits, 0)
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


def _list_items(clause: str, end: int) -> list[tuple[int, int]]:
    """The 、-separated items that end at ``end`` (exclusive), nearest first."""
    lex = _lexicon()
    items: list[tuple[int, int]] = []
    pos = end
    while pos > 0 and clause[pos - 1] == "、":
        stop = pos - 1
        a = stop
        while a > 0 and clause[a - 1] not in "、" and stop - a < 20:
            left = clause[:a]
            bounded = any(left.endswith(w) for w in lex.boundaries if len(w) >= 2 or w in "和及与等")
            if bounded and not _place_ending(find_places(left), len(left)):
                break
            a -= 1
        if a == stop:
            break
        items.append((a, stop))
        pos = a
    return items


def _strip_qualifiers(name: str) -> tuple[str, int]:
    """Drop the qualifiers that follow 等 (等一批百亿级项目 → 项目); how many characters went."""
    lex = _lexicon()
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


def _valid(name: str, head: _Head) -> bool:
    hits = _name_hits(name)
    return _anchor(name, head, hits) and not _not_project(name, hits)


def _clause_candidates(clause: str) -> list[tuple[int, int, str, _Head, str]]:
    """(start, end, full name, head, kind) for every project named in one clause."""
    hits = find_places(clause)
    cover = _place_cover(hits, len(clause))
    raw: list[_Cand] = []
    for i, head in _heads_in(clause):
        start, stop = _walk_left(clause, i, hits, cover)
        if head.requires == "initials":
            start, stop = i - 2, "boundary"
            if start < 0:
                continue
        end = i + len(head.suffix)
        if stop == "deng":
            _, cut = _strip_qualifiers(clause[start:end])
            start += cut
        if start >= end:
            continue
        raw.append(_Cand(start, end, clause[start:end], head, stop))
    valid = [c for c in raw if _valid(c.name, c.head) or _PHASE.match(c.name)]
    # a valid name that contains another ending inside it is one name (满洲里铁路口岸准轨增二线)
    valid.sort(key=lambda c: (c.end, -c.start))
    kept: list[_Cand] = []
    for c in valid:
        nested: list[_Cand] = []
        while kept and kept[-1].start >= c.start and kept[-1].end < c.end and not _PHASE.match(c.name):
            inner = kept.pop()
            # a strong name that opens a longer one is named too (盛乐机场 in 盛乐机场空港国际物流园)
            branch = "至" in clause[inner.end : c.end]
            if inner.start == c.start and inner.head.strong and (inner.head.type != c.head.type or branch):
                nested.append(_Cand(inner.start, inner.end, inner.name, inner.head, "nested"))
        kept.extend(reversed(nested))
        kept.append(c)
    out: list[tuple[int, int, str, _Head, str]] = []
    for c in kept:
        phase = _PHASE.match(c.name)
        if phase:
            items = _deng_items(clause, c.start - 1) if c.stop in ("phase", "list") else []
            if items:
                a, b = items[0]
                base = re.sub(r"[一二三四五六七八九十]期$", "", clause[a:b])
                if len(base) >= 2 and not _ends_with_head(base):
                    out.append((a, b, base + "工程", _PHASE_HEAD, "phase_base"))
                    out.append((c.start, c.end, base + c.name, _PHASE_HEAD, "phase"))
            continue
        out.append((c.start, c.end, c.name, c.head, "name"))
        m = _PHASE_NAME.match(c.name)
        if m and c.stop == "list":
            items = _list_items(clause, c.start)
            if items and clause[items[0][0] : items[0][1]] in (m.group(1), m.group(1) + "一期"):
                out.append((items[0][0], items[0][1], m.group(1) + "工程", _PHASE_HEAD, "phase_base"))
        if c.stop in ("list", "coord"):
            items = _list_items(clause, c.start) if c.stop == "list" else _coord_item(clause, c.start, hits)
            if c.stop == "coord" and items:
                items = [*items, *_list_items(clause, items[0][0])]
            for a, b in items:
                item = clause[a:b]
                if _ends_with_head(item) or item.endswith(c.head.suffix) or not _item_ok(item):
                    break
                shared = _shared_part(c.name, c.head, item)
                if shared is None or _suffix_mismatch(item, c.name):
                    break
                out.append((a, b, item + shared, c.head, "ellipsis"))
    # 等 closing a list of incomplete items that share the words after it (X、Y等外送通道)
    for c in raw:
        if c.stop == "count":
            k = clause.rfind("等", 0, c.start)
            rest, cut = _strip_qualifiers(clause[k + 1 : c.end]) if k >= 0 else ("", 0)
            if k < 0 or not rest or k + 1 + cut < c.start - 4:
                continue
            c = _Cand(k + 1 + cut, c.end, rest, c.head, "deng")
        if c.stop != "deng" or c in kept or _not_project(c.name, _name_hits(c.name)):
            continue
        if c.head.suffix == "工程" or (len(c.name) < 3 and not c.head.requires):
            continue
        for a, b in _deng_items(clause, clause.rfind("等", 0, c.start)):
            item = clause[a:b]
            if _ends_with_head(item) or not _item_ok(item):
                continue
            full = item + c.name
            if _valid(full, c.head):
                out.append((a, b, full, c.head, "ellipsis"))
    return out


def _coord_item(clause: str, start: int, hits: Sequence[PlaceHit]) -> list[tuple[int, int]]:
    """The place before 和/及/与 that shares the name after it (贺兰山和大青山国家公园)."""
    j = start - 1
    h = _place_ending(hits, j)
    return [(h.start, h.end)] if h else []


def _deng_items(clause: str, deng_at: int) -> list[tuple[int, int]]:
    """Items of the list closed by 等 at ``deng_at``, nearest first."""
    lex = _lexicon()
    b = deng_at
    a = b
    while a > 0 and clause[a - 1] != "、" and b - a < 20:
        left = clause[:a]
        if any(left.endswith(w) for w in lex.boundaries if len(w) >= 2):
            break
        a -= 1
    if a == b:
        return []
    return [(a, b), *_list_items(clause, a)]


def _item_ok(item: str) -> bool:
    """An elliptic item is a place, a route or a short proper word, not a clause."""
    if not item or len(item) > 20 or any(ch in item for ch in "，。；："):
        return False
    if item.endswith(tuple("心地台园区院站厂馆")):
        return False
    return bool(_CJK.search(item))


def _suffix_mismatch(item: str, last: str) -> bool:
    """市/盟 items listed before a zone named by its bare city are places, not elliptic names."""
    return (
        item.endswith(("市", "盟"))
        and _place_at(_name_hits(last), 0) is not None
        and not any(h.start == 0 and h.surface.endswith(("市", "盟")) for h in _name_hits(last))
    )


# --------------------------------------------------------------------------- extraction


def _status(clause: str, start: int, end: int) -> str | None:
    lex = _lexicon()
    after = clause[end : end + 8]
    for word, verb in lex.status:
        if after.startswith(word) or after[:4].find(word) == 0:
            return verb
    before = clause[:start]
    best: tuple[int, str] | None = None
    for word, verb in lex.status:
        k = before.rfind(word)
        if k >= 0 and (best is None or k + len(word) > best[0]):
            best = (k + len(word), verb)
    return best[1] if best else None


def extract_project_mentions(
    doc: Document, structure: DocumentStructure | None = None
) -> list[ProjectMention]:
    """Every mention of a named project in one document, spans into the original text."""
    structure = structure or parse_structure(doc)
    norm = structure.norm
    out: list[ProjectMention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in _CLAUSE.finditer(norm.text):
        clause = m.group(0)
        if not _CJK.search(clause):
            continue
        for a, b, name, head, _kind in _clause_candidates(clause):
            span = norm.original_span(m.start() + a, m.start() + b)
            if span[1] <= span[0] or (span[0], span[1], name) in seen:
                continue
            seen.add((span[0], span[1], name))
            section = structure.section_at(span[0])
            regions = tuple(dict.fromkeys(h.place.name for h in _name_hits(name)))
            out.append(
                ProjectMention(
                    doc=doc.id,
                    name=name,
                    span=span,
                    section=section.id if section else None,
                    type=head.type,
                    status=_status(clause, a, b),
                    year=doc.year,
                    regions=regions,
                    surface=doc.text[span[0] : span[1]],
                    head=head.suffix,
                    goal=section.goal.code if section and section.goal else None,
                )
            )
    return out


# --------------------------------------------------------------------------- resolution


def _head_key(head: str) -> str:
    for src, dst in _lexicon().head_aliases:
        if head == src:
            return dst
    return head


def project_key(name: str) -> str:
    """The comparable core of a name: zone words abbreviated, 国家/工程/一期 and home prefixes dropped."""
    lex = _lexicon()
    key = name
    for src, dst in lex.head_aliases:
        if len(src) > 1 or key.endswith(src):
            key = key.replace(src, dst) if len(src) > 1 else key[: -len(src)] + dst
    changed = True
    while changed:
        changed = False
        for p in lex.home:
            if key.startswith(p) and len(key) > len(p) + 2:
                key = key[len(p) :]
                changed = True
    for d in lex.dropped:
        if len(key.replace(d, "")) >= 2:
            key = key.replace(d, "")
    for h in sorted(find_places(key), key=lambda h: -h.start):
        if h.place.level in ("county", "league_city"):
            key = key[: h.start] + h.place.name + key[h.end :]
    return re.sub(r"[\"“”（）()\s]", "", key)


def _route_abbreviation(name: str, head: str) -> str | None:
    """太子城至锡林浩特铁路 → 太锡铁路; G0616海流图至乌拉山段 → G0616海乌段."""
    m = re.match(r"^([GS]\d{1,4})?([\u4e00-\u9fff]{2,8}?)至([\u4e00-\u9fff]{2,8}?)(.*)$", name)
    if not m or not head or not name.endswith(head):
        return None
    code, a, b, rest = m.group(1) or "", m.group(2), m.group(3), m.group(4)
    tail = name[len(code) + len(a) + 1 + len(b) :]
    if "至" in rest:
        return None
    if not tail.endswith(head):
        return None
    if len(tail) > len(head):
        b = b + tail[: len(tail) - len(head)]
        tail = head
    return code + a[0] + b[0] + tail


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _strip_place(key: str) -> str:
    h = _place_at(find_places(key), 0)
    if h and len(key) - h.end >= 3:
        return key[h.end :]
    return key


def _same(a: ProjectMention, b: ProjectMention, ka: str, kb: str) -> bool:
    if a.type != b.type and not (a.head == "线" or b.head == "线"):
        return False
    if ka == kb:
        return True
    ra, rb = _route_abbreviation(a.name, a.head), _route_abbreviation(b.name, b.head)
    if (ra and project_key(ra) == kb) or (rb and project_key(rb) == ka):
        return True
    sa, sb = _strip_place(ka), _strip_place(kb)
    if (sa == kb and sa != ka) or (sb == ka and sb != kb):
        return True
    ha, hb = _head_key(a.head), _head_key(b.head)
    if ha != hb:
        return False
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if "至" in short or "至" in long:
        return False
    if _PHASE_IN.findall(short) != _PHASE_IN.findall(long):
        return False
    long_s = _strip_place(long)
    if len(short) >= 4 and short != long:
        for s, lg in ((short, long), (short, long_s)):
            if len(s) >= 4 and s[0] == lg[0] and s[:2] in lg and _subsequence(s, lg):
                return True
    return False


def _stable_id(name: str) -> str:
    return "project-" + hashlib.sha1(project_key(name).encode("utf-8")).hexdigest()[:12]


def resolve_projects(mentions: Iterable[ProjectMention]) -> list[Project]:
    """Group mentions into projects across documents; ids are stable ASCII keys."""
    ms = list(mentions)
    names: dict[str, ProjectMention] = {}
    for m in ms:
        names.setdefault(m.name, m)
    order = list(names)
    keys = {n: project_key(n) for n in order}
    parent = {n: n for n in order}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if find(a) != find(b) and _same(names[a], names[b], keys[a], keys[b]):
                parent[find(a)] = find(b)
    groups: dict[str, list[ProjectMention]] = defaultdict(list)
    for m in ms:
        groups[find(m.name)].append(m)
    projects: list[Project] = []
    canonical: dict[str, str] = {}
    for members in groups.values():
        counts = Counter(m.name for m in members)
        name = max(counts, key=lambda n: (counts[n], len(n), n))
        pid = _stable_id(name)
        for n in counts:
            canonical[n] = pid
        type_ = Counter(m.type for m in members).most_common(1)[0][0]
        regions = tuple(dict.fromkeys(r for m in members for r in m.regions))
        codes = Counter(m.goal for m in members if m.goal in POSITION_CODES)
        position = codes.most_common(1)[0][0] if codes else None
        ordered = tuple(sorted(members, key=lambda m: (m.doc, m.span)))
        projects.append(
            Project(
                id=pid,
                name=name,
                aliases=tuple(sorted(n for n in counts if n != name)),
                type=type_,
                regions=regions,
                position=position,
                mentions=ordered,
            )
        )
    by_id = {p.id: p for p in projects}
    out: list[Project] = []
    for p in projects:
        whole = None
        phase = _PHASE_IN.search(p.name)
        if phase:
            base = p.name[: phase.start()]
            whole = next(
                (
                    pid
                    for n, pid in canonical.items()
                    if project_key(n) == project_key(base + "工程") and pid != p.id
                ),
                None,
            )
        out.append(Project(**{**p.__dict__, "part_of": whole}) if whole in by_id else p)
    return sorted(out, key=lambda p: p.id)
