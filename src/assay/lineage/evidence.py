"""What a document's telling of a claim rests on, and whether the speaker is a party.

From the document's own mentions of the claim (or of a claim linked to it) that agree
with its stance: a denial's evidence is the denial's, not the report it denies. The
strongest basis wins (documents and imagery above official statements above
intelligence ... above nothing); a speaker with no basis counts by kind. What the
outlet brings in its own voice (a government's statement, an imagery analyst's
imagery; the pack says which kinds bring what) counts where it is stronger.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assay.packs import Gazetteer
from assay.records import Document, Evidence, Mention, Modality, SpeakerType, Stance

_BASIS = {
    "documents": Evidence.DOCUMENTS,
    "satellite_imagery": Evidence.IMAGERY,
    "osint_analysis": Evidence.IMAGERY,
    "official_statement": Evidence.OFFICIAL_STATEMENT,
    "intercepted_communications": Evidence.INTELLIGENCE,
    "intelligence_report": Evidence.INTELLIGENCE,
    "eyewitness": Evidence.EYEWITNESS,
}
_SPEAKER = {
    SpeakerType.NAMED_OFFICIAL: Evidence.NAMED_SOURCE,
    SpeakerType.GOVERNMENT: Evidence.NAMED_SOURCE,
    SpeakerType.INTELLIGENCE: Evidence.INTELLIGENCE,
    SpeakerType.ANONYMOUS: Evidence.ANONYMOUS,
}
_RANK = {evidence: rank for rank, evidence in enumerate(Evidence)}
_OFFICIAL_SPEAKERS = (SpeakerType.GOVERNMENT, SpeakerType.NAMED_OFFICIAL, SpeakerType.INTELLIGENCE)
_OWN_VOICE = (Modality.ASSERTED, Modality.ATTRIBUTED, Modality.DENIED)
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WORD = re.compile(r"[\w'\u2019.-]+")


@dataclass(frozen=True, slots=True)
class Publisher:
    """What a document's outlet brings of its own: its name, state and kind of evidence.

    ``unreliable`` marks an outlet with a history of invalid reporting (Admiralty E): the
    evidence it claims is not taken as evidence, so it cannot start a line of its own
    while an earlier telling exists for it to repeat.
    """

    name: str | None
    country: str | None
    evidence: Evidence | None
    unreliable: bool = False


@dataclass(frozen=True, slots=True)
class Telling:
    """How one document tells a claim: evidence, speaker and the state the speaker speaks for.

    ``on_record`` is True when the speaker is a named official (a person with a title),
    not an anonymous source or a body.
    """

    evidence: Evidence
    speaker: str | None
    speaker_party: str | None
    on_record: bool = False


def stronger(first: Evidence, second: Evidence) -> bool:
    """True when ``first`` is stronger evidence than ``second``."""
    return _RANK[first] < _RANK[second]


def _agrees(mention: Mention, stance: Stance) -> bool:
    denied = mention.claim.polarity == "negative" or mention.claim.modality is Modality.DENIED
    if stance is Stance.REFUTES:
        return denied
    if stance is Stance.SUPPORTS:
        return not denied and mention.claim.modality is not Modality.QUESTIONED
    return True


def _evidence(mention: Mention) -> Evidence:
    """A mention's evidence; a basis named in a hedged aside by nobody counts for nothing.

    "Such claims should be checked against official statements and imagery" names
    kinds of evidence without claiming to have any.
    """
    basis = _BASIS.get(mention.claim.basis or "none")
    sourced = mention.claim.speaker or mention.claim.modality in _OWN_VOICE
    if basis is not None and sourced:
        return basis
    return _SPEAKER.get(mention.claim.speaker_type, Evidence.UNSOURCED)


def speaker_state(speaker: str | None, gazetteer: Gazetteer) -> str | None:
    """The state or group a speaker speaks for ("the Alpha foreign ministry" -> its actor id)."""
    if not speaker:
        return None
    words = [_POSSESSIVE.sub("", word) for word in _WORD.findall(speaker)]
    for size in range(min(4, len(words)), 0, -1):
        for start in range(len(words) - size + 1):
            actors = gazetteer.lookup(" ".join(words[start : start + size]))
            if len(actors) == 1:
                return actors[0].id
    return None


def telling(
    document: Document,
    stance: Stance,
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
    publisher: Publisher | None = None,
) -> Telling:
    """The evidence and speaker of ``document``'s telling, from its ``mentions`` of the claim.

    ``publisher`` says what the outlet itself brings when it speaks in its own voice (no
    sentence stating the claim names another speaker): a government's page is its
    statement, an imagery analyst's report is imagery.
    """
    if publisher is not None and publisher.unreliable:
        return Telling(Evidence.UNSOURCED, None, None)
    chosen = [m for m in mentions if _agrees(m, stance)] or list(mentions)
    chosen.sort(key=lambda m: (_RANK[_evidence(m)], m.claim.sentence_index))
    best = _evidence(chosen[0]) if chosen else Evidence.UNSOURCED
    own_voice = all(m.claim.speaker is None for m in chosen)
    if (
        own_voice
        and publisher is not None
        and publisher.evidence is not None
        and stronger(publisher.evidence, best)
    ):
        return Telling(publisher.evidence, publisher.name, publisher.country)
    if not chosen:
        return Telling(Evidence.UNSOURCED, None, None)
    spoken = next((m.claim for m in chosen if m.claim.speaker), None)
    if spoken is None:
        return Telling(best, None, None)
    # Only an official speaks for a state: "a national news outlet" does not.
    official = spoken.speaker_type in _OFFICIAL_SPEAKERS
    party = speaker_state(spoken.speaker, gazetteer) if official else None
    on_record = spoken.speaker_type is SpeakerType.NAMED_OFFICIAL
    return Telling(best, spoken.speaker, party, on_record)
