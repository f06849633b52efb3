"""Comparisons across documents and groups (year, decade, speaker …): the target table
(:func:`targets`), term trends, keyness, emerging and vanishing terms, and similarity."""

from __future__ import annotations

from policytext.compare.counts import TermCounts, term_counts
from policytext.compare.measures import (
    MEASURES,
    emerging,
    keyness,
    similarity,
    spearman,
    trends,
    vanishing,
)
from policytext.compare.targets import TARGET_COLUMNS, targets

__all__ = [
    "MEASURES", "TARGET_COLUMNS", "TermCounts", "emerging", "keyness", "similarity", "spearman", "targets",
    "term_counts", "trends", "vanishing",
]
