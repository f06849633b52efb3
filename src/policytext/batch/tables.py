"""Tables written chunk by chunk: CSV (and Parquet when pyarrow is installed) go to
temporary files and are renamed into place only when complete, so memory does not grow
with the archive and a killed run leaves no half-written table."""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def temporary_path(path: Path) -> Path:
    """An empty temporary file beside ``path`` (same folder, so a rename is atomic), with
    the permissions of an ordinary new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)  # mkstemp makes 0600; a table is an ordinary file
    return Path(name)


#: the columns of the record tables that are not text
COLUMN_TYPES: dict[str, dict[str, str]] = {
    "indicators": {"sentence_id": "int", "start": "int", "end": "int", "value": "float", "value_max": "float",
                   "value_base": "float", "value_base_max": "float"},
    "keywords": {"rank": "int", "score": "float", "count": "int", "start": "int", "end": "int"},
    "formulations": {"count": "int", "start": "int", "end": "int", "starts": "ints"},
}


def _arrow_type(kind: str) -> Any:
    """The Arrow type of a column kind: "str", "int", "float" or "ints" (a list of ints)."""
    import pyarrow as pa

    return {"str": pa.large_string(), "int": pa.int64(), "float": pa.float64(), "ints": pa.list_(pa.int64())}[kind]


def records_table(records: list[dict[str, Any]], columns: Sequence[str], types: dict[str, str]) -> Any:
    """Rows as an Arrow table with a declared schema (``types``: the columns that are not
    text), or None when Arrow rejects them (a lone surrogate in a string)."""
    import pyarrow as pa

    schema = _schema(tuple(columns), tuple(sorted(types.items())))
    try:
        return pa.Table.from_pylist(records, schema=schema)
    except (pa.ArrowException, ValueError, TypeError, UnicodeEncodeError):
        return None


@functools.lru_cache(maxsize=32)
def _schema(columns: tuple[str, ...], types: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa

    kinds = dict(types)
    return pa.schema([(c, _arrow_type(kinds.get(c, "str"))) for c in columns])


class TableWriter:
    """Appends DataFrame chunks to ``name.csv`` (and ``name.parquet``) under ``folder``.

    The first chunk fixes the columns and their types; later chunks are cast to them. A
    table whose later chunks cannot take the first chunk's Parquet types is still complete
    as CSV, and ``parquet_problem`` says why its Parquet file was dropped.
    """

    def __init__(self, folder: Path, name: str, *, parquet: bool = True) -> None:
        self.folder, self.name = folder, name
        self.csv_tmp = temporary_path(folder / f"{name}.csv")
        self.rows = 0
        self.columns: list[str] | None = None
        self.dtypes: Any = None
        self.parquet_problem: str | None = None
        self._parquet: Any = None
        self._schema: Any = None
        self.parquet_tmp: Path | None = None
        if parquet:
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                parquet = False
        self.parquet = parquet

    def write_records(self, records: list[dict[str, Any]], columns: Sequence[str], types: dict[str, str]) -> None:
        """Append rows given as dicts with ``columns``; ``types`` names the columns that are
        not text ("int", "float", "ints" for a list of ints). They go straight to Arrow with
        that schema, which is fixed however empty the first chunk's columns are; pandas is
        only the fallback, for text Arrow rejects (a lone surrogate)."""
        from policytext.frames import records_frame

        table = None
        if self.parquet and self.parquet_problem is None:
            table = records_table(records, columns, types)
        if table is None:
            self.write(records_frame(records, columns))
        else:
            self.write_arrow(table)

    def write_arrow(self, table: Any) -> None:
        """Append an Arrow table (the first one fixes the columns and schema)."""
        if self.columns is None:
            self.columns = list(table.column_names)
            self._schema = table.schema
        elif table.schema != self._schema:
            table = table.select(self.columns).cast(self._schema)
        self._write_csv(table)
        self._write_parquet(table)
        self.rows += table.num_rows

    def write(self, frame: pd.DataFrame) -> None:
        if self.columns is None:
            self.columns = list(frame.columns)
            self.dtypes = frame.dtypes
        else:
            frame = frame.reindex(columns=self.columns)
            for column, dtype in (self.dtypes.items() if self.dtypes is not None else ()):
                if frame[column].dtype != dtype:
                    try:
                        frame[column] = frame[column].astype(dtype)
                    except (TypeError, ValueError):
                        pass
        table = self._arrow(frame) if self.parquet else None
        if table is not None:
            # Arrow writes CSV in C++, several times faster than pandas on long text columns
            self._write_csv(table)
            self._write_parquet(table)
        else:
            # a lone surrogate cannot be UTF-8: "?" stands for it, one character for one, so
            # offsets into the text columns still hold
            frame.to_csv(self.csv_tmp, mode="a", header=self.rows == 0, index=False, encoding="utf-8", errors="replace")
        self.rows += len(frame)

    def _arrow(self, frame: pd.DataFrame) -> Any:
        """The chunk as an Arrow table with the first chunk's schema; None (and the reason in
        ``parquet_problem``) when it does not convert: the CSV is then written by pandas."""
        import pyarrow as pa

        if self.parquet_problem is not None:
            return None
        try:
            table = pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        except (pa.ArrowException, ValueError, TypeError, UnicodeEncodeError) as exc:
            self.parquet_problem = f"{type(exc).__name__}: {exc}"
            return None
        if self._schema is None:
            self._schema = table.schema
        return table

    def _write_csv(self, table: Any) -> None:
        import pyarrow as pa
        import pyarrow.csv as pcsv

        for i, column in enumerate(table.schema):
            if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
                # CSV has no lists: written as text, the way pandas writes them
                text = [None if v is None else str(v) for v in table.column(i).to_pylist()]
                table = table.set_column(i, column.name, pa.array(text, pa.string()))
        with open(self.csv_tmp, "ab") as fh:
            pcsv.write_csv(table, fh, pcsv.WriteOptions(include_header=self.rows == 0, quoting_style="needed"))

    def _write_parquet(self, table: Any) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            if self._parquet is None:
                self.parquet_tmp = temporary_path(self.folder / f"{self.name}.parquet")
                self._parquet = pq.ParquetWriter(self.parquet_tmp, self._schema)
            self._parquet.write_table(table)
        except (pa.ArrowException, ValueError, TypeError, UnicodeEncodeError) as exc:
            self.parquet_problem = f"{type(exc).__name__}: {exc}"

    def close(self, empty: pd.DataFrame | None = None) -> list[str]:
        """Finish the files (an empty table still gets its header) and move them into place."""
        if self.rows == 0 and self.columns is None and empty is not None:
            self.write(empty)
        written = []
        os.replace(self.csv_tmp, self.folder / f"{self.name}.csv")
        written.append(f"{self.name}.csv")
        if self._parquet is not None:
            self._parquet.close()
            if self.parquet_problem is None and self.parquet_tmp is not None:
                os.replace(self.parquet_tmp, self.folder / f"{self.name}.parquet")
                written.append(f"{self.name}.parquet")
        if self.parquet_tmp is not None and self.parquet_tmp.exists():
            self.parquet_tmp.unlink()
        return written

    def abort(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        for path in (self.csv_tmp, self.parquet_tmp):
            if path is not None and path.exists():
                path.unlink()
