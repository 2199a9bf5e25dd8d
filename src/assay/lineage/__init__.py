"""Lineage: which documents took their account of a claim from which.

The independent lines of reporting that remain once copies, rewrites and citations are
followed back to their origins.
"""

from assay.lineage.edges import LineageInputs, find_edges, publication_order
from assay.lineage.evidence import Publisher, Telling, speaker_state, telling
from assay.lineage.lines import Reading, trace_lines

__all__ = [
    "LineageInputs",
    "Publisher",
    "Reading",
    "Telling",
    "find_edges",
    "publication_order",
    "speaker_state",
    "telling",
    "trace_lines",
]
