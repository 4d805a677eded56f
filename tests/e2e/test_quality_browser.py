"""An editor marks a report fully reviewed on its page and opens the Quality page, in headless
Chromium. The app runs over its own record: generated reports (store.testing.synthetic_report,
written for the project) extracted by the real pipeline, a few already reviewed with corrections,
and an evaluation run of an earlier extractor version so the chart has two points."""
import dataclasses
import re

import pytest

from tests.e2e.conftest import serve, shot
from tests.e2e.test_browser import login, wait_until


@pytest.fixture(scope="module")
def quality_server(tmp_path_factory):
    from nkevents.pipeline import extract
    from nkevents.store import Store
    from nkevents.store.testing import synthetic_report
    from nkevents.web import create_app
    from tests.web import fixtures

    store = Store.open(str(tmp_path_factory.mktemp("e2e-quality") / "quality.db"))
    ids = [store.ingest_document(extract(**synthetic_report(i))).report_id for i in range(6)]
    fixtures.add_users(store)
    # reviewed before the test: corrections and a missed event, so the figures are not all 1
    for n, rid in enumerate(ids[1:4]):
        events = store.get_report(rid)["events"]
        if n == 0 and events:
            store.review(events[0]["event_id"], user="ann", action="correct",
                         changes={"place": "kp.jagang", "subjects.count": "12"})
        if n == 1 and events:
            store.review(events[-1]["event_id"], user="ann", action="reject")
        if n == 2:
            store.add_event(rid, {"type": "crackdown", "evidence": [{"start": 0, "end": 60}]}, user="ann")
        store.mark_reviewed(rid, user="ann")
    # an earlier version's run: the same gold scored on half the machine's events
    def weaker(fields):
        doc = extract(**fields)
        doc.events = doc.events[::2]
        return doc
    earlier = dataclasses.replace(store.evaluate(extract=weaker), version="0.0.9")
    store.record_evaluation(earlier, source="eval")

    with serve(create_app(store, secret_key="e2e-quality")) as url:
        yield {"url": url, "store": store, "ids": ids}
    store.close()


def test_editor_marks_a_report_reviewed_and_reads_the_quality_page(page, quality_server):
    base, store, ids = quality_server["url"], quality_server["store"], quality_server["ids"]
    login(page, base)
    page.goto(f"{base}/reports/{ids[0]}")
    assert "Not marked fully reviewed" in page.inner_text("#report-review")
    page.click("#report-review-button")
    page.wait_for_url(re.compile(r"msg=marked"))
    assert "fully reviewed" in page.inner_text("#report-review")
    assert page.inner_text("#report-review-button") == "Undo “fully reviewed”"
    assert store.report_review_state(ids[0])["reviewed"]

    page.click("header nav >> text=Quality")
    page.wait_for_url(re.compile(r"/quality"))
    assert page.inner_text("#reviewed-count") == "4 fully reviewed reports"
    assert re.fullmatch(r"event_f1=\d\.\d{3} places_f1=\d\.\d{3} penalty_kind_acc=(\d\.\d{3}|n/a) failed=0",
                        page.inner_text("#headline"))
    page.wait_for_selector("#chart-versions[data-drawn='1']", state="attached")
    box = page.locator("#chart-versions").bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    assert page.locator("#versions tbody tr").count() == 2
    assert page.locator("#per-type tbody tr").count() >= 2
    # the errors behind the event figure: the rejected event is a false alarm, the added one a miss
    page.click("tr[data-figure='events_compatible'] a.behind")
    page.wait_for_selector("#error-list")
    kinds = page.locator("#error-list tbody tr td:nth-child(2) strong").all_inner_texts()
    assert "missed" in kinds and "false alarm" in kinds
    wait_until(page, "document.querySelectorAll('#error-list tbody tr').length > 0")
    page.goto(f"{base}/quality?show=events#figures")  # the figures and the list in one picture
    page.wait_for_selector("#chart-versions[data-drawn='1']", state="attached")
    shot(page, "quality")
    assert page.js_errors == []
