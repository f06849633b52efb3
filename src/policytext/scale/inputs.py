"""What the scaling models read: a documents × words count matrix with labels, from a
:class:`~policytext.corpus.Corpus`, a :class:`~policytext.compare.TermCounts`, a DataFrame,
or a NumPy / SciPy sparse matrix, optionally summed by a grouping (year, speaker …)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    from scipy import sparse

__all__ = ["Counts", "ScalingResult", "count_data", "pair_positions", "reference_scores", "with_docvars"]


@dataclass(frozen=True)
class Counts:
    """Counts of words (columns) in documents or groups (rows), with their labels.

    ``label`` names the row labels in result tables: ``doc_id`` for documents, the ``by``
    docvar for groups (``"group"`` when the keys were given as a list); ``docvars`` holds
    what is known of each row (a corpus's docvars, or those constant within each group),
    keyed by ``label``, or None."""

    matrix: sparse.csr_matrix
    docs: list[Hashable]
    words: list[Hashable]
    label: str
    docvars: pd.DataFrame | None = None

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.docs), len(self.words))


@dataclass(frozen=True)
class ScalingResult:
    """What :func:`wordfish` and :func:`wordscores` return: the documents (or groups)
    table, the words table and the fitted estimator.

    Attributes
    ----------
    documents : pandas.DataFrame
        One row per document (``doc_id``) or group (named after ``by``): the positions
        (Wordfish: ``theta``, ``se``, ``lower``, ``upper``, ``alpha``; Wordscores:
        ``reference``, ``raw``, ``se``, ``lower``, ``upper``, ``lbg`` …, ``mv`` …),
        ``total``, then the docvars.
    words : pandas.DataFrame
        One row per word: ``word``, its parameters (Wordfish: ``beta``, ``psi``;
        Wordscores: ``score``) and ``count``.
    model : Wordfish or Wordscores
        The fitted estimator.
    """

    documents: pd.DataFrame
    words: pd.DataFrame
    model: Any


def with_docvars(table: pd.DataFrame, counts: Counts) -> pd.DataFrame:
    """``table`` with what is known of each row (docvars) merged in, table columns first."""
    if counts.docvars is None:
        return table
    extra = counts.docvars.drop(columns=[c for c in counts.docvars.columns if c in table.columns and c != counts.label])
    if len(extra.columns) <= 1:
        return table
    return table.merge(extra, on=counts.label, how="left")


def _check_values(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    import numpy as np

    data = matrix.data
    if data.size and (not np.isfinite(data).all() or (data < 0).any()):
        raise ValueError("counts must be finite and non-negative")
    return matrix


def _as_csr(values: Any) -> sparse.csr_matrix:
    import numpy as np
    from scipy import sparse

    if sparse.issparse(values):
        matrix = sparse.csr_matrix(values, dtype=float)
    else:
        array = np.asarray(values, dtype=float)
        if array.ndim != 2:
            raise ValueError(f"counts must be a 2-D documents × words matrix, got shape {array.shape}")
        matrix = sparse.csr_matrix(array)
    return _check_values(matrix)


def _labels(given: Sequence[Hashable] | None, default: Sequence[Hashable], what: str) -> list[Hashable]:
    if given is None:
        return list(default)
    labels = list(given)
    if len(labels) != len(default):
        raise ValueError(f"{len(labels)} {what} labels for {len(default)} {what}")
    return labels


def _group(matrix: sparse.csr_matrix, docs: list[Hashable], keys: Sequence[Hashable]) -> tuple[list[Hashable], sparse.csr_matrix]:
    """Rows summed by ``keys`` the way every comparison sums them (TermCounts.grouped)."""
    import numpy as np

    from policytext.compare import TermCounts

    keys = list(keys)
    if len(keys) != len(docs):
        raise ValueError(f"by has {len(keys)} keys for {len(docs)} documents")
    tokens = np.asarray(matrix.sum(axis=1)).ravel()
    groups, summed, _ = TermCounts([str(d) for d in docs], [], matrix, tokens).grouped(keys)
    return groups, summed


def _from_corpus(corpus: Any, by: Any, options: Mapping[str, Any]) -> Counts:
    import numpy as np
    import pandas as pd

    from policytext.compare import term_counts, with_group_docvars

    counts = term_counts(corpus, **options)
    docvars = corpus.docvars
    if by is None:
        # a record marked as the duplicate of another is left out, as in every corpus statistic
        keep = np.ones(len(counts.doc_ids), dtype=bool) if counts.counted is None else np.asarray(counts.counted)
        rows = np.flatnonzero(keep)
        return Counts(_check_values(counts.matrix[rows]), [counts.doc_ids[i] for i in rows], list(counts.vocabulary),
                      "doc_id", docvars.iloc[rows].reset_index(drop=True))
    if isinstance(by, str):
        if by not in docvars.columns:
            raise KeyError(f"no docvar {by!r}; the corpus has: {', '.join(map(str, docvars.columns))}")
        keys = docvars[by].tolist()
    else:
        keys = list(by)
        if len(keys) != len(corpus):
            raise ValueError(f"by has {len(keys)} keys for {len(corpus)} documents")
    groups, matrix, _ = counts.grouped(keys)
    label = by if isinstance(by, str) else "group"
    extra = with_group_docvars(pd.DataFrame({label: groups}), docvars, by) if isinstance(by, str) else None
    return Counts(_check_values(matrix.tocsr()), groups, list(counts.vocabulary), label, extra)


def count_data(
    data: Any, *, by: str | Sequence[Hashable] | None = None, docs: Sequence[Hashable] | None = None,
    words: Sequence[Hashable] | None = None, count_options: Mapping[str, Any] | None = None,
) -> Counts:
    """The counts of ``data``: a Corpus (segmented and counted by
    :func:`policytext.compare.term_counts` with ``count_options``), a TermCounts, a
    DataFrame (index: documents, columns: words), or a 2-D array / sparse matrix (``docs``
    and ``words`` label its rows and columns; positions by default).

    ``by`` sums rows into groups: a docvar name (a Corpus only) or one key per row; groups
    come out sorted, rows with a missing key are left out."""
    from policytext.compare import TermCounts
    from policytext.corpus import Corpus

    if isinstance(data, Corpus):
        counts = _from_corpus(data, by, count_options or {})
        if docs is not None or words is not None:
            raise ValueError("docs= and words= label a matrix; a Corpus has its own labels")
        return counts
    if count_options:
        raise TypeError(f"counting options ({', '.join(count_options)}) apply to a Corpus only")
    if isinstance(by, str):
        raise ValueError(f"by={by!r} names a docvar, which only a Corpus has: pass one key per row instead")
    row_labels: list[Hashable]
    col_labels: list[Hashable]
    if isinstance(data, TermCounts):
        matrix, row_labels, col_labels = _as_csr(data.matrix), list(data.doc_ids), list(data.vocabulary)
    elif hasattr(data, "columns") and hasattr(data, "index") and hasattr(data, "to_numpy"):
        matrix, row_labels, col_labels = _as_csr(data.to_numpy(dtype=float)), list(data.index), list(data.columns)
    else:
        matrix = _as_csr(data)
        row_labels, col_labels = list(range(matrix.shape[0])), list(range(matrix.shape[1]))
    row_labels = _labels(docs, row_labels, "document")
    col_labels = _labels(words, col_labels, "word")
    if by is None:
        return Counts(matrix, row_labels, col_labels, "doc_id")
    groups, summed = _group(matrix, row_labels, by)
    return Counts(_check_values(summed.tocsr()), groups, col_labels, "group")


def _position(item: Any, labels: Sequence[Hashable], what: str) -> int:
    import numpy as np

    try:
        return list(labels).index(item)  # a label first: years and doc ids
    except (ValueError, TypeError):
        pass
    if isinstance(item, (int, np.integer)) and not isinstance(item, bool) and -len(labels) <= item < len(labels):
        return int(item) % len(labels)
    raise ValueError(f"{what}: {item!r} is neither a row label nor a row position (there are {len(labels)} rows)")


def pair_positions(pair: Sequence[Any], labels: Sequence[Hashable]) -> tuple[int, int]:
    """The row positions of ``dir=(i, j)``: labels (doc ids, years, speakers) or positions."""
    items = list(pair)
    if len(items) != 2:
        raise ValueError(f"dir takes two documents (i, j), got {pair!r}")
    i, j = (_position(item, labels, "dir") for item in items)
    if i == j:
        raise ValueError(f"dir names the same document twice: {pair!r}")
    return i, j


def reference_scores(reference: Any, labels: Sequence[Hashable]) -> np.ndarray:
    """One reference score per row (NaN for a virgin text) from a mapping label → score
    (a dict or a pandas Series indexed by label) or an array-like aligned with the rows."""
    import numpy as np

    if hasattr(reference, "index") and hasattr(reference, "to_dict") and not hasattr(reference, "columns"):
        # a pandas Series: by label when its index holds row labels, else by position
        known = set(labels)
        if all(key in known for key in reference.index):
            reference = reference.to_dict()
        else:
            reference = reference.to_numpy()
    if isinstance(reference, Mapping):
        index = {label: i for i, label in enumerate(labels)}
        unknown = [k for k in reference if k not in index]
        if unknown:
            raise KeyError(f"reference scores for unknown rows: {', '.join(map(repr, unknown[:10]))}")
        scores = np.full(len(labels), np.nan)
        for key, value in reference.items():
            scores[index[key]] = np.nan if value is None else float(value)
        return scores
    scores = np.asarray(reference, dtype=float).ravel()
    if scores.shape != (len(labels),):
        raise ValueError(f"{scores.size} reference scores for {len(labels)} rows (use NaN for a virgin text)")
    return scores
