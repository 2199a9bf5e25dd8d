"""Match: mentions of one claim across documents, and each document's stance toward it.

Filled by the claim-matching work; a pure stage over mentions.
"""
