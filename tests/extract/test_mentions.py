"""Claim extraction on sentences written for these tests: direction, voice, framing."""

from __future__ import annotations

import pytest

from assay.extract.extractor import Extractor
from assay.packs import load_packs
from assay.records import ClaimMention, Modality, SpeakerType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(next(p for p in load_packs() if p.name == "arms_transfers"))


def _only(extractor: Extractor, text: str) -> ClaimMention:
    mentions = extractor.extract(text).mentions
    assert len(mentions) == 1, mentions
    return mentions[0]


def _keys(extractor: Extractor, text: str) -> set[tuple[str | None, str | None, str, str]]:
    return {(m.supplier, m.recipient, m.item, m.status) for m in extractor.extract(text).mentions}


def test_direction_is_kept_both_ways(extractor: Extractor) -> None:
    assert _keys(extractor, "Russia sends Iskander missiles to Iran") == {
        ("RUS", "IRN", "iskander-m", "delivered")
    }
    assert _keys(extractor, "Iran sent Zolfaghar missiles to Russia last spring.") == {
        ("IRN", "RUS", "zolfaghar", "delivered")
    }


def test_a_passive_with_its_agent(extractor: Extractor) -> None:
    found = _only(extractor, "The Shahed-136 drones were delivered to Russia by Iran in May.")
    assert (found.supplier, found.recipient, found.item) == ("IRN", "RUS", "shahed-136")


def test_an_inward_verb_makes_the_subject_the_recipient(extractor: Extractor) -> None:
    assert _keys(extractor, "Belarus has received S-400 systems from Moscow.") == {
        ("RUS", "BLR", "s-400", "delivered")
    }


def test_a_nominalisation_with_its_parties(extractor: Extractor) -> None:
    assert _keys(
        extractor, "The transfer of Fateh-110 missiles from Iran to Russia continued."
    ) == {("IRN", "RUS", "fateh-110", "delivered")}


def test_coordinated_items_give_one_mention_each(extractor: Extractor) -> None:
    keys = _keys(extractor, "North Korea shipped KN-23 missiles and artillery shells to Russia.")
    assert keys == {
        ("PRK", "RUS", "kn-23", "delivered"),
        ("PRK", "RUS", "category:artillery_ammunition", "delivered"),
    }


def test_a_count_is_read_from_the_item(extractor: Extractor) -> None:
    assert _only(extractor, "Iran has delivered 200 Fath-360 missiles to Russia.").quantity == 200


def test_reported_speech_is_attributed_to_its_speaker(extractor: Extractor) -> None:
    found = _only(extractor, "Iran shipped drones to Russia, Pentagon officials said on Monday.")
    assert found.modality is Modality.ATTRIBUTED
    assert found.speaker == "Pentagon officials"
    assert found.speaker_type is SpeakerType.GOVERNMENT


def test_a_denial_by_the_accused_is_negative_and_its_own(extractor: Extractor) -> None:
    found = _only(extractor, "Tehran denied supplying ballistic missiles to Moscow.")
    assert (found.supplier, found.recipient) == ("IRN", "RUS")
    assert found.polarity == "negative"
    assert found.modality is Modality.DENIED
    assert found.speaker == "Tehran"


def test_a_question_a_hedge_and_a_possibility(extractor: Extractor) -> None:
    asked = _only(extractor, "Did North Korea send artillery shells to Russia?")
    assert asked.modality is Modality.QUESTIONED
    hedged = _only(extractor, "Russia has reportedly sent Iskander missiles to Iran.")
    assert (hedged.modality, hedged.speaker) == (Modality.HEDGED, None)
    possible = _only(extractor, "Iran could soon supply Fath-360 missiles to Russia.")
    assert (possible.modality, possible.status) == (Modality.SPECULATIVE, "planned")


def test_statuses_come_from_the_words_around_the_transfer(extractor: Extractor) -> None:
    assert _only(extractor, "Germany has offered to sell Patriot systems to Ukraine.").status == (
        "offered"
    )
    assert _only(extractor, "Britain to send Storm Shadow missiles to Kyiv").status == "planned"
    paused = _only(
        extractor, "The United States paused deliveries of Patriot interceptors to Ukraine."
    )
    assert paused.status == "halted"


def test_evidence_basis_is_read_from_the_sentence(extractor: Extractor) -> None:
    found = _only(
        extractor, "Satellite images show that Iran delivered Shahed-136 drones to Russia."
    )
    assert found.basis == "satellite_imagery"


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired Iskander missiles at Kharkiv overnight.",
        "North Korea tested a new cruise missile off its east coast.",
        "Iran displayed Fateh-110 missiles at a military parade in Tehran.",
        "India builds BrahMos missiles for its own navy.",
        "Oil prices rose after the sanctions were announced.",
    ],
)
def test_sentences_without_a_transfer_yield_nothing(extractor: Extractor, text: str) -> None:
    assert extractor.extract(text).mentions == []


def test_every_span_points_at_the_words_it_came_from(extractor: Extractor) -> None:
    text = "Oil prices rose.\n\nKyiv said Iran had shipped Fath-360 missiles to Russia in May."
    [found] = extractor.extract(text).mentions
    assert text[found.sentence_start : found.sentence_end].startswith("Kyiv said")
    assert "Fath-360" in text[found.start : found.end]
    assert text[found.start : found.end].startswith("shipped")


def test_the_pre_filter_keeps_most_sentences_from_the_parser(extractor: Extractor) -> None:
    text = " ".join(["The weather in the capital was mild on Tuesday."] * 9)
    text += " Iran sent drones to Russia."
    result = extractor.extract(text)
    assert (result.sentences, result.parsed) == (10, 1)
