"""The output tables of a batch run: a registry (name → columns and types → writer) and the
writer that appends chunks to CSV and Parquet, so memory does not grow with the archive.

Every table is written into the run's own folder (:mod:`policytext.batch.outputs`), which
becomes live only when complete. CSV text cells that a spreadsheet would run as a formula
(a leading ``=``, ``+``, ``-``, ``@``, tab or carriage return) get a leading apostrophe
unless the run asks for raw CSV; numeric columns are never touched and Parquet keeps the
text as it is.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["TABLES", "TableSpec", "TableWriter", "file_digest", "parquet_batches", "records_table", "unescape_formula", "write_frame"]

#: columns of long text: Parquet's dictionary encoding and min/max statistics would only
#: cost memory there (statistics copy the value: a 60 MB cell took 500 MB to write)
LONG_TEXT = frozenset({"text", "sentence", "clean_removed"})
#: what a spreadsheet reads as the start of a formula
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_FORMULA_PATTERN = r"^[=+\-@\t\r]"


@dataclass(frozen=True)
class TableSpec:
    """One output table: its name, what one row is, its columns when fixed in advance (None:
    docvars decide), the columns that are not text ("int", "float", "ints" for a list of
    ints, "bool"), and the columns that identify a row (for sorting and comparing)."""

    name: str
    row: str
    columns: tuple[str, ...] | None = None
    types: dict[str, str] = field(default_factory=dict)
    key: tuple[str, ...] = ("doc_id",)


def _specs() -> dict[str, TableSpec]:
    from policytext.compare import TARGET_COLUMNS
    from policytext.numeric import COLUMNS as INDICATOR_COLUMNS
    from policytext.terms import FORMULATION_COLUMNS, KEYWORD_COLUMNS

    specs = [
        TableSpec("documents", "one document: its docvars, encoding, script, cleaning, sizes and cleaned text"),
        TableSpec("keywords", "one keyword of one document", KEYWORD_COLUMNS,
                  {"rank": "int", "score": "float", "count": "int", "start": "int", "end": "int"}, ("doc_id", "rank")),
        TableSpec("formulations", "one formulation (提法) of one document", FORMULATION_COLUMNS,
                  {"count": "int", "start": "int", "end": "int", "starts": "ints"}, ("doc_id", "normalized")),
        TableSpec("themes", "one document: theme-term occurrences per 10,000 word tokens"),
        TableSpec("indicators", "one quantity (or ordinal) in one document", INDICATOR_COLUMNS,
                  {"sentence_id": "int", "start": "int", "end": "int", "value": "float", "value_max": "float",
                   "value_base": "float", "value_base_max": "float"}, ("doc_id", "start", "end")),
        TableSpec("targets", "one target key stated in one year", TARGET_COLUMNS, key=("year", "target")),
        TableSpec("emerging", "one term first used in one year", key=("year", "rank")),
        TableSpec("similarity", "one year: its cosine similarity to every year", key=("year",)),
        TableSpec("document_neighbours", "one of a document's nearest documents (with --neighbours)",
                  ("doc_id", "neighbour", "similarity", "rank"), {"similarity": "float", "rank": "int"},
                  ("doc_id", "rank")),
        TableSpec("errors", "one file or record that failed, was skipped or has a warning", key=("path", "doc_id")),
        TableSpec("tokens", "one token of one document (with --tokens)",
                  ("doc_id", "token", "start", "end", "normalized"), {"start": "int", "end": "int"}, ("doc_id", "start")),
    ]
    return {spec.name: spec for spec in specs}


class _Registry(dict[str, TableSpec]):
    """The table registry, filled on first use (its column lists come from the stages)."""

    def __missing__(self, name: str) -> TableSpec:
        if not self:
            self.update(_specs())
            if name in self:
                return self[name]
        raise KeyError(f"no output table {name!r}")

    def names(self) -> list[str]:
        if not self:
            self.update(_specs())
        return list(self.keys())


#: name → :class:`TableSpec` for every table ``policytext analyze`` writes
TABLES = _Registry()


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"str": pa.large_string(), "int": pa.int64(), "float": pa.float64(), "ints": pa.list_(pa.int64()),
            "bool": pa.bool_()}[kind]


@functools.lru_cache(maxsize=32)
def _schema(columns: tuple[str, ...], types: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa

    kinds = dict(types)
    return pa.schema([(c, _arrow_type(kinds.get(c, "str"))) for c in columns])


def records_table(records: list[dict[str, Any]], columns: Sequence[str], types: dict[str, str]) -> Any:
    """Rows as an Arrow table with a declared schema (``types``: the columns that are not text)."""
    import pyarrow as pa

    return pa.Table.from_pylist(records, schema=_schema(tuple(columns), tuple(sorted(types.items()))))


def file_digest(path: Path) -> str:
    """SHA-256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_SURROGATE = re.compile("[\ud800-\udfff]")


def _arrow_frame(frame: pd.DataFrame, schema: Any) -> Any:
    """A DataFrame as an Arrow table (with ``schema`` when given). A lone surrogate, which
    UTF-8 cannot hold, becomes U+FFFD, one character for one, so offsets still hold."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    except UnicodeEncodeError:
        fixed = frame.copy()
        for column in fixed.columns:
            if fixed[column].dtype == object:
                fixed[column] = [_SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for v in fixed[column]]
        return pa.Table.from_pandas(fixed, schema=schema, preserve_index=False)


def parquet_batches(path: Path, columns: Sequence[str], size: int) -> Iterator[Any]:
    """The rows of a Parquet table ``size`` at a time (Arrow record batches of ``columns``),
    one row group in memory at a time: Arrow's read-ahead (``pre_buffer``) would hold most
    of a documents table's texts while the first batches are read."""
    import pyarrow.parquet as pq

    with pq.ParquetFile(path, pre_buffer=False) as file:
        yield from file.iter_batches(batch_size=size, columns=list(columns))


def unescape_formula(cell: str) -> str:
    """A CSV text cell as it was before the formula escaping (the apostrophe removed)."""
    return cell[1:] if cell.startswith("'") and cell[1:2] != "" and cell[1] in "=+-@\t\r" else cell


def _csv_ready(table: Any, *, raw: bool) -> Any:
    """The table as CSV receives it: lists as text, and (unless ``raw``) text cells that
    start like a formula escaped with an apostrophe."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for i, column in enumerate(table.schema):
        values = table.column(i)
        if pa.types.is_list(column.type) or pa.types.is_large_list(column.type):
            text = [None if v is None else str(v) for v in values.to_pylist()]
            table = table.set_column(i, column.name, pa.array(text, pa.large_string()))
        elif not raw and (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
            risky = pc.match_substring_regex(values, _FORMULA_PATTERN)
            if pc.any(risky).as_py():
                escaped = pc.binary_join_element_wise(pa.scalar("'", values.type), values, pa.scalar("", values.type))
                table = table.set_column(i, column.name, pc.if_else(risky, escaped, values))
    return table


@dataclass
class _Format:
    """One file a table is written to, and why it stopped when it failed."""

    name: str
    handle: Any = None
    problem: dict[str, Any] | None = None


class TableWriter:
    """Appends chunks to ``name.csv`` and ``name.parquet`` in ``folder`` (the run's own
    folder, so half-written files are never live).

    The first chunk fixes the columns and their types (a run fixes them for the whole
    archive beforehand: :mod:`policytext.batch.schema`). ``csv_raw`` writes text cells as
    they are (no formula escaping). When one format cannot be written, the other still
    is: the failed file is removed and ``problems`` says which table, format, column and
    why (the run lists them as incomplete outputs).
    """

    def __init__(self, folder: Path, name: str, *, csv_raw: bool = False) -> None:
        self.folder, self.name, self.csv_raw = folder, name, csv_raw
        self.rows = 0
        self._schema: Any = None
        self._formats = {"csv": _Format("csv"), "parquet": _Format("parquet")}

    @property
    def files(self) -> list[str]:
        """The files written completely (so far)."""
        return [f"{self.name}.{f.name}" for f in self._formats.values() if f.problem is None]

    @property
    def problems(self) -> list[dict[str, Any]]:
        """What could not be written: table, format, column (when known) and reason."""
        return [f.problem for f in self._formats.values() if f.problem is not None]

    def write(self, frame: pd.DataFrame) -> None:
        """Append a DataFrame chunk (its column kinds decided from its own values)."""
        from policytext.batch.schema import arrow_table, frame_kinds

        if self._schema is not None:
            frame = frame.reindex(columns=self._schema.names)
        frame = frame.rename(columns=str)
        self.write_arrow(arrow_table(list(frame.columns), frame_kinds(frame), frame.to_dict("records")))  # type: ignore[arg-type]

    def write_records(self, records: list[dict[str, Any]], columns: Sequence[str], types: dict[str, str]) -> None:
        """Append rows given as dicts with ``columns``; ``types`` names the columns that are
        not text. They go straight to Arrow with that schema."""
        self.write_arrow(records_table(records, columns, types))

    def _open(self, schema: Any) -> None:
        import pyarrow.parquet as pq

        self._schema = schema
        short = [name for name in schema.names if name not in LONG_TEXT]
        self._run("parquet", lambda: pq.ParquetWriter(self.folder / f"{self.name}.parquet", schema,
                                                      use_dictionary=short, write_statistics=short))
        self._run("csv", lambda: open(self.folder / f"{self.name}.csv", "wb"))  # noqa: SIM115 - closed in close()

    def _run(self, name: str, action: Callable[[], Any], column: str | None = None) -> None:
        """Do ``action`` for one format; a failure stops that format only."""
        target = self._formats[name]
        if target.problem is not None:
            return
        try:
            result = action()
        except Exception as exc:  # any failure of one writer must not cost the other format
            target.problem = {"table": self.name, "format": name, "column": column, "reason": f"{type(exc).__name__}: {exc}"}
            self._drop(target)
            return
        if target.handle is None:
            target.handle = result

    def _drop(self, target: _Format) -> None:
        if target.handle is not None:
            try:
                target.handle.close()
            except Exception:  # the file is removed anyway
                pass
        (self.folder / f"{self.name}.{target.name}").unlink(missing_ok=True)

    def write_arrow(self, table: Any) -> None:
        """Append an Arrow table (the first one fixes the columns and schema)."""
        import pyarrow.csv as pcsv

        if self._schema is None:
            self._open(table.schema.remove_metadata())
        elif table.schema.remove_metadata() != self._schema:
            table = table.select(self._schema.names).cast(self._schema)
        table = table.replace_schema_metadata(None)
        options = pcsv.WriteOptions(include_header=self.rows == 0, quoting_style="needed")
        self._run("csv", lambda: pcsv.write_csv(_csv_ready(table, raw=self.csv_raw), self._formats["csv"].handle, options))
        self._run("parquet", lambda: self._formats["parquet"].handle.write_table(table))
        self.rows += table.num_rows

    def close(self, empty: pd.DataFrame | None = None) -> dict[str, int]:
        """Finish the files (an empty table still gets its header and schema); returns the
        row count of each file written completely."""
        if self._schema is None:
            if empty is None:
                raise ValueError(f"table {self.name} has no rows and no columns")
            self.write(empty)
        for target in self._formats.values():
            if target.handle is not None and target.problem is None:
                self._run(target.name, target.handle.close)
        return {f: self.rows for f in self.files}

    def abort(self) -> None:
        """Close whatever is open (the run folder is removed as a whole)."""
        for target in self._formats.values():
            if target.handle is not None:
                try:
                    target.handle.close()
                except Exception:  # closing after a failed write: nothing more to save
                    pass


def write_frame(folder: Path, name: str, frame: pd.DataFrame, *, csv_raw: bool = False) -> TableWriter:
    """Write a whole table at once (the small corpus-level ones); the writer says what was
    written (``files``, ``rows``) and what was not (``problems``)."""
    writer = TableWriter(folder, name, csv_raw=csv_raw)
    try:
        if len(frame.columns):
            writer.write(frame)
        writer.close(frame)
        return writer
    except BaseException:
        writer.abort()
        raise
