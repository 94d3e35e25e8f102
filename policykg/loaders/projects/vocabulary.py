"""The project-type lexicon: type words, boundaries and status verbs from ``data/project_types.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from policykg.loaders.lexicon import project_types

__all__ = ["Head", "Lexicon", "lexicon"]


@dataclass(frozen=True)
class Head:
    """A type word that ends a project name (铁路, 实验室, 自贸区) and what a name ending in it needs."""

    suffix: str
    type: str
    strong: bool
    requires: str | None
    bare: bool = False  # a place and this word alone make a name (赤峰高新区), unlike 满洲里基地
    alone: bool = False  # the word alone names the region's own one (自贸区)


@dataclass(frozen=True)
class Lexicon:
    """Every word list of ``project_types.json``, sorted the way the extractor walks them."""

    heads: tuple[Head, ...]
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


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The project-type lexicon, loaded once; ``project_types.json`` is read and checked by lexicon.py."""
    raw = project_types()
    heads = tuple(
        sorted(
            (Head(h.suffix, h.type, h.strong, h.requires, h.bare, h.alone) for h in raw.heads),
            key=lambda h: -len(h.suffix),
        )
    )
    by_len = sorted(raw.head_aliases.items(), key=lambda kv: -len(kv[0]))
    status = tuple((word, verb) for verb, words in raw.status_verbs.items() for word in words)
    return Lexicon(
        heads=heads,
        head_aliases=tuple(by_len),
        dropped=tuple(sorted(raw.dropped_in_keys, key=len, reverse=True)),
        home=tuple(sorted(raw.home_prefixes, key=len, reverse=True)),
        boundaries=tuple(sorted(raw.boundary_words, key=len, reverse=True)),
        qualifiers=tuple(sorted(raw.after_deng_qualifiers, key=len, reverse=True)),
        generic=tuple(sorted(raw.generic_modifiers, key=len, reverse=True)),
        not_projects=raw.not_projects,
        programmes=raw.programme_heads,
        status=tuple(sorted(status, key=lambda wv: -len(wv[0]))),
        enterprises=tuple(sorted(raw.enterprises, key=len, reverse=True)),
        not_before=dict(raw.not_before),
        not_project_prefixes=raw.not_project_prefixes,
    )
