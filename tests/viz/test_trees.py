"""A view drawn as a tree: one parent per node, children in document order, no redundant goal edges."""

from __future__ import annotations

from policykg.viz.data import fetch, full_graph
from policykg.viz.trees import children_in_order, tree_parents, tree_view


def test_each_node_hangs_from_its_nearest_section(hostile) -> None:
    """A section hangs from its parent section, a project and a target from the section they are in."""
    iri = hostile.iri
    graph = full_graph(fetch(hostile.store))
    nodes = {iri(n) for n in ("goal/P3", "s/p1", "s/t1", "project/1", "metric/1", "region/ordos")}
    parents = tree_parents(graph, nodes)
    assert parents == {
        iri("s/p1"): iri("goal/P3"),
        iri("s/t1"): iri("s/p1"),
        iri("project/1"): iri("s/t1"),
        iri("metric/1"): iri("s/t1"),
    }  # goals and regions hang from nothing
    assert children_in_order(graph, parents)[iri("s/t1")] == [iri("project/1"), iri("metric/1")]


def test_tree_view_positions_every_node_and_drops_implied_goal_edges(hostile) -> None:
    """Regions beside the tree get positions too; servesGoal edges implied by the parent section go."""
    iri = hostile.iri
    graph = full_graph(fetch(hostile.store))
    nodes = {iri(n) for n in ("goal/P3", "s/p1", "s/t1", "project/1", "region/ordos")}
    for radial in (True, False):
        view = tree_view(graph, nodes, [iri("goal/P3")], radial=radial)
        assert set(view) == nodes and all("x" in d and "y" in d for _, d in view.nodes(data=True))
        assert view.has_edge(iri("s/p1"), iri("goal/P3"))
        assert not view.has_edge(iri("s/t1"), iri("goal/P3"))
        assert not view.has_edge(iri("project/1"), iri("goal/P3"))
        assert graph.has_edge(iri("s/t1"), iri("goal/P3"))  # the full graph is left as it was
