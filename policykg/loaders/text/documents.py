"""Read policy documents from disk: decode, check, and attach metadata from a manifest or the text.

``parse_document`` is pure (text in, :class:`Document` out); ``read_document`` and ``read_corpus``
open files and delegate to it.  Spans everywhere refer to the decoded text with a leading BOM
removed and nothing else changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.errors import EmptyDocumentError, InputError
from policykg.loaders.records import Document
from policykg.loaders.text.normalise import normalise
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

KINDS = ("annual_plan", "government_work_report", "report_digest", "news")
MANIFEST = "manifest.json"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d+号")
_DATE = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})年")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_PLAN_YEAR = re.compile(r"(?<!\d)(20\d{2})年(?:工作安排|重点工作|工作任务|经济社会发展的主要预期目标)")
_HEAD_CHARS = 3000
# ~150 times the longest bundled document; a build needs a few hundred times its input in memory
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024


def _title_from_text(clean: str) -> str:
    """The first block of short lines at the top: how notices and reports open with their title."""
    lines: list[str] = []
    for line in clean.strip().splitlines():
        line = line.strip(" #")
        if not line:
            if lines:
                break
            continue
        if (
            len(line) > 60
            or line.endswith(("。", "："))
            or _DOC_NUMBER.fullmatch(line)
            or _HEADING.match(line)
        ):
            break
        lines.append(line)
        if sum(map(len, lines)) > 80:
            break
    return "".join(lines) or next(iter(clean.strip().splitlines()), "")[:60]


def _kind_from_title(title: str, head: str) -> str:
    """Kind of document, from the words its title (or opening) uses."""
    if "政府工作报告" in title or ("政府工作报告" in head and "摘编" not in head):
        return "report_digest" if "摘编" in title or "摘编" in head else "government_work_report"
    if re.search(r"(计划|规划)(的通知)?$", title) or "国民经济和社会发展计划" in head:
        return "annual_plan"
    return "news"


def infer_metadata(text: str) -> dict[str, Any]:
    """Title, 文号, date, year and kind as far as the text itself tells them."""
    clean = normalise(text[:_HEAD_CHARS]).text
    title = _title_from_text(clean)
    meta: dict[str, Any] = {"title": title, "kind": _kind_from_title(title, clean)}
    if m := _DOC_NUMBER.search(clean):
        meta["doc_number"] = m.group(0)
    if m := _DATE.search(clean):
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            meta["date"] = f"{y:04d}-{mo:02d}-{d:02d}"
    years = [int(y) for y in _YEAR.findall(title)]
    if not years and "doc_number" in meta:
        years = [int(re.search(r"\d{4}", meta["doc_number"]).group(0))]  # type: ignore[union-attr]
    if not years:
        years = [int(y) for y in _PLAN_YEAR.findall(normalise(text).text)]
    if not years and "date" in meta:
        years = [int(meta["date"][:4])]
    if years:
        meta["year"] = max(years)
    return meta


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
    kind = meta.get("kind") if meta.get("kind") in KINDS else "news"
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
