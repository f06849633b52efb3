"""Readers of records: JSON Lines, JSON, CSV/TSV and Parquet, one document per record.

A record that cannot be read (invalid JSON, a ragged CSV row, a lone surrogate, a text
cell that holds a number or a spreadsheet error) is a :class:`~policytext.io.base.Fault`
naming its line or row, and the file's other records are read.  Which field holds the
text, the title and the id is decided once per table by
:func:`~policytext.io.columns.choose_fields` (names, then content); a table where no field
holds text is one ``skipped`` fault, ``no text field``.  Every other field becomes a
docvar; :class:`RecordMaker` is the one place that turns a row into a document, for every
reader of tables (the XLSX reader too).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import math
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from policytext.errors import ReadError
from policytext.io.base import Entry, Fault, InputFile, find_surrogate
from policytext.io.columns import (
    ID_NAMES,
    MIN_TEXT_MEDIAN,
    TEXT_NAMES,
    FieldChoice,
    choose_fields,
    sample,
    table_records,
    text_value,
    unescape_literals,
    unique_names,
)
from policytext.io.encoding import BinaryFileError, DecodeProblem, decode_bytes
from policytext.io.office import optional_import

__all__ = [
    "ID_FIELDS",
    "RESERVED_DOCVARS",
    "RESERVED_PREFIX",
    "TEXT_FIELDS",
    "BadCell",
    "CsvTable",
    "RecordMaker",
    "id_field_for",
    "parse_csv",
    "read_csv",
    "read_json",
    "read_jsonl",
    "read_parquet",
    "read_tsv",
    "reserved_name",
    "text_field_for",
]

logger = logging.getLogger("policytext.io")

#: fields taken as the text when ``text_field`` is not given, in this order (compared
#: without regard to case, spaces, underscores and hyphens; see :mod:`policytext.io.columns`)
TEXT_FIELDS = TEXT_NAMES
#: fields taken as the id when ``id_field`` is not given
ID_FIELDS = ID_NAMES
#: the longest CSV field read (the csv module's default, 131,072 characters, is shorter
#: than many reports)
CSV_FIELD_LIMIT = 2**31 - 1


def text_field_for(
    columns: Sequence[str], given: str | None = None, rows: Sequence[Mapping[Any, Any]] = ()
) -> str:
    """The field holding the documents' text: ``given``, else one named like a text
    (:data:`TEXT_FIELDS`), else (with ``rows``) the longest Chinese text.

    Parameters
    ----------
    columns : sequence of str
        The fields of the file's records.
    given : str, optional
        The field the caller named (``text_field=``).
    rows : sequence of mapping, optional
        The records, for choosing by content (see
        :func:`~policytext.io.columns.choose_fields`).

    Returns
    -------
    str
        The field's name.

    Raises
    ------
    ReadError
        ``given`` is not a field, or no field holds text.
    """
    field = choose_fields(columns, rows, given).text
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
    return choose_fields(columns, (), None, given).id


@dataclass(frozen=True)
class BadCell:
    """A cell a reader could not read, standing in for its value.

    In the text field it makes the record an ``error`` fault; in another field the
    docvar is left empty and the document keeps a warning.

    Attributes
    ----------
    reason : str
        What is wrong, naming the cell (``"cell H7 holds the spreadsheet error #REF!"``).
    """

    reason: str


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


def _docvar(value: Any) -> Any:
    """A field's value as a docvar: a scalar; lists and objects become JSON text (CSV
    and Parquet store one type per column, and JSON text keeps every value)."""
    if _missing(value):
        return None
    if isinstance(value, (str, int, float, bool)):
        return value
    tolist = getattr(value, "tolist", None)  # numpy arrays and scalars from Parquet
    if callable(tolist) and not isinstance(value, Mapping):
        value = tolist()
        if not isinstance(value, (list, dict)):
            return value
    if isinstance(value, (list, tuple, Mapping)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "a true/false value"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list that is not lines of text"
    return f"a {type(value).__name__}"


class RecordMaker:
    """Turns a table's rows into documents: text, id and docvars, or a fault.

    The fields are chosen once, on construction (:func:`~policytext.io.columns.choose_fields`),
    and the choice is logged at level ``INFO`` on the ``policytext.io`` logger.  Every
    document gets the docvars ``record`` (its position), ``text_field`` (the field its
    text came from) and, when a title field was found, ``title``.  The text and the title
    have literal escapes (``\\r\\n`` written out) made real
    (:func:`~policytext.io.columns.unescape_literals`).

    Parameters
    ----------
    file : InputFile
        The file the rows come from (its name makes default ids).
    columns : sequence of str
        The fields of its records, to choose the text and id fields from.
    encoding : str
        The ``encoding`` docvar of its documents.
    rows : sequence of mapping, optional
        The records (or a sample), to choose fields by content when no name says.
    table : str, optional
        The table, for the log note (default: the file's name).

    Attributes
    ----------
    choice : FieldChoice
        The fields chosen.
    text_field : str or None
        The text field; ``None`` when no field holds text (see :meth:`no_text`).
    id_field : str or None
        The id field.

    Raises
    ------
    ReadError
        The file's ``text_field`` or ``id_field`` is not a field.
    """

    def __init__(
        self,
        file: InputFile,
        columns: Sequence[str],
        encoding: str,
        rows: Sequence[Mapping[Any, Any]] = (),
        *,
        table: str | None = None,
    ) -> None:
        self.file = file
        self.encoding = encoding
        self.columns = list(columns)
        self.table = table or file.name
        self.choice: FieldChoice = choose_fields(columns, rows, file.text_field, file.id_field)
        self.text_field = self.choice.text
        self.id_field = self.choice.id
        logger.info(self.choice.note(self.table))
        own = {self.text_field, self.id_field}
        renamed = [str(c) for c in self.columns if str(c) in RESERVED_DOCVARS and c not in own]
        if renamed:
            kept = ", ".join(f"{c!r} as {reserved_name(c)!r}" for c in renamed)
            logger.info(f"{self.table}: the library computes its own {', '.join(map(repr, renamed))}: the field(s) kept {kept}")

    def no_text(self, doc_id: str | None = None) -> Fault:
        """The ``skipped`` fault of a table in which no field holds text.

        Parameters
        ----------
        doc_id : str, optional
            The id the fault names (default: none, the whole file).

        Returns
        -------
        Fault
            Its reason starts with ``no text field``.
        """
        shown = ", ".join(map(str, self.columns[:20])) + (" …" if len(self.columns) > 20 else "")
        where = "" if self.table == self.file.name else f"{self.table}: "
        return Fault(
            f"no text field: {where}no field is named like a text (text, content, 正文, 全文 …) "
            f"or holds texts of {MIN_TEXT_MEDIAN}+ characters (median) (fields: {shown}); "
            "name one with text_field=",
            "skipped",
            doc_id,
        )

    def make(self, n: int, row: Mapping[Any, Any], where: str, doc_id: str | None = None) -> Entry | Fault:
        """The document of record ``n`` (1-based), or why it is left out.

        Parameters
        ----------
        n : int
            The record's position in the file, counting from 1.
        row : mapping
            Its fields.
        where : str
            Where it stands, for messages (``"line 4"``, ``"row 3 (line 4)"``).
        doc_id : str, optional
            Its id when it has no id field (default: ``{file}#{n}``).

        Returns
        -------
        Entry or Fault
            The document; a ``skipped`` fault for an empty text; an ``error`` fault for a
            lone surrogate anywhere in the record (CSV and Parquet writers reject one) and
            for a text that is not text (a number, a spreadsheet error).
        """
        fields = dict(row)
        field = self.text_field
        value = fields.pop(field, None) if field is not None else None
        raw_id = fields.pop(self.id_field, None) if self.id_field is not None else None
        fallback = doc_id or f"{self.file.name}#{n}"
        doc_id = fallback if _missing(raw_id) or raw_id == "" else str(raw_id)
        if _surrogate_in(row):
            return Fault(
                f"{where}: a lone surrogate (an unpaired \\ud800-\\udfff escape) in the record:"
                " not valid Unicode text",
                "error",
                fallback,
            )
        if isinstance(value, BadCell):
            return Fault(f"{where}: the {field!r} field cannot be read: {value.reason}", "error", doc_id)
        text = None if _missing(value) else text_value(value)
        if text is None and not _missing(value):
            return Fault(f"{where}: the {field!r} field holds {_describe(value)}, not text", "error", doc_id)
        text = unescape_literals(text or "")
        if not text.strip():
            return Fault(f"{where}: the {field!r} field is empty", "skipped", doc_id)
        docvars, warnings = self._docvars(fields, where)
        docvars["record"] = n
        docvars["text_field"] = field
        if self.choice.title is not None:
            docvars["title"] = _title(fields.get(self.choice.title))
        return Entry(text, self.encoding, docvars, doc_id, warnings)

    def _docvars(self, fields: dict[Any, Any], where: str) -> tuple[dict[str, Any], tuple[str, ...]]:
        docvars: dict[str, Any] = {}
        warnings: list[str] = []
        for key, value in fields.items():
            if isinstance(value, BadCell):
                warnings.append(f"{where}: the {key!r} field cannot be read ({value.reason}); left empty")
                value = None
            docvars[reserved_name(str(key))] = _docvar(value)
        return docvars, tuple(warnings)


#: docvar names the library computes itself (reading, cleaning, the documents table); a
#: record field of the same name keeps its values under ``meta_<name>`` (README lists them)
RESERVED_DOCVARS = frozenset({
    "path", "format", "encoding", "record", "text_field", "sheet", "sheet_row", "year_source", "year_note",
    "doc_type", "duplicate_of", "text", "clean_steps", "clean_removed", "masks", "script", "traditional_share",
    "n_chars", "n_tokens", "n_words", "lost_chars", "spin_score", "spun", "despin_repairs", "despin_by_reference",
    "spin_evidence", "tokens",
})
RESERVED_PREFIX = "meta_"


def reserved_name(name: str) -> str:
    """The docvar name a record field gets: its own, or ``meta_<name>`` when the library
    computes a docvar of that name (a field ``script`` would otherwise be overwritten)."""
    return f"{RESERVED_PREFIX}{name}" if name in RESERVED_DOCVARS else name


def _title(value: Any) -> str | None:
    """A title cell as the ``title`` docvar: text, literal escapes made real."""
    if _missing(value) or isinstance(value, BadCell):
        return None
    text = text_value(value)
    return unescape_literals(str(value) if text is None else text)


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
    maker = RecordMaker(file, columns, encoding, sample([obj for _, _, obj in parsed]))
    if maker.text_field is None:
        yield 0, maker.no_text()
        return
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

    def __init__(self, text: str, delimiter: str = ",") -> None:
        self.header: list[str] = []
        self.rows: list[tuple[int, int, list[str]]] = []
        self.faults: list[tuple[int, int, str]] = []
        with _csv_field_limit(CSV_FIELD_LIMIT):
            self._parse(text, delimiter)

    def _parse(self, text: str, delimiter: str) -> None:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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
                return unique_names(values)
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


def parse_csv(data: bytes, *, encoding: str | None = None, delimiter: str = ",") -> tuple[CsvTable, str]:
    """Decode and parse CSV bytes (a byte-order mark and CRLF line ends are handled).

    Parameters
    ----------
    data : bytes
        The file's bytes.
    encoding : str, optional
        Their encoding; ``None``: detect it.
    delimiter : str
        The field separator (``"\\t"`` for TSV).

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
    return CsvTable(decoded.text, delimiter), decoded.encoding


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
        than the header, and for an empty text (``skipped``); one ``skipped`` fault,
        ``no text field``, when no column holds text.

    Raises
    ------
    ReadError
        The file is binary or undecodable, or ``text_field`` is not a column.
    """
    yield from _read_delimited(file, ",")


def read_tsv(file: InputFile) -> Iterator[Entry | Fault]:
    """The reader of .tsv: as :func:`read_csv`, with tabs between the fields.

    Parameters
    ----------
    file : InputFile
        The file, its text and id fields, and the encoding (``None``: detect it).

    Yields
    ------
    Entry or Fault
        A document per row, or a fault naming the row (see :func:`read_csv`).

    Raises
    ------
    ReadError
        The file is binary or undecodable, or ``text_field`` is not a column.
    """
    yield from _read_delimited(file, "\t")


def _read_delimited(file: InputFile, delimiter: str) -> Iterator[Entry | Fault]:
    table, encoding = parse_csv(file.read_bytes(), encoding=file.encoding, delimiter=delimiter)
    faults = [
        (line, Fault(f"row {n} (line {line}): {reason}", "error", f"{file.name}#{n}"))
        for n, line, reason in table.faults
    ]
    yield from _merge(faults, _csv_entries(file, table, encoding))


def _csv_entries(file: InputFile, table: CsvTable, encoding: str) -> Iterator[tuple[int, Entry | Fault]]:
    if not table.header:
        return
    records = [dict(zip(table.header, values)) for _, _, values in table.rows]
    maker = RecordMaker(file, table.header, encoding, sample(records))
    if maker.text_field is None:
        yield 0, maker.no_text()
        return
    for (n, line, _), record in zip(table.rows, records):
        yield line, maker.make(n, record, f"row {n} (line {line})")


# --- JSON -----------------------------------------------------------------------------------


def read_json(file: InputFile) -> Iterator[Entry | Fault]:
    """The reader of .json: one record, a list of records, or an object holding one list
    of records.

    The file may hold one object (one document, whose id is the file's name without
    ``.json``), a list of objects (a document each), an object holding one list of
    objects, directly or up to two objects down (``{"data": {"list": […]}}``: those are
    the records when they have a text field; the object's other fields are not read: they
    are usually paging or status fields of an API), or a list of arrays (rows of a table,
    its header row found as in a spreadsheet).  The text field is chosen as for every
    table (:func:`~policytext.io.columns.choose_fields`); a field holding a list of lines,
    or of speaker turns each a list of lines, is joined (turns separated by a blank line).
    Other fields become docvars; lists and objects among them as JSON text.

    Parameters
    ----------
    file : InputFile
        The file, its text and id fields, and the encoding (``None``: detect it).

    Yields
    ------
    Entry or Fault
        A document per record; a fault naming the item for an item that is not a record
        (``error``), a lone surrogate (``error``), or an empty text (``skipped``); one
        ``skipped`` fault, ``no text field``, for a file in which no field holds text
        (an index of ids and titles).

    Raises
    ------
    ReadError
        The file is binary, undecodable or not valid JSON, or ``text_field`` is not a field.
    """
    decoded = decode_bytes(file.read_bytes(), encoding=file.encoding)
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=file.name
        ) from exc
    items, single, faults = _json_items(data, file)
    yield from faults
    if not items and not faults:
        yield Fault(f"no text field: the file holds {_json_kind(data)}, not records", "skipped")
        return
    if not items:
        return
    columns = list(dict.fromkeys(k for _, _, obj in items for k in obj))
    maker = RecordMaker(file, columns, decoded.encoding, sample([obj for _, _, obj in items]))
    if maker.text_field is None:
        yield maker.no_text()
        return
    stem = PurePosixPath(file.name).with_suffix("").as_posix() if single else None
    for n, where, obj in items:
        yield maker.make(n, obj, where, stem)


def _json_kind(data: Any) -> str:
    if isinstance(data, list):
        return "an empty list" if not data else f"a list of {len(data):,} items"
    return {dict: "an empty object", str: "a string", bool: "a true/false value"}.get(
        type(data), "a number" if isinstance(data, (int, float)) else "null"
    )


_JsonItems = list[tuple[int, str, dict[str, Any]]]


def _json_items(data: Any, file: InputFile) -> tuple[_JsonItems, bool, list[Fault]]:
    """The records of a JSON file with their number (the item's position) and where each
    stands, whether the file is one record, and faults for items that are not records."""
    if isinstance(data, dict):
        lists = _record_lists(data)
        if len(lists) == 1 and _holds_text(lists[0][1], file):
            key, found = lists[0]
            return [(i, f"{key!r} item {i}", obj) for i, obj in enumerate(found, 1)], False, []
        return ([(1, "the object", data)] if data else []), True, []
    if not isinstance(data, list):
        return [], False, []
    if data and not any(isinstance(item, dict) for item in data):
        # rows of a table (a sheet exported as arrays): its header found as in a spreadsheet
        rows = [item if isinstance(item, list) else [item] for item in data]
        _, table = table_records(rows)
        return [(i + 1, f"item {i + 1}", obj) for i, obj in table], False, []
    items: _JsonItems = []
    faults: list[Fault] = []
    for i, item in enumerate(data, 1):
        if isinstance(item, dict):
            items.append((i, f"item {i}", item))
        else:
            faults.append(Fault(f"item {i}: a JSON {type(item).__name__}, not an object", "error", f"{file.name}#{i}"))
    return items, False, faults


def _record_lists(data: dict[str, Any], path: str = "", depth: int = 0) -> list[tuple[str, list[dict[str, Any]]]]:
    """The lists of objects an object holds, with their dotted paths; objects inside
    objects are searched too, two levels down (an API's ``{"data": {"list": […]}}``)."""
    found: list[tuple[str, list[dict[str, Any]]]] = []
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            found.append((where, value))
        elif isinstance(value, dict) and depth < 2:
            found.extend(_record_lists(value, where, depth + 1))
    return found


def _holds_text(records: list[dict[str, Any]], file: InputFile) -> bool:
    """Whether a list of objects inside an object has a text field (then its objects are
    the records, not the object holding them)."""
    columns = list(dict.fromkeys(k for obj in records for k in obj))
    if file.text_field is not None:
        return file.text_field in columns
    return choose_fields(columns, sample(records)).text is not None


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
    records = [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]
    maker = RecordMaker(file, [str(c) for c in frame.columns], "", sample(records))
    if maker.text_field is None:
        yield maker.no_text()
        return
    for n, row in enumerate(records, 1):
        yield maker.make(n, row, f"row {n}")
