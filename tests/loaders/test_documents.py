"""Reading documents: encodings, bad files, and metadata from the manifest or the text itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.errors import BinaryDocumentError, EmptyDocumentError, InputError
from policykg.loaders.text.documents import bundled_corpus, infer_metadata, read_corpus, read_document
from policykg.loaders.text.readers.plain import decode

SHARED_CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def test_bundled_corpus_is_byte_identical_to_the_shared_one() -> None:
    """The package ships the five texts and the manifest unchanged (same names, same bytes)."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip("shared corpus not beside the checkout")
    shipped = sorted(p.name for p in bundled_corpus().iterdir() if p.suffix in (".txt", ".json"))
    assert shipped == sorted(p.name for p in SHARED_CORPUS.iterdir())
    for name in shipped:
        assert (bundled_corpus() / name).read_bytes() == (SHARED_CORPUS / name).read_bytes()


def test_utf8_with_bom_loses_only_the_bom(tmp_path: Path) -> None:
    """A BOM is removed and nothing else changes, so offsets match the contract."""
    path = tmp_path / "plan.txt"
    path.write_bytes("\ufeff2026年经济社会发展的主要预期目标是：地区生产总值增长5%左右".encode())
    doc = read_document(path)
    assert doc.text.startswith("2026年")


def test_gb18030_file_is_decoded(tmp_path: Path) -> None:
    """Older government files in GB18030/GBK are read correctly."""
    sentence = "新建高标准农田850万亩、黑土地保护性耕作2500万亩。"
    path = tmp_path / "old.txt"
    path.write_bytes(sentence.encode("gb18030"))
    assert read_document(path).text == sentence


def test_empty_file_is_refused(tmp_path: Path) -> None:
    """An empty file gets a clear error, not an empty graph."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyDocumentError, match="empty"):
        read_document(path)


def test_whitespace_only_file_is_refused(tmp_path: Path) -> None:
    """A file of blank lines counts as empty."""
    path = tmp_path / "blank.txt"
    path.write_text("\n\u3000\n  \n", encoding="utf-8")
    with pytest.raises(EmptyDocumentError):
        read_document(path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    """A PDF or image renamed .txt gets a clear error."""
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02\xff\xfe binary")
    with pytest.raises(BinaryDocumentError, match=r"binary|not text"):
        read_document(path)


def test_undecodable_bytes_are_refused() -> None:
    """Bytes that are neither UTF-8 nor GB18030 are refused with the file name in the message."""
    with pytest.raises(BinaryDocumentError, match=r"x\.txt"):
        decode(b"\x81\x30\x81" * 5 + b"\xff\xff", name="x.txt")


def test_missing_directory_is_an_input_error(tmp_path: Path) -> None:
    """Building from a folder that does not exist says so."""
    with pytest.raises(InputError, match="no such directory"):
        list(read_corpus(tmp_path / "nowhere"))


def test_folder_without_documents_is_an_input_error(tmp_path: Path) -> None:
    """A folder with no .txt files says so instead of building nothing."""
    with pytest.raises(InputError, match=r"no documents"):
        list(read_corpus(tmp_path))


def test_malformed_manifest_is_an_input_error(tmp_path: Path) -> None:
    """A broken manifest.json is reported with its path."""
    (tmp_path / "a.txt").write_text("内容", encoding="utf-8")
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="manifest"):
        list(read_corpus(tmp_path))


def test_manifest_metadata_wins(corpus) -> None:
    """With a manifest, title, kind, year, 文号 and date come from it."""
    doc = corpus["001_6041d7e2bd5c6023.txt"]
    assert (doc.kind, doc.year, doc.doc_number, doc.date) == (
        "annual_plan",
        2026,
        "内政发〔2026〕5号",
        "2026-02-13",
    )
    assert doc.metadata_source == "manifest"


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        (
            "001_6041d7e2bd5c6023.txt",
            {"kind": "annual_plan", "year": 2026, "doc_number": "内政发〔2026〕5号", "date": "2026-02-13"},
        ),
        (
            "004_37e45ae1c4b0ca61.txt",
            {"kind": "annual_plan", "year": 2025, "doc_number": "内政发〔2025〕1号", "date": "2025-02-05"},
        ),
        (
            "003_c0f21ab277f53f5b.txt",
            {"kind": "government_work_report", "year": 2025, "issuer": "内蒙古自治区"},
        ),
        ("000_18b88d5dd0dbf4cc.txt", {"year": 2026, "issuer": "内蒙古自治区"}),
    ],
)
def test_metadata_inferred_from_text_alone(corpus, doc_id: str, expected: dict) -> None:
    """Without a manifest, the text itself gives kind, year, 文号, date and the issuing region."""
    meta = infer_metadata(corpus[doc_id].text)
    assert {k: meta.get(k) for k in expected} == expected


def test_title_inferred_from_a_wrapped_heading(corpus) -> None:
    """A notice title broken over three lines (with bookmarks) is read as one title, without its 文号."""
    meta = infer_metadata(corpus["001_6041d7e2bd5c6023.txt"].text)
    assert meta["title"] == "内蒙古自治区人民政府关于下达2026年自治区国民经济和社会发展计划的通知"


def test_corpus_without_manifest_builds_metadata(tmp_path: Path, corpus) -> None:
    """Copied without manifest.json, the documents still get a kind and a year."""
    (tmp_path / "plan.txt").write_text(corpus["004_37e45ae1c4b0ca61.txt"].text, encoding="utf-8")
    (doc,) = read_corpus(tmp_path)
    assert (doc.kind, doc.year, doc.metadata_source) == ("annual_plan", 2025, "inferred")


def test_manifest_fields_are_read(tmp_path: Path) -> None:
    """A manifest entry sets the document's issuer (read as the region it names) and covers."""
    (tmp_path / "a.txt").write_text("2026年重点工作\n\n内容。", encoding="utf-8")
    manifest = {
        "documents": {
            "a.txt": {"title": "T", "kind": "news", "issuer": "内蒙古日报", "covers": {"plan": "2026"}}
        }
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    (doc,) = read_corpus(tmp_path)
    assert (doc.title, doc.issuer, doc.covers) == ("T", "内蒙古自治区", (("plan", "2026"),))


def test_manifest_issuer_that_names_no_region_is_kept(tmp_path: Path) -> None:
    """An issuer the gazetteer cannot place is kept as the manifest writes it."""
    (tmp_path / "a.txt").write_text("内容。", encoding="utf-8")
    manifest = {"documents": {"a.txt": {"title": "T", "kind": "news", "issuer": "某某通讯社"}}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    (doc,) = read_corpus(tmp_path)
    assert doc.issuer == "某某通讯社"
