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
