"""The store's tables, as SQLAlchemy Core metadata.

The migrations in ``migrations/versions`` create exactly these tables; a test compares
the migrated schema with this metadata so the two cannot drift. Nothing here is
specific to SQLite: the same tables run on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

metadata = sa.MetaData()


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware.

    SQLite keeps no zone, so a naive value read back is UTC by construction.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Store aware times in UTC; refuse naive ones, whose zone is unknown."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC time")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Return aware UTC times whatever the backend kept."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


SHA256 = sa.String(64)

outlets = sa.Table(
    "outlets",
    metadata,
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

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id"), nullable=True, index=True),
    sa.Column("url", sa.Text, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("author", sa.Text, nullable=True),
    sa.Column("published", sa.String(40), nullable=True),
    sa.Column("language", sa.String(16), nullable=True),
    sa.Column("site_name", sa.Text, nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw_sha256", SHA256, nullable=False, index=True),
    sa.Column("text_sha256", SHA256, nullable=False, unique=True),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("encoding", sa.String(40), nullable=False),
    sa.Column("added_at", UTCDateTime(), nullable=False),
    sa.Column("family_id", sa.Integer, nullable=True, index=True),
    sqlite_autoincrement=True,
)

captures = sa.Table(
    "captures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, index=True),
    sa.Column("raw_sha256", SHA256, nullable=False, index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("final_url", sa.Text, nullable=True),
    sa.Column("captured_at", UTCDateTime(), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("tool", sa.String(100), nullable=False),
    sa.Column("tool_version", sa.String(100), nullable=False),
    sa.Column("duplicate", sa.String(16), nullable=False),
    sa.Column("origin", sa.String(16), nullable=False, server_default="file"),
    sa.Column("redirects", sa.JSON, nullable=True),
    sa.Column("http_status", sa.Integer, nullable=True),
    sa.Column("etag", sa.Text, nullable=True),
    sa.Column("last_modified", sa.Text, nullable=True),
    sa.UniqueConstraint("source", "raw_sha256", name="uq_captures_source_raw"),
    sqlite_autoincrement=True,
)

ingest_failures = sa.Table(
    "ingest_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("raw_sha256", SHA256, nullable=True, index=True),
    sa.Column("reason", sa.String(32), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

custody_log = sa.Table(
    "custody_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("subject_sha256", SHA256, nullable=False, index=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=True),
    sa.Column("detail", sa.JSON, nullable=False),
    sa.Column("prev_hash", SHA256, nullable=False),
    sa.Column("entry_hash", SHA256, nullable=False, unique=True),
    sqlite_autoincrement=True,
)

document_versions = sa.Table(
    "document_versions",
    metadata,
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

minhash_signatures = sa.Table(
    "minhash_signatures",
    metadata,
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("scheme", sa.String(40), nullable=False),
    sa.Column("hashvalues", sa.LargeBinary, nullable=False),
)

near_duplicates = sa.Table(
    "near_duplicates",
    metadata,
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("other_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("similarity", sa.Float, nullable=False),
)

feeds = sa.Table(
    "feeds",
    metadata,
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

# One row per document that the extraction stage has read: which text, with what.
extractions = sa.Table(
    "extractions",
    metadata,
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

mentions = sa.Table(
    "mentions",
    metadata,
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
    # The canonical claim the mention states; NULL until matching has run over it.
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=True),
    sa.Index("ix_mentions_document_id", "document_id"),
    sa.Index("ix_mentions_claim", "supplier", "recipient", "item"),
    sa.Index("ix_mentions_claim_id", "claim_id"),
    sqlite_autoincrement=True,
)

# Canonical claims. ``claim_key`` spells the claim (supplier|recipient|item|stage) so
# that claims with an unknown party are unique too (NULLs never collide in an index);
# keys are never reused, so a claim's ID (C12) is stable for the life of a project.
claims = sa.Table(
    "claims",
    metadata,
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

claim_links = sa.Table(
    "claim_links",
    metadata,
    sa.Column("source_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
    sa.Column("target_id", sa.Integer, sa.ForeignKey("claims.id"), primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
)

# Each document's stance toward each claim it bears on. ``inputs_sha256`` digests what
# the reading depended on (claim text, document text, its mentions, the model), so a
# reading is redone only when one of them changed.
stances = sa.Table(
    "stances",
    metadata,
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
    sa.Index("ix_stances_claim_id", "claim_id"),
)

# Sentence vectors by the SHA-256 of their exact text and the model that made them.
embeddings = sa.Table(
    "embeddings",
    metadata,
    sa.Column("text_sha256", SHA256, primary_key=True),
    sa.Column("model", sa.String(200), primary_key=True),
    sa.Column("dims", sa.Integer, nullable=False),
    sa.Column("vector", sa.LargeBinary, nullable=False),
)

outlet_grades = sa.Table(
    "outlet_grades",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("outlet_id", sa.Integer, sa.ForeignKey("outlets.id"), nullable=False, index=True),
    sa.Column("grade", sa.String(1), nullable=False),
    sa.Column("kind", sa.String(32), nullable=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("graded_by", sa.String(200), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

assessments = sa.Table(
    "assessments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False, index=True),
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

claim_resolutions = sa.Table(
    "claim_resolutions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False, index=True),
    sa.Column("verdict", sa.Boolean, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("resolved_by", sa.String(200), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

ach_hypotheses = sa.Table(
    "ach_hypotheses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False, index=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("added_by", sa.String(200), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

ach_overrides = sa.Table(
    "ach_overrides",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id"), nullable=False, index=True),
    sa.Column("hypothesis", sa.String(16), nullable=False),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("value", sa.String(2), nullable=False),
    sa.Column("overridden_by", sa.String(200), nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)
