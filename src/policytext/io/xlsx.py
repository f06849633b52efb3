"""The reader of spreadsheets (.xlsx, .xlsm): every sheet a table, one document per row.

The workbook is read with python-calamine (the ``xlsx`` extra), after its zip has been
checked against the decompression limits of :mod:`policytext.io.zipsafe` and copied with
the bounded reader, so nothing is decompressed before the limits are known to hold.
calamine was measured against openpyxl's read-only mode on a real 1.26 MB workbook of 168
reports: about half the time and 20 MiB less peak memory, most of it openpyxl's import.

Each sheet is read on its own:

- its **header** is the first row whose cells are mostly non-empty short strings, after
  any title rows (:func:`~policytext.io.columns.find_header`); a sheet without one has its
  columns named by their letters;
- the **text column** is chosen as in every table
  (:func:`~policytext.io.columns.choose_fields`); a sheet where none holds text is one
  ``skipped`` fault, ``no text field``; an empty sheet (or a chart sheet) is passed over;
- **cells**: text stays text; numbers stay numbers, whole ones as ``int`` (2019, not
  2019.0); dates and times become ISO text (``2019-03-05``); a column that mixes numbers
  and text is read as text throughout (one type per docvar column, as CSV and Parquet
  store them); a column whose numbers are all whole and of one width of at least
  :data:`~policytext.io.columns.CODE_MIN_DIGITS` digits holds codes and is read as text
  (``130607``);
- a **spreadsheet error** (``#REF!``, ``#VALUE!``) in the text cell makes its row an
  ``error`` fault naming the cell, elsewhere the docvar is left empty with a warning
  (calamine reads error cells as empty, so they are found in the sheet's XML);
  an empty text cell makes its row a ``skipped`` fault; a sheet calamine cannot parse is
  an ``error`` fault for that sheet, and the other sheets are read.

Every document gets the docvars ``sheet`` (the sheet's name) and ``sheet_row`` (the row's
number as the spreadsheet shows it), besides ``record``, ``text_field`` and ``title``.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from policytext.errors import ReadError
from policytext.io.base import Entry, Fault, InputFile
from policytext.io.columns import CODE_MIN_DIGITS, column_letter, sample, table_records
from policytext.io.office import optional_import
from policytext.io.records import BadCell, RecordMaker
from policytext.io.zipsafe import unpack_zip

__all__ = ["read_xlsx", "sheet_errors"]

#: the workbook part every .xlsx holds (its zip is recognised by it)
WORKBOOK = "xl/workbook.xml"
_WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
_CELL_REF = re.compile(r"([A-Z]{1,3})([0-9]+)")
# whole floats up to 2**53 are exact integers; past that a float's digits are not the code
_EXACT = 2**53


def _local(tag: str) -> str:
    """An XML tag without its namespace (transitional and strict OOXML differ there)."""
    return tag.rsplit("}", 1)[-1]


def _attr(element: ET.Element, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _sheet_parts(book: zipfile.ZipFile) -> dict[str, str]:
    """Each sheet's name → the zip member holding its XML."""
    workbook = ET.fromstring(book.read(WORKBOOK))
    rels = ET.fromstring(book.read(_WORKBOOK_RELS))
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if _local(r.tag) == "Relationship"}
    parts: dict[str, str] = {}
    for sheet in (e for e in workbook.iter() if _local(e.tag) == "sheet"):
        target = targets.get(_attr(sheet, "id"))
        name = sheet.get("name")
        if target and name is not None:
            # a target is relative to xl/, or absolute within the package
            parts[name] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
    return parts


def _position(ref: str) -> tuple[int, int] | None:
    """``"H7"`` → (row 6, column 7), both from 0."""
    m = _CELL_REF.fullmatch(ref)
    if m is None:
        return None
    column = 0
    for letter in m.group(1):
        column = column * 26 + ord(letter) - 64
    return int(m.group(2)) - 1, column - 1


def _errors_in(data: bytes) -> dict[tuple[int, int], str]:
    """The error cells of a sheet's XML: (row, column) → the error (``#REF!``)."""
    if b't="e"' not in data and b"t='e'" not in data:  # most sheets: no parse at all
        return {}
    found: dict[tuple[int, int], str] = {}
    for _, element in ET.iterparse(io.BytesIO(data)):
        tag = _local(element.tag)
        if tag == "c" and element.get("t") == "e":
            where = _position(element.get("r", ""))
            value = next((c.text for c in element if _local(c.tag) == "v"), None)
            if where is not None:
                found[where] = value or "#ERROR"
        if tag in ("c", "row"):
            element.clear()  # keep memory flat on long sheets
    return found


def sheet_errors(package: io.BytesIO | str) -> dict[str, dict[tuple[int, int], str]]:
    """The cells holding a spreadsheet error (``#REF!``, ``#N/A`` …), by sheet.

    calamine reads such cells as empty; this reads them from the sheets' XML, so a text
    cell holding an error is reported as an unreadable row, not as an empty one.

    Parameters
    ----------
    package : io.BytesIO or str
        The workbook (already checked by :func:`~policytext.io.zipsafe.unpack_zip`).

    Returns
    -------
    dict
        Sheet name → {(row, column) from 0 → the error as Excel writes it}; empty when
        the workbook's parts cannot be found or parsed (calamine then says what is wrong).
    """
    try:
        with zipfile.ZipFile(package) as book:
            return {
                name: _errors_in(book.read(part))
                for name, part in _sheet_parts(book).items()
                if part in book.NameToInfo
            }
    except (KeyError, ET.ParseError, zipfile.BadZipFile, ValueError):
        return {}


def _cell(value: Any) -> Any:
    """A calamine cell as a record's value (see the module's rules)."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT:
        return int(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


def _as_text(value: Any) -> Any:
    if isinstance(value, (bool, int, float)):
        return str(value)
    return value


def _codes(values: Sequence[Any]) -> bool:
    """Whether a column's numbers are codes: whole, not negative, one width of at least
    :data:`~policytext.io.columns.CODE_MIN_DIGITS` digits."""
    if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in values):
        return False
    widths = {len(str(v)) for v in values}
    return len(widths) == 1 and widths.pop() >= CODE_MIN_DIGITS


def _settle(names: Sequence[str], records: Sequence[dict[str, Any]]) -> None:
    """Give each column one type: text where it mixes numbers and text, or holds codes."""
    for name in names:
        values = [r[name] for r in records if r[name] is not None and not isinstance(r[name], BadCell)]
        kinds = {str if isinstance(v, str) else bool if isinstance(v, bool) else float for v in values}
        if len(kinds) > 1 or (kinds == {float} and _codes(values)):
            for record in records:
                record[name] = _as_text(record[name])


def _rows(raw: Sequence[Sequence[Any]], errors: Mapping[tuple[int, int], str]) -> list[list[Any]]:
    rows = [[_cell(v) for v in row] for row in raw]
    for (r, c), code in errors.items():
        while r >= len(rows):
            rows.append([])
        row = rows[r]
        row.extend([None] * (c + 1 - len(row)))
        row[c] = BadCell(f"cell {column_letter(c)}{r + 1} holds the spreadsheet error {code}")
    return rows


def _read_sheet(
    file: InputFile,
    name: str,
    raw: Sequence[Sequence[Any]],
    errors: Mapping[tuple[int, int], str],
    numbers: Iterator[int],
) -> Iterator[Entry | Fault]:
    """The documents of one sheet (see the module's rules)."""
    names, records = table_records(_rows(raw, errors))
    if not records:
        return  # an empty sheet, or a header alone: nothing to read, nothing wrong
    try:
        maker = RecordMaker(
            file, names, "", sample([r for _, r in records]), table=f"{file.name} sheet {name!r}"
        )
    except ReadError as exc:  # a text_field= this sheet does not have
        yield Fault(f"sheet {name!r}: {exc}", "error", f"{file.name}#{name}")
        return
    if maker.text_field is None:
        yield maker.no_text(f"{file.name}#{name}")
        return
    # the text column keeps its cells as they are: a number there is an unreadable text,
    # not one to write out as digits
    _settle([n for n in names if n != maker.text_field], [r for _, r in records])
    for index, record in records:
        item = maker.make(next(numbers), record, f"sheet {name!r} row {index + 1}")
        if isinstance(item, Entry):
            item.docvars["sheet"] = name
            item.docvars["sheet_row"] = index + 1
        yield item


def _worksheets(book: Any) -> list[str]:
    """The names of a workbook's worksheets, in order (chart and macro sheets left out)."""
    metadata = getattr(book, "sheets_metadata", None)
    if not metadata:
        return list(book.sheet_names)
    return [m.name for m in metadata if "chart" not in str(getattr(m, "typ", "")).lower()]


def read_xlsx(file: InputFile) -> Iterator[Entry | Fault]:
    """The reader of .xlsx and .xlsm: every sheet, one document per row (see the module).

    Parameters
    ----------
    file : InputFile
        The workbook, and its text and id fields.

    Yields
    ------
    Entry or Fault
        A document per row with text (``encoding`` ``""``, docvars ``sheet`` and
        ``sheet_row``); a ``skipped`` fault for a row with an empty text cell and for a
        sheet without a text column; an ``error`` fault for a row whose text cell cannot
        be read (a spreadsheet error, a number) and for a sheet that cannot be parsed.

    Raises
    ------
    ReadError
        Not a readable workbook, or refused as a possible zip bomb.
    DependencyError
        python-calamine is not installed (``pip install 'policytext[xlsx]'``).
    """
    calamine = optional_import("python_calamine", "xlsx", ".xlsx files")
    package = unpack_zip(file.path, name=file.name)  # the limits hold before any inflating
    errors = sheet_errors(package)
    package.seek(0)
    try:
        book = calamine.CalamineWorkbook.from_filelike(package)
        names = _worksheets(book)
    except Exception as exc:  # calamine raises its own kinds for damaged workbooks
        raise ReadError(f"not a readable .xlsx file: {exc}", path=file.name) from exc
    numbers = itertools.count(1)
    for name in names:
        try:
            raw = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # one damaged sheet costs only itself
            yield Fault(f"sheet {name!r} cannot be read: {exc}", "error", f"{file.name}#{name}")
            continue
        yield from _read_sheet(file, name, raw, errors.get(name, {}), numbers)
