"""Records to triples, stable IRIs, stores and named SPARQL queries."""

from __future__ import annotations

__all__: list[str] = []
