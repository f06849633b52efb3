"""Traditional ↔ Simplified conversion with OpenCC, and the offset map back to the original.

OpenCC returns only the converted string.  To know where each converted character came
from, the text is converted line by line; a line whose length did not change (and whose
config has no length-changing phrases) maps one-for-one, and any other line is aligned
against its character-by-character conversion, so a phrase that changed length
(U盘 → 隨身碟) maps as one unit to the span it replaced.  The alignment walks both
strings once: equal runs are copied, and a difference is bounded by where the two agree
again within a small window (phrases are short) and aligned on its own, so its cost is
linear in the text whatever the text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from policytext.errors import ConfigError
from policytext.offsets import Alignment, AlignmentBuilder
from policytext.script.backend import convert_each, converter
from policytext.script.resources import (
    CONFIGS,
    LINE_SPLIT,
    LONG_LINE,
    PDF_JOINED,
    PDF_SPACE,
    PDF_SPACES,
    PDF_UNITS,
    PHRASE_CONFIGS,
    RESYNC_PROBES,
    RESYNC_RUN,
    RESYNC_SURE,
    RESYNC_WINDOW,
    SENTENCE_SPLIT,
)

__all__ = ["CONVERT_OPTIONS", "Conversion", "analysis_text", "check_convert", "convert", "convert_with_offsets"]

#: what ``convert=`` takes besides an OpenCC config name
CONVERT_OPTIONS = ("auto", False)


@dataclass(frozen=True)
class Conversion:
    """A converted text that remembers where each of its characters came from.

    Attributes
    ----------
    text : str
        The converted text.
    original : str
        The text as given.
    config : str
        The OpenCC config used (``""`` when nothing was converted).
    alignment : Alignment
        From ``text`` back to ``original``.
    """

    text: str
    original: str
    config: str
    alignment: Alignment

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the converted span ``[start, end)``.

        Parameters
        ----------
        start, end : int
            A span of the converted text.

        Returns
        -------
        tuple of int
            ``(start, end)`` in the original.

        Raises
        ------
        IndexError
            When the span is not inside the converted text.
        """
        return self.alignment.span(start, end)

    def original_text(self, start: int, end: int) -> str:
        """The original (unconverted) surface of the converted span ``[start, end)``.

        Parameters
        ----------
        start, end : int
            A span of the converted text.

        Returns
        -------
        str

        Raises
        ------
        IndexError
            When the span is not inside the converted text.
        """
        s, e = self.alignment.span(start, end)
        return self.original[s:e]

    @property
    def is_identity(self) -> bool:
        """True when the converted text is the original itself (nothing was converted)."""
        return self.text is self.original or (self.alignment.is_identity and self.text == self.original)

    @classmethod
    def unchanged(cls, text: str) -> Conversion:
        """The text as its own analysis text (no conversion, the identity map)."""
        return cls(text, text, "", Alignment.identity(len(text)))


def check_convert(convert: str | bool) -> str | bool:
    """``convert`` if it is ``"auto"``, ``False`` or a known OpenCC config name; else a
    :class:`~policytext.errors.ConfigError` naming the choices."""
    if convert is False or convert == "auto":
        return convert
    if isinstance(convert, str):
        name = convert[:-5] if convert.endswith(".json") else convert
        if name in CONFIGS:
            return convert
    raise ConfigError(
        f"convert must be 'auto', False or an OpenCC config name ({', '.join(sorted(CONFIGS))}), not {convert!r}"
    )


def analysis_text(text: str, convert: str | bool = "auto") -> Conversion:
    """The text every analysis reads, and the map from it back to ``text``.

    Spaces that PDF extraction puts between Chinese characters, inside a number and
    between a number and its unit (``不 少 于 5 0 类``, ``3 000 万``, ``5.5 %``) are left out
    (a space next to a Latin letter stays, and a line break is not a space). Then
    ``convert="auto"`` converts a text holding any Traditional-only character with ``t2s``
    (jieba's dictionary and every bundled table are Simplified) and leaves any other text
    as it is; ``False`` never converts; an OpenCC config name (``"tw2sp"``) converts with
    that config. Every extractor takes the same ``convert=`` values and reads the text
    through this function, so offsets always point into ``text``: the map composes the
    spaces left out with the conversion's.

    Parameters
    ----------
    text : str
        The text as given.
    convert : "auto", False or an OpenCC config name
        ``"auto"`` (default): ``t2s`` when the text holds a Traditional-only character;
        ``False``: never convert; a config name (``"t2s"``, ``"tw2sp"`` …, with or
        without ``.json``): convert with it.

    Returns
    -------
    Conversion
        The analysis text (``text`` attribute), the original, the config used (``""``
        for none) and the alignment back to ``text``.

    Raises
    ------
    policytext.ConfigError
        When ``convert`` is not ``"auto"``, ``False`` or a known OpenCC config name.
    policytext.UnsupportedConfigError
        When the installed OpenCC does not provide the config.
    policytext.DependencyError
        When a conversion is needed and no OpenCC is installed.

    Examples
    --------
    >>> c = analysis_text("黨員占30.26%")
    >>> c.text, c.original_text(0, 2)
    ('党员占30.26%', '黨員')
    >>> c = analysis_text("不 少 于 5 0 类", False)
    >>> c.text, c.original_text(0, 6)
    ('不少于50类', '不 少 于 5 0 类')
    """
    check_convert(convert)
    spaced = _without_pdf_spaces(text)
    base = text if spaced is None else spaced[0]
    if convert == "auto":
        from policytext.script.detect import contains_traditional

        convert = "t2s" if contains_traditional(base) else False
    if convert is False:
        if spaced is None:
            return Conversion.unchanged(text)
        return Conversion(base, text, "", spaced[1])
    converted = convert_with_offsets(base, str(convert))
    if spaced is None:
        return converted
    return Conversion(converted.text, text, converted.config, spaced[1].then(converted.alignment))


def _in_ranges(codes: npt.NDArray[np.uint32], ranges: tuple[tuple[int, int], ...], singles: tuple[int, ...] = ()) -> npt.NDArray[np.bool_]:
    inside = np.zeros(len(codes), dtype=bool)
    for c in singles:
        inside |= codes == c
    for lo, hi in ranges:
        inside |= (codes >= lo) & (codes <= hi)
    return inside


def _without_pdf_spaces(text: str) -> tuple[str, Alignment] | None:
    """``text`` without the spaces :data:`PDF_SPACE` finds, and the map back; None when
    there are none (most texts: one regex search says so). Vectorised over the code
    points, since a PDF text may hold a space after every character."""
    if PDF_SPACE.search(text) is None:
        return None
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    space = _in_ranges(codes, (), PDF_SPACES)
    before = np.concatenate(([False], space[:-1]))
    after = np.concatenate((space[1:], [False]))
    starts = np.flatnonzero(space & ~before)  # runs of spaces: [starts, ends)
    ends = np.flatnonzero(space & ~after) + 1
    joined = _in_ranges(codes, PDF_JOINED)
    unit = joined | _in_ranges(codes, (), PDF_UNITS)
    inner = (starts > 0) & (ends < len(codes))
    starts, ends = starts[inner], ends[inner]
    drop = joined[starts - 1] & unit[ends]
    depth = np.zeros(len(codes) + 1, dtype=np.int64)
    depth[starts[drop]] += 1
    depth[ends[drop]] -= 1
    kept = np.flatnonzero(np.cumsum(depth[:-1]) == 0).astype(np.int64)
    spaced = codes[kept].tobytes().decode("utf-32-le", "surrogatepass")
    return spaced, Alignment(len(kept), len(text), kept, kept + 1)


def _pieces(text: str) -> list[str]:
    pieces: list[str] = []
    for line in LINE_SPLIT.split(text):
        if not line:
            continue
        if len(line) <= LONG_LINE:
            pieces.append(line)
        else:
            pieces.extend(p for p in SENTENCE_SPLIT.split(line) if p)
    return pieces


def convert(text: str, config: str = "t2s") -> str:
    """Convert ``text`` with the OpenCC ``config`` (``"t2s"``, ``"s2twp"``, ``"hk2s"`` …).

    Parameters
    ----------
    text : str
        The text.
    config : str
        An OpenCC config name, with or without ``.json`` (default ``"t2s"``;
        :func:`available_configs` lists those installed).

    Returns
    -------
    str
        The converted text (use :func:`convert_with_offsets` for offsets back).

    Raises
    ------
    policytext.UnsupportedConfigError
        When ``config`` is unknown or the installed OpenCC does not provide it.
    policytext.DependencyError
        When no OpenCC is installed.

    Examples
    --------
    >>> convert("漢字轉換", "t2s")
    '汉字转换'
    """
    fn = converter(config)
    return "".join(fn(p) for p in _pieces(text))


@functools.cache
def _char_table(config: str) -> dict[int, str]:
    # code point -> its conversion alone, without phrase context (a str.translate table);
    # it grows as characters are met
    return {}


def _charwise(piece: str, config: str) -> str | None:
    """``piece`` converted character by character; None if a character became more or
    fewer than one (the piece then has no character-level reference)."""
    table = _char_table(config)
    seen = set(piece)
    missing = sorted(c for c in seen if ord(c) not in table)
    if missing:
        table.update(zip(map(ord, missing), convert_each(config, missing)))
    if any(len(table[ord(c)]) != 1 for c in seen):
        return None
    return piece.translate(table)


def _align_piece(piece: str, converted: str, config: str, builder: AlignmentBuilder) -> None:
    reference = _charwise(piece, config)
    if reference is None:
        builder.replace(len(piece), len(converted))
        return
    if reference == converted:  # no phrase in the piece changed anything the characters did not
        builder.copy(len(piece))
        return
    groups = _lend_characters(_join_phrases(_diff_groups(reference, converted)))
    for equal, n_src, n_out, length_changed in groups:
        if equal:
            builder.copy(n_src)
        else:
            builder.replace(n_src, n_out, atomic=bool(length_changed))


# A group is [is_equal, n_source, n_derived, atomic]: a run of the character-wise
# conversion against a run of the phrase conversion.


def _diff_groups(a: str, b: str) -> list[list[int]]:
    """Groups turning ``a`` (character-wise conversion) into ``b`` (phrase conversion).

    Linear in the length: equal runs are skipped in C-speed slices, and each difference
    is bounded by a resynchronisation found within RESYNC_WINDOW and then aligned on its
    own; past phrases back to back (no agreement within the window) the difference runs
    to the next long agreement, or to the end, and maps as one unit.
    """
    groups: list[list[int]] = []
    i = j = 0
    n, m = len(a), len(b)
    while i < n or j < m:
        k = _common_run(a, i, b, j)
        if k:
            groups.append([1, k, k, 0])
            i, j = i + k, j + k
            continue
        hit = _resync(a, i, b, j)
        if hit is not None:
            di, dj = hit
            groups.extend(_local_groups(a[i : i + di], b[j : j + dj]))
        else:
            # Whatever lies between would be aligned by guesswork: one unit is coarse but
            # never points a character at the wrong phrase.
            di, dj = _far_resync(a, i, b, j) or (n - i, m - j)
            groups.append([0, di, dj, 1])
        i, j = i + di, j + dj
    return groups


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the common prefix of ``a[i:]`` and ``b[j:]``."""
    limit = min(len(a) - i, len(b) - j)
    if limit <= 0 or a[i] != b[j]:
        return 0
    # Gallop then bisect, comparing only characters not yet compared: O(run) in C and
    # O(log run) steps in Python, so a million equal characters cost a few dozen steps.
    lo, step = 1, 16
    while lo < limit:
        hi = min(lo + step, limit)
        if a[i + lo : i + hi] != b[j + lo : j + hi]:
            break
        lo, step = hi, step * 2
    else:
        return limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i + lo : i + mid] == b[j + lo : j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _resync(a: str, i: int, b: str, j: int) -> tuple[int, int] | None:
    """``(di, dj)``: where ``a[i + di:]`` and ``b[j + dj:]`` agree again after the
    difference at ``a[i]``, ``b[j]``, within RESYNC_WINDOW on either side; None if nowhere.

    The longest agreement wins (counted up to RESYNC_SURE characters; one running to
    both ends counts in full), and the nearest among equals: a phrase's conversion often
    repeats text nearby (局部和区域性 → 區域性和區域性), and the nearest few equal
    characters would align it with the repetition, where difflib's longest match does not.
    At most RESYNC_PROBES candidates are weighed, so a search costs a bounded number of
    steps whatever the text.
    """
    n, m = len(a), len(b)
    best, best_score, best_d = None, 0, 2 * RESYNC_WINDOW + 1
    if n - i <= RESYNC_WINDOW and m - j <= RESYNC_WINDOW:
        best, best_score, best_d = (n - i, m - j), RESYNC_SURE, n - i + m - j
    probes = RESYNC_PROBES
    # Candidates start with the same RESYNC_RUN characters, so the search runs in C. One
    # cut short by the end of b only matters where both ends are in reach, and reaching
    # both ends is then the sure candidate already taken above.
    window = b[j : j + RESYNC_WINDOW + RESYNC_RUN]
    for di in range(min(RESYNC_WINDOW, n - i - 1) + 1):
        if best_score == RESYNC_SURE and di >= best_d:
            break  # only a nearer sure agreement could beat the one found
        needle = a[i + di : i + di + RESYNC_RUN]
        q = window.find(needle)
        while 0 <= q <= RESYNC_WINDOW and probes:
            if best_score == RESYNC_SURE and di + q >= best_d:
                break
            probes -= 1
            score = _agreement(a, i + di, b, j + q)
            if score > best_score or (score and score == best_score and di + q < best_d):
                best, best_score, best_d = (di, q), score, di + q
            q = window.find(needle, q + 1)
    return best


def _agreement(a: str, p: int, b: str, q: int) -> int:
    """How well ``a[p:]`` and ``b[q:]`` agree: RESYNC_SURE for a long run or one to both
    ends, the run's length for a shorter one, 0 if too short to trust."""
    n, m = len(a), len(b)
    k = min(RESYNC_SURE, n - p, m - q)
    short = min(RESYNC_RUN, k)
    if a[p : p + short] != b[q : q + short]:  # most candidates end here
        return 0
    if a[p : p + k] == b[q : q + k]:
        return RESYNC_SURE if k == RESYNC_SURE or (p + k == n and q + k == m) else k
    return _common_run(a, p, b, q)


def _far_resync(a: str, i: int, b: str, j: int) -> tuple[int, int] | None:
    """``(di, dj)`` past the window: where the two agree again once phrases back to back
    end, found by searching window after window ahead at the drift they had at ``i``,
    ``j`` (each search is bounded, and each moves RESYNC_WINDOW on); None if nowhere."""
    n, m = len(a), len(b)
    k = RESYNC_WINDOW
    while i + k < n and j + k < m:
        hit = _resync(a, i + k, b, j + k)
        if hit is not None:
            return k + hit[0], k + hit[1]
        k += RESYNC_WINDOW
    return None


def _local_groups(a: str, b: str) -> list[list[int]]:
    """Groups for two short strings, matched the way difflib does (the longest common
    block first, then either side of it), so a short difference aligns as it always has."""
    blocks: list[tuple[int, int, int]] = []
    todo = [(0, len(a), 0, len(b))]
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        x, y, k = _longest_match(a, alo, ahi, b, blo, bhi)
        if k:
            blocks.append((x, y, k))
            if alo < x and blo < y:
                todo.append((alo, x, blo, y))
            if x + k < ahi and y + k < bhi:
                todo.append((x + k, ahi, y + k, bhi))
    blocks.sort()
    blocks.append((len(a), len(b), 0))
    groups: list[list[int]] = []
    i = j = 0
    for x, y, k in blocks:
        if i < x or j < y:
            groups.append([0, x - i, y - j, int(x - i != y - j)])
        if k:
            groups.append([1, k, k, 0])
        i, j = x + k, y + k
    return groups


def _longest_match(a: str, alo: int, ahi: int, b: str, blo: int, bhi: int) -> tuple[int, int, int]:
    # difflib's tie-break: of the longest blocks, the earliest in a, then in b
    best = (alo, blo, 0)
    ending: dict[int, int] = {}  # end position in b -> length of the block ending there
    for i in range(alo, ahi):
        here: dict[int, int] = {}
        q = b.find(a[i], blo, bhi)
        while q != -1:
            k = here[q] = ending.get(q - 1, 0) + 1
            if k > best[2]:
                best = (i - k + 1, q - k + 1, k)
            q = b.find(a[i], q + 1, bhi)
        ending = here
    return best


def _join_phrases(groups: list[list[int]]) -> list[list[int]]:
    # A phrase whose characters moved shows up as a short match between a pure insertion
    # and a pure deletion (鼠標 → 滑鼠: insert 滑, keep 鼠, delete 標): that match is part
    # of the phrase, so the phrase maps as one unit.
    for k in range(1, len(groups) - 1):
        g, before, after = groups[k], groups[k - 1], groups[k + 1]
        if not g[0] or g[1] > 2 or before[0] or after[0]:
            continue
        ins_del = {before[1] == 0, after[1] == 0} == {True, False} and {
            before[2] == 0,
            after[2] == 0,
        } == {True, False}
        if ins_del:
            g[0], g[3] = 0, 1
    groups = _merge_changes(groups)
    # A pure deletion or insertion left over belongs to the phrase next to it
    # (信息技術 → 資訊科技: 信息 → 資訊科, keep 技, delete 術).
    for k in range(1, len(groups) - 1):
        g, before, after = groups[k], groups[k - 1], groups[k + 1]
        if not g[0] or g[1] > 2 or before[0] or after[0]:
            continue
        if 0 in (before[1], before[2], after[1], after[2]):
            g[0], g[3] = 0, 1
    return _merge_changes(groups)


def _lend_characters(groups: list[list[int]]) -> list[list[int]]:
    for k, g in enumerate(groups):
        if g[0] or (g[1] > 0 and g[2] > 0):
            continue
        # A pure insertion or deletion next to a long match takes one character of it, so
        # every converted character has a source and every source character a converted one.
        for nb in (k - 1, k + 1):
            if 0 <= nb < len(groups) and groups[nb][0] and groups[nb][1] > 0:
                groups[nb][1] -= 1
                groups[nb][2] -= 1
                g[1] += 1
                g[2] += 1
                break
    return groups


def _merge_changes(groups: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for g in groups:
        if merged and not g[0] and not merged[-1][0]:
            last = merged[-1]
            last[1] += g[1]
            last[2] += g[2]
            last[3] = int(last[3] or g[3] or last[1] != last[2])
        else:
            merged.append(g)
    return merged


def convert_with_offsets(text: str, config: str = "t2s") -> Conversion:
    """Convert ``text`` and keep an offset map from the converted text back to ``text``.

    A phrase that changed length (U盘 → 隨身碟) maps as one unit to the span it replaced;
    every other character maps to its own.

    Parameters
    ----------
    text : str
        The text.
    config : str
        An OpenCC config name, with or without ``.json`` (default ``"t2s"``).

    Returns
    -------
    Conversion
        The converted text, the original, the config name and the alignment back.

    Raises
    ------
    policytext.UnsupportedConfigError
        When ``config`` is unknown or the installed OpenCC does not provide it.
    policytext.DependencyError
        When no OpenCC is installed.

    Examples
    --------
    >>> c = convert_with_offsets("鼠标和U盘", "s2twp")
    >>> c.text
    '滑鼠和隨身碟'
    >>> c.original_text(3, 6)
    'U盘'
    """
    fn = converter(config)
    name = config[:-5] if config.endswith(".json") else config
    always_align = name in PHRASE_CONFIGS
    builder = AlignmentBuilder()
    out: list[str] = []
    for block in _blocks(_pieces(text)):
        # one OpenCC call per block of lines (no conversion crosses a line or sentence end,
        # so a block converts as its pieces do)
        joined = "".join(block)
        converted = fn(joined)
        if len(block) == 1 or _one_for_one(joined, converted, name, always_align):
            out.append(converted)
            _add_piece(joined, converted, name, always_align, builder)
            continue
        for piece in block:  # a phrase changed something: find where, piece by piece
            converted = fn(piece)
            out.append(converted)
            _add_piece(piece, converted, name, always_align, builder)
    return Conversion("".join(out), text, name, builder.build())


def _blocks(pieces: list[str]) -> list[list[str]]:
    """Consecutive pieces grouped up to LONG_LINE characters."""
    blocks: list[list[str]] = []
    size = LONG_LINE + 1
    for piece in pieces:
        if size + len(piece) > LONG_LINE:
            blocks.append([])
            size = 0
        blocks[-1].append(piece)
        size += len(piece)
    return blocks


def _one_for_one(piece: str, converted: str, name: str, always_align: bool) -> bool:
    """Whether ``converted`` maps back to ``piece`` character for character."""
    if converted == piece or (len(converted) == len(piece) and not always_align):
        return True
    # a phrase config whose phrases changed nothing the characters alone would not
    return len(converted) == len(piece) and _charwise(piece, name) == converted


def _add_piece(piece: str, converted: str, name: str, always_align: bool, builder: AlignmentBuilder) -> None:
    if converted == piece or (len(converted) == len(piece) and not always_align):
        builder.copy(len(piece))
    else:
        _align_piece(piece, converted, name, builder)
