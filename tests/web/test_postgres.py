"""The app's own queries (map groups, place suggestions) and a review on PostgreSQL; skipped
without NKEVENTS_TEST_PG (CI sets it, see .ci/postgres.sh)."""
import pytest
from fastapi.testclient import TestClient

from nkevents.store.testing import PG_SKIP_REASON, pg_url, temporary_store
from nkevents.web import create_app
from tests.web import fixtures
from tests.web.conftest import login

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_client(tmp_path):
    if not pg_url():
        pytest.skip(PG_SKIP_REASON)
    with temporary_store("postgresql", tmp_path) as store:
        ids = fixtures.fill(store)
        fixtures.add_users(store)
        with TestClient(create_app(store, secret_key="pg")) as client:
            yield client, store, ids


def test_listing_map_places_and_review_on_postgresql(pg_client):
    client, store, ids = pg_client
    assert sorted(e["type"] for e in client.get("/api/events?place=kp.ryanggang").json()["events"]) == \
        ["arrest", "sentence", "trial"]
    groups = client.get("/api/map").json()
    assert groups["events"] == 5 and groups["unplaced"] == 1
    assert "kp.north-hamgyong" in {p["id"] for p in client.get("/api/places").json()}
    assert client.get("/charts").status_code == 200
    eid = fixtures.event_id(store, ids["hyesan"], "sentence")
    token = login(client, "eddie")
    r = client.post(f"/api/events/{eid}/review", headers={"X-CSRF-Token": token},
                    json={"action": "correct", "changes": {"penalty.max_months": 84}})
    assert r.status_code == 200 and r.json()["penalty"]["max_months"] == 84
    assert "&lt;script&gt;" in client.get(f"/reports/{ids['malicious']}").text
