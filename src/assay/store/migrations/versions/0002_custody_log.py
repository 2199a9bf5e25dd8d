"""The append-only custody log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

The store itself refuses UPDATE and DELETE on the log (a trigger on each backend),
so no code path, buggy or not, can rewrite the history of the evidence.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from assay.store.tables import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SHA256 = sa.String(64)

_SQLITE_TRIGGERS = (
    """
    CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
    BEGIN SELECT RAISE(ABORT, 'custody_log is append-only: UPDATE refused'); END
    """,
    """
    CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
    BEGIN SELECT RAISE(ABORT, 'custody_log is append-only: DELETE refused'); END
    """,
)

_POSTGRESQL_TRIGGERS = (
    """
    CREATE FUNCTION assay_custody_log_append_only() RETURNS trigger AS $$
    BEGIN
      RAISE EXCEPTION 'custody_log is append-only: % refused', TG_OP;
    END
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER custody_log_no_change BEFORE UPDATE OR DELETE ON custody_log
    FOR EACH ROW EXECUTE FUNCTION assay_custody_log_append_only()
    """,
    """
    CREATE TRIGGER custody_log_no_truncate BEFORE TRUNCATE ON custody_log
    FOR EACH STATEMENT EXECUTE FUNCTION assay_custody_log_append_only()
    """,
)


def upgrade() -> None:
    """Create the custody log and the triggers that keep it append-only."""
    op.create_table(
        "custody_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("subject_sha256", SHA256, nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("detail", sa.JSON, nullable=False),
        sa.Column("prev_hash", SHA256, nullable=False),
        sa.Column("entry_hash", SHA256, nullable=False, unique=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_custody_log_subject_sha256", "custody_log", ["subject_sha256"])
    dialect = op.get_bind().dialect.name
    statements = _POSTGRESQL_TRIGGERS if dialect == "postgresql" else _SQLITE_TRIGGERS
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    """Drop the custody log and its triggers."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE custody_log")
        op.execute("DROP FUNCTION assay_custody_log_append_only()")
    else:
        op.drop_table("custody_log")
