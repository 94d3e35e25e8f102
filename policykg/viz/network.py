"""networkx view → one self-contained, offline, injection-safe HTML file drawn by vis-network.

pyvis assembles the node and edge records and ships vis-network, but its own output is unsafe for
us: ``show()`` writes a ``lib/`` folder into the working directory, and even its 'local' and
'in_line' modes reference CDNs.  So the page is generated here: vis-network's JavaScript and CSS
are read from the pyvis wheel and inlined (licence header kept, addresses written with escaped
slashes), data goes in a JSON block with ``<``, ``>`` and ``&`` escaped, the page text is
HTML-escaped, and the file is always written as UTF-8.  The result holds no external URL.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.viz.page import APP_JS, CSP, FONT_STACK, PAGE_CSS, PAGE_TEMPLATE

__all__ = [
    "CLASS_STYLES",
    "VIS_VERSION",
    "ClassStyle",
    "payload",
    "render_html",
    "vis_assets",
    "write_html",
]

VIS_VERSION = "9.1.2"
_LABEL_MAX = 16


@dataclass(frozen=True)
class ClassStyle:
    """How one class looks: bilingual name, fill and border colour, vis-network shape, legend glyph."""

    name: str
    color: str
    border: str
    shape: str
    glyph: str
    size: int = 12
    font: int = 14


CLASS_STYLES: dict[str, ClassStyle] = {
    "Goal": ClassStyle("战略目标 Goal", "#d1495b", "#8e2a37", "star", "★", 30, 36),
    "Section": ClassStyle("任务章节 Section", "#3b75af", "#24486d", "dot", "●", 10, 14),
    "Project": ClassStyle("项目 Project", "#edae49", "#a87420", "square", "■", 10, 14),
    "Target": ClassStyle("目标值 Target", "#00798c", "#004b57", "triangle", "▲", 9, 13),
    "Observation": ClassStyle("实际值 Observation", "#66a182", "#3d6b52", "triangleDown", "▼", 9, 13),
    "Indicator": ClassStyle("指标 Indicator", "#8d6cab", "#5a4170", "diamond", "◆", 11, 14),
    "Region": ClassStyle("地区 Region", "#a0522d", "#6b3219", "hexagon", "⬢", 13, 16),
    "Actor": ClassStyle("责任单位 Actor", "#c06c84", "#7d3f52", "dot", "●", 11, 14),
    "Class": ClassStyle("本体类 Class", "#cfe2f3", "#3b75af", "box", "▭", 12, 20),
    "ExternalClass": ClassStyle("外部类 External class", "#eeeeee", "#888888", "box", "▭", 12, 17),
    "Entity": ClassStyle("其他 Other", "#9e9e9e", "#616161", "dot", "●", 9, 13),
}
_JSON_ESCAPES = {
    "/": "\\/",
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _vis_file(name: str) -> str:
    folder = resources.files("pyvis").joinpath("templates", "lib", f"vis-{VIS_VERSION}")
    if not folder.joinpath(name).is_file():
        folder = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}")
    return folder.joinpath(name).read_text(encoding="utf-8")


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS from the pyvis wheel, made safe to inline and free of addresses."""
    js = _vis_file("vis-network.min.js")
    css = _vis_file("vis-network.css")
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    # "://" only occurs in strings and comments: ":\/\/" means the same there and is no URL
    js = js.replace("://", ":\\/\\/")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline element early
        raise RuntimeError("vis-network assets cannot be inlined as they are")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    return js, css


def _json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[/<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _short(label: str) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= _LABEL_MAX else label[: _LABEL_MAX - 1] + "…"


def _node_record(node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    cls = attrs.get("cls", "Entity")
    style = CLASS_STYLES.get(cls, CLASS_STYLES["Entity"])
    full = str(attrs.get("label", node))
    level = str(dict(attrs.get("details", ())).get("层级 level", ""))
    big_section = cls == "Section" and level == "1"
    aliases = [str(a) for a in attrs.get("aliases", ())]
    return {
        "full": full,
        "cls": cls,
        "x": float(attrs.get("x", 0.0)),
        "y": float(attrs.get("y", 0.0)),
        "size": style.size + (4 if big_section else 0),
        "fontSize": style.font + (3 if big_section else 0),
        "years": [int(y) for y in attrs.get("years", ())],
        "goal": str(attrs.get("goal", "")),
        "doc": str(attrs.get("doc", "")),
        "evidence": str(attrs.get("evidence", "")),
        "source": str(attrs.get("source", "")),
        "details": [[str(k), str(v)] for k, v in attrs.get("details", ())],
        "search": " ".join([full, *aliases, str(attrs.get("goal", ""))]).lower(),
    }


class _Ids(list):
    """pyvis keeps node ids in a list and searches it on every add; a set beside it keeps that linear."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Any] = set()

    def append(self, item: Any) -> None:
        self._set.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def payload(graph: nx.Graph) -> dict[str, Any]:
    """The JSON the page script reads: nodes and edges assembled with pyvis, styles, legend, years."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="remote")  # only its records are used; nothing is fetched
    net.node_ids = _Ids()
    for node in sorted(graph, key=str):
        attrs = graph.nodes[node]
        record = _node_record(str(node), attrs)
        net.add_node(
            str(node),
            label=_short(record["full"]),
            shape=CLASS_STYLES.get(record["cls"], CLASS_STYLES["Entity"]).shape,
            **record,
        )
    show = bool(graph.graph.get("edge_labels"))
    for source, target, attrs in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        rel = str(attrs.get("rel", ""))
        net.add_edge(
            str(source), str(target), rel=rel, label=rel if show else "", dashes=bool(attrs.get("dashes"))
        )
    keep = {"id", "label", *_node_record("", {}).keys()}
    nodes = [{k: v for k, v in n.items() if k in keep} for n in net.nodes]
    edges = [{k: e[k] for k in ("from", "to", "rel", "label", "dashes")} for e in net.edges]
    counts: dict[str, int] = {}
    for n in nodes:
        counts[n["cls"]] = counts.get(n["cls"], 0) + 1
    legend = [cls for cls in CLASS_STYLES if cls in counts]
    styles = {
        cls: {"name": s.name, "color": s.color, "border": s.border, "shape": s.shape, "glyph": s.glyph}
        for cls, s in CLASS_STYLES.items()
    }
    years = sorted({y for n in nodes for y in n["years"]})
    return {
        "nodes": nodes,
        "edges": edges,
        "classes": styles,
        "legend": legend,
        "counts": counts,
        "years": years,
        "font": FONT_STACK,
    }


def render_html(
    graph: nx.Graph, *, title: str, description: str = "", charts: tuple[tuple[str, str], ...] = ()
) -> str:
    """The whole page as text: vis-network inlined, data escaped, optional charts as (caption, data URI)."""
    js, css = vis_assets()
    chart_html = ""
    if charts:
        figures = "".join(
            f'<figure><img alt="{html.escape(caption)}" src="{html.escape(uri)}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>"
            for caption, uri in charts
            if uri.startswith("data:image/")
        )
        chart_html = f'<section id="pkg-charts"><h2>图表 Charts</h2>{figures}</section>'
    return PAGE_TEMPLATE % {
        "csp": CSP,
        "title": html.escape(title),
        "description": html.escape(description),
        "vis_version": VIS_VERSION,
        "vis_css": css,
        "page_css": PAGE_CSS % {"font": FONT_STACK},
        "charts": chart_html,
        "data": _json(payload(graph)),
        "vis_js": js,
        "app_js": APP_JS,
    }


def write_html(
    graph: nx.Graph,
    path: Path,
    *,
    title: str,
    description: str = "",
    charts: tuple[tuple[str, str], ...] = (),
) -> Path:
    """Write a view as a standalone UTF-8 HTML file (creating its folder); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(graph, title=title, description=description, charts=charts), encoding="utf-8")
    return path
