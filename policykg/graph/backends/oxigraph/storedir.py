"""The on-disk layout of a policykg store: a marker file, the pyoxigraph database, atomic swaps.

A store directory carries a small ``policykg-store.json`` marker; a directory without it is never
replaced, so ``--store`` pointed at the wrong folder cannot destroy it.  A new graph is written
into a hidden temporary directory beside the target and renamed into place, so readers see the old
or the new graph and never half of one; ``recover`` cleans up after a writer that was killed.
This module knows nothing of what fills the store: the build calls it, never the other way round.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from policykg.errors import StoreError

__all__ = ["DATA_DIR", "MARKER", "check_target", "is_store_dir", "recover", "store_data_path", "swap_in"]

MARKER = "policykg-store.json"
DATA_DIR = "oxigraph"


def is_store_dir(path: Path) -> bool:
    """Whether a directory is a store that policykg built (and may therefore replace)."""
    return (path / MARKER).is_file()


def store_data_path(path: Path) -> Path:
    """The pyoxigraph database inside a store directory."""
    return path / DATA_DIR


def check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target}: exists and is not a directory; choose another --store")
    if target.is_dir() and any(target.iterdir()) and not is_store_dir(target):
        raise StoreError(f"{target}: exists and is not a policykg store; refusing to replace it")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(target: Path) -> None:
    """Clean up after a build that was killed: restore a graph caught between the two renames of a
    swap, and remove the temporary directories of builds whose process is gone."""
    for stale in sorted(target.parent.glob(f".{target.name}.*-*")):
        kind, _, pid = stale.name.rpartition("-")
        if not pid.isdigit() or _pid_alive(int(pid)):
            continue
        if kind.endswith(".old") and not target.exists():
            os.replace(stale, target)
        else:
            shutil.rmtree(stale, ignore_errors=True)


def swap_in(tmp: Path, target: Path) -> None:
    """Replace ``target`` by ``tmp`` with renames, so readers see the old or the new graph, never half."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    try:
        os.replace(tmp, target)
    except OSError:
        if old.exists():
            os.replace(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
