"""Numeric indicators from policy texts: :func:`indicators` returns one row per quantity.

A quantity is a number with what makes it data: a unit (%, 百分点, 万人, 亿元, 个…), the
thing measured, a qualifier (左右, 以上, 以内, a range), a direction (增长, 下降) and a status
(target, achieved, plan, unknown) read from the clause, the paragraph and the section.
Ordinals (第十三次, 十六大, 十四五) are rows of kind ``ordinal``; years and dates are not rows.
Traditional-script text is read through an OpenCC t2s conversion with an offset map, so
offsets and surface strings always refer to the text as given.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.numeric import resources as r
from policytext.numeric.numerals import Number, find_numbers, fold
from policytext.script import check_convert

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.script import Conversion

#: the columns of :func:`indicators`, in order
COLUMNS = (
    "doc_id", "sentence_id", "sentence", "start", "end", "text", "indicator", "indicator_original",
    "value", "value_max", "unit", "value_base", "value_base_max", "unit_base", "qualifier",
    "direction", "status", "kind", "time_ref", "section",
)
QUALIFIERS = ("exact", "approx", "min", "max", "range")
STATUSES = ("target", "achieved", "plan", "unknown")
KINDS = ("rate", "share", "count", "amount", "change", "ordinal")

_NAME_PUNCTUATION = " \u3000、，,：:“”\"'（）()"
_SECTIONS = {"achieved": "review", "target": "ahead", "plan": "plan"}
_QUOTED = re.compile(r"“[^”\n]{1,12}”|\"[^\"\n]{1,12}\"")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SHARE_WORDS = re.compile(r"占|比重|比例|份额|覆盖率|普及率|参保率|达标率|合格率|率达|占比")
#: words dropped inside a name: 仅占 → 占, 比上年增长 → 增长
_INSIDE_NAME = re.compile(
    r"(?:仅|只|才|已|均|共|还|就)(?=占)|比上年|比去年|同比|(?:由|从|到)?(?:(?:19|20)\d\d年|上年|去年)(?:的|底|末)?"
)
_NOUN_STOP = re.compile(r"[，,；;。：:！？!?\n]")
_NOT_NOUN_START = "是为的了在中和与及等以达占比从向对把被将已也都又再并而且或即均"
_FOLLOW_TRIM = re.compile(r"(?:中|里|内|当中|之中|以上|左右|等)$")
_NOUN_WORDS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9“”（）()、]+")
#: verbs that end the noun a count introduces (4个示范点带动… → 示范点)
_NOUN_VERB = re.compile(
    r"带动|推动|促进|实现|开展|建立|建设|完成|达到|覆盖|进行|参加|参与|获得|纳入|用于|提供|帮助|支持|发挥|成为|得到|受益|"
    r"缺少|缺乏|没有|存在|需要|面临|开工|竣工|投产|通过|列入|获批|达标|出现|发生|入选|位于|分布"
)
_NOUN_VERB_START = re.compile(r"^(?:是|为|的|了|在|和|与|及|等|以|达|占|比|从|向|对|把|被|将|已|也|都|又|再|并|而|或|即|均|左右|以上|以下)")


@dataclass
class _Layout:
    """Paragraph, sentence and clause boundaries of one folded text, and status context."""

    paragraph_starts: list[int]
    section_status: list[str | None]
    sentence_starts: list[int]
    clause_starts: list[int]
    target_ranges: list[tuple[int, int, str]]
    quoted: list[tuple[int, int]]
    folded: str
    _cues: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

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

    def target_range_status(self, pos: int) -> str | None:
        """"target" or "plan" inside a list of targets (主要预期目标是：…), else None."""
        i = bisect.bisect_right(self.target_ranges, (pos, 10**12, "")) - 1
        if i >= 0 and self.target_ranges[i][0] <= pos < self.target_ranges[i][1]:
            return self.target_ranges[i][2]
        return None

    def paragraph_cue(self, paragraph: int, pos: int) -> str | None:
        """The status the nearest time cue before ``pos`` in its paragraph implies."""
        cues = self._cues.get(paragraph)
        if cues is None:
            start = self.paragraph_starts[paragraph]
            stop = self.paragraph_starts[paragraph + 1] if paragraph + 1 < len(self.paragraph_starts) else len(self.folded)
            cues = [(m.start(), m.lastgroup or "") for m in r.PARAGRAPH_CUE.finditer(self.folded, start, stop)]
            self._cues[paragraph] = cues
        i = bisect.bisect_left(cues, (pos, "")) - 1
        return cues[i][1] if i >= 0 else None

    def in_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.quoted, (start, 10**12)) - 1
        return i >= 0 and self.quoted[i][0] <= start and end <= self.quoted[i][1]


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


def _layout(folded: str) -> _Layout:
    import numpy as np

    codes = np.frombuffer(folded.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = np.minimum(codes, 0x10FFFF)  # lone surrogates pass through as themselves
    paragraph_starts = _starts_after(codes, "\n")
    section_status: list[str | None] = []
    status: str | None = None
    for i, start in enumerate(paragraph_starts):
        stop = paragraph_starts[i + 1] - 1 if i + 1 < len(paragraph_starts) else len(folded)
        line = folded[start:stop]
        if len(line.strip()) <= 40 and r.HEADING.match(line):
            if r.REVIEW_HEADING.search(line):
                status = "achieved"
            elif r.PLAN_CUE.search(line):
                status = "plan"
            elif status is not None or r.AHEAD_HEADING.search(line):
                status = "target"
        section_status.append(status)
    target_ranges = []
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
        target_ranges.append((m.start(), stop, "plan" if r.PLAN_CUE.search(intro) else "target"))
    return _Layout(
        paragraph_starts=paragraph_starts,
        section_status=section_status,
        sentence_starts=_starts_after(codes, r.SENTENCE_BREAK_CHARS),
        clause_starts=_starts_after(codes, r.CLAUSE_BREAK_CHARS),
        target_ranges=target_ranges,
        quoted=[(m.start(), m.end()) for m in _QUOTED.finditer(folded)],
        folded=folded,
    )


def _strip_name(name: str) -> str:
    """Drop connectives, time words and qualifier words from both ends of a name."""
    while True:
        stripped = r.NAME_TRAILING.sub("", r.NAME_LEADING.sub("", name)).strip(_NAME_PUNCTUATION)
        if stripped == name:
            return name
        name = stripped


def _direction(context: str) -> tuple[str, int]:
    """The last direction verb in ``context`` and where it starts (-1 when none)."""
    last = None
    for match in r.DIRECTION.finditer(context):
        last = match
    if last is None:
        return "level", -1
    return ("increase" if last.lastgroup == "increase" else "decrease"), last.start()


def _qualifier_before(context: str, after: str) -> str | None:
    m = r.QUALIFIER_BEFORE_PATTERN.search(context, max(0, len(context) - r.QUALIFIER_BEFORE_LONGEST))
    if m is None:
        return None
    if m.lastgroup == "cap" and after.startswith(("以内", "之内", "以下")):
        return "max"  # 控制在3%以内
    return m.lastgroup


def _unit_after(folded: str, end: int, number: Number) -> tuple[int, str | None, str | None, bool]:
    """(end, unit as written, unit kind, 多/余 seen) for the unit after a number: 个, 万人, 多万吨."""
    pos = end
    fuzzy = False
    if number.unit is None and folded[pos : pos + 1] in ("多", "余"):
        fuzzy, pos = True, pos + 1
    magnitude = next((word for word in r.MAGNITUDE_WORDS if folded.startswith(word, pos)), "")
    pos += len(magnitude)
    m = r.UNIT_PATTERN.match(folded, pos)
    if m:
        return m.end(), magnitude + m.group(), r.UNITS[m.group()][0], fuzzy
    if magnitude:
        return pos, magnitude, None, fuzzy
    return end, None, None, False


def _split_magnitude(surface: str, value: float) -> tuple[float, str, float]:
    """1.3万亿 → (1.3, "万亿", 1e12): the number as written and its magnitude word."""
    stripped = surface.rstrip()
    suffix = ""
    while stripped and stripped[-1] in r.BIG_UNITS:
        suffix = stripped[-1] + suffix
        stripped = stripped[:-1]
    if not suffix or not stripped:
        return value, "", 1.0
    scale = 1.0
    for char in suffix:
        scale *= r.BIG_UNITS[char]
    return value / scale, suffix, scale


def _following_noun(folded: str, pos: int) -> tuple[int, int] | None:
    """The noun phrase a count introduces (88个社区居委会中 → 社区居委会), as a span."""
    stop_m = _NOUN_STOP.search(folded, pos)
    stop = stop_m.start() if stop_m else len(folded)
    phrase = folded[pos:stop]
    if phrase.startswith(("是", "为")):
        pos, phrase = pos + 1, phrase[1:]
    if not phrase or not _CJK.match(phrase) or _NOUN_VERB_START.match(phrase) or r.DIRECTION.match(phrase):
        return None
    words = _NOUN_WORDS.match(phrase)
    if not words:
        return None
    phrase = _NOUN_VERB.split(words.group(), maxsplit=1)[0]
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


def _kind(number: Number, unit_kind: str | None, indicator: str, direction: str) -> str:
    if number.unit == "百分点":
        return "change"
    if number.unit in ("%", "‰", "‱") or number.kind == "fraction":
        return "share" if _SHARE_WORDS.search(indicator) and direction == "level" else "rate"
    if direction != "level":
        return "change"
    return unit_kind or "amount"


def _cue(text: str) -> str | None:
    """The status a text's own cue words give: a multi-year plan, a target, a reported fact."""
    if r.PLAN_CUE.search(text):
        return "plan"
    if r.TARGET_CUE.search(text):
        return "target"
    if r.ACHIEVED_CUE.search(text):
        return "achieved"
    return None


def _status(clause: str, sentence: str, listed: str | None, paragraph: Callable[[], str | None], section: str | None) -> str:
    """Status from the clause's own cues, then the list of targets it is in, then the
    paragraph's nearest time cue, then the section, then the sentence's cues."""
    from_clause = _cue(clause)
    if from_clause is not None:
        return from_clause
    if listed is not None:
        return listed
    for status in (paragraph(), section):
        if status is not None:
            return status
    return _cue(sentence) or "unknown"


def _time_ref(folded: str, sentence_start: int, pos: int, in_target: bool) -> str | None:
    found = None
    for m in r.TIME_REF.finditer(folded, sentence_start, pos):
        found = m.group()
    if found is None and in_target:
        return "今年"
    return found


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


def _is_date(folded: str, number: Number) -> bool:
    if number.unit is not None:
        return False
    return bool(r.DATE_AFTER.match(folded, number.end))


def _ordinal_end(folded: str, number: Number) -> int | None:
    if number.kind == "ordinal":
        tail = r.ORDINAL_AFTER.match(folded, number.end)
        return tail.end() if tail and not tail.group().strip().startswith(("大", "中全会")) else number.end
    tail = r.ORDINAL_AFTER.match(folded, number.end)
    if tail and not tail.group().strip().startswith(("次", "届")):
        return number.end if tail.group().strip().startswith(("大", "中全会")) else tail.end()
    # 十四五: the numeral pattern reads 十四 and stops before the 五 of the plan's name
    if folded.startswith("五", number.end) and re.match(r"五(?:[”\"]|规划|计划|时期|期间|末)", folded[number.end :]):
        return number.end + 1
    return None


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


def _magnitude_prefix(unit: str) -> tuple[float, str | None]:
    """万人 → (1e4, "人"), 万亿斤 → (1e12, "斤"), % → (1, "%"), 万 → (1e4, None)."""
    for word, scale in r.MAGNITUDE_WORDS.items():
        if unit.startswith(word):
            return float(scale), unit[len(word) :] or None
    return 1.0, unit


def _measure(folded: str, number: Number, previous: Number | None) -> _Measure | None:
    """The unit after ``number`` and, when ``previous`` is the low end of a range, the range."""
    unit_end, unit_word, unit_kind, fuzzy_unit = _unit_after(folded, number.end, number)
    value, magnitude_word, _ = _split_magnitude(number.text, number.value)
    if number.unit is not None:
        unit, unit_kind, unit_end = number.unit, None, number.end
    else:
        unit = magnitude_word + (unit_word or "")
    if not unit:
        return None  # a bare number: not a quantity
    measure = _Measure(number.start, unit_end, value, number.value_max, unit, unit_kind, number.start,
                       "range" if number.value_max is not None else None)
    if fuzzy_unit or number.approximate:
        measure.qualifier = measure.qualifier or ("approx" if "几" in number.text else "min")
    if (
        previous is not None
        and previous.kind != "ordinal"
        and previous.unit in (None, number.unit)
        and r.RANGE_CONNECTOR.fullmatch(folded, previous.end, number.start)
        and not _is_date(folded, previous)
    ):
        low, low_word, low_scale = _split_magnitude(previous.text, previous.value)
        if low_word:  # 5000万到1亿: the low end in the high end's unit
            low = low * low_scale / _split_magnitude(number.text, number.value)[2]
        measure.value, measure.value_max = low, value
        measure.start = measure.context_end = previous.start
        measure.qualifier = "range"
    return measure


def _skip(folded: str, number: Number, layout: _Layout) -> bool:
    """Dates, slogans in quotes (“两个维护”), age bands inside a name, and 一个/一批 articles."""
    return (
        _is_date(folded, number)
        or layout.in_quote(number.start, number.end)
        or (number.text == "一" and number.unit is None)
        or bool(r.AGE_BAND.match(folded, number.end))
    )


def _name(
    folded: str, measure: _Measure, clause_start: int, context: str, direction_at: int, previous: _Row | None
) -> tuple[str, tuple[int, int]]:
    """The measured thing: the noun a count introduces (88个社区), else the clause before the
    number; a clause with no subject of its own (、比上年增长8%) takes the previous one's."""
    span = _following_noun(folded, measure.end) if measure.unit_kind == "count" else None
    if span is None:
        span = (clause_start, measure.context_end)
    name = _strip_name(_INSIDE_NAME.sub("", folded[span[0] : span[1]]))
    no_subject = not name or (direction_at >= 0 and _strip_name(context[:direction_at]) == "")
    if previous is not None and previous.kind != "ordinal" and no_subject:
        inherited = r.TRAILING_DIRECTION.sub("", previous.name)
        if inherited:
            verb = context[direction_at:].split("比")[0] if direction_at >= 0 else ""
            name = inherited + _strip_name(_INSIDE_NAME.sub("", verb))
    if "占" in name and not name.endswith(("比重", "比例", "占比")):
        name += "比" if name.endswith("占") else "比例"  # 党员占总数 → 党员占总数比例
    return name, span


def _ordinal_row(folded: str, number: Number, end: int, layout: _Layout) -> _Row:
    sentence_id = layout.sentence(number.start)
    start = number.start - 1 if number.kind == "ordinal" else number.start  # keep 第
    return _Row(start, end, number.value, None, None, 1.0, None, "exact", "level", "unknown", "ordinal", "",
                None, sentence_id, None, None, layout.sentence_span(sentence_id, len(folded)))


def _extract_folded(text: str, folded: str) -> list[_Row]:
    layout = _layout(folded)
    numbers = find_numbers(text, folded=folded, quantities_only=True)
    rows: list[_Row] = []
    for i, number in enumerate(numbers):
        ordinal_end = _ordinal_end(folded, number)
        if ordinal_end is not None:
            rows.append(_ordinal_row(folded, number, ordinal_end, layout))
            continue
        if _skip(folded, number, layout):
            continue
        measure = _measure(folded, number, numbers[i - 1] if i else None)
        if measure is None:
            continue
        if rows and measure.start <= rows[-1].start:
            rows.pop()  # the low end of this range was read as a quantity of its own
        start, end = measure.start, measure.end
        sentence_id = layout.sentence(start)
        previous = rows[-1] if rows and rows[-1].sentence_id == sentence_id else None
        clause_start = layout.clause_start(start)
        if previous is not None and clause_start <= previous.start:
            clause_start = previous.end  # 28.5万亿元、比上年增加1.1万亿元: the second starts after the first
        context = folded[clause_start : measure.context_end]
        qualifier = measure.qualifier
        if qualifier is None:
            after = r.QUALIFIER_AFTER.match(folded, end)
            if after:
                qualifier, end = after.lastgroup or "exact", after.end()
            else:
                qualifier = _qualifier_before(context, folded[end : end + 4]) or "exact"
        direction, direction_at = _direction(context)
        name, name_span = _name(folded, measure, clause_start, context, direction_at, previous)
        sentence_start, sentence_stop = layout.sentence_span(sentence_id, len(folded))
        paragraph = layout.paragraph(start)
        listed = layout.target_range_status(start)
        clause_stop = r.CLAUSE_BREAK.search(folded, end)
        status = _status(
            folded[clause_start : clause_stop.start() if clause_stop else len(folded)],
            folded[sentence_start:sentence_stop],
            listed,
            functools.partial(layout.paragraph_cue, paragraph, start),
            layout.section_status[paragraph],
        )
        if qualifier == "cap":
            qualifier = "exact" if status == "achieved" else "max"
        scale, unit_base = _magnitude_prefix(measure.unit)
        rows.append(_Row(
            start, end, measure.value, measure.value_max, measure.unit, scale, unit_base, qualifier, direction,
            status, _kind(number, measure.unit_kind, name, direction), name, name_span, sentence_id,
            _time_ref(folded, sentence_start, start, listed == "target"),
            _SECTIONS.get(layout.section_status[paragraph] or ""), (sentence_start, sentence_stop),
        ))
    return rows


def indicator_records(doc_id: Any, conversion: Conversion) -> list[dict[str, Any]]:
    """The indicator rows of one text read by :func:`policytext.analysis_text` (the
    quantities are read from ``conversion.text``; every offset points into
    ``conversion.original``): :func:`indicators` for one document, as dicts."""
    simplified = conversion.text
    rows = _extract_folded(simplified, fold(simplified))
    return _to_records(doc_id, conversion.original, rows, conversion.to_original)


def _to_records(
    doc_id: Any, text: str, rows: list[_Row], to_original: Callable[[int, int], tuple[int, int]]
) -> list[dict[str, Any]]:
    records = []
    for row in rows:
        start, end = to_original(row.start, row.end)
        o_s_start, o_s_end = to_original(*row.sentence_span)
        name_original = None
        if row.name_span is not None and row.kind != "ordinal":
            n_start, n_end = to_original(*row.name_span)
            name_original = text[n_start:n_end]
        base = row.value * row.scale
        records.append({
            "doc_id": doc_id,
            "sentence_id": row.sentence_id,
            "sentence": text[o_s_start:o_s_end].strip(),
            "start": start,
            "end": end,
            "text": text[start:end],
            "indicator": row.name or None if row.kind != "ordinal" else None,
            "indicator_original": name_original,
            "value": row.value,
            "value_max": row.value_max,
            "unit": row.unit,
            "value_base": base if row.kind != "ordinal" else None,
            "value_base_max": row.value_max * row.scale if row.value_max is not None else None,
            "unit_base": row.unit_base,
            "qualifier": row.qualifier if row.kind != "ordinal" else None,
            "direction": row.direction if row.kind != "ordinal" else None,
            "status": row.status if row.kind != "ordinal" else None,
            "kind": row.kind,
            "time_ref": row.time_ref,
            "section": row.section,
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
        (numerals are still read in either script).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`COLUMNS`: ``doc_id``, ``sentence_id``, ``sentence``;
        ``start``/``end`` (offsets into the text as given, so ``text[start:end]`` is
        ``text``); ``indicator`` (the thing measured, in Simplified script) and
        ``indicator_original`` (its source span in the original script);
        ``value``/``value_max`` (as written; ``value_max`` for ranges) and ``unit`` (万人,
        亿元, %, 百分点…); ``value_base``/``value_base_max``/``unit_base`` (the magnitude
        applied: 1.3万亿斤 → 1.3e12 斤); ``qualifier`` (exact, approx, min, max, range);
        ``direction`` (increase, decrease, level); ``status`` (target, achieved, plan,
        unknown); ``kind`` (rate, share, count, amount, change, ordinal); ``time_ref``.

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
