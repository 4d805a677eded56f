"""Initial record: reports (with full-text search), events, charges, actors, reviews, failures, users.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ts(name, nullable=False):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.String(32), nullable=False, unique=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("supersedes", sa.String(32)),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("source", sa.Text),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("removed", sa.JSON),
        sa.Column("places", sa.JSON),
        sa.Column("sentences", sa.JSON),
        sa.Column("extractor_version", sa.String(32)),
        _ts("ingested_at"),
        sa.UniqueConstraint("url", "revision", name="uq_reports_url_revision"),
    )
    op.create_index("ix_reports_url", "reports", ["url"])
    op.create_index("ix_reports_outlet", "reports", ["outlet"])

    op.create_table(
        "events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("report_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), nullable=False),
        sa.Column("local_id", sa.String(64)),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("review_status", sa.String(16), nullable=False),
        sa.Column("extractor_version", sa.String(32)),
        sa.Column("is_current", sa.Boolean, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_from", sa.String(10)),
        sa.Column("date_to", sa.String(10)),
        sa.Column("place_id", sa.String(200)),
        sa.Column("place_key", sa.String(201)),
        sa.Column("place_name", sa.Text),
        sa.Column("place_level", sa.String(32)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("coord_precision", sa.String(16)),
        sa.Column("modality", sa.String(16)),
        sa.Column("penalty_kind", sa.String(32)),
        sa.Column("penalty_min", sa.Integer),
        sa.Column("penalty_max", sa.Integer),
        sa.Column("subjects_count", sa.Integer),
        sa.Column("confidence", sa.Float),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("machine_data", sa.JSON),
        _ts("created_at"),
        _ts("updated_at"),
    )
    op.create_index("ix_events_type_place_date", "events", ["type", "place_key", "date_from", "date_to"])
    op.create_index("ix_events_place_date", "events", ["place_key", "date_from"])
    op.create_index("ix_events_date", "events", ["date_from"])
    op.create_index("ix_events_report", "events", ["report_id"])
    op.create_index("ix_events_review_status", "events", ["review_status"])
    op.create_index("ix_events_penalty", "events", ["penalty_kind"])

    op.create_table(
        "event_charges",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("charge", sa.String(32), primary_key=True),
    )
    op.create_index("ix_event_charges_charge", "event_charges", ["charge", "event_id"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("actor_id", sa.String(32), primary_key=True),
        sa.Column("role", sa.String(16), primary_key=True),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id", "event_id"])

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.JSON),
        sa.Column("note", sa.Text),
        sa.Column("before", sa.JSON),
        _ts("at"),
    )
    op.create_index("ix_reviews_event", "reviews", ["event_id"])
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False, unique=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        _ts("first_at"),
        _ts("last_at"),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(100), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        _ts("created_at"),
    )

    # Full-text search over title and text, kept in step with reports by the database itself.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE reports_fts USING fts5(title, text, content='reports', "
                   "content_rowid='pk', tokenize='porter unicode61')")
        op.execute("CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN "
                   "INSERT INTO reports_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
        op.execute("CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN "
                   "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
                   "VALUES ('delete', old.pk, old.title, old.text); END")
        op.execute("CREATE TRIGGER reports_fts_au AFTER UPDATE OF title, text ON reports BEGIN "
                   "INSERT INTO reports_fts(reports_fts, rowid, title, text) "
                   "VALUES ('delete', old.pk, old.title, old.text); "
                   "INSERT INTO reports_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END")
    else:
        op.execute("ALTER TABLE reports ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
                   "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                   "setweight(to_tsvector('english', text), 'B')) STORED")
        op.execute("CREATE INDEX ix_reports_search ON reports USING GIN (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("reports_fts_ai", "reports_fts_ad", "reports_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS reports_fts")
    for table in ("users", "failures", "reviews", "event_actors", "event_charges", "events",
                  "reports"):
        op.drop_table(table)
