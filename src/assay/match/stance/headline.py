"""Which words a headline uses: the extra features of the headline head.

A headline is one line, so most body features say little about it; how it is worded
says a lot ("reportedly", "claims", a question mark, quotation marks around the claim,
"hoax"). Ferreira & Vlachos read Emergent headlines the same way, with a bag of words.
The vocabulary (words in at least five training headlines, marks included) is stored
as a JSON list and rebuilt into a fixed-vocabulary ``CountVectorizer``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from sklearn.feature_extraction.text import CountVectorizer

from assay.match.stance.text import TOKEN_PATTERN, normalise

MIN_HEADLINES = 5
_MARKS = re.compile("[?\"'\u201c\u201d\u2018\u2019]")  # straight and curly quotes
_MARK_WORDS = {"?": " question_mark "}


def _prepare(text: str) -> str:
    return _MARKS.sub(lambda m: _MARK_WORDS.get(m.group(), " quote_mark "), normalise(text))


def _vectorizer(vocabulary: Sequence[str] | None = None) -> CountVectorizer:
    return CountVectorizer(
        preprocessor=_prepare,
        token_pattern=TOKEN_PATTERN,
        binary=True,
        min_df=MIN_HEADLINES,
        vocabulary=vocabulary,
        dtype=np.float32,
    )


def fit_headline_words(headlines: Sequence[str]) -> list[str]:
    """The words (and marks) used by at least MIN_HEADLINES training headlines, sorted."""
    vectorizer = _vectorizer().fit(headlines)
    return sorted(str(word) for word in vectorizer.vocabulary_)


class HeadlineWords:
    """Binary word-presence rows over a stored vocabulary."""

    def __init__(self, vocabulary: Sequence[str]) -> None:
        """Rebuild the vectorizer over ``vocabulary`` (no fitting)."""
        self.vocabulary = list(vocabulary)
        self._vectorizer = _vectorizer(self.vocabulary)

    @property
    def names(self) -> list[str]:
        """Feature names, in column order."""
        return [f"word:{word}" for word in self.vocabulary]

    def transform(self, headlines: Sequence[str]) -> npt.NDArray[np.float32]:
        """One dense row per headline."""
        return np.asarray(self._vectorizer.transform(headlines).todense(), dtype=np.float32)
