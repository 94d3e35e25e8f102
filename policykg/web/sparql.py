"""The /sparql endpoint: SPARQL 1.1 Protocol queries, read-only unless the app allows updates.

What a request asks for is decided before anything runs: a small lexer (comments, strings and IRIs
skipped) finds the operation keyword after the prologue, so an update sent as ``query=`` is refused
as surely as one sent as ``update=``; federated ``SERVICE`` calls are refused too, since they would
make the server fetch arbitrary URLs.  Queries then run in the worker pool under its time limit.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from policykg.errors import QueryError, StoreError
from policykg.web.pool import Outcome, PoolBusy, QueryPool, QueryTimeout
from policykg.web.results import GRAPH_FORMATS, NotAcceptable, negotiate, serialize

__all__ = ["TRUNCATED_HEADER", "classify", "sparql_endpoint"]

TRUNCATED_HEADER = "X-Policykg-Truncated"
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_LEXER = re.compile(
    "|".join(
        [
            r"(?P<skip>\#[^\n]*",
            r'"{3}(?:[^"\\]|\\.|"(?!""))*"{3}',
            r"'{3}(?:[^'\\]|\\.|'(?!''))*'{3}",
            r'"(?:[^"\\\n\r]|\\.)*"',
            r"'(?:[^'\\\n\r]|\\.)*'",
            r'<[^<>"{}|^`\\\x00-\x20]*>',
            r"[?$]\w+",
            r"[\w.-]*:[\w.:%-]*)",
            r"(?P<word>[A-Za-z]+)",
        ]
    ),
    re.S,
)
_MAX_BODY = 1_000_000


def classify(text: str) -> tuple[str | None, bool]:
    """(the operation keyword after the prologue, upper-cased; whether a SERVICE clause appears)."""
    words = [m.group().upper() for m in _LEXER.finditer(text) if m.lastgroup == "word"]
    operation = next((w for w in words if w not in ("BASE", "PREFIX")), None)
    return operation, "SERVICE" in words


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


async def _read_request(request: Request) -> tuple[str | None, str | None, str | None]:
    """(query, update, format) from the URL, a form body or a direct body."""
    params = request.query_params
    query, update, fmt = params.get("query"), params.get("update"), params.get("format")
    if request.method == "POST":
        body = await request.body()
        if len(body) > _MAX_BODY:
            raise ValueError(f"request body over {_MAX_BODY} bytes")
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        text = body.decode("utf-8")
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
            query = form.get("query", [query])[0]
            update = form.get("update", [update])[0]
            fmt = form.get("format", [fmt])[0]
        elif content_type == "application/sparql-query":
            query = text
        elif content_type == "application/sparql-update":
            update = text
        else:
            raise ValueError(
                f"unsupported content type {content_type or 'none'!r}: send application/sparql-query "
                "or a form with query="
            )
    return query, update, fmt


async def _run_update(request: Request, text: str) -> Response:
    store = request.app.state.store
    try:
        await run_in_threadpool(store.update, text)
    except QueryError as exc:
        return _error(400, str(exc))
    except StoreError as exc:
        return _error(502, str(exc))
    return Response(status_code=204)


def _respond(outcome: Outcome, fmt: str) -> Response:
    if outcome.kind == "graph":
        body, mime = outcome.result.encode("utf-8"), GRAPH_FORMATS[fmt] + "; charset=utf-8"
    else:
        body, mime = serialize(outcome.result, fmt)
    headers = {TRUNCATED_HEADER: "true"} if outcome.truncated else {}
    return Response(body, media_type=mime, headers={**headers, "Vary": "Accept"})


async def sparql_endpoint(request: Request) -> Response:
    """GET ?query=…, or POST a form or an application/sparql-query body; results by negotiation."""
    try:
        query, update, fmt = await _read_request(request)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(415 if "content type" in str(exc) else 400, str(exc))
    settings: dict[str, Any] = request.app.state.settings
    if update is not None or (query is not None and classify(query)[0] in _UPDATE_WORDS):
        if not settings["allow_update"]:
            return _error(403, "this endpoint is read-only: SPARQL Update is refused")
        if request.method != "POST":
            return _error(405, "SPARQL Update must be sent with POST")
        return await _run_update(request, update if update is not None else query or "")
    if not query or not query.strip():
        return _error(400, "no query: pass a SPARQL query as query=… (GET or form POST) or as the POST body")
    if classify(query)[1]:
        return _error(403, "federated SERVICE queries are disabled on this endpoint")
    pool: QueryPool = request.app.state.pool()
    try:
        outcome = await run_in_threadpool(pool.run, query, settings["max_rows"])
    except QueryTimeout as exc:
        return _error(503, str(exc))
    except PoolBusy as exc:
        return _error(503, str(exc))
    except QueryError as exc:
        return _error(400 if str(exc).startswith("malformed") else 500, str(exc))
    except StoreError as exc:
        return _error(502, str(exc))
    try:
        chosen = negotiate(outcome.kind, fmt, request.headers.get("accept"))
    except NotAcceptable as exc:
        return _error(406, str(exc))
    return _respond(outcome, chosen)
