"""Parties in a headline, read from word order when the parse of it cannot be trusted.

Headlines drop the words a parser leans on ("Alpha hands drones to Beta", "Beta signs
deal for Gamma jets"), and a small model often tags their verb as a noun or their
first name as an adjective. Their word order, though, is rigid: the party before the
transfer word acts (it gives for an outward word, it gets for an inward word or a
deal), "to" and "for" name the one who gets, "from" and a "with" after a deal the one
who gives, and a party right after an outward verb receives ("equip Beta's army").
This reading fills only the parties the parse left empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from assay.extract.items import ActorOccurrence, ItemOccurrence

_HEADLINE_ENDINGS = (".", "!", ";", ":")
_RECIPIENT_WORDS = frozenset({"to", "for", "into"})
_SUPPLIER_WORDS = frozenset({"from"})
_SKIPPED = frozenset({"the", "a", "an", "'s", "\u2019s", "new", "its", "their"})
OUTWARD, INWARD, NEUTRAL = "outward", "inward", "neutral"


def is_headline(index: int, text: str) -> bool:
    """True for a document's first sentence when it has no closing full stop."""
    return index == 0 and not text.rstrip().endswith(_HEADLINE_ENDINGS)


@dataclass(slots=True)
class HeadlineReading:
    """The transfer word of a headline and the parties its word order names."""

    trigger: Token
    direction: str
    planned: bool = False
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)


def _trigger(
    doc: Doc,
    item: ItemOccurrence,
    actors: list[ActorOccurrence],
    words: tuple[dict[str, str], frozenset[str]],
) -> Token | None:
    """The transfer word nearest before the item, a verb preferred to a deal noun.

    A word that is also a generic item word ("arms") is a verb only when a party follows
    it ("Alpha arms Beta"); otherwise it names weapons ("Alpha's arms exporters").
    """
    directions, generic_words = words
    before = [
        t
        for t in doc[: item.span.start]
        if t.lower_ in directions
        and (t.lower_ not in generic_words or _party_follows(doc, t, actors))
    ]
    moving = [t for t in before if directions[t.lower_] != NEUTRAL]
    chosen = moving or before
    return chosen[-1] if chosen else None


def _owns_past(occurrence: ActorOccurrence, trigger: Token) -> bool:
    """True for "Beta's Alphan-donated frigate": the owner of a phrase the trigger modifies.

    The trigger sits inside the owned phrase, so the owner holds the item; it does not act.
    """
    root = occurrence.span.root
    return root.dep_ == "poss" and root.head.i > trigger.i


def _party_follows(doc: Doc, token: Token, actors: list[ActorOccurrence]) -> bool:
    """True when the first word after ``token`` not skipped begins a party's name."""
    index = token.i + 1
    while index < len(doc) and doc[index].lower_ in _SKIPPED:
        index += 1
    return any(occurrence.span.start == index for occurrence in actors)


def _word_before(doc: Doc, occurrence: ActorOccurrence) -> str:
    """The word that governs a party in a headline: the first one before it not skipped."""
    index = occurrence.span.start - 1
    while index >= 0 and doc[index].lower_ in _SKIPPED:
        index -= 1
    return doc[index].lower_ if index >= 0 else ""


def read_headline(
    doc: Doc,
    item: ItemOccurrence,
    actors: list[ActorOccurrence],
    words: tuple[dict[str, str], frozenset[str]],
    interdictions: frozenset[str] = frozenset(),
) -> HeadlineReading | None:
    """The parties of ``item`` by a headline's word order, or None without a transfer word.

    A party before an interdiction verb ("Alpha foils a shipment of rockets for Gamma")
    stopped the transfer and is no party to it.
    """
    trigger = _trigger(doc, item, actors, words)
    if trigger is None:
        return None
    directions = words[0]
    # "Alpha to send drones to Beta": a headline's infinitive announces a plan
    planned = trigger.i > 0 and doc[trigger.i - 1].lower_ == "to"
    reading = HeadlineReading(trigger, directions[trigger.lower_], planned)
    inside_item = set(range(item.anchor.left_edge.i, item.anchor.i + 1))
    acting = [
        o
        for o in actors
        if o.span.end <= trigger.i and o.role != "demonym" and not _owns_past(o, trigger)
    ]
    if acting and not any(
        t.lemma_.lower() in interdictions for t in doc[acting[-1].span.end : trigger.i]
    ):
        actor = acting[-1].actor
        (reading.suppliers if reading.direction == OUTWARD else reading.recipients).append(actor)
    for occurrence in actors:
        if occurrence.span.start <= trigger.i or occurrence.span.start in inside_item:
            continue
        word = _word_before(doc, occurrence)
        if word in _RECIPIENT_WORDS:
            reading.recipients.append(occurrence.actor)
        elif word in _SUPPLIER_WORDS or (word == "with" and reading.direction != OUTWARD):
            reading.suppliers.append(occurrence.actor)
        elif occurrence.span.start < item.span.start and reading.direction == OUTWARD:
            reading.recipients.append(occurrence.actor)  # "hands Beta drones", "arm Beta's army"
    return reading
