"""Comparisons across documents and groups (year, decade, speaker …): the target table
(:func:`targets`), term trends, keyness, emerging and vanishing terms, and similarity."""

from __future__ import annotations

from policytext.compare.counts import TermCounts, term_counts, with_group_docvars
from policytext.compare.measures import (
    MEASURES,
    emerging,
    keyness,
    similarity,
    spearman,
    trends,
    vanishing,
)
from policytext.compare.resources import TARGET_PATTERNS, compile_patterns
from policytext.compare.targets import TARGET_COLUMNS, target_candidates, target_key, targets

__all__ = [
    "MEASURES", "TARGET_COLUMNS", "TARGET_PATTERNS", "TermCounts", "compile_patterns", "emerging", "keyness", "similarity", "spearman",
    "target_candidates", "target_key", "targets", "term_counts", "trends", "vanishing", "with_group_docvars",
]
