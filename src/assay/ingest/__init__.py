"""Ingest: turn inputs (files, folders, globs) into raw items and parsed documents.

This stage reads the world (the file system) but writes nothing: the pipeline
archives what it returns and stores it. Parsing is a pure function of the bytes,
so it runs in worker processes and gives the same document on every machine.
"""

from assay.ingest.outlets import outlet_identity
from assay.ingest.parsing import PARSER_NAME, ParseLimits, ParserPool, parse_item, parse_or_fail
from assay.ingest.reading import read_source
from assay.ingest.sources import ExpandedSources, expand_sources

__all__ = [
    "PARSER_NAME",
    "ExpandedSources",
    "ParseLimits",
    "ParserPool",
    "expand_sources",
    "outlet_identity",
    "parse_item",
    "parse_or_fail",
    "read_source",
]
