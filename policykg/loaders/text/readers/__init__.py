"""Readers for the formats policy documents are published in: plain text, Word, PDF and web pages.

Official plans and reports reach us as ``.docx`` files, PDFs with a text layer and article pages;
the loaders downstream (:func:`policykg.loaders.text.documents.parse_document`) take plain text.
:func:`extract_text` turns a file of any supported format into that text — one paragraph per
line, headings on lines of their own, tables as tab-separated rows — and records where it came
from: the format, the SHA-256 of the original bytes (the text's own checksum differs once a file
has been converted) and, for PDFs, the number of pages.  Every failure is an
:class:`~policykg.errors.InputError` naming the file, never a library traceback.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from policykg.errors import EmptyDocumentError, InputError
from policykg.loaders.text.readers.plain import decode

__all__ = ["SUPPORTED_SUFFIXES", "ExtractedText", "extract_text"]


@dataclass(frozen=True)
class ExtractedText:
    """Plain text taken from a file, with the format and checksum of the file it came from."""

    text: str
    source_format: str
    source_checksum: str
    pages: int | None = None


def _txt(data: bytes, name: str) -> tuple[str, int | None]:
    return decode(data, name=name), None


def _docx(data: bytes, name: str) -> tuple[str, int | None]:
    from policykg.loaders.text.readers.docx import read_docx

    return read_docx(data, name=name), None


def _pdf(data: bytes, name: str) -> tuple[str, int | None]:
    from policykg.loaders.text.readers.pdf import read_pdf

    return read_pdf(data, name=name)


def _html(data: bytes, name: str) -> tuple[str, int | None]:
    from policykg.loaders.text.readers.html import read_html

    return read_html(data, name=name), None


# suffix -> (format name, reader); the readers import their libraries only when a file needs them
_READERS: dict[str, tuple[str, Callable[[bytes, str], tuple[str, int | None]]]] = {
    ".txt": ("txt", _txt),
    ".docx": ("docx", _docx),
    ".pdf": ("pdf", _pdf),
    ".html": ("html", _html),
    ".htm": ("html", _html),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)


def extract_text(path: Path) -> ExtractedText:
    """The plain text of a .txt, .docx, .pdf or .html/.htm file, chosen by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        formats = ", ".join(SUPPORTED_SUFFIXES)
        shown = suffix or "no suffix"
        raise InputError(f"{path.name}: unsupported format ({shown}); supported formats: {formats}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise EmptyDocumentError(f"{path.name}: the file is empty")
    source_format, reader = _READERS[suffix]
    text, pages = reader(data, path.name)
    return ExtractedText(text, source_format, hashlib.sha256(data).hexdigest(), pages)
