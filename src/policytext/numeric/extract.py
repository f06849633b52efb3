"""Numeric indicators from policy texts: :func:`indicators` returns one row per quantity.

A quantity is a number with what makes it data: a unit (%, 百分点, 万人, 亿元, 个…), the
thing measured, a qualifier (左右, 以上, 以内, a range), a direction (增长, 下降) and a status
(target, achieved, plan, unknown). The status comes from the section the number stands in
(:func:`policytext.structure.document_sections`: a review reports results, this year's
tasks set targets, a plan passage plans), which a clause overrides only with a time cue
of its own; ``status_evidence`` says which.

Ordinals (第十三次, 十六大, 十四五, 前十名) are rows of kind ``ordinal`` and never count as
quantities (:func:`is_quantity`); years, dates, counting words (两国, 三农, 四个全面, 十大工程),
idioms and slogans are not rows. Traditional-script text is read through an OpenCC t2s
conversion with an offset map, and spaces that PDF extraction puts between characters
(``不少于 50 类``, ``3 000 万``) are read past, so offsets and surface strings always refer to
the text as given.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.numeric import resources as r
from policytext.numeric.numerals import Number, find_numbers, fold, parse_number
from policytext.script import check_convert

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.script import Conversion

#: the columns of :func:`indicators`, in order
COLUMNS = (
    "doc_id", "sentence_id", "sentence", "start", "end", "text", "indicator", "indicator_original",
    "value", "value_max", "value_text", "unit", "value_base", "value_base_max", "unit_base", "qualifier",
    "direction", "status", "status_evidence", "kind", "time_ref", "section", "note",
)
QUALIFIERS = ("exact", "approx", "min", "max", "range")
STATUSES = ("target", "achieved", "plan", "unknown")
KINDS = ("rate", "share", "count", "amount", "change", "ordinal")
#: the kinds that are quantities (every kind but ``ordinal``): see :func:`is_quantity`
QUANTITY_KINDS = ("rate", "share", "count", "amount", "change")
#: the ``note`` of a number whose digits a float cannot hold (``value_text`` keeps them)
IMPRECISE = "past float precision: exact digits in value_text"

_NAME_PUNCTUATION = " \u3000、，,：:\"'"
#: brackets at a name's ends: dropped when they have no partner in it (县（市、区） keeps its
#: own, （一） and a stray ） go)
_BRACKET_PAIRS = {"（": "）", "(": ")"}
_BRACKET_CLOSE = {close: open_ for open_, close in _BRACKET_PAIRS.items()}
#: how far from a name's end its trailing words are looked for
_TRAILING_REACH = 24
#: how far around a quantity its status cues are read: a sentence or clause of prose is
#: shorter; one of thousands of characters (a table flattened without punctuation) would
#: otherwise be searched again for each of its many numbers
_CUE_REACH = 300
#: quotes around or inside a name (see _strip_quotes)
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』", "‘": "’"}
_QUOTE_CLOSE = {close: open_ for open_, close in _QUOTE_PAIRS.items()}
_QUOTE_CHARS = frozenset(_QUOTE_PAIRS) | frozenset(_QUOTE_CLOSE)
_QUOTED = re.compile(r"“[^”\n]{1,12}”|\"[^\"\n]{1,12}\"")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SHARE_WORDS = re.compile(r"占|比重|比例|份额|覆盖率|普及率|参保率|达标率|合格率|率达|占比")
#: words dropped inside a name: 仅占 → 占, 比上年增长 → 增长
_INSIDE_NAME = re.compile(
    r"(?:仅|只|才|已|均|共|还|就)(?=占)|比上年|比去年|同比|(?:由|从|到)?(?:(?:19|20)\d\d年度?|上年|去年)(?:的|底|末)?"
    # an aside in brackets (电厂（含直供电厂）库存) is not part of the name
    r"|[（(][^（）()]{1,30}[）)](?=[\u4e00-\u9fff])"
    # a modal or time word before the verb is not part of the name: 生产总值预期增长 → 生产总值增长
    r"|(?:预期|预计|将|要|力争|争取|计划|拟)(?=增长|下降|提高|降低|增加|减少|上升|达到|实现|突破)"
)
_NOUN_STOP = re.compile(r"[，,；;。：:！？!?\n]")
_FOLLOW_TRIM = re.compile(r"(?:中|里|内|当中|之中|以上|左右|等)$")
_NOUN_WORDS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9“”（）()、]+")
#: spaces that PDF extraction leaves inside Chinese prose and numbers
#: (the run is found first and the character before it checked after: a pattern that opened
#: with that character's class would be tried at every Chinese character of the text)
_SPACE_RUN = re.compile(r"[ \t\xa0]+(?=[\u4e00-\u9fff%‰\d])")
_HAN_OR_DIGIT = re.compile(r"[\u4e00-\u9fff\d%‰.]")
_HAN_OR_PERCENT = re.compile(r"[\u4e00-\u9fff%‰]")
#: the low end of a range right before a number: 6%—, 六到, 3000万元至 (see _range_low)
_UNIT_WORDS = "|".join(sorted(map(re.escape, r.UNITS), key=len, reverse=True))
_RANGE_LOW = re.compile(
    rf"(?P<low>{r.NUMERAL})(?P<unit>%|‰|个?百分点|{_UNIT_WORDS})?[ ]*(?:-|~|到|至)[ ]*$"
)
_RANGE_MARKS = frozenset("-~到至")
_PLAIN_ARABIC = re.compile(r"-?\d+(?:\.\d+)?")
_SECTION_STATUS_PRIORITY = ("tasks", "plan", "government")


def is_quantity(table: Any) -> Any:
    """Which rows of an indicators table are quantities: every kind but ``ordinal``.

    The one rule for counting indicators (the report, the run summary, the target table).

    Parameters
    ----------
    table : pandas.DataFrame or pyarrow.Table
        Rows of :func:`indicators` (at least their ``kind`` column).

    Returns
    -------
    pandas.Series of bool, or pyarrow.BooleanArray
        True for a quantity, aligned with the rows (a pandas mask for a DataFrame, an Arrow
        array for an Arrow table).

    Examples
    --------
    >>> t = indicators("落实十四五规划，新建3个园区。")
    >>> t[is_quantity(t)]["text"].tolist()
    ['3个']
    """
    if hasattr(table, "column") and hasattr(table, "num_rows"):
        import pyarrow as pa
        import pyarrow.compute as pc

        kinds = table.column("kind")
        return pc.fill_null(pc.is_in(kinds, value_set=pa.array(QUANTITY_KINDS)), False)
    return table["kind"].isin(QUANTITY_KINDS)


# -- reading past spaces --------------------------------------------------------------------


@dataclass
class _Compact:
    """The analysis text without the spaces PDF extraction leaves inside prose and numbers,
    with the map back (``positions[i]`` is where compact character ``i`` stands)."""

    text: str
    folded: str
    positions: np.ndarray | None = None

    @classmethod
    def of(cls, text: str, folded: str) -> _Compact:
        if " " not in folded and "\xa0" not in folded and "\t" not in folded:
            return cls(text, folded)  # most texts (and every text analysis_text already closed up)
        cuts = [
            (m.start(), m.end()) for m in _SPACE_RUN.finditer(folded)
            if m.start() > 0 and _HAN_OR_DIGIT.match(folded, m.start() - 1) and _joins(folded, m.start(), m.end())
        ]
        if not cuts:
            return cls(text, folded)
        import numpy as np

        keep = np.ones(len(folded), dtype=bool)
        pieces_text, pieces_folded, last = [], [], 0
        for start, end in cuts:
            keep[start:end] = False
            pieces_text.append(text[last:start])
            pieces_folded.append(folded[last:start])
            last = end
        pieces_text.append(text[last:])
        pieces_folded.append(folded[last:])
        return cls("".join(pieces_text), "".join(pieces_folded), np.flatnonzero(keep))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Analysis-text offsets of a compact span."""
        if self.positions is None:
            return start, end
        if end <= start:
            at = int(self.positions[start]) if start < len(self.positions) else len(self.positions)
            return at, at
        return int(self.positions[start]), int(self.positions[end - 1]) + 1

    def index(self, pos: int) -> int:
        """The compact offset of an analysis-text offset (the next kept character)."""
        if self.positions is None:
            return pos
        import numpy as np

        return int(np.searchsorted(self.positions, pos))


def _joins(folded: str, start: int, end: int) -> bool:
    """Whether the spaces folded[start:end] stand inside prose or a number (国 内, 50 类, 3 000)."""
    if start == 0 or end >= len(folded):
        return False
    left, right = folded[start - 1], folded[end]
    if left.isdigit() and right.isdigit():
        # thousands written apart (3 000 万), never two numbers side by side (2019 2020)
        return bool(re.match(r"\d{3}(?!\d)", folded[end : end + 4]))
    if _HAN_OR_DIGIT.match(left) and _HAN_OR_PERCENT.match(right):
        return True
    return bool(_CJK.match(left)) and right.isdigit()


# -- sections (the structure reader) ----------------------------------------------------------


@dataclass
class _Sections:
    """The sections of one text in compact offsets: the innermost one around a position."""

    starts: list[int]
    ends: list[int]
    types: list[str]

    @classmethod
    def of(cls, conversion: Conversion, compact: _Compact) -> _Sections:
        from policytext.structure import document_sections

        found = document_sections(conversion, parts=True)
        return cls([compact.index(s.start) for s in found], [compact.index(s.end) for s in found],
                   [s.section_type for s in found])

    def at(self, pos: int) -> str | None:
        i = self._around(pos)
        return self.types[i] if i >= 0 else None

    def start_at(self, pos: int) -> int:
        """Where the innermost section around ``pos`` starts (0 outside every section)."""
        i = self._around(pos)
        return self.starts[i] if i >= 0 else 0

    def _around(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0:
            if self.ends[i] > pos:
                return i
            i -= 1
        return -1


# -- paragraphs, sentences, clauses and lists of targets ---------------------------------------


@dataclass
class _Layout:
    """Paragraph, sentence and clause boundaries of one folded text, and status context."""

    paragraph_starts: list[int]
    sentence_starts: list[int]
    clause_starts: list[int]
    target_ranges: list[tuple[int, int, str, str]]
    quoted: list[tuple[int, int]]
    folded: str
    not_quantities: list[tuple[int, int]]
    genre: str = "other"
    year: int | None = None  # the document's own year (its date), when it says one
    _cues: dict[int, list[tuple[int, str, str, bool]]] = field(default_factory=dict)

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def sentence_span(self, sentence_id: int, length: int) -> tuple[int, int]:
        starts = self.sentence_starts
        return starts[sentence_id], starts[sentence_id + 1] if sentence_id + 1 < len(starts) else length

    def clause_start(self, pos: int) -> int:
        i = bisect.bisect_right(self.clause_starts, pos) - 1
        return self.clause_starts[i] if i >= 0 else 0

    def target_range(self, pos: int) -> tuple[str, str] | None:
        """(status, opening words) inside a list of targets (主要预期目标是：…), else None."""
        i = bisect.bisect_right(self.target_ranges, (pos, 10**12, "", "")) - 1
        if i >= 0 and self.target_ranges[i][0] <= pos < self.target_ranges[i][1]:
            return self.target_ranges[i][2], self.target_ranges[i][3]
        return None

    def paragraph_cue(self, pos: int, floor: Callable[[], int] = int) -> tuple[str, str] | None:
        """(status, cue) of the time a number at ``pos`` is set in: the nearest strong cue
        before it in its paragraph; else the last strong cue of the paragraphs just before,
        in its section (``floor()`` is the section's start: a passage's time carries on until
        a new cue or heading); else its paragraph's nearest weak cue (年均, 规划)."""
        paragraph = self.paragraph(pos)
        cues = self._paragraph_cues(paragraph)
        before = cues[: bisect.bisect_left(cues, (pos,))]
        strong = next((cue for cue in reversed(before) if cue[3]), None)
        if strong is not None:
            return strong[1], strong[2]
        first = max(self.paragraph(floor()), paragraph - r.CARRY_PARAGRAPHS)
        for earlier in range(paragraph - 1, first - 1, -1):
            carried = next((cue for cue in reversed(self._paragraph_cues(earlier)) if cue[3]), None)
            if carried is not None:
                return carried[1], carried[2]
        return (before[-1][1], before[-1][2]) if before else None

    def _paragraph_cues(self, paragraph: int) -> list[tuple[int, str, str, bool]]:
        """(start, status, cue, strong) of the time cues of a paragraph: a weak cue is a plan
        word that sets no horizon of its own (年均 in a review, 规划 as a noun)."""
        cues = self._cues.get(paragraph)
        if cues is None:
            start = self.paragraph_starts[paragraph]
            stop = self.paragraph_starts[paragraph + 1] if paragraph + 1 < len(self.paragraph_starts) else len(self.folded)
            cues = []
            titles = [t.span() for t in r.QUOTED_TITLE.finditer(self.folded, start, stop)]
            for m in r.PARAGRAPH_CUE.finditer(self.folded, start, stop):
                text = m.group()
                if self.horizon_passed(text) or _within(titles, m.start(), m.end()):
                    continue  # 到一九七八年 in a document of 1981: a time gone by; 「…规划」: a title
                status = next((s for s, pattern in r.PARAGRAPH_CUE_STATUS if pattern.fullmatch(text)), "target")
                cues.append((m.start(), status, text, status != "plan" or bool(r.STRONG_PLAN_CUE.fullmatch(text))))
            self._cues[paragraph] = cues
        return cues

    def horizon_passed(self, cue: str) -> bool:
        """Whether ``cue`` sets a horizon (到2020年) before the document's own year."""
        if self.year is None:
            return False
        m = r.HORIZON_YEAR.fullmatch(cue)
        return m is not None and int(m.group(1).translate(r.YEAR_DIGITS)) < self.year

    def in_quote(self, start: int, end: int) -> bool:
        return _within(self.quoted, start, end)

    def in_formulation(self, start: int, end: int) -> bool:
        return _within(self.not_quantities, start, end) or _within(self.not_quantities, start, start + 1)


def _within(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_right(spans, (start, 10**12)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


@functools.lru_cache(maxsize=8)
@functools.lru_cache(maxsize=8)
def _char_table(chars: str) -> np.ndarray:
    import numpy as np

    table = np.zeros(0x110000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


def _starts_after(codes: np.ndarray, chars: str) -> list[int]:
    """0 and every position just after one of ``chars`` (vectorised: texts run to megabytes)."""
    import numpy as np

    after = np.flatnonzero(_char_table(chars)[codes]) + 1
    return [0, *after[after < len(codes)].tolist()]


def _clause_starts(codes: np.ndarray) -> list[int]:
    """:func:`_starts_after` the clause breaks, except the comma of a thousands separator
    (2,000元一个月: one number, not two clauses)."""
    import numpy as np

    breaks = np.flatnonzero(_char_table(r.CLAUSE_BREAK_CHARS)[codes])
    digits = _char_table("0123456789")
    inside = breaks[(breaks > 0) & (breaks < len(codes) - 1)]
    separators = inside[(codes[inside] == ord(",")) & digits[codes[inside - 1]] & digits[codes[inside + 1]]]
    after = np.setdiff1d(breaks, separators) + 1
    return [0, *after[after < len(codes)].tolist()]


def _target_ranges(folded: str) -> list[tuple[int, int, str, str]]:
    """Lists of targets (主要预期目标是：…): their span, whose they are (今年 or 十四五) and cue."""
    ranges = []
    for m in r.TARGET_PARAGRAPH.finditer(folded):
        newline = folded.find("\n", m.end())
        newline = len(folded) if newline < 0 else newline
        full_stop = folded.find("。", m.end(), newline)
        if full_stop >= 0:
            stop = full_stop
        elif folded[m.end() : newline].strip(" \u3000：:，,是为") == "":
            # the list of targets is the next paragraph
            following = folded.find("\n", newline + 1)
            stop = len(folded) if following < 0 else following
        else:
            stop = newline
        # the sentence that opens the list says whose targets they are (今年 or 十四五)
        sentence_start = max(folded.rfind("\n", 0, m.start()), folded.rfind("。", 0, m.start())) + 1
        intro = folded[sentence_start : m.end()]
        ranges.append((m.start(), stop, "plan" if r.PLAN_CUE.search(intro) else "target", m.group()))
    return ranges


def _formulation_spans(folded: str) -> list[tuple[int, int]]:
    """Counting words and formulations written with a measure word or a count noun: the
    known ones, paired numerals (三严三实, 千家万户), N位一体, and any numbered form the
    document itself writes in quotes (its bare occurrences too)."""
    spans = [m.span() for pattern in r.NOT_QUANTITY_PATTERNS for m in pattern.finditer(folded)]
    for form in {m.group(1) for m in r.QUOTED_NUMBERED.finditer(folded)}:
        at = folded.find(form)
        while at >= 0:
            spans.append((at, at + len(form)))
            at = folded.find(form, at + 1)
    return sorted(spans)


def _layout(folded: str, year: int | None = None) -> _Layout:
    import numpy as np

    codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = np.minimum(codes, 0x10FFFF)  # lone surrogates pass through as themselves
    return _Layout(
        paragraph_starts=_starts_after(codes, "\n"),
        sentence_starts=_starts_after(codes, r.SENTENCE_BREAK_CHARS),
        clause_starts=_clause_starts(codes),
        target_ranges=_target_ranges(folded),
        quoted=[(m.start(), m.end()) for m in _QUOTED.finditer(folded)],
        folded=folded,
        not_quantities=_formulation_spans(folded),
        genre=_genre(folded),
        year=year,
    )


def _genre(folded: str) -> str:
    """What kind of text this is, read from its head and its turns: a ``transcript`` (several
    speakers' turns: 主席：, 某委员：), a ``report`` (各位代表, 政府工作报告), an official
    ``document`` (a notice, an approval, a request, a decree), else ``other``. Numbers
    outside typed sections are read by the genre's cues."""
    head = folded[: r.HEAD_CHARS]
    if r.REPORT_HEAD.search(head):
        return "report"
    first = 1 if r.SPEAKER_LINE.match(folded) else 0
    for turns, _ in enumerate(r.SPEAKER_TURN.finditer(folded), start=first + 1):
        if turns >= r.SPEAKER_TURNS:
            return "transcript"
    if r.DOCUMENT_HEAD.search(head):
        return "document"
    return "other"


# -- names ----------------------------------------------------------------------------------


def _strip_name(name: str) -> str:
    """Drop connectives, time words, governing verbs and qualifier words from both ends."""
    while True:
        # each pattern takes every word in a row at its end, so only punctuation or quotes
        # stripped after them can bare more (另外，“…”): then the words are looked for again
        leading = r.NAME_LEADING.match(name)
        if leading is not None and leading.end():
            name = name[leading.end() :]
        # the trailing words are looked for near the end only (a clause can run long)
        trailing = r.NAME_TRAILING.search(name, max(0, len(name) - _TRAILING_REACH))
        if trailing is not None:
            name = name[: trailing.start()]
        stripped = _strip_brackets(_strip_quotes(name.strip(_NAME_PUNCTUATION)))
        if stripped == name:
            return name
        name = stripped


def _strip_brackets(name: str) -> str:
    """Brackets at the ends of a name without their partner inside it (an opening one at
    the end, a closing one at the start never has one)."""
    if name[-1:] in _BRACKET_PAIRS or (name[-1:] in _BRACKET_CLOSE and _BRACKET_CLOSE[name[-1]] not in name[:-1]):
        name = name[:-1]
    if name[:1] in _BRACKET_CLOSE or (name[:1] in _BRACKET_PAIRS and _BRACKET_PAIRS[name[0]] not in name[1:]):
        name = name[1:]
    return name


def _strip_quotes(name: str) -> str:
    """Quotes at the ends of a name: dropped when they enclose it all (「差旅费」) or have no
    partner in it, kept when they close inside it (“惠民贷”业务)."""
    if name[:1] not in _QUOTE_CHARS and name[-1:] not in _QUOTE_CHARS:
        return name  # most names
    if len(name) >= 2 and _QUOTE_PAIRS.get(name[0]) == name[-1] and not _QUOTE_CHARS.intersection(name[1:-1]):
        return name[1:-1]
    if name[:1] in _QUOTE_PAIRS and _QUOTE_PAIRS[name[0]] not in name:
        name = name[1:]
    if name[-1:] in _QUOTE_CLOSE and _QUOTE_CLOSE[name[-1]] not in name:
        name = name[:-1]
    return name


def _direction(context: str) -> tuple[str, int]:
    """The last direction verb in ``context`` and where it starts (-1 when none)."""
    last = None
    for match in r.DIRECTION.finditer(context):
        last = match
    if last is None:
        return "level", -1
    return ("increase" if last.group() in r.INCREASE else "decrease"), last.start()


def _following_noun(folded: str, pos: int, unit: str) -> tuple[int, int] | None:
    """The noun phrase a count introduces (88个社区居委会中 → 社区居委会), as a span: past a
    size before it (两台60万千瓦发电机组 → 发电机组), up to the verb or adverb that opens the predicate
    (各推2人代表出席 → 代表); 两个人 counts 人."""
    if unit.endswith("个") and r.PERSON_AFTER_GE.match(folded, pos):
        return pos, pos + 1
    quoted = r.QUOTED_COUNTED_NOUN.match(folded, pos)
    if quoted is not None:  # 8个“全省率先”: the quoted term is what is counted
        return quoted.start(1), quoted.end(1)
    stop_m = _NOUN_STOP.search(folded, pos, pos + 40)
    stop = stop_m.start() if stop_m else min(len(folded), pos + 40)
    phrase = folded[pos:stop]
    if phrase.startswith(("是", "为")):
        pos, phrase = pos + 1, phrase[1:]
    size = r.SPEC_PREFIX.match(phrase) if phrase[:1] in r.NUMERAL_FIRST else None
    if size is not None and size.end() < len(phrase):
        pos, phrase = pos + size.end(), phrase[size.end() :]
    if not phrase or not _CJK.match(phrase) or r.NO_COUNTED_NOUN.match(phrase) or r.DIRECTION.match(phrase):
        return None
    words = _NOUN_WORDS.match(phrase)
    if not words:
        return None
    # the noun ends before the next number (三个园区共有员工5000人 → 园区) and before the verb
    # that opens the predicate, unless the verb opens the noun itself (四个建设项目)
    phrase = re.split(r"\d", words.group(), maxsplit=1)[0]
    compound = r.VERB_NOUN_COMPOUND.match(phrase)
    if compound is not None:
        phrase = compound.group()
    else:
        verb = r.COUNTED_NOUN_END.search(phrase)
        phrase = phrase[: verb.start()] if verb else phrase
    phrase = _before_predicate(phrase, people=unit.endswith(r.PEOPLE_UNITS))
    if not phrase:
        return None
    # 8个不同层面、不同领域的市级示范点: the noun is what follows the last 的
    last_de = phrase.rfind("的")
    if last_de < 0 and "、" in phrase:
        phrase = phrase.split("、", 1)[0]
    begin = pos + (last_de + 1 if last_de >= 0 else 0)
    phrase = folded[begin : pos + len(phrase)]
    phrase = _FOLLOW_TRIM.sub("", phrase)
    if len(phrase) < 2 or len(phrase) > 20 or any(c.isdigit() for c in phrase):
        return None
    return begin, begin + len(phrase)


def _before_predicate(phrase: str, *, people: bool = False) -> str:
    """A counted noun phrase up to the word that opens the predicate after it (两个层面相信院长
    → 层面), by the segmenter's tags; empty when an adverb, a preposition or a pronoun follows
    the count at once (两千桌最少有…: no noun is counted there); unchanged when a verb opens it
    (the verb-noun compounds are read before)."""
    from policytext.segmentation import get_backend

    words, tags = get_backend().cut_tagged(phrase)
    opens_with_verb = bool(tags) and tags[0].startswith("v") and tags[0] not in r.VERBAL_NOUN_TAGS
    opens_with_function_word = bool(tags) and tags[0].startswith(r.PREDICATE_TAGS) and not tags[0].startswith(("v", "a"))
    if opens_with_function_word or (people and opens_with_verb):
        return ""
    length, noun_seen = 0, False
    for k, (word, tag) in enumerate(zip(words, tags)):
        if noun_seen and tag.startswith(r.PREDICATE_TAGS) and tag not in r.VERBAL_NOUN_TAGS and word != "的":
            # a verb that ends the phrase right after the noun names the activity counted
            # (三个村电网补强)
            activity = k == len(words) - 1 and tag.startswith(r.ACTIVITY_TAGS)
            return phrase if activity else phrase[:length]
        noun_seen = noun_seen or tag.startswith(("n", "j", "l"))  # modifiers before it (美丽, 新) stay
        length += len(word)
    return phrase


# -- one number and its unit ------------------------------------------------------------------


@dataclass
class _Measure:
    """A number with its unit, read before any context: the span, written value and range."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    unit_kind: str | None
    context_end: int  # where the text that names the quantity stops (the low end of a range)
    qualifier: str | None
    value_text: str = ""


def _unit_after(folded: str, end: int, number: Number) -> tuple[int, str | None, str | None, bool]:
    """(end, unit, unit kind, 多/余 seen) for the unit after a number: 个, 万人, 多万吨, 元人民币."""
    pos = end
    fuzzy = False
    if number.unit is None and folded[pos : pos + 1] in ("多", "余"):
        fuzzy, pos = True, pos + 1
    magnitude = next((word for word in r.MAGNITUDE_WORDS if folded.startswith(word, pos)), "")
    pos += len(magnitude)
    m = r.UNIT_PATTERN.match(folded, pos)
    if m:
        kind, canonical = r.UNITS[m.group()]
        if m.group() == "块" and (_noun_follows(folded, m.end()) or not _money_near(folded, number.start, m.end())):
            kind, canonical = "count", "块"  # 一亿块粘土砖, 矸石砖一百万块: pieces, not 元
        return m.end(), magnitude + canonical, kind, fuzzy
    if magnitude:
        return pos, magnitude, None, fuzzy
    return end, None, None, False


def _money_near(folded: str, start: int, end: int) -> bool:
    """Whether the words around a number speak of money (卖80块, 补助200块, 一千块的住宿补助)."""
    return bool(r.MONEY_CONTEXT.search(folded, max(0, start - 12), start) or r.MONEY_CONTEXT.search(folded, end, end + 8))


def _word_at(folded: str, pos: int) -> tuple[str, str]:
    """The word the segmenter reads at ``pos`` and its tag (``("", "")`` when no Chinese
    character stands there)."""
    from policytext.segmentation import get_backend

    if not _CJK.match(folded[pos : pos + 1]):
        return "", ""
    words, tags = get_backend().cut_tagged(folded[pos : pos + 6])
    return (words[0], tags[0]) if words else ("", "")


def _noun_follows(folded: str, pos: int) -> bool:
    return _word_at(folded, pos)[1].startswith("n")


def _split_magnitude(surface: str, value: float) -> tuple[float, str, float]:
    """1.3万亿 → (1.3, "万亿", 1e12): the number as written and its magnitude word."""
    stripped = surface.rstrip()
    suffix = ""
    while stripped and stripped[-1] in r.BIG_UNITS:
        suffix = stripped[-1] + suffix
        stripped = stripped[:-1].rstrip()
    if not suffix or not stripped:
        return value, "", 1.0
    scale = 1.0
    for char in suffix:
        scale *= r.BIG_UNITS[char]
    return value / scale, suffix, scale


def _magnitude_prefix(unit: str) -> tuple[float, str | None]:
    """万人 → (1e4, "人"), 万亿斤 → (1e12, "斤"), % → (1, "%"), 万 → (1e4, None), 万度 → (1e4, 千瓦时)."""
    scale, base = 1.0, unit
    for word, factor in r.MAGNITUDE_WORDS.items():
        if unit.startswith(word):
            scale, base = float(factor), unit[len(word) :]
            break
    if not base:
        return scale, None
    return scale, r.BASE_UNIT.get(base, base)


def _plain(value: float) -> str:
    """A float as plain decimal digits (no exponent): 1300.0 → 1300, 0.05 → 0.05."""
    if not math.isfinite(value):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" not in text:
        return text
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _written_value(folded_surface: str, value: float) -> str:
    """The number as written in the unit's magnitude, digits normalised: 1,200.50 → 1200.50,
    ３．５ → 3.5, 一千二百 → 1200; Arabic digits are kept exactly however many there are."""
    if folded_surface.isdigit() or folded_surface.replace(".", "", 1).isdigit():
        return folded_surface  # 1200, 5.2: most numbers in a report
    bare = folded_surface.replace(",", "").replace("，", "").replace(" ", "")
    while bare and bare[-1] in r.BIG_UNITS:
        bare = bare[:-1]
    if _PLAIN_ARABIC.fullmatch(bare):
        return bare
    return _plain(value)


def _adjacent_range(folded: str, number: Number, measure: _Measure) -> bool:
    """两、三个 / 2、3个小时: two neighbouring small numbers joined by 、 are a rough range (not
    a list: nothing numeral stands before the low one). Makes ``measure`` that range."""
    low_at = number.start - 2
    if low_at < 0 or folded[low_at + 1] != "、" or number.value_max is not None or not 2 <= number.value <= 10:
        return False
    low = r.DIGITS.get(folded[low_at]) if not folded[low_at].isdigit() else int(folded[low_at])
    before = folded[low_at - 1 : low_at]
    if low != number.value - 1 or (before and (before.isdigit() or before in r.DIGITS or before == "、")):
        return False
    measure.value, measure.value_max = float(low), number.value
    measure.value_text = _plain(float(low))
    measure.start = measure.context_end = low_at
    measure.qualifier = "range"
    return True


def _ranged(folded: str, number: Number, measure: _Measure) -> None:
    """Make ``measure`` a range when a low end and a connector stand right before it."""
    if _adjacent_range(folded, number, measure):
        return
    if folded[number.start - 1 : number.start] not in _RANGE_MARKS and (
        folded[number.start - 1 : number.start] != " " or folded[number.start - 2 : number.start - 1] not in _RANGE_MARKS
    ):
        return  # most numbers: no connector right before them
    m = _RANGE_LOW.search(folded, max(0, number.start - 40), number.start)
    if m is None or folded[m.start() - 1 : m.start()] in ("从", "由", "第") or number.value_max is not None:
        return
    low_surface = m.group("low")
    low_full = parse_number(low_surface)
    if low_full is None or r.DATE_AFTER.match(folded, m.end("low")):
        return
    low_unit = m.group("unit")
    if low_unit and low_unit.lstrip("个") not in (measure.unit, _magnitude_prefix(measure.unit)[1], "百分点"):
        return
    _, low_word, low_scale = _split_magnitude(low_surface, low_full)
    _, _, high_scale = _split_magnitude(folded[number.start : number.end], number.value)
    # 5000万到1亿: the low end in the high end's unit; 3000至5000万元: the magnitude is shared
    low = low_full / high_scale if low_word else low_full
    measure.value, measure.value_max = low, measure.value
    measure.value_text = _written_value(low_surface, low) if not low_word or low_scale == high_scale else _plain(low)
    measure.start = measure.context_end = m.start("low")
    measure.qualifier = "range"


def _currency_before(folded: str, number: Number) -> int | None:
    """Where a currency sign before the number starts (¥3.5亿, 人民币120亿), else None."""
    if folded[number.start - 2 : number.start].rstrip(" ")[-1:] not in ("¥", "币"):
        return None
    m = r.CURRENCY_BEFORE.search(folded, max(0, number.start - 3), number.start)
    return m.start() if m else None


def _measure(folded: str, number: Number) -> _Measure | None:
    """The unit after ``number`` (or a currency sign before it) and, when a low end and a
    connector stand before it, the range; None when it has no unit (a bare number) or is a
    counting word (a Chinese numeral fused to a count noun: 两国, 三县)."""
    unit_end, unit_word, unit_kind, fuzzy_unit = _unit_after(folded, number.end, number)
    value, magnitude_word, _ = _split_magnitude(folded[number.start : number.end], number.value)
    start = number.start
    if number.unit is not None:
        unit, unit_kind, unit_end = number.unit, None, number.end
    else:
        unit = magnitude_word + (unit_word or "")
        currency = _currency_before(folded, number)
        if currency is not None:  # ¥3000, ￥3000元, 人民币5亿元: the sign opens the span
            start = currency
            if unit_word is None:
                unit, unit_kind = unit + "元", "amount"
    if not unit or unit == "兆":
        if not _bare_amount(folded, number):
            return None  # a bare number (千兆光网: 兆 alone is no magnitude of an amount): not a quantity
        unit, unit_kind = "", "amount"
    if unit_word in r.COUNT_NOUNS and not magnitude_word and not any(c.isdigit() for c in folded[number.start : number.end]):
        return None  # 两国, 三县, 千村: a counting word
    if unit_word is not None and unit_word[len(magnitude_word):] in r.TIME_UNITS and _anchors(folded, number, unit_end):
        return None  # 过去两个月, 近三天来: a time frame, not a quantity
    measure = _Measure(start, unit_end, value, number.value_max, unit, unit_kind, start,
                       "range" if number.value_max is not None else None)
    measure.value_text = _written_value(folded[number.start : number.end], value) if number.value_max is None else _plain(value)
    if fuzzy_unit or number.approximate:
        measure.qualifier = measure.qualifier or ("approx" if "几" in folded[number.start : number.end] else "min")
    _ranged(folded, number, measure)
    return measure


def _bare_amount(folded: str, number: Number) -> bool:
    """Whether a number without a unit is money all the same: a round sum paid or earned in
    speech (能赚五百, 花两千，), its unit unwritten."""
    return (
        number.unit is None
        and number.value_max is None
        and not _CJK.match(folded[number.end : number.end + 1])
        and bool(r.MONEY_VERB_BEFORE.search(folded, max(0, number.start - 3), number.start))
        and not r.MAGNITUDE_CHARS.isdisjoint(folded[number.start : number.end])
    )


def _anchors(folded: str, number: Number, unit_end: int) -> bool:
    before = folded[max(0, number.start - 2) : number.start]
    return bool(r.ANCHOR_BEFORE.search(before)) or bool(r.ANCHOR_AFTER.match(folded, unit_end))


# -- what is not a quantity -------------------------------------------------------------------


def _is_date(folded: str, number: Number) -> bool:
    if number.unit is not None:
        return False
    return bool(r.DATE_AFTER.match(folded, number.end))


def _ordinal_end(folded: str, number: Number) -> int | None:
    """Where an ordinal ends (第十三次, 十九大, 十四五, 前十名), -1 for a counting word with 大
    (十大工程, 三大攻坚战), None for a number that is no ordinal."""
    tail = r.ORDINAL_AFTER.match(folded, number.end)
    session = r.SESSION_AFTER.match(folded, number.end)
    if session and number.kind != "ordinal":
        return number.end + session.group().index("次") + 1  # 五次会议: the ordinal is 五次
    if number.kind == "ordinal":
        return tail.end() if tail and not tail.group().strip().startswith(("大", "中全会")) else number.end
    if folded[number.start - 1 : number.start] == r.RANK_BEFORE:
        rank = r.RANK_AFTER.match(folded, number.end)
        if rank:
            return rank.end()
    if tail and tail.group().strip() == "届":
        return tail.end()  # 十三届全国人大
    if tail and not tail.group().strip().startswith("次"):
        if tail.group().strip() == "大":
            return _congress_end(folded, number, tail.end())
        return number.end if tail.group().strip().startswith("中全会") else tail.end()
    # 十四五: the numeral pattern reads 十四 and stops before the 五 of the plan's name
    if folded.startswith("五", number.end) and re.match(r"五(?:[”\"]|规划|计划|时期|期间|末)", folded[number.end :]):
        return number.end + 1
    return None


def _congress_end(folded: str, number: Number, after: int) -> int:
    """十九大 (a party congress: an ordinal) or 十大工程 (a counting word: -1)."""
    party = folded[max(0, number.start - 2) : number.start] == "党的"
    if party or r.CONGRESS_AFTER.match(folded, after) or not _CJK.match(folded[after : after + 1]):
        return after
    return -1


def _skip(folded: str, number: Number, layout: _Layout) -> bool:
    """Dates, slogans in quotes (“两个维护”), formulations and idioms (四个全面, 千家万户), age
    bands inside a name, 一 as an article (一个, 一批), numbers beside × (7×24小时) and the
    numbers of codes (PM2.5, PM 10)."""
    return (
        _is_date(folded, number)
        or layout.in_quote(number.start, number.end)
        or layout.in_formulation(number.start, number.end)
        or (number.text == "一" and number.unit is None)
        or bool(r.AGE_BAND.match(folded, number.end))
        or (folded[number.start : number.start + 1].isdigit()
            and bool(r.CODE_BEFORE.search(folded, max(0, number.start - 4), number.start)))
        or folded[number.start - 1 : number.start] in r.TIMES_SIGN
        or folded[number.end : number.end + 1] in r.TIMES_SIGN
    )


def _durations(text: str, folded: str, numbers: list[Number]) -> list[Number]:
    """``numbers`` with the spans of time that are the content (连续3年, 历时十二年, 为期两年)
    added: read as N 年, where a bare N年 is a date or a time frame."""
    if "年" not in folded:
        return numbers
    extra = []
    for m in r.DURATION_YEARS.finditer(folded):
        value = parse_number(m.group("number"))
        if value is None or value >= 1000:
            continue
        end = m.end()
        extra.append(Number(m.start("number"), end, text[m.start("number") : end], value, None, m.group("unit"),
                            "number", bool(m.group("fuzzy"))))
    if not extra:
        return numbers
    starts = {e.start for e in extra}
    kept = [n for n in numbers if n.start not in starts]
    return sorted(kept + extra, key=lambda n: n.start)


# -- status -----------------------------------------------------------------------------------


@dataclass
class _Context:
    """What decides a quantity's status: its section, clause, sentence, list and paragraph."""

    section: str | None
    clause: str
    before: str  # the sentence up to the number
    sentence: str
    listed: tuple[str, str] | None
    paragraph: Callable[[], tuple[str, str] | None]
    qualifier: str
    threshold: bool  # 5亿元以上的项目: the quantity bounds the noun after it
    genre: str = "other"  # report, transcript, document or other (:func:`_genre`)
    own: str = ""  # the clause up to the number
    passed: Callable[[str], bool] = lambda cue: False  # whether a plan cue's horizon is past
    year: int | None = None  # the document's own year, when it says one


def _horizon(pattern: re.Pattern[str], text: str, passed: Callable[[str], bool]) -> re.Match[str] | None:
    """The first plan cue of ``pattern`` in ``text`` whose horizon has not ``passed``."""
    return next((m for m in pattern.finditer(text) if not passed(m.group())), None)


def _cue(text: str, passed: Callable[[str], bool], *, spoken: bool = False) -> tuple[str, str] | None:
    """The status a text's own cue words give: a multi-year plan (not one whose horizon
    has ``passed``), a target (in ``spoken`` text not by 要 alone), a reported fact. Words
    inside a quoted title (「某某规划」, 《…纲要》) name a document, not the time of the
    statement."""
    text = r.QUOTED_TITLE.sub(lambda m: "＿" * len(m.group()), text) if "「" in text or "《" in text else text
    plan = _horizon(r.PLAN_CUE, text, passed)
    if plan:
        return "plan", plan.group()
    for status, pattern in (("target", r.TARGET_CUE), ("achieved", r.ACHIEVED_CUE)):
        # in speech 要 is a modal of every kind (要一起考量, 要先预告60天), no target of its own
        m = next((m for m in pattern.finditer(text) if not (spoken and m.group() == "要")), None)
        if m:
            return status, m.group()
    return None


def _unknown_cue(ctx: _Context) -> str | None:
    """A forecast; a rule, limit or eligibility threshold; in an official document or a
    transcript, a rule whatever its qualifier (a price per unit, a levy, a share set by a
    rule, a provisional setting); in a transcript, a hypothetical: neither target nor result."""
    forecast = r.FORECAST_CUE.search(ctx.clause) or r.ESTIMATE_SOURCE.search(ctx.before)
    if forecast:
        return forecast.group()[:2]
    condition = r.CONDITION_CLAUSE.fullmatch(ctx.clause.strip())
    if condition:  # 当电煤价格波动幅度超过5%时: a condition, neither target nor result
        return condition.group(1)
    own = ctx.own
    if ctx.threshold:
        return "的"
    if ctx.qualifier in ("min", "max", "cap"):
        rule = r.RULE_BEFORE.search(own)
        if rule:
            return rule.group()
    if ctx.genre in ("document", "transcript"):
        rule = r.RULE_PROVISION.search(own) or (r.DOCUMENT_RULE.search(ctx.clause) if ctx.genre == "document" else None)
        if rule:
            return rule.group()[:2]
    if ctx.genre == "transcript":
        hypothetical = r.HYPOTHETICAL.search(own) or r.MODAL_BEFORE.search(own)
        if hypothetical:
            return hypothetical.group()[:2]
    return None


def _typed_status(ctx: _Context, section: str) -> tuple[str, str]:
    """A number in this year's tasks, the government's work or a plan passage: the section's
    status unless the clause gives its own time (去年, 了 → achieved; 到2027年 → plan; 今年 in a
    plan passage → target)."""
    past = r.OWN_PAST_CUE.search(ctx.clause) or _sentence_past(ctx.before)
    if past:
        return "achieved", f"cue:{past.group()}"
    if section != "plan":
        # a horizon heading the sentence (“九五”期间的调控目标，年均增长8%) unless the clause
        # names this year or a target of its own
        own_time = "今年" in ctx.clause or r.TARGET_CUE.search(ctx.clause)
        plan = _horizon(r.STRONG_PLAN_CUE, ctx.clause, ctx.passed) or (
            None if own_time else _horizon(r.STRONG_PLAN_CUE, ctx.before, ctx.passed))
        if plan:
            return "plan", f"cue:{plan.group()}"
    elif (this_year := _this_year(ctx)) and r.TARGET_CUE.search(ctx.clause):
        return "target", f"cue:{this_year}"
    if ctx.listed is not None and (section != "plan" or ctx.listed[0] == "plan"):
        return ctx.listed[0], f"list:{ctx.listed[1]}"
    if section != "plan":
        target = r.TARGET_CUE.search(ctx.clause)
        if target:
            return "target", f"cue:{target.group()}"
    return r.SECTION_STATUS[section], f"section:{section}"


def _this_year(ctx: _Context) -> str | None:
    """The words by which a clause names the document's own year (今年, 2015年), or None."""
    if "今年" in ctx.clause:
        return "今年"
    named = f"{ctx.year}年" if ctx.year is not None else ""
    at = ctx.clause.find(named) if named else -1
    return named if at >= 0 and ctx.clause[at - 1 : at] != "到" else None


def _sentence_past(before: str) -> re.Match[str] | None:
    """A past time heading the sentence (去年，…; 过去五年，…), not 了 or 已 of another clause."""
    m = r.OWN_PAST_CUE.search(before)
    return m if m and m.group()[0] not in "了已" else None


def _untyped_status(ctx: _Context) -> tuple[str, str | None]:
    """Outside any typed section: the clause's own cues, the list of targets it is in, the
    paragraph's nearest time cue, then the sentence's cues."""
    if ctx.genre == "document":
        project = r.PROJECT_PLAN_CUE.search(ctx.own)
        if project:  # the scale of a project the document approves: the plan's own contents
            return "plan", f"cue:{project.group()}"
    spoken = ctx.genre == "transcript"
    own = _cue(ctx.clause, ctx.passed, spoken=spoken)
    if own is not None and own[0] != "achieved":
        return own[0], f"cue:{own[1]}"
    if ctx.genre == "transcript":
        # the clause from its start too: 将由现在的X降为Y puts the cue before the first level
        future = r.FUTURE_CUE.search(ctx.clause) or r.FUTURE_CUE.search(ctx.own)
        if future:  # where a speaker says a policy will get
            return "plan", f"cue:{future.group()}"
    horizon = _horizon(r.STRONG_PLAN_CUE, ctx.before, ctx.passed)
    if horizon:  # 到2027年，…占比达到12%: the sentence's horizon outweighs 占 or 有
        return "plan", f"cue:{horizon.group()}"
    if own is not None:
        return own[0], f"cue:{own[1]}"
    if ctx.listed is not None:
        return ctx.listed[0], f"list:{ctx.listed[1]}"
    paragraph = ctx.paragraph()
    if paragraph is not None:
        return paragraph[0], f"paragraph:{paragraph[1]}"
    sentence = _cue(ctx.sentence, ctx.passed, spoken=spoken)
    if sentence is not None:
        return sentence[0], f"cue:{sentence[1]}"
    if ctx.genre == "transcript":
        return "achieved", "genre:transcript"  # a speaker stating a number reports what is
    return "unknown", None


def _status(ctx: _Context) -> tuple[str, str | None]:
    """(status, evidence): a review section reports results whatever its clauses say; a
    forecast or a rule is unknown; a typed section decides unless the clause has a time of
    its own; elsewhere the clause, list, paragraph and sentence cues decide."""
    if ctx.section == "review":
        return "achieved", "section:review"
    unknown = _unknown_cue(ctx)
    if unknown is not None:
        return "unknown", f"cue:{unknown}"
    if ctx.section in r.SECTION_STATUS:
        return _typed_status(ctx, ctx.section)
    return _untyped_status(ctx)


# -- one row ----------------------------------------------------------------------------------


@dataclass
class _Row:
    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    scale: float
    unit_base: str | None
    qualifier: str
    direction: str
    status: str
    kind: str
    name: str
    name_span: tuple[int, int] | None
    sentence_id: int
    time_ref: str | None
    section: str | None
    sentence_span: tuple[int, int] = (0, 0)
    evidence: str | None = None
    value_text: str = ""
    pair: tuple[tuple[str, ...], int] | None = None  # the list of subjects this value is paired with


def _kind(number: Number, unit_kind: str | None, indicator: str, direction: str) -> str:
    if number.unit == "百分点":
        return "change"
    if number.unit in ("%", "‰", "‱") or number.kind == "fraction":
        return "share" if _SHARE_WORDS.search(indicator) and direction == "level" else "rate"
    if direction != "level":
        return "change"
    return unit_kind or "amount"


def _time_ref(folded: str, sentence_start: int, pos: int, in_target: bool) -> str | None:
    found = None
    for m in r.TIME_REF.finditer(folded, sentence_start, pos):
        found = m.group()
    if found is None and in_target:
        return "今年"
    return found


def _qualifier(folded: str, measure: _Measure, context: str) -> tuple[str, int]:
    """The qualifier (a word after the quantity first, then before it) and the quantity's end."""
    if measure.qualifier is not None:
        return measure.qualifier, measure.end
    after = r.QUALIFIER_AFTER.match(folded, measure.end)
    if after:
        return after.lastgroup or "exact", after.end()
    m = r.QUALIFIER_BEFORE_PATTERN.search(context, max(0, len(context) - r.QUALIFIER_BEFORE_LONGEST))
    if m is None:
        m = r.QUALIFIER_VERB_BEFORE.search(context, max(0, len(context) - 6))
    if m is None:
        return "exact", measure.end
    return m.lastgroup or "exact", measure.end


def _name(folded: str, measure: _Measure, clause: tuple[int, int], context: str, direction_at: int,
          previous: _Row | None) -> tuple[str, tuple[int, int]]:
    """The measured thing: the noun a count introduces (88个社区), the noun an amount is
    allocated to (编列了5亿元的经费), else the clause before the number (``clause`` is its
    start and the sentence's); a clause with no subject of its own (、比上年增长8%; 增速11.5%;
    已经快速成长3倍) takes the previous quantity's or the previous clause's; a name that names
    no thing (年均增长, 实施) or a fragment of a clause is empty."""
    clause_start, sentence_start = clause
    span = _counted_noun(folded, measure) or _allocated_noun(folded, measure, clause_start)
    if span is not None:
        noun = folded[span[0] : span[1]]
        # a compound that opens with a verb (建设项目) keeps it, a quoted term is as written
        verbatim = r.VERB_NOUN_COMPOUND.match(noun) or folded[span[0] - 1 : span[0]] in _QUOTE_PAIRS
        noun = noun if verbatim else _strip_name(_INSIDE_NAME.sub("", noun))
        # 16人拟具…: the one character left of 拟具 names nothing, the clause before may
        # (两个人: 人 as found does)
        if len(noun) >= 2 or noun == folded[span[0] : span[1]]:
            return noun, span
    span = (clause_start, measure.context_end)
    own = _noun_after_count(folded, measure, previous) if measure.unit_kind == "count" else None
    if own is not None:
        # 12个乡镇186个村: what stands before this count is the last count's noun, not its own
        return own, (measure.end, measure.end + 1)
    if measure.unit_kind == "count" and _resumptive(folded[clause_start : measure.start], measure.value):
        return "", span  # 甲公司和乙公司两家: the count resumes a list and names no noun of its own
    name, stripped, subjectless = _noun_phrase(folded[clause_start : measure.context_end])
    # nothing but a change (比上年增长, 年均增长) or nothing at all: the subject is the previous
    # quantity's; a change verb with its object after it (压减燃煤消费80万吨) names the object
    no_subject = not stripped or bool(r.DIRECTION_ONLY.fullmatch(stripped))
    usable = previous is not None and previous.kind != "ordinal" and bool(previous.name)
    if usable and r.RATE_NOUN.fullmatch(name):
        return previous.name + name, span  # type: ignore[union-attr]
    after = _noun_closing_clause(folded, measure) if no_subject or subjectless else None
    if after is not None:
        return after, (measure.end, measure.end + len(after))
    if no_subject or subjectless:
        name = previous.name if usable else ""  # type: ignore[union-attr]
        if not name and subjectless and previous is None:
            name = _previous_subject(folded, sentence_start, clause_start)
    if "占" in name and measure.unit in ("%", "‰") and not name.endswith(("比重", "比例", "占比")):
        name += "比" if name.endswith("占") else "比例"  # 党员占总数 → 党员占总数比例
    elif name.endswith("占") and len(name) > 2:
        name = name[:-1]  # 补贴的部分占40亿元: an amount held, not a share
    return name, span


def _noun_after_count(folded: str, measure: _Measure, previous: _Row | None) -> str | None:
    """The noun of a count that comes right after another count and its noun: its own
    one-character noun (12个乡镇186个村 → 村), or '' before a quoted one (29个行政村7392户
    “…”改造); None otherwise: a count with nothing after it counts the noun before it
    (九类涉恶案件11起)."""
    if previous is None or previous.kind != "count" or not previous.name:
        return None
    if folded[previous.end : measure.start] != previous.name:
        return None
    after = folded[measure.end : measure.end + 2]
    if after[:1] in _QUOTE_PAIRS:
        return ""
    noun = _single_noun(folded, measure.end)
    return noun if noun and after[1:] not in r.PAIR_JOINTS else None


def _single_noun(folded: str, pos: int) -> str:
    """The one-character noun at ``pos`` (186个村完成改造 → 村), else ''."""
    word, tag = _word_at(folded, pos)
    # jieba tags a noun morpheme standing alone n, ng or zg (村)
    return word if len(word) == 1 and tag.startswith(("n", "zg")) else ""


def _noun_closing_clause(folded: str, measure: _Measure) -> str | None:
    """The noun that closes the clause right after an amount whose clause names nothing
    before it (约有63万吨缺口 → 缺口), else None."""
    stop = r.CLAUSE_BREAK.search(folded, measure.end, measure.end + 8)
    if stop is None:
        return None
    noun = folded[measure.end : stop.start()]
    if not 2 <= len(noun) <= 6 or not all(_CJK.match(c) for c in noun) or r.NO_COUNTED_NOUN.match(noun):
        return None
    return noun if _before_predicate(noun) == noun and _noun_only(noun) else None


def _nominal(name: str) -> bool:
    """Whether a name holds a content word and does not end in a function word (到年底 and
    金融机构向 name no thing), by the segmenter's tags."""
    from policytext.segmentation import get_backend

    words, tags = get_backend().cut_tagged(name)
    ends_in_function_word = tags[-1].startswith(r.FUNCTION_TAGS) and words[-1] not in r.NOUN_CLOSING_WORDS
    return any(tag.startswith(r.CONTENT_TAGS) for tag in tags) and not ends_in_function_word


def _ends_in_noun(phrase: str) -> bool:
    from policytext.segmentation import get_backend

    _, tags = get_backend().cut_tagged(phrase)
    return bool(tags) and tags[-1].startswith("n")


def _noun_only(phrase: str) -> bool:
    from policytext.segmentation import get_backend

    _, tags = get_backend().cut_tagged(phrase)
    return all(tag.startswith("n") for tag in tags)


def _noun_phrase(raw: str) -> tuple[str, str, bool]:
    """(the noun phrase of a clause before a number, the clause stripped, whether the clause
    opens with its predicate): stopped where the predicate starts (药品已经入库 → 药品),
    stripped, empty when it names no thing or is a fragment of a clause."""
    years = list(r.YEAR_IN_NAME.finditer(raw))
    # 继2019、2020和2021年分别建成光伏项目: a list of years says when, the thing follows it
    # (日本2012年的来客数 keeps its owner)
    listed = bool(years) and any(c.isdigit() for c in raw[: years[-1].start()])
    after_year = _strip_name(_INSIDE_NAME.sub("", raw[years[-1].end() :])) if listed else ""
    if len(after_year) >= 2 and _ends_in_noun(after_year):
        raw = raw[years[-1].end() :]
    raw = _INSIDE_NAME.sub("", raw)
    if "来" in raw:
        raw = r.TIME_FRAME_IN_NAME.sub("", raw)
    end = r.SUBJECT_END.search(raw)
    if end is not None and end.start() == 0 and end.group() in r.CHANGE_OPENERS:
        end = r.SUBJECT_END.search(raw, 1)  # 由县财政安排…: a 由 that opens the clause names an agent
    opens_predicate = end is not None and end.start() == 0
    if end is not None:
        raw = raw[: end.start()]
    titled = r.TITLED_NAMES.search(raw)
    if titled is not None:
        return titled.group(1), titled.group(1), False
    opener = r.CLAUSE_OPENER.match(raw)
    opened = raw[opener.end() :] if opener is not None else ""
    if _strip_name(opened) and _nominal(_strip_name(opened)):
        raw = opened  # 如果补贴(从…增加到): the subject of a conditional clause
    if raw.startswith("的") and "、" in raw:
        raw = raw[raw.rindex("、") + 1 :]  # …的甲项目、投资 2亿元: the list item before the number
    stripped = _strip_name(raw)
    subjectless = not stripped and (opens_predicate or bool(r.PREDICATE_START.match(raw)))
    if (
        len(stripped) < 2
        or r.PERSON_IN_NAME.search(stripped)
        or r.CLAUSE_IN_NAME.search(stripped)
        or not (r.RATE_NOUN.fullmatch(stripped) or _nominal(stripped))
        or (r.FRAGMENT_END.search(stripped) and not (stripped.endswith("的") and "占" in stripped))
        or r.NOT_A_NAME.fullmatch(stripped)
        or r.FRAGMENT.search(stripped)
        or r.NOT_A_THING_START.match(stripped)
    ):
        return "", stripped, subjectless
    return _last_quoted(stripped), stripped, subjectless


def _last_quoted(name: str) -> str:
    """A name that ends in a quoted term names that term (某款项下「培训业务」中「材料费」
    核减20万元 → 材料费); a quoted term with a noun after it stays whole (“惠民贷”业务)."""
    close = name[-1:]
    if close not in _QUOTE_CLOSE:
        return name
    opening = name.rfind(_QUOTE_CLOSE[close], 0, len(name) - 1)
    term = name[opening + 1 : -1] if opening >= 0 else ""
    return term if len(term) >= 2 else name


def _counted_noun(folded: str, measure: _Measure) -> tuple[int, int] | None:
    """The noun a count introduces (88个社区), or 人口 after 人 (14亿多人口)."""
    if measure.unit.endswith("人") and folded[measure.end : measure.end + 1] == "口":
        return measure.end - 1, measure.end + 1
    if measure.unit_kind != "count" and measure.unit not in r.MAGNITUDE_WORDS:
        return None  # a bare magnitude counts the noun after it too (2300万同胞)
    bound = r.BOUND_BEFORE_NOUN.match(folded, measure.end)  # 55个以上美丽乡村: past the bound
    return _following_noun(folded, bound.end() if bound else measure.end, measure.unit)


def _allocated_noun(folded: str, measure: _Measure, clause_start: int) -> tuple[int, int] | None:
    """The noun after ``的`` an amount is allocated to when the clause before it is an actor
    and a verb of allocating (教育部编列了5亿元的经费 → 经费)."""
    if folded[measure.end : measure.end + 1] != "的" or not r.ALLOCATION_VERB_END.search(folded, clause_start, measure.start):
        return None
    stop = _NOUN_STOP.search(folded, measure.end + 1, measure.end + 12)
    noun = folded[measure.end + 1 : stop.start() if stop else measure.end + 1]
    if not 2 <= len(noun) <= 8 or not all(_CJK.match(c) for c in noun) or r.DIRECTION.match(noun):
        return None
    return measure.end + 1, measure.end + 1 + len(noun)


def _resumptive(before: str, value: float) -> bool:
    """Whether a count resumes the list of names just before it, one per unit counted
    (甲银行和乙银行两家 → 2 items, 2 家)."""
    if value < 2 or not value.is_integer():
        return False
    items = re.split(r"以及|[和与及、]", before)
    return len(items) == int(value) and all(len(item) >= 2 for item in items)


def _previous_subject(folded: str, sentence_start: int, clause_start: int) -> str:
    """The subject of the clause before (我们的托育补贴在各方支持下，已经增长2倍 → 托育补贴),
    when that clause holds no number of its own."""
    if clause_start - 1 <= sentence_start:
        return ""
    before = folded[sentence_start : clause_start - 1]
    cut = max(before.rfind(c) for c in r.CLAUSE_BREAK_CHARS)
    raw = before[cut + 1 :]
    if any(c.isdigit() or c in r.MAGNITUDE_CHARS for c in raw):
        return ""
    raw = r.ADVERBIAL_END.sub("", raw)
    name, _, _ = _noun_phrase(raw)
    return name if 2 <= len(name) <= 12 else ""


def _ordinal_row(folded: str, number: Number, end: int, layout: _Layout, section: str | None) -> _Row:
    sentence_id = layout.sentence(number.start)
    start = number.start - 1 if number.kind == "ordinal" or folded[number.start - 1 : number.start] == r.RANK_BEFORE else number.start
    return _Row(start, end, number.value, None, None, 1.0, None, "exact", "level", "unknown", "ordinal", "",
                None, sentence_id, None, section, layout.sentence_span(sentence_id, len(folded)),
                value_text=_plain(number.value))


def _quantity_row(folded: str, number: Number, measure: _Measure, layout: _Layout, sections: _Sections,
                  rows: list[_Row]) -> _Row:
    start = measure.start
    sentence_id = layout.sentence(start)
    # an ordinal inside the clause (由“十二五”末的33.74%) is part of its text, not a quantity before it
    quantities = [row for row in rows[-4:] if row.kind != "ordinal"]
    previous = quantities[-1] if quantities and quantities[-1].sentence_id == sentence_id else None
    clause_start = layout.clause_start(start)
    if previous is not None and clause_start <= previous.start:
        clause_start = previous.end  # 28.5万亿元、比上年增加1.1万亿元: the second starts after the first
    clause_start = min(clause_start, measure.context_end)
    context = folded[clause_start : measure.context_end]
    qualifier, end = _qualifier(folded, measure, context)
    direction, direction_at = _direction(context)
    sentence_start, sentence_stop = layout.sentence_span(sentence_id, len(folded))
    name, read_from = _name(folded, measure, (clause_start, sentence_start), context, direction_at, previous)
    name, pair = _paired(folded, (start, end), previous, name)
    if pair is None:
        name, pair = _respective(folded, end, [row for row in rows if row.sentence_id == sentence_id], name, context)
    name_span = _own_span(folded, name, read_from)
    listed = layout.target_range(start)
    clause_stop_m = r.CLAUSE_BREAK.search(folded, end, end + _CUE_REACH)
    clause_stop = clause_stop_m.start() if clause_stop_m else min(len(folded), end + _CUE_REACH)
    section = sections.at(start)
    cue_start, cue_stop = max(sentence_start, start - _CUE_REACH), min(sentence_stop, end + _CUE_REACH)
    status, evidence = _status(_Context(
        section, folded[max(clause_start, cue_start) : clause_stop], folded[cue_start:start],
        folded[cue_start:cue_stop], listed,
        functools.partial(layout.paragraph_cue, start, functools.partial(sections.start_at, start)), qualifier,
        _threshold(folded, measure, end, clause_stop), layout.genre,
        folded[max(layout.clause_start(start), cue_start) : start], layout.horizon_passed, layout.year,
    ))
    if status == "unknown" and evidence is None:
        status, evidence = _breakdown_status(folded, (sentence_start, sentence_id), rows) or (status, evidence)
    if qualifier == "cap":
        qualifier = "exact" if status == "achieved" else "max"
    scale, unit_base = _magnitude_prefix(measure.unit)
    return _Row(
        start, end, measure.value, measure.value_max, measure.unit, scale, unit_base, qualifier, direction,
        status, _kind(number, measure.unit_kind, name, direction), name, name_span, sentence_id,
        _time_ref(folded, cue_start, start, listed is not None and listed[0] == "target"),
        section, (sentence_start, sentence_stop), evidence, measure.value_text, pair,
    )


def _breakdown_status(folded: str, sentence: tuple[int, int], rows: list[_Row]) -> tuple[str, str] | None:
    """A sentence that opens with 其中 breaks down the total of the sentence before it
    (年末共有企业320家。其中，高新技术企业85家): its numbers take that total's status, and so
    do those of the parts after a semicolon (其中，甲…；乙…)."""
    sentence_start, sentence_id = sentence
    total = next((row for row in reversed(rows) if row.kind != "ordinal" and row.start < sentence_start), None)
    if total is None or total.sentence_id != sentence_id - 1 or total.status == "unknown":
        return None
    opens = r.BREAKDOWN_OPENING.match(folded, sentence_start)
    goes_on = total.evidence == "previous:其中" and folded[sentence_start - 1 : sentence_start] in "；;"
    return (total.status, "previous:其中") if opens or goes_on else None


def _own_span(folded: str, name: str, around: tuple[int, int] | None) -> tuple[int, int] | None:
    """Where ``name`` itself is written in the span it was read from (its last occurrence:
    the nearest to the number), so ``indicator_original`` is the name in the text's own
    script; for a name completed by a word of its own (党员占总数 + 比例), the longest
    beginning of it that is written there; None when not even two characters of it are
    (taken from the previous quantity, or joined: 城乡 → 城镇)."""
    if not name or around is None:
        return None
    for size in range(len(name), 1, -1):
        at = folded.rfind(name[:size], around[0], around[1])
        if at >= 0:
            return at, at + size
    return None


def _paired(folded: str, span: tuple[int, int], previous: _Row | None,
            name: str) -> tuple[str, tuple[tuple[str, ...], int] | None]:
    """Values paired with a list of subjects (A和B实际增长8.4%和11.4%): the i-th value takes the
    i-th subject. (name, pair) of this value: unchanged outside such a list."""
    start, end = span
    if previous is not None and previous.pair is not None and folded[previous.end : start] in r.PAIR_JOINTS:
        items, index = previous.pair
        if index + 1 < len(items):
            return items[index + 1], (items, index + 1)
    if name and folded[end : end + 1] in r.PAIR_JOINTS and folded[end + 1 : end + 2] in r.NUMERAL_FIRST:
        items = tuple(r.PAIR_JOINT.split(name))
        # 2019、2020和2021年分别建成…: a list of years says when, each value is not theirs
        if len(items) >= 2 and all(len(item) >= 2 and not r.YEAR_ITEM.match(item) for item in items):
            head = r.SHARED_HEAD.search(items[-1])
            if head is not None and len(items[-1]) > len(head.group()):
                items = tuple(item if r.SHARED_HEAD.search(item) else item + head.group() for item in items)
            return items[0], (items, 0)
    return name, None


def _respective(folded: str, end: int, earlier: list[_Row], name: str,
                context: str) -> tuple[str, tuple[tuple[str, ...], int] | None]:
    """分别 with a list of values (分别增长9%和12%): the subjects are 城镇 and 农村 of a 城乡
    name, else the last quantities named earlier in the sentence, one per value (城镇居民收入
    达到…，农村居民收入达到…，分别增长97%和67%). (name, pair) unchanged when neither."""
    if "分别" not in context:
        return name, None
    count, at = 1, end
    while (m := r.NEXT_LISTED_VALUE.match(folded, at)) is not None:
        count, at = count + 1, m.end()
    if count < 2:
        return name, None
    if name.startswith("城乡") and count == 2 and len(name) > 2:
        items = tuple(place + name[2:] for place in r.URBAN_RURAL)
        return items[0], (items, 0)
    names = list(dict.fromkeys(row.name for row in earlier if row.kind != "ordinal" and row.name))
    if len(names) < count:
        return name, None
    items = tuple(names[-count:])
    return items[0], (items, 0)


def _threshold(folded: str, measure: _Measure, end: int, clause_stop: int) -> bool:
    """Whether a bound after the quantity qualifies a noun (总投资5亿元以上的项目; 周边5公里
    以内没有学校的厂房): a threshold, not a value of the thing before it."""
    if end <= measure.end or folded[measure.end] not in "以及":
        return False
    if r.THRESHOLD_AFTER.match(folded, end):
        return True
    de = folded.find("的", end, min(clause_stop, end + 30))
    return de > end and bool(r.THRESHOLD_AFTER.match(folded, de))


def _unit_led(text: str, folded: str, numbers: list[Number]) -> list[Number]:
    """3.5万千瓦, 12亿千瓦时, 200兆瓦: give the numeral's last character back to the unit it opens."""
    out = []
    for number in numbers:
        last = number.end - 1
        if (
            number.unit is None
            and number.end - number.start >= 2
            and r.NUMERAL_LED_UNITS.match(folded, last)
            and (folded[last - 1].isdigit() or folded[last - 1] in "万亿")
        ):
            value = parse_number(folded[number.start : last])
            if value is not None:
                number = Number(number.start, last, text[number.start : last], value, None, None, number.kind,
                                number.approximate)
        out.append(number)
    return out


def _extract_folded(text: str, folded: str, sections: _Sections) -> list[_Row]:
    from policytext.io import text_year

    layout = _layout(folded, text_year(text))
    numbers = find_numbers(text, folded=folded, quantities_only=True)
    numbers = _durations(text, folded, _unit_led(text, folded, numbers))
    rows: list[_Row] = []
    for number in numbers:
        ordinal_end = _ordinal_end(folded, number)
        if ordinal_end is not None:
            if ordinal_end >= 0:
                rows.append(_ordinal_row(folded, number, ordinal_end, layout, sections.at(number.start)))
            continue
        if _skip(folded, number, layout):
            continue
        measure = _measure(folded, number)
        if measure is None:
            continue
        while rows and measure.start <= rows[-1].start:
            rows.pop()  # the low end of this range was read as a quantity of its own
        rows.append(_quantity_row(folded, number, measure, layout, sections, rows))
    return rows


def indicator_records(doc_id: Any, conversion: Conversion) -> list[dict[str, Any]]:
    """The indicator rows of one text read by :func:`policytext.analysis_text`, as dicts.

    The quantities are read from ``conversion.text`` (spaces inside prose and numbers read
    past) with the sections of :func:`policytext.structure.document_sections`; every
    offset points into ``conversion.original``: :func:`indicators` for one document.

    Parameters
    ----------
    doc_id : any
        The ``doc_id`` of the rows.
    conversion : policytext.script.Conversion
        The text as :func:`policytext.analysis_text` reads it.

    Returns
    -------
    list of dict
        One dict per row, with the keys :data:`COLUMNS`.
    """
    simplified = conversion.text
    compact = _Compact.of(simplified, fold(simplified))
    sections = _Sections.of(conversion, compact)
    rows = _extract_folded(compact.text, compact.folded, sections)

    def to_original(start: int, end: int) -> tuple[int, int]:
        return conversion.to_original(*compact.span(start, end))

    return _to_records(doc_id, conversion.original, rows, to_original)


def _value_fields(row: _Row) -> dict[str, Any]:
    """value, value_text, value_base … and the note of a number a float cannot hold."""
    value, note = row.value, None
    text = row.value_text or _plain(value)
    # only a number of more than 15 digits can be past what a float holds exactly
    if len(text) > 15 and _PLAIN_ARABIC.fullmatch(text):
        try:
            exact = Decimal(text)
            if not math.isfinite(value) or Decimal(repr(float(text))) != exact:
                note = IMPRECISE
                value = float(text) if math.isfinite(float(text)) else math.nan
        except (InvalidOperation, ValueError):
            pass
    quantity = row.kind != "ordinal"
    return {
        "value": value,
        "value_max": row.value_max,
        "value_text": text or None,
        "value_base": value * row.scale if quantity else None,
        "value_base_max": row.value_max * row.scale if row.value_max is not None else None,
        "note": note,
    }


def _to_records(
    doc_id: Any, text: str, rows: list[_Row], to_original: Callable[[int, int], tuple[int, int]]
) -> list[dict[str, Any]]:
    records = []
    sentences: dict[tuple[int, int], str] = {}  # most sentences hold several rows
    for row in rows:
        start, end = to_original(row.start, row.end)
        sentence = sentences.get(row.sentence_span)
        if sentence is None:
            o_s_start, o_s_end = to_original(*row.sentence_span)
            sentence = sentences[row.sentence_span] = text[o_s_start:o_s_end].strip()
        name_original = None
        quantity = row.kind != "ordinal"
        if row.name_span is not None and quantity and row.name:
            n_start, n_end = to_original(*row.name_span)
            name_original = text[n_start:n_end]
        values = _value_fields(row)
        records.append({
            "doc_id": doc_id,
            "sentence_id": row.sentence_id,
            "sentence": sentence,
            "start": start,
            "end": end,
            "text": text[start:end],
            "indicator": (row.name or None) if quantity else None,
            "indicator_original": name_original,
            "value": values["value"],
            "value_max": values["value_max"],
            "value_text": values["value_text"],
            "unit": row.unit or None,
            "value_base": values["value_base"],
            "value_base_max": values["value_base_max"],
            "unit_base": row.unit_base,
            "qualifier": row.qualifier if quantity else None,
            "direction": row.direction if quantity else None,
            "status": row.status if quantity else None,
            "status_evidence": row.evidence if quantity else None,
            "kind": row.kind,
            "time_ref": row.time_ref,
            "section": row.section,
            "note": values["note"],
        })
    return records


def indicators(data: str | Corpus | Sequence[str], *, doc_id: Any = None, convert: str | bool = "auto") -> pd.DataFrame:
    """One row per quantity in a text, a list of texts or a :class:`~policytext.Corpus`.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus (``doc_id`` from its docvars).
    doc_id : any
        The ``doc_id`` of the rows when ``data`` is one text.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`): ``"auto"`` reads text
        with any Traditional-only character through OpenCC t2s; ``False`` never converts
        (numerals and units are still read in either script).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``doc_id``, ``sentence_id``, ``sentence``;
        ``start``/``end`` (offsets into the text as given, so ``text[start:end]`` is
        ``text``); ``indicator`` (the noun phrase measured, in Simplified script, empty
        when the clause names none) and ``indicator_original`` (its source span);
        ``value``/``value_max`` (as written; ``value_max`` for ranges), ``value_text``
        (the value's digits as written, exact however many) and ``unit`` (万人, 亿元, %,
        百分点…); ``value_base``/``value_base_max``/``unit_base`` (the magnitude applied:
        1.3万亿斤 → 1.3e12 斤); ``qualifier`` (exact, approx, min, max, range);
        ``direction`` (increase, decrease, level); ``status`` (target, achieved, plan,
        unknown) and ``status_evidence`` (what decided it: ``section:review``,
        ``cue:预期目标``, ``list:主要预期目标``, ``paragraph:今年``, ``previous:其中`` (a
        breakdown takes its total's) …); ``kind`` (rate, share,
        count, amount, change, ordinal: :func:`is_quantity` tells quantities apart);
        ``time_ref``; ``section`` (the section type of
        :func:`policytext.structure.document_sections`); ``note`` (set when the value is
        past float precision: ``value_text`` has the exact digits).

    Raises
    ------
    policytext.ConfigError
        When ``convert`` is not ``"auto"``, ``False`` or an OpenCC config name.

    Examples
    --------
    >>> indicators("今年国内生产总值预期增长5%左右。")[["value", "unit", "qualifier", "status"]].values.tolist()
    [[5.0, '%', 'approx', 'target']]
    """
    from policytext.corpus import documents_of
    from policytext.script import analysis_text

    check_convert(convert)
    ids, texts = documents_of(data)
    if isinstance(data, str):
        ids = [doc_id]
    records: list[dict[str, Any]] = []
    for identifier, text in zip(ids, texts):
        records.extend(indicator_records(identifier, analysis_text(text, convert)))
    frame = records_frame(records, COLUMNS)
    for column in ("value", "value_max", "value_base", "value_base_max"):
        frame[column] = frame[column].astype("float64")
    return frame
