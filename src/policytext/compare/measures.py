"""Comparisons across groups of documents (year, decade, speaker …): term trends, keyness
(log-odds with an informative Dirichlet prior, chi², G²), emerging and vanishing terms,
and cosine similarity between groups. Every function returns a tidy DataFrame."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policytext.compare.counts import TermCounts, group_keys, term_counts, with_group_docvars
from policytext.frames import records_frame
from policytext.terms import DEFAULT_STOPWORDS, smoothed_idf

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
    The terms are kept whole by the segmenter and counted even when they are stopwords."""
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
    records = [{"term": counts.vocabulary[j], "count_target": int(y_t[j]), "count_reference": int(y_r[j]),
                "score": float(score[j]), "delta": float(delta[j])} for j in order]
    frame = records_frame(records, ("term", "count_target", "count_reference", "score", "delta"))
    frame.insert(0, "rank", range(1, len(frame) + 1))
    frame["measure"] = measure
    frame["target"] = ", ".join(str(groups[i]) for i in rows_t)
    frame["reference"] = ", ".join(str(groups[i]) for i in rows_r)
    return frame


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
    """Terms first seen in each period (with at least ``min_count`` occurrences there),
    ranked within the period by ``score``: the mean rate per 10,000 tokens from that period
    to the last one, so a term that is salient when it appears and stays used ranks first.
    ``persistence`` is the share of later periods that use it. ``top`` keeps the best n per
    period (None: all)."""
    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    return _first_or_last(corpus, by=by, min_count=min_count, top=top, counts=counts, last=False)


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
    """Terms last seen in each period (``min_count`` there), ranked by their mean rate per
    10,000 tokens over the periods up to it: what a corpus stopped saying, and when."""
    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    return _first_or_last(corpus, by=by, min_count=min_count, top=top, counts=counts, last=True)


def _first_or_last(
    corpus: Corpus, *, by: str, min_count: int, top: int | None, counts: TermCounts, last: bool,
) -> pd.DataFrame:
    import numpy as np

    groups, matrix, tokens = counts.grouped(group_keys(corpus, by))
    dense = matrix.toarray()
    present = dense > 0
    rates = 1e4 * dense / np.where(tokens > 0, tokens, 1)[:, None]
    n = len(groups)
    records = []
    for j, term in enumerate(counts.vocabulary):
        seen = np.flatnonzero(present[:, j])
        if not len(seen):
            continue
        i = seen[-1] if last else seen[0]
        if dense[i, j] < min_count:
            continue
        span = slice(0, i + 1) if last else slice(i, n)
        others = present[: i, j] if last else present[i + 1 :, j]
        records.append({
            by: groups[i], "term": term, "count": int(dense[i, j]), "per_10k": float(rates[i, j]),
            "persistence": float(others.mean()) if len(others) else float("nan"),
            "score": float(rates[span, j].mean()),
        })
    frame = records_frame(records, (by, "term", "count", "per_10k", "persistence", "score"))
    frame = frame.sort_values([by, "score", "term"], ascending=[True, False, True], kind="stable")
    if top is not None:
        frame = frame.groupby(by, sort=False).head(top)
    frame = frame.reset_index(drop=True)
    frame.insert(1, "rank", frame.groupby(by, sort=False).cumcount() + 1)
    return _with_docvars(frame, corpus, by)


def similarity(
    corpus: Corpus, *, by: str = "year", stopwords: Iterable[str] = DEFAULT_STOPWORDS, counts: TermCounts | None = None,
    backend: str = "auto", convert: str | bool = "auto",
) -> pd.DataFrame:
    """Cosine similarity between groups over TF-IDF of their summed term counts: a square
    DataFrame whose index and columns are the groups."""
    import numpy as np
    import pandas as pd
    from scipy import sparse

    counts = counts or term_counts(corpus, stopwords=stopwords, backend=backend, convert=convert)
    groups, matrix, _ = counts.grouped(group_keys(corpus, by))
    # TF-IDF as scikit-learn's TfidfTransformer(sublinear_tf=True) computes it, written
    # out: importing scikit-learn costs a batch run more than the arithmetic
    tf = matrix.tocsr(copy=True)
    tf.data = 1 + np.log(tf.data)
    idf = smoothed_idf(np.bincount(tf.indices, minlength=tf.shape[1]), tf.shape[0])
    weights = tf @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    weights = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ weights
    frame = pd.DataFrame((weights @ weights.T).toarray(), index=groups, columns=groups)
    frame.index.name = by if isinstance(by, str) else "group"
    frame.columns.name = frame.index.name
    return frame


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation (ties get their mean rank)."""
    import pandas as pd

    rx = pd.Series(list(x)).rank().to_numpy()
    ry = pd.Series(list(y)).rank().to_numpy()
    mx, my = rx.mean(), ry.mean()
    num = float(((rx - mx) * (ry - my)).sum())
    den = math.sqrt(float(((rx - mx) ** 2).sum()) * float(((ry - my) ** 2).sum()))
    return num / den if den else float("nan")
