"""Fetched inputs, feeds, document versions and near-duplicate families.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assay.store.tables import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SHA256 = sa.String(64)


def upgrade() -> None:
    """Add capture provenance columns, document families, and the new tables."""
    with op.batch_alter_table("captures") as batch:
        batch.add_column(sa.Column("origin", sa.String(16), nullable=False, server_default="file"))
        batch.add_column(sa.Column("redirects", sa.JSON, nullable=True))
        batch.add_column(sa.Column("http_status", sa.Integer, nullable=True))
        batch.add_column(sa.Column("etag", sa.Text, nullable=True))
        batch.add_column(sa.Column("last_modified", sa.Text, nullable=True))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("family_id", sa.Integer, nullable=True))
        batch.create_index("ix_documents_family_id", ["family_id"])
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("raw_sha256", SHA256, nullable=False),
        sa.Column("text_sha256", SHA256, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("diff", sa.Text, nullable=False),
        sa.Column("added_cues", sa.JSON, nullable=False),
        sa.Column("removed_cues", sa.JSON, nullable=False),
        sa.Column("captured_at", UTCDateTime(), nullable=False),
        sa.UniqueConstraint("document_id", "number", name="uq_document_versions_number"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "minhash_signatures",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("scheme", sa.String(40), nullable=False),
        sa.Column("hashvalues", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "near_duplicates",
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("other_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("similarity", sa.Float, nullable=False),
    )
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("etag", sa.Text, nullable=True),
        sa.Column("last_modified", sa.Text, nullable=True),
        sa.Column("raw_sha256", SHA256, nullable=True),
        sa.Column("polled_at", UTCDateTime(), nullable=False),
        sa.Column("items", sa.Integer, nullable=False, server_default="0"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    """Drop the new tables and columns."""
    for table in ("feeds", "near_duplicates", "minhash_signatures", "document_versions"):
        op.drop_table(table)
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_family_id")
        batch.drop_column("family_id")
    with op.batch_alter_table("captures") as batch:
        for column in ("last_modified", "etag", "http_status", "redirects", "origin"):
            batch.drop_column(column)
