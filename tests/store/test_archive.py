import hashlib
from pathlib import Path

import pytest

from assay.errors import ArchiveIntegrityError
from assay.store.archive import Archive


def test_put_stores_bytes_under_their_sha256_in_sharded_folders(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    data = b"evidence bytes"
    digest = archive.put(data)
    assert digest == hashlib.sha256(data).hexdigest()
    path = archive.path_for(digest)
    assert path == tmp_path / "archive" / "sha256" / digest[:2] / digest[2:4] / digest
    assert path.read_bytes() == data
    assert archive.get(digest) == data


def test_put_is_idempotent_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    first = archive.put(b"same")
    second = archive.put(b"same")
    assert first == second
    assert list(archive.iter_digests()) == [first]
    assert list((tmp_path / "archive" / "tmp").iterdir()) == []


def test_get_rehashes_and_refuses_altered_bytes(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    digest = archive.put(b"original")
    archive.path_for(digest).write_bytes(b"tampered")
    with pytest.raises(ArchiveIntegrityError, match="no longer matches"):
        archive.get(digest)
    assert archive.check(digest) == "altered"


def test_missing_item_is_reported(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    digest = archive.put(b"soon gone")
    archive.path_for(digest).unlink()
    assert archive.check(digest) == "missing"
    with pytest.raises(ArchiveIntegrityError, match="missing"):
        archive.get(digest)


def test_bytes_on_disk_counts_every_item(tmp_path: Path) -> None:
    archive = Archive(tmp_path / "archive")
    archive.put(b"a" * 10)
    archive.put(b"b" * 5)
    assert archive.bytes_on_disk() == 15
