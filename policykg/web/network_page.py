"""``/network``: the offline network views of :mod:`policykg.viz`, served by the app.

A view is the same standalone page ``policykg viz`` writes (vis-network and data inlined), so it is
rendered once per store and parameters and kept in memory: building the overview takes seconds.  The
page's own inline scripts need ``'unsafe-inline'``, so these responses carry the viz page's own CSP
(:data:`policykg.viz.page.CSP`, the same as its meta tag: inline only, no network at all) instead of
the app's nonce policy.
"""

from __future__ import annotations

import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from policykg.errors import PolicyKGError
from policykg.web.pages import respond
from policykg.web.templates import Markup, esc

__all__ = ["NetworkCache", "network_page"]

KINDS = ("goal", "region", "entity")
MAX_TARGET = 300


class NetworkCache:
    """Rendered views of one store by (kind, target), least recently used dropped beyond ``size``.

    One lock serialises rendering: views are CPU-bound, and two requests for the same view wait for
    one rendering instead of doing it twice."""

    def __init__(self, store: Any, size: int = 24) -> None:
        self.store = store
        self.size = size
        self._pages: OrderedDict[tuple[str, str | None], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, kind: str, target: str | None) -> str:
        """The page for a view, rendered on first use; ViewError for an unknown goal, region or entity."""
        key = (kind, target)
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
            page = self._render(kind, target)
            self._pages[key] = page
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
            return page

    def _render(self, kind: str, target: str | None) -> str:
        from policykg.viz import write_view

        with tempfile.TemporaryDirectory(prefix="policykg-view-") as folder:
            path = write_view(self.store, kind, Path(folder) / "view.html", target=target)
            return path.read_text(encoding="utf-8")


def _error(request: Request, message: str, status: int) -> HTMLResponse:
    hint = (
        '<p class="muted">Try <a href="/network">the overview</a>, <a href="/network?goal=P3">a goal</a> '
        'or <a href="/network?region=鄂尔多斯市">a region</a>.</p>'
    )
    return respond(request, "Network", Markup(f'<p class="error">{esc(message)}</p>{hint}'), status=status)


async def network_page(request: Request) -> HTMLResponse:
    """``/network`` (overview), ``?goal=P3``, ``?region=NAME`` or ``?entity=IRI_OR_LABEL``."""
    from policykg.viz.data import ViewError
    from policykg.viz.page import CSP

    given = [(k, request.query_params[k].strip()) for k in KINDS if k in request.query_params]
    if len(given) > 1:
        return _error(request, "give one of goal, region or entity", 400)
    kind, target = given[0] if given else ("overview", None)
    if target is not None and not (0 < len(target) <= MAX_TARGET):
        return _error(request, f"the {kind} view needs a {kind} (at most {MAX_TARGET} characters)", 400)
    cache: NetworkCache = request.app.state.network_cache
    try:
        page = await run_in_threadpool(cache.get, kind, target)
    except ViewError as exc:
        return _error(request, str(exc), 404)
    except PolicyKGError as exc:
        return _error(request, str(exc), 500)
    return HTMLResponse(page, headers={"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff"})
