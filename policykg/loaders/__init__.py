"""Loaders: pure functions from document text to records, every record carrying its span."""

from __future__ import annotations

__all__: list[str] = []
