"""The section tree of a policy document, from the heading grammar of the genre.

Headings (:mod:`~policykg.loaders.structure.headings`) open sections; a heading closes every open
section of its own or a deeper rank, so ``一、`` parts hold ``（一）`` tasks, which hold ``1.`` items.
Unnumbered part headings (2024年工作回顾, 结束语) close everything open and are closed by the next
part; a ``一、`` that restarts the numbering inside a part (1987's list in part 四) or under a
top-level ``（一）`` is a list inside it; an appendix (附件, 名词解释, a list of 民生实事) holds what
follows, numbered or not.  A ``主要预期目标`` paragraph becomes a section of its own so that the
targets in it have a home.  Every section then gets its part (:mod:`~policykg.loaders.structure.parts`).
Parsing runs on the normalised view; every span is mapped back into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from policykg.loaders.records import Document, GoalLink, Paragraph, Section, Sentence
from policykg.loaders.structure.goals import explicit_goal, inherited
from policykg.loaders.structure.headings import (
    RANK,
    indent,
    is_byline,
    is_plain_heading,
    lines,
    marker,
    title_extent,
)
from policykg.loaders.structure.parts import (
    assign_parts,
    cn_number,
    named_part,
    part_words,
    reads_as_appendix,
    reads_as_part_heading,
)
from policykg.loaders.text.normalise import NormalisedText, normalise

__all__ = ["DocumentStructure", "doc_key", "parse_sections", "parse_structure", "section_at"]

_TARGETS = "主要预期目标"
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|$)")
_NOT_TITLE = re.compile(r"[，。；！？：,;:!?]")
_LIST = 3.0  # rank of a numbered list inside a part: a 一、 that restarts the numbering


def doc_key(doc_id: str) -> str:
    """The document id without its file extension: the root of every section id."""
    return doc_id.rsplit(".", 1)[0] if "." in doc_id else doc_id


@dataclass
class _Open:
    """A section whose end is not yet known; ``rank`` is what a later heading compares with."""

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
    Every section carries the part of the report it stands in; ``preamble_part`` is the part of the
    text before the first section, and ``report_year`` the year the report is for as its own text
    says it (its delivery line, else the years its parts' headings name), None when it says none.
    """

    sections: tuple[Section, ...]
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    norm: NormalisedText
    preamble_part: str = "other"
    report_year: int | None = None

    def section_at(self, start: int, end: int | None = None) -> Section | None:
        """The innermost section holding original offsets ``start:end`` (one character when no end);
        None before the first heading.  Of two sections at one depth, the later one wins."""
        return section_at(self.sections, (start, start + 1 if end is None else end))

    def part_at(self, start: int) -> str:
        """The part of the report (review, targets, plan, other) that original offset ``start`` is in."""
        section = self.section_at(start)
        return (section.part or "other") if section else self.preamble_part


class _Tree:
    """The section tree as its lines are read: open sections on a stack, body lines with their section."""

    def __init__(self, norm: NormalisedText, original: str) -> None:
        self.norm = norm
        self.original = original
        text = self.text = norm.text
        self.lines = list(lines(text))
        self.roots: list[_Open] = []
        self.stack: list[_Open] = []
        self.body: list[tuple[int, int, _Open | None]] = []
        self.sequence = 0
        self.outer: int | None = None  # number of the last part of the document's own numbering
        self.listed: list[int] = []  # last numbers of the (nested) lists numbered like parts
        self.skip = -1  # a line already read as the end of a heading broken over two lines

    def blank(self, k: int) -> bool:
        return k < 0 or k >= len(self.lines) or self.lines[k][0] == self.lines[k][1]

    def open(self, closes: float, rank: float, kind: str, number: str, span: tuple[int, int, int]) -> _Open:
        """Close what a heading of rank ``closes`` ends and open a section held at ``rank``."""
        start, t0, t1 = span
        while self.stack and self.stack[-1].rank >= closes:
            self.stack.pop().end = start
        parent = self.stack[-1] if self.stack else None
        self.sequence += 1
        node = _Open(rank, number, kind, self.text[t0:t1], start, t0, t1, parent, self.sequence)
        (parent.children if parent else self.roots).append(node)
        self.stack.append(node)
        return node

    def current(self) -> _Open | None:
        return self.stack[-1] if self.stack else None

    def read(self, k: int) -> None:
        """Read line ``k``: a heading opens a section, any other line is body of the open one."""
        a, b, cut = self.lines[k]
        raw = self.text[a:b]
        if k == self.skip or not raw.strip():
            return
        off = indent(raw)
        line = raw[off:]
        found = None if is_byline(line) else self.heading(k, line)
        if found is None:
            self.body_line(a, b, raw)
            return
        kind, number, mark, closes, rank = found
        t0, t1 = title_extent(line, mark, kind, run_in=cut)
        t1 = self.indented(a + off, t0, t1)
        if kind == "point" and t1 - t0 > 40:
            # an enumerated point running on as a paragraph: its title is its first clause
            comma = line.find("，", t0)
            t1 = comma if 0 < comma < t1 else t0 + 40
        if t1 <= t0:
            self.body.append((a, b, self.current()))
            return
        if kind == "part" and t1 == len(line.rstrip()) and self.broken_title(k, line[t0:t1]):
            b = self.lines[k + 1][1]
            line = self.text[a + off : b]
            t1 = len(line.rstrip())
            self.skip = k + 1
        node = self.open(
            closes,
            rank,
            "targets" if _TARGETS in line[t0:t1] else kind,
            number,
            (a + off, a + off + t0, a + off + t1),
        )
        if len(line[t1:].strip("。！？；：: ")) > 0:
            self.body.append((a, b, node))

    def indented(self, at: int, t0: int, t1: int) -> int:
        """Where a title ends at the indentation of a paragraph run into it: two or more spaces of the
        original (ideographic or em) that the normalised view dropped between two characters."""
        origin = self.norm.origin
        for i in range(at + t0, at + t1 - 1):
            gap = self.original[origin[i] + 1 : origin[i + 1]]
            if len(gap) >= 2 and not gap.strip():
                return i + 1 - at
        return t1

    def heading(self, k: int, line: str) -> tuple[str, str, int, float, float] | None:
        """(kind, number, marker length, rank it closes, rank it is held at) when line ``k`` is a heading."""
        found = marker(line)
        if found is not None:
            kind, number, mark = found
            rank = RANK[kind] + ((len(number) - 2) * 0.1 if kind == "markdown" else 0.0)
            if kind == "part" and line[mark:].strip() and self.is_list(number, runs_on=_runs_on(line, mark)):
                rank = _LIST
            return kind, number, mark, rank, rank
        part_open = any(n.kind == "part" for n in self.stack)
        if self.roots and reads_as_appendix(line):
            return "appendix", "", 0, 0.0, 0.5
        named = named_part(line)
        if reads_as_part_heading(line) and not (part_open and named == "targets"):
            # it ends every part; numbered parts after a review or plan heading are its siblings (首先报告
            # 2001年的工作 / 一、… 八、), those after another part's heading (关于外交工作) its own
            self.outer, self.listed = None, []
            return "plain", "", 0, 0.0, 0.5 if named == "other" else RANK["part"]
        if is_plain_heading(line, self.blank(k - 1), self.blank(k + 1)):
            rank = 1.5 if part_open else RANK["plain"]
            return "plain", "", 0, rank, rank
        return None

    def is_list(self, number: str, runs_on: bool) -> bool:
        """Whether a ``一、`` heading is an item of a list inside the open section, not a part.

        Under a top-level task (a document numbered （一）（二） at its top) it is; so is a 一 that
        starts a numbering inside an unnumbered part and runs on as a sentence (一、维护世界和平是…，…);
        after parts 一 to 四 a 一 restarts the numbering, and the list's 二 follows its 一, not the part 四.
        """
        n = cn_number(number)
        if any(x.kind == "appendix" for x in self.stack) or n is None:
            return False
        root = self.stack[0] if self.stack else None
        if (
            self.outer is None
            and root is not None
            and (root.kind == "task" or (root.kind == "plain" and runs_on))
        ):
            self.listed = [n]
            return True
        for depth in range(len(self.listed) - 1, -1, -1):  # a list goes on, closing the lists inside it
            if n == self.listed[depth] + 1:
                self.listed[depth + 1 :] = []
                self.listed[depth] = n
                return True
        if self.outer is not None and n == 1:
            self.listed.append(n)
            return True
        self.outer, self.listed = n, []
        return False

    def broken_title(self, k: int, title: str) -> bool:
        """Whether a part's heading goes on over the next line (三、持续提升政府 / 治理效能和服务水平):
        a short line without punctuation or marker, followed by the body, that is no part heading
        of its own unless the break splits the words of one (政府|治理)."""
        if self.blank(k + 1) or self.blank(k + 2):
            return False
        nxt = self.text[self.lines[k + 1][0] : self.lines[k + 1][1]].strip()
        after = self.text[self.lines[k + 2][0] : self.lines[k + 2][1]]
        shape = (
            0 < len(nxt) <= 16
            and not _NOT_TITLE.search(nxt)
            and marker(nxt) is None
            and _TARGETS not in nxt
            and (len(after) > 30 or "。" in after)
        )
        if not shape or not reads_as_part_heading(nxt):
            return shape
        return bool(part_words(title + nxt) - part_words(title) - part_words(nxt))

    def body_line(self, a: int, b: int, raw: str) -> None:
        """A line of body text; a line naming the 主要预期目标 is a section closing with its paragraph."""
        if _TARGETS not in raw:
            self.body.append((a, b, self.current()))
            return
        t = raw.index(_TARGETS)
        parent = self.current()
        self.sequence += 1
        node = _Open(
            2.5, _TARGETS, "targets", _TARGETS, a, a + t, a + t + len(_TARGETS), parent, self.sequence, end=b
        )
        (parent.children if parent else self.roots).append(node)
        self.body.append((a, b, node))


def _runs_on(line: str, mark: int) -> bool:
    """Whether a heading line is a sentence rather than a title: long, with a comma, ended by 。."""
    stop = line.find("。", mark)
    return stop - mark > 30 and "，" in line[mark:stop]


def parse_structure(doc: Document) -> DocumentStructure:
    """Parse one document into its section tree (each section with its part), paragraphs and sentences."""
    norm = normalise(doc.text)
    tree = _Tree(norm, doc.text)
    for k in range(len(tree.lines)):
        tree.read(k)
    while tree.stack:
        tree.stack.pop().end = len(norm.text)
    finished = _finish(doc, norm, tree.roots)
    parts = assign_parts([sec for _, sec in finished], doc.text, doc.year)
    by_node = {id(node): sec for (node, _), sec in zip(finished, parts.sections, strict=True)}
    return DocumentStructure(
        sections=parts.sections,
        paragraphs=tuple(_paragraphs(doc, norm, tree.body, by_node)),
        sentences=tuple(_sentences(doc, norm, tree.body, by_node)),
        norm=norm,
        preamble_part=parts.preamble,
        report_year=parts.report_year,
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
