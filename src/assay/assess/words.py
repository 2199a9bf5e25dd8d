"""The ICD 203 words of likelihood and the analytic confidence levels.

Intelligence Community Directive 203 fixes seven words to probability ranges, so a
reader knows what "likely" means. Boundaries belong to the upper word: 5 % is "very
unlikely", 55 % "likely".
"""

from __future__ import annotations

ICD_203 = (
    (0.05, "almost no chance"),
    (0.20, "very unlikely"),
    (0.45, "unlikely"),
    (0.55, "roughly even chance"),
    (0.80, "likely"),
    (0.95, "very likely"),
    (1.01, "almost certain"),
)
CONFIDENCE_LEVELS = ("low", "moderate", "high")


def icd203_word(probability: float) -> str:
    """The ICD 203 word for ``probability`` (0-1)."""
    if not 0.0 <= probability <= 1.0:
        raise ValueError(f"a probability is between 0 and 1, got {probability}")
    return next(word for upper, word in ICD_203 if probability < upper)
