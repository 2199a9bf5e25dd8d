from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from assay.ingest.timestamps import normalise_timestamp


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14T09:30:00+0000", "2026-03-14T09:30:00Z"),
        ("2026-03-14T11:30:00+02:00", "2026-03-14T09:30:00Z"),
        ("2026-03-14T09:30:00Z", "2026-03-14T09:30:00Z"),
        ("2026-03-14", "2026-03-14"),
        (date(2026, 3, 14), "2026-03-14"),
        (datetime(2026, 3, 14, 9, 30, tzinfo=UTC), "2026-03-14T09:30:00Z"),
        (
            datetime(2026, 3, 14, 12, 30, tzinfo=timezone(timedelta(hours=3))),
            "2026-03-14T09:30:00Z",
        ),
        (datetime(2026, 3, 14, 9, 30), "2026-03-14T09:30:00Z"),
        ("last Tuesday", None),
        ("2026-13-40", None),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_timestamps_become_utc_iso_strings(value: object, expected: object) -> None:
    assert normalise_timestamp(value) == expected
