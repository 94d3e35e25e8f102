"""The store the analysis tests read: the session's built store, opened once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph.connect import open_store


@pytest.fixture(scope="module")
def store(built_store: Path) -> Iterator[object]:
    handle = open_store(built_store)
    yield handle
    handle.close()
