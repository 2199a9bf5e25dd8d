"""Claim mentions and the record of which documents were extracted, with what.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assay.store.tables import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SHA256 = sa.String(64)


def upgrade() -> None:
    """Add the extractions and mentions tables."""
    op.create_table(
        "extractions",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("text_sha256", SHA256, nullable=False),
        sa.Column("extractor", sa.String(200), nullable=False),
        sa.Column("pack_sha256", SHA256, nullable=False),
        sa.Column("sentences", sa.Integer, nullable=False),
        sa.Column("parsed", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("extracted_at", UTCDateTime(), nullable=False),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("sentence_index", sa.Integer, nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
        sa.Column("supplier", sa.String(64), nullable=True),
        sa.Column("recipient", sa.String(64), nullable=True),
        sa.Column("item", sa.String(128), nullable=False),
        sa.Column("quantity", sa.BigInteger, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("polarity", sa.String(8), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("speaker", sa.Text, nullable=True),
        sa.Column("speaker_type", sa.String(16), nullable=False),
        sa.Column("basis", sa.String(32), nullable=True),
        sa.Column("cues", sa.JSON, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_index("ix_mentions_claim", "mentions", ["supplier", "recipient", "item"])


def downgrade() -> None:
    """Drop the extraction tables."""
    op.drop_index("ix_mentions_claim", table_name="mentions")
    op.drop_index("ix_mentions_document_id", table_name="mentions")
    op.drop_table("mentions")
    op.drop_table("extractions")
