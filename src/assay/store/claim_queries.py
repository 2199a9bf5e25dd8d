"""The repository's queries for canonical claims, their links and documents' stances.

Mixed into :class:`~assay.store.repository.Repository` like
:class:`~assay.store.mention_queries.MentionQueries`. Claims are only ever added: a
claim no mention states any more keeps its row and its ID, and is simply not listed,
so an ID quoted in a note or a ticket never comes to name another claim.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from assay.records import Claim, ClaimSummary, DocumentStance, RelatedClaim, Stance, StanceBasis
from assay.store.tables import claim_links, claims, documents, mentions, stances

# How a claim is spelled as one unique string: supplier|recipient|item|stage.
ClaimSpelling = tuple[str | None, str | None, str, str]


def claim_key_text(spelling: ClaimSpelling) -> str:
    """The unique text of a claim; an unknown party is an empty field."""
    supplier, recipient, item, stage = spelling
    return f"{supplier or ''}|{recipient or ''}|{item}|{stage}"


@dataclass(frozen=True, slots=True)
class StanceRow:
    """A stance to store, with the digest of the inputs it was read from."""

    stance: DocumentStance
    inputs_sha256: str


class ClaimQueries:
    """Queries about claims, the mentions that state them and the stances toward them."""

    connection: sa.Connection

    def claim_keys(self) -> dict[ClaimSpelling, int]:
        """Every stored claim's key, by its spelling."""
        rows = self.connection.execute(
            sa.select(
                claims.c.id, claims.c.supplier, claims.c.recipient, claims.c.item, claims.c.stage
            )
        )
        return {(row[1], row[2], row[3], row[4]): row[0] for row in rows}

    def add_claims(
        self, new: Sequence[tuple[ClaimSpelling, str]], at: datetime
    ) -> dict[ClaimSpelling, int]:
        """Store new claims (spelling, text), in the given order; return every claim's key."""
        for spelling, text in new:
            supplier, recipient, item, stage = spelling
            self.connection.execute(
                claims.insert().values(
                    claim_key=claim_key_text(spelling),
                    supplier=supplier,
                    recipient=recipient,
                    item=item,
                    stage=stage,
                    text=text,
                    created_at=at,
                )
            )
        return self.claim_keys()

    def unmatched_mention_count(self) -> int:
        """How many mentions have not been matched to a claim yet."""
        query = (
            sa.select(sa.func.count()).select_from(mentions).where(mentions.c.claim_id.is_(None))
        )
        return int(self.connection.execute(query).scalar_one())

    def assign_mentions(self, claim_of_mention: Mapping[int, int]) -> None:
        """Record which claim each mention states (mention key -> claim key)."""
        by_claim: dict[int, list[int]] = {}
        for mention_key, claim_key in claim_of_mention.items():
            by_claim.setdefault(claim_key, []).append(mention_key)
        for claim_key, mention_keys in by_claim.items():
            for start in range(0, len(mention_keys), 500):
                chunk = mention_keys[start : start + 500]
                self.connection.execute(
                    mentions.update().where(mentions.c.id.in_(chunk)).values(claim_id=claim_key)
                )

    def replace_claim_links(self, links: Iterable[tuple[int, int, str]]) -> int:
        """Store the links among claims (source key, target key, kind) in place of the old."""
        self.connection.execute(claim_links.delete())
        rows = [{"source_id": s, "target_id": t, "kind": kind} for s, t, kind in links]
        if rows:
            self.connection.execute(claim_links.insert(), rows)
        return len(rows)

    def stance_digests(self) -> dict[tuple[int, int], str]:
        """The inputs digest of every stored stance, by (document key, claim key)."""
        rows = self.connection.execute(
            sa.select(stances.c.document_id, stances.c.claim_id, stances.c.inputs_sha256)
        )
        return {(row[0], row[1]): row[2] for row in rows}

    def put_stances(self, rows: Sequence[StanceRow], at: datetime) -> None:
        """Store stances, replacing any earlier reading of the same pairs."""
        for row in rows:
            reading = row.stance
            self.connection.execute(
                stances.delete().where(
                    (stances.c.document_id == reading.document_key)
                    & (stances.c.claim_id == reading.claim_key)
                )
            )
        if rows:
            self.connection.execute(stances.insert(), [_stance_row(row, at) for row in rows])

    def delete_stances(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Forget the stances of (document key, claim key) pairs that no longer apply."""
        for document_key, claim_key in pairs:
            self.connection.execute(
                stances.delete().where(
                    (stances.c.document_id == document_key) & (stances.c.claim_id == claim_key)
                )
            )

    def get_claim(self, key: int) -> Claim | None:
        """The claim with integer key ``key``, or None."""
        row = self.connection.execute(sa.select(claims).where(claims.c.id == key)).first()
        return _claim_from(row) if row is not None else None

    def list_claims(self, keys: Sequence[int] | None = None) -> list[ClaimSummary]:
        """Claims that some mention or stance bears on, with their counts, by key."""
        counts = {
            row[0]: (row[1], row[2], row[3])
            for row in self.connection.execute(
                sa.select(
                    mentions.c.claim_id,
                    sa.func.count(sa.distinct(mentions.c.document_id)),
                    sa.func.count(),
                    sa.func.min(documents.c.published),
                )
                .join(documents, documents.c.id == mentions.c.document_id)
                .where(mentions.c.claim_id.is_not(None))
                .group_by(mentions.c.claim_id)
            )
        }
        tallies: dict[int, dict[Stance, int]] = {}
        for claim_key, stance, number in self.connection.execute(
            sa.select(stances.c.claim_id, stances.c.stance, sa.func.count()).group_by(
                stances.c.claim_id, stances.c.stance
            )
        ):
            tallies.setdefault(claim_key, {})[Stance(stance)] = number
        query = sa.select(claims).order_by(claims.c.id)
        if keys is not None:
            query = query.where(claims.c.id.in_(list(keys)))
        summaries = []
        for row in self.connection.execute(query):
            documents_count, mention_count, first = counts.get(row.id, (0, 0, None))
            if mention_count == 0 and keys is None:
                continue  # no longer stated anywhere: kept for its ID, not listed
            stance_counts = {stance: tallies.get(row.id, {}).get(stance, 0) for stance in Stance}
            summaries.append(
                ClaimSummary(_claim_from(row), documents_count, mention_count, stance_counts, first)
            )
        return summaries

    def claim_stances(self, claim_key: int) -> list[DocumentStance]:
        """Every stored stance toward a claim, by document key."""
        rows = self.connection.execute(
            sa.select(stances)
            .where(stances.c.claim_id == claim_key)
            .order_by(stances.c.document_id)
        )
        return [_stance_from(row) for row in rows]

    def related_claims(self, claim_key: int) -> list[RelatedClaim]:
        """The claims linked to a claim, each with the link's kind and direction."""
        related: list[RelatedClaim] = []
        for outgoing, mine, other in (
            (True, claim_links.c.source_id, claim_links.c.target_id),
            (False, claim_links.c.target_id, claim_links.c.source_id),
        ):
            rows = self.connection.execute(
                sa.select(claim_links.c.kind, claims)
                .join(claims, claims.c.id == other)
                .where(mine == claim_key)
                .order_by(claims.c.id)
            )
            related.extend(RelatedClaim(row.kind, outgoing, _claim_from(row)) for row in rows)
        return related

    def claim_mention_keys(self, claim_key: int) -> list[int]:
        """The keys of the mentions that state a claim, in document and text order."""
        rows = self.connection.execute(
            sa.select(mentions.c.id)
            .where(mentions.c.claim_id == claim_key)
            .order_by(mentions.c.document_id, mentions.c.span_start, mentions.c.id)
        )
        return [row[0] for row in rows]


def _claim_from(row: sa.Row[Any]) -> Claim:
    values = row._mapping
    return Claim(
        key=values["id"],
        supplier=values["supplier"],
        recipient=values["recipient"],
        item=values["item"],
        stage=values["stage"],
        text=values["text"],
    )


def _stance_row(row: StanceRow, at: datetime) -> dict[str, Any]:
    reading = row.stance
    return {
        "document_id": reading.document_key,
        "claim_id": reading.claim_key,
        "stance": reading.stance.value,
        "score": reading.score,
        "basis": reading.basis.value,
        "model_stance": reading.model_stance.value,
        "probabilities": {stance.value: p for stance, p in reading.probabilities.items()},
        "model": reading.model,
        "inputs_sha256": row.inputs_sha256,
        "read_at": at,
    }


def _stance_from(row: sa.Row[Any]) -> DocumentStance:
    values = row._mapping
    return DocumentStance(
        document_key=values["document_id"],
        claim_key=values["claim_id"],
        stance=Stance(values["stance"]),
        score=float(values["score"]),
        basis=StanceBasis(values["basis"]),
        model_stance=Stance(values["model_stance"]),
        probabilities={Stance(k): float(v) for k, v in values["probabilities"].items()},
        model=values["model"],
    )
