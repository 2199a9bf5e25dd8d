"""Grade: Admiralty reliability of sources and credibility of each line of reporting.

Filled by the assessment work; a pure stage over outlets and lines.
"""
