"""Docvars of an archive's documents: file-name patterns, sidecar metadata, years, ids."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

from policytext.errors import ConfigError, ReadError
from policytext.io.records import parse_csv

__all__ = [
    "HEADER_CHARS",
    "HEADER_YEAR",
    "SIDECAR_NAMES",
    "Doc",
    "attach_sidecar",
    "compile_pattern",
    "filename_year",
    "header_year",
    "keyed_sidecar",
    "load_sidecar",
    "rename_duplicates",
    "to_year",
    "years",
]

#: sidecar files read automatically from an archive's top folder (the first found)
SIDECAR_NAMES = ("metadata.csv", "docvars.csv", "_metadata.csv")
#: a year in a header: 2015年, １９８９年, or 2015 before 政府工作报告
HEADER_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年|政府工作报告)")
#: how much of a document's beginning the header-year search reads
HEADER_CHARS = 400
_SIDECAR_KEYS = ("file", "path", "filename", "doc_id")

#: ``problem(path, doc_id, level, reason)``: records a row of ``corpus.problems``
Problem = Callable[[str, "str | None", str, str], None]


@dataclass
class Doc:
    """A document read from an archive: its id, text (or head) and docvars.

    ``name_year``: whether a year in the file's name may stand for the document's year
    (true for one text per file, false for records, which share their file's name).
    """

    doc_id: str
    text: str
    docvars: dict[str, Any] = field(default_factory=dict)
    name_year: bool = True


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """``"{year}政府工作报告_{speaker}*.txt"`` → a regex over the file name.

    Parameters
    ----------
    pattern : str
        ``{year}`` matches four digits, other ``{fields}`` as much text without ``_``,
        ``/`` or ``\\`` as they can, and ``*`` anything.

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
            out.append(rf"(?P<{name}>\d{{4}})" if name == "year" else rf"(?P<{name}>[^_/\\]+)")
        else:
            out.append(re.escape(token))
    try:
        return re.compile("".join(out))
    except re.error as exc:
        raise ConfigError(f"file-name pattern {pattern!r} is not usable: {exc}") from exc


def header_year(text: str) -> int | None:
    """A year stated in the first :data:`HEADER_CHARS` characters (full-width digits too).

    Parameters
    ----------
    text : str
        The document's text (its beginning is enough).

    Returns
    -------
    int or None
        The year, as in ``2015年`` or ``2015政府工作报告``.
    """
    head = unicodedata.normalize("NFKC", text[:HEADER_CHARS])
    m = HEADER_YEAR.search(head)
    return int(m.group(1)) if m else None


def filename_year(name: str) -> int | None:
    """A four-digit year (19xx, 20xx) standing alone in a file name.

    Parameters
    ----------
    name : str
        The file name.

    Returns
    -------
    int or None
        The first such year.
    """
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", unicodedata.normalize("NFKC", name))
    return int(m.group(1)) if m else None


def to_year(value: Any) -> int | None:
    """The year a docvar value states (``2019``, ``"2019-03-05"``, ``"２０１９年"``).

    Parameters
    ----------
    value : any
        A docvar value.

    Returns
    -------
    int or None
        Its leading four digits as a year; ``None`` for a missing value.
    """
    if value is None or _isna(value):
        return None
    s = unicodedata.normalize("NFKC", str(value)).strip()
    m = re.match(r"^(\d{4})", s)
    return int(m.group(1)) if m else None


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
    frame: pd.DataFrame, texts: list[str], name_year: list[bool], from_header: bool
) -> tuple[list[int | None], list[str | None]]:
    """The year of each document: given in docvars > in a file's name > in the header.

    Parameters
    ----------
    frame : pandas.DataFrame
        The docvars (``year`` when given, ``path``).
    texts : list of str
        The documents' texts (their beginnings suffice).
    name_year : list of bool
        Whether each document's file name may give its year.
    from_header : bool
        Whether to look for a year in the header.

    Returns
    -------
    list of int or None, list of str or None
        The years, and where each came from (``docvars``, ``file name``, ``header``).
    """
    given = frame["year"].tolist() if "year" in frame.columns else [None] * len(frame)
    found: list[int | None] = []
    sources: list[str | None] = []
    for value, path, by_name, text in zip(given, frame["path"], name_year, texts):
        year, source = to_year(value), "docvars"
        if year is None and by_name:
            year, source = filename_year(PurePosixPath(str(path)).name), "file name"
        if year is None and from_header:
            year, source = header_year(text), "header"
        found.append(year)
        sources.append(source if year is not None else None)
    return found, sources
