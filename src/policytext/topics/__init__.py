"""Themes of documents: the bundled policy-theme dictionary (:func:`themes` with
``method="dictionary"``) and seeded NMF / LDA topic models (:class:`TopicModel`)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.terms import resources as tr

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

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
    added to the bundled ones (``replace=True`` uses only the given ones)."""
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


def dictionary_themes(corpus: Corpus, themes: Any = None, *, replace: bool = False) -> pd.DataFrame:
    """Documents x themes: theme-term occurrences per 10,000 word tokens (plus ``tokens``),
    with the docvars attached. Theme terms are kept whole by the segmenter."""
    from policytext.compare.counts import term_counts
    from policytext.script.convert import convert

    table = load_themes(themes, replace=replace)
    words = {key: [convert(t, "t2s") for t in spec["terms"]] for key, spec in table.items()}
    all_terms = sorted({t for ws in words.values() for t in ws})
    counts = term_counts(corpus, stopwords=(), min_chars=1, userdict=all_terms)
    index = {t: j for j, t in enumerate(counts.vocabulary)}
    records = []
    dense = {t: counts.matrix[:, index[t]].toarray().ravel() for t in all_terms if t in index}
    for row, doc_id in enumerate(counts.doc_ids):
        total = counts.tokens[row]
        record: dict[str, Any] = {"doc_id": doc_id, "tokens": int(total)}
        for key, ws in words.items():
            n = sum(dense[t][row] for t in ws if t in dense)
            record[key] = 1e4 * n / total if total else 0.0
        records.append(record)
    return _attach(records_frame(records, ("doc_id", "tokens", *words)), corpus)


@dataclass
class TopicModel:
    """A fitted topic model: ``terms`` (topic, rank, term, weight), ``documents`` (doc_id,
    one share column per topic, docvars) and the scikit-learn ``model`` itself."""

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
        """Mean document-topic share per value of the docvar ``by`` (tidy)."""
        long = self.documents.melt(id_vars=[by], value_vars=self.topic_columns, var_name="topic", value_name="share")
        return long.groupby([by, "topic"], as_index=False)["share"].mean()

    def labels(self, n: int = 3) -> dict[str, str]:
        """topic → its top ``n`` terms joined, for plots and tables."""
        top = self.terms[self.terms["rank"] <= n]
        return {t: " ".join(g["term"]) for t, g in top.groupby("topic", sort=False)}


def topic_model(
    corpus: Corpus, *, method: str = "nmf", k: int = 10, top: int = 10, seed: int = 0,
    stopwords: Iterable[str] = tr.DEFAULT_STOPWORDS, min_df: int = 2, max_df: float = 0.9,
) -> TopicModel:
    """NMF (on TF-IDF) or LDA (on counts) over policy terms, seeded so that the same input
    gives the same topics. Terms in fewer than ``min_df`` documents or more than ``max_df``
    of them are left out."""
    import numpy as np
    from sklearn.decomposition import NMF, LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    from policytext.terms.tokenize import PolicyTokenizer

    tokenizer = PolicyTokenizer(stopwords=stopwords)
    texts = list(corpus.texts)
    if len(texts) < 2:
        raise ValueError("a topic model needs at least 2 documents")
    vectorizer_class = TfidfVectorizer if method == "nmf" else CountVectorizer
    vectorizer = vectorizer_class(analyzer=tokenizer, min_df=min(min_df, len(texts)), max_df=max_df)
    matrix = vectorizer.fit_transform(texts)
    tokenizer.forget()
    vocabulary = vectorizer.get_feature_names_out().tolist()
    k = max(1, min(k, matrix.shape[1], len(texts)))
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
    (``k=``, ``seed=``, ``top=`` …)."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
    if method == "dictionary":
        return dictionary_themes(corpus, **options)
    return topic_model(corpus, method=method, **options)


__all__ = ["METHODS", "TopicModel", "bundled_themes", "dictionary_themes", "load_themes", "themes", "topic_model"]
