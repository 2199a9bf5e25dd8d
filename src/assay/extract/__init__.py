"""Extract: sentences to typed claim mentions (who, to whom, what, how said, on what basis).

Filled by the claim-extraction work; a pure stage over documents and a pack.
"""
