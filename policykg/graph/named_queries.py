"""Named SPARQL queries: one ``.rq`` file each under ``graph/queries/``, with a header of
``# title:``, ``# description:`` and ``# param:`` lines that the CLI and the docs read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from policykg.errors import QueryError

__all__ = ["NamedQuery", "Param", "list_queries", "load_query"]

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*\(([^)]*)\)\s*(.*)$")


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: a SPARQL variable that callers may bind."""

    name: str
    kind: str  # "literal" or "iri", with qualifiers such as "optional"
    doc: str

    @property
    def optional(self) -> bool:
        return "optional" in self.kind


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped with the package."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


def _parse(name: str, text: str) -> NamedQuery:
    fields: dict[str, str] = {}
    params: list[Param] = []
    for line in text.splitlines():
        m = _HEADER.match(line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param" and (pm := _PARAM.match(value)):
            params.append(Param(pm.group(1), pm.group(2), pm.group(3)))
        else:
            fields[key] = value.strip()
    return NamedQuery(name, fields.get("title", name), fields.get("description", ""), tuple(params), text)


@cache
def list_queries() -> tuple[NamedQuery, ...]:
    """Every named query, sorted by name."""
    folder = resources.files("policykg.graph").joinpath("queries")
    found = [
        _parse(entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".rq")
    ]
    return tuple(sorted(found, key=lambda q: q.name))


def load_query(name: str) -> NamedQuery:
    """One named query by name; an unknown name is a QueryError that lists the known ones."""
    for query in list_queries():
        if query.name == name:
            return query
    known = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no named query {name!r}; known: {known}")
