"""A claim read out of the store with every document bearing on it.

For the stages after matching and for front ends.
"""

from __future__ import annotations

from assay.records import ClaimDetail, ClaimDocument, Mention, RelatedClaim
from assay.store.repository import Repository


def read_claim(repo: Repository, key: int) -> ClaimDetail | None:
    """Claim ``key``: documents oldest first (undated last), their mentions, linked claims.

    None when no document states the claim.
    """
    found = repo.list_claims([key])
    if not found:
        return None
    mentions = repo.list_mentions(keys=repo.claim_mention_keys(key))
    readings = repo.claim_stances(key)
    documents = {
        d.key: d for d in (repo.get_document(r.document_key) for r in readings) if d is not None
    }
    # A stage link runs both ways between two claims; show the other claim once.
    related: list[RelatedClaim] = []
    for link in repo.related_claims(key):
        if link.kind == "stage" and any(
            seen.kind == "stage" and seen.claim.key == link.claim.key for seen in related
        ):
            continue
        related.append(link)
    by_document: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_document.setdefault(mention.document_key, []).append(mention)
    rows = [
        ClaimDocument(documents[r.document_key], r, by_document.get(r.document_key, []))
        for r in readings
        if r.document_key in documents
    ]
    rows.sort(
        key=lambda row: (
            row.document.published is None,
            row.document.published or "",
            row.document.key,
        )
    )
    return ClaimDetail(found[0], rows, related)
