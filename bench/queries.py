"""The named-query suite on pyoxigraph (on disk, the default store) against rdflib in memory.

Why side by side in one run: the ratio between the two backends on the same graph is what
decides whether the default store pays off, and it changes with the size of the graph.  Per
scale, the corpus is generated (``make_corpus.py``), parsed and turned into N-Triples once, then
loaded into both stores (with the ontology), and every named query runs ``--repeat`` times on
each; the table gives medians and the ratio pyoxigraph/rdflib (below 1: pyoxigraph is faster).

Parameterised queries get bindings taken from the graph itself (a section IRI for ``entity`` /
``node``, the first document's file name for ``docName``, P3 and 2026 for ``goalCode`` and
``year``, 科技 for ``text`` and ``label``); optional parameters other than ``docName`` and
``kind`` are left unbound.  An rdflib query is stopped after ``--budget`` seconds (SIGALRM;
reported as "> budget"), and one slower than a quarter of the budget is not run at the next
scale (reported as skipped).  Above ``--rdflib-up-to`` (default 10×) the graph is not loaded
into rdflib at all (millions of triples in memory take minutes and gigabytes): pyoxigraph only.
``policykg.trace.trace`` is timed too when it exists;
otherwise there is no trace column.

    python bench/queries.py [--scales 1 10 100] [--repeat 5] [--budget 20]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["bindings_for", "main"]

HERE = Path(__file__).parent
RESULTS = HERE / "results"
XSD = "http://www.w3.org/2001/XMLSchema#"


def bindings_for(query: Any, store: Any) -> dict[str, Any] | None:
    """Sensible values for a named query's parameters, or None when one cannot be chosen."""
    from policykg.graph.store import Iri, Lit, rows

    def first(sparql: str) -> str | None:
        found = rows(store.query(sparql))
        return next(iter(found[0].values())) if found else None

    out: dict[str, Any] = {}
    for p in query.params:
        if p.name in ("entity", "node"):
            iri = first("SELECT ?s WHERE { ?s a pkg:Section ; pkg:sequence 1 } LIMIT 1")
            if iri is None:
                return None
            out[p.name] = Iri(iri)
        elif p.name == "docName":
            name = first("SELECT ?n WHERE { ?d a pkg:Document ; pkg:fileName ?n } ORDER BY ?n LIMIT 1")
            if name:
                out[p.name] = Lit(name)
        elif p.name == "goalCode":
            out[p.name] = Lit("P3")
        elif p.name == "year":
            out[p.name] = Lit("2026", datatype=XSD + "gYear")
        elif p.name == "kind":
            out[p.name] = Lit("target")
        elif p.name == "text":
            out[p.name] = Lit("科技")
        elif p.name == "label":
            out[p.name] = Lit("科技", lang="zh") if "zh" in p.kind else Lit("科技")
        elif not p.optional:
            return None
    return out


class _Timeout(BaseException):
    """A query ran past its budget."""


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _time(run: Callable[[], object], repeat: int, budget: float = 0.0) -> tuple[float, int]:
    """Median seconds and result size; ``inf`` when one run exceeds ``budget`` (SIGALRM, rdflib only)."""
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        if budget:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            result = run()
        except _Timeout:
            return float("inf"), 0
        finally:
            if budget:
                signal.setitimer(signal.ITIMER_REAL, 0)
        times.append(time.perf_counter() - started)
        if isinstance(result, dict):
            size = len(result.get("results", {}).get("bindings", [])) or len(result.get("ntriples", ""))
    return statistics.median(times), size


def _trace() -> Callable[..., object] | None:
    try:
        from policykg.analysis.trace import trace
    except ImportError:
        return None
    return trace  # type: ignore[no-any-return]


def _scale(
    scale: int, seed: int, repeat: int, skip: set[str], budget: float, rdflib_up_to: int
) -> dict[str, Any]:
    from policykg.build import corpus_ntriples, parse_corpus
    from policykg.graph.backends.memory import MemoryStore
    from policykg.graph.backends.oxigraph.store import OxigraphStore
    from policykg.graph.named_queries import list_queries
    from policykg.graph.store import rows
    from policykg.ontology import ontology_path

    sys.path.insert(0, str(HERE))
    from make_corpus import write_corpus

    ontology = ontology_path().read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(corpus, 5 * scale, seed)
        t0 = time.perf_counter()
        items = parse_corpus(corpus)
        t1 = time.perf_counter()
        data = corpus_ntriples(items)
        t2 = time.perf_counter()
        del items
        ox = OxigraphStore.open(Path(tmp) / "oxigraph", read_only=False)
        ox.load(data, "ntriples")
        ox.load(ontology, "turtle")
        ox.flush()
        t3 = time.perf_counter()
        mem = MemoryStore()
        if scale <= rdflib_up_to:
            mem.load(data, "ntriples")
            mem.load(ontology, "turtle")
        t4 = time.perf_counter()
        triples = data.count("\n")
        del data
        info = {
            "scale": scale,
            "budget": budget,
            "triples": triples,
            "parse_s": t1 - t0,
            "ntriples_s": t2 - t1,
            "load_oxigraph_s": t3 - t2,
            "load_rdflib_s": t4 - t3,
        }
        results = []
        for q in list_queries():
            binds = bindings_for(q, ox)
            if binds is None:
                results.append({"query": q.name, "note": "no sensible binding"})
                continue
            ox_s, ox_n = _time(lambda q=q, b=binds: ox.query(q.text, b), repeat if scale < 100 else 1)
            if q.name in skip or scale > rdflib_up_to:
                results.append({"query": q.name, "oxigraph_s": ox_s, "rows": ox_n, "note": "rdflib skipped"})
                continue
            rd_s, rd_n = _time(
                lambda q=q, b=binds: mem.query(q.text, b), 1 if scale >= 100 else repeat, budget
            )
            if rd_s > budget / 4:  # the next scale is 10× bigger: do not start what cannot finish
                skip.add(q.name)
            timed_out = rd_s == float("inf")
            results.append(
                {"query": q.name, "oxigraph_s": ox_s, "rdflib_s": None if timed_out else rd_s,
                 "rdflib_timeout": timed_out, "rows": ox_n, "rows_rdflib": rd_n,
                 "ratio": ox_s / rd_s if rd_s and not timed_out else None}
            )  # fmt: skip
        trace = _trace()
        if trace is not None:
            # trace a project by name (the first in the graph), as `policykg trace NAME` does
            found = rows(
                ox.query("SELECT ?l WHERE { ?p a pkg:Project ; skos:prefLabel ?l } ORDER BY ?l LIMIT 1")
            )
            if found:
                name = found[0]["l"]
                ox_s, _ = _time(lambda: trace(ox, name), repeat if scale < 100 else 1)
                entry: dict[str, Any] = {"query": "trace()", "oxigraph_s": ox_s, "target": name}
                if scale <= rdflib_up_to:
                    rd_s, _ = _time(lambda: trace(mem, name), 1 if scale >= 10 else repeat, budget)
                    entry |= {
                        "rdflib_s": rd_s,
                        "ratio": ox_s / rd_s if rd_s not in (0, float("inf")) else None,
                    }
                results.append(entry)
        ox.close()
        mem.close()
    return {**info, "queries": results}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=20.0, help="seconds an rdflib query may take")
    parser.add_argument("--rdflib-up-to", type=int, default=10, help="largest scale loaded into rdflib")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    skip: set[str] = set()
    meta = {"cores": os.cpu_count(), "date": time.strftime("%Y-%m-%d"), "python": sys.version.split()[0]}
    RESULTS.mkdir(exist_ok=True)
    runs = []
    for scale in args.scales:  # results are saved after each scale, so a long run keeps what it measured
        runs.append(_scale(scale, args.seed, args.repeat, skip, args.budget, args.rdflib_up_to))
        (RESULTS / "queries.json").write_text(json.dumps({**meta, "runs": runs}, indent=1), "utf-8")
        print(f"{scale}× done", file=sys.stderr, flush=True)
    print(
        "named queries, median seconds, pyoxigraph (disk) vs rdflib (memory); "
        f"{meta['cores']} cores, {meta['date']}\n"
    )
    for run in runs:
        print(
            f"{run['scale']}×: {run['triples']} triples; parse {run['parse_s']:.1f} s, N-Triples "
            f"{run['ntriples_s']:.1f} s, load pyoxigraph {run['load_oxigraph_s']:.1f} s, "
            f"rdflib {run['load_rdflib_s']:.1f} s"
        )
    names = [q["query"] for q in runs[0]["queries"]]
    header = "| query | " + " | ".join(f"{r['scale']}× ox / rdflib (ratio)" for r in runs) + " |"
    print("\n" + header)
    print("|---|" + "---:|" * len(runs))
    for name in names:
        cells = []
        for run in runs:
            q = next((x for x in run["queries"] if x["query"] == name), {})
            if q.get("rdflib_timeout") or q.get("rdflib_s") == float("inf"):
                cells.append(f"{q['oxigraph_s'] * 1e3:.1f} ms / > {run['budget']:.0f} s")
            elif q.get("rdflib_s"):
                cells.append(
                    f"{q['oxigraph_s'] * 1e3:.1f} ms / {q['rdflib_s'] * 1e3:.0f} ms ({q['ratio']:.3f})"
                )
            elif "oxigraph_s" in q:
                cells.append(f"{q['oxigraph_s'] * 1e3:.1f} ms / skipped")
            else:
                cells.append(q.get("note", "-"))
        print(f"| {name} | " + " | ".join(cells) + " |")
    if _trace() is None:
        print("\n(no policykg.trace.trace: no trace column)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
