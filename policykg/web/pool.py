"""Worker processes for user SPARQL, so a runaway query can be killed rather than merely abandoned.

A query engine cannot be interrupted from Python: a thread running an endless join would keep a
core busy for ever.  Each /sparql query therefore runs in one of a few worker processes that open
the store read-only themselves; when a query outlives its time limit its worker is killed and a
fresh one takes its place.  Workers stream solutions and stop at the row limit, so a huge result
costs ``max_rows`` rows, not the whole result.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from policykg.errors import QueryError, StoreError

__all__ = ["Outcome", "PoolBusy", "QueryPool", "QueryTimeout", "StoreSource", "source_for"]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class QueryTimeout(QueryError):
    """A query that ran longer than the time limit and was cut off."""


class PoolBusy(StoreError):
    """Every worker stayed busy for as long as a query may run."""


@dataclass(frozen=True)
class StoreSource:
    """How a worker process gets the graph: a database path, an N-Triples snapshot, or a store object."""

    path: str | None = None
    snapshot: bytes | None = None
    store: Any = None


@dataclass(frozen=True)
class Outcome:
    """A query's result: ``kind`` is "bindings" or "boolean" (SPARQL Results JSON in ``result``) or
    "graph" (N-Triples text in ``result``); ``truncated`` says the row limit cut it."""

    kind: str
    result: Any
    truncated: bool = False


def source_for(store: Any) -> StoreSource:
    """What a worker needs to reach the same graph as ``store``."""
    path = getattr(store, "path", None)
    if getattr(store, "name", None) == "oxigraph" and path is not None:
        return StoreSource(path=str(path))
    if getattr(store, "name", None) == "remote":
        return StoreSource(store=store)
    return StoreSource(snapshot=store.export("ntriples"))


# -- inside a worker --------------------------------------------------------------------------------


def _term_json(term: Any) -> dict[str, Any]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: _term_json(getattr(term, p)) for p in parts}}
    raise TypeError(f"unexpected term {term!r}")


class _OxigraphEngine:
    """Streams a pyoxigraph store's results up to the row limit."""

    def __init__(self, source: StoreSource) -> None:
        import pyoxigraph as ox

        if source.path is not None:
            self.store = ox.Store.read_only(source.path)
        else:
            self.store = ox.Store()
            self.store.bulk_load(input=source.snapshot or b"", format=ox.RdfFormat.N_TRIPLES)

    def run(self, sparql: str, max_rows: int) -> Outcome:
        import pyoxigraph as ox

        from policykg.graph.store import PREFIXES

        try:
            result = self.store.query(sparql, prefixes=PREFIXES)
            if isinstance(result, ox.QueryBoolean):
                return Outcome("boolean", {"head": {}, "boolean": bool(result)})
            if isinstance(result, ox.QueryTriples):
                lines: list[str] = []
                for triple in result:
                    if len(lines) == max_rows:
                        return Outcome("graph", "".join(lines), truncated=True)
                    lines.append(f"{triple} .\n")
                return Outcome("graph", "".join(lines))
            names = [v.value for v in result.variables]
            bindings: list[dict[str, Any]] = []
            truncated = False
            for solution in result:
                if len(bindings) == max_rows:
                    truncated = True
                    break
                bindings.append(
                    {n: _term_json(t) for n, t in zip(names, solution, strict=True) if t is not None}
                )
            return Outcome(
                "bindings", {"head": {"vars": names}, "results": {"bindings": bindings}}, truncated
            )
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"the query failed: {exc}") from None


class _StoreEngine:
    """Any store object (e.g. a remote one): query, then cut to the row limit."""

    def __init__(self, source: StoreSource) -> None:
        self.store = source.store

    def run(self, sparql: str, max_rows: int) -> Outcome:
        result = self.store.query(sparql)
        if "ntriples" in result:
            lines = result["ntriples"].splitlines(keepends=True)
            return Outcome("graph", "".join(lines[:max_rows]), len(lines) > max_rows)
        if "boolean" in result:
            return Outcome("boolean", result)
        bindings = result.get("results", {}).get("bindings", [])
        if len(bindings) > max_rows:
            result = {**result, "results": {"bindings": bindings[:max_rows]}}
            return Outcome("bindings", result, True)
        return Outcome("bindings", result)


def _worker_main(conn: Connection, source: StoreSource) -> None:
    """A worker's life: open the store, then answer (sparql, max_rows) messages until the pipe closes."""
    try:
        engine: _OxigraphEngine | _StoreEngine = (
            _StoreEngine(source) if source.store is not None else _OxigraphEngine(source)
        )
    except Exception as exc:  # reported with every request: the store cannot be opened here
        engine_error = f"the query worker cannot open the store: {' '.join(str(exc).split())}"
    else:
        engine_error = ""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        sparql, max_rows = message
        try:
            if engine_error:
                raise StoreError(engine_error)
            reply: tuple[str, Any] = ("ok", engine.run(sparql, max_rows))
        except (QueryError, StoreError) as exc:
            reply = (type(exc).__name__, str(exc))
        except Exception as exc:  # anything else still gets a one-line answer
            reply = ("QueryError", f"the query failed: {type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


# -- in the server ----------------------------------------------------------------------------------


class _Worker:
    def __init__(self, ctx: Any, source: StoreSource) -> None:
        parent, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, source), daemon=True, name="policykg-query"
        )
        self.process.start()
        child.close()
        self.conn: Connection = parent

    def stop(self, *, kill: bool) -> None:
        with contextlib.suppress(OSError, ValueError):
            if not kill:
                self.conn.send(None)
        if kill:
            self.process.kill()
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self.conn.close()


def _context() -> Any:
    """forkserver where there is one (fast replacements, no fork of a threaded server), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class QueryPool:
    """A fixed number of query worker processes with a per-query time limit."""

    def __init__(self, source: StoreSource, *, size: int | None = None, timeout: float = 10.0) -> None:
        self.source = source
        self.size = max(1, size or min(4, os.cpu_count() or 1))
        self.timeout = timeout
        self._ctx = _context()
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._ctx, self.source)
        with self._lock:
            if self._closed:
                worker.stop(kill=True)
                return
            self._all.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill=True)
        self._add()

    def run(self, sparql: str, max_rows: int) -> Outcome:
        """Run a query in a worker (blocking: call it from a thread); QueryTimeout after the limit."""
        if self._closed:
            raise StoreError("the query pool is closed")
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise PoolBusy(f"all {self.size} query workers stayed busy for {self.timeout:g} s") from None
        try:
            worker.conn.send((sparql, max_rows))
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeout(f"query timed out after {self.timeout:g} s")
            status, payload = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise QueryError("the query worker stopped unexpectedly; it has been restarted") from None
        self._idle.put(worker)
        if status == "ok":
            return payload
        raise (StoreError if status == "StoreError" else QueryError)(payload)

    def close(self) -> None:
        """Stop every worker (idempotent)."""
        with self._lock:
            self._closed = True
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop(kill=False)
