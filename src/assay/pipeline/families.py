"""Keeping near-duplicate families up to date after documents are added."""

from __future__ import annotations

from collections.abc import Sequence

from assay.ingest.near_duplicates import SCHEME, families, find_similar, signatures
from assay.store import Store


def update_families(store: Store, new_keys: Sequence[int]) -> int:
    """Pair the new documents with all others and regroup families; return new pairs.

    New documents arrive signed by the parsing workers; documents signed under an
    older scheme (or never) are signed here and paired as if new.
    """
    with store.transaction() as repo:
        unsigned = repo.documents_without_signature(SCHEME)
        known = repo.signatures(SCHEME)
    signed = dict(
        zip((key for key, _ in unsigned), signatures([text for _, text in unsigned]), strict=True)
    )
    new = {key: known.pop(key) for key in new_keys if key in known} | signed
    if not new:
        return 0
    pairs = find_similar(known, new)
    with store.transaction() as repo:
        for key, value in signed.items():
            repo.save_signature(key, SCHEME, value)
        repo.save_near_duplicates([(p.first, p.second, p.similarity) for p in pairs])
        repo.set_families(families(repo.near_duplicate_pairs()))
    return len(pairs)
