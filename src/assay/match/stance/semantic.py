"""Meaning-level features of a (claim, document) pair, from sentence embeddings.

Word overlap misses a document that says the same thing in other words, and cue-word
lists miss a denial phrased without the listed words. Sentence embeddings cover both:

- similarity: cosine between the claim and the document's sentences (best, top three,
  opening, first sentence, the mean sentence) and how many sentences are close;
- prototypes: how close the document's sentences (all, opening, those nearest the claim)
  come to short prototype sentences of refuting, hedging and supporting ("The story is a
  hoax.", "The report could not be independently verified."), which are data in the
  model's lexicon;
- negation gap: whether the sentences nearest the claim sit closer to the claim's
  negation ("It is false that ...") than to the claim itself.

On held-out FNC-1 stories these features lifted relatedness and, through the
prototypes, the rare refuting class. Embeddings come from any :class:`Encoder`
(in assay, :class:`assay.match.embeddings.SentenceEncoder`).
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from assay.match.stance.text import split_sentences

Matrix = npt.NDArray[np.float32]
CUE_GROUPS = ("refute", "hedge", "support", "negation")
PROTOTYPE_GROUPS = ("refute", "hedge", "support")
_OPENING = 3
_TOP = 3
_CLOSE = (0.5, 0.7)
_PROTOTYPE_CLOSE = 0.5
_PLACES = ("max", "opening", "top", "best", "n50")


class Encoder(Protocol):
    """Turns texts into unit-length rows; ``model_id`` names the model and its pooling."""

    @property
    def model_id(self) -> str:
        """Names the model, its truncation and pooling; stored with the stance model."""

    def encode(self, texts: Sequence[str]) -> Matrix:
        """One unit row per text, in input order."""


@dataclass(frozen=True)
class Lexicon:
    """The model's language data: cue words, prototype sentences, the negation template."""

    cues: dict[str, list[str]]
    prototypes: dict[str, list[str]]
    negated_claim: str

    @classmethod
    def from_json(cls, data: Any) -> Lexicon:  # noqa: ANN401 - parsed JSON, checked here
        """Check the parsed ``lexicon.json``; raise ValueError naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("lexicon.json must hold an object")
        template = data.get("negated_claim")
        if not isinstance(template, str) or "{claim}" not in template:
            raise ValueError("lexicon.json: `negated_claim` must be a string with {claim} in it")
        cues = _groups(data, "cues", CUE_GROUPS)
        return cls(cues, _groups(data, "prototypes", PROTOTYPE_GROUPS), template)


def _groups(data: dict[str, Any], key: str, groups: tuple[str, ...]) -> dict[str, list[str]]:
    value = data.get(key)
    if not isinstance(value, dict) or sorted(value) != sorted(groups):
        raise ValueError(f"lexicon.json: `{key}` must have the groups {', '.join(groups)}")
    lists = [value[group] for group in groups]
    if not all(isinstance(v, list) and all(isinstance(w, str) for w in v) for v in lists):
        raise ValueError(f"lexicon.json: each group of `{key}` must be a list of strings")
    return {group: list(entries) for group, entries in zip(groups, lists, strict=True)}


class SemanticFeatures:
    """Embedding features; ``memo`` keeps vectors across calls (training reuses texts)."""

    def __init__(
        self,
        encoder: Encoder,
        lexicon: Lexicon,
        memo: MutableMapping[str, Matrix] | None = None,
    ) -> None:
        """Embed the prototype sentences once."""
        self.encoder = encoder
        self.lexicon = lexicon
        self._memo = memo
        self._prototypes = [encoder.encode(lexicon.prototypes[g]) for g in PROTOTYPE_GROUPS]

    @property
    def names(self) -> list[str]:
        """Feature names, in column order."""
        names = ["e_body", "e_opening", "e_first", "e_max", "e_top3", "e_position"]
        names += [f"e_over_{c}" for c in _CLOSE]
        names += [f"p_{place}_{group}" for place in _PLACES for group in PROTOTYPE_GROUPS]
        return [*names, "negation_gap_max", "negation_gap_top"]

    def _encode(self, texts: list[str]) -> Matrix:
        if self._memo is None:
            return self.encoder.encode(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            self._memo.update(zip(missing, self.encoder.encode(missing), strict=True))
        return np.stack([self._memo[t] for t in texts]) if texts else np.zeros((0, 0), "f4")

    def transform(self, pairs: Sequence[tuple[str, str]]) -> Matrix:
        """The feature matrix of ``(claim, document)`` pairs, one row per pair."""
        claims = list(dict.fromkeys(c for c, _ in pairs))
        documents = list(dict.fromkeys(d for _, d in pairs))
        claim_vectors = self._encode(claims)
        negated = self._encode([self.lexicon.negated_claim.format(claim=c) for c in claims])
        sentences = [split_sentences(d) for d in documents]
        flat = self._encode([s for group in sentences for s in group])
        starts = np.cumsum([0, *(len(group) for group in sentences)])
        scores = np.stack([(flat @ p.T).max(axis=1) for p in self._prototypes], axis=1)
        claim_at = {c: i for i, c in enumerate(claims)}
        document_at = {d: i for i, d in enumerate(documents)}
        rows = np.zeros((len(pairs), len(self.names)), dtype=np.float32)
        for row, (claim, document) in enumerate(pairs):
            c, d = claim_at[claim], document_at[document]
            span = slice(starts[d], starts[d + 1])
            rows[row] = _pair(claim_vectors[c], negated[c], flat[span], scores[span])
        return rows


def _pair(claim: Matrix, negated: Matrix, sentences: Matrix, scores: Matrix) -> list[float]:
    sims = sentences @ claim
    order = np.argsort(-sims, kind="stable")
    best, top = int(order[0]), order[:_TOP]
    mean, opening = sentences.mean(axis=0), sentences[:_OPENING].mean(axis=0)
    gaps = sentences @ negated - sims
    return [
        float(_unit(mean) @ claim),
        float(_unit(opening) @ claim),
        float(sims[0]),
        float(sims[best]),
        float(sims[top].mean()),
        best / len(sims),
        *(float((sims > c).sum()) for c in _CLOSE),
        *scores.max(axis=0),
        *scores[:_OPENING].max(axis=0),
        *scores[top].max(axis=0),
        *scores[best],
        *(scores > _PROTOTYPE_CLOSE).sum(axis=0),
        float(gaps.max()),
        float(gaps[top].mean()),
    ]


def _unit(vector: Matrix) -> Matrix:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
