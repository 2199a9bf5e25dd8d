"""The labelled claim corpus is well formed: sentences and spans are verbatim, ids are real.

The corpus (``tests/corpus/``) is the ground truth for claim extraction: a dev part for
tests and a held-out part for the quality gate. These checks keep it usable as
ground truth whatever the extractor does.
"""

from pathlib import Path

import pytest
import yaml

from assay.packs import Pack, load_pack
from assay.packs.arms_transfers import PACK_DIR
from assay.packs.model import BASES, STATUSES

CORPUS = Path(__file__).resolve().parent / "corpus"
MODALITIES = {"asserted", "hedged", "attributed", "questioned", "denied", "speculative"}
SPEAKERS = {"named_official", "government", "intelligence", "media", "anonymous", "none"}


def expected_files() -> list[Path]:
    return sorted(CORPUS.glob("*/*.expected.yaml"))


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(PACK_DIR)


def test_the_corpus_is_large_enough_and_split() -> None:
    files = expected_files()
    dev = [f for f in files if f.parent.name == "dev"]
    heldout = [f for f in files if f.parent.name == "heldout"]
    assert len(files) >= 60
    assert len(dev) >= 40
    assert len(heldout) >= 12
    sentences = sum(yaml.safe_load(f.read_text(encoding="utf-8"))["sentences"] for f in files)
    assert sentences >= 400


@pytest.mark.parametrize("path", expected_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_expectation_matches_its_text_and_the_pack(path: Path, pack: Pack) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = (path.parent / data["document"]).read_text(encoding="utf-8")
    assert isinstance(data["sentences"], int)
    assert data["sentences"] > 0
    for mention in data["mentions"] or []:
        assert mention["sentence"] in text, mention["sentence"]
        assert mention["text"] in mention["sentence"], mention["text"]
        for party in ("supplier", "recipient"):
            if mention[party] is not None:
                assert mention[party] in pack.gazetteer.actors, mention[party]
        item = str(mention["item"])
        if item.startswith("category:"):
            assert item.removeprefix("category:") in pack.catalog.categories, item
        else:
            assert item in pack.catalog.systems, item
        assert mention["quantity"] is None or isinstance(mention["quantity"], int)
        assert mention["status"] in STATUSES
        assert mention["polarity"] in {"positive", "negative"}
        assert mention["modality"] in MODALITIES
        assert mention["attribution"]["type"] in SPEAKERS
        assert mention["basis"] in {*BASES, "none"}
        if mention["modality"] == "denied":
            assert mention["polarity"] == "negative"
