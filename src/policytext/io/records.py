"""Readers of records: JSON Lines, CSV and Parquet, one document per record.

A record that cannot be read (invalid JSON, a ragged CSV row, a lone surrogate) is a
:class:`~policytext.io.base.Fault` naming its line or row, and the file's other records
are read.  Which field holds the text and which the id is decided once per file
(:func:`text_field_for`, :func:`id_field_for`); every other field becomes a docvar.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from policytext.errors import ReadError
from policytext.io.base import Entry, Fault, InputFile, find_surrogate
from policytext.io.encoding import BinaryFileError, DecodeProblem, decode_bytes
from policytext.io.office import optional_import

__all__ = [
    "ID_FIELDS",
    "TEXT_FIELDS",
    "CsvTable",
    "RecordMaker",
    "id_field_for",
    "parse_csv",
    "read_csv",
    "read_jsonl",
    "read_parquet",
    "text_field_for",
]

#: fields taken as the text when ``text_field`` is not given, in this order
TEXT_FIELDS = ("text", "content", "body", "正文", "内容", "全文")
#: fields taken as the id when ``id_field`` is not given
ID_FIELDS = ("doc_id", "id")
#: the longest CSV field read (the csv module's default, 131,072 characters, is shorter
#: than many reports)
CSV_FIELD_LIMIT = 2**31 - 1


def _pick(columns: Sequence[str], wanted: tuple[str, ...], given: str | None, what: str) -> str | None:
    if given is not None:
        if given not in columns:
            raise ReadError(f"no {what} field {given!r} (fields: {', '.join(map(str, columns))})")
        return given
    return next((name for name in wanted if name in columns), None)


def text_field_for(columns: Sequence[str], given: str | None = None) -> str:
    """The field holding the documents' text: ``given``, else the first of :data:`TEXT_FIELDS`.

    Parameters
    ----------
    columns : sequence of str
        The fields of the file's records.
    given : str, optional
        The field the caller named (``text_field=``).

    Returns
    -------
    str
        The field's name.

    Raises
    ------
    ReadError
        ``given`` is not a field, or no field is known to hold text.
    """
    field = _pick(columns, TEXT_FIELDS, given, "text")
    if field is None:
        raise ReadError(f"no text field: name it with text_field= (fields: {', '.join(map(str, columns))})")
    return field


def id_field_for(columns: Sequence[str], given: str | None = None) -> str | None:
    """The field holding the records' ids: ``given``, else the first of :data:`ID_FIELDS`.

    Parameters
    ----------
    columns : sequence of str
        The fields of the file's records.
    given : str, optional
        The field the caller named (``id_field=``).

    Returns
    -------
    str or None
        The field's name; ``None`` when there is none (ids are then ``{file}#{n}``).

    Raises
    ------
    ReadError
        ``given`` is not a field.
    """
    return _pick(columns, ID_FIELDS, given, "id")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, (str, int, bool)):
        return False
    pd = sys.modules.get("pandas")  # only Parquet's values can be pandas' NA or NaT
    if pd is None:
        return False
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _surrogate_in(value: Any) -> bool:
    if isinstance(value, str):
        return find_surrogate(value) is not None
    if isinstance(value, Mapping):
        return any(_surrogate_in(k) or _surrogate_in(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_surrogate_in(v) for v in value)
    return False


class RecordMaker:
    """Turns a file's rows into documents: text, id and docvars, or a fault.

    Parameters
    ----------
    file : InputFile
        The file the rows come from (its name makes default ids).
    columns : sequence of str
        The fields of its records, to choose the text and id fields from.
    encoding : str
        The ``encoding`` docvar of its documents.
    """

    def __init__(self, file: InputFile, columns: Sequence[str], encoding: str) -> None:
        self.file = file
        self.encoding = encoding
        self.text_field = text_field_for(columns, file.text_field)
        self.id_field = id_field_for(columns, file.id_field)

    def make(self, n: int, row: Mapping[Any, Any], where: str) -> Entry | Fault:
        """The document of record ``n`` (1-based), or why it is left out.

        Parameters
        ----------
        n : int
            The record's position in the file, counting from 1.
        row : mapping
            Its fields.
        where : str
            Where it stands, for messages (``"line 4"``, ``"row 3 (line 4)"``).

        Returns
        -------
        Entry or Fault
            The document; a ``skipped`` fault for an empty text; an ``error`` fault for a
            lone surrogate anywhere in the record (CSV and Parquet writers reject one).
        """
        fields = dict(row)
        text = fields.pop(self.text_field, None)
        raw_id = fields.pop(self.id_field, None) if self.id_field is not None else None
        doc_id = f"{self.file.name}#{n}" if _missing(raw_id) or raw_id == "" else str(raw_id)
        if _surrogate_in(row):
            return Fault(
                f"{where}: a lone surrogate (an unpaired \\ud800-\\udfff escape) in the record:"
                " not valid Unicode text",
                "error",
                f"{self.file.name}#{n}",
            )
        if _missing(text) or not str(text).strip():
            return Fault(f"{where}: the {self.text_field!r} field is empty", "skipped", doc_id)
        docvars = {str(k): (None if _missing(v) else v) for k, v in fields.items()}
        docvars["record"] = n
        return Entry(str(text), self.encoding, docvars, doc_id)


# --- JSON Lines -----------------------------------------------------------------------------


def _jsonl_lines(file: InputFile) -> tuple[list[tuple[int, str | Fault]], str]:
    """The file's non-blank lines with their numbers (a fault for a line that cannot be
    decoded), and the encoding.

    Lines end at ``\n`` only: JSON strings may hold U+2028 and other characters that
    :meth:`str.splitlines` would split at.  JSON Lines is UTF-8 by definition, so a file
    that is mostly UTF-8 with a few damaged lines keeps its other lines.
    """
    data = file.read_bytes()
    try:
        decoded = decode_bytes(data, encoding=file.encoding)
    except BinaryFileError:
        raise
    except DecodeProblem:
        if file.encoding is not None:
            raise
    else:
        lines = enumerate(decoded.text.split("\n"), 1)
        return [(no, line) for no, line in lines if line.strip()], decoded.encoding
    out: list[tuple[int, str | Fault]] = []
    for no, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = f"line {no}: not valid UTF-8 (byte {exc.start} of the line: {exc.reason})"
            out.append((no, Fault(reason, "error", f"{file.name}#line{no}")))
            continue
        if line.strip():
            out.append((no, line))
    return out, "utf-8"


def _parse_json_line(no: int, line: str) -> dict[str, Any] | str:
    """The object on a line, or why there is none."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"line {no}: invalid JSON: {exc.msg} (column {exc.colno})"
    if not isinstance(obj, dict):
        return f"line {no}: a JSON {type(obj).__name__}, not an object"
    return obj


def read_jsonl(file: InputFile) -> Iterator[Entry | Fault]:
    """The reader of .jsonl and .ndjson: one JSON object per line, one document per object.

    Parameters
    ----------
    file : InputFile
        The file, its text and id fields, and the encoding (``None``: detect it).

    Yields
    ------
    Entry or Fault
        A document per object; a fault naming the line for a line that is not valid JSON,
        not an object, not valid UTF-8, or holds a lone surrogate, and for an empty text
        (``skipped``).

    Raises
    ------
    ReadError
        The file is binary or undecodable, or no field holds the text.
    """
    lines, encoding = _jsonl_lines(file)
    faults: list[tuple[int, Fault]] = []
    parsed: list[tuple[int, int, dict[str, Any]]] = []
    for n, (no, line) in enumerate(lines, 1):
        obj = line if isinstance(line, Fault) else _parse_json_line(no, line)
        if isinstance(obj, dict):
            parsed.append((no, n, obj))
        else:
            fault = obj if isinstance(obj, Fault) else Fault(obj, "error", f"{file.name}#line{no}")
            faults.append((no, fault))
    yield from _merge(faults, _jsonl_entries(file, parsed, encoding))


def _jsonl_entries(
    file: InputFile, parsed: list[tuple[int, int, dict[str, Any]]], encoding: str
) -> Iterator[tuple[int, Entry | Fault]]:
    if not parsed:
        return
    columns = list(dict.fromkeys(k for _, _, obj in parsed for k in obj))
    maker = RecordMaker(file, columns, encoding)
    for no, n, obj in parsed:
        yield no, maker.make(n, obj, f"line {no}")


def _merge(
    faults: list[tuple[int, Fault]], items: Iterable[tuple[int, Entry | Fault]]
) -> Iterator[Entry | Fault]:
    """Faults and documents in the order of their lines."""
    done = sorted(faults, key=lambda f: f[0])
    for no, item in items:
        while done and done[0][0] < no:
            yield done.pop(0)[1]
        yield item
    for _, fault in done:
        yield fault


# --- CSV ------------------------------------------------------------------------------------


class CsvTable:
    """A CSV text parsed with the csv module: its header and rows, ragged rows as faults.

    Attributes
    ----------
    header : list of str
        Column names; an empty name becomes ``Unnamed: {i}`` and a repeated one
        ``{name}.1``, ``{name}.2`` … (as pandas names them).
    rows : list of (int, int, list of str)
        Each data row's number (1 = the first row after the header), the line it ends
        on, and its values, all text.
    faults : list of (int, int, str)
        Rows left out: number, line, reason (more or fewer fields than the header, or
        a line the csv module cannot parse).
    """

    def __init__(self, text: str) -> None:
        self.header: list[str] = []
        self.rows: list[tuple[int, int, list[str]]] = []
        self.faults: list[tuple[int, int, str]] = []
        with _csv_field_limit(CSV_FIELD_LIMIT):
            self._parse(text)

    def _parse(self, text: str) -> None:
        reader = csv.reader(io.StringIO(text, newline=""))
        self.header = _header(reader)
        n = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                n += 1
                self.faults.append((n, reader.line_num, f"not readable as CSV: {exc}"))
                continue
            if not values:  # a blank line, as pandas skips them
                continue
            n += 1
            if len(values) != len(self.header):
                self.faults.append(
                    (n, reader.line_num, f"{len(values)} fields where the header has {len(self.header)}")
                )
                continue
            self.rows.append((n, reader.line_num, values))


def _header(reader: Iterator[list[str]]) -> list[str]:
    """The first non-blank row, with names made unique; ``[]`` for a file without rows."""
    try:
        for values in reader:
            if values:
                return _unique_names(values)
    except csv.Error as exc:
        raise ReadError(f"the header row is not readable as CSV: {exc}") from exc
    return []


@contextlib.contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    # the limit is process-wide state of the csv module: put the caller's back afterwards
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _unique_names(names: list[str]) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        name = name or f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        out.append(name)
    return out


def parse_csv(data: bytes, *, encoding: str | None = None) -> tuple[CsvTable, str]:
    """Decode and parse CSV bytes (a byte-order mark and CRLF line ends are handled).

    Parameters
    ----------
    data : bytes
        The file's bytes.
    encoding : str, optional
        Their encoding; ``None``: detect it.

    Returns
    -------
    CsvTable, str
        The table and the encoding that read it.

    Raises
    ------
    ReadError
        The bytes are binary or undecodable.
    """
    decoded = decode_bytes(data, encoding=encoding)
    return CsvTable(decoded.text), decoded.encoding


def read_csv(file: InputFile) -> Iterator[Entry | Fault]:
    """The reader of .csv: a header row, then one document per row; every value is text.

    Parameters
    ----------
    file : InputFile
        The file, its text and id fields, and the encoding (``None``: detect it).

    Yields
    ------
    Entry or Fault
        A document per row; a fault naming the row for a row with more or fewer fields
        than the header, and for an empty text (``skipped``).

    Raises
    ------
    ReadError
        The file is binary or undecodable, or no field holds the text.
    """
    table, encoding = parse_csv(file.read_bytes(), encoding=file.encoding)
    faults = [
        (line, Fault(f"row {n} (line {line}): {reason}", "error", f"{file.name}#{n}"))
        for n, line, reason in table.faults
    ]
    yield from _merge(faults, _csv_entries(file, table, encoding))


def _csv_entries(file: InputFile, table: CsvTable, encoding: str) -> Iterator[tuple[int, Entry | Fault]]:
    if not table.header:
        return
    maker = RecordMaker(file, table.header, encoding)
    for n, line, values in table.rows:
        yield line, maker.make(n, dict(zip(table.header, values)), f"row {n} (line {line})")


# --- Parquet --------------------------------------------------------------------------------


def read_parquet(file: InputFile) -> Iterator[Entry | Fault]:
    """The reader of .parquet: one document per row (``encoding`` ``""``).

    Parameters
    ----------
    file : InputFile
        The file and its text and id fields.

    Yields
    ------
    Entry or Fault
        A document per row; a ``skipped`` fault for an empty text.

    Raises
    ------
    ReadError
        Not a readable Parquet file, or no field holds the text.
    DependencyError
        pyarrow is not installed.
    """
    optional_import("pyarrow", "parquet", ".parquet files")
    import pandas as pd

    try:
        frame = pd.read_parquet(file.path)
    except Exception as exc:  # pyarrow raises several kinds for damaged files
        raise ReadError(f"not a readable Parquet file: {exc}", path=file.name) from exc
    if not len(frame):
        return
    maker = RecordMaker(file, [str(c) for c in frame.columns], "")
    for n, row in enumerate(frame.to_dict("records"), 1):
        yield maker.make(n, {str(k): v for k, v in row.items()}, f"row {n}")
