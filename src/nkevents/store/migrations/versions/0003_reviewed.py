"""Reviewed reports become gold: report-level review marks and their log, evaluation runs
(nkevents.store.reviews, docs/review.md).

Revision ID: 0003_reviewed
Revises: 0002_incidents
"""
import sqlalchemy as sa
from alembic import op

revision = "0003_reviewed"
down_revision = "0002_incidents"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviewed_reports",
        sa.Column("report_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("reviewed_by", sa.String(100), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.String(32)),
        sa.Column("places", sa.JSON, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_table(
        "report_reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("report_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), nullable=False),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("extractor_version", sa.String(32)),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_report_reviews_report", "report_reviews", ["report_id"])
    op.create_table(
        "eval_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_gold_events", sa.Integer, nullable=False),
        sa.Column("event_f1", sa.Float, nullable=False),
        sa.Column("strict_f1", sa.Float, nullable=False),
        sa.Column("places_f1", sa.Float, nullable=False),
        sa.Column("penalty_kind_acc", sa.Float),
        sa.Column("failed", sa.Integer, nullable=False),
        sa.Column("gold_key", sa.String(64), nullable=False),
        sa.Column("filters", sa.JSON),
        sa.Column("figures", sa.JSON, nullable=False),
        sa.Column("errors", sa.JSON),
    )
    op.create_index("ix_eval_runs_version", "eval_runs", ["extractor_version", "at"])


def downgrade() -> None:
    op.drop_index("ix_eval_runs_version", "eval_runs")
    op.drop_table("eval_runs")
    op.drop_index("ix_report_reviews_report", "report_reviews")
    op.drop_table("report_reviews")
    op.drop_table("reviewed_reports")
