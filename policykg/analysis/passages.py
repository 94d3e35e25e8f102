"""Find where the documents say a task that is not a named entity, and the section that holds it.

Most of what a plan asks for ("开工建设……35个新型储能项目") is a clause, not a project or place with
a name in the graph, so :func:`policykg.analysis.locate.locate` cannot find it.  ``trace`` then
looks for the text itself: every document that says it (in the normalised view of each document,
so a PDF's "850 万亩" still matches "850万亩"), the latest document first; failing
that, the single clause of any document that shares most character bigrams with it, when it is
close enough.  Each passage is placed in the innermost section containing it, which is where its
path to a goal starts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from policykg.analysis.locate import TraceNode
from policykg.graph.named_queries import load_query
from policykg.graph.store import Lit, Store, rows
from policykg.loaders.text.normalise import normalise

__all__ = ["PASSAGE_MIN", "Passage", "find_passages"]

PASSAGE_MIN = 0.6


@dataclass
class Passage:
    """A span of a document that says the task, and the innermost section containing it (if any)."""

    doc: str
    span: tuple[int, int]
    text: str
    section: str | None

    def node(self) -> TraceNode:
        """The passage as the first node of a path (kind "task"), named by its document and span."""
        return TraceNode(f"urn:policykg:passage:{self.doc}:{self.span[0]}-{self.span[1]}", self.text, "task")


def find_passages(store: Store, query: str) -> list[Passage]:
    """Where documents say the query text (normalised): every document that has it, the latest first;
    else the closest clause of any document, when it is close enough."""
    wanted = normalise(query).text.strip()
    if len(wanted) < 4:
        return []
    docs = rows(store.query(load_query("documents_text").text))
    docs.sort(key=lambda d: (-int(d.get("year", 0) or 0), d["docName"]))
    exact: list[tuple[str, tuple[int, int]]] = []
    best: tuple[float, str, tuple[int, int]] | None = None
    for d in docs:
        norm = normalise(d["content"])
        at = norm.text.find(wanted)
        if at >= 0:
            exact.append((d["docName"], norm.original_span(at, at + len(wanted))))
        elif (
            not exact
            and (candidate := _closest_clause(norm.text, wanted))
            and (best is None or candidate[0] > best[0])
        ):
            best = (candidate[0], d["docName"], norm.original_span(*candidate[1]))
    if not exact and best is not None and best[0] >= PASSAGE_MIN:
        exact = [(best[1], best[2])]
    texts = {d["docName"]: d["content"] for d in docs}
    return [
        Passage(doc, span, texts[doc][span[0] : span[1]], _innermost_section(store, doc, span))
        for doc, span in exact
    ]


def _closest_clause(text: str, wanted: str) -> tuple[float, tuple[int, int]] | None:
    """The clause that shares most character bigrams with the query (Dice coefficient), and its span."""
    want = Counter(wanted[i : i + 2] for i in range(len(wanted) - 1))
    best: tuple[float, tuple[int, int]] | None = None
    for m in re.finditer(r"[^。；！？\n]+", text):
        clause = m.group(0)
        have = Counter(clause[i : i + 2] for i in range(len(clause) - 1))
        shared = sum((want & have).values())
        score = 2 * shared / (sum(want.values()) + min(sum(have.values()), 2 * sum(want.values())) or 1)
        if best is None or score > best[0]:
            best = (score, (m.start(), m.end()))
    return best


def _innermost_section(store: Store, doc: str, span: tuple[int, int]) -> str | None:
    """The deepest section of the document whose span contains the passage."""
    inner: tuple[int, str] | None = None
    for r in rows(store.query(load_query("section_spans").text, {"docName": Lit(doc)})):
        inside = int(r["start"]) <= span[0] and span[1] <= int(r["end"])
        if inside and (inner is None or int(r["level"]) > inner[0]):
            inner = (int(r["level"]), r["section"])
    return inner[1] if inner else None
