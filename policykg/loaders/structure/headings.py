"""The heading grammar of the genre, one line at a time: which lines open a section and where titles end.

Headings of Chinese plans and reports are numbered by kind, each kind a level: ``一、`` parts,
``（一）`` tasks (often inline: the title runs to the first 。 and the body follows on the same
line), ``1.`` items, ``一是/一要`` points, ``专栏N`` boxes, markdown ``##`` headings (also around a
number: ``## 一、…``) and, in newspaper digests, short unnumbered lines standing alone between
blank lines.  Reports also open parts with unnumbered headings (2024年工作回顾, 结束语, see
:mod:`~policykg.loaders.structure.parts`), and carry lines that are never headings: who delivered
the report and where (``四川省人民政府省长 施小琳``, ``——2025年1月15日在…会议上``).  Lines are read
after their indentation (ideographic, em and zero-width spaces), which stays outside every span.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from policykg.loaders import lexicon
from policykg.loaders.structure.parts import ends_in_part_words, fold, reads_as_part_heading

__all__ = [
    "RANK",
    "indent",
    "is_byline",
    "is_plain_heading",
    "lines",
    "marker",
    "run_in_cut",
    "title_extent",
]

_CN_NUM = "一二三四五六七八九十百零〇"
_INDENT = re.compile(r"^[\s\u200b\u200c\u200d\u2060\ufeff]+")
_BULLET = re.compile(r"^(?:[-•·*]\s*)+")
_MARKDOWN = re.compile(r"^(#{1,6})\s*(?=\S)")
_PART = re.compile(rf"^([{_CN_NUM}]+)、")
_TASK = re.compile(rf"^[（(]([{_CN_NUM}]+)[）)]")
_ITEM = re.compile(r"^(\d{1,2})[.．、](?!\d)")
_POINT = re.compile(rf"^([{_CN_NUM}]{{1,3}})([是要])(?=[\u4e00-\u9fff“])")
_BOX = re.compile(r"^专栏\s*(\d+)")
_TITLE_END = re.compile(r"[。！？；]")
_NOT_PLAIN = re.compile(
    r"[，。；！？：,;:]|^[（(《\[]|\d+年\d+月\d+日|号$|(?:计划|规划|报告|通知|意见|方案|纲要|讲话|厅|处|办公室|印发)$"
)
_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
_SESSION = re.compile(r"会议|會議|大会|讲话")
_SENTENCE_PUNCT = re.compile(r"[，。；！？,;!?]")
_CLAUSE = re.compile(r"[，,]")
_LONG_LINE = 3000  # a line this long is a text that arrived without its line breaks
_RUN_IN_TITLE = 30  # a part's title longer than this, with a sentence after it, runs into its body
_SENTENCE_START = re.compile(r"[。！？!?]\s*")
_GAP = re.compile(r"\s{2,}")
_YEAR_START = re.compile(r"(?:1[89]|20)\d{2}年")
_JOINERS = tuple("和与及、暨")  # a title goes on after these: 总体要求、主要预期目标和宏观经济政策
_PART_ANYWHERE = re.compile(rf"(?<![{_CN_NUM}])[{_CN_NUM}]{{1,3}}、")
_BREAK_AFTER = re.compile(
    rf"(?<=[。！？；!?;])(?=\s*(?:[{_CN_NUM}]+、|[（(][{_CN_NUM}]+[）)]|#{{1,6}}\s|附件))"
)

#: rank of each heading kind: a heading closes every open section of the same or a deeper rank
RANK = {"plain": 0.0, "markdown": 0.0, "part": 1.0, "task": 2.0, "box": 2.0, "item": 3.0, "point": 4.0}


def indent(line: str) -> int:
    """How many characters of indentation (spaces of every width, zero-width marks, bullets) open a line."""
    m = _INDENT.match(line)
    at = m.end() if m else 0
    b = _BULLET.match(line[at:])
    return at + (b.end() if b else 0)


def _numbered(line: str) -> tuple[str, str, int] | None:
    if m := _BOX.match(line):
        return "box", f"专栏{m.group(1)}", m.end()
    if m := _PART.match(line):
        return "part", m.group(1), m.end()
    if m := _TASK.match(line):
        return "task", m.group(0).replace("(", "（").replace(")", "）"), m.end()
    if m := _ITEM.match(line):
        return "item", f"{m.group(1)}.", m.end()
    if m := _POINT.match(line):
        return "point", m.group(0), 0
    return None


def marker(line: str) -> tuple[str, str, int] | None:
    """(kind, number, length of the marker) when a line (after its indentation) opens with a heading marker.

    A markdown heading around a number (``## 一、2024年工作回顾``) is the numbered heading; the ``#``
    marks and the number both stay outside the title.
    """
    if m := _MARKDOWN.match(line):
        inner = _numbered(line[m.end() :])
        if inner and inner[0] != "point":
            return inner[0], inner[1], m.end() + inner[2]
        return "markdown", m.group(1), m.end()
    return _numbered(line)


@cache
def _speaker() -> re.Pattern[str]:
    titles = "|".join(map(re.escape, lexicon.document_terms().speaker_titles))
    return re.compile(rf"(?:{titles})[\s\u3000]*[\u4e00-\u9fff·]{{2,4}}\s*$")


def is_byline(line: str) -> bool:
    """A line that says who delivered a report, or when and where: never a heading.

    ``四川省人民政府省长 施小琳``, ``省长 王予波``, ``——2025年1月15日在…人民代表大会第三次会议上``.
    """
    folded = fold(line).lstrip("—-–─")
    if len(folded) <= 100 and _DATE.search(folded) and _SESSION.search(folded):
        return True
    return len(folded) <= 40 and not _SENTENCE_PUNCT.search(folded) and bool(_speaker().search(line.strip()))


def is_plain_heading(line: str, blank_before: bool, blank_after: bool) -> bool:
    """A short line standing alone between blank lines, worded like a heading rather than a sentence
    (not a byline, nor the salutation 各位代表 that opens the closing words)."""
    return (
        blank_before
        and blank_after
        and 4 <= len(line) <= 30
        and not _NOT_PLAIN.search(line)
        and not line.startswith(lexicon.document_terms().salutations)
        and not is_byline(line)
    )


def run_in_cut(title: str) -> int:
    """Where a part's title run into the first sentence of its body ends (0: it does not run in).

    The title is the longest start of the first clause that ends in a word headings end with
    (开放, 建设, 回顾 …), short of the clause's own end: 深入改革经济体制和扩大对外开放|国民经济的
    长期稳定发展，既要靠… is cut after 开放.
    """
    m = _CLAUSE.search(title)
    if len(title) <= _RUN_IN_TITLE or m is None:
        return 0
    clause = title[: m.start()]
    best = 0
    for word in lexicon.part_terms().heading_ends:
        at = clause.rfind(word, 0, len(clause) - 1)
        while at >= 0:
            end = at + len(word)
            if 4 <= end < len(clause):
                best = max(best, end)
                break
            at = clause.rfind(word, 0, at)
    if best:
        return best
    return len(clause) if len(clause) <= _RUN_IN_TITLE else 0


def _part_prefix(title: str) -> int:
    """The longest start of a title (up to 32 characters) that ends in a part's words and reads as a
    part heading: where 2019年政府工作任务|今年经济社会发展任务重 ends (0 when none does)."""
    for k in range(min(32, len(title)), 2, -1):
        head = title[:k]
        if title[k : k + 1] not in _JOINERS and ends_in_part_words(head) and reads_as_part_heading(head):
            return k
    return 0


def title_extent(line: str, offset: int, kind: str, run_in: bool = False) -> tuple[int, int]:
    """Where the title of a heading line starts and ends: at the first 。 when a body follows on the
    same line, and for a part that runs straight into its first sentence, where the heading ends.

    A run of two or more spaces ends a title (the indentation of the next paragraph).  In a text that
    arrived without line breaks (``run_in``) a part's title ends after the words that name its part.
    """
    rest = line[offset:]
    stripped = rest.lstrip()
    lead = len(rest) - len(stripped)
    m = _TITLE_END.search(stripped)
    end = m.start() if m else len(stripped.rstrip())
    if gap := _GAP.search(stripped, 0, end):
        end = gap.start()
    elif run_in and kind in ("part", "plain") and (cut := _part_prefix(stripped[:end])):
        end = cut
    elif kind == "part" and m and stripped[m.end() :].strip():
        end = run_in_cut(stripped[:end]) or end
    while end > 0 and stripped[end - 1] in "：:，, ":
        end -= 1
    return offset + lead, offset + lead + end


def lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, cut) of each line; a line of a text that arrived without line breaks is cut
    before every heading marker that follows a sentence end, and around a part heading run into
    its first sentence (…请予审议。2024年工作回顾过去一年，…); ``cut`` marks its pieces."""
    start = 0
    for m in re.finditer("\n", text):
        yield from _pieces(text, start, m.start())
        start = m.end()
    yield from _pieces(text, start, len(text))


def _pieces(text: str, a: int, b: int) -> Iterator[tuple[int, int, bool]]:
    if b - a < _LONG_LINE:
        yield a, b, False
        return
    cuts = [a + m.start() for m in _BREAK_AFTER.finditer(text, a, b)]
    cuts += [c for c in _run_in_parts(text, a, b) if c not in cuts]
    start = a
    for cut in sorted(cuts):
        if cut > start:
            yield start, cut, True
            start = cut
    yield start, b, True


def _run_in_parts(text: str, a: int, b: int) -> Iterator[int]:
    """Cuts around part headings run into the text of a long line: a heading (numbered or not) that
    reads as a report's part and is followed by the first words of its body (过去一年, 2024年是…)
    or by a task marker (…提出意见一、2011年工作回顾过去的一年，… / 三、2012年主要任务（一）促进…)."""
    openers = tuple(w for words in lexicon.part_terms().openers.values() for w in words)
    starts = {a + m.end() for m in _SENTENCE_START.finditer(text, a, b)}
    starts |= {m.start() for m in _PART_ANYWHERE.finditer(text, a, b)}
    for s in sorted(starts):
        head = text[s : s + 48]
        m = _PART.match(head)
        off = m.end() if m else 0
        for k in range(min(32, len(head) - off), 2, -1):
            rest = head[off + k :]
            opens = rest.startswith(openers) or _TASK.match(rest) or _YEAR_START.match(rest)
            if opens and reads_as_part_heading(head[off : off + k]):
                yield s
                yield s + off + k
                break
