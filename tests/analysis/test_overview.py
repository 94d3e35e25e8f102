"""Graph statistics on graphs that hold less than a full build."""

from __future__ import annotations

from policykg.analysis.overview import graph_stats
from policykg.graph.connect import open_store


def test_stats_of_a_graph_without_goals() -> None:
    """A graph of documents only (no goal scheme) still gives stats, with no goals counted."""
    store = open_store("memory:")
    store.load(
        '<https://w3id.org/policykg/id/doc/a> <http://purl.org/dc/terms/title> "2025年政府工作报告"@zh .\n'
    )
    stats = graph_stats(store).as_json()
    assert stats["goals"] == {}
    assert stats["triples"] == 1
