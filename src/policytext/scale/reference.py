"""Wordscores: positions of "virgin" texts from reference texts whose positions are known
(Laver, Benoit & Garry 2003), as quanteda's ``textmodel_wordscores`` and its ``predict``
compute them, with LBG and Martin–Vanberg rescaling (:class:`Wordscores`,
:func:`wordscores`)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from statistics import NormalDist
from typing import TYPE_CHECKING, Any

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from policytext.scale.inputs import (
    Counts,
    ScalingResult,
    count_data,
    reference_scores,
    with_docvars,
)

if TYPE_CHECKING:
    import pandas as pd
    from scipy import sparse

__all__ = ["RESCALINGS", "Wordscores", "wordscores"]

RESCALINGS = ("none", "lbg", "mv")


def _rows_normalised(matrix: sparse.csr_matrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Each row as proportions of its total (rows without counts stay 0), and the totals."""
    from scipy import sparse

    totals = np.asarray(matrix.sum(axis=1)).ravel()
    inverse = np.divide(1.0, totals, out=np.zeros_like(totals), where=totals > 0)
    return (sparse.diags(inverse) @ matrix).tocsr(), totals


def _interval(centre: np.ndarray, se: np.ndarray, level: float) -> tuple[np.ndarray, np.ndarray]:
    z = NormalDist().inv_cdf(0.5 + level / 2)
    return centre - z * se, centre + z * se


class Wordscores(BaseEstimator):
    r"""Wordscores (Laver, Benoit & Garry 2003): scores for words from reference texts with
    known positions, and for any text from its scored words.

    With :math:`F_{wr}` the relative frequency of word *w* in reference text *r* and
    :math:`A_r` the reference score, a word scores

    .. math:: S_w = \sum_r P_{wr} A_r,\qquad P_{wr} = F_{wr} / \sum_{r'} F_{wr'},

    (words found in no reference text are left unscored), and a text *v* scores the mean
    of its scored words' scores, :math:`S_v = \sum_w F_{wv} S_w`, with :math:`F_{wv}` the
    share of *w* among the text's scored words. Its standard error is LBG's
    :math:`\sqrt{\sum_w F_{wv}(S_w - S_v)^2 / N_v}`, :math:`N_v` the scored words in the
    text; the interval is :math:`S_v \pm z\,\mathrm{se}`. All as quanteda's
    ``textmodel_wordscores`` (``scale="linear"``) and ``predict`` do.

    Raw scores bunch up around the mean of the reference scores; two rescalings spread them
    back out (both in :meth:`predict_table`; :meth:`predict` returns the one ``rescaling``
    names):

    - ``"lbg"`` (LBG 2003): :math:`(S_v - \bar S_v)\,\mathrm{sd}(A)/\mathrm{sd}(S_v) +
      \bar S_v`, the mean and standard deviation taken over the texts scored (the virgin
      texts); the standard error is multiplied by the same factor (quanteda shifts it as
      if it were a score, which we do not follow; its intervals are the same as ours).
    - ``"mv"`` (Martin & Vanberg 2008): the raw scores of the two reference texts with
      the lowest and the highest reference score are mapped onto those scores
      (:math:`(S_v - S_{low})(A_{high} - A_{low})/(S_{high} - S_{low}) + A_{low}`), so
      the result does not depend on which virgin texts are scored. Reference texts sharing
      the lowest (or highest) score count with the mean of their raw scores.

    Parameters
    ----------
    smooth : float
        Added to every count of the reference texts before the word scores are computed
        (quanteda's ``smooth``; 0, LBG's method, by default). With ``smooth > 0`` every word
        gets a score.
    rescaling : {"none", "lbg", "mv"}
        What :meth:`predict` returns.
    level : float
        Confidence level of the intervals.

    Attributes
    ----------
    word_scores_ : ndarray (words,)
        :math:`S_w` for each of ``words_``; NaN for a word in no reference text.
    words_ : list
        The columns of the data fitted (labels, or positions).
    reference_ : ndarray (documents,)
        The reference scores fitted (NaN for the virgin texts).
    anchors_ : tuple of four floats
        :math:`(A_{low}, A_{high}, S_{low}, S_{high})`, Martin–Vanberg's anchors.
    n_features_in_ : int

    References
    ----------
    Laver, M., Benoit, K., & Garry, J. (2003). Extracting policy positions from political
    texts using words as data. *American Political Science Review*, 97(2), 311–331.

    Martin, L. W., & Vanberg, G. (2008). A robust transformation procedure for interpreting
    political text. *Political Analysis*, 16(1), 93–100.

    Lowe, W. (2008). Understanding Wordscores. *Political Analysis*, 16(4), 356–371 (what
    the word scores estimate, and why raw scores shrink toward the middle).

    Examples
    --------
    >>> import numpy as np
    >>> counts = np.array([[8, 2, 0], [2, 8, 0], [5, 5, 1], [7, 3, 2]])
    >>> model = Wordscores().fit(counts, [-1, 1, np.nan, np.nan])
    >>> model.word_scores_.round(2).tolist()
    [-0.6, 0.6, nan]
    >>> model.predict(counts[2:]).round(2).tolist()
    [0.0, -0.24]
    """

    def __init__(self, smooth: float = 0.0, rescaling: str = "none", level: float = 0.95) -> None:
        self.smooth = smooth
        self.rescaling = rescaling
        self.level = level

    def _check_params(self) -> None:
        if self.rescaling not in RESCALINGS:
            raise ValueError(f"rescaling must be one of {RESCALINGS}, not {self.rescaling!r}")
        if not self.smooth >= 0:
            raise ValueError(f"smooth must be 0 or more, not {self.smooth!r}")
        if not 0 < self.level < 1:
            raise ValueError(f"level must be between 0 and 1, not {self.level!r}")

    def fit(self, X: Any, y: Any) -> Wordscores:
        """Word scores from the rows of ``X`` (documents × words counts: an array, a sparse
        matrix, a DataFrame, a TermCounts or a Corpus) whose ``y`` is a number: an array-like
        with NaN for the virgin texts, or a mapping row label → reference score."""
        counts = count_data(X)
        return self._fit_counts(counts, reference_scores(y, counts.docs))

    def _fit_counts(self, counts: Counts, scores: np.ndarray) -> Wordscores:
        from scipy import sparse

        self._check_params()
        refs = np.flatnonzero(~np.isnan(scores))
        if len(refs) < 2 or np.ptp(scores[refs]) == 0:
            raise ValueError("Wordscores needs at least two reference texts with different scores")
        matrix = counts.matrix[refs]
        if self.smooth:
            matrix = sparse.csr_matrix(matrix.toarray() + self.smooth)
        shares, totals = _rows_normalised(matrix)
        if (totals <= 0).any():
            raise ValueError("a reference text has no words: " + ", ".join(repr(counts.docs[refs[i]]) for i in np.flatnonzero(totals <= 0)))
        spread = np.asarray(shares.sum(axis=0)).ravel()  # Σ_r F_wr
        weighted = np.asarray(shares.T @ scores[refs]).ravel()  # Σ_r F_wr A_r
        self.word_scores_ = np.divide(weighted, spread, out=np.full_like(spread, np.nan), where=spread > 0)
        self.words_ = list(counts.words)
        self.n_features_in_ = len(self.words_)
        self.reference_ = scores
        self.reference_counts_ = np.asarray(counts.matrix[refs].sum(axis=0)).ravel()
        raw = self._raw(counts.matrix[refs])[0]
        low, high = scores[refs] == scores[refs].min(), scores[refs] == scores[refs].max()
        self.anchors_ = (float(scores[refs].min()), float(scores[refs].max()), float(raw[low].mean()),
                         float(raw[high].mean()))
        return self

    def _raw(self, matrix: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Raw scores, their standard errors and the scored words of each row."""
        scored = np.flatnonzero(~np.isnan(self.word_scores_))
        shares, totals = _rows_normalised(matrix[:, scored])
        weights = self.word_scores_[scored]
        with np.errstate(invalid="ignore", divide="ignore"):
            raw = np.where(totals > 0, shares @ weights, np.nan)
            # Σ_w F_wv (S_w − S_v)² = Σ_w F_wv S_w² − S_v² (the shares sum to 1)
            spread = np.maximum(shares @ (weights * weights) - raw * raw, 0.0)
            se = np.sqrt(spread / totals)
        return raw, se, totals

    def _conform(self, counts: Counts) -> sparse.csr_matrix:
        """``counts``' columns in the order of ``words_``: by label when the labels meet
        (a word the model does not know is left out, one the data lacks counts 0), by
        position when the data has the same number of unlabelled columns."""
        from scipy import sparse

        if list(counts.words) == self.words_:
            return counts.matrix
        index = {w: j for j, w in enumerate(counts.words)}
        columns = [index.get(w, -1) for w in self.words_]
        if all(c < 0 for c in columns):
            if counts.matrix.shape[1] == self.n_features_in_:
                return counts.matrix
            raise ValueError(f"X has {counts.matrix.shape[1]} columns and none of the model's words; the model has {self.n_features_in_}")
        present = np.array([c >= 0 for c in columns])
        picked = counts.matrix[:, [c for c in columns if c >= 0]].tocsc()
        select = sparse.csr_matrix((np.ones(int(present.sum())), (np.arange(int(present.sum())), np.flatnonzero(present))),
                                   shape=(int(present.sum()), len(columns)))
        return (picked @ select).tocsr()

    def _table(self, matrix: sparse.csr_matrix, basis: np.ndarray) -> dict[str, np.ndarray]:
        """Raw and rescaled scores of every row; LBG's mean and spread come from ``basis``."""
        raw, se, totals = self._raw(matrix)
        lower, upper = _interval(raw, se, self.level)
        table = {"raw": raw, "se": se, "lower": lower, "upper": upper}
        finite = basis & np.isfinite(raw)
        refs = self.reference_[~np.isnan(self.reference_)]
        factor, shift = np.nan, np.nan  # LBG's rescaling needs two virgin texts that differ
        if finite.sum() >= 2 and np.ptp(raw[finite]) > 0:
            centre = raw[finite].mean()
            factor = refs.std(ddof=1) / raw[finite].std(ddof=1)
            shift = centre - centre * factor  # (S − S̄)·f + S̄
        table |= self._rescaled("lbg", raw, se, factor, shift)
        low, high, raw_low, raw_high = self.anchors_
        factor, shift = np.nan, np.nan
        if raw_high != raw_low:
            factor = (high - low) / (raw_high - raw_low)
            shift = low - raw_low * factor  # (S − S_low)·f + A_low
        table |= self._rescaled("mv", raw, se, factor, shift)
        table["total"] = totals
        return table

    def _rescaled(self, name: str, raw: np.ndarray, se: np.ndarray, factor: float, shift: float) -> dict[str, np.ndarray]:
        """The linear map S·factor + shift of the scores and their intervals."""
        lower, upper = _interval(raw, se, self.level)
        ends = (lower * factor + shift, upper * factor + shift)
        return {name: raw * factor + shift, f"{name}_se": se * abs(factor),
                f"{name}_lower": np.minimum(*ends), f"{name}_upper": np.maximum(*ends)}

    def predict_table(self, X: Any) -> pd.DataFrame:
        """Scores of the rows of ``X``: ``raw``, ``se``, ``lower``, ``upper``, the same for
        ``lbg`` (its mean and spread from these rows, the texts being scored) and ``mv``
        (``mv``, ``mv_se``, ``mv_lower``, ``mv_upper``), and ``total`` (scored words)."""
        import pandas as pd

        check_is_fitted(self, "word_scores_")
        counts = count_data(X)
        matrix = self._conform(counts)
        table = pd.DataFrame(self._table(matrix, np.ones(matrix.shape[0], dtype=bool)))
        table.insert(0, "doc_id", counts.docs)
        return table

    def predict(self, X: Any) -> np.ndarray:
        """The score of each row of ``X``: raw, or rescaled as ``rescaling`` says."""
        table = self.predict_table(X)
        return table["raw" if self.rescaling == "none" else self.rescaling].to_numpy()

    def words(self) -> pd.DataFrame:
        """The scored words: ``word``, ``score`` and ``count`` (in the reference texts)."""
        import pandas as pd

        check_is_fitted(self, "word_scores_")
        scored = np.flatnonzero(~np.isnan(self.word_scores_))
        return pd.DataFrame({"word": [self.words_[j] for j in scored], "score": self.word_scores_[scored],
                             "count": self.reference_counts_[scored]})


def wordscores(
    data: Any, reference: Any, *, by: str | Sequence[Hashable] | None = None, docs: Sequence[Hashable] | None = None,
    words: Sequence[Hashable] | None = None, smooth: float = 0.0, level: float = 0.95, **count_options: Any,
) -> ScalingResult:
    """Wordscores of documents, or of groups of them, from reference scores: the tidy face
    of :class:`Wordscores` (which explains the method, the rescalings, ``smooth`` and
    ``level``).

    Parameters
    ----------
    data : Corpus, TermCounts, DataFrame, array or sparse matrix
        As for :func:`policytext.scale.wordfish` (``by``, ``docs``, ``words`` and the
        counting options too).
    reference : mapping or array-like
        Reference scores: a dict (or Series) row label → score, the rows left out being the
        virgin texts, or one value per row with NaN for a virgin text. With ``by``, the
        rows are the groups (``{2015: -1.0, 2024: 1.0}``).

    Returns
    -------
    ScalingResult
        ``documents``: one row per document or group, reference and virgin texts alike
        (as quanteda's ``predict`` on the training data): ``reference`` (NaN for a virgin
        text), ``raw``, ``se``, ``lower``, ``upper``, ``lbg`` …, ``mv`` … (see
        :meth:`Wordscores.predict_table`; LBG's mean and spread come from the virgin
        texts), ``total``, then the docvars; ``words``: ``word``, ``score``, ``count``;
        ``model``: the fitted :class:`Wordscores`.

    Examples
    --------
    >>> import numpy as np
    >>> counts = np.array([[8, 2, 0], [2, 8, 0], [5, 5, 1], [7, 3, 2], [3, 6, 1]])
    >>> result = wordscores(counts, {0: -1.0, 1: 1.0})
    >>> result.documents[["doc_id", "reference", "raw", "lbg"]].round(2)
       doc_id  reference   raw   lbg
    0       0       -1.0 -0.36 -2.24
    1       1        1.0  0.36  2.38
    2       2        NaN  0.00  0.07
    3       3        NaN -0.24 -1.47
    4       4        NaN  0.20  1.36
    """
    import pandas as pd

    counts = count_data(data, by=by, docs=docs, words=words, count_options=count_options)
    scores = reference_scores(reference, counts.docs)
    model = Wordscores(smooth=smooth, level=level)._fit_counts(counts, scores)
    table = pd.DataFrame(model._table(counts.matrix, np.isnan(scores)))
    table.insert(0, "reference", scores)
    table.insert(0, counts.label, counts.docs)
    return ScalingResult(with_docvars(table, counts), model.words(), model)
