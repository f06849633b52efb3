"""Formulations (提法): numbered ones (三个代表, 四个全面, 五位一体, 六稳, 三去一降一补) and
short quoted slogans, counted per document with the offsets of each occurrence
(:func:`formulations`); and keyword in context (:func:`kwic`)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.terms import resources as r

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.script import Conversion

FORMULATION_COLUMNS = ("doc_id", "term", "normalized", "pattern", "count", "start", "end", "starts")
KWIC_COLUMNS = ("doc_id", "start", "end", "left", "match", "right")


_NUMERAL_DIGITS = r.NUMERAL_CHARS + "〇零"


@functools.lru_cache(maxsize=64)
def _numbered_patterns(forms: frozenset[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Patterns for a set of numbered forms, longest first (三个代表重要思想 is not also
    三个代表): the forms to count bare, never followed by a numeral (九五 in 一九九五), and
    the forms of numerals only (九五, 十四五), ambiguous bare, so counted only in quotes.
    The bare pattern starts with the forms themselves, which lets the regex engine jump
    between their first characters; the check for a numeral on the left is the caller's."""
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    bare = [re.escape(f) for f in ordered if not all(c in _NUMERAL_DIGITS for c in f)]
    numeral_only = [re.escape(f) for f in ordered if all(c in _NUMERAL_DIGITS for c in f)]
    return (
        re.compile(f"(?:{'|'.join(bare)})(?![{_NUMERAL_DIGITS}])") if bare else None,
        re.compile(f"[“「\"]({'|'.join(numeral_only)})[”」\"]") if numeral_only else None,
    )


def _leftmost_longest(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Occurrences that do not overlap, taken from the left, the longest at each start."""
    found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
    kept: list[tuple[int, int, str]] = []
    for occurrence in found:
        if not kept or occurrence[0] >= kept[-1][1]:
            kept.append(occurrence)
    return kept


def _numbered_occurrences(s: str, forms: frozenset[str]) -> list[tuple[int, int, str]]:
    bare, quoted = _numbered_patterns(forms)
    found: list[tuple[int, int, str]] = []
    if bare is not None:
        m = bare.search(s)
        while m is not None:
            start = m.start()
            if start and s[start - 1] in _NUMERAL_DIGITS:  # inside a longer numeral
                m = bare.search(s, start + 1)
                continue
            found.append((start, m.end(), m.group()))
            m = bare.search(s, m.end())
    if quoted is not None:
        found += [(m.start(1), m.end(1), m.group(1)) for m in quoted.finditer(s)]
    return _leftmost_longest(found)


def _slogan_occurrences(s: str, forms: frozenset[str]) -> list[tuple[int, int, str]]:
    # a document quotes few slogans: one str.find scan each beats compiling a pattern per document
    found = []
    for form in forms:
        at = s.find(form)
        while at >= 0:
            found.append((at, at + len(form), form))
            at = s.find(form, at + 1)
    return _leftmost_longest(found)


def quoted_forms(simplified: str) -> tuple[set[str], set[str]]:
    """The numbered forms and the other slogans a (Simplified) text writes in quotes."""
    numbered: set[str] = set()
    slogans: set[str] = set()
    for m in r.QUOTED.finditer(simplified):
        inner = next(g for g in m.groups() if g is not None)
        (numbered if r.NUMBERED.fullmatch(inner) else slogans).add(inner)
    return numbered, slogans


def formulations(
    data: str | Corpus | Sequence[str],
    *,
    known: Iterable[str] = (),
    quoted: bool = True,
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Formulations (提法) per document: one row per (document, formulation).

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus.
    known : iterable of str
        Numbered forms to count even where the corpus never quotes them.
    quoted : bool
        Also count the other short quoted slogans (default True).
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``term`` (as written), ``normalized`` (Simplified), ``pattern``,
        ``count``, ``start``/``end`` of the first occurrence and ``starts`` of all of them,
        in the text as given (Traditional texts keep their script in ``term``).

    Notes
    -----
    ``pattern`` says what kind it is: ``numbered`` (a numeral and short words, 三个代表,
    六稳, 三去一降一补) or ``quoted`` (any other short “…” / 「…」 span). A numbered form
    counts in every document once the corpus writes it in quotes at least once (that is
    how reports introduce a 提法) or when it is in ``known``; every occurrence is then
    counted, quoted or not. Another slogan counts in the documents that quote it (all its
    occurrences there).

    Examples
    --------
    >>> formulations("坚持“两个毫不动摇”。两个毫不动摇是基本方针。")[["term", "count"]].values.tolist()
    [['两个毫不动摇', 2]]
    """
    from policytext.corpus import documents_of
    from policytext.script import analysis_text

    doc_ids, texts = documents_of(data)
    conversions = [analysis_text(t, convert) for t in texts]
    found = [quoted_forms(c.text) for c in conversions]
    numbered = frozenset(known).union(*(n for n, _ in found))
    records = []
    for doc_id, conversion, (_, own) in zip(doc_ids, conversions, found):
        records.extend(formulation_records(doc_id, conversion, known=numbered, slogans=own if quoted else ()))
    return records_frame(records, FORMULATION_COLUMNS)


def formulation_records(
    doc_id: Any, conversion: Conversion, *, known: frozenset[str], slogans: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """One document's formulation rows (:func:`formulations` for one text read by
    :func:`policytext.analysis_text`), given the numbered forms the whole corpus knows and
    the other slogans the document quotes (found again when None)."""
    own = quoted_forms(conversion.text)[1] if slogans is None else set(slogans)
    return _count_forms(doc_id, conversion, known, frozenset(own - known))


def _count_forms(
    doc_id: Any, conversion: Conversion, numbered: frozenset[str], slogans: frozenset[str]
) -> list[dict[str, Any]]:
    s, text = conversion.text, conversion.original
    to_original = None if conversion.is_identity else conversion.to_original
    spans: dict[str, list[tuple[int, int]]] = {}
    # the document's own slogans first, then the corpus's numbered forms outside them
    taken = _slogan_occurrences(s, slogans) if slogans else []
    found = list(taken)
    if numbered:
        starts = [a for a, _, _ in taken]
        for occurrence in _numbered_occurrences(s, numbered):
            start, end, _ = occurrence
            k = bisect.bisect_left(starts, end)  # slogans starting before this one ends
            if k and taken[k - 1][1] > start:
                continue
            found.append(occurrence)
    for start, end, form in sorted(found):
        spans.setdefault(form, []).append((start, end) if to_original is None else to_original(start, end))
    records: list[dict[str, Any]] = []
    for form, occurrences in sorted(spans.items(), key=lambda item: (-len(item[1]), item[0])):
        start, end = occurrences[0]
        records.append({
            "doc_id": doc_id, "term": text[start:end], "normalized": form,
            "pattern": "numbered" if form in numbered else "quoted",
            "count": len(occurrences), "start": start, "end": end, "starts": [a for a, _ in occurrences],
        })
    return records


def kwic(
    data: str | Corpus | Sequence[str], term: str, *, window: int = 20, convert: str | bool = "auto"
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (either script) with ``window``
    characters either side, in the original script, with offsets and, for a Corpus, its
    docvars. ``convert`` says how each text is read (:func:`policytext.analysis_text`); the
    term matches as written and in its ``t2s`` form.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus.
    term : str
        The term, in either script.
    window : int
        Characters of context either side.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        :data:`KWIC_COLUMNS`: ``doc_id`` (None for one text, 0, 1 … for a list),
        ``start``/``end`` of the match in the text as given, ``left``, ``match``,
        ``right`` (as written); then, for a Corpus, its docvars.

    Raises
    ------
    ValueError
        When ``term`` is empty.
    policytext.ConfigError
        For a bad ``convert``.

    Examples
    --------
    >>> kwic("實施鄉村振興戰略，推進乡村振兴。", "乡村振兴", window=2)[["match", "left", "right"]].values.tolist()
    [['鄉村振興', '實施', '戰略'], ['乡村振兴', '推進', '。']]
    """

    from policytext.corpus import Corpus, documents_of
    from policytext.script import analysis_text
    from policytext.script import convert as convert_text

    if not term:
        raise ValueError("kwic needs a non-empty term")
    doc_ids, texts = documents_of(data)
    # the term as written and in Simplified: a text read as it is (convert=False) may hold either
    forms = sorted({term, convert_text(term, "t2s")}, key=lambda f: (-len(f), f))
    needle = re.compile("|".join(map(re.escape, forms)))
    records = []
    for doc_id, text in zip(doc_ids, texts):
        conversion = analysis_text(text, convert)
        for m in needle.finditer(conversion.text):
            start, end = conversion.to_original(m.start(), m.end())
            records.append({
                "doc_id": doc_id, "start": start, "end": end, "left": text[max(0, start - window) : start],
                "match": text[start:end], "right": text[end : end + window],
            })
    frame = records_frame(records, KWIC_COLUMNS)
    if isinstance(data, Corpus) and len(frame):
        frame = frame.merge(data.docvars, on="doc_id", how="left")
    return frame
