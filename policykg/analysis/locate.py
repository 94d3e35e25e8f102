"""Find the named thing a person means: a project, place, actor, indicator, section, goal or metric.

People type names, not IRIs.  ``policykg trace`` and ``policykg entity`` both start from such a
text and need the entity it names, so the lookup lives here, once: the exact name first, then an
alias, then a label close enough to the text (similar as a whole, or containing most of it).
Candidates are ranked by how close their label is to the text, then by kind (a project before a
goal before a place ...), so the first is the answer and the rest are alternatives to offer.

A text that names nothing may still be a task written in a document; finding that is the job of
:mod:`policykg.analysis.passages`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from policykg.errors import PolicyKGError
from policykg.graph.named_queries import load_query
from policykg.graph.store import Lit, Store, rows

__all__ = ["FUZZY_MIN", "NotFoundError", "TraceNode", "entity_kind", "locate"]

PKG = "https://w3id.org/policykg/ontology#"
# ontology class (local name) → the kind of thing an answer calls it
_KINDS = {
    "Project": "project",
    "Region": "region",
    "Actor": "actor",
    "Indicator": "indicator",
    "Section": "section",
    "StrategicPosition": "goal",
    "MainLine": "goal",
    "KeyWork": "goal",
    "Leadership": "goal",
    "MetricStatement": "metric",
    "Target": "metric",
    "Observation": "metric",
    "Mention": "mention",
}
# which kind wins when two candidates are equally close to the text
_KIND_ORDER = ["project", "goal", "region", "actor", "indicator", "section", "metric", "task"]
FUZZY_MIN = 0.6


class NotFoundError(PolicyKGError):
    """Nothing in the graph matches the text that was asked for."""

    exit_code = 1


@dataclass(frozen=True)
class TraceNode:
    """A thing in the graph as an answer shows it — a candidate, or a node on a path: IRI, label, kind."""

    id: str
    label: str
    type: str

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "label": self.label, "type": self.type}


def entity_kind(class_iri: str | None) -> str:
    """The kind of thing an ontology class is ("project", "goal", ...); "entity" when it is none of them."""
    return _KINDS.get((class_iri or "").removeprefix(PKG), "entity")


def _best_of(found: list[dict[str, str]], query: str) -> list[TraceNode]:
    """Distinct entities, best first: by closeness of the label to the query, then by kind."""
    nodes: dict[str, tuple[float, int, TraceNode]] = {}
    for r in found:
        kind = entity_kind(r.get("class"))
        if kind == "entity":
            continue
        closeness = difflib.SequenceMatcher(None, query, r.get("label", r["prefLabel"])).ratio()
        rank = _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)
        node = TraceNode(r["entity"], r["prefLabel"], kind)
        current = nodes.get(node.id)
        if current is None or (-closeness, rank) < (-current[0], current[1]):
            nodes[node.id] = (closeness, rank, node)
    ordered = sorted(nodes.values(), key=lambda v: (-v[0], v[1], v[2].label, v[2].id))
    return [v[2] for v in ordered]


def _fuzzy(store: Store, query: str) -> list[TraceNode]:
    """Entities whose name or alias is close to the query: similar as a whole, or most of it."""
    close = []
    for r in rows(store.query(load_query("entity_labels").text)):
        label = r["label"]
        similar = difflib.SequenceMatcher(None, query, label).ratio()
        covers = min(len(label), len(query)) / max(len(label), len(query))
        contained = (label in query or query in label) and covers >= FUZZY_MIN
        if similar >= FUZZY_MIN or contained:
            close.append(r)
    return _best_of(close, query)


def locate(store: Store, text: str) -> tuple[list[TraceNode], str]:
    """Named entities a text may mean, best first, and how they matched: name, alias or fuzzy."""
    query = text.strip()
    exact = rows(store.query(load_query("trace_exact").text, {"label": Lit(query, lang="zh")}))
    match = "name" if any(r["how"] == "name" for r in exact) else "alias"
    candidates = _best_of([r for r in exact if r["how"] == match] if exact else [], query)
    if not candidates:
        candidates, match = _fuzzy(store, query), "fuzzy"
    return candidates, match
