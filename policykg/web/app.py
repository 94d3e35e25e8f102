"""The app factory and the ``serve`` entry point: one store, one worker pool, no module-level state.

``create_app`` takes an open store, so tests and embedders choose the backend; the worker pool for
/sparql is started with the app (lifespan) or on first use, and stopped at shutdown.  The trace and
network views are routes of their own modules; embedders add more through ``extra_routes`` and
``extra_nav``.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from policykg.errors import StoreError
from policykg.web.network_page import NetworkCache, network_page
from policykg.web.pages import entity_page, goals_page, query_page, search_page
from policykg.web.pool import QueryPool, source_for
from policykg.web.sparql import sparql_endpoint
from policykg.web.trace_page import trace_page

__all__ = ["create_app", "serve"]

log = logging.getLogger("policykg.web")


def create_app(
    store: Any,
    *,
    query_timeout: float = 10.0,
    max_rows: int = 10000,
    allow_update: bool = False,
    workers: int | None = None,
    extra_routes: Sequence[BaseRoute] = (),
    extra_nav: Sequence[tuple[str, str]] = (),
) -> Starlette:
    """An ASGI app over ``store``: pages, and /sparql with a time limit, a row limit and no updates.

    ``workers`` is the number of query processes (default: up to 4, one per CPU).  With
    ``allow_update`` the store must have an ``update(sparql)`` method (the remote backend has one)."""
    if query_timeout <= 0 or max_rows <= 0:
        raise ValueError("query_timeout and max_rows must be positive")
    if allow_update and not callable(getattr(store, "update", None)):
        raise StoreError(f"the {getattr(store, 'name', 'given')} store cannot run SPARQL Update")
    lock = threading.Lock()
    holder: dict[str, QueryPool] = {}

    def pool() -> QueryPool:
        with lock:
            if "pool" not in holder:
                holder["pool"] = QueryPool(source_for(store), size=workers, timeout=query_timeout)
            return holder["pool"]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        pool()
        try:
            yield
        finally:
            with lock:
                running = holder.pop("pool", None)
            if running is not None:
                running.close()

    routes: list[BaseRoute] = [
        Route("/", search_page),
        Route("/entity", entity_page),
        Route("/goals", goals_page),
        Route("/trace", trace_page),
        Route("/network", network_page),
        Route("/query", query_page),
        Route("/sparql", sparql_endpoint, methods=["GET", "POST"]),
        Route("/favicon.ico", _no_icon),
        *extra_routes,
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.store = store
    app.state.pool = pool
    app.state.extra_nav = list(extra_nav)
    app.state.network_cache = NetworkCache(store)
    app.state.settings = {"query_timeout": query_timeout, "max_rows": max_rows, "allow_update": allow_update}
    return app


async def _no_icon(request: Request) -> Response:
    """No icon: an empty answer, so browsers log no failed request for it."""
    return Response(status_code=204)


def _open(store_spec: str) -> Any:
    if store_spec.startswith(("http://", "https://")):
        from policykg.graph.backends.remote import RemoteStore

        return RemoteStore.from_spec(store_spec)
    from policykg.graph.connect import open_store

    return open_store(store_spec)


def serve(
    store_spec: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    query_timeout: float = 10.0,
    max_rows: int = 10000,
    allow_update: bool = False,
    workers: int | None = None,
    log_level: str = "info",
) -> None:
    """Open a store (path, ``oxigraph:PATH``, ``memory:`` or an http(s) query endpoint) and serve it."""
    import uvicorn

    store = _open(store_spec)
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("serving on %s: the SPARQL endpoint is reachable from other machines", host)
    app = create_app(
        store, query_timeout=query_timeout, max_rows=max_rows, allow_update=allow_update, workers=workers
    )
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        store.close()
