"""Store backends: pyoxigraph on disk (the default) and rdflib in memory."""

from __future__ import annotations

__all__: list[str] = []
