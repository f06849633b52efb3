"""Traditional ↔ Simplified conversion with OpenCC, and the offset map back to the original.

OpenCC returns only the converted string.  To know where each converted character came
from, the text is converted line by line; a line whose length did not change (and whose
config has no length-changing phrases) maps one-for-one, and any other line is aligned
character by character against its character-level conversion, so a phrase that changed
length (U盘 → 隨身碟) maps as one unit to the span it replaced.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from policytext.offsets import Alignment, AlignmentBuilder
from policytext.script.backend import convert_each, converter
from policytext.script.resources import LINE_SPLIT, LONG_LINE, PHRASE_CONFIGS, SENTENCE_SPLIT

__all__ = ["Conversion", "convert", "convert_with_offsets"]


@dataclass(frozen=True)
class Conversion:
    """A converted text that remembers where each of its characters came from."""

    text: str
    original: str
    config: str
    alignment: Alignment

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the converted span ``[start, end)``."""
        return self.alignment.span(start, end)

    def original_text(self, start: int, end: int) -> str:
        """The original (unconverted) surface of the converted span ``[start, end)``."""
        s, e = self.alignment.span(start, end)
        return self.original[s:e]


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

    >>> convert("漢字轉換", "t2s")
    '汉字转换'
    """
    fn = converter(config)
    return "".join(fn(p) for p in _pieces(text))


@functools.cache
def _char_table(config: str) -> dict[str, str]:
    # grows as characters are met; each character is converted alone, without phrase context
    return {}


def _charwise(piece: str, config: str) -> list[str]:
    table = _char_table(config)
    missing = sorted({c for c in piece if c not in table})
    if missing:
        table.update(zip(missing, convert_each(config, missing)))
    return [table[c] for c in piece]


def _align_piece(piece: str, converted: str, config: str, builder: AlignmentBuilder) -> None:
    chars = _charwise(piece, config)
    if any(len(c) != 1 for c in chars):
        builder.replace(len(piece), len(converted))
        return
    reference = "".join(chars)
    ops = difflib.SequenceMatcher(None, reference, converted, autojunk=False).get_opcodes()
    # groups of [is_equal, n_source, n_derived, atomic]
    groups: list[list[int]] = [
        [int(tag == "equal"), i2 - i1, j2 - j1, int(i2 - i1 != j2 - j1)]
        for tag, i1, i2, j1, j2 in ops
    ]
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
    groups = _merge_changes(groups)
    for k, g in enumerate(groups):
        if g[0] or g[1] > 0:
            continue
        # pure insertion next to a long match: it takes the neighbouring source character
        for nb in (k - 1, k + 1):
            if 0 <= nb < len(groups) and groups[nb][1] > 0:
                groups[nb][1] -= 1
                groups[nb][2] -= 1
                g[1] += 1
                g[2] += 1
                break
    for equal, n_src, n_out, length_changed in groups:
        if equal:
            builder.copy(n_src)
        else:
            builder.replace(n_src, n_out, atomic=bool(length_changed))


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
        # one OpenCC call per block of lines; a block that kept its length maps one-for-one
        # (no conversion crosses a line or sentence end, so a block converts as its pieces do)
        converted = fn("".join(block))
        if len(block) > 1 and (always_align or len(converted) != sum(map(len, block))):
            for piece in block:  # a length changed somewhere: find where, piece by piece
                converted = fn(piece)
                out.append(converted)
                _add_piece(piece, converted, name, always_align, builder)
            continue
        out.append(converted)
        _add_piece("".join(block), converted, name, always_align, builder)
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


def _add_piece(piece: str, converted: str, name: str, always_align: bool, builder: AlignmentBuilder) -> None:
    if converted == piece or (len(converted) == len(piece) and not always_align):
        builder.copy(len(piece))
    else:
        _align_piece(piece, converted, name, builder)
