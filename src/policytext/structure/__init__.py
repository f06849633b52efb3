"""Document structure: numbered headings and the sections they open.

:func:`sections` reads the numbered headings of each document — 一、 / （一） / 1. / （1） /
第一章 / 第一节 / 第一条 / ①, Chinese or Arabic numerals, either script — with their level,
the span of the section each one opens, its parent, and a ``section_type`` (review, tasks,
plan, government, other) with the cue that decided it. A document without numbered headings
falls back to paragraphs that open with a time cue (过去一年, 今年, 今后五年) and says so in
``cue``. :func:`split` turns a corpus into a corpus of sections, so every verb works per
section. Every offset points into the text as given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from policytext.structure.resources import (
    ACTION_HEADING,
    DOCUMENT_DATE,
    FIRST_CLAUSE_END,
    HEADING_STYLES,
    HEADING_YEAR,
    PARAGRAPH_CUES,
    PART_HEADING_CHARS,
    PART_HEADING_PUNCTUATION,
    REVIEWED_PERIOD,
    SECTION_TYPES,
    STANDALONE_STYLES,
    TYPE_CUES,
)

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.script import Conversion

__all__ = ["SECTION_COLUMNS", "SECTION_TYPES", "Section", "document_sections", "sections", "split"]

SECTION_COLUMNS = (
    "doc_id", "section_id", "level", "number", "heading", "start", "end", "heading_end", "parent", "section_type", "cue",
)
#: a heading is its line, or its line's first sentence when the line runs on into the body
HEADING_CHARS = 60
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
_SENTENCE_END = "。！？；!?;"
_SENTENCE_ENDS = re.compile(r"[。！？!?](?![。！？!?”’」』）)])")


@dataclass(frozen=True)
class Section:
    """One numbered heading and the section it opens, in analysis-text offsets."""

    style: str
    rank: int
    value: int
    start: int  # where the heading's number begins
    number_end: int
    heading_end: int
    end: int = -1
    level: int = 0
    parent: int = -1
    section_type: str = "other"
    cue: str = ""


def _numeral(written: str) -> int:
    """The value of a heading number: 十二, 二十一, 12, １２, ⑤."""
    if "①" <= written <= "⑳":
        return ord(written) - ord("①") + 1
    if written.isdigit():
        return int(written)
    total, current = 0, 0
    for char in written:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS.get(char, 0)
    return total + current


def _heading_end(text: str, after: int, line_end: int) -> int:
    """Where a heading's text ends: its line's end, or the first sentence end when the line
    runs on into the section's body (（一）着力扩大国内需求。…)."""
    if line_end - after <= HEADING_CHARS:
        return line_end
    for k in range(after, min(line_end, after + HEADING_CHARS * 2)):
        if text[k] in _SENTENCE_END:
            return k + 1
    return min(line_end, after + HEADING_CHARS)


def _candidate(text: str, start: int, end: int) -> Section | None:
    for rank, (style, pattern) in enumerate(HEADING_STYLES):
        m = pattern.match(text, start, end)
        if m is None:
            continue
        after = m.end()
        if style == "ar_dot" and after < end and text[after].isdigit():
            return None  # a decimal or a date, not a heading
        if after >= end and style in ("cn_comma", "ar_dot", "circled"):
            return None  # a bare enumerator on its own line is not a heading
        if style in STANDALONE_STYLES and end - after > HEADING_CHARS:
            return None  # 第一，… run on into a paragraph: an enumerated point of running text
        return Section(style, rank, _numeral(m.group("n")), m.start("mark"), after, _heading_end(text, after, end))
    return None


def _in_sequence(found: list[Section]) -> list[Section]:
    """The candidates whose numbers run on (1, 2, 3 … under the same parent): a numbered
    line that breaks its style's sequence is a list item or a quotation, not a heading."""
    kept: list[Section] = []
    stack: list[Section] = []  # the open headings, highest rank first
    last: dict[tuple[str, int], int] = {}  # (style, start of the parent heading) → last number
    for candidate in found:
        while stack and stack[-1].rank >= candidate.rank:
            stack.pop()
        # articles (第N条) are numbered through a whole law, across its chapters
        key = (candidate.style, stack[-1].start if stack and candidate.style != "article" else -1)
        if candidate.value != 1 and candidate.value != last.get(key, 0) + 1:
            continue
        last[key] = candidate.value
        stack.append(candidate)
        kept.append(candidate)
    return kept


def _spans(found: list[Section], length: int) -> list[Section]:
    """Levels (how deep each heading nests under headings of higher styles), section ends
    (the next heading of the same or a higher style) and parents."""
    out: list[Section] = []
    stack: list[int] = []  # indices of the open headings
    for i, section in enumerate(found):
        while stack and found[stack[-1]].rank >= section.rank:
            stack.pop()
        parent = stack[-1] if stack else -1
        end = next((later.start for later in found[i + 1 :] if later.rank <= section.rank), length)
        out.append(replace(section, level=len(stack) + 1, end=end, parent=parent))
        stack.append(i)
    return out


def _is_list(members: list[Section], text: str) -> bool:
    """Whether a run of siblings is a numbered list: most of its items are one sentence
    and nothing more (a section, even run into its paragraph, goes on after its title:
    （一）突出抓好项目建设。今年是…)."""
    if len(members) < 3:
        return False
    single = [len(_SENTENCE_ENDS.findall(text[m.start : m.end].strip())) <= 1 for m in members]
    return sum(single) >= 0.6 * len(members)


def _without_lists(found: list[Section], text: str) -> list[Section]:
    """The headings without numbered lists (:func:`_is_list`): runs of siblings of one
    style under one parent that are the points of a list inside a section, not its parts."""
    spans = _spans(found, len(text))
    runs: dict[tuple[str, int], list[int]] = {}
    for i, section in enumerate(spans):
        runs.setdefault((section.style, section.parent), []).append(i)
    dropped = {i for members in runs.values() if _is_list([spans[i] for i in members], text) for i in members}
    return [section for i, section in enumerate(found) if i not in dropped]


def _heading_cue(heading: str) -> tuple[str, str] | None:
    """The section type a heading's own words give, and the words. A heading that looks
    back and ahead at once (2024年工作回顾和2025年工作安排) gives no single type: its
    sentences decide by their own cues."""
    found = [(kind, m) for kind, pattern in TYPE_CUES if (m := pattern.search(heading))]
    if not found:
        return None
    review = next((m for kind, m in found if kind == "review"), None)
    if review is not None:
        object_end = review.end()
        reviewed = REVIEWED_PERIOD.match(heading, object_end)
        if reviewed is not None:
            object_end = reviewed.end()  # 回顾“十三五”: the period is what is looked back on
        ahead = [m for kind, pattern in TYPE_CUES if kind in ("tasks", "plan")
                 for m in pattern.finditer(heading, object_end)]
        if ahead:  # a look ahead after the look back: both in one part
            return ("other", f"{review.group()}+{ahead[0].group()}")
    return found[0][0], found[0][1].group()


def _own_cue(heading: str, year: int | None) -> tuple[str, str] | None:
    """The type a heading's own words give: those of its first clause (the words of later
    clauses, 综上所述，请说明后续相关规划, make it a numbered paragraph, not a plan), or of the
    whole heading when it looks back and ahead at once (回顾过去五年，展望今后五年)."""
    whole = _heading_cue(heading)
    if whole is not None and whole[0] == "other" and "+" in whole[1]:
        return whole
    clause_end = FIRST_CLAUSE_END.search(heading.strip())
    first_clause = heading.strip()[: clause_end.start() if clause_end else None]
    return _heading_cue(first_clause) or _year_cue(first_clause, year)


def _continues_tasks(sibling: Section, heading: str) -> bool:
    """Whether an uncued heading goes on with this year's work: after a section of tasks
    (unless it names a topic: 关于…), or a call to action after the look back."""
    if heading.startswith("关于"):
        return False
    return sibling.section_type == "tasks" or (sibling.section_type == "review" and bool(ACTION_HEADING.match(heading)))


def _part_headings(text: str) -> list[Section]:
    """Unnumbered part headings (:data:`PART_HEADING_CHARS`): short lines of their own whose
    words give a section type, each a level-0 section up to the next one."""
    found: list[Section] = []
    for start, end in _line_bounds(text):
        line = text[start:end].strip()
        if not 2 <= len(line) <= PART_HEADING_CHARS or PART_HEADING_PUNCTUATION.search(line):
            continue
        if _candidate(text, start, end) is not None:
            continue  # a numbered heading has a place of its own
        cue = _heading_cue(line)
        if cue is not None and cue[0] != "other":
            found.append(Section("unnumbered", -1, 0, start, start, end, level=0, section_type=cue[0],
                                 cue=f"part:{cue[1]}"))
    return [replace(s, end=found[i + 1].start if i + 1 < len(found) else len(text)) for i, s in enumerate(found)]


def _document_year(text: str) -> int | None:
    """The year the document was delivered: a date near its head, else the year the places
    where a date belongs agree on (:func:`policytext.io.textdates.text_year`; None when none)."""
    from policytext.io import text_year

    m = DOCUMENT_DATE.search(text, 0, 400)
    return int(m.group(1)) if m else text_year(text)


def _year_cue(heading: str, year: int | None) -> tuple[str, str] | None:
    """A heading naming the document's own year is this year's work; the year before, a review."""
    m = HEADING_YEAR.search(heading) if year is not None else None
    if m is None:
        return None
    named = int(m.group(1))
    kind = "tasks" if named == year else "review" if named == year - 1 else None  # type: ignore[operator]
    return (kind, m.group()) if kind else None


def _part_at(parts: list[Section], pos: int) -> Section | None:
    return next((part for part in reversed(parts) if part.start <= pos < part.end), None)


def _typed(found: list[Section], text: str, parts: Sequence[Section] = ()) -> list[Section]:
    """Each section's type from its own heading's cue, else its parent's, else the part
    heading it sits under (:func:`_part_headings`); a section without any of these that
    follows a section of this year's tasks at its level continues them (a report's tasks
    run over several parts: 三、把改革开放扎实推向纵深 after 二、2015年工作总体部署)."""
    typed: list[Section] = []
    previous: dict[int, Section] = {}  # the last section seen at each level
    year = _document_year(text)
    for section in found:
        heading = text[section.number_end : section.heading_end]
        cue = _own_cue(heading, year)
        sibling = previous.get(section.level)
        part = _part_at(list(parts), section.start)
        if cue is not None:
            section = replace(section, section_type=cue[0], cue=f"heading:{cue[1]}")
        elif section.parent >= 0 and typed[section.parent].section_type != "other":
            section = replace(section, section_type=typed[section.parent].section_type, cue="parent")
        elif part is not None:
            section = replace(section, section_type=part.section_type, cue=part.cue)
        elif sibling is not None and sibling.parent == section.parent and _continues_tasks(sibling, heading):
            section = replace(section, section_type="tasks", cue="previous")
        typed.append(section)
        previous[section.level] = section
    return typed


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end > start:
            bounds.append((start, end))
        start = end + 1
    return bounds


def _paragraph_sections(text: str) -> list[Section]:
    """Sections opened by paragraphs that begin with a time cue (documents without headings)."""
    found: list[Section] = []
    for start, end in _line_bounds(text):
        for kind, pattern in PARAGRAPH_CUES:
            m = pattern.match(text, start, end)
            if m is not None:
                if not found or found[-1].section_type != kind:
                    found.append(Section("paragraph", 0, 0, start, start, _heading_end(text, start, end), level=1,
                                         section_type=kind, cue=f"paragraph:{m.group().strip()}"))
                break
    return [replace(s, end=found[i + 1].start if i + 1 < len(found) else len(text)) for i, s in enumerate(found)]


def document_sections(conversion: Conversion, *, parts: bool = False) -> list[Section]:
    """The sections of one text read by :func:`policytext.analysis_text`, in analysis-text
    offsets (``conversion.to_original`` maps them back). With ``parts``, the unnumbered part
    headings (level 0, style ``"unnumbered"``) come too, in order of their start."""
    text = conversion.text
    part_sections = _part_headings(text)
    found = [c for start, end in _line_bounds(text) if (c := _candidate(text, start, end)) is not None]
    # numbered lists inside sections are taken out, and the numbering checked again without
    # them (a list of （一）…（九） must not break the run of 第一，第二，… around it)
    kept = _in_sequence(found)
    lists = set(kept) - set(_without_lists(kept, text))
    found = _in_sequence([c for c in found if c not in lists])
    if not found:
        numbered = _paragraph_sections(text)
    else:
        numbered = _typed(_spans(found, len(text)), text, part_sections)
    if not parts:
        return numbered
    return sorted([*part_sections, *numbered], key=lambda s: (s.start, s.level))


def _records(doc_id: Any, conversion: Conversion) -> list[dict[str, Any]]:
    original = conversion.original
    records = []
    for i, section in enumerate(document_sections(conversion)):
        start, end = conversion.to_original(section.start, section.end)
        number_end = conversion.to_original(section.start, section.number_end)[1]
        heading_end = conversion.to_original(section.start, section.heading_end)[1]
        records.append({
            "doc_id": doc_id, "section_id": i, "level": section.level, "number": original[start:number_end].strip(),
            "heading": original[number_end:heading_end].strip(), "start": start, "end": end,
            "heading_end": heading_end, "parent": section.parent, "section_type": section.section_type, "cue": section.cue,
        })
    return records


def sections(data: str | Corpus | Sequence[str], *, convert: str | bool = "auto") -> pd.DataFrame:
    """One row per numbered heading of each document.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        :data:`SECTION_COLUMNS`: ``doc_id``; ``section_id`` (0, 1, … within the document);
        ``level`` (1 for the highest style the document uses); ``number`` as written (一、,
        （一）, 1., 第一章 …); ``heading``; ``start``/``end``, the section in the text as given
        (from its number to the next heading of the same or a higher level);
        ``heading_end``; ``parent`` (the ``section_id`` of the enclosing section, -1 for
        none); ``section_type`` (:data:`SECTION_TYPES`) and ``cue``, what decided it
        (``heading:回顾``, ``parent``, or ``paragraph:过去一年`` for a document without
        numbered headings, whose sections open at paragraphs with a time cue).

    Examples
    --------
    >>> s = sections("一、2023年工作回顾\\n去年…\\n二、2024年政府工作任务\\n（一）扩大内需。…")
    >>> s[["level", "number", "heading", "section_type"]].values.tolist()[:2]
    [[1, '一、', '2023年工作回顾', 'review'], [1, '二、', '2024年政府工作任务', 'tasks']]
    """
    from policytext.corpus import documents_of
    from policytext.frames import records_frame
    from policytext.script import analysis_text

    doc_ids, texts = documents_of(data)
    records = [r for d, t in zip(doc_ids, texts) for r in _records(d, analysis_text(t, convert))]
    return records_frame(records, SECTION_COLUMNS)


def split(corpus: Corpus, *, by: str = "section", level: int = 1, convert: str | bool = "auto") -> Corpus:
    """A corpus of sections: each document cut at its headings of ``level`` (text before
    the first heading becomes a section of its own, number ""), each piece keeping its
    document's docvars plus ``parent_id``, ``section_id``, ``level``, ``number``,
    ``heading``, ``section_type``, ``start`` and ``end`` (offsets in the document).

    Parameters
    ----------
    corpus : Corpus
        The documents.
    by : {"section"}
        What to cut at (only numbered headings, :func:`sections`, so far).
    level : int
        The heading level to cut at (1: the highest style each document uses); deeper
        headings stay inside their section.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`); the pieces keep the
        text as given.

    Returns
    -------
    Corpus
        One document per section, ``doc_id`` ``"{parent_id}#s{n}"``; the text before the
        first heading has ``section_id`` -1, ``number`` and ``heading`` ``""`` and
        ``section_type`` ``"other"`` (left out when blank).

    Raises
    ------
    ValueError
        When ``by`` is not ``"section"``.
    policytext.ConfigError
        For a bad ``convert``.

    Examples
    --------
    >>> from policytext import Corpus
    >>> parts = split(Corpus(["前言\\n一、2023年工作回顾\\n去年…\\n二、2024年政府工作任务\\n扩大内需。"]))
    >>> parts.docvars[["doc_id", "number", "section_type"]].values.tolist()
    [['doc1#s0', '', 'other'], ['doc1#s1', '一、', 'review'], ['doc1#s2', '二、', 'tasks']]
    """
    import pandas as pd

    from policytext.corpus import Corpus

    if by != "section":
        raise ValueError(f"split by {by!r}: only 'section' is known")
    table = sections(corpus, convert=convert)
    table = table[table["level"] == level]
    texts, rows = [], []
    for (doc_id, text), docvars in zip(zip(corpus.doc_ids, corpus.texts), corpus.docvars.to_dict("records")):
        own = table[table["doc_id"] == doc_id]
        cuts = [(0, int(own["start"].iloc[0]) if len(own) else len(text), None)] + [
            (int(s), int(e), r) for s, e, r in zip(own["start"], own["end"], own.to_dict("records"))
        ]
        for k, (start, end, row) in enumerate(cuts):
            if end <= start or (row is None and not text[start:end].strip()):
                continue
            texts.append(text[start:end])
            rows.append({**docvars, "doc_id": f"{doc_id}#s{k}", "parent_id": doc_id,
                         "section_id": -1 if row is None else row["section_id"], "level": level,
                         "number": "" if row is None else row["number"], "heading": "" if row is None else row["heading"],
                         "section_type": "other" if row is None else row["section_type"], "start": start, "end": end})
    return Corpus(texts, pd.DataFrame(rows, columns=[*corpus.docvars.columns, "parent_id", "section_id", "level",
                                                     "number", "heading", "section_type", "start", "end"]))
