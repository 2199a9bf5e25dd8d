"""Plain-text documents, with optional YAML front matter for their metadata.

A text file may open with a ``---`` block holding ``title``, ``url``, ``site_name``,
``author``, ``published`` and ``language``; analysts use it to keep where a pasted
article came from. Without it, a short first line is taken as the title, as in
text saved from a browser.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from assay.ingest.timestamps import normalise_timestamp

_FRONT_MATTER_FIELDS = ("title", "url", "site_name", "author", "published", "language")
_MAX_TITLE_CHARS = 200


@dataclass(frozen=True, slots=True)
class TextContent:
    """The body and metadata of a text document."""

    text: str
    metadata: dict[str, str]


def _split_front_matter(text: str) -> tuple[dict[str, object], str]:
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in {"---", "..."}:
            try:
                data = yaml.safe_load("\n".join(lines[1:index]))
            except yaml.YAMLError:
                return {}, text
            if not isinstance(data, dict):
                return {}, text
            return data, "\n".join(lines[index + 1 :])
    return {}, text


def read_text_document(text: str) -> TextContent:
    """Split ``text`` into its body and metadata."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front, body = _split_front_matter(text)
    metadata: dict[str, str] = {}
    for name in _FRONT_MATTER_FIELDS:
        value = front.get(name)
        if value is None or value == "":
            continue
        if name == "published":
            stamp = normalise_timestamp(value)
            if stamp:
                metadata[name] = stamp
        else:
            metadata[name] = str(value).strip()
    body = body.strip()
    if "title" not in metadata:
        first, _, rest = body.partition("\n")
        if first.strip() and len(first.strip()) <= _MAX_TITLE_CHARS and rest.strip():
            metadata["title"] = first.strip()
    return TextContent(body, metadata)
