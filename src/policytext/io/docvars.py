"""Docvars of an archive's documents: file-name patterns, sidecar metadata, dates, ids.

Dates and years are read by :mod:`policytext.io.dating` (metadata first, then the places
of the text where a date belongs); this module keeps what each document brings to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from policytext.errors import ConfigError, ReadError
from policytext.io.dates import DateError, parse_year
from policytext.io.duplicates import TextKey
from policytext.io.records import parse_csv

# HEAD_CHARS and TAIL_CHARS: how much of a document's beginning and end is kept
# (:attr:`Archive.edges`), where its date and a scraped page's furniture stand
from policytext.io.textdates import HEAD_CHARS, TAIL_CHARS, in_horizon, standalone_years

__all__ = [
    "HEAD_CHARS",
    "SIDECAR_NAMES",
    "TAIL_CHARS",
    "Doc",
    "attach_sidecar",
    "compile_pattern",
    "edges",
    "filename_year",
    "keyed_sidecar",
    "load_sidecar",
    "pattern_fields",
    "rename_duplicates",
    "to_year",
    "years",
]

#: sidecar files read automatically from an archive's top folder (the first found)
SIDECAR_NAMES = ("metadata.csv", "docvars.csv", "_metadata.csv")
_SIDECAR_KEYS = ("file", "path", "filename", "doc_id")

#: ``problem(path, doc_id, level, reason)``: records a row of ``corpus.problems``
Problem = Callable[[str, "str | None", str, str], None]


@dataclass
class Doc:
    """A document read from an archive: its id, text (or head) and docvars.

    ``name_year``: whether a year in the file's name may stand for the document's year
    (true for one text per file, false for records, which share their file's name).
    ``name_fields``: the docvars its file-name pattern gave.  ``edges``: the head and the
    tail of its text as read (:func:`edges`), kept when the text itself is not.
    """

    doc_id: str
    text: str
    docvars: dict[str, Any] = field(default_factory=dict)
    name_year: bool = True
    name_fields: frozenset[str] = frozenset()
    edges: tuple[str, str] | None = None
    key: TextKey | None = None  # what duplicate detection needs of its text


def edges(text: str) -> tuple[str, str]:
    """The head (first :data:`HEAD_CHARS` characters) and tail (last :data:`TAIL_CHARS`)
    of a text; a short text's head and tail overlap.

    Parameters
    ----------
    text : str
        The text as read.

    Returns
    -------
    (str, str)
        Head and tail.
    """
    return text[:HEAD_CHARS], text[-TAIL_CHARS:]


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``"{year}政府工作报告_{speaker}*.txt"`` → a regex over the file name.

    Parameters
    ----------
    pattern : str
        ``{year}`` matches four digits, ``{roc_year}`` a Republic-of-China year of two or
        three digits (``LCIDC01_{roc_year}*``: 106 is 2017), other ``{fields}`` as much text
        without ``_``, ``/`` or ``\\`` as they can, and ``*`` anything.

    Returns
    -------
    re.Pattern
        A regex with a named group per field, to be matched with ``fullmatch``.

    Raises
    ------
    ConfigError
        The pattern names a field twice or a field is not a Python identifier.
    """
    out = []
    for token in re.split(r"(\{\w+\}|\*)", pattern):
        if token == "*":
            out.append(".*?")
        elif token.startswith("{") and token.endswith("}"):
            name = token[1:-1]
            out.append(_PATTERN_FIELDS.get(name, rf"(?P<{name}>[^_/\\]+)").replace("NAME", name))
        else:
            out.append(re.escape(token))
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise ConfigError(f"file-name pattern {pattern!r} is not usable: {exc}") from exc


_PATTERN_FIELDS = {"year": r"(?P<NAME>\d{4})", "roc_year": r"(?P<NAME>\d{2,3})"}


def pattern_fields(name: str, m: re.Match[str]) -> dict[str, Any]:
    """The fields of a file-name match, a ``year`` that is a plan horizon (``{year}`` on
    ``2021-2025规划.txt``) left out.

    Parameters
    ----------
    name : str
        The file name the pattern matched.
    m : re.Match
        The match.

    Returns
    -------
    dict
        Field → value.
    """
    fields: dict[str, Any] = m.groupdict()
    for key in ("year", "roc_year"):
        if fields.get(key) is not None and in_horizon(name, m.start(key), m.end(key)):
            del fields[key]
    return fields


def filename_year(name: str) -> int | None:
    """The year (19xx, 20xx) standing alone in a file name, when there is exactly one.

    Years of a plan horizon (``十四五规划2021-2025.txt``, ``2035远景目标.txt``) are no
    year; two different years (``2019总结与2020计划.txt``) make it none.

    Parameters
    ----------
    name : str
        The file name.

    Returns
    -------
    int or None
        The year.
    """
    years = standalone_years(name)
    return years[0] if len(years) == 1 else None


def to_year(value: Any) -> int | None:
    """The year a docvar value states (``2019``, ``"2019-03-05"``, ``"２０１９年"``, ``民國107年``).

    Parameters
    ----------
    value : any
        A docvar value.

    Returns
    -------
    int or None
        The year; ``None`` for a missing value or one that states no single year.
    """
    if value is None or _isna(value):
        return None
    try:
        return parse_year(value)
    except DateError:
        return None


def _isna(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def load_sidecar(path: Path, problem: Problem) -> pd.DataFrame:
    """A sidecar CSV keyed by ``file`` (or ``path``, ``filename``, ``doc_id``).

    Parameters
    ----------
    path : Path
        The sidecar file.
    problem : callable
        Receives a row for each sidecar row that cannot be read (which is left out).

    Returns
    -------
    pandas.DataFrame
        Its rows, every value as text, the key column renamed ``_key``.

    Raises
    ------
    ReadError
        The sidecar cannot be decoded, or it has no key column.
    OSError
        It cannot be opened.
    """
    table, _ = parse_csv(path.read_bytes())
    for n, line, reason in table.faults:
        problem(path.name, None, "error", f"metadata row {n} (line {line}) left out: {reason}")
    frame = pd.DataFrame([values for _, _, values in table.rows], columns=table.header, dtype=object)
    return keyed_sidecar(frame, str(path))


def keyed_sidecar(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    """``frame`` with its key column (``file``, ``path``, ``filename`` or ``doc_id``) renamed ``_key``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The sidecar's rows.
    source : str
        Where it came from, for the message.

    Returns
    -------
    pandas.DataFrame
        The renamed frame.

    Raises
    ------
    ReadError
        No key column.
    """
    key = next((c for c in _SIDECAR_KEYS if c in frame.columns), None)
    if key is None:
        raise ReadError(
            f"{source}: a metadata sidecar needs a 'file' (or 'path', 'filename', 'doc_id') column",
            path=source,
        )
    return frame.rename(columns={key: "_key"})


def rename_duplicates(docs: list[Doc], problem: Problem) -> None:
    """Keep every document: later ones with an id already seen get ``~2``, ``~3`` …

    Parameters
    ----------
    docs : list of Doc
        The archive's documents, renamed in place.
    problem : callable
        Receives a warning for each renaming.
    """
    seen: dict[str, int] = {}
    for doc in docs:
        if doc.doc_id not in seen:
            seen[doc.doc_id] = 1
            continue
        seen[doc.doc_id] += 1
        new_id = f"{doc.doc_id}~{seen[doc.doc_id]}"
        problem(
            doc.docvars.get("path", ""),
            doc.doc_id,
            "warning",
            f"duplicate doc_id {doc.doc_id!r}, renamed {new_id!r}",
        )
        doc.doc_id = new_id


def attach_sidecar(frame: pd.DataFrame, sidecar: pd.DataFrame, problem: Problem) -> pd.DataFrame:
    """Join sidecar rows on a document's relative path, file name or doc_id; the sidecar
    fills what the file itself did not say.

    Parameters
    ----------
    frame : pandas.DataFrame
        The documents' docvars (with ``path`` and ``doc_id``).
    sidecar : pandas.DataFrame
        The sidecar, keyed by ``_key`` (:func:`keyed_sidecar`).
    problem : callable
        Receives a warning for each sidecar row that matches no document.

    Returns
    -------
    pandas.DataFrame
        The docvars with the sidecar's columns.
    """
    extra = sidecar.drop_duplicates("_key")
    known = set(extra["_key"])
    keys: list[str | None] = []
    for path, doc_id in zip(frame["path"].astype(str), frame["doc_id"].astype(str)):
        keys.append(next((k for k in (path, PurePosixPath(path).name, doc_id) if k in known), None))
    for k in sorted(known - set(keys), key=str):
        problem(str(k), None, "warning", "metadata row matches no document")
    frame = frame.assign(_key=pd.Series(keys, index=frame.index, dtype=object))
    clash = [c for c in extra.columns if c in frame.columns and c != "_key"]
    frame = frame.merge(extra, on="_key", how="left", suffixes=("", "_meta"))
    for c in clash:
        frame[c] = frame[c].where(frame[c].notna(), frame[f"{c}_meta"])
    return frame.drop(columns=["_key", *(f"{c}_meta" for c in clash)])


def years(
    frame: pd.DataFrame,
    docs: list[Doc],
    *,
    from_text: bool = True,
    sidecar: dict[str, list[bool]] | None = None,
    problem: Problem | None = None,
) -> pd.DataFrame:
    """The docvars with each document's date, year and genre (see :mod:`policytext.io.dating`).

    Parameters
    ----------
    frame : pandas.DataFrame
        The docvars, one row per document of ``docs``.
    docs : list of Doc
        The documents (their edges, whether their file name may give the year, the
        fields their file-name pattern gave).
    from_text : bool
        Whether to read the text where a date belongs.
    sidecar : dict, optional
        For each sidecar column, which rows got their value from the sidecar.
    problem : callable, optional
        Receives a warning for each conflict and each value that cannot be read.

    Returns
    -------
    pandas.DataFrame
        The docvars with ``date``, ``year``, ``year_source``, ``year_note``,
        ``date_signed`` and ``doc_type``.
    """
    from policytext.io.dating import date_docvars

    return date_docvars(
        frame,
        [d.edges if d.edges is not None else edges(d.text) for d in docs],
        name_year=[d.name_year for d in docs],
        name_fields=[d.name_fields for d in docs],
        sidecar=sidecar,
        from_text=from_text,
        problem=problem,
    )
