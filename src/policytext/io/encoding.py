"""Decoding the bytes of a file: BOMs, UTF-8, UTF-16, GB18030/GBK and Big5.

Chinese archives come in several legacy encodings whose byte ranges overlap, so a file
that is not valid UTF-8 is decoded as both GB18030 and Big5 and the reading that yields
more common characters wins.  Every decision is recorded; damaged input is a
:class:`DecodeProblem` naming the byte position, never a silent substitution.
"""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass, field

from policytext.errors import ReadError

__all__ = ["BinaryFileError", "DecodeProblem", "Decoded", "decode_bytes", "starts_with_bom"]


class DecodeProblem(ReadError):
    """Bytes that cannot be read as text in any supported encoding."""


class BinaryFileError(DecodeProblem):
    """The bytes are not text at all (images, archives, executables …)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding that read it, and warnings about the bytes."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = field(default_factory=tuple)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def starts_with_bom(data: bytes) -> bool:
    """Whether ``data`` starts with a UTF-8, UTF-16 or UTF-32 byte-order mark.

    Parameters
    ----------
    data : bytes
        The start of a file.

    Returns
    -------
    bool
        Whether a byte-order mark says which encoding the bytes are in.
    """
    return any(data.startswith(bom) for bom, _ in _BOMS)


@functools.lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Level-1 (most frequent) Hanzi of GB2312 and of Big5, plus ASCII and CJK punctuation."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):  # GB2312 level 1
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA4, 0xC7):  # Big5 frequently used characters
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes([hi, lo]).decode("big5"))
            except UnicodeDecodeError:
                pass
    chars.update(chr(c) for c in range(0x20, 0x7F))
    chars.update("\n\r\t\u3000，。、；：？！“”‘’「」『』（）《》〈〉…—·％０１２３４５６７８９")
    return frozenset(chars)


def _score(text: str) -> float:
    common = _common_chars()
    sample = text[:20000]
    if not sample:
        return 0.0
    return sum(c in common for c in sample) / len(sample)


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 0x20 and b not in (9, 10, 12, 13, 27)))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    # deleting every byte that is not a stray control character leaves just those (in C)
    controls = len(sample.translate(None, _NOT_CONTROL))
    return controls / len(sample) > 0.02


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    # ASCII-heavy UTF-16 has NULs in one half; Chinese UTF-16 has few NULs but is rarely
    # without a BOM in practice, so only the clear case is claimed
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode ``data``, detecting its encoding unless ``encoding`` is given.

    Detection tries, in order: a byte-order mark, UTF-16 without a BOM (only the clear
    case of ASCII-heavy text), UTF-8, then GB18030 and Big5 (the reading with more common
    characters wins).

    Parameters
    ----------
    data : bytes
        The raw bytes of a file or a record.
    encoding : str, optional
        Decode with this codec instead of detecting one; no fallback is tried.

    Returns
    -------
    Decoded
        The text, the encoding that read it (``utf-8``, ``utf-8-sig``, ``gb18030``,
        ``big5``, ``utf-16`` …) and any warnings (a UTF-8 file cut off in the middle of a
        character is read, with a warning naming the byte).

    Raises
    ------
    BinaryFileError
        The bytes are not text (control bytes such as NUL).
    DecodeProblem
        No supported encoding reads the bytes, or ``encoding`` does not; the message names
        the first bad byte.
    """
    if encoding:
        return _decode_declared(data, encoding)
    found = _decode_bom(data)
    if found is None:
        found = _decode_utf16_without_bom(data)
    if found is not None:
        return found
    if _looks_binary(data):
        raise BinaryFileError(
            "binary content (control bytes such as NUL): not a text file in any supported encoding"
        )
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    truncated = _truncated_utf8(data, utf8_error)
    if truncated is not None:
        return truncated
    legacy = _decode_legacy(data)
    if legacy is not None:
        return legacy
    raise DecodeProblem(
        f"not valid UTF-8 (byte {utf8_error.start}: {utf8_error.reason}, "
        f"{data[utf8_error.start : utf8_error.start + 4]!r}) and not readable as GB18030 or Big5"
    )


def _decode_declared(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        raise DecodeProblem(
            f"not valid {encoding}: byte {exc.start} ({data[exc.start : exc.start + 4]!r}): "
            f"{exc.reason}"
        ) from exc
    except LookupError as exc:
        raise DecodeProblem(f"unknown encoding {encoding!r}") from exc


def _decode_bom(data: bytes) -> Decoded | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name)
            except UnicodeDecodeError as exc:
                # a BOM is a statement of intent: guessing another encoding would hide damage
                raise DecodeProblem(
                    f"starts with a {name} byte-order mark but byte {exc.start} is not valid "
                    f"{name}: {exc.reason}"
                ) from exc
    return None


def _decode_utf16_without_bom(data: bytes) -> Decoded | None:
    name = _utf16_without_bom(data)
    if name is None:
        return None
    try:
        return Decoded(data.decode(name), name)
    except UnicodeDecodeError:
        return None


def _truncated_utf8(data: bytes, error: UnicodeDecodeError) -> Decoded | None:
    """A UTF-8 file whose only fault is a character cut off at its very end."""
    if error.reason != "unexpected end of data" or error.end < len(data) - 3:
        return None
    text = data[: error.start].decode("utf-8")
    return Decoded(
        text + "\ufffd",
        "utf-8",
        (
            f"truncated UTF-8: the file ends inside a character at byte {error.start}"
            f" of {len(data)}; the incomplete character was replaced by U+FFFD",
        ),
    )


def _decode_legacy(data: bytes) -> Decoded | None:
    """GB18030 or Big5, whichever reads more common characters (at least half of them)."""
    candidates: list[tuple[float, str, str]] = []
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_score(text), name, text))
    if not candidates:
        return None
    score, name, text = min(candidates, key=lambda c: (-c[0], c[1]))
    return Decoded(text, name) if score >= 0.5 else None
