"""Alembic environment: runs migrations on the connection that the store hands over.

assay never runs Alembic from an ini file; :mod:`assay.store.schema` passes an open
connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from assay.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
