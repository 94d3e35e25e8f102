"""PDF files with a text layer to plain text with pdfminer.six: reading order, wrapped lines rejoined.

Why pdfminer.six and not pypdf: pdfminer.six does layout analysis — it groups glyphs into lines
and lines into boxes by their positions and orders the boxes (so columns and boxes drawn out of
stream order read in the order they are seen), and it gives every line its bounding box, which is
what repairing wrapped paragraphs and finding page furniture need.  It also ships the Adobe CJK
character collections and CMaps (Adobe-GB1, UniGB-UCS2/UTF16), so Chinese set in CID fonts
without a ToUnicode map (reportlab's ``STSong-Light``, some older producers) still decodes.
pypdf's text extraction follows the content stream and exposes positions only through visitor
callbacks, without grouping glyphs into lines.  (Chosen on these grounds, not on a side-by-side
benchmark of the two on real government PDFs.)

What is done on top:

* running headers and footers are removed: among the two top and two bottom lines of each page,
  page numbers (``— 3 —``, ``- 12 -``, ``第 3 页``, ``3/20``) and short lines that repeat (digits
  aside) on several pages;
* a paragraph broken across lines or pages is joined, unless the line stops short of the right
  margin (a heading or the last line of a paragraph), the next line is indented or opens with a
  heading number (``一、`` ``（一）`` ``1.`` ``专栏``), or the line ends a sentence or clause
  (``。！？；：``).  The last rule gives way in documents whose paragraphs open indented (GB/T 9704
  official documents): there a full line may end in ``；`` by chance, and a flush-left next line
  that does not look like a heading still carries the paragraph on;
* a PDF without text (a scan) raises InputError asking for OCR, never an empty graph.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTFigure, LTItem, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from policykg.errors import InputError
from policykg.loaders.text.readers._common import library_failure, tidy

__all__ = ["Line", "join_lines", "read_pdf", "strip_furniture"]

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~～·•\s]*\d{1,4}[-—–－~～·•\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$"
)
_SENTENCE_END = re.compile(r"[。！？；：!?;:…][”’」』）)》\"']*$")
_OPENER = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)|专栏\s*\d|"
    r"[一二三四五六七八九十]+[是要](?=[\u4e00-\u9fff“])|[-•·*#])"
)
_CID = re.compile(r"\(cid:\d+\)")
# all_texts: text inside form XObjects (figures), as some printers-to-PDF write it, is laid out too
_LAPARAMS = LAParams(all_texts=True)
_EDGE = 2  # lines at the top and at the bottom of a page that may be headers, footers or numbers
_FURNITURE_MAX = 40  # running headers and footers are short


@dataclass(frozen=True)
class Line:
    """One text line of a page, with its bounding box in PDF points (origin bottom left)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class _Margins:
    left: float
    right: float


def _page_lines(container: Iterable[LTItem]) -> list[Line]:
    """Text lines of a page (or of a figure on it) in pdfminer's reading order."""
    lines: list[Line] = []
    for item in container:
        if isinstance(item, LTTextBox | LTFigure):
            lines.extend(_page_lines(item))
        elif isinstance(item, LTTextLine) and (text := item.get_text().strip()):
            lines.append(Line(text, item.x0, item.y0, item.x1, item.y1))
    return lines


def _read_pages(data: bytes, name: str) -> list[list[Line]]:
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{name}: not a PDF file (no %PDF header)")
    try:
        return [_page_lines(layout) for layout in extract_pages(io.BytesIO(data), laparams=_LAPARAMS)]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(f"{name}: the PDF is encrypted — remove the password first") from None
    except Exception as exc:  # pdfminer raises many kinds (PSSyntaxError, PDFSyntaxError, KeyError…)
        raise library_failure(name, "PDF file", exc) from None


def _edges(lines: list[Line]) -> list[Line]:
    by_height = sorted(lines, key=lambda line: -(line.y0 + line.y1))
    return by_height[:_EDGE] + by_height[_EDGE:][-_EDGE:]


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def strip_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without page numbers and without running headers and footers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_mask(line.text) for line in _edges(lines) if len(line.text) <= _FURNITURE_MAX})
    repeated = {m for m, n in counts.items() if n >= 2 and n >= 0.3 * len(pages)}
    out: list[list[Line]] = []
    for lines in pages:
        edges = {id(line) for line in _edges(lines)}
        out.append(
            [
                line
                for line in lines
                if id(line) not in edges
                or not (_PAGE_NUMBER.match(line.text) or _mask(line.text) in repeated)
            ]
        )
    return out


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def _margins(lines: list[Line], fallback: _Margins) -> _Margins:
    """Left and right edge of the text block of a page (the document's when the page has few lines)."""
    if len(lines) < 6:
        return fallback
    return _Margins(_percentile([ln.x0 for ln in lines], 0.1), _percentile([ln.x1 for ln in lines], 0.9))


def _continues(prev: Line, at: _Margins, nxt: Line, nxt_at: _Margins, em: float, indenting: bool) -> bool:
    """Whether ``nxt`` carries on the paragraph that ``prev`` belongs to."""
    if prev.x1 < at.right - 1.5 * em or nxt.x0 > nxt_at.left + 0.9 * em or _OPENER.match(nxt.text):
        return False
    if not _SENTENCE_END.search(prev.text):
        return True
    # A full line that happens to end a sentence or clause: where paragraphs open indented, a flush
    # left line after it still belongs to the paragraph, unless it looks like a heading (short and
    # without final punctuation).  Without that convention the punctuation decides.
    return indenting and (nxt.x1 >= nxt_at.right - 1.5 * em or bool(_SENTENCE_END.search(nxt.text)))


def _indenting(pages: list[list[Line]], margins: list[_Margins], em: float) -> bool:
    """Whether paragraphs open with the two-character indent of official documents."""
    indented = total = 0
    for lines, at in zip(pages, margins, strict=True):
        total += len(lines)
        indented += sum(1 for ln in lines if 1.5 * em <= ln.x0 - at.left <= 2.6 * em)
    return indented >= 3 and indented >= 0.05 * total


def _glue(left: str, right: str) -> str:
    """Chinese joins without a space; two Latin words keep one."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalpha():
        return left + " " + right
    return left + right


def join_lines(pages: list[list[Line]]) -> str:
    """Paragraphs, one per line, from the lines of all pages (page furniture already removed)."""
    every = [line for lines in pages for line in lines]
    if not every:
        return ""
    em = median(line.y1 - line.y0 for line in every)
    whole = _Margins(_percentile([ln.x0 for ln in every], 0.1), _percentile([ln.x1 for ln in every], 0.9))
    margins = [_margins(lines, whole) for lines in pages]
    indenting = _indenting(pages, margins, em)
    paragraphs: list[str] = []
    previous: tuple[Line, _Margins] | None = None
    for lines, at in zip(pages, margins, strict=True):
        for line in lines:
            if previous and _continues(previous[0], previous[1], line, at, em, indenting):
                paragraphs[-1] = _glue(paragraphs[-1], line.text)
            else:
                paragraphs.append(line.text)
            previous = (line, at)
    return "\n".join(paragraphs)


def _check_text_layer(text: str, name: str) -> None:
    if not text.strip():
        raise InputError(f"{name}: no text layer (scanned PDF?) — run OCR first")
    unmapped = len(_CID.findall(text))
    if unmapped > 0.3 * max(1, len(_CID.sub("", text)) + unmapped):
        raise InputError(f"{name}: the text layer uses fonts without a Unicode map — run OCR first")


def read_pdf(data: bytes, *, name: str = "document.pdf") -> tuple[str, int]:
    """The text of a PDF with a text layer, one paragraph per line, and its number of pages."""
    pages = _read_pages(data, name)
    text = join_lines(strip_furniture(pages))
    _check_text_layer(text, name)
    return tidy(text, name=name), len(pages)
