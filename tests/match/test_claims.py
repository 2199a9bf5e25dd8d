"""Canonical claims: grouping by truth conditions, and the links between claims."""

from __future__ import annotations

from dataclasses import replace

from assay.match.claims import ClaimKey, LinkKind, Stage, group_mentions, link_claims
from assay.records import ClaimMention, Modality, SpeakerType

BASE = ClaimMention(
    sentence_index=0,
    sentence_start=0,
    sentence_end=10,
    start=0,
    end=10,
    supplier="IRN",
    recipient="RUS",
    item="fath-360",
    quantity=None,
    status="delivered",
    polarity="positive",
    modality=Modality.ASSERTED,
    speaker=None,
    speaker_type=SpeakerType.NONE,
    basis=None,
    cues=(),
)
CATEGORIES = {"fath-360": "category:ballistic_missile", "shahed-136": "category:drone"}


def _category(item: str) -> str:
    return CATEGORIES.get(item, item)


def test_polarity_and_modality_do_not_split_a_claim() -> None:
    denied = replace(BASE, polarity="negative", modality=Modality.DENIED)
    hedged = replace(BASE, modality=Modality.HEDGED)
    groups = group_mentions([BASE, denied, hedged], lambda m: m)
    assert list(groups) == [ClaimKey("IRN", "RUS", "fath-360", Stage.DELIVERY)]
    assert len(groups[ClaimKey.of(BASE)]) == 3


def test_direction_is_never_merged() -> None:
    reverse = replace(BASE, supplier="RUS", recipient="IRN")
    assert len(group_mentions([BASE, reverse], lambda m: m)) == 2


def test_agreed_and_planned_are_one_deal_and_distinct_from_delivery() -> None:
    agreed = replace(BASE, status="agreed")
    planned = replace(BASE, status="planned")
    groups = group_mentions([BASE, agreed, planned], lambda m: m)
    assert {key.stage for key in groups} == {Stage.DELIVERY, Stage.DEAL}
    links = link_claims(groups, _category)
    assert {(link.source.stage, link.target.stage, link.kind) for link in links} == {
        (Stage.DELIVERY, Stage.DEAL, LinkKind.STAGE),
        (Stage.DEAL, Stage.DELIVERY, LinkKind.STAGE),
    }


def test_a_system_refines_its_category_and_not_another() -> None:
    general = ClaimKey("IRN", "RUS", "category:ballistic_missile", Stage.DELIVERY)
    specific = ClaimKey.of(BASE)
    drones = ClaimKey("IRN", "RUS", "shahed-136", Stage.DELIVERY)
    links = link_claims([general, specific, drones], _category)
    assert [(link.source, link.target, link.kind) for link in links] == [
        (specific, general, LinkKind.REFINES)
    ]


def test_a_claim_naming_a_party_links_to_one_that_leaves_it_unknown() -> None:
    unknown_supplier = ClaimKey(None, "RUS", "fath-360", Stage.DELIVERY)
    other_recipient = ClaimKey("IRN", "BLR", "fath-360", Stage.DELIVERY)
    links = link_claims([ClaimKey.of(BASE), unknown_supplier, other_recipient], _category)
    assert [(link.source, link.target, link.kind) for link in links] == [
        (ClaimKey.of(BASE), unknown_supplier, LinkKind.NAMES_PARTY)
    ]
