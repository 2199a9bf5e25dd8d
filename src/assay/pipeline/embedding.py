"""Sentence embeddings through the project store's cache.

The match stage's :class:`~assay.match.embedding_cache.EmbeddingCache` talks to a
backend protocol; this wires it to the store. Lookups and writes each take their own
short transaction, so encoding the misses (the slow part) never holds the store's
write lock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assay.match.embedding_cache import EmbeddingCache, TextEncoder, Vectors
from assay.store import Store


class StoreEmbeddings:
    """The store as an embedding backend, one transaction per call."""

    def __init__(self, store: Store) -> None:
        """Read and write the vectors of ``store``."""
        self.store = store

    def get_embeddings(self, hashes: Sequence[str], model: str) -> dict[str, bytes]:
        """The stored vectors of ``model`` among ``hashes``, by hash."""
        with self.store.transaction() as repo:
            return repo.get_embeddings(hashes, model)

    def put_embeddings(self, model: str, dims: int, vectors: Mapping[str, bytes]) -> None:
        """Store vectors of ``model`` by text hash, replacing any already there."""
        with self.store.transaction() as repo:
            repo.put_embeddings(model, dims, vectors)


def embed_texts(store: Store, encoder: TextEncoder, texts: Sequence[str]) -> Vectors:
    """Unit vectors for ``texts``: cached ones from ``store``, the rest encoded and kept."""
    return EmbeddingCache(encoder, StoreEmbeddings(store)).encode(texts)
