"""What a reader is given and what it gives back: the types every reader shares.

A reader is a function from an :class:`InputFile` to an iterable of :class:`Entry`
(a document: its text, encoding and docvars) and :class:`Fault` (a record left out, or a
note about one).  A whole file that cannot be read is a :class:`~policytext.errors.ReadError`
the reader raises; a missing optional package is a
:class:`~policytext.errors.DependencyError`.  The archive walker turns both into rows of
``corpus.problems``, so readers never see the problems table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from policytext.errors import ConfigError

__all__ = [
    "LEVELS",
    "Entry",
    "Fault",
    "InputFile",
    "Level",
    "ReadFunction",
    "Reader",
    "Yields",
    "find_surrogate",
    "visible",
]

Level = Literal["error", "warning", "skipped"]
#: ``error``: unreadable or damaged input, left out; ``warning``: kept, with a note;
#: ``skipped``: left out for a stated reason that is not a fault (an empty text cell, a
#: file that is not a document)
LEVELS: tuple[Level, ...] = ("error", "warning", "skipped")
Yields = Literal["text", "records"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def visible(text: str) -> str:
    """``text`` with every lone surrogate written out as an escape, so it can be stored.

    Python decodes a file name's undecodable bytes to surrogates (``surrogateescape``),
    and CSV and Parquet writers reject them; ``\\xff`` shows the byte that was there.
    Other lone surrogates (from a JSON ``"\\ud800"``) become ``\\ud800``.

    Parameters
    ----------
    text : str
        Any string, such as a path from :func:`os.listdir`.

    Returns
    -------
    str
        ``text`` itself when it holds no surrogate, else the escaped copy.
    """
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(_escape_surrogate, text)


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def find_surrogate(text: str) -> int | None:
    """Index of the first lone surrogate in ``text``, or ``None``.

    Parameters
    ----------
    text : str
        The string to check.

    Returns
    -------
    int or None
        Where the first code point between U+D800 and U+DFFF stands.
    """
    m = _SURROGATE.search(text)
    return None if m is None else m.start()


@dataclass(frozen=True)
class InputFile:
    """One file a reader is asked to read, and the caller's reading options.

    Attributes
    ----------
    path : str
        The real OS path, as :func:`open` needs it (it may hold ``surrogateescape``
        characters for undecodable bytes of the name).
    name : str
        The file as docvars and problems name it: its path relative to the archive, with
        undecodable bytes written out (:func:`visible`).  Record ids default to
        ``{name}#{n}``.
    encoding : str, optional
        The text encoding the caller gave; ``None`` means detect it.
    text_field, id_field : str, optional
        For readers of records: the field holding the text, and the one holding the id.
    """

    path: str
    name: str
    encoding: str | None = None
    text_field: str | None = None
    id_field: str | None = None

    def read_bytes(self) -> bytes:
        """The file's bytes (``OSError`` when it cannot be opened)."""
        return Path(self.path).read_bytes()


@dataclass
class Entry:
    """A document a reader yields: its text and what the reader knows about it.

    Attributes
    ----------
    text : str
        The document's text.
    encoding : str
        The text encoding its bytes were in (``utf-8``, ``gb18030`` …); ``""`` for
        containers whose bytes are not a text encoding (docx, pdf, parquet).
    docvars : dict
        Fields of the record (readers of records) or metadata the format carries.
    doc_id : str, optional
        The record's id; ``None`` for readers of one text per file (the id then comes
        from the file's path).
    warnings : tuple of str
        Notes about the input; the document is kept and each note is listed as a
        ``warning`` in ``corpus.problems``.
    """

    text: str
    encoding: str = ""
    docvars: dict[str, Any] = field(default_factory=dict)
    doc_id: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fault:
    """A record a reader left out (or a note about the file), with the reason.

    Attributes
    ----------
    reason : str
        What is wrong, naming the place: ``"line 4: invalid JSON: …"``,
        ``"row 3 (line 4): 2 fields where the header has 3"``.
    level : {"error", "warning", "skipped"}
        See :data:`LEVELS`.
    doc_id : str, optional
        The record's id when it is known (``{file}#{n}`` otherwise).
    """

    reason: str
    level: Level = "error"
    doc_id: str | None = None


#: a reader's function: the file in, its documents and faults out
ReadFunction = Callable[[InputFile], Iterable["Entry | Fault"]]


@dataclass(frozen=True)
class Reader:
    """One input format: how to recognise it, how to read it, what it yields.

    Attributes
    ----------
    format : str
        The container's name, stored in the ``format`` docvar (``txt``, ``docx`` …).
    read : callable
        ``read(InputFile) -> Iterable[Entry | Fault]``; raises
        :class:`~policytext.errors.ReadError` when the whole file cannot be read.
    extensions : tuple of str
        File-name extensions it reads (``".htm"``), matched without regard to case.
    sniff : callable, optional
        ``sniff(head) -> bool`` over the first :data:`~policytext.io.readers.SNIFF_BYTES`
        bytes: whether a file with an unknown extension is this format.
    zip_member : str, optional
        For zip containers: a member whose presence identifies the format
        (``"word/document.xml"``); only the zip's central directory is read to check it.
    yields : {"text", "records"}
        ``"text"``: exactly one document per file, whose id is the file's path and which
        a batch run reads again from the file when it needs the text; ``"records"``:
        any number of documents per file, each with its own id and fields.
    text_encoding : bool
        Whether the ``encoding`` option and docvar mean anything for this format
        (``False`` for docx, pdf, parquet: their ``encoding`` docvar is ``""``).
    docvars : tuple of str
        Docvars this reader adds to every document beyond ``path``, ``format`` and
        ``encoding`` (records also carry their own fields).
    description : str
        One line for :func:`~policytext.io.readers.list_readers` listings.
    """

    format: str
    read: ReadFunction
    extensions: tuple[str, ...] = ()
    sniff: Callable[[bytes], bool] | None = None
    zip_member: str | None = None
    yields: Yields = "text"
    text_encoding: bool = True
    docvars: tuple[str, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Za-z0-9][\w.+-]*", self.format or ""):
            raise ConfigError(f"a reader's format must be a short name like 'txt', not {self.format!r}")
        if self.yields not in ("text", "records"):
            raise ConfigError(f"reader {self.format!r}: yields must be 'text' or 'records', not {self.yields!r}")
        if not callable(self.read):
            raise ConfigError(f"reader {self.format!r}: read must be a function of an InputFile")
        extensions = tuple(e.lower() for e in self.extensions)
        bad = [e for e in extensions if not re.fullmatch(r"\.[^./\\]+", e)]
        if bad:
            raise ConfigError(
                f"reader {self.format!r}: extensions are written like '.txt', not {', '.join(map(repr, bad))}"
            )
        object.__setattr__(self, "extensions", extensions)
