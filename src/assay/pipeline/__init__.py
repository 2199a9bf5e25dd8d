"""Running the stages over the store, and recording the provenance of what they make.

Stages are plain functions; this package feeds them from the store and writes their
results back, in batches, each batch one transaction and each item a savepoint, so
an item that fails leaves no trace but its recorded failure, and a crash or Ctrl-C
leaves the store as it was after the last whole batch.
"""

from assay.pipeline.claiming import match_claims
from assay.pipeline.extraction import extract_documents
from assay.pipeline.ingestion import ingest_sources
from assay.pipeline.options import IngestOptions
from assay.pipeline.refetching import refetch_documents

__all__ = [
    "IngestOptions",
    "extract_documents",
    "ingest_sources",
    "match_claims",
    "refetch_documents",
]
