"""Sentence embeddings on the CPU: unit vectors whose dot product says how alike two texts are.

Free-text matching and stance features compare sentences by meaning rather than by
shared words ("Alpha shipped drones to Beta" and "the Alpha government sent unmanned
aircraft to Beta" share little else). :class:`SentenceEncoder` runs the pinned int8
MiniLM model (:mod:`assay.match.embedding_model`) and does the sentence-transformers
pooling itself: the mean of the token vectors under the attention mask, scaled to unit
length. Texts are sorted by length before batching, so a batch pads little, and each
row comes back in its input's place.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from assay.match.embedding_model import (
    DIMENSIONS,
    MAX_TOKENS,
    MODEL_PACKAGE,
    MODEL_VERSION,
    EncoderFiles,
    default_threads,
    load_session,
    load_tokenizer,
    packaged_files,
)

# Names the vectors, not just the file: it changes with the model, the truncation or the
# pooling, so cached vectors made another way are never mistaken for these.
MODEL_ID = f"{MODEL_PACKAGE}@{MODEL_VERSION}/mean-l2/{MAX_TOKENS}"
DEFAULT_BATCH_SIZE = 32

Vectors = npt.NDArray[np.float32]


def mean_pool(hidden: Vectors, mask: npt.NDArray[np.int64]) -> Vectors:
    """The mean of each row's token vectors, counting only tokens the mask marks as real.

    Padding must not count: a short sentence padded to a long one's width would
    otherwise drift toward the padding vectors.
    """
    weights = mask[:, :, np.newaxis].astype(np.float32)
    summed: Vectors = (hidden * weights).sum(axis=1, dtype=np.float32)
    counts: Vectors = np.maximum(weights.sum(axis=1, dtype=np.float32), np.float32(1e-9))
    pooled: Vectors = summed / counts
    return pooled


def normalise(vectors: Vectors) -> Vectors:
    """Each row scaled to unit length, so that a dot product is a cosine."""
    norms: Vectors = np.sqrt(np.square(vectors).sum(axis=1, keepdims=True, dtype=np.float32))
    unit: Vectors = vectors / norms.clip(min=1e-12)
    return unit


class SentenceEncoder:
    """Turns texts into 384-dimensional unit vectors with the pinned MiniLM model.

    Building one verifies the model and vocabulary and starts an inference session
    (about a second); build it once and reuse it. ``threads`` bounds the CPU threads
    of one run (default: the usable CPUs, at most eight).
    """

    model_id: str = MODEL_ID
    dimensions: int = DIMENSIONS

    def __init__(
        self,
        *,
        threads: int | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        files: EncoderFiles | None = None,
    ) -> None:
        """Verify and load the model; raise EmbeddingModelError if a file is missing or altered."""
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        files = files or packaged_files()
        self.threads = threads or default_threads()
        self.batch_size = batch_size
        self._tokenizer = load_tokenizer(files.vocabulary)
        self._session = load_session(files.model, self.threads)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit row per text, in input order; texts past 256 tokens are cut there."""
        result = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return result
        token_ids = [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(token_ids)), key=lambda index: len(token_ids[index]))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            result[rows] = self._encode_batch([token_ids[index] for index in rows])
        return result

    def _encode_batch(self, batch: list[list[int]]) -> Vectors:
        width = max(len(ids) for ids in batch)
        input_ids = np.zeros((len(batch), width), dtype=np.int64)  # 0 is [PAD]
        mask = np.zeros_like(input_ids)
        for row, ids in enumerate(batch):
            input_ids[row, : len(ids)] = ids
            mask[row, : len(ids)] = 1
        feed = {
            "input_ids": input_ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(input_ids),
        }
        hidden = self._session.run(None, feed)[0]
        return normalise(mean_pool(hidden, mask))
