"""What each view shows: the nodes of the full graph it selects, positioned for drawing.

Each function takes the rows (:class:`~policykg.viz.data.VizData`) and, to share the work between
views of one store, optionally the full graph already built from them; it returns a copy of a
subgraph whose nodes carry ``x``/``y`` pixels.  Hierarchies (the overview, a goal, the regions)
are drawn as trees (:mod:`policykg.viz.trees`), neighbourhoods as rings around their centre and a
trace as a line.  A request for something the graph does not hold raises
:class:`~policykg.viz.data.ViewError`.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import networkx as nx

from policykg.viz import layout
from policykg.viz.data import ViewError, VizData, by_order, full_graph
from policykg.viz.trees import children_in_order, tree_view

__all__ = [
    "entity_graph",
    "find_node",
    "goal_graph",
    "overview_graph",
    "region_graph",
    "regions_graph",
    "trace_graph",
]


def _by_cls(graph: nx.DiGraph, *classes: str) -> list[str]:
    return [n for n, d in graph.nodes(data=True) if d["cls"] in classes]


def overview_graph(data: VizData, *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """Goals → the sections that serve them → their projects and targets, with the regions touched."""
    graph = graph if graph is not None else full_graph(data)
    goals = sorted(_by_cls(graph, "Goal"), key=by_order(graph))
    nodes = set(goals) | {s for s in _by_cls(graph, "Section") if graph.nodes[s]["goal"]}
    for node in _by_cls(graph, "Project", "Target"):
        if any(t in nodes for t in graph.adj[node]):
            nodes.add(node)
    undirected = graph.to_undirected(as_view=True)
    nodes |= {r for r in _by_cls(graph, "Region") if any(n in nodes for n in undirected.neighbors(r))}
    return tree_view(graph, nodes, goals, radial=True)


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
    return tree_view(graph, nodes, [goal], radial=len(nodes) > 60)


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
        found = sorted((n for n in candidates if test(graph.nodes[n])), key=by_order(graph))
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
    return layout.positioned(graph, nodes, layout.bfs_radial(view, region, key=by_order(graph)))


def regions_graph(data: VizData, *, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """Every region in its containment tree (geo:sfWithin), with the projects that touch each one."""
    graph = graph if graph is not None else full_graph(data)
    regions = set(_by_cls(graph, "Region"))
    projects = {p for p in _by_cls(graph, "Project") if any(t in regions for t in graph.adj[p])}
    parents = {
        u: v for u, v, rel in graph.edges(data="rel") if rel == "sfWithin" and u in regions and v in regions
    }
    children = children_in_order(graph, parents)
    roots = sorted((r for r in regions if r not in parents), key=by_order(graph))
    pos = layout.radial_tree(children, roots, ring=300.0)
    layout.place_satellites(graph.subgraph(regions | projects), pos, sorted(projects, key=by_order(graph)))
    return layout.positioned(graph, regions | projects, pos)


def entity_graph(data: VizData, key: str, *, depth: int = 1, graph: nx.DiGraph | None = None) -> nx.DiGraph:
    """The neighbourhood of one node (by IRI or label), one or two links deep."""
    if depth not in (1, 2):
        raise ViewError(f"depth must be 1 or 2, not {depth}")
    graph = graph if graph is not None else full_graph(data)
    centre = find_node(graph, key)
    nodes = set(nx.ego_graph(graph.to_undirected(as_view=True), centre, radius=depth))
    view = graph.subgraph(nodes)
    return layout.positioned(graph, nodes, layout.bfs_radial(view, centre, key=by_order(graph)))


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
    return layout.positioned(view, ordered, pos)
