"""The stance model: its scorer, its verified files, and what it says about plain cases."""

from __future__ import annotations

import importlib.util
import json
import math
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from assay.match.stance import Stance, StanceModel, StanceModelError
from assay.match.stance.artifacts import MANIFEST, MODEL_DIR, sha256
from assay.match.stance.pinned import MANIFEST_SHA256
from assay.match.stance.semantic import Lexicon

BENCH = Path(__file__).resolve().parent.parent.parent / "bench"

CLAIM = "A famous pop singer has died in a car crash"
DENIAL = (
    "Reports that the pop singer died in a car crash are false. Her spokesperson denied "
    "the rumour on Monday, saying she is alive and well and resting at home. The hoax "
    "began on a satirical website and spread quickly on social media, where thousands "
    "of fans posted tributes before the story was debunked."
)
CONFIRMATION = (
    "The pop singer died in a car crash on Sunday night, police confirmed. Officers said her "
    "car left the road and hit a tree shortly after midnight. Her record label announced the "
    "death in a statement and asked for privacy for her family."
)
REPORTED = (
    "Social media users claim that the pop singer has died in a car crash, but the reports "
    "could not be independently verified. Her representatives have not responded to requests "
    "for comment, and police said they had no information about any accident."
)
UNRELATED = (
    "The agriculture ministry revised its harvest forecast upward after late rains. "
    "Wheat output is now expected to rise by four percent, officials said, while maize "
    "planting was delayed in the north by flooding."
)


def _scoring() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fnc1_scoring", BENCH / "fnc1_scoring.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fnc1_scoring", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def model() -> StanceModel:
    return StanceModel.load()


@pytest.mark.needs_shared_data
def test_scorer_reproduces_the_archived_competition_outputs(shared_data: Path) -> None:
    assert _scoring().check_scorer(shared_data / "fnc1") == []


def test_scorer_weights_related_rows_as_the_official_code() -> None:
    scoring = _scoring()
    gold = ["agree", "disagree", "discuss", "unrelated"]
    perfect = scoring.score(gold, gold)
    assert (perfect.raw, perfect.maximum, perfect.percent) == (3.25, 3.25, 100.0)
    # Related but wrong class: 0.25 each; related called unrelated: 0.
    mixed = scoring.score(gold, ["discuss", "agree", "unrelated", "agree"])
    assert mixed.raw == 0.5
    assert mixed.f1 == {"agree": 0.0, "disagree": 0.0, "discuss": 0.0, "unrelated": 0.0}
    with pytest.raises(ValueError, match="4 gold rows"):
        scoring.score(gold, gold[:3])
    with pytest.raises(ValueError, match="unknown labels"):
        scoring.score(gold, ["agree", "agree", "agree", "maybe"])


def test_the_shipped_model_is_verified_and_named(model: StanceModel) -> None:
    assert model.sha256 == MANIFEST_SHA256
    assert sha256((MODEL_DIR / MANIFEST).read_bytes()) == MANIFEST_SHA256
    assert re.fullmatch(r"assay\.stance@\d+\.\d+\.\d+\+[0-9a-f]{12}", model.version)


def test_the_shipped_model_is_small_and_holds_no_pickle() -> None:
    files = list(MODEL_DIR.iterdir())
    assert sum(p.stat().st_size for p in files) < 20_000_000
    assert {p.suffix for p in files} <= {".json", ".npz", ".txt"}


@pytest.mark.parametrize("name", ["stance.txt", "idf.npz", "lexicon.json"])
def test_a_tampered_model_file_is_refused(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    data = bytearray((folder / name).read_bytes())
    data[len(data) // 2] ^= 1
    (folder / name).write_bytes(bytes(data))
    with pytest.raises(StanceModelError, match=f"{name}: contents do not match"):
        StanceModel.load(folder)


def test_a_tampered_manifest_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["stages"]["related"]["threshold"] = 0.01
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(StanceModelError, match="is not the pinned"):
        StanceModel.load(folder)


def test_a_missing_model_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    (folder / "related.txt").unlink()
    with pytest.raises(StanceModelError, match="cannot read"):
        StanceModel.load(folder)


def test_a_model_made_for_other_features_is_refused(tmp_path: Path, model: StanceModel) -> None:
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    manifest["features"] = manifest["features"][::-1]
    data = json.dumps(manifest).encode("utf-8")
    (folder / MANIFEST).write_bytes(data)
    with pytest.raises(StanceModelError, match="other features"):
        StanceModel.load(folder, expected_sha256=sha256(data), encoder=model.encoder)


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        (DENIAL, Stance.REFUTES),
        (CONFIRMATION, Stance.SUPPORTS),
        (REPORTED, Stance.DISCUSSES),
        (UNRELATED, Stance.UNRELATED),
    ],
)
def test_plain_bodies_get_their_stance(model: StanceModel, body: str, stance: Stance) -> None:
    [prediction] = model.predict([(CLAIM, body)])
    assert prediction.label is stance
    assert prediction.score > 0.5


def test_an_unrelated_body_is_confidently_unrelated(model: StanceModel) -> None:
    [prediction] = model.predict([(CLAIM, UNRELATED)])
    assert prediction.probabilities[Stance.UNRELATED] > 0.9


def test_a_denying_headline_refutes(model: StanceModel) -> None:
    [headline] = model.predict_headlines(
        [(CLAIM, "Pop singer is alive: car crash death report is a hoax, spokesperson says")]
    )
    assert headline.label is Stance.REFUTES
    assert headline.probabilities[Stance.UNRELATED] == 0.0


def test_probabilities_cover_every_stance_and_sum_to_one(model: StanceModel) -> None:
    found = model.predict([(CLAIM, DENIAL), (CLAIM, UNRELATED), (CLAIM, CLAIM)])
    found += model.predict_headlines([(CLAIM, "Singer dies in crash")])
    for prediction in found:
        assert set(prediction.probabilities) == set(Stance)
        assert all(0.0 <= p <= 1.0 for p in prediction.probabilities.values())
        assert math.isclose(sum(prediction.probabilities.values()), 1.0, abs_tol=1e-9)
        assert prediction.score == prediction.probabilities[prediction.label]


def test_predictions_are_deterministic_and_independent_of_batching(model: StanceModel) -> None:
    pairs = [(CLAIM, DENIAL), (CLAIM, UNRELATED), ("Another claim entirely", DENIAL)]
    together = model.predict(pairs)
    assert model.predict(pairs) == together
    alone = [model.predict([pair])[0] for pair in pairs]
    for one, batched in zip(alone, together, strict=True):
        assert one.label is batched.label
        for stance in Stance:
            difference = one.probabilities[stance] - batched.probabilities[stance]
            assert abs(difference) < 1e-4


def test_no_pairs_give_no_predictions(model: StanceModel) -> None:
    assert model.predict([]) == []
    assert model.predict_headlines([]) == []


def test_a_lexicon_without_its_groups_is_refused() -> None:
    lexicon = json.loads((MODEL_DIR / "lexicon.json").read_text(encoding="utf-8"))
    assert Lexicon.from_json(lexicon).negated_claim.count("{claim}") == 1
    del lexicon["cues"]["refute"]
    with pytest.raises(ValueError, match="`cues` must have the groups"):
        Lexicon.from_json(lexicon)
