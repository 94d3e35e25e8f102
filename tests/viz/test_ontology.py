"""The class diagram of the ontology."""

from __future__ import annotations

from policykg.viz.ontology import ontology_graph


def test_ontology_view_has_classes_and_properties() -> None:
    """The class diagram comes from policykg.ttl: classes, subclass edges and domain → range properties."""
    graph = ontology_graph()
    pkg = "https://w3id.org/policykg/ontology#"
    assert graph.edges[pkg + "Project", pkg + "Region"]["rel"].startswith("pkg:touchesRegion")
    assert graph.edges[pkg + "Target", pkg + "MetricStatement"]["rel"] == "rdfs:subClassOf"
    assert graph.nodes[pkg + "Section"]["cls"] == "Class"
