"""The slot model: a learned second look at a party the parse rules left empty."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assay.extract.extractor import Extractor
from assay.extract.slot_filling import (
    MODEL_PATH,
    MODEL_SHA256,
    RecordingFiller,
    SlotCandidate,
    SlotModel,
    SlotModelError,
    SlotQuery,
)
from assay.packs import load_packs

Key = tuple[str | None, str | None, str, str]
TRAINER = Path(__file__).resolve().parents[2] / "scripts" / "train_slot_filler.py"


@pytest.fixture(scope="module")
def model_extractor() -> Extractor:
    return Extractor(next(p for p in load_packs() if p.name == "arms_transfers"))


@pytest.fixture(scope="module")
def rules_extractor(model_extractor: Extractor) -> Extractor:
    """The same parser with a recorder in the model's place: the rules' answer alone."""
    return Extractor(model_extractor.pack, model_extractor.nlp, RecordingFiller([]))


def _keys(extractor: Extractor, text: str) -> set[Key]:
    return {(m.supplier, m.recipient, m.item, m.status) for m in extractor.extract(text).mentions}


def _asked(rules_extractor: Extractor, text: str) -> list[SlotQuery]:
    """The queries the rules put to the slot model for ``text``."""
    recorder = rules_extractor.slot_filler
    assert isinstance(recorder, RecordingFiller)
    recorder.queries.clear()
    rules_extractor.extract(text)
    return list(recorder.queries)


def _query(*candidates: tuple[str, float]) -> SlotQuery:
    return SlotQuery(
        "a sentence",
        "recipient",
        "AAA",
        "category:drone",
        "delivered",
        tuple(SlotCandidate(actor, {"sign": value}) for actor, value in candidates),
    )


def test_the_most_likely_party_fills_the_slot_only_above_the_threshold() -> None:
    model = SlotModel({"sign": 4.0}, intercept=-2.0, threshold=0.5)
    assert model.choose(_query(("BBB", 0.2), ("CCC", 1.0), ("DDD", 0.6))) == "CCC"
    assert model.choose(_query(("BBB", 0.2), ("CCC", 0.4))) is None  # p = 0.31 and 0.45
    assert model.choose(_query()) is None


def test_an_arrival_told_by_the_recipients_navy_is_completed(
    model_extractor: Extractor, rules_extractor: Extractor
) -> None:
    text = (
        "A third shipment of BrahMos missiles from India reached Subic Bay on Monday, "
        "the Philippine navy said."
    )
    assert _keys(rules_extractor, text) == {("IND", None, "brahmos", "delivered")}
    assert _keys(model_extractor, text) == {("IND", "PHL", "brahmos", "delivered")}


def test_a_maker_placed_by_a_preposition_is_the_supplier(
    model_extractor: Extractor, rules_extractor: Extractor
) -> None:
    text = "Chile has bought three frigates from a shipyard in Britain, Chilean officials said."
    assert _keys(rules_extractor, text) == {(None, "CHL", "category:naval_vessel", "agreed")}
    assert _keys(model_extractor, text) == {("GBR", "CHL", "category:naval_vessel", "agreed")}


def test_a_seizure_by_a_third_state_keeps_its_supplier_unknown(
    model_extractor: Extractor,
) -> None:
    text = (
        "Yemen's coast guard said it had intercepted a boat carrying Dehlavieh missiles "
        "bound for the Houthis."
    )
    assert _keys(model_extractor, text) == {(None, "houthis", "dehlavieh", "halted")}


def test_a_party_describing_the_other_is_no_candidate(rules_extractor: Extractor) -> None:
    """A state inside the other party's phrase ("Sudan's RSF") is where it is, not who."""
    queries = _asked(rules_extractor, "Drones reached Sudan's RSF through airstrips in Chad.")
    assert queries, "the rules leave the supplier empty and ask"
    for query in queries:
        assert "SDN" not in {c.actor for c in query.candidates}


def test_a_subject_the_pack_does_not_know_is_not_replaced_by_the_speaker(
    model_extractor: Extractor,
) -> None:
    text = (
        "South Korea's spy agency told lawmakers in Seoul that the North had sent Russia "
        "40 more KN-23 missiles."
    )
    assert _keys(model_extractor, text) == {(None, "RUS", "kn-23", "delivered")}


def test_whoever_makes_the_claim_is_no_party_to_it(
    model_extractor: Extractor, rules_extractor: Extractor
) -> None:
    text = "Moscow dismissed Kyiv's claims of new Shahed drone shipments from Tehran."
    queries = _asked(rules_extractor, text)
    assert queries
    assert all("UKR" not in {c.actor for c in q.candidates} for q in queries)
    assert _keys(model_extractor, text) == {("IRN", "RUS", "category:drone", "delivered")}


def test_a_party_in_an_aside_about_the_speaker_is_no_candidate(
    rules_extractor: Extractor,
) -> None:
    """A relative clause the transfer is not part of describes someone; it names no party."""
    text = (
        "Russia's Africa Corps, which replaced the Wagner Group in Mali, said that Ukrainian "
        "drones were arriving every week."
    )
    queries = _asked(rules_extractor, text)
    assert queries, "the rules leave the recipient empty and ask"
    for query in queries:
        assert {c.actor for c in query.candidates}.isdisjoint({"wagner-group", "MLI"})


def _candidates(rules_extractor: Extractor, text: str) -> set[str]:
    """Every party offered for an empty slot (none asked when no party is left to offer)."""
    return {c.actor for q in _asked(rules_extractor, text) for c in q.candidates}


def test_a_party_that_only_hosts_an_arms_fair_is_no_candidate(
    rules_extractor: Extractor,
) -> None:
    text = "Bosnia signed a contract for armoured vehicles at an arms fair in Abu Dhabi."
    assert "ARE" not in _candidates(rules_extractor, text)


def test_a_party_acting_on_the_wrong_side_elsewhere_is_no_candidate(
    rules_extractor: Extractor,
) -> None:
    """Gamma orders tanks in its own clause; it supplies nothing to Beta."""
    text = "Estonia receives HIMARS launchers as Lithuania orders Leopard tanks"
    queries = [q for q in _asked(rules_extractor, text) if q.item == "himars"]
    assert all("LTU" not in {c.actor for c in q.candidates} for q in queries)
    text = (
        "Kyiv said Ukraine had never transferred drones to armed groups in the Sahel, "
        "calling the claim a fabrication planted by Moscow."
    )
    assert "RUS" not in _candidates(rules_extractor, text)


def test_an_altered_or_missing_model_is_refused(tmp_path: Path) -> None:
    altered = tmp_path / "slot_filler.json"
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["intercept"] += 1.0
    altered.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SlotModelError, match=r"slot_filler\.json has SHA-256"):
        SlotModel.load(altered)
    with pytest.raises(SlotModelError, match="cannot read the slot model"):
        SlotModel.load(tmp_path / "absent.json")
    assert hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest() == MODEL_SHA256


def _trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_slot_filler", TRAINER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_model_is_what_the_training_script_makes() -> None:
    """Retraining from the labelled dev corpus gives the shipped weights: no hand edits."""
    trainer = _trainer()
    examples = trainer.collect()
    assert len(examples) >= 30
    assert trainer.CORPUS.name == "dev"  # the held-out part is never trained on
    retrained = trainer.fit(examples)
    shipped = SlotModel.load()
    assert retrained.intercept == pytest.approx(shipped.intercept, abs=1e-4)
    assert retrained.weights.keys() == shipped.weights.keys()
    for name, weight in shipped.weights.items():
        assert retrained.weights[name] == pytest.approx(weight, abs=1e-4), name
