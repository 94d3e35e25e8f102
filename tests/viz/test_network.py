"""The HTML renderer: one offline page per view, with document text escaped as data."""

from __future__ import annotations

import json
import re
from pathlib import Path

from policykg.viz import write_view
from policykg.viz.data import fetch
from policykg.viz.network import render_html
from policykg.viz.subgraphs import overview_graph


def data_block(text: str) -> dict:
    """The JSON payload of a page."""
    match = re.search(r'<script type="application/json" id="pkg-data">(.*?)</script>', text, re.S)
    assert match
    return json.loads(match.group(1))


def test_injected_markup_is_escaped(hostile, assert_offline, tmp_path: Path) -> None:
    """Markup in labels, titles and evidence appears only as escaped data, never as tags."""
    script, img, iri = hostile.script, hostile.img, hostile.iri
    page = write_view(hostile.store, "overview", tmp_path / "o.html").read_text(encoding="utf-8")
    assert script not in page and img not in page and "<img src=x" not in page
    assert "\\u003cimg src=x onerror=window.pwned=1\\u003e" in page
    assert_offline(page)
    nodes = {n["id"]: n for n in data_block(page)["nodes"]}
    assert nodes[iri("s/p1")]["full"] == script + "能源"
    assert nodes[iri("project/1")]["evidence"] == img + "证据"
    assert script in nodes[iri("s/p1")]["source"]
    assert "innerHTML" not in page.split('id="pkg-data"')[1].split("</script>", 2)[2]


def test_title_and_description_are_escaped(hostile) -> None:
    """A view title taken from data is HTML-escaped."""
    text = render_html(overview_graph(fetch(hostile.store)), title=hostile.img, description=hostile.script)
    assert "<title>&lt;img src=x onerror=window.pwned=1&gt;</title>" in text
    assert f"<p>{hostile.script}" not in text
