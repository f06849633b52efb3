"""Each document's ``date``, ``year``, ``year_source``, ``year_note``, ``date_signed`` and
``doc_type``: metadata first, then the places of its text where a date belongs.

Order of trust, for the year:

1. a **column**: a date-named column (its rank first: the document's own date, then a
   plain date, then the publication date; :func:`~policytext.io.dates.date_rank`) and a
   year-named column; without either, a column whose values look like dates
   (:func:`~policytext.io.dates.is_date_shaped` for ≥ 80 % of its values, never numbers).
   ``year_source`` is ``column``, ``sidecar`` (it came from the metadata sidecar) or
   ``file name`` (a ``{year}``/``{roc_year}`` pattern field);
2. a year standing alone in the **file name** (one document per file; horizons such as
   ``2021-2025`` refused, and two different years make it none);
3. the text (:mod:`policytext.io.textdates`): ``header``, ``dateline``, ``document
   number``, ``signature`` (not in a transmittal, where it may be the attachment's) and
   ``title``.  When these give different years the year is left empty and ``year_note``
   says which said what.

Metadata stays as given: when the text contradicts it (the column says 2024, the header's
meeting was on 2022-01-24), the column's year is kept and ``corpus.problems`` gets a
``warning`` naming both; likewise when the header or title names a place (a county, a
city) that is not the value of a region column and does not hold it as one of its units.
A value that cannot be read stays in its column as written (a column named ``date`` or
``year`` itself is copied to ``date_original``/``year_original`` first), with a warning;
``date``/``year`` are then empty unless the text gives them.

``date`` is ISO at the precision known (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``); a year
from a column is made precise by a full date of the text in the same year.
``date_signed`` is the full date ending the text, whoever signed it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import pandas as pd

from policytext.io import date_resources as res
from policytext.io.dates import (
    AmbiguousDate,
    DateError,
    DateValue,
    column_kind,
    date_rank,
    day_first_column,
    is_date_shaped,
    normalise_name,
    parse_date,
    parse_year,
    roc_column,
)
from policytext.io.doctype import doc_type
from policytext.io.textdates import (
    TextEvidence,
    header_zone,
    place_units,
    read_evidence,
    standalone_years,
    title_lines,
)

__all__ = ["DATE_COLUMNS", "NO_DATE", "YEAR_SOURCES", "date_docvars"]

#: the columns this module adds, in order
DATE_COLUMNS = ("date", "year", "year_source", "year_note", "date_signed", "doc_type")
#: where a year can come from
YEAR_SOURCES = ("column", "sidecar", "file name", "header", "dateline", "document number", "signature", "title")
#: ``year_note`` when nothing gives a year
NO_DATE = "no date in the metadata or where a date belongs in the text"
#: share of a column's values that must look like dates for it to be taken as a date column
CONTENT_SHARE = 0.8
#: how many values of a column content detection looks at (the first, in order)
CONTENT_SAMPLE = 500
#: columns of the library's own, never read for dates
_OWN = frozenset({"doc_id", "path", "format", "encoding", "record", *DATE_COLUMNS, "date_original", "year_original"})

#: ``problem(path, doc_id, level, reason)``
Problem = Callable[[str, "str | None", str, str], None]


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


# --- which columns ----------------------------------------------------------------------------


@dataclass
class _Column:
    name: str
    roc: bool = False
    named: bool = True
    day_first: bool | None = None


@dataclass
class _Plan:
    dates: list[_Column] = field(default_factory=list)
    years: list[_Column] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    regions: list[tuple[str, int]] = field(default_factory=list)


def _values(frame: pd.DataFrame, name: str) -> list[Any]:
    return [v for v in frame[name].tolist() if not _missing(v)]


def _year_order(name: str) -> int:
    n = normalise_name(name)
    return {"year": 0, "年份": 1, "年度": 2, "年": 3}.get(n, 4)


def _plan(frame: pd.DataFrame) -> _Plan:
    """Which columns hold dates, years, titles and regions."""
    plan = _Plan()
    # a user's own date, year or date signed is read; the other names are the library's
    columns = [c for c in frame.columns if str(c) not in _OWN or str(c) in ("year", "date", "date_signed")]
    for name in columns:
        kind = column_kind(name)
        values = _values(frame, name) if kind in ("date", "year") else []
        if kind == "date":
            plan.dates.append(_Column(str(name), roc_column(values, kind="date"), True, day_first_column(values)))
        elif kind == "year":
            n = normalise_name(name)
            roc = n.startswith("roc") or "民国" in n or "民國" in n
            plan.years.append(_Column(str(name), roc or roc_column(values, kind="year")))
        elif kind == "title":
            plan.titles.append(str(name))
        elif kind == "region":
            plan.regions.append((str(name), res.REGION_NAMES[normalise_name(name)]))
    plan.dates.sort(key=lambda c: date_rank(c.name) or 0)
    plan.years.sort(key=lambda c: _year_order(c.name))
    if not plan.dates and not plan.years:
        plan.dates = _content_dates(frame, columns)
    return plan


def _content_dates(frame: pd.DataFrame, columns: Sequence[Any]) -> list[_Column]:
    """Columns no name marks as dates whose values do look like dates (never numbers)."""
    found = []
    for name in columns:
        if column_kind(name) is not None:
            continue
        values = _values(frame, name)[:CONTENT_SAMPLE]
        if values and sum(map(is_date_shaped, values)) >= CONTENT_SHARE * len(values):
            found.append(_Column(str(name), roc_column(values, kind="date"), False, day_first_column(values)))
    return found


# --- one document -------------------------------------------------------------------------------


@dataclass
class _Row:
    """What is known of one document's date so far."""

    year: int | None = None
    date: DateValue | None = None
    source: str | None = None
    column: str | None = None
    note: str | None = None
    warnings: list[str] = field(default_factory=list)
    unread: set[str] = field(default_factory=set)


def _source(column: str, i: int, name_fields: Sequence[frozenset[str]], sidecar: dict[str, list[bool]]) -> str:
    if column in name_fields[i]:
        return "file name"
    if sidecar.get(column, [False] * (i + 1))[i]:
        return "sidecar"
    return "column"


def _read_date_columns(row: dict[str, Any], plan: _Plan, out: _Row) -> DateValue | None:
    for col in plan.dates:
        value = row.get(col.name)
        if _missing(value):
            continue
        try:
            date = parse_date(value, roc=col.roc, named=col.named, day_first=col.day_first)
        except AmbiguousDate as exc:
            out.warnings.append(f"column {col.name!r}: {value!r} is ambiguous (day and month could be "
                                f"either way round): only its year {exc.year} is taken")
            out.unread.add(col.name)
            date = DateValue(exc.year)
        except DateError:
            out.warnings.append(f"column {col.name!r}: {value!r} cannot be read as a date: kept as written")
            out.unread.add(col.name)
            continue
        out.column = col.name
        return date
    return None


def _read_year_columns(row: dict[str, Any], plan: _Plan, out: _Row) -> tuple[int, str] | None:
    for col in plan.years:
        value = row.get(col.name)
        if _missing(value):
            continue
        try:
            return parse_year(value, roc=col.roc), col.name
        except DateError as exc:
            out.warnings.append(f"column {col.name!r}: {value!r} cannot be read as a year ({exc}): kept as written")
            out.unread.add(col.name)
    return None


def _from_metadata(row: dict[str, Any], plan: _Plan, source: Callable[[str], str]) -> _Row:
    out = _Row()
    date = _read_date_columns(row, plan, out)
    year = _read_year_columns(row, plan, out)
    if date is not None and out.column is not None:
        out.year, out.date, out.source = date.year, date, source(out.column)
    if year is not None:
        value, column = year
        if out.date is not None and out.date.year != value:
            out.warnings.append(
                f"year conflict: column {out.column!r} says {out.date.iso}, column {column!r} says "
                f"{value}; the year column is kept"
            )
        out.year, out.column, out.source = value, column, source(column)
        if out.date is None:
            out.date = DateValue(value)
    return out


_WHERE = {
    "header": "the header's date", "dateline": "the dateline",
    "document number": "the document number", "signature": "the date signed at the end of the text",
    "title": "the title",
}


def _check_text(out: _Row, ev: TextEvidence) -> None:
    """A year from the metadata: warn where the text says otherwise, refine the date."""
    said = "the file name" if out.source == "file name" else f"column {out.column!r}"
    for where, value in ev.candidates(usable=False):
        if value.year != out.year:
            out.warnings.append(
                f"year conflict: {said} says {out.year}, {_WHERE[where]} says {value.iso}; "
                "the metadata's year is kept"
            )
    if out.date is not None and out.date.month is None:
        same = [v for w, v in ev.candidates(usable=True) if v.full and v.year == out.year]
        if same:
            out.date = same[0]


def _from_text(out: _Row, ev: TextEvidence) -> None:
    """No year from the metadata: take the text's, when its places agree."""
    found = ev.candidates(usable=True)
    years = list(dict.fromkeys(v.year for _, v in found))
    if len(years) == 1:
        out.year, out.source = years[0], found[0][0]
        out.date = next((v for _, v in found if v.full), found[0][1])
    elif years:
        said = ", ".join(f"{where} {value.iso}" for where, value in found)
        out.note = f"the places where a date belongs disagree ({said}): no year taken"
    else:
        out.note = NO_DATE


# --- places --------------------------------------------------------------------------------------


def _unit_level(unit: str) -> frozenset[int]:
    suffix = max((s for s in res.UNIT_LEVELS if unit.endswith(s)), key=len, default=None)
    return res.UNIT_LEVELS[suffix] if suffix else frozenset()


def _bare(unit: str) -> str:
    suffix = max((s for s in res.UNIT_LEVELS if unit.endswith(s)), key=len, default="")
    return unit[: -len(suffix)] if suffix and len(unit) > len(suffix) else unit


def _levels(units: list[str]) -> list[frozenset[int]]:
    """Each unit's level; a 市 is prefecture-level when a unit follows it (保定市满城区),
    else taken as county-level (安国市 on its own is a county-level city as often as not)."""
    out = []
    for i, unit in enumerate(units):
        level = _unit_level(unit)
        if level == frozenset({2, 3}):
            level = frozenset({2}) if i < len(units) - 1 else frozenset({3})
        out.append(level)
    return out


def _same_place(value: str, units: list[str]) -> bool:
    mine = place_units(value) or [value]
    return any(v == u or _bare(v) == _bare(u) for v in mine for u in units)


def _place_warnings(row: dict[str, Any], plan: _Plan, found: tuple[str, ...]) -> list[str]:
    """Region columns whose value no place of the header or title holds, at its level."""
    out = []
    for name, level in plan.regions:
        value = row.get(name)
        if _missing(value) or not isinstance(value, str):
            continue
        value = value.strip()
        levels = {level} if level else set(_unit_level((place_units(value) or [value])[-1]))
        for place in found:
            units = place_units(place)
            if not units or _same_place(value, units):
                continue
            at_level = not levels or any(levels & level for level in _levels(units))
            if at_level:
                out.append(f"place conflict: column {name!r} says {value!r}, the header or title names {place!r}")
                break
    return out


# --- the archive -----------------------------------------------------------------------------------


@dataclass
class _Inputs:
    """What each document brings besides its docvars."""

    edges: Sequence[tuple[str, str]]
    name_year: Sequence[bool]
    name_fields: Sequence[frozenset[str]]
    sidecar: dict[str, list[bool]]
    from_text: bool


def _title(row: dict[str, Any], plan: _Plan) -> str | None:
    for name in plan.titles:
        value = row.get(name)
        if isinstance(value, str) and value.strip() and len(value) <= 300:
            return value
    return None


def _document(i: int, row: dict[str, Any], plan: _Plan, inputs: _Inputs) -> tuple[dict[str, Any], _Row]:
    """The date docvars of document ``i``."""
    out = _from_metadata(row, plan, lambda c: _source(c, i, inputs.name_fields, inputs.sidecar))
    if out.year is None and inputs.name_year[i]:
        years = standalone_years(PurePosixPath(str(row.get("path", ""))).name)
        if len(years) == 1:
            out.year, out.date, out.source = years[0], DateValue(years[0]), "file name"
    head, tail = inputs.edges[i]
    title = _title(row, plan)
    signed = None
    if inputs.from_text:
        ev = read_evidence(head, tail, title)
        if out.year is not None:
            _check_text(out, ev)
        else:
            _from_text(out, ev)
        out.warnings += _place_warnings(row, plan, ev.places)
        signed = ev.signature.iso if ev.signature is not None else None
        zone = ev.zone
    else:
        zone = header_zone(head)
        if out.year is None:
            out.note = "no date in the metadata (the text was not read for one: year_from_header=False)"
    values = {
        "date": out.date.iso if out.date is not None else None,
        "year": out.year,
        "year_source": out.source if out.year is not None else None,
        "year_note": out.note if out.year is None else None,
        "date_signed": signed,
        "doc_type": doc_type(title or next(iter(title_lines(zone)), None), zone),
    }
    return values, out


def date_docvars(
    frame: pd.DataFrame,
    edges: Sequence[tuple[str, str]],
    *,
    name_year: Sequence[bool],
    name_fields: Sequence[frozenset[str]] | None = None,
    sidecar: dict[str, list[bool]] | None = None,
    from_text: bool = True,
    problem: Problem | None = None,
) -> pd.DataFrame:
    """Add ``date``, ``year``, ``year_source``, ``year_note``, ``date_signed`` and
    ``doc_type`` to an archive's docvars.

    Parameters
    ----------
    frame : pandas.DataFrame
        The docvars, one row per document (``path`` and ``doc_id`` among them).
    edges : sequence of (str, str)
        Each document's head and tail as read.
    name_year : sequence of bool
        Whether each document's file name may give its year (one document per file).
    name_fields : sequence of frozenset of str, optional
        The docvars each document got from a file-name pattern.
    sidecar : dict, optional
        For each column that came from a metadata sidecar, which rows got it from there.
    from_text : bool
        Whether to read the text where a date belongs.
    problem : callable, optional
        ``problem(path, doc_id, level, reason)`` for each warning.

    Returns
    -------
    pandas.DataFrame
        The docvars with the new columns (``year`` as nullable integers); ``doc_type``
        and ``date_signed`` values already in the frame are kept.
    """
    plan = _plan(frame)
    inputs = _Inputs(edges, name_year, name_fields or [frozenset()] * len(frame), sidecar or {}, from_text)
    records: list[dict[str, Any]] = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    rows: list[dict[str, Any]] = []
    unread: set[str] = set()
    for i, row in enumerate(records):
        values, out = _document(i, row, plan, inputs)
        rows.append(values)
        unread |= out.unread
        if problem is not None:
            for reason in out.warnings:
                problem(str(row.get("path", "")), str(row.get("doc_id")), "warning", reason)
    return _assign(frame, rows, unread)


def _assign(frame: pd.DataFrame, rows: list[dict[str, Any]], unread: set[str]) -> pd.DataFrame:
    frame = frame.copy()
    for name in ("date", "year"):
        if name in unread:  # values that could not be read stay, as written, beside
            frame[f"{name}_original"] = frame[name]
    new = pd.DataFrame(rows, index=frame.index, columns=list(DATE_COLUMNS))
    for name in ("doc_type", "date_signed"):
        if name in frame.columns:
            new[name] = frame[name].where(frame[name].notna(), new[name])
    for name in DATE_COLUMNS:  # a column already there keeps its place
        column = new[name].astype(object).where(new[name].notna(), None)
        frame[name] = pd.array(column.tolist(), dtype="Int64") if name == "year" else column
    return frame
