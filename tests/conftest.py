"""Shared fixtures: the bundled corpus parsed once, and one store built from it per test session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.loaders.records import Document
from policykg.loaders.structure.sections import DocumentStructure, parse_structure
from policykg.loaders.text.documents import bundled_corpus, read_corpus

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

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
    from policykg.build import build_store

    target = tmp_path_factory.mktemp("store") / "store"
    build_store(bundled_corpus(), target)
    return target


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Chromium driven by chromedriver, with no network-facing background services."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        pytest.skip(
            "headless browser test needs /usr/bin/chromium and /usr/bin/chromedriver "
            "(apt-get install chromium chromium-driver)"
        )
    webdriver = pytest.importorskip("selenium.webdriver", reason="headless browser test needs selenium")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1400,900", f"--user-data-dir={profile}",
    ):  # fmt: skip
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)
