"""The overview in headless Chromium: it draws, logs no errors, and markup from documents never runs.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package; skipped with the
reason when they are missing.  Screenshots are saved under ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from policykg.graph.connect import open_store
from policykg.viz import write_view

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
HOSTILE_TTL = """
@prefix pkg: <https://w3id.org/policykg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/policykg/id/> .
id:goal\\/P3 skos:inScheme id:scheme\\/goals ; skos:notation "P3" ; skos:prefLabel "<script>window.pwned=1</script>能源"@zh .
id:doc\\/d1 a pkg:Document ; pkg:fileName "d1.txt" ; dcterms:title "<img src=x onerror=window.pwned=2>计划"@zh ;
  pkg:year "2026"^^xsd:gYear .
id:ev\\/1 oa:hasSelector id:ev\\/1p , id:ev\\/1q .
id:ev\\/1p a oa:TextPositionSelector ; oa:start 0 ; oa:end 9 .
id:ev\\/1q a oa:TextQuoteSelector ; oa:exact "<img src=x onerror=window.pwned=3>" .
id:s\\/p1 a pkg:Section ; skos:prefLabel "<img src=x onerror=window.pwned=4>"@zh ; pkg:inDocument id:doc\\/d1 ;
  pkg:level 1 ; pkg:sequence 1 ; pkg:servesGoal id:goal\\/P3 ; pkg:evidence id:ev\\/1 .
id:project\\/1 a pkg:Project ; skos:prefLabel "<script>window.pwned=5</script>"@zh ; pkg:contributesTo id:s\\/p1 .
"""

pytestmark = pytest.mark.slow


def _open(driver, page: Path) -> None:
    driver.get(page.resolve().as_uri())
    deadline = time.monotonic() + 20
    while not driver.execute_script("return window.policykgReady === true"):
        assert time.monotonic() < deadline, "the network did not draw within 20 s"
        time.sleep(0.05)


def _severe(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def _painted_pixels(driver) -> int:
    return driver.execute_script(
        """const c = document.querySelector('#pkg-network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; }
        return n;"""
    )


def test_overview_draws_without_errors(driver, built_store: Path, tmp_path: Path) -> None:
    """The corpus overview draws its nodes on the canvas, logs no SEVERE errors, and filters and search work."""
    store = open_store(built_store)
    try:
        page = write_view(store, "overview", tmp_path / "overview.html")
    finally:
        store.close()
    _open(driver, page)
    assert driver.execute_script("return network.body.data.nodes.length") > 200
    assert _painted_pixels(driver) > 5000
    assert _severe(driver) == []
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "overview.png"))
    legend = driver.execute_script("return document.getElementById('pkg-legend').textContent")
    assert "战略目标 Goal" in legend and "任务章节 Section" in legend
    driver.execute_script(
        "const box = document.querySelector('#pkg-legend input'); box.click();"
    )  # hide the goals
    hidden = driver.execute_script("return network.body.data.nodes.get({filter: n => n.hidden}).length")
    assert hidden == 14
    driver.execute_script("document.querySelector('#pkg-legend input').click();")
    driver.execute_script(
        "const s = document.getElementById('pkg-search'); s.value = '能源经济';"
        "s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));"
    )
    status = driver.execute_script("return document.getElementById('pkg-search-status').textContent")
    assert status.split()[0].isdigit() and int(status.split()[0]) >= 2
    goal = "https://w3id.org/policykg/id/goal/P3"
    driver.execute_script(f"network.focus('{goal}', {{scale: 0.7, animation: false}});")
    time.sleep(0.3)
    driver.save_screenshot(str(ARTIFACTS / "overview-P3.png"))
    assert _severe(driver) == []


def test_markup_in_documents_does_not_run(driver, tmp_path: Path) -> None:
    """Labels, titles and evidence holding <script> and <img onerror> show as text and set no global flag."""
    store = open_store("memory:")
    store.load(HOSTILE_TTL, "turtle")
    page = write_view(store, "overview", tmp_path / "hostile.html")
    store.close()
    _open(driver, page)
    section = "https://w3id.org/policykg/id/s/p1"
    driver.execute_script(
        f"network.selectNodes(['{section}']);"
        f"network.body.emitter.emit('click', {{nodes: ['{section}'], edges: [], event: {{}}, pointer: {{}}}});"
    )
    hover = driver.execute_script(f"return network.body.data.nodes.get('{section}').title.textContent")
    time.sleep(0.3)
    details = driver.execute_script("return document.getElementById('pkg-details').textContent")
    assert "<img src=x onerror=window.pwned=4>" in details and "<img src=x onerror=window.pwned=3>" in details
    assert "<img src=x onerror=window.pwned=2>计划" in hover
    assert (
        driver.execute_script(
            "return document.querySelectorAll('#pkg-details img, #pkg-details script').length"
        )
        == 0
    )
    assert driver.execute_script("return typeof window.pwned") == "undefined"
    assert _severe(driver) == []
