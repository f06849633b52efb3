"""Dates read from a document's text, only where a date belongs.

Chinese policy prose is full of years that are not the document's: plan horizons
(``2035年远景目标``, ``（2021—2025年）``, ``到2030年``), history (``1938年``, ``改革开放四十年``),
the year under review (``2023年工作回顾``), the scraping site's posting line
(``时间：2023-03-30 作者：… 阅读：175``).  A date is read from these places only, and only
when written in words (``2016年5月4日``, ``二〇一六年五月四日``, ``中華民國105年5月4日``), never an
ISO stamp (``2023-03-30 10:15``, a page's posting time) outside a labelled metadata block:

- **header** — in the header (the lines before the body: up to the salutation, the first
  sentence, or :data:`ZONE_CHARS` characters, page furniture left out), a full date that
  opens a meeting or an adoption: ``——2022年1月27日在…人民代表大会第二次会议上``,
  ``（2023年3月13日第十四届全国人民代表大会第一次会议通过）``, ``已经2005年2月2日国务院第80次
  常务会议通过``; or a date line under the title: a full date with nothing after it on
  its line and nothing before it but brackets, dashes or a genre word (``——2005年2月26日``,
  ``（2008年3月27日）``, ``政府工作报告2020年1月9日``);
- **dateline** — such a date line opening the text, above any title; or a labelled date
  of the document in a page's metadata block (``成文日期：2016年5月4日``; never
  ``发布日期``/``时间``, the posting date);
- **document number** — the issuer's own number before the addressee: ``国发〔1983〕5号``
  (not one quoted in brackets or after the colon, which is another document's);
- **signature** — a full date ending the text (trailing page furniture and notes such as
  ``（此件公开发布）`` left out), not part of a sentence (``…自2016年5月4日`` is refused):
  ``国务院 二○○三年十一月八日``, ``2016年5月4日`` as the last line, ``…2016年5月6日印发``.  In
  a transmittal (批转, 转发, 印发 … 的通知) the date signed can be the attached document's;
- **title** — the one title shape whose year is the document's, a government work report
  named by its year (``2024年政府工作报告``, ``米易县2023年人民政府工作报告``), or a title
  holding the date of its speech (``…的讲话（2021年7月1日）``).  Other titled years name the
  period a document is about and can come before or after the year it is issued
  (``关于印发2016年工作要点的通知``, ``2019年统计公报``, ``2023年度报告``): refused.

Everything else — the body, numbers in it, posting lines — is never read for a date, and
neither is a date with a zero-padded month or day (``2023年03月30日``): documents write
``2023年3月30日`` (GB/T 9704), machines stamp pages and exports with the padded form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from policytext.io import date_resources as res
from policytext.io.dates import DateError, DateValue, chinese_number

__all__ = [
    "ZONE_CHARS",
    "TextEvidence",
    "document_number_year",
    "find_dates",
    "furniture_line",
    "header_dates",
    "header_zone",
    "in_horizon",
    "label_dates",
    "place_units",
    "places",
    "read_evidence",
    "scan_copy",
    "signature_date",
    "standalone_years",
    "text_year",
    "title_date",
    "title_lines",
]

#: the header is at most this many characters of the text's beginning (furniture left out)
ZONE_CHARS = 1200
#: a header line longer than this without a sentence end is cut here (run-together headers)
LONG_LINE = 300
#: trailing lines of page furniture skipped when looking for the date signed at the end
TAIL_FURNITURE_LINES = 40
#: a title line is at most this long
TITLE_LINE = 60
#: the date signed is looked for in this many last characters (after notes and furniture)
SIGNATURE_WINDOW = 80

#: what surrounds a date on a line without being words: spaces, brackets, dashes, quotes
_EDGE = " \t　()（）[]【】<>《》—－-–~～·•「」『』\"“”"


def _narrow(m: re.Match[str]) -> str:
    c = m.group()
    return " " if c in "\u3000\xa0" else chr(ord(c) - 0xFEE0)


def scan_copy(text: str) -> str:
    """The copy of a text the date rules read: full-width digits and letters as ASCII, wide
    spaces as spaces (NFKC for texts with other compatibility characters), escapes written
    out as characters (``\\r\\n``) and HTML space entities as what they stand for,
    invisible characters dropped.  Offsets do not map back; only values are taken from it.

    Parameters
    ----------
    text : str
        A text or part of one.

    Returns
    -------
    str
        The normalised copy.
    """
    # NFKC over every text is slow: the patterns accept full-width and ASCII punctuation
    # alike, so only full-width digits, letters and wide spaces are mapped (rare, found fast)
    s = res.ESCAPES.sub("\n", text.replace("\\t", " "))
    s = res.WIDE_FORMS.sub(_narrow, res.INVISIBLE.sub("", res.ENTITIES.sub(" ", s)))
    if res.COMPATIBILITY.search(s):
        s = unicodedata.normalize("NFKC", s)
    return res.QUESTION_RUN.sub(" ", s.replace("\r\n", "\n").replace("\r", "\n"))


def furniture_line(line: str) -> bool:
    """Whether a line is a scraping site's page furniture (a posting line: ``时间：… 作者：…
    阅读：…``, ``来源：``, ``浏览次数：``, ``【打印】``, a web address).

    Parameters
    ----------
    line : str
        One line of a scan copy.

    Returns
    -------
    bool
        True for furniture; its dates are never read.
    """
    return bool(res.POSTING_LABEL_STRONG.search(line)) or len(res.POSTING_LABEL.findall(line)) >= 2


# --- dates in prose --------------------------------------------------------------------------


def find_dates(text: str) -> list[tuple[int, int, DateValue]]:
    """Every date written in prose in ``text``: Arabic, Chinese-numeral and ROC, with or
    without month and day, in order, none overlapping another.

    Parameters
    ----------
    text : str
        A scan copy (:func:`scan_copy`).

    Returns
    -------
    list of (int, int, DateValue)
        Start, end and value of each.
    """
    found: list[tuple[int, int, DateValue]] = []
    taken: list[tuple[int, int]] = []
    for pattern, roc in ((res.ROC_DATE, True), (res.AR_DATE, False), (res.CN_DATE, False)):
        for start, end, value in _matches(pattern, text, roc=roc):
            if not any(start < e and s < end for s, e in taken):
                taken.append((start, end))
                found.append((start, end, value))
    return sorted(found, key=lambda f: f[0])


def _matches(pattern: re.Pattern[str], text: str, *, roc: bool) -> Iterator[tuple[int, int, DateValue]]:
    for m in pattern.finditer(text):
        try:
            year = chinese_number(m.group("y"))
            if roc:
                year += 1911
            month = chinese_number(m.group("m")) if m.group("m") else None
            day = chinese_number(m.group("d")) if m.group("d") else None
            value = DateValue(year, month, day)
        except DateError:
            continue
        if 1800 <= value.year <= 2100:
            yield m.start(), m.end(), value


# --- horizons --------------------------------------------------------------------------------


def in_horizon(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` is a plan horizon or period, not a date:
    part of a span (``2021-2025``, ``（2021—2025年）``), after 到/至/截至 (``到2030年``), or
    before 远景/目标/前 (``2035年远景目标``, ``2030年前``).

    Parameters
    ----------
    text : str
        The text (a file name, a title).
    start, end : int
        Where the year stands.

    Returns
    -------
    bool
        True for a horizon.
    """
    for m in res.YEAR_RANGE.finditer(text):
        if m.start() <= start and end <= m.end() and _real_range(m):
            return True
    return bool(res.HORIZON_BEFORE.search(text[:start]) or res.HORIZON_AFTER.match(text[end:]))


def _real_range(m: re.Match[str]) -> bool:
    """2021-2025 and 2021-25 are spans; 2023-03 (a month) is not."""
    first = m.group(1)
    last = int(m.group(2)) if m.group(2) else int(first[:2] + m.group(3))
    return last > int(first)


def standalone_years(text: str) -> list[int]:
    """The distinct four-digit years (19xx, 20xx) standing alone in ``text`` and not in a
    horizon, in order (full-width digits too).

    Parameters
    ----------
    text : str
        A file name or a title.

    Returns
    -------
    list of int
        The years.
    """
    s = unicodedata.normalize("NFKC", text)
    years: list[int] = []
    for m in res.STANDALONE_YEAR.finditer(s):
        year = int(m.group(1))
        if not in_horizon(s, m.start(), m.end()) and year not in years:
            years.append(year)
    return years


# --- the header ------------------------------------------------------------------------------


def header_zone(head: str) -> str:
    """The header of a text: its first lines up to the salutation (各位代表), the first
    sentence end, or :data:`ZONE_CHARS` characters, page furniture left out.

    Parameters
    ----------
    head : str
        The beginning of the text (raw or scan copy).

    Returns
    -------
    str
        The header's lines, joined by line breaks (a scan copy).
    """
    return _zone(scan_copy(head))


def _zone(copy: str) -> str:
    kept: list[str] = []
    size = 0
    for raw in copy.split("\n"):
        line = raw.strip()
        if not line or furniture_line(line):
            continue
        cut = _body_start(line)
        if cut is not None:
            kept.extend([line[:cut].strip()] if line[:cut].strip() else [])
            break
        kept.append(line)
        size += len(line)
        if size > ZONE_CHARS:
            break
    return "\n".join(kept)


def _body_start(line: str) -> int | None:
    """Where the body starts on a header line (a salutation, the end of a first sentence,
    a run-together header's limit), or None when the line is all header."""
    m = res.SALUTATION.search(line)
    stops = [m.start()] if m else []
    if "。" in line:
        stops.append(line.index("。") + 1)
    if len(line) > LONG_LINE:
        stops.append(LONG_LINE)
    return min(stops) if stops else None


def header_dates(zone: str) -> tuple[list[DateValue], list[DateValue]]:
    """Full dates of the header: those of a meeting or an adoption, and datelines.

    Parameters
    ----------
    zone : str
        The header (:func:`header_zone`).

    Returns
    -------
    list of DateValue, list of DateValue
        The header's dates (a meeting, an adoption, a date line under the title) and the
        datelines opening the text, in order.  Every date of a bracketed adoption note is
        listed (a law adopted in 1989 and revised in 2014 gives both: the text's year is
        then not one).
    """
    header: list[DateValue] = []
    dateline: list[DateValue] = []
    dates = [d for d in find_dates(zone) if d[2].full and not _stamped(zone[d[0]: d[1]])]
    for start, end, value in dates:
        after = zone[end:]
        if res.MEETING_AT.match(after) or res.MEETING_LINE.match(after) or _adopted(zone, start, end):
            header.append(value)
        elif _alone(zone, start, end):
            # after a title it is the header's date line; opening the text, a dateline
            (header if zone[:start].strip(_EDGE) else dateline).append(value)
    return header, dateline


def _stamped(written: str) -> bool:
    """A date with a zero-padded month or day (2023年03月30日) is a machine's stamp — a
    site's posting time, a database export: a document writes its date 2023年3月30日 (GB/T
    9704 has no leading zeros), so the stamp is never taken as the document's date."""
    return bool(res.PADDED_DATE.search(written))


def _adopted(zone: str, start: int, end: int) -> bool:
    """A date of adoption: in a bracketed note (（2023年3月13日…会议通过）) or after 已经."""
    if not res.ADOPTION_AFTER.match(zone[end:]):
        return False
    before = zone[:start]
    opened = before.rfind("（"), before.rfind("(")
    closed = before.rfind("）"), before.rfind(")")
    in_brackets = max(opened) > max(closed)
    return in_brackets or bool(res.ADOPTION_BEFORE.search(before))


def _alone(zone: str, start: int, end: int) -> bool:
    """A dateline: nothing after the date on its line (a weekday aside), nothing before it
    but brackets, dashes or a genre word (政府工作报告2020年1月9日)."""
    line_start = zone.rfind("\n", 0, start) + 1
    line_end = zone.find("\n", end)
    before = zone[line_start:start].strip(_EDGE)
    after = zone[end: len(zone) if line_end < 0 else line_end].strip(_EDGE)
    after = res.WEEKDAY.sub("", after)
    return not after and bool(res.GENRE_BEFORE.fullmatch(before.replace(" ", "")))


def label_dates(head: str) -> list[DateValue]:
    """Dates labelled as the document's own in a page's metadata block (成文日期：…).

    Parameters
    ----------
    head : str
        The beginning of the text.

    Returns
    -------
    list of DateValue
        The full dates so labelled.
    """
    return _label_dates(scan_copy(head))


def _label_dates(copy: str) -> list[DateValue]:
    out = []
    for m in res.LABEL_DATE.finditer(copy):
        dates = find_dates(copy[m.end(): m.end() + 24])
        if dates and dates[0][0] == 0 and dates[0][2].full:
            out.append(dates[0][2])
        else:
            iso = res.ISO_AFTER_LABEL.match(copy[m.end():])
            if iso:
                out.append(DateValue(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))))
    return out


def document_number_year(zone: str) -> int | None:
    """The year of the issuer's own document number in the header (国发〔1983〕5号): the
    first before the addressee's colon and the first sentence end, not in brackets.

    Parameters
    ----------
    zone : str
        The header (:func:`header_zone`).

    Returns
    -------
    int or None
        The year, or None.
    """
    for m in res.DOC_NUMBER.finditer(zone):
        before = zone[: m.start()]
        if res.NUMBER_LABEL.search(before):
            return int(m.group(1))
        if res.PAST_ADDRESSEE.search(before):
            return None  # past the addressee: any number now is another document's
        opened = sum(before.count(c) for c in "（(《") - sum(before.count(c) for c in "）)》")
        if opened <= 0:
            return int(m.group(1))
    return None


# --- the end -----------------------------------------------------------------------------------


def signature_date(tail: str) -> DateValue | None:
    """The full date that ends a text (its signature), if one does.

    Trailing page furniture lines and bracketed notes (``（此件公开发布）``) are skipped;
    a date in brackets on the last line counts.  A date preceded by a word that makes it
    part of a sentence (自, 至, 于, 在 …) does not.

    Parameters
    ----------
    tail : str
        The end of the text.

    Returns
    -------
    DateValue or None
        The date signed.
    """
    return _signature(scan_copy(tail))


def _signature(copy: str) -> DateValue | None:
    lines = copy.rstrip().split("\n")
    for _ in range(TAIL_FURNITURE_LINES):
        if not lines or (lines[-1].strip() and not furniture_line(lines[-1])):
            break
        lines.pop()
    # a date that ends the text stands in its last characters
    text = _strip_notes("\n".join(lines[-8:]).rstrip(" 　\t"))[-SIGNATURE_WINDOW:]
    dates = find_dates(text)
    if not dates:
        return None
    start, end, value = dates[-1]
    rest = res.PRINTED.sub("", text[end:]).strip(" 　\t)）]】")  # 2016年5月6日印发
    if not value.full or rest or _stamped(text[start:end]) or not 1900 <= value.year <= 2100:
        return None
    before = text[:start].rstrip(" 　\t(（[【")
    if not before or before[-1] == "\n":
        return value
    return None if before[-1] in res.SIGNATURE_BLOCKERS else value


def _strip_notes(text: str) -> str:
    """The text without up to two trailing bracketed notes that hold no date."""
    for _ in range(2):
        m = res.TRAILING_NOTE.search(text)
        if m is None or find_dates(m.group()):
            break
        text = text[: m.start()].rstrip(" 　\t")
    return text


# --- titles and places ---------------------------------------------------------------------------


def title_lines(zone: str, limit: int = 3) -> list[str]:
    """The header's first short lines, where a text without a title column has its title.

    Parameters
    ----------
    zone : str
        The header (:func:`header_zone`).
    limit : int
        How many lines.

    Returns
    -------
    list of str
        Up to ``limit`` lines of at most :data:`TITLE_LINE` characters.
    """
    lines = [line.strip() for line in zone.split("\n") if line.strip()]
    return [line for line in lines[:limit] if len(line) <= TITLE_LINE]


def title_date(title: str) -> DateValue | None:
    """The date a title gives the document, in the shapes where it is the document's.

    Parameters
    ----------
    title : str
        The title.

    Returns
    -------
    DateValue or None
        The year of a work report named by its year (``2024年政府工作报告``), or the full
        date of a speech the title dates (``…的讲话（2021年7月1日）``,
        ``2021年7月1日在…大会上的讲话``); None for every other title.
    """
    s = res.TITLE_NOTE.sub("", scan_copy(title).strip()).replace(" ", "")
    if not s or res.YEAR_RANGE.search(s):
        return None
    m = res.TITLE_REPORT_YEAR.fullmatch(s)
    if m is not None and len(set(res.STANDALONE_YEAR.findall(s))) == 1:
        return DateValue(int(m.group(1)))
    full = [(start, end, v) for start, end, v in find_dates(s) if v.full]
    if len(full) != 1:
        return None
    start, end, value = full[0]
    bracketed = s[start - 1: start] in ("（", "(") and s[end:] in ("）", ")")
    return value if bracketed or res.MEETING_AT.match(s[end:]) else None


def place_units(place: str) -> list[str]:
    """The administrative units of a place name: 保定市满城区 → [保定市, 满城区].

    Parameters
    ----------
    place : str
        A place name ending in an administrative suffix.

    Returns
    -------
    list of str
        Its units, largest first.
    """
    return res.PLACE_UNIT.findall(place)


def places(zone: str, titles: list[str]) -> tuple[str, ...]:
    """The places a header's meeting and a work report's title name (在高唐县第十七届人民
    代表大会, 米易县2024年政府工作报告), generic words (本县, 全市) left out.

    Parameters
    ----------
    zone : str
        The header (:func:`header_zone`).
    titles : list of str
        The title, or the header's title lines.

    Returns
    -------
    tuple of str
        The place names, each once.
    """
    found = [m.group("place") for m in res.PLACE_IN_MEETING.finditer(zone)]
    for title in titles:
        m = res.PLACE_IN_TITLE.match(scan_copy(title).strip().replace(" ", ""))
        if m is not None:
            found.append(m.group("place"))
    named = [p for p in found if not any(u[:-1] in res.NOT_PLACES or len(u) < 2 for u in place_units(p))]
    return tuple(dict.fromkeys(named))


# --- all of it ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextEvidence:
    """What a document's own text says about its date, where a date belongs.

    Attributes
    ----------
    header : tuple of DateValue
        Meeting and adoption dates of the header.
    dateline : tuple of DateValue
        Dates standing alone under the title, or labelled as the document's (成文日期).
    document_number : int or None
        The year of its own document number.
    signature : DateValue or None
        The full date ending the text.
    title : DateValue or None
        The date its title gives (:func:`title_date`).
    transmittal : bool
        Whether it transmits another document (批转, 转发, 印发 …), so the date signed
        at the end may be that document's.
    places : tuple of str
        Places its header and title name.
    zone : str
        Its header as read (:func:`header_zone`).
    """

    header: tuple[DateValue, ...] = ()
    dateline: tuple[DateValue, ...] = ()
    document_number: int | None = None
    signature: DateValue | None = None
    title: DateValue | None = None
    transmittal: bool = False
    places: tuple[str, ...] = ()
    zone: str = ""

    def candidates(self, *, usable: bool) -> list[tuple[str, DateValue]]:
        """The text's dates in order of trust, each with where it stands; with ``usable``,
        the signature of a transmittal (perhaps the attachment's) is left out."""
        found: list[tuple[str, DateValue]] = [("header", d) for d in self.header]
        found += [("dateline", d) for d in self.dateline]
        if self.document_number is not None:
            found.append(("document number", DateValue(self.document_number)))
        if self.signature is not None and not (usable and self.transmittal):
            found.append(("signature", self.signature))
        if self.title is not None:
            found.append(("title", self.title))
        return found


def read_evidence(head: str, tail: str, title: str | None = None) -> TextEvidence:
    """Read the places of a text where a date belongs.

    Parameters
    ----------
    head, tail : str
        The beginning and the end of the text.
    title : str, optional
        The title from the metadata; without one, the header's first short lines serve.

    Returns
    -------
    TextEvidence
        What each place says.
    """
    copy = scan_copy(head)
    zone = _zone(copy)
    titles = [title] if title else title_lines(zone)
    header, dateline = header_dates(zone)
    dated = next((d for d in map(title_date, titles) if d is not None), None)
    return TextEvidence(
        header=tuple(header),
        dateline=tuple([*dateline, *_label_dates(copy)]),
        document_number=document_number_year(zone),
        signature=signature_date(tail),
        title=dated,
        transmittal=any(res.TRANSMITTAL.search(t) for t in titles),
        places=places(zone, titles),
        zone=zone,
    )


#: how much of a document's beginning is read as its head (the header with its date, and a
#: scraped page's furniture above it) and of its end as its tail (the date signed)
HEAD_CHARS = 3000
TAIL_CHARS = 2000


def text_year(text: str) -> int | None:
    r"""The year the places of ``text`` where a date belongs agree on (its header, dateline,
    document number, the date signed at its end, its title); None when they name none or
    disagree.

    Parameters
    ----------
    text : str
        A document as read.

    Returns
    -------
    int or None

    Examples
    --------
    >>> text_year("关于甲事项的通知\n各单位：\n现将有关事项通知如下。\n国务院办公厅\n一九八五年十一月十四日")
    1985
    """
    evidence = read_evidence(text[:HEAD_CHARS], text[-TAIL_CHARS:])
    years = {value.year for _, value in evidence.candidates(usable=True)}
    return years.pop() if len(years) == 1 else None
