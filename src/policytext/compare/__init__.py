"""Comparisons across documents and years: the target table (:func:`targets`)."""

from __future__ import annotations

from policytext.compare.targets import TARGET_COLUMNS, targets

__all__ = ["TARGET_COLUMNS", "targets"]
