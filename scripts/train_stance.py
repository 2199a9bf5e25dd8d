"""Train the stance model shipped in src/assay/match/stance/model/, reproducibly.

Reads FNC-1 and Emergent in place (never copies them), with fixed seeds and thread
counts, so a rerun writes the same files:

1. hold-out check: fit on the baseline's training bodies, score the baseline hold-out;
2. final model: fit on all of FNC-1 train (body stages) and Emergent's training claims
   (headline head); write the folder and re-pin its manifest digest in ``pinned.py``;
3. evaluate the written model once, loaded and verified like any user's: the FNC-1
   competition test set and the Emergent test split.

``--cv`` adds the figures the features and settings were chosen on: 4-fold
cross-validation over FNC-1 train with every story (the claim and all its headlines and
bodies) in one fold, and over Emergent train grouped by claim. The baseline hold-out
shares every headline with its training part, so it rewards memorising stories.

Usage: python scripts/train_stance.py [--data ../shared/data/fnc1]
       [--emergent ../shared/data/emergent] [--out DIR] [--cv] [--no-test]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import lightgbm as lgb
import numpy as np
import numpy.typing as npt
import sklearn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import emergent_stance  # noqa: E402 - bench modules hold the data readers and scorers
import fnc1_scoring  # noqa: E402
from assay.match.embeddings import SentenceEncoder  # noqa: E402
from assay.match.stance.artifacts import (  # noqa: E402
    MODEL_DIR,
    npz_bytes,
    sha256,
    write_model_files,
)
from assay.match.stance.features import FeatureSpace  # noqa: E402
from assay.match.stance.headline import HeadlineWords, fit_headline_words  # noqa: E402
from assay.match.stance.lexical import LexicalFeatures  # noqa: E402
from assay.match.stance.model import StanceModel, predictions  # noqa: E402
from assay.match.stance.semantic import Lexicon, SemanticFeatures  # noqa: E402
from assay.match.stance.vectors import Vectors, fit_idf  # noqa: E402

SEED = 20170601
THREADS = 2
VERSION = "1.0.0"
LEXICON = MODEL_DIR / "lexicon.json"  # knowledge as data: read here, shipped as is
PINNED = ROOT / "src" / "assay" / "match" / "stance" / "pinned.py"
STANCE_NAMES = ("supports", "refutes", "discusses", "unrelated")  # FNC-1's four, renamed
FNC_LABELS = ("agree", "disagree", "discuss")  # the stance stage's classes, in order
EMERGENT_LABELS = ("for", "against", "observing")  # the headline head's classes
# Relatedness reads only how much claim and document share; cue and length features let
# it memorise training bodies and did worse on unseen stories.
RELATED_FEATURES = (
    *("claim_question", "jaccard", "claim_in_body", "claim_in_opening", "bigrams_in_body"),
    *("trigrams_in_body", "char_grams_in_body", "char_grams_in_opening", "tfidf_body"),
    *("tfidf_opening", "tfidf_first_sentence", "tfidf_best_sentence", "tfidf_top_sentences"),
    *("best_sentence_position", "bm25", "e_body", "e_opening", "e_first", "e_max", "e_top3"),
    *("e_position", "e_over_0.5", "e_over_0.7"),
)
COMMON = {
    "learning_rate": 0.05,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": SEED,
    "num_threads": THREADS,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}
RELATED = {**COMMON, "objective": "binary", "num_leaves": 31, "min_data_in_leaf": 20}
STANCE = {**COMMON, "objective": "multiclass", "num_class": 3, "num_leaves": 15}
STANCE |= {"min_data_in_leaf": 50}
HEADLINE = {**COMMON, "objective": "multiclass", "num_class": 3, "num_leaves": 7}
# Leaf size chosen by the claim-grouped CV of Emergent train (5: 0.751, 10: 0.748, 20: 0.742).
HEADLINE |= {"min_data_in_leaf": 5}
ROUNDS = {"related": 300, "stance": 300, "headline": 150}
# Disagreement is 1.7 % of FNC-1 train; weighting it up trades a little accuracy on the
# common classes for a usable refutes class.
STANCE_WEIGHTS = (1.0, 3.0, 1.0)
THRESHOLD = 0.5

Matrix = npt.NDArray[np.float32]
T = TypeVar("T")


@dataclass
class Trained:
    """Fitted parameters and boosters, before they are written."""

    idf: npt.NDArray[np.float32]
    names: list[str]
    boosters: dict[str, lgb.Booster]
    columns: dict[str, list[str]]
    headline_words: list[str] = field(default_factory=list)


class Trainer:
    """Fits the stages; embeddings are computed once per text for every fit."""

    def __init__(self) -> None:
        """Load the encoder and the lexicon once."""
        self.encoder = SentenceEncoder(threads=THREADS)
        self.lexicon = Lexicon.from_json(json.loads(LEXICON.read_text(encoding="utf-8")))
        self.memo: dict[str, Matrix] = {}

    def space(self, idf: npt.NDArray[np.float32]) -> FeatureSpace:
        """The feature space over ``idf``, sharing the embedding memo."""
        return FeatureSpace(
            LexicalFeatures(Vectors(idf), self.lexicon.cues),
            SemanticFeatures(self.encoder, self.lexicon, self.memo),
        )

    def fit(
        self, rows: Sequence[fnc1_scoring.StanceRow], bodies: dict[int, str]
    ) -> tuple[Trained, Matrix]:
        """Fit IDF on the rows' texts, then both body stages; return them and the features."""
        texts = list(dict.fromkeys(r.headline for r in rows))
        texts += [bodies[b] for b in sorted({r.body_id for r in rows})]
        idf = fit_idf(texts)
        space = self.space(idf)
        features = space.transform([(r.headline, bodies[r.body_id]) for r in rows])
        labels = np.array([_fnc_class(r.stance) for r in rows])
        trained = Trained(idf, space.names, {}, {})
        fit_body_stages(trained, features, labels)
        return trained, features


def _fnc_class(stance: str) -> int:
    return FNC_LABELS.index(stance) if stance in FNC_LABELS else len(FNC_LABELS)


def _columns(names: list[str], wanted: Sequence[str] | None) -> list[int]:
    return list(range(len(names))) if wanted is None else [names.index(n) for n in wanted]


def fit_body_stages(trained: Trained, features: Matrix, labels: npt.NDArray[np.int_]) -> None:
    """Stage 1 on all pairs (related or not), stage 2 on related pairs only."""
    related_columns = _columns(trained.names, RELATED_FEATURES)
    is_related = labels < len(FNC_LABELS)
    trained.boosters["related"] = lgb.train(
        RELATED,
        lgb.Dataset(features[:, related_columns], is_related.astype(int)),
        ROUNDS["related"],
    )
    weights = np.asarray(STANCE_WEIGHTS)[labels[is_related]]
    trained.boosters["stance"] = lgb.train(
        STANCE,
        lgb.Dataset(features[is_related], labels[is_related], weight=weights),
        ROUNDS["stance"],
    )
    trained.columns["related"] = list(RELATED_FEATURES)
    trained.columns["stance"] = list(trained.names)


def fit_headline_head(
    trained: Trained, features: Matrix, headlines: Sequence[str], labels: npt.NDArray[np.int_]
) -> None:
    """The headline head: three classes on all features and the headline's words."""
    words = HeadlineWords(fit_headline_words(headlines))
    rows = np.hstack([features, words.transform(headlines)])
    booster = lgb.train(HEADLINE, lgb.Dataset(rows, labels), ROUNDS["headline"])
    trained.boosters["headline"] = booster
    trained.columns["headline"] = trained.names + words.names
    trained.headline_words = words.vocabulary


def predict_headlines(trained: Trained, features: Matrix, headlines: Sequence[str]) -> list[str]:
    """Emergent labels from the in-memory headline head."""
    words = HeadlineWords(trained.headline_words)
    rows = np.hstack([features, words.transform(headlines)])
    found = np.asarray(trained.boosters["headline"].predict(rows)).argmax(axis=1)
    return [EMERGENT_LABELS[i] for i in found]


def predict_body(trained: Trained, features: Matrix) -> list[str]:
    """FNC-1 labels from in-memory boosters, combined exactly as the shipped model does."""
    related_columns = _columns(trained.names, trained.columns["related"])
    related = trained.boosters["related"].predict(features[:, related_columns])
    stance = trained.boosters["stance"].predict(features)
    back = dict(zip(STANCE_NAMES, fnc1_scoring.LABELS, strict=True))
    result = predictions(np.asarray(related), np.asarray(stance), THRESHOLD)
    return [back[p.label.value] for p in result]


def write_model(trained: Trained, out: Path, provenance: dict[str, Any]) -> str:
    """Write the model folder; return its manifest digest."""
    words = json.dumps(trained.headline_words, indent=0, ensure_ascii=False) + "\n"
    files = {
        "lexicon.json": LEXICON.read_bytes(),
        "idf.npz": npz_bytes({"idf": trained.idf}),
        "headline_words.json": words.encode("utf-8"),
    }
    stages: dict[str, Any] = {}
    for name, booster in trained.boosters.items():
        files[f"{name}.txt"] = booster.model_to_string().encode("utf-8")
        stages[name] = {"file": f"{name}.txt", "columns": trained.columns[name]}
    stages["related"]["threshold"] = THRESHOLD
    stages["stance"]["classes"] = ["supports", "refutes", "discusses"]
    stages["headline"]["classes"] = ["supports", "refutes", "discusses"]
    stages["headline"]["words"] = "headline_words.json"
    manifest = {
        "model": "assay.stance",
        "version": VERSION,
        "encoder": SentenceEncoder.model_id,
        "lexicon": "lexicon.json",
        "idf": "idf.npz",
        "features": trained.names,
        "stages": stages,
        "training": provenance,
    }
    return write_model_files(out, manifest, files)


def pin(digest: str) -> None:
    """Rewrite the pinned manifest digest."""
    text = PINNED.read_text(encoding="utf-8")
    PINNED.write_text(
        re.sub(r'MANIFEST_SHA256 = "[0-9a-f]{64}"', f'MANIFEST_SHA256 = "{digest}"', text),
        encoding="utf-8",
    )


def say(text: str) -> None:
    """Print a line of the training report at once (a script reports its figures)."""
    print(text)


def report(name: str, gold: Sequence[str], predicted: Sequence[str]) -> None:
    """Print FNC-1 figures."""
    say(fnc1_scoring.format_scores(name, fnc1_scoring.score(gold, predicted)))


def timed(label: str, work: Callable[[], T]) -> T:
    """Run ``work`` and print how long it took."""
    start = time.perf_counter()
    result = work()
    say(f"[{label}: {time.perf_counter() - start:.0f} s]")
    return result


def story_groups(rows: Sequence[fnc1_scoring.StanceRow]) -> tuple[list[int], list[int]]:
    """The story of each row's headline and of its body: linked by related pairs."""
    parent: dict[tuple[str, object], tuple[str, object]] = {}

    def find(node: tuple[str, object]) -> tuple[str, object]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for row in rows:
        head, body = find(("h", row.headline)), find(("b", row.body_id))
        if row.stance != "unrelated":
            parent[head] = body
    ids: dict[tuple[str, object], int] = {}
    for node in list(parent):
        ids.setdefault(find(node), len(ids))
    heads = [ids[find(("h", r.headline))] for r in rows]
    return heads, [ids[find(("b", r.body_id))] for r in rows]


def cross_validate_bodies(
    trained: Trained, features: Matrix, rows: Sequence[fnc1_scoring.StanceRow], folds: int = 4
) -> None:
    """Story-disjoint CV of the body stages; a pair counts where headline and body share a fold.

    The IDF weights are the final ones (fitted on all train texts, labels unseen).
    """
    heads, bodies = story_groups(rows)
    order = np.random.default_rng(SEED).permutation(max(heads + bodies) + 1) % folds
    head_fold, body_fold = order[heads], order[bodies]
    labels = np.array([_fnc_class(r.stance) for r in rows])
    gold: list[str] = []
    predicted: list[str] = []
    for fold in range(folds):
        inside = (head_fold != fold) & (body_fold != fold)
        held = (head_fold == fold) & (body_fold == fold)
        fold_model = Trained(trained.idf, trained.names, {}, {})
        fit_body_stages(fold_model, features[inside], labels[inside])
        predicted += predict_body(fold_model, features[held])
        gold += [r.stance for r, keep in zip(rows, held, strict=True) if keep]
    report(f"{folds}-fold story-disjoint CV of FNC-1 train", gold, predicted)


def cross_validate_headlines(
    trained: Trained, features: Matrix, pairs: Sequence[emergent_stance.HeadlinePair]
) -> None:
    """Emergent train CV grouped by claim, as Ferreira & Vlachos selected their model."""
    claims = sorted({p.claim_id for p in pairs})
    shuffled = np.random.default_rng(SEED).permutation(len(claims)) % 5
    fold_of = dict(zip(claims, shuffled, strict=True))
    folds = np.array([fold_of[p.claim_id] for p in pairs])
    labels = np.array([EMERGENT_LABELS.index(p.stance) for p in pairs])
    headlines = np.array([p.headline for p in pairs], dtype=object)
    predicted = np.empty(len(pairs), dtype=object)
    for fold in range(5):
        inside, held = folds != fold, folds == fold
        head = Trained(trained.idf, trained.names, {}, {})
        fit_headline_head(head, features[inside], list(headlines[inside]), labels[inside])
        predicted[held] = predict_headlines(head, features[held], list(headlines[held]))
    scores = emergent_stance.score([p.stance for p in pairs], list(predicted))
    say(emergent_stance.format_scores("5-fold claim-grouped CV of Emergent train", scores))


def provenance(fnc: Path, emergent: Path) -> dict[str, Any]:
    """What the model was made from, stored in its manifest."""
    sources = [fnc / "train_stances.csv", fnc / "train_bodies.csv"]
    sources.append(emergent / "url-versions-2015-06-14-clean-train.csv")
    return {
        "script": "scripts/train_stance.py",
        "data": {f"{p.parent.name}/{p.name}": sha256(p.read_bytes()) for p in sources},
        "seed": SEED,
        "threads": THREADS,
        "params": {"related": RELATED, "stance": STANCE, "headline": HEADLINE},
        "rounds": ROUNDS,
        "stance_weights": list(STANCE_WEIGHTS),
        "libraries": {
            "lightgbm": lgb.__version__,
            "scikit-learn": sklearn.__version__,
            "numpy": np.__version__,
        },
    }


def evaluate(out: Path, digest: str, trainer: Trainer, fnc: Path, emergent: Path) -> None:
    """Load the written model as a user would and score the two test sets once."""
    model = StanceModel.load(out, expected_sha256=digest, encoder=trainer.encoder)
    rows, bodies = fnc1_scoring.read_split(fnc, "test")
    found = model.predict([(r.headline, bodies[r.body_id]) for r in rows])
    back = dict(zip(STANCE_NAMES, fnc1_scoring.LABELS, strict=True))
    report("FNC-1 competition test", [r.stance for r in rows], [back[p.label] for p in found])
    pairs = emergent_stance.read_split(emergent, "test")
    headlines = model.predict_headlines([(p.claim, p.headline) for p in pairs])
    names = {stance: label for label, stance in emergent_stance.STANCES.items()}
    scores = emergent_stance.score([p.stance for p in pairs], [names[h.label] for h in headlines])
    say(emergent_stance.format_scores("Emergent headline stance, test", scores))


def main() -> None:
    """Hold-out check, final fit, write and pin, one evaluation on the test sets."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=fnc1_scoring.DATA, help="FNC-1 folder")
    parser.add_argument("--emergent", type=Path, default=emergent_stance.DATA)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--cv", action="store_true", help="print the cross-validation figures")
    parser.add_argument("--no-test", action="store_true", help="skip the test-set evaluation")
    args = parser.parse_args()
    trainer = Trainer()
    rows, bodies = fnc1_scoring.read_split(args.data, "train")
    fit_rows, _ = fnc1_scoring.read_split(args.data, "fit")
    holdout, _ = fnc1_scoring.read_split(args.data, "holdout")

    held = timed("hold-out fit", lambda: trainer.fit(fit_rows, bodies))[0]
    features = trainer.space(held.idf).transform([(r.headline, bodies[r.body_id]) for r in holdout])
    report("FNC-1 baseline hold-out", [r.stance for r in holdout], predict_body(held, features))

    final, features = timed("final fit", lambda: trainer.fit(rows, bodies))[:2]
    pairs = emergent_stance.read_split(args.emergent, "train")
    headline_features = trainer.space(final.idf).transform([(p.claim, p.headline) for p in pairs])
    labels = np.array([EMERGENT_LABELS.index(p.stance) for p in pairs])
    fit_headline_head(final, headline_features, [p.headline for p in pairs], labels)
    if args.cv:
        cross_validate_bodies(final, features, rows)
        cross_validate_headlines(final, headline_features, pairs)

    digest = write_model(final, args.out, provenance(args.data, args.emergent))
    if args.out.resolve() == MODEL_DIR:
        pin(digest)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    say(f"wrote {args.out} ({size / 1e6:.1f} MB), manifest sha256 {digest}")
    if not args.no_test:
        timed(
            "test evaluation",
            lambda: evaluate(args.out, digest, trainer, args.data, args.emergent),
        )


if __name__ == "__main__":
    main()
