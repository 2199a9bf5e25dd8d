"""The repository: every SQL statement assay runs, and nothing else.

A :class:`Repository` wraps one open connection inside a transaction; the
:class:`~assay.store.Store` hands one out per unit of work. Rows go in as records'
fields and come out as records, so no other module sees a row or writes SQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from assay.errors import ReasonCode, StoreError
from assay.records import (
    Capture,
    CaptureOrigin,
    CustodyAction,
    CustodyEvent,
    Document,
    DuplicateKind,
    IngestFailure,
    Outlet,
    OutletKind,
    ParsedDocument,
    Redirect,
)
from assay.store.assessment_queries import AssessmentQueries
from assay.store.claim_queries import ClaimQueries
from assay.store.embedding_queries import EmbeddingQueries
from assay.store.mention_queries import MentionQueries
from assay.store.tables import (
    captures,
    custody_log,
    document_versions,
    documents,
    ingest_failures,
    outlets,
)
from assay.store.web_queries import WebQueries

GENESIS_HASH = "0" * 64


def custody_entry_hash(prev_hash: str, event: CustodyEvent) -> str:
    """The hash that chains a custody entry (its key and hashes aside) to the one before it.

    Any change to an earlier entry, or a removed entry, breaks every hash after it,
    which ``assay verify`` detects even on a backend without triggers.
    """
    payload = json.dumps(
        {
            "prev": prev_hash,
            "at": event.at.isoformat(),
            "action": event.action.value,
            "subject": event.subject_sha256,
            "document": event.document_key,
            "detail": event.detail,
        },
        sort_keys=True,
        ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode("ascii")).hexdigest()


def _outlet_from(row: sa.Row[Any], prefix: str = "") -> Outlet | None:
    key = getattr(row, f"{prefix}id")
    if key is None:
        return None
    return Outlet(
        key=key,
        domain=getattr(row, f"{prefix}domain"),
        name=getattr(row, f"{prefix}name"),
        kind=OutletKind(getattr(row, f"{prefix}kind")),
        country=getattr(row, f"{prefix}country"),
        state_affiliation=getattr(row, f"{prefix}state_affiliation"),
        reliability=getattr(row, f"{prefix}reliability"),
    )


def _inserted_key(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    if key is None:  # pragma: no cover - every table has an integer primary key
        raise StoreError("the database returned no key for a new row")
    return int(key[0])


_OUTLET_COLUMNS = [column.label(f"o_{column.name}") for column in outlets.columns]


class Repository(WebQueries, MentionQueries, EmbeddingQueries, ClaimQueries, AssessmentQueries):
    """Reads and writes records through one connection inside a transaction."""

    def __init__(self, connection: sa.Connection) -> None:
        """Wrap ``connection``, which the caller has begun a transaction on."""
        self.connection = connection

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """Run a block that is rolled back alone if it fails, leaving the transaction usable."""
        with self.connection.begin_nested():
            yield

    # Outlets -----------------------------------------------------------------------

    def ensure_outlet(self, outlet_key: str, domain: str | None, name: str, at: datetime) -> int:
        """Return the key of the outlet ``outlet_key``, creating it on first sight."""
        found = self.connection.execute(
            sa.select(outlets.c.id).where(outlets.c.outlet_key == outlet_key)
        ).scalar_one_or_none()
        if found is not None:
            return int(found)
        result = self.connection.execute(
            outlets.insert().values(outlet_key=outlet_key, domain=domain, name=name, created_at=at)
        )
        return _inserted_key(result)

    def get_outlet(self, key: int) -> Outlet | None:
        """The outlet with integer key ``key``, or None."""
        row = self.connection.execute(sa.select(outlets).where(outlets.c.id == key)).first()
        return _outlet_from(row) if row is not None else None

    def list_outlets(self) -> list[tuple[Outlet, int]]:
        """Every outlet with its number of documents, by key."""
        count = sa.func.count(documents.c.id).label("documents")
        query = (
            sa.select(outlets, count)
            .select_from(outlets.outerjoin(documents, documents.c.outlet_id == outlets.c.id))
            .group_by(*outlets.columns)
            .order_by(outlets.c.id)
        )
        result = []
        for row in self.connection.execute(query):
            outlet = _outlet_from(row)
            if outlet is not None:
                result.append((outlet, int(row.documents)))
        return result

    # Documents and captures ---------------------------------------------------------

    def find_document_by_raw(self, raw_sha256: str) -> int | None:
        """The document any capture of these exact bytes belongs to, if any."""
        found = self.connection.execute(
            sa.select(captures.c.document_id).where(captures.c.raw_sha256 == raw_sha256).limit(1)
        ).scalar_one_or_none()
        return None if found is None else int(found)

    def find_document_by_text(self, text_sha256: str) -> int | None:
        """The document whose normalised main text has this hash, if any."""
        found = self.connection.execute(
            sa.select(documents.c.id).where(documents.c.text_sha256 == text_sha256)
        ).scalar_one_or_none()
        return None if found is None else int(found)

    def has_capture(self, source: str, raw_sha256: str) -> bool:
        """True when these exact bytes were already taken in from this source."""
        found = self.connection.execute(
            sa.select(captures.c.id).where(
                captures.c.source == source, captures.c.raw_sha256 == raw_sha256
            )
        ).first()
        return found is not None

    def insert_document(
        self, parsed: ParsedDocument, raw_sha256: str, outlet_key: int | None, at: datetime
    ) -> int:
        """Store a new document and return its key."""
        result = self.connection.execute(
            documents.insert().values(
                outlet_id=outlet_key,
                url=parsed.url,
                title=parsed.title,
                author=parsed.author,
                published=parsed.published,
                language=parsed.language,
                site_name=parsed.site_name,
                text=parsed.text,
                raw_sha256=raw_sha256,
                text_sha256=parsed.text_sha256,
                media_type=parsed.media_type,
                encoding=parsed.encoding,
                added_at=at,
            )
        )
        return _inserted_key(result)

    def insert_capture(
        self, capture: Capture, etag: str | None = None, last_modified: str | None = None
    ) -> int:
        """Store a capture record (its ``key`` is ignored) and return its new key."""
        result = self.connection.execute(
            captures.insert().values(
                document_id=capture.document_key,
                raw_sha256=capture.raw_sha256,
                source=capture.source,
                final_url=capture.final_url,
                captured_at=capture.captured_at,
                size=capture.size,
                media_type=capture.media_type,
                tool=capture.tool,
                tool_version=capture.tool_version,
                duplicate=capture.duplicate.value,
                origin=capture.origin.value,
                redirects=[{"url": r.url, "status": r.status} for r in capture.redirects] or None,
                http_status=capture.http_status,
                etag=etag,
                last_modified=last_modified,
            )
        )
        return _inserted_key(result)

    def _document_query(self) -> sa.Select[Any]:
        capture_count = (
            sa.select(sa.func.count(captures.c.id))
            .where(captures.c.document_id == documents.c.id)
            .scalar_subquery()
            .label("capture_count")
        )
        version_count = (
            sa.select(sa.func.count(document_versions.c.id))
            .where(document_versions.c.document_id == documents.c.id)
            .scalar_subquery()
            .label("version_count")
        )
        return (
            sa.select(documents, capture_count, version_count, *_OUTLET_COLUMNS)
            .select_from(documents.outerjoin(outlets, documents.c.outlet_id == outlets.c.id))
            .order_by(documents.c.id)
        )

    @staticmethod
    def _document_from(row: sa.Row[Any]) -> Document:
        return Document(
            key=row.id,
            title=row.title,
            author=row.author,
            published=row.published,
            language=row.language,
            site_name=row.site_name,
            url=row.url,
            text=row.text,
            raw_sha256=row.raw_sha256,
            text_sha256=row.text_sha256,
            media_type=row.media_type,
            added_at=row.added_at,
            outlet=_outlet_from(row, "o_"),
            captures=int(row.capture_count),
            family_key=row.family_id,
            versions=1 + int(row.version_count),
        )

    def list_documents(self, outlet_key: int | None = None) -> list[Document]:
        """Every document (or one outlet's), oldest key first."""
        query = self._document_query()
        if outlet_key is not None:
            query = query.where(documents.c.outlet_id == outlet_key)
        return [self._document_from(row) for row in self.connection.execute(query)]

    def get_document(self, key: int) -> Document | None:
        """The document with integer key ``key``, or None."""
        row = self.connection.execute(self._document_query().where(documents.c.id == key)).first()
        return None if row is None else self._document_from(row)

    def captures_of(self, document_key: int) -> list[Capture]:
        """Every capture linked to a document, oldest first."""
        rows = self.connection.execute(
            sa.select(captures)
            .where(captures.c.document_id == document_key)
            .order_by(captures.c.id)
        )
        return [
            Capture(
                key=row.id,
                document_key=row.document_id,
                raw_sha256=row.raw_sha256,
                source=row.source,
                final_url=row.final_url,
                captured_at=row.captured_at,
                size=row.size,
                media_type=row.media_type,
                tool=row.tool,
                tool_version=row.tool_version,
                duplicate=DuplicateKind(row.duplicate),
                origin=CaptureOrigin(row.origin),
                redirects=tuple(Redirect(r["url"], int(r["status"])) for r in row.redirects or []),
                http_status=row.http_status,
            )
            for row in rows
        ]

    def count_documents(self) -> int:
        """How many documents the store holds."""
        return int(self.connection.execute(sa.select(sa.func.count(documents.c.id))).scalar_one())

    # Failures ------------------------------------------------------------------------

    def record_failure(self, failure: IngestFailure, at: datetime) -> bool:
        """Record a failed input once; return False when the same failure was already recorded."""
        sha_match = (
            ingest_failures.c.raw_sha256.is_(None)
            if failure.raw_sha256 is None
            else ingest_failures.c.raw_sha256 == failure.raw_sha256
        )
        exists = self.connection.execute(
            sa.select(ingest_failures.c.id).where(
                ingest_failures.c.source == failure.source,
                ingest_failures.c.reason == failure.reason.value,
                sha_match,
            )
        ).first()
        if exists is not None:
            return False
        self.connection.execute(
            ingest_failures.insert().values(
                source=failure.source,
                raw_sha256=failure.raw_sha256,
                reason=failure.reason.value,
                message=failure.message,
                at=at,
            )
        )
        return True

    def list_failures(self) -> list[IngestFailure]:
        """Every recorded failure, oldest first."""
        rows = self.connection.execute(sa.select(ingest_failures).order_by(ingest_failures.c.id))
        return [
            IngestFailure(
                source=row.source,
                reason=ReasonCode(row.reason),
                message=row.message,
                raw_sha256=row.raw_sha256,
            )
            for row in rows
        ]

    # Archive references --------------------------------------------------------------

    def archived_sources(self) -> dict[str, list[str]]:
        """Every raw digest the store refers to, with the sources it came from."""
        found: dict[str, list[str]] = {}
        for table in (captures, ingest_failures):
            query = (
                sa.select(table.c.raw_sha256, table.c.source)
                .where(table.c.raw_sha256.is_not(None))
                .order_by(table.c.id)
            )
            for digest, source in self.connection.execute(query):
                sources = found.setdefault(digest, [])
                if source not in sources:
                    sources.append(source)
        return found

    # Custody -------------------------------------------------------------------------

    def append_custody(
        self,
        action: CustodyAction,
        subject_sha256: str,
        document_key: int | None,
        detail: dict[str, str],
        at: datetime,
    ) -> str:
        """Append one event to the custody log, chained to the last; return its hash."""
        prev = self.connection.execute(
            sa.select(custody_log.c.entry_hash).order_by(custody_log.c.id.desc()).limit(1)
        ).scalar_one_or_none()
        prev_hash = prev or GENESIS_HASH
        unsealed = CustodyEvent(0, at, action, subject_sha256, document_key, detail, prev_hash, "")
        entry_hash = custody_entry_hash(prev_hash, unsealed)
        self.connection.execute(
            custody_log.insert().values(
                at=at,
                action=action.value,
                subject_sha256=subject_sha256,
                document_id=document_key,
                detail=detail,
                prev_hash=prev_hash,
                entry_hash=entry_hash,
            )
        )
        return entry_hash

    def custody_events(self, subjects: Sequence[str] | None = None) -> list[CustodyEvent]:
        """The custody log in order, or only the events about the given digests."""
        query = sa.select(custody_log).order_by(custody_log.c.id)
        if subjects is not None:
            query = query.where(custody_log.c.subject_sha256.in_(list(subjects)))
        return [
            CustodyEvent(
                key=row.id,
                at=row.at,
                action=CustodyAction(row.action),
                subject_sha256=row.subject_sha256,
                document_key=row.document_id,
                detail=dict(row.detail),
                prev_hash=row.prev_hash,
                entry_hash=row.entry_hash,
            )
            for row in self.connection.execute(query)
        ]
