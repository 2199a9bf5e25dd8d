"""The shipped stance model: does a document support, refute or discuss a claim, or neither?

Two gradient-boosted stages, as the strongest FNC-1 systems found worthwhile: the first
says whether the document is about the claim at all (``related``), the second, trained on
related pairs only, says how it stands (``stance``). A third head (``headline``), trained
on Emergent's headline pairs with the headline's words added, reads a headline against a
claim, where there is no body.

Everything runs on the CPU from the verified files of the model folder
(:mod:`assay.match.stance.artifacts`); the features are rebuilt from stored parameters
and the classifiers from LightGBM's text format, so nothing is fitted or downloaded here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lightgbm as lgb
import numpy as np
import numpy.typing as npt

from assay.match.stance.artifacts import MODEL_DIR, ModelFiles, StanceModelError, read_model_files
from assay.match.stance.features import FeatureSpace
from assay.match.stance.headline import HeadlineWords
from assay.match.stance.lexical import LexicalFeatures
from assay.match.stance.pinned import MANIFEST_SHA256
from assay.match.stance.semantic import Encoder, Lexicon, SemanticFeatures
from assay.match.stance.vectors import Vectors
from assay.records import Stance

Probabilities = npt.NDArray[np.float64]
DEFAULT_THREADS = 2


# The training labels of FNC-1 and Emergent, in the classifiers' class order.
RELATED_STANCES = (Stance.SUPPORTS, Stance.REFUTES, Stance.DISCUSSES)


@dataclass(frozen=True, slots=True)
class StancePrediction:
    """The stance of one pair, with a probability for every stance (they sum to 1)."""

    label: Stance
    probabilities: dict[Stance, float]

    @property
    def score(self) -> float:
        """The probability of the predicted label."""
        return self.probabilities[self.label]


@dataclass(frozen=True)
class _Stage:
    booster: lgb.Booster
    columns: list[int]

    def predict(self, features: npt.NDArray[np.float32], threads: int) -> Probabilities:
        raw = self.booster.predict(features[:, self.columns], num_threads=threads)
        return np.asarray(raw, dtype=np.float64)


class StanceModel:
    """The verified, loaded stance model; build it once with :meth:`load` and reuse it."""

    def __init__(self, files: ModelFiles, encoder: Encoder, threads: int) -> None:
        """Rebuild features and classifiers from verified files; prefer :meth:`load`."""
        manifest = files.manifest
        if encoder.model_id != manifest["encoder"]:
            raise StanceModelError(
                f"the stance model was trained on {manifest['encoder']} embeddings, "
                f"got {encoder.model_id}",
                hint="retrain it with scripts/train_stance.py",
            )
        lexicon = Lexicon.from_json(files.json(manifest["lexicon"]))
        idf = files.arrays(manifest["idf"])["idf"]
        self._space = FeatureSpace(
            LexicalFeatures(Vectors(idf), lexicon.cues), SemanticFeatures(encoder, lexicon)
        )
        if self._space.names != manifest["features"]:
            raise StanceModelError(
                "the stance model was trained on other features than this code computes",
                hint="retrain it with scripts/train_stance.py",
            )
        self._words = HeadlineWords(files.json(manifest["stages"]["headline"]["words"]))
        self._stages = {name: self._stage(files, name) for name in manifest["stages"]}
        self.threshold = float(manifest["stages"]["related"]["threshold"])
        self.encoder = encoder
        self.threads = threads
        self.sha256 = files.sha256
        self.version = f"{manifest['model']}@{manifest['version']}+{files.sha256[:12]}"

    def _stage(self, files: ModelFiles, name: str) -> _Stage:
        stage: dict[str, Any] = files.manifest["stages"][name]
        names = self._space.names + (self._words.names if "words" in stage else [])
        index = {feature: i for i, feature in enumerate(names)}
        booster = lgb.Booster(model_str=files.text(stage["file"]))
        return _Stage(booster, [index[feature] for feature in stage["columns"]])

    @classmethod
    def load(
        cls,
        folder: Path | None = None,
        *,
        expected_sha256: str = MANIFEST_SHA256,
        encoder: Encoder | None = None,
        threads: int = DEFAULT_THREADS,
    ) -> StanceModel:
        """Load and verify the shipped model (or ``folder``, checked against its digest)."""
        files = read_model_files(folder or MODEL_DIR, expected_sha256)
        if encoder is None:
            from assay.match.embeddings import SentenceEncoder  # noqa: PLC0415 - loads ONNX

            encoder = SentenceEncoder(threads=threads)
        return cls(files, encoder, threads)

    def features(self, pairs: Sequence[tuple[str, str]]) -> npt.NDArray[np.float32]:
        """The feature rows of ``(claim, document)`` pairs (for training and diagnosis)."""
        return self._space.transform(pairs)

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[StancePrediction]:
        """The stance of each document (body text) toward its claim, in input order."""
        if not pairs:
            return []
        features = self._space.transform(pairs)
        related = self._stages["related"].predict(features, self.threads)
        stance = self._stages["stance"].predict(features, self.threads)
        return predictions(related, stance, self.threshold)

    def predict_headlines(self, pairs: Sequence[tuple[str, str]]) -> list[StancePrediction]:
        """The stance of each headline toward its claim, taken to be about the claim.

        Headlines are too short for the body model's relatedness stage, so this head
        never answers ``unrelated``; use :meth:`predict` on the body for that.
        """
        if not pairs:
            return []
        words = self._words.transform([headline for _, headline in pairs])
        features = np.hstack([self._space.transform(pairs), words])
        stance = self._stages["headline"].predict(features, self.threads)
        return predictions(np.ones(len(pairs)), stance, 0.0)


def predictions(
    related: Probabilities, stance: Probabilities, threshold: float
) -> list[StancePrediction]:
    """Combine the stages: P(unrelated) = 1 - P(related), P(s) = P(related) * P(s | related).

    The label follows the stages too: ``unrelated`` below ``threshold``, else the most
    likely related stance; so a pair that is probably related but split three ways is
    labelled by its best stance, as the model was tuned.
    """
    result = []
    for p_related, p_stance in zip(related.tolist(), stance.tolist(), strict=True):
        probabilities = {s: p_related * p for s, p in zip(RELATED_STANCES, p_stance, strict=True)}
        probabilities[Stance.UNRELATED] = 1.0 - p_related
        best = RELATED_STANCES[int(np.argmax(p_stance))]
        label = best if p_related >= threshold else Stance.UNRELATED
        result.append(StancePrediction(label, probabilities))
    return result
