"""Canonical claims: mentions that share truth conditions, and how claims relate.

Two mentions state one claim when they name the same supplier, recipient and item
and the same stage of a transfer. Stages group statuses whose truth goes together: an
agreed deal and a planned one are one claim ("a deal exists"), a delivery is another
("the items arrived"), an offer or a request a third, a halt a fourth. Polarity and
modality are not part of the claim: "Alpha denied sending Kestrel-9s to Beta" is a
mention of the claim it denies, which is what lets a document's stance be read.

Direction is never merged: Alpha -> Beta and Beta -> Alpha are different claims.
Claims that differ only in stage are linked (a deal and its delivery), and so are
claims whose items are a system and its category ("Kestrel-9s" refines "ballistic
missiles"), or whose one party is unknown where the other claim names it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from assay.records import ClaimMention

T = TypeVar("T")


class Stage(StrEnum):
    """The part of a transfer a claim is about."""

    DELIVERY = "delivery"
    DEAL = "deal"
    OFFER = "offer"
    HALT = "halt"


STAGE_OF_STATUS: Mapping[str, Stage] = {
    "delivered": Stage.DELIVERY,
    "agreed": Stage.DEAL,
    "planned": Stage.DEAL,
    "offered": Stage.OFFER,
    "requested": Stage.OFFER,
    "halted": Stage.HALT,
}


class LinkKind(StrEnum):
    """How two claims relate."""

    STAGE = "stage"  # same parties and item, another stage: a deal and its delivery
    REFINES = "refines"  # the first names a system of the second's category
    NAMES_PARTY = "names_party"  # the first names a party the second leaves unknown


@dataclass(frozen=True, slots=True)
class ClaimKey:
    """What a claim asserts: who gives what to whom, at which stage."""

    supplier: str | None
    recipient: str | None
    item: str
    stage: Stage

    def sort_key(self) -> tuple[str, str, str, str]:
        """An order for listing claims; an unknown party sorts first."""
        return (self.supplier or "", self.recipient or "", self.item, self.stage.value)

    @classmethod
    def of(cls, mention: ClaimMention) -> ClaimKey:
        """The claim a mention states, whatever its polarity or modality."""
        return cls(
            mention.supplier, mention.recipient, mention.item, STAGE_OF_STATUS[mention.status]
        )


@dataclass(frozen=True, slots=True)
class ClaimLink:
    """A relation from one claim to another."""

    source: ClaimKey
    target: ClaimKey
    kind: LinkKind


def group_mentions(
    mentions: Iterable[T], claim_of: Callable[[T], ClaimMention]
) -> dict[ClaimKey, list[T]]:
    """Mentions by the claim they state, claims in a stable order (by key)."""
    groups: dict[ClaimKey, list[T]] = {}
    for mention in mentions:
        groups.setdefault(ClaimKey.of(claim_of(mention)), []).append(mention)
    return dict(sorted(groups.items(), key=lambda pair: pair[0].sort_key()))


def _covers(general: str | None, specific: str | None) -> bool:
    """True when ``general`` is unknown and ``specific`` names it, or both are the same."""
    return general == specific or (general is None and specific is not None)


def link_claims(keys: Iterable[ClaimKey], category_of: Callable[[str], str]) -> list[ClaimLink]:
    """Every link among ``keys``; ``category_of`` gives an item's category item.

    A system's category item is what a generic phrase for it names ("category:drone");
    a category's is itself.
    """
    ordered = sorted(set(keys), key=ClaimKey.sort_key)
    links: list[ClaimLink] = []
    for source in ordered:
        for target in ordered:
            if source == target:
                continue
            kind = _link_kind(source, target, category_of)
            if kind is not None:
                links.append(ClaimLink(source, target, kind))
    return links


def _link_kind(
    source: ClaimKey, target: ClaimKey, category_of: Callable[[str], str]
) -> LinkKind | None:
    same_parties = (source.supplier, source.recipient) == (target.supplier, target.recipient)
    if same_parties and source.item == target.item:
        return LinkKind.STAGE if source.stage != target.stage else None
    if source.stage != target.stage:
        return None
    if same_parties:
        refines = source.item != target.item and category_of(source.item) == target.item
        return LinkKind.REFINES if refines else None
    names_more = _covers(target.supplier, source.supplier) and _covers(
        target.recipient, source.recipient
    )
    same_item = source.item == target.item or category_of(source.item) == target.item
    return LinkKind.NAMES_PARTY if names_more and same_item else None
