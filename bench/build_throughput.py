"""Build throughput: MB/s and documents/s of `build_store`, with one and two workers, and peak memory.

Why a child process per measurement: peak RSS (``resource.getrusage(...).ru_maxrss``) only ever
grows, so each build runs in a fresh interpreter and reports its own peak (its pool workers'
peak is reported separately).

The two-worker figure is ``build_store(..., workers=2)`` (``policykg build --workers 2``): each
document's extraction (metrics, projects, places, responsibilities) runs in a process pool;
parsing, corpus-wide alignment and project resolution, triple generation and the store load stay
in the parent.

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
from pathlib import Path

__all__ = ["main"]

HERE = Path(__file__).parent
RESULTS = HERE / "results"


def _child(corpus: Path, workers: int) -> None:
    """One measurement, printed as JSON on stdout."""
    from policykg.build import build_store

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "store"
        started = time.perf_counter()
        triples = build_store(corpus, target, workers=workers).triples
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
    print("\nworkers=2: build --workers 2 extracts documents in a process pool;")
    print("parsing, alignment, project resolution, triples and the store load stay serial.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
