"""Outlets, documents, captures and ingest failures.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assay.store.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SHA256 = sa.String(64)


def upgrade() -> None:
    """Create the document tables."""
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("outlet_key", sa.String(300), nullable=False, unique=True),
        sa.Column("domain", sa.String(255), nullable=True),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False, server_default="unknown"),
        sa.Column("country", sa.String(64), nullable=True),
        sa.Column("state_affiliation", sa.String(64), nullable=True),
        sa.Column("reliability", sa.String(1), nullable=False, server_default="F"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id"), nullable=True),
        sa.Column("url", sa.Text, nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("author", sa.Text, nullable=True),
        sa.Column("published", sa.String(40), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        sa.Column("site_name", sa.Text, nullable=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_sha256", SHA256, nullable=False),
        sa.Column("text_sha256", SHA256, nullable=False, unique=True),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("encoding", sa.String(40), nullable=False),
        sa.Column("added_at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_documents_outlet_id", "documents", ["outlet_id"])
    op.create_index("ix_documents_raw_sha256", "documents", ["raw_sha256"])
    op.create_table(
        "captures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("raw_sha256", SHA256, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("final_url", sa.Text, nullable=True),
        sa.Column("captured_at", UTCDateTime(), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("tool", sa.String(100), nullable=False),
        sa.Column("tool_version", sa.String(100), nullable=False),
        sa.Column("duplicate", sa.String(16), nullable=False),
        sa.UniqueConstraint("source", "raw_sha256", name="uq_captures_source_raw"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_captures_document_id", "captures", ["document_id"])
    op.create_index("ix_captures_raw_sha256", "captures", ["raw_sha256"])
    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("raw_sha256", SHA256, nullable=True),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_ingest_failures_raw_sha256", "ingest_failures", ["raw_sha256"])


def downgrade() -> None:
    """Drop the document tables."""
    for table in ("ingest_failures", "captures", "documents", "outlets"):
        op.drop_table(table)
