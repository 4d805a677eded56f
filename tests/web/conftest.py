import pytest
from fastapi.testclient import TestClient

from nkevents.store import Store
from nkevents.web import create_app
from tests.web import fixtures


@pytest.fixture
def store(tmp_path):
    s = Store.open(str(tmp_path / "web.db"))
    yield s
    s.close()


@pytest.fixture
def reports(store):
    ids = fixtures.fill(store)
    fixtures.add_users(store)
    return ids


@pytest.fixture
def client(store, reports):
    with TestClient(create_app(store, secret_key="test-secret")) as c:
        yield c


def csrf_of(client) -> str:
    return client.get("/api/session").json()["csrf_token"]


def login(client, name: str) -> str:
    """Logs in over the API; returns the CSRF token for writes."""
    r = client.post("/api/login", json={"username": name, "password": fixtures.PASSWORD})
    assert r.status_code == 200, r.text
    return r.json()["csrf_token"]
