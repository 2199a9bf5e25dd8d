"""Decoding HTTP bodies with a hard cap on the bytes that come out.

A compressed body is counted after decoding: a 40 kB gzip or brotli "bomb" expands
to gigabytes, and a cap on the wire size would let it through. Each decoder here
produces at most the bytes still allowed, so memory never exceeds the cap, and a
chain of more than a few stacked encodings is refused outright.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Protocol

import brotli

SUPPORTED_ENCODINGS = ("gzip", "deflate", "br")
ACCEPT_ENCODING = ", ".join(SUPPORTED_ENCODINGS)


class BodyTooLargeError(Exception):
    """The decoded body grew past the cap."""


class UnsupportedEncodingError(Exception):
    """The server used an encoding assay did not ask for, or stacked too many."""


class _Decoder(Protocol):
    def decode(self, data: bytes, limit: int) -> bytes: ...

    def flush(self, limit: int) -> bytes: ...


class _ZlibDecoder:
    def __init__(self, wbits: int) -> None:
        self._inner = zlib.decompressobj(wbits)
        self._pending = b""

    def decode(self, data: bytes, limit: int) -> bytes:
        out = self._inner.decompress(self._pending + data, limit + 1)
        self._pending = self._inner.unconsumed_tail
        if len(out) > limit:
            raise BodyTooLargeError
        return out

    def flush(self, limit: int) -> bytes:
        out = self.decode(b"", limit) if self._pending else b""
        rest = self._inner.flush()
        if len(out) + len(rest) > limit:
            raise BodyTooLargeError
        return out + rest


class _BrotliDecoder:
    def __init__(self) -> None:
        self._inner = brotli.Decompressor()

    def decode(self, data: bytes, limit: int) -> bytes:
        out = self._inner.process(data, output_buffer_limit=limit + 1)
        while len(out) <= limit and not self._inner.can_accept_more_data():
            out += self._inner.process(b"", output_buffer_limit=limit + 1 - len(out))
        if len(out) > limit:
            raise BodyTooLargeError
        return bytes(out)

    def flush(self, limit: int) -> bytes:
        return b""


def _decoder_for(name: str) -> _Decoder:
    if name in {"gzip", "x-gzip"}:
        return _ZlibDecoder(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return _ZlibDecoder(zlib.MAX_WBITS)
    if name == "br":
        return _BrotliDecoder()
    raise UnsupportedEncodingError(f"content encoding {name!r} is not one assay accepts")


def parse_encodings(header: str | None, max_layers: int) -> list[str]:
    """The encodings of a Content-Encoding header, in the order they were applied."""
    names = [part.strip().lower() for part in (header or "").split(",")]
    names = [name for name in names if name and name != "identity"]
    if len(names) > max_layers:
        raise UnsupportedEncodingError(
            f"{len(names)} stacked content encodings ({', '.join(names)}); at most "
            f"{max_layers} are accepted"
        )
    return names


class BoundedBody:
    """Accumulates a body from raw chunks, decoding each layer, never past ``limit`` bytes."""

    def __init__(self, encodings: Sequence[str], limit: int) -> None:
        """Decode ``encodings`` (outermost last, as in the header) with ``limit`` output bytes."""
        self.limit = limit
        self._decoders = [_decoder_for(name) for name in reversed(encodings)]
        self._body = bytearray()

    def feed(self, raw: bytes) -> None:
        """Decode one raw chunk; raise BodyTooLargeError once the body passes the limit."""
        data = raw
        for decoder in self._decoders:
            data = decoder.decode(data, self.limit - len(self._body))
        self._append(data)

    def finish(self) -> bytes:
        """Flush the decoders and return the whole decoded body."""
        data = b""
        for decoder in self._decoders:
            data = decoder.decode(data, self.limit - len(self._body)) if data else b""
            data += decoder.flush(self.limit - len(self._body) - len(data))
        self._append(data)
        return bytes(self._body)

    def _append(self, data: bytes) -> None:
        if len(self._body) + len(data) > self.limit:
            raise BodyTooLargeError
        self._body += data
