"""The ontology as a class diagram: classes, subclass edges and object properties domain → range.

Generated from ``policykg/ontology/policykg.ttl`` itself (loaded into an in-memory store and read
with the ``viz_ontology_*`` named queries), so the diagram can never drift from the ontology.  It
is drawn with the same offline renderer as the data views; positions come from a seeded spring
layout, so the diagram is the same on every run.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from policykg.graph.connect import open_store
from policykg.graph.named_queries import load_query
from policykg.graph.store import Store, compact, rows
from policykg.viz import layout

__all__ = ["ontology_graph", "ontology_store", "write_ontology_html"]

PKG = "https://w3id.org/policykg/ontology#"


def ontology_store(path: Path | None = None) -> Store:
    """An in-memory store holding only the ontology (the bundled one unless a path is given)."""
    from policykg.ontology import ontology_path

    store = open_store("memory:")
    store.load(Path(path or ontology_path()).read_text(encoding="utf-8"), "turtle")
    return store


def ontology_graph(store: Store | None = None) -> nx.DiGraph:
    """Classes (pkg: ones and the external ones they build on) with subClassOf and object-property edges."""
    store = store if store is not None else ontology_store()
    graph = nx.DiGraph(edge_labels=True)

    def add_class(iri: str, label: str = "", english: str = "", comment: str = "") -> None:
        if iri in graph:
            return
        own = iri.startswith(PKG)
        name = f"{label} {english}".strip() if own else compact(iri)
        graph.add_node(
            iri,
            label=name or compact(iri),
            cls="Class" if own else "ExternalClass",
            goal="",
            year=None,
            years=[],
            doc="policykg.ttl" if own else "",
            evidence=comment,
            source="",
            details=[("IRI", compact(iri))],
            aliases=[compact(iri)],
            order=iri,
        )

    classes = rows(store.query(load_query("viz_ontology_classes").text))
    for row in classes:
        if row["class"].startswith(PKG):
            add_class(row["class"], row.get("label", ""), row.get("labelEn", ""), row.get("comment", ""))
    for row in classes:
        if row["class"].startswith(PKG) and row.get("super"):
            add_class(row["super"])
            graph.add_edge(row["class"], row["super"], rel="rdfs:subClassOf", dashes=True)
    for row in rows(store.query(load_query("viz_ontology_properties").text)):
        if not row["property"].startswith(PKG) or not row.get("domain") or not row.get("range"):
            continue
        if not (row["domain"].startswith(PKG) or row["range"].startswith(PKG)):
            continue
        add_class(row["domain"])
        add_class(row["range"])
        rel = compact(row["property"]) + (f" {row['label']}" if row.get("label") else "")
        if graph.has_edge(row["domain"], row["range"]):
            rel = f"{graph.edges[row['domain'], row['range']]['rel']} · {rel}"
        graph.add_edge(row["domain"], row["range"], rel=rel)
    for node, (x, y) in layout.spring(graph, seed=11, scale=700.0).items():
        graph.nodes[node]["x"], graph.nodes[node]["y"] = x, y
    return graph


def write_ontology_html(out_path: Path, store: Store | None = None) -> Path:
    """The class diagram as a standalone offline HTML page."""
    from policykg.viz.network import write_html

    graph = ontology_graph(store)
    return write_html(
        graph,
        out_path,
        title="policykg 本体类图 Ontology class diagram",
        description="类、子类关系（rdfs:subClassOf）与对象属性（定义域 → 值域）。Classes, subclass edges and "
        "object properties from domain to range, generated from policykg.ttl.",
    )
