"""The remote backend against a real Oxigraph server: same rows as the local store, safe bindings,
one-line errors.  The server is started once for the module on a free 127.0.0.1 port and stopped at
teardown; the module is skipped only when the ``oxigraph`` binary (PyPI package ``oxigraph``) is missing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.errors import QueryError, StoreError
from policykg.graph.backends.remote import RemoteStore, replace_remote, sparql_term, values_block
from policykg.graph.connect import open_store
from policykg.graph.named_queries import list_queries
from policykg.graph.store import Iri, Lit, rows

XSD = "http://www.w3.org/2001/XMLSchema#"
GOAL = "https://w3id.org/policykg/id/goal/P3"

# sample values for the parameters of named queries; a required parameter not listed here skips its query
SAMPLES = {
    "goalCode": Lit("P3"),
    "year": Lit("2026", datatype=XSD + "gYear"),
    "docName": Lit("001_6041d7e2bd5c6023.txt"),
    "text": Lit("科技"),
    "entity": Iri(GOAL),
    "node": Iri(GOAL),
    "goal": Iri(GOAL),
    "label": Lit("包银高铁", lang="zh"),
}


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    raise RuntimeError("oxigraph serve did not answer within 15 s")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Oxigraph server; yields its query endpoint URL."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the `oxigraph` server binary is missing (pip install oxigraph)")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_until_up(url, process, time.monotonic() + 15)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def remote(server: str) -> Iterator[RemoteStore]:
    """The remote store holding the corpus graph and the ontology, loaded as `build --store http://…` does."""
    from policykg.build import corpus_ntriples, parse_corpus
    from policykg.loaders.text.documents import bundled_corpus
    from policykg.ontology import ontology_path

    store = RemoteStore.from_spec(server, timeout=10)
    data = corpus_ntriples(parse_corpus(bundled_corpus()))
    count = replace_remote(store, data, ontology_path().read_text(encoding="utf-8"))
    assert count > 1000
    yield store
    store.close()


@pytest.fixture(scope="module")
def local(built_store: Path) -> Iterator[object]:
    store = open_store(built_store)
    yield store
    store.close()


def _normalised(result: dict) -> list[tuple]:
    """Rows as a sorted multiset of full RDF terms (engines may order ties differently)."""
    out = []
    for binding in result["results"]["bindings"]:
        out.append(tuple(sorted((k, tuple(sorted(v.items()))) for k, v in binding.items())))
    return sorted(out)


# -- the term serializer -------------------------------------------------------------------------


def test_sparql_term_iris_and_literals() -> None:
    """IRIs and plain, tagged and typed literals serialise to safely escaped SPARQL terms."""
    assert (
        sparql_term(Iri("https://w3id.org/policykg/id/goal/P3")) == "<https://w3id.org/policykg/id/goal/P3>"
    )
    assert sparql_term(Lit("P3")) == '"P3"'
    assert sparql_term(Lit("科技", lang="zh")) == '"科技"@zh'
    assert sparql_term(Lit("2026", datatype=XSD + "gYear")) == f'"2026"^^<{XSD}gYear>'
    assert sparql_term(Lit('a"b\\c\nd\re\tf')) == '"a\\"b\\\\c\\nd\\re\\tf"'
    # a backslash-u in the value cannot become a codepoint escape on a server that expands them first
    assert sparql_term(Lit("\\u0022")) == '"\\\\\\u00750022"'


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "relative/path",
        "http://x/a b",
        "http://x/<y>",
        'http://x/"',
        "http://x/{}",
        "http://x/|",
        "http://x/^",
        "http://x/`",
        "http://x/\\",
        "http://x/\n",
    ],
)
def test_sparql_term_rejects_bad_iris(bad: str) -> None:
    """IRIs that are empty, relative or hold forbidden characters are refused, also as datatypes."""
    with pytest.raises(QueryError, match="IRI"):
        sparql_term(Iri(bad))
    with pytest.raises(QueryError, match="IRI"):
        sparql_term(Lit("x", datatype=bad or "nope"))


def test_sparql_term_rejects_bad_language_tags_and_variable_names() -> None:
    """Bad language tags, variable names and non-term values are refused when building VALUES blocks."""
    with pytest.raises(QueryError, match="language tag"):
        sparql_term(Lit("x", lang="zh} . ?s ?p ?o"))
    with pytest.raises(QueryError, match="variable name"):
        values_block({"x) { } #": Lit("1")})
    with pytest.raises(TypeError):
        sparql_term("plain string")  # type: ignore[arg-type]
    assert values_block({}) == ""
    assert values_block({"a": Lit("1"), "b": Iri("urn:x")}) == 'VALUES (?a ?b) { ("1" <urn:x>) }'


# -- against the server --------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("named", list_queries(), ids=lambda q: q.name)
def test_named_queries_match_the_local_store(named, remote: RemoteStore, local) -> None:
    """Every named query gives the same rows on the remote server as on the local store."""
    bindings = {}
    for param in named.params:
        if param.name in SAMPLES:
            bindings[param.name] = SAMPLES[param.name]
        elif not param.optional:
            pytest.skip(f"no sample value for the required parameter {param.name!r} of {named.name}")
    for current in ({}, bindings) if bindings and all(p.optional for p in named.params) else (bindings,):
        expected = local.query(named.text, current)
        got = remote.query(named.text, current)
        assert _normalised(got) == _normalised(expected), (named.name, current)


@pytest.mark.slow
def test_sections_under_goal_with_a_typed_year(remote: RemoteStore, local) -> None:
    """A typed gYear binding matches the goal's sections as locally, and an untyped year matches none."""
    text = next(q.text for q in list_queries() if q.name == "sections_under_goal")
    bindings = {"goalCode": Lit("P3"), "year": Lit("2026", datatype=XSD + "gYear")}
    got = remote.query(text, bindings)
    assert got["results"]["bindings"]
    assert _normalised(got) == _normalised(local.query(text, bindings))
    assert {r["year"] for r in rows(got)} == {"2026"}
    assert {r["goalCode"] for r in rows(got)} == {"P3"}
    # an untyped "2026" is a different term, so it matches nothing
    assert not rows(remote.query(text, {"goalCode": Lit("P3"), "year": Lit("2026")}))


@pytest.mark.slow
def test_a_binding_with_sparql_syntax_stays_a_value(remote: RemoteStore) -> None:
    """A bound value full of SPARQL syntax is treated as a plain string and cannot alter the graph."""
    hostile = '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o #\\u0022 \\'
    result = remote.query("SELECT ?x (STRLEN(?x) AS ?n) WHERE {}", {"x": Lit(hostile)})
    assert rows(result) == [{"x": hostile, "n": str(len(hostile))}]
    # and the graph is still there
    assert int(rows(remote.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0]["n"]) > 1000


@pytest.mark.slow
def test_construct_ask_and_export(remote: RemoteStore) -> None:
    """CONSTRUCT, ASK and N-Triples and Turtle export work against the remote server."""
    graph = remote.query(
        "CONSTRUCT { ?g skos:notation ?c } WHERE { ?g skos:notation ?c ; skos:inScheme ?s } LIMIT 3"
    )
    assert graph["ntriples"].count(" .\n") == 3
    assert remote.query("ASK { ?s a pkg:Section }")["boolean"] is True
    nt = remote.export("ntriples").decode("utf-8")
    assert "<https://w3id.org/policykg/ontology#Section>" in nt
    assert b"@prefix" in remote.export("turtle") or b"<http" in remote.export("turtle")


@pytest.mark.slow
def test_malformed_sparql_gives_the_servers_message(remote: RemoteStore) -> None:
    """Malformed SPARQL raises a one-line query error carrying the server's parser message."""
    with pytest.raises(QueryError, match=r"malformed SPARQL: .*expected") as info:
        remote.query("SELEC ?x WHERE { ?x ?y ?z }")
    assert "\n" not in str(info.value)


@pytest.mark.slow
def test_load_update_and_clear_on_a_scratch_server(server: str) -> None:
    """Empties the shared server and puts the corpus graph back at the end (one GSP PUT)."""
    store = RemoteStore.from_spec(server)
    saved = store.export("ntriples").decode("utf-8")
    store.clear()
    assert rows(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [{"n": "0"}]
    store.load('<urn:a> <urn:b> "c" .\n', "ntriples")
    store.load("<urn:a> <urn:b> <urn:d> .", "turtle")
    store.update("INSERT DATA { <urn:a> <urn:b> <urn:e> }")
    assert len(rows(store.query("SELECT * WHERE { <urn:a> ?p ?o }"))) == 3
    with pytest.raises(StoreError, match="cannot load"):
        store.load("x", "jsonld")
    store.clear()
    assert rows(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")) == [{"n": "0"}]
    store.replace(saved)
    assert int(rows(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0]["n"]) > 1000


def test_connection_refused_is_a_store_error() -> None:
    """Queries and loads to a server that is not listening raise a connection-refused store error."""
    store = RemoteStore.from_spec(f"http://127.0.0.1:{_free_port()}/query", timeout=2)
    with pytest.raises(StoreError, match="connection refused"):
        store.query("ASK {}")
    with pytest.raises(StoreError, match="connection refused"):
        store.load("<urn:a> <urn:b> <urn:c> .")


def test_a_timeout_is_a_one_line_error() -> None:
    """A server that never answers gives a one-line timed-out query error."""
    with socket.socket() as listener:  # accepts the connection but never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        store = RemoteStore(f"http://127.0.0.1:{port}/query", timeout=0.3)
        with pytest.raises(QueryError, match=r"timed out after 0.3 s"):
            store.query("ASK {}")


def test_urls_must_be_http() -> None:
    """Non-HTTP URLs are refused, and a bare query endpoint cannot export without Graph Store Protocol."""
    with pytest.raises(StoreError, match="http"):
        RemoteStore("ftp://example.org/sparql")
    plain = RemoteStore.from_spec("https://example.org/sparql")
    assert plain.store_url is None and plain.update_url is None
    with pytest.raises(StoreError, match="Graph Store Protocol"):
        plain.export("turtle")


def test_bind_values_goes_first_in_the_where_group() -> None:
    """Bound VALUES go at the start of the WHERE group, whatever braces strings, IRIs and comments hold."""
    from policykg.graph.backends.remote import bind_values

    b = {"x": Lit("1")}
    block = 'VALUES (?x) { ("1") }'
    q = 'PREFIX a: <urn:{x}> # a { in a comment\nSELECT ?y ("{" AS ?s) WHERE { ?y ?p ?x FILTER(?x != "}") }'
    out = bind_values(q, b)
    assert out.index(block) > out.index("WHERE {") and out.endswith('FILTER(?x != "}") }')
    q = "CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o }"
    assert bind_values(q, b) == "CONSTRUCT { ?x ?p ?o } WHERE {\n  " + block + "\n ?x ?p ?o }"
    q = "CONSTRUCT WHERE { ?x ?p ?o }"
    assert bind_values(q, b).startswith("CONSTRUCT WHERE {\n  " + block)
    q = "SELECT (EXISTS { ?x ?p ?o } AS ?e) { ?x ?q ?r }"
    assert bind_values(q, b).startswith("SELECT (EXISTS { ?x ?p ?o } AS ?e) {\n  " + block)
    assert bind_values("DESCRIBE ?x", b) == "DESCRIBE ?x\n" + block + "\n"
    assert bind_values("ASK {}", {}) == "ASK {}"


@pytest.mark.slow
def test_a_bound_value_reaches_filters_in_the_where_group(remote: RemoteStore, local) -> None:
    """A bound value is visible to FILTERs in the WHERE group, giving the same rows as locally."""
    text = "SELECT ?s ?label ?text WHERE { ?s rdfs:label ?label FILTER(CONTAINS(STR(?label), STR(?text))) }"
    bindings = {"text": Lit("科技")}
    got = remote.query(text, bindings)
    assert got["results"]["bindings"]
    assert _normalised(got) == _normalised(local.query(text, bindings))


def test_cli_builds_into_a_server_and_traces_there(server: str, built_store) -> None:
    """`build --store URL` loads the graph into the server; trace and projects then answer as locally."""
    import json

    from click.testing import CliRunner

    from policykg.cli import main

    runner = CliRunner()
    built = runner.invoke(main, ["build", "--store", server, "--format", "json"])
    assert built.exit_code == 0, built.stderr
    remote = json.loads(
        runner.invoke(main, ["trace", "包银高铁", "--store", server, "--format", "json"]).stdout
    )
    local = json.loads(
        runner.invoke(main, ["trace", "包银高铁", "--store", str(built_store), "--format", "json"]).stdout
    )
    assert remote["goal"] == local["goal"] and remote["position"] == local["position"]
    remote_projects = runner.invoke(main, ["projects", "--store", server, "--format", "json"]).stdout
    local_projects = runner.invoke(main, ["projects", "--store", str(built_store), "--format", "json"]).stdout
    assert json.loads(remote_projects) == json.loads(local_projects)
