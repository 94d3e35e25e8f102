"""Records: the frozen dataclasses that loaders produce and the graph builder consumes.

Every record that states something about a document carries its provenance: the document id
and a ``(start, end)`` span of character offsets into the original text (end exclusive), so
``document.text[start:end]`` is always the quoted evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Document",
    "GoalLink",
    "MetricStatement",
    "Paragraph",
    "Section",
    "Sentence",
    "Span",
]

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One source document: its original text (BOM removed, nothing else changed) and metadata."""

    id: str
    text: str
    title: str
    kind: str
    year: int | None = None
    doc_number: str | None = None
    date: str | None = None
    issuer: str | None = None
    covers: tuple[tuple[str, str], ...] = ()
    checksum: str = ""
    metadata_source: str = "inferred"
    source_format: str = "txt"  # the file the text came from: txt, docx, pdf or html
    source_checksum: str = ""  # SHA-256 of that file's bytes (the text's own checksum differs)

    def quote(self, span: Span) -> str:
        """The evidence a span points at."""
        return self.text[span[0] : span[1]]


@dataclass(frozen=True)
class GoalLink:
    """A section's link to a strategic goal code, with how it was found."""

    code: str
    basis: str  # "explicit" or "inferred"
    confidence: float
    matched_terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """A heading and the text it governs: a part, task or 专栏 at any level of the document."""

    doc: str
    id: str
    parent: str | None
    level: int
    number: str
    title: str
    title_span: Span
    span: Span
    kind: str = "numbered"  # numbered | plain | box | targets | markdown | enumerated
    sequence: int = 0
    goal: GoalLink | None = None
    part: str | None = None  # review | targets | plan | other: the part of the report it stands in


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text with the section it sits in."""

    doc: str
    index: int
    section: str | None
    span: Span


@dataclass(frozen=True)
class Sentence:
    """A sentence (ended by 。！？； or a line break) with the section it sits in."""

    doc: str
    index: int
    section: str | None
    span: Span
    text: str = field(compare=False, default="")


@dataclass(frozen=True)
class MetricStatement:
    """One quantitative statement: what is measured, the number as written, and how to read it.

    ``value`` and ``unit`` are as written (``12.5``, ``亿吨``); ``normalised_value`` and
    ``base_unit`` restate it in the base unit of its family (``1.25e9``, ``吨``; 亿度 in 千瓦时) so
    figures compare.  Two statements measure the same thing only when indicator, scope, measure
    and unit family agree: 新增装机 (a flow) is not 装机 (a stock), 蒙能集团's 装机 not the region's.
    """

    doc: str
    indicator: (
        str | None
    )  # canonical name, the same in every document; None when no good name could be formed
    value: float
    unit: str
    comparator: str  # about | at_least | at_most | exact
    kind: str  # target | actual
    period: str  # "2026" or "2021-2025"
    change: bool
    span: Span  # the number with its unit (and comparator words) in the original text
    evidence: str  # == document text[span]
    section: str | None = None
    surface: str = ""  # the indicator as the text words it
    estimate: bool = False  # 预计 / 初步统计: an actual that is still an estimate
    normalised_value: float | None = None
    base_unit: str = ""
    sentence_span: Span | None = None
    subject: str | None = None  # the quantity (level name) the naming grammar formed, None when none
    scope: str | None = None  # whose figure: the issuer, or a sub-region, organisation or sector
    scope_kind: str = "region"  # region (the issuer) | subregion | organisation | sector
    measure: str = "level"  # level | flow | change | share | count | cumulative | average
    bound: str | None = None  # lower (以上, 超过), upper (以下, 不足) or None
    unit_family: str = ""  # the unit's family (units.json): figures compare only within one
