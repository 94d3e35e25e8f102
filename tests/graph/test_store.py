"""One conformance suite for every store backend: load, query with bound parameters, export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.build import corpus_ntriples, parse_corpus
from policykg.errors import QueryError, StoreError
from policykg.graph.connect import open_store
from policykg.graph.named_queries import list_queries, load_query
from policykg.graph.store import Iri, Lit, rows
from policykg.loaders.text.documents import bundled_corpus
from policykg.ontology import ontology_path

GOALS = "https://w3id.org/policykg/id/goal/"


@pytest.fixture(scope="module")
def corpus_nt() -> str:
    return corpus_ntriples(parse_corpus(bundled_corpus()))


@pytest.fixture(params=["memory", "oxigraph"])
def store(request: pytest.FixtureRequest, corpus_nt: str, built_store: Path) -> Iterator[object]:
    """The corpus graph in each backend: rdflib in memory, and the on-disk pyoxigraph store."""
    if request.param == "memory":
        handle = open_store("memory:")
        handle.load(corpus_nt)
        handle.load(ontology_path().read_text(encoding="utf-8"), "turtle")
    else:
        handle = open_store(built_store)
    yield handle
    handle.close()


def test_select_with_bound_literal(store) -> None:
    """A bound goal code and year select the 2026 plan's sections under P3 on every backend."""
    query = load_query("sections_under_goal").text
    found = rows(
        store.query(
            query,
            {"goalCode": Lit("P3"), "year": Lit("2026", datatype="http://www.w3.org/2001/XMLSchema#gYear")},
        )
    )
    titles = {r["title"] for r in found if r["docName"].startswith("001_")}
    assert "大力发展现代能源经济，建设国家重要能源和战略资源基地" in titles
    assert "加强矿产资源开发利用" in titles
    assert all(r["goalCode"] == "P3" for r in found)


def test_bound_value_is_data_not_query_text(store) -> None:
    """A parameter holding SPARQL syntax matches nothing and changes nothing: it is a value."""
    query = load_query("sections_under_goal").text
    hostile = 'P3" } UNION { ?s ?p ?o } #'
    assert rows(store.query(query, {"goalCode": Lit(hostile)})) == []


def test_ask_and_iri_binding(store) -> None:
    """ASK with a bound IRI answers true for a goal concept that exists and false for one that does not."""
    ask = "ASK { ?g <http://www.w3.org/2004/02/skos/core#notation> ?code }"
    assert store.query(ask, {"g": Iri(GOALS + "P1")})["boolean"] is True
    assert store.query(ask, {"g": Iri(GOALS + "P9")})["boolean"] is False


def test_construct_returns_ntriples(store) -> None:
    """CONSTRUCT gives N-Triples text."""
    result = store.query("CONSTRUCT { ?g skos:notation ?c } WHERE { ?g skos:notation ?c ; skos:inScheme ?s }")
    assert '"P3"' in result["ntriples"]


def test_malformed_sparql_is_a_query_error(store) -> None:
    """A syntax error raises QueryError with a one-line message."""
    with pytest.raises(QueryError, match="malformed SPARQL"):
        store.query("SELEC ?x WHERE { ?x ?y }")


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld"])
def test_export_round_trips(store, fmt: str) -> None:
    """Each export format parses back with rdflib and holds the sections."""
    from rdflib import Graph

    data = store.export(fmt)
    graph = Graph()
    graph.parse(data=data, format={"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt])
    assert len(graph) > 5000
    if fmt == "jsonld":
        assert isinstance(json.loads(data), list | dict)


SAMPLE_BINDINGS = {
    "entity": Iri("https://w3id.org/policykg/id/section/001_6041d7e2bd5c6023/p4/t3"),
    "node": Iri("https://w3id.org/policykg/id/section/001_6041d7e2bd5c6023/p4/t3"),
    "label": Lit("加强矿产资源开发利用", lang="zh"),
    "text": Lit("矿产"),
    "goalCode": Lit("P3"),
    "docName": Lit("001_6041d7e2bd5c6023.txt"),
    "indicator": Lit("地区生产总值增速", lang="zh"),
    "kind": Lit("target"),
    "period": Lit("2026"),
    "year": Lit("2026", datatype="http://www.w3.org/2001/XMLSchema#gYear"),
}


def test_every_named_query_parses_and_runs(store) -> None:
    """Every shipped .rq file is documented and runs on every backend with example values for its parameters."""
    for named in list_queries():
        assert named.title and named.description, named.name
        unknown = {p.name for p in named.params} - set(SAMPLE_BINDINGS)
        assert not unknown, f"{named.name}: give an example value for {unknown} in SAMPLE_BINDINGS"
        bindings = {p.name: SAMPLE_BINDINGS[p.name] for p in named.params}
        result = store.query(named.text, bindings)
        assert "results" in result or "boolean" in result, named.name


def test_unknown_named_query_lists_known_ones() -> None:
    """Asking for a query that does not exist names the ones that do."""
    with pytest.raises(QueryError, match="sections_under_goal"):
        load_query("no_such_query")


def test_missing_store_is_a_store_error(tmp_path: Path) -> None:
    """Opening a store where none was built says to build one."""
    with pytest.raises(StoreError, match="policykg build"):
        open_store(tmp_path / "none")


def test_foreign_directory_is_not_a_store(tmp_path: Path) -> None:
    """A directory that policykg did not build is not opened as a store."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a policykg store"):
        open_store(tmp_path)
