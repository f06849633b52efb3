"""Readers of text files: plain text and Markdown (decoded as they are) and HTML (markup dropped)."""

from __future__ import annotations

import html.parser
import re
from collections.abc import Iterator

from policytext.io.base import Entry, InputFile
from policytext.io.encoding import Decoded, DecodeProblem, decode_bytes, starts_with_bom

__all__ = ["html_text", "read_html", "read_plain_text", "sniff_html"]


def read_plain_text(file: InputFile) -> Iterator[Entry]:
    """The reader of .txt and .md: the whole file, its encoding detected.

    Parameters
    ----------
    file : InputFile
        The file, and the encoding to use (``None``: detect it).

    Yields
    ------
    Entry
        One document.

    Raises
    ------
    ReadError
        The bytes are binary or undecodable (:class:`~policytext.io.encoding.DecodeProblem`).
    """
    decoded = decode_bytes(file.read_bytes(), encoding=file.encoding)
    yield Entry(decoded.text, decoded.encoding, warnings=decoded.warnings)


class _HTMLText(html.parser.HTMLParser):
    BLOCK = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "title",
        ]
    )
    SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in raw.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)
# GB2312 and GBK pages routinely hold characters only their superset GB18030 has
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030"}


def _decode_html(data: bytes, encoding: str | None) -> Decoded:
    """The encoding given, else a byte-order mark, else ``<meta charset>``, else detection."""
    if encoding is not None:
        return decode_bytes(data, encoding=encoding)
    m = _META_CHARSET.search(data[:4096])
    if m is None or starts_with_bom(data):  # a byte-order mark outranks <meta charset>
        return decode_bytes(data)
    declared = m.group(1).decode("ascii").lower()
    try:
        return decode_bytes(data, encoding=_CHARSET_ALIASES.get(declared, declared))
    except DecodeProblem:
        # pages often declare a charset they are not in (copied templates); detect instead
        return decode_bytes(data)


def html_text(data: bytes, encoding: str | None = None) -> Decoded:
    """The visible text of an HTML page: block elements become line breaks, scripts and
    styles are dropped, character references are resolved.

    Parameters
    ----------
    data : bytes
        The page.
    encoding : str, optional
        Its encoding; ``None``: a byte-order mark, else ``<meta charset>``, else detection.

    Returns
    -------
    Decoded
        The text and the encoding it was read in.

    Raises
    ------
    DecodeProblem
        The bytes cannot be decoded.
    """
    decoded = _decode_html(data, encoding)
    parser = _HTMLText()
    parser.feed(decoded.text)
    parser.close()
    return Decoded(parser.text(), decoded.encoding, decoded.warnings)


def read_html(file: InputFile) -> Iterator[Entry]:
    """The reader of .html and .htm: the page's visible text (:func:`html_text`).

    Parameters
    ----------
    file : InputFile
        The page, and the encoding to use (``None``: detect it).

    Yields
    ------
    Entry
        One document.

    Raises
    ------
    ReadError
        The bytes are binary or undecodable.
    """
    decoded = html_text(file.read_bytes(), file.encoding)
    yield Entry(decoded.text, decoded.encoding, warnings=decoded.warnings)


_HTML_START = (b"<!doctype html", b"<html")


def sniff_html(head: bytes) -> bool:
    """Whether a file's first bytes open an HTML page (``<!DOCTYPE html`` or ``<html``,
    after an optional UTF-8 byte-order mark and white space).

    Parameters
    ----------
    head : bytes
        The file's first bytes.

    Returns
    -------
    bool
        Whether the reader of HTML should read it.
    """
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:32].lower()
    return start.startswith(_HTML_START)
