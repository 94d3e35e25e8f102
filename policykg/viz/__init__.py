"""Views of the graph: networkx data first, then interactive HTML and charts."""

from __future__ import annotations

__all__: list[str] = []
