"""Bad input never crashes a batch, never loses anything, and is named with its reason."""

import socket
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.conftest import write_page

import assay
from assay.errors import ReasonCode, StoreLockedError
from assay.ingest import ParseLimits, parse_or_fail
from assay.records import IngestFailure, SourceItem

TABLES = ("outlets", "documents", "captures", "ingest_failures", "custody_log")


def row_counts(project: assay.Project) -> dict[str, int]:
    with project.store.engine.connect() as connection:
        return {
            table: int(connection.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar_one())
            for table in TABLES
        }


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    """A socket file: a path that exists but whose bytes cannot be read, even by root."""
    path = tmp_path / "inbox" / "socket.html"
    path.parent.mkdir(exist_ok=True)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    try:
        yield path
    finally:
        server.close()


def make_bad_inputs(folder: Path) -> dict[str, ReasonCode]:
    """Write one file per kind of bad input; return file name -> expected reason."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\t \n")
    (folder / "binary.txt").write_bytes(b"abc\x00\x01\x02" * 50)
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "garbled.txt").write_bytes(
        b"Hello \xff\xfe\xfd\xfc world " * 3 + bytes(range(0x80, 0xA0)) * 4
    )
    (folder / "furniture.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2026</footer></body></html>",
        encoding="utf-8",
    )
    return {
        "empty.txt": ReasonCode.EMPTY,
        "blank.txt": ReasonCode.EMPTY,
        "binary.txt": ReasonCode.BINARY,
        "image.html": ReasonCode.UNSUPPORTED_FORMAT,
        "garbled.txt": ReasonCode.BAD_ENCODING,
        "furniture.html": ReasonCode.NO_TEXT,
    }


def test_each_bad_input_is_named_with_its_reason_and_the_rest_is_added(
    project: assay.Project, pages: Path, unix_socket: Path
) -> None:
    inbox = unix_socket.parent
    expected = make_bad_inputs(inbox)
    expected[unix_socket.name] = ReasonCode.UNREADABLE
    missing = str(inbox / "missing.html")
    report = project.add([pages, inbox, missing])

    assert not report.ok
    reasons = {Path(f.source).name: f.reason for f in report.failures}
    assert reasons == {**expected, "missing.html": ReasonCode.NOT_FOUND}
    for failure in report.failures:
        assert failure.source.endswith(Path(failure.source).name)
        assert failure.message
    assert len(report.added) == 3
    assert len(project.documents()) == 3
    assert all(doc.text.strip() for doc in project.documents())
    assert project.verify().ok


def test_failures_are_recorded_once_and_readable_bytes_are_archived(
    project: assay.Project, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    make_bad_inputs(inbox)
    project.add([inbox])
    first = row_counts(project)
    recorded = project.failures()
    assert {f.reason for f in recorded} >= {ReasonCode.BINARY, ReasonCode.NO_TEXT}
    archived = {f.raw_sha256 for f in recorded if f.raw_sha256}
    assert len(archived) == 4  # binary, image, garbled, furniture: bytes kept as evidence
    for digest in archived:
        assert project.store.archive.contains(digest)
    assert first["documents"] == 0

    again = project.add([inbox])
    assert not again.ok
    assert row_counts(project) == first


def test_a_file_over_the_size_cap_is_refused_unread(project_dir: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024 // 5 + 10))
    with assay.Project.open(project_dir, create=True, overrides={"max_input_mb": 1}) as project:
        report = project.add([big])
    assert [f.reason for f in report.failures] == [ReasonCode.TOO_LARGE]
    assert "over the 1,048,576-byte limit" in report.failures[0].message


def test_a_broken_link_is_not_found(project: assay.Project, tmp_path: Path) -> None:
    link = tmp_path / "dangling.html"
    link.symlink_to(tmp_path / "nowhere.html")
    report = project.add([link])
    assert [f.reason for f in report.failures] == [ReasonCode.NOT_FOUND]
    assert "broken link" in report.failures[0].message


def test_a_pathologically_nested_page_is_a_recorded_failure_and_the_batch_goes_on(
    project: assay.Project, tmp_path: Path
) -> None:
    # A page nested far deeper than the HTML parser's limits: trafilatura gives up on it.
    deep = tmp_path / "deep.html"
    deep.write_text(
        "<html><body>" + "<div>" * 300_000 + "text" + "</body></html>", encoding="utf-8"
    )
    write_page(tmp_path, "fine.html")
    report = project.add([deep, tmp_path / "fine.html"])
    assert len(report.added) == 1
    assert [Path(f.source).name for f in report.failures] == ["deep.html"]
    assert report.failures[0].reason is ReasonCode.LIMIT_REACHED


def test_an_unexpected_parser_crash_becomes_a_parse_error_record() -> None:
    broken = SourceItem("broken.html", None, datetime.now(UTC))  # type: ignore[arg-type]
    fine = SourceItem(
        "fine.txt", b"A plain note with enough words to be a document.", datetime.now(UTC)
    )
    limits = ParseLimits(min_text_chars=10)
    results = [parse_or_fail(broken, limits), parse_or_fail(fine, limits)]
    assert isinstance(results[0], IngestFailure)
    assert results[0].reason is ReasonCode.PARSE_ERROR
    assert "TypeError" in results[0].message
    assert not isinstance(results[1], IngestFailure)


def test_a_store_locked_by_another_writer_is_a_clear_store_error_and_loses_nothing(
    project_dir: Path, pages: Path
) -> None:
    with assay.Project.open(project_dir, create=True, overrides={"busy_timeout_ms": 50}) as project:
        holder = sqlite3.connect(project_dir / "assay.db", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreLockedError, match="locked by another process") as info:
                project.add([pages])
            assert info.value.hint is not None
            assert "ASSAY_BUSY_TIMEOUT_MS" in info.value.hint
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert project.documents() == []
        report = project.add([pages])
        assert len(report.added) == 3
        assert project.verify().ok
