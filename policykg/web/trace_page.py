"""``/trace?q=…``: which strategic goal something serves, by which paths, on what evidence.

The page is a rendering of :func:`policykg.analysis.trace.trace` (the same answer as ``policykg trace``):
the entity, the 1571 goal and position, every ``contributesTo`` path as a chain of links, and under
each path the evidence of each hop.  Trace runs several queries and may train a small classifier, so it
runs in a thread; text that matches nothing is a 404 page that says so.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from policykg.analysis.locate import NotFoundError, TraceNode
from policykg.analysis.trace import TraceResult, trace
from policykg.errors import PolicyKGError
from policykg.graph.named_queries import load_query
from policykg.graph.store import rows
from policykg.web.pages import respond
from policykg.web.templates import Markup, entity_link, esc

__all__ = ["trace_page"]

GOAL_NS = "https://w3id.org/policykg/id/goal/"
MAX_QUERY = 300
NO_SPAN = '<p class="small muted">no text span recorded for this hop</p>'


def _form(q: str) -> Markup:
    return Markup(
        '<form method="get" action="/trace"><input type="search" name="q" autofocus '
        f'placeholder="项目、地区、任务… a project, place or task" value="{esc(q)}"> '
        "<button>Trace</button></form>"
    )


def _goal_anchor(code: str) -> Markup:
    return Markup(f'<a class="goal-code" href="/goals#{esc(quote(code, safe=""))}">{esc(code)}</a>')


def _node(node: TraceNode) -> Markup:
    """One node of a path: a link to its entity page (a goal also to its place on /goals)."""
    if node.id.startswith("urn:policykg:passage:"):  # a passage of a document, not a node of the graph
        return Markup(f'<span class="node task">{esc(node.label)}</span>')
    link = entity_link(node.id, node.label)
    if node.type == "goal" and node.id.startswith(GOAL_NS):
        return Markup(f'<span class="node goal">{_goal_anchor(node.id.removeprefix(GOAL_NS))} {link}</span>')
    return Markup(f'<span class="node {esc(node.type)}">{link}</span>')


def _quote(ev: dict[str, Any], docs: dict[str, dict[str, str]]) -> str:
    doc = docs.get(ev["doc"])
    source = entity_link(doc["doc"], doc.get("title") or ev["doc"]) if doc else esc(ev["doc"])
    start, end = ev["span"]
    return (
        f'<blockquote>{esc(ev["text"])}</blockquote><p class="small muted">{source} · {esc(ev["doc"])} · '
        f"characters {esc(start)}–{esc(end)}</p>"
    )


def _hop_evidence(a: TraceNode, b: TraceNode, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence for hop a → b: what states ``a``, narrowed to b's document when b is a section."""
    about = [e for e in evidence if e.get("about") == a.id]
    if b.type == "section":
        same_doc = [e for e in about if f"/{e['doc'].rsplit('.', 1)[0]}/" in b.id]
        return same_doc or about
    return about


def _paths(result: TraceResult, docs: dict[str, dict[str, str]]) -> str:
    if not result.paths:
        quotes = "".join(_quote(e, docs) for e in result.evidence)
        return '<h2>Paths</h2><p class="muted">No path reaches a goal.</p>' + (
            f"<h2>Evidence</h2>{quotes}" if quotes else ""
        )
    items = []
    for number, path in enumerate(result.paths):
        chain = " → ".join(_node(n) for n in path)
        hops = []
        for a, b in pairwise(path):
            quotes = "".join(_quote(e, docs) for e in _hop_evidence(a, b, result.evidence)) or NO_SPAN
            hops.append(f"<li><b>{esc(a.label[:40])}</b> → <b>{esc(b.label[:40])}</b>{quotes}</li>")
        items.append(
            f'<li class="path"><p class="chain">{chain}</p>'
            f"<details{' open' if number == 0 else ''}><summary class='small'>evidence of each hop</summary>"
            f"<ul>{''.join(hops)}</ul>"
            "</details></li>"
        )
    count = len(result.paths)
    return f'<h2>Paths ({count})</h2><ol id="paths">{"".join(items)}</ol>'


def _summary(result: TraceResult) -> str:
    def goal_line(pair: tuple[str, str] | None, note: str = "") -> str:
        if not pair:
            return '<span class="muted">—</span>'
        code, label = pair
        link = entity_link(GOAL_NS + code, label) if code else esc(label)
        return f"{_goal_anchor(code)} {link}{note}"

    basis = ""
    if result.position_basis:
        basis = f' <span class="small muted">({esc(result.position_basis)})</span>'
    entity = _node(result.entity)
    return (
        '<table id="trace-summary"><tbody>'
        f'<tr><th>entity</th><td>{entity} <span class="small muted">{esc(result.entity.type)} · '
        f"matched by {esc(result.match)}</span></td></tr>"
        f'<tr><th>goal (1571)</th><td id="trace-goal">{goal_line(result.goal)}</td></tr>'
        f'<tr><th>position</th><td id="trace-position">{goal_line(result.position, basis)}</td></tr>'
        "</tbody></table>"
    )


def _alternatives(result: TraceResult) -> str:
    if not result.alternatives:
        return ""
    items = "".join(
        f'<li>{entity_link(n.id, n.label)} <span class="small muted">{esc(n.type)}</span> · '
        f'<a class="small" href="/trace?q={esc(quote(n.label, safe=""))}">trace</a></li>'
        for n in result.alternatives
    )
    return f'<h2>Did you mean</h2><ul id="alternatives">{items}</ul>'


def _render(store: Any, q: str) -> tuple[TraceResult, dict[str, dict[str, str]]]:
    result = trace(store, q)
    docs = {r["docName"]: r for r in rows(store.query(load_query("web_documents").text))}
    return result, docs


async def trace_page(request: Request) -> HTMLResponse:
    """``/trace?q=TEXT``: the trace of a name or passage; a form when no text is given."""
    q = request.query_params.get("q", "").strip()[:MAX_QUERY]
    form = _form(q)
    if not q:
        hint = (
            '<p class="muted">Give a project, place, actor, indicator, section title '
            "or a passage of text.</p>"
        )
        return respond(request, "Trace", Markup(form + hint))
    try:
        result, docs = await run_in_threadpool(_render, request.app.state.store, q)
    except NotFoundError as exc:
        body = Markup(form + f'<p class="error" id="not-found">{esc(exc)}</p>')
        return respond(request, "Trace", body, status=404)
    except PolicyKGError as exc:
        return respond(request, "Trace", Markup(form + f'<p class="error">{esc(exc)}</p>'), status=500)
    body = Markup(form + _summary(result) + _paths(result, docs) + _alternatives(result))
    return respond(request, f"Trace: {result.entity.label[:60]}", body)
