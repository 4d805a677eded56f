"""The record: reports and their events in SQLite or PostgreSQL (docs/store.md).

    store = Store.open()                       # $NKEVENTS_DB or ./nkevents.db, schema upgraded
    result = store.ingest_document(doc, source="reports/a.json")
    rows, total = store.query_events(EventFilter(type="sentence", place="kp.north-hamgyong"))

Every method opens its own short transaction; each write is one transaction. The web app, the
incidents module and the CLI all go through this class; `store.engine` is there for modules that
keep their own tables (added by their own Alembic revisions after ours).
"""
from __future__ import annotations

import time
from typing import Iterator

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from nkevents.model import Document
from nkevents.store import db, ingest as _ingest, queries as _queries, reviews as _reviews
from nkevents.store.db import StoreError
from nkevents.store.ingest import IngestResult, ReextractResult
from nkevents.store.queries import EventFilter
from nkevents.store.reviews import ReviewError
from nkevents.store.schema import failures, reports, users

ROLES = ("viewer", "editor", "admin")
# A write that collides with a concurrent writer (same report stored by another process a moment
# earlier, or SQLite busy beyond the timeout) is retried this many times.
WRITE_RETRIES = 5

__all__ = ["Store", "EventFilter", "IngestResult", "ReextractResult", "StoreError", "ReviewError",
           "ROLES"]


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url_or_path: str | None = None, *, upgrade: bool = True) -> "Store":
        """None -> $NKEVENTS_DB or ./nkevents.db; "x.db", "sqlite:///x.db" or "postgresql://...".
        The schema is upgraded to the newest revision."""
        engine = db.make_engine(url_or_path)
        try:
            if upgrade:
                db.upgrade(engine)
        except OperationalError as e:
            engine.dispose()
            reason = str(e.orig).splitlines()[0] if e.orig else str(e)
            raise StoreError(f"{db.display_url(url_or_path)}: cannot open the database ({reason})")
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _write(self, fn, *args, **kwargs):
        """Run fn(conn, ...) in one write transaction, retrying on a concurrent writer's conflict."""
        for attempt in range(WRITE_RETRIES):
            try:
                with db.write_tx(self.engine) as conn:
                    return fn(conn, *args, **kwargs)
            except (IntegrityError, OperationalError) as e:
                retriable = isinstance(e, IntegrityError) or "locked" in str(e) or "deadlock" in str(e)
                if not retriable or attempt == WRITE_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))

    def _read(self, fn, *args, **kwargs):
        with self.engine.connect() as conn:
            return fn(conn, *args, **kwargs)

    # ------------------------------------------------------------ ingest

    def ingest_document(self, doc: Document, *, source: str | None = None,
                        extractor_version: str | None = None) -> IngestResult:
        """Store one extracted report in one transaction. Same content again -> "unchanged";
        a different text under a stored URL -> "updated" (a new revision; the old one is kept)."""
        from nkevents import EXTRACTOR_VERSION
        return self._write(_ingest.ingest_document, doc, source=source,
                           version=extractor_version or EXTRACTOR_VERSION)

    def reextract(self, report_id: str, *, extract=None,
                  extractor_version: str | None = None) -> ReextractResult:
        """Run the extractor again over a stored report's body and put its output in place of the
        machine events; reviewers' decisions stay. `extract(fields) -> Document` can be given
        (tests, other extractor builds); by default the pipeline runs."""
        from nkevents import EXTRACTOR_VERSION
        row = self._read(lambda c: c.execute(select(reports).where(
            reports.c.report_id == report_id)).first())
        if row is None:
            raise StoreError(f"{report_id}: no such report")
        fields = {"text": row.raw, "url": row.url, "outlet": row.outlet, "title": row.title,
                  "published": row.published}
        if extract is None:
            from nkevents.pipeline import extract as extract_pipeline
            doc = extract_pipeline(**fields)
        else:
            doc = extract(fields)
        return self._write(_ingest.replace_machine_events, report_id, doc,
                           extractor_version or EXTRACTOR_VERSION)

    def report_ids(self, *, stale_for: str | None = None, current_only: bool = False) -> list[str]:
        """Stored report ids; with stale_for=VERSION only those extracted by another version."""
        stmt = select(reports.c.report_id).order_by(reports.c.pk)
        if stale_for:
            stmt = stmt.where((reports.c.extractor_version != stale_for)
                              | reports.c.extractor_version.is_(None))
        if current_only:
            stmt = stmt.where(reports.c.is_current.is_(True))
        return self._read(lambda c: list(c.execute(stmt).scalars()))

    # ------------------------------------------------------------ failures

    def record_failure(self, source: str, reason: str) -> None:
        def write(conn):
            t = _ingest.now()
            found = conn.execute(select(failures.c.id).where(failures.c.source == source)).first()
            if found:
                conn.execute(update(failures).where(failures.c.id == found.id).values(
                    reason=reason, attempts=failures.c.attempts + 1, last_at=t))
            else:
                conn.execute(insert(failures).values(source=source, reason=reason, attempts=1,
                                                     first_at=t, last_at=t))
        self._write(write)

    def failures(self) -> list[dict]:
        rows = self._read(lambda c: list(c.execute(select(failures).order_by(failures.c.last_at,
                                                                             failures.c.id))))
        return [{"source": r.source, "reason": r.reason, "attempts": r.attempts,
                 "first_at": r.first_at.isoformat(), "last_at": r.last_at.isoformat()} for r in rows]

    def clear_failures(self) -> int:
        return self._write(lambda c: c.execute(delete(failures)).rowcount)

    # ------------------------------------------------------------ reading

    def query_events(self, f: EventFilter | None = None, *, limit: int = 50, offset: int = 0,
                     order: str = "date") -> tuple[list[dict], int]:
        """(events, total matching). order: date | -date | published | -published | report |
        confidence ("date" is chronological, undated last)."""
        return self._read(_queries.query_events, f, limit=limit, offset=offset, order=order)

    def iter_events(self, f: EventFilter | None = None, *, order: str = "date") -> Iterator[dict]:
        """Every matching event, streamed in one read (for exports)."""
        with self.engine.connect() as conn:
            yield from _queries.iter_events(conn, f, order)

    def get_event(self, event_id: str) -> dict | None:
        return self._read(_queries.get_event, event_id)

    def get_report(self, report_id: str) -> dict | None:
        return self._read(_queries.get_report, report_id)

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
        return self._read(_queries.search, query, limit=limit, offset=offset)

    def stats(self, f: EventFilter | None = None) -> dict:
        return self._read(_queries.stats, f)

    def resolve_place(self, value: str) -> list[str]:
        return self._read(_queries.resolve_place, value)

    def counts(self) -> dict:
        """How many reports, current reports, events and failures are stored."""
        from sqlalchemy import func
        from nkevents.store.schema import events

        def read(c):
            return {"reports": c.execute(select(func.count()).select_from(reports)).scalar_one(),
                    "events": c.execute(select(func.count()).select_from(events)).scalar_one(),
                    "failures": c.execute(select(func.count()).select_from(failures)).scalar_one()}
        return self._read(read)

    # ------------------------------------------------------------ reviews

    def review(self, event_id: str, *, user: str, action: str, changes: dict | None = None,
               note: str | None = None) -> dict:
        """confirm | reject | correct (changes: {"penalty.kind": "prison", ...}); returns the
        event as it now is. Raises ReviewError with a one-line reason."""
        self._write(_reviews.review, event_id, user=user, action=action, changes=changes, note=note)
        return self.get_event(event_id)

    def add_event(self, report_id: str, event: dict, *, user: str) -> str:
        return self._write(_reviews.add_event, report_id, event, user=user)

    def review_history(self, event_id: str) -> list[dict]:
        return self._read(_queries.review_history, event_id)

    # ------------------------------------------------------------ reviewed reports, eval (docs/review.md)

    def mark_reviewed(self, report_id: str, *, user: str, note: str | None = None) -> dict:
        """Mark a report fully reviewed: its events after review become gold."""
        return self._write(_reviews.mark_report, report_id, user=user, note=note)

    def unmark_reviewed(self, report_id: str, *, user: str, note: str | None = None) -> dict:
        return self._write(_reviews.unmark_report, report_id, user=user, note=note)

    def report_review_state(self, report_id: str) -> dict:
        return self._read(_reviews.report_review_state, report_id)

    def reviewed_reports(self) -> list[dict]:
        return self._read(_reviews.reviewed_report_list)

    def evaluate(self, **kwargs) -> "_reviews.GoldEvaluation":
        """Score the extractor against the fully reviewed reports (reviews.evaluate)."""
        return _reviews.evaluate(self, **kwargs)

    def record_evaluation(self, result, *, source: str) -> tuple[int, bool]:
        return _reviews.record_evaluation(self, result, source=source)

    def eval_runs(self, **kwargs) -> list[dict]:
        return self._read(_reviews.list_eval_runs, **kwargs)

    # ------------------------------------------------------------ users

    def add_user(self, username: str, password_hash: str, role: str) -> None:
        """Create the user, or replace the password hash and role of an existing one."""
        if role not in ROLES:
            raise StoreError(f"role {role!r} is not one of {', '.join(ROLES)}")

        def write(conn):
            if conn.execute(select(users.c.username).where(users.c.username == username)).first():
                conn.execute(update(users).where(users.c.username == username)
                             .values(password_hash=password_hash, role=role))
            else:
                conn.execute(insert(users).values(username=username, password_hash=password_hash,
                                                  role=role, created_at=_ingest.now()))
        self._write(write)

    def get_user(self, username: str) -> dict | None:
        row = self._read(lambda c: c.execute(select(users).where(users.c.username == username)).first())
        if row is None:
            return None
        return {"username": row.username, "password_hash": row.password_hash, "role": row.role,
                "created_at": row.created_at.isoformat()}

    def list_users(self) -> list[dict]:
        rows = self._read(lambda c: list(c.execute(select(users).order_by(users.c.username))))
        return [{"username": r.username, "role": r.role, "created_at": r.created_at.isoformat()}
                for r in rows]
