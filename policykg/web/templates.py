"""HTML building blocks: one layout with inline CSS, and helpers that escape everything they are given.

There is no template engine and no external asset: pages are small, and building them from
functions whose every text argument goes through :func:`html.escape` keeps escaping in one place.
Only :class:`Markup` (already-built HTML) is inserted as is.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import quote

__all__ = ["Markup", "entity_link", "esc", "page", "table"]

CSS = """
:root { --fg: #1d232a; --muted: #5b6670; --line: #d8dee4; --accent: #8b1a1a; --bg: #fbfbfa; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
       color: var(--fg); background: var(--bg); margin: 0; }
header { background: var(--accent); color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1.5rem;
         align-items: baseline; flex-wrap: wrap; }
header a { color: #fff; text-decoration: none; } header a.brand { font-weight: 700; font-size: 1.1rem; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
a { color: var(--accent); } .muted { color: var(--muted); } .small { font-size: .85rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f1f2; position: sticky; top: 0; }
td.iri, .iri { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem;
               word-break: break-all; }
input[type=search], textarea { width: 100%; padding: .45rem; font: inherit; border: 1px solid var(--line); }
textarea { font-family: ui-monospace, Menlo, Consolas, monospace; min-height: 12rem; }
button { padding: .4rem 1rem; font: inherit; cursor: pointer; }
blockquote { margin: .4rem 0; padding: .4rem .8rem; border-left: 4px solid var(--accent); background: #fff; }
details { margin: .3rem 0; } summary { cursor: pointer; }
.error { color: #a00; white-space: pre-wrap; } .notice { background: #fff6d6; padding: .3rem .6rem; }
"""


class Markup(str):
    """HTML that is already safe and is inserted without escaping."""


def esc(value: object) -> Markup:
    """Escaped text, unless it is Markup already."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape("" if value is None else str(value), quote=True))


def entity_link(iri: str, label: str | None = None) -> Markup:
    """A link to the entity page of an IRI, showing its label when it has one."""
    text = esc(label) if label else Markup(f'<span class="iri">{esc(iri)}</span>')
    return Markup(f'<a href="/entity?iri={esc(quote(iri, safe=""))}" title="{esc(iri)}">{text}</a>')


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> Markup:
    """A table; cells are escaped unless they are Markup."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return Markup(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def page(
    title: str, body: Markup, nav: Sequence[tuple[str, str]], *, script: str = "", nonce: str = ""
) -> str:
    """A whole page: the layout around ``body``, with an optional inline script (allowed by ``nonce``)."""
    links = "".join(f'<a href="{esc(href)}">{esc(text)}</a>' for href, text in nav)
    js = f'<script nonce="{esc(nonce)}">{script}</script>' if script else ""
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)} · policykg</title><style>{CSS}</style></head><body>"
        f'<header><a class="brand" href="/">policykg</a>{links}</header>'
        f"<main><h1>{esc(title)}</h1>{body}</main>{js}</body></html>"
    )
