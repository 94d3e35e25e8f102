"""Shared fixtures: the bundled corpus parsed once, and one store built from it per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.loaders.documents import bundled_corpus, read_corpus
from policykg.loaders.records import Document
from policykg.loaders.sections import DocumentStructure, parse_structure

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
PLAN_2025 = "004_37e45ae1c4b0ca61.txt"
REPORT_2025 = "003_c0f21ab277f53f5b.txt"
DIGEST_2026 = "000_18b88d5dd0dbf4cc.txt"
NEWS = "002_4400adb43caeaed0.txt"


@pytest.fixture(scope="session")
def corpus() -> dict[str, Document]:
    """Every bundled document by file name."""
    return {doc.id: doc for doc in read_corpus(bundled_corpus())}


@pytest.fixture(scope="session")
def structures(corpus: dict[str, Document]) -> dict[str, DocumentStructure]:
    """The parsed structure of every bundled document."""
    return {doc_id: parse_structure(doc) for doc_id, doc in corpus.items()}


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the bundled corpus (read-only for the tests that use it)."""
    from policykg.pipeline import build_store

    target = tmp_path_factory.mktemp("store") / "store"
    build_store(bundled_corpus(), target)
    return target
