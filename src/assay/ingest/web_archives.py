"""WARC files: each archived HTML, PDF or text response becomes an item of its own.

Records keep the WARC's own capture time and target URL, so a page archived in
2024 is dated 2024 in assay, whatever day the WARC is added. The file is read as a
stream, record by record; only payloads under the size cap are held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from assay.errors import InputError, ReasonCode
from assay.records import CaptureOrigin, SourceItem

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
_PAYLOAD_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain")


def is_web_archive(path: Path, head: bytes) -> bool:
    """True when the file is a WARC, by its name or its first bytes."""
    name = path.name.lower()
    return name.endswith(WARC_SUFFIXES) or head.startswith(b"WARC/")


def _capture_time(value: str | None) -> datetime:
    if value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.now(UTC)


def read_web_archive(path: Path, max_bytes: int) -> Iterator[SourceItem | InputError]:
    """Yield an item per document response in the WARC at ``path`` (or an error per bad record)."""
    source = str(path)
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode()
                media_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0]
                if status != "200" or media_type.strip().lower() not in _PAYLOAD_TYPES:
                    continue
                record_id = record.rec_headers.get_header("WARC-Record-ID") or "record"
                item_source = f"{source}#{record_id.strip('<>')}"
                payload = record.content_stream().read(max_bytes + 1)
                if len(payload) > max_bytes:
                    yield InputError(
                        item_source,
                        f"the record's payload is over {max_bytes:,} bytes",
                        reason=ReasonCode.TOO_LARGE,
                    )
                    continue
                yield SourceItem(
                    source=item_source,
                    raw=payload,
                    captured_at=_capture_time(record.rec_headers.get_header("WARC-Date")),
                    media_type_hint=media_type.strip().lower(),
                    final_url=record.rec_headers.get_header("WARC-Target-URI"),
                    origin=CaptureOrigin.WARC_RECORD,
                )
    except ArchiveLoadFailed as exc:
        yield InputError(
            source, f"is not a readable web archive: {exc}", reason=ReasonCode.UNREADABLE
        )
