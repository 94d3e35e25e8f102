"""Mentions of named projects in one document: names per clause, with spans, sections and status."""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.projects.candidates import (
    CJK,
    PHASE,
    Candidate,
    ends_with_head,
    heads_in,
    name_hits,
    not_project,
    place_cover,
    valid_name,
    walk_left,
)
from policykg.loaders.projects.lists import (
    coord_item,
    deng_items,
    item_ok,
    list_items,
    shared_part,
    strip_qualifiers,
    suffix_mismatch,
)
from policykg.loaders.projects.vocabulary import Head, lexicon
from policykg.loaders.records import Document, Span
from policykg.loaders.regions import find_places
from policykg.loaders.structure.sections import DocumentStructure, parse_structure

__all__ = ["ProjectMention", "extract_project_mentions"]

_CLAUSE = re.compile(r"[^。；！？\n，：:;!?,]+")
_PHASE_NAME = re.compile(r"^(.{2,}?)[一二三四五六七八九十]期(?:工程|项目)$")


@dataclass(frozen=True)
class ProjectMention:
    """One mention of a named project in a document."""

    doc: str
    name: str  # the full name this mention stands for (elliptic items completed)
    span: Span  # the words in the original text that name it
    section: str | None
    type: str
    status: str | None
    year: int | None
    regions: tuple[str, ...]
    surface: str = ""  # the text at span
    head: str = ""  # the type word that ends the name
    goal: str | None = None  # the goal code of the section it sits in


_PHASE_HEAD = Head("工程", "other", False, None)


def _clause_candidates(clause: str) -> list[tuple[int, int, str, Head, str]]:
    """(start, end, full name, head, kind) for every project named in one clause."""
    hits = find_places(clause)
    cover = place_cover(hits, len(clause))
    raw: list[Candidate] = []
    for i, head in heads_in(clause):
        start, stop = walk_left(clause, i, hits, cover)
        if head.requires == "initials":
            start, stop = i - 2, "boundary"
            if start < 0:
                continue
        end = i + len(head.suffix)
        if stop == "deng":
            _, cut = strip_qualifiers(clause[start:end])
            start += cut
        if start >= end:
            continue
        raw.append(Candidate(start, end, clause[start:end], head, stop))
    valid = [c for c in raw if valid_name(c.name, c.head) or PHASE.match(c.name)]
    # a valid name that contains another ending inside it is one name (满洲里铁路口岸准轨增二线)
    valid.sort(key=lambda c: (c.end, -c.start))
    kept: list[Candidate] = []
    for c in valid:
        nested: list[Candidate] = []
        while kept and kept[-1].start >= c.start and kept[-1].end < c.end and not PHASE.match(c.name):
            inner = kept.pop()
            # a strong name that opens a longer one is named too (盛乐机场 in 盛乐机场空港国际物流园)
            branch = "至" in clause[inner.end : c.end]
            if inner.start == c.start and inner.head.strong and (inner.head.type != c.head.type or branch):
                nested.append(Candidate(inner.start, inner.end, inner.name, inner.head, "nested"))
        kept.extend(reversed(nested))
        kept.append(c)
    out: list[tuple[int, int, str, Head, str]] = []
    for c in kept:
        phase = PHASE.match(c.name)
        if phase:
            items = deng_items(clause, c.start - 1) if c.stop in ("phase", "list") else []
            if items:
                a, b = items[0]
                base = re.sub(r"[一二三四五六七八九十]期$", "", clause[a:b])
                if len(base) >= 2 and not ends_with_head(base):
                    out.append((a, b, base + "工程", _PHASE_HEAD, "phase_base"))
                    out.append((c.start, c.end, base + c.name, _PHASE_HEAD, "phase"))
            continue
        out.append((c.start, c.end, c.name, c.head, "name"))
        m = _PHASE_NAME.match(c.name)
        if m and c.stop == "list":
            items = list_items(clause, c.start)
            if items and clause[items[0][0] : items[0][1]] in (m.group(1), m.group(1) + "一期"):
                out.append((items[0][0], items[0][1], m.group(1) + "工程", _PHASE_HEAD, "phase_base"))
        if c.stop in ("list", "coord"):
            items = list_items(clause, c.start) if c.stop == "list" else coord_item(clause, c.start, hits)
            if c.stop == "coord" and items:
                items = [*items, *list_items(clause, items[0][0])]
            for a, b in items:
                item = clause[a:b]
                if ends_with_head(item) or item.endswith(c.head.suffix) or not item_ok(item):
                    break
                shared = shared_part(c.name, c.head, item)
                if shared is None or suffix_mismatch(item, c.name):
                    break
                out.append((a, b, item + shared, c.head, "ellipsis"))
    # 等 closing a list of incomplete items that share the words after it (X、Y等外送通道)
    for c in raw:
        if c.stop == "count":
            k = clause.rfind("等", 0, c.start)
            rest, cut = strip_qualifiers(clause[k + 1 : c.end]) if k >= 0 else ("", 0)
            if k < 0 or not rest or k + 1 + cut < c.start - 4:
                continue
            c = Candidate(k + 1 + cut, c.end, rest, c.head, "deng")
        if c.stop != "deng" or c in kept or not_project(c.name, name_hits(c.name)):
            continue
        if c.head.suffix == "工程" or (len(c.name) < 3 and not c.head.requires):
            continue
        for a, b in deng_items(clause, clause.rfind("等", 0, c.start)):
            item = clause[a:b]
            if ends_with_head(item) or not item_ok(item):
                continue
            full = item + c.name
            if valid_name(full, c.head):
                out.append((a, b, full, c.head, "ellipsis"))
    return out


def _status(clause: str, start: int, end: int) -> str | None:
    lex = lexicon()
    after = clause[end : end + 8]
    for word, verb in lex.status:
        if after.startswith(word) or after[:4].find(word) == 0:
            return verb
    before = clause[:start]
    best: tuple[int, str] | None = None
    for word, verb in lex.status:
        k = before.rfind(word)
        if k >= 0 and (best is None or k + len(word) > best[0]):
            best = (k + len(word), verb)
    return best[1] if best else None


def extract_project_mentions(
    doc: Document, structure: DocumentStructure | None = None
) -> list[ProjectMention]:
    """Every mention of a named project in one document, spans into the original text.

    A project name in this genre ends in a type word (铁路, 输电通道, 实验室, 经济合作区 …) and starts
    after a verb or a list separator (加快建设太锡铁路, 推动库布其至江苏、库布其至上海输电通道开工).
    Each clause's type words are walked left to the start of the name; only names with an anchor
    that makes them proper (a place, a quoted term, a road code, a route A至B, an enterprise) are
    kept; elliptic lists that share one type word (长城、黄河国家文化公园 → two projects) and phases
    (引绰济辽及二期工程) are expanded.  Lexicons live in ``data/project_types.json``; places come
    from the regions gazetteer.
    """
    structure = structure or parse_structure(doc)
    norm = structure.norm
    out: list[ProjectMention] = []
    seen: set[tuple[int, int, str]] = set()
    for m in _CLAUSE.finditer(norm.text):
        clause = m.group(0)
        if not CJK.search(clause):
            continue
        for a, b, name, head, _kind in _clause_candidates(clause):
            span = norm.original_span(m.start() + a, m.start() + b)
            if span[1] <= span[0] or (span[0], span[1], name) in seen:
                continue
            seen.add((span[0], span[1], name))
            section = structure.section_at(span[0])
            regions = tuple(dict.fromkeys(h.place.name for h in name_hits(name)))
            out.append(
                ProjectMention(
                    doc=doc.id,
                    name=name,
                    span=span,
                    section=section.id if section else None,
                    type=head.type,
                    status=_status(clause, a, b),
                    year=doc.year,
                    regions=regions,
                    surface=doc.text[span[0] : span[1]],
                    head=head.suffix,
                    goal=section.goal.code if section and section.goal else None,
                )
            )
    return out
