"""Fresh, throw-away stores for tests, on SQLite always and on PostgreSQL when NKEVENTS_TEST_PG
(a postgresql:// URL) is set. Used by tests/store, tests/test_export.py and anyone whose tests
need a Store:

    @pytest.fixture(params=BACKENDS)
    def store(request, tmp_path):
        with temporary_store(request.param, tmp_path) as s:
            yield s

On PostgreSQL each store lives in its own schema (dropped afterwards), so tests running at the
same time on one server do not see each other's rows.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

BACKENDS = ("sqlite", "postgresql")
PG_ENV = "NKEVENTS_TEST_PG"
PG_SKIP_REASON = f"PostgreSQL tests need {PG_ENV}=postgresql://... (CI: eval \"$(bash .ci/postgres.sh)\")"


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@contextmanager
def temporary_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A database URL nothing else uses; raises LookupError for postgresql without a server."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / f'test-{uuid.uuid4().hex[:8]}.db'}"
        return
    base = pg_url()
    if not base:
        raise LookupError(PG_SKIP_REASON)
    from sqlalchemy import text
    from nkevents.store.db import make_engine

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@contextmanager
def temporary_store(backend: str, tmp_path: Path):
    from nkevents.store import Store

    with temporary_url(backend, tmp_path) as url:
        store = Store.open(url)
        try:
            yield store
        finally:
            store.close()
