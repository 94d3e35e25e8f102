"""policykg: Chinese government policy documents as a knowledge graph you can query, look at and trust."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
