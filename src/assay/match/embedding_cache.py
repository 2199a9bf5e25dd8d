"""Embeddings remembered by the hash of the exact text and the model that made them.

The same sentence recurs across a corpus (wire copy, quotes, repeated denials) and
across runs, and encoding is the slow part of matching, so each vector is kept under
``(sha256 of the text, model id)``. The match stage stores nothing itself: it talks
to any :class:`EmbeddingBackend`; the pipeline hands it the project store's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
# Vectors are stored as little-endian float32, whatever the machine, so a store moves.
STORED_DTYPE = np.dtype("<f4")


class TextEncoder(Protocol):
    """What makes vectors: a model id for the cache key, a width, and the encoding itself."""

    @property
    def model_id(self) -> str:
        """Names the model, tokenisation and pooling; vectors from another id never mix."""

    @property
    def dimensions(self) -> int:
        """The length of each vector."""

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit row per text, in order."""


class EmbeddingBackend(Protocol):
    """Where cached vectors live: a key-value store of float32 bytes by text hash and model."""

    def get_embeddings(self, hashes: Sequence[str], model: str) -> dict[str, bytes]:
        """The stored vectors of ``model`` among ``hashes``, by hash; absent ones are left out."""

    def put_embeddings(self, model: str, dims: int, vectors: Mapping[str, bytes]) -> None:
        """Store vectors of ``model`` by text hash, replacing any already there."""


def text_sha256(text: str) -> str:
    """The cache key of a text: SHA-256 of its exact UTF-8 bytes, so any change is a miss."""
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def vector_bytes(vector: Vectors) -> bytes:
    """A vector as the bytes the backend keeps."""
    return np.ascontiguousarray(vector, dtype=STORED_DTYPE).tobytes()


def vector_from(data: bytes, dims: int) -> Vectors | None:
    """The vector kept in ``data``, or None when it is not ``dims`` float32 values."""
    if len(data) != dims * STORED_DTYPE.itemsize:
        return None
    return np.frombuffer(data, dtype=STORED_DTYPE).astype(np.float32)


class EmbeddingCache:
    """An encoder that asks the backend first and encodes (then stores) only what it lacks."""

    def __init__(self, encoder: TextEncoder, backend: EmbeddingBackend) -> None:
        """Encode with ``encoder``; keep and find vectors in ``backend``."""
        self.encoder = encoder
        self.backend = backend

    @property
    def model_id(self) -> str:
        """The encoder's model id: a cache is a drop-in for the encoder it wraps."""
        return self.encoder.model_id

    @property
    def dimensions(self) -> int:
        """The length of each vector."""
        return self.encoder.dimensions

    def encode(self, texts: Sequence[str]) -> Vectors:
        """The same rows as ``encoder.encode(texts)``, each distinct text encoded at most once."""
        dims = self.encoder.dimensions
        keys = [text_sha256(text) for text in texts]
        unique = list(dict.fromkeys(keys))
        found: dict[str, Vectors] = {}
        for key, data in self.backend.get_embeddings(unique, self.encoder.model_id).items():
            vector = vector_from(data, dims)
            if vector is not None:  # a damaged row is a miss, encoded again and replaced
                found[key] = vector
        missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in found}
        if missing:
            fresh = self.encoder.encode(list(missing.values()))
            made = dict(zip(missing, fresh, strict=True))
            self.backend.put_embeddings(
                self.encoder.model_id, dims, {key: vector_bytes(v) for key, v in made.items()}
            )
            found.update(made)
        result = np.zeros((len(texts), dims), dtype=np.float32)
        for row, key in enumerate(keys):
            result[row] = found[key]
        return result
