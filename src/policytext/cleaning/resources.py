"""Compiled patterns and tables for the cleaning steps."""

from __future__ import annotations

import re

#: Invisible characters that carry no text: zero-width space/joiners, word joiner,
#: byte-order marks inside a text, soft hyphen, left-to-right/right-to-left marks.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]+")

#: Site preambles that template-essay and news-aggregation sites put on the first line
#: (前言:本站為你精心整理了…, 本文由…整理, 免责声明…).  Matched on the first non-empty line.
SITE_PREAMBLE = re.compile(
    r"^[ \t\u3000]*(?:"
    r"(?:前言|導讀|导读|摘要|小編|小编)[:：]\s*(?:本站|本文|小編|小编|下面|以下)"
    r"|本站(?:為|为)(?:你|您|大家)"
    r"|(?:本文|本篇)(?:由|是)[^\n]{0,40}(?:整理|收集|發布|发布)"
    r"|(?:免責聲明|免责声明)[:：]"
    r")[^\n]*(?:\n|$)"
)

#: Licence footers appended by wikis and archives; everything from the match to the end
#: of the text is footer when it starts within the last FOOTER_WINDOW characters.
LICENCE_FOOTER = re.compile(
    r"(?:本作品(?:是|來自|来自|在)|Public domain\s*\n|本條目|本条目|"
    r"This work is in the public domain|本文(?:版權|版权)(?:歸|归)|(?:版權|版权)所有)"
)
FOOTER_WINDOW = 1500

#: A single line break between two pieces of one sentence: a wiki artefact left where a
#: link was (根据《\n中华人民共和国著作权法\n》).  Only used in texts whose paragraphs are
#: separated by blank lines, where a lone break cannot be a paragraph break.
SOFT_BREAK = re.compile(r"(?<=[^\s。！？!?；;：:…」』”）)\]])[ \t\u3000]*\n[ \t]*(?=[^\s])")
SOFT_BREAK_AFTER_OPEN = re.compile(r"(?<=[《「『“（(\[])[ \t\u3000]*\n[ \t]*(?=[^\s])")
BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
#: Three or more line breaks (with only white space between) become one blank line.
EXTRA_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000]*\n){2,}")
#: Spaces before a line break, white space at the end. Like the patterns below, it starts
#: with one character class and tells its cases apart by lookbehind, so the regex engine
#: skips to candidate characters (an alternation at the front would be tried everywhere).
TRAILING_SPACE = re.compile(r"\s(?:(?<=[ \t])[ \t]*(?=\n)|\s*\Z)")

#: Full-width ASCII that should be half-width: digits, Latin letters, % and the decimal
#: point between digits.  Chinese punctuation (，。：；（）「」“”) is left alone.
FULLWIDTH_ALNUM = re.compile(
    "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]"
    "(?:(?<=\uff0e)(?<=[0-9\uff10-\uff19]\uff0e)(?=[0-9\uff10-\uff19])|(?<!\uff0e))"
)

#: Masked words: runs of asterisks, or of the squares some sites print for censored text.
MASK = re.compile(r"[*＊□Ｘ×](?:(?<=[*＊])[*＊]*|(?<=□)□+|(?<=[Ｘ×])[Ｘ×]+)")
