"""Themes of documents: the bundled policy-theme dictionary (:func:`themes` with
``method="dictionary"``) and seeded NMF / LDA topic models (:class:`TopicModel`)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from policytext.errors import ConfigError
from policytext.frames import records_frame
from policytext.terms import DEFAULT_STOPWORDS

if TYPE_CHECKING:
    import pandas as pd

    from policytext.compare import TermCounts
    from policytext.corpus import Corpus
    from policytext.terms import TermSummary

METHODS = ("dictionary", "nmf", "lda")
THEMES_FILE = "data/themes_v1.yaml"


@functools.lru_cache(maxsize=1)
def bundled_themes() -> dict[str, dict[str, Any]]:
    """The bundled lexicon: theme key → {"label": Chinese label, "terms": [...]} (v1)."""
    import yaml

    text = resources.files("policytext.topics").joinpath(THEMES_FILE).read_text("utf-8")
    return _validated(yaml.safe_load(text), THEMES_FILE)


def _validated(raw: Any, source: str) -> dict[str, dict[str, Any]]:
    if not isinstance(raw, Mapping) or not raw:
        raise ValueError(f"{source}: themes must be a mapping of theme → terms")
    out: dict[str, dict[str, Any]] = {}
    for key, value in raw.items():
        terms = value.get("terms") if isinstance(value, Mapping) else value
        label = value.get("label", key) if isinstance(value, Mapping) else key
        if isinstance(terms, str) or not isinstance(terms, Iterable):
            raise ValueError(f"{source}: theme {key!r} needs a list of terms")
        words = [str(t).strip() for t in terms if str(t).strip()]
        if not words:
            raise ValueError(f"{source}: theme {key!r} has no terms")
        out[str(key)] = {"label": str(label), "terms": words}
    return out


def load_themes(themes: str | os.PathLike[str] | Mapping[str, Any] | None = None, *, replace: bool = False) -> dict[str, dict[str, Any]]:
    """Themes from a dict (theme → list of terms, or → {"label", "terms"}) or a YAML file,
    added to the bundled ones (``replace=True`` uses only the given ones).

    Parameters
    ----------
    themes : str, path-like, mapping or None
        The themes (None: the bundled ones alone).
    replace : bool
        Use only the given themes instead of adding them to the bundled ones.

    Returns
    -------
    dict
        theme key → ``{"label": str, "terms": list of str}``.

    Raises
    ------
    FileNotFoundError
        When the YAML file cannot be read.
    ValueError
        When the themes are not a mapping of theme → terms, or a theme has no terms.

    Examples
    --------
    >>> load_themes({"grain": ["粮食安全", "耕地"]}, replace=True)
    {'grain': {'label': 'grain', 'terms': ['粮食安全', '耕地']}}
    """
    if themes is None:
        return dict(bundled_themes())
    if isinstance(themes, Mapping):
        given = _validated(themes, "themes")
    else:
        import yaml

        path = os.fspath(themes)
        try:
            with open(path, encoding="utf-8") as fh:
                given = _validated(yaml.safe_load(fh), path)
        except OSError as exc:
            raise FileNotFoundError(f"themes file {path!r} cannot be read: {exc}") from exc
    return given if replace else {**bundled_themes(), **given}


def _attach(frame: pd.DataFrame, corpus: Corpus) -> pd.DataFrame:
    return frame.merge(corpus.docvars, on="doc_id", how="left")


def theme_words(table: Mapping[str, Mapping[str, Any]]) -> dict[str, tuple[str, ...]]:
    """theme → its terms in Simplified (the form every term statistic counts), deduplicated."""
    from policytext.script import convert

    return {key: tuple(dict.fromkeys(convert(t, "t2s") for t in spec["terms"])) for key, spec in table.items()}


def theme_record(doc_id: Any, summary: TermSummary, words: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """One document's row of the themes table: its word tokens and, per theme, occurrences
    of the theme's terms per 10,000 word tokens (``summary`` counted them: ``extra=``)."""
    total = summary.words
    record: dict[str, Any] = {"doc_id": doc_id, "tokens": int(total)}
    for key, terms in words.items():
        n = sum(summary.extra.get(t, 0) for t in terms)
        record[key] = 1e4 * n / total if total else 0.0
    return record


def dictionary_themes(
    corpus: Corpus, themes: Any = None, *, replace: bool = False, userdict: Iterable[str] | None = None,
    backend: str = "auto", convert: str | bool = "auto",
) -> pd.DataFrame:
    """Documents x themes: theme-term occurrences per 10,000 word tokens (plus ``tokens``),
    with the docvars attached. Theme terms are kept whole by the segmenter (the bundled
    ones are in the policy lexicon; your own are added for this call).

    Parameters
    ----------
    corpus : Corpus
        The documents.
    themes : str, path-like or mapping, optional
        Themes of your own (:func:`load_themes`).
    replace : bool
        Use only ``themes`` instead of adding them to the bundled ones.
    userdict : iterable of str, optional
        Extra words for the segmenter.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``tokens`` (word tokens), one column per theme key (occurrences per
        10,000 word tokens), then the docvars.

    Raises
    ------
    FileNotFoundError, ValueError
        When ``themes`` cannot be read or is not a themes table (:func:`load_themes`).
    policytext.ConfigError
        For a bad ``convert`` or ``backend``.
    """
    from policytext.segmentation import lexicon_entries
    from policytext.terms import PolicyTokenizer

    table = load_themes(themes, replace=replace)
    words = theme_words(table)
    all_terms = tuple(dict.fromkeys(t for ts in words.values() for t in ts))
    known = {word for word, _, _ in lexicon_entries()}
    own = tuple(t for t in all_terms if t not in known)
    tokenizer = PolicyTokenizer(phrases=tuple(userdict or ()) + own, backend=backend, convert=convert)
    records = [theme_record(d, tokenizer.summary(text, extra=all_terms), words) for d, text in zip(corpus.doc_ids, corpus.texts)]
    return _attach(records_frame(records, ("doc_id", "tokens", *words)), corpus)


@dataclass
class TopicModel:
    """A fitted topic model: ``terms`` (topic, rank, term, weight), ``documents`` (doc_id,
    one share column per topic, docvars) and the scikit-learn ``model`` itself.

    Attributes
    ----------
    method : {"nmf", "lda"}
        The model.
    k : int
        Topics fitted (fewer than asked when the terms or documents are fewer).
    terms : pandas.DataFrame
        ``topic`` (``topic_0`` …), ``rank`` (1 = heaviest), ``term``, ``weight``.
    documents : pandas.DataFrame
        ``doc_id``, one column per topic with the document's share (summing to 1 per
        document, or all 0), then the docvars.
    model : sklearn.decomposition.NMF or LatentDirichletAllocation
        The fitted estimator.
    vocabulary : list of str
        The terms of the matrix the model was fitted on, in column order.
    """

    method: str
    k: int
    terms: pd.DataFrame
    documents: pd.DataFrame
    model: Any
    vocabulary: list[str]

    @property
    def topic_columns(self) -> list[str]:
        return [f"topic_{i}" for i in range(self.k)]

    def prevalence(self, by: str) -> pd.DataFrame:
        """Mean document-topic share per value of the docvar ``by`` (tidy).

        Parameters
        ----------
        by : str
            A docvar column (``year``).

        Returns
        -------
        pandas.DataFrame
            ``by``, ``topic``, ``share``.
        """
        long = self.documents.melt(id_vars=[by], value_vars=self.topic_columns, var_name="topic", value_name="share")
        return long.groupby([by, "topic"], as_index=False)["share"].mean()

    def labels(self, n: int = 3) -> dict[str, str]:
        """topic → its top ``n`` terms joined, for plots and tables.

        Parameters
        ----------
        n : int
            Terms per label.

        Returns
        -------
        dict of str to str
            ``topic_0`` → ``"term term term"``.
        """
        top = self.terms[self.terms["rank"] <= n]
        return {t: " ".join(g["term"]) for t, g in top.groupby("topic", sort=False)}


def _topic_matrix(counts: TermCounts, *, method: str, min_df: int, max_df: float) -> tuple[Any, list[str]]:
    """The documents x terms matrix a topic model fits: counts (LDA) or l2-normalised
    TF-IDF (NMF) over the terms in at least ``min_df`` documents and at most ``max_df`` of
    them, columns in code-point order (what scikit-learn's vectorizers give)."""
    import numpy as np
    from scipy import sparse

    from policytext.terms import smoothed_idf

    n = counts.matrix.shape[0]
    df = np.bincount(counts.matrix.indices, minlength=counts.matrix.shape[1])
    kept = [j for j in np.flatnonzero((df >= min(min_df, n)) & (df <= max_df * n)).tolist()]
    kept.sort(key=counts.vocabulary.__getitem__)
    matrix = counts.matrix[:, kept].tocsr()
    if method == "nmf":
        matrix = matrix @ sparse.diags(smoothed_idf(df[kept], n))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        matrix = (sparse.diags(1 / np.where(norms > 0, norms, 1)) @ matrix).tocsr()
    return matrix, [counts.vocabulary[j] for j in kept]


def topic_model(
    corpus: Corpus, *, method: str = "nmf", k: int = 10, top: int = 10, seed: int = 0,
    stopwords: Iterable[str] = DEFAULT_STOPWORDS, min_df: int = 2, max_df: float = 0.9,
    userdict: Iterable[str] | None = None, backend: str = "auto", convert: str | bool = "auto",
    counts: TermCounts | None = None,
) -> TopicModel:
    """NMF (on TF-IDF) or LDA (on counts) over policy terms, seeded so that the same input
    gives the same topics. Terms in fewer than ``min_df`` documents or more than ``max_df``
    of them are left out. The counts are :func:`policytext.compare.term_counts` (the one
    counting path; ``counts=`` when the caller has them, one row per document of
    ``corpus``); ``userdict``, ``backend`` and ``convert`` go to it.

    Parameters
    ----------
    corpus : Corpus
        At least 2 documents.
    method : {"nmf", "lda"}
        NMF on l2-normalised TF-IDF, or LDA on counts.
    k : int
        Topics (at most the number of terms kept and of documents).
    top : int
        Terms listed per topic in ``terms``.
    seed : int
        The random state of the model.
    stopwords : iterable of str
        Words left out of the counts.
    min_df : int
        Fewest documents a term must occur in.
    max_df : float
        Largest share of documents a term may occur in.
    userdict : iterable of str, optional
        Extra words for the segmenter.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).
    counts : TermCounts, optional
        Counts already made, one row per document of ``corpus``.

    Returns
    -------
    TopicModel

    Raises
    ------
    policytext.ConfigError
        For a ``method`` other than ``"nmf"``/``"lda"``, fewer than 2 documents, or a
        bad ``convert``/``backend``.
    """
    import numpy as np
    from sklearn.decomposition import NMF, LatentDirichletAllocation

    from policytext.compare import term_counts

    if method not in ("nmf", "lda"):
        raise ConfigError(f"a topic model's method is 'nmf' or 'lda', not {method!r}")
    if len(corpus) < 2:
        raise ConfigError("a topic model needs at least 2 documents")
    if counts is None:
        counts = term_counts(corpus, stopwords=stopwords, userdict=userdict, backend=backend, convert=convert)
    matrix, vocabulary = _topic_matrix(counts, method=method, min_df=min_df, max_df=max_df)
    k = max(1, min(k, matrix.shape[1], len(corpus)))
    if method == "nmf":
        model: Any = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400)
    else:
        model = LatentDirichletAllocation(n_components=k, random_state=seed, learning_method="batch")
    doc_topic = model.fit_transform(matrix)
    shares = doc_topic / np.where(doc_topic.sum(axis=1, keepdims=True) > 0, doc_topic.sum(axis=1, keepdims=True), 1)
    term_rows = []
    for t, weights in enumerate(model.components_):
        for rank, j in enumerate(np.argsort(-weights, kind="stable")[:top], start=1):
            term_rows.append({"topic": f"topic_{t}", "rank": rank, "term": vocabulary[j], "weight": float(weights[j])})
    documents = records_frame(
        [{"doc_id": d, **{f"topic_{t}": float(shares[i, t]) for t in range(k)}} for i, d in enumerate(corpus.doc_ids)],
        ("doc_id", *[f"topic_{t}" for t in range(k)]),
    )
    return TopicModel(method, k, records_frame(term_rows, ("topic", "rank", "term", "weight")),
                      _attach(documents, corpus), model, vocabulary)


def themes(corpus: Corpus, *, method: str = "dictionary", **options: Any) -> Any:
    """``method="dictionary"``: documents x themes per 10,000 tokens (a DataFrame, see
    :func:`dictionary_themes`; ``themes=`` a dict or YAML path adds or, with
    ``replace=True``, replaces themes). ``"nmf"`` / ``"lda"``: a :class:`TopicModel`
    (``k=``, ``seed=``, ``top=`` …).

    Parameters
    ----------
    corpus : Corpus
        The documents.
    method : {"dictionary", "nmf", "lda"}
        The bundled theme dictionary, or a topic model.
    **options
        Options of :func:`dictionary_themes` (``themes``, ``replace``, ``userdict``,
        ``backend``, ``convert``) or of :func:`topic_model` (``k``, ``top``, ``seed``,
        ``stopwords``, ``min_df``, ``max_df`` …).

    Returns
    -------
    pandas.DataFrame or TopicModel
        For ``"dictionary"``: ``doc_id``, ``tokens``, one column per theme (occurrences
        per 10,000 word tokens) and the docvars; otherwise the fitted :class:`TopicModel`.

    Raises
    ------
    policytext.ConfigError
        For an unknown ``method``, or what :func:`dictionary_themes` or
        :func:`topic_model` raise.
    """
    if method not in METHODS:
        raise ConfigError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if method == "dictionary":
        return dictionary_themes(corpus, **options)
    return topic_model(corpus, method=method, **options)


__all__ = [
    "METHODS", "TopicModel", "bundled_themes", "dictionary_themes", "load_themes", "theme_record", "theme_words", "themes",
    "topic_model",
]
