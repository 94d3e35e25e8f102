"""The one place where IRIs are minted, from stable keys: document file, section path, goal code.

IRIs are ASCII and stable across rebuilds: a document's IRI comes from its file name, a section's
from its position in the heading tree (``二、（一）`` → ``p2/t1``), an evidence node from its
document and span.  Chinese text never goes into an IRI; it lives in ``@zh`` literals.
"""

from __future__ import annotations

import hashlib
import re

__all__ = [
    "BASE",
    "actor_iri",
    "alignment_iri",
    "comparator_iri",
    "document_iri",
    "evidence_iri",
    "goal_iri",
    "indicator_iri",
    "mention_iri",
    "metric_iri",
    "position_selector_iri",
    "project_iri",
    "quote_selector_iri",
    "region_iri",
    "responsibility_iri",
    "role_iri",
    "section_iri",
    "section_slug",
    "status_iri",
    "term_slug",
]

BASE = "https://w3id.org/policykg/id/"
_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def _cn_int(numeral: str) -> int:
    """一 → 1, 十一 → 11, 二十三 → 23: the numerals of heading numbers."""
    import cn2an  # only the build mints section IRIs

    return int(cn2an.cn2an(numeral, "smart"))


def _segment(local: str) -> str:
    """One step of a section path in ASCII: 二 → p2, （一） → t1, 专栏3 → box3, 一要 → e1, 1. → i1."""
    base, _, repeat = local.partition("~")
    suffix = f"-{repeat}" if repeat else ""
    if m := re.fullmatch(r"[（(]([一二三四五六七八九十百零〇]+)[）)]", base):
        return f"t{_cn_int(m.group(1))}{suffix}"
    if m := re.fullmatch(r"([一二三四五六七八九十百零〇]+)([是要])", base):
        return f"e{_cn_int(m.group(1))}{suffix}"
    if re.fullmatch(r"[一二三四五六七八九十百零〇]+", base):
        return f"p{_cn_int(base)}{suffix}"
    if m := re.fullmatch(r"专栏(\d+)", base):
        return f"box{m.group(1)}{suffix}"
    if m := re.fullmatch(r"(\d+)\.", base):
        return f"i{m.group(1)}{suffix}"
    if m := re.fullmatch(r"§(\d+)", base):
        return f"h{m.group(1)}{suffix}"
    if base == "主要预期目标":
        return f"targets{suffix}"
    if re.fullmatch(r"#+", base):
        return f"md{len(base)}{suffix}"
    return term_slug(base) + suffix


def term_slug(text: str) -> str:
    """A short stable ASCII key for any text (names of indicators, projects, actors)."""
    ascii_part = _SAFE.sub("", text)
    if ascii_part == text and text:
        return text
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _doc_slug(doc_id: str) -> str:
    return term_slug(doc_id.rsplit(".", 1)[0] if "." in doc_id else doc_id)


def document_iri(doc_id: str) -> str:
    """The IRI of a source document, from its file name."""
    return f"{BASE}doc/{_doc_slug(doc_id)}"


def section_slug(section_id: str) -> str:
    """The ASCII path of a section id such as ``001_…/二/（一）`` without the document part."""
    parts = section_id.split("/")[1:]
    return "/".join(_segment(p) for p in parts)


def section_iri(doc_id: str, section_id: str) -> str:
    """The IRI of a section, from its document and its path in the heading tree."""
    return f"{BASE}section/{_doc_slug(doc_id)}/{section_slug(section_id)}"


def goal_iri(code: str) -> str:
    """The IRI of a strategic goal concept (P1–P5, M, K1–K7, L)."""
    return f"{BASE}goal/{code}"


def alignment_iri(subject_iri: str, code: str) -> str:
    """The qualified link of a section to one goal."""
    return f"{subject_iri}/alignment/{code}"


def evidence_iri(doc_id: str, span: tuple[int, int]) -> str:
    """The text span that supports a fact: one node per document and span, shared by its facts."""
    return f"{BASE}evidence/{_doc_slug(doc_id)}/{span[0]}-{span[1]}"


def position_selector_iri(doc_id: str, span: tuple[int, int]) -> str:
    """The character-offset selector of an evidence span."""
    return f"{evidence_iri(doc_id, span)}/position"


def quote_selector_iri(doc_id: str, span: tuple[int, int]) -> str:
    """The quoted-text selector of an evidence span."""
    return f"{evidence_iri(doc_id, span)}/quote"


def metric_iri(doc_id: str, span: tuple[int, int]) -> str:
    """A metric statement: one per document and span of the number it states."""
    return f"{BASE}metric/{_doc_slug(doc_id)}/{span[0]}-{span[1]}"


def indicator_iri(canonical_name: str) -> str:
    """An indicator, from its canonical name: the same quantity gets the same IRI in every document."""
    return f"{BASE}indicator/{term_slug(canonical_name)}"


def comparator_iri(name: str) -> str:
    """One of the four comparator concepts: about, at_least, at_most, exact."""
    return f"{BASE}comparator/{name}"


def project_iri(project_key: str) -> str:
    """A project, from the key its resolver gives (the normalised canonical name)."""
    return f"{BASE}project/{term_slug(project_key)}"


def region_iri(name: str) -> str:
    """A place, from its canonical gazetteer name."""
    return f"{BASE}region/{term_slug(name)}"


def actor_iri(name: str) -> str:
    """An actor (enterprise, region, institution, level of government), from its name as written."""
    return f"{BASE}actor/{term_slug(name)}"


def mention_iri(doc_id: str, span: tuple[int, int], entity_iri: str) -> str:
    """One mention of one entity: the same words can name two things (a zone that is also a place)."""
    return f"{BASE}mention/{_doc_slug(doc_id)}/{span[0]}-{span[1]}/{term_slug(entity_iri)[:8]}"


def responsibility_iri(doc_id: str, span: tuple[int, int], actor: str) -> str:
    """One assignment of a task to one actor, from the span that states it (several actors, several nodes)."""
    return f"{BASE}responsibility/{_doc_slug(doc_id)}/{span[0]}-{span[1]}/{term_slug(actor)[:8]}"


def role_iri(role: str) -> str:
    """lead, support, oversight or responsible."""
    return f"{BASE}role/{role}"


_STATUS = {
    "谋划": "planning",
    "前期": "preparation",
    "开工": "started",
    "在建": "under_construction",
    "建成": "completed",
    "投运": "in_operation",
    "通车": "opened",
}


def status_iri(verb: str) -> str | None:
    """A project lifecycle stage from the status verb of a mention (谋划 … 通车); None for other verbs."""
    name = _STATUS.get(verb)
    return f"{BASE}status/{name}" if name else None
