"""The Project façade: the one object every front end talks to.

The CLI, the Python API, the web app and batch runs all open a :class:`Project`
and call its methods; nothing else opens the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from assay.errors import ConfigError, NotFoundError
from assay.ids import IdKind, format_id, parse_id
from assay.ingest.address_policy import AddressPolicy
from assay.packs import Pack, load_packs
from assay.pipeline import (
    IngestOptions,
    extract_documents,
    ingest_sources,
    match_claims,
    refetch_documents,
)
from assay.pipeline.assessing import (
    graded_outlets,
)
from assay.pipeline.claim_reading import read_claim
from assay.progress import NullProgress, Progress
from assay.project_analysis import AnalysisMethods
from assay.records import (
    ClaimDetail,
    ClaimSummary,
    Document,
    DocumentDetail,
    ExtractReport,
    IngestFailure,
    IngestReport,
    MatchReport,
    Mention,
    Outlet,
    OutletDetail,
    RefetchReport,
    TrackRecord,
    VerifyReport,
)
from assay.settings import Settings, load_settings
from assay.store import Store
from assay.store.verification import verify_store


class Project(AnalysisMethods):
    """A project folder: its store, its archive and its settings."""

    def __init__(self, store: Store, settings: Settings) -> None:
        """Wrap an open store; use :meth:`open` or :func:`assay.open` rather than this."""
        self.store = store
        self.settings = settings
        self._packs: list[Pack] | None = None

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = False,
        overrides: Mapping[str, object] | None = None,
    ) -> Project:
        """Open the project in ``path``; with ``create``, make it first if it does not exist."""
        project_dir = Path(path).expanduser()
        settings = load_settings(project_dir if project_dir.is_dir() else None, overrides=overrides)
        store = Store(project_dir, create=create, busy_timeout_ms=settings.busy_timeout_ms)
        return cls(store, settings)

    @property
    def path(self) -> Path:
        """The project folder."""
        return self.store.project_dir

    def __enter__(self) -> Project:
        """Use the project in a ``with`` block; it is closed at the end."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Close the project."""
        self.close()

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    def add(
        self,
        inputs: Sequence[str | Path],
        progress: Progress | None = None,
        *,
        respect_robots: bool = True,
        policy: AddressPolicy | None = None,
    ) -> IngestReport:
        """Ingest files, folders, globs, URLs, feeds, OPML lists and web archives.

        Adding the same inputs again changes nothing (a feed is polled again and only
        its new entries are added). ``policy`` limits which addresses URLs may reach.
        """
        sources = [str(value) for value in inputs]
        options = IngestOptions.from_settings(
            self.settings, respect_robots=respect_robots, policy=policy
        )
        return ingest_sources(self.store, sources, options, progress or NullProgress())

    def refetch(
        self,
        document_ids: Sequence[str] = (),
        progress: Progress | None = None,
        *,
        respect_robots: bool = True,
        policy: AddressPolicy | None = None,
    ) -> RefetchReport:
        """Fetch stored URLs again (all, or the given documents); changed texts become versions."""
        keys = [self._key(value, IdKind.DOCUMENT) for value in document_ids] or None
        options = IngestOptions.from_settings(
            self.settings, respect_robots=respect_robots, policy=policy
        )
        return refetch_documents(self.store, options, progress or NullProgress(), keys)

    def documents(self) -> list[Document]:
        """Every document, in the order it was added."""
        with self.store.transaction() as repo:
            return repo.list_documents()

    def document(self, document_id: str) -> DocumentDetail:
        """One document (``"D12"``) with its captures and custody events."""
        key = self._key(document_id, IdKind.DOCUMENT)
        with self.store.transaction() as repo:
            document = repo.get_document(key)
            if document is None:
                raise NotFoundError(
                    f"no document {format_id(IdKind.DOCUMENT, key)} in {self.path}",
                    hint="list documents with `assay documents`",
                )
            captures = repo.captures_of(key)
            custody = repo.custody_events(sorted({c.raw_sha256 for c in captures}))
            versions = repo.versions_of(key)
            near = repo.near_duplicates_of(key)
        return DocumentDetail(document, captures, custody, versions, near)

    def outlets(self) -> list[tuple[Outlet, int]]:
        """Every outlet with its number of documents and the grade in force.

        An outlet nobody has graded shows the pack's default grade for its kind.
        """
        return graded_outlets(self.store, self.pack())

    def outlet(self, outlet_id: str) -> OutletDetail:
        """One outlet (``"O3"``) with its documents."""
        key = self._key(outlet_id, IdKind.OUTLET)
        with self.store.transaction() as repo:
            outlet = repo.get_outlet(key)
            if outlet is None:
                raise NotFoundError(
                    f"no outlet {format_id(IdKind.OUTLET, key)} in {self.path}",
                    hint="list outlets with `assay outlets`",
                )
            detail = OutletDetail(
                outlet,
                repo.list_documents(outlet_key=key),
                repo.outlet_grades(key),
                repo.track_records().get(key, TrackRecord(key)),
            )
        [(current, _)] = [row for row in self.outlets() if row[0].key == key]
        return replace(detail, outlet=current)

    def show(self, record_id: str) -> DocumentDetail | OutletDetail | ClaimDetail:
        """The record an ID names, whatever its kind."""
        kind, _ = parse_id(record_id)
        if kind is IdKind.OUTLET:
            return self.outlet(record_id)
        if kind is IdKind.CLAIM:
            return self.claim(record_id)
        return self.document(record_id)

    def packs(self) -> list[Pack]:
        """The domain packs installed (through the ``assay.packs`` entry points), loaded once."""
        if self._packs is None:
            self._packs = load_packs()
        return list(self._packs)

    def pack(self) -> Pack:
        """The domain pack named by the ``pack`` setting."""
        packs = self.packs()
        for pack in packs:
            if pack.name == self.settings.pack:
                return pack
        names = ", ".join(p.name for p in packs) or "none"
        raise ConfigError(
            f"setting 'pack' names {self.settings.pack!r}, which is not installed "
            f"(installed: {names})"
        )

    def extract(
        self,
        document_ids: Sequence[str] = (),
        progress: Progress | None = None,
        *,
        force: bool = False,
    ) -> ExtractReport:
        """Find claim mentions in documents not yet extracted with this pack and extractor.

        With ``document_ids``, only those documents; with ``force``, again even if current.
        """
        keys = [self._key(value, IdKind.DOCUMENT) for value in document_ids] or None
        if keys is not None:
            with self.store.transaction() as repo:
                missing = [k for k in keys if repo.get_document(k) is None]
            if missing:
                raise NotFoundError(
                    f"no document {format_id(IdKind.DOCUMENT, missing[0])} in {self.path}",
                    hint="list documents with `assay documents`",
                )
        return extract_documents(
            self.store,
            self.pack(),
            progress or NullProgress(),
            workers=self.settings.worker_count,
            keys=keys,
            force=force,
        )

    def mentions(self, document_id: str | None = None) -> list[Mention]:
        """Every claim mention stored (or one document's), in document order."""
        if document_id is None:
            with self.store.transaction() as repo:
                return repo.list_mentions()
        key = self._key(document_id, IdKind.DOCUMENT)
        with self.store.transaction() as repo:
            if repo.get_document(key) is None:
                raise NotFoundError(
                    f"no document {format_id(IdKind.DOCUMENT, key)} in {self.path}",
                    hint="list documents with `assay documents`",
                )
            return repo.list_mentions(key)

    def match(self, progress: Progress | None = None, *, force: bool = False) -> MatchReport:
        """Group mentions into claims, link related claims, and read documents' stances.

        Only readings whose inputs changed are redone; ``force`` redoes them all.
        """
        return match_claims(self.store, self.pack(), progress or NullProgress(), force=force)

    def claims(self) -> list[ClaimSummary]:
        """Every claim some document states, with its documents, mentions and stances."""
        with self.store.transaction() as repo:
            return repo.list_claims()

    def claim(self, claim_id: str) -> ClaimDetail:
        """One claim (``"C12"``): every document bearing on it, its mentions, linked claims.

        Documents come oldest first by publication date (undated ones last), so the
        first listed is the earliest known telling.
        """
        key = self._key(claim_id, IdKind.CLAIM)
        with self.store.transaction() as repo:
            found = read_claim(repo, key)
        if found is None:
            raise self._no_claim(key)
        return found

    def failures(self) -> list[IngestFailure]:
        """Every input that failed to become a document, with its reason."""
        with self.store.transaction() as repo:
            return repo.list_failures()

    def verify(self, progress: Progress | None = None) -> VerifyReport:
        """Re-hash the whole archive and check the custody chain."""
        return verify_store(self.store, progress or NullProgress())

    @staticmethod
    def _key(record_id: str, expected: IdKind) -> int:
        kind, key = parse_id(record_id)
        if kind is not expected:
            raise NotFoundError(f"{record_id!r} is not a {expected.name.lower()} ID")
        return key


def open_project(path: str | Path, *, create: bool = False) -> Project:
    """Open (or with ``create``, make) the project in ``path``: ``assay.open("my-project")``."""
    return Project.open(path, create=create)
