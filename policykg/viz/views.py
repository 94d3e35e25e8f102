"""The view kinds that the command line, the build and the web app ask for, and the files they become.

:func:`write_views` writes the main views, charts and an ``index.html`` into a folder, and
:func:`write_view` writes one view by kind and target.  This module only dispatches: the graph and
the views' nodes come from :mod:`.data` and :mod:`.subgraphs`, pages from :mod:`.network`, charts
from :mod:`.charts` and the class diagram from :mod:`.ontology`.  Those import networkx, pyvis and
matplotlib, so they are imported inside the functions here, never when ``policykg.viz`` is
imported: commands that do not draw start fast.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from policykg.errors import PolicyKGError

if TYPE_CHECKING:
    from policykg.graph.store import Store

__all__ = ["DEFAULT_KINDS", "VIEW_KINDS", "write_view", "write_views"]

DEFAULT_KINDS = ("overview", "goals", "regions", "charts", "ontology")
VIEW_KINDS = (
    "overview", "goal", "region", "entity", "trace", "ontology",
    "chart-targets", "chart-goals", "chart-regions",
)  # fmt: skip
_CHART_CAPTIONS = {
    "goals": "目标覆盖 Goal coverage",
    "regions": "盟市提及 Mentions per league and city",
    "targets": "目标与实际 Targets and actuals",
}


def _fail(message: str) -> PolicyKGError:
    from policykg.viz.data import ViewError  # imported here: policykg.viz.data loads networkx

    return ViewError(message)


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "_", text).strip("_") or "view"


def _embedded_charts(data: Any, graph: Any) -> tuple[tuple[str, str], ...]:
    from policykg.viz.charts import chart_data_uri

    return tuple(
        (caption, chart_data_uri(kind, data, graph=graph)) for kind, caption in _CHART_CAPTIONS.items()
    )


def _overview(data: Any, graph: Any, path: Path) -> Path:
    from policykg.viz.network import write_html
    from policykg.viz.subgraphs import overview_graph

    return write_html(
        overview_graph(data, graph=graph),
        path,
        title="policykg 总览 Overview",
        description="战略目标 → 任务章节 → 项目、目标值与地区。Goals → sections → projects, targets and "
        "regions; hover for the evidence, click for neighbours.",
        charts=_embedded_charts(data, graph),
    )


def _index(paths: Sequence[Path], out_dir: Path) -> Path:
    from policykg.viz.page import CSP

    items = "".join(
        f'<li><a href="{html.escape(quote(p.relative_to(out_dir).as_posix()))}">'
        f"{html.escape(p.relative_to(out_dir).as_posix())}</a></li>"
        for p in paths
    )
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        "<title>policykg 视图 Views</title></head><body><h1>policykg 视图 Views</h1>"
        f"<ul>{items}</ul></body></html>\n"
    )
    path = out_dir / "index.html"
    path.write_text(page, encoding="utf-8")
    return path


def write_views(store: Store, out_dir: Path, *, kinds: Sequence[str] = DEFAULT_KINDS) -> list[Path]:
    """Write the main views and charts into ``out_dir`` (plus an ``index.html``); returns the paths written.

    kinds: ``overview`` (overview.html with charts), ``goals`` (goal-CODE.html per goal), ``regions``
    (regions.html and region-NAME.html per league or city), ``charts`` (chart-*.png and .svg),
    ``ontology`` (ontology.html).
    """
    from policykg.viz.charts import CHARTS, write_chart
    from policykg.viz.data import fetch, full_graph
    from policykg.viz.network import write_html
    from policykg.viz.ontology import write_ontology_html
    from policykg.viz.subgraphs import goal_graph, region_graph, regions_graph

    unknown = sorted(set(kinds) - set(DEFAULT_KINDS))
    if unknown:
        raise _fail(f"unknown view kind(s) {', '.join(unknown)}; choose from {', '.join(DEFAULT_KINDS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = fetch(store)
    graph = full_graph(data)
    written: list[Path] = []
    if "overview" in kinds:
        written.append(_overview(data, graph, out_dir / "overview.html"))
    if "goals" in kinds:
        goals = sorted((d["order"], d["goal"]) for _, d in graph.nodes(data=True) if d["cls"] == "Goal")
        for _, code in goals:
            view = goal_graph(data, code, graph=graph)
            label = graph.nodes[next(n for n in view if graph.nodes[n]["cls"] == "Goal")]["label"]
            title = f"目标 Goal {label}"
            written.append(write_html(view, out_dir / f"goal-{_safe_name(code)}.html", title=title))
    if "regions" in kinds:
        written.append(
            write_html(regions_graph(data, graph=graph), out_dir / "regions.html", title="地区 Regions")
        )
        cities = sorted(
            (d["label"], n)
            for n, d in graph.nodes(data=True)
            if d["cls"] == "Region" and d.get("level") == "league_city"
        )
        for name, node in cities:
            view = region_graph(data, node, graph=graph)
            written.append(
                write_html(view, out_dir / f"region-{_safe_name(name)}.html", title=f"地区 Region {name}")
            )
    if "charts" in kinds:
        for kind in CHARTS:
            for suffix in ("png", "svg"):
                written.append(write_chart(kind, data, out_dir / f"chart-{kind}.{suffix}", graph=graph))
    if "ontology" in kinds:
        written.append(write_ontology_html(out_dir / "ontology.html"))
    written.append(_index(written, out_dir))
    return written


def write_view(store: Store, kind: str, out_path: Path, *, target: str | None = None, depth: int = 1) -> Path:
    """Write one view to ``out_path`` and return it.

    kind: ``overview``; ``goal`` (target = goal code such as P3); ``region`` (target = name);
    ``entity`` (target = IRI or label, ``depth`` 1 or 2); ``trace`` (target = comma-separated IRIs);
    ``ontology``; ``chart-targets``, ``chart-goals``, ``chart-regions`` (.png or .svg by suffix).
    """
    if kind not in VIEW_KINDS:
        raise _fail(f"unknown view {kind!r}; choose from {', '.join(VIEW_KINDS)}")
    out_path = Path(out_path)
    if kind == "ontology":
        from policykg.viz.ontology import write_ontology_html

        return write_ontology_html(out_path)
    from policykg.viz import subgraphs
    from policykg.viz.data import fetch, full_graph
    from policykg.viz.network import write_html

    data = fetch(store)
    graph = full_graph(data)
    if kind.startswith("chart-"):
        from policykg.viz.charts import write_chart

        if out_path.suffix.lower() not in (".png", ".svg"):
            raise _fail(f"{out_path}: a chart is written as .png or .svg")
        return write_chart(kind.removeprefix("chart-"), data, out_path, graph=graph)
    if kind == "overview":
        return _overview(data, graph, out_path)
    if not target or not target.strip():
        raise _fail(f"the {kind} view needs a target")
    if kind == "goal":
        view, title = subgraphs.goal_graph(data, target, graph=graph), f"目标 Goal {target}"
    elif kind == "region":
        view, title = subgraphs.region_graph(data, target, graph=graph), f"地区 Region {target}"
    elif kind == "entity":
        view = subgraphs.entity_graph(data, target, depth=depth, graph=graph)
        title = f"邻域 Neighbourhood of {graph.nodes[subgraphs.find_node(graph, target)]['label']}"
    else:
        view = subgraphs.trace_graph(data, [t.strip() for t in target.split(",")], graph=graph)
        title = "追溯 Trace"
    return write_html(view, out_path, title=title)
