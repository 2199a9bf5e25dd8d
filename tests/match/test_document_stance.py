"""Reading a document's stance from its mentions and the model; saying a claim in words."""

from __future__ import annotations

import pytest

from assay.match.claim_text import category_of, claim_text, item_name
from assay.match.claims import ClaimKey, Stage
from assay.match.document_stance import mention_stance, read_stance
from assay.match.stance import StancePrediction
from assay.packs import Pack, load_packs
from assay.records import ClaimMention, Modality, SpeakerType, Stance, StanceBasis


@pytest.fixture(scope="module")
def pack() -> Pack:
    return next(p for p in load_packs() if p.name == "arms_transfers")


def said(modality: Modality, polarity: str = "positive") -> ClaimMention:
    return ClaimMention(
        sentence_index=0,
        sentence_start=0,
        sentence_end=10,
        start=0,
        end=10,
        supplier="AAA",
        recipient="BBB",
        item="x",
        quantity=None,
        status="delivered",
        polarity=polarity,
        modality=modality,
        speaker=None,
        speaker_type=SpeakerType.NONE,
        basis=None,
    )


def model(supports: float, refutes: float, discusses: float) -> StancePrediction:
    unrelated = 1.0 - supports - refutes - discusses
    probabilities = {
        Stance.SUPPORTS: supports,
        Stance.REFUTES: refutes,
        Stance.DISCUSSES: discusses,
        Stance.UNRELATED: unrelated,
    }
    return StancePrediction(max(probabilities, key=probabilities.__getitem__), probabilities)


@pytest.mark.parametrize(
    ("modality", "polarity", "expected"),
    [
        (Modality.ASSERTED, "positive", Stance.SUPPORTS),
        (Modality.HEDGED, "positive", Stance.SUPPORTS),
        (Modality.ATTRIBUTED, "positive", Stance.SUPPORTS),
        (Modality.QUESTIONED, "positive", Stance.DISCUSSES),
        (Modality.SPECULATIVE, "positive", Stance.DISCUSSES),
        (Modality.DENIED, "negative", Stance.REFUTES),
        (Modality.DENIED, "positive", Stance.REFUTES),
        (Modality.ASSERTED, "negative", Stance.REFUTES),
    ],
)
def test_each_mention_points_one_way(modality: Modality, polarity: str, expected: Stance) -> None:
    assert mention_stance(said(modality, polarity)) is expected


def test_the_models_discussing_share_follows_the_documents_own_mentions() -> None:
    hedged_relay = read_stance([said(Modality.HEDGED)] * 3, model(0.1, 0.1, 0.8))
    assert (hedged_relay.stance, hedged_relay.basis) == (Stance.SUPPORTS, StanceBasis.MENTIONS)
    assert hedged_relay.score == pytest.approx(0.9)
    denial = read_stance([said(Modality.DENIED, "negative")], model(0.2, 0.2, 0.6))
    assert denial.stance is Stance.REFUTES
    assert denial.score == pytest.approx(0.8)
    question = read_stance([said(Modality.QUESTIONED)], model(0.2, 0.1, 0.7))
    assert question.stance is Stance.DISCUSSES


def test_a_document_that_only_denies_the_claim_refutes_it_whatever_the_model_read() -> None:
    denial = read_stance([said(Modality.DENIED)] * 2, model(0.6, 0.15, 0.25))
    assert (denial.stance, denial.basis) == (Stance.REFUTES, StanceBasis.MENTIONS)
    assert denial.score == pytest.approx(0.4)


@pytest.mark.parametrize("count", [1, 5, 6, 7, 10, 11])
def test_any_number_of_denials_refutes(count: int) -> None:
    denial = read_stance([said(Modality.DENIED)] * count, model(0.6, 0.15, 0.25))
    assert denial.stance is Stance.REFUTES


def test_a_document_stating_the_claim_plainly_supports_it_whatever_the_model_read() -> None:
    plain = read_stance([said(Modality.ASSERTED), said(Modality.ATTRIBUTED)], model(0.1, 0.6, 0.3))
    assert plain.stance is Stance.SUPPORTS


def test_a_confident_reading_of_the_text_outweighs_repeated_quotations() -> None:
    # A fact-check quotes the claim again and again; its text refutes it.
    reading = read_stance([said(Modality.HEDGED)] * 6, model(0.04, 0.72, 0.24))
    assert reading.stance is Stance.REFUTES
    assert reading.score == pytest.approx(0.72)


def test_without_mentions_the_model_answers_alone() -> None:
    reading = read_stance([], model(0.05, 0.05, 0.1))
    assert (reading.stance, reading.basis) == (Stance.UNRELATED, StanceBasis.TEXT)
    assert reading.score == pytest.approx(0.8)


def test_shares_sum_to_one_even_when_the_model_calls_it_unrelated() -> None:
    reading = read_stance([said(Modality.ASSERTED)], model(0.0, 0.0, 0.0))
    assert reading.stance is Stance.SUPPORTS
    assert reading.score == pytest.approx(2 / 3)


def test_a_claim_is_said_with_the_packs_names(pack: Pack) -> None:
    key = ClaimKey("IRN", "RUS", "fath-360", Stage.DELIVERY)
    assert claim_text(pack, key) == "Iran delivered Fath-360 ballistic missiles to Russia"
    deal = ClaimKey(None, "IRN", "su-35", Stage.DEAL)
    assert claim_text(pack, deal).startswith("Iran agreed to buy Su-35")
    offer = ClaimKey("RUS", None, "category:drone", Stage.OFFER)
    assert claim_text(pack, offer) == "Russia offered drones"
    halt = ClaimKey("DEU", "UKR", "category:drone", Stage.HALT)
    assert claim_text(pack, halt) == "Germany halted deliveries of drones to Ukraine"
    nobody = ClaimKey(None, None, "category:drone", Stage.DELIVERY)
    assert claim_text(pack, nobody) == "Drones changed hands (delivery)"


def test_items_and_categories(pack: Pack) -> None:
    assert category_of(pack, "fath-360") == "category:ballistic_missile"
    assert category_of(pack, "category:drone") == "category:drone"
    assert category_of(pack, "not-in-the-catalog") == "not-in-the-catalog"
    assert item_name(pack, "not-in-the-catalog") == "not-in-the-catalog"
    assert item_name(pack, "category:drone") == "drones"
