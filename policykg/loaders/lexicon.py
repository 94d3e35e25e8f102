"""Every lexicon data file of ``policykg/loaders/data``, read once, checked, and handed out typed.

The data files hold the genre's vocabulary, gazetteers and a little knowledge of the world; the
extractors hold the rules.  This module is the only code that opens those files: each loader
checks its file against the shared shape (:mod:`~policykg.loaders.lexicon_schema`: every entry
grouped under its provenance kind) and the shape of its own entries
(:mod:`~policykg.loaders.lexicon_records`), then returns frozen records, cached.  A malformed file
raises :class:`~policykg.errors.LexiconError` naming the file and the entry.  Every loader takes
an optional ``folder`` so a test can point it at files of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.loaders.lexicon_records import (
    ActorTerms,
    Goal,
    GoalTerms,
    IndicatorTerms,
    ProjectHead,
    ProjectTypes,
    RegionEntry,
    RegionsFile,
    UnitTerms,
    factor,
    goal,
    head,
    region,
    word_table,
)
from policykg.loaders.lexicon_schema import KINDS, Entry, Section, check_file, fail, word

__all__ = [
    "FILES",
    "KINDS",
    "ActorTerms",
    "Entry",
    "Goal",
    "GoalTerms",
    "IndicatorTerms",
    "ProjectHead",
    "ProjectTypes",
    "RegionEntry",
    "RegionsFile",
    "UnitTerms",
    "actor_terms",
    "data_files",
    "entries",
    "goal_terms",
    "indicators",
    "load",
    "project_types",
    "regions",
    "regions_extra",
    "stop_bigrams",
    "units",
]

_PACKAGE = "policykg.loaders"


# ---------------------------------------------------------------- reading


def _source(name: str, folder: Path | None) -> str:
    """The text of a data file: the package's own, or the one in ``folder``."""
    try:
        if folder is None:
            return resources.files(_PACKAGE).joinpath("data").joinpath(name).read_text(encoding="utf-8")
        return (Path(folder) / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(name, "file", f"cannot be read ({exc.__class__.__name__})")


@cache
def _sections(name: str, folder: Path | None) -> dict[str, Section]:
    """A data file parsed and checked against the shared shape, cached per file and folder."""
    text = _source(name, folder)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(name, f"line {exc.lineno} column {exc.colno}", f"not JSON ({exc.msg})")
    return check_file(name, data, _SECTIONS[name])


# ---------------------------------------------------------------- loaders, one per file


@cache
def actor_terms(folder: Path | None = None) -> ActorTerms:
    """``actor_terms.json``: the words of responsibility assignments."""
    s = _sections("actor_terms.json", folder)
    return ActorTerms(
        suffixes=word_table(s["actor_suffixes"]),
        not_actors=frozenset(s["not_actors"].strings()),
        modal=s["modal"].strings(),
        cut_words=s["cut_words"].strings(),
        roles=word_table(s["roles"]),
    )


@cache
def stop_bigrams(folder: Path | None = None) -> frozenset[str]:
    """``alignment_stop_bigrams.json``: bigrams that say nothing about which goal a section serves."""
    section = _sections("alignment_stop_bigrams.json", folder)["stop_bigrams"]
    for entry in section:
        if not (isinstance(entry.value, str) and len(entry.value) == 2):
            section.fail(entry, "expected a bigram (two characters: a longer entry could never match)")
    return frozenset(section.strings())


@cache
def goal_terms(folder: Path | None = None) -> GoalTerms:
    """``goal_terms.json``: goal codes with their heading terms, and the positions' subject words."""
    s = _sections("goal_terms.json", folder)
    return GoalTerms(
        goals=s["goals"].keyed(goal, "an object with a label and a list of terms"),
        position_terms=word_table(s["position_terms"]),
    )


@cache
def indicators(folder: Path | None = None) -> IndicatorTerms:
    """``indicators.json``: canonical indicator names and the words around them."""
    s = _sections("indicators.json", folder)
    return IndicatorTerms(
        synonyms=word_table(s["synonyms"]),
        topics=s["topics"].strings(),
        topic_aliases=s["topic_aliases"].keyed(word, "a topic word"),
        measures=frozenset(s["measures"].strings()),
    )


@cache
def units(folder: Path | None = None) -> UnitTerms:
    """``units.json``: scale words, units by family, and what is not a unit."""
    s = _sections("units.json", folder)
    return UnitTerms(
        scales=tuple(s["scales"].keyed(factor, "a positive number").items()),
        families=word_table(s["units"]),
        not_units=s["not_units"].strings(),
    )


@cache
def project_types(folder: Path | None = None) -> ProjectTypes:
    """``project_types.json``: type words, boundaries, status verbs and the rest of project naming."""
    s = _sections("project_types.json", folder)
    heads = s["heads"]
    return ProjectTypes(
        heads=tuple(head(heads, e) for e in heads),
        head_aliases=s["head_aliases"].keyed(word, "the short form a type word is compared under"),
        dropped_in_keys=s["dropped_in_keys"].strings(),
        home_prefixes=s["home_prefixes"].strings(),
        boundary_words=s["boundary_words"].strings(),
        after_deng_qualifiers=s["after_deng_qualifiers"].strings(),
        generic_modifiers=s["generic_modifiers"].strings(),
        not_projects=frozenset(s["not_projects"].strings()),
        programme_heads=s["programme_heads"].strings(),
        status_verbs=word_table(s["status_verbs"]),
        enterprises=s["enterprises"].strings(),
        not_before=word_table(s["not_before"]),
        not_project_prefixes=s["not_project_prefixes"].strings(),
    )


def _regions_file(name: str, folder: Path | None) -> RegionsFile:
    """Either gazetteer file: the same entry shape, names unique within the file."""
    s = _sections(name, folder)
    section = s["regions"]
    places = tuple(region(section, e) for e in section)
    names = [p.name for p in places]
    if len(names) != len(set(names)):
        fail(name, "regions", "a name appears twice", sorted({n for n in names if names.count(n) > 1}))
    contexts = s["non_place_contexts"].strings() if "non_place_contexts" in s else ()
    return RegionsFile(places, contexts)


@cache
def regions(folder: Path | None = None) -> RegionsFile:
    """``regions.json``: the shared gazetteer of places."""
    return _regions_file("regions.json", folder)


@cache
def regions_extra(folder: Path | None = None) -> RegionsFile:
    """``regions_extra.json``: places the shared gazetteer lacks, in the same shape."""
    return _regions_file("regions_extra.json", folder)


# ---------------------------------------------------------------- the registry

_SECTIONS: dict[str, tuple[str, ...]] = {
    "actor_terms.json": ("actor_suffixes", "not_actors", "modal", "cut_words", "roles"),
    "alignment_stop_bigrams.json": ("stop_bigrams",),
    "goal_terms.json": ("goals", "position_terms"),
    "indicators.json": ("synonyms", "topics", "topic_aliases", "measures"),
    "project_types.json": (
        "heads",
        "head_aliases",
        "dropped_in_keys",
        "home_prefixes",
        "boundary_words",
        "after_deng_qualifiers",
        "generic_modifiers",
        "not_projects",
        "programme_heads",
        "status_verbs",
        "enterprises",
        "not_before",
        "not_project_prefixes",
    ),
    "regions.json": ("regions", "non_place_contexts"),
    "regions_extra.json": ("regions",),
    "units.json": ("scales", "units", "not_units"),
}

_LOADERS: dict[str, Callable[[Path | None], object]] = {
    "actor_terms.json": actor_terms,
    "alignment_stop_bigrams.json": stop_bigrams,
    "goal_terms.json": goal_terms,
    "indicators.json": indicators,
    "project_types.json": project_types,
    "regions.json": regions,
    "regions_extra.json": regions_extra,
    "units.json": units,
}

#: every data file this module reads; a file in the folder but not here is dead (a test checks)
FILES = tuple(sorted(_LOADERS))


def load(name: str, folder: Path | None = None) -> object:
    """The typed content of one data file by name (for tests and tools that walk every file)."""
    if name not in _LOADERS:
        fail(name, "file", f"not a lexicon file; known: {', '.join(FILES)}")
    return _LOADERS[name](folder)


def entries(name: str, folder: Path | None = None) -> tuple[Entry, ...]:
    """Every entry of one data file with its section and provenance kind, after the file's checks."""
    load(name, folder)
    return tuple(e for section in _sections(name, folder).values() for e in section)


def data_files() -> tuple[str, ...]:
    """The names of the files in the package's data folder (what FILES must match)."""
    folder = resources.files(_PACKAGE).joinpath("data")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")))
