"""Term counts of a corpus (documents x terms, sparse) and their sums by a docvar grouping:
the one table every comparison (trends, keyness, emerging terms, similarity) reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.terms import resources as tr

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from scipy import sparse

    from policytext.corpus import Corpus


@dataclass(frozen=True)
class TermCounts:
    """Counts of terms per document (rows follow ``doc_ids``), and word tokens per document
    (the denominator of per-10,000 rates: every token with a Han character or a letter)."""

    doc_ids: list[str]
    vocabulary: list[str]
    matrix: sparse.csr_matrix
    tokens: np.ndarray

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
    corpus: Corpus, *, stopwords: Iterable[str] = tr.DEFAULT_STOPWORDS, min_chars: int = 2, userdict: Any = None
) -> TermCounts:
    """Segment every document once and count its terms (see :class:`TermCounts`).

    ``stopwords`` (tier names or words) and ``min_chars`` decide which words are terms;
    ``userdict`` words are kept whole by the segmenter (the terms a trend asks for).
    """
    import numpy as np
    from scipy import sparse

    from policytext.segmentation import segment
    from policytext.terms.tokenize import stopword_set

    drop = stopword_set(stopwords)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[int] = []
    tokens = np.zeros(len(corpus), dtype=float)
    is_word: dict[str, bool] = {}
    for row, text in enumerate(corpus.texts):
        counts = Counter(segment(text, userdict=userdict).normalized)
        words = 0
        for word, n in counts.items():
            verdict = is_word.get(word)
            if verdict is None:
                verdict = is_word[word] = bool(tr.TERM.search(word)) and not tr.NUMERIC.match(word)
            if not verdict:
                continue
            words += n
            if len(word) >= min_chars and word not in drop and not tr.DATE_LIKE.match(word):
                rows.append(row)
                cols.append(vocabulary.setdefault(word, len(vocabulary)))
                values.append(n)
        tokens[row] = words
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(corpus), len(vocabulary)), dtype=float)
    return TermCounts(list(corpus.doc_ids), list(vocabulary), matrix, tokens)


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


def group_docvars(corpus: Corpus, by: str) -> pd.DataFrame:
    """The docvars that are constant within each group of ``by`` (carried into results)."""
    docvars = corpus.docvars.drop(columns=["doc_id"], errors="ignore")
    constant = [c for c in docvars.columns if c != by and (docvars.groupby(by, dropna=True)[c].nunique(dropna=False) <= 1).all()]
    return docvars.groupby(by, dropna=True)[constant].first().reset_index()
