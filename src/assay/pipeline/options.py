"""The options of an ingest run, built from the project's settings and the caller's choices."""

from __future__ import annotations

from dataclasses import dataclass, field

from assay.ingest.address_policy import AddressPolicy, AllowAllAddresses
from assay.ingest.fetching import FetchOptions
from assay.ingest.parsing import ParseLimits
from assay.settings import Settings


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Everything an ingest run needs besides its inputs."""

    workers: int = 1
    max_input_bytes: int = 50 * 1024 * 1024
    limits: ParseLimits = field(default_factory=ParseLimits)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    policy: AddressPolicy = field(default_factory=AllowAllAddresses)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        respect_robots: bool = True,
        policy: AddressPolicy | None = None,
    ) -> IngestOptions:
        """Options from the project's settings, robots choice and address policy."""
        return cls(
            workers=settings.worker_count,
            max_input_bytes=settings.max_input_bytes,
            limits=ParseLimits(
                min_text_chars=settings.min_text_chars,
                deadline_s=float(settings.parse_timeout_s),
                memory_mb=settings.parse_memory_mb,
            ),
            fetch=FetchOptions(
                deadline_s=float(settings.fetch_timeout_s),
                max_bytes=settings.max_input_bytes,
                per_host=settings.per_host,
                respect_robots=respect_robots,
            ),
            policy=policy or AllowAllAddresses(),
        )
