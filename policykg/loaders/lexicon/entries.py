"""Checks of single entries, each turning one JSON entry into one record or failing with its name.

Kept apart from the records so that the shapes code relies on and the checks of what a file may
hold can be read on their own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from policykg.loaders.lexicon.records import (
    Division,
    Goal,
    Indicator,
    ProjectHead,
    RegionEntry,
    UnitFamily,
)
from policykg.loaders.lexicon.schema import Entry, Section, word, words

__all__ = [
    "division",
    "factor",
    "goal",
    "head",
    "indicator",
    "region",
    "unit_family",
    "word_table",
    "years",
]


def word_table(section: Section) -> dict[str, tuple[str, ...]]:
    """A mapping section of word lists (family → words); kinds merged, families in file order."""
    return section.keyed(words, "a list of non-empty strings")


def _check(section: Section, entry: Entry, ok: bool, problem: str) -> None:
    """Fail on one entry unless ``ok``: one line per rule keeps every rule of a shape visible."""
    if not ok:
        section.fail(entry, problem)


_HEAD_TYPES = frozenset(
    {"railway", "highway", "airport", "power_transmission", "pipeline", "water", "park", "port"}
    | {"platform", "base", "other"}
)
_REQUIRES = frozenset({"initials", "code", "enterprise"})
_LEVELS = frozenset(
    {"region", "league_city", "county", "port", "area", "group", "province", "city_outside", "cluster"}
    | {"country"}
)
# gazetteer attributes beyond those the matcher reads: checked, so a typo in a key fails loading
_REGION_OPTIONAL: dict[str, Callable[[Any], object]] = {
    "pinyin": word,
    "en": word,
    "code": lambda v: v is None or (isinstance(v, str) and v.isdigit() and len(v) == 6),
    "abbr": word,
    "kind": word,  # subtype: rail, road, desert, lake, development_zone …
    "faces": word,
    "opposite": word,
    "county": word,
    "within": words,
    "members": words,
    "seat_of": words,
}


def head(section: Section, entry: Entry) -> ProjectHead:
    """A project head from its JSON object; an unknown type or flag fails instead of being read as false."""
    v = entry.value
    _check(section, entry, isinstance(v, dict), "expected an object with suffix, type, strong and bare")
    allowed = {"suffix", "type", "strong", "bare", "requires", "alone"}
    _check(section, entry, set(v) <= allowed, f"unknown field(s) {sorted(set(v) - allowed)}")
    _check(section, entry, bool(word(v.get("suffix"))), "suffix must be a non-empty string")
    _check(section, entry, v.get("type") in _HEAD_TYPES, f"type must be one of {sorted(_HEAD_TYPES)}")
    flags = [v.get(k, False) for k in ("strong", "bare", "alone")]
    _check(section, entry, all(isinstance(f, bool) for f in flags), "strong, bare, alone must be true/false")
    _check(section, entry, "strong" in v and "bare" in v, "strong and bare are required")
    _check(
        section,
        entry,
        v.get("requires") in _REQUIRES | {None},
        f"requires must be one of {sorted(_REQUIRES)}",
    )
    return ProjectHead(
        v["suffix"], v["type"], v["strong"], v.get("requires"), v["bare"], v.get("alone", False)
    )


def region(section: Section, entry: Entry) -> RegionEntry:
    """A place from its JSON object; a misspelt field fails instead of silently dropping an attribute."""
    v = entry.value
    _check(section, entry, isinstance(v, dict), "expected an object with name, level, parent, short")
    extra = set(v) - {"name", "level", "parent", "short", "ambiguous_short", *_REGION_OPTIONAL}
    _check(section, entry, not extra, f"unknown field(s) {sorted(extra)}")
    _check(section, entry, bool(word(v.get("name"))), "name must be a non-empty string")
    _check(section, entry, v.get("level") in _LEVELS, f"level must be one of {sorted(_LEVELS)}")
    _check(section, entry, v.get("parent") is None or bool(word(v.get("parent"))), "parent: a name or null")
    _check(section, entry, "parent" in v, "parent is required (null for none)")
    _check(section, entry, words(v.get("short")) is not None, "short must be a list of strings")
    _check(section, entry, isinstance(v.get("ambiguous_short"), bool), "ambiguous_short must be true/false")
    for key, valid in _REGION_OPTIONAL.items():
        _check(section, entry, key not in v or bool(valid(v[key])), f"bad value of {key}: {v.get(key)!r}")
    return RegionEntry(
        v["name"],
        v["level"],
        v["parent"],
        tuple(v["short"]),
        v["ambiguous_short"],
        entry.kind,
        v.get("code"),
        v.get("en"),
        v.get("pinyin"),
    )


def goal(value: Any) -> Goal | None:
    """A goal from ``{"label": …, "terms": […]}``, or None when the object has another shape."""
    if not isinstance(value, dict) or set(value) != {"label", "terms"}:
        return None
    label, terms = word(value["label"]), words(value["terms"])
    return Goal(label, terms) if label and terms else None


def factor(value: Any) -> float | None:
    """A scale word's factor: a positive number (a bool is not one, though JSON would allow it)."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
    return float(value) if ok else None


_MEASURES = frozenset({"level", "flow", "change", "share", "count"})


def indicator(section: Section, entry: Entry, citations: Mapping[str, str]) -> Indicator:
    """An indicator from ``{"forms", "family", "measure", "sources"[, "whole"]}``; sources are cited keys."""
    v = entry.value
    allowed = {"forms", "whole", "family", "measure", "sources"}
    _check(
        section,
        entry,
        isinstance(v, dict) and allowed - {"whole"} <= set(v) <= allowed,
        f"expected {sorted(allowed)}",
    )
    forms, whole, sources = words(v["forms"]), words(v.get("whole", [])), words(v["sources"])
    _check(
        section, entry, forms is not None and whole is not None, "forms and whole must be lists of strings"
    )
    _check(section, entry, isinstance(v["family"], str), "family must be a unit family of units.json or ''")
    _check(section, entry, v["measure"] in _MEASURES, f"measure must be one of {sorted(_MEASURES)}")
    _check(
        section,
        entry,
        bool(sources) and set(sources or ()) <= set(citations),
        "sources must be citation keys",
    )
    return Indicator(
        str(entry.key),
        tuple(forms or ()),
        tuple(whole or ()),
        v["family"],
        v["measure"],
        tuple(sources or ()),
    )


def unit_family(section: Section, entry: Entry) -> UnitFamily:
    """A unit family from ``{"class", "base", "units": {unit: factor}}``; the base is a member of factor 1."""
    v = entry.value
    _check(
        section,
        entry,
        isinstance(v, dict) and set(v) == {"class", "base", "units"},
        "expected class, base, units",
    )
    members = v["units"]
    _check(section, entry, bool(word(v["class"])) and bool(word(v["base"])), "class and base must be strings")
    _check(
        section, entry, isinstance(members, dict) and bool(members), "units must map each unit to its factor"
    )
    factors = {str(u): factor(f) for u, f in members.items()}
    _check(
        section, entry, all(f is not None for f in factors.values()), "every factor must be a positive number"
    )
    _check(section, entry, factors.get(v["base"]) == 1.0, "the base unit is a member with factor 1")
    return UnitFamily(
        str(entry.key), v["class"], v["base"], {u: f for u, f in factors.items() if f is not None}
    )


def years(value: Any) -> tuple[int, ...] | None:
    """A non-empty list of plausible years (1900–2100) in rising order, or None."""
    ok = isinstance(value, list) and value and all(isinstance(v, int) and 1900 <= v <= 2100 for v in value)
    return tuple(value) if ok and list(value) == sorted(value) else None


def division(section: Section, entry: Entry) -> Division:
    """A division from ``[code, name, [short forms]]``: a six-digit code, a name, its short forms."""
    v = entry.value
    _check(section, entry, isinstance(v, list) and len(v) == 3, "expected [code, name, [short forms]]")
    code, name, short = v
    _check(section, entry, isinstance(code, str) and code.isdigit() and len(code) == 6, "code: six digits")
    _check(section, entry, bool(word(name)), "name must be a non-empty string")
    _check(section, entry, words(short) is not None, "short forms must be a list of strings")
    return Division(code, name, tuple(short))
