"""A document's stance toward a claim: the model reads the text, the mentions lean it.

assay's stances say which way a document points, as an analyst tallies reporting:

- **supports**: it carries the claim, in its own voice or relaying sources it does not
  dispute, hedged or not (how it is said is kept on each mention as its modality);
- **refutes**: it denies the claim, reports a denial as the story, or finds it baseless;
- **discusses**: it raises the claim without leaning (an open question, a balanced piece);
- **unrelated**: it is not about the claim.

The stance model, trained on FNC-1 and Emergent, reads the whole text against the claim.
Its "discusses" means "reports without taking a position", and most relayed, hedged
reporting falls there. So its discussing share is handed on by the document's own
mentions of the claim, each traceable to a sentence: to supports for mentions that
carry the claim (asserted, hedged, attributed), to refutes for mentions that deny it,
and kept as discusses for mentions that only ask or speculate. The stance with the
largest share wins and the share is its score.

Where a document states only a related claim (the delivery of what another claims was
agreed, a system of the claimed category), the model's reading is the answer as it is,
``unrelated`` included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assay.match.stance import StancePrediction
from assay.records import ClaimMention, Modality, Stance, StanceBasis

RELATED = (Stance.SUPPORTS, Stance.REFUTES, Stance.DISCUSSES)


@dataclass(frozen=True, slots=True)
class StanceReading:
    """A document's stance toward a claim, its score, and what it was read from."""

    stance: Stance
    score: float
    basis: StanceBasis


def mention_stance(mention: ClaimMention) -> Stance:
    """Which way one mention points: denied, carried, or only asked about.

    A denial points against the claim whether the sentence negates it ("Alpha has not
    sent drones") or reports someone denying it ("Alpha denied sending drones").
    """
    if mention.polarity == "negative" or mention.modality is Modality.DENIED:
        return Stance.REFUTES
    if mention.modality in (Modality.QUESTIONED, Modality.SPECULATIVE):
        return Stance.DISCUSSES
    return Stance.SUPPORTS


def _in_own_voice(mention: ClaimMention) -> bool:
    """The claim stated plainly, by the document or a speaker it names; not hedged."""
    return mention.polarity != "negative" and mention.modality in (
        Modality.ASSERTED,
        Modality.ATTRIBUTED,
    )


def read_stance(mentions: Sequence[ClaimMention], model: StancePrediction) -> StanceReading:
    """Combine a document's mentions of a claim (maybe none) with the model's reading.

    The model's "discusses" share is handed on by the mentions' leanings. A document
    whose every mention denies the claim refutes it, and one whose every mention states
    it plainly (asserted, or attributed to a named speaker) supports it, whatever the
    model read of the whole; a hedged retelling (a fact-check quoting the claim) still
    follows the model.
    """
    if not mentions:
        return StanceReading(model.label, model.score, StanceBasis.TEXT)
    related = sum(model.probabilities[stance] for stance in RELATED)
    if related <= 0:
        shares = dict.fromkeys(RELATED, 1.0 / len(RELATED))
    else:
        shares = {stance: model.probabilities[stance] / related for stance in RELATED}
    leaning = dict.fromkeys(RELATED, 0.0)
    for mention in mentions:
        leaning[mention_stance(mention)] += 1.0 / len(mentions)
    discussing = shares[Stance.DISCUSSES]
    final = {stance: shares[stance] for stance in (Stance.SUPPORTS, Stance.REFUTES)}
    final[Stance.DISCUSSES] = 0.0
    for stance, share in leaning.items():
        final[stance] += discussing * share
    # Ties go to the first in RELATED order among those with the largest share. Where
    # every sentence stating the claim denies it, the text's own words outrank the
    # model's reading of the whole (the score still says how far the model agreed).
    best = max(RELATED, key=lambda stance: final[stance])
    if all(mention_stance(mention) is Stance.REFUTES for mention in mentions):
        best = Stance.REFUTES
    elif all(_in_own_voice(mention) for mention in mentions):
        best = Stance.SUPPORTS
    return StanceReading(best, final[best], StanceBasis.MENTIONS)
