"""A normalised view of a document for matching, with a map back to offsets in the original text.

Documents of this genre reach us through word processors, PDF extractors and newspaper sites, each
leaving its own marks: full-width digits and ％, ``**`` emphasis, ``[bookmark: …]`` artefacts,
spaces between a number and its unit (``12 亿吨``), indentation with ideographic spaces, and
paragraphs broken across page lines with blank lines in between.  Extractors match on the clean
view; every span they find is mapped back with :meth:`NormalisedText.original_span`, so evidence is
always quoted from the text exactly as read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

__all__ = ["NormalisedText", "normalise"]

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_FULLWIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULLWIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({"％": "%", "＋": "+", "．": ".", "／": "/", "\u00a0": " ", "\u3000": " "})
_SPACES = " \t\u3000\u00a0"
# a line that ends like this is a finished sentence or a heading, not a paragraph cut by a page break
_LINE_FINAL = tuple("。！？；：!?;:”」』）)》…")
# a line that starts like this opens something new (a heading, a list item or a box)
_OPENER = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[-•·*#]|专栏|"
    r"[一二三四五六七八九十]+[是要])"
)
_HEADING_MARK = re.compile(r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|#+\s)")
_INNER_PUNCT = re.compile(r"[，、。；]")


def _dense(ch: str) -> bool:
    """Characters between which a space is a typesetting artefact: CJK, digits, % and CJK punctuation."""
    if not ch:
        return False
    o = ord(ch)
    return (
        ch.isdigit()
        or ch in "%.／/"
        or 0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3000 <= o <= 0x303F
        or 0xFF00 <= o <= 0xFFEF
        or 0x2010 <= o <= 0x206F
    )


@dataclass(frozen=True)
class NormalisedText:
    """The clean text and, for each of its characters, the offset it came from in the original."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the smallest span of the original that covers it."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if start == end:
            at = self.origin[start] if start < len(self.origin) else self.original_length
            return at, at
        return self.origin[start], self.origin[end - 1] + 1

    def normalised_index(self, original_offset: int) -> int:
        """The first normalised character at or after an original offset."""
        return bisect_left(self.origin, original_offset)


def _clean_chars(text: str) -> tuple[list[str], list[int]]:
    """First pass: drop artefacts, fold full-width forms and remove spaces between dense characters."""
    drop = bytearray(len(text))
    for m in _BOOKMARK.finditer(text):
        drop[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    i = text.find("**")
    while i >= 0:
        drop[i : i + 2] = b"\x01\x01"
        i = text.find("**", i + 2)
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if drop[i]:
            continue
        if ch == "\r":
            continue
        chars.append("\n" if ch in "\u2028\u2029\x0b\x0c" else _FULLWIDTH.get(ch, ch))
        origin.append(i)
    # spaces: leading and trailing ones of a line go, runs between dense characters go,
    # a tab between two cells of a table becomes a line break, other runs become one space
    out_c: list[str] = []
    out_o: list[int] = []
    n = len(chars)
    i = 0
    while i < n:
        ch = chars[i]
        if ch in _SPACES:
            j = i
            while j < n and chars[j] in _SPACES:
                j += 1
            prev = out_c[-1] if out_c else "\n"
            nxt = chars[j] if j < n else "\n"
            if prev == "\n" or nxt == "\n":
                pass
            elif "\t" in chars[i:j] and not (prev.isdigit() and nxt.isdigit()):
                out_c.append("\n")
                out_o.append(origin[i + chars[i:j].index("\t")])
            elif _dense(prev) or _dense(nxt):
                pass
            else:
                out_c.append(" ")
                out_o.append(origin[i])
            i = j
            continue
        out_c.append(ch)
        out_o.append(origin[i])
        i += 1
    return out_c, out_o


def _join_page_wraps(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """Second pass: rejoin a paragraph that a page break split with blank lines in between."""
    text = "".join(chars)
    lines: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer("\n", text):
        lines.append((start, m.start()))
        start = m.end()
    lines.append((start, len(text)))
    keep = bytearray(b"\x01") * len(chars)
    for k, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line or line.endswith(_LINE_FINAL) or len(line) < 10:
            continue
        if not _INNER_PUNCT.search(line) or (_HEADING_MARK.match(line) and "。" not in line):
            continue
        if k > 0 and lines[k - 1][0] != lines[k - 1][1]:
            continue  # the last line of a tight block (a list), not a paragraph of its own
        nxt = k + 1
        while nxt < len(lines) and lines[nxt][0] == lines[nxt][1]:
            nxt += 1
        if nxt == k + 1 or nxt >= len(lines):
            continue  # no blank line between: a list or a table, not a page break
        following = text[lines[nxt][0] : lines[nxt][1]]
        if _OPENER.match(following):
            continue
        for pos in range(b, lines[nxt][0]):
            keep[pos] = 0
    return (
        [c for c, k in zip(chars, keep, strict=True) if k],
        [o for o, k in zip(origin, keep, strict=True) if k],
    )


def normalise(text: str) -> NormalisedText:
    """Clean text for matching; idempotent, and every character maps back to its original offset."""
    chars, origin = _clean_chars(text)
    while True:  # a rejoined paragraph may itself end in a page break
        joined, origin_joined = _join_page_wraps(chars, origin)
        if len(joined) == len(chars):
            break
        chars, origin = joined, origin_joined
    return NormalisedText("".join(chars), tuple(origin), len(text))
