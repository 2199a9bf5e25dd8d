"""Checking the evidence: re-hash every archived item and walk the custody chain."""

from __future__ import annotations

from assay.progress import Progress
from assay.records import ArchiveProblem, VerifyReport
from assay.store import Store, check_custody_chain


def verify_store(store: Store, progress: Progress) -> VerifyReport:
    """Re-hash every item the store refers to and check the custody log's hash chain.

    Items on disk that no record refers to are listed too: they are harmless (a
    crash between archiving and committing leaves one) but worth knowing about.
    """
    with store.transaction() as repo:
        referenced = repo.archived_sources()
        events = repo.custody_events()
    problems = []
    progress.start("Verifying archive", len(referenced))
    try:
        for digest, sources in sorted(referenced.items()):
            problem = store.archive.check(digest)
            if problem is not None:
                problems.append(ArchiveProblem(digest, problem, sources))
            progress.advance()
    finally:
        progress.finish()
    unreferenced = [d for d in store.archive.iter_digests() if d not in referenced]
    return VerifyReport(
        checked=len(referenced),
        problems=problems,
        custody_events=len(events),
        custody_problems=check_custody_chain(events),
        unreferenced=unreferenced,
    )
