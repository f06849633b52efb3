"""Comparisons across groups of documents (year, decade, speaker …): term trends, keyness
(log-odds with an informative Dirichlet prior, chi², G²), emerging and vanishing terms,
and cosine similarity between groups. Every function returns a tidy DataFrame."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policytext.compare.counts import TermCounts, group_keys, term_counts, with_group_docvars
from policytext.frames import records_frame
from policytext.terms import DEFAULT_STOPWORDS

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

MEASURES = ("logodds", "chi2", "g2")


def _with_docvars(frame: pd.DataFrame, corpus: Corpus, by: Any) -> pd.DataFrame:
    return with_group_docvars(frame, corpus.docvars, by)


def trends(
    corpus: Corpus, terms: Iterable[str], *, by: str = "year", backend: str = "auto", convert: str | bool = "auto"
) -> pd.DataFrame:
    """How often each of ``terms`` (either script) occurs per group: ``count``, ``tokens``
    (word tokens in the group) and ``per_10k``; one row per (group, term), zeros included.
    The terms are kept whole by the segmenter and counted even when they are stopwords.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    terms : iterable of str
        The terms, in either script (counted in Simplified).
    by : str or sequence
        A docvar that groups the documents (year, decade, speaker …), or one key per
        document.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        ``by`` (``group`` when keys are given), ``term`` (Simplified), ``count``,
        ``tokens``, ``per_10k``, then the docvars constant within each group; groups
        sorted, documents with no key left out.

    Raises
    ------
    KeyError
        When ``by`` names no docvar.
    ValueError
        When ``by`` gives keys, but not one per document.
    policytext.ConfigError
        For a bad ``backend`` or ``convert``.
    """
    from policytext.script import convert as convert_text

    wanted = list(dict.fromkeys(convert_text(t, "t2s") for t in terms))
    counts = term_counts(corpus, stopwords=(), min_chars=1, userdict=wanted, backend=backend, convert=convert)
    groups, matrix, tokens = counts.grouped(group_keys(corpus, by))
    label = by if isinstance(by, str) else "group"
    records = []
    for term in wanted:
        j = counts.column(term)
        column = matrix[:, j].toarray().ravel() if j is not None else [0.0] * len(groups)
        for g, n, total in zip(groups, column, tokens):
            records.append({label: g, "term": term, "count": int(n), "tokens": int(total),
                            "per_10k": 1e4 * n / total if total else 0.0})
    return _with_docvars(records_frame(records, (label, "term", "count", "tokens", "per_10k")), corpus, by)


def _selection(groups: Sequence[Hashable], chosen: Any) -> list[int]:
    if chosen is None:
        return []
    wanted = set(chosen) if isinstance(chosen, (range, list, tuple, set, frozenset)) else {chosen}
    return [i for i, g in enumerate(groups) if g in wanted]


def keyness(
    corpus: Corpus,
    target: Any,
    reference: Any = None,
    *,
    by: str = "year",
    measure: str = "logodds",
    top: int | None = None,
    stopwords: Iterable[str] = DEFAULT_STOPWORDS,
    min_count: int = 2,
    prior_scale: float = 0.01,
    counts: TermCounts | None = None,
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Terms that distinguish the ``target`` group(s) from the ``reference`` group(s) (by
    default every other group), most distinctive first.

    ``measure="logodds"``: the log-odds ratio with an informative Dirichlet prior (Monroe,
    Colaresi & Quinn 2008): the prior is the whole corpus's term distribution with a total
    weight of ``prior_scale`` x the corpus's size (1%: strong enough to damp rare terms,
    weak enough not to drown the groups); ``score`` is the z-score, ``delta`` the log-odds
    ratio itself. ``"chi2"`` and ``"g2"``: Pearson's χ² and
    the likelihood ratio G² of the 2x2 table, signed (negative when the term is rarer in
    the target). Terms seen fewer than ``min_count`` times in target + reference are left out.
    Terms are those of :class:`~policytext.terms.PolicyTokenizer`: numbers, ordinals, names
    of people, places and organisations, function words and fragments are none. ``term``
    is written as the corpus mostly writes it, ``normalized`` in Simplified.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    target : group key or list of them
        The group(s) described (``2024``, ``[2023, 2024]``, ``range(2013, 2018)``).
    reference : group key or list of them, optional
        The group(s) compared with (default: every group not in ``target``).
    by : str or sequence
        A docvar that groups the documents (year, decade, speaker …), or one key per
        document.
    measure : {"logodds", "chi2", "g2"}
        The statistic.
    top : int, optional
        Terms returned (None: all).
    stopwords : tier names or words
        ``("function", "filler", "procedure")`` by default; a set of words of your own
        replaces them.
    min_count : int
        The fewest occurrences in target and reference together.
    prior_scale : float
        The prior's weight, as a share of the corpus's size (log-odds only).
    counts : TermCounts, optional
        :func:`term_counts` of ``corpus`` when the caller has them (``stopwords``,
        ``backend`` and ``convert`` are then not used).
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        ``rank``, ``term``, ``normalized``, ``count_target``, ``count_reference``,
        ``score``, ``delta``, ``measure``, and ``target``/``reference`` (the groups
        compared, joined by commas); highest ``score`` first.

    Raises
    ------
    ValueError
        For an unknown ``measure``, a ``target``/``reference`` that matches no group, or
        keys in ``by`` that are not one per document.
    KeyError
        When ``by`` names no docvar.
    policytext.ConfigError
        For a bad ``backend`` or ``convert``.
    """
    import numpy as np

    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    groups, matrix, _ = counts.grouped(group_keys(corpus, by))
    rows_t = _selection(groups, target)
    if not rows_t:
        raise ValueError(f"target {target!r} matches no group of {by!r}")
    rows_r = _selection(groups, reference) if reference is not None else [i for i in range(len(groups)) if i not in rows_t]
    if not rows_r:
        raise ValueError(f"reference {reference!r} matches no group of {by!r}")
    y_t = np.asarray(matrix[rows_t].sum(axis=0)).ravel()
    y_r = np.asarray(matrix[rows_r].sum(axis=0)).ravel()
    keep = (y_t + y_r) >= min_count
    n_t, n_r = y_t.sum(), y_r.sum()
    if measure == "logodds":
        background = np.asarray(counts.matrix.sum(axis=0)).ravel()
        a0 = prior_scale * background.sum()
        prior = background / background.sum() * a0
        with np.errstate(divide="ignore", invalid="ignore"):
            delta = np.log((y_t + prior) / (n_t + a0 - y_t - prior)) - np.log((y_r + prior) / (n_r + a0 - y_r - prior))
            score = delta / np.sqrt(1 / (y_t + prior) + 1 / (y_r + prior))
    else:
        total = n_t + n_r
        expected_t = (y_t + y_r) * n_t / total
        expected_r = (y_t + y_r) * n_r / total
        observed = [y_t, y_r, n_t - y_t, n_r - y_r]
        expected = [expected_t, expected_r, n_t - expected_t, n_r - expected_r]
        with np.errstate(divide="ignore", invalid="ignore"):
            if measure == "chi2":
                stat = sum((o - e) ** 2 / e for o, e in zip(observed, expected))
            else:
                stat = 2 * sum(np.where(o > 0, o * np.log(o / e), 0.0) for o, e in zip(observed, expected))
        sign = np.sign(y_t / max(n_t, 1) - y_r / max(n_r, 1))
        score, delta = sign * stat, np.log((y_t + 0.5) / (n_t + 0.5)) - np.log((y_r + 0.5) / (n_r + 0.5))
    order = [j for j in np.argsort(-score, kind="stable").tolist() if keep[j] and np.isfinite(score[j])]
    if top is not None:
        order = order[:top]
    records = [{"term": counts.surface(counts.vocabulary[j]), "normalized": counts.vocabulary[j],
                "count_target": int(y_t[j]), "count_reference": int(y_r[j]),
                "score": float(score[j]), "delta": float(delta[j])} for j in order]
    frame = records_frame(records, ("term", "normalized", "count_target", "count_reference", "score", "delta"))
    frame.insert(0, "rank", range(1, len(frame) + 1))
    frame["measure"] = measure
    frame["target"] = ", ".join(str(groups[i]) for i in rows_t)
    frame["reference"] = ", ".join(str(groups[i]) for i in rows_r)
    return frame


#: what an emerging-terms table says of its first period (``frame.attrs["note"]``)
EMERGING_NOTE = (
    "The first period has no baseline: every term it uses is seen for the first time, so none is reported "
    "as emerging there."
)
#: … and a vanishing-terms table of its last period
VANISHING_NOTE = "Terms of the last period are still in use: none is reported as vanishing."


def emerging(
    corpus: Corpus,
    *,
    by: str = "year",
    min_count: int = 3,
    top: int | None = 20,
    stopwords: Iterable[str] = DEFAULT_STOPWORDS,
    counts: TermCounts | None = None,
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Terms first used in each period, after the first, ranked by what follows.

    A term emerges in the period of its first appearance in the corpus, however often it is
    used there (碳达峰 once in 2021); it must be used at least ``min_count`` times over its
    lifetime (that period and every later one). The first period has no baseline — all its
    terms are new — and is never reported (the table's ``attrs["note"]`` says so).

    Within a period, terms rank by one formula over the term's life from that period on:

        score = ln(1 + lifetime) x (1 + persistence) x growth

    where ``lifetime`` is the term's count from its first period on, ``persistence`` the
    share of the later periods that use it (1 for the last period, which has none), and
    ``growth`` its rise from the baseline of none: its count in the first period (a
    coinage is introduced with emphasis, 新常态 three times in its first report; a word that
    merely turns up once is not). A term introduced with weight that stays in use ranks
    first.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    by : str or sequence
        A docvar that groups the documents (year, decade, speaker …), or one key per
        document.
    min_count : int
        The fewest occurrences over the term's lifetime.
    top : int or None
        Terms per period (None: all).
    stopwords : tier names or words
        ``("function", "filler", "procedure")`` by default; a set of words of your own
        replaces them.
    counts : TermCounts, optional
        :func:`term_counts` of ``corpus`` when the caller has them (``stopwords``,
        ``backend`` and ``convert`` are then not used).
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        One row per (period, term), ``top`` per period (None: all): the period, ``rank``,
        ``term`` (as the corpus mostly writes it: Traditional stays Traditional),
        ``normalized`` (Simplified), ``count`` (in the first period), ``lifetime``,
        ``per_10k`` (in the first period), ``persistence``, ``growth``, ``score``, and the
        docvars constant within a period. Terms are those of
        :class:`~policytext.terms.PolicyTokenizer`: no numbers, function words, names or
        fragments of longer words.

    Raises
    ------
    KeyError
        When ``by`` names no docvar.
    ValueError
        When ``by`` gives keys, but not one per document.
    policytext.ConfigError
        For a bad ``backend`` or ``convert``.
    """
    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    frame = _first_or_last(corpus, by=by, min_count=min_count, top=top, counts=counts, last=False)
    frame.attrs["note"] = EMERGING_NOTE
    return frame


def vanishing(
    corpus: Corpus,
    *,
    by: str = "year",
    min_count: int = 3,
    top: int | None = 20,
    stopwords: Iterable[str] = DEFAULT_STOPWORDS,
    counts: TermCounts | None = None,
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Terms last used before the final period: what a corpus stopped saying, and when.

    A term vanishes after the period of its last use, when that is not the final period
    (a term of the final period is still in use: never reported; ``attrs["note"]``); it
    must be used at least ``min_count`` times over its lifetime (up to that period).
    Within a period, terms rank by their earlier use, the mirror of :func:`emerging`:

        score = ln(1 + lifetime) x (1 + persistence) x growth

    with ``lifetime`` the count up to and including the last period of use,
    ``persistence`` the share of the earlier periods that use it (1 for the first period)
    and ``growth`` the count in that last period (the fall to none after it). Columns as in :func:`emerging` (``count`` and ``per_10k`` in the last period
    of use).

    Parameters
    ----------
    corpus : Corpus
        The documents.
    by : str or sequence
        A docvar that groups the documents (year, decade, speaker …), or one key per
        document.
    min_count : int
        The fewest occurrences over the term's lifetime.
    top : int or None
        Terms per period (None: all).
    stopwords : tier names or words
        ``("function", "filler", "procedure")`` by default; a set of words of your own
        replaces them.
    counts : TermCounts, optional
        :func:`term_counts` of ``corpus`` when the caller has them (``stopwords``,
        ``backend`` and ``convert`` are then not used).
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        One row per (period, term), ``top`` per period: the period of last use,
        ``rank``, ``term``, ``normalized``, ``count``, ``lifetime``, ``per_10k``,
        ``persistence``, ``growth``, ``score``, and the docvars constant within a period;
        ``attrs["note"]`` says why the last period has none.

    Raises
    ------
    KeyError
        When ``by`` names no docvar.
    ValueError
        When ``by`` gives keys, but not one per document.
    policytext.ConfigError
        For a bad ``backend`` or ``convert``.
    """
    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    frame = _first_or_last(corpus, by=by, min_count=min_count, top=top, counts=counts, last=True)
    frame.attrs["note"] = VANISHING_NOTE
    return frame


EMERGING_COLUMNS = ("term", "normalized", "count", "lifetime", "per_10k", "persistence", "growth", "score")


def _first_or_last(
    corpus: Corpus, *, by: str, min_count: int, top: int | None, counts: TermCounts, last: bool,
) -> pd.DataFrame:
    import numpy as np

    groups, matrix, tokens = counts.grouped(group_keys(corpus, by))
    dense = matrix.toarray()
    if last:  # the mirror image: the last use is the first use of the periods reversed
        dense = dense[::-1]
    n = len(groups)
    present = dense > 0
    seen = present.any(axis=0)
    first = np.where(seen, present.argmax(axis=0), n)
    # what follows the first period (inclusive), per term: a cumulative sum from the end
    after = np.cumsum(dense[::-1], axis=0)[::-1]
    used_after = np.cumsum(present[::-1], axis=0)[::-1]
    columns = np.arange(dense.shape[1])
    valid = seen & (first > 0) & (first < n)
    at = np.minimum(first, n - 1)
    lifetime = np.where(valid, after[at, columns], 0)
    keep = np.flatnonzero(valid & (lifetime >= min_count))
    records = []
    rates = 1e4 * dense / np.where(tokens > 0, tokens, 1)[::-1 if last else 1][:, None]
    for j in keep.tolist():
        i = int(first[j])
        later = n - i - 1
        persistence = (used_after[i, j] - 1) / later if later else 1.0
        total = float(lifetime[j])
        growth = float(dense[i, j])
        records.append({
            by: groups[n - 1 - i if last else i], "term": counts.surface(counts.vocabulary[j]),
            "normalized": counts.vocabulary[j], "count": int(dense[i, j]), "lifetime": int(total),
            "per_10k": float(rates[i, j]), "persistence": float(persistence), "growth": float(growth),
            "score": float(math.log1p(total) * (1 + persistence) * growth),
        })
    frame = records_frame(records, (by, *EMERGING_COLUMNS))
    frame = frame.sort_values([by, "score", "normalized"], ascending=[True, False, True], kind="stable")
    if top is not None:
        frame = frame.groupby(by, sort=False).head(top)
    frame = frame.reset_index(drop=True)
    frame.insert(1, "rank", frame.groupby(by, sort=False).cumcount() + 1)
    return _with_docvars(frame, corpus, by)


def similarity(
    corpus: Corpus, *, by: str = "year", stopwords: Iterable[str] = DEFAULT_STOPWORDS, counts: TermCounts | None = None,
    backend: str = "auto", convert: str | bool = "auto", top: int | None = None,
) -> pd.DataFrame:
    """Cosine similarity between groups over TF-IDF of their summed term counts: a square
    DataFrame whose index and columns are the groups — or, beyond
    :data:`~policytext.compare.neighbours.DENSE_MAX` groups (5,000: one per document of a
    big archive) or with ``top``, each group's nearest groups in a tidy table.

    Term frequencies are sublinear (``1 + ln count``) and weighted by the smoothed IDF
    over the groups, as scikit-learn's ``TfidfTransformer(sublinear_tf=True)``. The
    neighbours come from sparse products in blocks of rows, and leave out the terms of more
    than :data:`~policytext.compare.neighbours.MAX_DF` groups (see
    :mod:`policytext.compare.neighbours`): memory and time grow linearly with the groups.

    Parameters
    ----------
    corpus : Corpus
        The documents.
    by : str or sequence
        A docvar that groups the documents (year, decade, speaker …), or one key per
        document.
    stopwords : tier names or words
        ``("function", "filler", "procedure")`` by default; a set of words of your own
        replaces them.
    counts : TermCounts, optional
        :func:`term_counts` of ``corpus`` when the caller has them (``stopwords``,
        ``backend`` and ``convert`` are then not used).
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).
    top : int, optional
        Return each group's ``top`` nearest groups instead of the square matrix (the
        default beyond 5,000 groups, with ``top`` 10).

    Returns
    -------
    pandas.DataFrame
        Groups × groups, 1 on the diagonal (0 for a group without terms); index and
        columns are named after ``by``. The neighbours instead: one row per group and
        neighbour, ``by`` (``group`` for keys), ``neighbour``, ``similarity`` (the cosine
        over the terms of at most ``MAX_DF`` groups: never above the full cosine) and
        ``rank`` (1 the nearest; ties go to the earlier group); a group sharing no such term
        with any other has no row.

    Raises
    ------
    KeyError
        When ``by`` names no docvar.
    ValueError
        When ``by`` gives keys, but not one per document.
    policytext.ConfigError
        For a bad ``backend`` or ``convert``.
    """
    import pandas as pd

    from policytext.compare.neighbours import DENSE_MAX, NEIGHBOURS, tfidf_rows

    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    groups, matrix, _ = counts.grouped(group_keys(corpus, by))
    # TF-IDF written out (neighbours.tfidf_rows): importing scikit-learn costs a batch run
    # more than the arithmetic
    weights = tfidf_rows(matrix)
    label = by if isinstance(by, str) else "group"
    if top is not None or len(groups) > DENSE_MAX:
        return _neighbour_frame(weights, groups, label, top or NEIGHBOURS)
    frame = pd.DataFrame((weights @ weights.T).toarray(), index=groups, columns=groups)
    frame.index.name = label
    frame.columns.name = frame.index.name
    return frame


def _neighbour_frame(weights: Any, groups: list[Hashable], label: str, k: int) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    from policytext.compare.neighbours import top_neighbours

    rows, cols, scores, ranks = top_neighbours(weights, k)
    keys = np.asarray(groups, dtype=object)
    return pd.DataFrame({label: keys[rows], "neighbour": keys[cols], "similarity": scores, "rank": ranks})


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (ties get their mean rank).

    Parameters
    ----------
    x, y : sequence of float
        Paired values, as long as each other.

    Returns
    -------
    float
        Between -1 and 1; NaN when either is constant.

    Examples
    --------
    >>> spearman([1, 2, 3, 4], [10, 20, 40, 30])
    0.8
    """
    import pandas as pd

    rx = pd.Series(list(x)).rank().to_numpy()
    ry = pd.Series(list(y)).rank().to_numpy()
    mx, my = rx.mean(), ry.mean()
    num = float(((rx - mx) * (ry - my)).sum())
    den = math.sqrt(float(((rx - mx) ** 2).sum()) * float(((ry - my) ** 2).sum()))
    return num / den if den else float("nan")
