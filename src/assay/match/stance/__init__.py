"""Stance: does a document support, refute or discuss a claim, or is it unrelated?

Trained on FNC-1 (bodies against headlines) and Emergent's training claims (headlines
against claims), shipped as verified plain files, run on the CPU::

    model = StanceModel.load()
    [prediction] = model.predict([(claim, document_text)])
    prediction.label, prediction.score, model.version
"""

from assay.match.stance.artifacts import StanceModelError
from assay.match.stance.model import StanceModel, StancePrediction
from assay.records import Stance

__all__ = ["Stance", "StanceModel", "StanceModelError", "StancePrediction"]
