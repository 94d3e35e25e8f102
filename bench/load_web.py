"""A bounded load benchmark of `policykg serve`: N concurrent clients for T seconds of mixed page and
SPARQL requests against a server this script starts (127.0.0.1, free port, a store built into a temp
dir) and stops.  Reports throughput, p50/p99 latency and errors; writes bench/results/load_web.json.

    .venv/bin/python bench/load_web.py --clients 20 --duration 30
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

__all__ = ["main"]

GOALS = (
    "SELECT ?code ?label (COUNT(?s) AS ?n) WHERE { "
    "?g skos:inScheme <https://w3id.org/policykg/id/scheme/goals> ; "
    "skos:notation ?code ; skos:prefLabel ?label "
    'FILTER(LANG(?label) = "zh") OPTIONAL { ?s pkg:servesGoal ?g } } '
    "GROUP BY ?code ?label ORDER BY ?code"
)
SECTIONS = "SELECT ?s ?t WHERE { ?s a pkg:Section ; skos:prefLabel ?t } LIMIT 100"
GOAL_P3 = "https://w3id.org/policykg/id/goal/P3"
MIX: list[tuple[str, str, str, dict[str, str], bytes | None]] = [
    # (name, method, path, headers, body)
    ("page /", "GET", "/", {}, None),
    ("page /goals", "GET", "/goals", {}, None),
    ("page search", "GET", "/?" + urllib.parse.urlencode({"q": "科技"}), {}, None),
    ("page entity", "GET", "/entity?" + urllib.parse.urlencode({"iri": GOAL_P3}), {}, None),
    ("sparql GET json", "GET", "/sparql?" + urllib.parse.urlencode({"query": GOALS}), {}, None),
    (
        "sparql POST csv",
        "POST",
        "/sparql",
        {"Content-Type": "application/sparql-query", "Accept": "text/csv"},
        SECTIONS.encode(),
    ),
    (
        "sparql POST form xml",
        "POST",
        "/sparql",
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+xml"},
        urllib.parse.urlencode({"query": SECTIONS}).encode(),
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_server(store: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    code = (
        "from policykg.web import serve; import sys; "
        f"serve(sys.argv[1], port={port}, workers={workers}, log_level='warning')"
    )
    return subprocess.Popen([sys.executable, "-c", code, str(store)], start_new_session=True)


def _wait(port: int, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/sparql?query=ASK%7B%7D")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not answer in time")


def _client(port: int, stop_at: float, seed: int, out: list[tuple[str, float, int]]) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    while time.monotonic() < stop_at:
        name, method, path, headers, body = rng.choice(MIX)
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out.append((name, time.perf_counter() - started, status))
    conn.close()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _summary(samples: list[tuple[str, float, int]], seconds: float) -> dict[str, object]:
    latencies = [s[1] * 1000 for s in samples]
    errors = [s for s in samples if not 200 <= s[2] < 300]
    by_kind = {}
    for name in sorted({s[0] for s in samples}):
        mine = [s[1] * 1000 for s in samples if s[0] == name]
        by_kind[name] = {
            "requests": len(mine),
            "p50_ms": round(statistics.median(mine), 1),
            "p99_ms": round(_percentile(mine, 0.99), 1),
            "errors": sum(1 for s in samples if s[0] == name and not 200 <= s[2] < 300),
        }
    return {
        "requests": len(samples),
        "seconds": round(seconds, 2),
        "throughput_rps": round(len(samples) / seconds, 1) if seconds else 0.0,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
        "p99_ms": round(_percentile(latencies, 0.99), 1),
        "max_ms": round(max(latencies), 1) if latencies else 0.0,
        "errors": len(errors),
        "error_statuses": sorted({s[2] for s in errors}),
        "by_request": by_kind,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of load")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1), help="query processes")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "load_web.json")
    args = parser.parse_args(argv)

    from policykg.build import build_store
    from policykg.loaders.text.documents import bundled_corpus

    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        store = Path(tmp) / "store"
        build_store(bundled_corpus(), store)
        port = _free_port()
        server = _start_server(store, port, args.workers)
        try:
            _wait(port, server)
            samples: list[tuple[str, float, int]] = []
            started = time.monotonic()
            stop_at = started + args.duration
            threads = [
                threading.Thread(target=_client, args=(port, stop_at, i, samples), daemon=True)
                for i in range(args.clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    result = {
        "benchmark": "load_web",
        "clients": args.clients,
        "duration_s": args.duration,
        "query_workers": args.workers,
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        **_summary(samples, elapsed),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "by_request"}, ensure_ascii=False))
    for name, stats in result["by_request"].items():
        print(f"  {name:22} {stats}")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
