"""The corpus tally of a batch run: per-document results merged as they stream by, so the
corpus-level tables need no second look at the texts.

It keeps what those tables need and nothing more: the terms' document frequencies and
counts per year (:class:`policytext.terms.TermTally`, the same merge :func:`policytext.keywords`
and :func:`policytext.compare.term_counts` use), the numbered formulations the corpus quotes,
the indicator rows that may be targets (:func:`policytext.compare.target_candidates`), the
documents that failed or were judged spun, and a few totals.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from policytext.compare import target_candidates
from policytext.numeric import is_quantity
from policytext.terms import TermTally, surface_forms

if TYPE_CHECKING:
    import pandas as pd

    from policytext.batch.document import DocResult

__all__ = ["SPUN_COLUMNS", "CorpusTally"]

#: target rows gathered before the ones that can be targets are picked out (a few thousand
#: documents' worth are a few megabytes; the candidates are a small share of them)
TARGET_ROWS_AT_ONCE = 20_000
#: what the report lists of each document judged spun
SPUN_COLUMNS = ("doc_id", "year", "spin_score", "despin_repairs", "despin_by_reference", "spin_evidence")


class CorpusTally:
    """Merges :class:`~policytext.batch.document.DocResult` as documents stream by."""

    def __init__(self, *, keep_documents: bool = False) -> None:
        self.terms = TermTally()
        #: each analysed document's term ids and counts (kept for a topic model only)
        self.documents: list[tuple[Any, Any, float]] | None = [] if keep_documents else None
        self.numbered: set[str] = set()
        self._targets: list[Any] = []  # target rows of the last documents (Arrow), not yet reduced
        self._pending_rows = 0
        self._candidates: list[Any] = []  # the rows of those reduced that can be targets (Arrow)
        self.analysed: list[int] = []  # archive positions of the documents analysed
        self.failures: list[dict[str, Any]] = []
        self.spun: list[dict[str, Any]] = []
        self.characters = 0
        self.quantities = 0
        self.scripts: Counter[str] = Counter()

    def add(self, position: int, result: DocResult, year: Any, *, counted: bool = True) -> Any:
        """One document's result (``year`` None when unknown); returns its terms' ids. A
        duplicate record (``counted=False``) gets its rows but is not counted again in the
        corpus statistics."""
        self.analysed.append(position)
        summary = result.summary
        # the forms the documents write their terms in: emerging terms are given as the
        # corpus writes them, as compare.term_counts gives them
        forms = surface_forms(summary, result.text) if counted else None
        ids = self.terms.add(summary.terms, summary.counts, group=year, words=summary.words, count=counted, surfaces=forms)
        if self.documents is not None:
            self.documents.append((ids, summary.counts, summary.words))
        self.numbered.update(result.numbered)
        self.characters += int(result.row["n_chars"])
        self.scripts[str(result.row["script"])] += 1
        self._add_indicators(result.indicators)
        if result.row.get("spun"):
            self.spun.append({"doc_id": result.doc_id, "year": year, **result.row})
        return ids

    def _add_indicators(self, table: Any) -> None:
        import pyarrow.compute as pc

        if table is None or not table.num_rows:
            return
        self.quantities += int(pc.sum(is_quantity(table)).as_py() or 0)
        targets = table.filter(pc.equal(table.column("status"), "target"))
        if targets.num_rows:
            self._targets.append(targets)
            self._pending_rows += targets.num_rows
            if self._pending_rows >= TARGET_ROWS_AT_ONCE:
                self._reduce_targets()

    def _reduce_targets(self) -> None:
        """Keep, of the target rows gathered so far, those that can enter the targets table
        (:func:`policytext.compare.target_candidates`; a row's fate depends on the row
        alone): asked of many documents' rows at once, since per document its pandas work
        was most of the main process's share, but not of all, which would hold every target
        row of the archive."""
        import pyarrow as pa

        if self._targets:
            table = pa.concat_tables(self._targets, promote_options="default")
            found = target_candidates(table.to_pandas())  # its index: positions in the table
            if len(found):
                kept = table.take(pa.array(found.index.to_numpy()))
                self._candidates.append(kept.append_column("target", pa.array(found["target"].tolist(), pa.string())))
        self._targets, self._pending_rows = [], 0

    def targets_found(self) -> pd.DataFrame | None:
        """The rows of every document that can enter the targets table, in document order;
        None when no document states one."""
        import pyarrow as pa

        self._reduce_targets()
        if not self._candidates:
            return None
        found: pd.DataFrame = pa.concat_tables(self._candidates, promote_options="default").to_pandas()
        return found

    def document_counts(self, doc_ids: list[str]) -> Any:
        """The analysed documents' term counts as :class:`policytext.compare.TermCounts`
        (what :func:`policytext.compare.term_counts` gives for the same corpus)."""
        import numpy as np
        from scipy import sparse

        from policytext.compare import TermCounts

        assert self.documents is not None, "the tally did not keep the documents' counts"
        size = len(self.terms.ids)
        rows = [sparse.csr_matrix((np.asarray(c, dtype=float), (np.zeros(len(i), dtype=np.int64), i)), shape=(1, size))
                for i, c, _ in self.documents]
        matrix = sparse.vstack(rows, format="csr") if rows else sparse.csr_matrix((0, size))
        tokens = np.array([w for _, _, w in self.documents], dtype=float)
        return TermCounts(doc_ids, list(self.terms.ids), matrix, tokens)

    def fail(self, path: str, doc_id: str, reason: str) -> None:
        self.failures.append({"path": path, "doc_id": doc_id, "level": "error", "reason": f"analysis failed: {reason}"})
