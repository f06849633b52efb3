"""Offset maps: how positions in a derived text (cleaned, converted) point back to its source.

An :class:`Alignment` records, for every character of a derived text, the span of the source
text it came from.  Characters copied or replaced one-for-one map to one source character;
characters produced by a many-to-many replacement (a phrase conversion such as 软件 → 軟體
is one-for-one, 優盤 → 隨身碟 is not) all map to the whole replaced source span, so a derived
span always maps to a source span whose text is the surface of what was derived.
Alignments compose, so clean → convert → segment can be traced back to the raw file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


__all__ = ["Alignment", "AlignmentBuilder", "Edit", "IntArray", "apply_edits"]


@dataclass(frozen=True)
class Alignment:
    """Map from each character of a derived text to a ``[start, end)`` span of its source.

    ``starts`` and ``ends`` are ``None`` for the identity (nothing changed), which costs
    no memory: most documents need no conversion.

    Attributes
    ----------
    length : int
        Characters in the derived text.
    source_length : int
        Characters in the source text.
    starts, ends : numpy.ndarray of int64, or None
        For each derived character, the ``[start, end)`` span of the source it came from
        (``None`` for the identity).

    Examples
    --------
    >>> from policytext.offsets import Edit, apply_edits
    >>> text, alignment = apply_edits("优盘与软件", [Edit(0, 2, "隨身碟")])
    >>> text, alignment.span(0, 1), alignment.span(3, 5)
    ('隨身碟与软件', (0, 2), (2, 4))
    """

    length: int
    source_length: int
    starts: IntArray | None = None
    ends: IntArray | None = None

    @classmethod
    def identity(cls, length: int) -> Alignment:
        return cls(length, length)

    @property
    def is_identity(self) -> bool:
        return self.starts is None

    def char_starts(self) -> IntArray:
        if self.starts is None:
            return np.arange(self.length, dtype=np.int64)
        return self.starts

    def char_ends(self) -> IntArray:
        if self.ends is None:
            return np.arange(1, self.length + 1, dtype=np.int64)
        return self.ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the derived span ``[start, end)``.

        Parameters
        ----------
        start, end : int
            The span in the derived text (``start == end`` for a position).

        Returns
        -------
        tuple of int
            ``(start, end)`` in the source.

        Raises
        ------
        IndexError
            When the span is not inside the derived text.
        """
        if not 0 <= start <= end <= self.length:
            raise IndexError(f"span [{start}, {end}) outside a text of length {self.length}")
        if self.starts is None or self.ends is None:
            return start, end
        if start == end:
            pos = int(self.starts[start]) if start < self.length else self.source_length
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])

    def spans(self, starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
        """Vectorised :meth:`span` for non-empty spans (token offsets).

        Parameters
        ----------
        starts, ends : array of int
            Spans in the derived text, each non-empty.

        Returns
        -------
        tuple of numpy.ndarray
            The source starts and ends.
        """
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.asarray(ends, dtype=np.int64)
        if self.starts is None or self.ends is None:
            return starts, ends
        if len(starts) == 0:
            return starts, ends
        return self.starts[starts], self.ends[ends - 1]

    def then(self, outer: Alignment) -> Alignment:
        """Compose: ``self`` maps B → A, ``outer`` maps C → B; the result maps C → A.

        Parameters
        ----------
        outer : Alignment
            The alignment of a text derived from this one's derived text.

        Returns
        -------
        Alignment
            From ``outer``'s derived text to this one's source.

        Raises
        ------
        ValueError
            When ``outer``'s source is not this alignment's derived text (lengths differ).
        """
        if outer.source_length != self.length:
            raise ValueError(
                f"cannot compose: outer alignment expects a source of {outer.source_length} "
                f"characters, this one describes {self.length}"
            )
        if self.is_identity:
            return Alignment(outer.length, self.source_length, outer.starts, outer.ends)
        if outer.is_identity:
            return Alignment(outer.length, self.source_length, self.starts, self.ends)
        s, e = self.spans(outer.char_starts(), outer.char_ends())
        return Alignment(outer.length, self.source_length, s, e)


class AlignmentBuilder:
    """Build an :class:`Alignment` piece by piece while a derived text is written."""

    def __init__(self) -> None:
        self._starts: list[IntArray] = []
        self._ends: list[IntArray] = []
        self._src = 0
        self._out = 0
        self._changed = False

    def copy(self, n: int) -> None:
        """``n`` characters carried over (or replaced one-for-one)."""
        if n <= 0:
            return
        a = np.arange(self._src, self._src + n, dtype=np.int64)
        self._starts.append(a)
        self._ends.append(a + 1)
        self._src += n
        self._out += n

    def replace(self, n_source: int, n_derived: int, *, atomic: bool = False) -> None:
        """``n_source`` characters became ``n_derived``.

        Replacements of equal length map character by character unless ``atomic``;
        others always map as one indivisible unit.
        """
        if n_source == n_derived and not atomic:
            self.copy(n_source)
            return
        self._changed = True
        if n_derived > 0:
            self._starts.append(np.full(n_derived, self._src, dtype=np.int64))
            self._ends.append(np.full(n_derived, self._src + n_source, dtype=np.int64))
        self._src += n_source
        self._out += n_derived

    def delete(self, n_source: int) -> None:
        self.replace(n_source, 0)

    def build(self) -> Alignment:
        if not self._changed:
            return Alignment.identity(self._out)
        if self._starts:
            starts = np.concatenate(self._starts)
            ends = np.concatenate(self._ends)
        else:
            starts = ends = np.zeros(0, dtype=np.int64)
        return Alignment(self._out, self._src, starts, ends)


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, Alignment]:
    """Apply non-overlapping edits (sorted by position) and return the text with its alignment.

    One-for-one replacements of equal length keep a character-level mapping; others map
    the whole replacement to the whole replaced span.
    """
    out: list[str] = []
    builder = AlignmentBuilder()
    pos = 0
    for edit in edits:
        if edit.start < pos:
            raise ValueError(f"overlapping edit at {edit.start} (previous edit ended at {pos})")
        out.append(text[pos : edit.start])
        builder.copy(edit.start - pos)
        out.append(edit.replacement)
        builder.replace(edit.end - edit.start, len(edit.replacement))
        pos = edit.end
    out.append(text[pos:])
    builder.copy(len(text) - pos)
    return "".join(out), builder.build()
