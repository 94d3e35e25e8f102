"""Run every extractor over a parsed corpus: the records one build turns into triples.

Extraction is per document (metrics, project mentions, place mentions, responsibilities) and then
across documents (projects resolved by alias, positions inferred with the corpus's own goal
classifier).  Pure: documents and structures in, records out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from policykg.loaders.actors import Responsibility, extract_responsibilities
from policykg.loaders.metrics.statements import parse_metrics
from policykg.loaders.projects.mentions import ProjectMention, extract_project_mentions
from policykg.loaders.projects.resolve import Project, resolve_projects
from policykg.loaders.records import Document, GoalLink, MetricStatement
from policykg.loaders.regions import RegionMention, extract_region_mentions
from policykg.loaders.structure.alignment import (
    GoalClassifier,
    infer_position,
    term_counts,
    train_classifier,
)
from policykg.loaders.structure.sections import DocumentStructure

__all__ = ["CorpusRecords", "extract_corpus", "extract_document"]


@dataclass(frozen=True)
class CorpusRecords:
    """Everything extracted from a corpus, keyed so the graph builder can write it in one pass."""

    items: tuple[tuple[Document, DocumentStructure], ...]
    metrics: dict[str, list[MetricStatement]] = field(default_factory=dict)
    projects: tuple[Project, ...] = ()
    positions: dict[str, GoalLink] = field(default_factory=dict)
    regions: tuple[tuple[RegionMention, str | None], ...] = ()  # each mention with its section id
    responsibilities: tuple[tuple[Responsibility, tuple[int, int] | None], ...] = ()  # with its target span

    @property
    def documents(self) -> dict[str, Document]:
        return {doc.id: doc for doc, _ in self.items}


def _position(project: Project, classifier: GoalClassifier) -> GoalLink | None:
    """A project's strategic position: from the sections naming it, else from what it is."""
    goals = Counter(m.goal for m in project.mentions if m.goal)
    if project.position:
        share = goals[project.position] / max(1, sum(goals.values()))
        return GoalLink(project.position, "explicit", round(share or 1.0, 4), ())
    deciding = goals.most_common(1)[0][0] if goals else None
    surfaces = "".join(m.surface for m in project.mentions)
    return infer_position(classifier, term_counts(project.name, surfaces), deciding, subject=project.name)


def _target_span(resp: Responsibility, metrics: Sequence[MetricStatement]) -> tuple[int, int] | None:
    for metric in metrics:
        if metric.kind == "target" and resp.span[0] <= metric.span[0] and metric.span[1] <= resp.span[1]:
            return metric.span
    return None


DocumentRecords = tuple[
    list[MetricStatement],
    list[ProjectMention],
    list[tuple[RegionMention, str | None]],
    list[tuple[Responsibility, tuple[int, int] | None]],
]


def extract_document(item: tuple[Document, DocumentStructure]) -> DocumentRecords:
    """The records of one document: its metrics, project mentions, places and responsibilities."""
    doc, structure = item
    metrics = parse_metrics(doc, structure)
    places = [
        (place, section.id if (section := structure.section_at(*place.span)) else None)
        for place in extract_region_mentions(doc, structure)
    ]
    resps = [(resp, _target_span(resp, metrics)) for resp in extract_responsibilities(doc, structure)]
    return metrics, extract_project_mentions(doc, structure), places, resps


def extract_corpus(items: Sequence[tuple[Document, DocumentStructure]], *, workers: int = 1) -> CorpusRecords:
    """All records of an aligned corpus: metrics, projects with positions, places and responsibilities.

    Documents are independent until projects are resolved across them, so with ``workers`` > 1 each
    document is extracted in a process of its own; the result is the same.
    """
    metrics: dict[str, list[MetricStatement]] = {}
    mentions: list[ProjectMention] = []
    regions: list[tuple[RegionMention, str | None]] = []
    responsibilities: list[tuple[Responsibility, tuple[int, int] | None]] = []
    if workers > 1 and len(items) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            per_document = list(
                pool.map(extract_document, items, chunksize=max(1, len(items) // (4 * workers)))
            )
    else:
        per_document = [extract_document(item) for item in items]
    for (doc, _), (doc_metrics, doc_mentions, doc_places, doc_resps) in zip(items, per_document, strict=True):
        metrics[doc.id] = doc_metrics
        mentions.extend(doc_mentions)
        regions.extend(doc_places)
        responsibilities.extend(doc_resps)
    projects = tuple(resolve_projects(mentions))
    classifier = train_classifier(items)
    positions = {p.id: link for p in projects if (link := _position(p, classifier))}
    return CorpusRecords(tuple(items), metrics, projects, positions, tuple(regions), tuple(responsibilities))
