"""Tables of the policy-instrument stage: the instrument types, the clause patterns (how a
policy text is cut into the units a coder labels) and how a clause's cues are weighed.
Patterns read the analysis text (Simplified, see :func:`policytext.analysis_text`).

The cue words themselves are data, not code: ``data/instruments_v1.yaml``.
"""

from __future__ import annotations

import re

__all__ = [
    "ARTICLE_CHARS",
    "BEFORE_MARKER",
    "CONTENT",
    "CUE_WEIGHT",
    "DICTIONARY_FILE",
    "HEADING_RUN",
    "INLINE_MARKER",
    "INLINE_STYLES",
    "INSTRUMENT_TYPES",
    "ITEM_CHARS",
    "ITEM_STYLES",
    "MIN_SCORE",
    "NONE",
    "SENTENCE",
    "SENTENCE_ENDS",
    "TITLE_WEIGHT",
    "WEAK_WEIGHT",
]

#: the bundled dictionary, inside the package (read lazily, once)
DICTIONARY_FILE = "data/instruments_v1.yaml"

#: the three instrument types of Rothwell & Zegveld (1981), in the order tables show them
INSTRUMENT_TYPES = ("supply", "environment", "demand")

#: the label of a clause that states no instrument (and its subtype), and the dictionary
#: entry holding the forms of such clauses (headers, lead-ins, reports of results)
NONE = "none"

#: what a cue counts: a word that names an instrument 1, a weak one (that only points to
#: it, 建设, 管理) half, so that a weak word alone never labels a clause
CUE_WEIGHT = 1.0
WEAK_WEIGHT = 0.5
#: the score a clause's instrument needs
MIN_SCORE = 1.0
#: cues in the title of an article or item (its first sentence: （三）加大财政支持。) count
#: this many times: the title says what the item is for, the body how
TITLE_WEIGHT = 2.0

#: heading styles of :func:`policytext.structure.document_sections` whose section is a
#: numbered policy clause a coder labels as one unit (chapters, parts and 第一，/一是 are
#: not: a chapter holds many clauses, 第一，… enumerates the points of one paragraph)
ITEM_STYLES = frozenset({"article", "cn_comma", "cn_paren", "ar_dot", "ar_paren", "circled"})

#: a numbered item longer than this is read sentence by sentence: a report's 一、/（一）
#: parts run to pages, and one label for a page says nothing; a notice's item is a few
#: sentences about one measure (its title says which)
ITEM_CHARS = 300
#: an article (第N条) is the unit of a law or regulation even when it is long; past this it
#: holds several measures and is read sentence by sentence
ARTICLE_CHARS = 600

_CN = "一二三四五六七八九十百零〇"
_AR = "0-9０-９"

#: an item number inside running text (texts whose line breaks were lost in scraping, and
#: items run into a paragraph), one named group per style, in their usual rank (highest
#: first): 第N章 / 第N节, 一、, （一）, 第N条, 1. / 1、, （1）, ①
INLINE_STYLES = ("chapter", "cn_comma", "cn_paren", "article", "ar_dot", "ar_paren", "circled")
INLINE_MARKER = re.compile(
    rf"(?P<chapter>第(?:[{_CN}]+|[{_AR}]+)(?:章|节|部分|编))"
    rf"|(?P<cn_comma>(?<![{_CN}])[{_CN}]{{1,3}}、)"
    rf"|(?P<cn_paren>[（(][{_CN}]{{1,3}}[）)])"
    rf"|(?P<article>第(?:[{_CN}]+|[{_AR}]+)条)"
    rf"|(?P<ar_dot>(?<![{_AR}.．])[{_AR}]{{1,2}}(?:[.．](?![{_AR}])|、))"
    rf"|(?P<ar_paren>[（(][{_AR}]{{1,2}}[）)])"
    rf"|(?P<circled>[①-⑳])"
)
#: an inline number opens a clause only after the end of a sentence, a colon or a space
#: (所列第三条 or 分为一、二、三类 do not) …
BEFORE_MARKER = frozenset("。！？!?；;：:\n\r \t\u3000")
#: … or right after a short heading that itself follows a number of a higher style
#: (一、总体要求（一）指导思想, 第一章　总则第一条): at most this many characters, none of
#: them punctuation
HEADING_RUN = 25

#: a sentence: up to 。！？ (with closing quotes and brackets) or a line break
SENTENCE = re.compile(r"[^\n。！？!?]*(?:(?:[。！？!?]+|……)[”’」』）)]*|(?=\n)|$)")

#: what ends a sentence
SENTENCE_ENDS = "。！？!?"

#: a clause holds something to read: a Han character, a letter or a digit
CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9０-９]")
