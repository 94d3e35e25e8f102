"""Open the store a spec string names: the one place that knows every backend.

It lives apart from :mod:`policykg.graph.store` (the interface every backend implements) so that
the backends can import the interface without the interface importing them back.
"""

from __future__ import annotations

from pathlib import Path

from policykg.errors import StoreError
from policykg.graph.store import Store

__all__ = ["DEFAULT_STORE", "default_store_path", "open_store"]

DEFAULT_STORE = Path(".policykg") / "store"


def default_store_path() -> Path:
    """Where commands keep the graph when no ``--store`` is given (``$POLICYKG_STORE`` overrides)."""
    import os

    return Path(os.environ.get("POLICYKG_STORE") or DEFAULT_STORE)


def open_store(spec: str | Path | None = None, *, read_only: bool = True) -> Store:
    """Open a store: a path or ``oxigraph:PATH`` (on disk), ``memory:`` (rdflib), or an http(s) endpoint."""
    text = str(spec) if spec is not None else str(default_store_path())
    if text in ("memory:", "rdflib:", "memory"):
        from policykg.graph.backends.memory import MemoryStore

        return MemoryStore()
    if text.startswith(("http://", "https://")):
        from policykg.graph.backends.remote import RemoteStore

        return RemoteStore.from_spec(text)
    path = Path(text.removeprefix("oxigraph:"))
    from policykg.graph.backends.oxigraph.store import OxigraphStore
    from policykg.graph.backends.oxigraph.storedir import is_store_dir, store_data_path

    if not is_store_dir(path):
        if path.exists():
            raise StoreError(f"{path}: not a policykg store (build one with `policykg build --store {path}`)")
        raise StoreError(f"no graph at {path}: run `policykg build` first or pass --store")
    return OxigraphStore.open(store_data_path(path), read_only=read_only)
