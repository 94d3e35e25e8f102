"""The web app in-process (Starlette's TestClient, no socket): the SPARQL endpoint's protocol, formats,
limits and refusals, and the pages with their escaping.  The worker pool is started and stopped by the
app's lifespan, so no process outlives a test module."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from policykg.graph.connect import open_store
from policykg.web import create_app
from policykg.web.results import negotiate
from policykg.web.sparql import classify

GOALS_QUERY = (
    "SELECT ?code ?label WHERE { ?g skos:inScheme <https://w3id.org/policykg/id/scheme/goals> ; "
    'skos:notation ?code ; skos:prefLabel ?label FILTER(LANG(?label) = "zh") } ORDER BY ?code'
)
ENDLESS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ENDLESS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
XSS = "<script>alert(1)</script>"
SRX = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="module")
def store(built_store: Path) -> Iterator[object]:
    handle = open_store(built_store)
    yield handle
    handle.close()


@pytest.fixture(scope="module")
def client(store) -> Iterator[TestClient]:
    app = create_app(store, query_timeout=1.5, max_rows=500, workers=2)
    with TestClient(app) as c:
        yield c


def _goals(response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.text
    data = response.json()
    return [(b["code"]["value"], b["label"]["value"]) for b in data["results"]["bindings"]]


def test_get_and_post_queries_agree(client: TestClient) -> None:
    """GET, form-encoded POST and direct sparql-query POST return the same results."""
    got = _goals(client.get("/sparql", params={"query": GOALS_QUERY}))
    assert len(got) == 14 and got[0][0] == "K1"
    assert _goals(client.post("/sparql", data={"query": GOALS_QUERY})) == got
    direct = client.post(
        "/sparql", content=GOALS_QUERY.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert _goals(direct) == got


def test_every_result_format(client: TestClient) -> None:
    """Results come as JSON, CSV, TSV, XML or N-Triples as negotiated, and unknown formats get a 406."""
    params = {"query": GOALS_QUERY}
    as_json = client.get("/sparql", params=params, headers={"Accept": "application/sparql-results+json"})
    assert as_json.headers["content-type"].startswith("application/sparql-results+json")
    labels = [b["label"]["value"] for b in as_json.json()["results"]["bindings"]]

    as_csv = client.get("/sparql", params=params, headers={"Accept": "text/csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(io.StringIO(as_csv.text)))
    assert table[0] == ["code", "label"] and [r[1] for r in table[1:]] == labels

    as_tsv = client.get("/sparql", params={**params, "format": "tsv"})
    assert as_tsv.headers["content-type"].startswith("text/tab-separated-values")
    lines = as_tsv.text.splitlines()
    assert lines[0] == "?code\t?label" and lines[1].endswith(f'"{labels[0]}"@zh')

    as_xml = client.get("/sparql", params=params, headers={"Accept": "application/sparql-results+xml"})
    assert as_xml.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(as_xml.content)
    literals = root.findall(f".//{SRX}binding[@name='label']/{SRX}literal")
    assert [x.text for x in literals] == labels
    assert literals[0].get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"

    ask = client.get("/sparql", params={"query": "ASK { ?s a pkg:Section }"})
    assert ask.json()["boolean"] is True
    graph = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s a pkg:Document }"})
    assert graph.headers["content-type"].startswith("application/n-triples") and graph.text.count(" .\n") == 5
    assert client.get("/sparql", params={**params, "format": "yaml"}).status_code == 406
    assert client.get("/sparql", params=params, headers={"Accept": "image/png"}).status_code == 406


def test_negotiation_prefers_the_best_q() -> None:
    """Content negotiation picks the highest-q acceptable format, with sensible defaults per result kind."""
    assert negotiate("bindings", None, "text/csv;q=0.5, application/sparql-results+xml") == "xml"
    assert negotiate("bindings", None, "text/html,application/xhtml+xml,*/*;q=0.8") == "json"
    assert negotiate("graph", None, "text/turtle") == "turtle"
    assert negotiate("graph", "csv", None) == "ntriples"


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "GET", "params": {"update": "CLEAR DEFAULT"}},
        {"method": "POST", "content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"method": "POST", "data": {"query": "PREFIX x: <urn:x#> # comment\nDELETE WHERE { ?s ?p ?o }"}},
        {"method": "GET", "params": {"query": "  insert data { <urn:a> <urn:b> <urn:c> }"}},
    ],
)
def test_updates_are_refused(client: TestClient, request_kwargs: dict) -> None:
    """Every form of SPARQL Update is refused with a 403 saying the endpoint is read-only, graph untouched."""
    method = request_kwargs.pop("method")
    response = client.request(method, "/sparql", **request_kwargs)
    assert response.status_code == 403
    assert "read-only" in response.text and "Update" in response.text
    assert _goals(client.get("/sparql", params={"query": GOALS_QUERY}))  # the graph is untouched


def test_classify_ignores_keywords_in_strings_iris_and_comments() -> None:
    """Query classification ignores keywords inside strings, IRIs and comments but spots SERVICE."""
    assert classify('SELECT ?x WHERE { ?x ?p "DELETE" }') == ("SELECT", False)
    assert classify("PREFIX d: <urn:INSERT> # INSERT\nASK {}") == ("ASK", False)
    assert classify("SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }") == ("SELECT", True)


def test_service_is_refused(client: TestClient) -> None:
    """A query using SERVICE is refused with a 403 that names SERVICE."""
    response = client.get(
        "/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"}
    )
    assert response.status_code == 403 and "SERVICE" in response.text


def test_malformed_sparql_is_400_with_the_parsers_message(client: TestClient) -> None:
    """Malformed SPARQL gets a 400 with the parser's message; a wrong content type gets a 415."""
    response = client.get("/sparql", params={"query": "SELEC ?x WHERE { ?x ?y ?z }"})
    assert response.status_code == 400
    assert response.text.startswith("malformed SPARQL:") and "expected" in response.text
    assert client.get("/sparql").status_code == 400
    wrong = client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert wrong.status_code == 415


def test_row_limit_truncates_and_says_so(client: TestClient) -> None:
    # the endless cross product streams: it stops at max_rows, well inside the time limit
    """Results beyond the row limit are cut off and flagged by a truncation header, small ones are not."""
    response = client.get("/sparql", params={"query": ENDLESS})
    assert response.status_code == 200
    assert response.headers["X-Policykg-Truncated"] == "true"
    assert len(response.json()["results"]["bindings"]) == 500
    small = client.get("/sparql", params={"query": GOALS_QUERY})
    assert "X-Policykg-Truncated" not in small.headers


def test_endless_query_is_cut_off_and_the_server_stays_responsive(client: TestClient) -> None:
    """A query over the time limit gets a 503 promptly, and the server keeps answering afterwards."""
    started = time.monotonic()
    response = client.get("/sparql", params={"query": ENDLESS_COUNT})
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.text.strip() == "query timed out after 1.5 s"
    assert elapsed < 5
    # the killed worker is replaced: both workers answer again, and pages never stopped
    for _ in range(3):
        assert len(_goals(client.get("/sparql", params={"query": GOALS_QUERY}))) == 14
    assert client.get("/goals").status_code == 200


def test_pages_render_with_goal_labels(client: TestClient) -> None:
    """The HTML pages show the goal labels under a nonce CSP and load no external assets."""
    goals = client.get("/goals")
    assert goals.status_code == 200 and goals.headers["content-type"].startswith("text/html")
    for label in ("创新驱动 / 科技自立自强", "民生", "铸牢中华民族共同体意识（主线）"):
        assert label in goals.text
    assert goals.text.count("<details id=") == 14 and "<details id='P3'>" in goals.text
    assert "script-src 'nonce-" in goals.headers["content-security-policy"]
    for page in ("/", "/query", "/goals"):
        body = client.get(page).text
        assert "http://" not in body.replace("http://www.w3.org", "") or page == "/query"
        assert "<link" not in body and "src=" not in body


def test_search_finds_sections_and_links_to_entities(client: TestClient) -> None:
    """A search finds matching sections and links them to their entity pages."""
    response = client.get("/", params={"q": "科技"})
    assert response.status_code == 200
    assert (
        "科技" in response.text
        and "/entity?iri=https%3A%2F%2Fw3id.org%2Fpolicykg%2Fid%2Fsection%2F" in response.text
    )


def test_entity_page_shows_triples_labels_and_evidence(client: TestClient) -> None:
    """An entity page shows its triples, labels, incoming links and quoted evidence; unknown ones are 404."""
    iri = "https://w3id.org/policykg/id/section/003_c0f21ab277f53f5b/p2/t3"
    response = client.get("/entity", params={"iri": iri})
    assert response.status_code == 200
    text = response.text
    assert "持续推进科技“突围”工程，加快培育发展新质生产力" in text  # label and quoted evidence
    assert "<blockquote>" in text and "7614–7638" in text and "003_c0f21ab277f53f5b.txt" in text
    assert "pkg:servesGoal" in text
    goal = client.get("/entity", params={"iri": "https://w3id.org/policykg/id/goal/P3"}).text
    assert "Referenced by" in goal and "pkg:servesGoal" in goal
    assert client.get("/entity", params={"iri": "https://example.org/nothing"}).status_code == 404
    assert client.get("/entity").status_code == 400


def test_user_input_is_escaped_everywhere(client: TestClient) -> None:
    """User input echoed in any page is HTML-escaped, and SPARQL errors are plain text."""
    for response in (
        client.get("/", params={"q": XSS}),
        client.get("/query", params={"query": XSS}),
        client.get("/entity", params={"iri": XSS}),
        client.get("/entity", params={"iri": "https://example.org/" + XSS}),
    ):
        assert XSS not in response.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text or response.status_code == 400
    error = client.get("/sparql", params={"query": XSS})
    assert error.status_code == 400 and error.headers["content-type"].startswith("text/plain")


def test_query_page_has_the_form_and_no_external_assets(client: TestClient) -> None:
    """The query page offers a form that posts to the local SPARQL endpoint."""
    body = client.get("/query").text
    assert '<form id="q">' in body and "fetch('/sparql'" in body and "<textarea" in body


def test_update_allowed_needs_a_store_that_can_update(store) -> None:
    """Allowing updates on a store that cannot run SPARQL Update is refused when the app is created."""
    from policykg.errors import StoreError

    with pytest.raises(StoreError, match="cannot run SPARQL Update"):
        create_app(store, allow_update=True)


def test_json_results_are_valid_utf8_json(client: TestClient) -> None:
    """JSON results are valid UTF-8 JSON with the query's variables in the head."""
    raw = client.get("/sparql", params={"query": GOALS_QUERY}).content
    assert json.loads(raw.decode("utf-8"))["head"]["vars"] == ["code", "label"]


def test_trace_page_shows_goal_paths_and_evidence(client: TestClient) -> None:
    """Tracing 包银高铁 shows goal K3, its paths as chains of entity links, and quoted evidence with spans."""
    response = client.get("/trace", params={"q": "包银高铁"})
    assert response.status_code == 200
    text = response.text
    assert 'href="/goals#K3">K3</a>' in text and "内需 / 全国统一大市场" in text
    assert '<ol id="paths">' in text and text.count('<li class="path">') >= 2
    assert (
        "/entity?iri=https%3A%2F%2Fw3id.org%2Fpolicykg%2Fid%2Fsection%2F001_6041d7e2bd5c6023%2Fp9%2Ft4"
        in text
    )
    assert "<blockquote>包银高铁</blockquote>" in text and "characters 8962–8966" in text
    assert "script-src 'nonce-" in response.headers["content-security-policy"]
    assert client.get("/trace").status_code == 200  # the form alone


def test_trace_of_unknown_text_is_an_escaped_404(client: TestClient) -> None:
    """Text that matches nothing is a 404 page that says so, with the text escaped."""
    response = client.get("/trace", params={"q": XSS})
    assert response.status_code == 404
    assert XSS not in response.text
    assert (
        "nothing in the graph matches" in response.text
        and "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    )


def test_entity_page_links_to_its_trace_and_network(client: TestClient) -> None:
    """An entity page offers "Trace to goal" by its label and its network neighbourhood."""
    iri = "https://w3id.org/policykg/id/project/project-ab547003f99e"
    text = client.get("/entity", params={"iri": iri}).text
    assert '<a id="trace-link" href="/trace?q=%E5%8C%85%E9%93%B6%E9%AB%98%E9%93%81">Trace to goal</a>' in text
    assert (
        'href="/network?entity=https%3A%2F%2Fw3id.org%2Fpolicykg%2Fid%2Fproject%2Fproject-ab547003f99e"'
        in text
    )
    for page in ("/", "/goals"):
        body = client.get(page).text
        assert '<a href="/trace">Trace</a>' in body and '<a href="/network">Network</a>' in body


def test_network_view_is_offline_html_with_its_own_csp(client: TestClient) -> None:
    """/network?goal=P3 is the viz page: no external URL, and a CSP that allows only its inline code."""
    response = client.get("/network", params={"goal": "P3"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'unsafe-inline'" in csp and "connect-src 'none'" in csp
    body = response.text
    assert "window.policykgReady" in body and "目标 Goal P3" in body
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", body)
    assert "http://" not in body and "https://" not in body.replace("https://w3id.org/policykg/", "")
    assert client.get("/network", params={"goal": "P3"}).text == body  # served from the cache


def test_unknown_network_target_is_404_and_conflicting_ones_400(client: TestClient) -> None:
    """An unknown goal or region is a 404 page naming the problem; two targets at once are a 400."""
    response = client.get("/network", params={"goal": "P9"})
    assert response.status_code == 404 and "no goal" in response.text and "P3" in response.text
    hostile = client.get("/network", params={"region": XSS})
    assert hostile.status_code == 404 and XSS not in hostile.text
    assert client.get("/network", params={"goal": "P3", "region": "鄂尔多斯市"}).status_code == 400
    assert client.get("/network", params={"goal": " "}).status_code == 400
