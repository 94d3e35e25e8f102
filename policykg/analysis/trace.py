"""Trace anything to its strategic goal: enumerate its paths, decide the goal and position, show the evidence.

"Which strategic goal does this serve, and how do we know?"  The entity is found first — by name,
alias or a fuzzy label (:mod:`policykg.analysis.locate`), or, for a task that is not a named
entity, as a passage of a document placed in its innermost section
(:mod:`policykg.analysis.passages`).  This module does the rest: paths are the
``pkg:contributesTo`` chains from the entity to a goal concept (fetched with a SPARQL property
path, enumerated with networkx); each hop carries the evidence that supports it.  The answer gives
the 1571 goal (the deciding one where several are reached) and the strategic position (P1–P5),
which a task in a key-work section may still serve (see ``infer_position``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from policykg.analysis.locate import NotFoundError, TraceNode, entity_kind, locate
from policykg.analysis.passages import Passage, find_passages
from policykg.graph.named_queries import load_query
from policykg.graph.store import Iri, Store, rows
from policykg.loaders.structure.goals import POSITION_CODES

if TYPE_CHECKING:
    from policykg.loaders.structure.alignment import GoalClassifier

__all__ = ["TraceResult", "trace"]

POSITION_PRIOR = 0.5


@dataclass
class TraceResult:
    """The answer of ``trace``, shaped like the output contract."""

    query: str
    entity: TraceNode
    match: str  # name | alias | fuzzy | passage
    position: tuple[str, str] | None
    goal: tuple[str, str] | None
    paths: list[list[TraceNode]]
    evidence: list[dict[str, Any]]
    alternatives: list[TraceNode] = field(default_factory=list)
    position_basis: str | None = None

    def as_json(self) -> dict[str, Any]:
        def code(pair: tuple[str, str] | None) -> dict[str, str] | None:
            return {"code": pair[0], "label": pair[1]} if pair else None

        return {
            "query": self.query,
            "entity": self.entity.as_json(),
            "match": self.match,
            "position": code(self.position),
            "position_basis": self.position_basis,
            "goal": code(self.goal),
            "paths": [[n.as_json() for n in path] for path in self.paths],
            "evidence": self.evidence,
            "alternatives": [n.as_json() for n in self.alternatives],
        }


def _goal_labels(store: Store) -> dict[str, tuple[str, str]]:
    """Goal IRI → (code, label), and code → (code, label)."""
    out: dict[str, tuple[str, str]] = {}
    for r in rows(store.query(load_query("goal_labels").text)):
        out[r["goal"]] = out[r["code"]] = (r["code"], r["label"])
    return out


@dataclass
class _Reach:
    """Paths from a node to goals, the code of each goal reached, and the confidence of each last hop."""

    paths: list[list[TraceNode]] = field(default_factory=list)
    goals: dict[str, str] = field(default_factory=dict)
    confidence: dict[tuple[str, str], float] = field(default_factory=dict)

    def add(self, other: _Reach, prefix: list[TraceNode]) -> None:
        self.paths += [[*prefix, *p] for p in other.paths]
        self.goals.update(other.goals)
        self.confidence.update(other.confidence)


def _paths(store: Store, start: TraceNode) -> _Reach:
    """All contributesTo paths from a node to goal concepts, and the code of each goal reached.

    The confidence of the alignment each path ends in is kept, for deciding between goals.
    """
    import networkx as nx

    graph = nx.DiGraph()
    labels: dict[str, TraceNode] = {start.id: start} if start.label else {}
    goals: dict[str, str] = {}
    for r in rows(store.query(load_query("trace_edges").text, {"entity": Iri(start.id)})):
        graph.add_edge(r["from"], r["to"], confidence=float(r.get("confidence", 1.0)))
        for end in ("from", "to"):
            iri = r[end]
            if iri not in labels:
                labels[iri] = TraceNode(
                    iri, r.get(f"{end}Label", iri.rsplit("/", 1)[-1]), entity_kind(r.get(f"{end}Class"))
                )
        if "toCode" in r:
            goals[r["to"]] = r["toCode"]
            labels[r["to"]] = TraceNode(r["to"], labels[r["to"]].label, "goal")
    paths = []
    confidence: dict[tuple[str, str], float] = {}
    if start.id in graph:
        for goal in sorted(goals):
            for path in nx.all_simple_paths(graph, start.id, goal):
                paths.append([labels[i] for i in path])
                confidence[(path[-2], path[-1])] = graph.edges[path[-2], path[-1]]["confidence"]
    paths.sort(key=lambda p: (len(p), [n.id for n in p]))
    return _Reach(paths, goals, confidence)


def _evidence(store: Store, nodes: list[str]) -> list[dict[str, Any]]:
    out, seen = [], set()
    for node in nodes:
        for r in rows(store.query(load_query("trace_evidence").text, {"node": Iri(node)})):
            key = (r["docName"], r["start"], r["end"])
            if key not in seen:
                seen.add(key)
                out.append(
                    {
                        "doc": r["docName"],
                        "span": [int(r["start"]), int(r["end"])],
                        "text": r["text"],
                        "about": node,
                    }
                )
    return out


def _deciding_goal(reach: _Reach, position: str | None = None) -> str | None:
    """The goal best supported by the sections that state the entity.

    Each first hop (a section mentioning the entity) votes once, through its shortest path, with
    the confidence of the alignment that path ends in; a strategic position the entity serves adds
    a smaller vote, which decides only when the sections say little.
    """
    if not reach.paths:
        return None
    shortest: dict[str, list[TraceNode]] = {}
    for path in sorted(reach.paths, key=len):
        shortest.setdefault(path[1].id if len(path) > 1 else path[0].id, path)
    votes: defaultdict[str, float] = defaultdict(float)
    for path in shortest.values():
        weight = reach.confidence.get((path[-2].id, path[-1].id), 1.0) if len(path) > 1 else 1.0
        votes[reach.goals[path[-1].id]] += weight
    if position:
        votes[position] += POSITION_PRIOR
    return min(votes, key=lambda c: (-round(votes[c], 6), c))


def _classifier(store: Store) -> GoalClassifier:
    """The goal classifier, trained from the explicitly aligned sections held in the store."""
    from policykg.loaders.structure.alignment import GoalClassifier, own_text, term_counts

    texts = {r["docName"]: r["content"] for r in rows(store.query(load_query("documents_text").text))}
    sections = rows(store.query(load_query("section_spans").text))
    children: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in sections:
        if "parent" in s:
            children[s["parent"]].append((int(s["start"]), int(s["end"])))
    examples = [
        (
            s["goalCode"],
            term_counts(
                s["title"],
                own_text(texts[s["docName"]], (int(s["start"]), int(s["end"])), children[s["section"]]),
            ),
        )
        for s in sections
        if s.get("basis") == "explicit" and s["docName"] in texts
    ]
    return GoalClassifier.train(examples)


def _stored_position(store: Store, entity: str) -> str | None:
    found = rows(store.query(load_query("entity_position").text, {"entity": Iri(entity)}))
    return found[0]["code"] if found else None


def trace(store: Store, text: str) -> TraceResult:
    """Find what ``text`` names and trace it to its strategic goal and position."""
    query = text.strip()
    if not query:
        raise NotFoundError("nothing to trace: give a name or a passage")
    candidates, match = locate(store, query)
    labels = _goal_labels(store)
    passages: list[Passage] = []
    reach = _Reach()
    if candidates:
        entity = candidates[0]
        reach = _paths(store, entity)
    if (not reach.paths and match == "fuzzy") or not candidates:
        # a task rather than a name: where the documents say it (a fuzzy name with no path loses to it)
        passages = find_passages(store, query)
        if not passages and not candidates:
            raise NotFoundError(f"nothing in the graph matches {query!r}")
        if passages:
            entity, match, reach = passages[0].node(), "passage", _Reach()
        for found in passages:
            if found.section:
                reach.add(_paths(store, TraceNode(found.section, "", "section")), [found.node()])
    passage = passages[0] if passages else None
    if entity.type == "goal" and entity.id in labels:
        reach = _Reach([[entity]], {entity.id: labels[entity.id][0]})
    section_goal = _deciding_goal(reach)
    evidence = [{"doc": p.doc, "span": list(p.span), "text": p.text, "about": p.node().id} for p in passages]
    hops = [n.id for p in reach.paths for n in p[:-1] if not n.id.startswith("urn:")]
    evidence += _evidence(store, list(dict.fromkeys(hops)))
    position_code, basis = _position(store, entity, section_goal, passage, evidence)
    goal = _deciding_goal(reach, position_code) if position_code != section_goal else section_goal
    return TraceResult(
        query=query,
        entity=entity,
        match=match,
        position=labels.get(position_code) if position_code else None,
        goal=labels.get(goal) if goal else None,
        paths=reach.paths,
        evidence=evidence,
        alternatives=candidates[1:6],
        position_basis=basis,
    )


def _position(
    store: Store,
    entity: TraceNode,
    goal: str | None,
    passage: Passage | None,
    evidence: list[dict[str, Any]],
) -> tuple[str | None, str | None]:
    """The position: stored for named entities, the goal's when it is a position, else inferred from text."""
    from policykg.loaders.structure.alignment import infer_position, term_counts

    if entity.type not in ("task",) and (stored := _stored_position(store, entity.id)):
        return stored, "stored"
    if entity.type in ("project", "region", "actor", "indicator") and goal not in (None, *POSITION_CODES):
        text = entity.label + "".join(e["text"] for e in evidence if e.get("about") == entity.id)
    elif passage is not None:
        text = passage.text
    else:
        text = entity.label
    link = infer_position(_classifier(store), term_counts(entity.label, text), goal, subject=entity.label)
    return (link.code, link.basis) if link else (None, None)
