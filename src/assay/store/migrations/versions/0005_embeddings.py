"""Sentence embeddings cached by text hash and model.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SHA256 = sa.String(64)


def upgrade() -> None:
    """Add the embeddings table."""
    op.create_table(
        "embeddings",
        sa.Column("text_sha256", SHA256, primary_key=True),
        sa.Column("model", sa.String(200), primary_key=True),
        sa.Column("dims", sa.Integer, nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    """Drop the embeddings table."""
    op.drop_table("embeddings")
