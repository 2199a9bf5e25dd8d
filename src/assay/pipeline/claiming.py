"""The matching run: mentions into canonical claims, links among them, documents' stances.

1. Every stored mention is grouped by the claim it states (:mod:`assay.match.claims`);
   a claim seen for the first time gets the next key, in the order its first mention
   appears, and keeps it for good.
2. The links among the claims stated anywhere are recomputed.
3. Each document is read against each claim it bears on: the claims it states and the
   claims linked to those. A denial of a category is a denial of every system in it
   ("Alpha denies sending ballistic missiles to Beta" rules out the X-1 missiles a
   report in the same article says it sent), so where such a denial leads the
   document (its headline or first sentence), the document's denials of the broader
   claim are read with its mentions of the narrower one. A reading is redone only
   when its inputs changed (the claim, the document's text, its mentions of the
   claim, the stance model), so running this after every ``add`` costs only what is
   new. The stance model loads only if there is
   something to read, and its sentence embeddings come through the store's cache.

Each batch of readings is written in its own transaction: an interrupted run keeps
what it finished, and a rerun does only the rest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from assay.ids import IdKind, format_id
from assay.match.claim_text import category_of, claim_text
from assay.match.claims import ClaimKey, ClaimLink, LinkKind, link_claims
from assay.match.document_stance import mention_stance, read_stance
from assay.match.stance import StanceModel
from assay.match.stance.pinned import MANIFEST_SHA256
from assay.packs import Pack
from assay.pipeline.embedding import StoreEmbeddings
from assay.progress import Progress
from assay.records import Document, DocumentStance, MatchReport, Mention, Stance
from assay.store import Store
from assay.store.claim_queries import ClaimSpelling, StanceRow

# Raise when the way readings are combined changes, so stored readings are redone.
READING_VERSION = "4"
# A denial of the broader claim in the headline or the first sentence is the story; one
# further down is background to a report, and leaves the report's stance as it is.
LEAD_SENTENCES = 2
BATCH = 16

ModelLoader = Callable[[Store], StanceModel]


def load_stance_model(store: Store, threads: int = 2) -> StanceModel:
    """The shipped stance model, its sentence embeddings cached in ``store``."""
    from assay.match.embedding_cache import EmbeddingCache  # noqa: PLC0415 - loads ONNX
    from assay.match.embeddings import SentenceEncoder  # noqa: PLC0415

    encoder = EmbeddingCache(SentenceEncoder(threads=threads), StoreEmbeddings(store))
    return StanceModel.load(encoder=encoder, threads=threads)


@dataclass(frozen=True, slots=True)
class _Pair:
    document_key: int
    claim_key: int
    claim_text: str
    mentions: tuple[Mention, ...]
    digest: str


def _spelling(key: ClaimKey) -> ClaimSpelling:
    return (key.supplier, key.recipient, key.item, key.stage.value)


def _digest(claim: str, document: Document, mentions: Sequence[Mention]) -> str:
    signature = [
        [m.claim.start, m.claim.end, m.claim.polarity, m.claim.modality.value] for m in mentions
    ]
    payload = [READING_VERSION, MANIFEST_SHA256, claim, document.text_sha256, signature]
    return hashlib.sha256(json.dumps(payload).encode("utf-8")).hexdigest()


def _model_text(document: Document) -> str:
    """The document as the model reads it: the title as its first line, then the text."""
    return f"{document.title}\n\n{document.text}" if document.title else document.text


def match_claims(
    store: Store,
    pack: Pack,
    progress: Progress,
    *,
    load_model: ModelLoader = load_stance_model,
    force: bool = False,
) -> MatchReport:
    """Group mentions into claims, link them, and read documents' stances that are stale."""
    report = MatchReport()
    now = datetime.now(UTC)
    with store.transaction() as repo:
        mentions = repo.list_mentions()
        documents = {d.key: d for d in repo.list_documents()}
        known = repo.claim_keys()
        first_seen: dict[ClaimKey, None] = {}
        for mention in mentions:
            first_seen.setdefault(ClaimKey.of(mention.claim))
        new = [(_spelling(k), claim_text(pack, k)) for k in first_seen if _spelling(k) not in known]
        keys = repo.add_claims(new, now) if new else known
        claim_of = {key: keys[_spelling(key)] for key in first_seen}
        repo.assign_mentions(
            {
                m.key: claim_of[ClaimKey.of(m.claim)]
                for m in mentions
                if m.claim_key != claim_of[ClaimKey.of(m.claim)]
            }
        )
        links = link_claims(first_seen, lambda item: category_of(pack, item))
        report.links = repo.replace_claim_links(
            (claim_of[link.source], claim_of[link.target], link.kind.value) for link in links
        )
        texts = {claim_of[key]: claim_text(pack, key) for key in first_seen}
        pairs = _pairs(mentions, claim_of, links, texts, documents)
        stored = repo.stance_digests()
        repo.delete_stances(pair for pair in stored if pair not in pairs)
    report.claims = len(first_seen)
    report.new_claims = len(new)
    todo = [p for key, p in sorted(pairs.items()) if force or stored.get(key) != p.digest]
    report.current = len(pairs) - len(todo)
    if todo:
        _read_stances(store, load_model, todo, documents, progress, report)
    return report


def _pairs(
    mentions: Sequence[Mention],
    claim_of: dict[ClaimKey, int],
    links: Sequence[ClaimLink],
    texts: dict[int, str],
    documents: dict[int, Document],
) -> dict[tuple[int, int], _Pair]:
    """Every (document, claim) pair to read: claims stated, and claims linked to those."""
    stated: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        pair = (mention.document_key, claim_of[ClaimKey.of(mention.claim)])
        stated.setdefault(pair, []).append(mention)
    neighbours: dict[int, set[int]] = {}
    broader: dict[int, set[int]] = {}
    for link in links:
        source, target = claim_of[link.source], claim_of[link.target]
        neighbours.setdefault(source, set()).add(target)
        neighbours.setdefault(target, set()).add(source)
        if link.kind is LinkKind.REFINES:
            broader.setdefault(source, set()).add(target)
    wanted = set(stated)
    for document_key, claim_key in list(stated):
        wanted.update((document_key, other) for other in neighbours.get(claim_key, ()))
    pairs = {}
    for document_key, claim_key in wanted:
        found = tuple(stated.get((document_key, claim_key), ()))
        denials = [
            m
            for wider in sorted(broader.get(claim_key, ()))
            for m in stated.get((document_key, wider), ())
            if mention_stance(m.claim) is Stance.REFUTES
        ]
        if found and any(m.claim.sentence_index < LEAD_SENTENCES for m in denials):
            found += tuple(denials)
        text = texts[claim_key]
        pairs[(document_key, claim_key)] = _Pair(
            document_key, claim_key, text, found, _digest(text, documents[document_key], found)
        )
    return pairs


def _batches(items: Sequence[_Pair], size: int) -> Iterator[Sequence[_Pair]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _read_stances(  # noqa: PLR0913, PLR0917 - the run's state, passed rather than shared
    store: Store,
    load_model: ModelLoader,
    todo: Sequence[_Pair],
    documents: dict[int, Document],
    progress: Progress,
    report: MatchReport,
) -> None:
    progress.start("Reading stances", len(todo))
    try:
        model = load_model(store)
        for batch in _batches(todo, BATCH):
            rows, failed = _read_batch(model, batch, documents)
            with store.transaction() as repo:
                repo.put_stances(rows, datetime.now(UTC))
            report.stances += len(rows)
            report.failures.extend(failed)
            progress.advance(len(batch))
    finally:
        progress.finish()


def _read_batch(
    model: StanceModel, batch: Sequence[_Pair], documents: dict[int, Document]
) -> tuple[list[StanceRow], list[tuple[str, str]]]:
    """Readings of a batch; if the batch fails, each pair alone, failures named."""
    try:
        predictions = model.predict(
            [(p.claim_text, _model_text(documents[p.document_key])) for p in batch]
        )
    except Exception:
        if len(batch) == 1:
            raise
        rows: list[StanceRow] = []
        failed: list[tuple[str, str]] = []
        for pair in batch:
            try:
                rows.extend(_read_batch(model, [pair], documents)[0])
            except Exception as exc:
                where = f"{format_id(IdKind.DOCUMENT, pair.document_key)} on "
                where += format_id(IdKind.CLAIM, pair.claim_key)
                failed.append((where, f"{type(exc).__name__}: {exc}"))
        return rows, failed
    rows = []
    for pair, prediction in zip(batch, predictions, strict=True):
        reading = read_stance([m.claim for m in pair.mentions], prediction)
        stance = DocumentStance(
            document_key=pair.document_key,
            claim_key=pair.claim_key,
            stance=reading.stance,
            score=reading.score,
            basis=reading.basis,
            model_stance=prediction.label,
            probabilities=dict(prediction.probabilities),
            model=model.version,
        )
        rows.append(StanceRow(stance, pair.digest))
    return rows, []
