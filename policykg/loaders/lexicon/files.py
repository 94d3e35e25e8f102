"""Reading the data files: which sections each file must have, the text of a file, checked and cached."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.loaders.lexicon.schema import Section, check_file, fail

__all__ = ["PACKAGE", "SECTIONS", "data_files", "sections"]

PACKAGE = "policykg.loaders"

SECTIONS: dict[str, tuple[str, ...]] = {
    "actor_terms.json": ("actor_suffixes", "not_actors", "modal", "cut_words", "roles"),
    "alignment_stop_bigrams.json": ("stop_bigrams",),
    "divisions.json": ("divisions",),
    "document_terms.json": (
        "field_labels",
        "chrome_words",
        "masthead_words",
        "caption_marks",
        "speaker_titles",
        "acting_marks",
        "agency_suffixes",
        "salutations",
        "kind_words",
        "news_marks",
        "national_bodies",
        "npc_sessions",
        "five_year_plans",
        "traditional_forms",
    ),
    "goal_terms.json": ("goals", "position_terms"),
    "indicators.json": (
        "citations",
        "indicators",
        "topics",
        "topic_aliases",
        "measures",
        "fragments",
        "name_starts",
        "name_ends",
        "name_never_contains",
        "flow_verbs",
        "activity_verbs",
        "work_verbs",
        "cumulative_words",
        "average_words",
        "organisation_heads",
        "sector_scopes",
        "region_heads",
        "distributive",
    ),
    "part_terms.json": (
        "review",
        "plan",
        "targets",
        "other",
        "year_work",
        "appendix",
        "appendix_lists",
        "review_openers",
        "plan_openers",
        "past_words",
        "target_words",
        "heading_ends",
    ),
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


def _source(name: str, folder: Path | None) -> str:
    """The text of a data file: the package's own, or the one in ``folder``."""
    try:
        if folder is None:
            return resources.files(PACKAGE).joinpath("data").joinpath(name).read_text(encoding="utf-8")
        return (Path(folder) / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(name, "file", f"cannot be read ({exc.__class__.__name__})")


@cache
def sections(name: str, folder: Path | None) -> dict[str, Section]:
    """A data file parsed and checked against the shared shape, cached per file and folder."""
    text = _source(name, folder)
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        fail(name, f"line {exc.lineno} column {exc.colno}", f"not JSON ({exc.msg})")
    return check_file(name, data, SECTIONS[name])


def data_files() -> tuple[str, ...]:
    """The names of the files in the package's data folder (what the registry must match)."""
    folder = resources.files(PACKAGE).joinpath("data")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")))
