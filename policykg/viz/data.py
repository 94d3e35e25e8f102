"""The rows of the ``viz_*`` named queries, shaped into one typed networkx graph of the whole store.

Why a separate layer: the HTML views, the charts and the tests must agree on what the graph holds,
and that should not depend on a browser.  :func:`fetch` is the only function that talks to the
store (all parts of the queries are OPTIONAL, so the graph fills in as projects, regions, metrics
and responsibilities land in the store); :func:`full_graph` is pure: the same rows always give the
same nodes and edges.  Each view is then a positioned subgraph of it (:mod:`policykg.viz.subgraphs`).
:class:`ViewError` lives here, at the bottom of the package, so that the views and the code that
dispatches them (:mod:`policykg.viz.views`) can both raise it without importing each other.

Node attributes: ``label`` (full text), ``cls`` (Goal, Section, Project, Target, Observation,
Indicator, Region, Actor), ``goal`` (goal code), ``year`` and ``years``, ``doc`` (file name),
``evidence`` (the quoted words), ``source`` (document and character span), ``details`` (extra
``(name, value)`` rows for the tooltip), ``aliases`` (other names), ``order`` (the sort key that
keeps every listing and layout stable, see :func:`by_order`).  Edge attribute: ``rel`` (partOf,
servesGoal, statedIn, measures, touchesRegion, …).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from policykg.errors import PolicyKGError
from policykg.graph.named_queries import load_query
from policykg.graph.store import Store, rows

__all__ = [
    "GOAL_ORDER",
    "QUERIES",
    "ViewError",
    "VizData",
    "by_order",
    "fetch",
    "full_graph",
    "metric_kind",
    "year_of",
]

QUERIES = ("goals", "sections", "metrics", "entities", "links", "mentions", "responsibilities")
GOAL_ORDER = ("M", "P1", "P2", "P3", "P4", "P5", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "L")
_LINK_RELS = {"touchesRegion", "servesGoal", "contributesTo", "sfWithin"}


class ViewError(PolicyKGError):
    """A view asked for something the graph does not hold: an unknown goal, region or entity."""

    exit_code = 2


@dataclass(frozen=True)
class VizData:
    """The rows of the ``viz_*`` named queries, by short name (``goals``, ``sections``, …)."""

    rows: dict[str, list[dict[str, str]]]

    def __getitem__(self, name: str) -> list[dict[str, str]]:
        return self.rows.get(name, [])


def fetch(store: Store) -> VizData:
    """Run the visualisation queries once; the graph and every view are computed from these rows alone."""
    return VizData({name: rows(store.query(load_query(f"viz_{name}").text)) for name in QUERIES})


def by_order(graph: nx.DiGraph) -> Callable[[Any], Any]:
    """The sort key of the graph's nodes: goals in scheme order, sections in document order, then
    entities and indicators by name, metrics by position, actors (the ``order`` attribute)."""
    return lambda node: graph.nodes[node]["order"]


def year_of(text: str | None) -> int | None:
    """The year a date or ``xsd:gYear`` value starts with, or None."""
    return int(text[:4]) if text and text[:4].isdigit() else None


def metric_kind(row: dict[str, str]) -> str:
    """A metric row's stated kind; if none, ``target`` for a pkg:Target and ``actual`` otherwise."""
    return row.get("kind") or ("target" if row.get("class", "").endswith("Target") else "actual")


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _source(row: dict[str, str]) -> str:
    if not row.get("docName"):
        return ""
    doc = f"{row['docTitle']}（{row['docName']}）" if row.get("docTitle") else row["docName"]
    span = f" 字符 {row['start']}–{row['end']}" if row.get("start") and row.get("end") else ""
    return doc + span


def _node(graph: nx.DiGraph, iri: str, **attrs: Any) -> None:
    if iri in graph:
        graph.nodes[iri].update({k: v for k, v in attrs.items() if v not in (None, "", [], ())})
        return
    base: dict[str, Any] = {
        "label": _local(iri),
        "cls": "Entity",
        "goal": "",
        "year": None,
        "years": [],
        "doc": "",
        "evidence": "",
        "source": "",
        "details": [],
        "aliases": [],
        "order": iri,
    }
    base.update({k: v for k, v in attrs.items() if v is not None})
    graph.add_node(iri, **base)


def _edge(graph: nx.DiGraph, source: str, target: str, rel: str) -> None:
    if source in graph and target in graph and source != target and not graph.has_edge(source, target):
        graph.add_edge(source, target, rel=rel)


def _add_goals(graph: nx.DiGraph, data: VizData) -> None:
    for row in data["goals"]:
        code = row["code"]
        details = [("English", row.get("labelEn", "")), ("类型 class", _local(row.get("class", "")))]
        _node(
            graph,
            row["goal"],
            label=f"{code} {row.get('label', '')}".strip(),
            cls="Goal",
            goal=code,
            details=[d for d in details if d[1]],
            order=f"0:{GOAL_ORDER.index(code) if code in GOAL_ORDER else 99:02d}:{code}",
            aliases=[row["labelEn"]] if row.get("labelEn") else [],
        )


def _add_sections(graph: nx.DiGraph, data: VizData) -> None:
    parents: dict[str, str] = {}
    for row in data["sections"]:
        year = year_of(row.get("year"))
        _node(
            graph,
            row["section"],
            label=row["title"],
            cls="Section",
            year=year,
            years=[year] if year else [],
            doc=row["docName"],
            evidence=row.get("quote", ""),
            source=_source(row),
            details=[("层级 level", row.get("level", ""))],
            order=f"1:{row['docName']}:{int(row.get('sequence') or 0):06d}",
        )
        if row.get("parent"):
            parents[row["section"]] = row["parent"]
        if row.get("goal"):
            _edge(graph, row["section"], row["goal"], "servesGoal")
    for child, parent in parents.items():
        _edge(graph, child, parent, "partOf")
    for section in [n for n, d in graph.nodes(data=True) if d["cls"] == "Section"]:
        graph.nodes[section]["goal"] = ",".join(_section_goals(graph, section)[:1])


def _section_goals(graph: nx.DiGraph, section: str) -> list[str]:
    """The goal codes a section reaches through its own goal and its ancestors', nearest first."""
    codes: list[str] = []
    node: str | None = section
    seen: set[str] = set()
    while node and node not in seen:
        seen.add(node)
        parent = None
        for target, attrs in graph.adj[node].items():
            if attrs["rel"] == "servesGoal" and graph.nodes[target]["goal"] not in codes:
                codes.append(graph.nodes[target]["goal"])
            elif attrs["rel"] == "partOf":
                parent = target
        node = parent
    return codes


def _add_entities(graph: nx.DiGraph, data: VizData) -> None:
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in data["entities"]:
        cls = _local(row["class"])
        details = [("项目类型 type", row.get("type", "")), ("行政层级 level", row.get("level", ""))]
        _node(
            graph,
            row["entity"],
            label=row.get("label") or _local(row["entity"]),
            cls=cls,
            details=[d for d in details if d[1]],
            order=f"2:{row.get('label', row['entity'])}",
        )
        graph.nodes[row["entity"]].setdefault("level", row.get("level", ""))
        if row.get("alias"):
            aliases[row["entity"]].add(row["alias"])
    for iri, names in aliases.items():
        graph.nodes[iri]["aliases"] = sorted(names)
        graph.nodes[iri]["details"] = [
            *graph.nodes[iri]["details"],
            ("别名 aliases", "、".join(sorted(names))),
        ]


def _add_metrics(graph: nx.DiGraph, data: VizData) -> None:
    for row in data["metrics"]:
        kind = metric_kind(row)
        cls = "Target" if kind == "target" or row.get("class", "").endswith("Target") else "Observation"
        name = row.get("indicatorLabel") or _local(row.get("indicator", "")) or "指标"
        value = f"{row.get('value', '')}{row.get('unit', '')}"
        year = year_of(row.get("year"))
        if row.get("indicator"):
            _node(graph, row["indicator"], label=name, cls="Indicator", order=f"3:{name}")
        details = [
            ("指标 indicator", name),
            ("数值 value", value),
            ("时期 period", row.get("period", "")),
            ("类别 kind", kind),
        ]
        _node(
            graph,
            row["metric"],
            label=f"{name} {value}".strip(),
            cls=cls,
            year=year,
            years=[year] if year else [],
            doc=row.get("docName", ""),
            evidence=row.get("quote", ""),
            source=_source(row),
            details=[d for d in details if d[1]],
            # the IRI breaks ties between figures at one offset, so layouts do not follow hash order
            order=f"4:{row.get('docName', '')}:{int(row.get('start') or 0):08d}:{row['metric']}",
        )
        if row.get("section"):
            _edge(graph, row["metric"], row["section"], "statedIn")
            graph.nodes[row["metric"]]["goal"] = graph.nodes.get(row["section"], {}).get("goal", "")
        if row.get("indicator"):
            _edge(graph, row["metric"], row["indicator"], "measures")


def _add_links_and_mentions(graph: nx.DiGraph, data: VizData) -> None:
    for row in data["links"]:
        rel = _local(row["rel"])
        if rel in _LINK_RELS and row["target"] in graph:
            if rel == "contributesTo" and graph.nodes[row["target"]]["cls"] != "Section":
                continue
            _edge(graph, row["source"], row["target"], rel)
    first: dict[str, dict[str, str]] = {}
    for row in data["mentions"]:
        entity = row["entity"]
        if entity not in graph:
            continue
        attrs = graph.nodes[entity]
        year = year_of(row.get("year"))
        if year and year not in attrs["years"]:
            attrs["years"] = sorted([*attrs["years"], year])
        attrs["mentions"] = attrs.get("mentions", 0) + 1
        first.setdefault(entity, row)
        if row.get("section") in graph:
            _edge(graph, row["section"], entity, "mentions")
    for entity, row in first.items():
        graph.nodes[entity].update(
            evidence=row.get("quote", ""), source=_source(row), doc=row.get("docName", "")
        )
    for node, attrs in graph.nodes(data=True):
        if attrs["cls"] == "Project" and not attrs["goal"]:
            goals = [
                graph.nodes[t]["goal"]
                for t in graph.adj[node]
                if graph.nodes[t]["cls"] in ("Goal", "Section")
            ]
            attrs["goal"] = next((g for g in goals if g), "")
        if attrs["years"] and attrs["year"] is None:
            attrs["year"] = attrs["years"][0]


def _add_responsibilities(graph: nx.DiGraph, data: VizData) -> None:
    for row in data["responsibilities"]:
        actor = row["actor"]
        _node(graph, actor, cls="Actor", order=f"5:{actor}")
        attrs = graph.nodes[actor]
        if attrs["cls"] == "Entity":
            attrs["cls"] = "Actor"
        if not attrs["evidence"]:
            attrs.update(evidence=row.get("quote", ""), source=_source(row), doc=row.get("docName", ""))
        year = year_of(row.get("year"))
        if year and year not in attrs["years"]:
            attrs["years"] = sorted([*attrs["years"], year])
            attrs["year"] = attrs["years"][0]
        if row.get("section") in graph:
            _edge(graph, actor, row["section"], "responsibleFor")


def full_graph(data: VizData) -> nx.DiGraph:
    """Every goal, section, metric, indicator, project, region and actor with the links between them."""
    graph = nx.DiGraph()
    _add_goals(graph, data)
    _add_sections(graph, data)
    _add_entities(graph, data)
    _add_metrics(graph, data)
    _add_links_and_mentions(graph, data)
    _add_responsibilities(graph, data)
    return graph
