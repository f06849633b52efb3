"""Readers of office documents: .docx (python-docx) and .pdf with a text layer (pypdf).

Both libraries are optional extras, imported the first time such a file is read.  Their
containers are not a text encoding, so the ``encoding`` docvar of these documents is ``""``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from types import ModuleType

from policytext.errors import DependencyError, ReadError
from policytext.io.base import Entry, InputFile
from policytext.io.zipsafe import unpack_zip

__all__ = ["optional_import", "read_docx", "read_pdf", "sniff_pdf"]


def optional_import(module: str, extra: str, what: str) -> ModuleType:
    """Import a reader's optional dependency, or say which extra installs it.

    Parameters
    ----------
    module : str
        The module to import (``"docx"``).
    extra : str
        The policytext extra that installs it (``"docx"``).
    what : str
        What needs it, for the message (``".docx files"``).

    Returns
    -------
    module
        The imported module.

    Raises
    ------
    DependencyError
        The module is not installed.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise DependencyError(
            f"reading {what} needs {module}: pip install 'policytext[{extra}]'"
        ) from exc


def read_docx(file: InputFile) -> Iterator[Entry]:
    """The reader of .docx: its paragraphs, one per line.

    The zip is checked against the decompression limits of :mod:`policytext.io.zipsafe`
    before anything in it is decompressed.

    Parameters
    ----------
    file : InputFile
        The document.

    Yields
    ------
    Entry
        One document (``encoding`` ``""``).

    Raises
    ------
    ReadError
        Not a readable .docx, or refused as a possible zip bomb.
    DependencyError
        python-docx is not installed.
    """
    docx = optional_import("docx", "docx", ".docx files")
    package = unpack_zip(file.path, name=file.name)
    try:
        document = docx.Document(package)
    except Exception as exc:  # python-docx raises several kinds for damaged files
        raise ReadError(f"not a readable .docx file: {exc}", path=file.name) from exc
    yield Entry("\n".join(p.text for p in document.paragraphs))


def read_pdf(file: InputFile) -> Iterator[Entry]:
    """The reader of .pdf: the text layer of every page, pages separated by a blank line.

    Parameters
    ----------
    file : InputFile
        The document.

    Yields
    ------
    Entry
        One document (``encoding`` ``""``).

    Raises
    ------
    ReadError
        Not a readable PDF, or one without a text layer (scanned pages need OCR).
    DependencyError
        pypdf is not installed.
    """
    pypdf = optional_import("pypdf", "pdf", ".pdf files")
    try:
        reader = pypdf.PdfReader(file.path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds for damaged files
        raise ReadError(f"not a readable .pdf file: {exc}", path=file.name) from exc
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise ReadError("the PDF has no text layer (scanned images need OCR first)", path=file.name)
    yield Entry(text)


def sniff_pdf(head: bytes) -> bool:
    """Whether a file's first bytes hold a PDF header (``%PDF-`` in the first 1024 bytes,
    where readers look for it).

    Parameters
    ----------
    head : bytes
        The file's first bytes.

    Returns
    -------
    bool
        Whether the reader of PDF should read it.
    """
    return b"%PDF-" in head[:1024]
