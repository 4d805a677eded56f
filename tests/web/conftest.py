import shutil

import pytest
from fastapi.testclient import TestClient

from nkevents.store import Store
from nkevents.web import create_app
from tests.web import fixtures


@pytest.fixture(scope="session")
def template_db(tmp_path_factory):
    """A database with the test reports and users, built once; each test gets its own copy
    (building it runs the migrations and argon2, which is slow to repeat per test)."""
    path = tmp_path_factory.mktemp("template") / "web.db"
    store = Store.open(str(path))
    ids = fixtures.fill(store)
    fixtures.add_users(store)
    store.close()
    return path, ids


@pytest.fixture
def store(tmp_path, template_db):
    path = tmp_path / "web.db"
    shutil.copy(template_db[0], path)
    s = Store.open(str(path))
    yield s
    s.close()


@pytest.fixture
def reports(template_db):
    return template_db[1]


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
