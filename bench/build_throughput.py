"""Build throughput: MB/s and documents/s of `build_store`, with one and two workers, and peak memory.

Why a child process per measurement: peak RSS (``resource.getrusage(...).ru_maxrss``) only ever
grows, so each build runs in a fresh interpreter and reports its own peak (its pool workers'
peak is reported separately).

The pipeline has no ``--workers`` option (yet), so the two-worker figure parallelises what can
be parallelised from outside: reading and parsing documents (``read_document`` +
``parse_structure``) in a ``concurrent.futures.ProcessPoolExecutor(2)``; corpus-wide goal
alignment, triple generation and the store load stay in the parent, as in ``build_store``.

    python bench/build_throughput.py [--scales 1 10] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

__all__ = ["build_two_workers", "main"]

HERE = Path(__file__).parent
RESULTS = HERE / "results"


def _parse_one(path: str) -> tuple[object, object]:
    from policykg.loaders.documents import read_document
    from policykg.loaders.sections import parse_structure

    doc = read_document(Path(path))
    return doc, parse_structure(doc)


def build_two_workers(corpus: Path, target: Path, workers: int = 2) -> int:
    """Like ``build_store``, with documents parsed in a process pool; returns the triple count."""
    from policykg.graph.backends.oxigraph import OxigraphStore
    from policykg.loaders.alignment import align_corpus
    from policykg.ontology import ontology_path
    from policykg.pipeline import MARKER, corpus_ntriples, store_data_path

    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    with ProcessPoolExecutor(workers) as pool:
        items = list(pool.map(_parse_one, paths, chunksize=max(1, len(paths) // (4 * workers))))
    items = align_corpus(items)  # type: ignore[arg-type]
    data = corpus_ntriples(items)  # type: ignore[arg-type]
    store = OxigraphStore.open(store_data_path(target), read_only=False)
    store.load(data, "ntriples")
    store.load(ontology_path().read_text(encoding="utf-8"), "turtle")
    store.flush()
    result = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    store.close()
    (target / MARKER).write_text("{}", encoding="utf-8")
    return int(result["results"]["bindings"][0]["n"]["value"])


def _child(corpus: Path, workers: int) -> None:
    """One measurement, printed as JSON on stdout."""
    from policykg.pipeline import build_store

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "store"
        started = time.perf_counter()
        if workers == 1:
            triples = build_store(corpus, target).triples
        else:
            target.mkdir()
            triples = build_two_workers(corpus, target, workers)
        seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pool = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps({"seconds": seconds, "triples": triples, "peak_rss_mb": own, "worker_peak_rss_mb": pool})
    )


def _measure(corpus: Path, workers: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(corpus), "--workers", str(workers)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.workers)
        return 0
    sys.path.insert(0, str(HERE))
    from make_corpus import write_corpus

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            corpus = Path(tmp) / f"x{scale}"
            size = write_corpus(corpus, 5 * scale, args.seed)
            for workers in (1, 2):
                m = _measure(corpus, workers)
                rows.append(
                    {
                        "scale": scale,
                        "workers": workers,
                        "mode": "build_store"
                        if workers == 1
                        else "parse in ProcessPoolExecutor(2), rest serial",
                        "documents": size["documents"],
                        "mb": size["bytes"] / 1e6,
                        "seconds": m["seconds"],
                        "mb_per_s": size["bytes"] / 1e6 / m["seconds"],
                        "docs_per_s": size["documents"] / m["seconds"],
                        "triples": m["triples"],
                        "peak_rss_mb": m["peak_rss_mb"],
                        "worker_peak_rss_mb": m["worker_peak_rss_mb"],
                    }
                )
    RESULTS.mkdir(exist_ok=True)
    meta = {"cores": os.cpu_count(), "date": time.strftime("%Y-%m-%d"), "python": sys.version.split()[0]}
    (RESULTS / "build_throughput.json").write_text(json.dumps({**meta, "rows": rows}, indent=1), "utf-8")
    print(f"build throughput ({meta['cores']} cores, {meta['date']})\n")
    print("| scale | workers | docs | MB | s | MB/s | docs/s | triples | peak RSS MB (parent / pool) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        pool = f"{r['worker_peak_rss_mb']:.0f}" if r["workers"] > 1 else "-"
        print(
            f"| {r['scale']}× | {r['workers']} | {r['documents']} | {r['mb']:.2f} | {r['seconds']:.2f} | "
            f"{r['mb_per_s']:.3f} | {r['docs_per_s']:.2f} | {r['triples']} | "
            f"{r['peak_rss_mb']:.0f} / {pool} |"
        )
    print("\nworkers=2: the pipeline has no --workers; documents are parsed in a ProcessPoolExecutor(2),")
    print("alignment, triples and the store load stay serial (as in build_store).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
