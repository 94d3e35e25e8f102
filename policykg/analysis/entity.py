"""Everything known about one entity: its names, facts, mentions with evidence, sections, goals,
metrics, places and actors — the answer of ``policykg entity NAME``.

The entity is found as ``trace`` finds it (name, alias, fuzzy).  What is "related" is read from
the graph's links (touchesRegion, sfWithin, measures) and from the sentences that mention it: a
metric, place or responsibility stated in the same sentence as a mention belongs to its story.
"""

from __future__ import annotations

import re
from typing import Any

from policykg.analysis import reports
from policykg.analysis.locate import NotFoundError, locate
from policykg.analysis.trace import trace
from policykg.graph.named_queries import load_query
from policykg.graph.store import Iri, Store, rows

__all__ = ["describe"]

_SENTENCE_END = re.compile(r"[。；！？\n]")


def _sentence(text: str, span: list[int]) -> tuple[int, int]:
    start = span[0]
    while start > 0 and not _SENTENCE_END.match(text[start - 1]):
        start -= 1
    end = span[1]
    while end < len(text) and not _SENTENCE_END.match(text[end]):
        end += 1
    return start, end


def _inside(span: list[int], doc: str, sentences: dict[str, list[tuple[int, int]]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in sentences.get(doc, []))


def describe(store: Store, name: str) -> dict[str, Any]:
    """A report on one named entity; NotFoundError when nothing is named so."""
    candidates, match = locate(store, name)
    if not candidates:
        raise NotFoundError(f"no entity named {name.strip()!r} (try `policykg trace` for a passage)")
    entity = candidates[0]
    facts: dict[str, list[dict[str, str]]] = {}
    for r in rows(store.query(load_query("entity_triples").text, {"entity": Iri(entity.id)})):
        if r["direction"] != "out" or r["property"].endswith(("#hasMention", "#content")):
            continue
        prop = re.split(r"[#/]", r["property"])[-1]
        facts.setdefault(prop, []).append({"value": r["value"], "label": r.get("valueLabel", "")})
    evidence: list[dict[str, Any]] = [
        {
            "doc": r["docName"],
            "span": [int(r["start"]), int(r["end"])],
            "text": r["text"],
            "section": r.get("section"),
        }
        for r in rows(store.query(load_query("trace_evidence").text, {"node": Iri(entity.id)}))
    ]
    texts = {r["docName"]: r["content"] for r in rows(store.query(load_query("documents_text").text))}
    sentences: dict[str, list[tuple[int, int]]] = {}
    for e in evidence:
        sentences.setdefault(e["doc"], []).append(_sentence(texts[e["doc"]], e["span"]))
    section_ids = {e["section"] for e in evidence if e.get("section")}
    traced = trace(store, entity.label)
    metrics = [
        m
        for m in reports.metrics(store)
        if (entity.type == "indicator" and m["indicator"] == entity.label)
        or _inside(m["span"], m["doc"], sentences)
    ]
    places = [
        {"name": r["name"], "level": r["level"]}
        for r in reports.regions(store)
        if r["name"] != entity.label and any(_inside(m["span"], m["doc"], sentences) for m in r["mentions"])
    ]
    actors = [
        a
        for a in reports.actors(store)
        if _inside(a["span"], a["doc"], sentences)
        or any(a["span"][0] <= s[0] and s[1] <= a["span"][1] for s in sentences.get(a["doc"], []))
    ]
    return {
        "entity": entity.as_json(),
        "match": match,
        "alternatives": [c.as_json() for c in candidates[1:6]],
        "facts": facts,
        "mentions": [{k: v for k, v in e.items() if k != "section"} for e in evidence],
        "sections": sorted(section_ids),
        "position": traced.as_json()["position"],
        "goal": traced.as_json()["goal"],
        "paths": traced.as_json()["paths"],
        "metrics": metrics,
        "regions": places,
        "actors": actors,
    }
