"""Region mentions: every place a policy document names, resolved to one gazetteer entry.

Places in this genre appear in full (锡林郭勒盟), in short (锡林郭勒, 科右前旗), inside project
names (包银高铁银川至巴彦浩特支线) and inside words that are not places at all (吉林 in 巴丹吉林,
兴安 in 大兴安岭, 富裕 in 共同富裕, 蒙古 in 内蒙古).  Matching is longest-first over the clean
text, with the gazetteer's non-place contexts as blockers that swallow the shorter reading, and
ambiguous short forms accepted only with an administrative suffix or beside other places.
Gazetteer: ``data/regions.json`` (shared) plus ``data/regions_extra.json`` (supplement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from policykg.loaders import lexicon
from policykg.loaders.records import Document, Span
from policykg.loaders.structure.sections import DocumentStructure
from policykg.loaders.text.normalise import normalise

__all__ = [
    "Place",
    "PlaceHit",
    "RegionMention",
    "extract_region_mentions",
    "find_places",
    "gazetteer",
]

_MAX_SURFACE = 16
# after an ambiguous short form, these make the place reading certain
_SUFFIX_AFTER = re.compile(r"^(?:市|盟|旗|县|区|地区|等地|等盟市|境内|周边|一带|口岸|(?:国家)?实验室)")
_LIST_SEP = "、和及与"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    level: str
    parent: str | None


@dataclass(frozen=True)
class PlaceHit:
    """A place found in a string: where, as written, and which entry."""

    start: int
    end: int
    surface: str
    place: Place


@dataclass(frozen=True)
class RegionMention:
    """One mention of a place in a document, with the canonical gazetteer name."""

    doc: str
    name: str
    level: str
    parent: str | None
    surface: str
    span: Span
    aliases: tuple[str, ...] = ()  # the entry's other names (short forms), for matching by name


@dataclass(frozen=True)
class _Gazetteer:
    surfaces: dict[str, tuple[Place, bool]]  # surface -> (entry, needs context)
    blockers: frozenset[str]
    places: dict[str, Place]
    aliases: dict[str, tuple[str, ...]]  # entry name -> its other surfaces


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    """The merged gazetteer (shared file plus supplement, read through the lexicon loader), cached."""
    surfaces: dict[str, tuple[Place, bool]] = {}
    places: dict[str, Place] = {}
    blockers: set[str] = set()
    for data in (lexicon.regions(), lexicon.regions_extra()):
        blockers.update(data.non_place_contexts)
        for e in data.regions:
            place = places.get(e.name) or Place(e.name, e.level, e.parent)
            places[e.name] = place
            if len(e.name) >= 2 and (e.name not in surfaces or surfaces[e.name][1]):
                surfaces[e.name] = (place, False)
            for short in e.short:
                if len(short) < 2 or (short in surfaces and not surfaces[short][1]):
                    continue
                surfaces[short] = (place, e.ambiguous_short)
    blockers -= {s for s, (_, needs) in surfaces.items() if not needs}
    aliases: dict[str, list[str]] = {}
    for surface, (place, _) in surfaces.items():
        if surface != place.name:
            aliases.setdefault(place.name, []).append(surface)
    return _Gazetteer(surfaces, frozenset(blockers), places, {k: tuple(v) for k, v in aliases.items()})


def _context_ok(text: str, start: int, end: int, surfaces: dict[str, tuple[Place, bool]]) -> bool:
    """An ambiguous short form reads as a place with a suffix after it or another place beside it."""
    if _SUFFIX_AFTER.match(text[end : end + 6]):
        return True
    if text[end : end + 1] == "至" and find_places_strict(text[end + 1 : end + 1 + _MAX_SURFACE], surfaces):
        return True
    if start > 0 and text[start - 1] == "至":
        return True
    after = text[end : end + 1]
    before = text[start - 1 : start] if start > 0 else ""
    if after and after in _LIST_SEP:
        nxt = text[end + 1 : end + 1 + _MAX_SURFACE]
        if any(nxt.startswith(s) for s, (_, needs) in surfaces.items() if not needs and len(s) <= len(nxt)):
            return True
    if before and before in _LIST_SEP:
        prev = text[max(0, start - 1 - _MAX_SURFACE) : start - 1]
        if any(prev.endswith(s) for s, (_, needs) in surfaces.items() if not needs):
            return True
    return False


def find_places_strict(text: str, surfaces: dict[str, tuple[Place, bool]]) -> bool:
    """Whether a string starts with an unambiguous place."""
    return any(
        text[:k] in surfaces and not surfaces[text[:k]][1] for k in range(min(len(text), _MAX_SURFACE), 1, -1)
    )


def find_places(text: str) -> list[PlaceHit]:
    """Every place in a string, longest match first, non-place readings skipped."""
    gaz = gazetteer()
    hits: list[PlaceHit] = []
    i, n = 0, len(text)
    while i < n:
        best = 0
        blocked = 0
        for length in range(min(_MAX_SURFACE, n - i), 1, -1):
            piece = text[i : i + length]
            if piece in gaz.surfaces:
                best = length
                break
            if not blocked and piece in gaz.blockers:
                blocked = length
        if blocked > best:
            i += blocked
            continue
        if best:
            surface = text[i : i + best]
            place, needs = gaz.surfaces[surface]
            if not needs or _context_ok(text, i, i + best, gaz.surfaces):
                hits.append(PlaceHit(i, i + best, surface, place))
                i += best
                continue
        i += 1
    return hits


def extract_region_mentions(doc: Document, structure: DocumentStructure | None = None) -> list[RegionMention]:
    """Every place mention of a document, with spans into the original text."""
    norm = structure.norm if structure is not None else normalise(doc.text)
    gaz = gazetteer()
    out: list[RegionMention] = []
    for hit in find_places(norm.text):
        for inner in (hit, *_nested(hit)):
            span = norm.original_span(inner.start, inner.end)
            out.append(
                RegionMention(
                    doc=doc.id,
                    name=inner.place.name,
                    level=inner.place.level,
                    parent=inner.place.parent,
                    surface=doc.text[span[0] : span[1]],
                    span=span,
                    aliases=gaz.aliases.get(inner.place.name, ()),
                )
            )
    return out


def _nested(hit: PlaceHit) -> list[PlaceHit]:
    """Places named inside a longer place name (赤峰 in 赤峰高新区, 扎门乌德 in 二连浩特—扎门乌德合作区)."""
    surfaces = gazetteer().surfaces
    out: list[PlaceHit] = []
    text = hit.surface
    i = 0
    while i < len(text):
        for length in range(min(_MAX_SURFACE, len(text) - i), 1, -1):
            piece = text[i : i + length]
            if (
                piece != text
                and piece in surfaces
                and not surfaces[piece][1]
                and surfaces[piece][0] != hit.place
            ):
                out.append(PlaceHit(hit.start + i, hit.start + i + length, piece, surfaces[piece][0]))
                i += length - 1
                break
        i += 1
    return out
