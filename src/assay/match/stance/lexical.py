"""Word-level features of a (claim, document) pair for the stance classifier.

The features are the well-known FNC-1 ones, all dense and cheap:

- overlap: shared words, bigrams, trigrams and character 5-grams between claim and
  document, in the whole document and in its opening;
- similarity: hashed TF-IDF cosines between the claim and the document, its opening and
  its sentences (best, top three, how many are close), and a BM25 score;
- cues: refuting, hedging, supporting and negating words in the claim, the document, its
  opening and the sentences most similar to the claim, where a stance is usually stated;
- lengths.

No feature names a topic (no bag of words of the claim, no LSA): on FNC-1
such features let a model memorise the stories it was trained on, which scores well on
pairs of known stories and worse on new ones, and new stories are what assay meets.
Work per distinct text is done once per call, since one claim usually meets many
documents and one document many claims.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from assay.match.stance.semantic import CUE_GROUPS
from assay.match.stance.text import Text, cut, ngrams, tokenize
from assay.match.stance.vectors import Vectors

Matrix = npt.NDArray[np.float32]
_OPENING_SENTENCES = 3
_OPENING_TOKENS = 100
_OPENING_CHARS = 255
_TOP_SENTENCES = 3
_CLOSE = (0.1, 0.25)
_BM25_K1, _BM25_B, _BM25_AVG_TOKENS = 1.2, 0.75, 370.0
_CHAR_N = 5
_PLACES = ("claim", "body", "opening", "best", "top")
_T = TypeVar("_T")


@dataclass
class _Document:
    """Everything about one document that does not depend on the claim."""

    text: Text
    content: set[str]
    opening: set[str]
    bigrams: set[tuple[str, ...]]
    trigrams: set[tuple[str, ...]]
    counts: dict[int, float]
    sentence_words: list[set[str]]
    sentence_cues: Matrix
    sentences: sp.csr_matrix


@dataclass
class _Claim:
    """One claim, cut and vectorised once."""

    text: Text
    content: set[str]
    counts: sp.csr_matrix
    vector: sp.csr_matrix
    cues: Matrix


class LexicalFeatures:
    """Turns (claim, document) pairs into word-level feature rows."""

    def __init__(self, vectors: Vectors, cues: dict[str, list[str]]) -> None:
        """Keep the rebuilt vectors and index the cue words by group."""
        self.vectors = vectors
        self.cues = cues
        self._cue_group = {word: i for i, group in enumerate(CUE_GROUPS) for word in cues[group]}
        self._near_words = sorted({word for group in ("refute", "hedge") for word in cues[group]})

    @property
    def names(self) -> list[str]:
        """Feature names, in column order (for importance reports and tests)."""
        names = [
            *("claim_tokens", "body_tokens", "body_sentences", "claim_question"),
            *("jaccard", "claim_in_body", "claim_in_opening", "bigrams_in_body"),
            *("trigrams_in_body", "char_grams_in_body", "char_grams_in_opening"),
            *("tfidf_body", "tfidf_opening", "tfidf_first_sentence", "tfidf_best_sentence"),
            *("tfidf_top_sentences", "best_sentence_position"),
            *(f"sentences_over_{c}" for c in _CLOSE),
            "bm25",
        ]
        names += [f"{group}_{place}" for place in _PLACES for group in CUE_GROUPS]
        names += ["refute_parity_claim", "refute_parity_body"]
        return names + [f"near_{word}" for word in self._near_words]

    def transform(self, pairs: Sequence[tuple[str, str]]) -> Matrix:
        """The feature matrix of ``(claim, document)`` pairs, one row per pair."""
        claim_at = {c: i for i, c in enumerate(dict.fromkeys(c for c, _ in pairs))}
        document_at = {d: i for i, d in enumerate(dict.fromkeys(d for _, d in pairs))}
        claims = self._claims(list(claim_at))
        documents = list(document_at)
        whole = self.vectors.tfidf(self.vectors.counts(documents))
        texts = [cut(d) for d in documents]
        opening = self.vectors.tfidf(
            self.vectors.counts([" ".join(t.sentences[:_OPENING_SENTENCES]) for t in texts])
        )
        prepared = [self._document(text) for text in texts]
        rows = np.zeros((len(pairs), len(self.names)), dtype=np.float32)
        for row, (claim_text, document_text) in enumerate(pairs):
            c, d = claims[claim_at[claim_text]], document_at[document_text]
            document = prepared[d]
            sims = np.asarray((document.sentences @ c.vector.T).todense()).ravel()
            rows[row] = [
                *self._similarity(c, document, sims, whole[d], opening[d]),
                *self._cues(c, document, sims),
            ]
        return rows

    def _claims(self, claims: list[str]) -> list[_Claim]:
        counts = self.vectors.counts(claims)
        vectors = self.vectors.tfidf(counts)
        texts = [cut(c) for c in claims]
        return [
            _Claim(
                t,
                set(_content(t.tokens)),
                counts[i],
                vectors[i],
                self._cue_counts(t.tokens),
            )
            for i, t in enumerate(texts)
        ]

    def _document(self, text: Text) -> _Document:
        counts = self.vectors.counts([text.lowered])
        sentence_tokens = [tokenize(s) for s in text.sentences]
        return _Document(
            text,
            set(_content(text.tokens)),
            set(text.tokens[:_OPENING_TOKENS]),
            ngrams(text.tokens, 2),
            ngrams(text.tokens, 3),
            dict(zip(counts.indices.tolist(), counts.data.tolist(), strict=True)),
            [set(tokens) for tokens in sentence_tokens],
            np.stack([self._cue_counts(tokens) for tokens in sentence_tokens]),
            self.vectors.tfidf(self.vectors.counts(text.sentences)),
        )

    def _cue_counts(self, tokens: Sequence[str]) -> Matrix:
        counts = np.zeros(len(CUE_GROUPS), dtype=np.float32)
        for token in tokens:
            group = self._cue_group.get(token)
            if group is not None:
                counts[group] += 1
        return counts

    def _similarity(
        self,
        claim: _Claim,
        document: _Document,
        sims: Matrix,
        whole: sp.csr_matrix,
        opening: sp.csr_matrix,
    ) -> list[float]:
        text, vector = document.text, claim.vector
        best = int(np.argmax(sims))
        top = np.sort(sims)[::-1][:_TOP_SENTENCES]
        return [
            math.log1p(len(claim.text.tokens)),
            math.log1p(len(text.tokens)),
            float(len(text.sentences)),
            float("?" in claim.text.raw),
            *_overlap(claim, document),
            float(vector.multiply(whole).sum()),
            float(vector.multiply(opening).sum()),
            float(sims[0]),
            float(sims[best]),
            float(top.mean()),
            best / len(sims),
            *(float((sims > c).sum()) for c in _CLOSE),
        ]

    def _cues(self, claim: _Claim, document: _Document, sims: Matrix) -> list[float]:
        order = np.argsort(-sims, kind="stable")
        best, top = int(order[0]), order[:_TOP_SENTENCES]
        cues = document.sentence_cues
        body_cues = cues.sum(axis=0)
        near = set().union(*(document.sentence_words[i] for i in top))
        return [
            self._bm25(claim, document),
            *claim.cues,
            *(body_cues * 100.0 / max(len(document.text.tokens), 1)),
            *cues[:_OPENING_SENTENCES].sum(axis=0),
            *cues[best],
            *cues[top].sum(axis=0),
            float(claim.cues[0] % 2),
            float(body_cues[0] % 2),
            *(float(word in near) for word in self._near_words),
        ]

    def _bm25(self, claim: _Claim, document: _Document) -> float:
        """Okapi BM25 of the claim's words in the document, over the claim's best score."""
        norm = _BM25_K1 * (1 - _BM25_B + _BM25_B * len(document.text.tokens) / _BM25_AVG_TOKENS)
        total = possible = 0.0
        for index in claim.counts.indices.tolist():
            idf = float(self.vectors.idf[index])
            tf = document.counts.get(index, 0.0)
            possible += idf
            total += idf * tf * (_BM25_K1 + 1) / (tf + norm)
        return total / possible if possible else 0.0


def _content(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if t not in ENGLISH_STOP_WORDS]


def _share(part: Collection[_T], whole: Collection[_T]) -> float:
    return sum(item in whole for item in part) / len(part) if part else 0.0


def _overlap(claim: _Claim, document: _Document) -> list[float]:
    union = claim.content | document.content
    lowered = claim.text.lowered
    grams = {lowered[i : i + _CHAR_N] for i in range(len(lowered) - _CHAR_N + 1)}
    body, opening = document.text.lowered, document.text.lowered[:_OPENING_CHARS]
    tokens = claim.text.tokens
    return [
        len(claim.content & document.content) / len(union) if union else 0.0,
        _share(claim.content, document.content),
        _share(claim.content, document.opening),
        _share(ngrams(tokens, 2), document.bigrams),
        _share(ngrams(tokens, 3), document.trigrams),
        _found_in(grams, body),
        _found_in(grams, opening),
    ]


def _found_in(grams: Collection[str], text: str) -> float:
    """Share of character n-grams that occur somewhere in ``text``."""
    return sum(gram in text for gram in grams) / len(grams) if grams else 0.0
