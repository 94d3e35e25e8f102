"""The nodes each view selects from the full graph, with their evidence and deterministic positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.graph.connect import open_store
from policykg.viz import subgraphs
from policykg.viz.data import ViewError, VizData, fetch
from policykg.viz.network import payload

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
ENERGY = "大力发展现代能源经济，建设国家重要能源和战略资源基地"


@pytest.fixture(scope="module")
def real_data(built_store: Path) -> VizData:
    """The visualisation rows of the bundled corpus."""
    store = open_store(built_store)
    try:
        return fetch(store)
    finally:
        store.close()


def test_overview_of_small_graph_holds_every_class(hostile) -> None:
    """The overview links goal → sections → project, target and regions, with evidence on the nodes."""
    iri = hostile.iri
    graph = subgraphs.overview_graph(fetch(hostile.store))
    classes = {d["cls"] for _, d in graph.nodes(data=True)}
    assert {"Goal", "Section", "Project", "Target", "Region"} <= classes
    project = graph.nodes[iri("project/1")]
    assert project["evidence"] == hostile.img + "证据" and "d1.txt" in project["source"]
    assert project["goal"] == "P3"
    assert graph.has_edge(iri("s/t1"), iri("s/p1")) and graph.has_edge(iri("s/p1"), iri("goal/P3"))
    assert all("x" in d and "y" in d for _, d in graph.nodes(data=True))


def test_overview_of_the_corpus_has_the_goals_and_the_energy_section(real_data) -> None:
    """The overview has the 14 goal nodes and the 2026 plan's energy section under P3."""
    graph = subgraphs.overview_graph(real_data)
    goals = {d["goal"] for _, d in graph.nodes(data=True) if d["cls"] == "Goal"}
    assert len(goals) == 14 and {"M", "P1", "P5", "K7", "L"} <= goals
    energy = [n for n, d in graph.nodes(data=True) if d["label"] == ENERGY and d["doc"] == PLAN_2026]
    assert len(energy) == 1
    assert graph.has_edge(energy[0], "https://w3id.org/policykg/id/goal/P3")
    assert graph.nodes[energy[0]]["year"] == 2026 and graph.nodes[energy[0]]["evidence"] == ENERGY
    records = {n["full"] for n in payload(graph)["nodes"]}
    assert ENERGY in records


def test_layout_is_deterministic(real_data) -> None:
    """The same rows give the same positions, so the browser needs no physics."""
    first = subgraphs.overview_graph(real_data)
    second = subgraphs.overview_graph(real_data)
    assert {n: (d["x"], d["y"]) for n, d in first.nodes(data=True)} == {
        n: (d["x"], d["y"]) for n, d in second.nodes(data=True)
    }
    assert len({(d["x"], d["y"]) for _, d in first.nodes(data=True)}) == len(first)


def test_single_views(hostile) -> None:
    """Goal, region, entity (by label, depth 2) and trace views hold the nodes they are about."""
    iri = hostile.iri
    data = fetch(hostile.store)
    goal = subgraphs.goal_graph(data, "p3")
    assert {iri("s/p1"), iri("s/t1"), iri("project/1"), iri("metric/1"), iri("region/ordos")} <= set(goal)
    region = subgraphs.region_graph(data, "鄂尔多斯市")
    assert {iri("region/dalad"), iri("region/nmg"), iri("project/1"), iri("s/p1")} <= set(region)
    entity = subgraphs.entity_graph(data, "风光基地", depth=2)
    assert iri("project/1") in entity and iri("goal/P3") in entity
    trace = subgraphs.trace_graph(data, [iri("metric/1"), iri("goal/P3")])
    assert list(trace) == [iri("metric/1"), iri("s/t1"), iri("s/p1"), iri("goal/P3")] or set(trace) >= {
        iri("metric/1"),
        iri("goal/P3"),
    }
    regions = subgraphs.regions_graph(data)
    assert {iri("region/nmg"), iri("region/ordos"), iri("region/dalad"), iri("project/1")} == set(regions)
    assert all(
        "x" in d and "y" in d
        for view in (goal, region, entity, trace, regions)
        for _, d in view.nodes(data=True)
    )


def test_find_node_and_unknown_targets(hostile) -> None:
    """Nodes are found by IRI, label, alias or goal code; what the graph lacks is a ViewError."""
    iri = hostile.iri
    data = fetch(hostile.store)
    graph = subgraphs.overview_graph(data)
    assert subgraphs.find_node(graph, " P3 ") == iri("goal/P3")
    assert subgraphs.find_node(graph, "风光基地") == iri("project/1")
    assert subgraphs.find_node(graph, iri("region/ordos"), "Region") == iri("region/ordos")
    with pytest.raises(ViewError, match="no goal 'P9'; known goal codes: P3"):
        subgraphs.goal_graph(data, "P9")
    with pytest.raises(ViewError, match="no Region matches"):
        subgraphs.region_graph(data, "风光基地")
    with pytest.raises(ViewError, match="depth must be 1 or 2"):
        subgraphs.entity_graph(data, "P3", depth=3)
    with pytest.raises(ViewError, match="at least one IRI"):
        subgraphs.trace_graph(data, [" "])
