"""The repository's queries for extraction runs and claim mentions.

Mixed into :class:`~assay.store.repository.Repository` like
:class:`~assay.store.web_queries.WebQueries`. A document's mentions are replaced
whole when it is extracted again (a new text version, a new pack or a new extractor);
the ``extractions`` row records which text was read, by what, and when.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from assay.records import ClaimMention, DocumentSource, Mention, Modality, SpeakerType
from assay.store.tables import documents, extractions, mentions


@dataclass(frozen=True, slots=True)
class ExtractionStamp:
    """What a document was last extracted from and with."""

    document_key: int
    text_sha256: str
    extractor: str
    pack_sha256: str


class MentionQueries:
    """Queries about which documents were extracted and the mentions found in them."""

    connection: sa.Connection

    def extraction_stamps(self) -> dict[int, ExtractionStamp]:
        """The last extraction of every document that has one, by document key."""
        rows = self.connection.execute(
            sa.select(
                extractions.c.document_id,
                extractions.c.text_sha256,
                extractions.c.extractor,
                extractions.c.pack_sha256,
            )
        )
        return {row[0]: ExtractionStamp(row[0], row[1], row[2], row[3]) for row in rows}

    def document_texts(self, keys: Sequence[int]) -> list[tuple[int, str, str]]:
        """(key, text, text SHA-256) of the given documents, in key order."""
        rows = self.connection.execute(
            sa.select(documents.c.id, documents.c.text, documents.c.text_sha256)
            .where(documents.c.id.in_(list(keys)))
            .order_by(documents.c.id)
        )
        return [(row[0], row[1], row[2]) for row in rows]

    def replace_mentions(  # noqa: PLR0913, PLR0917 - one extraction row's facts
        self,
        document_key: int,
        found: Sequence[ClaimMention],
        stamp: ExtractionStamp,
        counts: tuple[int, int],
        sources: Sequence[DocumentSource],
        at: datetime,
    ) -> None:
        """Store a document's mentions in place of any earlier ones, and stamp the run."""
        self.connection.execute(mentions.delete().where(mentions.c.document_id == document_key))
        self.connection.execute(
            extractions.delete().where(extractions.c.document_id == document_key)
        )
        if found:
            self.connection.execute(
                mentions.insert(), [_row(document_key, mention) for mention in found]
            )
        self.connection.execute(
            extractions.insert().values(
                document_id=document_key,
                text_sha256=stamp.text_sha256,
                extractor=stamp.extractor,
                pack_sha256=stamp.pack_sha256,
                sentences=counts[0],
                parsed=counts[1],
                mentions=len(found),
                sources=[
                    {
                        "sentence_index": s.sentence_index,
                        "text": s.text,
                        "speaker_types": [t.value for t in s.speaker_types],
                        "basis": s.basis,
                    }
                    for s in sources
                ],
                extracted_at=at,
            )
        )

    def list_mentions(
        self, document_key: int | None = None, *, keys: Sequence[int] | None = None
    ) -> list[Mention]:
        """Every stored mention (or one document's, or ``keys``), in document and text order."""
        query = (
            sa.select(mentions, documents.c.text, extractions.c.extractor)
            .join(documents, documents.c.id == mentions.c.document_id)
            .join(extractions, extractions.c.document_id == mentions.c.document_id)
            .order_by(mentions.c.document_id, mentions.c.span_start, mentions.c.id)
        )
        if document_key is not None:
            query = query.where(mentions.c.document_id == document_key)
        if keys is not None:
            query = query.where(mentions.c.id.in_(list(keys)))
        return [_mention_from(row) for row in self.connection.execute(query)]

    def document_sources(self, document_key: int) -> list[DocumentSource]:
        """Where the document says its claims come from, as its last extraction found."""
        found = self.connection.execute(
            sa.select(extractions.c.sources).where(extractions.c.document_id == document_key)
        ).scalar_one_or_none()
        return [
            DocumentSource(
                s["sentence_index"],
                s["text"],
                tuple(SpeakerType(t) for t in s["speaker_types"]),
                s["basis"],
            )
            for s in found or []
        ]

    def count_mentions(self) -> int:
        """How many mentions are stored."""
        return int(
            self.connection.execute(sa.select(sa.func.count()).select_from(mentions)).scalar_one()
        )


def _row(document_key: int, mention: ClaimMention) -> dict[str, Any]:
    return {
        "document_id": document_key,
        "sentence_index": mention.sentence_index,
        "sentence_start": mention.sentence_start,
        "sentence_end": mention.sentence_end,
        "span_start": mention.start,
        "span_end": mention.end,
        "supplier": mention.supplier,
        "recipient": mention.recipient,
        "item": mention.item,
        "quantity": mention.quantity,
        "status": mention.status,
        "polarity": mention.polarity,
        "modality": mention.modality.value,
        "speaker": mention.speaker,
        "speaker_type": mention.speaker_type.value,
        "basis": mention.basis,
        "cues": list(mention.cues),
    }


def _mention_from(row: sa.Row[Any]) -> Mention:
    values = row._mapping
    claim = ClaimMention(
        sentence_index=values["sentence_index"],
        sentence_start=values["sentence_start"],
        sentence_end=values["sentence_end"],
        start=values["span_start"],
        end=values["span_end"],
        supplier=values["supplier"],
        recipient=values["recipient"],
        item=values["item"],
        quantity=values["quantity"],
        status=values["status"],
        polarity=values["polarity"],
        modality=Modality(values["modality"]),
        speaker=values["speaker"],
        speaker_type=SpeakerType(values["speaker_type"]),
        basis=values["basis"],
        cues=tuple(values["cues"]),
    )
    text: str = values["text"]
    return Mention(
        key=values["id"],
        document_key=values["document_id"],
        claim=claim,
        sentence=text[claim.sentence_start : claim.sentence_end],
        text=text[claim.start : claim.end],
        extractor=values["extractor"],
        claim_key=values["claim_id"],
    )
