"""What a domain pack holds: actors, weapon systems and lexicons, as validated records.

The core owns these shapes; a pack fills them from its data files. Lookups are by
lower-cased surface form, so "Tehran", "the Kremlin" and "9K720" each resolve to the
one actor or system they name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

ACTOR_KINDS = ("state", "armed_group", "alliance")
STATUSES = ("delivered", "agreed", "planned", "offered", "requested", "halted")
SPEAKER_TYPES = ("anonymous", "intelligence", "media", "named_official", "government")
DIRECTIONS = ("outward", "inward")
# The key of `generic_items` for words that may stand for any category ("weapons").
ANY_CATEGORY = "any"
BASES = (
    "intelligence_report",
    "satellite_imagery",
    "osint_analysis",
    "official_statement",
    "intercepted_communications",
    "eyewitness",
    "documents",
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, armed group or alliance, with every name news uses for it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    un_member: bool = False
    based_in: str | None = None

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        """(form, how it names the actor) for every name, alias, demonym, metonym and body."""
        yield self.name, "name"
        for role, names in (
            ("alias", self.aliases),
            ("demonym", self.demonyms),
            ("metonym", self.metonyms),
            ("body", self.bodies),
        ):
            for name in names:
                yield name, role


@dataclass(frozen=True, slots=True)
class WeaponSystem:
    """A weapon system as named in reporting: names, category and country of origin only."""

    id: str
    name: str
    category: str
    origin: str
    aliases: tuple[str, ...] = ()

    def surface_forms(self) -> Iterator[str]:
        """The name and every alias."""
        yield self.name
        yield from self.aliases


@dataclass(frozen=True, slots=True)
class Category:
    """A category of weapon, with the phrases that name it ("ballistic missiles")."""

    id: str
    phrases: tuple[str, ...]


def is_acronym(form: str) -> bool:
    """True for short all-capital forms ("US", "MoD" excepted), matched only in that case.

    Matching them case-blind would read the pronoun "us" as the United States.
    """
    letters = form.replace(".", "")
    return len(letters) <= 5 and letters.isalpha() and letters.isupper()


def _key(form: str) -> str:
    return form if is_acronym(form) else form.casefold()


def _index(pairs: Iterator[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for form, key in pairs:
        keys = index.setdefault(_key(form), [])
        if key not in keys:
            keys.append(key)
    return {form: tuple(keys) for form, keys in index.items()}


def _find(index: Mapping[str, tuple[str, ...]], text: str) -> tuple[str, ...]:
    return index.get(text, ()) if is_acronym(text) else index.get(text.casefold(), ())


@dataclass(frozen=True)
class Gazetteer:
    """Actors and the surface forms that name them.

    Forms are matched case-blind, except acronyms, which must match exactly.
    """

    actors: Mapping[str, Actor]
    forms: Mapping[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        """Index every surface form."""
        pairs = (
            (form, actor.id) for actor in self.actors.values() for form, _ in actor.surface_forms()
        )
        object.__setattr__(self, "forms", _index(pairs))

    def lookup(self, text: str) -> tuple[Actor, ...]:
        """The actors a surface form names (several only where a name is ambiguous)."""
        return tuple(self.actors[key] for key in _find(self.forms, text))


@dataclass(frozen=True)
class Catalog:
    """Weapon systems and categories, and the surface forms that name them."""

    systems: Mapping[str, WeaponSystem]
    categories: Mapping[str, Category]
    forms: Mapping[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        """Index every name and alias."""
        pairs = ((form, s.id) for s in self.systems.values() for form in s.surface_forms())
        object.__setattr__(self, "forms", _index(pairs))

    def lookup(self, text: str) -> WeaponSystem | None:
        """The system a name or alias stands for, if any."""
        keys = _find(self.forms, text)
        return self.systems[keys[0]] if keys else None

    def in_category(self, category: str) -> list[WeaponSystem]:
        """Every system of one category: what "ballistic missiles" may refer to."""
        return [s for s in self.systems.values() if s.category == category]


@dataclass(frozen=True)
class Lexicon:
    """Cue words by kind: how a sentence transfers, hedges, denies, attributes and rests.

    Verb and status cues are lemmas, matched against the parse; the rest are phrases,
    matched case-blind at word boundaries. ``outward`` cues have the supplier as their
    subject or possessor, ``inward`` cues the recipient.
    """

    outward_verbs: tuple[str, ...]
    inward_verbs: tuple[str, ...]
    arrival_verbs: tuple[str, ...]
    outward_nouns: tuple[str, ...]
    inward_nouns: tuple[str, ...]
    neutral_nouns: tuple[str, ...]
    statuses: Mapping[str, tuple[str, ...]]
    presence_verbs: tuple[str, ...]
    holding_verbs: tuple[str, ...]
    in_service_verbs: tuple[str, ...]
    combat_words: tuple[str, ...]
    venues: tuple[str, ...]
    interdictions: tuple[str, ...]
    cargo_verbs: tuple[str, ...]
    producers: tuple[str, ...]
    group_members: tuple[str, ...]
    components: tuple[str, ...]
    services: tuple[str, ...]
    home_made: tuple[str, ...]
    not_parties: tuple[str, ...]
    generic_items: Mapping[str, tuple[str, ...]]
    provenance: tuple[str, ...]
    speculation: tuple[str, ...]
    hedges: tuple[str, ...]
    claim_nouns: tuple[str, ...]
    denials: tuple[str, ...]
    denial_phrases: tuple[str, ...]
    labelling_verbs: tuple[str, ...]
    questions: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    attributions: tuple[str, ...]
    speakers: Mapping[str, tuple[str, ...]]
    anonymity: tuple[str, ...]
    references: Mapping[str, tuple[str, ...]]
    bases: Mapping[str, tuple[str, ...]]
