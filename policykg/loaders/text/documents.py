"""Read policy documents from disk: decode, check, and attach metadata from a manifest or the text.

``parse_document`` is pure (text in, :class:`Document` out); ``read_document`` and ``read_corpus``
open files and delegate to it.  Spans everywhere refer to the decoded text with a leading BOM
removed and nothing else changed.  What a document is (title, kind, year, date, issuing region,
文号) is read from its text by :mod:`policykg.loaders.text.identity`; a manifest's facts win.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.errors import EmptyDocumentError, InputError
from policykg.loaders.records import Document
from policykg.loaders.text.identity import KINDS, read_identity, region_of
from policykg.loaders.text.readers import extract_text

__all__ = [
    "DOCUMENT_SUFFIXES",
    "KINDS",
    "MAX_DOCUMENT_BYTES",
    "bundled_corpus",
    "infer_metadata",
    "parse_document",
    "read_corpus",
    "read_document",
    "read_manifest",
]

MANIFEST = "manifest.json"
# ~150 times the longest bundled document; a build needs a few hundred times its input in memory
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


def infer_metadata(text: str) -> dict[str, Any]:
    """Title, kind, year, date, issuing region and 文号 as far as the text itself tells them."""
    return read_identity(text).as_metadata()


def parse_document(text: str, *, doc_id: str, manifest_entry: Mapping[str, Any] | None = None) -> Document:
    """Make a Document from decoded text; manifest facts win over what is inferred from the text."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyDocumentError(f"{doc_id}: the file holds no text")
    meta = infer_metadata(text)
    source = "inferred"
    if manifest_entry:
        meta.update({k: v for k, v in manifest_entry.items() if v not in (None, "")})
        source = "manifest"
        if isinstance(meta.get("issuer"), str):  # 内蒙古自治区人民政府 → the region, 内蒙古自治区
            meta["issuer"] = region_of(meta["issuer"]) or meta["issuer"]
    kind = meta.get("kind") if meta.get("kind") in KINDS else "policy"
    covers = meta.get("covers") or {}
    year = meta.get("year")
    return Document(
        id=doc_id,
        text=text,
        title=str(meta.get("title") or doc_id),
        kind=str(kind),
        year=int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
        doc_number=meta.get("doc_number"),
        date=meta.get("date"),
        issuer=meta.get("issuer"),
        covers=tuple(sorted((str(k), str(v)) for k, v in covers.items()))
        if isinstance(covers, Mapping)
        else (),
        checksum=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        metadata_source=source,
    )


def read_manifest(folder: Path) -> dict[str, dict[str, Any]]:
    """The ``documents`` table of ``manifest.json`` in a folder, or an empty table when there is none."""
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a valid JSON manifest ({exc})") from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, dict):
        raise InputError(f"{path}: a manifest needs a 'documents' object keyed by file name")
    return {str(k): v for k, v in docs.items() if isinstance(v, dict)}


def read_document(path: Path, manifest_entry: Mapping[str, Any] | None = None) -> Document:
    """Open one file (.txt, .docx, .pdf, .html) and parse its text; bad files raise InputError."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(
            f"{path.name}: {size / 2**20:.1f} MB is over the {MAX_DOCUMENT_BYTES // 2**20} MB limit for one "
            "document; split it into several files"
        )
    extracted = extract_text(path)
    doc = parse_document(extracted.text, doc_id=path.name, manifest_entry=manifest_entry)
    return replace(doc, source_format=extracted.source_format, source_checksum=extracted.source_checksum)


DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


def read_corpus(folder: Path) -> Iterator[Document]:
    """Every document (.txt, .docx, .pdf, .html) of a folder in file-name order, with manifest metadata."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such directory")
    paths = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
    if not paths:
        raise InputError(f"{folder}: no documents (.txt, .docx, .pdf, .html) in this directory")
    manifest = read_manifest(folder)
    for path in paths:
        yield read_document(path, manifest.get(path.name))


def bundled_corpus() -> Path:
    """The folder of the corpus shipped inside the package."""
    return Path(str(resources.files("policykg") / "corpus"))
