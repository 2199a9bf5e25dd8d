"""Grading: Admiralty reliability of outlets and credibility of lines of reporting."""

from assay.grade.admiralty import credibility, default_grade, grade_lines

__all__ = ["credibility", "default_grade", "grade_lines"]
