"""Alignment of two sequences: sentences of two documents, or the characters or words of two
passages. A small general API, shared by the document diff (:mod:`policytext.compare.diff`)
and meant for text-reuse detection:

- :func:`sequence_similarity` and :func:`similarity_matrix`: the normalised Indel similarity
  (``2·LCS / (len a + len b)``, 1 for equal items) of two strings or token lists, and of every
  pair of two lists, computed by rapidfuzz (C++, bit-parallel);
- :func:`align`: a one-to-one alignment of two sequences of strings that reports reordering
  (``moved``), an item split into consecutive items or several merged into one, as well as
  ``same``/``changed``/``added``/``removed``;
- :func:`edits`: the inserted and deleted runs between two strings or token lists;
- :func:`local_align`: the best local alignment (Smith–Waterman) of two strings or token
  lists, tolerant of substitutions and gaps: where a passage of one reappears in the other.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["Edit", "Link", "LocalMatch", "align", "edits", "local_align", "sequence_similarity", "similarity_matrix"]

#: the kinds of :class:`Link`, in the order a reader meets them
LINK_OPS = ("same", "changed", "moved", "split", "merged", "removed", "added")


@dataclass(frozen=True)
class Link:
    """One step of an alignment: items ``a[a_start:a_end]`` correspond to ``b[b_start:b_end]``.

    ``op`` is one of ``same``, ``changed``, ``moved``, ``split`` (one item of ``a`` became
    several consecutive items of ``b``), ``merged`` (the reverse), ``removed`` (an ``a`` item
    without counterpart: the ``b`` range is empty) or ``added``. ``similarity`` compares the
    joined items of both ranges (NaN for ``added``/``removed``).

    Attributes
    ----------
    op : str
        One of :data:`LINK_OPS`.
    a_start, a_end : int
        The items of ``a`` (an empty range for ``added``).
    b_start, b_end : int
        The items of ``b`` (an empty range for ``removed``).
    similarity : float
        :func:`sequence_similarity` of the joined items, NaN for ``added``/``removed``.
    """

    op: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float


@dataclass(frozen=True)
class Edit:
    """``a[a_start:a_end]`` deleted and/or ``b[b_start:b_end]`` inserted in their place.

    Attributes
    ----------
    a_start, a_end : int
        The run deleted from ``a`` (empty for a pure insertion).
    b_start, b_end : int
        The run inserted from ``b`` (empty for a pure deletion).
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True)
class LocalMatch:
    """The best local alignment: ``a[a_start:a_end]`` aligned with ``b[b_start:b_end]``, its
    score, the number of matching items and their similarity ``2·matches / (span a + span b)``.

    Attributes
    ----------
    a_start, a_end : int
        The aligned span of ``a``.
    b_start, b_end : int
        The aligned span of ``b``.
    score : int
        The alignment's score (matches earn, substitutions and gaps cost).
    matches : int
        Items that match.
    similarity : float
        ``2·matches / (span a + span b)``.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    score: int
    matches: int
    similarity: float


def sequence_similarity(a: str | Sequence[Hashable], b: str | Sequence[Hashable]) -> float:
    """The normalised Indel similarity of two strings or token lists: ``2·LCS / (len a +
    len b)``, 1.0 for equal sequences (two empty ones included), 0.0 for nothing in common.

    Parameters
    ----------
    a, b : str or sequence of hashable
        Characters or tokens.

    Returns
    -------
    float
        Between 0.0 and 1.0.

    Examples
    --------
    >>> sequence_similarity("稳中求进", "稳中有进")
    0.75
    """
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(a, b))


def similarity_matrix(
    a: Sequence[str], b: Sequence[str], *, cutoff: float = 0.0, workers: int = 1
) -> npt.NDArray[np.float32]:
    """:func:`sequence_similarity` of every pair: a ``len(a) × len(b)`` float32 array.

    Parameters
    ----------
    a, b : sequence of str
    cutoff : float
        Scores below it are returned as 0 (rapidfuzz then stops early on hopeless pairs).
    workers : int
        Threads for rapidfuzz (``-1``: every core).

    Returns
    -------
    numpy.ndarray of float32
        ``scores[i, j]`` compares ``a[i]`` with ``b[j]`` (0 below ``cutoff``).

    Examples
    --------
    >>> similarity_matrix(["稳中求进", "扩大内需"], ["稳中有进"]).round(2).tolist()
    [[0.75], [0.0]]
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    if not len(a) or not len(b):
        return np.zeros((len(a), len(b)), dtype=np.float32)
    return process.cdist(a, b, scorer=Indel.normalized_similarity, score_cutoff=cutoff or None,
                         dtype=np.float32, workers=workers)


def _monotone(weights: npt.NDArray[np.float64]) -> list[tuple[int, int]]:
    """The pairs (i, j), increasing in both, of maximum total weight (weights ≤ 0 never pair):
    a weighted longest common subsequence. Row ``i`` of the table is
    ``cummax(max(previous[j], previous[j-1] + w[i, j]))``, so each row is a few numpy calls."""
    n, m = weights.shape
    table = np.zeros((n + 1, m + 1))
    for i in range(n):
        previous = table[i]
        step = np.maximum(previous[1:], previous[:-1] + np.maximum(weights[i], 0.0))
        table[i + 1, 1:] = np.maximum.accumulate(step)
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        here = table[i, j]
        if here == table[i - 1, j]:
            i -= 1
        elif here == table[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _greedy(scores: npt.NDArray[np.float32], rows: npt.NDArray[np.bool_], cols: npt.NDArray[np.bool_],
            threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs among the free rows and columns, best score first (ties: the pair
    nearest the diagonal, so a sentence repeated in both texts pairs with its own copy)."""
    n, m = scores.shape
    masked = np.where(rows[:, None] & cols[None, :], scores, 0.0)
    ii, jj = np.nonzero(masked >= max(threshold, 1e-9))
    if not len(ii):
        return []
    distance = np.abs(ii / max(n, 1) - jj / max(m, 1))
    order = np.lexsort((distance, -masked[ii, jj]))
    taken_a, taken_b, pairs = set(), set(), []
    for k in order.tolist():
        i, j = int(ii[k]), int(jj[k])
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            pairs.append((i, j))
    return pairs


def _tied(scores: npt.NDArray[np.float32], axis: int) -> npt.NDArray[np.bool_]:
    """Rows (``axis=1``) or columns (``axis=0``) whose best score is there twice."""
    if scores.shape[axis] < 2:
        return np.zeros(scores.shape[1 - axis], dtype=bool)
    top = np.partition(scores, -2, axis=axis)
    first, second = (top[:, -1], top[:, -2]) if axis == 1 else (top[-1], top[-2])
    return (first > 0) & (first == second)


def _pairs(scores: npt.NDArray[np.float32], allowed: npt.NDArray[np.bool_], threshold: float,
           move_threshold: float) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The in-order pairs (a chain) and the moved pairs.

    1. anchors: the best one-to-one pairs of at least ``move_threshold`` where allowed;
    2. between consecutive anchors of their heaviest in-order chain, the in-order pairs of
       at least ``threshold`` where allowed (reworded items that stayed in place);
    3. leftovers anywhere, of at least ``move_threshold``;
    4. the heaviest chain of all these pairs stays in place; the rest moved (a pair below
       ``move_threshold`` that is not in it is dropped: only its place vouched for it).

    ``allowed`` only decides which pairs form, not which are in order: a section heading
    moved down past its own sentences moves, not the sentences.
    """
    n, m = scores.shape
    every_a, every_b = np.ones(n, dtype=bool), np.ones(m, dtype=bool)
    masked = np.where(allowed, scores, 0.0)
    # an item with two equally good partners (各位代表！ in both texts, twice) anchors
    # nothing: its copies pair in order in step 2, where their place decides
    anchors = _greedy(masked, ~_tied(masked, 1), ~_tied(masked, 0), move_threshold)
    weights = np.zeros((n, m))
    for i, j in anchors:
        weights[i, j] = scores[i, j]
    chain = _monotone(weights)
    free_a, free_b = every_a.copy(), every_b.copy()
    for i, j in anchors:
        free_a[i] = free_b[j] = False
    # the chain is forced (each pair outweighs all the others together); gaps fill in order
    weights = np.where(allowed & free_a[:, None] & free_b[None, :] & (scores >= threshold), scores, 0.0)
    big = float(min(n, m) + 1)
    for i, j in chain:
        weights[i, j] = big
    pairs = set(anchors) | set(_monotone(weights))
    for i, j in pairs:
        free_a[i] = free_b[j] = False
    pairs.update(_greedy(scores, free_a, free_b, move_threshold))
    weights = np.zeros((n, m))
    for i, j in pairs:
        weights[i, j] = scores[i, j]
    chain = _monotone(weights)
    moved = sorted(p for p in pairs.difference(chain) if scores[p] >= move_threshold)
    return chain, moved


def _join(items: Sequence[str], start: int, end: int) -> str:
    return "".join(items[start:end])


def _grow(fixed: str, items: Sequence[str], start: int, end: int, free: npt.NDArray[np.bool_],
          current: float, max_join: int) -> tuple[int, int, float]:
    """Extend ``items[start:end]`` over free neighbours while the joined text gets more
    similar to ``fixed`` (a split or merged sentence: each piece joins the whole)."""
    while end - start < max_join:
        options = []
        if start > 0 and free[start - 1]:
            options.append((sequence_similarity(fixed, _join(items, start - 1, end)), start - 1, end))
        if end < len(items) and free[end]:
            options.append((sequence_similarity(fixed, _join(items, start, end + 1)), start, end + 1))
        if not options:
            break
        best = max(options)
        # a piece of the same sentence raises the LCS by about its length; an unrelated
        # neighbour adds length but few common characters, so the score drops
        if best[0] <= current + 1e-6:
            break
        current, start, end = best
    return start, end, current


def _joined_links(a: Sequence[str], b: Sequence[str], pairs: list[tuple[int, int, str]],
                  scores: npt.NDArray[np.float32], max_join: int) -> list[Link]:
    """Links of the matched pairs, with split and merged sentences: a pair that is not
    identical takes in free neighbours on one side while that raises its similarity."""
    free_a = np.ones(len(a), dtype=bool)
    free_b = np.ones(len(b), dtype=bool)
    for i, j, _ in pairs:
        free_a[i] = free_b[j] = False
    links = []
    for i, j, kind in pairs:
        score = float(scores[i, j])
        a_range, b_range = (i, i + 1), (j, j + 1)
        if score < 1.0 and max_join > 1:
            b0, b1, grown = _grow(a[i], b, j, j + 1, free_b, score, max_join)
            if (b0, b1) != (j, j + 1):
                b_range, score, kind = (b0, b1), grown, "split"
                free_b[b0:b1] = False
            else:
                a0, a1, grown = _grow(b[j], a, i, i + 1, free_a, score, max_join)
                if (a0, a1) != (i, i + 1):
                    a_range, score, kind = (a0, a1), grown, "merged"
                    free_a[a0:a1] = False
        if kind == "chain":
            kind = "same" if a[i] == b[j] else "changed"
        links.append(Link(kind, *a_range, *b_range, score))
    links += [Link("removed", i, i + 1, 0, 0, float("nan")) for i in np.flatnonzero(free_a).tolist()]
    links += [Link("added", 0, 0, j, j + 1, float("nan")) for j in np.flatnonzero(free_b).tolist()]
    return links


def _ordered(links: list[Link]) -> list[Link]:
    """In the order of ``b``; a removed item comes right after the in-place link that holds
    the ``a`` item before it (before anything added at that point)."""
    placed = sorted((link.a_start, link.b_end) for link in links if link.op not in ("moved", "removed", "added"))
    starts = [a for a, _ in placed]

    def key(link: Link) -> tuple[int, int, int]:
        if link.op != "removed":
            return (link.b_start, 0, link.a_start)
        k = bisect.bisect_left(starts, link.a_start)
        return (placed[k - 1][1] if k else 0, -1, link.a_start)

    return sorted(links, key=key)


def align(
    a: Sequence[str],
    b: Sequence[str],
    *,
    threshold: float = 0.5,
    move_threshold: float = 0.6,
    allowed: npt.NDArray[np.bool_] | None = None,
    max_join: int = 3,
    scores: npt.NDArray[np.float32] | None = None,
    workers: int = 1,
) -> list[Link]:
    """Align two sequences of strings (the sentences of two versions of a text).

    Every item of ``a`` and of ``b`` is in exactly one link. Items pair one-to-one by
    :func:`sequence_similarity`; pairs in the order of both texts are ``same`` or ``changed``, the
    others ``moved``. A pair then takes in unpaired neighbours on one side while the joined
    text grows more similar: ``split`` (one ``a`` item became several ``b`` items) or
    ``merged``.

    Parameters
    ----------
    a, b : sequence of str
        The items, compared as given (normalise them first: strip white space …).
    threshold : float
        The least similarity of a pair that stays in place (in order between two surer pairs).
    move_threshold : float
        The least similarity of a pair that anchors the alignment or moved: higher, because
        a pair far from its neighbours has no context to vouch for it.
    allowed : bool array of shape ``(len(a), len(b))``
        Where in-place pairs may form (the sections that correspond); a pair outside it can
        still pair as a leftover, in order where it fits, else moved. Default: everywhere.
    max_join : int
        The most items a split or merged link holds on its longer side (1: none).
    scores : float array
        :func:`similarity_matrix` of ``a`` and ``b`` when the caller has it.
    workers : int
        Threads for the similarity matrix.

    Returns
    -------
    list of Link
        In the order of ``b``, each removed item after the link of the ``a`` item before it.

    Raises
    ------
    ValueError
        When ``scores`` or ``allowed`` is not of shape ``(len(a), len(b))``.

    Examples
    --------
    >>> a = ["一、回顾。", "经济平稳。", "就业增加。", "物价稳定，收入增长。", "二、任务。"]
    >>> b = ["一、回顾。", "经济平稳运行。", "物价稳定。", "收入增长。", "二、任务。", "就业增加。"]
    >>> [(x.op, x.a_start, x.a_end, x.b_start, x.b_end) for x in align(a, b)]
    [('same', 0, 1, 0, 1), ('changed', 1, 2, 1, 2), ('split', 3, 4, 2, 4), ('same', 4, 5, 4, 5), ('moved', 2, 3, 5, 6)]
    """
    if scores is None:
        scores = similarity_matrix(a, b, cutoff=min(threshold, move_threshold), workers=workers)
    if allowed is None:
        allowed = np.ones(scores.shape, dtype=bool)
    if scores.shape != (len(a), len(b)) or allowed.shape != scores.shape:
        raise ValueError(f"scores/allowed must have shape ({len(a)}, {len(b)})")
    chain, moved = _pairs(scores, allowed, threshold, move_threshold)
    pairs = sorted([(i, j, "chain") for i, j in chain] + [(i, j, "moved") for i, j in moved],
                   key=lambda p: -float(scores[p[0], p[1]]))
    return _ordered(_joined_links(a, b, pairs, scores, max_join))


def edits(a: str | Sequence[Hashable], b: str | Sequence[Hashable]) -> list[Edit]:
    """The runs deleted from ``a`` and inserted in ``b`` (an Indel diff, by rapidfuzz):
    adjacent deletions and insertions form one :class:`Edit`.

    Parameters
    ----------
    a, b : str or sequence of hashable
        Characters or tokens: the old and the new version.

    Returns
    -------
    list of Edit
        In order; the runs between them are equal.

    Examples
    --------
    >>> edits(["坚持", "稳中求进", "。"], ["坚持", "稳中有进", "总基调", "。"])
    [Edit(a_start=1, a_end=2, b_start=1, b_end=3)]
    """
    from rapidfuzz.distance import Indel

    found: list[Edit] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        last = found[-1] if found else None
        if last is not None and last.a_end == op.src_start and last.b_end == op.dest_start:
            found[-1] = Edit(last.a_start, op.src_end, last.b_start, op.dest_end)
        else:
            found.append(Edit(op.src_start, op.src_end, op.dest_start, op.dest_end))
    return found


def _codes(a: str | Sequence[Hashable], b: str | Sequence[Hashable]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Both sequences as integer arrays (characters by code point, tokens by a shared index)."""
    if isinstance(a, str) and isinstance(b, str):
        return (np.frombuffer(a.encode("utf-32-le"), dtype=np.uint32).astype(np.int64),
                np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32).astype(np.int64))
    index: dict[Any, int] = {}
    return (np.array([index.setdefault(x, len(index)) for x in a], dtype=np.int64),
            np.array([index.setdefault(x, len(index)) for x in b], dtype=np.int64))


def local_align(
    a: str | Sequence[Hashable],
    b: str | Sequence[Hashable],
    *,
    match: int = 2,
    mismatch: int = -1,
    gap: int = -1,
    min_score: int = 1,
) -> LocalMatch | None:
    """The best local alignment of two strings or token lists (Smith–Waterman, linear gaps).

    Where a passage of ``a`` reappears in ``b`` with some words changed, added or left out;
    each substitution and each gap costs, each matching item earns ``match``.

    Parameters
    ----------
    a, b : str or sequence of hashable
        Characters or tokens.
    match, mismatch, gap : int
        Scores of a matching item, a substitution and an item on one side only (``mismatch``
        and ``gap`` ≤ 0).
    min_score : int
        None below it.

    Returns
    -------
    LocalMatch or None
        None when no alignment scores ``min_score`` (or at least 1).

    Raises
    ------
    ValueError
        When ``match`` is not above 0, or ``mismatch`` or ``gap`` is above 0.

    Notes
    -----
    Time and memory grow with ``len(a) × len(b)`` (a table of int32; each row is a few
    numpy calls): passages, not whole books.

    Examples
    --------
    >>> m = local_align("今年要坚持稳中求进工作总基调", "会议强调坚持稳中有进工作总基调不动摇")
    >>> "今年要坚持稳中求进工作总基调"[m.a_start:m.a_end], m.matches
    ('坚持稳中求进工作总基调', 10)
    """
    if mismatch > 0 or gap > 0 or match <= 0:
        raise ValueError("local_align: match > 0, mismatch ≤ 0 and gap ≤ 0")
    ca, cb = _codes(a, b)
    n, m = len(ca), len(cb)
    table = np.zeros((n + 1, m + 1), dtype=np.int32)
    steps = np.arange(m + 1, dtype=np.int32) * gap  # gap ≤ 0: a run of k gaps costs k·gap
    for i in range(n):
        previous = table[i]
        diagonal = previous[:-1] + np.where(cb == ca[i], match, mismatch)
        row = np.zeros(m + 1, dtype=np.int32)
        row[1:] = np.maximum(np.maximum(diagonal, previous[1:] + gap), 0)
        # a run of gaps along the row: row[j] = max over k ≤ j of row[k] + (j - k)·gap
        table[i + 1] = np.maximum.accumulate(row - steps) + steps
    best = int(table.max()) if table.size else 0
    if best < max(min_score, 1):
        return None
    end_a, end_b = np.unravel_index(int(table.argmax()), table.shape)
    return _trace(table, ca, cb, int(end_a), int(end_b), match, mismatch, gap)


def _trace(table: npt.NDArray[np.int32], ca: npt.NDArray[np.int64], cb: npt.NDArray[np.int64],
           i: int, j: int, match: int, mismatch: int, gap: int) -> LocalMatch:
    """Follow the Smith–Waterman table back from its best cell to where the score began."""
    end_a, end_b, score, matches = i, j, int(table[i, j]), 0
    while i > 0 and j > 0 and table[i, j] > 0:
        here = int(table[i, j])
        same = ca[i - 1] == cb[j - 1]
        if here == int(table[i - 1, j - 1]) + (match if same else mismatch):
            matches += int(same)
            i, j = i - 1, j - 1
        elif here == int(table[i - 1, j]) + gap:
            i -= 1
        else:
            j -= 1
    span = (end_a - i) + (end_b - j)
    return LocalMatch(i, end_a, j, end_b, score, matches, 2 * matches / span if span else 0.0)
