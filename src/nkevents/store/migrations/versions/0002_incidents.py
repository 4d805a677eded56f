"""Incidents: one occurrence, many reports (nkevents.store.incidents, docs/incidents.md).

Revision ID: 0002_incidents
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_incidents"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String(40), primary_key=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_from", sa.String(10)),
        sa.Column("date_to", sa.String(10)),
        sa.Column("place_id", sa.String(200)),
        sa.Column("place_key", sa.String(201)),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("n_independent", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incidents_type_place_date", "incidents", ["type", "place_key", "date_from"])

    op.create_table(
        "incident_members",
        sa.Column("event_id", sa.String(64),
                  sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("report_id", sa.String(32), nullable=False),
        sa.Column("linked_to", sa.String(64)),
        sa.Column("score", sa.Float),
        sa.Column("reasons", sa.JSON),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_incident_members_incident", "incident_members", ["incident_id"])
    op.create_index("ix_incident_members_report", "incident_members", ["report_id"])

    op.create_table(
        "incident_keys",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("event_id", sa.String(64),
                  sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_incident_keys_event", "incident_keys", ["event_id"])

    op.create_table(
        "incident_bands",
        sa.Column("band", sa.String(40), primary_key=True),
        sa.Column("report_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True),
    )
    op.create_index("ix_incident_bands_report", "incident_bands", ["report_id"])

    op.create_table(
        "incident_sources",
        sa.Column("report_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("cites", sa.JSON),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )

    op.create_table(
        "incident_copies",
        sa.Column("report_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("other_id", sa.String(32),
                  sa.ForeignKey("reports.report_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("jaccard", sa.Float),
        sa.Column("containment", sa.Float),
    )

    op.create_table(
        "incident_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("incident_id", sa.String(40), nullable=False),
        sa.Column("event_ids", sa.JSON, nullable=False),
        sa.Column("new_incident_id", sa.String(40)),
        sa.Column("user", sa.String(100), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("incident_decisions", "incident_copies", "incident_sources", "incident_bands",
                  "incident_keys", "incident_members", "incidents"):
        op.drop_table(table)
