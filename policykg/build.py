"""The main job: documents → records → triples → a store on disk, replaced atomically.

Orchestration only: read documents (loaders), parse and align their structure, extract records,
turn them into triples (graph.triples) and hand them to a store.  A build writes the new graph
into a temporary directory beside the target and swaps it in only when it is complete (the layout
and the swap live in ``graph.backends.oxigraph.storedir``), so a failed or killed build leaves the
previous graph readable.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from policykg import __version__
from policykg.errors import StoreError
from policykg.graph.backends.oxigraph.storedir import (
    MARKER,
    check_target,
    is_store_dir,
    recover,
    store_data_path,
    swap_in,
)
from policykg.loaders.records import Document
from policykg.loaders.structure.sections import DocumentStructure, parse_structure
from policykg.loaders.text.documents import read_corpus

__all__ = [
    "BuildReport",
    "add_documents",
    "build_documents",
    "build_remote",
    "build_store",
    "corpus_ntriples",
    "parse_corpus",
    "parse_documents",
    "remove_document",
    "stored_documents",
]


@dataclass
class BuildReport:
    """What a build did, for the summary the command prints."""

    store: Path
    documents: list[dict[str, object]] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0


def parse_documents(
    documents: Iterable[Document], *, on_document: Callable[[Document], None] | None = None
) -> list[tuple[Document, DocumentStructure]]:
    """Documents with their parsed structure, sections aligned to goals corpus-wide."""
    from policykg.loaders.structure.alignment import align_corpus

    items = []
    for doc in documents:
        items.append((doc, parse_structure(doc)))
        if on_document:
            on_document(doc)
    return align_corpus(items)


def parse_corpus(
    folder: Path, *, on_document: Callable[[Document], None] | None = None
) -> list[tuple[Document, DocumentStructure]]:
    """Every document of a folder with its parsed structure, sections aligned to goals corpus-wide."""
    return parse_documents(read_corpus(folder), on_document=on_document)


def corpus_ntriples(items: list[tuple[Document, DocumentStructure]], *, workers: int = 1) -> str:
    """The data graph of parsed documents and everything extracted from them, as sorted N-Triples."""
    from policykg.graph.triples import graph_triples, to_ntriples
    from policykg.loaders.extract import extract_corpus

    return to_ntriples(graph_triples(extract_corpus(items, workers=workers)))


def build_store(
    corpus: Path,
    target: Path,
    *,
    on_document: Callable[[Document], None] | None = None,
    workers: int = 1,
) -> BuildReport:
    """Parse a corpus folder, build its graph with the ontology, and atomically replace the store."""
    check_target(Path(target))
    return build_documents(
        read_corpus(Path(corpus)), target, on_document=on_document, source=str(corpus), workers=workers
    )


def build_documents(
    documents: Iterable[Document],
    target: Path,
    *,
    on_document: Callable[[Document], None] | None = None,
    source: str = "",
    workers: int = 1,
) -> BuildReport:
    """Build the graph of documents with the ontology and atomically replace the store at ``target``."""
    if Path(target).parent.is_dir():
        recover(Path(target))
    from policykg.graph.backends.oxigraph.store import OxigraphStore
    from policykg.graph.named_queries import load_query
    from policykg.ontology import ontology_path

    started = time.perf_counter()
    target = Path(target)
    check_target(target)
    # one order whatever the order of arrival, so adding documents one by one gives the built graph
    items = parse_documents(sorted(documents, key=lambda d: d.id), on_document=on_document)
    data = corpus_ntriples(items, workers=workers)
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
            "corpus": source,
            "triples": count,
            "documents": report.documents,
        }
        (tmp / MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
        swap_in(tmp, target)
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


def stored_documents(target: Path) -> list[Document]:
    """The documents of a built store, rebuilt from the text and metadata the graph keeps."""
    import hashlib

    from policykg.graph.connect import open_store
    from policykg.graph.named_queries import load_query
    from policykg.graph.store import rows

    handle = open_store(target)
    try:
        found = rows(handle.query(load_query("documents_full").text))
    finally:
        handle.close()
    docs: dict[str, Document] = {}
    for r in found:
        covers = dict([r["covers"].split(":", 1)]) if ":" in r.get("covers", "") else {}
        if r["docName"] in docs:  # one row per covers value
            known = dict(docs[r["docName"]].covers) | covers
            docs[r["docName"]] = replace(docs[r["docName"]], covers=tuple(sorted(known.items())))
            continue
        docs[r["docName"]] = Document(
            id=r["docName"],
            text=r["content"],
            title=r["title"],
            kind=r["kind"],
            year=int(r["year"]) if r.get("year", "").isdigit() else None,
            doc_number=r.get("docNumber"),
            date=r.get("date"),
            issuer=r.get("issuer"),
            covers=tuple(sorted(covers.items())),
            checksum=hashlib.sha256(r["content"].encode("utf-8")).hexdigest(),
            metadata_source=r.get("metadataSource", "inferred"),
            source_format=r.get("sourceFormat", "txt"),
            source_checksum=r.get("sourceChecksum", ""),
        )
    return [docs[k] for k in sorted(docs)]


def add_documents(paths: Iterable[Path], target: Path) -> tuple[BuildReport, list[str]]:
    """Add documents to a store (creating it when missing), relinking indicators, projects and goals.

    The graph is rebuilt from the stored documents plus the new ones, so cross-document links are
    computed as if the corpus had been built at once; a document with the name of one already in the
    store replaces it, so adding the same file twice changes nothing.
    """
    from policykg.loaders.text.documents import read_document

    target = Path(target)
    check_target(target)
    new = [read_document(Path(p)) for p in paths]
    existing = stored_documents(target) if is_store_dir(target) else []
    names = {d.id for d in new}
    kept = [d for d in existing if d.id not in names]
    report = build_documents([*kept, *new], target, source="add")
    return report, sorted(names)


def remove_document(doc_id: str, target: Path) -> BuildReport:
    """Take one document out of a store and relink what remains."""
    target = Path(target)
    existing = stored_documents(target)
    if doc_id not in {d.id for d in existing}:
        known = ", ".join(d.id for d in existing)
        raise StoreError(f"no document {doc_id!r} in {target}; it holds: {known}")
    if len(existing) == 1:
        raise StoreError(f"{doc_id} is the only document of {target}: delete the store instead")
    return build_documents([d for d in existing if d.id != doc_id], target, source="remove")
