"""Publication times as ISO 8601 strings: UTC with seconds when known, else a bare date."""

from __future__ import annotations

from datetime import UTC, date, datetime

_DATE_LENGTH = len("2026-01-31")


def _format(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _parse(text: str) -> datetime | date | None:
    if len(text) == _DATE_LENGTH:
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    for pattern in (None, "%Y-%m-%dT%H:%M:%S%z"):
        try:
            return (
                datetime.fromisoformat(text)
                if pattern is None
                else datetime.strptime(text, pattern)
            )
        except ValueError:
            continue
    return None


def normalise_timestamp(value: object) -> str | None:
    """Return ``value`` (a string, date or datetime) as ISO 8601, or None if it is not a time."""
    if isinstance(value, str):
        value = _parse(value.strip())
    if isinstance(value, datetime):
        return _format(value)
    if isinstance(value, date):
        return value.isoformat()
    return None
