"""Segmentation: words with offsets into the original text, whatever its script.

Traditional text is converted to Simplified for the segmenter (jieba's dictionary is
Simplified) and every token is mapped back, so tokens are shown in the original script.
Numbers stay whole (30.26%, -3.5%, 1.3万亿, ２．５％) and the bundled policy lexicon keeps
terms such as 固本强基 and 供给侧结构性改革 in one piece.  Offsets are numpy arrays: a
:class:`Segmentation` creates per-token objects only when asked.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, overload

import numpy as np

from policytext.offsets import IntArray
from policytext.segmentation.backends import (
    BACKENDS,
    Backend,
    cache_dir,
    get_backend,
    lexicon_entries,
    resolve_backend,
    userdict_entries,
)
from policytext.segmentation.resources import LATIN, NUMBER, WHITESPACE, places

if TYPE_CHECKING:
    import pandas as pd

    from policytext.script import Conversion

__all__ = [
    "BACKENDS",
    "Backend",
    "Segmentation",
    "Token",
    "cache_dir",
    "get_backend",
    "lexicon_entries",
    "number_spans",
    "places",
    "resolve_backend",
    "segment",
    "segment_conversion",
    "tokens_frame",
    "userdict_entries",
]


class Token(NamedTuple):
    """One token of a :class:`Segmentation`, in the text as given.

    Attributes
    ----------
    text : str
        The token as written (``text[start:end]`` of the text as given).
    start, end : int
        Its offsets in the text as given.
    """

    text: str
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Segmentation:
    """Tokens of a text as offset arrays; ``text[starts[i]:ends[i]]`` is token ``i``.

    ``conversion`` is the text the segmenter read (its ``text``, Simplified) with the map
    back to the text as given (its ``original``); ``analysis_starts``/``analysis_ends`` are
    the same tokens in the analysis text, and ``normalized`` gives them as strings.

    Attributes
    ----------
    conversion : Conversion
        The analysis text and the map back to the text as given.
    starts, ends : numpy.ndarray of int64
        Token offsets in the text as given.
    analysis_starts, analysis_ends : numpy.ndarray of int64
        Token offsets in the analysis text.
    pieces : tuple of (list of str, numpy.ndarray) or None
        The segmenter's own token strings and their boundaries in the analysis text
        (``keep_pieces=True``).
    tags : numpy.ndarray or None
        Each token's part-of-speech tag (jieba's tag set; ``tags=True``).
    """

    conversion: Conversion
    starts: IntArray
    ends: IntArray
    analysis_starts: IntArray
    analysis_ends: IntArray
    #: the segmenter's own token strings and their boundaries in the analysis text, kept
    #: when the caller asked (``keep_pieces=True``): a token on the same span need not be
    #: sliced out again
    pieces: tuple[list[str], IntArray] | None = field(default=None, repr=False)
    #: each token's part-of-speech tag (jieba's tag set: n, v, m, nr, ns …), when the
    #: segmenter was asked for them (``tags=True``); a token the number rules joined is
    #: ``m``, one that is not one of the segmenter's own words ``x``
    tags: np.ndarray | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The text as given: every offset points into it."""
        return self.conversion.original

    @property
    def analysis_text(self) -> str:
        """The Simplified text the segmenter read."""
        return self.conversion.text

    def word_count(self) -> int:
        """Tokens that are words (their first character a Han character or a Latin letter;
        punctuation and numbers are not): the denominator of every per-10,000 rate.
        Counted on the offset arrays, without token strings."""
        if not len(self.analysis_starts):
            return 0
        codes = np.frombuffer(self.analysis_text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        first = codes[self.analysis_starts]
        han = ((first >= 0x4E00) & (first <= 0x9FFF)) | ((first >= 0x3400) & (first <= 0x4DBF))
        latin = ((first >= 0x41) & (first <= 0x5A)) | ((first >= 0x61) & (first <= 0x7A))
        return int((han | latin).sum())

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        s, e = int(self.starts[i]), int(self.ends[i])
        return Token(self.text[s:e], s, e)

    def __iter__(self) -> Iterator[Token]:
        text = self.text
        for s, e in zip(self.starts.tolist(), self.ends.tolist()):
            yield Token(text[s:e], s, e)

    @property
    def tokens(self) -> list[str]:
        """Token strings in the original script."""
        text = self.text
        return [text[s:e] for s, e in zip(self.starts.tolist(), self.ends.tolist())]

    @property
    def normalized(self) -> list[str]:
        """Token strings in Simplified script (what keyword and theme statistics count)."""
        text = self.analysis_text
        return [
            text[s:e] for s, e in zip(self.analysis_starts.tolist(), self.analysis_ends.tolist())
        ]

    def to_frame(self) -> pd.DataFrame:
        """A tidy table: ``token``, ``start``, ``end``, ``normalized`` (and ``tag`` when the
        segmentation has tags)."""
        import pandas as pd

        columns = {"token": self.tokens, "start": self.starts, "end": self.ends, "normalized": self.normalized}
        if self.tags is not None:
            columns["tag"] = self.tags
        return pd.DataFrame(columns)


TOKEN_COLUMNS = ["doc_id", "token", "start", "end", "normalized"]


def tokens_frame(doc_ids: Sequence[str], segmentations: Sequence[Segmentation]) -> pd.DataFrame:
    """One tidy token table for many documents: ``doc_id``, ``token``, ``start``, ``end``,
    ``normalized``, built from the offset arrays in one pass."""
    import pandas as pd

    if len(doc_ids) != len(segmentations):
        raise ValueError(f"{len(doc_ids)} doc_ids for {len(segmentations)} segmentations")
    counts = [len(s) for s in segmentations]
    tokens: list[str] = []
    normalized: list[str] = []
    for seg in segmentations:
        tokens.extend(seg.tokens)
        normalized.extend(seg.normalized)
    empty = np.zeros(0, dtype=np.int64)
    return pd.DataFrame(
        {
            "doc_id": np.repeat(np.asarray(doc_ids, dtype=object), counts),
            "token": tokens,
            "start": np.concatenate([s.starts for s in segmentations] or [empty]),
            "end": np.concatenate([s.ends for s in segmentations] or [empty]),
            "normalized": normalized,
        },
        columns=TOKEN_COLUMNS,
    )


def number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numbers that must not be broken (sign, decimals, magnitude, percent)."""
    spans = []
    n = len(text)
    for m in NUMBER.finditer(text):
        s, e = m.span()
        if (s > 0 and LATIN.match(text[s - 1])) or (e < n and LATIN.match(text[e])):
            continue  # 5G, G20: codes, which the segmenter keeps whole
        spans.append((s, e))
    return spans


def _boundaries(tokens: list[str]) -> IntArray:
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    bounds = np.empty(len(tokens) + 1, dtype=np.int64)
    bounds[0] = 0
    np.cumsum(lengths, out=bounds[1:])
    return bounds


def _fix_numbers(text: str, bounds: IntArray) -> IntArray:
    spans = number_spans(text)
    if not spans:
        return bounds
    arr = np.asarray(spans, dtype=np.int64)
    # drop boundaries strictly inside a number, add each number's own edges
    idx = np.searchsorted(arr[:, 0], bounds, side="right") - 1
    inside = (
        (idx >= 0) & (bounds > arr[np.maximum(idx, 0), 0]) & (bounds < arr[np.maximum(idx, 0), 1])
    )
    kept = bounds[~inside]
    # each number's edges go in where they are missing (both arrays are sorted: a merge,
    # not the sort a set union would do)
    edges = np.unique(arr.ravel())
    at = np.searchsorted(kept, edges)
    missing = (at == len(kept)) | (kept[np.minimum(at, len(kept) - 1)] != edges)
    return np.insert(kept, at[missing], edges[missing])


def _drop_whitespace(text: str, starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
    if len(starts) == 0:
        return starts, ends
    # white-space characters counted by prefix sums: a token is blank when all its
    # characters are, found without a Python object per token
    space = np.zeros(len(text) + 1, dtype=np.int64)
    runs = [m.span() for m in WHITESPACE.finditer(text)]
    if not runs:
        return starts, ends
    for s, e in runs:
        space[s + 1 : e + 1] = 1
    prefix = np.cumsum(space)
    blank = (prefix[ends] - prefix[starts]) == (ends - starts)
    if not blank.any():
        return starts, ends
    return starts[~blank], ends[~blank]


def _merge_overlaps(starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """Merge tokens whose original spans overlap (a segmenter split a converted phrase).

    Returns the merged starts and ends, and for each merged token the index of its first
    original token.
    """
    if len(starts) < 2:
        return starts, ends, np.arange(len(starts))
    running_end = np.maximum.accumulate(ends)
    new_group = np.ones(len(starts), dtype=bool)
    new_group[1:] = starts[1:] >= running_end[:-1]
    first = np.flatnonzero(new_group)
    last = np.append(first[1:], len(starts)) - 1
    return starts[first], running_end[last], first


_SURROGATE = re.compile("[\ud800-\udfff]")


def _token_tags(
    engine: Backend, piece_tags: list[str], raw_bounds: IntArray, a_starts: IntArray, a_ends: IntArray, text: str
) -> np.ndarray:
    """The tag of each final token: its piece's tag when the token is one of the
    segmenter's words, ``m`` for a number the number rules joined, and for a word the
    number rules cut out of a piece (亿公斤 → 亿 | 公斤) the tag the segmenter gives it alone."""
    tags = np.empty(len(piece_tags) + 2, dtype=object)
    tags[: len(piece_tags)] = piece_tags
    tags[-2:] = ("m", "x")
    if not len(a_starts):
        return tags[:0]
    at = np.clip(np.searchsorted(raw_bounds, a_starts, side="right") - 1, 0, max(len(piece_tags) - 1, 0))
    exact = (raw_bounds[at] == a_starts) & (raw_bounds[np.minimum(at + 1, len(raw_bounds) - 1)] == a_ends)
    if not len(piece_tags):
        exact[:] = False
    chosen = np.where(exact, at, len(piece_tags) + 1)
    if exact.all():
        return tags[chosen]
    numbers = np.asarray([s for s, _ in number_spans(text)] or [-1], dtype=np.int64)
    joined = ~exact & np.isin(a_starts, numbers)
    chosen[joined] = len(piece_tags)
    result = tags[chosen]
    for i in np.flatnonzero(~exact & ~joined).tolist():
        own = engine.tag_word(text[a_starts[i] : a_ends[i]])
        if own is not None:
            result[i] = own
    return result


def segment(
    text: str,
    *,
    userdict: str | os.PathLike[str] | Iterable[str] | None = None,
    lexicon: bool = True,
    backend: str = "auto",
    hmm: bool = True,
    convert: str | bool = "auto",
    keep_whitespace: bool = False,
    keep_pieces: bool = False,
    tags: bool = False,
) -> Segmentation:
    """Segment ``text`` into words with offsets into ``text`` itself.

    Parameters
    ----------
    text : str
        The text, in either script.
    userdict : path, iterable of str or None
        Extra words, as a jieba dictionary file (``word [freq] [tag]`` per line) or an
        iterable of such lines; added to the bundled policy lexicon.
    lexicon : bool
        Use the bundled policy lexicon (policy terms and the theme terms; default True).
    backend : {"auto", "jieba", "rjieba"}
        ``"auto"``: rjieba when installed, else jieba (they agree on every token boundary
        of the work-report corpus; ``bench/segmentation_quality.py``).
    hmm : bool
        jieba's HMM for words outside the dictionary.
    convert : "auto", False or an OpenCC config name
        How the text is read (:func:`policytext.analysis_text`): ``"auto"`` reads text with
        Traditional characters through ``t2s`` and maps tokens back.
    keep_whitespace : bool
        Keep tokens made only of white space (line breaks, spaces).
    keep_pieces : bool
        Keep the segmenter's own token strings (faster term counting, more memory).
    tags : bool
        Tag each token with its part of speech (``Segmentation.tags``), in the same
        segmenter call: the token boundaries are those of an untagged call.

    Returns
    -------
    Segmentation

    Raises
    ------
    TypeError
        When ``text`` is not a str.
    policytext.ConfigError
        When ``convert`` or ``backend`` is not one of the choices.

    Examples
    --------
    >>> [t.text for t in segment("實施固本強基工程，黨員占30.26%")]
    ['實施', '固本強基', '工程', '，', '黨員', '占', '30.26%']
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() takes a str, not {type(text).__name__}")
    from policytext.script import analysis_text

    return segment_conversion(
        analysis_text(text, convert), userdict=userdict, lexicon=lexicon, backend=backend, hmm=hmm,
        keep_whitespace=keep_whitespace, keep_pieces=keep_pieces, tags=tags,
    )


def segment_conversion(
    conversion: Conversion,
    *,
    userdict: str | os.PathLike[str] | Iterable[str] | None = None,
    lexicon: bool = True,
    backend: str = "auto",
    hmm: bool = True,
    keep_whitespace: bool = False,
    keep_pieces: bool = False,
    tags: bool = False,
) -> Segmentation:
    """:func:`segment` for a text already read by :func:`policytext.analysis_text`, so that
    one conversion serves several analyses. Options as in :func:`segment`."""
    analysis = conversion.text
    engine = get_backend(backend, lexicon=lexicon, userdict=userdict, hmm=hmm)
    # a lone surrogate (broken UTF-16 in the source) cannot reach the Rust segmenter; one
    # replacement character for one keeps every offset
    surrogates = _SURROGATE.search(analysis) is not None
    cut_text = _SURROGATE.sub("\ufffd", analysis) if surrogates else analysis
    piece_tags: list[str] = []
    if tags and analysis:
        cut, piece_tags = engine.cut_tagged(cut_text)
    else:
        cut = engine.cut(cut_text) if analysis else []
    raw_bounds = _boundaries(cut)
    bounds = _fix_numbers(analysis, raw_bounds)
    a_starts, a_ends = bounds[:-1], bounds[1:]
    if not keep_whitespace:
        a_starts, a_ends = _drop_whitespace(analysis, a_starts, a_ends)
    alignment = conversion.alignment
    if alignment.is_identity:
        starts, ends = a_starts, a_ends
    else:
        starts, ends = alignment.spans(a_starts, a_ends)
        starts, ends, first = _merge_overlaps(starts, ends)
        if len(first) != len(a_starts):
            last = np.append(first[1:], len(a_starts)) - 1
            a_starts, a_ends = a_starts[first], a_ends[last]
    # pieces with a replaced surrogate are not the text's own strings
    pieces = (cut, raw_bounds) if keep_pieces and not surrogates else None
    token_tags = _token_tags(engine, piece_tags, raw_bounds, a_starts, a_ends, cut_text) if tags else None
    return Segmentation(conversion, starts, ends, a_starts, a_ends, pieces, token_tags)
