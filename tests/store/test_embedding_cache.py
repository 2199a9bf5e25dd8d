from pathlib import Path

import numpy as np
import pytest

import assay
from assay.match.embedding_cache import text_sha256, vector_bytes, vector_from
from assay.match.embeddings import SentenceEncoder
from assay.pipeline.embedding import StoreEmbeddings, embed_texts
from assay.store.embedding_queries import CHUNK

TEXTS = [
    "Alpha shipped drones to Beta.",
    "Beta denied receiving any drones.",
    "Alpha shipped drones to Beta.",
]


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder(threads=2)


def test_vectors_are_stored_and_read_back_by_hash_and_model(project: assay.Project) -> None:
    with project.store.transaction() as repo:
        repo.put_embeddings("model-a", 2, {"h1": b"\x01" * 8, "h2": b"\x02" * 8})
        repo.put_embeddings("model-b", 2, {"h1": b"\x03" * 8})
    with project.store.transaction() as repo:
        assert repo.get_embeddings(["h1", "h2", "h3"], "model-a") == {
            "h1": b"\x01" * 8,
            "h2": b"\x02" * 8,
        }
        assert repo.get_embeddings(["h1", "h2"], "model-b") == {"h1": b"\x03" * 8}
        assert repo.get_embeddings([], "model-a") == {}
        assert repo.count_embeddings() == 3
        assert repo.count_embeddings("model-a") == 2


def test_putting_a_vector_again_replaces_it(project: assay.Project) -> None:
    with project.store.transaction() as repo:
        repo.put_embeddings("m", 2, {"h": b"\x01" * 8})
        repo.put_embeddings("m", 2, {"h": b"\x09" * 8})
        assert repo.get_embeddings(["h"], "m") == {"h": b"\x09" * 8}
        assert repo.count_embeddings() == 1


def test_more_keys_than_one_statement_takes(project: assay.Project) -> None:
    keys = [f"{n:064x}" for n in range(CHUNK * 2 + 7)]
    with project.store.transaction() as repo:
        repo.put_embeddings("m", 1, {key: key[-4:].encode() for key in keys})
    with project.store.transaction() as repo:
        found = repo.get_embeddings([*keys, *keys[:3]], "m")
    assert len(found) == len(keys)
    assert found[keys[-1]] == keys[-1][-4:].encode()


def test_each_distinct_text_is_encoded_once_and_kept(
    project: assay.Project, encoder: SentenceEncoder
) -> None:
    vectors = embed_texts(project.store, encoder, TEXTS)
    assert np.array_equal(vectors, encoder.encode(TEXTS))
    with project.store.transaction() as repo:
        assert repo.count_embeddings(encoder.model_id) == 2
        stored = repo.get_embeddings([text_sha256(TEXTS[1])], encoder.model_id)
    kept = vector_from(stored[text_sha256(TEXTS[1])], 384)
    assert kept is not None
    assert np.array_equal(kept, vectors[1])


def test_a_stored_vector_is_used_instead_of_encoding(
    project: assay.Project, encoder: SentenceEncoder
) -> None:
    planted = np.zeros(384, dtype=np.float32)
    planted[0] = 1.0
    with project.store.transaction() as repo:
        repo.put_embeddings(encoder.model_id, 384, {text_sha256(TEXTS[0]): vector_bytes(planted)})
    vectors = embed_texts(project.store, encoder, TEXTS)
    assert np.array_equal(vectors[0], planted)
    assert np.array_equal(vectors[2], planted)
    assert not np.array_equal(vectors[1], planted)


def test_vectors_of_another_model_are_not_used(
    project: assay.Project, encoder: SentenceEncoder
) -> None:
    with project.store.transaction() as repo:
        repo.put_embeddings("another-model", 384, {text_sha256(TEXTS[0]): b"\x00" * 1536})
    vectors = embed_texts(project.store, encoder, TEXTS[:1])
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)


def test_a_damaged_row_is_encoded_again_and_replaced(
    project: assay.Project, encoder: SentenceEncoder
) -> None:
    key = text_sha256(TEXTS[1])
    with project.store.transaction() as repo:
        repo.put_embeddings(encoder.model_id, 384, {key: b"\x00" * 10})
    vectors = embed_texts(project.store, encoder, TEXTS[1:2])
    assert np.array_equal(vectors, encoder.encode(TEXTS[1:2]))
    stored = StoreEmbeddings(project.store).get_embeddings([key], encoder.model_id)
    assert len(stored[key]) == 384 * 4


def test_the_cache_key_is_the_exact_text() -> None:
    assert text_sha256("Alpha") != text_sha256("Alpha ")
    assert text_sha256("Alpha") != text_sha256("alpha")
    assert len(text_sha256("")) == 64


def test_cached_vectors_outlive_the_process_that_made_them(
    project_dir: Path, encoder: SentenceEncoder
) -> None:
    with assay.open(project_dir, create=True) as project:
        first = embed_texts(project.store, encoder, TEXTS)
    with assay.open(project_dir) as project:
        with project.store.transaction() as repo:
            assert repo.count_embeddings(encoder.model_id) == 2
        assert np.array_equal(embed_texts(project.store, encoder, TEXTS), first)
