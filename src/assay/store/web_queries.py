"""The repository's queries for fetched sources, versions, feeds and near-duplicates.

Split from :mod:`assay.store.repository` to keep modules small; :class:`WebQueries`
is mixed into :class:`~assay.store.repository.Repository` and shares its connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa

from assay.records import CaptureOrigin, DocumentVersion, NearDuplicate
from assay.store.tables import (
    captures,
    document_versions,
    documents,
    feeds,
    minhash_signatures,
    near_duplicates,
)


class WebQueries:
    """Queries about fetched URLs, document versions, feeds and near-duplicate pairs."""

    connection: sa.Connection

    # Fetched sources ----------------------------------------------------------------

    def has_source(self, source: str) -> bool:
        """True when anything was ever captured from this source (a path or requested URL)."""
        found = self.connection.execute(
            sa.select(captures.c.id).where(captures.c.source == source).limit(1)
        ).first()
        return found is not None

    def url_sources(self, document_keys: Sequence[int] | None = None) -> list[tuple[int, str]]:
        """Each document's first fetched URL, as (document key, requested URL)."""
        first = (
            sa.select(captures.c.document_id, sa.func.min(captures.c.id).label("first_id"))
            .where(captures.c.origin.in_([CaptureOrigin.URL.value, CaptureOrigin.FEED_ITEM.value]))
            .group_by(captures.c.document_id)
            .subquery()
        )
        query = (
            sa.select(captures.c.document_id, captures.c.source)
            .join(first, captures.c.id == first.c.first_id)
            .order_by(captures.c.document_id)
        )
        if document_keys is not None:
            query = query.where(captures.c.document_id.in_(list(document_keys)))
        return [(int(key), str(source)) for key, source in self.connection.execute(query)]

    def validators_of(self, document_key: int, source: str) -> tuple[str | None, str | None]:
        """The newest ETag and Last-Modified seen for a document's URL."""
        row = self.connection.execute(
            sa.select(captures.c.etag, captures.c.last_modified)
            .where(captures.c.document_id == document_key, captures.c.source == source)
            .order_by(captures.c.id.desc())
            .limit(1)
        ).first()
        return (row.etag, row.last_modified) if row else (None, None)

    # Versions --------------------------------------------------------------------------

    def versions_of(self, document_key: int) -> list[DocumentVersion]:
        """The later versions of a document, oldest first (version 1 is the document itself)."""
        rows = self.connection.execute(
            sa.select(document_versions)
            .where(document_versions.c.document_id == document_key)
            .order_by(document_versions.c.number)
        )
        return [
            DocumentVersion(
                document_key=row.document_id,
                number=row.number,
                raw_sha256=row.raw_sha256,
                text_sha256=row.text_sha256,
                captured_at=row.captured_at,
                diff=row.diff,
                added_cues=tuple(row.added_cues),
                removed_cues=tuple(row.removed_cues),
            )
            for row in rows
        ]

    def latest_text(self, document_key: int) -> tuple[str, str]:
        """The newest text of a document and its hash: its last version, or its first text."""
        row = self.connection.execute(
            sa.select(document_versions.c.text, document_versions.c.text_sha256)
            .where(document_versions.c.document_id == document_key)
            .order_by(document_versions.c.number.desc())
            .limit(1)
        ).first()
        if row is None:
            row = self.connection.execute(
                sa.select(documents.c.text, documents.c.text_sha256).where(
                    documents.c.id == document_key
                )
            ).one()
        return str(row.text), str(row.text_sha256)

    def insert_version(self, version: DocumentVersion, text: str) -> None:
        """Store a new version of a document."""
        self.connection.execute(
            document_versions.insert().values(
                document_id=version.document_key,
                number=version.number,
                raw_sha256=version.raw_sha256,
                text_sha256=version.text_sha256,
                text=text,
                diff=version.diff,
                added_cues=list(version.added_cues),
                removed_cues=list(version.removed_cues),
                captured_at=version.captured_at,
            )
        )

    # Feeds -----------------------------------------------------------------------------

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a feed answered with last time."""
        row = self.connection.execute(
            sa.select(feeds.c.etag, feeds.c.last_modified).where(feeds.c.url == url)
        ).first()
        return (row.etag, row.last_modified) if row else (None, None)

    def save_feed(  # noqa: PLR0913, PLR0917 - one row's columns
        self,
        url: str,
        title: str | None,
        validators: tuple[str | None, str | None],
        raw_sha256: str | None,
        items: int,
        at: datetime,
    ) -> None:
        """Record a poll of a feed (creating its row on first sight).

        A value given as None keeps what was stored: a 304 answer carries no title,
        no body and often no validators, and must not erase the last ones.
        """
        known = {
            "title": title,
            "etag": validators[0],
            "last_modified": validators[1],
            "raw_sha256": raw_sha256,
        }
        values: dict[str, object] = {k: v for k, v in known.items() if v is not None}
        values.update(polled_at=at, items=items)
        updated = self.connection.execute(feeds.update().where(feeds.c.url == url).values(values))
        if updated.rowcount == 0:
            self.connection.execute(feeds.insert().values(url=url, **values))

    # Near-duplicates -------------------------------------------------------------------

    def save_signature(self, document_key: int, scheme: str, hashvalues: bytes) -> None:
        """Store a document's MinHash signature under the scheme that made it."""
        self.connection.execute(
            minhash_signatures.insert().values(
                document_id=document_key, scheme=scheme, hashvalues=hashvalues
            )
        )

    def signatures(self, scheme: str) -> dict[int, bytes]:
        """Every stored signature of one scheme, by document key."""
        rows = self.connection.execute(
            sa.select(minhash_signatures.c.document_id, minhash_signatures.c.hashvalues).where(
                minhash_signatures.c.scheme == scheme
            )
        )
        return {int(key): bytes(value) for key, value in rows}

    def documents_without_signature(self, scheme: str) -> list[tuple[int, str]]:
        """(key, text) of documents that have no signature of this scheme yet."""
        signed = sa.select(minhash_signatures.c.document_id).where(
            minhash_signatures.c.scheme == scheme
        )
        rows = self.connection.execute(
            sa.select(documents.c.id, documents.c.text)
            .where(documents.c.id.not_in(signed))
            .order_by(documents.c.id)
        )
        return [(int(key), str(text)) for key, text in rows]

    def save_near_duplicates(self, pairs: Sequence[tuple[int, int, float]]) -> None:
        """Record near-duplicate pairs (each stored once, smaller key first; repeats ignored)."""
        ordered = {(min(a, b), max(a, b)): similarity for a, b, similarity in pairs}
        if not ordered:
            return
        involved = sorted({key for pair in ordered for key in pair})
        existing = {
            (int(a), int(b))
            for a, b in self.connection.execute(
                sa.select(near_duplicates.c.document_id, near_duplicates.c.other_id).where(
                    near_duplicates.c.document_id.in_(involved)
                )
            )
        }
        rows = [
            {"document_id": a, "other_id": b, "similarity": similarity}
            for (a, b), similarity in sorted(ordered.items())
            if (a, b) not in existing
        ]
        if rows:
            self.connection.execute(near_duplicates.insert(), rows)

    def near_duplicate_pairs(self) -> list[tuple[int, int]]:
        """Every near-duplicate pair."""
        rows = self.connection.execute(
            sa.select(near_duplicates.c.document_id, near_duplicates.c.other_id)
        )
        return [(int(a), int(b)) for a, b in rows]

    def near_duplicates_of(self, document_key: int) -> list[NearDuplicate]:
        """The near-duplicates of one document, most similar first."""
        rows = self.connection.execute(
            sa.select(near_duplicates).where(
                sa.or_(
                    near_duplicates.c.document_id == document_key,
                    near_duplicates.c.other_id == document_key,
                )
            )
        )
        found = [
            NearDuplicate(
                row.other_id if row.document_id == document_key else row.document_id,
                float(row.similarity),
            )
            for row in rows
        ]
        return sorted(found, key=lambda n: (-n.similarity, n.document_key))

    def set_families(self, families: dict[int, int]) -> None:
        """Make each given document's family as given; only changed rows are written."""
        current = {
            int(key): family
            for key, family in self.connection.execute(
                sa.select(documents.c.id, documents.c.family_id).where(
                    documents.c.family_id.is_not(None)
                )
            )
        }
        changed = [
            {"key": key, "family": family}
            for key, family in sorted(families.items())
            if current.get(key) != family
        ]
        if changed:
            self.connection.execute(
                documents.update()
                .where(documents.c.id == sa.bindparam("key"))
                .values(family_id=sa.bindparam("family")),
                changed,
            )
