"""The one error tree of assay.

Every error assay raises on purpose is an :class:`AssayError`. Front ends translate
the tree once at their boundary (the CLI maps each branch to an exit code)::

    AssayError
      InputError (.source: the file or URL, .reason: a ReasonCode)
        SourceNotFoundError, UnreadableDocumentError, UnsupportedFormatError, FetchError
      ConfigError, NotFoundError (unknown claim, document or outlet ID)
      PackError > InvalidPackError
      StoreError > StoreVersionError, StoreLockedError, ArchiveIntegrityError

Messages name the thing at fault and how to fix it; ``hint`` carries the fix on its
own so that a front end can show it apart from the message.
"""

from __future__ import annotations

from enum import StrEnum


class ReasonCode(StrEnum):
    """Why one input could not become a document; stored with each recorded failure."""

    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    BINARY = "binary"
    UNSUPPORTED_FORMAT = "unsupported_format"
    BAD_ENCODING = "bad_encoding"
    NO_TEXT = "no_text"
    PARSE_ERROR = "parse_error"
    TIMEOUT = "timeout"
    MEMORY_LIMIT = "memory_limit"
    ENCRYPTED = "encrypted"
    LIMIT_REACHED = "limit_reached"
    HTTP_ERROR = "http_error"
    NETWORK_ERROR = "network_error"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    ROBOTS_DISALLOWED = "robots_disallowed"
    ADDRESS_FORBIDDEN = "address_forbidden"
    UNSAFE_XML = "unsafe_xml"
    STORE_ERROR = "store_error"


class AssayError(Exception):
    """Base of every error assay raises on purpose; catch this at a boundary."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        """Keep the message and an optional hint on how to fix it."""
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(AssayError):
    """One input (file, folder, URL) is bad; the rest of a batch still runs.

    ``source`` names the input and ``reason`` is the recorded reason code. Fix or drop
    that input and add it again.
    """

    reason: ReasonCode = ReasonCode.UNREADABLE

    def __init__(
        self,
        source: str,
        message: str,
        *,
        reason: ReasonCode | None = None,
        hint: str | None = None,
    ) -> None:
        """Name the bad ``source``, say what is wrong with it, and how to fix it."""
        super().__init__(f"{source}: {message}", hint=hint)
        self.source = source
        self.detail = message
        if reason is not None:
            self.reason = reason


class SourceNotFoundError(InputError):
    """The path or glob names nothing; check the spelling or the working directory."""

    reason = ReasonCode.NOT_FOUND


class UnreadableDocumentError(InputError):
    """The input exists but its bytes cannot be read or decoded into text."""

    reason = ReasonCode.UNREADABLE


class UnsupportedFormatError(InputError):
    """The input is a kind of file assay does not read (an image, an archive ...)."""

    reason = ReasonCode.UNSUPPORTED_FORMAT


class FetchError(InputError):
    """A URL could not be fetched; the message says what the server or network did.

    It is an InputError because a URL that fails is one bad input of a batch: it is
    recorded with its reason and the rest of the batch goes on.
    """

    reason = ReasonCode.NETWORK_ERROR


class ConfigError(AssayError):
    """A setting has a bad value.

    The message names the setting, where it came from and the valid values.
    """


class NotFoundError(AssayError):
    """An ID (D12, O3, C12) names nothing in this project; list them with `assay documents`."""


class PackError(AssayError):
    """A domain pack could not be found or loaded."""


class InvalidPackError(PackError):
    """A pack's data file is malformed.

    The message names the file, the line and the valid options.
    """


class StoreError(AssayError):
    """The project store cannot be opened, read or written."""


class StoreVersionError(StoreError):
    """The store was made by a version of assay this one cannot read or upgrade."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock for longer than the busy timeout."""


class ArchiveIntegrityError(StoreError):
    """Archived bytes no longer hash to their name: the evidence was altered or damaged."""
