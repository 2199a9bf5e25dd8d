"""A learned second look at a party the parse rules left empty.

The rules name both parties when the grammar says who gives and who gets. When it does
not ("a batch of X-1 missiles from Alpha arrived at Capital air base, the Beta navy
said"), the missing party is often still in the sentence: as the speaker, as a place the
item reaches, as its maker. Which of the sentence's parties it is, if any, depends on many
weak signs at once (the preposition, the word the party modifies, the speaker, the status,
whether the other party is a state), so a small logistic model weighs them rather than a
rule: it is trained by ``scripts/train_slot_filler.py`` on the labelled development corpus,
ships as a few hundred named weights, and is verified by hash on load. It scores each
party the sentence names for the empty slot; the best one above the model's threshold
fills it, and none leaves it empty, as a smuggler's cargo or a seizure often should be.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from assay.errors import AssayError

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODEL_PATH = Path(__file__).with_name("slot_filler.json")
# Rewritten by scripts/train_slot_filler.py with the file it writes.
MODEL_SHA256 = "3fb99cfc92f33932bf8059fb764fcf3643941ea28b11a08a9af35eed99dc776f"

_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj", "det"})
_PREPOSITIONS = frozenset(
    {"from", "to", "into", "for", "by", "in", "at", "via", "through", "with", "of", "on"}
)
_FUNCTIONS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "appos", "ROOT"})
_CLIMB_LIMIT = 4


class SlotModelError(AssayError):
    """The shipped slot model is missing, altered or unreadable."""


@dataclass(frozen=True, slots=True)
class SlotSetting:
    """The reading a party is sought for: its empty slot and what the sentence already says."""

    slot: str  # "supplier" or "recipient"
    trigger: Token
    direction: str
    status: str
    item_anchor: Token
    item_origin: str | None
    speaker: Span | None
    other_kind: str
    other_tokens: frozenset[int]  # the other party's words, by token index
    headline: bool
    slot_words: frozenset[int]  # the words the grammar gives the party, by token index


@dataclass(frozen=True, slots=True)
class SlotCandidate:
    """One party the sentence names, with what its place in the parse says about it."""

    actor: str
    features: dict[str, float]


@dataclass(frozen=True, slots=True)
class SlotQuery:
    """An empty slot of one mention and the parties that might fill it."""

    sentence: str
    slot: str
    other: str
    item: str
    status: str
    candidates: tuple[SlotCandidate, ...]


class SlotFiller(Protocol):
    """Anything that picks a party for an empty slot, or leaves it empty."""

    def choose(self, query: SlotQuery) -> str | None:
        """The actor to fill the slot with, or None to leave it empty."""
        ...


def _phrase_head(token: Token) -> Token:
    """The noun the party's words belong to: "Russian" in "the Russian port" gives "port"."""
    for _ in range(_CLIMB_LIMIT):
        if token.dep_ not in _MODIFIER_DEPS or token.head == token:
            break
        token = token.head
    return token


def _path_length(token: Token, other: Token) -> int:
    """Edges between two words in the parse tree."""
    above = {t.i: depth for depth, t in enumerate([token, *token.ancestors])}
    for depth, t in enumerate([other, *other.ancestors]):
        if t.i in above:
            return depth + above[t.i]
    return len(token.doc)


def candidate_features(
    setting: SlotSetting, actor: str, kind: str, span: Span, role: str
) -> dict[str, float]:
    """Named features of one occurrence of a party, for ``setting``'s empty slot.

    Each sign is given twice, once on its own and once for the slot, so that the model
    can learn both what makes any party likely ("to Alpha") and what makes a supplier
    ("from Alpha") rather than a recipient, from little data.
    """
    root = span.root
    head = _phrase_head(root)
    preposition = head.head.lower_ if head.dep_ == "pobj" else "none"
    if preposition not in _PREPOSITIONS and preposition != "none":
        preposition = "other"
    function = head.dep_ if head.dep_ in _FUNCTIONS else "other"
    spoken = setting.speaker is not None and setting.speaker.start <= root.i < setting.speaker.end
    signs: dict[str, float] = {
        f"preposition={preposition}": 1.0,
        f"function={function}": 1.0,
        f"kind={kind}": 1.0,
        f"other_kind={setting.other_kind}": 1.0,
        f"direction={setting.direction}": 1.0,
        f"status={setting.status}": 1.0,
        f"role={role}": 1.0,
        "modifier": float(root.dep_ in ("compound", "amod", "poss")),
        "speaker": float(spoken),
        "subject_of_trigger": float(
            head.head.i == setting.trigger.i and head.dep_ in ("nsubj", "nsubjpass")
        ),
        "in_item_phrase": float(root.i in {t.i for t in setting.item_anchor.subtree}),
        "maker": float(actor == setting.item_origin),
        "beside_other": float(
            head.i in setting.other_tokens or any(t.i in setting.other_tokens for t in head.subtree)
        ),
        "before_trigger": float(root.i < setting.trigger.i),
        "headline": float(setting.headline),
        "slot_named": float(bool(setting.slot_words)),
        "in_slot": float(root.i in setting.slot_words),
        "distance": min(abs(root.i - setting.trigger.i), abs(root.i - setting.item_anchor.i), 30)
        / 10,
        "tree_distance": min(_path_length(root, setting.trigger), 15) / 5,
    }
    return {
        **{f"{setting.slot}:{name}": value for name, value in signs.items()},
        **signs,
        f"slot={setting.slot}": 1.0,
    }


@dataclass(frozen=True)
class SlotModel:
    """The shipped logistic model: a weight per named feature, an intercept, a threshold."""

    weights: dict[str, float]
    intercept: float
    threshold: float

    def probability(self, features: dict[str, float]) -> float:
        """The model's probability that a party fills the slot."""
        score = self.intercept + sum(
            self.weights.get(name, 0.0) * value for name, value in features.items()
        )
        return 1 / (1 + math.exp(-score))

    def choose(self, query: SlotQuery) -> str | None:
        """The most likely party, when it clears the threshold."""
        best: tuple[float, str] | None = None
        for candidate in query.candidates:
            probability = self.probability(candidate.features)
            if best is None or probability > best[0]:
                best = (probability, candidate.actor)
        if best is None or best[0] < self.threshold:
            return None
        return best[1]

    @classmethod
    def load(cls, path: Path = MODEL_PATH, sha256: str = MODEL_SHA256) -> SlotModel:
        """Read the model, refusing a file whose hash is not the one the trainer pinned."""
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise SlotModelError(
                f"cannot read the slot model {path}: {error.strerror}",
                hint="retrain it with scripts/train_slot_filler.py",
            ) from error
        digest = hashlib.sha256(raw).hexdigest()
        if digest != sha256:
            raise SlotModelError(
                f"the slot model {path} has SHA-256 {digest}, expected {sha256}",
                hint="restore the shipped file or retrain with scripts/train_slot_filler.py",
            )
        data = json.loads(raw)
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
        )


@dataclass
class RecordingFiller:
    """Keeps every query and fills nothing: what the trainer reads the rules' gaps with."""

    queries: list[SlotQuery]

    def choose(self, query: SlotQuery) -> str | None:
        """Record the query; leave the slot as the rules left it."""
        self.queries.append(query)
        return None
