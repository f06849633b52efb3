"""Batch runs over archives (``policytext analyze``): the library's own steps scheduled over
worker processes or a Dask cluster, with a per-document cache that cannot run code,
corpus statistics merged from per-document counts, and output sets made live as a whole.

Modules: :mod:`~policytext.batch.document` (the per-document engine),
:mod:`~policytext.batch.workers` (where it runs), :mod:`~policytext.batch.cache`,
:mod:`~policytext.batch.tally` (merging per-document counts),
:mod:`~policytext.batch.first_pass` and :mod:`~policytext.batch.second_pass`,
:mod:`~policytext.batch.tables` (the table registry and writer),
:mod:`~policytext.batch.outputs` (run folders and the manifest),
:mod:`~policytext.batch.report`, and :mod:`~policytext.batch.run` (the composition).
"""

from __future__ import annotations

from policytext.batch.outputs import live_folder, read_manifest, write_atomic
from policytext.batch.run import RunResult, RunSettings, run_analysis
from policytext.batch.tables import TABLES, write_frame

__all__ = ["TABLES", "RunResult", "RunSettings", "live_folder", "read_manifest", "run_analysis", "write_atomic", "write_frame"]
