"""Keywords per document: TF-IDF (a corpus's own document frequencies, or the bundled
reference IDF for a single text) or TextRank, over policy terms
(:class:`~policytext.terms.PolicyTokenizer`: no function words, numbers, names or fragments
of longer words), minus the document's own place and organisation (its docvars).
:func:`keywords` returns a tidy DataFrame; ``explain=True`` says why each candidate that
would have ranked above the last keyword was left out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError
from policytext.frames import records_frame
from policytext.terms import resources as r
from policytext.terms.docvars import corpus_places, document_exclusions, excluded_by
from policytext.terms.phrases import discover_phrases
from policytext.terms.tally import TermTally
from policytext.terms.tokenize import FRAGMENT_SHARE, PolicyTokenizer, TermSummary

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from policytext.corpus import Corpus

#: ``entity_type`` is set only when ``entities=True`` keeps names among the keywords
KEYWORD_COLUMNS = ("doc_id", "rank", "term", "normalized", "score", "count", "start", "end", "entity_type")
#: what ``keywords(..., explain=True)`` returns: every keyword and every candidate ranked
#: above the last of them that was left out, with the reason
EXPLAIN_COLUMNS = ("doc_id", "rank", "term", "normalized", "score", "count", "kept", "reason", "start", "end")
METHODS = ("tfidf", "textrank")


def phrase_list(phrases: Any, texts: Sequence[str]) -> tuple[str, ...]:
    """Phrases given as words, a :func:`discover_phrases` table, or ``"discover"``."""
    if phrases is None:
        return ()
    if isinstance(phrases, str):
        if phrases != "discover":
            raise ValueError(f"phrases must be 'discover', a list of words or a DataFrame, not {phrases!r}")
        phrases = discover_phrases(list(texts))
    if hasattr(phrases, "columns"):
        return tuple(phrases["phrase"])
    return tuple(phrases)


@dataclass
class Scored:
    """One document's vocabulary with scores and counts, in alphabetical order."""

    terms: list[str]
    scores: np.ndarray
    counts: np.ndarray


def _scored_from_counts(counts: Counter[str], weight: Callable[[str], float]) -> Scored:
    import numpy as np

    terms = sorted(counts)
    n = np.array([counts[t] for t in terms], dtype=float)
    return Scored(terms, n * np.array([weight(t) for t in terms], dtype=float), n)


def _textrank(terms: Sequence[str], *, window: int, damping: float = 0.85, iterations: int = 60) -> dict[str, float]:
    """PageRank over the co-occurrence graph of ``terms`` within ``window`` (deterministic
    power iteration on a sparse matrix)."""
    import numpy as np
    from scipy import sparse

    vocab = sorted(set(terms))
    if not vocab:
        return {}
    index = {t: i for i, t in enumerate(vocab)}
    ids = np.array([index[t] for t in terms], dtype=np.int64)
    rows, cols = [], []
    for k in range(1, window):
        a, b = ids[:-k], ids[k:]
        keep = a != b
        rows += [a[keep], b[keep]]
        cols += [b[keep], a[keep]]
    size = len(vocab)
    if rows:
        row, col = np.concatenate(rows), np.concatenate(cols)
    else:
        row = col = np.zeros(0, dtype=np.int64)
    weights = sparse.coo_matrix((np.ones(len(row)), (row, col)), shape=(size, size)).tocsr()
    out = np.asarray(weights.sum(axis=1)).ravel()
    out[out == 0] = 1
    transition = sparse.diags(1 / out) @ weights
    rank = np.full(size, 1 / size)
    for _ in range(iterations):
        rank = (1 - damping) / size + damping * (transition.T @ rank)
    return {t: float(rank[i]) for t, i in index.items()}


def tfidf_scored(summary: TermSummary, idf: np.ndarray, archive_wide: np.ndarray | None = None) -> Scored:
    """count x (idf - 1) for one document's terms (``idf`` aligned with ``summary.terms``).

    The idf is scikit-learn's smoothed one (:func:`~policytext.terms.tally.smoothed_idf`)
    without its +1, so a term in every document (发展 in every work report) scores 0, and
    so does a term ``archive_wide`` marks (:meth:`~policytext.terms.TermTally.archive_wide`:
    in many documents of the archive) and a term of the genre's common ground (in most of the
    reference reports: :data:`~policytext.terms.resources.GENRE_WIDE_SHARE`; a name kept as
    an entity excepted). A term scoring 0 is no keyword."""
    import numpy as np

    n = summary.counts.astype(float)
    scores = n * (idf - 1)
    if archive_wide is not None:
        scores[archive_wide] = 0.0
    genre = r.genre_wide_terms()
    common = np.fromiter(map(genre.__contains__, summary.terms), dtype=bool, count=len(summary.terms))
    if summary.types:  # a name kept with entities=True is listed however often the genre names it (财政部)
        common &= np.fromiter((t not in summary.types for t in summary.terms), dtype=bool, count=len(summary.terms))
    scores[common] = 0.0
    return Scored(summary.terms, scores, n)


def _best_first(terms: list[str], scores: np.ndarray, *, block: int) -> Iterator[int]:
    """Indices of ``terms`` by descending score, ties in code-point order, sorted a block
    at a time: a ranking that stops after 20 keywords never sorts thousands of terms."""
    import numpy as np

    remaining = np.arange(len(terms))
    while len(remaining):
        if len(remaining) > block:
            kth = len(remaining) - block
            cut = np.partition(scores[remaining], kth)[kth]  # the block-th highest score
            take, remaining = remaining[scores[remaining] >= cut], remaining[scores[remaining] < cut]
        else:
            take, remaining = remaining, remaining[:0]
        values = scores[take].tolist()
        yield from (j for _, _, j in sorted(zip((-v for v in values), (terms[j] for j in take.tolist()), take.tolist())))


def inside_other_words(term: str, count: int, simplified: str) -> bool:
    """Whether the characters of ``term`` (used ``count`` times as a term) stand mostly
    (:data:`~policytext.terms.tokenize.FRAGMENT_SHARE`) inside other words of the text: 电力工程
    twice as a term, seventeen times in 中国|电力|工程顾问|集团公司. Asked only of the few
    candidates a ranking reaches (one substring count each)."""
    return count < (1 - FRAGMENT_SHARE) * simplified.count(term)


def inside_dictionary_word(term: str, simplified: str, dictionary: Callable[[str], int]) -> str | None:
    """The longer word of the segmenter's ``dictionary`` (a word's frequency, 0: none) that
    holds at least :data:`~policytext.terms.tokenize.FRAGMENT_SHARE` of the occurrences of
    ``term`` in the text, where the segmenter cut it apart (经济|强县 for 经济强县, 住院|病房|楼
    for 病房楼); None when there is none. Asked only of the few candidates a ranking reaches."""
    size, occurrences = len(term), simplified.count(term)
    # a fragment has a longer word around nearly every use: past this many uses without
    # one, the answer is no (most keywords are settled within their first uses)
    allowed = (1 - FRAGMENT_SHARE) * occurrences
    held: Counter[str] = Counter()
    known: dict[str, bool] = {}
    bare = 0
    at = simplified.find(term)
    while at >= 0 and bare <= allowed:
        around = {
            simplified[at - left : at + size + right]
            for left in range(min(at, r.DICTIONARY_REACH) + 1) for right in range(r.DICTIONARY_REACH + 1) if left or right
        }
        for word in around.difference(known):
            known[word] = len(word) > size and r.HAN_RUN.fullmatch(word) is not None and dictionary(word) > 0
        hits = [word for word in around if known[word]]
        bare += not hits
        held.update(hits)
        at = simplified.find(term, at + 1)
    if bare > allowed or not held:
        return None
    longer, n = min(held.items(), key=lambda item: (-item[1], item[0]))
    return longer if n >= FRAGMENT_SHARE * occurrences else None


def skip_reason(
    term: str, count: int, simplified: str, exclude: Mapping[str, str] | None, places: Mapping[str, str] | None,
    dictionary: Callable[[str], int] | None, *, named: bool = False,
) -> str | None:
    """Why a scored term is no keyword of its document (None: it is one): a value of the
    document's place and organisation docvars (``exclude``) or a place of the archive
    (``places``); mostly inside other words of the text (``simplified``) or inside one
    longer word of the segmenter's ``dictionary`` that it cut apart; or a common word of
    that dictionary (:data:`~policytext.terms.resources.COMMON_ONCE_FREQ`) used once, no
    word of the policy lexicon and no name kept as an entity (``named``): in a short notice
    every word of the text is a candidate, and one use of 方向, 过渡 or 事宜 says nothing of
    what the notice is about."""
    column = excluded_by(term, exclude) if exclude else None
    if column is not None:
        return f"docvar value ({column})"
    if places and excluded_by(term, places):
        return "entity (place: a place column of the archive)"
    if inside_other_words(term, count, simplified):
        return "fragment (mostly inside other words)"
    if dictionary is None:
        return None
    if count == 1 and not named and dictionary(term) >= r.COMMON_ONCE_FREQ and term not in r.lexicon_words():
        return f"a common word used once (dictionary frequency {dictionary(term)})"
    if longer := inside_dictionary_word(term, simplified, dictionary):
        return f"fragment of {longer} (a dictionary word cut apart)"
    return None


def rank_terms(
    doc_id: Any, text: str, summary: TermSummary, doc: Scored, *, top: int,
    exclude: Mapping[str, str] | None = None, places: Mapping[str, str] | None = None,
    dictionary: Callable[[str], int] | None = None,
) -> list[dict[str, Any]]:
    """The ``top`` keyword records of one document, best first. A term equal to, or
    contained in, a value of ``exclude`` (the document's place and organisation docvars)
    or of ``places`` (the archive's place names) is skipped, and so is a term mostly inside
    other words of the text, or (given the segmenter's ``dictionary``) inside one longer
    dictionary word the segmenter cut apart, or a common word used once (see
    :func:`skip_reason`); terms scoring 0 are none."""
    order = _best_first(doc.terms, doc.scores, block=4 * top + 16)
    # the batch scores the summary's own term list: positions are the same
    position = None if doc.terms is summary.terms else dict(zip(summary.terms, range(len(summary.terms))))
    records: list[dict[str, Any]] = []
    for j in order:
        if doc.scores[j] <= 0:  # in every document, or most of them: says nothing of this one
            break
        term = doc.terms[j]
        named = term in summary.types
        if skip_reason(term, int(doc.counts[j]), summary.simplified, exclude, places, dictionary, named=named):
            continue
        i = j if position is None else position[term]
        start, end = int(summary.starts[i]), int(summary.ends[i])
        records.append({
            "doc_id": doc_id, "rank": len(records) + 1, "term": text[start:end], "normalized": term,
            "score": float(doc.scores[j]), "count": int(doc.counts[j]), "start": start, "end": end,
            "entity_type": summary.types.get(term),
        })
        if len(records) == top:
            break
    return records


def keywords(
    data: str | Corpus | Sequence[str],
    *,
    top: int = 20,
    method: str = "tfidf",
    stopwords: Iterable[str] = r.DEFAULT_STOPWORDS,
    phrases: Any = None,
    userdict: Iterable[str] | None = None,
    window: int = 5,
    fragments: bool = False,
    entities: bool = False,
    exclude_docvars: Iterable[str] | bool | None = None,
    explain: bool = False,
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """The ``top`` keywords of each document, as a tidy DataFrame (:data:`KEYWORD_COLUMNS`).

    A keyword is a term (:class:`~policytext.terms.PolicyTokenizer`: no stopword, procedure
    word, number, number and unit, function word by its part of speech, name, or fragment
    of a longer word) that is not the document's own place or organisation.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus (``doc_id`` from its docvars).
    top : int
        Keywords per document.
    method : {"tfidf", "textrank"}
        ``"tfidf"`` weighs counts by the corpus's own document frequencies (for a single
        text, by the bundled reference table); ``"textrank"`` ranks terms by PageRank over
        co-occurrence within ``window`` terms.
    stopwords : tier names or words
        ``("function", "filler", "procedure")`` by default; a set of words of your own
        replaces them.
    phrases : list of str, a :func:`discover_phrases` table, or "discover"
        Multiword terms kept whole (``"discover"`` finds them in ``data`` first).
    userdict : iterable of str
        Extra words for the segmenter (jieba dictionary lines).
    window : int
        TextRank's co-occurrence window.
    fragments : bool
        Keep terms that mostly (80%) occur inside one longer word of the same text (本强基
        inside 固本强基, 一步 inside 进一步); left out by default.
    entities : bool
        Keep names of people, places and organisations (``entity_type`` says which);
        left out by default (:func:`policytext.entities` lists them).
    exclude_docvars : list of column names, or False
        A term equal to, or contained in, the value of the document's place or organisation
        columns (region, province, city, county, district, department, 地区, 省份, 所属城市,
        区县名称, 部门 …) is never its keyword, and the values of the archive's place columns
        are places in every document; name more columns here (a grouping column), or pass
        False to use none. Titles and file names are never such columns.
    explain : bool
        Return, instead, every keyword and every candidate that would have ranked above
        the last keyword but was left out, with why (:data:`EXPLAIN_COLUMNS`; TF-IDF only).
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``rank``, ``term`` (the first occurrence as written: Traditional stays
        Traditional), ``normalized`` (its Simplified form), ``score``, ``count``,
        ``start``/``end`` of the first occurrence in the text as given, and
        ``entity_type`` (with ``entities=True``).

    Raises
    ------
    policytext.ConfigError
        For an unknown ``method``, ``top`` below 1, ``explain`` with TextRank, or a bad
        ``convert``/``backend``.

    Examples
    --------
    The project's name is one term, written as the text writes it; its parts are not
    keywords of their own:

    >>> table = keywords("实施固本强基工程。固本强基工程覆盖全县。", top=3)
    >>> table["term"].tolist()
    ['固本强基工程']
    """
    if method not in METHODS:
        raise ConfigError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if top < 1:
        raise ConfigError(f"top must be at least 1, not {top}")
    if explain and method != "tfidf":
        raise ConfigError("explain=True explains the TF-IDF ranking: use method='tfidf'")
    from policytext.corpus import documents_of

    doc_ids, texts = documents_of(data)
    words = phrase_list(phrases, texts) + tuple(userdict or ())
    tokenizer = PolicyTokenizer(
        stopwords=stopwords, phrases=words, backend=backend, convert=convert, entities=entities, fragments=fragments
    )
    exclusions = document_exclusions(data, exclude_docvars)
    places = {} if entities or exclude_docvars is False else dict.fromkeys(corpus_places(data), "place of the archive")
    if explain:
        return _explained(data, doc_ids, texts, tokenizer, top, exclusions, places)
    summaries, scored = _scored(data, texts, tokenizer, method, window)
    tokenizer.forget()
    records = []
    for doc_id, text, summary, doc, exclude in zip(doc_ids, texts, summaries, scored, exclusions):
        records.extend(rank_terms(
            doc_id, text, summary, doc, top=top, exclude=exclude, places=places, dictionary=tokenizer.dictionary_frequency
        ))
    return records_frame(records, KEYWORD_COLUMNS)


def _scored(
    data: Any, texts: Sequence[str], tokenizer: PolicyTokenizer, method: str, window: int
) -> tuple[list[TermSummary], list[Scored]]:
    """Each document's term summary and its scored terms."""
    from policytext.corpus import counted_documents

    if method == "tfidf":
        summaries = [tokenizer.summary(text) for text in texts]
        tally = TermTally()
        ids = tally.add_all(summaries, counted=counted_documents(data))  # duplicates not counted twice
        return summaries, [tfidf_scored(s, tally.idf(i), tally.archive_wide(i)) for s, i in zip(summaries, ids)]
    tokens = [tokenizer.terms(text) for text in texts]
    scored = []
    for doc_tokens in tokens:
        ranks = _textrank(doc_tokens.terms, window=window)
        scored.append(_scored_from_counts(Counter(doc_tokens.terms), ranks.__getitem__))
    return [TermSummary.of(t) for t in tokens], scored


def _explained(
    data: Any, doc_ids: list[Any], texts: Sequence[str], tokenizer: PolicyTokenizer, top: int,
    exclusions: list[dict[str, str]], places: Mapping[str, str],
) -> pd.DataFrame:
    """:func:`keywords` with ``explain=True``: the keywords (scored exactly as without it)
    and, between them, the candidates left out and why (scored with their document
    frequency among all words)."""
    import numpy as np

    from policytext.corpus import counted_documents

    judged = [tokenizer.judge(tokenizer.segment(text)) for text in texts]
    counted = counted_documents(data)
    kept_tally, all_tally = TermTally(), TermTally()
    records: list[dict[str, Any]] = []
    parts = []
    for found, flag in zip(judged, counted):
        kept = Counter(found.terms)  # the terms, compounds joined, as keywords() counts them
        dropped = Counter({w: n for w, n in found.counts.items() if found.reasons.get(w) is not None})
        every = kept + dropped
        parts.append((kept, kept_tally.add(list(kept), list(kept.values()), count=flag),
                      every, all_tally.add(list(every), list(every.values()), count=flag)))
    for doc_id, text, found, (kept, kept_ids, every, all_ids), exclude in zip(doc_ids, texts, judged, parts, exclusions):
        score = dict(zip(every, np.array(list(every.values()), dtype=float) * (all_tally.idf(all_ids) - 1)))
        score.update(zip(kept, np.array(list(kept.values()), dtype=float) * (kept_tally.idf(kept_ids) - 1)))
        wide = {t for t, w in zip(kept, kept_tally.archive_wide(kept_ids).tolist()) if w}
        records.extend(_explain_rows(
            doc_id, text, found, every, score, _first_spans(found), top, exclude, places, tokenizer.dictionary_frequency,
            wide, kept_tally.documents,
        ))
    tokenizer.forget()
    frame = records_frame(records, EXPLAIN_COLUMNS)
    frame["rank"] = frame["rank"].astype("Int64")
    return frame


def _first_spans(found: Any) -> dict[str, tuple[int, int]]:
    """Where each candidate word and each term first occurs, in the text as given."""
    spans: dict[str, tuple[int, int]] = {}
    for word, start, end in zip(found.words, found.starts.tolist(), found.ends.tolist()):
        spans.setdefault(word, (start, end))
    for term, start, end in zip(found.terms, found.term_starts.tolist(), found.term_ends.tolist()):
        if term not in spans or spans[term][0] > start:
            spans[term] = (start, end)
    return spans


def _explain_rows(
    doc_id: Any, text: str, found: Any, counts: Counter[str], score: dict[str, float], first: dict[str, tuple[int, int]],
    top: int, exclude: Mapping[str, str], places: Mapping[str, str], dictionary: Callable[[str], int],
    wide: set[str], documents: int,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    rank = 0
    for word in sorted(score, key=lambda w: (-score[w], w)):
        reason = found.reasons.get(word)
        if reason is None:
            if word in wide:
                limit = max(r.ARCHIVE_WIDE_SHARE * documents, r.ARCHIVE_WIDE_MIN_SHARED)
                reason = f"archive-wide (in more than {limit:.0f} of the {documents} documents)"
            elif score[word] <= 0:  # one text is weighed by the reference reports (tally.idf)
                reason = "in every document" if documents > 1 else "in every report of the reference table"
            elif word in r.genre_wide_terms() and word not in found.types:
                reason = f"genre-wide (in more than {r.GENRE_WIDE_SHARE:.0%} of the reference work reports)"
            else:
                reason = skip_reason(
                    word, int(counts[word]), found.simplified, exclude, places, dictionary, named=word in found.types
                )
        start, end = first[word]
        rank += reason is None
        rows.append({
            "doc_id": doc_id, "rank": rank if reason is None else None, "term": text[start:end], "normalized": word,
            "score": score[word], "count": int(counts[word]), "kept": reason is None, "reason": reason,
            "start": start, "end": end,
        })
        if rank == top:
            break
    return rows
