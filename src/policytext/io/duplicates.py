"""Duplicate records of an archive: the same text twice, or a cut-off summary beside its full
text. Scraped and exported archives hold both (a page saved twice, a listing row that kept
only a teaser); counted twice, they would double a document's weight in every corpus
statistic. Two versions of a document (a 2007 and a 2011 edition of a regulation) are not
duplicates: their texts differ.

:func:`find_duplicates` gives each document the id of the earlier one it duplicates (or
None); readers put it in the ``duplicate_of`` docvar.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["SUMMARY_MIN_CHARS", "TextKey", "find_duplicates", "fingerprint", "text_key"]

#: a summary shorter than this (normalised characters) is too short to tell it apart from a
#: common opening (a salutation, a title line)
SUMMARY_MIN_CHARS = 60
#: how much of a text's opening is kept to compare a teaser with (a teaser is shorter)
OPENING_CHARS = 1000
#: white space of any kind, and the literal escapes scraped cells carry
_SPACE = re.compile(r"\s+|\\[rnt]")
#: how a cut-off summary ends: an ellipsis, in any of the ways sites write it
_CUT = re.compile(r"(?:\.{3,}|…+|。{3,}|\.{2}…*)$")


#: runs of characters NFKC may change: what lies between them (ideographs, the common
#: Chinese punctuation, digits, spaces, line breaks) NFKC leaves as it is and never composes
#: with a neighbour, so normalising the runs alone gives the NFKC of the whole, 4x faster
_NEEDS_NFKC = re.compile(r"[^\u4e00-\u9fff\u3001\u3002\u201c\u201d\u300a\u300b\u3008-\u3011\n 0-9]+")


def _nfkc(text: str) -> str:
    return _NEEDS_NFKC.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def _normalised(text: str) -> str:
    return _SPACE.sub("", _nfkc(text))


def fingerprint(text: str) -> str:
    """A hash of ``text`` that ignores white space and compatibility forms (full-width
    digits, line breaks), so the same text saved twice gets the same fingerprint."""
    return text_key(text).digest


@dataclass(frozen=True)
class TextKey:
    """What duplicate detection needs of one text, without the text: the fingerprint of the
    whole, its normalised opening and length, and whether it ends cut off (a teaser)."""

    digest: str
    opening: str
    length: int
    cut: bool


def text_key(text: str) -> TextKey:
    """The :class:`TextKey` of ``text`` (a scan keeps these instead of whole texts)."""
    normalised = _normalised(text)
    cut = bool(_CUT.search(normalised))
    body = _CUT.sub("", normalised) if cut else normalised
    digest = hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()
    return TextKey(digest, body[:OPENING_CHARS], len(normalised), cut)


def find_duplicates(doc_ids: Sequence[str], texts: Sequence[str | TextKey]) -> list[str | None]:
    """For each document, the doc_id of the earlier document it duplicates, else None.

    A document duplicates an earlier one with the same normalised text; a text that ends
    in an ellipsis duplicates the (first) longer document whose normalised text starts with
    it (a listing's teaser beside the full text; compared on the first
    :data:`OPENING_CHARS` characters).

    Parameters
    ----------
    doc_ids : sequence of str
        The documents, in archive order.
    texts : sequence of str or TextKey
        Their texts, or the keys :func:`text_key` made of them.

    Returns
    -------
    list of str or None
    """
    keys = [t if isinstance(t, TextKey) else text_key(t) for t in texts]
    first: dict[str, int] = {}
    found: list[str | None] = [None] * len(keys)
    for i, key in enumerate(keys):
        if key.digest in first:
            found[i] = doc_ids[first[key.digest]]
        else:
            first[key.digest] = i
    by_opening: dict[str, list[int]] = {}  # so a teaser is compared with few texts, not all
    for i, key in enumerate(keys):
        by_opening.setdefault(key.opening[:SUMMARY_MIN_CHARS], []).append(i)
    for i, key in enumerate(keys):
        if found[i] is not None or not key.cut or len(key.opening) < SUMMARY_MIN_CHARS:
            continue
        full = next((j for j in by_opening.get(key.opening[:SUMMARY_MIN_CHARS], ())
                     if j != i and found[j] is None and keys[j].length > key.length
                     and keys[j].opening.startswith(key.opening)), None)
        if full is not None:
            found[i] = doc_ids[full]
    return found
