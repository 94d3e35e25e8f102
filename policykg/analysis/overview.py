"""What the graph holds at a glance, and the catalogue of named queries, in the shapes commands print.

:func:`graph_stats` counts triples, instances per class, documents and the sections serving each
goal; :func:`query_catalogue` lists the named queries shipped with the package and their
parameters.  Both read through named queries, so they run the same on any store.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policykg.graph.named_queries import list_queries, load_query
from policykg.graph.store import Store, rows

__all__ = ["GraphStats", "graph_stats", "query_catalogue"]

# what `stats` says of each document (CONTRACT.md); further fields of the query follow
_DOCUMENT_FIELDS = ("docName", "title", "year", "kind", "issuer", "date")


@dataclass(frozen=True)
class GraphStats:
    """Counts of one graph; ``goals`` keeps the coverage rows (code, label, sections) for tables."""

    triples: int
    classes: dict[str, int]
    documents: list[dict[str, Any]]
    goals: list[dict[str, str]]

    def as_json(self) -> dict[str, Any]:
        """The contract's shape: goals as ``{code: number of sections}``."""
        return {
            "triples": self.triples,
            "classes": self.classes,
            "documents": self.documents,
            "goals": {g["goalCode"]: int(g["sections"]) for g in self.goals},
        }


def graph_stats(handle: Store) -> GraphStats:
    """Triples, instances per class (by local name), documents, and the sections serving each goal."""
    total = int(rows(handle.query(load_query("triple_count").text))[0]["n"])
    classes = {
        r["class"].rsplit("#", 1)[-1]: int(r["count"])
        for r in rows(handle.query(load_query("class_counts").text))
        if "class" in r
    }
    documents = [_document_row(r) for r in rows(handle.query(load_query("documents").text))]
    # an aggregate over a graph with no goal scheme yields one row with nothing bound
    goals = [g for g in rows(handle.query(load_query("goal_coverage").text)) if "goalCode" in g]
    return GraphStats(total, classes, documents, goals)


def _document_row(row: dict[str, str]) -> dict[str, Any]:
    """A documents row in the contract's shape: every field present (null when unknown), year a number."""
    out: dict[str, Any] = {key: row.get(key) for key in _DOCUMENT_FIELDS}
    out.update({k: v for k, v in row.items() if k not in out})
    if isinstance(out["year"], str) and out["year"].isdigit():
        out["year"] = int(out["year"])
    return out


def query_catalogue() -> list[dict[str, Any]]:
    """Every named query with its title, description and parameters (name, kind, doc)."""
    return [
        {
            "name": q.name,
            "title": q.title,
            "description": q.description,
            "params": [{"name": p.name, "kind": p.kind, "doc": p.doc} for p in q.params],
        }
        for q in list_queries()
    ]
