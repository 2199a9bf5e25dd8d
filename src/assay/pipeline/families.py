"""Keeping near-duplicate families up to date after documents are added."""

from __future__ import annotations

from assay.ingest.near_duplicates import SCHEME, families, find_similar, signatures
from assay.store import Store


def update_families(store: Store) -> int:
    """Sign new documents, find their near-duplicates, and regroup families; return new pairs."""
    with store.transaction() as repo:
        unsigned = repo.documents_without_signature(SCHEME)
        if not unsigned:
            return 0
        known = repo.signatures(SCHEME)
    new = dict(
        zip((key for key, _ in unsigned), signatures([text for _, text in unsigned]), strict=True)
    )
    pairs = find_similar(known, new)
    with store.transaction() as repo:
        for key, value in new.items():
            repo.save_signature(key, SCHEME, value)
        for pair in pairs:
            repo.save_near_duplicate(pair.first, pair.second, pair.similarity)
        grouped = families(repo.near_duplicate_pairs())
        repo.set_families(dict(grouped))
    return len(pairs)
