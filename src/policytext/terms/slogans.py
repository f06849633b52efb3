"""Formulations (提法): numbered ones (三个代表, 四个全面, 五位一体, 六稳, 三去一降一补) and
short quoted slogans, counted per document with the offsets of each occurrence
(:func:`formulations`); and keyword in context (:func:`kwic`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.terms import resources as r

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

FORMULATION_COLUMNS = ("doc_id", "term", "normalized", "pattern", "count", "start", "end", "starts")
KWIC_COLUMNS = ("doc_id", "start", "end", "left", "match", "right")


def _simplified(text: str) -> tuple[str, Any]:
    """``text`` in Simplified and a map of Simplified spans back to ``text``."""
    from policytext.script.detect import contains_traditional

    if not contains_traditional(text):
        return text, None
    from policytext.script.convert import convert_with_offsets

    conversion = convert_with_offsets(text, "t2s")
    return conversion.text, conversion.to_original


@functools.lru_cache(maxsize=256)
def _forms_pattern(forms: frozenset[str]) -> re.Pattern[str]:
    """One pattern for all forms, longest first (三个代表重要思想 is not also 三个代表), never
    inside a longer numeral (九五 in 一九九五). A form of numerals only (九五, 十四五) is
    ambiguous bare, so only its quoted occurrences count."""
    digits = r.NUMERAL_CHARS + "〇零"
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    bare = [re.escape(f) for f in ordered if not all(c in digits for c in f)]
    numeral_only = [re.escape(f) for f in ordered if all(c in digits for c in f)]
    branches = []
    if bare:
        branches.append(rf"(?<![{digits}])(?P<bare>{'|'.join(bare)})(?![{digits}])")
    if numeral_only:
        branches.append(rf"[“「\"](?P<quoted>{'|'.join(numeral_only)})[”」\"]")
    else:
        branches.append("(?P<quoted>(?!))")
    if not bare:
        branches.append("(?P<bare>(?!))")
    return re.compile("|".join(branches))


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
) -> pd.DataFrame:
    """Formulations per document: one row per (document, formulation) with its ``count``,
    the offsets of the first occurrence and ``starts`` of all of them (in the text as
    given, so Traditional texts keep their script in ``term``).

    ``pattern`` says what kind it is: ``numbered`` (a numeral and short words, 三个代表,
    六稳, 三去一降一补) or ``quoted`` (any other short “…” / 「…」 span). A numbered form
    counts in every document once the corpus writes it in quotes at least once (that is
    how reports introduce a 提法) or when it is in ``known``; every occurrence is then
    counted, quoted or not. Another slogan counts in the documents that quote it (all its
    occurrences there). ``quoted=False`` leaves those slogans out.
    """
    from policytext.terms.keyterms import _documents

    doc_ids, texts = _documents(data)
    simplified = [_simplified(t) for t in texts]
    found = [quoted_forms(s) for s, _ in simplified]
    numbered = frozenset(known).union(*(n for n, _ in found))
    records = []
    for doc_id, text, converted, (_, own) in zip(doc_ids, texts, simplified, found):
        records.extend(_count_forms(doc_id, text, converted, numbered, frozenset(own - numbered) if quoted else frozenset()))
    return records_frame(records, FORMULATION_COLUMNS)


def formulation_records(doc_id: Any, text: str, *, known: frozenset[str]) -> list[dict[str, Any]]:
    """One document's formulation rows, given the numbered forms the whole corpus knows
    (the batch pipeline's second pass; :func:`formulations` does the same for a corpus)."""
    converted = _simplified(text)
    _, own = quoted_forms(converted[0])
    return _count_forms(doc_id, text, converted, known, frozenset(own - known))


def _count_forms(
    doc_id: Any, text: str, converted: tuple[str, Any], numbered: frozenset[str], slogans: frozenset[str]
) -> list[dict[str, Any]]:
    s, to_original = converted
    records: list[dict[str, Any]] = []
    if numbered or slogans:
        spans: dict[str, list[tuple[int, int]]] = {}
        taken: list[tuple[int, int]] = []
        # the document's own slogans first (a small pattern), then the corpus's numbered
        # forms (one pattern, compiled once) outside them: 三个代表重要思想 is not also 三个代表
        for forms in (slogans, numbered):
            if not forms:
                continue
            for m in _forms_pattern(forms).finditer(s):
                form = m.group("bare") or m.group("quoted")
                start = m.start("bare") if m.group("bare") else m.start("quoted")
                end = start + len(form)
                if any(a < end and start < b for a, b in taken):
                    continue
                if forms is slogans:
                    taken.append((start, end))
                spans.setdefault(form, []).append((start, end) if to_original is None else to_original(start, end))
        for form, occurrences in sorted(spans.items(), key=lambda item: (-len(item[1]), item[0])):
            start, end = occurrences[0]
            records.append({
                "doc_id": doc_id, "term": text[start:end], "normalized": form,
                "pattern": "numbered" if form in numbered else "quoted",
                "count": len(occurrences), "start": start, "end": end, "starts": [a for a, _ in occurrences],
            })
    return records


def kwic(data: str | Corpus | Sequence[str], term: str, *, window: int = 20) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` (either script) with ``window``
    characters either side, in the original script, with offsets and, for a Corpus, its
    docvars."""

    from policytext.corpus import Corpus
    from policytext.script.convert import convert
    from policytext.terms.keyterms import _documents

    if not term:
        raise ValueError("kwic needs a non-empty term")
    doc_ids, texts = _documents(data)
    needle = re.compile(re.escape(convert(term, "t2s")))
    records = []
    for doc_id, text in zip(doc_ids, texts):
        s, to_original = _simplified(text)
        for m in needle.finditer(s):
            start, end = (m.start(), m.end()) if to_original is None else to_original(m.start(), m.end())
            records.append({
                "doc_id": doc_id, "start": start, "end": end, "left": text[max(0, start - window) : start],
                "match": text[start:end], "right": text[end : end + window],
            })
    frame = records_frame(records, KWIC_COLUMNS)
    if isinstance(data, Corpus) and len(frame):
        frame = frame.merge(data.docvars, on="doc_id", how="left")
    return frame
