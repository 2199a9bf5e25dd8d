"""The repository's queries for cached sentence embeddings.

Mixed into :class:`~assay.store.repository.Repository` like
:class:`~assay.store.mention_queries.MentionQueries`. Vectors are opaque bytes here,
keyed by the SHA-256 of a text and the id of the model that made them; the match stage
owns their meaning, so the store needs neither numpy nor the model.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import sqlalchemy as sa

from assay.store.tables import embeddings

# Keys per statement: far below every backend's limit on bound parameters.
CHUNK = 500


def _chunks(keys: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(keys), CHUNK):
        yield list(keys[start : start + CHUNK])


class EmbeddingQueries:
    """Reads and writes sentence vectors by text hash and model."""

    connection: sa.Connection

    def get_embeddings(self, hashes: Sequence[str], model: str) -> dict[str, bytes]:
        """The stored vectors of ``model`` among ``hashes``, by hash; absent ones are left out."""
        found: dict[str, bytes] = {}
        for chunk in _chunks(list(dict.fromkeys(hashes))):
            rows = self.connection.execute(
                sa.select(embeddings.c.text_sha256, embeddings.c.vector).where(
                    embeddings.c.model == model, embeddings.c.text_sha256.in_(chunk)
                )
            )
            found.update({row.text_sha256: bytes(row.vector) for row in rows})
        return found

    def put_embeddings(self, model: str, dims: int, vectors: Mapping[str, bytes]) -> None:
        """Store vectors of ``model`` by text hash, replacing any already there.

        Replacing (delete, then insert) rather than an upsert keeps the statement the
        same on every backend, and lets a damaged row be written over.
        """
        keys = list(vectors)
        for chunk in _chunks(keys):
            self.connection.execute(
                embeddings.delete().where(
                    embeddings.c.model == model, embeddings.c.text_sha256.in_(chunk)
                )
            )
            self.connection.execute(
                embeddings.insert(),
                [
                    {"text_sha256": key, "model": model, "dims": dims, "vector": vectors[key]}
                    for key in chunk
                ],
            )

    def count_embeddings(self, model: str | None = None) -> int:
        """How many vectors are stored (of one model, or of all)."""
        query = sa.select(sa.func.count()).select_from(embeddings)
        if model is not None:
            query = query.where(embeddings.c.model == model)
        return int(self.connection.execute(query).scalar_one())
