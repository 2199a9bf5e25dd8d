"""Claim grouping scored against the team's labelled corpus (tests/corpus/), B-cubed.

Every labelled mention belongs to a gold claim (its supplier, recipient, item and
stage); every extracted mention to a predicted claim, grouped by the same rule across
all documents of the part. An extracted mention is aligned with a labelled one in the
same sentence naming the same item. For each aligned mention, B-cubed precision is
the share of its predicted claim's aligned mentions that share its gold claim, and
recall the share of its gold claim's mentions that its predicted claim holds; labelled
mentions nothing was aligned with count zero for recall, extracted mentions aligned
with nothing zero for precision. So grouping is scored end to end: a wrong party or
stage puts a mention in the wrong claim.

Usage: python bench/claim_grouping.py [--part dev|dev2|...|dev8|heldout|all]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from assay.extract.extractor import Extractor
from assay.match.claims import STAGE_OF_STATUS, ClaimKey
from assay.packs import load_packs
from claim_mentions import PARTS, documents


@dataclass(frozen=True)
class Grouping:
    """B-cubed precision and recall of predicted claims against gold claims."""

    precision: float
    recall: float
    gold_claims: int
    predicted_claims: int


def _gold_key(label: dict[str, Any]) -> ClaimKey:
    return ClaimKey(
        label["supplier"], label["recipient"], str(label["item"]), STAGE_OF_STATUS[label["status"]]
    )


def measure(part: str) -> Grouping:
    """Extract a corpus part, group its mentions into claims, and score the grouping."""
    extractor = Extractor(next(p for p in load_packs() if p.name == "arms_transfers"))
    corpus = documents(part)
    texts = [path.read_text(encoding="utf-8") for path, _ in corpus]
    pairs: list[tuple[ClaimKey | None, ClaimKey | None]] = []  # (gold, predicted) per mention
    for (_, labels), text, result in zip(corpus, texts, extractor.extract_many(texts), strict=True):
        unaligned = list(labels["mentions"])
        for mention in result.mentions:
            sentence = text[mention.sentence_start : mention.sentence_end]
            label = next(
                (
                    candidate
                    for candidate in unaligned
                    if candidate["sentence"] == sentence and str(candidate["item"]) == mention.item
                ),
                None,
            )
            if label is not None:
                unaligned.remove(label)
            pairs.append((_gold_key(label) if label else None, ClaimKey.of(mention)))
        pairs.extend((_gold_key(label), None) for label in unaligned)
    together = Counter((gold, predicted) for gold, predicted in pairs if gold and predicted)
    per_predicted = Counter(predicted for _, predicted in pairs if predicted)
    per_gold = Counter(gold for gold, _ in pairs if gold)
    precision = sum(n * n / per_predicted[p] for (_, p), n in together.items())
    recall = sum(n * n / per_gold[g] for (g, _), n in together.items())
    return Grouping(
        precision=precision / sum(per_predicted.values()) if per_predicted else 1.0,
        recall=recall / sum(per_gold.values()) if per_gold else 1.0,
        gold_claims=len(per_gold),
        predicted_claims=len(per_predicted),
    )


def main(argv: list[str]) -> int:
    """Print the grouping figures for one part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "all"), default="heldout")
    args = parser.parse_args(argv)
    grouping = measure(args.part)
    print(
        f"claim grouping, {args.part}: {grouping.gold_claims} gold claims, "
        f"{grouping.predicted_claims} predicted claims"
    )
    print(f"  b-cubed precision  {grouping.precision:.3f}")
    print(f"  b-cubed recall     {grouping.recall:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
