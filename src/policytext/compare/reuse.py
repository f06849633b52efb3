"""Text reuse: which documents copy passages of which others, and how much — the standard
evidence of policy diffusion (local documents that copy central ones), found the way R's
textreuse and passim find it in other languages: candidate pairs by hashing, then local
alignment of each candidate pair.

The steps, for one corpus (pairs within it) or a corpus and a second one (pairs across):

1. **Normalised text.** Each text is read through :func:`policytext.analysis_text`
   (Traditional → Simplified with the map back), white space is dropped and full-width
   ASCII folded. Every character of this normalised text remembers its place in the
   original, so every offset reported points into the text as given.
2. **Fingerprints.** Character k-shingles (``shingle``, 5) are hashed to 64 bits and in
   every window of ``window`` consecutive shingles the one with the least hash is kept:
   MinHash (Broder 1997) taken window by window, i.e. winnowing (Schleimer, Wilkerson &
   Aiken 2003). Two texts that share an exact run of ``window + shingle - 1`` characters
   share a fingerprint of it. A whole-document MinHash cannot see a 20-character passage
   in a 30,000-character report (a Jaccard similarity near 0.001); local minima can.
3. **LSH buckets.** Documents that share a fingerprint fall into its bucket (locality-
   sensitive hashing with bands of one row). A fingerprint in ``boilerplate`` documents or
   more is common wording and seeds nothing; one in more than ``max_df`` documents pairs each
   with the earliest of them only (the cost stays linear, and the earliest document and
   each later one are what a diffusion table needs); the rest pair every two documents.
4. **Chains.** The hits of one pair of documents along one diagonal band, each within
   ``max_gap`` characters of the next, form a chain; chains of ``min_seeds`` hits covering
   enough text become regions, and regions that overlap in both documents merge.
5. **Alignment.** Each region, padded, is aligned by Smith–Waterman
   (:func:`policytext.compare.align.local_align`; Smith & Waterman 1981), so a passage with a
   place name changed or a 要 inserted is one passage; a long region is cut at shared
   shingles into blocks of at most ``MAX_BLOCK`` characters whose alignments join. Passages
   of at least ``min_length`` matching characters and ``min_similarity`` are reported.
6. **Boilerplate** — runs of common fingerprints at least ``min_length`` long (a salutation
   such as 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：) — is listed in its own table
   and masked before alignment, so it is never part of a reuse passage. **Exact duplicates**
   (the same normalised text, or a ``duplicate_of`` docvar set by the reader) are listed as
   duplicates and not aligned.
7. **Diffusion** (``by="year"``): reused passages that overlap in a document are one
   passage; its earliest document is its source, and each later one reuses it.

Scale and distribution: the fingerprints are computed on whole blocks of documents at once
(numpy), the buckets are one sort, and alignment (most of the time) runs in ``jobs``
processes, or with ``scheduler`` as tasks of a Dask cluster (texts and regions sent once to
each worker). Fingerprints, buckets and chains stay in the calling process.

References
----------
Broder, A. Z. (1997). On the resemblance and containment of documents. *Compression and
Complexity of Sequences*, 21–29.
Schleimer, S., Wilkerson, D. S., & Aiken, A. (2003). Winnowing: local algorithms for
document fingerprinting. *SIGMOD*, 76–85.
Smith, T. F., & Waterman, M. S. (1981). Identification of common molecular subsequences.
*Journal of Molecular Biology*, 147(1), 195–197.
Smith, D. A., Cordell, R., & Mullen, A. (2015). Computational methods for uncovering reprinted
texts in antebellum newspapers. *American Literary History*, 27(3), E1–E15 (passim).
Wilkerson, J., Smith, D., & Stramp, N. (2015). Tracing the flow of policy ideas in
legislatures: a text reuse approach. *American Journal of Political Science*, 59(4), 943–956.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from policytext.compare.align import LocalMatch, _trace

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.script import Conversion

__all__ = [
    "BOILERPLATE_COLUMNS", "DUPLICATE_COLUMNS", "PAIR_COLUMNS", "PASSAGE_COLUMNS", "Reuse", "ReuseOptions",
    "diffusion_columns", "fingerprints", "reuse", "reuse_with",
]

#: the columns of :attr:`Reuse.passages`: one row per reused passage
PASSAGE_COLUMNS = (
    "doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "text_a", "text_b", "length", "similarity",
    "share_a", "share_b",
)
#: the columns of :attr:`Reuse.pairs`: one row per pair of documents with a reused passage
PAIR_COLUMNS = ("doc_a", "doc_b", "passages", "length", "longest", "share_a", "share_b", "similarity")
#: the columns of :attr:`Reuse.boilerplate`: one row per run of wording common to many documents
BOILERPLATE_COLUMNS = ("doc_id", "side", "start", "end", "text", "length", "n_docs")
#: the columns of :attr:`Reuse.duplicates`: one row per document that duplicates another
DUPLICATE_COLUMNS = ("doc_a", "doc_b", "side", "kind")

#: the longest block (characters of ``a``) one Smith–Waterman table covers: its time and
#: memory grow with the square, so a longer region is aligned in blocks cut at shared shingles
MAX_BLOCK = 400
#: a fingerprint counts at most this often per document (a phrase repeated in one text)
MAX_REPEAT = 4
#: a chain's hits stay on diagonals of one band this wide (an edit shifts the diagonal)
DIAGONAL_BAND = 64
#: fewest documents a common fingerprint must be in (a float ``boilerplate`` is a share)
BOILERPLATE_MIN_DOCS = 5
#: cells of the Smith–Waterman tables aligned together at most (int32: 4 bytes each)
SW_CELLS = 1 << 23
#: characters a chunk of the fingerprint computation holds at most (bounds its memory)
CHUNK_CHARS = 1 << 22

# white space of every kind, and the zero-width characters scraped pages carry
_SPACES = np.array([9, 10, 11, 12, 13, 32, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF],
                   dtype=np.uint32)
# boilerplate characters become these private-use code points, one per side of a pair,
# so they never match anything in an alignment
_MASK_A, _MASK_B = 0xE000, 0xE001
_NO_HASH = np.uint64(0xFFFFFFFFFFFFFFFF)
# two blocks of a long region join when their alignments stop this near the cut between them
# (an edit just before a cut may stop the first one short of it)
_JOIN_SLACK = 8


@dataclass(frozen=True)
class ReuseOptions:
    """The parameters of :func:`reuse` (see there).

    Parameters
    ----------
    shingle, window : int
        Characters per shingle (at least 2) and shingles per winnowing window (at least 1).
    min_length : int
        The fewest matching characters of a passage (at least ``shingle``).
    min_similarity : float
        The least similarity of a passage, in [0, 1].
    boilerplate : int or float
        Documents (a float: a share of them) that make a fingerprint common wording.
    max_df : int
        A fingerprint in more documents pairs each with the earliest only (at least 2).
    min_seeds : int
        The fewest shared fingerprints of a chain that becomes a region (at least 1).
    max_gap : int
        The most characters between two hits of one chain.
    pad : int
        Characters added on either side of a region before it is aligned.
    convert : "auto", False or an OpenCC config name
        How texts are read (:func:`policytext.analysis_text`).
    seed : int
        The seed of the shingle hashes.
    jobs : int
        Processes for the alignments (at least 1).
    scheduler : str, optional
        The address of a Dask distributed scheduler (``tcp://host:8786``): the alignments
        run on its workers instead of ``jobs`` local processes.

    Examples
    --------
    >>> ReuseOptions(min_length=20).boilerplate_docs(1000)
    50
    """

    shingle: int = 5
    window: int = 4
    min_length: int = 16
    min_similarity: float = 0.75
    boilerplate: int | float = 0.05
    max_df: int = 20
    min_seeds: int = 2
    max_gap: int = 40
    pad: int = 24
    convert: str | bool = "auto"
    seed: int = 0
    jobs: int = 1
    scheduler: str | None = None

    def boilerplate_docs(self, n_docs: int) -> int:
        """The number of documents that makes a fingerprint common.

        Parameters
        ----------
        n_docs : int
            Documents indexed.

        Returns
        -------
        int
            ``boilerplate`` itself (at least 2) when it is an int; for a float, that share
            of ``n_docs``, at least :data:`BOILERPLATE_MIN_DOCS`.
        """
        if isinstance(self.boilerplate, float):
            return max(BOILERPLATE_MIN_DOCS, math.ceil(self.boilerplate * n_docs))
        return max(2, int(self.boilerplate))


@dataclass(frozen=True)
class Reuse:
    """The result of :func:`reuse`.

    Attributes
    ----------
    passages : DataFrame
        :data:`PASSAGE_COLUMNS`: one row per reused passage, longest pairs first.
    pairs : DataFrame
        :data:`PAIR_COLUMNS`: one row per pair of documents, the most reuse first.
    boilerplate : DataFrame
        :data:`BOILERPLATE_COLUMNS`: wording common to many documents, left out of ``passages``.
    duplicates : DataFrame
        :data:`DUPLICATE_COLUMNS`: exact duplicates (``kind`` ``exact``) and records the reader
        marked (``duplicate_of``); they are not aligned.
    diffusion : DataFrame or None
        With ``by``: one row per (passage, document) — see :func:`reuse`.
    """

    passages: pd.DataFrame
    pairs: pd.DataFrame
    boilerplate: pd.DataFrame
    duplicates: pd.DataFrame
    diffusion: pd.DataFrame | None = None

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name (``reuse_passages``, ``reuse_pairs`` …), for writing out."""
        found = {"reuse_passages": self.passages, "reuse_pairs": self.pairs,
                 "reuse_boilerplate": self.boilerplate, "reuse_duplicates": self.duplicates}
        if self.diffusion is not None:
            found["reuse_diffusion"] = self.diffusion
        return found


# --- normalised texts ---------------------------------------------------------------------


def _normalised(text: str) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.int64]]:
    """The code points of ``text`` without white space (full-width ASCII folded to ASCII, so
    ，and , match) and the offset of each in ``text``."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    drop = np.isin(codes, _SPACES) | ((codes >= 0x2000) & (codes <= 0x200D))
    keep = np.flatnonzero(~drop).astype(np.int64)
    kept = codes[keep]
    wide = (kept >= 0xFF01) & (kept <= 0xFF5E)
    if wide.any():
        kept = np.where(wide, kept - 0xFEE0, kept).astype(np.uint32)
    return kept, keep


@dataclass
class _Docs:
    """Both corpora as one list of documents: ids, sides, normalised codes, conversions."""

    ids: list[str]
    side: npt.NDArray[np.int8]  # 0: the corpus, 1: the other corpus
    conversions: list[Conversion]
    codes: list[npt.NDArray[np.uint32]]
    indexed: npt.NDArray[np.bool_]  # takes part (not a duplicate record, not empty)
    text_id: npt.NDArray[np.int64]  # documents with the same normalised text share it
    rank: npt.NDArray[np.int64]  # order in time (by), earliest first
    marked: list[tuple[int, str]]  # (document, the doc_id its duplicate_of names)
    times: list[Any]  # the ``by`` docvar of each document (None without it)
    groups: list[Any]  # the ``group`` docvar of each document (None without it)

    def keep(self, doc: int) -> npt.NDArray[np.int64]:
        """Offsets in the analysis text of the normalised characters of ``doc``."""
        return _normalised(self.conversions[doc].text)[1]


def _duplicate_marks(corpus: Corpus) -> list[str | None]:
    if "duplicate_of" not in corpus.docvars.columns:
        return [None] * len(corpus)
    return [m if isinstance(m, str) and m else None for m in corpus.docvars["duplicate_of"].tolist()]


def _time_rank(values: list[Any], side: npt.NDArray[np.int8]) -> npt.NDArray[np.int64]:
    """Documents in time order: by value (missing last), the other corpus (the central
    documents) first on a tie, then in corpus order."""
    import pandas as pd

    key = pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
    if key.isna().all() and any(v is not None for v in values):
        key = pd.Series(pd.to_datetime(pd.Series(values, dtype=object), errors="coerce")).astype("int64")
    missing = key.isna().to_numpy()
    filled = key.fillna(0).to_numpy(dtype=float)
    order = np.lexsort((np.arange(len(values)), -side.astype(np.int64), filled, missing))
    rank = np.empty(len(values), dtype=np.int64)
    rank[order] = np.arange(len(values))
    return rank


def _docvar(corpus: Corpus, name: str | None) -> list[Any]:
    if name is None or name not in corpus.docvars.columns:
        return [None] * len(corpus)
    return corpus.docvars[name].tolist()


def _prepare(corpora: list[Corpus], by: str | None, group: str | None, convert: str | bool) -> _Docs:
    from policytext.script import analysis_text

    ids: list[str] = []
    sides: list[int] = []
    conversions: list[Conversion] = []
    marks: list[str | None] = []
    times: list[Any] = []
    groups: list[Any] = []
    for side, corpus in enumerate(corpora):
        ids += corpus.doc_ids
        sides += [side] * len(corpus)
        conversions += [analysis_text(t, convert) for t in corpus.texts]
        marks += _duplicate_marks(corpus)
        times += _docvar(corpus, by)
        groups += _docvar(corpus, group)
    codes = [_normalised(c.text)[0] for c in conversions]
    side_arr = np.asarray(sides, dtype=np.int8)
    digests: dict[bytes, int] = {}
    text_id = np.asarray([digests.setdefault(hashlib.blake2b(c.tobytes(), digest_size=16).digest(), len(digests))
                          for c in codes], dtype=np.int64)
    first_of: dict[tuple[int, int], int] = {}
    indexed = np.zeros(len(ids), dtype=bool)
    for d in range(len(ids)):
        # one document per text on each side: a copy adds no evidence, and would count twice
        first = first_of.setdefault((int(side_arr[d]), int(text_id[d])), d)
        indexed[d] = first == d and marks[d] is None and len(codes[d]) > 0
    marked = [(d, m) for d, m in enumerate(marks) if m is not None]
    return _Docs(ids, side_arr, conversions, codes, indexed, text_id, _time_rank(times, side_arr), marked,
                 times, groups)


# --- fingerprints -------------------------------------------------------------------------


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The 64-bit finaliser of MurmurHash3: every input bit flips about half the output bits,
    so the least hash of a window is a fair sample of it."""
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def _shingle_hashes(codes: npt.NDArray[np.uint32], k: int, seed: int) -> npt.NDArray[np.uint64]:
    """The hash of every k-shingle of ``codes`` (a polynomial in the code points, mixed)."""
    n = len(codes) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    wide = codes.astype(np.uint64)
    h = np.full(n, np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15), dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * prime + wide[j : j + n]
        return _mix(h)


def _winnow(h: npt.NDArray[np.uint64], w: int) -> npt.NDArray[np.int64]:
    """Positions of the least hash of every window of ``w`` hashes (the rightmost of equal
    ones, so a run of equal hashes gives one fingerprint), each once."""
    if len(h) <= w:
        return np.asarray([int(np.argmin(h))] if len(h) else [], dtype=np.int64)
    windows = np.lib.stride_tricks.sliding_window_view(h, w)
    picked = np.arange(len(windows), dtype=np.int64) + (w - 1 - np.argmin(windows[:, ::-1], axis=1))
    keep = np.ones(len(picked), dtype=bool)
    keep[1:] = picked[1:] != picked[:-1]  # positions only grow: equal neighbours are one pick
    return picked[keep]


def _chunks(lengths: npt.NDArray[np.int64]) -> list[tuple[int, int]]:
    """Runs of documents of at most :data:`CHUNK_CHARS` characters together (one document
    at least)."""
    bounds = np.searchsorted(np.cumsum(lengths), np.arange(CHUNK_CHARS, int(lengths.sum()) + CHUNK_CHARS, CHUNK_CHARS),
                             side="right")
    edges = sorted({0, len(lengths), *(int(b) for b in bounds)})
    runs = [(lo, hi) for lo, hi in itertools.pairwise(edges) if hi > lo]
    return runs or [(0, 0)]


def fingerprints(
    codes: Sequence[npt.NDArray[np.uint32]], *, shingle: int = 5, window: int = 4, seed: int = 0
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Winnowed shingle fingerprints of many texts: ``(hash, document, position)`` arrays.

    The texts are concatenated a chunk at a time and hashed in a few numpy calls, shingles
    that cross a document boundary left out; so the cost per character does not depend on
    how many documents there are.

    Parameters
    ----------
    codes : sequence of uint32 arrays
        The code points of each text (what :func:`reuse` makes of each normalised text).
    shingle, window : int
        Characters per shingle, shingles per window (an exact shared run of
        ``window + shingle - 1`` characters always shares a fingerprint).
    seed : int
        Picks the hash function.

    Returns
    -------
    tuple of arrays
        The hash, the document (index in ``codes``) and the position of the shingle in it.

    Examples
    --------
    >>> import numpy as np
    >>> a = np.frombuffer("坚持稳中求进工作总基调".encode("utf-32-le"), dtype=np.uint32)
    >>> h, doc, pos = fingerprints([a, a.copy()])
    >>> sorted(h[doc == 0].tolist()) == sorted(h[doc == 1].tolist())
    True
    """
    lengths = np.asarray([len(c) for c in codes], dtype=np.int64)
    # window - 1 filler characters after each text: no window then holds shingles of two
    # texts, so a text's fingerprints do not depend on its neighbours
    gap = np.zeros(window - 1, dtype=np.uint32)
    found: list[tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []
    for lo, hi in _chunks(lengths):
        if hi <= lo or not lengths[lo:hi].sum():
            continue
        starts = np.concatenate(([0], np.cumsum(lengths[lo:hi] + len(gap))))
        joined = np.concatenate([piece for d in range(lo, hi) for piece in (codes[d], gap)]).astype(np.uint32)
        h = _shingle_hashes(joined, shingle, seed)
        doc = np.searchsorted(starts, np.arange(len(h)), side="right") - 1
        valid = np.arange(len(h)) + shingle <= starts[doc] + lengths[lo + doc]
        h[~valid] = _NO_HASH
        picked = _winnow(h, window)
        picked = picked[valid[picked]]
        found.append((h[picked], doc[picked] + lo, picked - starts[doc[picked]]))
    if not found:
        return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return (np.concatenate([f[0] for f in found]), np.concatenate([f[1] for f in found]),
            np.concatenate([f[2] for f in found]))


# --- LSH buckets and candidate pairs ------------------------------------------------------


@dataclass
class _Entries:
    """Fingerprint occurrences sorted by hash, then by document in time order, then position;
    ``df`` is the number of documents of each occurrence's fingerprint."""

    hash: npt.NDArray[np.uint64]
    doc: npt.NDArray[np.int64]
    pos: npt.NDArray[np.int64]
    group: npt.NDArray[np.int64]  # the bucket of each occurrence, 0, 1, … in hash order
    starts: npt.NDArray[np.int64]  # the first occurrence of each bucket
    df: npt.NDArray[np.int64]  # documents per bucket


def _entries(h: npt.NDArray[np.uint64], doc: npt.NDArray[np.int64], pos: npt.NDArray[np.int64], docs: _Docs) -> _Entries:
    keep = docs.indexed[doc]
    h, doc, pos = h[keep], doc[keep], pos[keep]
    order = np.lexsort((pos, docs.rank[doc], h))
    h, doc, pos = h[order], doc[order], pos[order]
    new_group = np.ones(len(h), dtype=bool)
    new_group[1:] = h[1:] != h[:-1]
    new_doc = new_group.copy()
    new_doc[1:] |= doc[1:] != doc[:-1]
    # a phrase repeated in one text counts MAX_REPEAT times at most (a table row template
    # repeated 200 times would otherwise pair every copy with every other)
    run_start = np.maximum.accumulate(np.where(new_doc, np.arange(len(h)), 0))
    kept = np.arange(len(h)) - run_start < MAX_REPEAT
    h, doc, pos, new_group, new_doc = h[kept], doc[kept], pos[kept], new_group[kept], new_doc[kept]
    group = np.cumsum(new_group) - 1
    starts = np.flatnonzero(new_group)
    df = np.bincount(group, weights=new_doc, minlength=len(starts)).astype(np.int64)
    return _Entries(h, doc, pos, group, starts, df)


def _all_pairs(entries: _Entries, buckets: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Every two occurrences of each of ``buckets`` (a few numpy calls per bucket size)."""
    sizes = np.diff(np.append(entries.starts, len(entries.hash)))[buckets]
    firsts, seconds = [], []
    for size in np.unique(sizes).tolist():
        if size < 2:
            continue
        rows = entries.starts[buckets[sizes == size]][:, None] + np.arange(size)
        upper = np.triu_indices(size, 1)
        firsts.append(rows[:, upper[0]].ravel())
        seconds.append(rows[:, upper[1]].ravel())
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(firsts), np.concatenate(seconds)


def _hub_pairs(entries: _Entries, buckets: npt.NDArray[np.int64], side: npt.NDArray[np.int8],
               within: bool) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each occurrence of a large bucket with the bucket's earliest occurrence (of the other
    side, across two corpora): a star instead of all pairs."""
    large = np.zeros(len(entries.starts), dtype=bool)
    large[buckets] = True
    members = np.flatnonzero(large[entries.group])
    if not len(members):
        return members, members
    if within:
        return entries.starts[entries.group[members]], members
    sides = side[entries.doc[members]]
    never = len(entries.hash)
    hub = np.full((len(entries.starts), 2), never, dtype=np.int64)
    np.minimum.at(hub, (entries.group[members], sides), members)  # the earliest of each side
    partner = hub[entries.group[members], 1 - sides]
    found = partner < never
    return partner[found], members[found]


def _candidates(entries: _Entries, docs: _Docs, common: int, max_df: int,
                within: bool) -> tuple[npt.NDArray[np.int64], ...]:
    """Seed hits ``(doc_a, pos_a, doc_b, pos_b)`` of the pairs the buckets propose."""
    usable = entries.df < common
    small = np.flatnonzero(usable & (entries.df >= 2) & (entries.df <= max_df))
    large = np.flatnonzero(usable & (entries.df > max_df))
    i1, j1 = _all_pairs(entries, small)
    i2, j2 = _hub_pairs(entries, large, docs.side, within)
    i, j = np.concatenate((i1, i2)), np.concatenate((j1, j2))
    di, dj = entries.doc[i], entries.doc[j]
    keep = (di != dj) & (docs.text_id[di] != docs.text_id[dj])
    if not within:
        keep &= docs.side[di] != docs.side[dj]
    i, j, di, dj = i[keep], j[keep], di[keep], dj[keep]
    # doc_a: the earlier document of the corpus (within one), the corpus's (across two)
    swap = docs.side[di] > docs.side[dj] if not within else di > dj
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    return entries.doc[a], entries.pos[a], entries.doc[b], entries.pos[b]


# --- chains and regions -------------------------------------------------------------------


@dataclass
class _Regions:
    """Boxes to align: documents ``da``/``db``, ``[a0, a1)`` × ``[b0, b1)`` in normalised
    characters, and the seed hits of each (``seeds[r]``: positions in a and in b)."""

    da: npt.NDArray[np.int64]
    db: npt.NDArray[np.int64]
    a0: npt.NDArray[np.int64]
    a1: npt.NDArray[np.int64]
    b0: npt.NDArray[np.int64]
    b1: npt.NDArray[np.int64]
    seed_a: list[npt.NDArray[np.int64]]
    seed_b: list[npt.NDArray[np.int64]]

    def __len__(self) -> int:
        return len(self.da)


def _chain_ids(pair: npt.NDArray[np.int64], diag: npt.NDArray[np.int64], pa: npt.NDArray[np.int64],
               offset: int, max_gap: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Hits in the order of (pair, diagonal band, position in a) and the chain of each: a new
    chain at a new pair, band, or a gap of more than ``max_gap``."""
    band = np.floor_divide(diag + offset, DIAGONAL_BAND)
    order = np.lexsort((pa, band, pair))
    p, b, x = pair[order], band[order], pa[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = (p[1:] != p[:-1]) | (b[1:] != b[:-1]) | (x[1:] - x[:-1] > max_gap)
    return order, np.cumsum(new) - 1


def _chains(hits: tuple[npt.NDArray[np.int64], ...], n_docs: int, options: ReuseOptions) -> list[npt.NDArray[np.int64]]:
    """Chains of hits (index arrays into ``hits``) with ``min_seeds`` hits covering at least
    half of ``min_length``, on diagonal bands laid twice, half a band apart, so that a chain an
    edit moved across one band's edge is whole in the other."""
    da, pa, db, pb = hits
    pair = da * n_docs + db
    diag = pb - pa
    kept: list[npt.NDArray[np.int64]] = []
    for offset in (0, DIAGONAL_BAND // 2):
        order, chain = _chain_ids(pair, diag, pa, offset, options.max_gap)
        if not len(order):
            continue
        bounds = np.flatnonzero(np.diff(np.concatenate(([-1], chain, [chain[-1] + 1]))))
        starts, ends = bounds[:-1], bounds[1:]
        x = pa[order]
        cover = np.maximum.reduceat(x, starts) - np.minimum.reduceat(x, starts) + options.shingle
        good = (ends - starts >= options.min_seeds) & (cover * 2 >= options.min_length)
        kept += [order[s:e] for s, e in zip(starts[good].tolist(), ends[good].tolist())]
    return kept


def _regions(hits: tuple[npt.NDArray[np.int64], ...], chains: list[npt.NDArray[np.int64]], k: int) -> _Regions:
    """The chains' boxes, merged where they overlap in both documents."""
    da, pa, db, pb = hits
    boxes = sorted((int(da[c[0]]), int(db[c[0]]), int(pa[c].min()), int(pa[c].max()) + k,
                    int(pb[c].min()), int(pb[c].max()) + k, n) for n, c in enumerate(chains))
    merged: list[list[Any]] = []
    for x, y, a0, a1, b0, b1, n in boxes:
        last = merged[-1] if merged else None
        if last is not None and (last[0], last[1]) == (x, y) and a0 <= last[3] and b0 <= last[5] and b1 >= last[4]:
            last[3], last[4], last[5] = max(last[3], a1), min(last[4], b0), max(last[5], b1)
            last[6].append(n)
        else:
            merged.append([x, y, a0, a1, b0, b1, [n]])
    seed_a, seed_b = [], []
    for box in merged:
        members = np.unique(np.concatenate([chains[n] for n in box[6]]))
        seed_a.append(pa[members])
        seed_b.append(pb[members])
    column = [np.asarray([box[i] for box in merged], dtype=np.int64) for i in range(6)]
    return _Regions(column[0], column[1], column[2], column[3], column[4], column[5], seed_a, seed_b)


# --- alignment ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    """A reused passage in normalised characters: ``[a0, a1)`` of document ``da`` and
    ``[b0, b1)`` of ``db``, with its matching characters."""

    da: int
    db: int
    a0: int
    a1: int
    b0: int
    b1: int
    matches: int

    @property
    def similarity(self) -> float:
        span = (self.a1 - self.a0) + (self.b1 - self.b0)
        return 2 * self.matches / span if span else 0.0


class _Texts:
    """The normalised texts an alignment reads, boilerplate masked (a different private-use
    character on each side of a pair, so masked characters never match)."""

    def __init__(self, codes: dict[int, npt.NDArray[np.uint32]], masks: dict[int, npt.NDArray[np.bool_]]) -> None:
        self.codes = codes
        self.masks = masks

    def piece(self, doc: int, lo: int, hi: int, sentinel: int) -> str:
        codes = self.codes[doc][lo:hi]
        mask = self.masks.get(doc)
        if mask is not None and mask[lo:hi].any():
            codes = np.where(mask[lo:hi], np.uint32(sentinel), codes).astype(np.uint32)
        return codes.tobytes().decode("utf-32-le", "surrogatepass")

    def length(self, doc: int) -> int:
        return len(self.codes[doc])


def _codes(text: str) -> npt.NDArray[np.int32]:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int32)


def _sw_tables(pieces: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]],
               scores: tuple[int, int, int]) -> npt.NDArray[np.int32]:
    """The Smith–Waterman tables of many pairs at once, stacked (pairs shorter than the
    longest padded with characters that never match).

    Each row is the recurrence of :func:`~policytext.compare.align.local_align`, done for every
    pair in the same numpy calls: one call per row costs ~30 µs whatever its width, so a
    table of a short passage costs mostly calls, and stacking a thousand of them costs
    about as many calls as one.
    """
    match, mismatch, gap = scores
    n = max(len(a) for a, _ in pieces)
    m = max(len(b) for _, b in pieces)
    rows_a = np.full((len(pieces), n), -1, dtype=np.int32)
    rows_b = np.full((len(pieces), m), -2, dtype=np.int32)
    for k, (a, b) in enumerate(pieces):
        rows_a[k, : len(a)] = a
        rows_b[k, : len(b)] = b
    table = np.zeros((len(pieces), n + 1, m + 1), dtype=np.int32)
    steps = np.arange(m + 1, dtype=np.int32) * np.int32(gap)
    row = np.zeros((len(pieces), m + 1), dtype=np.int32)
    for i in range(n):
        previous = table[:, i]
        diagonal = previous[:, :-1] + np.where(rows_b == rows_a[:, i : i + 1], np.int32(match), np.int32(mismatch))
        row[:, 1:] = np.maximum(np.maximum(diagonal, previous[:, 1:] + np.int32(gap)), 0)
        table[:, i + 1] = np.maximum.accumulate(row - steps, axis=1) + steps
    return table


def _trace_batch(found: list[LocalMatch | None], coded: list[tuple[npt.NDArray[np.int32], npt.NDArray[np.int32]]],
                 batch: list[int], scores: tuple[int, int, int]) -> None:
    """Fill ``found`` for the pairs of ``batch``: their tables together, each traced back
    from its own best cell (the first in row order, as local_align takes it)."""
    table = _sw_tables([coded[j] for j in batch], scores)
    for slot, j in enumerate(batch):
        a, b = coded[j]
        sub = table[slot, : len(a) + 1, : len(b) + 1]
        if sub.size and int(sub.max()) >= 1:
            end_a, end_b = np.unravel_index(int(sub.argmax()), sub.shape)
            found[j] = _trace(sub, a.astype(np.int64), b.astype(np.int64), int(end_a), int(end_b), *scores)


def _local_align_many(pairs: list[tuple[str, str]], *, match: int = 2, mismatch: int = -1,
                      gap: int = -1) -> list[LocalMatch | None]:
    """:func:`~policytext.compare.align.local_align` of many pairs of strings: the same
    result for each (the same table, the same best cell, the same trace back), computed for
    pairs of like size together, in batches of at most :data:`SW_CELLS` cells."""
    found: list[LocalMatch | None] = [None] * len(pairs)
    coded = [(_codes(a), _codes(b)) for a, b in pairs]
    order = sorted(range(len(pairs)), key=lambda k: (len(coded[k][0]), len(coded[k][1])))
    batch: list[int] = []
    widest = 0
    for k in order:
        a, b = coded[k]
        wide = max(widest, len(b))
        if batch and (len(batch) + 1) * (len(a) + 1) * (wide + 1) > SW_CELLS:
            _trace_batch(found, coded, batch, (match, mismatch, gap))
            batch, wide = [], len(b)
        batch.append(k)
        widest = wide
    if batch:
        _trace_batch(found, coded, batch, (match, mismatch, gap))
    return found


def _increasing(seed_a: npt.NDArray[np.int64], seed_b: npt.NDArray[np.int64]) -> list[tuple[int, int]]:
    """The longest run of seeds increasing in both documents (patience sorting)."""
    import bisect

    order = np.lexsort((seed_b, seed_a))
    xs, ys = seed_a[order].tolist(), seed_b[order].tolist()
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(xs)
    for n, y in enumerate(ys):
        k = bisect.bisect_left(tails, y)
        back[n] = tail_at[k - 1] if k else -1
        if k == len(tails):
            tails.append(y)
            tail_at.append(n)
        else:
            tails[k], tail_at[k] = y, n
    out: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        out.append((xs[n], ys[n]))
        n = back[n]
    return out[::-1]


def _cuts(seed_a: npt.NDArray[np.int64], seed_b: npt.NDArray[np.int64], box: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """Points of a long box where both documents share a shingle, at most :data:`MAX_BLOCK`
    characters apart: between two such points the texts align from end to end."""
    a0, a1, b0, b1 = box
    cuts: list[tuple[int, int]] = []
    last_a, last_b = a0, b0
    anchors = _increasing(seed_a, seed_b)
    for n, (x, y) in enumerate(anchors):
        following = anchors[n + 1] if n + 1 < len(anchors) else (a1, b1)
        too_far = following[0] - last_a > MAX_BLOCK or following[1] - last_b > MAX_BLOCK
        if too_far and x > last_a and y > last_b:
            cuts.append((x, y))
            last_a, last_b = x, y
    return cuts


@dataclass(frozen=True)
class _Task:
    """One block of a region to align: the box, which sides may grow, and their padding."""

    region: int
    block: int
    da: int
    db: int
    box: tuple[int, int, int, int]
    grow: tuple[bool, bool]
    pads: tuple[int, int]

    def window(self, texts: _Texts) -> tuple[int, int, int, int]:
        a0, a1, b0, b1 = self.box
        left, right = self.pads
        return (max(0, a0 - left), min(texts.length(self.da), a1 + right),
                max(0, b0 - left), min(texts.length(self.db), b1 + right))

    def widened(self, found: tuple[int, int, int, int, int], texts: _Texts) -> _Task | None:
        """The task again with the padding doubled on a side where the passage ran into an
        edge that could move (it may go on past it); None when it did not."""
        x0, x1, y0, y1 = self.window(texts)
        at_left = self.grow[0] and ((found[0] == x0 and x0 > 0) or (found[2] == y0 and y0 > 0))
        at_right = self.grow[1] and ((found[1] == x1 and x1 < texts.length(self.da))
                                     or (found[3] == y1 and y1 < texts.length(self.db)))
        if not (at_left or at_right):
            return None
        pads = (self.pads[0] * (2 if at_left else 1), self.pads[1] * (2 if at_right else 1))
        return _Task(self.region, self.block, self.da, self.db, self.box, self.grow, pads)


def _tasks(regions: _Regions, chosen: list[int], pad: int) -> list[_Task]:
    """The blocks of each chosen region: one, or more cut at shared shingles when long."""
    tasks = []
    for r in chosen:
        box = (int(regions.a0[r]), int(regions.a1[r]), int(regions.b0[r]), int(regions.b1[r]))
        long = max(box[1] - box[0], box[3] - box[2]) > MAX_BLOCK
        points = [(box[0], box[2]), *(_cuts(regions.seed_a[r], regions.seed_b[r], box) if long else []), (box[1], box[3])]
        last = len(points) - 2
        for n in range(last + 1):
            (x0, y0), (x1, y1) = points[n], points[n + 1]
            grow = (n == 0, n == last)
            tasks.append(_Task(r, n, int(regions.da[r]), int(regions.db[r]), (x0, x1, y0, y1), grow,
                               (pad if grow[0] else 0, pad if grow[1] else 0)))
    return tasks


def _run_tasks(texts: _Texts, tasks: list[_Task]) -> dict[tuple[int, int], tuple[int, int, int, int, int]]:
    """Align every task; a passage that runs into a movable edge is aligned again with more
    room (three times at most). ``(a0, a1, b0, b1, matches)`` per (region, block) aligned."""
    results: dict[tuple[int, int], tuple[int, int, int, int, int]] = {}
    for attempt in range(4):
        windows = [task.window(texts) for task in tasks]
        matches = _local_align_many([(texts.piece(t.da, x0, x1, _MASK_A), texts.piece(t.db, y0, y1, _MASK_B))
                                     for t, (x0, x1, y0, y1) in zip(tasks, windows)])
        again = []
        for task, (x0, _, y0, _), match in zip(tasks, windows, matches):
            if match is None:
                results.pop((task.region, task.block), None)
                continue
            found = (x0 + match.a_start, x0 + match.a_end, y0 + match.b_start, y0 + match.b_end, match.matches)
            results[(task.region, task.block)] = found
            wider = task.widened(found, texts) if attempt < 3 else None
            if wider is not None:
                again.append(wider)
        tasks = again
    return results


def _stitched(results: dict[tuple[int, int], tuple[int, int, int, int, int]], tasks: list[_Task]) -> list[_Found]:
    """The passages of each region: its blocks' alignments, joined while each reaches the
    cut where the next begins."""
    found: list[_Found] = []
    current: list[int] | None = None
    for task in sorted(tasks, key=lambda t: (t.region, t.block)):
        part = results.get((task.region, task.block))
        if task.block == 0:
            current = None
        if part is None:
            current = None
            continue
        x0, _, y0, _ = task.box
        joins = (current is not None and task.block > 0 and current[1] >= x0 - _JOIN_SLACK
                 and current[3] >= y0 - _JOIN_SLACK and part[0] <= x0 + _JOIN_SLACK and part[2] <= y0 + _JOIN_SLACK)
        if current is not None and joins:
            current = [current[0], part[1], current[2], part[3], current[4] + part[4]]
            found[-1] = _Found(task.da, task.db, *current)
        else:
            current = list(part)
            found.append(_Found(task.da, task.db, *current))
    return found


def _promising(texts: _Texts, regions: _Regions, r: int, options: ReuseOptions) -> bool:
    """Whether the padded box can hold a passage of ``min_length`` matching characters: its
    longest common subsequence (bit-parallel, in C++) bounds the matches of any alignment in
    it, and costs microseconds."""
    from rapidfuzz.distance import LCSseq

    da, db, pad = int(regions.da[r]), int(regions.db[r]), options.pad
    x = texts.piece(da, max(0, int(regions.a0[r]) - pad), int(regions.a1[r]) + pad, _MASK_A)
    y = texts.piece(db, max(0, int(regions.b0[r]) - pad), int(regions.b1[r]) + pad, _MASK_B)
    return bool(LCSseq.similarity(x, y) >= options.min_length)


def _align_some(texts: _Texts, regions: _Regions, chosen: list[int], options: ReuseOptions) -> list[_Found]:
    """The passages of the chosen regions that are long and similar enough."""
    chosen = [r for r in chosen if _promising(texts, regions, r, options)]
    tasks = _tasks(regions, chosen, options.pad)
    return [p for p in _stitched(_run_tasks(texts, tasks), tasks)
            if p.matches >= options.min_length and p.similarity >= options.min_similarity]


_WORKER: dict[str, Any] = {}


def _worker_init(texts: _Texts, regions: _Regions, options: ReuseOptions) -> None:
    _WORKER.update(texts=texts, regions=regions, options=options)


def _worker_align(chosen: list[int]) -> list[_Found]:
    return _align_some(_WORKER["texts"], _WORKER["regions"], chosen, _WORKER["options"])


def _align_all(regions: _Regions, texts: _Texts, options: ReuseOptions) -> list[_Found]:
    """Every region aligned, in ``options.jobs`` processes when there are many, or on the
    Dask cluster at ``options.scheduler``; the passages come back in the order of the regions
    whichever runs them."""
    every = list(range(len(regions)))
    if options.scheduler:
        return _align_on_dask(regions, texts, options, every)
    if options.jobs <= 1 or len(every) < 256:
        return _align_some(texts, regions, every, options)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(options.jobs, initializer=_worker_init, initargs=(texts, regions, options)) as pool:
        return [p for part in pool.map(_worker_align, _batches(every, options.jobs)) for p in part]


def _batches(every: list[int], workers: int) -> list[list[int]]:
    # a few batches per worker: they even out, and each still stacks many tables
    size = max(64, -(-len(every) // (workers * 4)))
    return [every[i : i + size] for i in range(0, len(every), size)]


def _align_on_dask(regions: _Regions, texts: _Texts, options: ReuseOptions, every: list[int]) -> list[_Found]:
    """The alignments as tasks of a Dask cluster: the texts and regions are sent once to
    every worker, each task names the regions it aligns."""
    from policytext.distributed import dask_client

    client = dask_client(options.scheduler)  # type: ignore[arg-type]
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        shared_texts, shared_regions = client.scatter([texts, regions], broadcast=True)
        futures = [client.submit(_align_some, shared_texts, shared_regions, batch, options, pure=False)
                   for batch in _batches(every, workers)]
        return [p for part in client.gather(futures) for p in part]
    finally:
        client.close()


def _distinct(found: list[_Found]) -> list[_Found]:
    """One passage where two regions found the same one (or one inside the other): the
    longest is kept."""
    kept: list[_Found] = []
    by_pair: dict[tuple[int, int], list[_Found]] = {}
    for p in sorted(found, key=lambda p: (-p.matches, p.a0, p.b0)):
        others = by_pair.setdefault((p.da, p.db), [])
        inside = any(min(p.a1, q.a1) - max(p.a0, q.a0) > (p.a1 - p.a0) // 2
                     and min(p.b1, q.b1) - max(p.b0, q.b0) > (p.b1 - p.b0) // 2 for q in others)
        if not inside:
            others.append(p)
            kept.append(p)
    return sorted(kept, key=lambda p: (p.da, p.db, p.a0, p.b0))


# --- boilerplate, duplicates --------------------------------------------------------------


@dataclass
class _Boilerplate:
    """Runs of common wording: document, ``[start, end)`` in normalised characters, and the
    fewest documents any of its fingerprints is in."""

    doc: npt.NDArray[np.int64]
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    n_docs: npt.NDArray[np.int64]

    def masks(self, docs: _Docs) -> dict[int, npt.NDArray[np.bool_]]:
        found: dict[int, npt.NDArray[np.bool_]] = {}
        for d, s, e in zip(self.doc.tolist(), self.start.tolist(), self.end.tolist()):
            mask = found.setdefault(d, np.zeros(len(docs.codes[d]), dtype=bool))
            mask[s:e] = True
        return found


def _boilerplate(entries: _Entries, common: int, options: ReuseOptions) -> _Boilerplate:
    """Runs of fingerprints found in ``common`` documents or more whose shingles touch or
    overlap, at least ``min_length`` characters long."""
    df = entries.df[entries.group]
    pick = np.flatnonzero(df >= common)
    order = np.lexsort((entries.pos[pick], entries.doc[pick]))
    pick = pick[order]
    doc, pos, n = entries.doc[pick], entries.pos[pick], df[pick]
    if not len(pick):
        empty = np.zeros(0, dtype=np.int64)
        return _Boilerplate(empty, empty, empty, empty)
    new = np.ones(len(pick), dtype=bool)
    new[1:] = (doc[1:] != doc[:-1]) | (pos[1:] - pos[:-1] > options.shingle)
    starts = np.flatnonzero(new)
    first, last = pos[starts], np.maximum.reduceat(pos, starts) + options.shingle
    fewest = np.minimum.reduceat(n, starts)
    long_enough = last - first >= options.min_length
    return _Boilerplate(doc[starts][long_enough], first[long_enough], last[long_enough], fewest[long_enough])


_SIDES = ("a", "b")


def _duplicate_rows(docs: _Docs) -> list[dict[str, Any]]:
    """Exact duplicates (the same normalised text) and the records the reader marked."""
    rows: list[dict[str, Any]] = []
    first_of: dict[tuple[int, int], int] = {}
    across: dict[int, list[int]] = {}
    marked = {d for d, _ in docs.marked}
    for d in range(len(docs.ids)):
        side, text = int(docs.side[d]), int(docs.text_id[d])
        first = first_of.setdefault((side, text), d)
        if first != d and len(docs.codes[d]) and d not in marked:
            rows.append({"doc_a": docs.ids[first], "doc_b": docs.ids[d], "side": _SIDES[side], "kind": "exact"})
        elif first == d:
            across.setdefault(text, []).append(d)
    for members in across.values():
        if len(members) == 2 and len(docs.codes[members[0]]):  # the first of each side
            rows.append({"doc_a": docs.ids[members[0]], "doc_b": docs.ids[members[1]], "side": "ab", "kind": "exact"})
    for d, original in docs.marked:
        rows.append({"doc_a": original, "doc_b": docs.ids[d], "side": _SIDES[int(docs.side[d])], "kind": "duplicate_of"})
    return rows


# --- tables -------------------------------------------------------------------------------


class _Places:
    """Normalised offsets of documents → offsets and text in the originals."""

    def __init__(self, docs: _Docs) -> None:
        self.docs = docs
        self._keep: dict[int, npt.NDArray[np.int64]] = {}

    def span(self, doc: int, start: int, end: int) -> tuple[int, int, str]:
        keep = self._keep.get(doc)
        if keep is None:
            keep = self._keep[doc] = self.docs.keep(doc)
        conversion = self.docs.conversions[doc]
        lo, hi = conversion.to_original(int(keep[start]), int(keep[end - 1]) + 1)
        return lo, hi, conversion.original[lo:hi]


def _covered(spans: list[tuple[int, int]]) -> int:
    """Characters in the union of ``spans``."""
    total, reach = 0, -1
    for lo, hi in sorted(spans):
        if hi > reach:
            total += hi - max(lo, reach)
            reach = hi
    return total


def _shares(found: list[_Found], docs: _Docs) -> dict[tuple[int, int], tuple[float, float]]:
    """Per pair: the share of each document's normalised characters in its reused passages."""
    spans: dict[tuple[int, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for p in found:
        side_a, side_b = spans.setdefault((p.da, p.db), ([], []))
        side_a.append((p.a0, p.a1))
        side_b.append((p.b0, p.b1))
    return {pair: (_covered(a) / max(len(docs.codes[pair[0]]), 1), _covered(b) / max(len(docs.codes[pair[1]]), 1))
            for pair, (a, b) in spans.items()}


def _passage_rows(found: list[_Found], docs: _Docs, places: _Places) -> list[dict[str, Any]]:
    shares = _shares(found, docs)
    rows = []
    for p in found:
        start_a, end_a, text_a = places.span(p.da, p.a0, p.a1)
        start_b, end_b, text_b = places.span(p.db, p.b0, p.b1)
        share_a, share_b = shares[(p.da, p.db)]
        rows.append({"doc_a": docs.ids[p.da], "doc_b": docs.ids[p.db], "start_a": start_a, "end_a": end_a,
                     "start_b": start_b, "end_b": end_b, "text_a": text_a, "text_b": text_b, "length": p.matches,
                     "similarity": round(p.similarity, 4), "share_a": round(share_a, 4), "share_b": round(share_b, 4)})
    return rows


def _pair_rows(passages: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    if not len(passages):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PAIR_COLUMNS})
    weighted = passages.assign(weight=passages["similarity"] * passages["length"])
    pairs = weighted.groupby(["doc_a", "doc_b"], sort=False).agg(
        passages=("length", "size"), length=("length", "sum"), longest=("length", "max"),
        share_a=("share_a", "first"), share_b=("share_b", "first"), weight=("weight", "sum"))
    pairs["similarity"] = (pairs.pop("weight") / pairs["length"]).round(4)
    pairs = pairs.reset_index().sort_values(["length", "doc_a", "doc_b"], ascending=[False, True, True], kind="stable")
    return pairs.reset_index(drop=True)[list(PAIR_COLUMNS)]


def _boilerplate_rows(runs: _Boilerplate, docs: _Docs, places: _Places) -> list[dict[str, Any]]:
    rows = []
    for d, s, e, n in zip(runs.doc.tolist(), runs.start.tolist(), runs.end.tolist(), runs.n_docs.tolist()):
        start, end, text = places.span(d, s, e)
        rows.append({"doc_id": docs.ids[d], "side": _SIDES[int(docs.side[d])], "start": start, "end": end,
                     "text": text, "length": e - s, "n_docs": n})
    return rows


# --- diffusion ----------------------------------------------------------------------------


def _clusters(found: list[_Found]) -> list[int]:
    """Passages that overlap (by half the shorter, at least) in some document are one
    passage: the cluster of each, by union-find."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ends = sorted([(p.da, p.a0, p.a1, i) for i, p in enumerate(found)] + [(p.db, p.b0, p.b1, i) for i, p in enumerate(found)])
    current: tuple[int, int, int, int] | None = None
    for doc, s, e, i in ends:
        if current is not None and current[0] == doc and min(e, current[2]) - s >= min(e - s, current[2] - current[1]) / 2:
            parent[root(i)] = root(current[3])
            current = (doc, current[1], max(e, current[2]), current[3])
        else:
            current = (doc, s, e, i)
    return [root(i) for i in range(len(found))]


def _lag(later: Any, first: Any) -> Any:
    try:
        return float(later) - float(first)
    except (TypeError, ValueError):
        return None


def _diffusion_rows(found: list[_Found], docs: _Docs, places: _Places, by: str,
                    group: str | None) -> list[dict[str, Any]]:
    """One row per (passage, document): where the passage stands in each document, and the
    earliest document it stands in."""
    spans: dict[int, dict[int, tuple[int, int]]] = {}
    for cluster, p in zip(_clusters(found), found):
        members = spans.setdefault(cluster, {})
        for doc, s, e in ((p.da, p.a0, p.a1), (p.db, p.b0, p.b1)):
            if doc not in members or e - s > members[doc][1] - members[doc][0]:
                members[doc] = (s, e)
    ordered = sorted(spans.values(), key=lambda m: min((int(docs.rank[d]), s) for d, (s, _) in m.items()))
    rows = []
    for number, members in enumerate(ordered, 1):
        sequence = sorted(members, key=lambda d: int(docs.rank[d]))
        first = sequence[0]
        for doc in sequence:
            s, e = members[doc]
            start, end, text = places.span(doc, s, e)
            row = {"passage": number, "doc_id": docs.ids[doc], "side": _SIDES[int(docs.side[doc])],
                   by: docs.times[doc], "start": start, "end": end, "length": e - s, "text": text,
                   "role": "first" if doc == first else "reuse", "first_doc": docs.ids[first],
                   f"first_{by}": docs.times[first], "lag": _lag(docs.times[doc], docs.times[first])}
            if group is not None:
                row[group], row[f"first_{group}"] = docs.groups[doc], docs.groups[first]
            rows.append(row)
    return rows


def diffusion_columns(by: str, group: str | None = None) -> tuple[str, ...]:
    """The columns of :attr:`Reuse.diffusion` for the docvars ``by`` and ``group``.

    Parameters
    ----------
    by : str
        The docvar that orders documents in time.
    group : str, optional
        The docvar named beside each document.

    Returns
    -------
    tuple of str
        ``passage``, ``doc_id``, ``side`` (``a`` or ``b``), ``by``, ``group``, ``start``,
        ``end``, ``length``, ``text``, ``role`` (``first`` or ``reuse``), ``first_doc``,
        ``first_{by}``, ``first_{group}``, ``lag`` (the group columns only with ``group``).

    Examples
    --------
    >>> diffusion_columns("year")
    ('passage', 'doc_id', 'side', 'year', 'start', 'end', 'length', 'text', 'role', 'first_doc', 'first_year', 'lag')
    """
    grouped = (group,) if group else ()
    first_group = (f"first_{group}",) if group else ()
    return ("passage", "doc_id", "side", by, *grouped, "start", "end", "length", "text", "role", "first_doc",
            f"first_{by}", *first_group, "lag")


# --- the verb -----------------------------------------------------------------------------


def _check(options: ReuseOptions) -> None:
    from policytext.errors import ConfigError

    if options.shingle < 2 or options.window < 1:
        raise ConfigError("reuse: shingle must be ≥ 2 and window ≥ 1")
    if options.min_length < options.shingle or not 0.0 <= options.min_similarity <= 1.0:
        raise ConfigError("reuse: min_length must be ≥ shingle and min_similarity in [0, 1]")
    if options.max_df < 2 or options.min_seeds < 1 or options.jobs < 1:
        raise ConfigError("reuse: max_df ≥ 2, min_seeds ≥ 1 and jobs ≥ 1")


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    from policytext.frames import records_frame

    frame = records_frame(rows, columns)
    for column in ("start_a", "end_a", "start_b", "end_b", "start", "end", "length", "n_docs", "passages", "longest"):
        if column in frame.columns:
            frame[column] = frame[column].astype("int64")
    return frame


def _found(docs: _Docs, options: ReuseOptions, within: bool) -> tuple[list[_Found], _Boilerplate]:
    """The reused passages (normalised offsets) and the boilerplate runs."""
    common = options.boilerplate_docs(int(docs.indexed.sum()))
    indexed = [c if docs.indexed[d] else c[:0] for d, c in enumerate(docs.codes)]
    h, doc, pos = fingerprints(indexed, shingle=options.shingle, window=options.window, seed=options.seed)
    entries = _entries(h, doc, pos, docs)
    runs = _boilerplate(entries, common, options)
    hits = _candidates(entries, docs, common, options.max_df, within)
    regions = _regions(hits, _chains(hits, len(docs.ids), options), options.shingle)
    involved = set(regions.da.tolist()) | set(regions.db.tolist())
    masks = {d: m for d, m in runs.masks(docs).items() if d in involved}
    texts = _Texts({d: docs.codes[d] for d in involved}, masks)
    return _distinct(_align_all(regions, texts, options)), runs


def reuse(
    corpus: Corpus,
    other: Corpus | None = None,
    *,
    by: str | None = None,
    group: str | None = None,
    shingle: int = 5,
    window: int = 4,
    min_length: int = 16,
    min_similarity: float = 0.75,
    boilerplate: int | float = 0.05,
    max_df: int = 20,
    convert: str | bool = "auto",
    jobs: int = 1,
    scheduler: str | None = None,
) -> Reuse:
    """Passages that documents share: which documents copy which, and how much.

    Parameters
    ----------
    corpus : Corpus
        The documents (the local ones, when ``other`` is given).
    other : Corpus, optional
        A second corpus (the central documents): pairs then join a document of ``corpus``
        (``doc_a``) with one of ``other`` (``doc_b``). Without it, pairs within ``corpus``,
        ``doc_a`` the earlier of the two in corpus order.
    by : str, optional
        A docvar that orders documents in time (``year``, ``date``): adds the diffusion table,
        and makes the earliest document of a widely shared passage its hub.
    group : str, optional
        A docvar named beside each document of the diffusion table (a county, a province).
    shingle, window : int
        Characters per shingle and shingles per winnowing window: an exact shared run of
        ``shingle + window - 1`` characters (8) always proposes its pair.
    min_length : int
        The fewest matching characters of a passage.
    min_similarity : float
        The least similarity ``2·matches / (length in a + length in b)`` of a passage.
    boilerplate : int or float
        A fingerprint in this many documents (a float: this share of them, at least
        :data:`BOILERPLATE_MIN_DOCS`) is common wording: it proposes no pair, and a run of such
        fingerprints ``min_length`` long is boilerplate.
    max_df : int
        A fingerprint in more documents pairs each with the earliest only.
    convert : "auto", False or an OpenCC config name
        How texts are read (:func:`policytext.analysis_text`).
    jobs : int
        Processes for the alignments.
    scheduler : str, optional
        A Dask distributed scheduler's address (``tcp://host:8786``): the alignments, most of
        the time, run on its workers (``pip install "policytext[dask]"``); fingerprints and
        buckets stay in this process. The tables are the same as without it.

    Returns
    -------
    Reuse
        ``passages`` (:data:`PASSAGE_COLUMNS`: offsets and text in each original, ``length``
        in matching characters, ``similarity``, and each document's share in the pair's
        passages, ``share_a``/``share_b``), ``pairs`` (:data:`PAIR_COLUMNS`), ``boilerplate``,
        ``duplicates`` and, with ``by``, ``diffusion`` (:func:`diffusion_columns`: one row per
        passage and document, ``role`` ``first`` for its earliest document, ``reuse`` for the
        later ones, ``lag`` in units of ``by``).

    Raises
    ------
    policytext.ConfigError
        When an option is out of range (``shingle`` below 2, ``window``, ``jobs`` below
        1, ``min_length`` below ``shingle``, ``min_similarity`` outside [0, 1],
        ``max_df`` below 2) or ``convert`` is bad.

    Examples
    --------
    >>> import pandas as pd
    >>> import policytext as pt
    >>> central = "国务院关于加快发展现代农业的意见。各地要因地制宜发展特色产业，培育新型农业经营主体，完善农业社会化服务体系。"
    >>> local = "县政府工作报告。我县因地制宜发展特色产业，要培育新型农业经营主体，完善农业社会化服务体系。"
    >>> found = reuse(pt.Corpus([local], pd.DataFrame({"doc_id": ["local"]})),
    ...               pt.Corpus([central], pd.DataFrame({"doc_id": ["central"]})))
    >>> row = found.passages.iloc[0]
    >>> row["doc_a"], row["doc_b"], row["text_a"]
    ('local', 'central', '因地制宜发展特色产业，要培育新型农业经营主体，完善农业社会化服务体系。')
    """
    options = ReuseOptions(shingle=shingle, window=window, min_length=min_length, min_similarity=min_similarity,
                           boilerplate=boilerplate, max_df=max_df, convert=convert, jobs=jobs, scheduler=scheduler)
    return reuse_with(corpus, other, options, by=by, group=group)


def reuse_with(corpus: Corpus, other: Corpus | None, options: ReuseOptions, *, by: str | None = None,
               group: str | None = None) -> Reuse:
    """:func:`reuse` with every parameter in one :class:`ReuseOptions` (the ones it does not
    name too: ``min_seeds``, ``max_gap``, ``pad``, ``seed``).

    Parameters
    ----------
    corpus : Corpus
        The documents (the local ones, when ``other`` is given).
    other : Corpus or None
        A second corpus (the central documents), or None for pairs within ``corpus``.
    options : ReuseOptions
        Every parameter of the search.
    by, group : str, optional
        As in :func:`reuse`.

    Returns
    -------
    Reuse
        As :func:`reuse` returns it.

    Raises
    ------
    policytext.ConfigError
        When an option is out of range or ``convert`` is bad.
    """
    _check(options)
    docs = _prepare([corpus] if other is None else [corpus, other], by, group, options.convert)
    found, runs = _found(docs, options, within=other is None)
    places = _Places(docs)
    passages = _frame(_passage_rows(found, docs, places), PASSAGE_COLUMNS)
    diffusion = None
    if by is not None:
        diffusion = _frame(_diffusion_rows(found, docs, places, by, group), diffusion_columns(by, group))
    return Reuse(passages, _pair_rows(passages), _frame(_boilerplate_rows(runs, docs, places), BOILERPLATE_COLUMNS),
                 _frame(_duplicate_rows(docs), DUPLICATE_COLUMNS), diffusion)
