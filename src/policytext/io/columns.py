"""Which column of a table holds the text, the title and the id, and where its header is.

Every reader of tables (CSV/TSV, JSON Lines, JSON, XLSX, Parquet) decides these once per
table with :func:`choose_fields`, so the rules and the lists they use live here, in one
place:

1. **Given.** ``text_field=`` (CLI ``--text-field``) names the text column; a name that is
   not a column of the table is an error.
2. **By name.** A column whose name, compared without regard to case, spaces,
   underscores and hyphens (:func:`normalize_name`), is one of :data:`TEXT_NAMES`; the
   first name of the list that the table has wins, and a column whose cells are all
   empty is passed over for the next name.
3. **By content.** Otherwise the column with the most Chinese (Han) characters among
   those whose cells are text and whose median length over non-empty cells is at least
   :data:`MIN_TEXT_MEDIAN` characters: titles, names, dates and ids are never that long.
   A cell that is a list of strings (lines) or a list of lists of strings (speaker turns)
   counts by the total length of its strings.
4. Otherwise the table has **no text field**: its reader reports one ``skipped`` fault.

The title column is one of :data:`TITLE_NAMES`, else a column that names things:
mostly distinct short Chinese strings (see :data:`TITLE_MEDIAN_RANGE`), the one with the
shortest median when several do.  It becomes the ``title`` docvar (the column itself is
kept too).  The choice is returned as a :class:`FieldChoice`, which readers of records
store as the ``text_field`` docvar of every record, and logged once per table at level
``INFO`` on the ``policytext.io`` logger (a note, not a problem).

The statistics are taken over at most :data:`SAMPLE_ROWS` rows spread evenly over the
table, so a long table costs no more than a short one to decide.
"""

from __future__ import annotations

import logging
import math
import re
import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from policytext.errors import ReadError

__all__ = [
    "CODE_MIN_DIGITS",
    "HEADER_MAX_CHARS",
    "HEADER_MIN_FILLED",
    "HEADER_MIN_SHORT",
    "HEADER_SCAN_ROWS",
    "ID_NAMES",
    "MIN_TEXT_MEDIAN",
    "SAMPLE_ROWS",
    "TEXT_NAMES",
    "TITLE_MEDIAN_RANGE",
    "TITLE_MIN_DISTINCT",
    "TITLE_MIN_HAN",
    "TITLE_NAMES",
    "FieldChoice",
    "choose_fields",
    "column_letter",
    "find_header",
    "han_count",
    "normalize_name",
    "sample",
    "table_records",
    "text_length",
    "text_value",
    "unescape_literals",
    "unique_names",
]

logger = logging.getLogger("policytext.io")

# --- the resources: name lists and minimums -------------------------------------------------

#: column names that hold a document's text, best first; compared after
#: :func:`normalize_name`, so ``Full Text``, ``full-text``, ``FULL_TEXT`` are ``fulltext``.
#: Names of the whole text come before generic ones (``全文`` before ``内容``): a table
#: with both has a summary in the generic one more often than not.
TEXT_NAMES: tuple[str, ...] = (
    "text", "full_text", "fulltext", "policy_content", "policy_text", "document_text",
    "doc_text", "article_text", "article_body", "body_text", "main_text",
    "报告全文", "報告全文", "全文", "全文内容", "全文內容", "政策全文", "文件全文", "讲话全文",
    "講話全文", "正文", "正文内容", "正文內容", "文章正文", "文件正文", "原文", "政策原文",
    "文本", "文章内容", "文章內容", "政策内容", "政策內容", "文件内容", "文件內容", "报告内容",
    "報告內容", "发言内容", "發言內容", "内容", "內容", "内文", "內文",
    "content", "contents", "body", "article", "transcript", "speech",
)
#: column names that hold a document's title, best first (same comparison)
TITLE_NAMES: tuple[str, ...] = (
    "title", "doc_title", "document_title", "policy_title", "report_title", "article_title",
    "标题", "標題", "报告标题", "報告標題", "文件标题", "文件標題", "政策标题", "政策標題",
    "文章标题", "文章標題", "题名", "題名", "篇名", "题目", "題目", "文件名称", "文件名稱",
    "政策名称", "政策名稱", "headline", "policy", "policy_name", "name", "名称", "名稱",
)
#: column names that hold a record's id (same comparison)
ID_NAMES: tuple[str, ...] = ("doc_id", "id", "document_id", "record_id")

#: the least median length (characters, over non-empty cells) of a column taken as the
#: text by its content: a paragraph; titles (10-40), names, dates and ids stay far below
MIN_TEXT_MEDIAN = 200
#: the median length (characters) of a column that names its documents, when no column
#: is named like a title: longer than a place name or a category, shorter than an abstract
TITLE_MEDIAN_RANGE = (8, 100)
#: the least share of distinct values in a title column (a few documents share a title;
#: categories such as a region level repeat)
TITLE_MIN_DISTINCT = 0.8
#: the least share of Han characters in a title column's values (document numbers such as
#: 国发〔2019〕5号 and codes fall below it)
TITLE_MIN_HAN = 0.5
#: how many rows, spread evenly over the table, the column statistics look at
SAMPLE_ROWS = 5000
#: a spreadsheet column whose every number is a whole number written with the same count
#: of digits, at least this many, holds codes (administrative division codes such as
#: 130607, postal codes, dates written 20190305): it is read as text, its digits kept
CODE_MIN_DIGITS = 6

#: a sheet's header is looked for among its first rows that hold anything
HEADER_SCAN_ROWS = 20
#: a header cell is a string of at most this many characters
HEADER_MAX_CHARS = 60
#: the least share of a header row's non-empty cells that are such short strings
HEADER_MIN_SHORT = 0.8
#: the least share of the table's columns a header row fills (a title row above the
#: header fills one cell of many)
HEADER_MIN_FILLED = 0.5

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_NAME_NOISE = re.compile(r"[\s_\-‐‑–—]+")
# a backslash escape written out as characters; \\ (an escaped backslash) is left alone
_LITERAL_ESCAPE = re.compile(r"(\\\\)|\\r\\n|\\n|\\r|\\t")

Rule = Literal["given", "name", "content"]


# --- cells ----------------------------------------------------------------------------------


def normalize_name(name: object) -> str:
    """A column name as the name lists compare it: NFKC, case-folded, without spaces,
    underscores or hyphens.

    Parameters
    ----------
    name : object
        A column name (non-strings are written out with :func:`str`).

    Returns
    -------
    str
        ``"Policy_Content"`` → ``"policycontent"``; ``"Ｆｕｌｌ Ｔｅｘｔ"`` → ``"fulltext"``.
    """
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", str(name)).casefold())


def _as_list(value: Any) -> list[Any] | None:
    """``value`` as a list when it is a sequence of cells (a JSON array, a tuple, or the
    numpy array Parquet gives for a list column), else ``None``."""
    if isinstance(value, (list, tuple)):
        return list(value)
    tolist = getattr(value, "tolist", None)
    if callable(tolist) and getattr(value, "ndim", 0) == 1:
        out = tolist()
        return out if isinstance(out, list) else None
    return None


def _lines(items: list[Any]) -> list[str] | None:
    """The strings of a list of lines (``None`` items dropped), or ``None`` when an item
    is not a string."""
    out: list[str] = []
    for item in items:
        if item is None:
            continue
        if not isinstance(item, str):
            return None
        out.append(item)
    return out


def text_value(value: Any) -> str | None:
    """A cell as a document's text, or ``None`` when it is not text.

    A string is itself.  A list of strings is a list of printed lines, joined with
    ``"\\n"``.  A list of lists of strings is a list of speaker turns, each a list of
    lines: lines within a turn are joined with ``"\\n"`` and turns with a blank line
    (``"\\n\\n"``), so every turn starts a paragraph; a turn with no text is dropped, and
    blank lines at a turn's ends are.

    Parameters
    ----------
    value : any
        A cell or a record's field.

    Returns
    -------
    str or None
        The text; ``None`` for numbers, dates, booleans, objects, and lists holding them.
    """
    if isinstance(value, str):
        return value
    items = _as_list(value)
    if items is None:
        return None
    if not any(_as_list(item) is not None for item in items):
        lines = _lines(items)
        return None if lines is None else "\n".join(lines)
    turns: list[str] = []
    for item in items:
        inner = _as_list(item)
        lines = [item] if isinstance(item, str) else _lines(inner) if inner is not None else None
        if lines is None:
            if item is None:
                continue
            return None
        # blank lines at a turn's ends would only widen the blank line between turns
        turn = "\n".join(lines).strip("\n")
        if turn.strip():
            turns.append(turn)
    return "\n\n".join(turns)


def text_length(value: Any) -> int:
    """How many characters of text a cell holds (a list counts by its strings' total).

    Parameters
    ----------
    value : any
        A cell.

    Returns
    -------
    int
        0 for a cell that is not text (:func:`text_value`).
    """
    if isinstance(value, str):
        return len(value)
    if text_value(value) is None:
        return 0
    return sum(text_length(item) for item in _as_list(value) or ())


def han_count(text: str) -> int:
    """How many Han characters (CJK ideographs, extensions included) ``text`` holds.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    int
        The count.
    """
    return len(text) - len(_HAN.sub("", text))


def unescape_literals(text: str) -> str:
    """``text`` with backslash escapes written out as characters made real.

    Scraped exports often hold ``\\r\\n``, ``\\n`` and ``\\t`` as two characters each (a
    backslash and a letter): they become a line break (``\\r\\n``, ``\\n`` and ``\\r`` all
    become ``"\\n"``) and a tab.  An escaped backslash (``\\\\``) is left as it is, and
    so is what follows it.  Every reader of tables applies this to the text and the
    title, in :class:`~policytext.io.records.RecordMaker`; other fields are left as they
    are (a Windows path ``D:\\new`` in a docvar stays intact).

    Parameters
    ----------
    text : str
        A cell's text.

    Returns
    -------
    str
        The text with real line breaks and tabs.

    Examples
    --------
    >>> unescape_literals("第一段。\\\\r\\\\n第二段。\\\\t完")
    '第一段。\\n第二段。\\t完'
    """
    if "\\" not in text:
        return text
    return _LITERAL_ESCAPE.sub(_unescape_one, text)


def _unescape_one(m: re.Match[str]) -> str:
    found = m.group()
    if m.group(1):
        return found
    return "\t" if found == "\\t" else "\n"


def _filled(value: Any) -> bool:
    """Whether a cell holds something (not ``None``, NaN or blank text)."""
    if value is None:
        return False
    if isinstance(value, float):
        return not math.isnan(value)
    if isinstance(value, str):
        return bool(value.strip())
    return True


def sample(rows: Sequence[Any], limit: int = SAMPLE_ROWS) -> Sequence[Any]:
    """At most ``limit`` rows spread evenly over ``rows`` (all of them when fewer).

    Parameters
    ----------
    rows : sequence
        A table's rows.
    limit : int
        The most rows to return.

    Returns
    -------
    sequence
        ``rows`` itself, or every k-th row of it.
    """
    if len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


# --- choosing the fields --------------------------------------------------------------------


@dataclass(frozen=True)
class FieldChoice:
    """The columns a table's documents take their text, title and id from.

    Attributes
    ----------
    text : str or None
        The text column; ``None`` when no column holds text.
    rule : {"given", "name", "content"} or None
        How it was chosen: named by the caller, by its name (:data:`TEXT_NAMES`), or by
        its content (:data:`MIN_TEXT_MEDIAN`).
    title : str or None
        The title column (its values become the ``title`` docvar).
    id : str or None
        The id column (given, or one of :data:`ID_NAMES`).
    """

    text: str | None
    rule: Rule | None
    title: str | None = None
    id: str | None = None

    def note(self, where: str) -> str:
        """One line saying which columns were used, for a log.

        Parameters
        ----------
        where : str
            The table (a file, or a file and a sheet).

        Returns
        -------
        str
            E.g. ``"GOV_PRC.csv: text from column 'Policy_Content' (by its name), title
            from 'Policy'"``.
        """
        how = {"given": "as given", "name": "by its name", "content": "by its content"}
        if self.text is None:
            return f"{where}: no column holds text"
        out = f"{where}: text from column {self.text!r} ({how[self.rule or 'name']})"
        if self.title is not None:
            out += f", title from {self.title!r}"
        return out


def _by_name(columns: Sequence[str], names: Iterable[str]) -> list[str]:
    """The columns whose names are in ``names``, in the order of ``names``; a column
    spelt exactly like a name comes before one that only matches it normalised."""
    normal: dict[str, list[str]] = {}
    for column in columns:
        normal.setdefault(normalize_name(column), []).append(column)
    out: list[str] = []
    for name in names:
        found = normal.get(normalize_name(name), [])
        out.extend(sorted(found, key=lambda c: c != name))
    return list(dict.fromkeys(out))


@dataclass
class _Stats:
    """What a column's sampled cells look like."""

    lengths: list[int]
    han: int
    texts: list[str]

    @property
    def median(self) -> float:
        return statistics.median(self.lengths) if self.lengths else 0.0


def _stats(rows: Sequence[Mapping[Any, Any]], column: str) -> _Stats:
    lengths: list[int] = []
    han = 0
    texts: list[str] = []
    for row in rows:
        value = row.get(column)
        if not _filled(value):
            continue
        text = text_value(value)
        if text is None or not text.strip():
            continue
        texts.append(text)
        lengths.append(text_length(value))
        han += han_count(text)
    return _Stats(lengths, han, texts)


def _text_by_content(columns: Sequence[str], rows: Sequence[Mapping[Any, Any]]) -> str | None:
    best: tuple[int, int] | None = None
    chosen: str | None = None
    for column in columns:
        stats = _stats(rows, column)
        if not stats.lengths or stats.median < MIN_TEXT_MEDIAN:
            continue
        score = (stats.han, sum(stats.lengths))  # most Chinese text; most text among others
        if best is None or score > best:
            best, chosen = score, column
    return chosen


def _title_by_content(columns: Sequence[str], rows: Sequence[Mapping[Any, Any]]) -> str | None:
    low, high = TITLE_MEDIAN_RANGE
    found: list[tuple[float, int, str]] = []
    for i, column in enumerate(columns):
        stats = _stats(rows, column)
        if not stats.lengths or not low <= stats.median <= high:
            continue
        if len(set(stats.texts)) < TITLE_MIN_DISTINCT * len(stats.texts):
            continue
        if stats.han < TITLE_MIN_HAN * sum(stats.lengths):
            continue
        found.append((stats.median, i, column))
    return min(found)[2] if found else None


def _has_text(rows: Sequence[Mapping[Any, Any]], column: str) -> bool:
    return any(_filled(row.get(column)) for row in rows)


def _given(columns: Sequence[str], given: str, what: str) -> str:
    if given not in columns:
        raise ReadError(f"no {what} field {given!r} (fields: {', '.join(map(str, columns))})")
    return given


def choose_fields(
    columns: Sequence[str],
    rows: Sequence[Mapping[Any, Any]] = (),
    text_field: str | None = None,
    id_field: str | None = None,
) -> FieldChoice:
    """Decide a table's text, title and id columns (see the module's rules).

    Parameters
    ----------
    columns : sequence of str
        The table's column names, in order.
    rows : sequence of mapping
        Its rows (or a sample of them, :func:`sample`) as ``{column: cell}``; without
        rows only names decide.
    text_field, id_field : str, optional
        The columns the caller named.

    Returns
    -------
    FieldChoice
        The columns; ``text`` is ``None`` when none holds text.

    Raises
    ------
    ReadError
        ``text_field`` or ``id_field`` is not a column.
    """
    rows = sample(rows)
    ids = _given(columns, id_field, "id") if id_field is not None else next(iter(_by_name(columns, ID_NAMES)), None)
    rule: Rule | None
    if text_field is not None:
        text: str | None = _given(columns, text_field, "text")
        rule = "given"
    else:
        named = [c for c in _by_name(columns, TEXT_NAMES) if c != ids]
        # a named column with nothing in it is passed over, unless no other column holds text
        text = next((c for c in named if not rows or _has_text(rows, c)), None)
        rule = "name" if text is not None else None
        if text is None and rows:
            text = _text_by_content([c for c in columns if c != ids], rows)
            rule = "content" if text is not None else None
        if text is None and named:
            text, rule = named[0], "name"
    others = [c for c in columns if c not in (text, ids)]
    title = next(iter(_by_name(others, TITLE_NAMES)), None)
    if title is None and rows:
        title = _title_by_content(others, rows)
    return FieldChoice(text, rule, title, ids)


# --- headers --------------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """A spreadsheet column's letters from its 0-based index: 0 → ``A``, 27 → ``AB``.

    Parameters
    ----------
    index : int
        The column's position, from 0.

    Returns
    -------
    str
        Its letters.
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _is_header_cell(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value.strip()) <= HEADER_MAX_CHARS


def find_header(rows: Sequence[Sequence[Any]]) -> int | None:
    """The index of a table's header row, or ``None`` when it has none.

    The header is the first row, among the first :data:`HEADER_SCAN_ROWS` rows that hold
    anything, that fills at least :data:`HEADER_MIN_FILLED` of the table's columns (and
    two cells when the table has two columns or more) and whose non-empty cells are
    mostly (:data:`HEADER_MIN_SHORT`) strings of at most :data:`HEADER_MAX_CHARS`
    characters.  Rows above it are title rows (one cell naming the table) or blank.
    A table has no header when a row holding a text (a cell of :data:`MIN_TEXT_MEDIAN`
    characters or more) comes before such a row, or none is found: its data starts at
    the top, and no row is lost to a header that is not one.

    Parameters
    ----------
    rows : sequence of sequence
        The table's rows of cells; an empty cell is ``None`` or ``""``.

    Returns
    -------
    int or None
        The header's index in ``rows``.
    """
    scanned: list[tuple[int, list[Any]]] = []
    for i, row in enumerate(rows):
        filled = [v for v in row if _filled(v)]
        if filled:
            scanned.append((i, filled))
        if len(scanned) == HEADER_SCAN_ROWS:
            break
    if not scanned:
        return None
    width = max(_width(rows[i]) for i, _ in scanned)
    least = max(min(2, width), math.ceil(HEADER_MIN_FILLED * width))
    for i, filled in scanned:
        if any(text_length(v) >= MIN_TEXT_MEDIAN for v in filled):
            return None  # a text before any header: the data starts at the top
        short = sum(_is_header_cell(v) for v in filled)
        if len(filled) >= least and short >= HEADER_MIN_SHORT * len(filled):
            return i
    return None


def _width(row: Sequence[Any]) -> int:
    """How many columns a row reaches (up to its last non-empty cell)."""
    return max((i + 1 for i, v in enumerate(row) if _filled(v)), default=0)


def _header_names(cells: Sequence[Any], width: int) -> list[str]:
    names: list[str] = []
    for i in range(width):
        value = cells[i] if i < len(cells) else None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        names.append(str(value).strip() if _filled(value) else "")
    return names


def unique_names(names: Sequence[str]) -> list[str]:
    """Column names made usable: an empty one becomes ``Unnamed: {i}``, a repeated one
    ``{name}.1``, ``{name}.2`` … (as pandas names them).

    Parameters
    ----------
    names : sequence of str
        The header's names.

    Returns
    -------
    list of str
        Unique names.
    """
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


def table_records(rows: Sequence[Sequence[Any]]) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """A table's column names and its data rows as records, its header found by
    :func:`find_header`.

    Without a header, columns are named by their spreadsheet letters (``A``, ``B`` …)
    and every row that holds anything is data.  Columns with no name and nothing in any
    row are dropped; rows with nothing in them are not records.

    Parameters
    ----------
    rows : sequence of sequence
        The table's rows of cells.

    Returns
    -------
    names : list of str
        The column names (unique, see :func:`unique_names`).
    records : list of (int, dict)
        Each data row's index in ``rows`` and its cells by column name.
    """
    at = find_header(rows)
    body = rows[at + 1 :] if at is not None else rows
    first = at + 1 if at is not None else 0
    width = max([_width(r) for r in body] + [_width(rows[at]) if at is not None else 0], default=0)
    header = _header_names(rows[at], width) if at is not None else [column_letter(i) for i in range(width)]
    data = [(i, row) for i, row in enumerate(body, first) if any(_filled(v) for v in row)]
    # a column without a name and without a value is layout (a spacer), not a field
    keep = [j for j in range(width) if header[j] or any(j < len(r) and _filled(r[j]) for _, r in data)]
    names = unique_names([header[j] for j in keep])
    records = [(i, {name: row[j] if j < len(row) else None for name, j in zip(names, keep)}) for i, row in data]
    return names, records
