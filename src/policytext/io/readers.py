"""The registry of readers: one per input format, found by file extension or by content.

A file is read by the reader registered for its extension.  A file whose extension no
reader claims is read by the first reader (in registration order) whose sniff rule
accepts its first :data:`SNIFF_BYTES` bytes — a byte signature (``%PDF-``), a test of
the bytes (``<!DOCTYPE html``), or, for zip containers, a member the zip must hold
(``word/document.xml``, read from the central directory alone); otherwise it is listed
as skipped.

Adding a format is one more :class:`~policytext.io.base.Reader` passed to
:func:`register_reader`: its ``read`` function yields documents
(:class:`~policytext.io.base.Entry`) and faults (:class:`~policytext.io.base.Fault`),
and the archive walker does the rest (ids, docvars, problems, duplicates, years).
Building :data:`BUILTIN_READERS` imports nothing heavy: pandas, pyarrow, python-docx,
pypdf and python-calamine are imported when a file needs them.

Every reader of tables (csv, tsv, jsonl, json, parquet, xlsx) chooses its text column the
same way (:mod:`policytext.io.columns`) and adds the ``text_field`` docvar.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import PurePath

from policytext.errors import ConfigError
from policytext.io.base import Reader
from policytext.io.office import read_docx, read_pdf, sniff_pdf
from policytext.io.records import read_csv, read_json, read_jsonl, read_parquet, read_tsv
from policytext.io.text import read_html, read_plain_text, sniff_html
from policytext.io.xlsx import WORKBOOK, read_xlsx

__all__ = [
    "BUILTIN_READERS",
    "SNIFF_BYTES",
    "fallback_reader",
    "find_reader",
    "get_reader",
    "list_readers",
    "reader_for_extension",
    "register_reader",
    "sniff_reader",
    "unregister_reader",
]

#: how many of a file's first bytes sniff rules see
SNIFF_BYTES = 4096
_ZIP_MAGIC = b"PK\x03\x04"


def _sniff_parquet(head: bytes) -> bool:
    return head.startswith(b"PAR1")


#: the formats policytext reads out of the box, in sniffing order
BUILTIN_READERS: tuple[Reader, ...] = (
    Reader("txt", read_plain_text, (".txt",), description="plain text, encoding detected"),
    Reader("md", read_plain_text, (".md",), description="Markdown, read as plain text"),
    Reader(
        "html", read_html, (".html", ".htm"), sniff=sniff_html,
        description="HTML page: visible text, <meta charset> honoured",
    ),
    Reader(
        "docx", read_docx, (".docx",), zip_member="word/document.xml", text_encoding=False,
        description="Word document: paragraphs (needs policytext[docx]); zip limits checked",
    ),
    Reader(
        "pdf", read_pdf, (".pdf",), sniff=sniff_pdf, text_encoding=False,
        description="PDF text layer (needs policytext[pdf])",
    ),
    Reader(
        "csv", read_csv, (".csv",), yields="records", docvars=("record", "text_field"),
        description="CSV with a header row: a document per row, every value as text",
    ),
    Reader(
        "jsonl", read_jsonl, (".jsonl", ".ndjson"), yields="records", docvars=("record", "text_field"),
        description="JSON Lines: a document per object",
    ),
    Reader(
        "parquet", read_parquet, (".parquet",), sniff=_sniff_parquet, yields="records",
        text_encoding=False, docvars=("record", "text_field"),
        description="Parquet table: a document per row (needs pyarrow)",
    ),
    Reader(
        "tsv", read_tsv, (".tsv",), yields="records", docvars=("record", "text_field"),
        description="TSV (tab-separated) with a header row: a document per row, every value as text",
    ),
    Reader(
        "json", read_json, (".json",), yields="records", docvars=("record", "text_field"),
        description="JSON: one record, a list of records, or an object holding one list of them",
    ),
    Reader(
        "xlsx", read_xlsx, (".xlsx", ".xlsm"), zip_member=WORKBOOK, yields="records",
        text_encoding=False, docvars=("record", "text_field", "sheet", "sheet_row"),
        description="Excel workbook: every sheet, a document per row (needs policytext[xlsx]); zip limits checked",
    ),
)

_READERS: dict[str, Reader] = {}
_EXTENSIONS: dict[str, str] = {}


def _add(reader: Reader) -> None:
    _READERS[reader.format] = reader
    for extension in reader.extensions:
        _EXTENSIONS[extension] = reader.format


for _reader in BUILTIN_READERS:
    _add(_reader)
del _reader


def register_reader(reader: Reader, *, replace: bool = False) -> Reader:
    """Add a reader to the registry (after those already there, for sniffing).

    Parameters
    ----------
    reader : Reader
        The format's reader: its ``format`` name, ``read`` function, ``extensions``,
        sniff rule (``sniff`` and/or ``zip_member``) and what it yields.
    replace : bool
        Allow taking over a format name or an extension another reader has; the one
        replaced keeps its place in the sniffing order when it had the same name.

    Returns
    -------
    Reader
        ``reader``, so the call can be used as an expression.

    Raises
    ------
    ConfigError
        The format name or one of the extensions is taken and ``replace`` is false, or
        ``reader`` is not a :class:`Reader`.
    """
    if not isinstance(reader, Reader):
        raise ConfigError(f"register_reader needs a Reader, not a {type(reader).__name__}")
    taken = [e for e in reader.extensions if _EXTENSIONS.get(e, reader.format) != reader.format]
    if not replace and (reader.format in _READERS or taken):
        clash = f"format {reader.format!r}" if reader.format in _READERS else f"extension {taken[0]!r}"
        raise ConfigError(f"a reader for {clash} is already registered: pass replace=True to replace it")
    old = _READERS.get(reader.format)
    if old is not None:
        for extension in old.extensions:
            _EXTENSIONS.pop(extension, None)
    _add(reader)
    return reader


def unregister_reader(format: str) -> Reader:
    """Remove the reader of ``format`` from the registry.

    Parameters
    ----------
    format : str
        The reader's format name (``"pdf"``).

    Returns
    -------
    Reader
        The reader removed (pass it to :func:`register_reader` to restore it).

    Raises
    ------
    ConfigError
        No reader of that format is registered.
    """
    reader = _READERS.pop(format, None)
    if reader is None:
        raise ConfigError(f"no reader for format {format!r} (formats: {', '.join(_READERS)})")
    for extension in reader.extensions:
        if _EXTENSIONS.get(extension) == format:
            del _EXTENSIONS[extension]
            # hand the extension back to a reader it was taken from with replace=True
            heirs = [r.format for r in _READERS.values() if extension in r.extensions]
            if heirs:
                _EXTENSIONS[extension] = heirs[-1]
    return reader


def list_readers() -> list[Reader]:
    """The registered readers, in sniffing order.

    Returns
    -------
    list of Reader
        Each with its format, extensions, sniff rule and what it yields.
    """
    return list(_READERS.values())


def get_reader(format: str) -> Reader:
    """The reader registered for ``format``.

    Parameters
    ----------
    format : str
        A format name (``"txt"``).

    Returns
    -------
    Reader
        Its reader.

    Raises
    ------
    ConfigError
        No reader of that format is registered.
    """
    try:
        return _READERS[format]
    except KeyError:
        raise ConfigError(f"no reader for format {format!r} (formats: {', '.join(_READERS)})") from None


def reader_for_extension(path: str | os.PathLike[str]) -> Reader | None:
    """The reader registered for the extension of ``path`` (any case), or ``None``.

    Parameters
    ----------
    path : str or path-like
        A file name or path.

    Returns
    -------
    Reader or None
        The reader, when one claims the extension.
    """
    format = _EXTENSIONS.get(PurePath(path).suffix.lower())
    return None if format is None else _READERS.get(format)


def sniff_reader(path: str | os.PathLike[str]) -> Reader | None:
    """The first registered reader whose sniff rule accepts the file's first bytes.

    Parameters
    ----------
    path : str or path-like
        The file.

    Returns
    -------
    Reader or None
        The reader, or ``None`` when no rule accepts the file (or it cannot be opened).
    """
    try:
        with open(path, "rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return None
    members: set[str] | None = None
    for reader in _READERS.values():
        if reader.sniff is not None and reader.sniff(head):
            return reader
        if reader.zip_member is not None and head.startswith(_ZIP_MAGIC):
            if members is None:
                members = _zip_names(path)
            if reader.zip_member in members:
                return reader
    return None


def _zip_names(path: str | os.PathLike[str]) -> set[str]:
    """A zip's member names, from its central directory alone (nothing is decompressed)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return set(archive.namelist())
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return set()


def find_reader(path: str | os.PathLike[str], *, sniff: bool = True) -> Reader | None:
    """The reader of a file: by its extension, else (with ``sniff``) by its first bytes.

    Parameters
    ----------
    path : str or path-like
        The file.
    sniff : bool
        Whether to look at the content of a file whose extension no reader claims.

    Returns
    -------
    Reader or None
        The reader, or ``None`` when the file is not a format policytext reads.
    """
    reader = reader_for_extension(path)
    if reader is None and sniff:
        reader = sniff_reader(path)
    return reader


def fallback_reader() -> Reader:
    """The reader of a file named explicitly whose format nothing recognises: plain text.

    Returns
    -------
    Reader
        The registered ``txt`` reader, or the built-in one when it was unregistered.
    """
    return _READERS.get("txt", BUILTIN_READERS[0])
