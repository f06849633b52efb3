"""Tables for the script stage: OpenCC config names, what they do, and the chunking pattern."""

from __future__ import annotations

import re

#: Every config OpenCC 1.1+ ships, with what it converts.
CONFIGS: dict[str, str] = {
    "s2t": "Simplified → Traditional (OpenCC standard)",
    "t2s": "Traditional (OpenCC standard) → Simplified",
    "s2tw": "Simplified → Traditional (Taiwan standard characters)",
    "tw2s": "Traditional (Taiwan standard characters) → Simplified",
    "s2twp": "Simplified → Traditional (Taiwan), with Taiwanese phrases",
    "tw2sp": "Traditional (Taiwan) → Simplified, with Mainland phrases",
    "s2hk": "Simplified → Traditional (Hong Kong variant)",
    "hk2s": "Traditional (Hong Kong variant) → Simplified",
    "s2hkp": "Simplified → Traditional (Hong Kong), with Hong Kong phrases",
    "hk2sp": "Traditional (Hong Kong) → Simplified, with Mainland phrases",
    "t2tw": "Traditional (OpenCC standard) → Taiwan standard characters",
    "tw2t": "Taiwan standard characters → Traditional (OpenCC standard)",
    "t2hk": "Traditional (OpenCC standard) → Hong Kong variant",
    "hk2t": "Hong Kong variant → Traditional (OpenCC standard)",
    "t2jp": "Traditional (kyūjitai) → Japanese shinjitai",
    "jp2t": "Japanese shinjitai → Traditional (kyūjitai)",
}

#: Configs whose phrase tables may change the length of a text (軟件 ↔ 軟體 keeps it,
#: U盤 ↔ 隨身碟 does not): these always get a character-level alignment.
PHRASE_CONFIGS = frozenset({"s2twp", "tw2sp", "s2hkp", "hk2sp", "t2jp", "jp2t"})

#: OpenCC converts within a line; lines are converted separately so that each one can be
#: aligned on its own.  A line longer than this is split further after sentence punctuation.
LINE_SPLIT = re.compile(r"(?<=\n)")
SENTENCE_SPLIT = re.compile(r"(?<=[。！？；!?;])")
LONG_LINE = 2000

#: Aligning a converted piece against its character-by-character conversion: past a
#: difference the two resynchronise where they agree again within RESYNC_WINDOW
#: characters on either side (OpenCC's phrases are far shorter).  Where phrases stand
#: back to back beyond the window, everything up to the next agreement (searched window
#: by window) maps as one unit, or the rest of the piece if they never agree again.  An
#: agreement shorter than RESYNC_RUN (one 的 or 和 between two phrases) is as likely a
#: coincidence; one of RESYNC_SURE characters ends the search; RESYNC_PROBES bounds the
#: candidates one search weighs.
RESYNC_WINDOW = 32
RESYNC_RUN = 3
RESYNC_SURE = 32
RESYNC_PROBES = 128

#: Characters sampled for script detection: the CJK Unified Ideographs block and Extension A.
CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF))

#: Spaces PDF extraction puts between characters (不 少 于 5 0 类), inside a number
#: (3 000 万) and between a number and its unit (50 类, 5.5 %): a run of horizontal white
#: space (PDF_SPACES) between two Chinese characters, Chinese punctuation marks or digits
#: (PDF_JOINED), or before a percent or degree sign (PDF_UNITS). A space next to a Latin
#: letter stays (GDP 增长, in 2020), a line break is not a space, and an indentation (no
#: character before it on its line) stays.
PDF_SPACES = (0x20, 0x09, 0xA0, 0x3000)
PDF_JOINED = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x2E80, 0x2FDF), (0x20000, 0x3FFFD),  # Han
    (0x3001, 0x303F), (0xFF01, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65),  # punctuation
    (0x30, 0x39), (0xFF10, 0xFF19),  # digits, half- and full-width
)
PDF_UNITS = (0x25, 0xFF05, 0x2030, 0x2103, 0xB0)  # % ％ ‰ ℃ °


def _char_class(ranges: tuple[tuple[int, int], ...], singles: tuple[int, ...] = ()) -> str:
    parts = [f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges] + [re.escape(chr(c)) for c in singles]
    return "[" + "".join(parts) + "]"


#: The same as a pattern (group 1 is the run), to find out cheaply whether a text has any.
PDF_SPACE = re.compile(
    _char_class(PDF_JOINED) + "(" + _char_class((), PDF_SPACES) + "+)(?=" + _char_class(PDF_JOINED, PDF_UNITS) + ")"
)
