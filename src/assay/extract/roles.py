"""Who gives and who gets: the transfer trigger of an item and the parties around it.

From an item's anchor the parse is climbed to the nearest transfer word: a verb
("sent", "were delivered", "received"), a noun ("the delivery of", "a shipment of"), or
a verb of sight for items of one party seen in another ("Zetan guns in Beta").
The trigger's direction decides what its subject is: the supplier of an outward verb
("Alpha sent ..."), the recipient of an inward one ("Beta received ..."), the item of an
arrival ("... arrived in Alpha"). Passives swap subject and agent; prepositions fill the
rest ("to", "for" name the recipient; "from" the supplier; "with" the item of
"supply Beta with ..."). A demonym on the item ("Alphan drones") names the supplier
when nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lemminflect import getInflection
from spacy.tokens import Token

from assay.extract.cues import Cues
from assay.extract.items import ActorOccurrence, ItemOccurrence
from assay.extract.rewriting import PLACEHOLDER

OUTWARD, INWARD, NEUTRAL, ARRIVAL = "outward", "inward", "neutral", "arrival"
PRESENCE, HOLDING, CARGO = "presence", "holding", "cargo"
_VERBS = frozenset({"VERB", "AUX"})
_RECIPIENT_PREPS = frozenset({"to", "into", "for", "toward", "towards"})
_SUPPLIER_PREPS = frozenset({"from"})
_PLACE_PREPS = frozenset({"in", "to", "into", "at", "inside", "with"})
_WITHIN = frozenset({"in", "at", "inside"})  # a place inside another: "a base in Beta"
_ON = frozenset({"on"})  # what an item is seen on: "on a train in Beta"
_FINITE_TAGS = ("VBD", "VBZ", "VBP")
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
_PRONOUNS = frozenset({"it", "they", "we", "its", "their", "our", "itself", "themselves"})
# Verbs whose object, not their subject, does what their complement says ("urged Capital to send").
_OBJECT_CONTROL_DEPS = frozenset({"dobj"})
_CLIMB_LIMIT = 8
# Verbs by which a ship arrives. A warship that docks is a port call, not a delivery; what
# a ship carries when it docks has arrived.
_MOORING = frozenset({"dock", "berth", "moor"})
# Prepositions that say where something happened, and never complete a phrasal verb.
_PLACING = frozenset({"in", "at", "on", "over", "near", "during"})
# Words that open a clause of their own, which the parser may read as prepositions.
_CLAUSE_OPENERS = frozenset({"as", "while", "after", "before", "since", "when", "whereas"})
# Verbs by which a transfer lists its items ("a package that includes ...").
_INCLUDING = frozenset({"include", "comprise", "contain", "cover", "feature"})
# Verbs by which a party takes up what another puts to it ("weighing offers of ...").
_WEIGHING = frozenset(
    {
        "weigh",
        "consider",
        "evaluate",
        "study",
        "review",
        "examine",
        "welcome",
        "await",
        "accept",
        "reject",
        "decline",
        "refuse",
        "receive",
        "get",
        "win",
        "entertain",
    }
)
# Verbs by which a supplier gets a buyer's order ("Alpha's shipyard wins an order from Beta").
_WINNING = frozenset({"win", "land", "clinch", "bag", "snag", "scoop"})
# Verbs by which a supplier's government lets a sale go ahead ("clears an order for Beta").
_APPROVING = frozenset(
    {
        "approve",
        "clear",
        "authorise",
        "authorize",
        "greenlight",
        "license",
        "licence",
        "permit",
        "allow",
        "endorse",
        "sanction",
    }
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """The word that says an item moves, and which way its subject faces."""

    token: Token
    direction: str
    is_noun: bool
    path: tuple[Token, ...] = ()


def _phrasal_direction(token: Token, cues: Cues) -> str | None:
    lemma = token.lemma_.lower()
    phrasal = (cues.phrasal_outward, cues.phrasal_inward, cues.phrasal_arrival)
    if not any(lemma in words for words in phrasal):
        return None  # most verbs have no phrasal reading: spare the walk over their children
    rests = {
        child.lower_
        for child in token.children
        if child.dep_ in ("prt", "dobj", "prep") and not _places(child, cues)
    }
    rests |= {child.lemma_.lower() for child in token.children if child.dep_ == "dobj"}
    rests |= {  # "took X into service"
        f"{child.lower_} {grandchild.lemma_.lower()}"
        for child in token.children
        if child.dep_ == "prep"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    }
    if rests & cues.phrasal_outward.get(lemma, frozenset()):
        return OUTWARD
    if rests & cues.phrasal_inward.get(lemma, frozenset()):
        return INWARD
    if rests & cues.phrasal_arrival.get(lemma, frozenset()):
        return ARRIVAL
    return None


def _places(word: Token, cues: Cues) -> bool:
    """True for a preposition that only places the act: "flew jets in a parade" is no "fly in".

    "flew in X-1 jets", parsed with the jets as the preposition's object, is still one.
    """
    return (
        word.dep_ == "prep"
        and word.lower_ in _PLACING
        and any(
            child.dep_ == "pobj" and not _is_placeholder(child) and not _names_a_weapon(child, cues)
            for child in word.children
        )
    )


def verb_direction(token: Token, cues: Cues) -> str | None:
    """The direction of a transfer verb, or None if ``token`` is not one."""
    if token.pos_ not in _VERBS and token.tag_ not in ("VBN", "VBD", "VBG"):
        return None
    phrasal = _phrasal_direction(token, cues)
    if phrasal:
        return phrasal
    lemma = token.lemma_.lower()
    if lemma in cues.outward_verbs:
        return OUTWARD
    if lemma in cues.inward_verbs:
        return INWARD
    if lemma in cues.arrival_verbs:
        return ARRIVAL
    return None


def noun_direction(token: Token, cues: Cues) -> str | None:
    """The direction of a transfer noun, turned inward under "took delivery of"."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = token.lemma_.lower()
    if lemma in cues.outward_nouns:
        head = token.head
        if head != token and token.dep_ == "dobj" and verb_direction(head, cues) == INWARD:
            return INWARD
        return OUTWARD
    if lemma in cues.inward_nouns:
        return INWARD
    if lemma in cues.neutral_nouns:
        return NEUTRAL
    return None


def _as_trigger(token: Token, cues: Cues) -> Trigger | None:
    direction = verb_direction(token, cues)
    if direction:
        return Trigger(token, direction, is_noun=False)
    direction = noun_direction(token, cues)
    if direction:
        return Trigger(token, direction, is_noun=True)
    return None


def _raised_trigger(verb: Token, cues: Cues) -> Trigger | None:
    """A transfer verb in the complement of a verb the item is subject of ("are due to arrive")."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "acomp"):
            found = _as_trigger(child, cues) or _raised_trigger(child, cues)
            if found and not found.is_noun:
                return found
    return None


def _asked_for_a_purpose(verb: Token, cues: Cues) -> Trigger | None:
    """The request an item was asked for when the parser reads it as a clause's subject.

    "asked Alpha for X-1 missiles to defend its ports" is often parsed as "for X-1 missiles
    to defend ...", a clause whose subject is the item; the asking verb still requests it.
    """
    asking = verb.head
    if verb.dep_ not in ("xcomp", "advcl", "ccomp") or asking == verb:
        return None
    if not any(child.dep_ == "mark" and child.lower_ == "for" for child in verb.children):
        return None
    lemma = asking.lemma_.lower()
    if "for" in cues.phrasal_inward.get(lemma, frozenset()):
        return Trigger(asking, INWARD, is_noun=False, path=(verb,))
    return None


def _with_path(found: Trigger, path: list[Token]) -> Trigger:
    return Trigger(found.token, found.direction, found.is_noun, tuple(path))


def _object_noun(verb: Token, cues: Cues) -> Trigger | None:
    """A transfer noun that is the object of ``verb`` ("signed a contract ... for K9s")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            found = _as_trigger(child, cues)
            if found and found.is_noun:
                return found
    return None


def find_trigger(item: ItemOccurrence, cues: Cues) -> Trigger | None:
    """The nearest transfer word governing ``item``, or None when the item only sits there.

    The trigger carries the path of words between the item and itself, whose
    prepositions ("drones from Alpha") also name parties.
    """
    relative = relative_trigger(item, cues)
    return relative if relative is not None else governing_trigger(item, cues)


def relative_trigger(item: ItemOccurrence, cues: Cues) -> Trigger | None:
    """A transfer verb in a clause on the item itself ("jets bought from Alpha").

    The verb may sit one clause down: "jets it agreed to buy from Alpha", "drones which
    the presenter said had been bought from Alpha". A clause the parser hangs on the noun
    the item counts ("the number of jets that Alpha has sold") is the item's too.
    """
    anchor = item.anchor
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl"):
            found = _as_trigger(child, cues) or _raised_trigger(child, cues)
            if found is None:
                found = next(
                    (
                        reported
                        for clause in child.children
                        if clause.dep_ == "ccomp"
                        and (reported := _as_trigger(clause, cues)) is not None
                    ),
                    None,
                )
            if found and not found.is_noun:
                return _with_path(found, [anchor])
    counter = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
    if counter is not None and counter.pos_ == "NOUN":
        for child in counter.children:  # "the number of X-1s that Alpha has shipped"
            found = _as_trigger(child, cues) if child.dep_ == "relcl" else None
            if found and not found.is_noun:
                return _with_path(found, [anchor, anchor.head, counter])
    return _cleft_trigger(item, cues)


def _cleft_trigger(item: ItemOccurrence, cues: Cues) -> Trigger | None:
    """The transfer a pseudo-cleft names the item of: "What Alpha sent Beta was X-1 jets"."""
    root = coordination_root(item.anchor)
    if root.dep_ == "nmod":  # "X-1 and X-2 missiles", the first name read as a modifier
        root = coordination_root(root.head)
    copula = root.head
    if root.dep_ != "attr" or copula.lemma_ != "be":
        return None
    for clause in copula.children:
        if clause.dep_ != "csubj" or not any(
            word.tag_ == "WP" and word.dep_ in ("dobj", "nsubjpass") for word in clause.children
        ):
            continue
        found = _as_trigger(clause, cues)
        if found and not found.is_noun:
            return _with_path(found, [item.anchor])
    return None


def governing_trigger(  # noqa: PLR0911 - the climb tries each reading in turn
    item: ItemOccurrence, cues: Cues
) -> Trigger | None:
    """The nearest transfer word above ``item`` in the parse."""
    path = _start_of_climb(item)
    token = path[-1]
    for _ in range(_CLIMB_LIMIT):
        head = token.head
        if head == token:
            return None
        found = _as_trigger(head, cues)
        if found and found.is_noun and head.dep_ in ("dobj", "nsubjpass"):
            governor = _as_trigger(head.head, cues)
            if governor and not governor.is_noun and governor.direction != ARRIVAL:
                # "dispatch a consignment of ...": the verb carries the parties
                return _with_path(governor, [*path, head])
        if found:
            return _with_path(found, path)
        # "including" and "following" head prepositional phrases although tagged as verbs
        if (head.pos_ in _VERBS and head.dep_ != "prep") or head.dep_ == "ROOT":
            if token.dep_ in ("nsubj", "nsubjpass"):
                raised = _raised_trigger(head, cues) or _asked_for_a_purpose(head, cues)
                if raised:
                    return _with_path(raised, path)
            if token.dep_ in ("prep", "pobj", "npadvmod"):
                noun = _object_noun(head, cues)
                if noun:
                    return _with_path(noun, path)
            return _verb_without_transfer(head, token, path, cues)
        token = head
        path.append(token)
    return None


def _start_of_climb(item: ItemOccurrence) -> list[Token]:
    """Where the climb to a trigger starts: the item, or the item it is coordinated with.

    In "X-1 jets from Alpha and X-2 jets from Beta" the parser may read the second item as
    Alpha's conjunct; it is the first item's, and climbs from there.
    """
    anchor = item.anchor
    source = anchor.head
    if anchor.dep_ == "conj" and source.dep_ == "pobj" and source.head.lower_ in _SUPPLIER_PREPS:
        first = _children(source.head.head, "dobj")
        if first:
            return [anchor, first[0]]
    return [anchor]


def _verb_without_transfer(
    verb: Token, below: Token, path: list[Token], cues: Cues
) -> Trigger | None:
    """What a verb that moves nothing still says of the item under it, or None.

    It may list a transfer's items ("a package that includes ..."), show an item where
    a party holds it ("images show ... in Beta"), or have a party hold it ("Beta flies ...").
    """
    lemma = verb.lemma_.lower()
    if lemma in _INCLUDING and below.dep_ == "dobj":
        package = _including_noun(verb, cues)
        if package is not None:
            return _with_path(package, [*path, verb])
    if lemma in cues.presence_verbs:
        return _with_path(Trigger(verb, PRESENCE, is_noun=False), path)
    holds = (lemma in cues.holding_verbs and below.dep_ == "dobj") or (
        below.dep_ == "prep" and f"{lemma} {below.lower_}" in cues.holding_verbs
    )  # "Beta flies ...", "Beta relies on ..."
    if holds and not in_combat(verb, cues):
        return _with_path(Trigger(verb, HOLDING, is_noun=False), path)
    if (
        lemma in cues.cargo_verbs
        and below.dep_ == "dobj"
        and (_stopping(verb, cues) is not None or _landing(verb, cues) is not None)
    ):
        return _with_path(Trigger(verb, CARGO, is_noun=False), path)
    return None


def _stopping(cargo_verb: Token, cues: Cues) -> Token | None:
    """The interdiction of the vehicle that ``cargo_verb`` says carried the item, if any.

    "seized a boat carrying rifles", "intercepted a truck that was carrying rifles",
    "seized rifles from a lorry carrying ...": the load was stopped on its way.
    """
    if cargo_verb.dep_ not in ("acl", "relcl"):
        return None
    vehicle = cargo_verb.head
    governor = vehicle.head
    if vehicle.dep_ == "pobj":
        governor = governor.head
    if (
        vehicle.dep_ in ("dobj", "nsubjpass", "pobj")
        and governor.lemma_.lower() in cues.interdictions
    ):
        return governor
    return None


def _landing(cargo_verb: Token, cues: Cues) -> Token | None:
    """The arrival of the vehicle that ``cargo_verb`` says carried the item, if any.

    "A ship carrying X docked in Beta", "a plane carrying X landed in Beta": the load
    arrived with it.
    """
    vehicle = cargo_verb.head
    if cargo_verb.dep_ not in ("acl", "relcl") or vehicle.dep_ != "nsubj":
        return None
    arrival = vehicle.head
    arrives = arrival.lemma_.lower() in _MOORING or verb_direction(arrival, cues) == ARRIVAL
    return arrival if arrives else None


def seized_on_board(item: ItemOccurrence, cues: Cues, trigger: Token) -> bool:
    """True for an item stopped on its way: "seized a truck carrying X bound for ...".

    An item seized while a clause on it tells of its transfer ("impounded rifles that
    smugglers were ferrying to Beta") was stopped on its way too.
    """
    anchor = coordination_root(item.anchor)
    carrier = anchor.head
    if (
        anchor.dep_ in ("dobj", "nsubjpass")
        and carrier.lemma_.lower() in cues.interdictions
        and any(
            clause.dep_ in ("acl", "relcl") and trigger in clause.subtree
            for clause in anchor.children
        )
    ):
        return True
    return (
        anchor.dep_ == "dobj"
        and carrier.lemma_.lower() in cues.cargo_verbs
        and _stopping(carrier, cues) is not None
    )


def _destinations(cargo_verb: Token, cues: Cues) -> list[Token]:
    """Where a load went: "bound for Beta", "destined for Beta", "to Beta", "docked in Beta".

    A stopped load's destination hangs anywhere in the interdiction's clause (on the load,
    the vehicle or the seizure itself), so every transfer verb there is read for its "for"
    or "to".
    """
    found = prepositional_objects(cargo_verb, _RECIPIENT_PREPS)
    landing = _landing(cargo_verb, cues)
    if not found and landing is not None:
        return _children(landing, "dobj") or prepositional_objects(landing, _PLACE_PREPS)
    stop = _stopping(cargo_verb, cues)
    if found or stop is None:
        return found
    for word in stop.subtree:
        if word.pos_ in _VERBS and verb_direction(word, cues) == OUTWARD:
            found.extend(prepositional_objects(word, _RECIPIENT_PREPS))
    return found


def _including_noun(verb: Token, cues: Cues) -> Trigger | None:
    """The transfer noun whose content ``verb`` lists: "a package that includes ...".

    "The package includes", "a shipment that was to include", "a deal covering": the
    items are the verb's object and the transfer is its subject or the noun it qualifies.
    """
    clause = verb
    while clause.dep_ == "xcomp" and clause.head != clause:
        clause = clause.head  # "that was to include"
    holders = [clause.head] if clause.dep_ in ("relcl", "acl") else _children(clause, "nsubj")
    for holder in holders:
        found = _as_trigger(holder, cues)
        if found is not None and found.is_noun:
            return found
    return None


def prepositional_objects(token: Token, words: frozenset[str]) -> list[Token]:
    """Objects of ``token``'s prepositions among ``words`` ("to Beta" -> Beta)."""
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in words:
            objects.extend(grand for grand in child.children if grand.dep_ == "pobj")
    return objects


def _path_preps(trigger: Trigger, item: ItemOccurrence, words: frozenset[str]) -> list[Token]:
    """Prepositional objects on the words between item and trigger, and the item's conjuncts."""
    nodes = list(trigger.path)
    anchor = item.anchor
    if anchor.dep_ == "conj":
        nodes.append(anchor.head)
    nodes.extend(child for child in anchor.children if child.dep_ == "conj")
    return [obj for node in nodes for obj in prepositional_objects(node, words)]


def _nearest_after(item: ItemOccurrence, objects: list[Token]) -> list[Token]:
    """Of several "from" phrases, the one that follows the item: "X from Alpha and Y from Beta".

    The parser hangs both phrases on the verb (or one on the other's party), so their
    order in the sentence is the surer guide to which item each belongs to.
    """
    prepositions = {obj.head.i for obj in objects}
    if len(prepositions) < 2:
        return objects
    following = sorted(i for i in prepositions if i >= item.span.end)
    if not following:
        return objects
    kept = following[:1]
    doc = item.anchor.doc
    for later in following[1:]:
        if any(t.pos_ == "NOUN" or _is_placeholder(t) for t in doc[kept[-1] + 1 : later]):
            break  # another item has its own phrase
        kept.append(later)  # "14 X jets from Alpha and 13 from Beta"
    return [obj for obj in objects if obj.head.i in kept]


def is_item_word(token: Token, cues: Cues) -> bool:
    """True for a system's placeholder or a category word as written ("drones")."""
    return _is_placeholder(token) or cues.items.contains(token.text)


def _is_placeholder(token: Token) -> bool:
    """True for the word a system's name was replaced by before parsing."""
    return token.text.rstrip("s") == PLACEHOLDER


def _children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def subjects(verb: Token) -> list[Token]:  # noqa: PLR0911 - one return per construction
    """The subject of ``verb``, inherited through control, coordination and relative clauses."""
    found = _children(verb, "nsubj")
    if found and found[0].lower_ not in _RELATIVE_PRONOUNS:
        return found
    head = verb.head
    if head == verb:
        return []
    if verb.dep_ in ("relcl", "acl") and not found:
        return _subjects_of_a_modifier(verb)
    if found:  # a relative pronoun: the noun the clause qualifies
        return [head]
    if verb.dep_ in ("xcomp", "pcomp", "dobj", "advcl"):
        controller = head.head if verb.dep_ == "pcomp" else head
        objects = _children(controller, *_OBJECT_CONTROL_DEPS)
        if objects and verb.dep_ in ("xcomp", "pcomp") and objects[0].pos_ == "PROPN":
            return objects
        # "Epsilon is believed to have received", "Epsilon was accused of buying"
        raised = _children(controller, "nsubjpass")
        if raised and verb.dep_ in ("xcomp", "pcomp"):
            return raised
        if controller.dep_ in ("acomp", "attr") and not _children(controller, "nsubj"):
            return subjects(controller.head)  # "Beta is due to hand over"
        return subjects(controller)
    if verb.dep_ == "ccomp" and _finite(verb):
        return _subject_read_as_object(verb)
    if verb.dep_ == "conj" and head.pos_ in _VERBS:
        before = verb.doc[verb.i - 1]
        if before.dep_ == "pobj" and before.head.lower_ in _CLAUSE_OPENERS:
            return [before]  # "Alpha sends X as Gamma offers Y", parsed as "as Gamma"
        return subjects(head)
    return []


def _subject_read_as_object(verb: Token) -> list[Token]:
    """The name right before a finite clause with no subject, parsed as the object before it.

    "documents proving Alpha sent ..." is parsed as "proving Alpha", with "sent" left bare.
    """
    before = verb.doc[verb.i - 1]
    if before.dep_ == "dobj" and before.head.i < before.i and before.pos_ == "PROPN":
        return [before]
    return []


def _finite(verb: Token) -> bool:
    """True for a verb with a tense of its own ("sent", "has sent"), not "sending" or "to send"."""
    return verb.tag_ in _FINITE_TAGS or any(
        child.dep_ == "aux" and child.tag_ in (*_FINITE_TAGS, "MD") for child in verb.children
    )


def opens_a_clause(token: Token) -> bool:
    """True for a word that opens a subordinate clause of its own ("as" in "as Gamma orders")."""
    return token.dep_ == "mark" and token.lower_ in _CLAUSE_OPENERS


def _subjects_of_a_modifier(verb: Token) -> list[Token]:
    """Who does what a clause qualifying a noun says, when the clause names nobody."""
    head = verb.head
    owners = _children(head, "poss")
    if verb.dep_ == "acl" and owners and head.pos_ == "NOUN":
        return owners  # "Beta's attempts to buy ...", "Alpha's plan to send ..."
    if head.dep_ in ("dobj", "pobj", "attr"):
        governor = head.head if head.dep_ != "pobj" else head.head.head
        if governor.pos_ in _VERBS:
            return subjects(governor)  # "Alpha finalised a deal to buy ..."
    return [head]


def is_passive(verb: Token) -> bool:
    """True for a passive verb or a bare participle modifying its patient ("drones sent by")."""
    if _children(verb, "nsubjpass", "auxpass"):
        return True
    has_own_subject = bool(_children(verb, "nsubj")) or any(
        child.lemma_ == "have" for child in _children(verb, "aux")
    )
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not has_own_subject


@dataclass(slots=True)
class Slots:
    """The tokens that name each party; each may be coordinated with more parties.

    The fallbacks are read only when the main tokens name no actor ("cargo ships
    ferried rounds from Alpha": the subject names none, so "from Alpha" is the supplier).
    """

    supplier: list[Token]
    recipient: list[Token]
    supplier_fallback: list[Token] = field(default_factory=list)
    recipient_fallback: list[Token] = field(default_factory=list)


def _nested_places(verb: Token) -> list[Token]:
    """Places one phrase down: "unloaded from a train in Beta" puts the train in Beta."""
    return [
        place
        for preposition in _children(verb, "prep")
        for obj in _children(preposition, "pobj")
        for place in prepositional_objects(obj, frozenset({"in", "at"}))
    ]


def _within(token: Token, item: ItemOccurrence) -> bool:
    return item.anchor.i in {t.i for t in token.subtree}


def _antecedent(subject: Token, verb: Token, item: ItemOccurrence) -> bool:
    """True for "Beta" in "Beta, which received jets": the clause's subject, not its patient.

    It holds the item only through the relative clause it governs.
    """
    return verb.dep_ == "relcl" and verb.head.i == subject.i and subject.i != item.anchor.i


def _holders_of_hands(place: Token) -> list[Token]:
    """Who holds the hands an item is in: "in Beta's hands", "in the hands of Beta"."""
    if place.lemma_.lower() != "hand":
        return []
    owners = [child for child in place.children if child.dep_ in ("poss", "compound", "amod")]
    return [*owners, *prepositional_objects(place, frozenset({"of"}))]


def _holds_item_by_with(token: Token, item: ItemOccurrence) -> bool:
    """True for "the army" in "furnished the army with drones", the "with" under the noun."""
    return any(
        child.dep_ == "prep" and child.lower_ == "with" and _within(child, item)
        for child in token.children
    )


def slots_for(  # noqa: PLR0912 - one branch per direction and voice
    trigger: Trigger, item: ItemOccurrence, cues: Cues
) -> Slots:
    """Which tokens name the supplier and the recipient of ``item`` moved by ``trigger``."""
    token = trigger.token
    slots = Slots([], [])
    if trigger.direction == PRESENCE:
        # "seen in Beta", "shown by Beta's army": where the item is, and who shows it; "shown
        # at a Beta exhibition" puts it on display, not in service
        places = [
            place
            for place in (
                *prepositional_objects(item.anchor, _PLACE_PREPS),
                *prepositional_objects(token, _PLACE_PREPS),
                *prepositional_objects(token, frozenset({"by"})),
            )
            if place.lemma_.lower() not in cues.venues
        ]
        slots.recipient.extend(places)
        for place in places:
            slots.recipient.extend(_holders_of_hands(place))
        carriers = [
            *places,
            *prepositional_objects(item.anchor, _ON),
            *prepositional_objects(token, _ON),
        ]
        slots.recipient_fallback.extend(  # "at an air base in Beta", "on a train in Beta"
            inner for carrier in carriers for inner in prepositional_objects(carrier, _WITHIN)
        )
        return slots
    if trigger.direction == CARGO:
        slots.recipient.extend(_destinations(token, cues))
        slots.supplier.extend(
            prepositional_objects(token, _SUPPLIER_PREPS)
            or _path_preps(trigger, item, _SUPPLIER_PREPS)
        )
        return slots
    if trigger.direction == HOLDING:
        slots.recipient.extend(subjects(token))
        slots.supplier.extend(  # "operates X-1 jets from Alpha and X-2 jets from Beta"
            _nearest_after(
                item,
                prepositional_objects(item.anchor, _SUPPLIER_PREPS)
                or prepositional_objects(token, _SUPPLIER_PREPS)
                or _path_preps(trigger, item, _SUPPLIER_PREPS),
            )
        )
        return slots
    if trigger.is_noun:
        return _noun_slots(trigger, item, cues)
    # A headline's "Drones delivered to Beta by Alpha" reads as active with the item as subject.
    passive = is_passive(token) or any(
        _within(s, item) and not _antecedent(s, token, item) for s in subjects(token)
    )
    to_objects = prepositional_objects(token, _RECIPIENT_PREPS) or _path_preps(
        trigger, item, _RECIPIENT_PREPS
    )
    from_objects = _nearest_after(
        item,
        prepositional_objects(item.anchor, _SUPPLIER_PREPS)
        or prepositional_objects(token, _SUPPLIER_PREPS)
        or _path_preps(trigger, item, _SUPPLIER_PREPS),
    )
    agents = prepositional_objects(token, frozenset({"by"}))
    if trigger.direction == ARRIVAL:
        places = [obj for obj in _children(token, "dobj") if not _within(obj, item)]
        reached = (
            to_objects
            or places
            or prepositional_objects(token, _PLACE_PREPS)
            or _path_preps(trigger, item, frozenset({"at", "in"}))  # "unloaded X at Beta's port"
        )
        slots.recipient.extend(reached or _nested_places(token))
        slots.recipient_fallback.extend(  # "landed at an air base in Beta"
            inner for place in reached for inner in prepositional_objects(place, _WITHIN)
        )
        slots.supplier.extend(from_objects)
        return slots
    if trigger.direction == OUTWARD:
        if passive:
            patients = _children(token, "nsubjpass")
            if patients and not _within(patients[0], item):
                slots.recipient.extend(patients)
            slots.recipient_fallback.extend(_holders(item, cues))  # "flies jets sent by Alpha"
            if agents and not to_objects:  # "the navy's submarine was handed over by Alpha"
                slots.recipient_fallback.extend(_children(coordination_root(item.anchor), "poss"))
            own_agents = prepositional_objects(
                item.anchor, frozenset({"by"})
            )  # "with Y drones by Beta"
            slots.supplier.extend(own_agents or _nearest_after(item, agents) or from_objects)
        else:
            objects = [
                obj
                for obj in _children(token, "dative", "dobj")
                if not _within(obj, item) or _holds_item_by_with(obj, item)
            ]
            if from_objects and not to_objects and not objects:
                # "Atlantis leased drones from the Delta": the subject receives.
                slots.recipient.extend(subjects(token))
                slots.supplier.extend(from_objects)
            else:
                slots.supplier.extend(subjects(token))
                slots.supplier_fallback.extend(from_objects)
                slots.recipient.extend(objects)
        slots.recipient.extend(to_objects)
        slots.recipient_fallback.extend(_names_before_the_item(item, passive=passive))
    else:
        _fill_inward(slots, trigger, item, cues, (agents, from_objects, passive))
    return slots


def _fill_inward(
    slots: Slots,
    trigger: Trigger,
    item: ItemOccurrence,
    cues: Cues,
    found: tuple[list[Token], list[Token], bool],
) -> None:
    """The slots of a verb by which its subject gets the item ("Beta bought X from Alpha")."""
    token = trigger.token
    agents, from_objects, passive = found
    if passive:
        slots.recipient.extend(agents or _holders(item, cues))  # "flies jets bought from Alpha"
        if not agents and from_objects:  # "Beta's jets were bought from Alpha"
            slots.recipient_fallback.extend(_children(coordination_root(item.anchor), "poss"))
    else:
        slots.recipient.extend(subjects(token))
        slots.supplier.extend(  # "asked Alpha for", not "the Alphan jet", "a shipment"
            obj
            for obj in _children(token, "dobj", "dative")
            if not _within(obj, item) and not _names_a_thing(obj, cues)
        )
    slots.supplier.extend(from_objects)
    if not slots.supplier and token.head != token:
        slots.supplier.extend(
            prepositional_objects(token.head, frozenset({"with"}))
        )  # "a deal with X to buy"


def _names_before_the_item(item: ItemOccurrence, *, passive: bool) -> list[Token]:
    """Names on the item that say who got it.

    "had given Gamma 14 tanks" is parsed with the recipient inside the item phrase, and in
    "supplied most of Gamma's frigates" the owner of what was supplied received it.
    """
    first = coordination_root(item.anchor)  # the owner comes first: "Gamma's frigates, tanks"
    return [
        child
        for child in (
            *item.anchor.children,
            *first.children,
            *(c for word in item.span for c in word.children),  # "offered Beta X-1 drones"
        )
        if (child.dep_ in ("nmod", "compound") or (child.dep_ == "poss" and not passive))
        and child.pos_ == "PROPN"
        and child.i < item.span.start
    ]


def _names_a_weapon(token: Token, cues: Cues) -> bool:
    """True when the phrase's head word names a weapon."""
    forms = {token.text, token.lemma_, *getInflection(token.lemma_, "NNS")}
    return any(cues.items.find_all(form) for form in forms)


def _names_a_thing(token: Token, cues: Cues) -> bool:
    """True when the phrase's head word names a weapon or a shipment, not a party."""
    forms = {token.text, token.lemma_, *getInflection(token.lemma_, "NNS")}
    return _names_a_weapon(token, cues) or any(cues.trigger_words.find_all(f) for f in forms)


def _holders(item: ItemOccurrence, cues: Cues) -> list[Token]:
    """The subject of the verb by which a party holds ``item``, if any ("Beta flies ...")."""
    holder = holding_verb(item, cues)
    return subjects(holder) if holder is not None else []


def holding_verb(item: ItemOccurrence, cues: Cues) -> Token | None:
    """The verb by which a party holds ``item`` ("Beta operates ..."), if it is its object.

    The reduced relative "Beta flies jets bought from Alpha" is often parsed as a clause
    ("jets bought") under the holding verb; that reading counts too.
    """
    anchor = item.anchor
    verb = anchor.head
    if anchor.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.tag_ in ("VBN", "VBD"):
        anchor, verb = verb, verb.head
    if anchor.dep_ == "pobj" and verb.dep_ == "prt":
        anchor, verb = verb, verb.head  # "shows off jets", parsed as the particle's object
        anchor_ok = True
    elif anchor.dep_ == "pobj" and verb.dep_ == "prep" and verb.head != verb:
        preposition, verb = verb, verb.head  # "relies on jets"
        phrase = f"{verb.lemma_.lower()} {preposition.lower_}"
        return verb if phrase in cues.holding_verbs and not in_combat(verb, cues) else None
    else:
        anchor_ok = anchor.dep_ in ("dobj", "ccomp")
    lemma = verb.lemma_.lower()
    particles = [f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    if anchor_ok and {lemma, *particles} & cues.holding_verbs and not in_combat(verb, cues):
        return verb  # "operates ...", "shows off ..."
    return None


def in_combat(verb: Token, cues: Cues) -> bool:
    """True when ``verb`` uses its object in fighting: "flew drones in strikes on ...".

    A party that flies or fields a foreign-made item against a target reports the item's
    use, not its delivery. The phrase may hang on the verb or on its object.
    """
    holders = [verb, *(child for child in verb.children if child.dep_ == "dobj")]
    for preposition in (c for word in holders for c in word.children if c.dep_ == "prep"):
        if preposition.lower_ == "against":
            return True
        objects = [c for c in preposition.children if c.dep_ == "pobj"]
        if preposition.lower_ in ("in", "during", "for") and any(
            o.lemma_.lower() in cues.combat_words for o in objects
        ):
            return True
    return False


def _winning_verb(noun: Token) -> Token | None:
    """The verb by which a supplier wins the order ``noun``, if any.

    A headline's "Alpha wins howitzer order" is often parsed with the verb as a modifier
    of the noun, so a verb-tagged compound counts as well as a governing verb.
    """
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _WINNING:
        return noun.head
    for child in noun.children:
        if (
            child.dep_ == "compound"
            and child.tag_.startswith("VB")
            and child.lemma_.lower() in _WINNING
        ):
            return child
    return None


def _asks(noun: Token, cues: Cues) -> bool:
    """True for a noun that asks for a transfer ("request", "appeal")."""
    return noun.lemma_.lower() in cues.statuses.get("requested", frozenset())


def _noun_slots(trigger: Trigger, item: ItemOccurrence, cues: Cues) -> Slots:
    noun = trigger.token
    slots = Slots([], [])
    winner = _winning_verb(noun)
    if trigger.direction != OUTWARD and winner is not None:
        # "Alpha wins a howitzer order from Beta": the winner supplies, the customer buys
        slots.supplier.extend(subjects(winner))
        slots.recipient.extend(
            prepositional_objects(noun, _SUPPLIER_PREPS)
            or prepositional_objects(winner, _SUPPLIER_PREPS)
            or _path_preps(trigger, item, _SUPPLIER_PREPS)
        )
        return slots
    owners = [
        child
        for child in noun.children
        if child.dep_ in ("poss", "compound", "amod", "nmod") and not _within(child, item)
    ]
    givers = trigger.direction == OUTWARD
    (slots.supplier if givers else slots.recipient).extend(owners)
    fallback = slots.supplier_fallback if givers else slots.recipient_fallback
    # "a deal for Kestrel-9s": a "for" that introduces the item itself names no recipient
    destinations = [
        obj
        for obj in prepositional_objects(noun, _RECIPIENT_PREPS)
        or _path_preps(trigger, item, _RECIPIENT_PREPS)
        if not _within(obj, item)
    ]
    asked = [obj for obj in destinations if obj.head.lower_ == "to" and _asks(noun, cues)]
    slots.supplier.extend(asked)  # "a request to Alpha for ...": the one asked supplies
    slots.recipient.extend(obj for obj in destinations if obj not in asked)
    dealing = _SUPPLIER_PREPS | frozenset({"with"})
    slots.supplier.extend(
        prepositional_objects(noun, dealing)
        or _path_preps(trigger, item, _SUPPLIER_PREPS if givers else dealing)
    )
    (slots.supplier if givers else slots.recipient).extend(
        prepositional_objects(noun, frozenset({"by"}))
    )
    verb = noun.head
    if verb != noun and noun.dep_ in ("dobj", "nsubjpass", "pobj", "nsubj"):
        if noun.dep_ == "pobj" and verb.head != verb:
            verb = verb.head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "pobj"):
            # "suspended talks with Gamma on the purchase of ...": the talks' verb governs
            if not givers and not slots.supplier:
                slots.supplier.extend(prepositional_objects(verb, frozenset({"with"})))
            verb = verb.head if verb.dep_ == "dobj" else verb.head.head
        if not slots.recipient:  # "signs a deal for X-1 jets", the "for" hung on the verb
            slots.recipient.extend(
                obj
                for obj in prepositional_objects(verb, _RECIPIENT_PREPS)
                if not _within(obj, item)
            )
        if not slots.recipient and noun.dep_ == "nsubj" and verb_direction(verb, cues) == ARRIVAL:
            # "a consignment of X reached Beta", "a shipment of X arrived in Beta"
            slots.recipient.extend(
                _children(verb, "dobj") or prepositional_objects(verb, _PLACE_PREPS)
            )
        if not slots.supplier:
            # "placed an order ... with Gamma's shipyard": the buyer deals with the supplier
            words = _SUPPLIER_PREPS if givers else _SUPPLIER_PREPS | frozenset({"with"})
            slots.supplier.extend(prepositional_objects(verb, words))
        lemma = verb.lemma_.lower()
        # "seized a shipment", "documented the supply of": the subject is no party to it
        bystander = (
            lemma in cues.interdictions
            or lemma in cues.reporting_verbs
            or lemma in cues.presence_verbs
        )
        if noun.dep_ in ("dobj", "pobj") and verb.pos_ in _VERBS and not bystander:
            if givers and lemma in _WEIGHING:
                slots.recipient_fallback.extend(subjects(verb))  # "Beta is weighing offers"
            elif not givers and lemma in _APPROVING and slots.recipient:
                slots.supplier_fallback.extend(subjects(verb))  # "Alpha clears an order for Beta"
            else:
                fallback.extend(subjects(verb))
    return slots


def coordination_root(token: Token) -> Token:
    """The first of the coordinated words ``token`` belongs to ("A, B and C" → A)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """``token`` and every token coordinated with it ("Northland and the Southland")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(conjuncts(child))
    return found


def actor_of(
    token: Token, occurrences: list[ActorOccurrence], excluded: frozenset[int] = frozenset()
) -> ActorOccurrence | None:
    """The actor a phrase names: the one nearest its head, leaving out coordinated phrases."""
    own = {t.i for t in token.subtree} - excluded
    for child in token.children:
        if child.dep_ == "conj":
            own -= {t.i for t in child.subtree}
    best: tuple[int, ActorOccurrence] | None = None
    for occurrence in occurrences:
        if any(t.i == token.i for t in occurrence.span):
            return occurrence  # a flat multi-word name ("al - Shabaab")
        if not all(t.i in own for t in occurrence.span) or _through_preposition(
            occurrence.span.root, token
        ):
            continue
        depth = _depth(occurrence.span.root, token)
        if best is None or depth < best[0]:
            best = (depth, occurrence)
    return best[1] if best else None


def _through_preposition(token: Token, ancestor: Token) -> bool:
    """True when ``token`` hangs from ``ancestor`` through a preposition ("use in Gamma")."""
    steps = 0
    while token not in (ancestor, token.head) and steps < 20:
        if _of_a_name(token, ancestor):
            return False  # "Hyundai Rotem of Gamma": a firm named with its state
        if token.dep_ in ("pobj", "prep") and token.head != ancestor:
            return True
        if token.dep_ == "prep":
            return True
        token = token.head
        steps += 1
    return False


def _of_a_name(token: Token, ancestor: Token) -> bool:
    """True for the state in "Name of Gamma" hanging from the name ``ancestor`` itself."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.dep_ == "prep"
        and preposition.lower_ == "of"
        and preposition.head == ancestor
        and ancestor.pos_ == "PROPN"
    )


def _depth(token: Token, ancestor: Token) -> int:
    depth = 0
    while token not in (ancestor, token.head) and depth < 20:
        token = token.head
        depth += 1
    return depth


def is_reference(token: Token) -> bool:
    """True for a pronoun that may stand for a party ("it", "they", "we")."""
    return token.lower_ in _PRONOUNS


_BY_MAKERS = frozenset({"VBN"})


@dataclass(frozen=True, slots=True)
class LooseParties:
    """Parties the slots missed but the trigger's phrase still places by a preposition."""

    suppliers: tuple[str, ...]
    recipients: tuple[str, ...]
    counterparts: tuple[str, ...] = ()  # "a contract with Alpha": the side not yet known


def loose_parties(
    trigger: Trigger,
    item: ItemOccurrence,
    actors: list[ActorOccurrence],
    spoken: range,
    cues: Cues,
) -> LooseParties:
    """Parties hanging from the trigger's or the item's phrase by a telling preposition.

    The parser often attaches a party one level off from where the slots look for it
    ("jets bought from Alpha" under a holding clause, "the first of 16 that Beta ordered
    from Alpha", "Gamma's first jets arrive from Alpha"). Reading only the preposition
    keeps the direction the sentence gives: "from" names the supplier, "to", "for" and
    "into" the recipient, a "by" after a participle the maker ("built by Alpha"), and the
    owner of an item that arrives or is received its recipient.
    """
    within = {t.i for t in trigger.token.subtree} | {t.i for t in item.anchor.subtree}
    premodifiers = {t.i for t in item.anchor.subtree if t.i <= item.anchor.i}
    found: dict[str, list[str]] = {"supplier": [], "recipient": [], "counterpart": []}
    for occurrence in actors:
        root = occurrence.span.root
        if root.i in spoken or occurrence.role == "demonym":
            continue
        if root.dep_ in ("poss", "compound") and root.head.dep_ == "pobj":
            root = root.head  # "built by Alpha's shipyard": a company named with its state
        head = root.head
        if root.dep_ == "dobj" and head.dep_ == "pcomp" and head.head.dep_ == "prep":
            root, head = head, head.head  # "from neighbouring Alpha", read as a participle
        role: str | None = None
        if _in_service_with(root, item):
            role = "recipient"
        elif root.dep_ in ("pobj", "pcomp") and head.i in within:
            role = _role_by_preposition(head, trigger, cues)
        elif (
            root.dep_ == "poss"
            and head.i in premodifiers
            and trigger.direction in (INWARD, ARRIVAL)
        ):
            role = "recipient"
        if role is not None and occurrence.actor not in found[role]:
            found[role].append(occurrence.actor)
    for party in _negotiating_with(trigger, actors):
        if party not in found["counterpart"]:
            found["counterpart"].append(party)
    return LooseParties(
        tuple(found["supplier"]), tuple(found["recipient"]), tuple(found["counterpart"])
    )


def _in_service_with(party: Token, item: ItemOccurrence) -> bool:
    """True for Beta in "X, supplied by Alpha, are in service with Beta": Beta holds them.

    The phrase hangs on the item or on the clause the item is the subject of.
    """
    service, within = party.head.head, party.head.head.head
    if party.dep_ != "pobj" or party.head.lower_ != "with" or service.lemma_.lower() != "service":
        return False
    holder = within.head
    anchor = coordination_root(item.anchor)
    return within.lower_ == "in" and (
        holder == anchor or (anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head == holder)
    )


def _negotiating_with(trigger: Trigger, actors: list[ActorOccurrence]) -> list[str]:
    """The other side of the talks a transfer is about ("suspended talks with Alpha on buying")."""
    found = []
    for ancestor in list(trigger.token.ancestors)[:3]:
        if ancestor.pos_ != "NOUN":
            continue
        for preposition in ancestor.children:
            if preposition.dep_ != "prep" or preposition.lower_ != "with":
                continue
            for party in preposition.children:
                occurrence = actor_of(party, actors) if party.dep_ == "pobj" else None
                if occurrence is not None and occurrence.role != "demonym":
                    found.append(occurrence.actor)
    return found


def _role_by_preposition(preposition: Token, trigger: Trigger, cues: Cues) -> str | None:
    """The side a party takes from the preposition that introduces it, if it tells."""
    word = preposition.lower_
    governor = preposition.head
    if word in _SUPPLIER_PREPS:
        return "supplier"
    if word in _RECIPIENT_PREPS:
        return "recipient"
    if word == "by" and governor.lemma_.lower() in cues.inward_verbs:
        return "recipient"  # "tanks received by Beta's army"
    if word == "by" and (
        (governor.tag_ in _BY_MAKERS and governor.i != trigger.token.i)
        or (not trigger.is_noun and is_passive(trigger.token))
    ):
        # "built by Alpha"; "Beta was given jets worth $1bn by Alpha", the agent hung on
        # the wrong word
        return "supplier"
    if word == "with" and trigger.is_noun and trigger.direction == NEUTRAL:
        return "counterpart"  # "signed a contract with Alpha for jets"
    return None
