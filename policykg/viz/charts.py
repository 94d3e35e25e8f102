"""Charts of the graph — targets against actuals, goal coverage, mentions per 盟市 — as PNG or SVG.

Drawn with matplotlib's object API (``Figure``, Agg canvas, no pyplot global state), so charts can
be made in any process and thread without a display.  Chinese labels need a CJK font: the first
one matplotlib can find is used (Debian: ``fonts-noto-cjk`` or ``fonts-wqy-zenhei``); without one
the charts still render, with missing-glyph boxes, and without warnings.  SVG text is drawn as
paths, so a chart looks the same everywhere and carries no text to interpret; charts embed in the
HTML views as ``data:`` URIs, never as references to other files.
"""

from __future__ import annotations

import base64
import io
import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx

from policykg.viz.data import VizData, full_graph, metric_kind, year_of

__all__ = [
    "CHARTS",
    "CJK_FAMILIES",
    "chart_data_uri",
    "cjk_font",
    "goal_coverage",
    "indicator_series",
    "region_mentions",
    "render_chart",
    "write_chart",
]

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
)
_CJK_FILE = re.compile(r"cjk|wqy|wenquanyi|droidsansfallback|sourcehan|notosanssc|simhei|msyh|pingfang", re.I)
_KIND_STYLE = {
    "target": ("#00798c", "--", "^", "目标 target"),
    "actual": ("#d1495b", "-", "o", "实际 actual"),
}
_MAX_INDICATORS = 12


@cache
def cjk_font() -> str | None:
    """The family name of an installed CJK font matplotlib can use, or None."""
    from matplotlib import font_manager

    def known() -> str | None:
        names = {f.name for f in font_manager.fontManager.ttflist}
        return next((family for family in CJK_FAMILIES if family in names), None)

    if found := known():
        return found
    # fonts installed after matplotlib cached its font list are not in it yet; "ttf" also finds .otf
    # and .ttc files (matplotlib.font_manager.get_fontext_synonyms)
    for path in sorted(font_manager.findSystemFonts(fontext="ttf")):
        if _CJK_FILE.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    return known()


@contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    family = [f for f in (cjk_font(), "DejaVu Sans") if f]
    settings = matplotlib.rc_context(  # a literal here is checked against matplotlib's rc names
        {
            "font.family": family,
            "svg.fonttype": "path",
            "svg.hashsalt": "policykg",
            "axes.unicode_minus": False,
        }
    )
    with settings, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from", category=UserWarning)
        yield


def _year_of(period: str, fallback: str | None) -> int | None:
    """The year of a single-year statement; spans (累计, 年均, 十四五) are not points of a yearly series."""
    if period and re.fullmatch(r"(?:19|20)\d\d", period):
        return int(period)
    if period:
        return None
    return year_of(fallback)


def indicator_series(data: VizData) -> dict[tuple[str, str], list[tuple[int, str, float]]]:
    """(indicator, unit) → sorted (year, kind, value) points; kind is ``target`` or ``actual``."""
    series: dict[tuple[str, str], set[tuple[int, str, float]]] = defaultdict(set)
    for row in data["metrics"]:
        try:
            value = float(row["value"])
        except (KeyError, ValueError):
            continue
        kind = "target" if metric_kind(row) == "target" else "actual"
        year = _year_of(row.get("period", ""), row.get("year"))
        name = row.get("indicatorLabel") or row.get("indicator", "").rsplit("/", 1)[-1]
        if year and name:
            series[(name, row.get("unit", ""))].add((year, kind, value))
    return {key: sorted(points) for key, points in sorted(series.items())}


def goal_coverage(graph: nx.DiGraph) -> list[tuple[str, str, dict[str, int]]]:
    """For each goal: code, label and how many sections, projects and targets reach it."""
    reverse = graph.reverse(copy=False)
    result = []
    goals = sorted(
        (n for n, d in graph.nodes(data=True) if d["cls"] == "Goal"), key=lambda n: graph.nodes[n]["order"]
    )
    for goal in goals:
        below = nx.descendants(reverse, goal)
        counts = {
            cls: sum(1 for n in below if graph.nodes[n]["cls"] == cls)
            for cls in ("Section", "Project", "Target")
        }
        result.append((graph.nodes[goal]["goal"], graph.nodes[goal]["label"], counts))
    return result


def region_mentions(graph: nx.DiGraph) -> list[tuple[str, int, int]]:
    """Per league or city (level league_city): name, direct mentions, mentions of places within it."""
    within = nx.DiGraph((u, v) for u, v, rel in graph.edges(data="rel") if rel == "sfWithin")
    result = []
    for node, attrs in graph.nodes(data=True):
        if attrs["cls"] != "Region" or attrs.get("level") != "league_city":
            continue
        inner = nx.ancestors(within, node) if node in within else set()
        result.append(
            (attrs["label"], attrs.get("mentions", 0), sum(graph.nodes[n].get("mentions", 0) for n in inner))
        )
    return sorted(result, key=lambda r: (-(r[1] + r[2]), r[0]))


def _empty(ax: Any, title: str) -> None:
    ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        "暂无数据 no data yet",
        ha="center",
        va="center",
        fontsize=14,
        color="#777",
        transform=ax.transAxes,
    )
    ax.set_axis_off()


def _targets_figure(data: VizData, graph: nx.DiGraph) -> Any:
    from matplotlib.figure import Figure

    series = indicator_series(data)
    ranked = sorted(series.items(), key=lambda kv: (-len({p[0] for p in kv[1]}), -len(kv[1]), kv[0]))
    chosen = [kv for kv in ranked if len(kv[1]) > 1][:_MAX_INDICATORS] or ranked[:_MAX_INDICATORS]
    if not chosen:
        fig = Figure(figsize=(8, 3), layout="constrained")
        _empty(fig.subplots(), "目标与实际 Targets and actuals")
        return fig
    cols = min(3, len(chosen))
    rows = -(-len(chosen) // cols)
    fig = Figure(figsize=(4.4 * cols, 3.0 * rows), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, ((name, unit), points) in zip(axes, chosen, strict=False):
        for kind, (colour, line, marker, label) in _KIND_STYLE.items():
            pts = sorted((y, v) for y, k, v in points if k == kind)
            if pts:
                ax.plot(
                    [p[0] for p in pts], [p[1] for p in pts], line, marker=marker, color=colour, label=label
                )
        ax.set_title(f"{name}（{unit}）" if unit else name, fontsize=10)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    for ax in axes[len(chosen) :]:
        ax.set_axis_off()
    fig.suptitle("目标与实际 Targets and actuals by year")
    return fig


def _goals_figure(data: VizData, graph: nx.DiGraph) -> Any:
    from matplotlib.figure import Figure

    coverage = goal_coverage(graph)
    fig = Figure(figsize=(9, 0.45 * max(len(coverage), 4) + 1.2), layout="constrained")
    ax = fig.subplots()
    if not coverage:
        _empty(ax, "目标覆盖 Goal coverage")
        return fig
    labels = [label for _, label, _ in coverage][::-1]
    height = 0.27
    for i, (cls, colour, name) in enumerate(
        (
            ("Section", "#3b75af", "章节 sections"),
            ("Project", "#edae49", "项目 projects"),
            ("Target", "#00798c", "目标值 targets"),
        )
    ):
        values = [counts[cls] for _, _, counts in coverage][::-1]
        ax.barh([y + (1 - i) * height for y in range(len(labels))], values, height, color=colour, label=name)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    ax.set_xlabel("数量 count")
    ax.set_title("目标覆盖 Goal coverage: sections, projects and targets per goal")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return fig


def _regions_figure(data: VizData, graph: nx.DiGraph) -> Any:
    from matplotlib.figure import Figure

    counts = region_mentions(graph)
    fig = Figure(figsize=(9, 4.5), layout="constrained")
    ax = fig.subplots()
    if not counts:
        _empty(ax, "盟市提及 Mentions per league and city")
        return fig
    names = [c[0] for c in counts]
    ax.bar(names, [c[1] for c in counts], color="#a0522d", label="直接 direct")
    ax.bar(
        names, [c[2] for c in counts], bottom=[c[1] for c in counts], color="#e0a27a", label="所辖地区 within"
    )
    ax.set_ylabel("提及次数 mentions")
    ax.set_title("盟市提及 Mentions per league and city (盟市)")
    ax.tick_params(axis="x", labelrotation=45, labelsize=9)
    ax.legend()
    ax.grid(axis="y", alpha=0.3)
    return fig


CHARTS: dict[str, Callable[[VizData, nx.DiGraph], Any]] = {
    "targets": _targets_figure,
    "goals": _goals_figure,
    "regions": _regions_figure,
}


def render_chart(kind: str, data: VizData, fmt: str = "svg", *, graph: nx.DiGraph | None = None) -> bytes:
    """One chart (``targets``, ``goals`` or ``regions``) as PNG or SVG bytes; same data, same bytes."""
    if kind not in CHARTS:
        raise ValueError(f"unknown chart {kind!r}; choose one of {', '.join(CHARTS)}")
    if fmt not in ("png", "svg"):
        raise ValueError(f"a chart is written as png or svg, not {fmt!r}")
    graph = graph if graph is not None else full_graph(data)
    buffer = io.BytesIO()
    with _style():
        fig = CHARTS[kind](data, graph)
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(buffer, format=fmt, dpi=120, metadata=metadata)
    return buffer.getvalue()


def write_chart(kind: str, data: VizData, path: Path, *, graph: nx.DiGraph | None = None) -> Path:
    """Write a chart to ``path``; its suffix (.png or .svg) chooses the format."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_chart(kind, data, path.suffix.lower().lstrip(".") or "svg", graph=graph))
    return path


def chart_data_uri(kind: str, data: VizData, fmt: str = "svg", *, graph: nx.DiGraph | None = None) -> str:
    """A chart as a ``data:`` URI, to embed in an HTML view without a second file."""
    mime = "image/svg+xml" if fmt == "svg" else "image/png"
    encoded = base64.b64encode(render_chart(kind, data, fmt, graph=graph)).decode("ascii")
    return f"data:{mime};base64,{encoded}"
