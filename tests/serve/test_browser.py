"""A real Chromium (Debian's package, driven by Playwright) against `attache serve` on a free port.

Each test asserts on what the page shows and saves a screenshot to docs/screenshots/. Without
a chromium binary the tests fail (they never skip: `apt-get install -y chromium`, as .ci/run does).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
VIEWPORT = {"width": 1200, "height": 800}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
DRAW_TIMEOUT_MS = 10_000


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("no chromium binary on PATH: install Debian's chromium package (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab whose script errors and failed requests fail the test."""
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server)
    tab = context.new_page()
    problems = []
    tab.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    tab.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    tab.on("response", lambda response: problems.append(f"{response.status}: {response.url}")
           if response.status >= 400 else None)
    yield tab
    context.close()
    assert not problems, problems


@pytest.fixture
def api(live_server):
    with httpx.Client(base_url=live_server, timeout=10) as http:
        yield lambda path, **params: http.get(path, params=params).raise_for_status().json()


def shoot(tab, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def wait_drawn(tab, selector: str) -> int:
    """Wait until app.js has drawn the figure at ``selector``; returns what it drew (count)."""
    tab.wait_for_selector(f"{selector}[data-drawn='true']", state="attached", timeout=DRAW_TIMEOUT_MS)
    assert tab.get_attribute(selector, "data-error") is None
    return int(tab.get_attribute(selector, "data-count"))


def test_home_search_event_document_journey(page, api):
    home = api("/index.json")
    page.goto("/")
    assert page.inner_text("#count-events") == str(home["events"])
    assert page.inner_text("#count-documents") == str(home["documents"])
    first_pair = home["top_relationships"][0]
    assert first_pair["a_name"] in page.inner_text("#top-relationships")
    shoot(page, "home")

    page.fill("form.search-big input[name=q]", "consultations")
    page.press("form.search-big input[name=q]", "Enter")
    page.wait_for_url("**/search?q=consultations*")
    found = api("/search.json", q="consultations")
    hits = page.locator("#hits > li")
    assert hits.count() == len(found["hits"]) > 0
    assert page.locator("#hits .snippet mark").first.inner_text().lower().startswith("consultation")
    assert page.locator("#facets h3").count() >= 3
    shoot(page, "search")

    page.locator("#hits a[href^='/event/']").first.click()
    page.wait_for_url("**/event/*")
    event_id = page.url.rsplit("/", 1)[1]
    event = api(f"/event/{event_id}.json")
    evidence_shown = page.locator("blockquote.evidence").all_inner_texts()
    first_evidence = event["sources"][0]["evidence"][0]["text"]
    assert any(text.startswith(first_evidence) for text in evidence_shown)
    for participant in event["participants"]:
        assert participant["name"] in page.inner_text("#participants")
    shoot(page, "event")

    page.locator("article.source a[href^='/document/']").first.click()
    page.wait_for_url("**/document/*")
    marks = page.locator("#doc-text mark.evidence")
    assert marks.count() >= 1
    every_evidence = " ".join(span["text"] for source in event["sources"] for span in source["evidence"])
    document = api(f"/document/{event['sources'][0]['doc_id']}.json")
    all_spans = " ".join(span["text"] for e in document["events"] for span in e["evidence"])
    assert first_evidence in marks.all_inner_texts() or any(
        text in every_evidence or text in all_spans for text in marks.all_inner_texts())
    assert page.locator(f"#event-{event_id}").count() == 1
    shoot(page, "document")
    page.hover(f"#event-{event_id}")
    assert page.locator("#doc-text mark.evidence.focus").count() >= 1


def test_person_page_draws_counterpart_graph(page, api):
    listing = api("/events.json", status="occurred", limit=200)
    person_id = next(p["person_id"] for e in listing["events"] for p in e["participants"])
    profile = api(f"/person/{person_id}.json")
    page.goto(f"/event/{listing['events'][0]['event_id']}")
    page.goto(f"/person/{person_id}")
    assert profile["name"] in page.inner_text("h1")
    drawn = wait_drawn(page, "#counterpart-graph")
    assert drawn == len(profile["counterpart_graph"]["nodes"]) >= 1
    assert page.evaluate("document.querySelector('#counterpart-graph').cy.nodes().length") == drawn
    assert page.locator("#counterpart-graph canvas").count() >= 1
    titles = page.inner_text("#titles")
    for held in profile["titles"]:
        assert held["title"] in titles
    shoot(page, "person")


def test_relationship_page_draws_topics_chart(page, api):
    pair = api("/index.json")["top_relationships"][0]
    relation = api(f"/relationship/{pair['a']}/{pair['b']}.json")
    page.goto(f"/relationship/{pair['a']}/{pair['b']}")
    assert relation["a_name"] in page.inner_text("h1") and relation["b_name"] in page.inner_text("h1")
    drawn = wait_drawn(page, "#topics-chart")
    assert drawn == len(relation["topics_chart"]["series"]) >= 1
    painted = page.evaluate("""() => {
        const canvas = document.querySelector('#topics-chart canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let inked = 0;
        for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) inked++; }
        return inked;
    }""")
    assert painted > 1000
    assert page.locator("table.events tbody tr").count() == len(relation["timeline"]["events"])
    shoot(page, "relationship")


def test_country_page_draws_partner_graph_and_map(page, api):
    code = api("/index.json")["top_relationships"][0]["a"]
    profile = api(f"/country/{code}.json")
    page.goto(f"/country/{code}")
    nodes = wait_drawn(page, "#partner-graph")
    assert nodes == len(profile["partners"][:40]) + 1
    points = wait_drawn(page, "#event-map")
    assert points == len(profile["event_map"]["points"])
    assert page.locator("#event-map svg path.land").count() > 100
    assert page.locator("#event-map svg path.land.focus").count() >= 1
    assert page.locator("#event-map svg circle.place").count() == points
    in_view = page.evaluate("""() => {
        const svg = document.querySelector('#event-map svg');
        const [, , width, height] = svg.getAttribute('viewBox').split(' ').map(Number);
        const inside = (b) => b.x < width && b.y < height && b.x + b.width > 0 && b.y + b.height > 0;
        return {focus: [...svg.querySelectorAll('path.focus')].some((p) => inside(p.getBBox())),
                places: [...svg.querySelectorAll('circle.place')].filter((c) => inside(c.getBBox())).length};
    }""")
    assert in_view["focus"], "the country itself is outside the map's view"
    assert in_view["places"] >= 1 if points else True
    for partner in profile["partners"]:
        assert partner["name"] in page.inner_text("#partners")
    shoot(page, "country")


def test_events_list_filters_paginates_and_links_downloads(page, api):
    page.goto("/events?limit=10")
    total = api("/events.json", limit=10)["total"]
    assert page.locator("table.events tbody tr").count() == min(10, total)
    page.select_option("select[name=status]", "planned")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**status=planned*")
    planned = api("/events.json", status="planned")
    statuses = page.locator("table.events tbody tr td:nth-child(3)").all_inner_texts()
    assert len(statuses) == len(planned["events"]) and set(statuses) == {"planned"}
    assert "status=planned" in page.get_attribute("#download-csv", "href")
    shoot(page, "events")


def test_unknown_event_shows_the_404_page(browser, live_server):
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server)
    tab = context.new_page()
    response = tab.goto("/event/999999")
    assert response.status == 404
    assert "404" in tab.inner_text("h1") and "no event" in tab.inner_text(".error-box")
    context.close()
