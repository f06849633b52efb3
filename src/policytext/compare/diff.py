"""What changed from one text to the next: aligned sentences (:func:`diff`), formulations
that came or went (:func:`formulation_changes`) and targets that moved (:func:`target_changes`),
for two documents or for each consecutive pair of years of a corpus.

Both texts are read through :func:`policytext.analysis_text`, so a Traditional and a
Simplified version compare as equals; every offset and every text in the results is in the
text as given. Sentences end at 。！？!? (with closing quotes) or at a line break. When both
texts have numbered headings (:func:`policytext.structure.document_sections`), their top-level
sections are paired first (heading, section type, shared sentences) and sentences pair in
place only inside paired sections; what is left pairs anywhere, as moved where it is out of
order (:func:`policytext.compare.align.align`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from policytext.compare.align import Link, align, edits, sequence_similarity, similarity_matrix

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus, Document
    from policytext.script import Conversion

__all__ = [
    "DIFF_COLUMNS", "FORMULATION_CHANGE_COLUMNS", "TARGET_CHANGE_COLUMNS", "consecutive_pairs", "diff",
    "formulation_changes", "sentence_spans", "target_changes",
]

#: the columns of :func:`diff` for two documents (a corpus diff puts the pair's columns first)
DIFF_COLUMNS = ("op", "text_a", "text_b", "start_a", "end_a", "start_b", "end_b", "similarity", "deleted", "inserted")
#: the columns of :func:`formulation_changes` for two documents
FORMULATION_CHANGE_COLUMNS = (
    "change", "term_a", "term_b", "normalized_a", "normalized_b", "pattern", "count_a", "count_b",
    "start_a", "end_a", "start_b", "end_b", "similarity",
)
#: the columns of :func:`target_changes` for two documents
TARGET_CHANGE_COLUMNS = (
    "target", "change", "written_a", "written_b", "value_a", "value_max_a", "unit_a", "qualifier_a",
    "value_b", "value_max_b", "unit_b", "qualifier_b", "start_a", "end_a", "start_b", "end_b",
    "sentence_a", "sentence_b",
)
_OFFSETS = ("start_a", "end_a", "start_b", "end_b")

# a sentence ends at 。！？!? (or ……) with any closing quotes/brackets, or at a line break
# (headings are lines of their own); the same rule as Corpus.reshape("sentences")
_SENTENCE = re.compile(r"[^\n。！？!?]*(?:(?:[。！？!?]+|……)[”’」』）)]*|(?=\n)|$)")
_SPACE = re.compile(r"\s+")
# a heading compares without its numbers: 2016年工作回顾 and 2017年工作回顾 are the same part
_DIGITS = re.compile(r"[0-9０-９一二三四五六七八九十〇零百]+")
#: the least score of a section pair: (heading similarity + shared sentences) / 2, plus
#: SECTION_TYPE_BONUS when both sections are of the same known type
SECTION_PAIR_MIN = 0.35
SECTION_TYPE_BONUS = 0.25


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as ``(start, end)`` offsets, white space at either end left out.

    A sentence ends after 。！？!? or …… (with any closing quotes or brackets), or at a
    line break.

    Parameters
    ----------
    text : str
        The text.

    Returns
    -------
    list of tuple of int
        ``(start, end)`` of each non-blank sentence, in order.

    Examples
    --------
    >>> text = "一、回顾\\n经济平稳。就业增加！"
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['一、回顾', '经济平稳。', '就业增加！']
    """
    spans = []
    for m in _SENTENCE.finditer(text):
        piece = m.group()
        stripped = piece.strip()
        if stripped:
            start = m.start() + len(piece) - len(piece.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


@dataclass
class _Text:
    """One text prepared for diffing: its analysis text, sentences and top-level sections."""

    conversion: Conversion
    spans: list[tuple[int, int]]
    items: list[str]  # each sentence of the analysis text without white space: what is compared
    section_of: npt.NDArray[np.int64]  # each sentence's top-level section (0: before the first)
    headings: list[tuple[str, str]]  # (heading without numbers, section type) per section, 0 = ("", "")
    _tokens: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None = field(default=None, repr=False)

    def tokens(self) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """Word boundaries in the analysis text (segmented once, when a sentence changed)."""
        if self._tokens is None:
            from policytext.segmentation import segment_conversion

            seg = segment_conversion(self.conversion)
            self._tokens = (np.asarray(seg.analysis_starts, dtype=np.int64), np.asarray(seg.analysis_ends, dtype=np.int64))
        return self._tokens

    def original_span(self, first: int, last: int) -> tuple[int, int]:
        """Sentences ``first`` to ``last - 1`` in the text as given."""
        return self.conversion.to_original(self.spans[first][0], self.spans[last - 1][1])


def _prepare(text: str, convert: str | bool, structure: bool) -> _Text:
    from policytext.script import analysis_text
    from policytext.structure import document_sections

    conversion = analysis_text(text, convert)
    analysis = conversion.text
    spans = sentence_spans(analysis)
    items = [_SPACE.sub("", analysis[s:e]) for s, e in spans]
    found = document_sections(conversion) if structure else []
    top = min((s.level for s in found), default=0)
    tops = [s for s in found if s.level == top]
    starts = [s.start for s in tops]
    section_of = np.searchsorted(np.asarray(starts, dtype=np.int64), [s for s, _ in spans], side="right")
    headings = [("", "")] + [(_DIGITS.sub("", _SPACE.sub("", analysis[s.number_end : s.heading_end])), s.section_type)
                             for s in tops]
    return _Text(conversion, spans, items, section_of.astype(np.int64), headings)


def _section_scores(a: _Text, b: _Text, scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """Score of every pair of top-level sections: heading similarity and the share of their
    sentences with a counterpart in the other (mean of best similarities), plus a bonus for
    the same section type."""
    groups_a, groups_b = len(a.headings), len(b.headings)
    best_in_b = np.zeros((len(a.items), groups_b))  # each sentence of a: best score in each section of b
    best_in_a = np.zeros((groups_a, len(b.items)))
    # sentences come in document order, so each section's are one run: one reduceat per side
    present_b, starts_b = np.unique(b.section_of, return_index=True)
    present_a, starts_a = np.unique(a.section_of, return_index=True)
    if scores.size:
        best_in_b[:, present_b] = np.maximum.reduceat(scores, starts_b, axis=1)
        best_in_a[present_a] = np.maximum.reduceat(scores, starts_a, axis=0)
    size_a = np.bincount(a.section_of, minlength=groups_a)
    size_b = np.bincount(b.section_of, minlength=groups_b)
    sums_a = np.zeros((groups_a, groups_b))
    np.add.at(sums_a, a.section_of, best_in_b)
    sums_b = np.zeros((groups_a, groups_b))
    np.add.at(sums_b.T, b.section_of, best_in_a.T)
    shared = (sums_a + sums_b) / np.maximum(size_a[:, None] + size_b[None, :], 1)
    result = np.zeros((groups_a, groups_b))
    for p, (heading_a, kind_a) in enumerate(a.headings):
        for q, (heading_b, kind_b) in enumerate(b.headings):
            bonus = SECTION_TYPE_BONUS if kind_a == kind_b and kind_a not in ("", "other") else 0.0
            result[p, q] = (sequence_similarity(heading_a, heading_b) + shared[p, q]) / 2 + bonus
    result[size_a == 0, :] = 0.0
    result[:, size_b == 0] = 0.0
    return result


def _allowed(a: _Text, b: _Text, scores: npt.NDArray[np.float32]) -> npt.NDArray[np.bool_] | None:
    """Where sentences may pair in place: inside paired sections (or where either section
    has no partner). None when either text has no headings."""
    if len(a.headings) < 2 or len(b.headings) < 2:
        return None
    pair_scores = _section_scores(a, b, scores)
    partner_a = np.full(len(a.headings), -1)
    partner_b = np.full(len(b.headings), -1)
    order = np.argsort(-pair_scores, axis=None, kind="stable")
    for flat in order.tolist():
        p, q = divmod(flat, len(b.headings))
        if pair_scores[p, q] < SECTION_PAIR_MIN:
            break
        if partner_a[p] < 0 and partner_b[q] < 0:
            partner_a[p], partner_b[q] = q, p
    own_a = partner_a[a.section_of]  # each sentence of a: the section of b paired with its own
    free_a = own_a < 0
    free_b = partner_b[b.section_of] < 0
    return (own_a[:, None] == b.section_of[None, :]) | free_a[:, None] | free_b[None, :]


def _word_spans(text: _Text, first: int, last: int) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The words of sentences ``first`` to ``last - 1`` and their analysis-text offsets."""
    starts, ends = text.tokens()
    lo, hi = text.spans[first][0], text.spans[last - 1][1]
    k0, k1 = np.searchsorted(starts, lo, side="left"), np.searchsorted(ends, hi, side="right")
    s, e = starts[k0:k1], ends[k0:k1]
    analysis = text.conversion.text
    return [analysis[x:y] for x, y in zip(s.tolist(), e.tolist())], s, e


def _span_record(text: _Text, start: int, end: int) -> dict[str, Any]:
    start, end = text.conversion.to_original(start, end)
    return {"start": start, "end": end, "text": text.conversion.original[start:end]}


def _trimmed(x: str, y: str) -> tuple[int, int]:
    """The characters two replaced runs share at their start and at their end: the lexicon
    keeps 农业现代化 whole, so 农业现代化 → 农业农村现代化 is one word replaced by three, and
    what was inserted is 农村."""
    limit = min(len(x), len(y))
    head = 0
    while head < limit and x[head] == y[head]:
        head += 1
    tail = 0
    while tail < limit - head and x[-1 - tail] == y[-1 - tail]:
        tail += 1
    return head, tail


def _word_edits(a: _Text, b: _Text, link: Link) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The deleted and inserted runs of words of a changed link, in the texts as given."""
    words_a, starts_a, ends_a = _word_spans(a, link.a_start, link.a_end)
    words_b, starts_b, ends_b = _word_spans(b, link.b_start, link.b_end)
    deleted, inserted = [], []
    for edit in edits(words_a, words_b):
        lo_a = int(starts_a[edit.a_start]) if edit.a_end > edit.a_start else 0
        hi_a = int(ends_a[edit.a_end - 1]) if edit.a_end > edit.a_start else 0
        lo_b = int(starts_b[edit.b_start]) if edit.b_end > edit.b_start else 0
        hi_b = int(ends_b[edit.b_end - 1]) if edit.b_end > edit.b_start else 0
        head, tail = _trimmed(a.conversion.text[lo_a:hi_a], b.conversion.text[lo_b:hi_b])
        if hi_a - tail > lo_a + head:
            deleted.append(_span_record(a, lo_a + head, hi_a - tail))
        if hi_b - tail > lo_b + head:
            inserted.append(_span_record(b, lo_b + head, hi_b - tail))
    return deleted, inserted


def _record(a: _Text, b: _Text, link: Link) -> dict[str, Any]:
    record: dict[str, Any] = {"op": link.op, "text_a": None, "text_b": None, "start_a": None, "end_a": None,
                              "start_b": None, "end_b": None, "similarity": link.similarity, "deleted": [], "inserted": []}
    if link.a_end > link.a_start:
        start, end = a.original_span(link.a_start, link.a_end)
        record.update(text_a=a.conversion.original[start:end], start_a=start, end_a=end)
    if link.b_end > link.b_start:
        start, end = b.original_span(link.b_start, link.b_end)
        record.update(text_b=b.conversion.original[start:end], start_b=start, end_b=end)
    if link.op in ("changed", "moved", "split", "merged") and link.similarity < 1.0:
        record["deleted"], record["inserted"] = _word_edits(a, b, link)
    return record


@dataclass(frozen=True)
class _Options:
    threshold: float = 0.5
    move_threshold: float = 0.6
    sections: bool = True
    max_join: int = 3
    workers: int = 1


def _diff_texts(a: _Text, b: _Text, options: _Options) -> list[dict[str, Any]]:
    scores = similarity_matrix(a.items, b.items, cutoff=min(options.threshold, options.move_threshold),
                               workers=options.workers)
    allowed = _allowed(a, b, scores) if options.sections else None
    links = align(a.items, b.items, threshold=options.threshold, move_threshold=options.move_threshold,
                  allowed=allowed, max_join=options.max_join, scores=scores)
    return [_record(a, b, link) for link in links]


def _frame(records: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    from policytext.frames import records_frame

    frame = records_frame(records, columns)
    for column in _OFFSETS:
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def _records_of(table: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in row.items()} for row in table.to_dict("records")]


def _text_of(x: str | Document) -> str:
    text = x if isinstance(x, str) else getattr(x, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected a str or a corpus Document, not {type(x).__name__}")
    return text


def _group_columns(group: str | Sequence[str] | None) -> list[str]:
    return [] if group is None else [group] if isinstance(group, str) else list(group)


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value it holds (2018, not np.int64(2018))."""
    return value.item() if isinstance(value, np.generic) else value


def consecutive_pairs(
    corpus: Corpus, *, by: str = "year", group: str | Sequence[str] | None = None
) -> Iterator[tuple[tuple[Any, ...], Any, Any, str, str]]:
    """Each consecutive pair of documents by ``by`` within each group.

    Parameters
    ----------
    corpus : Corpus
    by : str
        The docvar that orders documents (``year``): consecutive values present in the
        group pair up (2019 with 2021 when there is no 2020).
    group : str or list of str
        Docvars whose values form the groups (``province``); none: one group.

    Yields
    ------
    tuple
        ``(group values, value a, value b, doc_id a, doc_id b)``. Documents missing ``by``
        or a group value are left out.

    Raises
    ------
    KeyError
        When a docvar is missing.
    ValueError
        When a group has two documents with the same ``by`` value (naming both).
    """
    columns = _group_columns(group)
    docvars = corpus.docvars
    missing = [c for c in [by, *columns] if c not in docvars.columns]
    if missing:
        raise KeyError(f"diff by {by!r}, group {columns}: no docvar {missing} (have {', '.join(map(str, docvars.columns))})")
    keep = docvars[[by, *columns]].notna().all(axis=1)
    docvars = docvars[keep]
    grouped = docvars.groupby(columns, sort=True) if columns else [((), docvars)]
    for key, rows in grouped:
        values = key if isinstance(key, tuple) else (key,)
        rows = rows.sort_values(by, kind="stable")
        twice = rows[rows[by].duplicated(keep=False)]
        if len(twice):
            value = twice[by].iloc[0]
            same = twice[twice[by] == value]
            where = ", ".join(f"{c}={_plain(v)!r}" for c, v in zip(columns, values)) or "the corpus"
            raise ValueError(f"{where} has {len(same)} documents with {by}={_plain(value)!r} "
                             f"({', '.join(same['doc_id'].astype(str))}): cannot pair consecutive {by}s; "
                             "pass group= to tell them apart or subset the corpus")
        order = list(zip(rows[by].tolist(), rows["doc_id"].astype(str).tolist()))
        for (value_a, doc_a), (value_b, doc_b) in itertools.pairwise(order):
            yield tuple(_plain(v) for v in values), value_a, value_b, doc_a, doc_b


def _pair_prefix(columns: list[str], by: str, pair: tuple[tuple[Any, ...], Any, Any, str, str]) -> dict[str, Any]:
    values, value_a, value_b, doc_a, doc_b = pair
    return {**dict(zip(columns, values)), f"{by}_a": value_a, f"{by}_b": value_b, "doc_id_a": doc_a, "doc_id_b": doc_b}


def _pair_columns(columns: list[str], by: str) -> list[str]:
    return [*columns, f"{by}_a", f"{by}_b", "doc_id_a", "doc_id_b"]


def _texts_by_id(corpus: Corpus) -> dict[str, str]:
    return dict(zip(corpus.doc_ids, corpus.texts))


def diff(
    a: str | Document | Corpus,
    b: str | Document | None = None,
    *,
    by: str = "year",
    group: str | Sequence[str] | None = None,
    convert: str | bool = "auto",
    sections: bool = True,
    threshold: float = 0.5,
    move_threshold: float = 0.6,
    max_join: int = 3,
    workers: int = 1,
) -> pd.DataFrame:
    """What changed from one text to the next, sentence by sentence.

    Parameters
    ----------
    a, b : str or Document
        Two versions of a text (``corpus["doc_id"]`` gives a corpus's Document); or ``a`` a
        :class:`~policytext.Corpus` and no ``b``: each consecutive pair of documents by
        ``by`` within each ``group`` (:func:`consecutive_pairs`).
    by : str
        The docvar that orders a corpus's documents (``year``).
    group : str or list of str
        Docvars that group a corpus (``province``): pairs never cross groups, and a group
        with two documents of one ``by`` value is an error naming both.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).
    sections : bool
        Pair top-level sections first when both texts have numbered headings.
    threshold, move_threshold : float
        The least similarity of a sentence pair in place, and of one anchoring the
        alignment or moved (:func:`policytext.compare.align.align`).
    max_join : int
        The most sentences a split or merged row holds on its longer side.
    workers : int
        Threads for the similarity matrix (``-1``: every core; one was as fast on the
        reports, bench/diff.py).

    Returns
    -------
    pandas.DataFrame
        One row per aligned step, in the order of ``b`` (a removed sentence after the row
        of the sentence before it), with :data:`DIFF_COLUMNS`:

        - ``op``: ``same``, ``changed`` (reworded in place), ``moved`` (its place changed,
          reworded or not), ``split`` (one sentence of ``a`` became consecutive sentences of
          ``b``), ``merged`` (the reverse), ``removed`` or ``added``;
        - ``text_a``/``text_b``: the sentence(s) as written in each text (missing on the side
          without one); ``start_a``/``end_a``/``start_b``/``end_b``: their offsets in the
          texts as given (nullable integers);
        - ``similarity``: ``2·LCS / (len a + len b)`` of the sentences in their analysis
          text, white space left out (NaN for ``added``/``removed``);
        - ``deleted``/``inserted``: for a sentence that is not identical, the runs of words
          deleted from ``a`` and inserted in ``b`` (a word diff; where a run of words
          replaces another, the characters both runs begin or end with are left out:
          农业现代化 → 农业农村现代化 inserted 农村), each a dict ``{"start", "end", "text"}``
          in the texts as given (empty lists otherwise).

        A corpus diff puts ``group`` columns, ``{by}_a``, ``{by}_b``, ``doc_id_a`` and
        ``doc_id_b`` first.

    Examples
    --------
    >>> d = diff("我们坚持稳中求进。经济平稳运行。", "经济平稳运行。我们坚持稳中有进。新增就业。")
    >>> d[["op", "text_b"]].values.tolist()
    [['same', '经济平稳运行。'], ['moved', '我们坚持稳中有进。'], ['added', '新增就业。']]
    >>> d.loc[1, "deleted"], d.loc[1, "inserted"]
    ([{'start': 6, 'end': 7, 'text': '求'}], [{'start': 13, 'end': 14, 'text': '有'}])
    """
    from policytext.corpus import Corpus

    options = _Options(threshold, move_threshold, sections, max_join, workers)
    if not isinstance(a, Corpus):
        if b is None or isinstance(b, Corpus):
            raise TypeError("diff(a, b) takes two texts (str or Document), or diff(corpus, by=...)")
        return _frame(_diff_texts(_prepare(_text_of(a), convert, sections), _prepare(_text_of(b), convert, sections),
                                  options), DIFF_COLUMNS)
    if b is not None:
        raise TypeError("diff(corpus, ...) pairs the corpus's documents by `by`: pass no second text")
    columns = _group_columns(group)
    texts = _texts_by_id(a)
    prepared: dict[str, _Text] = {}
    records = []
    for pair in consecutive_pairs(a, by=by, group=columns):
        doc_a, doc_b = pair[3], pair[4]
        for doc in (doc_a, doc_b):
            if doc not in prepared:
                prepared[doc] = _prepare(texts[doc], convert, sections)
        prefix = _pair_prefix(columns, by, pair)
        records += [{**prefix, **row} for row in _diff_texts(prepared[doc_a], prepared[doc_b], options)]
        prepared.pop(doc_a)  # each document is in at most two pairs, the earlier one done
    return _frame(records, [*_pair_columns(columns, by), *DIFF_COLUMNS])


# -- formulations -------------------------------------------------------------------------


def _reworded(dropped: list[str], added: list[str], threshold: float) -> list[tuple[str, str, float]]:
    """Pairs of a dropped and an added formulation similar enough to be one reworded
    (稳中求进 → 稳中有进, 十三五 → 十四五), best first, one-to-one."""
    scored = sorted(((sequence_similarity(x, y), x, y) for x in dropped for y in added), key=lambda t: (-t[0], t[1], t[2]))
    used: set[str] = set()
    pairs = []
    for score, x, y in scored:
        if score < threshold:
            break
        if x not in used and y not in used:
            used.update((x, y))
            pairs.append((x, y, score))
    return pairs


def _formulation_side(row: dict[str, Any] | None, side: str) -> dict[str, Any]:
    if row is None:
        return {f"term_{side}": None, f"normalized_{side}": None, f"count_{side}": 0, f"start_{side}": None, f"end_{side}": None}
    return {f"term_{side}": row["term"], f"normalized_{side}": row["normalized"], f"count_{side}": int(row["count"]),
            f"start_{side}": int(row["start"]), f"end_{side}": int(row["end"])}


def _formulation_rows(rows_a: dict[str, dict[str, Any]], rows_b: dict[str, dict[str, Any]], analysis_a: str,
                      analysis_b: str, threshold: float) -> list[dict[str, Any]]:
    """Formulations of ``a`` the analysis text of ``b`` never writes (dropped), the reverse
    (added), and the dropped/added pairs that are one formulation reworded (keys and texts
    full-width folded)."""
    dropped = [f for f in rows_a if f not in rows_b and f not in analysis_b]
    added = [f for f in rows_b if f not in rows_a and f not in analysis_a]
    records = []
    for x, y, score in _reworded(dropped, added, threshold):
        records.append({"change": "reworded", **_formulation_side(rows_a[x], "a"), **_formulation_side(rows_b[y], "b"),
                        "pattern": rows_b[y]["pattern"], "similarity": score})
        dropped.remove(x)
        added.remove(y)
    for f in sorted(dropped, key=lambda f: (-rows_a[f]["count"], f)):
        records.append({"change": "dropped", **_formulation_side(rows_a[f], "a"), **_formulation_side(None, "b"),
                        "pattern": rows_a[f]["pattern"], "similarity": float("nan")})
    for f in sorted(added, key=lambda f: (-rows_b[f]["count"], f)):
        records.append({"change": "added", **_formulation_side(None, "a"), **_formulation_side(rows_b[f], "b"),
                        "pattern": rows_b[f]["pattern"], "similarity": float("nan")})
    return records


def _folded(text: str) -> str:
    """A text as formulations compare: full-width forms folded (互联网＋ is 互联网+)."""
    return unicodedata.normalize("NFKC", text)


def _by_doc(table: pd.DataFrame) -> dict[Hashable, dict[str, dict[str, Any]]]:
    """doc_id → folded formulation → its row (the most frequent spelling when two fold alike)."""
    found: dict[Hashable, dict[str, dict[str, Any]]] = {}
    for row in _records_of(table):
        own = found.setdefault(row["doc_id"], {})
        key = _folded(row["normalized"])
        if key not in own or own[key]["count"] < row["count"]:
            own[key] = row
    return found


def formulation_changes(
    a: str | Document | Corpus,
    b: str | Document | None = None,
    *,
    by: str = "year",
    group: str | Sequence[str] | None = None,
    threshold: float = 0.6,
    table: pd.DataFrame | None = None,
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Formulations (提法) present in one text and not the next, or reworded.

    Parameters
    ----------
    a, b : str or Document, or a Corpus and no ``b``
        As in :func:`diff`.
    by, group : str
        As in :func:`diff`.
    threshold : float
        The least similarity (:func:`~policytext.compare.align.sequence_similarity`) of a
        dropped and an added formulation that count as one reworded.
    table : pandas.DataFrame
        ``pt.formulations(corpus)`` when the caller has it (corpus form only).
    convert : "auto", False or an OpenCC config name
        How each text is read.

    Returns
    -------
    pandas.DataFrame
        :data:`FORMULATION_CHANGE_COLUMNS` (a corpus puts the pair's columns first):
        ``change`` is ``reworded``, ``dropped`` (in ``a``, nowhere in ``b``'s text) or
        ``added``; the term as written, its Simplified form, its count and first offsets in
        each text (missing, and count 0, on the side without it); ``pattern`` (``numbered`` or
        ``quoted``, :func:`policytext.formulations`); ``similarity`` for a reworded pair.

    Notes
    -----
    The formulations are those :func:`policytext.formulations` finds in both texts (or the
    corpus) together, so a numbered form quoted in one year is looked for in the other. A
    formulation counts as gone only when the other text does not write it at all, quoted
    or not.

    Examples
    --------
    >>> f = formulation_changes("坚持“稳中求进”，落实“六稳”。", "坚持“稳中有进”，落实“六稳”“六保”。")
    >>> f[["change", "term_b", "count_a", "count_b"]].values.tolist()
    [['reworded', '稳中有进', 1, 1], ['added', '六保', 0, 1]]
    """
    from policytext.corpus import Corpus
    from policytext.script import analysis_text
    from policytext.terms import formulations

    if not isinstance(a, Corpus):
        if b is None or isinstance(b, Corpus):
            raise TypeError("formulation_changes(a, b) takes two texts, or a corpus and no b")
        texts = [_text_of(a), _text_of(b)]
        found = _by_doc(formulations(texts, convert=convert))
        records = _formulation_rows(found.get(0, {}), found.get(1, {}), _folded(analysis_text(texts[0], convert).text),
                                    _folded(analysis_text(texts[1], convert).text), threshold)
        return _frame(records, FORMULATION_CHANGE_COLUMNS)
    columns = _group_columns(group)
    found = _by_doc(formulations(a, convert=convert) if table is None else table)
    by_id = _texts_by_id(a)
    analysis: dict[str, str] = {}
    records = []
    for pair in consecutive_pairs(a, by=by, group=columns):
        for doc in pair[3:]:
            if doc not in analysis:
                analysis[doc] = _folded(analysis_text(by_id[doc], convert).text)
        rows = _formulation_rows(found.get(pair[3], {}), found.get(pair[4], {}), analysis[pair[3]], analysis[pair[4]], threshold)
        records += [{**_pair_prefix(columns, by, pair), **row} for row in rows]
    return _frame(records, [*_pair_columns(columns, by), *FORMULATION_CHANGE_COLUMNS])


# -- targets ------------------------------------------------------------------------------

_TARGET_FIELDS = ("value", "value_max", "unit", "qualifier")


def _same_value(x: Any, y: Any) -> bool:
    import pandas as pd

    if pd.isna(x) and pd.isna(y):
        return True
    return bool(x == y)


def _target_side(row: dict[str, Any] | None, text: str, side: str) -> dict[str, Any]:
    if row is None:
        return {f"{c}_{side}": None for c in ("written", *_TARGET_FIELDS, "start", "end", "sentence")}
    start, end = int(row["start"]), int(row["end"])
    return {f"written_{side}": text[start:end], **{f"{c}_{side}": row[c] for c in _TARGET_FIELDS},
            f"start_{side}": start, f"end_{side}": end, f"sentence_{side}": row["sentence"]}


def _target_rows(rows_a: dict[str, dict[str, Any]], rows_b: dict[str, dict[str, Any]], text_a: str, text_b: str) -> list[dict[str, Any]]:
    """Per target key: ``changed`` (value, range end, unit or qualifier differ), ``dropped``
    (stated in ``a`` only) or ``added``; a target stated alike in both has no row."""
    records = []
    for key in sorted(set(rows_a) | set(rows_b)):
        row_a, row_b = rows_a.get(key), rows_b.get(key)
        if row_a is not None and row_b is not None:
            if all(_same_value(row_a[c], row_b[c]) for c in _TARGET_FIELDS):
                continue
            change = "changed"
        else:
            change = "dropped" if row_b is None else "added"
        records.append({"target": key, "change": change, **_target_side(row_a, text_a, "a"), **_target_side(row_b, text_b, "b")})
    return records


def _targets_by(table: pd.DataFrame, columns: list[str]) -> dict[tuple[Any, ...], dict[str, dict[str, Any]]]:
    found: dict[tuple[Any, ...], dict[str, dict[str, Any]]] = {}
    for row in _records_of(table):
        key = tuple(row[c] for c in columns)
        found.setdefault(key, {})[row["target"]] = row
    return found


def target_changes(
    a: str | Document | Corpus,
    b: str | Document | None = None,
    *,
    by: str = "year",
    group: str | Sequence[str] | None = None,
    patterns: dict[str, tuple[str, str]] | None = None,
    table: pd.DataFrame | None = None,
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Targets (:func:`policytext.compare.targets`) whose value, range or qualifier changed
    from one text to the next, or that one of them does not state.

    Parameters
    ----------
    a, b : str or Document, or a Corpus and no ``b``
        As in :func:`diff`.
    by, group : str
        As in :func:`diff`.
    patterns : dict
        Target keys and their patterns (:func:`policytext.compare.targets`).
    table : pandas.DataFrame
        ``pt.indicators(corpus)`` (or its target candidates) when the caller has it
        (corpus form only).
    convert : "auto", False or an OpenCC config name
        How each text is read.

    Returns
    -------
    pandas.DataFrame
        :data:`TARGET_CHANGE_COLUMNS` (a corpus puts the pair's columns first), one row per
        target key that differs: ``change`` (``changed``, ``dropped``, ``added``), the
        target as written in each text (``written_a``: ``6.5%左右``, ``written_b``:
        ``6%－6.5%``, from its offsets), ``value``, ``value_max``, ``unit``, ``qualifier``,
        offsets and sentence on each side (missing where a text states none).

    Examples
    --------
    >>> t = target_changes("今年主要预期目标是：国内生产总值增长6.5%左右。",
    ...                    "今年主要预期目标是：国内生产总值增长6%－6.5%。")
    >>> t[["target", "change", "written_a", "written_b", "qualifier_b"]].values.tolist()
    [['gdp_growth', 'changed', '6.5%左右', '6%－6.5%', 'range']]
    """
    import pandas as pd

    from policytext.compare.targets import targets
    from policytext.corpus import Corpus

    if not isinstance(a, Corpus):
        if b is None or isinstance(b, Corpus):
            raise TypeError("target_changes(a, b) takes two texts, or a corpus and no b")
        texts = [_text_of(a), _text_of(b)]
        both = Corpus(texts, pd.DataFrame({"doc_id": ["a", "b"], "side": [0, 1]}))
        found = _targets_by(targets(both, by="side", patterns=patterns, convert=convert), ["side"])
        return _frame(_target_rows(found.get((0,), {}), found.get((1,), {}), *texts), TARGET_CHANGE_COLUMNS)
    columns = _group_columns(group)
    stated = targets(a, by=[*columns, by], patterns=patterns, table=table, convert=convert)
    found = _targets_by(stated, [*columns, by])
    by_id = _texts_by_id(a)
    records = []
    for pair in consecutive_pairs(a, by=by, group=columns):
        values, value_a, value_b, doc_a, doc_b = pair
        rows = _target_rows(found.get((*values, value_a), {}), found.get((*values, value_b), {}), by_id[doc_a], by_id[doc_b])
        records += [{**_pair_prefix(columns, by, pair), **row} for row in rows]
    return _frame(records, [*_pair_columns(columns, by), *TARGET_CHANGE_COLUMNS])
