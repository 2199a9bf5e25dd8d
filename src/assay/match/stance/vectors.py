"""Hashed TF-IDF of words and word pairs, rebuilt from one stored IDF array.

The vectors come from scikit-learn (``HashingVectorizer`` + ``TfidfTransformer``); only
the fitted IDF weights are stored. Hashing has no vocabulary to fall out of: a name first
seen at prediction time still counts as a shared, rare (high-IDF) word, which matters
because new stories are made of new names. (A vocabulary-bound TF-IDF, or LSA fitted on
the training stories, scored well on pairs of known stories and worse on new ones.)

``fit_idf`` is the training side and ``Vectors`` the prediction side; both take the
hasher from this module, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

from assay.match.stance.text import TOKEN_PATTERN, normalise

HASH_FEATURES = 2**18
Idf = npt.NDArray[np.float32]


def _hasher() -> HashingVectorizer:
    return HashingVectorizer(
        preprocessor=normalise,
        token_pattern=TOKEN_PATTERN,
        stop_words="english",
        ngram_range=(1, 2),
        n_features=HASH_FEATURES,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )


def fit_idf(texts: Sequence[str]) -> Idf:
    """IDF weights of hashed words and word pairs over training ``texts``."""
    transformer = TfidfTransformer(sublinear_tf=True).fit(_hasher().transform(texts))
    idf: Idf = transformer.idf_.astype(np.float32)
    return idf


class Vectors:
    """Prediction-time vectors, rebuilt from a stored IDF array without refitting."""

    def __init__(self, idf: Idf) -> None:
        """Set the stored IDF weights on a fresh scikit-learn transformer."""
        if idf.shape != (HASH_FEATURES,):
            raise ValueError(f"expected {HASH_FEATURES} IDF weights, got shape {idf.shape}")
        self.idf = idf
        self._hasher = _hasher()
        self._tfidf = TfidfTransformer(sublinear_tf=True)
        self._tfidf.idf_ = idf.astype(np.float64)

    def counts(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Hashed raw counts of words and word pairs, one row per text."""
        matrix: sp.csr_matrix = self._hasher.transform(texts)
        return matrix

    def tfidf(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Unit-length TF-IDF rows from hashed counts."""
        matrix: sp.csr_matrix = self._tfidf.transform(counts)
        return matrix
