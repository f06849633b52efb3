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

from policytext.offsets import Alignment, IntArray
from policytext.segmentation.backends import BACKENDS, cache_dir, get_backend, lexicon_entries
from policytext.segmentation.resources import LATIN, NUMBER, WHITESPACE

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "BACKENDS",
    "Segmentation",
    "Token",
    "cache_dir",
    "lexicon_entries",
    "number_spans",
    "segment",
    "segment_converted",
    "tokens_frame",
]


class Token(NamedTuple):
    text: str
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Segmentation:
    """Tokens of ``text`` as offset arrays; ``text[starts[i]:ends[i]]`` is token ``i``.

    ``analysis_text`` is the Simplified form the segmenter saw (the same object as ``text``
    when no conversion was needed); ``normalized`` gives the tokens in that form.
    """

    text: str
    starts: IntArray
    ends: IntArray
    script: str
    analysis_text: str
    analysis_starts: IntArray
    analysis_ends: IntArray
    #: the segmenter's own token strings and their boundaries in ``analysis_text``, kept
    #: when the caller asked (``keep_pieces=True``): a token on the same span need not be
    #: sliced out again
    pieces: tuple[list[str], IntArray] | None = field(default=None, repr=False)

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
        """A tidy table: ``token``, ``start``, ``end``, ``normalized``."""
        import pandas as pd

        return pd.DataFrame(
            {
                "token": self.tokens,
                "start": self.starts,
                "end": self.ends,
                "normalized": self.normalized,
            }
        )


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


def segment(
    text: str,
    *,
    userdict: str | os.PathLike[str] | Iterable[str] | None = None,
    lexicon: bool = True,
    backend: str = "auto",
    hmm: bool = True,
    convert: str | bool = "auto",
    keep_whitespace: bool = False,
) -> Segmentation:
    """Segment ``text`` into words with offsets into ``text`` itself.

    - ``userdict``: extra words, as a jieba dictionary file (``word [freq] [tag]`` per line)
      or an iterable of such lines; added to the bundled policy lexicon
      (``lexicon=False`` leaves the lexicon out).
    - ``backend``: ``"auto"`` (rjieba when installed, else jieba), ``"jieba"`` (the
      reference) or ``"rjieba"`` (jieba-rs: 4-5x faster, and it agrees with jieba on every
      token boundary of the work-report corpus; ``bench/segmentation_quality.py``).
    - ``convert``: ``"auto"`` converts text with Traditional characters to Simplified for
      the segmenter and maps tokens back; ``False`` never converts; an OpenCC config name
      (``"tw2sp"``) converts with that config.
    - ``keep_whitespace``: keep tokens made only of white space (line breaks, spaces).

    >>> [t.text for t in segment("實施固本強基工程，黨員占30.26%")]
    ['實施', '固本強基', '工程', '，', '黨員', '占', '30.26%']
    """
    if not isinstance(text, str):
        raise TypeError(f"segment() takes a str, not {type(text).__name__}")
    script = "unknown"
    alignment: Alignment | None = None
    analysis = text
    if convert:
        config = convert
        if convert == "auto":
            from policytext.script.detect import detect_script

            det = detect_script(text)
            script = det.script
            config = "t2s" if det.traditional_chars else ""
        if config:
            from policytext.script.convert import convert_with_offsets

            conversion = convert_with_offsets(text, str(config))
            analysis = conversion.text
            alignment = conversion.alignment
    return segment_converted(
        text, analysis, alignment, userdict=userdict, lexicon=lexicon, backend=backend, hmm=hmm,
        keep_whitespace=keep_whitespace, script=script,
    )


def segment_converted(
    text: str,
    analysis: str,
    alignment: Alignment | None,
    *,
    userdict: str | os.PathLike[str] | Iterable[str] | None = None,
    lexicon: bool = True,
    backend: str = "auto",
    hmm: bool = True,
    keep_whitespace: bool = False,
    script: str = "unknown",
    keep_pieces: bool = False,
) -> Segmentation:
    """:func:`segment` for a caller that has converted ``text`` already: ``analysis`` is
    the Simplified text the segmenter reads and ``alignment`` maps it back to ``text``
    (None when ``analysis`` is ``text``), so one conversion serves several analyses.
    ``keep_pieces`` keeps the segmenter's token strings on the result (``pieces``)."""
    engine = get_backend(backend, lexicon=lexicon, userdict=userdict, hmm=hmm)
    # a lone surrogate (broken UTF-16 in the source) cannot reach the Rust segmenter; one
    # replacement character for one keeps every offset
    surrogates = _SURROGATE.search(analysis) is not None
    cut_text = _SURROGATE.sub("\ufffd", analysis) if surrogates else analysis
    cut = engine.cut(cut_text) if analysis else []
    raw_bounds = _boundaries(cut)
    bounds = _fix_numbers(analysis, raw_bounds)
    a_starts, a_ends = bounds[:-1], bounds[1:]
    if not keep_whitespace:
        a_starts, a_ends = _drop_whitespace(analysis, a_starts, a_ends)
    if alignment is None or alignment.is_identity:
        starts, ends = a_starts, a_ends
    else:
        starts, ends = alignment.spans(a_starts, a_ends)
        starts, ends, first = _merge_overlaps(starts, ends)
        if len(first) != len(a_starts):
            last = np.append(first[1:], len(a_starts)) - 1
            a_starts, a_ends = a_starts[first], a_ends[last]
    # pieces with a replaced surrogate are not the text's own strings
    pieces = (cut, raw_bounds) if keep_pieces and not surrogates else None
    return Segmentation(text, starts, ends, script, analysis, a_starts, a_ends, pieces)
