"""Canonical claims, the links between them, and each document's stance.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assay.store.tables import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SHA256 = sa.String(64)


def upgrade() -> None:
    """Add the claims, claim_links and stances tables, and each mention's claim."""
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim_key", sa.String(300), nullable=False, unique=True),
        sa.Column("supplier", sa.String(64), nullable=True),
        sa.Column("recipient", sa.String(64), nullable=True),
        sa.Column("item", sa.String(128), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "claim_links",
        sa.Column("source_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("target_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
    )
    op.create_table(
        "stances",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
        sa.Column("stance", sa.String(16), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("basis", sa.String(16), nullable=False),
        sa.Column("model_stance", sa.String(16), nullable=False),
        sa.Column("probabilities", sa.JSON, nullable=False),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("inputs_sha256", SHA256, nullable=False),
        sa.Column("read_at", UTCDateTime(), nullable=False),
    )
    op.create_index("ix_stances_claim_id", "stances", ["claim_id"])
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(
            sa.Column(
                "claim_id",
                sa.Integer,
                sa.ForeignKey("claims.id", name="fk_mentions_claim_id"),
                nullable=True,
            )
        )
        batch.create_index("ix_mentions_claim_id", ["claim_id"])


def downgrade() -> None:
    """Drop the claim tables and the mentions' claim column."""
    with op.batch_alter_table("mentions") as batch:
        batch.drop_index("ix_mentions_claim_id")
        batch.drop_constraint("fk_mentions_claim_id", type_="foreignkey")
        batch.drop_column("claim_id")
    op.drop_index("ix_stances_claim_id", table_name="stances")
    op.drop_table("stances")
    op.drop_table("claim_links")
    op.drop_table("claims")
