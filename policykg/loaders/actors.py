"""Responsibilities: who a plan or report tells to do what (各盟市要…, 包钢集团要…, 由X牵头，Y配合).

The genre assigns work in a few fixed shapes: a subject at the head of a sentence followed by a
modal (要, 都要, 既要, 要当好, 至少), a list of subjects closed by 等 and a category
(森工集团、文旅集团等区属国有企业，都要…), and lead/support pairs (由X牵头，Y配合).  A subject is
an actor when it is a place of the gazetteer or ends with an actor word (盟市, 政府, 集团,
高校, 金融机构 …); lists are split so every named actor gets its own record.  Lexicon:
``data/actor_terms.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from policykg.loaders import lexicon
from policykg.loaders.records import Document, Span
from policykg.loaders.regions import find_places
from policykg.loaders.structure.sections import DocumentStructure, parse_structure

__all__ = ["Responsibility", "extract_responsibilities"]

_SENTENCE = re.compile(r"[^。；！？\n]+")
_LEAD = re.compile(
    r"(?:^|[，,])由(?P<lead>[^，。；]{2,30}?)牵头(?!的)(?:[，,](?P<support>[^，。；]{2,30}?)(?:配合|参与|协同))?"
)
_TARGET = re.compile(r"(?:力争|确保|目标是|达到|突破)[^，。；]*")
_OPENERS = re.compile(r"^(?:同时|此外|另外|今年|当前|下一步|特别是|尤其是)[，,]?")
_MAX_SUBJECT = 40
# a subject with a verb or a particle in it is a clause, not an actor
_NOT_SUBJECT = re.compile(r"是|按照|的|由|对|把|为|以|在|将|从|通过|围绕|加快|推动|坚持")


@dataclass(frozen=True)
class Responsibility:
    """An actor told to do a task, with the span of the assignment."""

    doc: str
    actor: str
    actor_type: str  # enterprise | region | institution | government | other
    role: str  # lead | support | oversight | responsible
    task: str
    span: Span
    section: str | None
    target: str | None = None


@lru_cache(maxsize=1)
def _terms() -> lexicon.ActorTerms:
    """The actor lexicon (``actor_terms.json``), with the modals longest first so 都要 wins over 要."""
    terms = lexicon.actor_terms()
    return replace(terms, modal=tuple(sorted(terms.modal, key=len, reverse=True)))


def _actor_type(actor: str) -> str | None:
    """The kind of actor a subject names, or None when it names none."""
    terms = _terms()
    if actor in terms.not_actors or len(actor) < 2 or _NOT_SUBJECT.search(actor):
        return None
    for kind, suffixes in terms.suffixes.items():
        if any(actor.endswith(s) for s in suffixes):
            return str(kind)
    hits = find_places(actor)
    if hits and sum(h.end - h.start for h in hits) >= len(actor) - 1:
        return "region"
    if re.fullmatch(r"[\u4e00-\u9fff]{4,6}", actor) and actor.endswith(("稀土", "电力", "能源")):
        return "enterprise"
    return None


def _split(subject: str) -> list[str]:
    """The actors of a subject: 赤峰、通辽 → two; X、Y等区属国有企业 → X, Y."""
    body = subject
    if "等" in body:
        head, _, category = body.rpartition("等")
        items = [x for x in re.split(r"[、和及]", head) if x]
        return items or [category]
    parts = [x for x in re.split(r"、(?![^（(]*[）)])", body) if x]
    if len(parts) > 1:
        return parts
    return [body]


def _subject(clause: str) -> tuple[str, int, str] | None:
    """(subject, where the modal starts, the modal) at the head of a clause."""
    terms = _terms()
    text = clause
    lead = 0
    m = _OPENERS.match(text)
    if m:
        lead = m.end()
    best: tuple[int, str] | None = None
    for modal in terms.modal:
        k = text.find(modal, lead)
        if k >= 0 and (best is None or k < best[0]):
            best = (k, modal)
    if best is None:
        return None
    k, modal = best
    subject = text[lead:k]
    if subject.endswith("，"):
        subject = subject[:-1]
    subject = subject.strip("，, ")
    for cut in terms.cut_words:
        if cut in subject:
            subject = subject[: subject.index(cut)]
    if not subject or len(subject) > _MAX_SUBJECT or "，" in subject.replace("，都", ""):
        if "，" in subject:
            first, _, rest = subject.partition("，")
            if rest:
                return None
            subject = first
        else:
            return None
    return subject, k, modal


def extract_responsibilities(
    doc: Document, structure: DocumentStructure | None = None
) -> list[Responsibility]:
    """Every assignment of a task to an actor in one document."""
    structure = structure or parse_structure(doc)
    norm = structure.norm
    out: list[Responsibility] = []
    for m in _SENTENCE.finditer(norm.text):
        sentence = m.group(0)
        start = m.start() + len(sentence) - len(sentence.lstrip())
        sentence = sentence.strip()
        if len(sentence) < 4:
            continue
        span = norm.original_span(start, start + len(sentence))
        section = structure.section_at(span[0])
        target_m = _TARGET.search(sentence)
        target = target_m.group(0) if target_m else None
        lead = _LEAD.search(sentence)
        if lead:
            for role, group in (("lead", "lead"), ("support", "support")):
                if lead.group(group):
                    for actor in re.split(r"[、和]", lead.group(group)):
                        out.append(
                            Responsibility(
                                doc.id,
                                actor,
                                _actor_type(actor) or "government",
                                role,
                                sentence,
                                span,
                                section.id if section else None,
                                target,
                            )
                        )
            continue
        starts = [0] + [k + 1 for k, ch in enumerate(sentence) if ch in "，,"]
        for c0 in starts:
            found = _subject(sentence[c0:])
            if found is None:
                continue
            subject, k, modal = found
            if "，" in sentence[c0 : c0 + k].rstrip("，") and not re.search(
                r"等[^，]*，$", sentence[c0 : c0 + k]
            ):
                continue
            task = sentence[c0 + k + len(modal) :].strip("，, ")
            span = norm.original_span(start + c0, start + len(sentence))
            for actor in _split(subject):
                actor = actor.strip()
                kind = _actor_type(actor)
                if kind is None or not task:
                    continue
                role = next(
                    (r for r, words in _terms().roles.items() if any(task.startswith(w) for w in words)),
                    "responsible",
                )
                out.append(
                    Responsibility(
                        doc.id, actor, kind, role, task, span, section.id if section else None, target
                    )
                )
    return out
