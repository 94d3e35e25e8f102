"""The section tree of a policy document, from the heading grammar of the genre.

Headings of Chinese plans and reports are numbered by kind, each kind a level:
``一、`` parts, ``（一）`` tasks (often inline: the title runs to the first 。 and the body
follows on the same line), ``1.`` items, ``一是/一要`` points, ``专栏N`` boxes that belong to
the part they follow, markdown ``##`` headings and, in newspaper digests, short unnumbered lines
standing alone between blank lines.  A ``主要预期目标`` paragraph becomes a section of its own
so that the targets in it have a home.  Parsing runs on the normalised view; every span is mapped
back into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from policykg.loaders.records import Document, GoalLink, Paragraph, Section, Sentence
from policykg.loaders.structure.goals import explicit_goal, inherited
from policykg.loaders.text.normalise import NormalisedText, normalise

__all__ = ["DocumentStructure", "doc_key", "parse_sections", "parse_structure"]

_CN_NUM = "一二三四五六七八九十百零〇"
_BULLET = re.compile(r"^(?:[-•·*]\s*)+")
_MARKDOWN = re.compile(r"^(#{1,6})\s*(?=\S)")
_PART = re.compile(rf"^([{_CN_NUM}]+)、")
_TASK = re.compile(rf"^[（(]([{_CN_NUM}]+)[）)]")
_ITEM = re.compile(r"^(\d{1,2})[.．、](?!\d)")
_POINT = re.compile(rf"^([{_CN_NUM}]{{1,3}})([是要])(?=[\u4e00-\u9fff“])")
_BOX = re.compile(r"^专栏\s*(\d+)")
_TARGETS = "主要预期目标"
_TITLE_END = re.compile(r"[。！？；]")
_NOT_PLAIN = re.compile(
    r"[，。；！？：,;:]|^[（(《\[]|\d+年\d+月\d+日|号$|(?:计划|规划|报告|通知|意见|方案|纲要|讲话|厅|处|办公室|印发)$"
)
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|$)")

# rank of each heading kind: a heading closes every open section of the same or a deeper rank
_RANK = {"plain": 0, "markdown": 0, "part": 1, "task": 2, "box": 2, "item": 3, "point": 4}


def doc_key(doc_id: str) -> str:
    """The document id without its file extension: the root of every section id."""
    return doc_id.rsplit(".", 1)[0] if "." in doc_id else doc_id


@dataclass
class _Open:
    """A section whose end is not yet known."""

    rank: float
    number: str
    kind: str
    title: str
    start: int
    title_start: int
    title_end: int
    parent: _Open | None
    sequence: int
    path: str = ""
    children: list[_Open] = field(default_factory=list)
    end: int = -1


@dataclass(frozen=True)
class DocumentStructure:
    """Sections, paragraphs and sentences of one document, each with spans into the original, and
    the normalised view they were parsed from.

    It is the shared view of a document: computed once per document and handed to every extractor,
    so no extractor normalises the text again or keeps its own copy of "which section holds this".
    """

    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    norm: NormalisedText

    def section_at(self, start: int, end: int | None = None) -> Section | None:
        """The innermost section holding original offsets ``start:end`` (one character when no end);
        None before the first heading.  Of two sections at one depth, the later one wins."""
        return section_at(self.sections, (start, start + 1 if end is None else end))


def _fullwidth_number(number: str) -> str:
    return number.replace("(", "（").replace(")", "）")


def _heading(line: str) -> tuple[str, str, int] | None:
    """(kind, number, length of the marker) when a line opens with a heading marker."""
    if m := _MARKDOWN.match(line):
        return "markdown", m.group(1), m.end()
    if m := _BOX.match(line):
        return "box", f"专栏{m.group(1)}", m.end()
    if m := _PART.match(line):
        return "part", m.group(1), m.end()
    if m := _TASK.match(line):
        return "task", _fullwidth_number(m.group(0)), m.end()
    if m := _ITEM.match(line):
        return "item", f"{m.group(1)}.", m.end()
    if m := _POINT.match(line):
        return "point", m.group(0), 0
    return None


def _is_plain_heading(line: str, blank_before: bool, blank_after: bool) -> bool:
    """A short line standing alone between blank lines, worded like a heading rather than a sentence."""
    return blank_before and blank_after and 4 <= len(line) <= 30 and not _NOT_PLAIN.search(line)


def _title_extent(line: str, offset: int) -> tuple[int, int]:
    """Where the title of a heading line ends: at the first 。 when a body follows on the same line."""
    rest = line[offset:]
    stripped = rest.lstrip()
    lead = len(rest) - len(stripped)
    m = _TITLE_END.search(stripped)
    end = m.start() if m else len(stripped.rstrip())
    while end > 0 and stripped[end - 1] in "：:，, ":
        end -= 1
    return offset + lead, offset + lead + end


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer("\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _close(node: _Open, at: int) -> None:
    node.end = at


def parse_structure(doc: Document) -> DocumentStructure:
    """Parse one document into its section tree, paragraphs and sentences."""
    norm = normalise(doc.text)
    text = norm.text
    lines = list(_lines(text))
    roots: list[_Open] = []
    stack: list[_Open] = []
    extra: list[_Open] = []  # 主要预期目标 paragraphs: sections that close with their paragraph
    body_lines: list[tuple[int, int, _Open | None]] = []
    sequence = 0

    def open_section(rank: float, kind: str, number: str, start: int, t0: int, t1: int) -> _Open:
        nonlocal sequence
        while stack and stack[-1].rank >= rank:
            _close(stack.pop(), start)
        parent = stack[-1] if stack else None
        sequence += 1
        node = _Open(rank, number, kind, text[t0:t1], start, t0, t1, parent, sequence)
        (parent.children if parent else roots).append(node)
        return node

    for k, (a, b) in enumerate(lines):
        raw = text[a:b]
        if not raw.strip():
            continue
        bullet = _BULLET.match(raw)
        offset = bullet.end() if bullet else 0
        line = raw[offset:]
        found = _heading(line)
        blank_before = k == 0 or lines[k - 1][0] == lines[k - 1][1]
        blank_after = k + 1 >= len(lines) or lines[k + 1][0] == lines[k + 1][1]
        if found is None and _is_plain_heading(raw, blank_before, blank_after):
            found = ("plain", "", 0)
        if found is None:
            if _TARGETS in raw:
                t = raw.index(_TARGETS)
                parent = stack[-1] if stack else None
                sequence += 1
                node = _Open(
                    2.5,
                    _TARGETS,
                    "targets",
                    _TARGETS,
                    a,
                    a + t,
                    a + t + len(_TARGETS),
                    parent,
                    sequence,
                    end=b,
                )
                (parent.children if parent else roots).append(node)
                extra.append(node)
                body_lines.append((a, b, node))
            else:
                body_lines.append((a, b, stack[-1] if stack else None))
            continue
        kind, number, marker = found
        t0, t1 = _title_extent(line, marker)
        if kind == "point" and (t1 - t0 > 40):
            # an enumerated point running on as a paragraph: its title is its first clause
            comma = line.find("，", t0)
            t1 = comma if 0 < comma < t1 else t0 + 40
        if t1 <= t0:
            body_lines.append((a, b, stack[-1] if stack else None))
            continue
        rank = _RANK[kind] + (len(number) - 2 if kind == "markdown" else 0) * 0.1
        node = open_section(
            rank,
            "targets" if _TARGETS in line[t0:t1] else kind,
            number,
            a + offset,
            a + offset + t0,
            a + offset + t1,
        )
        stack.append(node)
        if len(line[t1:].strip("。！？；：: ")) > 0:
            body_lines.append((a, b, node))
    while stack:
        _close(stack.pop(), len(text))

    sections = _finish(doc, norm, roots)
    by_node = {id(node): sec for node, sec in sections}
    return DocumentStructure(
        sections=tuple(sec for _, sec in sections),
        paragraphs=tuple(_paragraphs(doc, norm, body_lines, by_node)),
        sentences=tuple(_sentences(doc, norm, body_lines, by_node)),
        norm=norm,
    )


def _finish(doc: Document, norm: NormalisedText, roots: list[_Open]) -> list[tuple[_Open, Section]]:
    """Assign stable ids, levels, spans and goals, depth first in document order."""
    out: list[tuple[_Open, Section]] = []
    root_key = doc_key(doc.id)

    def visit(nodes: list[_Open], parent_id: str | None, level: int, goal: GoalLink | None) -> None:
        used: dict[str, int] = {}
        for node in nodes:
            local = node.number or f"§{node.sequence}"
            used[local] = used.get(local, 0) + 1
            if used[local] > 1:
                local = f"{local}~{used[local]}"
            sid = f"{parent_id or root_key}/{local}"
            own = explicit_goal(node.title) if node.kind != "targets" else None
            link = own or (inherited(goal) if goal and node.kind != "targets" else None)
            section = Section(
                doc=doc.id,
                id=sid,
                parent=parent_id,
                level=level,
                number=node.number,
                title=node.title,
                title_span=norm.original_span(node.title_start, node.title_end),
                span=norm.original_span(node.start, node.end),
                kind=node.kind,
                sequence=node.sequence,
                goal=link,
            )
            section = replace(section, title=doc.text[section.title_span[0] : section.title_span[1]])
            out.append((node, section))
            visit(node.children, sid, level + 1, link)

    visit(roots, None, 1, None)
    out.sort(key=lambda pair: pair[1].sequence)
    return out


def _paragraphs(
    doc: Document,
    norm: NormalisedText,
    body_lines: list[tuple[int, int, _Open | None]],
    by_node: dict[int, Section],
) -> Iterator[Paragraph]:
    for index, (a, b, node) in enumerate(body_lines):
        section = by_node[id(node)].id if node is not None else None
        yield Paragraph(doc=doc.id, index=index, section=section, span=norm.original_span(a, b))


def _sentences(
    doc: Document,
    norm: NormalisedText,
    body_lines: list[tuple[int, int, _Open | None]],
    by_node: dict[int, Section],
) -> Iterator[Sentence]:
    index = 0
    for a, b, node in body_lines:
        section = by_node[id(node)].id if node is not None else None
        line = norm.text[a:b]
        for m in _SENTENCE.finditer(line):
            piece = m.group(0)
            if not piece.strip():
                continue
            lead = len(piece) - len(piece.lstrip())
            s, e = a + m.start() + lead, a + m.start() + len(piece.rstrip())
            span = norm.original_span(s, e)
            yield Sentence(
                doc=doc.id, index=index, section=section, span=span, text=doc.text[span[0] : span[1]]
            )
            index += 1


def parse_sections(doc: Document) -> tuple[Section, ...]:
    """Only the section tree of a document."""
    return parse_structure(doc).sections


def section_at(sections: tuple[Section, ...] | list[Section], span: tuple[int, int]) -> Section | None:
    """The innermost section whose span contains a span (None before the first heading); of two
    sections at one depth, the later one wins."""
    inner = None
    for s in sections:
        if s.span[0] <= span[0] and span[1] <= s.span[1] and (inner is None or s.level >= inner.level):
            inner = s
    return inner
