"""The tables of the record (SQLAlchemy Core). docs/store.md describes each table.

These Table objects are what the queries use. The database itself is created and changed only by
the Alembic migrations in store/migrations/versions (a test checks that the two agree). Full-text
search objects are not here because they differ by backend: an FTS5 table `reports_fts` on SQLite,
a generated tsvector column `reports.search_vector` on PostgreSQL (both made by migration 0001).
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, UniqueConstraint)

metadata = MetaData()

# One row per stored version of a report. A changed text under a known URL is a new row (revision
# n+1) and the older rows stay, with is_current false.
reports = Table(
    "reports", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # rowid for the FTS5 table
    Column("report_id", String(32), nullable=False, unique=True),  # content_hash[:16]
    Column("content_hash", String(64), nullable=False, unique=True),  # of the body as read
    Column("text_hash", String(64), nullable=False),  # of the cleaned text (= document.id)
    Column("url", Text),
    Column("revision", Integer, nullable=False, default=1),
    Column("is_current", Boolean, nullable=False, default=True),
    Column("supersedes", String(32)),  # report_id of the previous revision of the same URL
    Column("outlet", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("source", Text),  # file (and line or entry) it was read from
    Column("raw", Text, nullable=False),  # body as read, input of re-extraction
    Column("text", Text, nullable=False),  # cleaned text every offset points into
    Column("removed", JSON),
    Column("places", JSON),
    Column("sentences", JSON),  # [[start, end], ...] spans of doc.text
    Column("extractor_version", String(32)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("url", "revision", name="uq_reports_url_revision"),
)
Index("ix_reports_url", reports.c.url)
Index("ix_reports_outlet", reports.c.outlet)

# One row per event. `data` is the event object in force (the spec's event JSON, with a
# reviewer's corrections applied); the other columns are copies of its fields for filtering.
events = Table(
    "events", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("report_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           nullable=False),
    Column("local_id", String(64)),  # the extractor's id within the document
    Column("seq", Integer, nullable=False, default=0),  # order within the report
    Column("origin", String(16), nullable=False),  # machine | reviewer
    Column("review_status", String(16), nullable=False),  # machine|confirmed|corrected|rejected|added
    Column("extractor_version", String(32)),
    Column("is_current", Boolean, nullable=False, default=True),  # its report is the current revision
    Column("type", String(32), nullable=False),
    Column("date_start", String(10)),  # as in the event (may be --MM-DD)
    Column("date_end", String(10)),
    Column("date_precision", String(16)),
    Column("date_from", String(10)),  # ISO start, NULL when the year is unknown: used by filters
    Column("date_to", String(10)),
    Column("place_id", String(200)),
    Column("place_key", String(201)),  # place_id + "." : a subtree is one index range
    Column("place_name", Text),
    Column("place_level", String(32)),
    Column("lat", Float),
    Column("lon", Float),
    Column("coord_precision", String(16)),
    Column("modality", String(16)),
    Column("penalty_kind", String(32)),
    Column("penalty_min", Integer),
    Column("penalty_max", Integer),
    Column("subjects_count", Integer),
    Column("confidence", Float),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("data", JSON, nullable=False),
    Column("machine_data", JSON),  # the latest machine output for this id (kept under a review)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
# The listing "type + place subtree + date range" reads only this index until the few matching
# rows (date_to is in it so rows outside the dates are skipped without visiting the table).
Index("ix_events_type_place_date", events.c.type, events.c.place_key, events.c.date_from,
      events.c.date_to)
Index("ix_events_place_date", events.c.place_key, events.c.date_from)
Index("ix_events_date", events.c.date_from)
Index("ix_events_report", events.c.report_id)
Index("ix_events_review_status", events.c.review_status)
Index("ix_events_penalty", events.c.penalty_kind)

event_charges = Table(
    "event_charges", metadata,
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"),
           primary_key=True),
    Column("charge", String(32), primary_key=True),
)
Index("ix_event_charges_charge", event_charges.c.charge, event_charges.c.event_id)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"),
           primary_key=True),
    Column("actor_id", String(32), primary_key=True),
    Column("role", String(16), primary_key=True),
)
Index("ix_event_actors_actor", event_actors.c.actor_id, event_actors.c.event_id)

# Every reviewer decision, never updated or deleted: the history of an event.
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"),
           nullable=False),
    Column("user", String(100), nullable=False),
    Column("action", String(16), nullable=False),  # confirm | reject | correct | add
    Column("changes", JSON),
    Column("note", Text),
    Column("before", JSON),  # the event object before the decision
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_reviews_event", reviews.c.event_id)

# Inputs that could not be read or stored; one row per source, updated on each new attempt and
# removed once the source is stored.
failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False, unique=True),
    Column("reason", Text, nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
    Column("first_at", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
)

users = Table(
    "users", metadata,
    Column("username", String(100), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),  # viewer | editor | admin
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# ---- Reviewed reports and evaluation (migration 0003_reviewed, docs/review.md) ----

# Reports a reviewer marked fully reviewed: every event checked, missed ones added. Their events
# after review are the gold `nkevents eval` scores the extractor against. `places` is the report's
# list of kp place ids when it was marked (re-extraction rewrites reports.places; the gold stays).
reviewed_reports = Table(
    "reviewed_reports", metadata,
    Column("report_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           primary_key=True),
    Column("reviewed_by", String(100), nullable=False),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String(32)),  # of the machine output the reviewer checked
    Column("places", JSON, nullable=False),
    Column("note", Text),
)

# Every report-level decision (done | undone), never updated or deleted.
report_reviews = Table(
    "report_reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("report_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           nullable=False),
    Column("user", String(100), nullable=False),
    Column("action", String(16), nullable=False),  # done | undone
    Column("note", Text),
    Column("extractor_version", String(32)),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_report_reviews_report", report_reviews.c.report_id)

# One row per evaluation of an extractor version on the reviewed reports (nkevents eval, the
# Quality page, reextract). `gold_key` fingerprints the gold it was scored on, so runs on the same
# gold can be told apart from runs after more reviewing.
eval_runs = Table(
    "eval_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("extractor_version", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("source", String(32), nullable=False),  # eval | web | reextract
    Column("n_reports", Integer, nullable=False),
    Column("n_gold_events", Integer, nullable=False),
    Column("event_f1", Float, nullable=False),
    Column("strict_f1", Float, nullable=False),
    Column("places_f1", Float, nullable=False),
    Column("penalty_kind_acc", Float),
    Column("failed", Integer, nullable=False),
    Column("gold_key", String(64), nullable=False),
    Column("filters", JSON),
    Column("figures", JSON, nullable=False),  # every figure of nkevents.evaluation
    Column("errors", JSON),  # the misses, false alarms and wrong attributes behind them
)
Index("ix_eval_runs_version", eval_runs.c.extractor_version, eval_runs.c.at)
