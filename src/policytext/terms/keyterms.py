"""Keywords per document: TF-IDF (a corpus's own document frequencies, or the bundled
reference IDF for a single text) or TextRank, over policy terms, with fragments of longer
recurring terms left out. :func:`keywords` returns a tidy DataFrame."""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError
from policytext.frames import records_frame
from policytext.terms import resources as r
from policytext.terms.tally import TermTally
from policytext.terms.tokenize import PolicyTokenizer, TermSummary

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from policytext.corpus import Corpus

KEYWORD_COLUMNS = ("doc_id", "rank", "term", "normalized", "score", "count", "start", "end")
METHODS = ("tfidf", "textrank")
#: a term is a fragment when at least this share of its occurrences lie inside one longer
#: term that itself occurs at least FRAGMENT_MIN_COUNT times (本强基 inside 固本强基)
FRAGMENT_SHARE = 0.8
FRAGMENT_MIN_COUNT = 3


def phrase_list(phrases: Any, texts: Sequence[str]) -> tuple[str, ...]:
    """Phrases given as words, a :func:`discover_phrases` table, or ``"discover"``."""
    if phrases is None:
        return ()
    if isinstance(phrases, str):
        if phrases != "discover":
            raise ValueError(f"phrases must be 'discover', a list of words or a DataFrame, not {phrases!r}")
        from policytext.terms.phrases import discover_phrases

        phrases = discover_phrases(list(texts))
    if hasattr(phrases, "columns"):
        return tuple(phrases["phrase"])
    return tuple(phrases)


class Recurring:
    """The terms of one text seen at least FRAGMENT_MIN_COUNT times, searchable by substring."""

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        kept = [(t, n) for t, n in pairs if n >= FRAGMENT_MIN_COUNT]
        self.terms = [t for t, _ in kept]
        self.counts = [n for _, n in kept]
        self.joined = "\x00".join(self.terms)
        self.offsets = list(itertools.accumulate(len(t) + 1 for t in self.terms))

    def containing(self, term: str) -> list[tuple[str, int]]:
        """The longer recurring terms that contain ``term``, with their counts."""
        found: dict[int, None] = {}
        at = self.joined.find(term)
        while at >= 0:
            found[bisect.bisect_right(self.offsets, at)] = None
            at = self.joined.find(term, at + 1)
        return [(self.terms[i], self.counts[i]) for i in found if len(self.terms[i]) > len(term)]


def is_fragment(term: str, recurring: Recurring, simplified: str) -> bool:
    """Whether ``term`` mostly occurs inside one longer recurring term of the same text:
    at least FRAGMENT_SHARE of its occurrences as a substring of ``simplified`` (the text
    in Simplified) lie inside it."""
    containing = recurring.containing(term)
    if not containing:  # the common case: no need to scan the text
        return False
    occurrences = simplified.count(term)
    return any(n * longer.count(term) >= FRAGMENT_SHARE * occurrences for longer, n in containing)


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


def tfidf_scored(summary: TermSummary, idf: np.ndarray) -> Scored:
    """count x (idf - 1) for one document's terms (``idf`` aligned with ``summary.terms``).

    The idf is scikit-learn's smoothed one (:func:`~policytext.terms.tally.smoothed_idf`)
    without its +1, so a term in every document (发展 in every work report) scores 0."""
    n = summary.counts.astype(float)
    return Scored(summary.terms, n * (idf - 1), n)


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


def rank_terms(
    doc_id: Any, text: str, summary: TermSummary, doc: Scored, *, top: int, fragments: bool = False
) -> list[dict[str, Any]]:
    """The ``top`` keyword records of one document, best first, fragments skipped."""
    import numpy as np

    order = _best_first(doc.terms, doc.scores, block=4 * top + 16)
    often = np.flatnonzero(doc.counts >= FRAGMENT_MIN_COUNT).tolist()
    recurring = Recurring(zip(map(doc.terms.__getitem__, often), doc.counts[often].astype(int).tolist()))
    # the batch scores the summary's own term list: positions are the same
    position = None if doc.terms is summary.terms else dict(zip(summary.terms, range(len(summary.terms))))
    records: list[dict[str, Any]] = []
    for j in order:
        term = doc.terms[j]
        if not fragments and is_fragment(term, recurring, summary.simplified):
            continue
        i = j if position is None else position[term]
        start, end = int(summary.starts[i]), int(summary.ends[i])
        records.append({
            "doc_id": doc_id, "rank": len(records) + 1, "term": text[start:end], "normalized": term,
            "score": float(doc.scores[j]), "count": int(doc.counts[j]), "start": start, "end": end,
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
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """The ``top`` keywords of each document, as a tidy DataFrame (:data:`KEYWORD_COLUMNS`).

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
        ``("function", "filler")`` by default; a set of words of your own replaces them.
    phrases : list of str, a :func:`discover_phrases` table, or "discover"
        Multiword terms kept whole (``"discover"`` finds them in ``data`` first).
    userdict : iterable of str
        Extra words for the segmenter (jieba dictionary lines).
    window : int
        TextRank's co-occurrence window.
    fragments : bool
        Keep terms that mostly occur inside one longer recurring term (本强基 inside
        固本强基); left out by default.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``rank``, ``term`` (the first occurrence as written: Traditional stays
        Traditional), ``normalized`` (its Simplified form), ``score``, ``count``, and
        ``start``/``end`` of the first occurrence in the text as given.

    Raises
    ------
    policytext.ConfigError
        For an unknown ``method``, ``top`` below 1, or a bad ``convert``/``backend``.

    Examples
    --------
    >>> table = keywords("实施固本强基工程。固本强基工程覆盖全县。", top=3)
    >>> table["term"].iloc[0]
    '固本强基'
    """
    if method not in METHODS:
        raise ConfigError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if top < 1:
        raise ConfigError(f"top must be at least 1, not {top}")
    from policytext.corpus import documents_of

    doc_ids, texts = documents_of(data)
    words = phrase_list(phrases, texts) + tuple(userdict or ())
    tokenizer = PolicyTokenizer(stopwords=stopwords, phrases=words, backend=backend, convert=convert)
    if method == "tfidf":
        summaries = [tokenizer.summary(text) for text in texts]
        tally = TermTally()
        ids = tally.add_all(summaries)
        scored = [tfidf_scored(s, tally.idf(i)) for s, i in zip(summaries, ids)]
    else:
        tokens = [tokenizer.terms(text) for text in texts]
        summaries = [TermSummary.of(t) for t in tokens]
        scored = []
        for doc_tokens in tokens:
            ranks = _textrank(doc_tokens.terms, window=window)
            scored.append(_scored_from_counts(Counter(doc_tokens.terms), ranks.__getitem__))
    tokenizer.forget()
    records = []
    for doc_id, text, summary, doc in zip(doc_ids, texts, summaries, scored):
        records.extend(rank_terms(doc_id, text, summary, doc, top=top, fragments=fragments))
    return records_frame(records, KEYWORD_COLUMNS)
