"""The pages as a person uses them, in headless Chromium."""
import re

from tests.e2e.conftest import shot
from tests.web import fixtures


def wait_until(page, js: str, timeout: float = 15.0) -> None:
    """Polls a JS expression from Python: Playwright's wait_for_function compiles its predicate
    with eval, which the app's Content-Security-Policy forbids (as it should)."""
    import time
    deadline = time.monotonic() + timeout
    while not page.evaluate(js):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {js}")
        page.wait_for_timeout(100)


def login(page, base, name="eddie"):
    page.goto(f"{base}/login")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", fixtures.PASSWORD)
    page.click("#login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/events"))


def test_events_page_filter_and_open_event_with_highlighted_evidence(page, server):
    base = server["url"]
    page.goto(f"{base}/events")
    assert page.locator("table.events tbody tr").count() == 6  # all but none rejected
    wait_until(page, "document.querySelectorAll('#place-options option').length > 0")  # htmx filled it
    shot(page, "events")
    page.select_option("form.filters select[name=type]", "sentence")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=sentence"))
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1
    assert "prison" in rows.first.inner_text()
    rows.first.locator("a.event-link").click()
    page.wait_for_url(re.compile(r"/events/"))
    evidence = page.locator("#report-text mark.hl-evidence")
    assert "sentenced two of them" in "".join(evidence.all_inner_texts())
    assert page.locator("#report-text mark.hl-penalty").first.inner_text().startswith("five years")
    shot(page, "event")
    assert page.js_errors == []


def test_editor_corrects_a_field_and_sees_change_and_history(page, server):
    base, store, ids = server["url"], server["store"], server["ids"]
    event_id = fixtures.event_id(store, ids["chongjin"], "crackdown")
    login(page, base)
    page.goto(f"{base}/events/{event_id}")
    assert page.locator("#review-status").inner_text() == "machine"
    page.click("#correct-panel summary")
    page.select_option("#correct-form select[name=modality]", "alleged")
    page.fill("#correct-form input[name='subjects.text']", "dozens of households")
    page.fill("#correct-form input[name=note]", "the report says households were searched")
    page.click("#save-correction")
    page.wait_for_url(re.compile(r"msg=corrected"))
    assert page.locator("#review-status").inner_text() == "corrected"
    assert page.locator("dd[data-field=modality]").inner_text() == "alleged"
    assert "dozens of households" in page.locator("dd[data-field=subjects]").inner_text()
    history = page.locator("#history").inner_text()
    assert "correct by eddie" in history and "modality" in history
    shot(page, "review")
    assert store.get_event(event_id)["modality"] == "alleged"
    assert page.js_errors == []


def test_viewer_sees_no_review_controls(page, server):
    base, store, ids = server["url"], server["store"], server["ids"]
    login(page, base, "vera")
    page.goto(f"{base}/events/{fixtures.event_id(store, ids['hyesan'], 'trial')}")
    assert page.locator("#correct-form").count() == 0
    assert page.locator("#confirm-button").count() == 0


def test_map_shows_markers_outlines_and_parent_points(page, server):
    base = server["url"]
    page.goto(f"{base}/map")
    page.wait_for_selector("#map[data-loaded]", state="attached")
    assert int(page.get_attribute("#map", "data-loaded")) == 5
    assert page.locator(".leaflet-marker-icon").count() >= 2
    wait_until(page, "document.querySelectorAll('.leaflet-overlay-pane path').length >= 15")
    page.wait_for_timeout(300)
    assert "5 events on the map" in page.locator("#map-count").inner_text()
    shot(page, "map")
    # the Chongjin cluster holds two groups at one point: clicking spreads them out
    for _ in range(3):  # the first click can land while the map is still settling
        page.locator(".event-cluster").filter(has_text="2").first.click()
        try:
            page.wait_for_selector(".parent-point", state="visible", timeout=3000)
            break
        except Exception:
            page.wait_for_timeout(300)
    page.wait_for_timeout(400)  # spiderfy animation
    page.locator(".parent-point").first.click()
    popup = page.locator(".leaflet-popup-content")
    page.wait_for_timeout(400)  # popup fade-in
    assert "Sunam District" in popup.inner_text() and "parent" in popup.inner_text()
    assert popup.locator("a.popup-link").get_attribute("href").startswith("/events/")
    shot(page, "map-popup")
    assert page.js_errors == []


def test_map_keeps_filters(page, server):
    page.goto(f"{server['url']}/map?type=execution")
    page.wait_for_selector("#map[data-loaded]", state="attached")
    assert page.get_attribute("#map", "data-loaded") == "1"


def test_charts_page_draws_all_charts(page, server):
    page.goto(f"{server['url']}/charts")
    page.wait_for_selector("#chart-data[data-drawn='1']", state="attached")
    for cid in ("chart-months", "chart-charges", "chart-lengths", "chart-places", "chart-types"):
        box = page.locator(f"#{cid}").bounding_box()
        assert box and box["width"] > 100 and box["height"] > 100
    shot(page, "charts")
    assert page.js_errors == []


def test_report_page_highlights_spans_by_kind_and_folds_residue(page, server):
    page.goto(f"{server['url']}/reports/{server['ids']['hyesan']}")
    for kind in ("place", "date", "actor", "penalty", "charge"):
        assert page.locator(f"#report-text mark.hl-{kind}").count() >= 1, kind
    page.locator("aside [data-event]").filter(has_text="sentence").hover()
    lit = "".join(page.locator("#report-text mark.hl-hover").all_inner_texts())
    assert "sentenced two of them" in lit and "public trial" not in lit
    removed = page.locator("#removed")
    assert removed.get_attribute("open") is None
    assert not page.get_by_text("file photo").is_visible()
    removed.locator("summary").click()
    assert page.get_by_text("file photo").is_visible()
    shot(page, "report")


def test_editor_adds_missed_event_by_selecting_text(page, server):
    base, ids = server["url"], server["ids"]
    login(page, base)
    page.goto(f"{base}/reports/{ids['chongjin']}")
    assert page.locator("#add-event-button").is_disabled()
    phrase = "Inspection teams then began house searches in Sunam District"
    page.evaluate("""(phrase) => {
        const box = document.getElementById('report-text');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        let node, nodes = [];
        while ((node = walker.nextNode())) nodes.push(node);
        const full = nodes.map(n => n.data).join('');
        const at = full.indexOf(phrase);
        function locate(offset) {
            for (const n of nodes) { if (offset <= n.data.length) return [n, offset]; offset -= n.data.length; }
        }
        const [sn, so] = locate(at), [en, eo] = locate(at + phrase.length);
        const r = document.createRange(); r.setStart(sn, so); r.setEnd(en, eo);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
    }""", phrase)
    wait_until(page, "!document.getElementById('add-event-button').disabled")
    text = server["store"].get_report(ids["chongjin"])["text"]
    assert int(page.input_value("#sel-start")) == text.index(phrase)
    page.select_option("#add-event-form select[name=type]", "crackdown")
    page.fill("#add-event-form input[name='place.id']", "kp.north-hamgyong.chongjin.sunam")
    shot(page, "add-event")
    page.click("#add-event-button")
    page.wait_for_url(re.compile(r"msg=added"))
    assert page.locator("#review-status").inner_text() == "added"
    assert phrase in "".join(page.locator("#report-text mark.hl-evidence").all_inner_texts())


def test_malicious_report_renders_inert(page, server):
    base, store, ids = server["url"], server["store"], server["ids"]
    page.goto(f"{base}/reports/{ids['malicious']}")
    page.locator("#removed summary").click()
    body = page.locator("body").inner_text()
    assert fixtures.MALICIOUS_SCRIPT in body           # shown as text
    assert fixtures.MALICIOUS_TITLE in body
    assert page.evaluate("window.__pwned") is None      # never ran
    assert page.locator("main img").count() == 0 and page.locator("main b").count() == 0
    shot(page, "malicious-report")
    page.goto(f"{base}/events/{fixtures.event_id(store, ids['malicious'], 'market')}")
    assert "<svg onload=alert(1)>" in page.locator("dd[data-field=subjects]").inner_text()
    assert page.evaluate("window.__pwned") is None
    page.goto(f"{base}/events?q=rice")
    assert page.evaluate("window.__pwned") is None
    assert page.js_errors == []
