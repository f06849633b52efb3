"""Each group's nearest groups by cosine over TF-IDF, from sparse products in blocks of rows:
what :func:`policytext.compare.similarity` returns beyond :data:`DENSE_MAX` groups, where an
n × n matrix no longer fits in memory.

The weights are those of the dense matrix (sublinear term frequency, smoothed IDF, rows of
unit length). A term used by more than ``max_df`` groups proposes no pair and adds nothing to
a score: such terms have the lowest IDF, and the products over them are what would make the
work grow with n² (every pair shares them). So a neighbour's ``similarity`` is the cosine
summed over the other terms — equal to the cosine when no term is that common, never above
it — and the work per group is bounded by ``max_df`` times its terms: linear in n."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from scipy import sparse

__all__ = ["BLOCK_ROWS", "DENSE_MAX", "MAX_DF", "NEIGHBOURS", "NEIGHBOUR_COLUMNS", "tfidf_rows", "top_neighbours"]

#: groups up to which similarity is a dense square matrix; beyond, the top neighbours of each
DENSE_MAX = 5000
#: neighbours kept per group by default
NEIGHBOURS = 10
#: groups a term may be used by and still propose and score pairs
MAX_DF = 500
#: rows multiplied at once (the product of a block is at most BLOCK_ROWS × n)
BLOCK_ROWS = 512
#: the columns after the group's own: the neighbouring group, its score and its rank
NEIGHBOUR_COLUMNS = ("neighbour", "similarity", "rank")


def tfidf_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """Rows of sublinear TF × smoothed IDF scaled to unit length (scikit-learn's
    ``TfidfTransformer(sublinear_tf=True)``, written out).

    Parameters
    ----------
    matrix : scipy.sparse matrix
        Counts, groups × terms.

    Returns
    -------
    scipy.sparse.csr_matrix
        The weights; a row without terms stays zero.
    """
    import numpy as np
    from scipy import sparse

    from policytext.terms import smoothed_idf

    tf = sparse.csr_matrix(matrix, dtype=float, copy=True)
    tf.data = 1 + np.log(tf.data)
    idf = smoothed_idf(np.bincount(tf.indices, minlength=tf.shape[1]), tf.shape[0])
    weights = tf @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    return (sparse.diags(1 / np.where(norms > 0, norms, 1)) @ weights).tocsr()


def top_neighbours(weights: sparse.csr_matrix, k: int = NEIGHBOURS, *, max_df: int = MAX_DF,
                   block: int = BLOCK_ROWS) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64],
                                                     npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """The ``k`` highest-scoring other rows of each row (ties: the earlier row first).

    Parameters
    ----------
    weights : scipy.sparse.csr_matrix
        Rows of unit length (:func:`tfidf_rows`).
    k : int
        Neighbours per row (fewer when fewer rows share a term with it).
    max_df : int
        Terms in more rows than this are left out of the products.
    block : int
        Rows multiplied at once.

    Returns
    -------
    tuple of arrays
        ``(row, neighbour, score, rank)``, rows in order, rank 1 first; a pair with a score
        of 0 is never listed.
    """
    import numpy as np

    df = np.bincount(weights.indices, minlength=weights.shape[1])
    kept = weights[:, np.flatnonzero(df <= max_df)].tocsr()
    transposed = kept.T.tocsr()
    parts = [_block_top(kept[start : start + block] @ transposed, start, k)
             for start in range(0, weights.shape[0], block)]
    return tuple(np.concatenate([p[i] for p in parts]) if parts else np.zeros(0) for i in range(4))  # type: ignore[return-value]


def _block_top(product: Any, offset: int, k: int) -> tuple[Any, Any, Any, Any]:
    """The top ``k`` of each row of one block's product (its own column left out)."""
    import numpy as np

    product = product.tocsr()
    rows, cols, scores, ranks = [], [], [], []
    for r in range(product.shape[0]):
        lo, hi = product.indptr[r], product.indptr[r + 1]
        columns, values = product.indices[lo:hi], product.data[lo:hi]
        keep = (columns != offset + r) & (values > 0)
        columns, values = columns[keep], values[keep]
        if len(values) > k:  # the k-th score and all that reach it, then one exact sort
            least = np.partition(values, len(values) - k)[len(values) - k]
            columns, values = columns[values >= least], values[values >= least]
        order = np.lexsort((columns, -values))[:k]
        rows.append(np.full(len(order), offset + r, dtype=np.int64))
        cols.append(columns[order].astype(np.int64))
        scores.append(values[order])
        ranks.append(np.arange(1, len(order) + 1, dtype=np.int64))
    empty = np.zeros(0, dtype=np.int64)
    return (np.concatenate(rows) if rows else empty, np.concatenate(cols) if cols else empty,
            np.concatenate(scores) if scores else np.zeros(0), np.concatenate(ranks) if ranks else empty)
