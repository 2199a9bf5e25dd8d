"""Everything the extractor looks for, compiled once from a pack.

Phrase lists become Aho-Corasick indexes (:class:`PhraseIndex`); verb and status lemmas
become sets checked against the parse. Verb lemmas are also expanded into their
inflections ("send" -> "sent", "sending") so the pre-filter can spot a transfer verb
without a parser.
"""

from __future__ import annotations

from dataclasses import dataclass

from lemminflect import getAllInflections, getAllInflectionsOOV

from assay.extract.phrases import PhraseIndex
from assay.packs.loading import Pack
from assay.records import CATEGORY_PREFIX

# Order in which statuses are tried: the first whose cue governs the trigger wins.
STATUS_ORDER = ("halted", "requested", "offered", "planned", "agreed")
# Bases from the most to the least specific: a named source of evidence beats a
# general reference to intelligence.
BASIS_ORDER = (
    "satellite_imagery",
    "intercepted_communications",
    "osint_analysis",
    "eyewitness",
    "documents",
    "official_statement",
    "intelligence_report",
)


def _inflections(lemma: str, pos: str) -> set[str]:
    """Every inflected form of a lemma's first word.

    A phrasal lemma ("ask for") is spotted by its verb alone, since an object often
    comes between ("asked the allies for ...").
    """
    head = lemma.partition(" ")[0]
    forms = getAllInflections(head, upos=pos) or getAllInflectionsOOV(head, upos=pos)
    return {head} | {form for variants in forms.values() for form in variants}


def _phrasal(lemmas: tuple[str, ...]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Split lemmas into plain verbs and phrasal ones keyed by their verb ("hand over")."""
    plain: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    for lemma in lemmas:
        head, _, rest = lemma.partition(" ")
        if rest:
            phrasal.setdefault(head, set()).add(rest)
        else:
            plain.add(head)
    return frozenset(plain), {head: frozenset(rests) for head, rests in phrasal.items()}


def _word_directions(
    groups: tuple[tuple[tuple[str, ...], str, str], ...],
) -> dict[str, str]:
    """Each inflected transfer word and its direction, for reading word order alone.

    Earlier groups win, so a form that is both a verb and a noun ("order") keeps the
    verb's direction; a phrasal verb ("hand over") is known by its verb.
    """
    directions: dict[str, str] = {}
    for lemmas, pos, direction in groups:
        for lemma in lemmas:
            if pos == "NOUN" and " " in lemma:
                continue  # "arms deal": its last word is listed on its own
            for form in _inflections(lemma, pos):
                directions.setdefault(form.lower(), direction)
    return directions


@dataclass(frozen=True)
class Cues:
    """The compiled cues of one pack."""

    pack: Pack
    items: PhraseIndex
    actors: PhraseIndex
    trigger_words: PhraseIndex
    word_directions: dict[str, str]
    whole_words: dict[str, str]
    outward_verbs: frozenset[str]
    inward_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    phrasal_outward: dict[str, frozenset[str]]
    phrasal_inward: dict[str, frozenset[str]]
    phrasal_arrival: dict[str, frozenset[str]]
    outward_nouns: frozenset[str]
    inward_nouns: frozenset[str]
    neutral_nouns: frozenset[str]
    statuses: dict[str, frozenset[str]]
    presence_verbs: frozenset[str]
    holding_verbs: frozenset[str]
    in_service_verbs: frozenset[str]
    combat_words: frozenset[str]
    venues: frozenset[str]
    interdictions: frozenset[str]
    cargo_verbs: frozenset[str]
    producers: frozenset[str]
    group_members: frozenset[str]
    components: frozenset[str]
    services: frozenset[str]
    home_made: PhraseIndex
    generic_items: PhraseIndex
    generic_words: frozenset[str]
    provenance: PhraseIndex
    not_parties: PhraseIndex
    speculation: frozenset[str]
    hedges: PhraseIndex
    claim_nouns: frozenset[str]
    denials: frozenset[str]
    denial_phrases: PhraseIndex
    labelling_verbs: frozenset[str]
    questions: frozenset[str]
    reporting_verbs: frozenset[str]
    attributions: PhraseIndex
    speakers: dict[str, PhraseIndex]
    anonymity: PhraseIndex
    references: PhraseIndex
    bases: PhraseIndex

    @classmethod
    def from_pack(cls, pack: Pack) -> Cues:
        """Compile ``pack``'s gazetteer, catalogue and lexicon."""
        lexicon, catalog = pack.lexicon, pack.catalog
        item_pairs = [(form, s.id) for s in catalog.systems.values() for form in s.surface_forms()]
        item_pairs += [
            (phrase, CATEGORY_PREFIX + c.id)
            for c in catalog.categories.values()
            for phrase in c.phrases
        ]
        actor_pairs = [
            (form, a.id) for a in pack.gazetteer.actors.values() for form, _ in a.surface_forms()
        ]
        verbs = (
            *lexicon.outward_verbs,
            *lexicon.inward_verbs,
            *lexicon.arrival_verbs,
            *lexicon.presence_verbs,
            *lexicon.holding_verbs,
        )
        nouns = (*lexicon.outward_nouns, *lexicon.inward_nouns, *lexicon.neutral_nouns)
        trigger_forms = {form for verb in verbs for form in _inflections(verb, "VERB")}
        trigger_forms |= {form for noun in nouns for form in _inflections(noun, "NOUN")}
        directions = _word_directions(
            (
                (lexicon.outward_verbs, "VERB", "outward"),
                (lexicon.inward_verbs, "VERB", "inward"),
                (lexicon.outward_nouns, "NOUN", "outward"),
                (lexicon.inward_nouns, "NOUN", "inward"),
                (lexicon.neutral_nouns, "NOUN", "neutral"),
            )
        )
        whole_words = {
            form: lemma
            for lemma in (*verbs, *nouns)
            if "-" in lemma.partition(" ")[0]
            for form in _inflections(lemma, "VERB" if lemma in verbs else "NOUN")
        }
        outward, phrasal_outward = _phrasal(lexicon.outward_verbs)
        inward, phrasal_inward = _phrasal(lexicon.inward_verbs)
        arrival, phrasal_arrival = _phrasal(lexicon.arrival_verbs)
        return cls(
            pack=pack,
            items=PhraseIndex(item_pairs, variants=True),
            actors=PhraseIndex(actor_pairs),
            trigger_words=PhraseIndex((form, "trigger") for form in trigger_forms),
            word_directions=directions,
            whole_words=whole_words,
            outward_verbs=outward,
            inward_verbs=inward,
            arrival_verbs=arrival,
            phrasal_outward=phrasal_outward,
            phrasal_inward=phrasal_inward,
            phrasal_arrival=phrasal_arrival,
            outward_nouns=frozenset(lexicon.outward_nouns),
            inward_nouns=frozenset(lexicon.inward_nouns),
            neutral_nouns=frozenset(lexicon.neutral_nouns),
            statuses={name: frozenset(lemmas) for name, lemmas in lexicon.statuses.items()},
            presence_verbs=frozenset(lexicon.presence_verbs),
            holding_verbs=frozenset(lexicon.holding_verbs),
            in_service_verbs=frozenset(lexicon.in_service_verbs),
            combat_words=frozenset(lexicon.combat_words),
            venues=frozenset(lexicon.venues),
            interdictions=frozenset(lexicon.interdictions),
            cargo_verbs=frozenset(lexicon.cargo_verbs),
            producers=frozenset(lexicon.producers),
            group_members=frozenset(lexicon.group_members),
            components=frozenset(lexicon.components),
            services=frozenset(lexicon.services),
            home_made=PhraseIndex((p, "home_made") for p in lexicon.home_made),
            generic_items=PhraseIndex(
                (phrase, family)
                for family, phrases in lexicon.generic_items.items()
                for phrase in phrases
            ),
            generic_words=frozenset(
                phrase.lower() for phrases in lexicon.generic_items.values() for phrase in phrases
            ),
            provenance=PhraseIndex((p, "provenance") for p in lexicon.provenance),
            not_parties=PhraseIndex((p, "not_party") for p in lexicon.not_parties),
            speculation=frozenset(lexicon.speculation),
            claim_nouns=frozenset(lexicon.claim_nouns),
            hedges=PhraseIndex((p, "hedge") for p in lexicon.hedges),
            denials=frozenset(lexicon.denials),
            denial_phrases=PhraseIndex((p, "denial") for p in lexicon.denial_phrases),
            labelling_verbs=frozenset(lexicon.labelling_verbs),
            questions=frozenset(lexicon.questions),
            reporting_verbs=frozenset(lexicon.reporting_verbs),
            attributions=PhraseIndex((p, "attribution") for p in lexicon.attributions),
            speakers={
                kind: PhraseIndex((p, kind) for p in phrases)
                for kind, phrases in lexicon.speakers.items()
            },
            anonymity=PhraseIndex((p, "anonymous") for p in lexicon.anonymity),
            references=PhraseIndex(
                (p, kind) for kind, phrases in lexicon.references.items() for p in phrases
            ),
            bases=PhraseIndex(
                (p, basis) for basis, phrases in lexicon.bases.items() for p in phrases
            ),
        )

    def is_candidate(self, sentence: str) -> bool:
        """The pre-filter: a sentence is parsed only if it names an item and a transfer cue."""
        return self.items.contains(sentence) and self.trigger_words.contains(sentence)

    def basis_of(self, sentence: str) -> str | None:
        """The most specific evidence basis the sentence names, if any."""
        found = {key for hit in self.bases.find_all(sentence) for key in hit.keys}
        return next((basis for basis in BASIS_ORDER if basis in found), None)
