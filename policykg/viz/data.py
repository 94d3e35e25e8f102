"""The graph as networkx views: typed, labelled, positioned nodes that carry their evidence.

Why a separate layer: the HTML renderer, the charts and the tests must agree on what a view
contains, and that should not depend on a browser.  :func:`fetch` is the only function that
talks to the store (the ``viz_*`` named queries, all parts OPTIONAL so the views fill in as
projects, regions, metrics and responsibilities land in the graph); everything else is pure: the
same rows always give the same nodes, edges and x/y positions.

Node attributes: ``label`` (full text), ``cls`` (Goal, Section, Project, Target, Observation,
Indicator, Region, Actor), ``goal`` (goal code), ``year`` and ``years``, ``doc`` (file name),
``evidence`` (the quoted words), ``source`` (document and character span), ``details`` (extra
``(name, value)`` rows for the tooltip), ``aliases`` (other names), ``x``/``y`` (pixels).
Edge attribute: ``rel`` (partOf, servesGoal, statedIn, measures, touchesRegion, …).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from policykg.errors import PolicyKGError
from policykg.graph.named_queries import load_query
from policykg.graph.store import Store, rows
from policykg.viz import layout

__all__ = [
    "GOAL_ORDER",
    "QUERIES",
    "ViewError",
    "VizData",
    "entity_graph",
    "fetch",
    "find_node",
    "full_graph",
    "goal_graph",
    "overview_graph",
    "region_graph",
    "regions_graph",
    "trace_graph",
]

PKG = "https://w3id.org/policykg/ontology#"
GEO_WITHIN = "http://www.opengis.net/ont/geosparql#sfWithin"
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
    """Run the visualisation queries once; the views below are computed from these rows alone."""
    return VizData({name: rows(store.query(load_query(f"viz_{name}").text)) for name in QUERIES})


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _year(text: str | None) -> int | None:
    return int(text[:4]) if text and text[:4].isdigit() else None


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
        year = _year(row.get("year"))
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
        kind = row.get("kind") or ("target" if row.get("class", "").endswith("Target") else "actual")
        cls = "Target" if kind == "target" or row.get("class", "").endswith("Target") else "Observation"
        name = row.get("indicatorLabel") or _local(row.get("indicator", "")) or "指标"
        value = f"{row.get('value', '')}{row.get('unit', '')}"
        year = _year(row.get("year"))
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
            order=f"4:{row.get('docName', '')}:{int(row.get('start') or 0):08d}",
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
        year = _year(row.get("year"))
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
        year = _year(row.get("year"))
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


def _order(graph: nx.DiGraph) -> Any:
    return lambda node: graph.nodes[node]["order"]


def _tree_parents(graph: nx.DiGraph, nodes: set[str]) -> dict[str, str]:
    """For a tree layout: each node's one parent inside the view (section parent, else goal, else first)."""
    preference = {"partOf": 0, "statedIn": 1, "contributesTo": 2, "servesGoal": 3, "responsibleFor": 4}
    parents = {}
    for node in sorted(nodes, key=_order(graph)):
        if graph.nodes[node]["cls"] in ("Goal", "Region", "Indicator"):
            continue
        options = [
            (preference.get(a["rel"], 9), graph.nodes[t]["order"], t)
            for t, a in graph.adj[node].items()
            if t in nodes and a["rel"] in preference
        ]
        if options:
            parents[node] = min(options)[2]
    return parents


def _children(graph: nx.DiGraph, parents: dict[str, str]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in parents.items():
        children[parent].append(child)
    return {k: sorted(v, key=_order(graph)) for k, v in children.items()}


def _positioned(graph: nx.DiGraph, nodes: Iterable[str], pos: layout.Positions) -> nx.DiGraph:
    view = graph.subgraph(nodes).copy()
    for node, (x, y) in pos.items():
        if node in view:
            view.nodes[node]["x"], view.nodes[node]["y"] = x, y
    return view


def _tree_view(graph: nx.DiGraph, nodes: set[str], roots: list[str], *, radial: bool) -> nx.DiGraph:
    parents = _tree_parents(graph, nodes)
    children = _children(graph, parents)
    tops = roots + sorted(
        (
            n
            for n in nodes
            if n not in parents and n not in roots and graph.nodes[n]["cls"] not in ("Region", "Indicator")
        ),
        key=_order(graph),
    )
    if radial:
        pos = layout.radial_tree(children, tops, ring=200.0, inner=60.0 * max(len(tops), 3))
    else:
        pos = layout.layered_tree(children, tops)
    satellites = sorted((n for n in nodes if n not in pos), key=_order(graph))
    view = graph.subgraph(nodes)
    if radial:
        layout.place_satellites(view, pos, satellites)
    else:
        right = max((x for x, _ in pos.values()), default=0.0) + 320.0
        for i, node in enumerate(satellites):
            pos[node] = (right, round(i * 60.0, 2))
    view = _positioned(graph, nodes, pos)
    redundant = [
        (s, g)
        for s, g, rel in view.edges(data="rel")
        if rel == "servesGoal"
        and parents.get(s) in view
        and view.nodes[parents[s]]["cls"] == "Section"
        and view.nodes[parents[s]]["goal"] == view.nodes[g]["goal"]
    ]
    view.remove_edges_from(redundant)  # implied by the parent section, which serves the same goal
    return view


def _by_cls(graph: nx.DiGraph, *classes: str) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d["cls"] in classes]


def overview_graph(data: VizData, *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """Goals → the sections that serve them → their projects and targets, with the regions touched."""
    graph = graph if graph is not None else full_graph(data)
    goals = sorted(_by_cls(graph, "Goal"), key=_order(graph))
    nodes = set(goals) | {s for s in _by_cls(graph, "Section") if graph.nodes[s]["goal"]}
    for node in _by_cls(graph, "Project", "Target"):
        if any(t in nodes for t in graph.adj[node]):
            nodes.add(node)
    undirected = graph.to_undirected(as_view=True)
    nodes |= {r for r in _by_cls(graph, "Region") if any(n in nodes for n in undirected.neighbors(r))}
    return _tree_view(graph, nodes, goals, radial=True)


def _goal_node(graph: nx.DiGraph, code: str) -> str:
    for node in _by_cls(graph, "Goal"):
        if graph.nodes[node]["goal"].lower() == code.strip().lower():
            return node
    known = ", ".join(sorted(graph.nodes[n]["goal"] for n in _by_cls(graph, "Goal")))
    raise ViewError(f"no goal {code!r}; known goal codes: {known}")


def goal_graph(data: VizData, code: str, *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """One goal with every section under it (directly or through a parent) and what hangs off them."""
    graph = graph if graph is not None else full_graph(data)
    goal = _goal_node(graph, code)
    reverse = graph.reverse(copy=False)
    nodes = {goal} | {n for n in nx.descendants(reverse, goal) if graph.nodes[n]["cls"] != "Region"}
    nodes |= {
        t for n in list(nodes) for t in graph.adj[n] if graph.nodes[t]["cls"] in ("Region", "Indicator")
    }
    nodes |= {
        t
        for n in list(nodes)
        if graph.nodes[n]["cls"] == "Project"
        for t in graph.adj[n]
        if graph.nodes[t]["cls"] == "Region"
    }
    # a layered tree of hundreds of leaves is a thin strip; rings use the screen
    return _tree_view(graph, nodes, [goal], radial=len(nodes) > 60)


def find_node(graph: nx.DiGraph, key: str, *classes: str) -> str:
    """A node by IRI, exact label, alias or goal code (optionally of given classes); ViewError if none."""
    key = key.strip()
    candidates = [n for n, d in graph.nodes(data=True) if not classes or d["cls"] in classes]
    if key in candidates:
        return key
    for test in (
        lambda d: d["label"] == key,
        lambda d: key in d["aliases"],
        lambda d: d["goal"] == key and d["cls"] == "Goal",
        lambda d: key in d["label"],
    ):
        found = sorted((n for n in candidates if test(graph.nodes[n])), key=_order(graph))
        if found:
            return found[0]
    kinds = "/".join(classes) or "node"
    raise ViewError(f"no {kinds} matches {key!r} (give an IRI or a label)")


def region_graph(data: VizData, name: str, *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """A region with its sub-regions, its parent, the projects touching them and sections mentioning them."""
    graph = graph if graph is not None else full_graph(data)
    region = find_node(graph, name, "Region")
    within = nx.DiGraph((u, v) for u, v, rel in graph.edges(data="rel") if rel == "sfWithin")
    inside = {region} | (nx.ancestors(within, region) if region in within else set())
    nodes = set(inside) | {t for t in graph.adj[region] if graph.nodes[t]["cls"] == "Region"}
    reverse = graph.reverse(copy=False)
    for node in inside:
        nodes |= {s for s in reverse.adj[node] if graph.nodes[s]["cls"] in ("Project", "Section")}
    nodes |= {
        t
        for n in list(nodes)
        if graph.nodes[n]["cls"] in ("Project", "Section")
        for t in graph.adj[n]
        if graph.nodes[t]["cls"] == "Goal"
    }
    view = graph.subgraph(nodes)
    return _positioned(graph, nodes, layout.bfs_radial(view, region, key=_order(graph)))


def regions_graph(data: VizData, *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """Every region in its containment tree (geo:sfWithin), with the projects that touch each one."""
    graph = graph if graph is not None else full_graph(data)
    regions = set(_by_cls(graph, "Region"))
    projects = {p for p in _by_cls(graph, "Project") if any(t in regions for t in graph.adj[p])}
    parents = {
        u: v for u, v, rel in graph.edges(data="rel") if rel == "sfWithin" and u in regions and v in regions
    }
    children = _children(graph, parents)
    roots = sorted((r for r in regions if r not in parents), key=_order(graph))
    pos = layout.radial_tree(children, roots, ring=300.0)
    layout.place_satellites(graph.subgraph(regions | projects), pos, sorted(projects, key=_order(graph)))
    return _positioned(graph, regions | projects, pos)


def entity_graph(data: VizData, key: str, *, depth: int = 1, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """The neighbourhood of one node (by IRI or label), one or two links deep."""
    if depth not in (1, 2):
        raise ViewError(f"depth must be 1 or 2, not {depth}")
    graph = graph if graph is not None else full_graph(data)
    centre = find_node(graph, key)
    nodes = set(nx.ego_graph(graph.to_undirected(as_view=True), centre, radius=depth))
    view = graph.subgraph(nodes)
    return _positioned(graph, nodes, layout.bfs_radial(view, centre, key=_order(graph)))


def trace_graph(data: VizData, iris: Sequence[str], *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """A path through the given nodes in order, joined by shortest paths where they are not adjacent."""
    graph = graph if graph is not None else full_graph(data)
    steps = [find_node(graph, iri) for iri in iris if iri.strip()]
    if not steps:
        raise ViewError("a trace needs at least one IRI")
    undirected = graph.to_undirected(as_view=True)
    ordered: list[str] = [steps[0]]
    for a, b in itertools.pairwise(steps):
        try:
            path = nx.shortest_path(undirected, a, b)
        except nx.NetworkXNoPath:
            path = [a, b]
        ordered.extend(n for n in path[1:] if n not in ordered)
    view = graph.subgraph(ordered).copy()
    for a, b in itertools.pairwise(ordered):
        if not (view.has_edge(a, b) or view.has_edge(b, a)):
            view.add_edge(a, b, rel="trace")
    pos = layout.line(ordered)
    return _positioned(view, ordered, pos)
