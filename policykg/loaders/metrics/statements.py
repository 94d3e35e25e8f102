"""Metric statements of a document: each figure found, named, given kind and period, and quoted exactly."""

from __future__ import annotations

from policykg.loaders.metrics.grammar import sentence_scope
from policykg.loaders.metrics.measure import bound_of, with_span
from policykg.loaders.metrics.naming import Context, name_mentions
from policykg.loaders.metrics.period import Frame, period_of, statement_context
from policykg.loaders.metrics.quantities import Mention, find_mentions, link_chains, split_sentences
from policykg.loaders.records import Document, MetricStatement
from policykg.loaders.structure.sections import DocumentStructure
from policykg.loaders.text.normalise import NormalisedText
from policykg.loaders.text.numbers import normalise_unit, normalised_value

__all__ = ["parse_metrics"]

_CHANGE_NAMES = ("增速", "增幅", "涨幅", "降幅", "增长率")


def parse_metrics(doc: Document, structure: DocumentStructure) -> list[MetricStatement]:
    """Every metric statement of a document, sorted by span.

    Plans and reports carry their commitments and results as figures inside running prose
    (``地区生产总值增长5%左右``, ``育肥牛、育肥羊出栏数分别达到180万头和4000万只以上``). Each becomes a
    :class:`MetricStatement` that says what is measured (a canonical indicator, see
    :mod:`~policykg.loaders.metrics.indicators`), the value and unit as written, how the value bounds
    the quantity (左右/以上/以下), whether it is a target or a result, for which period, and whether it
    is a level or a change.  The reading follows ``CONTRACT.md`` ("What the gold counts"):
    :mod:`~policykg.loaders.metrics.quantities` finds and bounds the figures of each sentence,
    :mod:`~policykg.loaders.metrics.naming` names them and :mod:`~policykg.loaders.metrics.period`
    gives their kind and period.  Matching runs on the normalised view ``structure.norm``; every
    span is mapped back, so evidence is quoted exactly.
    """
    norm = structure.norm
    frame = Frame.of(doc, structure)
    out: list[MetricStatement] = []
    paragraph_last: list[Mention] = []
    for a, b in split_sentences(norm.text):
        mentions = _read_sentence(norm.text, a, b, paragraph_last, doc.issuer)
        if norm.text[b : b + 1] == "\n":
            paragraph_last = []
        elif mentions:
            paragraph_last = mentions
        for m in mentions:
            out.append(_statement(doc, norm, frame, m, a, b))
    out.sort(key=lambda s: (s.span, s.value))
    return out


def _read_sentence(text: str, a: int, b: int, earlier: list[Mention], issuer: str | None) -> list[Mention]:
    """Find, bound, chain and name the figures of sentence ``text[a:b]``; ``earlier`` are the
    figures of the sentence before in the same paragraph, which a bare measure may refer to."""
    mentions = find_mentions(text, a, b)
    if not mentions:
        return mentions
    link_chains(text, mentions)
    context = Context(issuer, sentence_scope(text[a:b], issuer))
    name_mentions(text, a, b, mentions, earlier, context)
    return mentions


def _statement(
    doc: Document, norm: NormalisedText, frame: Frame, m: Mention, a: int, b: int
) -> MetricStatement:
    """The record of a named mention in sentence ``norm.text[a:b]``, with spans into the original."""
    span = norm.original_span(m.start, m.end)
    change = m.change is not None or (m.indicator or "").endswith(_CHANGE_NAMES)
    ctx, estimate = statement_context(frame, span[0], norm.text[a : m.q.start], change=change)
    value_n, base_unit = normalised_value(m.q.value, m.q.unit)
    period = period_of(norm.text, (a, b), m, ctx, frame)
    unit = normalise_unit(m.q.unit)
    return MetricStatement(
        doc=doc.id,
        indicator=m.indicator,
        value=m.q.value,
        unit=m.q.unit,
        comparator=m.comparator,
        kind=ctx.kind,
        period=period,
        change=change,
        span=span,
        evidence=doc.text[span[0] : span[1]],
        section=ctx.section.id if ctx.section else None,
        surface=m.surface,
        estimate=estimate,
        normalised_value=value_n,
        base_unit=base_unit,
        sentence_span=norm.original_span(a, b),
        subject=m.level or None,
        scope=m.scope.name if m.scope else doc.issuer,
        scope_kind=m.scope.kind if m.scope else "region",
        measure=with_span(m.measure, period),
        bound=bound_of(m.comparator),
        unit_family=unit.family if unit else "",
    )
