"""Dates and years as metadata write them: parsing values, and which columns hold them.

A date is kept at the precision its source gives: :class:`DateValue` has a year, and a
month and a day when they are known; its ISO form is ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``.  Forms read:

- ISO and its cousins: ``2019-03-05``, ``2019/3/5``, ``2019.03.05``, ``2019-03-05T10:00``,
  ``2019-03`` (a month), ``2019`` (a year); ``datetime``/``date``/``Timestamp`` objects;
- Chinese: ``2019年3月5日``, full-width digits (``２０１９年``), Chinese numerals with every
  zero form (``二〇二二年一月二十七日``, ``二○○三年十一月八日``, ``二ＯＯ六年``);
- Republic of China (year + 1911): ``中華民國106年2月17日（星期五）上午10時1分``,
  ``民國107年``, ``民国一百零七年``, ``本（八十七）年``; ``107/12/21`` and ``107.12.21``
  (a 3-digit year can only be ROC; a 2-digit one only where the column is ROC-dated);
- in date-named columns only: Excel serial numbers (``43529``), ``20190305``, ROC
  ``1071221``, and a bare year.

``02/04/2009`` does not say whether April or February comes first: unless other values of
its column settle the order (a first field above 12 makes the column day-first), it raises
:class:`AmbiguousDate`, which still carries the year.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from policytext.io import date_resources as res

__all__ = [
    "AmbiguousDate",
    "DateError",
    "DateValue",
    "chinese_number",
    "column_kind",
    "date_rank",
    "day_first_column",
    "is_date_shaped",
    "normalise_name",
    "parse_date",
    "parse_year",
    "roc_column",
]

#: Excel's day 0 (the 1900 date system, with its 1900-02-29 that never was)
EXCEL_EPOCH = dt.date(1899, 12, 30)
#: serial numbers read as Excel dates: 1954-10-04 … 2119-01-08, the span of policy texts
EXCEL_SERIALS = (20_000, 80_000)
#: years taken as Gregorian years of a document
YEAR_SPAN = (1800, 2100)
#: ROC years taken (民國1年 = 1912 … 民國189年 = 2100)
ROC_SPAN = (1, 189)


class DateError(ValueError):
    """A value is not a date or a year this module can read; the message says why."""


class AmbiguousDate(DateError):
    """A date whose year is certain but whose day and month order is not (``02/04/2009``).

    Attributes
    ----------
    year : int
        The year, which is certain.
    """

    def __init__(self, message: str, year: int) -> None:
        super().__init__(message)
        self.year = year


@dataclass(frozen=True)
class DateValue:
    """A date known to the year, the month or the day.

    Attributes
    ----------
    year : int
    month : int or None
    day : int or None
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise DateError("a day without a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"no month {self.month}")
        if self.day is not None:
            try:
                dt.date(self.year, self.month or 1, self.day)
            except ValueError as exc:
                raise DateError(f"no such day: {self.year}-{self.month}-{self.day}") from exc

    @property
    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as precise as the date is known."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def full(self) -> bool:
        """Whether the day is known."""
        return self.day is not None


# --- numerals ----------------------------------------------------------------------------


def chinese_number(text: str) -> int:
    """The value of a Chinese numeral: digit by digit (二〇二二, 二ＯＯ六) or positional (一百零七).

    Parameters
    ----------
    text : str
        The numeral; every zero form (〇 ○ ◯ O Ｏ ０ 零) reads 0; Arabic digits are read too.

    Returns
    -------
    int
        Its value.

    Raises
    ------
    DateError
        A character that is no numeral.

    Examples
    --------
    >>> chinese_number("二○○三"), chinese_number("十一"), chinese_number("一百零七")
    (2003, 11, 107)
    """
    s = "".join(unicodedata.normalize("NFKC", text).split())
    if s.isdigit():
        return int(s)
    if not any(c in "十百廿卅" for c in s):
        digits = [res.CN_DIGIT.get(c) for c in s]
        if not digits or None in digits:
            raise DateError(f"{text!r} is not a numeral")
        return int("".join(str(d) for d in digits))
    return _positional(s, text)


def _positional(s: str, original: str) -> int:
    """一百零七 → 107, 二十七 → 27, 廿一 → 21 (the digit before 十 defaults to 1)."""
    total, digit = 0, None
    for c in s:
        if c in "廿卅":
            total += 20 if c == "廿" else 30
            digit = None
        elif c in "十百":
            total += (1 if digit is None else digit) * (10 if c == "十" else 100)
            digit = None
        elif c in res.CN_DIGIT:
            digit = res.CN_DIGIT[c]
        else:
            raise DateError(f"{original!r} is not a numeral")
    return total + (digit or 0)


# --- one value ---------------------------------------------------------------------------


def _nfkc(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def _value_from_match(m: re.Match[str], *, roc: bool) -> DateValue:
    """A date from a match of AR_DATE, CN_DATE or ROC_DATE (groups y, m, d)."""
    year = chinese_number(m.group("y"))
    if roc:
        if not ROC_SPAN[0] <= year <= ROC_SPAN[1]:
            raise DateError(f"ROC year {year} out of range")
        year += 1911
    month = chinese_number(m.group("m")) if m.group("m") else None
    day = chinese_number(m.group("d")) if m.group("d") else None
    return DateValue(year, month, day)


def _prose_date(s: str) -> DateValue | None:
    """A value written as a date in prose (2019年3月5日, 二〇一九年, 民國107年…), else None."""
    for pattern, roc in ((res.ROC_DATE, True), (res.AR_DATE, False), (res.CN_DATE, False)):
        m = pattern.match(s)
        if m is not None:
            if not res.VALUE_REST.match(s[m.end():]):
                raise DateError(f"{s!r} is not one date")
            return _value_from_match(m, roc=roc)
    m = res.ROC_THIS_YEAR.match(s)
    if m is not None and not s[m.end():].strip("度 "):
        return DateValue(chinese_number(m.group("y")) + 1911)
    return None


def _separated_date(s: str, *, roc: bool, day_first: bool | None) -> DateValue | None:
    """A value with separators (2019-03-05, 107/12/21, 02/04/2009), else None."""
    m = res.ISO_LIKE.match(s)
    if m is not None and res.VALUE_REST.match(m.group("rest")):
        day = int(m.group("d")) if m.group("d") else None
        return DateValue(int(m.group("y")), int(m.group("m")), day)
    m = res.ROC_NUMERIC.match(s)
    if m is not None and res.VALUE_REST.match(m.group("rest")):
        year = int(m.group("y"))
        if year < 100 and not roc:  # 98/01/05: 1998 or ROC 98 (2009) — the column must say
            raise DateError(f"{s!r} has a two-digit year")
        return DateValue(year + 1911, int(m.group("m")), int(m.group("d")))
    m = res.DAY_MONTH_YEAR.match(s)
    if m is not None and res.VALUE_REST.match(m.group("rest")):
        return _day_month_year(s, m, day_first)
    return None


def _day_month_year(s: str, m: re.Match[str], day_first: bool | None) -> DateValue:
    if len(m.group("y")) == 2:
        raise DateError(f"{s!r} has a two-digit year")
    year, a, b = int(m.group("y")), int(m.group("a")), int(m.group("b"))
    if a > 12 and b <= 12:
        return DateValue(year, b, a)
    if b > 12 and a <= 12:
        return DateValue(year, a, b)
    if day_first is None and a != b:
        raise AmbiguousDate(f"{s!r}: day and month could be either way round", year)
    return DateValue(year, b, a) if day_first or a == b else DateValue(year, a, b)


def _typed_date(value: Any) -> DateValue | None:
    """A datetime, date, pandas Timestamp or numpy datetime64, else None."""
    if isinstance(value, (dt.datetime, dt.date)):
        return DateValue(value.year, value.month, value.day)
    if type(value).__name__ == "datetime64":
        import pandas as pd

        stamp = pd.Timestamp(value)
        if pd.isna(stamp):
            return None
        return DateValue(stamp.year, stamp.month, stamp.day)
    return None


def _number_date(number: float, *, named: bool, roc: bool) -> DateValue:
    """A number in a date-named column: a year, an Excel serial, 20190305 or ROC 1071221."""
    if not named:
        raise DateError(f"{number:g} is a number, not a date")
    if not float(number).is_integer():
        whole = math.floor(number)  # an Excel date with a time of day
        if EXCEL_SERIALS[0] <= whole <= EXCEL_SERIALS[1]:
            return _excel(whole)
        raise DateError(f"{number:g} is not a date")
    n = int(number)
    if YEAR_SPAN[0] <= n <= YEAR_SPAN[1]:
        return DateValue(n)
    if EXCEL_SERIALS[0] <= n <= EXCEL_SERIALS[1]:
        return _excel(n)
    return _compact(str(n), roc=roc)


def _excel(serial: int) -> DateValue:
    day = EXCEL_EPOCH + dt.timedelta(days=serial)
    return DateValue(day.year, day.month, day.day)


def _compact(s: str, *, roc: bool) -> DateValue:
    m = res.COMPACT_DATE.match(s)
    if m is not None:
        return DateValue(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    m = res.COMPACT_ROC_DATE.match(s.zfill(7)) if len(s) in (6, 7) and roc else None
    if m is not None:
        return DateValue(int(m.group("y")) + 1911, int(m.group("m")), int(m.group("d")))
    raise DateError(f"{s!r} is not a date")


def _number(value: Any) -> float | None:
    """The value as a number when it is one (int, float, numeric string), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iuf":
        return float(value)
    return None


def parse_date(
    value: Any, *, roc: bool = False, named: bool = False, day_first: bool | None = None
) -> DateValue:
    """The date a metadata value states, as precisely as it states it.

    Parameters
    ----------
    value : str, number, datetime, date or Timestamp
        The value.
    roc : bool
        Whether its column is ROC-dated (two-digit years, ``1071221``, bare 3-digit years).
    named : bool
        Whether its column is named as a date: only then numbers are read (a year, an
        Excel serial number, ``20190305``); elsewhere a number is a code or a count.
    day_first : bool, optional
        The order of ``02/04/2009``-style values when the column has settled it.

    Returns
    -------
    DateValue
        The date (year, year-month or full).

    Raises
    ------
    AmbiguousDate
        Day and month could be either way round (the year is on the exception).
    DateError
        Not a date this function can read.

    Examples
    --------
    >>> parse_date("中華民國106年2月17日（星期五）上午10時1分").iso
    '2017-02-17'
    >>> parse_date("二○○三年十一月八日").iso, parse_date("2019/3").iso
    ('2003-11-08', '2019-03')
    """
    typed = _typed_date(value)
    if typed is not None:
        return typed
    number = _number(value)
    if number is not None:
        return _number_date(number, named=named, roc=roc)
    s = _nfkc(str(value))
    if not s:
        raise DateError("empty")
    if res.NUMBER_TEXT.fullmatch(s):  # a number written as text is still a number
        return _number_date(float(s), named=named, roc=roc)
    found = _prose_date(s) or _separated_date(s, roc=roc, day_first=day_first)
    if found is not None:
        return found
    raise DateError(f"{value!r} is not a date")


def parse_year(value: Any, *, roc: bool = False) -> int:
    """The year a year-column value states (``2019``, ``2019.0``, ``"２０１９年"``, ``民國107年``).

    Parameters
    ----------
    value : str or number
        The value.
    roc : bool
        Whether the column is ROC-dated (its years are 1–3-digit numbers: ``107`` is 2018).

    Returns
    -------
    int
        The Gregorian year.

    Raises
    ------
    DateError
        A span of years (``2021-2025``), or not a year.

    Examples
    --------
    >>> parse_year("2019年"), parse_year(2019.0), parse_year("107", roc=True), parse_year("民國107年")
    (2019, 2019, 2018, 2018)
    """
    number = _number(value)
    if number is not None:  # a number is a year or nothing: never an Excel serial here
        if not number.is_integer():
            raise DateError(f"{value!r} is not a year")
        return _checked_year(int(number), roc=roc, value=value)
    s = _nfkc(str(value))
    span = res.YEAR_RANGE.search(s)
    if span is not None and (span.group(2) or int(span.group(3)) > int(span.group(1)[2:])):
        raise DateError(f"{value!r} is a span of years, not one year")
    m = res.YEAR_TEXT.fullmatch(s)
    if m is not None:
        return _checked_year(int(m.group(1)), roc=roc, value=value)
    if len(s) >= 4 and all(c in res.CN_DIGIT for c in s[:4]) and s[4:] in ("", "年", "年度"):
        return _checked_year(chinese_number(s[:4]), roc=roc, value=value)  # 二○一九
    try:
        date = parse_date(s, roc=roc)
    except AmbiguousDate as exc:
        return exc.year
    return date.year


def _checked_year(n: int, *, roc: bool, value: Any) -> int:
    if YEAR_SPAN[0] <= n <= YEAR_SPAN[1]:
        return n
    if roc and ROC_SPAN[0] <= n <= ROC_SPAN[1]:
        return n + 1911
    raise DateError(f"{value!r} is not a year")


# --- columns -------------------------------------------------------------------------------


def normalise_name(name: Any) -> str:
    """A column name as the name lists hold it: NFKC, case-folded, without spaces,
    underscores, hyphens, dots, colons, slashes or brackets (``Release Time`` → ``releasetime``).

    Parameters
    ----------
    name : any
        The column name.

    Returns
    -------
    str
        The normalised name.
    """
    s = unicodedata.normalize("NFKC", str(name)).casefold()
    return res.NAME_NOISE.sub("", s)


def column_kind(name: Any) -> str | None:
    """What a column's name says it holds: ``date``, ``year``, ``title``, ``region`` or None.

    Parameters
    ----------
    name : any
        The column name (case, spaces and underscores do not matter).

    Returns
    -------
    str or None
        The kind; names of record keeping, effect, deadlines and plans (``更新时间``,
        ``实施日期``, ``target_year``) are no date or year.

    Examples
    --------
    >>> [column_kind(n) for n in ("Publish_Date", "发布时间", "年份", "区县名称", "更新时间", "区县代码")]
    ['date', 'date', 'year', 'region', None, None]
    """
    n = normalise_name(name)
    if n in res.TITLE_NAMES:
        return "title"
    if n in res.REGION_NAMES:
        return "region"
    if res.COLUMN_EXCLUDE.search(n):
        return None
    if n in res.YEAR_NAMES or n.endswith(("year", "年份", "年度")):
        return "year"
    if date_rank(n) is not None:
        return "date"
    return None


def date_rank(name: Any) -> int | None:
    """How close a date-named column is to the document's own date: 0 (成文日期, date
    signed, meeting date), 1 (a date: ``date``, ``日期``, ``时间``, names ending in
    ``date``/``日期``), 2 (published: ``发布日期``, ``release time``); None if not a date name.

    Parameters
    ----------
    name : any
        The column name.

    Returns
    -------
    int or None
        The rank (lower first).
    """
    n = normalise_name(name)
    if res.COLUMN_EXCLUDE.search(n):
        return None
    if n in res.DATE_NAMES_DOCUMENT:
        return 0
    if n in res.DATE_NAMES_PUBLISHED:
        return 2
    if n in res.DATE_NAMES_GENERIC or n.endswith(("date", "日期")):
        return 1
    return None


def is_date_shaped(value: Any) -> bool:
    """Whether a value, by itself, looks like a date: a typed date, or text with a date's
    shape (``2019-03-05``, ``2019年3月5日``, ``二〇一九年三月``, ``民國107年2月``) — never a
    number, a bare year, or a code.  Content detection of date columns uses this.

    Parameters
    ----------
    value : any
        A cell.

    Returns
    -------
    bool
        True for a date with at least a month, in one of the forms :func:`parse_date` reads.

    Examples
    --------
    >>> [is_date_shaped(v) for v in ("2019-03-05", "130607", 44562, "2019", "2019年3月")]
    [True, False, False, False, True]
    """
    if _typed_date(value) is not None:
        return True
    if not isinstance(value, str) or len(value) > 60:
        return False
    try:
        date = parse_date(value)
    except AmbiguousDate:
        return True
    except DateError:
        return False
    return date.month is not None


def roc_column(values: Iterable[Any], *, kind: str) -> bool:
    """Whether a column is ROC-dated, from its values: a year column whose years are all
    1–3-digit numbers, a date column with an explicit 民國 or a 3-digit year (107/12/21,
    1071221).

    Parameters
    ----------
    values : iterable
        The column's non-missing values.
    kind : {"date", "year"}
        What the column holds.

    Returns
    -------
    bool
        True when the column is ROC-dated.
    """
    texts = [_nfkc(f"{v:g}" if isinstance(v, float) else str(v)) for v in values]
    texts = [t for t in texts if t]
    if not texts:
        return False
    if any(res.ROC_PREFIX.match(t) for t in texts):
        return True
    if kind == "year":
        numbers = [res.YEAR_TEXT.fullmatch(t) for t in texts]
        return all(m is not None and len(m.group(1)) <= 3 for m in numbers)
    return any(res.ROC_LIKE_DATE.match(t) for t in texts)


def day_first_column(values: Sequence[Any]) -> bool | None:
    """The order of ``a/b/yyyy`` values in a column: True when some first field is above 12
    (day first), False when some second field is (month first), None when neither or both.

    Parameters
    ----------
    values : sequence
        The column's values.

    Returns
    -------
    bool or None
        The order the column settles, if it settles one.
    """
    firsts, seconds = False, False
    for value in values:
        if not isinstance(value, str):
            continue
        m = res.DAY_MONTH_YEAR.match(_nfkc(value))
        if m is not None:
            firsts |= int(m.group("a")) > 12
            seconds |= int(m.group("b")) > 12
    if firsts == seconds:
        return None
    return firsts
