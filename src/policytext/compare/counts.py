"""Term counts of a corpus (documents x terms, sparse) and their sums by a docvar grouping:
the one table every comparison (trends, keyness, emerging terms, similarity) reads."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.terms import DEFAULT_STOPWORDS, TermTally

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from scipy import sparse

    from policytext.corpus import Corpus
    from policytext.terms import TermSummary


@dataclass(frozen=True)
class TermCounts:
    """Counts of terms per document (rows follow ``doc_ids``), and word tokens per document
    (the denominator of per-10,000 rates: every token with a Han character or a letter)."""

    doc_ids: list[str]
    vocabulary: list[str]
    matrix: sparse.csr_matrix
    tokens: np.ndarray

    @classmethod
    def from_summaries(cls, doc_ids: Sequence[str], summaries: Iterable[TermSummary]) -> TermCounts:
        """The counts of documents given as :class:`~policytext.terms.TermSummary`, one per
        doc_id (the one counting path: a batch run merges the same summaries)."""
        import numpy as np
        from scipy import sparse

        tally = TermTally()
        rows: list[Any] = []
        cols: list[Any] = []
        values: list[Any] = []
        tokens: list[float] = []
        for row, summary in enumerate(summaries):
            ids = tally.add(summary.terms, summary.counts)
            rows.append(np.full(len(ids), row, dtype=np.int64))
            cols.append(ids)
            values.append(summary.counts)
            tokens.append(summary.words)
        empty = np.zeros(0, dtype=np.int64)
        matrix = sparse.csr_matrix(
            (np.concatenate(values or [empty]).astype(float), (np.concatenate(rows or [empty]), np.concatenate(cols or [empty]))),
            shape=(len(tokens), len(tally.ids)),
        )
        return cls(list(doc_ids), list(tally.ids), matrix, np.array(tokens, dtype=float))

    def column(self, term: str) -> int | None:
        try:
            return self.vocabulary.index(term)
        except ValueError:
            return None

    def grouped(self, keys: Sequence[Hashable]) -> tuple[list[Hashable], sparse.csr_matrix, np.ndarray]:
        """Sum rows by ``keys`` (one per document; NA keys are left out), groups sorted."""
        import numpy as np
        import pandas as pd
        from scipy import sparse

        keys_series = pd.Series(list(keys))
        valid = keys_series.notna().to_numpy()
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
    """
    from policytext.terms import PolicyTokenizer

    words = tuple(userdict or ())
    tokenizer = PolicyTokenizer(stopwords=stopwords, phrases=words, min_chars=min_chars, backend=backend, convert=convert)
    return TermCounts.from_summaries(corpus.doc_ids, (tokenizer.summary(text) for text in corpus.texts))


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
    decade along. ``docvars`` are the documents' (one row per document)."""
    if isinstance(by, str) and len(frame) and by in docvars.columns:
        extra = group_docvars(docvars, by)
        if len(extra.columns) > 1:
            frame = frame.merge(extra, on=by, how="left")
    return frame
