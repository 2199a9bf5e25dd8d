"""Train the slot model on the labelled development corpus and pin the file it writes.

The extractor runs over every document of tests/corpus/dev with a recorder in place of
the model, so each empty slot the rules leave is seen exactly as the model will see it.
A slot is a training query when a labelled mention of its sentence agrees with it on the
other party, the item and the status: the label's party for the slot (or none) is the
answer, and each party the sentence names is a positive or negative example. The
held-out corpus is never read.

Before fitting on everything, the script prints a leave-documents-out estimate (five
folds, grouped by document) of how often the model fills a slot rightly, wrongly, or
leaves it empty; the README quotes these figures.

Usage: python scripts/train_slot_filler.py [--check]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from assay.extract.extractor import Extractor
from assay.extract.slot_filling import MODEL_PATH, RecordingFiller, SlotModel, SlotQuery
from assay.packs import load_packs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus" / "dev"
PINNED = ROOT / "src" / "assay" / "extract" / "slot_filling.py"
REGULARISATION = 0.5  # sklearn's C: small data, so weights are kept small
THRESHOLD = 0.5
FOLDS = 5

Example = tuple[SlotQuery, str | None, str]  # query, answer, document


def _answer(query: SlotQuery, labels: list[dict[str, Any]]) -> tuple[bool, str | None]:
    """Whether a label settles the query, and the party it names for the slot."""
    other = "recipient" if query.slot == "supplier" else "supplier"
    for label in labels:
        if (
            label["sentence"] == query.sentence
            and label[other] == query.other
            and str(label["item"]) == query.item
            and label["status"] == query.status
        ):
            return True, label[query.slot]
    return False, None


def collect() -> list[Example]:
    """Every settled query of the development corpus whose answer the sentence names."""
    recorder = RecordingFiller([])
    pack = next(p for p in load_packs() if p.name == "arms_transfers")
    extractor = Extractor(pack, slot_filler=recorder)
    examples: list[Example] = []
    for path in sorted(CORPUS.glob("*.expected.yaml")):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))["mentions"]
        text = path.with_name(path.name.replace(".expected.yaml", ".txt"))
        recorder.queries.clear()
        extractor.extract(text.read_text(encoding="utf-8"))
        for query in recorder.queries:
            settled, answer = _answer(query, labels)
            reachable = answer is None or any(c.actor == answer for c in query.candidates)
            if settled and reachable:
                examples.append((query, answer, path.name.split("-", 1)[0]))
    return examples


def _rows(examples: list[Example]) -> tuple[list[dict[str, float]], list[int]]:
    features, targets = [], []
    for query, answer, _ in examples:
        for candidate in query.candidates:
            features.append(candidate.features)
            targets.append(int(candidate.actor == answer))
    return features, targets


def fit(examples: list[Example]) -> SlotModel:
    """A logistic model over the candidates of ``examples``."""
    features, targets = _rows(examples)
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(features)
    classifier = LogisticRegression(C=REGULARISATION, max_iter=2000)
    classifier.fit(matrix, np.asarray(targets))
    names = vectoriser.get_feature_names_out()
    weights = {
        str(name): round(float(weight), 6)
        for name, weight in zip(names, classifier.coef_[0], strict=True)
        if abs(weight) >= 1e-6
    }
    return SlotModel(weights, round(float(classifier.intercept_[0]), 6), THRESHOLD)


def outcome(model: SlotModel, query: SlotQuery, answer: str | None) -> str:
    """How the model's choice compares with the answer."""
    chosen = model.choose(query)
    if chosen == answer:
        return "filled right" if answer else "left empty rightly"
    if chosen is None:
        return "left empty wrongly"
    return "filled wrongly"


def cross_validate(examples: list[Example]) -> Counter[str]:
    """Outcomes of models that never saw the query's document."""
    groups = [document for _, _, document in examples]
    counts: Counter[str] = Counter()
    for train, test in GroupKFold(n_splits=FOLDS).split(examples, groups=groups):
        model = fit([examples[i] for i in train])
        for i in test:
            query, answer, _ = examples[i]
            counts[outcome(model, query, answer)] += 1
    return counts


def write(model: SlotModel, examples: list[Example]) -> str:
    """Write the model file and pin its digest in the module that loads it."""
    data = {
        "about": "assay slot model: logistic weights over named parse features",
        "trained_on": f"tests/corpus/dev, {len(examples)} queries",
        "intercept": model.intercept,
        "threshold": model.threshold,
        "weights": dict(sorted(model.weights.items())),
    }
    raw = (json.dumps(data, indent=1, sort_keys=False) + "\n").encode()
    MODEL_PATH.write_bytes(raw)
    digest = hashlib.sha256(raw).hexdigest()
    source = PINNED.read_text(encoding="utf-8")
    PINNED.write_text(
        re.sub(r'MODEL_SHA256 = "[0-9a-f]{64}"', f'MODEL_SHA256 = "{digest}"', source),
        encoding="utf-8",
    )
    return digest


def main(argv: list[str]) -> int:
    """Cross-validate, fit on everything and write the model (unless ``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only print the cross-validated outcomes"
    )
    args = parser.parse_args(argv)
    examples = collect()
    answered = sum(1 for _, answer, _ in examples if answer)
    print(f"{len(examples)} queries ({answered} with a party to find, the rest to leave empty)")
    for name, count in sorted(cross_validate(examples).items()):
        print(f"  {name:<20} {count}")
    if args.check:
        return 0
    digest = write(fit(examples), examples)
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} (sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
