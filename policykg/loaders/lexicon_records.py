"""The typed records the lexicon loaders return, and the checks of the entries they are built from.

Each record is what one data file means to the code that uses it (word lists as tuples, tables as
mappings, project heads and places as frozen dataclasses); ``Any`` stays at the JSON edge, in the
checkers that turn one entry into one record and fail naming it when it does not fit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from policykg.loaders.lexicon_schema import Entry, Section, word, words

__all__ = [
    "ActorTerms",
    "Goal",
    "GoalTerms",
    "IndicatorTerms",
    "ProjectHead",
    "ProjectTypes",
    "RegionEntry",
    "RegionsFile",
    "UnitTerms",
    "factor",
    "goal",
    "head",
    "region",
    "word_table",
]


@dataclass(frozen=True)
class ActorTerms:
    """Who a plan tells to do what: actor words by kind of actor, modals, role verbs."""

    suffixes: Mapping[str, tuple[str, ...]]  # kind of actor → words an actor's name ends with
    not_actors: frozenset[str]
    modal: tuple[str, ...]
    cut_words: tuple[str, ...]
    roles: Mapping[str, tuple[str, ...]]  # role → verbs that give it


@dataclass(frozen=True)
class Goal:
    """A strategic goal: its label in the output contract and the terms that name it in a heading."""

    label: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class GoalTerms:
    """Goal codes with their heading terms, and the subject words of the five positions."""

    goals: Mapping[str, Goal]
    position_terms: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class IndicatorTerms:
    """Canonical indicator names with their surface forms, and the topic words bare measures borrow."""

    synonyms: Mapping[str, tuple[str, ...]]
    topics: tuple[str, ...]
    topic_aliases: Mapping[str, str]
    measures: frozenset[str]


@dataclass(frozen=True)
class UnitTerms:
    """Scale words with their factor, units by family, and words that look like units but are not."""

    scales: tuple[tuple[str, float], ...]  # in file order: 万亿 before 亿
    families: Mapping[str, tuple[str, ...]]
    not_units: tuple[str, ...]


@dataclass(frozen=True)
class ProjectHead:
    """A type word that ends a project name, and what a name ending in it needs."""

    suffix: str
    type: str
    strong: bool
    requires: str | None
    bare: bool
    alone: bool


@dataclass(frozen=True)
class ProjectTypes:
    """Every word list of ``project_types.json``, in file order (the projects loader sorts them)."""

    heads: tuple[ProjectHead, ...]
    head_aliases: Mapping[str, str]
    dropped_in_keys: tuple[str, ...]
    home_prefixes: tuple[str, ...]
    boundary_words: tuple[str, ...]
    after_deng_qualifiers: tuple[str, ...]
    generic_modifiers: tuple[str, ...]
    not_projects: frozenset[str]
    programme_heads: tuple[str, ...]
    status_verbs: Mapping[str, tuple[str, ...]]  # status → words that give it
    enterprises: tuple[str, ...]
    not_before: Mapping[str, tuple[str, ...]]
    not_project_prefixes: tuple[str, ...]


@dataclass(frozen=True)
class RegionEntry:
    """One place of a gazetteer file, with its provenance kind (gazetteer or world)."""

    name: str
    level: str
    parent: str | None
    short: tuple[str, ...]
    ambiguous_short: bool
    provenance: str  # the entry's kind; the JSON field "kind" is the place's subtype (desert, rail)
    code: str | None = None
    en: str | None = None
    pinyin: str | None = None


@dataclass(frozen=True)
class RegionsFile:
    """A gazetteer file: its places, and strings inside which a shorter name is no place."""

    regions: tuple[RegionEntry, ...]
    non_place_contexts: tuple[str, ...]


# ---------------------------------------------------------------- entry checks


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
