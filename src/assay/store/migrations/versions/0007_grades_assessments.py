"""Outlet grades, assessments, claim resolutions and ACH matrices, kept as history.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assay.store.tables import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the grade, assessment, resolution and ACH tables."""
    op.create_table(
        "outlet_grades",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id"), nullable=False),
        sa.Column("grade", sa.String(1), nullable=False),
        sa.Column("kind", sa.String(32), nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("graded_by", sa.String(200), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_outlet_grades_outlet_id", "outlet_grades", ["outlet_id"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("prior", sa.Float, nullable=False),
        sa.Column("probability", sa.Float, nullable=False),
        sa.Column("word", sa.String(32), nullable=False),
        sa.Column("confidence", sa.String(16), nullable=False),
        sa.Column("lines", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("line_stances", sa.JSON, nullable=False),
        sa.Column("drivers", sa.JSON, nullable=False),
        sa.Column("missing", sa.JSON, nullable=False),
        sa.Column("method", sa.String(64), nullable=False),
        sa.Column("pack_sha256", sa.String(64), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_assessments_claim_id", "assessments", ["claim_id"])
    op.create_table(
        "claim_resolutions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("verdict", sa.Boolean, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("resolved_by", sa.String(200), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_claim_resolutions_claim_id", "claim_resolutions", ["claim_id"])
    op.create_table(
        "ach_hypotheses",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("added_by", sa.String(200), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_ach_hypotheses_claim_id", "ach_hypotheses", ["claim_id"])
    op.create_table(
        "ach_overrides",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False),
        sa.Column("hypothesis", sa.String(16), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("value", sa.String(2), nullable=False),
        sa.Column("overridden_by", sa.String(200), nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_ach_overrides_claim_id", "ach_overrides", ["claim_id"])


def downgrade() -> None:
    """Drop the five tables."""
    op.drop_index("ix_ach_overrides_claim_id", table_name="ach_overrides")
    op.drop_table("ach_overrides")
    op.drop_index("ix_ach_hypotheses_claim_id", table_name="ach_hypotheses")
    op.drop_table("ach_hypotheses")
    op.drop_index("ix_claim_resolutions_claim_id", table_name="claim_resolutions")
    op.drop_table("claim_resolutions")
    op.drop_index("ix_assessments_claim_id", table_name="assessments")
    op.drop_table("assessments")
    op.drop_index("ix_outlet_grades_outlet_id", table_name="outlet_grades")
    op.drop_table("outlet_grades")
