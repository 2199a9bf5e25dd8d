"""Alembic migrations of the project store, one file per schema version in ``versions/``."""
