"""Term counts of a corpus (documents x terms, sparse) and their sums by a docvar grouping:
the one table every comparison (trends, keyness, emerging terms, similarity) reads."""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.terms import DEFAULT_STOPWORDS, TermTally, surface_forms

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from scipy import sparse

    from policytext.corpus import Corpus
    from policytext.terms import TermSummary


@dataclass(frozen=True)
class TermCounts:
    """Counts of terms per document (rows follow ``doc_ids``), and word tokens per document
    (the denominator of per-10,000 rates: every token with a Han character or a letter).
    The vocabulary is Simplified; ``surfaces`` maps a term to the form the corpus mostly
    writes it in, where that differs (a Traditional corpus: 河长制 → 河長制).

    Attributes
    ----------
    doc_ids : list of str
        One per row.
    vocabulary : list of str
        The terms (Simplified), one per column.
    matrix : scipy.sparse.csr_matrix
        Documents × terms counts.
    tokens : numpy.ndarray
        Word tokens per document.
    counted : numpy.ndarray of bool or None
        Whether each row counts in group sums (a duplicate record does not); None: all do.
    surfaces : dict of str to str or None
        Term → the form the corpus mostly writes it in, where that differs.
    """

    doc_ids: list[str]
    vocabulary: list[str]
    matrix: sparse.csr_matrix
    tokens: np.ndarray
    #: whether each row counts in group sums (a duplicate record does not); None: all do
    counted: np.ndarray | None = None
    surfaces: dict[str, str] | None = None

    def surface(self, term: str) -> str:
        """How the corpus mostly writes ``term`` (itself when it is written as it is).

        Parameters
        ----------
        term : str
            A term of the vocabulary (Simplified).

        Returns
        -------
        str
        """
        return (self.surfaces or {}).get(term, term)

    @classmethod
    def from_summaries(
        cls, doc_ids: Sequence[str], summaries: Iterable[TermSummary], counted: Sequence[bool] | None = None,
        texts: Iterable[str] | None = None,
    ) -> TermCounts:
        """The counts of documents given as :class:`~policytext.terms.TermSummary`, one per
        doc_id (the one counting path: a batch run merges the same summaries), and — with the
        ``texts`` they were made from — the forms the corpus writes its terms in."""
        import numpy as np
        from scipy import sparse

        tally = TermTally()
        rows: list[Any] = []
        cols: list[Any] = []
        values: list[Any] = []
        tokens: list[float] = []
        sources: Iterable[str | None] = itertools.repeat(None) if texts is None else texts
        flags: Iterable[bool] = itertools.repeat(True) if counted is None else counted
        for row, (summary, text, flag) in enumerate(zip(summaries, sources, flags)):
            forms = surface_forms(summary, text) if text is not None and flag else None
            ids = tally.add(summary.terms, summary.counts, surfaces=forms)
            rows.append(np.full(len(ids), row, dtype=np.int64))
            cols.append(ids)
            values.append(summary.counts)
            tokens.append(summary.words)
        empty = np.zeros(0, dtype=np.int64)
        matrix = sparse.csr_matrix(
            (np.concatenate(values or [empty]).astype(float), (np.concatenate(rows or [empty]), np.concatenate(cols or [empty]))),
            shape=(len(tokens), len(tally.ids)),
        )
        marks = None if counted is None or all(counted) else np.asarray(counted, dtype=bool)
        surfaces = tally.surfaces() if texts is not None else None
        return cls(list(doc_ids), list(tally.ids), matrix, np.array(tokens, dtype=float), marks, surfaces)

    def column(self, term: str) -> int | None:
        try:
            return self.vocabulary.index(term)
        except ValueError:
            return None

    def grouped(self, keys: Sequence[Hashable]) -> tuple[list[Hashable], sparse.csr_matrix, np.ndarray]:
        """Sum rows by ``keys`` (one per document; NA keys are left out), groups sorted.

        Parameters
        ----------
        keys : sequence of hashable
            One group key per row.

        Returns
        -------
        tuple
            The sorted groups, their groups × terms counts (csr_matrix) and their word
            tokens (ndarray); rows not ``counted`` are left out.
        """
        import numpy as np
        import pandas as pd
        from scipy import sparse

        keys_series = pd.Series(list(keys))
        valid = keys_series.notna().to_numpy()
        if self.counted is not None:
            valid &= self.counted
        groups = sorted(keys_series[valid].unique().tolist())
        index = {g: i for i, g in enumerate(groups)}
        rows = np.flatnonzero(valid)
        assign = sparse.csr_matrix(
            (np.ones(len(rows)), ([index[keys_series.iloc[r]] for r in rows], rows)),
            shape=(len(groups), len(keys_series)),
        )
        return groups, (assign @ self.matrix).tocsr(), assign @ self.tokens


def term_counts(
    corpus: Corpus, *, stopwords: Iterable[str] = DEFAULT_STOPWORDS, min_chars: int = 2, userdict: Any = None,
    backend: str = "auto", convert: str | bool = "auto",
) -> TermCounts:
    """Segment every document once and count its terms (see :class:`TermCounts`).

    ``stopwords`` (tier names or words) and ``min_chars`` decide which words are terms
    (:class:`~policytext.terms.PolicyTokenizer` decides, as for every term statistic);
    ``userdict`` words are kept whole by the segmenter (the terms a trend asks for);
    ``backend`` and ``convert`` as in :func:`policytext.segment`.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    stopwords : tier names or words
        ``("function", "filler", "procedure")`` by default.
    min_chars : int
        The fewest characters of a term.
    userdict : iterable of str, optional
        Words the segmenter keeps whole.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    TermCounts
        One row per document of ``corpus``; documents whose ``duplicate_of`` docvar names
        another do not count in group sums.

    Raises
    ------
    policytext.ConfigError
        For a bad ``backend`` or ``convert``.
    """
    from policytext.terms import PolicyTokenizer

    words = tuple(userdict or ())
    tokenizer = PolicyTokenizer(stopwords=stopwords, phrases=words, min_chars=min_chars, backend=backend, convert=convert)
    from policytext.corpus import counted_documents

    summaries = (tokenizer.summary(text) for text in corpus.texts)
    return TermCounts.from_summaries(corpus.doc_ids, summaries, counted_documents(corpus), texts=corpus.texts)


def group_keys(corpus: Corpus, by: str | Sequence[Hashable]) -> list[Hashable]:
    """One grouping key per document: a docvar name (year, decade, speaker …) or the keys."""
    if isinstance(by, str):
        if by not in corpus.docvars.columns:
            raise KeyError(f"no docvar {by!r}; the corpus has: {', '.join(map(str, corpus.docvars.columns))}")
        return corpus.docvars[by].tolist()
    keys = list(by)
    if len(keys) != len(corpus):
        raise ValueError(f"by has {len(keys)} keys for {len(corpus)} documents")
    return keys


def group_docvars(docvars: pd.DataFrame, by: str) -> pd.DataFrame:
    """The docvars that are constant within each group of ``by`` (carried into results)."""
    docvars = docvars.drop(columns=["doc_id"], errors="ignore")
    constant = [c for c in docvars.columns if c != by and (docvars.groupby(by, dropna=True)[c].nunique(dropna=False) <= 1).all()]
    return docvars.groupby(by, dropna=True)[constant].first().reset_index()


def with_group_docvars(frame: pd.DataFrame, docvars: pd.DataFrame, by: Any) -> pd.DataFrame:
    """``frame`` (one row per group of ``by``, or several) with the docvars that are constant
    within each group merged in: how trends and emerging-term tables carry a speaker or a
    decade along. ``docvars`` are the documents' (one row per document).

    Parameters
    ----------
    frame : pandas.DataFrame
        A table with a ``by`` column.
    docvars : pandas.DataFrame
        The documents' docvars.
    by : str or other
        The grouping docvar; anything but a docvar name (keys given as a list) adds
        nothing.

    Returns
    -------
    pandas.DataFrame
        ``frame`` with the constant docvars as extra columns (unchanged when there are none).

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2023, 2023, 2024],
    ...                      "speaker": ["李", "李", "王"], "page": [1, 2, 1]})
    >>> table = pd.DataFrame({"year": [2023, 2024], "count": [3, 5]})
    >>> with_group_docvars(table, docs, "year").values.tolist()
    [[2023, 3, '李'], [2024, 5, '王']]
    """
    if isinstance(by, str) and len(frame) and by in docvars.columns:
        extra = group_docvars(docvars, by)
        if len(extra.columns) > 1:
            frame = frame.merge(extra, on=by, how="left")
    return frame
