"""Comparisons across documents and groups (year, decade, speaker …): the target table
(:func:`targets`), term trends, keyness, emerging and vanishing terms, similarity, and
what changed from one year's text to the next (:func:`diff`, :func:`formulation_changes`,
:func:`target_changes`, :func:`diff_html`, :func:`diff_summary`), and which passages one
document reuses from another (:func:`reuse`)."""

from __future__ import annotations

from policytext.compare.align import (
    Edit,
    Link,
    LocalMatch,
    align,
    edits,
    local_align,
    sequence_similarity,
    similarity_matrix,
)
from policytext.compare.counts import TermCounts, term_counts, with_group_docvars
from policytext.compare.diff import (
    DIFF_COLUMNS,
    FORMULATION_CHANGE_COLUMNS,
    TARGET_CHANGE_COLUMNS,
    consecutive_pairs,
    diff,
    formulation_changes,
    sentence_spans,
    target_changes,
)
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
from policytext.compare.reuse import (
    BOILERPLATE_COLUMNS,
    DUPLICATE_COLUMNS,
    PAIR_COLUMNS,
    PASSAGE_COLUMNS,
    Reuse,
    ReuseOptions,
    diffusion_columns,
    reuse,
    reuse_with,
)
from policytext.compare.targets import TARGET_COLUMNS, target_candidates, target_key, targets
from policytext.compare.views import DIFF_SUMMARY_COLUMNS, FONT_STACK, diff_html, diff_summary

__all__ = [
    "BOILERPLATE_COLUMNS",
    "DIFF_COLUMNS",
    "DIFF_SUMMARY_COLUMNS",
    "DUPLICATE_COLUMNS",
    "FONT_STACK",
    "FORMULATION_CHANGE_COLUMNS",
    "MEASURES",
    "PAIR_COLUMNS",
    "PASSAGE_COLUMNS",
    "TARGET_CHANGE_COLUMNS",
    "TARGET_COLUMNS",
    "TARGET_PATTERNS",
    "Edit",
    "Link",
    "LocalMatch",
    "Reuse",
    "ReuseOptions",
    "TermCounts",
    "align",
    "compile_patterns",
    "consecutive_pairs",
    "diff",
    "diff_html",
    "diff_summary",
    "diffusion_columns",
    "edits",
    "emerging",
    "formulation_changes",
    "keyness",
    "local_align",
    "reuse",
    "reuse_with",
    "sentence_spans",
    "sequence_similarity",
    "similarity",
    "similarity_matrix",
    "spearman",
    "target_candidates",
    "target_changes",
    "target_key",
    "targets",
    "term_counts",
    "trends",
    "vanishing",
    "with_group_docvars",
]
