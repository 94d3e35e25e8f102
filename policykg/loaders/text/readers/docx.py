"""Word ``.docx`` files to plain text with python-docx: body paragraphs, tables and text boxes in order.

Why walk the XML body ourselves rather than use ``Document.paragraphs``: that list skips tables,
and the 专栏 boxes of annual plans are tables; ``iter_inner_content`` skips content controls
(``w:sdt``), which cover pages and templates use.  One paragraph becomes one line, an empty
paragraph an empty line (word processors use them for spacing, and the .txt exports of the corpus
keep them).  Paragraphs styled as headings get an empty line either side, so that an unnumbered
heading stands alone the way :mod:`policykg.loaders.structure.sections` recognises plain headings; numbered
headings (``一、`` ``（一）``) are found by their numbers anyway.  Numbering that Word generates
automatically (list numbering defined in ``numbering.xml``) is not part of the text and is not
recreated.  Page headers, footers and footnotes are left out: they are not part of the body.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from docx import Document as open_docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from policykg.errors import InputError
from policykg.loaders.text.readers._common import library_failure, table_lines, tidy

__all__ = ["read_docx"]

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_TEXTBOX = qn("w:txbxContent")
_TR, _TC, _TCPR, _VMERGE, _VAL = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:vMerge"), qn("w:val")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraph and table elements of a body or cell in order, looking inside content controls."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _is_heading(paragraph: Paragraph) -> bool:
    name = (paragraph.style.name or "") if paragraph.style is not None else ""
    return name.startswith(("Heading", "heading", "Title", "标题"))


def _textbox_lines(p: etree._Element, document: WordDocument) -> list[str]:
    """Lines of the text boxes anchored in a paragraph (once: the VML fallback copy is skipped)."""
    lines: list[str] = []
    for box in p.iter(_TEXTBOX):
        if any(anc.tag == _FALLBACK for anc in box.iterancestors()):
            continue
        for inner in box.iter(_P):
            lines.append(Paragraph(inner, document).text)
    return lines


def _paragraph_lines(p: etree._Element, document: WordDocument) -> list[str]:
    paragraph = Paragraph(p, document)
    lines = paragraph.text.split("\n")
    if _is_heading(paragraph) and paragraph.text.strip():
        lines = ["", *lines, ""]
    return lines + _textbox_lines(p, document)


def _is_merge_continuation(tc: etree._Element) -> bool:
    """A cell that continues a vertical merge from the row above (its text was read there)."""
    merge = tc.find(f"{_TCPR}/{_VMERGE}")
    return merge is not None and merge.get(_VAL, "continue") == "continue"


def _table_lines(tbl: etree._Element, document: WordDocument) -> list[str]:
    """A table as lines; a merged cell is one ``w:tc`` in the XML, so it is read once."""
    rows: list[list[str]] = []
    for tr in tbl.iterchildren(_TR):
        cells: list[str] = []
        for tc in tr.iterchildren(_TC):
            if _is_merge_continuation(tc):
                continue
            lines = _container_lines(tc, document)
            cells.append("\n".join(line.strip() for line in lines if line.strip()))
        rows.append(cells)
    return ["", *table_lines(rows), ""]


def _container_lines(container: etree._Element, document: WordDocument) -> list[str]:
    lines: list[str] = []
    for block in _blocks(container):
        if block.tag == _P:
            lines.extend(_paragraph_lines(block, document))
        else:
            lines.extend(_table_lines(block, document))
    return lines


def _open(data: bytes, name: str) -> WordDocument:
    if data.startswith(_OLE2):
        raise InputError(f"{name}: a legacy Word .doc file, not .docx — save it as .docx first")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{name}: not a readable Word .docx file (not a zip archive)")
    try:
        return open_docx(io.BytesIO(data))
    except Exception as exc:  # the library's own errors vary: KeyError, BadZipFile, PackageNotFoundError…
        raise library_failure(name, "Word .docx file", exc) from None


def read_docx(data: bytes, *, name: str = "document.docx") -> str:
    """The text of a .docx file's body: one paragraph per line, tables as tab-separated rows."""
    document = _open(data, name)
    body = document.element.body
    return tidy("\n".join(_container_lines(body, document)), name=name)
