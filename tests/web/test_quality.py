"""The fully-reviewed mark in the web app (report page button, API) and the Quality page with its
API, on SQLite and (with NKEVENTS_TEST_PG) PostgreSQL. The extractor the page runs is replaced by
one that returns the test report with known differences, so the figures are known."""
import dataclasses
import shutil

import pytest
from fastapi.testclient import TestClient

from nkevents.model import Penalty
from nkevents.store import Store
from nkevents.store.testing import BACKENDS, PG_SKIP_REASON, pg_url, temporary_store
from nkevents.web import create_app
from tests.web import fixtures
from tests.web.conftest import csrf_of, login


@pytest.fixture(params=BACKENDS)
def app_store(request, tmp_path, template_db):
    if request.param == "sqlite":
        path = tmp_path / "web.db"
        shutil.copy(template_db[0], path)
        store = Store.open(str(path))
        yield store, template_db[1]
        store.close()
        return
    if not pg_url():
        pytest.skip(PG_SKIP_REASON)
    with temporary_store("postgresql", tmp_path) as store:
        ids = fixtures.fill(store)
        fixtures.add_users(store)
        yield store, ids


@pytest.fixture
def web(app_store):
    store, ids = app_store
    with TestClient(create_app(store, secret_key="quality-test")) as client:
        yield client, store, ids


@pytest.fixture
def machine(monkeypatch):
    """The extractor the Quality page runs: the Hyesan report as the fixtures store it, but with
    the sentence's penalty a death sentence and without the arrest."""
    def extract(fields):
        doc = fixtures.hyesan_trial() if "Hyesan" in fields["text"] else fixtures.chongjin_execution()
        if "Hyesan" in fields["text"]:
            doc.events = [e for e in doc.events if e.type != "arrest"]
            for e in doc.events:
                if e.type == "sentence":
                    e.penalty = Penalty("death")
        return doc
    monkeypatch.setattr("nkevents.store.reviews.run_extractor", extract)


def mark(client, report_id, token, action="done"):
    return client.post(f"/api/reports/{report_id}/reviewed", json={"action": action},
                       headers={"X-CSRF-Token": token} if token else {})


def test_quality_page_without_reviewed_reports_says_how_to_start(web):
    client, _, _ = web
    page = client.get("/quality")
    assert page.status_code == 200
    assert 'id="quality-empty"' in page.text and "Mark fully reviewed" in page.text
    assert '<a href="/quality" class="active">Quality</a>' in page.text
    body = client.get("/api/quality").json()
    assert body["reviewed_reports"] == 0 and body["figures"] is None and body["headline"] is None


def test_only_editors_with_the_csrf_token_mark_reports(web):
    client, _, ids = web
    rid = ids["hyesan"]
    assert mark(client, rid, None).status_code == 403
    assert mark(client, rid, csrf_of(client)).status_code == 401
    assert mark(client, rid, login(client, "vera")).status_code == 403
    token = login(client, "eddie")
    r = mark(client, rid, token)
    assert r.status_code == 200 and r.json()["reviewed"] and r.json()["reviewed_by"] == "eddie"
    again = mark(client, rid, token)
    assert again.status_code == 400 and "already marked fully reviewed" in again.json()["detail"]
    assert mark(client, rid, token, "sideways").status_code == 400
    assert mark(client, "0000000000000000", token).status_code == 404
    undone = mark(client, rid, token, "undo")
    assert undone.status_code == 200 and not undone.json()["reviewed"]
    history = client.get(f"/api/reports/{rid}/reviewed").json()["history"]
    assert [(h["user"], h["action"]) for h in history] == [("eddie", "done"), ("eddie", "undone")]


def test_report_page_button_for_editors_marks_and_undoes(web):
    client, store, ids = web
    rid = ids["hyesan"]
    assert 'id="report-review-button"' not in client.get(f"/reports/{rid}").text
    login(client, "eddie")
    page = client.get(f"/reports/{rid}").text
    assert "Mark fully reviewed" in page and "Not marked fully reviewed" in page
    token = csrf_of(client)
    no_token = client.post(f"/reports/{rid}/reviewed", data={"action": "done"}, follow_redirects=False)
    assert no_token.status_code == 403
    r = client.post(f"/reports/{rid}/reviewed", data={"action": "done", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(f"/reports/{rid}?msg=")
    page = client.get(r.headers["location"]).text
    assert "fully reviewed</span> by eddie" in page and "Undo “fully reviewed”" in page
    assert "Marked fully reviewed." in page
    assert {e["review_status"] for e in store.get_report(rid)["events"]} == {"confirmed"}
    twice = client.post(f"/reports/{rid}/reviewed", data={"action": "done", "csrf_token": token})
    assert twice.status_code == 400 and "already marked fully reviewed" in twice.text
    r = client.post(f"/reports/{rid}/reviewed", data={"action": "undo", "csrf_token": token})
    assert r.status_code == 200 and "Review mark undone." in r.text
    assert {e["review_status"] for e in store.get_report(rid)["events"]} == {"machine"}


def test_quality_figures_per_type_and_the_errors_behind_them(web, machine):
    client, store, ids = web
    token = login(client, "eddie")
    assert mark(client, ids["hyesan"], token).status_code == 200
    body = client.get("/api/quality").json()
    f = body["figures"]
    assert (body["reviewed_reports"], body["scored_reports"], body["gold_events"]) == (1, 1, 3)
    assert f["events_compatible"] == [1.0, pytest.approx(2 / 3), 0.8]
    assert f["penalty_kind_acc"] == 0.0
    assert body["headline"] == "event_f1=0.800 places_f1=1.000 penalty_kind_acc=0.000 failed=0"
    assert f["per_type"]["arrest"] == [0.0, 0.0, 0.0, 1]  # the scorer: no P without finds
    assert f["per_type"]["trial"] == [1.0, 1.0, 1.0, 1]
    assert body["error_counts"]["events"] == 1 and body["error_counts"]["penalty_kind"] == 1
    arrest_id = fixtures.event_id(store, ids["hyesan"], "arrest")
    misses = client.get("/api/quality?show=events&type=arrest").json()["errors"]
    assert [(e["kind"], e["gold"]["event_id"]) for e in misses] == [("miss", arrest_id)]
    wrong = client.get("/api/quality?show=penalty_kind").json()["errors"]
    assert [(e["kind"], e["detail"]) for e in wrong] == [("wrong", "death for prison")]
    page = client.get("/quality?show=events&type=arrest")
    assert page.status_code == 200
    assert 'href="/quality?show=events#errors"' in page.text
    assert 'href="/quality?show=events&amp;type=arrest#errors"' in page.text
    assert f'href="/events/{arrest_id}"' in page.text and "missed" in page.text
    assert "event_f1=0.800" in page.text and 'id="chart-versions"' in page.text


def test_quality_keeps_one_run_per_new_result_and_charts_versions(web, machine):
    client, store, ids = web
    store.mark_reviewed(ids["hyesan"], user="eddie")
    client.get("/api/quality")
    client.get("/quality")
    runs = store.eval_runs()
    assert [(r["source"], r["n_reports"]) for r in runs] == [("web", 1)]
    older = dataclasses.replace(store.evaluate(), version="0.0.9")
    store.record_evaluation(older, source="eval")
    part = dataclasses.replace(store.evaluate(types=["arrest"]), version="0.0.9")
    store.record_evaluation(part, source="eval")  # newer, but on part of the gold: not charted
    history = client.get("/api/quality").json()["runs_by_version"]
    assert [h["extractor_version"] for h in history][0] == "0.0.9"
    assert history[0]["n_gold_events"] == 3
    assert len(history) == 2 and history[1]["event_f1"] == pytest.approx(0.8)
    assert client.get("/api/quality").json()["reviewed_by_version"] == {
        store.get_report(ids["hyesan"])["extractor_version"] or "unknown": 1}


def test_quality_bad_parameters_are_one_line_400s(web):
    client, _, _ = web
    r = client.get("/api/quality?show=everything")
    assert r.status_code == 400 and r.json()["detail"].startswith("show: 'everything' is not one of")
    assert client.get("/quality?type=riot").status_code == 400


def test_events_found_after_the_review_are_named_not_scored_as_gold(web, machine):
    client, store, ids = web
    rid = ids["hyesan"]
    store.mark_reviewed(rid, user="eddie")
    # a newer extractor finds an event nobody reviewed
    def newer(fields):
        doc = fixtures.hyesan_trial()
        doc.events = doc.events + [dataclasses.replace(doc.events[0], type="crackdown", id="e9")]
        return doc
    store.reextract(rid, extract=newer, extractor_version="9.9.9")
    new_id = [e["event_id"] for e in store.get_report(rid)["events"] if e["type"] == "crackdown"]
    body = client.get("/api/quality").json()
    assert [u["event_id"] for u in body["unreviewed_events"]] == new_id
    assert body["gold_events"] == 3
    page = client.get("/quality").text
    assert 'id="unreviewed-notice"' in page and f'href="/events/{new_id[0]}"' in page
