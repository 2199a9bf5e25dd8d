"""The extraction stage: a document's text in, its typed claim mentions out.

Every sentence goes through the pre-filter (one Aho-Corasick pass for weapon names
and one for transfer words); only sentences with both are parsed. Most sentences of a
news article name no weapon, so the parser, the slow part, sees a small share of the
text. Each parsed sentence yields one mention per (supplier, recipient, item, status).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple

from assay.extract.cues import Cues
from assay.extract.framing import Frame, frame
from assay.extract.headlines import is_headline, read_headline
from assay.extract.items import (
    STATE,
    ActorOccurrence,
    ItemOccurrence,
    find_actors,
    find_generic_items,
    find_items,
    made_where_it_serves,
    quantity_of,
)
from assay.extract.language_model import (
    MODEL_PACKAGE,
    MODEL_VERSION,
    keep_whole,
    load_language_model,
)
from assay.extract.rewriting import Rewrite, rewrite
from assay.extract.roles import (
    ARRIVAL,
    CARGO,
    HOLDING,
    INWARD,
    OUTWARD,
    PRESENCE,
    Trigger,
    actor_of,
    conjuncts,
    coordination_root,
    governing_trigger,
    holding_verb,
    is_item_word,
    is_reference,
    loose_parties,
    opens_a_clause,
    prepositional_objects,
    relative_trigger,
    seized_on_board,
    slots_for,
    verb_direction,
)
from assay.extract.sentences import Sentence, split_sentences
from assay.extract.slot_filling import (
    MODEL_SHA256,
    SlotCandidate,
    SlotFiller,
    SlotModel,
    SlotQuery,
    SlotSetting,
    candidate_features,
)
from assay.packs.loading import Pack
from assay.packs.model import ANY_CATEGORY
from assay.records import CATEGORY_PREFIX, ClaimMention, DocumentSource, SpeakerType

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

EXTRACTOR_VERSION = "8"
_BATCH = 256
# "'s Export Control Committee" after a party's name: the capitalised name it possesses.
_POSSESSED_NAME = re.compile(r"['\u2019]s((?:\s+[A-Z][\w-]*)+)")
# Lemmas of verbs by which a trade figure changes: "exports of Alphan drones rose by 40 per
# cent" counts a trade and asserts no particular transfer.
_TRENDS = frozenset(
    {
        "rise",
        "fall",
        "grow",
        "increase",
        "decrease",
        "double",
        "triple",
        "drop",
        "decline",
        "surge",
        "jump",
        "climb",
        "soar",
        "slump",
        "plunge",
        "shrink",
    }
)
# Lemmas of verbs that say who made an item: "jets built by Alpha's Firm" names their maker.
# Nouns by which a phrase on an item says where it comes from: "of Alphan origin".
_ORIGINS = frozenset({"origin", "make", "manufacture", "provenance"})
_OF = frozenset({"of"})
_MAKING = frozenset({"build", "make", "manufacture", "produce", "develop", "design", "assemble"})


@dataclass(slots=True)
class Extraction:
    """What extraction found in one text, and how much of it the parser had to read."""

    mentions: list[ClaimMention] = field(default_factory=list)
    sentences: int = 0
    parsed: int = 0
    sources: list[DocumentSource] = field(default_factory=list)


@dataclass(slots=True)
class _Context:
    """The parties named so far in a document, for resolving "it", "we", "the group"."""

    # Per sentence: (actor, kind, the head words of its name), the heads so that "the
    # committee" finds "the Alpha Arms Committee" and "Alpha's Export Committee".
    sentences: list[list[tuple[str, str, tuple[str, ...]]]] = field(default_factory=list)
    topic: str | None = None  # the state the headline is about, for "the army", "the junta"


class _Parsed(NamedTuple):
    """A sentence with its parse and the rewrite the parse was made from."""

    sentence: Sentence
    doc: Doc
    rewritten: Rewrite


@dataclass(slots=True)
class _Reading:
    """One item moved by one trigger, with the parties found for it so far."""

    item: ItemOccurrence
    trigger: Trigger
    framing: Frame
    suppliers: list[str]
    recipients: list[str]
    movers: frozenset[int]  # the trigger words that move the item, by token index


def _share_between_conjuncts(readings: list[_Reading], actors: list[ActorOccurrence]) -> None:
    """Coordinated items moved by one trigger share the parties only one of them shows.

    "had not delivered the X-1 systems and X-2 launchers that Beta paid for": the relative
    clause hangs on the last item, yet Beta paid for both. A maker named on one item
    ("X-1 systems and Alphan X-2 missiles") is that item's alone.
    """
    for reading in readings:
        if reading.suppliers and reading.recipients:
            continue
        root = coordination_root(reading.item.anchor)
        for other in readings:
            if (
                other is reading
                or not other.movers & reading.movers
                or coordination_root(other.item.anchor).i != root.i
            ):
                continue
            makers = {o.actor for o in actors if o.role == "demonym" and _qualifies(o, other.item)}
            if not reading.suppliers:
                reading.suppliers = [
                    a for a in other.suppliers if a not in reading.recipients and a not in makers
                ]
            if not reading.recipients:
                reading.recipients = [a for a in other.recipients if a not in reading.suppliers]


def _speaks_as_subject(occurrence: ActorOccurrence) -> bool:
    """True when the party's phrase is a clause's subject ("Alpha said", "Alphan officials say")."""
    phrase = occurrence.span.root
    while phrase.dep_ in ("amod", "compound", "poss", "nmod") and phrase.head != phrase:
        phrase = phrase.head
    return phrase.dep_ in ("nsubj", "nsubjpass")


def _named_by_head(
    token: Token, actors: list[ActorOccurrence], context: _Context, excluded: set[str]
) -> str | None:
    """The party a definite description names by repeating the head of an earlier name.

    "The committee" after "Alpha's Arms Export Committee", or "the agency" after "the Alpha
    Security Cooperation Agency", is that body's state: the nearest earlier name, in the
    sentence and then in the document, that ends in the same word. A description no earlier
    name ends with ("the committee" in a story naming no committee) names no one.
    """
    if token.tag_ != "NN" or not any(
        child.dep_ == "det" and child.lower_ == "the" for child in token.children
    ):
        return None
    own = [(o.actor, _heads(o)) for o in actors if o.span.end <= token.i]
    earlier = [[(actor, heads) for actor, _, heads in named] for named in context.sentences]
    for named in [own, *earlier[::-1]]:
        for actor, heads in reversed(named):
            if token.lower_ in heads and actor not in excluded:
                return actor
    return None


def _heads(occurrence: ActorOccurrence) -> tuple[str, ...]:
    """The words a later description may repeat: the name's last, and what it possesses."""
    root = occurrence.span.root
    owned = (root.head.lower_,) if root.dep_ == "poss" else ()
    return (occurrence.span[-1].lower_, *owned)


def _in_an_aside(occurrence: ActorOccurrence, trigger: Token) -> bool:
    """True for a party named in a relative clause the transfer is not part of.

    "Alpha's corps, which replaced the Gamma group in Beta, said drones were reaching ...":
    the clause describes the speaker, and nobody in it sends or gets the drones.
    """
    for ancestor in occurrence.span.root.ancestors:
        if ancestor.dep_ == "relcl":
            return trigger not in ancestor.subtree
    return False


def _counts_a_trade(trigger: Trigger, actors: list[ActorOccurrence]) -> bool:
    """True for a transfer noun whose figure is said to change ("drone exports rose").

    Deliveries to a named party that rose still name that party's transfers.
    """
    noun = trigger.token
    if not trigger.is_noun or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if noun.head.lemma_.lower() not in _TRENDS:
        return False
    return not any(
        actor_of(obj, actors) is not None
        for preposition in noun.children
        if preposition.dep_ == "prep" and preposition.lower_ in ("to", "into", "for")
        for obj in preposition.children
        if obj.dep_ == "pobj"
    )


def _in_a_later_clause(occurrence: ActorOccurrence, reading: _Reading) -> bool:
    """True for a party after a clause opener that follows the transfer and its item.

    "Beta receives X as Gamma orders Y": Gamma belongs to the clause "as" opens, even where
    a headline's parse does not say so.
    """
    doc = occurrence.span.doc
    after = max(reading.item.span.end, reading.trigger.token.i + 1)
    return any(opens_a_clause(word) for word in doc[after : occurrence.span.start])


def _entry_label(actors: list[ActorOccurrence]) -> str | None:
    """The party a tracker's entry is filed under: "Alpha: received X drones from Beta"."""
    for occurrence in actors:
        span = occurrence.span
        if span.start == 0 and span.end < len(span.doc) and span.doc[span.end].text == ":":
            return occurrence.actor
    return None


def _fill_from_label(reading: _Reading, label: str) -> None:
    """An entry's label is the side its line leaves empty ("Alpha: X handed over by Beta")."""
    if bool(reading.suppliers) == bool(reading.recipients):
        return
    if reading.suppliers and label not in reading.suppliers:
        reading.recipients = [label]
    elif reading.recipients and label not in reading.recipients:
        reading.suppliers = [label]


def _bought_and_in_hand(trigger: Token, item: ItemOccurrence) -> bool:
    """True for "Beta's jets, bought from Alpha in 2010, are grounded": a sale since delivered.

    A reduced relative describes items the subject of another, present or past, clause;
    the sentence speaks of them as in the buyer's hands.
    """
    anchor = item.anchor
    if trigger.tag_ != "VBN":
        return False
    if anchor.dep_ == "nsubjpass" and anchor.head == trigger:
        # "Its jets were bought from Alpha in 1975": an owner holds what was bought
        return any(child.dep_ == "poss" for child in anchor.children) and not _future(trigger)
    return (
        trigger.dep_ == "acl"
        and trigger.head == anchor
        and anchor.dep_ in ("nsubj", "nsubjpass")
        and not _future(anchor.head)
    )


def _sold_and_in_service(trigger: Token, cues: Cues) -> bool:
    """True for "Beta bought X-1 jets from Alpha and has flown them since": a sale delivered.

    A clause joined to the sale, or a relative clause on its buyer ("sold to Beta, which
    took delivery in May"), says the buyer has the item in hand. The joined clause must
    take the item back with a pronoun ("them"), so "bought jets and used drones" does not
    count; a future or negated one ("will fly them", "has not used them") does not either.
    """
    for verb in trigger.subtree:
        if (
            verb == trigger
            or verb.pos_ not in ("VERB", "AUX")
            or verb.dep_ not in ("conj", "relcl")
        ):
            continue
        if _future(verb) or any(child.dep_ == "neg" for child in verb.children):
            continue
        lemma = verb.lemma_.lower()
        phrases = (
            {lemma}
            if any(
                child.dep_ in ("dobj", "nsubjpass") and child.tag_ == "PRP"
                for child in verb.children
            )
            else set()
        )
        for child in verb.children:
            if child.dep_ in ("prt", "dobj"):
                phrases.add(f"{lemma} {child.lemma_.lower()}")
            if child.dep_ == "prep":
                objects = [c.lemma_.lower() for c in child.children if c.dep_ == "pobj"]
                phrases.update(f"{lemma} {child.lower_} {o}" for o in objects)
        if phrases & cues.in_service_verbs:
            return True
    return False


def _future(verb: Token) -> bool:
    return any(
        child.dep_ in ("aux", "auxpass") and child.lower_ in ("will", "shall", "'ll")
        for child in verb.children
    )


def _has_own_subject(verb: Token) -> bool:
    """True for "shipped" in "Alpha says brokers shipped ...": the speaker is not its subject."""
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON" for child in verb.children
    )


class Extractor:
    """Claim mentions from text, with one pack's names and cues and the pinned parser."""

    def __init__(
        self, pack: Pack, nlp: Language | None = None, slot_filler: SlotFiller | None = None
    ) -> None:
        """Compile the pack's cues; the parser and the shipped slot model load on first use."""
        self.pack = pack
        self.cues = Cues.from_pack(pack)
        self._nlp = nlp
        self._kept_whole = False
        self._slot_filler = slot_filler
        self._trigger_nouns = (
            self.cues.outward_nouns | self.cues.inward_nouns | self.cues.neutral_nouns
        )

    @property
    def version(self) -> str:
        """What produced a mention: extractor, parser, slot model and pack, for stamping results."""
        return (
            f"assay-extract/{EXTRACTOR_VERSION} {MODEL_PACKAGE}/{MODEL_VERSION} "
            f"slot-model/{MODEL_SHA256[:12]} {self.pack.ref}"
        )

    @property
    def nlp(self) -> Language:
        """The verified spaCy pipeline, loaded once."""
        if self._nlp is None:
            self._nlp = load_language_model()
        if not self._kept_whole:
            keep_whole(self._nlp, self.cues.whole_words)
            self._kept_whole = True
        return self._nlp

    @property
    def slot_filler(self) -> SlotFiller:
        """What fills a party the rules left empty: the verified shipped model by default."""
        if self._slot_filler is None:
            self._slot_filler = SlotModel.load()
        return self._slot_filler

    def extract(self, text: str) -> Extraction:
        """The mentions in one text."""
        return next(self.extract_many([text]))

    def extract_many(self, texts: Iterable[str]) -> Iterator[Extraction]:
        """The mentions in each text, in order; candidate sentences are parsed in batches."""
        pending: list[tuple[str, list[Sentence], list[bool]]] = []
        for text in texts:
            sentences = split_sentences(text)
            chosen = [self.cues.is_candidate(s.text) for s in sentences]
            pending.append((text, sentences, chosen))
            if sum(sum(c) for _, _, c in pending) >= _BATCH:
                yield from self._finish(pending)
                pending = []
        if pending:
            yield from self._finish(pending)

    def _finish(
        self, pending: list[tuple[str, list[Sentence], list[bool]]]
    ) -> Iterator[Extraction]:
        rewrites = [
            rewrite(s.text, self.cues.items.find(s.text))
            for _, sentences, chosen in pending
            for s, c in zip(sentences, chosen, strict=True)
            if c
        ]
        docs = self.nlp.pipe([r.text for r in rewrites]) if rewrites else iter(())
        parsed = zip(docs, rewrites, strict=True)
        for _text, sentences, chosen in pending:
            result = Extraction(sentences=len(sentences), parsed=sum(chosen))
            context = _Context()
            fruitless: list[_Parsed] = []
            for sentence, is_candidate in zip(sentences, chosen, strict=True):
                if is_candidate:
                    doc, rewritten = next(parsed)
                    found = self._analyse(doc, rewritten, sentence, context)
                    result.mentions.extend(found)
                    if not found:
                        fruitless.append(_Parsed(sentence, doc, rewritten))
                context.sentences.append(self._named_in(sentence.text))
                if sentence.index == 0:
                    context.topic = self._topic(result.mentions)
            self._generic_mentions(result, sentences, chosen, fruitless, context)
            result.sources = self._sources(sentences)
            yield result

    def _generic_mentions(
        self,
        result: Extraction,
        sentences: list[Sentence],
        chosen: list[bool],
        fruitless: list[_Parsed],
        context: _Context,
    ) -> None:
        """Mentions whose item is a generic word ("missiles") naming a transfer named elsewhere.

        The word takes a system or category its own sentence names ("Alpha sends missiles to
        Beta: missiles called the X-1"), or else that of the first other mention in the
        document with the same supplier and recipient that it can stand for: "missiles" beside
        "X-1 ballistic missiles", not beside "X-2 jets". A word for any weapon ("arms")
        only refers back to another mention, and only in a denial, which rules out every
        transfer between the two; asserted, it picks out none.
        """
        known: dict[tuple[str | None, str | None], list[str]] = {}
        for m in result.mentions:
            if m.supplier and m.recipient:
                categories = known.setdefault((m.supplier, m.recipient), [])
                categories.append(self._category_of(m.item))
        if not known and not fruitless:
            return
        unparsed = [
            s
            for s, was_parsed in zip(sentences, chosen, strict=True)
            if known and not was_parsed and self._may_name_generic(s)
        ]  # a sentence not parsed names no item of its own, so it needs another mention
        fresh = zip(unparsed, self.nlp.pipe([s.text for s in unparsed]), strict=True)
        result.parsed += len(unparsed)
        candidates = [
            *(p for p in fruitless if self._may_name_generic(p.sentence)),
            *(_Parsed(s, doc, Rewrite(s.text, s.text)) for s, doc in fresh),
        ]
        for sentence, doc, rewritten in sorted(candidates, key=lambda p: p.sentence.index):
            scoped = _Context(context.sentences[: sentence.index], context.topic)
            own = [hit.keys[0] for hit in self.cues.items.find(sentence.text)]
            for mention in self._analyse(doc, rewritten, sentence, scoped, generic=True):
                families = self._generic_families(sentence, mention)
                if ANY_CATEGORY in families and mention.polarity != "negative":
                    continue
                others = known.get((mention.supplier, mention.recipient), [])
                # "arms" beside a named system may mean something else ("denied sending arms,
                # only rifles"); a narrower word ("missiles called the X-1") may take it
                options = others if ANY_CATEGORY in families else [*own, *others]
                item = next(
                    (
                        key
                        for key in options
                        if ANY_CATEGORY in families
                        or self._category_of(key).removeprefix(CATEGORY_PREFIX) in families
                    ),
                    None,
                )
                if item is not None:
                    result.mentions.append(replace(mention, item=item))
                    if mention.supplier and mention.recipient:
                        pair = (mention.supplier, mention.recipient)
                        known.setdefault(pair, []).append(self._category_of(item))
        result.mentions.sort(key=lambda m: (m.sentence_index, m.start))

    def _may_name_generic(self, sentence: Sentence) -> bool:
        """Whether a sentence has a generic word, a transfer word and two parties."""
        return (
            self.cues.generic_items.contains(sentence.text)
            and self.cues.trigger_words.contains(sentence.text)
            and len({key for hit in self.cues.actors.find(sentence.text) for key in hit.keys}) >= 2
        )

    def _generic_families(self, sentence: Sentence, mention: ClaimMention) -> set[str]:
        """The categories the generic words inside a mention's core may stand for."""
        core = sentence.text[mention.start - sentence.start : mention.end - sentence.start]
        return {key for hit in self.cues.generic_items.find(core) for key in hit.keys}

    def _category_of(self, item: str) -> str:
        """The category an item belongs to: what a generic word for it can mean."""
        system = self.pack.catalog.systems.get(item)
        return f"{CATEGORY_PREFIX}{system.category}" if system else item

    def _sources(self, sentences: list[Sentence]) -> list[DocumentSource]:
        """Sentences that say where the document's claims come from."""
        found = []
        for sentence in sentences:
            cue = next(iter(self.cues.provenance.find(sentence.text)), None)
            if cue is None:
                continue
            named = sentence.text[cue.end :].strip().rstrip(".")
            types = tuple(
                SpeakerType(kind)
                for kind in ("anonymous", "intelligence", "media", "government")
                if self.cues.speakers[kind].contains(named)
            )
            if types:
                found.append(
                    DocumentSource(sentence.index, named, types, self.cues.basis_of(named))
                )
        return found

    def _kind(self, actor: str) -> str:
        return self.pack.gazetteer.actors[actor].kind

    def _analyse(
        self,
        doc: Doc,
        rewritten: Rewrite,
        sentence: Sentence,
        context: _Context,
        *,
        generic: bool = False,
    ) -> list[ClaimMention]:
        actors = find_actors(doc, self.cues)
        readings: list[_Reading] = []
        if generic:
            items = find_generic_items(doc, self.cues, self._trigger_nouns)
        else:
            items = find_items(doc, self.cues, self._trigger_nouns, rewritten.replacements)
        headline = not generic and is_headline(sentence.index, sentence.text)
        for item in items:
            relative = relative_trigger(item, self.cues)
            governing = governing_trigger(item, self.cues)
            parsed = relative or governing
            reading = (
                read_headline(
                    doc,
                    item,
                    actors,
                    (self.cues.word_directions, self.cues.generic_words),
                    self.cues.interdictions,
                )
                if headline
                else None
            )
            if parsed is not None and (
                self._made_at_home(parsed, item, actors) or _counts_a_trade(parsed, actors)
            ):
                continue
            if parsed is not None:
                trigger = parsed
            elif reading is not None:
                trigger = Trigger(reading.trigger, reading.direction, is_noun=False)
            else:
                continue
            framing = self._settled(
                frame(doc, trigger.token, item.anchor, actors, self.cues),
                trigger,
                item,
                planned=reading is not None and reading.planned,
            )
            speaker_actor = None
            if framing.speaker is not None:
                occurrence = actor_of(framing.speaker.root, actors)
                speaker_actor = occurrence.actor if occurrence else None
            suppliers, recipients = (
                self._roles(parsed, item, actors, speaker_actor, context) if parsed else ([], [])
            )
            if reading is not None:
                bystander = speaker_actor if _has_own_subject(trigger.token) else None
                suppliers = suppliers or [
                    a for a in reading.suppliers if a not in recipients and a != bystander
                ]
                recipients = recipients or [
                    a for a in reading.recipients if a not in suppliers and a != bystander
                ]
            if relative is not None and governing is not None:
                framing, suppliers, recipients = self._both_clauses(
                    doc,
                    item,
                    governing,
                    actors,
                    speaker_actor,
                    context,
                    (framing, suppliers, recipients),
                )
            if not suppliers:
                suppliers = _demonyms(item, actors)
            if parsed is not None:
                suppliers, recipients = self._fill_parties(
                    parsed, item, actors, framing, speaker_actor, context, (suppliers, recipients)
                )
            movers = frozenset(t.token.i for t in (relative, governing, trigger) if t is not None)
            readings.append(_Reading(item, trigger, framing, suppliers, recipients, movers))
        self._complete_parties(readings, actors, sentence, headline=headline)
        readings = [  # production for a state's own forces moves nothing
            r for r in readings if r.suppliers or not made_where_it_serves(r.item, self.cues)
        ]
        return self._mentions_of(readings, sentence, rewritten)

    def _made_at_home(
        self, trigger: Trigger, item: ItemOccurrence, actors: list[ActorOccurrence]
    ) -> bool:
        """True when a maker hands its output to its own country's forces.

        "The plant handed 40 guns to the Alphan army", "Alphan factories handed howitzers
        to the army": a maker tied to no state, or an army tied to no state, is the home
        country's. Production for a state's own forces is no transfer.
        """
        if trigger.direction != OUTWARD or trigger.is_noun:
            return False
        if not any(word.lemma_.lower() in self.cues.producers for word in trigger.token.doc):
            return False
        slots = slots_for(trigger, item, self.cues)
        makers = [
            word
            for slot in slots.supplier
            for word in conjuncts(slot)
            if word.lemma_.lower() in self.cues.producers
        ]
        if not makers:
            return False
        named_maker = any(actor_of(word, actors) is not None for word in makers)
        named_holder = any(actor_of(word, actors) is not None for word in slots.recipient)
        return not named_maker or not named_holder

    def _settled(
        self, framing: Frame, trigger: Trigger, item: ItemOccurrence, *, planned: bool
    ) -> Frame:
        """The framing with the status the trigger's kind or the item's holder settles."""
        if (
            trigger.direction in (PRESENCE, HOLDING)
            or holding_verb(item, self.cues)
            or (
                framing.status == "agreed"
                and (
                    _bought_and_in_hand(trigger.token, item)
                    or _sold_and_in_service(trigger.token, self.cues)
                )
            )
        ):
            return _with_status(framing, "delivered")
        if seized_on_board(item, self.cues, trigger.token):
            return _with_status(framing, "halted")  # a load seized on its way
        if planned and framing.status == "delivered":
            return _with_status(framing, "planned")
        return framing

    def _complete_parties(
        self,
        readings: list[_Reading],
        actors: list[ActorOccurrence],
        sentence: Sentence,
        *,
        headline: bool,
    ) -> None:
        """Parties the rules missed: shared between coordinated items, then the slot model's."""
        _share_between_conjuncts(readings, actors)
        label = _entry_label(actors)
        items = [reading.item for reading in readings]
        for reading in readings:
            if label is not None:
                _fill_from_label(reading, label)
            self._second_look(reading, actors, sentence, items, headline=headline)

    def _second_look(
        self,
        reading: _Reading,
        actors: list[ActorOccurrence],
        sentence: Sentence,
        items: list[ItemOccurrence],
        *,
        headline: bool,
    ) -> None:
        """Let the slot model fill the one party the rules left empty, if the sentence has it."""
        if reading.trigger.direction in (PRESENCE, HOLDING, CARGO) or bool(
            reading.suppliers
        ) == bool(reading.recipients):
            return
        slot = "recipient" if reading.suppliers else "supplier"
        makers = {
            o.span.root.i
            for o in actors
            for item in items
            if o.role == "demonym"
            and _qualifies(o, item)
            and (slot == "recipient" or item.span.start > reading.item.span.start)
        }
        remaining = [o for o in actors if o.span.root.i not in makers]
        chosen = self._ask(reading, remaining, sentence, slot, headline=headline)
        if chosen is not None:
            if slot == "supplier":
                reading.suppliers = [chosen]
            else:
                reading.recipients = [chosen]

    def _ask(
        self,
        reading: _Reading,
        actors: list[ActorOccurrence],
        sentence: Sentence,
        slot: str,
        *,
        headline: bool,
    ) -> str | None:
        """The slot model's choice of party for ``slot`` among the sentence's others."""
        others = reading.recipients if slot == "supplier" else reading.suppliers
        system = self.pack.catalog.systems.get(reading.item.key)
        slots = slots_for(reading.trigger, reading.item, self.cues)
        named = slots.supplier if slot == "supplier" else slots.recipient
        setting = SlotSetting(
            slot=slot,
            trigger=reading.trigger.token,
            direction=reading.trigger.direction,
            status=reading.framing.status,
            item_anchor=reading.item.anchor,
            item_origin=system.origin if system else None,
            speaker=reading.framing.speaker,
            other_kind=self._kind(others[0]),
            other_tokens=frozenset(t.i for o in actors if o.actor in others for t in o.span),
            headline=headline,
            slot_words=frozenset(t.i for word in named for t in word.subtree),
        )
        described = {t.i for o in actors if o.actor in others for t in o.span.root.subtree}
        candidates = tuple(
            SlotCandidate(
                o.actor,
                candidate_features(setting, o.actor, self._kind(o.actor), o.span, o.role),
            )
            for o in actors
            if o.actor not in others
            # a party inside the other's phrase describes it ("Beta's Gamma forces", "Alpha, a
            # member of the Gamma council"); a demonym on the item names its maker; one whose
            # claim it is ("Gamma's claims of shipments") makes it, and is no party
            and o.span.root.i not in described
            and not (slot == "recipient" and o.role == "demonym" and _on_item(o, reading.item))
            and not self._claimant(o)
            and not _in_an_aside(o, reading.trigger.token)
            and not self._hosts_a_venue(o)
            and not self._acts_elsewhere(o, reading, slot)
            and not _in_a_later_clause(o, reading)
        )
        if not candidates or _unknown_subject(named, actors):
            return None
        return self.slot_filler.choose(
            SlotQuery(
                sentence.text,
                slot,
                others[0],
                reading.item.key,
                reading.framing.status,
                candidates,
            )
        )

    def _acts_elsewhere(self, occurrence: ActorOccurrence, reading: _Reading, slot: str) -> bool:
        """Whether a party is the subject of another transfer that makes it the wrong side.

        In "Beta receives X as Gamma orders Y", Gamma buys Y and so supplies nothing; in
        "Alpha sent X as Gamma shipped Y to Delta", Gamma gives and receives nothing; in
        "a claim planted by Gamma", Gamma acts in a way that moves nothing; in "Beta flies
        X jets bought from Gamma and seeks Y", Gamma sold the X jets, not Y.
        """
        trigger = reading.trigger.token
        root = occurrence.span.root
        verb = root.head
        clause = verb.head
        if (
            root.dep_ == "pobj"
            and clause.dep_ in ("acl", "relcl")
            and clause != trigger
            and clause.head not in (trigger, reading.item.anchor, *reading.trigger.path)
            and verb_direction(clause, self.cues) is not None
        ):
            return True  # "flies X-1 jets bought from Gamma and seeks X-2 jets": the jets' seller
        if root.dep_ == "pobj" and verb.dep_ == "agent" and verb.head != trigger:
            # "a fabrication planted by Gamma": the agent of an act that moves nothing
            acting = verb.head
            lemma = acting.lemma_.lower()
            return (
                verb_direction(acting, self.cues) is None
                and lemma not in self.cues.cargo_verbs
                and lemma not in _MAKING
            )
        if root.dep_ != "nsubj" or verb in (trigger, root):
            return False
        direction = verb_direction(verb, self.cues)
        return (slot == "supplier" and direction == INWARD) or (
            slot == "recipient" and direction == OUTWARD
        )

    def _hosts_a_venue(self, occurrence: ActorOccurrence) -> bool:
        """Whether a party only places an event: "at an arms fair in Gamma", "at the Gamma show"."""
        root = occurrence.span.root
        while root.dep_ in ("amod", "compound", "poss", "nmod") and root.head != root:
            if root.head.lemma_.lower() in self.cues.venues:
                return True  # "the Gamma air show"
            root = root.head
        place = root.head
        if root.dep_ != "pobj" or place.lower_ != "in":
            return False
        event = place.head  # "an arms fair", which the parser may read as fair "arms"
        words = [event, *(c for c in event.children if c.dep_ in ("amod", "compound"))]
        return any(word.lemma_.lower() in self.cues.venues for word in words)

    def _claimant(self, occurrence: ActorOccurrence) -> bool:
        """Whether a party is named as the owner of a claim: "Gamma's claims", "a Gamman report"."""
        root = occurrence.span.root
        return (
            root.dep_ == "poss" or (root.dep_ == "amod" and occurrence.role == "demonym")
        ) and root.head.lemma_.lower() in self.cues.claim_nouns

    def _mentions_of(
        self, readings: list[_Reading], sentence: Sentence, rewritten: Rewrite
    ) -> list[ClaimMention]:
        """One mention per item, supplier, recipient and status the readings hold."""
        found: dict[tuple[str | None, str | None, str, str], ClaimMention] = {}
        for told in readings:
            if told.trigger.direction in (PRESENCE, HOLDING) and not (
                told.suppliers and told.recipients
            ):
                continue  # a weapon seen or held says nothing unless both sides are named
            suppliers: list[str | None] = [*told.suppliers] or [None]
            recipients: list[str | None] = [*told.recipients] or [None]
            for supplier in suppliers:
                for recipient in recipients:
                    key = (supplier, recipient, told.item.key, told.framing.status)
                    if supplier != recipient and key not in found:
                        found[key] = self._mention(
                            sentence,
                            rewritten,
                            told.item,
                            told.trigger,
                            told.framing,
                            supplier,
                            recipient,
                        )
        return list(found.values())

    def _both_clauses(  # noqa: PLR0913, PLR0917 - the item, both clauses and what is known
        self,
        doc: Doc,
        item: ItemOccurrence,
        governing: Trigger,
        actors: list[ActorOccurrence],
        speaker_actor: str | None,
        context: _Context,
        found: tuple[Frame, list[str], list[str]],
    ) -> tuple[Frame, list[str], list[str]]:
        """An item moved both in a relative clause and by the clause that governs it.

        "received the jets it bought from Alpha", "the jets Alpha promised Beta have been
        handed over": bought or promised earlier, delivered now, so the outer clause's
        status wins, as it does in "the jets Beta ordered will arrive in May". "vehicles
        supplied by Alpha had been handed to the army": one transfer told twice, each
        clause naming one of its parties.
        """
        framing, suppliers, recipients = found
        moving = governing.direction in (OUTWARD, INWARD, ARRIVAL)
        if framing.status in ("agreed", "planned", "offered") and (
            not governing.is_noun or governing.direction == INWARD
        ):
            outer = frame(doc, governing.token, item.anchor, actors, self.cues)
            if outer.status in ("delivered", "planned") and governing.direction != PRESENCE:
                framing = outer
                moving = True
        if moving and not (suppliers and recipients):
            more = self._roles(governing, item, actors, speaker_actor, context)
            suppliers = suppliers or [a for a in more[0] if a not in recipients]
            recipients = recipients or [a for a in more[1] if a not in suppliers]
        return framing, suppliers, recipients

    def _roles(
        self,
        trigger: Trigger,
        item: ItemOccurrence,
        actors: list[ActorOccurrence],
        speaker_actor: str | None,
        context: _Context,
    ) -> tuple[list[str], list[str]]:
        """The suppliers and recipients the parse names for ``item`` moved by ``trigger``."""
        slots = slots_for(trigger, item, self.cues)
        suppliers = self._parties(slots.supplier, actors, speaker_actor, context, set())
        if not suppliers:
            suppliers = self._parties(
                slots.supplier_fallback, actors, speaker_actor, context, set()
            )
        # "the junta has acquired Alphan drones": the junta is not the maker the demonym names
        makers = set(suppliers or _demonyms(item, actors))
        recipients = self._parties(slots.recipient, actors, speaker_actor, context, makers)
        if not recipients:
            named = [
                o for o in actors if o.role != "demonym"
            ]  # a demonym on the item names its maker, not its recipient
            recipients = self._parties(
                slots.recipient_fallback, named, speaker_actor, context, set(suppliers)
            )
        return suppliers, recipients

    def _fill_parties(  # noqa: PLR0913, PLR0917 - the parties found so far and where to look
        self,
        trigger: Trigger,
        item: ItemOccurrence,
        actors: list[ActorOccurrence],
        framing: Frame,
        speaker_actor: str | None,
        context: _Context,
        found: tuple[list[str], list[str]],
    ) -> tuple[list[str], list[str]]:
        """Parties the slots missed: a gapped recipient, then ones placed by a preposition."""
        suppliers, recipients = found
        if suppliers and not recipients:
            recipients = self._gapped_recipients(trigger, actors, speaker_actor, context)
        if suppliers and recipients:
            return suppliers, recipients
        speaker = framing.speaker
        spoken = range(speaker.start, speaker.end) if speaker is not None else range(0)
        loose = loose_parties(trigger, item, actors, spoken, self.cues)
        suppliers = suppliers or [a for a in loose.suppliers if a not in recipients]
        recipients = recipients or [a for a in loose.recipients if a not in suppliers]
        if bool(suppliers) != bool(recipients):
            # a deal "with Alpha" names whichever side the sentence has not
            others = [a for a in loose.counterparts if a not in (*suppliers, *recipients)]
            suppliers, recipients = (suppliers or others), (recipients or others)
        return suppliers, recipients

    def _gapped_recipients(
        self,
        trigger: Trigger,
        actors: list[ActorOccurrence],
        speaker_actor: str | None,
        context: _Context,
    ) -> list[str]:
        """The recipient a coordinated clause leaves out: "Alpha sent X to Gamma, and Beta sent Y".

        The second verb, gapped of its recipient, shares the first's, when both move
        items the same way.
        """
        verb = trigger.token
        if trigger.is_noun or trigger.direction != OUTWARD or verb.dep_ != "conj":
            return []
        first = verb.head
        if verb_direction(first, self.cues) != OUTWARD:
            return []
        named = [o for o in actors if o.role != "demonym"]
        slots = [
            *(c for c in first.children if c.dep_ == "dative"),
            *(
                g
                for c in first.children
                if c.dep_ == "prep" and c.lower_ in ("to", "into")
                for g in c.children
                if g.dep_ == "pobj"
            ),
        ]
        return self._parties(slots, named, speaker_actor, context, set())

    def _parties(
        self,
        tokens: list[Token],
        actors: list[ActorOccurrence],
        speaker_actor: str | None,
        context: _Context,
        excluded: set[str],
    ) -> list[str]:
        parties: list[str] = []
        for slot in tokens:
            for token in conjuncts(slot):
                occurrence = actor_of(token, actors)
                actor = (
                    occurrence.actor
                    if occurrence
                    else self._resolve(token, speaker_actor, context, actors, excluded)
                )
                if actor and actor not in parties:
                    parties.append(actor)
                if occurrence is None and actor is None:
                    parties.extend(
                        named
                        for named in _named_examples(token, actors)
                        if named not in parties and named not in excluded
                    )
        return parties

    def _resolve(
        self,
        token: Token,
        speaker_actor: str | None,
        context: _Context,
        actors: list[ActorOccurrence],
        excluded: set[str],
    ) -> str | None:
        """The party a pronoun or a description ("the group") stands for."""
        phrase = " ".join(t.text for t in token.subtree)
        kinds = {key for hit in self.cues.references.find_all(phrase) for key in hit.keys}
        if not kinds and not is_reference(token):
            return _named_by_head(token, actors, context, excluded)
        if kinds:
            seat = _seat_of(token, actors)
            if seat is not None:
                return seat  # "the government in Capital"
        if (
            speaker_actor
            and not kinds
            and speaker_actor not in excluded
            and any(o.actor == speaker_actor and _speaks_as_subject(o) for o in actors)
        ):
            return speaker_actor  # "Alpha said it had sent ...", not "according to an Alphan"
        before = [  # "Alphan" in "Alphan X-1 jets" names a maker, not someone to refer back to
            o for o in actors if o.span.end <= token.i and not self._names_a_maker(o)
        ]
        if not kinds:  # "Alpha promised Beta X, and it will send Y": a pronoun keeps the subject
            subject = token.dep_ not in ("dobj", "dative", "pobj")  # an object, an object:
            before.sort(  # "Is Alpha arming Beta, and will Gamma send it X?"
                key=lambda o: (o.span.root.dep_ in ("nsubj", "nsubjpass")) == subject
            )
        earlier = [(o.actor, self._kind(o.actor), _heads(o)) for o in before]
        topic = context.topic
        if kinds and topic and topic not in excluded and self._kind(topic) in kinds:
            earlier.insert(0, (topic, self._kind(topic), ()))  # after the sentence's own parties
        for sentence in [list(reversed(earlier)), *reversed(context.sentences)]:
            for actor, kind, _ in sentence:
                if (not kinds or kind in kinds) and actor not in excluded:
                    return actor
        return None

    def _named_in(self, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
        """The parties a sentence names, each with its kind and the head words of its name.

        A name's last word is a head ("Agency" in "the Alpha Security Agency"), and so is
        the last of the capitalised words a possessive name runs into ("Committee" in
        "Alpha's Export Control Committee"), read without a parse.
        """
        named = []
        for hit in self.cues.actors.find(text):
            heads = text[hit.start : hit.end].lower().split()[-1:]
            owned = _POSSESSED_NAME.match(text, hit.end)
            if owned:
                heads.append(owned.group(1).split()[-1].lower())
            named.append((hit.keys[0], self._kind(hit.keys[0]), tuple(heads)))
        return named

    def _names_a_maker(self, occurrence: ActorOccurrence) -> bool:
        """Whether a demonym qualifies a weapon ("Alphan X-1 jets"): a maker, not a party."""
        head = occurrence.span.root.head
        return occurrence.role == "demonym" and is_item_word(head, self.cues)

    def _topic(self, mentions: list[ClaimMention]) -> str | None:
        """The state a headline's claim arms: what the story is about.

        "Is Alpha arming Beta's junta?" is about Beta; a later "the junta", "the army" or
        "the navy" that its own sentence does not tie to a state is Beta's.
        """
        for mention in mentions:
            if mention.recipient and self._kind(mention.recipient) == STATE:
                return mention.recipient
        return None

    def _mention(  # noqa: PLR0913, PLR0917 - one mention is built from all of these
        self,
        sentence: Sentence,
        rewritten: Rewrite,
        item: ItemOccurrence,
        trigger: Trigger,
        framing: Frame,
        supplier: str | None,
        recipient: str | None,
    ) -> ClaimMention:
        starts = [trigger.token.idx, item.span.start_char]
        ends = [trigger.token.idx + len(trigger.token.text), item.span.end_char]
        speaker = framing.speaker
        spoken = range(speaker.start, speaker.end) if speaker is not None else range(0)
        for token in trigger.token.subtree:
            if token.i in spoken:
                continue
            if token.dep_ in ("pobj", "dative") and token.head.i >= min(
                trigger.token.i, item.span.start
            ):
                starts.append(token.idx)
                ends.append(token.idx + len(token.text))
        start = rewritten.to_original(min(starts))
        end = rewritten.to_original(max(ends))
        return ClaimMention(
            sentence_index=sentence.index,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            start=sentence.start + start,
            end=sentence.start + end,
            supplier=supplier,
            recipient=recipient,
            item=item.key,
            quantity=quantity_of(item),
            status=framing.status,
            polarity=framing.polarity,
            modality=framing.modality,
            speaker=(
                rewritten.original_text(speaker.start_char, speaker.end_char)
                if speaker is not None
                else None
            ),
            speaker_type=framing.speaker_type,
            basis=framing.basis,
            cues=framing.cues,
        )


def _with_status(framing: Frame, status: str) -> Frame:
    """``framing`` with another status: an item seen in a party's hands is delivered."""
    return Frame(
        status,
        framing.polarity,
        framing.modality,
        framing.speaker,
        framing.speaker_type,
        framing.basis,
        framing.cues,
    )


def _unknown_subject(words: list[Token], actors: list[ActorOccurrence]) -> bool:
    """Whether the clause's subject fills the slot in words that name no party we know.

    "The North had sent ... to Beta", "smugglers shipped ... to Beta", "drones were
    reaching militants": the sentence says who it was; another party it names elsewhere
    (the speaker, a place) is not them.
    """
    return any(
        (
            word.dep_ in ("nsubj", "nsubjpass")
            or (
                word.dep_ in ("dobj", "dative", "pobj")
                and word.tag_ == "NNS"
                and not any(child.dep_ in ("det", "poss") for child in word.children)
            )
        )
        and not any(o.span.root.i in {t.i for t in word.subtree} for o in actors)
        for word in words
    )


def _maker_named(anchor: Token, actors: list[ActorOccurrence]) -> str | None:
    """The party a reduced relative names as the item's maker: "jets built by Alpha's Firm".

    "Corvettes built in Alpha" name it by place, and "rifles of Alphan origin" by a
    phrase that may close a list ("X-1 missiles and rifles of Alphan origin") and covers
    it. Like a demonym, the maker is the supplier when the sentence names no other, and
    never the recipient.
    """
    for noun in conjuncts(coordination_root(anchor)):
        for origin in prepositional_objects(
            noun, _OF
        ):  # "rifles of Alphan origin", "of Alphan make"
            if origin.lemma_.lower() not in _ORIGINS:
                continue
            for word in origin.children:
                occurrence = actor_of(word, actors) if word.dep_ in ("amod", "compound") else None
                if occurrence is not None:
                    return occurrence.actor
    for clause in anchor.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in _MAKING:
            continue
        for agent in clause.children:
            if agent.dep_ != "agent" and not (agent.dep_ == "prep" and agent.lower_ == "in"):
                continue
            for maker in agent.children:
                occurrence = actor_of(maker, actors) if maker.dep_ == "pobj" else None
                if occurrence is not None:
                    return occurrence.actor
    return None


def _named_examples(token: Token, actors: list[ActorOccurrence]) -> list[str]:
    """The parties a plain noun is illustrated by: "several states, including Beta and Gamma".

    The parser often hangs a late "including" elsewhere in the clause ("handed X to several
    states since 2021, including Beta"); one after the noun in its verb's phrase counts.
    """
    found: list[str] = []
    clause = token.head.head if token.dep_ == "pobj" else token.head
    for preposition in clause.subtree:
        if (
            preposition.i < token.i
            or preposition.dep_ != "prep"
            or preposition.lower_ not in ("including", "like")
        ):
            continue
        for example in (c for c in preposition.children if c.dep_ == "pobj"):
            for word in conjuncts(example):
                occurrence = actor_of(word, actors)
                if occurrence is not None and occurrence.actor not in found:
                    found.append(occurrence.actor)
    return found


def _qualifies(occurrence: ActorOccurrence, item: ItemOccurrence) -> bool:
    """Whether a demonym is a word of the item's own phrase: "Alphan" in "Alphan X-1 jets".

    Such a word names the item's maker: never a recipient, and no supplier of an item
    listed before it ("X-2 jets and Alphan X-1 missiles").
    """
    token = occurrence.span.root
    while token.dep_ in ("amod", "compound", "npadvmod", "nmod", "hyph") and token.head != token:
        token = token.head
    return item.span.start <= token.i < item.span.end or token == item.anchor


def _on_item(occurrence: ActorOccurrence, item: ItemOccurrence) -> bool:
    """Whether a party's words sit inside the item's phrase ("Alphan X-1 missiles")."""
    return occurrence.span.root.i in {t.i for t in item.anchor.subtree}


def _seat_of(token: Token, actors: list[ActorOccurrence]) -> str | None:
    """The party a description is placed in: "the authorities in Capital".

    The "in" may hang from the description or, as the parser often has it, from the
    verb; either way it comes right after the description.
    """
    doc = token.doc
    following = token.right_edge.i + 1
    places = [child for child in token.children if child.dep_ == "prep" and child.lower_ == "in"]
    if following < len(doc) and doc[following].lower_ == "in":
        places.append(doc[following])
    for preposition in places:
        for place in preposition.children:
            occurrence = actor_of(place, actors)
            if occurrence is not None:
                return occurrence.actor
    return None


def _demonyms(item: ItemOccurrence, actors: list[ActorOccurrence]) -> list[str]:
    """The party a demonym or name on the item, or its maker, stands for ("Alphan drones")."""
    anchor = item.anchor
    made_by = _maker_named(anchor, actors)
    if made_by is not None:
        return [made_by]
    while True:
        left, right = anchor.left_edge.i, anchor.i
        found = [
            occurrence.actor
            for occurrence in actors
            if occurrence.span.start >= left
            and occurrence.span.end <= right + 1
            and occurrence.role == "demonym"
        ][:1]
        if found or anchor.dep_ not in ("conj", "nmod") or anchor.head == anchor:
            return found
        # "Alphan drones and radar systems": the first conjunct's demonym covers the rest;
        # "Alphan drones": the demonym on the noun covers the names before it
        anchor = anchor.head
