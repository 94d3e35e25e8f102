"""Inferred alignment of sections to strategic goals: a transparent term-profile classifier.

Headings that name a goal are aligned explicitly (``goals.py``).  Documents written in another
frame (a work report's eleven lines of work, 六个工程, 六个行动) name no goal in their headings,
so their sections are scored against a term profile per goal, learnt from the sections of the
same corpus that *are* explicitly aligned, seeded with the goal terms themselves.  Terms are
Chinese character bigrams weighted by TF-IDF; the score is a cosine similarity, and the
explanation kept with each link is the list of terms that contributed most.  A section whose
children serve several different goals (a container such as 2025年工作安排) gets no goal of its
own: the deciding goal is only given where one goal clearly dominates.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from policykg.loaders import lexicon
from policykg.loaders.records import Document, GoalLink, Section
from policykg.loaders.structure.goals import (
    GOAL_CODES,
    POSITION_CODES,
    goal_labels,
    goal_terms,
    position_terms,
)
from policykg.loaders.structure.sections import DocumentStructure
from policykg.loaders.text.normalise import normalise

__all__ = [
    "POSITION_CODES",
    "GoalClassifier",
    "align_corpus",
    "bigrams",
    "infer_position",
    "own_text",
    "term_counts",
    "train_classifier",
]

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
HEADING_WEIGHT = 3
MIN_CONFIDENCE = 0.34  # below this share of the evidence, say nothing rather than guess
DOMINANT_SHARE = 0.6  # a container takes its children's goal only when most of them agree
EXPLAIN_TERMS = 5


def _stop_bigrams() -> frozenset[str]:
    """Bigrams that occur in sections of every goal and say nothing about which (data file, cached)."""
    return lexicon.stop_bigrams()


def bigrams(text: str) -> list[str]:
    """Overlapping pairs of Chinese characters, the terms of a section's profile."""
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    stop = _stop_bigrams()
    return [t for t in out if t not in stop]


def own_text(text: str, span: tuple[int, int], child_spans: Iterable[tuple[int, int]]) -> str:
    """The normalised text of a span without the spans of its child sections."""
    pieces, at = [], span[0]
    for child in sorted(child_spans):
        pieces.append(text[at : child[0]])
        at = max(at, child[1])
    pieces.append(text[at : span[1]])
    return normalise("".join(pieces)).text


def term_counts(title: str, body: str) -> Counter[str]:
    """Bigram counts of a heading (weighted) and its body: what the classifier compares."""
    counts = Counter(bigrams(body))
    for term in bigrams(title):
        counts[term] += HEADING_WEIGHT
    return counts


@dataclass
class GoalClassifier:
    """TF-IDF term profiles per goal, learnt from explicitly aligned text; scores by cosine."""

    profiles: dict[str, dict[str, float]]
    idf: dict[str, float]

    @classmethod
    def train(cls, examples: Iterable[tuple[str, Counter[str]]]) -> GoalClassifier:
        """Learn from (goal code, term counts) pairs; goal labels and terms seed every profile."""
        raw: dict[str, Counter[str]] = defaultdict(Counter)
        for code, terms in goal_terms().items():
            for term in (goal_labels()[code], *terms):
                for bigram in bigrams(term):
                    raw[code][bigram] += HEADING_WEIGHT
        for code, counts in examples:
            raw[code].update(counts)
        df: Counter[str] = Counter()
        for counts in raw.values():
            df.update(set(counts))
        n = len(raw)
        idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
        profiles = {
            code: _unit({t: (1 + math.log(c)) * idf[t] for t, c in counts.items()})
            for code, counts in raw.items()
        }
        return cls(profiles, idf)

    def score(
        self, counts: Counter[str], codes: Sequence[str] = GOAL_CODES
    ) -> list[tuple[str, float, list[str]]]:
        """Goals by similarity, best first, each with the terms that contributed most."""
        vector = _unit({t: (1 + math.log(c)) * self.idf[t] for t, c in counts.items() if t in self.idf})
        ranked = []
        for code in codes:
            profile = self.profiles.get(code, {})
            parts = {t: w * profile[t] for t, w in vector.items() if t in profile}
            top = sorted(parts, key=lambda t: (-parts[t], t))[:EXPLAIN_TERMS]
            ranked.append((code, sum(parts.values()), top))
        ranked.sort(key=lambda r: (-r[1], r[0]))
        return ranked

    def classify(self, counts: Counter[str], codes: Sequence[str] = GOAL_CODES) -> GoalLink | None:
        """The inferred goal, with confidence = its share of the top three scores, or None if unsure."""
        ranked = self.score(counts, codes)
        best, total = ranked[0][1], sum(s for _, s, _ in ranked[:3])
        if best <= 0 or total <= 0:
            return None
        confidence = best / total
        if confidence < MIN_CONFIDENCE:
            return None
        return GoalLink(ranked[0][0], "inferred", round(confidence, 4), tuple(ranked[0][2]))


def infer_position(
    classifier: GoalClassifier, counts: Counter[str], goal: str | None, subject: str = ""
) -> GoalLink | None:
    """The strategic position (P1–P5) something serves: its goal's when that is a position, else inferred.

    A project or task in a key-work section may still serve a position by what it is about (a
    hydrogen pipeline in an industry section serves the energy base): the position words found in
    its own name or wording decide, the longest first.  Without such words, the classifier may still
    name a position, but only when a position is the best goal overall.
    """
    if goal in POSITION_CODES:
        return GoalLink(goal, "explicit", 1.0, ())
    hits = {code: [t for t in terms if t in subject] for code, terms in position_terms().items()}
    weight = {code: sum(len(t) for t in found) for code, found in hits.items() if found}
    if weight:
        best = max(sorted(weight), key=lambda c: weight[c])
        share = weight[best] / sum(weight.values())
        return GoalLink(best, "inferred", round(share, 4), tuple(hits[best]))
    ranked = classifier.score(counts)
    if ranked and ranked[0][1] > 0 and ranked[0][0] in POSITION_CODES:
        link = classifier.classify(counts)
        if link and link.code in POSITION_CODES:
            return link
    return None


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {t: v / norm for t, v in vector.items()}


def _children(sections: Sequence[Section]) -> dict[str | None, list[Section]]:
    out: dict[str | None, list[Section]] = defaultdict(list)
    for s in sections:
        out[s.parent].append(s)
    return out


def train_classifier(items: Sequence[tuple[Document, DocumentStructure]]) -> GoalClassifier:
    """A classifier learnt from the explicitly aligned sections of a corpus (own text, heading weighted)."""
    examples = []
    for doc, structure in items:
        kids = _children(structure.sections)
        for s in structure.sections:
            if s.goal and s.goal.basis == "explicit":
                body = own_text(doc.text, s.span, [c.span for c in kids[s.id]])
                examples.append((s.goal.code, term_counts(s.title, body)))
    return GoalClassifier.train(examples)


def align_corpus(
    items: Sequence[tuple[Document, DocumentStructure]],
) -> list[tuple[Document, DocumentStructure]]:
    """Give every section without an explicit goal an inferred one where the evidence supports it."""
    classifier = train_classifier(items)
    return [
        (doc, replace(structure, sections=tuple(_infer(doc, structure.sections, classifier))))
        for doc, structure in items
    ]


def _infer(doc: Document, sections: Sequence[Section], classifier: GoalClassifier) -> list[Section]:
    """Leaves first: classify unaligned leaves, then let containers follow a dominant child goal."""
    kids = _children(sections)
    decided: dict[str, GoalLink | None] = {}

    def visit(section: Section) -> GoalLink | None:
        children = kids[section.id]
        child_links = [visit(child) for child in children]
        if section.goal is not None:
            decided[section.id] = section.goal
            return section.goal
        if section.kind == "targets":
            decided[section.id] = None
            return None
        link: GoalLink | None
        if children:
            votes = Counter(c.code for c in child_links if c)
            code, n = votes.most_common(1)[0] if votes else (None, 0)
            if code and n / len(children) >= DOMINANT_SHARE:
                link = GoalLink(
                    code, "inferred", round(n / len(children), 4), (f"{n}/{len(children)} subsections",)
                )
            else:
                link = None
        else:
            text = normalise(doc.text[section.span[0] : section.span[1]]).text
            link = classifier.classify(term_counts(section.title, text))
        decided[section.id] = link
        return link

    for root in kids[None]:
        visit(root)
    out = []
    for s in sections:
        link = decided.get(s.id, s.goal)
        # children of an inferred section that found nothing of their own follow it
        if link is None and s.parent and decided.get(s.parent) is not None and s.kind != "targets":
            parent = decided[s.parent]
            assert parent is not None
            link = replace(parent, confidence=round(parent.confidence * 0.9, 4))
        out.append(replace(s, goal=link))
    return out
