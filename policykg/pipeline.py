"""The main job: documents → records → triples → a store on disk, replaced atomically.

A build writes the new graph into a temporary directory beside the target and swaps it in only
when it is complete, so a failed or killed build leaves the previous graph readable.  A store
directory carries a small ``policykg-store.json`` marker; a directory without it is never
replaced, so ``--store`` pointed at the wrong folder cannot destroy it.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from policykg import __version__
from policykg.errors import StoreError
from policykg.loaders.documents import read_corpus
from policykg.loaders.records import Document
from policykg.loaders.sections import DocumentStructure, parse_structure

__all__ = [
    "MARKER",
    "BuildReport",
    "build_remote",
    "build_store",
    "corpus_ntriples",
    "is_store_dir",
    "parse_corpus",
    "store_data_path",
]

MARKER = "policykg-store.json"
DATA_DIR = "oxigraph"


@dataclass
class BuildReport:
    """What a build did, for the summary the command prints."""

    store: Path
    documents: list[dict[str, object]] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0


def parse_corpus(
    folder: Path, *, on_document: Callable[[Document], None] | None = None
) -> list[tuple[Document, DocumentStructure]]:
    """Every document of a folder with its parsed structure, sections aligned to goals corpus-wide."""
    from policykg.loaders.alignment import align_corpus

    items = []
    for doc in read_corpus(folder):
        items.append((doc, parse_structure(doc)))
        if on_document:
            on_document(doc)
    return align_corpus(items)


def corpus_ntriples(items: list[tuple[Document, DocumentStructure]]) -> str:
    """The data graph of parsed documents and everything extracted from them, as sorted N-Triples."""
    from policykg.graph.build import graph_triples, to_ntriples
    from policykg.loaders.extract import extract_corpus

    return to_ntriples(graph_triples(extract_corpus(items)))


def is_store_dir(path: Path) -> bool:
    """Whether a directory is a store that policykg built (and may therefore replace)."""
    return (path / MARKER).is_file()


def store_data_path(path: Path) -> Path:
    """The pyoxigraph database inside a store directory."""
    return path / DATA_DIR


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target}: exists and is not a directory; choose another --store")
    if target.is_dir() and any(target.iterdir()) and not is_store_dir(target):
        raise StoreError(f"{target}: exists and is not a policykg store; refusing to replace it")


def _swap_in(tmp: Path, target: Path) -> None:
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


def build_store(
    corpus: Path,
    target: Path,
    *,
    on_document: Callable[[Document], None] | None = None,
) -> BuildReport:
    """Parse a corpus, build its graph with the ontology, and atomically replace the store at ``target``."""
    from policykg.graph.backends.oxigraph import OxigraphStore
    from policykg.graph.named_queries import load_query
    from policykg.ontology import ontology_path

    started = time.perf_counter()
    target = Path(target)
    _check_target(target)
    items = parse_corpus(Path(corpus), on_document=on_document)
    data = corpus_ntriples(items)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.building-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = OxigraphStore.open(store_data_path(tmp), read_only=False)
        store.load(data, "ntriples")
        store.load(ontology_path().read_text(encoding="utf-8"), "turtle")
        store.flush()
        counted = store.query(load_query("triple_count").text)
        count = int(counted["results"]["bindings"][0]["n"]["value"])
        store.close()
        del store
        gc.collect()
        report = BuildReport(store=target, triples=count)
        report.documents = [
            {
                "doc": doc.id,
                "title": doc.title,
                "kind": doc.kind,
                "year": doc.year,
                "sections": len(structure.sections),
                "metadata": doc.metadata_source,
            }
            for doc, structure in items
        ]
        marker = {
            "policykg": __version__,
            "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "corpus": str(Path(corpus).resolve()),
            "triples": count,
            "documents": report.documents,
        }
        (tmp / MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
        _swap_in(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report.seconds = time.perf_counter() - started
    return report


def build_remote(
    corpus: Path, url: str, *, on_document: Callable[[Document], None] | None = None
) -> BuildReport:
    """Parse a corpus and replace the default graph of a SPARQL 1.1 server with its graph and the ontology."""
    from policykg.graph.backends.remote import RemoteStore, replace_remote
    from policykg.ontology import ontology_path

    started = time.perf_counter()
    items = parse_corpus(Path(corpus), on_document=on_document)
    count = replace_remote(
        RemoteStore.from_spec(url), corpus_ntriples(items), ontology_path().read_text(encoding="utf-8")
    )
    report = BuildReport(store=Path(url), triples=count)
    report.documents = [
        {
            "doc": d.id,
            "title": d.title,
            "kind": d.kind,
            "year": d.year,
            "sections": len(s.sections),
            "metadata": d.metadata_source,
        }
        for d, s in items
    ]
    report.seconds = time.perf_counter() - started
    return report
