"""The shape every lexicon data file shares, and the checks that hold a file to it.

A lexicon file is a JSON object with an ``about`` (what the file is for), an optional ``sources``
(where its gazetteer entries come from, and of what date) and named *sections*.  A section is an
object with an optional ``about`` and one key per provenance kind; under each kind sit its entries,
as a list or as a mapping::

    "boundary_words": {"about": "...", "genre": ["加快推进", "开工建设"]},
    "head_aliases": {"alias": {"自贸试验区": "自贸区"}},
    "enterprises": {"world": ["中石化", "包钢"]}

So every entry says what it is, and a reviewer can tell the genre's vocabulary from knowledge of
the world at a glance.  These checks raise :class:`~policykg.errors.LexiconError` naming the file,
the section, the kind and the entry; nothing here knows what any one file holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, TypeVar

from policykg.errors import LexiconError

__all__ = ["KINDS", "Entry", "Section", "check_file", "fail"]

T = TypeVar("T")

#: genre: the genre's vocabulary (type words, units, measure words, boundary words, verbs);
#: gazetteer: official names and codes (the file's ``sources`` says which list and of what date);
#: world: knowledge of the world (enterprises, national programmes, named strategies);
#: alias: an alias pair (a form and what it stands for).
KINDS = ("genre", "gazetteer", "world", "alias")
_SHOWN = 60  # characters of a bad entry quoted in an error


@dataclass(frozen=True)
class Entry:
    """One entry of a lexicon with its provenance: file, section, kind and, in a mapping, its key."""

    file: str
    section: str
    kind: str
    key: str | None
    value: Any  # the JSON edge: checked by the typed readers of lexicon.py
    index: int = 0  # its place among the entries of its kind, for error messages


def fail(file: str, where: str, problem: str, entry: object = None) -> NoReturn:
    """Raise the one error a malformed lexicon gives: file, place, problem and the entry quoted."""
    shown = "" if entry is None else f": {str(entry)[:_SHOWN]}"
    raise LexiconError(f"lexicon {file}: {where}: {problem}{shown}")


class Section:
    """The checked entries of one section, with typed readers that fail naming the entry."""

    def __init__(self, file: str, name: str, entries: tuple[Entry, ...]) -> None:
        self.file = file
        self.name = name
        self.entries = entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def where(self, entry: Entry) -> str:
        """Where an entry sits, as a path an editor can follow."""
        at = entry.key if entry.key is not None else entry.index
        return f"{self.name}.{entry.kind}[{at!r}]"

    def fail(self, entry: Entry, problem: str) -> NoReturn:
        """Raise for one entry of this section."""
        fail(self.file, self.where(entry), problem, entry.value)

    def read(self, convert: Callable[[Any], T | None], what: str) -> list[T]:
        """Every entry's value through ``convert``; a value it rejects (None) fails with ``what``."""
        out = []
        for entry in self.entries:
            value = convert(entry.value)
            if value is None:
                self.fail(entry, f"expected {what}")
            out.append(value)
        return out

    def strings(self) -> tuple[str, ...]:
        """The entries of a list section of words, in file order."""
        return tuple(self.read(word, "a non-empty string"))

    def keyed(self, convert: Callable[[Any], T | None], what: str) -> dict[str, T]:
        """The entries of a mapping section, key → converted value, in file order."""
        values = self.read(convert, what)
        return {str(e.key): v for e, v in zip(self.entries, values, strict=True)}

    def kinds(self) -> dict[str, str]:
        """Entry → its kind, for a list section of words or a mapping section (by key)."""
        return {str(e.key if e.key is not None else e.value): e.kind for e in self.entries}


def word(value: Any) -> str | None:
    """A non-empty string, or None."""
    return value if isinstance(value, str) and value.strip() else None


def words(value: Any) -> tuple[str, ...] | None:
    """A list of non-empty strings, or None."""
    if not isinstance(value, list) or not all(word(v) for v in value):
        return None
    return tuple(value)


def word_lists(value: Any) -> dict[str, tuple[str, ...]] | None:
    """An object of lists of strings (families of words), or None."""
    if not isinstance(value, dict):
        return None
    out = {k: words(v) for k, v in value.items()}
    return None if any(v is None for v in out.values()) else {k: v for k, v in out.items() if v is not None}


def _section(file: str, name: str, raw: Any) -> Section:
    """Check a section's shape: an object of kinds, every kind holding a list or a mapping."""
    if not isinstance(raw, dict):
        fail(file, name, "a section must be an object grouping its entries by kind " + "/".join(KINDS), raw)
    if "about" in raw and not word(raw["about"]):
        fail(file, f"{name}.about", "expected a non-empty string", raw["about"])
    kinds = [k for k in raw if k != "about"]
    if not kinds:
        fail(file, name, "no entries under any kind (" + "/".join(KINDS) + ")")
    entries: list[Entry] = []
    shapes = set()
    for kind in kinds:
        group = raw[kind]
        if kind not in KINDS:
            fail(file, f"{name}.{kind}", "entries without a valid kind (" + "/".join(KINDS) + ")", group)
        if isinstance(group, list):
            entries.extend(Entry(file, name, kind, None, v, i) for i, v in enumerate(group))
        elif isinstance(group, dict):
            entries.extend(Entry(file, name, kind, str(k), v, i) for i, (k, v) in enumerate(group.items()))
        else:
            fail(file, f"{name}.{kind}", "expected a list or an object of entries", group)
        shapes.add(type(group))
    if len(shapes) > 1:
        fail(file, name, "every kind of a section must hold the same shape (all lists or all objects)")
    keys = [e.key for e in entries if e.key is not None]
    if len(keys) != len(set(keys)):
        fail(file, name, "a key appears under two kinds", sorted({k for k in keys if keys.count(k) > 1}))
    return Section(file, name, tuple(entries))


def check_file(file: str, data: Any, sections: tuple[str, ...]) -> dict[str, Section]:
    """Check a whole file: about, sources, and exactly the sections its reader uses (no dead keys)."""
    if not isinstance(data, dict):
        fail(file, "top level", "expected a JSON object", type(data).__name__)
    if not word(data.get("about")):
        fail(file, "about", "every lexicon file says what it is for in a non-empty 'about'")
    unknown = sorted(set(data) - {"about", "sources", *sections})
    if unknown:
        fail(file, "top level", "sections no code reads", unknown)
    missing = [s for s in sections if s not in data]
    if missing:
        fail(file, "top level", "missing sections", missing)
    checked = {name: _section(file, name, data[name]) for name in sections}
    sources = data.get("sources", {})
    if not isinstance(sources, Mapping) or not all(k in KINDS and word(v) for k, v in sources.items()):
        fail(file, "sources", "expected an object from kind to a non-empty description", sources)
    used = {e.kind for s in checked.values() for e in s}
    if "gazetteer" in used and "gazetteer" not in sources:
        fail(file, "sources", "gazetteer entries need the source and date of their list in sources.gazetteer")
    return checked
