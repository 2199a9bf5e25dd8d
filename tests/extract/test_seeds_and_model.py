"""The two real content-farm seeds, and the pinned parser's integrity check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import SHARED_SEEDS

from assay.extract.extractor import Extractor
from assay.extract.language_model import LanguageModelError, model_folder, verify_model
from assay.extract.rewriting import rewrite
from assay.packs import load_packs
from assay.records import Modality, SpeakerType


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(next(p for p in load_packs() if p.name == "arms_transfers"))


def _seed(prefix: str) -> str:
    if not SHARED_SEEDS.is_dir():
        pytest.skip(
            f"../shared/seeds is absent ({SHARED_SEEDS}); the seed articles are not bundled"
        )
    [path] = SHARED_SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_the_iskander_seed_is_a_hedged_unsourced_russian_transfer(extractor: Extractor) -> None:
    result = extractor.extract(_seed("000"))
    pairs = {(m.supplier, m.recipient) for m in result.mentions}
    assert ("IRN", "RUS") not in pairs
    iskander = [
        m
        for m in result.mentions
        if (m.supplier, m.recipient, m.item) == ("RUS", "IRN", "iskander-m")
    ]
    assert any(m.modality is Modality.HEDGED and "reportedly" in m.cues for m in iskander)
    assert all(m.speaker_type is SpeakerType.NONE for m in iskander)


def test_the_missile_seed_is_an_iranian_transfer_with_its_sources_and_denial(
    extractor: Extractor,
) -> None:
    result = extractor.extract(_seed("002"))
    items = {m.item for m in result.mentions if (m.supplier, m.recipient) == ("IRN", "RUS")}
    assert {"category:ballistic_missile", "fateh-110", "zolfaghar"} <= items
    source_types = {t for source in result.sources for t in source.speaker_types}
    assert {SpeakerType.INTELLIGENCE, SpeakerType.GOVERNMENT} <= source_types
    denials = [m for m in result.mentions if m.modality is Modality.DENIED]
    assert any(
        (m.supplier, m.recipient, m.polarity) == ("IRN", "RUS", "negative")
        and m.speaker is not None
        and "Iranian" in m.speaker
        for m in denials
    )


def test_the_installed_model_matches_its_pinned_digest() -> None:
    verify_model(model_folder())


def test_an_altered_model_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "model"
    shutil.copytree(model_folder(), copy)
    config = copy / "config.cfg"
    config.write_text(config.read_text(encoding="utf-8") + "\n# altered\n", encoding="utf-8")
    with pytest.raises(LanguageModelError, match="do not match the pinned digest"):
        verify_model(copy)


def test_designations_are_swapped_for_parsing_and_offsets_map_back(extractor: Extractor) -> None:
    text = "Iran sent 9K720 and Fath-360s to Russia."
    rewritten = rewrite(text, extractor.cues.items.find(text))
    assert "9K720" not in rewritten.text
    assert "Fath-360" not in rewritten.text
    for replacement in rewritten.replacements:
        original = rewritten.original_text(replacement.start, replacement.end)
        assert original in ("9K720", "Fath-360s")
    assert rewritten.to_original(len(rewritten.text)) == len(text)
