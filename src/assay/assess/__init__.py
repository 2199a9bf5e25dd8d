"""Assess: probability, ICD 203 word, confidence, drivers and competing hypotheses per claim.

Filled by the assessment work; a pure stage over graded lines of reporting.
"""
