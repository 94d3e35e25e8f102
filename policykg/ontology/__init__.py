"""The policykg OWL 2 ontology file; its terms as Python names live in :mod:`policykg.ontology.vocab`."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ontology_path"]

_TTL = "policykg.ttl"


def ontology_path() -> Path:
    """The path of the ontology's Turtle file shipped inside the package."""
    return Path(__file__).with_name(_TTL)
