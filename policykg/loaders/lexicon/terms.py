"""One loader per data file: each reads its file's sections and returns the typed record, cached.

Every loader takes an optional ``folder`` so a test can point it at files of its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from policykg.loaders.lexicon.entries import (
    division,
    factor,
    goal,
    head,
    indicator,
    region,
    unit_family,
    word_table,
    years,
)
from policykg.loaders.lexicon.files import sections
from policykg.loaders.lexicon.records import (
    ActorTerms,
    Division,
    DocumentTerms,
    GoalTerms,
    IndicatorTerms,
    PartTerms,
    ProjectTypes,
    RegionsFile,
    UnitTerms,
)
from policykg.loaders.lexicon.schema import fail, word

__all__ = [
    "actor_terms",
    "divisions",
    "document_terms",
    "goal_terms",
    "indicators",
    "part_terms",
    "project_types",
    "regions",
    "regions_extra",
    "stop_bigrams",
    "units",
]


@cache
def actor_terms(folder: Path | None = None) -> ActorTerms:
    """``actor_terms.json``: the words of responsibility assignments."""
    s = sections("actor_terms.json", folder)
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
    section = sections("alignment_stop_bigrams.json", folder)["stop_bigrams"]
    for entry in section:
        if not (isinstance(entry.value, str) and len(entry.value) == 2):
            section.fail(entry, "expected a bigram (two characters: a longer entry could never match)")
    return frozenset(section.strings())


@cache
def goal_terms(folder: Path | None = None) -> GoalTerms:
    """``goal_terms.json``: goal codes with their heading terms, and the positions' subject words."""
    s = sections("goal_terms.json", folder)
    return GoalTerms(
        goals=s["goals"].keyed(goal, "an object with a label and a list of terms"),
        position_terms=word_table(s["position_terms"]),
    )


@cache
def indicators(folder: Path | None = None) -> IndicatorTerms:
    """``indicators.json``: canonical indicator names and the words around them."""
    s = sections("indicators.json", folder)
    citations = s["citations"].keyed(word, "a description of the source")
    entries = {e.key: indicator(s["indicators"], e, citations) for e in s["indicators"] if e.key}
    families = units(folder).unit_families if folder is None or (Path(folder) / "units.json").exists() else {}
    for e in s["indicators"]:
        if families and entries[str(e.key)].family not in {"", *families}:
            s["indicators"].fail(e, f"family must be a unit family of units.json: {sorted(families)}")
    return IndicatorTerms(
        indicators=entries,
        topics=s["topics"].strings(),
        topic_aliases=s["topic_aliases"].keyed(word, "a topic word"),
        measures=frozenset(s["measures"].strings()),
        fragments=frozenset(s["fragments"].strings()),
        name_starts=s["name_starts"].strings(),
        name_ends=s["name_ends"].strings(),
        name_never_contains=s["name_never_contains"].strings(),
        flow_verbs=word_table(s["flow_verbs"]),
        activity_verbs=word_table(s["activity_verbs"]),
        work_verbs=s["work_verbs"].strings(),
        cumulative_words=s["cumulative_words"].strings(),
        average_words=s["average_words"].strings(),
        organisation_heads=s["organisation_heads"].strings(),
        sector_scopes=s["sector_scopes"].strings(),
        region_heads=s["region_heads"].strings(),
        distributive=word_table(s["distributive"]),
    )


@cache
def units(folder: Path | None = None) -> UnitTerms:
    """``units.json``: scale words, units by family, and what is not a unit."""
    s = sections("units.json", folder)
    scales = tuple(s["scales"].keyed(factor, "a positive number").items())
    not_units = s["not_units"].strings()
    families = {f.name: f for f in (unit_family(s["units"], e) for e in s["units"])}
    by_class: dict[str, list[str]] = {}
    for family in families.values():
        by_class.setdefault(family.unit_class, []).extend(family.factors)
    members = [u for f in families.values() for u in f.factors]
    if len(members) != len(set(members)):
        fail(
            "units.json",
            "units",
            "a unit belongs to two families",
            sorted({u for u in members if members.count(u) > 1}),
        )
    return UnitTerms(
        scales=scales,
        families={k: tuple(v) for k, v in by_class.items()},
        not_units=not_units,
        unit_families=families,
    )


@cache
def project_types(folder: Path | None = None) -> ProjectTypes:
    """``project_types.json``: type words, boundaries, status verbs and the rest of project naming."""
    s = sections("project_types.json", folder)
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
    s = sections(name, folder)
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


@cache
def divisions(folder: Path | None = None) -> tuple[Division, ...]:
    """``divisions.json``: China's administrative divisions with GB/T 2260 codes, codes unique."""
    section = sections("divisions.json", folder)["divisions"]
    found = tuple(division(section, e) for e in section)
    codes = [d.code for d in found]
    if len(codes) != len(set(codes)):
        fail(
            "divisions.json",
            "divisions",
            "a code appears twice",
            sorted({c for c in codes if codes.count(c) > 1}),
        )
    return found


def _plan_span(value: object) -> tuple[int, int] | None:
    """A five-year plan's first and last year, four apart."""
    found = years(value)
    return (found[0], found[1]) if found and len(found) == 2 and found[1] - found[0] == 4 else None


def _one_character(value: object) -> str | None:
    """A single character (a simplified form)."""
    return value if isinstance(value, str) and len(value) == 1 else None


@cache
def document_terms(folder: Path | None = None) -> DocumentTerms:
    """``document_terms.json``: chrome, speaker, kind and news words, and the dates of sessions and plans."""
    s = sections("document_terms.json", folder)
    sessions = s["npc_sessions"].keyed(years, "a rising list of years")
    if not all(k.isdigit() for k in sessions):
        fail(
            "document_terms.json",
            "npc_sessions",
            "keys are the congresses' ordinals (1, 2, …)",
            list(sessions),
        )
    forms = s["traditional_forms"].keyed(_one_character, "one simplified character")
    if not all(len(k) == 1 for k in forms):
        fail("document_terms.json", "traditional_forms", "keys are single characters", list(forms))
    return DocumentTerms(
        field_labels=word_table(s["field_labels"]),
        chrome_words=s["chrome_words"].strings(),
        masthead_words=s["masthead_words"].strings(),
        caption_marks=s["caption_marks"].strings(),
        speaker_titles=s["speaker_titles"].strings(),
        acting_marks=s["acting_marks"].strings(),
        agency_suffixes=s["agency_suffixes"].strings(),
        salutations=s["salutations"].strings(),
        kind_words=word_table(s["kind_words"]),
        news_marks=s["news_marks"].strings(),
        national_bodies=s["national_bodies"].strings(),
        npc_sessions={int(k): v for k, v in sessions.items()},
        five_year_plans=s["five_year_plans"].keyed(_plan_span, "[first year, last year] four years apart"),
        traditional_forms=forms,
    )


@cache
def part_terms(folder: Path | None = None) -> PartTerms:
    """``part_terms.json``: the heading words of a report's parts, appendices and part openers."""
    s = sections("part_terms.json", folder)
    return PartTerms(
        parts={name: s[name].strings() for name in ("review", "plan", "targets", "other")},
        year_work=s["year_work"].strings(),
        appendix=s["appendix"].strings(),
        appendix_lists=s["appendix_lists"].strings(),
        openers={"review": s["review_openers"].strings(), "plan": s["plan_openers"].strings()},
        past_words=s["past_words"].strings(),
        target_words=s["target_words"].strings(),
        heading_ends=s["heading_ends"].strings(),
    )
