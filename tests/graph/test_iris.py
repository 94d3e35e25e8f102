"""IRIs: minted in one place, ASCII, stable for the same keys."""

from __future__ import annotations

from policykg.graph import iris


def test_section_path_becomes_ascii() -> None:
    """二 → p2, （一） → t1, 专栏1 → box1, 一要 → e1, 十四 → p14: no Chinese in section IRIs."""
    assert iris.section_slug("001_x/二/（一）") == "p2/t1"
    assert iris.section_slug("001_x/二/专栏1") == "p2/box1"
    assert iris.section_slug("001_x/§12/二/（一）/一要") == "h12/p2/t1/e1"
    assert iris.section_slug("001_x/十四") == "p14"
    assert iris.section_slug("001_x/主要预期目标") == "targets"
    assert iris.section_iri("001_6041d7e2bd5c6023.txt", "001_6041d7e2bd5c6023/十一/（二）").isascii()


def test_repeated_numbers_stay_distinct() -> None:
    """Two siblings with the same number (一要 twice) get different IRIs."""
    assert iris.section_slug("d/三/一要") != iris.section_slug("d/三/一要~2")


def test_document_iri_comes_from_the_file_name() -> None:
    """A document's IRI is its file stem, and non-ASCII file names are hashed, not embedded."""
    assert iris.document_iri("001_6041d7e2bd5c6023.txt").endswith("/doc/001_6041d7e2bd5c6023")
    assert iris.document_iri("2026年计划.txt").isascii()
    assert iris.document_iri("2026年计划.txt") == iris.document_iri("2026年计划.txt")


def test_evidence_is_keyed_by_document_and_span() -> None:
    """The same span of the same document is one evidence node."""
    a = iris.evidence_iri("a.txt", (3, 9))
    assert a == iris.evidence_iri("a.txt", (3, 9)) != iris.evidence_iri("a.txt", (3, 10))
    assert iris.position_selector_iri("a.txt", (3, 9)).startswith(a)
