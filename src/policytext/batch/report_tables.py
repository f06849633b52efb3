"""What ``report.html`` reads of a run folder (:mod:`policytext.batch.report`): each table
once, long ones with only the columns the page shows, texts a few rows at a time, and the
quantities counted in Arrow batches, so the page's memory does not follow the archive."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["INDICATOR_COLUMNS", "MAX_ROWS", "PAGE_COLUMNS", "Quantities", "RunTables"]

#: rows of one table on the page at most (a note names the file with all of them)
MAX_ROWS = 5000
#: indicator rows read at a time for the page's counts
QUANTITY_BATCH = 20_000
#: the columns of the indicators table the page shows (the only ones it reads)
INDICATOR_COLUMNS = ("doc_id", "text", "indicator", "value", "value_max", "unit", "qualifier", "direction", "status", "kind")
#: the columns of the long tables read whole that the page uses (the rest are only in the files)
PAGE_COLUMNS = {"keywords": ("doc_id", "rank", "term", "normalized", "score", "count")}


@dataclass
class RunTables:
    """The tables of a run folder, each read once, and what the page needs to know about them."""

    folder: Path
    summary: dict[str, Any]
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    _quantities: Quantities | None = None

    def has(self, name: str) -> bool:
        return (self.folder / f"{name}.parquet").exists()

    def table(self, name: str) -> pd.DataFrame:
        """A whole table (empty without columns when not written); the documents table
        without its texts (they are read one batch at a time: :meth:`scan_texts`), the
        keywords with only the columns the page shows (:data:`PAGE_COLUMNS`). The
        indicators are read through :meth:`quantities`."""
        if name not in self._tables:
            import pandas as pd
            import pyarrow.parquet as pq

            path = self.folder / f"{name}.parquet"
            if not path.exists():
                self._tables[name] = pd.DataFrame()
            else:
                names = pq.read_schema(path).names
                skip = ("text", "clean_removed") if name == "documents" else ()
                wanted = PAGE_COLUMNS.get(name, names)
                columns = [c for c in names if c in wanted and c not in skip]
                self._tables[name] = pq.read_table(path, columns=columns).to_pandas()
        return self._tables[name]

    def scan_texts(self, wanted: Collection[str], visit: Callable[[str, str], None]) -> None:
        """Call ``visit(doc_id, text)`` for each wanted document's cleaned text, reading the
        documents table a few rows at a time (an archive's texts are never all in memory)."""
        from policytext.batch.tables import parquet_batches

        path = self.folder / "documents.parquet"
        if not wanted or not path.exists():
            return
        for batch in parquet_batches(path, ["doc_id", "text"], 16):
            for doc_id, text in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist()):
                if doc_id in wanted and text is not None:
                    visit(doc_id, text)

    def group_columns(self) -> list[str]:
        """The ``--by`` docvars of the run: the targets table's group columns other than
        doc_id and year (they come before ``target``)."""
        import pyarrow.parquet as pq

        if not self.has("targets"):
            return []
        names = pq.read_schema(self.folder / "targets.parquet").names
        leading = names[: names.index("target")] if "target" in names else []
        return [c for c in leading if c not in ("doc_id", "year")]

    def quantities(self) -> Quantities:
        """The indicators table's quantities (ordinals are not indicators: every count of
        indicators on the page is a count of these rows), counted in Arrow: the page shows
        their totals and its first :data:`MAX_ROWS` rows, so no more rows than those become
        pandas objects, however large the archive."""
        if self._quantities is None:
            self._quantities = Quantities.read(self.folder / "indicators.parquet")
        return self._quantities


@dataclass(frozen=True)
class Quantities:
    """What the page shows of the quantities: how many, by kind and by document, and the
    first rows (the columns of :data:`INDICATOR_COLUMNS`)."""

    total: int
    by_kind: dict[str, int]
    by_document: dict[str, int]
    head: pd.DataFrame

    @classmethod
    def read(cls, path: Path) -> Quantities:
        """Read a run's indicators table a batch at a time."""
        from collections import Counter

        import pandas as pd
        import pyarrow as pa
        import pyarrow.parquet as pq

        from policytext.batch.tables import parquet_batches
        from policytext.numeric import is_quantity

        if not path.exists():
            return cls(0, {}, {}, pd.DataFrame())
        columns = [c for c in pq.read_schema(path).names if c in INDICATOR_COLUMNS]
        by_kind: Counter[str] = Counter()
        by_document: Counter[str] = Counter()
        head: list[Any] = []
        kept = total = 0
        for batch in parquet_batches(path, columns, QUANTITY_BATCH):
            batch = batch.filter(is_quantity(pa.Table.from_batches([batch])))
            total += batch.num_rows
            for counter, column in ((by_kind, "kind"), (by_document, "doc_id")):
                if column in batch.schema.names:
                    counter.update("" if v is None else str(v) for v in batch.column(column).to_pylist())
            if kept < MAX_ROWS and batch.num_rows:
                head.append(batch.slice(0, MAX_ROWS - kept))
                kept += head[-1].num_rows
        frame = pa.Table.from_batches(head).to_pandas() if head else pd.DataFrame(columns=columns)
        return cls(total, dict(by_kind), dict(by_document), frame)
