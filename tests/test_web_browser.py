"""The web app in headless Chromium against a real uvicorn server: search → entity → trace, the SPARQL
form, and a network view, with no SEVERE console errors.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package; skipped with the
reason when they are missing.  Screenshots are saved under ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.graph.connect import open_store
from policykg.web import create_app

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
QUERY = "SELECT ?code WHERE { ?g skos:inScheme <https://w3id.org/policykg/id/scheme/goals> ; skos:notation ?code }"

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_store: Path) -> Iterator[str]:
    """A uvicorn server over the built store on a free 127.0.0.1 port, in a background thread."""
    import uvicorn

    store = open_store(built_store)
    port = _free_port()
    config = uvicorn.Config(
        create_app(store, workers=1), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, name="policykg-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=20)
    store.close()


def _severe(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _wait(driver, script: str, what: str, seconds: float = 20) -> object:
    deadline = time.monotonic() + seconds
    while not (value := driver.execute_script(script)):
        assert time.monotonic() < deadline, f"{what} within {seconds} s"
        time.sleep(0.05)
    return value


def _shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))


def test_search_entity_and_trace_to_goal(driver, server: str) -> None:
    """Searching 包银高铁, opening the project and following "Trace to goal" shows K3 and its paths."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(server + "/")
    box = driver.find_element(By.NAME, "q")
    box.send_keys("包银高铁", Keys.ENTER)
    _wait(driver, "return document.querySelector('main table') !== null", "search results")
    project = driver.find_element(
        By.XPATH, "//tr[td[normalize-space()='pkg:Project']]//a[normalize-space()='包银高铁']"
    )
    project.click()
    _wait(driver, "return document.getElementById('trace-link') !== null", "the entity page")
    assert driver.find_element(By.TAG_NAME, "h1").text == "包银高铁"
    assert _severe(driver) == []
    driver.find_element(By.ID, "trace-link").click()
    _wait(driver, "return document.getElementById('trace-goal') !== null", "the trace page")
    goal = driver.find_element(By.ID, "trace-goal").text
    assert "K3" in goal and "内需 / 全国统一大市场" in goal
    chains = driver.find_elements(By.CSS_SELECTOR, "#paths li.path p.chain")
    assert (
        chains
        and chains[0].text.startswith("包银高铁 → ")
        and chains[0].text.endswith("内需 / 全国统一大市场")
    )
    assert driver.find_elements(By.CSS_SELECTOR, "#paths blockquote")
    _shot(driver, "web-trace.png")
    assert _severe(driver) == []


def test_query_form_shows_result_rows(driver, server: str) -> None:
    """A SPARQL query typed into /query runs through /sparql and fills the result table."""
    from selenium.webdriver.common.by import By

    driver.get(server + "/query")
    area = driver.find_element(By.NAME, "query")
    area.clear()
    area.send_keys(QUERY)
    driver.find_element(By.CSS_SELECTOR, "#q button[type=submit]").click()
    rows = _wait(driver, "return document.querySelectorAll('#out tbody tr').length", "result rows")
    assert rows == 14
    assert driver.find_element(By.CSS_SELECTOR, "#out p").text.startswith("14 rows")
    _shot(driver, "web-query.png")
    assert _severe(driver) == []


def test_network_view_draws(driver, server: str) -> None:
    """/network?goal=P3 draws its nodes under the served CSP and logs no SEVERE errors."""
    driver.get(server + "/network?goal=P3")
    _wait(driver, "return window.policykgReady === true", "the network drew", seconds=30)
    assert driver.execute_script("return network.body.data.nodes.length") > 20
    painted = driver.execute_script(
        """const c = document.querySelector('#pkg-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && d[i] < 240) n++; }
        return n;"""
    )
    assert painted > 1000, "nodes and edges are drawn on the canvas"
    _shot(driver, "web-network-P3.png")
    assert _severe(driver) == []
