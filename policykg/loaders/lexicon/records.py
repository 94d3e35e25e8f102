"""The typed records the lexicon loaders return: what one data file means to the code that uses it.

Word lists are tuples, tables mappings, project heads, places and indicators frozen dataclasses;
``Any`` stays at the JSON edge, in :mod:`.entries`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = [
    "ActorTerms",
    "Division",
    "DocumentTerms",
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
class Indicator:
    """A canonical indicator of the genre: its surface forms, unit family, measure and sources."""

    name: str
    forms: tuple[
        str, ...
    ]  # name it as the head of a subject (陆路口岸货运量 → 口岸货运量 only with a neutral prefix)
    whole: tuple[str, ...]  # name it only as the whole subject (经济 → 地区生产总值)
    family: str  # unit family of units.json, '' for an index without unit
    measure: str  # level | flow | change | share | count
    sources: tuple[str, ...]  # citation keys


@dataclass(frozen=True)
class IndicatorTerms:
    """Canonical indicators, the topic words bare measures borrow, and the words of the naming grammar."""

    indicators: Mapping[str, Indicator]
    topics: tuple[str, ...]
    topic_aliases: Mapping[str, str]
    measures: frozenset[str]
    fragments: frozenset[str]  # never a name by itself
    name_starts: tuple[str, ...]
    name_ends: tuple[str, ...]
    name_never_contains: tuple[str, ...]
    flow_verbs: Mapping[str, tuple[str, ...]]  # marker (新增, 新开工) → verbs
    activity_verbs: Mapping[str, tuple[str, ...]]  # activity noun (建设, 改造) → verbs
    work_verbs: tuple[str, ...]
    cumulative_words: tuple[str, ...]
    average_words: tuple[str, ...]
    organisation_heads: tuple[str, ...]
    sector_scopes: tuple[str, ...]
    region_heads: tuple[str, ...]
    distributive: Mapping[str, tuple[str, ...]]  # 城乡 → 城镇, 农村

    @property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """Canonical name → every form that names it (head forms, then whole-subject forms)."""
        return {name: (*i.forms, *i.whole) for name, i in self.indicators.items()}


@dataclass(frozen=True)
class UnitFamily:
    """Units that measure one dimension and so compare: a base unit and each member's factor to it."""

    name: str  # percent, percentage_point, electricity, power, area …
    unit_class: str  # what the naming grammar reads from the unit: ratio, money, area, count …
    base: str
    factors: Mapping[str, float]  # member → how many base units one of it is (公顷 → 15 亩)


@dataclass(frozen=True)
class UnitTerms:
    """Scale words with their factor, units by family, and words that look like units but are not."""

    scales: tuple[tuple[str, float], ...]  # in file order: 万亿 before 亿
    families: Mapping[str, tuple[str, ...]]  # grammatical class → its units (ratio → %, 个百分点, 倍 …)
    not_units: tuple[str, ...]
    unit_families: Mapping[str, UnitFamily]  # family name → family (base unit and factors)


@dataclass(frozen=True)
class PartTerms:
    """Which part of a report a heading opens, by its words, and the marks of appendices and openers."""

    parts: Mapping[str, tuple[str, ...]]  # review, plan, targets, other: heading words, tried in this order
    year_work: tuple[str, ...]  # 2011年的工作: the year decides between review and plan
    appendix: tuple[str, ...]
    appendix_lists: tuple[str, ...]
    openers: Mapping[str, tuple[str, ...]]  # review, plan: first words of a part's body
    past_words: tuple[str, ...]  # 去年: a clause of the plan part that states a past fact
    target_words: tuple[str, ...]  # 力争, 达到: a clause that sets a target all the same
    heading_ends: tuple[str, ...]


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


@dataclass(frozen=True)
class Division:
    """An administrative division of China: GB/T 2260 code, official name and its short forms."""

    code: str
    name: str
    short: tuple[str, ...]

    @property
    def level(self) -> str:
        """province, prefecture or county, read from the code (NN0000, NNNN00, any other)."""
        if self.code.endswith("0000"):
            return "province"
        return "prefecture" if self.code.endswith("00") else "county"


@dataclass(frozen=True)
class DocumentTerms:
    """The words by which a document says what it is at its top, and the dates they need."""

    field_labels: Mapping[str, tuple[str, ...]]  # what a field holds → labels of such fields
    chrome_words: tuple[str, ...]
    masthead_words: tuple[str, ...]
    caption_marks: tuple[str, ...]
    speaker_titles: tuple[str, ...]
    acting_marks: tuple[str, ...]
    agency_suffixes: tuple[str, ...]
    salutations: tuple[str, ...]
    kind_words: Mapping[str, tuple[str, ...]]  # kind → title words, in the order kinds are tried
    news_marks: tuple[str, ...]
    national_bodies: tuple[str, ...]
    npc_sessions: Mapping[int, tuple[int, ...]]  # congress ordinal → year of each session
    five_year_plans: Mapping[str, tuple[int, int]]  # 十四五 → (2021, 2025)
    traditional_forms: Mapping[str, str]  # one character → its simplified form
