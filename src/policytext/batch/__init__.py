"""Batch runs over archives: per-document analysis in worker processes with a
content-hash cache, corpus statistics merged from per-document counts, tables and a
self-contained HTML report (:func:`run_analysis`)."""

from __future__ import annotations

from policytext.batch.run import RunResult, run_analysis

__all__ = ["RunResult", "run_analysis"]
