"""assay: weigh the evidence behind claims in the news.

The public API is this namespace: ``assay.open(path)`` returns a :class:`Project`
whose methods are the operations the ``assay`` command runs.
"""

from assay.errors import (
    AssayError,
    ConfigError,
    InputError,
    NotFoundError,
    ReasonCode,
    StoreError,
    StoreVersionError,
)
from assay.progress import NullProgress, Progress, RecordedProgress
from assay.project import Project
from assay.project import open_project as open  # noqa: A004 - assay.open mirrors sqlite3-style APIs
from assay.records import (
    Capture,
    CustodyEvent,
    Document,
    DocumentDetail,
    IngestFailure,
    IngestReport,
    Outlet,
    OutletDetail,
    VerifyReport,
)
from assay.settings import Settings
from assay.version import __version__

__all__ = [
    "AssayError",
    "Capture",
    "ConfigError",
    "CustodyEvent",
    "Document",
    "DocumentDetail",
    "IngestFailure",
    "IngestReport",
    "InputError",
    "NotFoundError",
    "NullProgress",
    "Outlet",
    "OutletDetail",
    "Progress",
    "Project",
    "ReasonCode",
    "RecordedProgress",
    "Settings",
    "StoreError",
    "StoreVersionError",
    "VerifyReport",
    "__version__",
    "open",
]
