"""Policy instruments: supply-side, environmental and demand-side clauses (Rothwell &
Zegveld 1981, in the Chinese adaptation of 赵筱媛 & 苏竣 2007), read with a bundled,
versioned dictionary of cue words (``data/instruments_v1.yaml``) or your own.

:func:`clauses` cuts each document into the units a coder labels — an article (第N条) or a
numbered item (一、/（一）/1.) of a notice where the structure is known, else a sentence —
and :func:`instruments` labels each with its instrument type, subtype and the cue that
decided it. :func:`counts` tallies the labels per document, year or any docvar. Every
offset points into the text as given (Traditional text is read through
:func:`policytext.analysis_text`).
"""

from __future__ import annotations

import functools
import os
import re
import sys
import types
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as package_files
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError
from policytext.instruments.resources import (
    ARTICLE_CHARS,
    BEFORE_MARKER,
    CONTENT,
    CUE_WEIGHT,
    DICTIONARY_FILE,
    HEADING_RUN,
    INLINE_MARKER,
    INLINE_STYLES,
    INSTRUMENT_TYPES,
    ITEM_CHARS,
    ITEM_STYLES,
    MIN_SCORE,
    NONE,
    SENTENCE,
    SENTENCE_ENDS,
    TITLE_WEIGHT,
    WEAK_WEIGHT,
)

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.script import Conversion
    from policytext.structure import Section

__all__ = [
    "CLAUSE_COLUMNS", "COLUMNS", "INSTRUMENT_TYPES", "Clause", "InstrumentDictionary", "Label", "bundled_dictionary",
    "classify", "clauses", "counts", "document_clauses", "instruments", "load_dictionary",
]

#: the columns of :func:`clauses`
CLAUSE_COLUMNS = ("doc_id", "clause_id", "unit", "number", "start", "end", "section", "text")
#: the columns of :func:`instruments`
COLUMNS = (
    "doc_id", "clause_id", "unit", "number", "start", "end", "section", "instrument", "subtype", "label", "cue",
    "cue_start", "cue_end", "score", "cues", "text",
)

_PUNCTUATION = frozenset("，。、；：！？,.;:!?")


@dataclass(frozen=True)
class Clause:
    """One unit a coder labels, in analysis-text offsets: ``unit`` is ``article``, ``item``
    or ``sentence``; ``number_end`` is where its number ends (``start`` for a sentence);
    ``section`` the type of the section it is in (:func:`policytext.sections`)."""

    start: int
    end: int
    unit: str
    number_end: int
    section: str = ""


@dataclass(frozen=True)
class _Marker:
    """Where a numbered part begins: its number's span, its style and how far it may run
    (its section's end for a heading on a line of its own, the line's end inline)."""

    start: int
    number_end: int
    style: str
    limit: int


def _inline_markers(text: str) -> list[_Marker]:
    """Item numbers inside running text that open a clause: after a sentence end, a colon
    or a space, or after a short heading that follows a number of a higher style."""
    found: list[_Marker] = []
    last_end, last_rank = -HEADING_RUN - 1, -1
    for m in INLINE_MARKER.finditer(text):
        style = str(m.lastgroup)
        rank = INLINE_STYLES.index(style)
        start = m.start()
        opens = start == 0 or text[start - 1] in BEFORE_MARKER
        # a heading between two numbers: 一、总体要求（一）… or 第一章　总则第一条…
        near = rank > last_rank and 0 <= start - last_end <= HEADING_RUN
        after_heading = near and not _PUNCTUATION.intersection(text[last_end:start])
        if not (opens or after_heading):
            continue
        line_end = text.find("\n", start)
        found.append(_Marker(start, m.end(), style, len(text) if line_end < 0 else line_end))
        last_end, last_rank = m.end(), rank
    return found


def _markers(text: str, sections: Sequence[Section]) -> list[_Marker]:
    """Every numbered part of a text: the headings :func:`document_sections` finds on lines
    of their own, and the item numbers inside running text that no heading covers."""
    headed = [s for s in sections if s.style != "paragraph"]
    found = [_Marker(s.start, s.number_end, s.style, s.end) for s in headed]
    taken = {s.start for s in headed}
    found += [m for m in _inline_markers(text) if m.start not in taken]
    return sorted(found, key=lambda m: m.start)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` that hold something to read, trimmed."""
    spans = []
    for m in SENTENCE.finditer(text, start, end):
        s, e = _trimmed(text, m.start(), m.end())
        if e > s and CONTENT.search(text, s, e):
            spans.append((s, e))
    return spans


def _segments(text: str, markers: Sequence[_Marker]) -> list[tuple[int, int, _Marker | None]]:
    """The text cut at every numbered part: (start, end, the marker opening it or None for
    text no number opens — a preamble, a paragraph after a list)."""
    segments: list[tuple[int, int, _Marker | None]] = []
    position = 0
    for i, marker in enumerate(markers):
        if marker.start > position:
            segments.append((position, marker.start, None))
        following = markers[i + 1].start if i + 1 < len(markers) else len(text)
        end = max(marker.start, min(following, marker.limit))
        segments.append((marker.start, end, marker))
        position = max(position, end)
    if position < len(text):
        segments.append((position, len(text), None))
    return segments


def _segment_clauses(text: str, start: int, end: int, marker: _Marker | None) -> list[Clause]:
    """One clause for a numbered item or article of a readable length, else its sentences."""
    s, e = _trimmed(text, start, end)
    if marker is not None and marker.style in ITEM_STYLES and e > s and CONTENT.search(text, marker.number_end, e):
        limit = ARTICLE_CHARS if marker.style == "article" else ITEM_CHARS
        if e - s <= limit:
            unit = "article" if marker.style == "article" else "item"
            # words after the item's last sentence are not the item's: a signature and date
            # (国务院　2016年11月2日) or the next part's unnumbered heading, in scraped text
            last = max(text.rfind(p, s, e) for p in SENTENCE_ENDS)
            tail = _sentences(text, last + 1, e) if s <= last < e - 1 else []
            if tail:
                return [Clause(s, last + 1, unit, marker.number_end)] + [Clause(a, b, "sentence", a) for a, b in tail]
            return [Clause(s, e, unit, marker.number_end)]
    return [Clause(a, b, "sentence", a) for a, b in _sentences(text, start, end)]


def _section_type(sections: Sequence[Section], position: int) -> str:
    """The type of the innermost section holding ``position`` ("" outside every section)."""
    inside = [s for s in sections if s.start <= position < s.end]
    return max(inside, key=lambda s: s.start).section_type if inside else ""


def document_clauses(conversion: Conversion) -> list[Clause]:
    """The clauses of one text read by :func:`policytext.analysis_text`, in analysis-text
    offsets (``conversion.to_original`` maps them back).

    An article (第N条) of up to :data:`~policytext.instruments.resources.ARTICLE_CHARS`
    characters, or a numbered item (一、, （一）, 1., （1）, ①) of up to ``ITEM_CHARS``, is
    one clause; longer ones, and text no number opens, are cut into sentences. Numbered
    headings come from :func:`policytext.structure.document_sections`; item numbers inside
    running text (scraped notices without line breaks) are found after a sentence end, a
    colon or a short heading.
    """
    from policytext.structure import document_sections

    text = conversion.text
    sections = document_sections(conversion)
    found = []
    for start, end, marker in _segments(text, _markers(text, sections)):
        for clause in _segment_clauses(text, start, end, marker):
            found.append(Clause(clause.start, clause.end, clause.unit, clause.number_end,
                                _section_type(sections, clause.start)))
    return found


def _clause_record(doc_id: Any, i: int, clause: Clause, conversion: Conversion) -> dict[str, Any]:
    """A clause's row: its offsets, number and text in the text as given."""
    original = conversion.original
    start, end = conversion.to_original(clause.start, clause.end)
    number_end = conversion.to_original(clause.start, clause.number_end)[1] if clause.number_end > clause.start else start
    return {"doc_id": doc_id, "clause_id": i, "unit": clause.unit, "number": original[start:number_end].strip(),
            "start": start, "end": end, "section": clause.section, "text": original[start:end]}


def _clause_records(doc_id: Any, conversion: Conversion) -> list[dict[str, Any]]:
    return [_clause_record(doc_id, i, clause, conversion) for i, clause in enumerate(document_clauses(conversion))]


def clauses(data: str | Corpus | Sequence[str], *, convert: str | bool = "auto") -> pd.DataFrame:
    """One row per clause (the unit :func:`instruments` labels) of each document.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        :data:`CLAUSE_COLUMNS`: ``doc_id``; ``clause_id`` (0, 1, … within the document);
        ``unit`` (``article``, ``item`` or ``sentence``); ``number`` as written (第三条,
        （二）, "" for a sentence); ``start``/``end``, the clause in the text as given;
        ``section``, the type of the section it is in (review, tasks, plan, government,
        other; "" outside every section); ``text``, the clause as written.

    Examples
    --------
    >>> c = clauses("第一条 为了规范管理，制定本办法。\\n第二条 本办法自发布之日起施行。")
    >>> c[["unit", "number", "start", "end"]].values.tolist()
    [['article', '第一条', 0, 17], ['article', '第二条', 18, 34]]
    """
    from policytext.corpus import documents_of
    from policytext.frames import records_frame
    from policytext.script import analysis_text

    doc_ids, texts = documents_of(data)
    records = [r for d, t in zip(doc_ids, texts) for r in _clause_records(d, analysis_text(t, convert))]
    return records_frame(records, CLAUSE_COLUMNS)


# --- the dictionary ---------------------------------------------------------------------


@dataclass(frozen=True)
class InstrumentDictionary:
    """A loaded instrument dictionary, ready to match.

    ``types`` maps each subtype (and ``none``) to its instrument type, ``labels`` to its
    Chinese label, in the dictionary's order; ``cues`` maps each Simplified cue to its
    subtype and weight; ``patterns`` are (regex, subtype, weight); ``version`` and ``name``
    come from the file (empty for a dict)."""

    types: dict[str, str]
    labels: dict[str, str]
    cues: dict[str, tuple[str, float]]
    patterns: tuple[tuple[re.Pattern[str], str, float], ...]
    version: str = ""
    name: str = ""

    @functools.cached_property
    def _cue_regex(self) -> re.Pattern[str] | None:
        # one alternation, longest first: at a position the longest cue wins (技术培训
        # before 技术), so a clause is read once however large the dictionary
        words = sorted(self.cues, key=lambda w: (-len(w), w))
        return re.compile("|".join(map(re.escape, words))) if words else None

    def matches(self, clause: str) -> list[tuple[int, int, str, float]]:
        """(start, end, subtype, weight) of every cue and pattern found in ``clause``,
        without overlaps (the longer match wins, then the earlier), in text order."""
        found: list[tuple[int, int, str, float]] = []
        if self._cue_regex is not None:
            found += [(m.start(), m.end(), *self.cues[m.group()]) for m in self._cue_regex.finditer(clause)]
        for pattern, subtype, weight in self.patterns:
            found += [(m.start(), m.end(), subtype, weight) for m in pattern.finditer(clause) if m.end() > m.start()]
        kept: list[tuple[int, int, str, float]] = []
        for match in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            if all(match[1] <= k[0] or match[0] >= k[1] for k in kept):
                kept.append(match)
        return sorted(kept)


def _words(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ConfigError(f"{where} must be a list of words")
    return [str(v).strip() for v in value if str(v).strip()]


def _patterns(value: Any, where: str) -> list[tuple[str, float]]:
    """(regex, weight) of a list of patterns: a string counts 1, ``{pattern, weight}`` its weight."""
    if value is None:
        return []
    if isinstance(value, (str, Mapping)) or not isinstance(value, Iterable):
        raise ConfigError(f"{where} must be a list of patterns")
    out = []
    for entry in value:
        if isinstance(entry, Mapping):
            try:
                out.append((str(entry["pattern"]), float(entry.get("weight", CUE_WEIGHT))))
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"{where}: {entry!r} needs a 'pattern' and a numeric 'weight'") from exc
        elif str(entry):
            out.append((str(entry), CUE_WEIGHT))
    return out


def _subtype_spec(value: Any, where: str) -> dict[str, Any]:
    """One subtype as {label, cues, weak, patterns}: from a mapping, or a bare list of cues."""
    if isinstance(value, Mapping):
        spec = {"label": str(value.get("label", "")), "cues": _words(value.get("cues"), f"{where}.cues"),
                "weak": _words(value.get("weak"), f"{where}.weak"), "patterns": _patterns(value.get("patterns"), f"{where}.patterns")}
    else:
        spec = {"label": "", "cues": _words(value, where), "weak": [], "patterns": []}
    if not (spec["cues"] or spec["weak"] or spec["patterns"]):
        raise ConfigError(f"{where} has no cues")
    return spec


def _validated(raw: Any, source: str) -> dict[str, dict[str, dict[str, Any]]]:
    """type → subtype → spec, from a dictionary in the bundled file's shape (type →
    {label, subtypes}) or the short one (type → subtype → list of cues)."""
    if not isinstance(raw, Mapping) or not raw:
        raise ConfigError(f"{source}: an instrument dictionary is a mapping of type → subtypes")
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for key, value in raw.items():
        if key in ("version", "name"):
            continue
        if key not in (*INSTRUMENT_TYPES, NONE):
            raise ConfigError(f"{source}: {key!r} is no instrument type ({', '.join((*INSTRUMENT_TYPES, NONE))})")
        if key == NONE:
            out[NONE] = {NONE: _subtype_spec(value, f"{source}: none")}
            continue
        if not isinstance(value, Mapping):
            raise ConfigError(f"{source}: {key!r} needs a mapping of subtypes")
        subtypes = value.get("subtypes", value)
        if not isinstance(subtypes, Mapping) or not subtypes:
            raise ConfigError(f"{source}: {key!r} has no subtypes")
        out[str(key)] = {str(name): _subtype_spec(spec, f"{source}: {key}.{name}") for name, spec in subtypes.items()}
    return out


def _compiled(table: Mapping[str, Mapping[str, Mapping[str, Any]]], version: str = "", name: str = "") -> InstrumentDictionary:
    """The matcher of a validated table: cues in Simplified (a Traditional cue is converted:
    clauses are matched in their analysis text), later entries winning a cue given twice."""
    from policytext.script import convert

    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    cues: dict[str, tuple[str, float]] = {}
    patterns: list[tuple[re.Pattern[str], str, float]] = []
    for kind, subtypes in table.items():
        for subtype, spec in subtypes.items():
            if subtype in types and types[subtype] != kind:
                raise ConfigError(f"subtype {subtype!r} is given under both {types[subtype]!r} and {kind!r}")
            types[subtype], labels[subtype] = kind, spec["label"] or subtype
            cues.update({convert(w, "t2s"): (subtype, WEAK_WEIGHT) for w in spec["weak"]})
            cues.update({convert(w, "t2s"): (subtype, CUE_WEIGHT) for w in spec["cues"]})
            for p, weight in spec["patterns"]:
                try:
                    patterns.append((re.compile(p), subtype, weight))
                except re.error as exc:
                    raise ConfigError(f"pattern {p!r} of {subtype!r} is no regular expression: {exc}") from exc
    return InstrumentDictionary(types, labels, cues, tuple(patterns), version, name)


@functools.lru_cache(maxsize=1)
def _bundled_table() -> tuple[dict[str, dict[str, dict[str, Any]]], str, str]:
    import yaml

    raw = yaml.safe_load(package_files.files("policytext.instruments").joinpath(DICTIONARY_FILE).read_text("utf-8"))
    return _validated(raw, DICTIONARY_FILE), str(raw.get("version", "")), str(raw.get("name", ""))


@functools.lru_cache(maxsize=1)
def bundled_dictionary() -> InstrumentDictionary:
    """The bundled dictionary (``data/instruments_v1.yaml``), read and compiled once, the
    first time it is needed (importing the package reads nothing).

    Returns
    -------
    InstrumentDictionary
    """
    table, version, name = _bundled_table()
    return _compiled(table, version, name)


def _read_dictionary(source: str | os.PathLike[str]) -> Any:
    import yaml

    path = os.fspath(source)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except OSError as exc:
        raise FileNotFoundError(f"instrument dictionary {path!r} cannot be read: {exc}") from exc


def load_dictionary(
    dictionary: str | os.PathLike[str] | Mapping[str, Any] | InstrumentDictionary | None = None, *, replace: bool = False,
) -> InstrumentDictionary:
    """An instrument dictionary: the bundled one, or yours added to it.

    Parameters
    ----------
    dictionary : dict, path of a YAML file, InstrumentDictionary or None
        None for the bundled dictionary. A dict or YAML file in the bundled file's shape
        (``{"supply": {"subtypes": {"talent": {"label": …, "cues": […], "weak": […],
        "patterns": […]}}}}``) or the short one (``{"demand": {"pilot_demo": ["试点", …]}}``);
        a ``none`` entry holds forms of clauses with no instrument.
    replace : bool
        False: your subtypes are added to the bundled ones, replacing a bundled subtype of
        the same name (and your cues win a word both give); True: only yours.

    Returns
    -------
    InstrumentDictionary

    Raises
    ------
    policytext.ConfigError
        When the dictionary names a type other than supply, environment, demand or none,
        a subtype without cues, or a pattern that is no regular expression.
    """
    if dictionary is None:
        return bundled_dictionary()
    if isinstance(dictionary, InstrumentDictionary):
        return dictionary
    if isinstance(dictionary, Mapping):
        raw, source = dictionary, "dictionary"
    else:
        raw, source = _read_dictionary(dictionary), os.fspath(dictionary)
    given = _validated(raw, source)
    if replace:
        return _compiled(given, str(raw.get("version", "")), str(raw.get("name", "")))
    table = {kind: dict(subtypes) for kind, subtypes in _bundled_table()[0].items()}
    for kind, subtypes in given.items():
        for subtype in subtypes:  # a subtype moved to another type leaves its old place
            for own in table.values():
                own.pop(subtype, None)
        table.setdefault(kind, {}).update(subtypes)
    return _compiled(table, f"{_bundled_table()[1]}+own", _bundled_table()[2])


# --- labelling ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    """What a clause was labelled: its ``instrument`` (supply, environment, demand or
    none), ``subtype`` and ``label``; the ``cue`` that decided it and its span in the
    clause (``cue_start``/``cue_end``, -1 for none); ``score``, the winning type's score;
    ``cues``, every cue found (``subtype:cue`` joined by ``;``)."""

    instrument: str
    subtype: str
    label: str
    cue: str
    cue_start: int
    cue_end: int
    score: float
    cues: str


def _scores(found: Sequence[tuple[int, int, str, float]], title_end: int) -> dict[str, float]:
    """Each subtype's score: its cues' weights, doubled in the title."""
    scores: dict[str, float] = {}
    for _, end, subtype, weight in found:
        scores[subtype] = scores.get(subtype, 0.0) + weight * (TITLE_WEIGHT if end <= title_end else 1.0)
    return scores


def _best(scores: Mapping[str, float], found: Sequence[tuple[int, int, str, float]], types: Mapping[str, str]) -> tuple[str, float] | None:
    """The instrument type with the highest score among those holding a full cue (weak cues
    only add to a type a full cue names), ties to the type found first; None for none."""
    first: dict[str, int] = {}
    full: set[str] = set()
    for start, _, subtype, weight in found:
        first.setdefault(types[subtype], start)
        if weight >= CUE_WEIGHT:
            full.add(types[subtype])
    totals: dict[str, float] = {}
    for subtype, score in scores.items():
        if types[subtype] in full and types[subtype] != NONE:
            totals[types[subtype]] = totals.get(types[subtype], 0.0) + score
    if not totals:
        return None
    kind = max(totals, key=lambda k: (totals[k], -first[k]))
    return kind, totals[kind]


def classify(clause: str, dictionary: Any = None, *, title_end: int = 0) -> Label:
    """The instrument of one clause.

    Every cue counts (a weak one half; in the title, ``clause[:title_end]``, twice). Of
    the instrument types with at least one full cue, the one with the highest total wins
    (ties: the one found first), then its subtype with the highest score. A clause whose
    best type scores under 1, or no more than the forms of clauses with no instrument
    (``none``: a header, a lead-in, a result, the government's own conduct), is ``none``.

    Parameters
    ----------
    clause : str
        The clause in Simplified script (read Traditional through
        :func:`policytext.analysis_text` first: the cues are Simplified).
    dictionary : optional
        Anything :func:`load_dictionary` takes (None: the bundled dictionary).
    title_end : int
        Where the clause's title ends (an article's or item's first sentence); 0 for none.

    Returns
    -------
    Label

    Examples
    --------
    >>> label = classify("加大财政投入，设立专项资金支持人才培养。")
    >>> label.instrument, label.subtype, label.cue
    ('supply', 'funding', '财政投入')
    """
    table = load_dictionary(dictionary)
    found = table.matches(clause)
    scores = _scores(found, title_end)
    cues = ";".join(f"{subtype}:{clause[s:e]}" for s, e, subtype, _ in found)
    best = _best(scores, found, table.types)
    if best is None or best[1] < MIN_SCORE or scores.get(NONE, 0.0) >= best[1]:
        return Label(NONE, NONE, table.labels.get(NONE, "无"), "", -1, -1, 0.0 if best is None else best[1], cues)
    kind, score = best
    order = {subtype: i for i, (_, _, subtype, _) in reversed(list(enumerate(found)))}
    subtype = max((s for s in scores if table.types[s] == kind), key=lambda s: (scores[s], -order[s]))
    # the cue shown is the subtype's first full cue (a weak one only when it has none)
    own = [(s, e, w) for s, e, sub, w in found if sub == subtype]
    start, end, _ = next((m for m in own if m[2] >= CUE_WEIGHT), own[0])
    return Label(kind, subtype, table.labels[subtype], clause[start:end], start, end, score, cues)


def _title_end(text: str, clause: Clause) -> int:
    """Where an article's or item's title ends (its first sentence), relative to the
    clause; 0 for a sentence."""
    if clause.unit == "sentence":
        return 0
    ends = [k for k in (text.find(p, clause.number_end, clause.end) for p in SENTENCE_ENDS) if k >= 0]
    return (min(ends) + 1 if ends else clause.end) - clause.start


def _instrument_records(doc_id: Any, conversion: Conversion, table: InstrumentDictionary) -> list[dict[str, Any]]:
    text = conversion.text
    records = []
    for i, clause in enumerate(document_clauses(conversion)):
        label = classify(text[clause.start : clause.end], table, title_end=_title_end(text, clause))
        record = _clause_record(doc_id, i, clause, conversion)
        cue_start = cue_end = -1
        if label.cue_start >= 0:
            cue_start, cue_end = conversion.to_original(clause.start + label.cue_start, clause.start + label.cue_end)
        records.append({
            **record, "instrument": label.instrument, "subtype": label.subtype, "label": label.label, "cue": label.cue,
            "cue_start": cue_start, "cue_end": cue_end, "score": label.score, "cues": label.cues,
        })
    return records


def instruments(
    data: str | Corpus | Sequence[str], *, dictionary: Any = None, replace: bool = False, by: str | Sequence[str] | None = None,
    level: str = "instrument", convert: str | bool = "auto",
) -> pd.DataFrame:
    """One row per clause of each document, labelled with its policy instrument.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus.
    dictionary : dict, path of a YAML file or None
        Your own instrument dictionary (see :func:`load_dictionary`), added to the bundled
        one (``replace=True``: used alone).
    replace : bool
        Use only ``dictionary``, not the bundled one.
    by : str, list of str or None
        When given, the counts per document, year or any docvar instead of the clauses
        (:func:`counts` of the clauses; needs a Corpus for docvars other than ``doc_id``).
    level : "instrument" or "subtype"
        What ``by`` counts.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        :data:`COLUMNS`: the clause (``doc_id``, ``clause_id``, ``unit`` — article, item or
        sentence —, ``number``, ``start``/``end`` in the text as given, ``section``) and its
        label: ``instrument`` (supply, environment, demand or none), ``subtype`` (talent,
        funding, technology, public_services, infrastructure; goal_planning, finance_tax,
        regulation, legal, strategic; procurement, trade, outsourcing, pilot_demo,
        price_subsidy; none), ``label`` (its Chinese name), ``cue`` (the cue that decided
        it, as matched in the Simplified analysis text) and ``cue_start``/``cue_end`` (its
        span in the text as given, -1 for none), ``score``, ``cues`` (every cue found,
        ``subtype:cue;…``) and ``text``, the clause as written.

    Examples
    --------
    >>> t = instruments("一、加大財政投入，設立專項資金。\\n二、開展新能源汽車推廣應用試點。")
    >>> t[["number", "instrument", "subtype", "cue"]].values.tolist()
    [['一、', 'supply', 'funding', '财政投入'], ['二、', 'demand', 'pilot_demo', '推广应用']]
    """
    from policytext.corpus import Corpus, documents_of
    from policytext.frames import records_frame
    from policytext.script import analysis_text, check_convert

    check_convert(convert)
    table = load_dictionary(dictionary, replace=replace)
    doc_ids, texts = documents_of(data)
    records = [r for d, t in zip(doc_ids, texts) for r in _instrument_records(d, analysis_text(t, convert), table)]
    frame = records_frame(records, COLUMNS)
    if by is None:
        return frame
    return counts(frame, by, corpus=data if isinstance(data, Corpus) else None, level=level, dictionary=table)


def counts(
    table: pd.DataFrame, by: str | Sequence[str] = "doc_id", *, corpus: Corpus | None = None, level: str = "instrument",
    share: bool = False, dictionary: Any = None,
) -> pd.DataFrame:
    """Clauses per instrument (or subtype) and per document, year or any docvar.

    Parameters
    ----------
    table : pandas.DataFrame
        The clauses :func:`instruments` labelled.
    by : str or list of str
        ``doc_id`` or docvars of ``corpus`` (``year``, a county …).
    corpus : Corpus, optional
        Where docvars other than those in ``table`` come from.
    level : "instrument" or "subtype"
        One column per instrument type (supply, environment, demand, none) or per subtype.
    share : bool
        Shares of the clauses that hold an instrument (the ``none`` column is left out)
        instead of counts.
    dictionary : optional
        The dictionary the table was labelled with (its subtypes give the columns).

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` columns, ``clauses`` (all clauses of the group),
        then a column per instrument or subtype, in the scheme's order.

    Examples
    --------
    >>> t = instruments(["加大财政投入。严格执法监管。", "开展试点示范。"])
    >>> counts(t)[["doc_id", "clauses", "supply", "environment", "demand", "none"]].values.tolist()
    [[0, 2, 1, 1, 0, 0], [1, 1, 0, 0, 1, 0]]
    """
    import pandas as pd

    if level not in ("instrument", "subtype"):
        raise ConfigError(f"level must be 'instrument' or 'subtype', not {level!r}")
    keys = [by] if isinstance(by, str) else list(by)
    missing = [k for k in keys if k not in table.columns]
    if missing:
        if corpus is None:
            raise ConfigError(f"counts by {missing} need corpus= (they are docvars, not columns of the table)")
        table = table.merge(corpus.docvars[["doc_id", *missing]], on="doc_id", how="left")
    names = load_dictionary(dictionary).types
    column = "instrument" if level == "instrument" else "subtype"
    order = [*INSTRUMENT_TYPES, NONE] if level == "instrument" else [s for s in names if s != NONE] + [NONE]
    order += sorted(set(table[column]) - set(order))
    wide = pd.crosstab([table[k] for k in keys], table[column]).reindex(columns=order, fill_value=0)
    wide.insert(0, "clauses", wide.sum(axis=1))
    if share:
        coded = (wide["clauses"] - wide[NONE]).where(lambda n: n > 0)
        wide = wide.drop(columns=[NONE])
        wide[wide.columns[1:]] = wide[wide.columns[1:]].div(coded, axis=0).fillna(0.0)
    wide.columns.name = None
    return wide.reset_index()


class _CallablePackage(types.ModuleType):
    """This package, callable as :func:`instruments`.

    The package and its main function share a name, and importing the package (``from
    policytext.instruments import counts``) binds ``policytext.instruments`` to the package:
    so that ``pt.instruments(corpus)`` works whatever was imported first, the package itself
    labels when called (and ``pt.instruments.counts`` reaches the rest)."""

    def __call__(self, data: str | Corpus | Sequence[str], **options: Any) -> pd.DataFrame:
        return instruments(data, **options)


sys.modules[__name__].__class__ = _CallablePackage
