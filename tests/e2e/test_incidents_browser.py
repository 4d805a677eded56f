"""Counting by incident in the browser: the toggle keeps the filters across the events list, the
map and the charts; an event's page shows its incident."""
import re

from tests.e2e.conftest import shot
from tests.e2e.test_browser import wait_until


def test_count_toggle_switches_list_map_and_charts_to_incidents(page, server):
    base = server["url"]
    page.goto(f"{base}/events?type=execution")
    page.click("#by-incident")
    page.wait_for_url(re.compile(r"type=execution&by=incident"))
    assert "incident" in page.locator("h1 .count").inner_text()
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1 and "1 report" in rows.first.locator("td.incident-reports").inner_text()
    # applying the filter form keeps counting by incident
    page.select_option("form.filters select[name=type]", "")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"by=incident"))
    page.click("header.top nav a[href^='/map']")
    page.wait_for_selector("#map[data-loaded]", state="attached")
    wait_until(page, "document.getElementById('map-count').textContent.length > 0")
    assert "incidents on the map" in page.locator("#map-count").inner_text()
    page.click("header.top nav a[href^='/charts']")
    page.wait_for_selector("#chart-data[data-drawn='1']", state="attached")
    assert page.locator("h2", has_text="Incidents per month, by type").count() == 1
    page.click("header.top nav a[href^='/events']")  # back to the list, still by incident
    page.wait_for_url(re.compile(r"/events\?by=incident"))
    page.click("#by-event")
    page.wait_for_url(re.compile(r"/events(\?|$)"))
    assert "by=incident" not in page.url and "incident" not in page.locator("h1 .count").inner_text()
    assert page.js_errors == []


def test_event_page_shows_its_incident(page, server):
    page.goto(f"{server['url']}/events?type=sentence")
    page.locator("table.events a.event-link").first.click()
    page.wait_for_url(re.compile(r"/events/"))
    section = page.locator("#incident")
    assert section.locator("#incident-id").inner_text().startswith("inc-")
    assert "1 report, 1 outlet, 1 independent" in section.inner_text()
    shot(page, "event-incident")
    assert page.js_errors == []
