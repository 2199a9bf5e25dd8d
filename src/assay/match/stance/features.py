"""The full feature row of a (claim, document) pair: word-level, then meaning-level.

The column order is the one the stored classifiers were trained on; the model's
manifest keeps the names, and loading checks them against :attr:`FeatureSpace.names`
so that a feature added, removed or reordered in code cannot meet an old model.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from assay.match.stance.lexical import LexicalFeatures, Matrix
from assay.match.stance.semantic import SemanticFeatures


class FeatureSpace:
    """Both feature families side by side."""

    def __init__(self, lexical: LexicalFeatures, semantic: SemanticFeatures) -> None:
        """Keep the two families; each does its own per-text caching."""
        self.lexical = lexical
        self.semantic = semantic

    @property
    def names(self) -> list[str]:
        """All feature names, in column order."""
        return self.lexical.names + self.semantic.names

    def transform(self, pairs: Sequence[tuple[str, str]]) -> Matrix:
        """One feature row per ``(claim, document)`` pair."""
        if not pairs:
            return np.zeros((0, len(self.names)), dtype=np.float32)
        return np.hstack([self.lexical.transform(pairs), self.semantic.transform(pairs)])
