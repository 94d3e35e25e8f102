"""The human pages: search, entity, goals and the query form, server-rendered from named queries.

Pages only run the shipped named queries, with user input bound as parameters, on the app's store
in a thread; free-form SPARQL goes through /sparql and its worker pool.  Every response carries a
Content-Security-Policy that allows nothing external and only the page's own nonce-tagged script.
"""

from __future__ import annotations

import re
import secrets
from collections import defaultdict
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse

from policykg.errors import PolicyKGError
from policykg.graph.named_queries import load_query
from policykg.graph.store import Iri, Lit, compact, rows
from policykg.web.templates import Markup, entity_link, esc, page, table

__all__ = ["NAV", "entity_page", "goals_page", "query_page", "respond", "search_page"]

_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^<>"{}|^`\\\x00-\x20]*$')
NAV = [
    ("/", "Search"),
    ("/goals", "Goals"),
    ("/trace", "Trace"),
    ("/network", "Network"),
    ("/query", "SPARQL"),
]
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
LABELS = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://purl.org/dc/terms/title",
}


def respond(
    request: Request, title: str, body: Markup, *, script: str = "", status: int = 200
) -> HTMLResponse:
    """A page in the app's layout, with a fresh nonce and a CSP that allows nothing external."""
    nonce = secrets.token_urlsafe(16)
    nav = [*NAV, *request.app.state.extra_nav]
    csp = f"default-src 'self'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; base-uri 'none'"
    return HTMLResponse(
        page(title, body, nav, script=script, nonce=nonce),
        status_code=status,
        headers={"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff"},
    )


async def _named(request: Request, name: str, **bindings: Any) -> list[dict[str, str]]:
    store = request.app.state.store
    text = load_query(name).text
    return rows(await run_in_threadpool(store.query, text, bindings or None))


async def search_page(request: Request) -> HTMLResponse:
    """``/``: a search box over labels (section titles, documents, goals, indicators …)."""
    q = request.query_params.get("q", "").strip()[:200]
    form = Markup(
        '<form method="get" action="/"><input type="search" name="q" autofocus placeholder="搜索 search…" '
        f'value="{esc(q)}"> <button>Search</button></form>'
    )
    if not q:
        hint = (
            '<p class="muted">Search section titles and other labels, '
            'or browse the <a href="/goals">goals</a>.</p>'
        )
        return respond(request, "Search", Markup(form + hint))
    try:
        found = await _named(request, "search", text=Lit(q))
    except PolicyKGError as exc:
        return respond(request, "Search", Markup(form + f'<p class="error">{esc(exc)}</p>'), status=500)
    listing = table(
        ["label", "kind", "document"],
        [
            (entity_link(r["entity"], r["label"]), compact(r.get("class", "")), r.get("docName", ""))
            for r in found
        ],
    )
    summary = f'<p class="muted">{len(found)} result{"s" if len(found) != 1 else ""} for “{esc(q)}”</p>'
    return respond(request, "Search", Markup(form + summary + (listing if found else "")))


def _cell(value: str, label: str | None) -> Markup:
    if value.startswith(("http://", "https://", "urn:")):
        return entity_link(value, label or compact(value))
    return esc(value)


async def entity_page(request: Request) -> HTMLResponse:
    """``/entity?iri=…``: labels, every triple, and the evidence text with its document and span."""
    iri = request.query_params.get("iri", "").strip()
    if not iri:
        return respond(request, "Entity", Markup('<p class="error">pass an entity as ?iri=…</p>'), status=400)
    if not _IRI.match(iri):
        body = Markup(f'<p class="error">not an absolute IRI: <span class="iri">{esc(iri)}</span></p>')
        return respond(request, "Entity", body, status=400)
    try:
        triples = await _named(request, "entity_triples", entity=Iri(iri))
        evidence = await _named(request, "entity_evidence", entity=Iri(iri))
    except PolicyKGError as exc:
        return respond(request, "Entity", Markup(f'<p class="error">{esc(exc)}</p>'), status=400)
    if not triples:
        body = Markup(f'<p class="iri">{esc(iri)}</p><p>The graph says nothing about this IRI.</p>')
        return respond(request, "Entity", body, status=404)
    labels = sorted({r["value"] for r in triples if r["direction"] == "out" and r["property"] in LABELS})
    parts = [f'<p class="iri">{esc(iri)}</p>', _entity_actions(iri, triples, labels)]
    if labels:
        parts.append("<ul>" + "".join(f"<li>{esc(label)}</li>" for label in labels) + "</ul>")
    if evidence:
        parts.append("<h2>Evidence</h2>")
        for ev in evidence:
            doc = entity_link(ev["doc"], ev.get("docTitle") or ev["docName"])
            parts.append(
                f"<blockquote>{esc(ev['exact'])}</blockquote>"
                f'<p class="small muted">{doc} · {esc(ev["docName"])} · characters '
                f"{esc(ev['start'])}–{esc(ev['end'])}</p>"
            )
    for direction, heading in (("out", "Properties"), ("in", "Referenced by")):
        chosen = [r for r in triples if r["direction"] == direction]
        if chosen:
            parts.append(f"<h2>{heading}</h2>")
            parts.append(
                table(
                    ["property", "value"],
                    [
                        (_cell(r["property"], compact(r["property"])), _cell(r["value"], r.get("valueLabel")))
                        for r in chosen
                    ],
                )
            )
    title = labels[0] if labels else compact(iri)
    return respond(request, title, Markup("".join(parts)))


def _entity_actions(iri: str, triples: list[dict[str, str]], labels: list[str]) -> Markup:
    """Links from an entity to its trace (by its preferred label, which trace looks up) and network."""
    preferred = [r["value"] for r in triples if r["direction"] == "out" and r["property"] == PREF_LABEL]
    name = (sorted(preferred) or labels or [""])[0]
    links = []
    if name:
        links.append(f'<a id="trace-link" href="/trace?q={esc(quote(name, safe=""))}">Trace to goal</a>')
    network = f"/network?entity={quote(iri, safe='')}"
    links.append(f'<a id="network-link" href="{esc(network)}">Network around it</a>')
    return Markup(f'<p class="small">{" · ".join(links)}</p>')


async def goals_page(request: Request) -> HTMLResponse:
    """``/goals``: the strategic goals, each with the sections that serve it."""
    try:
        found = await _named(request, "goal_sections")
    except PolicyKGError as exc:
        return respond(request, "Goals", Markup(f'<p class="error">{esc(exc)}</p>'), status=500)
    goals: dict[str, dict[str, Any]] = {}
    sections: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in found:
        goals.setdefault(r["goalCode"], r)
        if "section" in r:
            sections[r["goalCode"]].append(r)
    parts = [f'<p class="muted">{len(goals)} goals; sections that serve each directly.</p>']
    for code, goal in goals.items():
        listed = sections[code]
        items = "".join(
            f"<li>{entity_link(s['section'], s['title'])} "
            f"<span class='small muted'>{esc(s['docName'])}</span></li>"
            for s in listed
        )
        english = f' <span class="muted small">{esc(goal["labelEn"])}</span>' if goal.get("labelEn") else ""
        parts.append(
            f"<details id='{esc(code)}'><summary><b>{esc(code)}</b> "
            f"{entity_link(goal['goal'], goal['label'])}{english} "
            f'<span class="muted">({len(listed)} sections)</span></summary><ul>{items}</ul></details>'
        )
    return respond(request, "Goals", Markup("".join(parts)))


QUERY_SCRIPT = """
const form = document.getElementById('q'), out = document.getElementById('out');
function cell(t) {
  if (!t) return '';
  if (t.type === 'literal') return t.value + (t['xml:lang'] ? ' @' + t['xml:lang'] : '');
  return t.type === 'bnode' ? '_:' + t.value : t.value;
}
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  out.replaceChildren();
  const fmt = form.format.value, note = document.createElement('p');
  note.className = 'muted'; note.textContent = 'running…'; out.append(note);
  const accept = {json: 'application/sparql-results+json', csv: 'text/csv',
                  tsv: 'text/tab-separated-values', xml: 'application/sparql-results+xml'}[fmt];
  const started = performance.now();
  try {
    const r = await fetch('/sparql', {method: 'POST', headers: {'Accept': accept},
                                      body: new URLSearchParams({query: form.query.value})});
    const text = await r.text(), ms = Math.round(performance.now() - started);
    if (!r.ok) { note.className = 'error'; note.textContent = r.status + ': ' + text; return; }
    const truncated = r.headers.get('X-Policykg-Truncated') === 'true';
    if (fmt !== 'json' || !(r.headers.get('Content-Type') || '').includes('json')) {
      note.textContent = ms + ' ms' + (truncated ? ' · truncated' : '');
      const pre = document.createElement('pre'); pre.textContent = text; out.append(pre); return;
    }
    const data = JSON.parse(text);
    if ('boolean' in data) { note.textContent = 'answer: ' + data.boolean + ' · ' + ms + ' ms'; return; }
    const vars = data.head.vars, rows = data.results.bindings;
    note.textContent = rows.length + ' rows · ' + ms + ' ms'
      + (truncated ? ' · truncated at the row limit' : '');
    if (truncated) note.className = 'notice';
    const table = document.createElement('table'), head = table.createTHead().insertRow();
    for (const v of vars) { const th = document.createElement('th'); th.textContent = v; head.append(th); }
    const body = table.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const v of vars) {
        const td = tr.insertCell(), t = row[v];
        if (t && t.type === 'uri') {
          const a = document.createElement('a');
          a.href = '/entity?iri=' + encodeURIComponent(t.value); a.textContent = t.value;
          td.className = 'iri';
          td.append(a);
        } else { td.textContent = cell(t); }
      }
    }
    out.append(table);
  } catch (err) { note.className = 'error'; note.textContent = String(err); }
});
"""
DEFAULT_QUERY = """SELECT ?goalCode ?label (COUNT(?section) AS ?sections)
WHERE {
  ?goal skos:inScheme <https://w3id.org/policykg/id/scheme/goals> ;
        skos:notation ?goalCode ; skos:prefLabel ?label .
  FILTER(LANG(?label) = "zh")
  OPTIONAL { ?section pkg:servesGoal ?goal }
}
GROUP BY ?goalCode ?label ORDER BY ?goalCode"""


async def query_page(request: Request) -> HTMLResponse:
    """``/query``: a SPARQL form that runs through /sparql and shows the table."""
    text = request.query_params.get("query") or DEFAULT_QUERY
    settings = request.app.state.settings
    options = "".join(f'<option value="{f}">{f.upper()}</option>' for f in ("json", "csv", "tsv", "xml"))
    timeout = f"{settings['query_timeout']:g}"
    body = Markup(
        '<p class="muted small">Prefixes pkg:, skos:, dcterms:, prov:, oa:, rdfs:, owl:, xsd: are '
        f"predeclared. Read-only; queries stop after {esc(timeout)} s and "
        f"{esc(settings['max_rows'])} rows.</p>"
        f'<form id="q"><textarea name="query" spellcheck="false">{esc(text)}</textarea>'
        f'<p><button type="submit">Run</button> <select name="format">{options}</select></p></form>'
        '<div id="out"></div>'
    )
    return respond(request, "SPARQL query", body, script=QUERY_SCRIPT)
