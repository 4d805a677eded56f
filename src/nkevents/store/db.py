"""Opening a database: which URL a user's argument means, the engine, and schema upgrades.

SQLite is opened in WAL mode with a busy timeout, and every write transaction starts with
BEGIN IMMEDIATE: a writer takes the write lock before it reads, so two ingest processes queue
behind each other instead of failing when one upgrades a read to a write.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from importlib import resources
from typing import Iterator

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

DEFAULT_DB = "nkevents.db"
SQLITE_BUSY_TIMEOUT_MS = 60_000
# Key of the PostgreSQL advisory lock held while migrations run (any constant works).
PG_MIGRATION_LOCK = 7_311_202_401


class StoreError(Exception):
    """A database the user named cannot be used; str() is a one-line reason."""


def normalize_url(url_or_path: str | None) -> str:
    """None -> $NKEVENTS_DB or ./nkevents.db; a path -> sqlite:///path; postgresql:// -> psycopg 3."""
    value = url_or_path or os.environ.get("NKEVENTS_DB") or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{value}"
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if value.startswith(("sqlite:", "postgresql+")):
        return value
    raise StoreError(f"{value}: unsupported database URL (use a file path, sqlite:///FILE or "
                     "postgresql://...)")


def display_url(url_or_path: str | None) -> str:
    """The database as the user named it, without a password (for messages)."""
    value = url_or_path or os.environ.get("NKEVENTS_DB") or DEFAULT_DB
    if "://" not in value:
        return value
    try:
        return make_url(value).render_as_string(hide_password=True)
    except Exception:
        return value.split("://", 1)[0] + "://..."


def make_engine(url_or_path: str | None = None, **kwargs) -> Engine:
    url = make_url(normalize_url(url_or_path))
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, **kwargs)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """One write transaction (BEGIN IMMEDIATE on SQLite), committed at the end of the block."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            yield conn


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    ini = resources.files("nkevents.store").joinpath("alembic.ini")
    cfg = Config(str(ini))
    cfg.set_main_option("script_location", "nkevents.store:migrations")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise StoreError(f"the migrations have {len(heads)} heads ({', '.join(heads)}); "
                         "keep the chain linear")
    return heads[0]


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the head revision. Two processes opening a new database at once are
    serialized (SQLite write lock, PostgreSQL advisory lock); the second finds nothing to do."""
    from alembic import command

    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    if engine.dialect.name == "sqlite":
        with write_tx(engine) as conn:
            if current_revision(conn) != head:
                command.upgrade(alembic_config(conn), "head")
        return
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_MIGRATION_LOCK})
        conn.commit()
        try:
            with conn.begin():
                if current_revision(conn) != head:
                    command.upgrade(alembic_config(conn), "head")
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_MIGRATION_LOCK})
            conn.commit()
