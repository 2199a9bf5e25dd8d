"""Weapon items and parties found in a parsed sentence, tied to their tokens.

The phrase indexes find names in the sentence text; this module maps each hit onto the
parse. An item's *anchor* is the head noun of the phrase it sits in ("Kestrel-9" in
"200 Kestrel-9 ballistic missiles" anchors on "missiles"), so that a system and a
category phrase in one noun phrase make one item, with the system preferred, and the
count ("200") can be read off the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from assay.extract.cues import Cues
from assay.extract.phrases import PhraseHit
from assay.extract.rewriting import Replacement
from assay.records import CATEGORY_PREFIX

ARMED_GROUP = "armed_group"  # the gazetteer's kind for a non-state armed group
STATE = "state"  # the gazetteer's kind for a state

# Dependencies that tie a modifier to the noun it modifies inside one noun phrase.
_NOUN_MODIFIERS = frozenset(
    {"compound", "amod", "nmod", "nummod", "npadvmod", "quantmod", "punct", "appos"}
)
_NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class ItemOccurrence:
    """A weapon item named in the sentence: the catalogue key and where it sits."""

    key: str
    span: Span
    anchor: Token


@dataclass(frozen=True, slots=True)
class ActorOccurrence:
    """A party named in the sentence (a name, metonym, demonym or government body)."""

    actors: tuple[str, ...]
    span: Span
    role: str

    @property
    def actor(self) -> str:
        """The first actor the form names."""
        return self.actors[0]


def _span(doc: Doc, hit: PhraseHit) -> Span | None:
    return doc.char_span(hit.start, hit.end, alignment_mode="expand")


def anchor_of(span: Span, stop_lemmas: frozenset[str]) -> Token:
    """The head noun of the phrase ``span`` sits in, not climbing onto a transfer noun."""
    token = span.root
    for _ in range(4):
        head = token.head
        if (
            head == token
            or token.dep_ not in _NOUN_MODIFIERS
            or head.pos_ not in _NOUNS
            or head.lemma_.lower() in stop_lemmas
            or _after_a_label(token, head)
        ):
            break
        token = head
    return token


def _after_a_label(token: Token, head: Token) -> bool:
    """True when a colon parts ``token`` from ``head``: "Alpha: four X-1 launchers ..."."""
    return token.dep_ == "appos" and any(t.text == ":" for t in token.doc[head.i + 1 : token.i])


def find_items(
    doc: Doc, cues: Cues, trigger_nouns: frozenset[str], replaced: Iterable[Replacement]
) -> list[ItemOccurrence]:
    """Every weapon item in ``doc``: systems win over a category phrase on the same anchor.

    Systems were replaced by a placeholder before parsing (see :mod:`rewriting`); their
    positions come from the rewrite, category phrases from the parsed text.
    """
    found: list[tuple[str, Span]] = []
    for replacement in replaced:
        span = doc.char_span(replacement.start, replacement.end, alignment_mode="expand")
        if span is not None:
            found.append((replacement.key, span))
    for hit in cues.items.find(doc.text):
        if hit.keys[0].startswith(CATEGORY_PREFIX):
            span = _span(doc, hit)
            if span is not None:
                found.append((hit.keys[0], span))
    by_anchor: dict[int, ItemOccurrence] = {}
    for key, span in found:
        anchor = anchor_of(span, trigger_nouns)
        previous = by_anchor.get(anchor.i)
        if previous is None or (
            previous.key.startswith(CATEGORY_PREFIX) and not key.startswith(CATEGORY_PREFIX)
        ):
            by_anchor[anchor.i] = ItemOccurrence(key, span, anchor)
    kept = [
        item
        for item in _join_names_to_nouns(list(by_anchor.values()))
        if not _served_by_another(item, by_anchor)
        and not _names_members(item, doc, cues)
        and not _names_parts(item, cues)
        and not _names_a_service(item, cues)
        and not _prices_a_unit(item)
        and not _names_a_claim_or_a_fight(item, cues)
    ]
    return sorted(kept, key=lambda item: item.span.start)


def _join_names_to_nouns(items: list[ItemOccurrence]) -> list[ItemOccurrence]:
    """A system's name and the category noun right after it are one item ("X-1 rocket launchers").

    The parser usually makes the noun the name's head, and then both share an anchor; when
    it does not (the name read as a conjunct of a party before it), the words still touch.
    The system keeps its key and takes the noun as its anchor.
    """
    systems = [item for item in items if not item.key.startswith(CATEGORY_PREFIX)]
    joined: dict[int, ItemOccurrence] = {}
    dropped: set[int] = set()
    for category in items:
        if not category.key.startswith(CATEGORY_PREFIX):
            continue
        for system in systems:
            between = category.span.doc[system.span.end : category.span.start]
            if system.span.end <= category.span.start and all(
                t.pos_ == "ADJ" or t.tag_ == "HYPH" for t in between
            ):
                span = category.span.doc[system.span.start : category.span.end]
                joined[id(system)] = ItemOccurrence(system.key, span, category.anchor)
                dropped.add(id(category))
                break
    return [joined.get(id(item), item) for item in items if id(item) not in dropped]


def _prices_a_unit(item: ItemOccurrence) -> bool:
    """True for the item a price is given for ("20,000 dollars per drone"): no second item."""
    anchor = item.anchor
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "per"


def _names_a_claim_or_a_fight(item: ItemOccurrence, cues: Cues) -> bool:
    """True for an item word that only qualifies a claim or a fight: "drone claims", "drone raids".

    The claim or combat noun heads the item's phrase; the phrase names a dispute over
    claims or an attack, and moves nothing.
    """
    lemma = item.anchor.lemma_.lower()
    return lemma in cues.claim_nouns or lemma in cues.combat_words


def _names_a_service(item: ItemOccurrence, cues: Cues) -> bool:
    """True when the item is only what work is done on: "the overhaul of its X-1 jets".

    "A maintenance contract for X-1 helicopters" and "the X-1 upgrade" service weapons a
    party already holds; the pack lists the nouns for such work.
    """
    anchor = item.anchor
    if anchor.lemma_.lower() in cues.services:
        return True  # "the X-1 upgrade"
    while anchor.dep_ == "conj" and anchor.head != anchor:
        anchor = anchor.head
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ("of", "for", "on"):
        return False
    work = anchor.head.head  # "the overhaul of", "a maintenance contract for"
    words = [work, *(c for c in work.children if c.dep_ in ("compound", "amod", "nmod"))]
    return any(word.lemma_.lower() in cues.services for word in words)


def made_where_it_serves(item: ItemOccurrence, cues: Cues) -> bool:
    """True for an item its own words call home-made: "its first locally built X-1 frigate".

    The pack lists the phrases ("domestically built", "under licence"), found before the
    item or in a clause on it ("X-1 jets assembled under licence"). Such an item moves
    only when a supplier is named: "Alpha will export X-1 jets made under licence to Beta".
    """
    anchor = item.anchor
    doc = anchor.doc
    words = [doc[anchor.left_edge.i : item.span.start].text]
    words += [
        doc[c.left_edge.i : c.right_edge.i + 1].text for c in anchor.rights if c.dep_ == "acl"
    ]
    return any(cues.home_made.contains(text) for text in words if text)


def _names_parts(item: ItemOccurrence, cues: Cues) -> bool:
    """True when the item only qualifies parts: "drone engines", "engines for X-1 drones".

    Parts and components are not the weapon, and the pack lists their nouns.
    """
    anchor = item.anchor
    if anchor.lemma_.lower() in cues.components:
        return True
    while anchor.dep_ == "conj" and anchor.head != anchor:
        anchor = anchor.head  # "components for drones and missiles"
    holder = anchor.head.head
    return (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ == "for"
        and holder.lemma_.lower() in cues.components
    )


def _names_members(item: ItemOccurrence, doc: Doc, cues: Cues) -> bool:
    """True for a category word that names a group's members: "Gamma fighters" are people.

    The pack lists the words (``group_members``); they name people when a non-state
    armed group's name modifies them, and weapons otherwise ("Alphan fighters").
    """
    if (
        not item.key.startswith(CATEGORY_PREFIX)
        or item.anchor.lemma_.lower() not in cues.group_members
    ):
        return False
    for hit in cues.actors.find(doc.text):
        if cues.pack.gazetteer.actors[hit.keys[0]].kind != ARMED_GROUP:
            continue
        span = _span(doc, hit)
        if span is not None and span.root.head.i == item.anchor.i and span.end <= item.anchor.i:
            return True
    return False


def _served_by_another(item: ItemOccurrence, by_anchor: dict[int, ItemOccurrence]) -> bool:
    """True for "X-1 guns" in "ammunition for X-1 guns": what moves is the other item."""
    anchor = item.anchor
    return (
        anchor.dep_ == "pobj"
        and anchor.head.lower_ == "for"
        and anchor.head.head.i in by_anchor
        and anchor.head.head.i != anchor.i
    )


GENERIC = "generic"


def find_generic_items(doc: Doc, cues: Cues, trigger_nouns: frozenset[str]) -> list[ItemOccurrence]:
    """Generic weapon words ("missiles", "weapons"), to be resolved against earlier mentions."""
    found = []
    for hit in cues.generic_items.find(doc.text):
        span = _span(doc, hit)
        if span is not None:
            found.append(ItemOccurrence(GENERIC, span, anchor_of(span, trigger_nouns)))
    return found


# A wire story's dateline: "CAPITAL \u2014", "CAPITAL, Feb 10 (Agency) -".
_DATELINE = re.compile(
    r"[A-Z][A-Z'. ]*[A-Z](?:\s+[\u2014\u2013]|,[^\n\u2014\u2013]{0,60}?\s+[\u2014\u2013-]{1,2})\s"
)


def find_actors(doc: Doc, cues: Cues) -> list[ActorOccurrence]:
    """Every party named in ``doc``, with how it is named (name, demonym, body ...).

    A dateline names where the story was filed, not a party: "CAPITAL — Alpha shipped
    ..." says nothing of the capital's state; nor does a name inside a phrase the pack
    says names none (a region's adjective built on a state's demonym).
    """
    text = doc.text  # joined anew on every read
    dateline = _DATELINE.match(text)
    filed = dateline.end() if dateline else 0
    covered = [(h.start, h.end) for h in cues.not_parties.find(text)]
    found = []
    for hit in cues.actors.find(text):
        span = _span(doc, hit)
        if (
            span is None
            or hit.end <= filed
            or any(start <= hit.start and hit.end <= end for start, end in covered)
        ):
            continue
        role = role_of(cues, hit)
        found.append(ActorOccurrence(hit.keys, span, role))
    return found


def role_of(cues: Cues, hit: PhraseHit) -> str:
    """How a hit names its actor: by name, metonym, demonym, body ..."""
    actor = cues.pack.gazetteer.actors[hit.keys[0]]
    for form, role in actor.surface_forms():
        if form == hit.form:
            return role
    return "name"


def actors_within(
    tokens: Iterable[Token], occurrences: list[ActorOccurrence]
) -> list[ActorOccurrence]:
    """The actor occurrences whose tokens all lie among ``tokens``."""
    indexes = {token.i for token in tokens}
    return [
        occurrence
        for occurrence in occurrences
        if all(token.i in indexes for token in occurrence.span)
    ]


_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def _number(text: str) -> float | None:
    cleaned = text.lower().replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return _UNITS.get(cleaned)


def _numeral_value(numeral: Token) -> int | None:
    scale = _SCALES.get(numeral.lower_)
    if scale is None:
        value = _number(numeral.text)
        return None if value is None else int(value)
    for part in numeral.children:
        first = _number(part.text) if part.i < numeral.i else None
        if first is not None:
            return int(first * scale)
    return None  # "millions of shells": a scale with no number before it is vague


def quantity_of(item: ItemOccurrence) -> int | None:
    """The count stated for the item ("200 Kestrel-9 missiles", "1.5 million shells")."""
    for token in (item.anchor, item.span.root):
        for numeral in token.children:
            if numeral.dep_ == "nummod":
                value = _numeral_value(numeral)
                if value is not None:
                    return value
    return None
