"""Language identification of main text with py3langid (a model shipped in the package)."""

from __future__ import annotations

from functools import cache
from typing import Any

_SAMPLE_CHARS = 3000


@cache
def _identifier() -> Any:  # noqa: ANN401 - py3langid ships no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: PLC0415 - loaded on first use

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.strip()) < 20:
        return None
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= 0.5 else None
