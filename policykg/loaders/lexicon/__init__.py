"""Every lexicon data file of ``policykg/loaders/data``, read once, checked, and handed out typed.

The data files hold the genre's vocabulary, gazetteers and a little knowledge of the world; the
extractors hold the rules.  This module is the only code that opens those files: each loader
checks its file against the shared shape (:mod:`.schema`: every entry
grouped under its provenance kind) and the shape of its own entries
(:mod:`.entries`, :mod:`.records`), then returns frozen records, cached.  A malformed file
raises :class:`~policykg.errors.LexiconError` naming the file and the entry.  Every loader takes
an optional ``folder`` so a test can point it at files of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from policykg.loaders.lexicon.files import data_files, sections
from policykg.loaders.lexicon.records import (
    ActorTerms,
    Division,
    DocumentTerms,
    Goal,
    GoalTerms,
    Indicator,
    IndicatorTerms,
    PartTerms,
    ProjectHead,
    ProjectTypes,
    RegionEntry,
    RegionsFile,
    UnitFamily,
    UnitTerms,
)
from policykg.loaders.lexicon.schema import KINDS, Entry, fail
from policykg.loaders.lexicon.terms import (
    actor_terms,
    divisions,
    document_terms,
    goal_terms,
    indicators,
    part_terms,
    project_types,
    regions,
    regions_extra,
    stop_bigrams,
    units,
)

__all__ = [
    "FILES",
    "KINDS",
    "ActorTerms",
    "Division",
    "DocumentTerms",
    "Entry",
    "Goal",
    "GoalTerms",
    "Indicator",
    "IndicatorTerms",
    "PartTerms",
    "ProjectHead",
    "ProjectTypes",
    "RegionEntry",
    "RegionsFile",
    "UnitFamily",
    "UnitTerms",
    "actor_terms",
    "data_files",
    "divisions",
    "document_terms",
    "entries",
    "goal_terms",
    "indicators",
    "load",
    "part_terms",
    "project_types",
    "regions",
    "regions_extra",
    "stop_bigrams",
    "units",
]


_LOADERS: dict[str, Callable[[Path | None], object]] = {
    "actor_terms.json": actor_terms,
    "alignment_stop_bigrams.json": stop_bigrams,
    "divisions.json": divisions,
    "document_terms.json": document_terms,
    "goal_terms.json": goal_terms,
    "indicators.json": indicators,
    "part_terms.json": part_terms,
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
    return tuple(e for section in sections(name, folder).values() for e in section)
