"""Chinese, Arabic and mixed numerals: parse one (:func:`parse_number`), find all (:func:`find_numbers`).

Handles 一千二百万, 1.3万亿, 5万4千6百, 两千四百五 (= 2450), 百分之三十点二六, ２．５％,
3个百分点 (kept apart from %), 三分之一, 九成, 一两 (a range 1–2), 负数, 1e5 and 40k.
Offsets returned by :func:`find_numbers` index the text as given.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from policytext.numeric import resources as r

_NUMERAL = re.compile(r.NUMERAL)
_NUMERAL_START = re.compile(r.NUMERAL_START)
_QUANTITY_START = re.compile(r.QUANTITY_START)
_PLAIN_DECIMAL = re.compile(r"(\d+(?:\.\d+)?)([万亿]*)")
#: longer runs of numeral characters are read in pieces (no real numeral is this long)
_LONGEST_NUMERAL = 48
_ARABIC = re.compile(r"(?:\d{1,3}(?:[,，]\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+")
#: a run of Arabic digits longer than any numeral read in pieces (see _LONGEST_NUMERAL)
_LONG_ARABIC = re.compile(rf"\d{{{_LONGEST_NUMERAL},}}(?:\.\d+)?(?![\d.])")
#: how far a numeral is matched ahead: past the longest numeral read (spaces between its
#: parts included), so a run of numeral characters as long as the text (一一一…) costs
#: one bounded match per numeral, not a scan to the run's end each time
_SCAN = 4 * _LONGEST_NUMERAL


def _numeral_at(folded: str, start: int) -> re.Match[str] | None:
    """The numeral pattern at ``start``, matched no further than _SCAN characters; a run of
    Arabic digits longer than that is matched whole (it is read as one number)."""
    m = _NUMERAL.match(folded, start, start + _SCAN)
    if m is not None and m.end() == start + _SCAN and _LONG_ARABIC.match(folded, start):
        return _NUMERAL.match(folded, start)
    return m
_EXPONENT = re.compile(r"[eE]([-+]?\d+)")
_FRACTION_MARK = re.compile(r.FRACTION_MARK)
_MIXED_FRACTION = re.compile(r"[ ]*又[ ]*")
_SLASH_FRACTION = re.compile(r"[ ]*/[ ]*(\d{1,4})(?!\d)")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Number:
    """One number found in a text.

    ``value`` is the number as written, before any unit: 百分之五 has value 5 and unit
    ``"%"``; 3个百分点 has value 3 and unit ``"百分点"``; 九成 has value 90 and unit ``"%"``.
    ``value_max`` is set for ranges read from one numeral (一两 → 1, 2).
    ``kind`` is ``"number"``, ``"fraction"``, ``"percent"`` or ``"ordinal"``.
    ``approximate`` marks numerals with an unknown digit (二十几万, 500余万).
    """

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    kind: str = "number"
    approximate: bool = False


def fold(text: str) -> str:
    """Full-width to half-width and Traditional numeral characters to Simplified, 1:1."""
    # only runs of foldable characters are translated: most of a document is left as it is
    folded = r.FOLDABLE.sub(_fold_run, text)
    if r.ZERO_RUN_HINT.search(folded):
        folded = r.ZERO_RUN.sub(_zero_run, folded)
    return folded


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(r.FOLD)


def _zero_run(match: re.Match[str]) -> str:
    """二OO三 → 二零零三, 五.零一 → 五点零一: a Latin O between Chinese numerals is a zero and a
    full stop between them a decimal point (one character for one)."""
    return match.group().translate(r.ZERO_RUN_FOLD)


# -- parsing one numeral --------------------------------------------------------------------


def _tokens(numeral: str) -> list[tuple[str, float, str]] | None:
    """Split a folded, space-free numeral into (kind, value, surface) tokens."""
    out: list[tuple[str, float, str]] = []
    i = 0
    while i < len(numeral):
        m = _ARABIC.match(numeral, i)
        if m:
            digits = m.group().replace(",", "").replace("，", "")
            out.append(("a", float(digits), digits))
            i = m.end()
            continue
        char = numeral[i]
        if char in r.DIGITS:
            out.append(("d", r.DIGITS[char], char))
        elif char in r.TENS:
            out.append(("t", r.TENS[char], char))
        elif char in r.SMALL_UNITS:
            out.append(("u", r.SMALL_UNITS[char], char))
        elif char in r.BIG_UNITS:
            out.append(("b", r.BIG_UNITS[char], char))
        elif char == "点":
            out.append(("p", 0, char))
        elif char in r.FUZZY:
            out.append(("f", 0, char))
        else:
            return None
        i += 1
    return out


def _direct_reading(tokens: list[tuple[str, float, str]]) -> float | None:
    """二〇二五 → 2025, 三八 → 38, 壹壹 → 11: digits read one by one."""
    if len(tokens) < 2 or any(kind != "d" for kind, _, _ in tokens):
        return None
    return float("".join(str(int(value)) for _, value, _ in tokens))


class _IntegerReader:
    """Reads the tokens of a Chinese (or mixed) integer left to right, one method per kind
    of token; each returns False when the token cannot stand where it is (百百, 十一十二)."""

    def __init__(self) -> None:
        self.chunks: list[list[float]] = []  # [value, magnitude] per big-unit section already closed
        self.section = 0.0
        self.pending: float | None = None
        self.pending_is_arabic = False
        self.last_small: float | None = None
        self.unit_before_pending: float | None = None
        self.after_zero = False
        self.previous = ""

    def zero(self) -> bool:
        if self.pending is not None:
            return False
        self.after_zero = True
        return True

    def digit(self, kind: str, value: float) -> bool:
        if self.pending is not None:
            return False
        self.pending = value
        self.pending_is_arabic = kind == "a"
        self.unit_before_pending = None if self.after_zero else (self.last_small if self.previous == "u" else None)
        if self.previous == "b" and not self.after_zero:
            self.unit_before_pending = self.chunks[-1][1] if self.chunks else None
        return True

    def tens(self, value: float) -> bool:
        if self.pending is not None or (self.last_small is not None and self.last_small <= 10):
            return False
        self.section += value
        self.last_small = 10
        return True

    def small(self, value: float) -> bool:
        if self.last_small is not None and value >= self.last_small:
            return False
        if self.pending is None:
            # 十 alone opens a number, follows 零 or 万, or (一百十六) follows 百
            if self.previous not in ("", "zero", "b") and not (value == 10 and self.last_small == 100):
                return False
            self.pending = 1
        self.section += self.pending * value
        self.pending, self.last_small, self.after_zero = None, value, False
        return True

    def big(self, value: float) -> bool:
        if self.pending is None and self.section == 0:
            if self.previous != "b" or not self.chunks:
                return False
            self.chunks[-1][0] *= value  # 四万万, 万亿
            self.chunks[-1][1] *= value
        else:
            current = self.section + (self.pending or 0)
            current += sum(c[0] for c in self.chunks if c[1] < value)
            self.chunks = [c for c in self.chunks if c[1] >= value]
            self.chunks.append([current * value, value])
        self.section, self.pending, self.last_small, self.after_zero = 0.0, None, None, False
        return True

    def read(self, kind: str, value: float) -> bool:
        if kind == "f" and self.pending is not None:
            return True  # 500余万: the unknown digit lies below the last one written
        if kind == "d" and value == 0:
            ok = self.zero()
            kind = "zero"
        elif kind in ("d", "a", "f"):
            ok = self.digit(kind, value)
        elif kind == "t":
            ok = self.tens(value)
        elif kind == "u":
            ok = self.small(value)
        elif kind == "b":
            ok = self.big(value)
        else:
            return False
        self.previous = kind
        return ok

    def result(self) -> float:
        pending = self.pending
        if pending is not None and not self.pending_is_arabic and self.unit_before_pending:
            # 两千四百五: a last digit after a unit counts in the next lower place
            pending *= self.unit_before_pending / 10
        return sum(c[0] for c in self.chunks) + self.section + (pending or 0)


def _integer(tokens: list[tuple[str, float, str]]) -> float | None:
    reader = _IntegerReader()
    for kind, value, _ in tokens:
        if not reader.read(kind, value):
            return None
    return reader.result()


@lru_cache(maxsize=8192)
def _parse_folded(numeral: str) -> tuple[float, bool] | None:
    """Value and whether a digit is unknown (多/余/几), for a folded numeral; None if invalid
    (including values too large to be a float). Remembered: a corpus writes few distinct
    numerals (十一五, 两, 三十) many times."""
    parsed = _parse_any(numeral)
    return parsed if parsed is None or math.isfinite(parsed[0]) else None


def _parse_any(numeral: str) -> tuple[float, bool] | None:
    plain = _PLAIN_DECIMAL.fullmatch(numeral)
    if plain:  # 5.2, 1200, 1.3万亿: most numbers in a report
        value = float(plain.group(1))
        for char in plain.group(2):
            value *= r.BIG_UNITS[char]
        return value, False
    text = _SPACES.sub("", numeral)
    sign = 1.0
    if text[:1] in ("-", "负"):
        sign, text = -1.0, text[1:]
    scaled = _scale_suffix(text)
    if scaled is None:
        return None
    text, scale = scaled
    tokens = _tokens(text) if text else None
    if not tokens:
        return None
    fuzzy = any(kind == "f" for kind, _, _ in tokens)
    whole = _decimal_value(tokens)
    if whole is None:
        return None
    return sign * whole * scale, fuzzy


def _scale_suffix(text: str) -> tuple[str, float] | None:
    """The numeral without its exponent or Latin magnitude (1e5, 40k), and that scale."""
    exponent = _EXPONENT.search(text)
    if exponent and exponent.end() == len(text):
        if abs(int(exponent.group(1))) > 300:
            return None
        return text[: exponent.start()], 10.0 ** int(exponent.group(1))
    if text[-1:] in r.SUFFIX_SCALE and text[:-1]:
        return text[:-1], float(r.SUFFIX_SCALE[text[-1]])
    return text, 1.0


def _decimal_value(tokens: list[tuple[str, float, str]]) -> float | None:
    """The value of a numeral's tokens, with at most one decimal point (三点一四, 1.3万亿)."""
    points = [i for i, (kind, _, _) in enumerate(tokens) if kind == "p"]
    if len(points) > 1:
        return None
    if not points:
        direct = _direct_reading(tokens)
        return direct if direct is not None else _integer(tokens)
    head, tail = tokens[: points[0]], tokens[points[0] + 1 :]
    digits = ""
    while tail and tail[0][0] in ("d", "a") and "." not in tail[0][2]:
        digits += tail[0][2] if tail[0][0] == "a" else str(int(tail[0][1]))
        tail = tail[1:]
    if not head or not digits or any(kind != "b" for kind, _, _ in tail):
        return None
    direct = _direct_reading(head)
    integer = direct if direct is not None else _integer(head)
    if integer is None:
        return None
    integer += float("0." + digits)
    for _, value, _ in tail:
        integer *= value
    return integer


def parse_number(numeral: str) -> float | None:
    """The value of one numeral, or None when it is not a well-formed numeral.

    Parameters
    ----------
    numeral : str
        One numeral alone: Arabic (``1,234.5``, full-width digits), Chinese (一千二百万,
        两千四百五, 〇/○ zeros), financial (壹贰叁) or mixed (1.3万亿).

    Returns
    -------
    float or None
        Its value; None for an empty string or anything that is not one numeral.

    Examples
    --------
    >>> parse_number("一千二百万"), parse_number("1.3万亿"), parse_number("两千四百五")
    (12000000.0, 1300000000000.0, 2450.0)
    """
    if not numeral or not numeral.strip():
        return None
    parsed = _parse_folded(fold(numeral).strip())
    return None if parsed is None else parsed[0]


# -- finding numerals in running text --------------------------------------------------------


@lru_cache(maxsize=1)
def _not_number_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(r.NOT_NUMBERS, key=len, reverse=True))))


class _WordSpans:
    """Whether a numeral stands inside one of the NOT_NUMBERS words (一切, 四川 …)."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self.longest = max(map(len, r.NOT_NUMBERS))

    def covers(self, start: int, end: int) -> bool:
        if end - start >= self.longest or not (r.NOT_NUMBER_CHARS & set(self.folded[start:end])):
            return False
        pattern = _not_number_pattern()
        for begin in range(max(0, end - self.longest), start + 1):
            m = pattern.match(self.folded, begin)
            if m and m.end() >= end:
                return True
        return False


def _longest_valid(folded: str, start: int, end: int) -> tuple[int, float, bool] | None:
    """The longest prefix of folded[start:end] that parses, as (end, value, fuzzy)."""
    long_run = _LONG_ARABIC.match(folded, start, end) if end - start > _LONGEST_NUMERAL else None
    if long_run:
        # a run of digits is one number however long: its value is NaN past the float
        # range, and its exact digits stay in the text (``value_text`` of the indicators)
        value = float(long_run.group())
        return long_run.end(), value if math.isfinite(value) else math.nan, False
    end = min(end, start + _LONGEST_NUMERAL)
    whole = _parse_folded(folded[start:end])
    if whole is not None:
        return end, whole[0], whole[1]
    candidate_ends = sorted({end} | {m.end() for m in re.finditer(r"\S(?=\s)|.$", folded[start:end])}, reverse=True)
    for stop in candidate_ends:
        stop = stop if stop == end else start + stop
        parsed = _parse_folded(folded[start:stop])
        if parsed is not None:
            return stop, parsed[0], parsed[1]
    # no prefix on a white-space boundary parses: shrink one character at a time
    for stop in range(end - 1, start, -1):
        parsed = _parse_folded(folded[start:stop])
        if parsed is not None:
            return stop, parsed[0], parsed[1]
    return None


def _percent_suffix(folded: str, end: int, value: float) -> tuple[int, float, str] | None:
    m = r.PERCENT_SUFFIX.match(folded, end)
    if not m:
        return None
    if m.group("pct"):
        return m.end(), value, "%"
    if m.group("permille"):
        return m.end(), value, "‰"
    if m.group("points"):
        return m.end(), value, "百分点"
    suffix = m.group("tenths")
    if suffix.startswith("成"):
        if not 0 < value <= 10:
            return None
        return m.end(), value * 10 + (5 if suffix.endswith("半") else 0), "%"
    if 0 < value < 10:
        return m.end(), value * 10, "%"
    if 10 < value < 100:
        return m.end(), value, "%"
    return None


def find_numbers(text: str, *, folded: str | None = None, quantities_only: bool = False) -> list[Number]:
    """All numbers in ``text``, left to right, with offsets into ``text``.

    Percentages, per-mille, percentage points (百分点, never turned into %), fractions
    (三分之一, 百分之五, 3/5), 成/折, ordinals (第十三, value 13, kind ``"ordinal"``) and
    neighbour-digit ranges (一两名 → 1–2) are recognised; numeral characters inside words
    (一切, 统一, 四川, 陆地) are not numbers. ``folded`` is ``fold(text)`` when the caller
    already has it. ``quantities_only=True`` skips what cannot be a quantity or an ordinal:
    single Chinese digits that no unit, numeral or 第 stands next to (进一步, 三是), which are
    most numeral characters in running text, and years and dates (2024年, 3月5日).

    Parameters
    ----------
    text : str
        The text, any script.
    folded : str, optional
        ``fold(text)`` (full-width digits and zero forms folded, same length as ``text``),
        when the caller already has it.
    quantities_only : bool
        Skip what cannot be a quantity or an ordinal (see above).

    Returns
    -------
    list of Number
        Left to right; ``text[n.start:n.end] == n.text`` for each.

    Examples
    --------
    >>> [(n.text, n.value, n.unit) for n in find_numbers("增长百分之五，新增一千二百万人")]
    [('百分之五', 5.0, '%'), ('一千二百万', 12000000.0, None)]
    """
    if folded is None:
        folded = fold(text)
    found: list[Number] = []
    urls = [(u.start(), u.end()) for u in r.URL.finditer(folded)] if "/" in folded or "www" in folded else []
    words = _WordSpans(folded)
    position = 0
    while True:
        candidate = (_QUANTITY_START if quantities_only else _NUMERAL_START).search(folded, position)
        if candidate is None:
            break
        m = _numeral_at(folded, candidate.start())
        if m is None or m.end() == m.start():
            position = candidate.start() + 1
            continue
        inside_url = next((stop for begin, stop in urls if begin <= m.start() < stop), None)
        if inside_url is not None:
            position = inside_url
            continue
        start = m.start()
        if m.end() - start == 1 and folded[start] in r.DIGITS and folded[start + 1 : start + 2] not in _SPECIAL_AFTER:
            # a lone digit (三个, 进一步): most numerals in running text, read without parsing
            if not words.covers(start, start + 1):
                kind = "ordinal" if start > 0 and folded[start - 1] == r.ORDINAL_BEFORE else "number"
                found.append(Number(start, start + 1, text[start], float(r.DIGITS[folded[start]]), kind=kind))
            position = start + 1
            continue
        if quantities_only and r.DATE_AFTER.match(folded, m.end()) and folded[m.start() - 1 : m.start()] != "第":
            position = m.end()
            continue
        number = _read_at(folded, m.start(), m.end(), words)
        if number is None:
            position = m.start() + 1
            continue
        start, end, value, value_max, unit, kind, fuzzy = number
        found.append(Number(start, end, text[start:end], value, value_max, unit, kind, fuzzy))
        position = end
    return found


#: what may follow a lone digit and change its reading (fraction, percent, 成/折, money)
_SPECIAL_AFTER = frozenset("分%‰个百成折又/^元圆 ")


#: one numeral read in running text: start, end, value, value_max, unit, kind, fuzzy
_Read = tuple[int, int, float, float | None, str | None, str, bool]


def _read_at(folded: str, start: int, end: int, words: _WordSpans) -> _Read | None:
    surface = folded[start:end]
    if folded[end : end + 1] in _SPECIAL_AFTER:
        fraction = _read_fraction(folded, start, end, surface)
        if fraction is not None:
            return fraction
    bare = _SPACES.sub("", surface)
    neighbour = _read_neighbour(start, end, bare)
    if neighbour is not None:
        return neighbour
    parsed = _longest_valid(folded, start, end)
    if parsed is None:
        return None
    end, value, fuzzy = parsed
    if words.covers(start, end):
        return None
    kind = "ordinal" if start > 0 and folded[start - 1] == r.ORDINAL_BEFORE else "number"
    if folded[end : end + 1] in _SPECIAL_AFTER:
        for reader in (_read_mixed, _read_slash, _read_power, _read_money, _read_percent):
            found = reader(folded, start, end, value, fuzzy)
            if found is not None:
                return found
    return start, end, value, None, None, kind, fuzzy


def _read_fraction(folded: str, start: int, end: int, surface: str) -> _Read | None:
    """百分之五, 千分之三 (a bare 百/千/万 before 分之 is per hundred/thousand), 三分之一."""
    fraction = _FRACTION_MARK.match(folded, end)
    numerator = _numeral_at(folded, fraction.end()) if fraction else None
    top = _longest_valid(folded, numerator.start(), numerator.end()) if numerator else None
    if top is None:
        return None
    top_end, top_value, fuzzy = top
    bare = _SPACES.sub("", surface)
    if bare in r.PERCENT_DENOMINATORS:
        return start, top_end, top_value, None, r.PERCENT_DENOMINATORS[bare], "percent", fuzzy
    if bare in r.PER_SCALE:
        return start, top_end, top_value * 100 / r.PER_SCALE[bare], None, "%", "percent", fuzzy
    bottom = _parse_folded(surface)
    if bottom is not None and bottom[0] != 0:
        return start, top_end, top_value / bottom[0], None, None, "fraction", fuzzy
    return None


def _read_neighbour(start: int, end: int, bare: str) -> _Read | None:
    """一两, 两三, 三四百: two neighbouring digits are a range."""
    if bare in r.NEIGHBOUR_DIGITS:
        low, high = r.NEIGHBOUR_DIGITS[bare]
        return start, end, float(low), float(high), None, "number", False
    if len(bare) == 3 and bare[:2] in r.NEIGHBOUR_DIGITS and bare[2] in r.SMALL_UNITS:
        low, high = r.NEIGHBOUR_DIGITS[bare[:2]]
        scale = r.SMALL_UNITS[bare[2]]
        return start, end, float(low * scale), float(high * scale), None, "number", False
    return None


def _read_mixed(folded: str, start: int, end: int, value: float, fuzzy: bool) -> _Read | None:
    """三又三分之一."""
    mixed = _MIXED_FRACTION.match(folded, end)
    below = _numeral_at(folded, mixed.end()) if mixed else None
    if below is None:
        return None
    denominator = _longest_valid(folded, below.start(), below.end())
    mark = _FRACTION_MARK.match(folded, denominator[0]) if denominator else None
    above = _numeral_at(folded, mark.end()) if mark else None
    upper = _longest_valid(folded, above.start(), above.end()) if above else None
    if denominator and upper and denominator[1] != 0:
        frac = upper[1] / denominator[1]
        return start, upper[0], value + frac if value >= 0 else value - frac, None, None, "fraction", fuzzy
    return None


def _read_slash(folded: str, start: int, end: int, value: float, fuzzy: bool) -> _Read | None:
    """3/5 and 1 1/2."""
    slash = _SLASH_FRACTION.match(folded, end)
    if not slash or not folded[start:end].lstrip("-").replace(" ", "").isdigit():
        return None
    bottom_value = float(slash.group(1))
    if not bottom_value:
        return None
    whole = folded[start:end].split()
    if len(whole) == 2 and whole[0].lstrip("-").isdigit():
        frac = float(whole[1]) / bottom_value
        number = float(whole[0])
        return start, slash.end(), number + frac if number >= 0 else number - frac, None, None, "fraction", False
    return start, slash.end(), value / bottom_value, None, None, "fraction", False


def _read_power(folded: str, start: int, end: int, value: float, fuzzy: bool) -> _Read | None:
    """2^5, 2.5^-1 (Arabic numerals only)."""
    power = r.POWER.match(folded, end)
    if not power or any(c in r.DIGITS for c in folded[start:end]):
        return None
    exponent = int(power.group(2)) * (-1 if power.group(1).count("-") % 2 else 1)
    try:
        magnitude = abs(value) ** exponent
    except (OverflowError, ZeroDivisionError):
        return None
    if not math.isfinite(magnitude):
        return None
    return start, power.end(), -magnitude if value < 0 else magnitude, None, None, "number", False


def _read_money(folded: str, start: int, end: int, value: float, fuzzy: bool) -> _Read | None:
    """壹拾壹元壹角捌分: yuan, jiao and fen written out."""
    money = r.YUAN_JIAO_FEN.match(folded, end)
    if not money:
        return None
    cents = r.DIGITS[money.group(1)] * 0.1 + (r.DIGITS[money.group(2)] * 0.01 if money.group(2) else 0)
    return start, money.end(), value + cents, None, "元", "number", fuzzy


def _read_percent(folded: str, start: int, end: int, value: float, fuzzy: bool) -> _Read | None:
    percent = _percent_suffix(folded, end, value)
    if not percent:
        return None
    return start, percent[0], percent[1], None, percent[2], "percent", fuzzy
