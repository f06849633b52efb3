"""Numeric indicators: numbers with their unit, qualifier, direction and status (`pt.indicators`).

:func:`indicators` returns one row per quantity (:func:`is_quantity` tells them from
ordinal rows); :func:`find_numbers` and
:func:`parse_number` read the numerals themselves.
"""

from __future__ import annotations

from policytext.numeric.extract import (
    COLUMNS,
    IMPRECISE,
    KINDS,
    QUALIFIERS,
    QUANTITY_KINDS,
    STATUSES,
    indicator_records,
    indicators,
    is_quantity,
)
from policytext.numeric.numerals import Number, find_numbers, parse_number

__all__ = [
    "COLUMNS", "IMPRECISE", "KINDS", "QUALIFIERS", "QUANTITY_KINDS", "STATUSES", "Number", "find_numbers",
    "indicator_records", "indicators", "is_quantity", "parse_number",
]
