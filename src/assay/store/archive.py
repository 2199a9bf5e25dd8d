"""The evidence archive: raw bytes stored under their SHA-256.

Items live at ``archive/sha256/ab/cd/abcd...``: two levels of sharding keep folders
small at millions of items. A write goes to a temporary file in the same file
system, is flushed and fsynced, then renamed into place, and the folder is fsynced,
so an item is either whole or absent after a crash. Every read re-hashes the bytes:
evidence that no longer matches its name is reported, never silently served.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from assay.errors import ArchiveIntegrityError

_CHUNK = 1024 * 1024


def sha256_hex(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Archive:
    """Content-addressed storage of raw bytes under a project's ``archive/`` folder."""

    def __init__(self, root: Path) -> None:
        """Use ``root`` (created on first write) as the archive folder."""
        self.root = root
        self._items = root / "sha256"
        self._tmp = root / "tmp"
        self._unsynced: set[Path] = set()

    def path_for(self, digest: str) -> Path:
        """Where the item with hex SHA-256 ``digest`` lives."""
        return self._items / digest[:2] / digest[2:4] / digest

    def contains(self, digest: str) -> bool:
        """True when an item of that digest is on disk (its bytes are not checked)."""
        return self.path_for(digest).is_file()

    def put(self, data: bytes, *, defer_sync: bool = False) -> str:
        """Store ``data`` atomically and return its digest; storing it again is a no-op.

        With ``defer_sync`` the folder holding the new file is fsynced later, by
        :meth:`sync`, once for a whole batch: call it before committing any record
        that names the item.
        """
        digest = sha256_hex(data)
        target = self.path_for(digest)
        if target.is_file():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        self._tmp.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self._tmp, prefix=digest[:8], suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        if defer_sync:
            self._unsynced.add(target.parent)
        else:
            _fsync_dir(target.parent)
        return digest

    def sync(self) -> None:
        """Fsync every folder that received a file since the last sync."""
        for folder in sorted(self._unsynced):
            _fsync_dir(folder)
        self._unsynced.clear()

    def get(self, digest: str) -> bytes:
        """Return the bytes stored under ``digest``, re-hashed; raise if missing or altered."""
        path = self.path_for(digest)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise ArchiveIntegrityError(f"archive item {digest} is missing ({path})") from None
        actual = sha256_hex(data)
        if actual != digest:
            raise ArchiveIntegrityError(
                f"archive item {digest} no longer matches its hash (now {actual}); "
                f"the file {path} was altered"
            )
        return data

    def check(self, digest: str) -> str | None:
        """Re-hash one item in chunks: None if intact, else ``"missing"`` or ``"altered"``."""
        path = self.path_for(digest)
        hasher = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(_CHUNK):
                    hasher.update(chunk)
        except FileNotFoundError:
            return "missing"
        return None if hasher.hexdigest() == digest else "altered"

    def iter_digests(self) -> Iterator[str]:
        """Every digest with a file in the archive, in sorted order."""
        if not self._items.is_dir():
            return
        for path in sorted(self._items.glob("*/*/*")):
            if path.is_file():
                yield path.name

    def bytes_on_disk(self) -> int:
        """Total size of the stored items."""
        return sum(self.path_for(digest).stat().st_size for digest in self.iter_digests())
