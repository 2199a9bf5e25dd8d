"""Lineage: the trace stage — between documents (copies, rewrites, citations) and independent lines.

Filled by the lineage work; a pure stage over documents and mentions.
"""
