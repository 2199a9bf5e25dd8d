"""Assessment: how likely a claim is from its independent lines, in ICD 203 words."""

from assay.assess.ach import STANDING, ach_matrix
from assay.assess.assessment import METHOD, assess, confidence, stance_counts
from assay.assess.odds import line_weight, logistic, logit
from assay.assess.words import CONFIDENCE_LEVELS, ICD_203, icd203_word

__all__ = [
    "CONFIDENCE_LEVELS",
    "ICD_203",
    "METHOD",
    "STANDING",
    "ach_matrix",
    "assess",
    "confidence",
    "icd203_word",
    "line_weight",
    "logistic",
    "logit",
    "stance_counts",
]
