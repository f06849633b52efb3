"""Numeric indicators: numbers with their unit, qualifier, direction and status (`pt.indicators`).

:func:`indicators` returns one row per quantity; :func:`find_numbers` and
:func:`parse_number` read the numerals themselves.
"""

from __future__ import annotations

from policytext.numeric.extract import (
    COLUMNS,
    KINDS,
    QUALIFIERS,
    STATUSES,
    indicator_records,
    indicators,
)
from policytext.numeric.numerals import Number, find_numbers, parse_number

__all__ = [
    "COLUMNS", "KINDS", "QUALIFIERS", "STATUSES", "Number", "find_numbers", "indicator_records", "indicators", "parse_number",
]
