"""Helpers the format readers share: how a table becomes lines, and how library failures become InputError.

Tables are where the formats meet the genre: the 专栏 boxes of annual plans are tables in Word files
and on web pages.  Both readers render them with :func:`table_lines` so that the same box reads the
same whichever format it came in, and so that the numbered targets inside a cell (``1.…`` ``2.…``)
stay at the start of lines, where :mod:`policykg.loaders.structure.sections` looks for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.errors import EmptyDocumentError, InputError

__all__ = ["cjk_count", "library_failure", "table_lines", "tidy"]

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def cjk_count(text: str) -> int:
    """Number of Chinese characters in a text."""
    return len(_CJK.findall(text))


def _row_text(cells: Sequence[str]) -> str:
    """Cells joined by a tab; a cell of several lines starts on a line of its own (tab first)."""
    out = ""
    previous = ""
    for cell in cells:
        if not out:
            out = cell
        elif "\n" in cell or "\n" in previous:
            out += "\n\t" + cell
        else:
            out += "\t" + cell
        previous = cell
    return out


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """A table as lines: one row per line, cells separated by a tab, empty cells and rows dropped.

    The caller has already removed the copies of merged cells, so a box title spanning the whole
    first row comes out once, as the first line.
    """
    lines: list[str] = []
    for row in rows:
        cells = [cell.strip() for cell in row if cell.strip()]
        if cells:
            lines.extend(_row_text(cells).split("\n"))
    return lines


def tidy(text: str, *, name: str) -> str:
    """Trailing blanks off, blank lines emptied, at most one empty line in a row; no text is an error."""
    lines = [line.rstrip(" \t\r\f\v") if line.strip() else "" for line in text.split("\n")]
    out = _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")
    if not out.strip():
        raise EmptyDocumentError(f"{name}: the file holds no text")
    return out + "\n"


def library_failure(name: str, what: str, exc: BaseException) -> InputError:
    """The one-line InputError for a file a parsing library could not read."""
    detail = " ".join(str(exc).split())[:120] or type(exc).__name__
    return InputError(f"{name}: not a readable {what} ({detail})")
