"""Who may do what: sessions, CSRF, roles, login throttling, reviews and added events."""
import re

import pytest

from tests.web import fixtures
from tests.web.conftest import csrf_of, login


def review(client, event_id, token, **body):
    headers = {"X-CSRF-Token": token} if token else {}
    return client.post(f"/api/events/{event_id}/review", json=body, headers=headers)


@pytest.fixture
def sentence_id(store, reports):
    return fixtures.event_id(store, reports["hyesan"], "sentence")


def test_passwords_are_stored_as_argon2_hashes(store):
    user = store.get_user("eddie")
    assert user["password_hash"].startswith("$argon2id$")
    assert fixtures.PASSWORD not in user["password_hash"]


def test_login_sets_an_httponly_samesite_session_cookie(client):
    r = client.post("/api/login", json={"username": "eddie", "password": fixtures.PASSWORD})
    assert r.status_code == 200 and r.json()["role"] == "editor"
    cookie = r.headers["set-cookie"].lower()
    assert "nkevents_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/api/session").json()["username"] == "eddie"


def test_wrong_password_and_unknown_user_are_refused(client):
    assert client.post("/api/login", json={"username": "eddie", "password": "nope"}).status_code == 401
    assert client.post("/api/login", json={"username": "ghost", "password": "x"}).status_code == 401
    assert client.get("/api/session").json()["username"] is None


def test_login_is_throttled_after_repeated_failures(client):
    for _ in range(5):
        assert client.post("/api/login", json={"username": "eddie", "password": "bad"}).status_code == 401
    r = client.post("/api/login", json={"username": "eddie", "password": fixtures.PASSWORD})
    assert r.status_code == 429  # even the right password waits out the window


def test_throttle_window_passes():
    from nkevents.web.auth import LoginThrottle
    now = [0.0]
    t = LoginThrottle(max_failures=2, window=60, clock=lambda: now[0])
    t.fail("user:a"); t.fail("user:a")
    assert t.blocked("user:a") and not t.blocked("user:b")
    now[0] = 61
    assert not t.blocked("user:a")


def test_anonymous_cannot_write(client, sentence_id):
    token = csrf_of(client)
    r = review(client, sentence_id, token, action="confirm")
    assert r.status_code == 401
    assert client.get(f"/api/events/{sentence_id}").json()["review_status"] == "machine"


def test_viewer_cannot_write(client, sentence_id, reports):
    token = login(client, "vera")
    assert review(client, sentence_id, token, action="confirm").status_code == 403
    r = client.post(f"/api/reports/{reports['hyesan']}/events", headers={"X-CSRF-Token": token},
                    json={"type": "arrest", "evidence": [{"start": 0, "end": 20}]})
    assert r.status_code == 403


def test_write_without_or_with_wrong_csrf_token_is_refused(client, sentence_id):
    login(client, "eddie")
    assert review(client, sentence_id, None, action="confirm").status_code == 403
    assert review(client, sentence_id, "forged", action="confirm").status_code == 403
    assert client.get(f"/api/events/{sentence_id}").json()["review_status"] == "machine"


def test_editor_confirms(client, sentence_id):
    token = login(client, "eddie")
    r = review(client, sentence_id, token, action="confirm", note="matches the report")
    assert r.status_code == 200 and r.json()["review_status"] == "confirmed"
    history = client.get(f"/api/events/{sentence_id}").json()["history"]
    assert [(h["action"], h["user"], h["note"]) for h in history] == [("confirm", "eddie", "matches the report")]


def test_editor_corrects_fields_and_history_keeps_before(client, sentence_id):
    token = login(client, "eddie")
    r = review(client, sentence_id, token, action="correct",
               changes={"penalty.kind": "labor_training", "penalty.max_months": 6, "penalty.min_months": 6})
    assert r.status_code == 200
    ev = r.json()
    assert ev["review_status"] == "corrected" and ev["penalty"]["kind"] == "labor_training"
    assert ev["history"][0]["before"]["penalty"]["kind"] == "prison"
    assert client.get("/api/events?penalty=labor_training").json()["total"] == 1


def test_correction_with_a_bad_value_is_a_400(client, sentence_id):
    token = login(client, "eddie")
    r = review(client, sentence_id, token, action="correct", changes={"penalty.kind": "flogging"})
    assert r.status_code == 400 and "penalty.kind" in r.json()["detail"]
    assert review(client, "nope", token, action="confirm").status_code == 404
    assert review(client, sentence_id, token, action="burn").status_code == 400


def test_editor_rejects_and_rejected_events_leave_the_default_listing(client, sentence_id):
    token = login(client, "eddie")
    assert review(client, sentence_id, token, action="reject", note="duplicate").status_code == 200
    assert client.get("/api/events").json()["total"] == 5
    assert client.get("/api/events?review_status=rejected").json()["events"][0]["event_id"] == sentence_id


def test_editor_adds_a_missed_event(client, reports):
    token = login(client, "eddie")
    text = client.get(f"/api/reports/{reports['chongjin']}").json()["text"]
    start = text.index("Inspection teams")
    body = {"type": "crackdown", "evidence": [{"start": start, "end": start + 40}],
            "place": "kp.north-hamgyong.chongjin", "charges": ["foreign_media"]}
    r = client.post(f"/api/reports/{reports['chongjin']}/events", json=body, headers={"X-CSRF-Token": token})
    assert r.status_code == 201, r.text
    ev = r.json()["event"]
    assert ev["review_status"] == "added" and ev["history"][0]["action"] == "add"
    bad = client.post(f"/api/reports/{reports['chongjin']}/events", headers={"X-CSRF-Token": token},
                      json={"type": "crackdown", "evidence": [{"start": 5, "end": 10 ** 6}]})
    assert bad.status_code == 400
    missing = client.post("/api/reports/nope/events", headers={"X-CSRF-Token": token},
                          json={"type": "crackdown", "evidence": [{"start": 0, "end": 5}]})
    assert missing.status_code == 404


def test_admin_manages_users_and_editor_cannot(client):
    token = login(client, "eddie")
    r = client.post("/api/users", headers={"X-CSRF-Token": token},
                    json={"username": "newbie", "password": "long enough pw", "role": "viewer"})
    assert r.status_code == 403
    assert client.get("/api/users").status_code == 403
    token = login(client, "ada")
    r = client.post("/api/users", headers={"X-CSRF-Token": token},
                    json={"username": "newbie", "password": "long enough pw", "role": "editor"})
    assert r.status_code == 201
    assert {"newbie", "eddie"} <= {u["username"] for u in client.get("/api/users").json()}
    short = client.post("/api/users", headers={"X-CSRF-Token": token},
                        json={"username": "x", "password": "short", "role": "viewer"})
    assert short.status_code == 400 and "password" in short.json()["detail"]


def test_logout_needs_csrf_and_ends_the_session(client):
    token = login(client, "eddie")
    assert client.post("/api/logout").status_code == 403
    assert client.post("/api/logout", headers={"X-CSRF-Token": token}).status_code == 200
    assert client.get("/api/session").json()["username"] is None


def test_a_changed_role_applies_at_once(client, store, sentence_id):
    token = login(client, "eddie")
    from nkevents.web.auth import hash_password
    store.add_user("eddie", hash_password("another password"), "viewer")
    assert review(client, sentence_id, token, action="confirm").status_code == 403


# ---------------------------------------------------------------- the HTML forms

def form_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def html_login(client, name="eddie"):
    token = form_token(client.get("/login").text)
    return client.post("/login", data={"username": name, "password": fixtures.PASSWORD,
                                       "csrf_token": token, "next": "/map"}, follow_redirects=False)


def test_login_form_redirects_to_next_and_rejects_bad_password(client):
    r = html_login(client)
    assert r.status_code == 303 and r.headers["location"] == "/map"
    client.cookies.clear()
    token = form_token(client.get("/login").text)
    bad = client.post("/login", data={"username": "eddie", "password": "x", "csrf_token": token})
    assert bad.status_code == 400 and "wrong user name or password" in bad.text


def test_login_form_without_csrf_is_refused(client):
    r = client.post("/login", data={"username": "eddie", "password": fixtures.PASSWORD})
    assert r.status_code == 403 and client.get("/api/session").json()["username"] is None


def test_login_next_cannot_leave_the_site(client):
    token = form_token(client.get("/login").text)
    r = client.post("/login", data={"username": "eddie", "password": fixtures.PASSWORD,
                                    "csrf_token": token, "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/events"


def test_review_form_corrects_changed_fields_only(client, sentence_id):
    html_login(client)
    page = client.get(f"/events/{sentence_id}").text
    assert 'id="correct-form"' in page
    r = client.post(f"/events/{sentence_id}/review", follow_redirects=False, data={
        "csrf_token": form_token(page), "action": "correct", "type": "sentence",
        "modality": "asserted", "penalty.kind": "prison", "penalty.min_months": "60",
        "penalty.max_months": "84", "subjects.text": "two of them", "subjects.count": "2",
        "place.id": "kp.ryanggang.hyesan", "date.start": "2022-11-10", "date.end": "2022-11-10",
        "date.precision": "day", "actors": "court", "attribution": "", "charges_present": "1",
        "charges": ["smuggling", "illegal_phone"], "note": "seven years"})
    assert r.status_code == 303 and "msg=corrected" in r.headers["location"]
    ev = client.get(f"/api/events/{sentence_id}").json()
    assert ev["penalty"]["max_months"] == 84 and ev["review_status"] == "corrected"
    assert ev["history"][0]["changes"] == {"penalty.max_months": 84}
    assert "seven years" in client.get(f"/events/{sentence_id}").text


def test_review_form_as_viewer_is_refused(client, sentence_id):
    html_login(client, "vera")
    page = client.get(f"/events/{sentence_id}").text
    assert 'id="correct-form"' not in page
    r = client.post(f"/events/{sentence_id}/review", data={"csrf_token": form_token(page), "action": "confirm"})
    assert r.status_code == 403


def test_review_form_anonymous_is_sent_to_login(client, sentence_id):
    token = form_token(client.get("/login").text)
    r = client.post(f"/events/{sentence_id}/review", data={"csrf_token": token, "action": "confirm"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_add_event_form(client, reports):
    html_login(client)
    page = client.get(f"/reports/{reports['hyesan']}").text
    assert 'id="add-event-form"' in page
    r = client.post(f"/reports/{reports['hyesan']}/events", follow_redirects=False, data={
        "csrf_token": form_token(page), "start": "0", "end": "60", "type": "crackdown",
        "modality": "asserted", "date.start": "2022-11-01", "date.precision": "day",
        "place.id": "", "penalty.kind": ""})
    assert r.status_code == 303 and "msg=added" in r.headers["location"]
    bad = client.post(f"/reports/{reports['hyesan']}/events", data={
        "csrf_token": form_token(page), "start": "", "end": "", "type": "crackdown"})
    assert bad.status_code == 400 and "select the evidence" in bad.text


def test_logout_form(client):
    html_login(client)
    token = form_token(client.get("/events").text)
    r = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303 and client.get("/api/session").json()["username"] is None
