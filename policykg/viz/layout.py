"""Deterministic node positions, computed once in Python so the browser draws with physics off.

Force simulation in the browser is what makes large vis-network pages slow and jittery, and its
result changes on every load.  Here trees (goal → section → project) get a radial or layered
layout computed from leaf counts, other graphs a breadth-first radial layout around a centre or a
seeded networkx spring layout; the same graph always gets the same coordinates (in pixels), which
:func:`positioned` writes onto a copy of the subgraph as the ``x`` and ``y`` node attributes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

import networkx as nx

__all__ = [
    "Positions",
    "bfs_radial",
    "bfs_tree_children",
    "layered_tree",
    "line",
    "place_satellites",
    "positioned",
    "radial_tree",
    "spring",
]

N = TypeVar("N", bound=Hashable)
Positions = dict[N, tuple[float, float]]  # node → (x, y) in pixels; ``Positions[str]`` for IRIs

_MIN_SEPARATION = 26.0  # pixels between neighbouring leaves on the outer ring or column


def _leaf_counts(children: Mapping[N, Sequence[N]], roots: Iterable[N]) -> dict[N, int]:
    counts: dict[N, int] = {}
    for root in roots:
        stack: list[tuple[N, bool]] = [(root, False)]
        while stack:
            node, done = stack.pop()
            kids = children.get(node, ())
            if done or not kids:
                counts[node] = max(1, sum(counts[k] for k in kids)) if kids else 1
                continue
            stack.append((node, True))
            stack.extend((k, False) for k in kids)
    return counts


def _depths(children: Mapping[N, Sequence[N]], roots: Iterable[N]) -> dict[N, int]:
    depth: dict[N, int] = {}
    queue = [(root, 0) for root in roots]
    while queue:
        node, d = queue.pop()
        depth[node] = d
        queue.extend((k, d + 1) for k in children.get(node, ()))
    return depth


def radial_tree(
    children: Mapping[N, Sequence[N]],
    roots: Sequence[N],
    *,
    ring: float = 220.0,
    inner: float = 0.0,
) -> Positions[N]:
    """A forest on concentric rings (roots at radius ``inner``, or ``ring`` when ``inner`` is 0):
    each subtree gets an angle in proportion to its leaves."""
    counts = _leaf_counts(children, roots)
    depths = _depths(children, roots)
    total = sum(counts[r] for r in roots) or 1
    deepest = max(depths.values(), default=0)
    ring = max(ring, (_MIN_SEPARATION * total / (2 * math.pi) - inner) / max(deepest, 1))
    inner = inner or (ring if len(roots) > 1 else 0.0)
    pos: Positions[N] = {}
    stack: list[tuple[N, float, float]] = []
    floor = total / (1.5 * len(roots)) if roots else 0  # small trees still get room for their label
    weights = {root: max(counts[root], floor) for root in roots}
    start = -math.pi / 2
    for root in roots:
        span = 2 * math.pi * weights[root] / sum(weights.values())
        stack.append((root, start, span))
        start += span
    while stack:
        node, begin, span = stack.pop()
        radius = inner + depths[node] * ring
        angle = begin + span / 2
        pos[node] = (round(radius * math.cos(angle), 2), round(radius * math.sin(angle), 2))
        kids = children.get(node, ())
        below = sum(counts[k] for k in kids) or 1
        offset = begin
        for kid in kids:
            part = span * counts[kid] / below
            stack.append((kid, offset, part))
            offset += part
    return pos


def layered_tree(
    children: Mapping[N, Sequence[N]],
    roots: Sequence[N],
    *,
    column: float = 320.0,
    row: float = _MIN_SEPARATION * 2.2,
) -> Positions[N]:
    """A forest from left to right: depth gives the column, leaves are stacked top to bottom."""
    counts = _leaf_counts(children, roots)
    depths = _depths(children, roots)
    pos: Positions[N] = {}
    stack: list[tuple[N, float]] = []
    top = 0.0
    for root in roots:
        stack.append((root, top))
        top += counts[root] * row
    while stack:
        node, begin = stack.pop()
        pos[node] = (round(depths[node] * column, 2), round(begin + (counts[node] - 1) * row / 2, 2))
        offset = begin
        for kid in children.get(node, ()):
            stack.append((kid, offset))
            offset += counts[kid] * row
    return pos


def bfs_tree_children(
    graph: nx.Graph, centre: Hashable, key: Callable[[Hashable], str] = str
) -> dict[Hashable, list[Hashable]]:
    """The breadth-first spanning tree of a graph (edges read both ways) from a centre, children sorted."""
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    children: dict[Hashable, list[Hashable]] = {}
    seen = {centre}
    frontier = [centre]
    while frontier:
        following = []
        for node in frontier:
            kids = sorted((n for n in undirected.neighbors(node) if n not in seen), key=key)
            seen.update(kids)
            children[node] = kids
            following.extend(kids)
        frontier = following
    return children


def bfs_radial(
    graph: nx.Graph, centre: Hashable, key: Callable[[Hashable], str] = str
) -> Positions[Hashable]:
    """Rings by hop distance around a centre; nodes not connected to it go on an outer ring."""
    children = bfs_tree_children(graph, centre, key)
    pos = radial_tree(children, [centre])
    rest = sorted((n for n in graph if n not in pos), key=key)
    if rest:
        radius = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + 260.0
        for i, node in enumerate(rest):
            angle = 2 * math.pi * i / len(rest)
            pos[node] = (round(radius * math.cos(angle), 2), round(radius * math.sin(angle), 2))
    return pos


def place_satellites(graph: nx.Graph, pos: Positions[N], nodes: Sequence[N], *, gap: float = 260.0) -> None:
    """Put nodes outside the drawn tree, at the mean angle of their placed neighbours (in place)."""
    radius = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + gap
    undirected = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    loose = []
    stacked: dict[float, int] = {}
    for node in nodes:
        placed = [pos[n] for n in undirected.neighbors(node) if n in pos and n not in nodes]
        if not placed:
            loose.append(node)
            continue
        angle = math.atan2(sum(y for _, y in placed), sum(x for x, _ in placed))
        # satellites of the same neighbours would land on one spot: stack them outwards
        k = stacked.get(round(angle, 3), 0)
        stacked[round(angle, 3)] = k + 1
        r = radius + k * gap / 4
        pos[node] = (round(r * math.cos(angle), 2), round(r * math.sin(angle), 2))
    for i, node in enumerate(loose):
        angle = 2 * math.pi * i / len(loose)
        pos[node] = (round((radius + gap) * math.cos(angle), 2), round((radius + gap) * math.sin(angle), 2))


def spring(graph: nx.Graph, *, seed: int = 7, scale: float = 600.0) -> Positions[Hashable]:
    """A seeded networkx spring layout in pixels (a breadth-first radial one for 500 nodes and more)."""
    if not len(graph):
        return {}
    if len(graph) >= 500:  # networkx switches to a scipy solver there; rings are as readable
        centre = max(sorted(graph, key=str), key=graph.degree)
        return bfs_radial(graph, centre)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(graph, key=str))
    ordered.add_edges_from(sorted(((str(u), str(v)) for u, v in graph.edges()), key=str))
    raw = nx.spring_layout(ordered, seed=seed, scale=scale, k=2.2 / math.sqrt(len(graph)), iterations=200)
    return {node: (round(float(raw[str(node)][0]), 2), round(float(raw[str(node)][1]), 2)) for node in graph}


def line(nodes: Sequence[N], *, step: float = 280.0, zigzag: float = 70.0) -> Positions[N]:
    """Nodes in order along a line, alternately raised and lowered so long labels do not collide."""
    return {node: (round(i * step, 2), zigzag if i % 2 else 0.0) for i, node in enumerate(nodes)}


def positioned(graph: nx.DiGraph, nodes: Iterable[Hashable], pos: Positions[N]) -> nx.DiGraph:
    """A copy of the subgraph on ``nodes`` with each placed node's ``x`` and ``y`` set from ``pos``."""
    view = graph.subgraph(nodes).copy()
    for node, (x, y) in pos.items():
        if node in view:
            view.nodes[node]["x"], view.nodes[node]["y"] = x, y
    return view
