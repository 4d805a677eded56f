"""Counting by incident in the browser: the toggle keeps the filters across the events list, the
map and the charts; an event's page shows its incident."""
import re

import pytest

from tests.e2e.conftest import serve, shot
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



@pytest.fixture(scope="module")
def trial_server(tmp_path_factory):
    """The app over its own record (the shared fixtures' counts stay as the other tests expect):
    two invented reports of one public trial, the second citing the first."""
    from nkevents.store import Store, incidents
    from nkevents.store.testing import make_doc, make_event
    from nkevents.web import create_app

    store = Store.open(str(tmp_path_factory.mktemp("e2e-incidents") / "incidents.db"))
    a = ("A public trial of four traders accused of selling stolen copper wire was held at the "
         "Kimchaek city stadium on June 3, a source in the province told Daily NK.")
    b = ("Four traders were tried in front of residents in Kimchaek on June 3 for selling stolen "
         "copper wire, Daily NK reported, citing a source in the province.")
    ids = []
    for text, outlet, published in ((a, "Daily NK", "2021-06-05"), (b, None, "2021-06-07")):
        ev = make_event(text, text[:40], "trial", date=("2021-06-03", "2021-06-03", "day"),
                        place=("kp.north-hamgyong.kimchaek", "Kimchaek", "city", 40.67, 129.2),
                        count=4, charges=["theft"])
        doc = make_doc(text, [ev], outlet=outlet, published=published,
                       url=f"https://example.org/kimchaek-{len(ids)}")
        ids.append(store.ingest_document(doc).report_id)
    incidents.link_pending(store)
    with serve(create_app(store, secret_key="e2e")) as url:
        yield {"url": url, "ids": ids}
    store.close()


def test_report_page_lists_incidents_told_by_other_reports(page, trial_server):
    ids = trial_server["ids"]
    page.goto(f"{trial_server['url']}/reports/{ids[1]}")
    block = page.locator("#report-incidents")
    assert "1 told by other reports too" in block.locator("h2").inner_text()
    link = block.locator(f"a[href='/reports/{ids[0]}']")
    assert link.count() == 1 and "Daily NK" in link.inner_text()
    assert "earliest" in block.inner_text()
    shot(page, "report-incidents")
    link.click()
    page.wait_for_url(re.compile(rf"/reports/{ids[0]}$"))
    assert page.locator(f"#report-incidents a[href='/reports/{ids[1]}']").count() == 1
    assert page.js_errors == []
