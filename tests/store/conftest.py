"""A fresh store per test, on SQLite and (when NKEVENTS_TEST_PG is set) on PostgreSQL."""
import pytest

from nkevents.store.testing import BACKENDS, PG_SKIP_REASON, pg_url, temporary_store, temporary_url


def _skip_without_server(backend):
    if backend == "postgresql" and not pg_url():
        pytest.skip(PG_SKIP_REASON)


@pytest.fixture(params=BACKENDS)
def backend(request):
    _skip_without_server(request.param)
    return request.param


@pytest.fixture
def store(backend, tmp_path):
    with temporary_store(backend, tmp_path) as s:
        yield s


@pytest.fixture
def db_url(backend, tmp_path):
    """A URL of an empty database (for tests that run other processes against it)."""
    with temporary_url(backend, tmp_path) as url:
        yield url
