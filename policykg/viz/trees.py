"""A view's nodes as a tree to draw: the one parent each node hangs from, and the tree's positions.

The full graph is not a tree: a project both serves a goal and contributes to a section, and a
section serves a goal and is part of a section that serves it too.  A tree layout needs exactly one
parent per node, so this module chooses it (the section a node is part of or stated in first, its
goal last), orders the children as the documents do, places the forest with :mod:`.layout` and
drops the edges the tree makes redundant.  Which nodes a view holds is decided by
:mod:`policykg.viz.subgraphs`; how positions are computed, by :mod:`policykg.viz.layout`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import networkx as nx

from policykg.viz import layout
from policykg.viz.data import by_order

__all__ = ["children_in_order", "tree_parents", "tree_view"]

# which edge a node hangs from when it has several inside a view: lowest first
_PARENT_PREFERENCE = {"partOf": 0, "statedIn": 1, "contributesTo": 2, "servesGoal": 3, "responsibleFor": 4}


def tree_parents(graph: nx.DiGraph, nodes: set[str]) -> dict[str, str]:
    """For a tree layout: each node's one parent inside the view (section parent, else goal, else first)."""
    parents: dict[str, str] = {}
    for node in sorted(nodes, key=by_order(graph)):
        if graph.nodes[node]["cls"] in ("Goal", "Region", "Indicator"):
            continue
        options = [
            (_PARENT_PREFERENCE.get(a["rel"], 9), graph.nodes[t]["order"], t)
            for t, a in graph.adj[node].items()
            if t in nodes and a["rel"] in _PARENT_PREFERENCE
        ]
        if options:
            parents[node] = min(options)[2]
    return parents


def children_in_order(graph: nx.DiGraph, parents: Mapping[str, str]) -> dict[str, list[str]]:
    """Invert a child → parent map: each parent's children, sorted by :func:`~policykg.viz.data.by_order`."""
    children: dict[str, list[str]] = defaultdict(list)
    for child, parent in parents.items():
        children[parent].append(child)
    return {k: sorted(v, key=by_order(graph)) for k, v in children.items()}


def tree_view(graph: nx.DiGraph, nodes: set[str], roots: list[str], *, radial: bool) -> nx.DiGraph:
    """The subgraph on ``nodes`` laid out as a forest from ``roots`` (rings if ``radial``, else columns).

    Nodes without a parent in the view (regions, indicators) are placed beside the tree, and a
    ``servesGoal`` edge is dropped where the node's parent section already serves that goal.
    """
    parents = tree_parents(graph, nodes)
    children = children_in_order(graph, parents)
    tops = roots + sorted(
        (
            n
            for n in nodes
            if n not in parents and n not in roots and graph.nodes[n]["cls"] not in ("Region", "Indicator")
        ),
        key=by_order(graph),
    )
    if radial:
        pos = layout.radial_tree(children, tops, ring=200.0, inner=60.0 * max(len(tops), 3))
    else:
        pos = layout.layered_tree(children, tops)
    satellites = sorted((n for n in nodes if n not in pos), key=by_order(graph))
    if radial:
        layout.place_satellites(graph.subgraph(nodes), pos, satellites)
    else:
        right = max((x for x, _ in pos.values()), default=0.0) + 320.0
        for i, node in enumerate(satellites):
            pos[node] = (right, round(i * 60.0, 2))
    view = layout.positioned(graph, nodes, pos)
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
