"""scikit-learn integration: :class:`Tokenizer`, a picklable ``text -> tokens`` callable for
``TfidfVectorizer``/``CountVectorizer``, and two transformers that turn texts into features
inside a ``Pipeline``: :class:`IndicatorExtractor` (the headline targets a text states) and
:class:`ThemeScorer` (policy themes per 10,000 tokens).

Both transformers take an iterable of texts, or a 2-D array of text columns (cells joined
per row, as a ``ColumnTransformer`` hands them over); they store their parameters unchanged,
learn in ``fit`` (``*_`` attributes) and support ``get_feature_names_out`` and
``set_output(transform="pandas")``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

__all__ = ["IndicatorExtractor", "ThemeScorer", "Tokenizer"]


class Tokenizer:
    """The tokens :func:`policytext.segment` finds in a text, for scikit-learn vectorizers::

        TfidfVectorizer(tokenizer=pt.sklearn.Tokenizer(), token_pattern=None, lowercase=False)

    ``normalized=True`` gives each token in Simplified script (so Traditional and
    Simplified documents share one vocabulary; ``False`` keeps the original script);
    ``punctuation=False`` leaves out tokens with no letter, digit or Han character.
    ``userdict``, ``lexicon`` and ``backend`` are passed to :func:`policytext.segment`.
    Instances pickle (the segmenter is loaded once per process, on first use).

    Parameters
    ----------
    normalized : bool
        Tokens in Simplified script (default) rather than as written.
    punctuation : bool
        Keep tokens with no letter, digit or Han character (punctuation, spaces).
    userdict : tuple of str, optional
        Extra words for the segmenter (jieba dictionary lines).
    lexicon : bool
        Segment with the bundled policy lexicon.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.

    Examples
    --------
    >>> Tokenizer()("實施固本強基工程，黨員占30.26%")
    ['实施', '固本强基', '工程', '党员', '占', '30.26%']
    """

    def __init__(
        self, *, normalized: bool = True, punctuation: bool = False, userdict: tuple[str, ...] | None = None,
        lexicon: bool = True, backend: str = "auto",
    ) -> None:
        self.normalized = normalized
        self.punctuation = punctuation
        self.userdict = userdict
        self.lexicon = lexicon
        self.backend = backend

    def __call__(self, text: str) -> list[str]:
        """The tokens of ``text``.

        Parameters
        ----------
        text : str
            One text, in either script (read through :func:`policytext.analysis_text`).

        Returns
        -------
        list of str

        Raises
        ------
        TypeError
            When ``text`` is not a str.
        policytext.ConfigError
            For a bad ``backend``.
        """
        from policytext.segmentation import segment

        seg = segment(text, userdict=self.userdict, lexicon=self.lexicon, backend=self.backend)
        tokens = seg.normalized if self.normalized else seg.tokens
        if self.punctuation:
            return tokens
        return [t for t in tokens if any(c.isalnum() for c in t)]

    def __repr__(self) -> str:
        return (f"Tokenizer(normalized={self.normalized}, punctuation={self.punctuation}, "
                f"userdict={self.userdict!r}, lexicon={self.lexicon}, backend={self.backend!r})")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Tokenizer) and vars(self) == vars(other)

    def __hash__(self) -> int:
        return hash(tuple(sorted(vars(self).items())))


def _texts(X: Any, estimator: str) -> list[str]:
    """The texts of a 1-D input: an iterable of str (a list, a Series, a 1-D array)."""
    if isinstance(X, str):
        raise ValueError(f"{estimator} takes an iterable of texts, not a single str: wrap it in a list")
    try:
        texts = list(X)
    except TypeError as exc:
        raise ValueError(f"{estimator} takes an iterable of texts, got {type(X).__name__}") from exc
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"{estimator}: item {i} is {type(text).__name__}, not a text (str)")
    return texts


def _is_table(X: Any) -> bool:
    """A 2-D input (or a sparse matrix, which is refused with sklearn's own message)."""
    from scipy import sparse

    if sparse.issparse(X):
        return True
    if isinstance(X, str) or X is None:
        return False
    shape = getattr(X, "shape", None)
    if shape is None and hasattr(X, "__array__"):
        shape = np.asarray(X).shape
    if shape is None and isinstance(X, (list, tuple)) and X and isinstance(X[0], (list, tuple)):
        return True
    return shape is not None and len(shape) == 2


def _cell(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    return str(value)


class _TextTransformer(TransformerMixin, BaseEstimator):
    """Shared parts: text input tags and the feature names learned in ``fit``."""

    feature_names_: list[str]

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True  # a missing cell is an empty text
        return tags

    def _input(self, X: Any, *, reset: bool) -> list[str]:
        """The texts of ``X``: a 1-D iterable of str, or a 2-D array-like (a
        ColumnTransformer's text columns) whose cells are joined row by row; the
        structure seen in ``fit`` is the one ``transform`` accepts."""
        from sklearn.utils.validation import validate_data

        name = type(self).__name__
        if reset:
            self.table_input_ = _is_table(X)
        if not self.table_input_:
            if _is_table(X):
                raise ValueError(f"{name} was fitted on a 1-D iterable of texts; got a 2-D input")
            texts = _texts(X, name)
            if not texts:
                raise ValueError(f"{name}: found 0 texts, at least one is required")
            return texts
        rows = validate_data(self, X, dtype=None, accept_sparse=False, ensure_all_finite=False, reset=reset)
        if np.iscomplexobj(rows):
            raise ValueError(f"{name}: complex data is not text")
        return ["\n".join(_cell(c) for c in row) for row in np.asarray(rows, dtype=object)]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "feature_names_")
        return np.asarray(self.feature_names_, dtype=object)


class IndicatorExtractor(_TextTransformer):
    """Texts -> the value of each headline indicator they state (NaN where they do not):
    one column per key of ``targets`` (default: every key of the target table, such as
    ``gdp_growth``, ``cpi``, ``new_urban_jobs``), read by :func:`policytext.indicators`.

    ``status`` keeps the quantities stated as ``"target"`` (the default), ``"achieved"``,
    or ``"any"``; the first one in a text counts.

    Parameters
    ----------
    targets : iterable of str, optional
        Indicator keys (:data:`policytext.compare.TARGET_PATTERNS`); default: all of them.
    status : {"target", "achieved", "any"}
        Which quantities count.

    Attributes
    ----------
    feature_names_ : list of str
        The indicator keys, one per output column (after ``fit``).
    table_input_ : bool
        Whether ``fit`` saw a 2-D input (text columns joined per row).

    Examples
    --------
    >>> texts = ["今年的主要预期目标是：国内生产总值增长5%左右。", "去年国内生产总值增长5.2%。"]
    >>> IndicatorExtractor(targets=["gdp_growth"]).fit_transform(texts).ravel().tolist()
    [5.0, nan]
    >>> IndicatorExtractor(targets=["gdp_growth"], status="achieved").fit_transform(texts).ravel().tolist()
    [nan, 5.2]
    """

    def __init__(self, targets: Iterable[str] | None = None, status: str = "target") -> None:
        self.targets = targets
        self.status = status

    def fit(self, X: Any, y: Any = None) -> IndicatorExtractor:
        """Check the options and the input; learn the feature names.

        Parameters
        ----------
        X : iterable of str, or 2-D array-like of text columns
            The texts.
        y : None
            Ignored.

        Returns
        -------
        IndicatorExtractor
            ``self``.

        Raises
        ------
        ValueError
            For a bad ``status``, an unknown or empty ``targets``, or input that is not texts.
        """
        from policytext.compare import TARGET_PATTERNS

        self._input(X, reset=True)
        if self.status not in ("target", "achieved", "any"):
            raise ValueError(f"status must be 'target', 'achieved' or 'any', not {self.status!r}")
        keys = list(TARGET_PATTERNS) if self.targets is None else list(self.targets)
        unknown = [k for k in keys if k not in TARGET_PATTERNS]
        if unknown or not keys:
            raise ValueError(f"unknown targets {unknown or keys}; known: {', '.join(TARGET_PATTERNS)}")
        self.feature_names_ = keys
        return self

    def transform(self, X: Any) -> np.ndarray:
        """The value of each indicator each text states.

        Parameters
        ----------
        X : iterable of str, or 2-D array-like of text columns
            The texts, of the same structure as in ``fit``.

        Returns
        -------
        numpy.ndarray
            Texts × indicators, float, NaN where a text states none.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            Before ``fit``.
        ValueError
            When ``X`` is not texts, or not of the structure seen in ``fit``.
        """
        from policytext.compare import TARGET_PATTERNS, compile_patterns, target_key
        from policytext.numeric import indicators

        check_is_fitted(self, "feature_names_")
        texts = self._input(X, reset=False)
        patterns = compile_patterns({k: TARGET_PATTERNS[k] for k in self.feature_names_})
        column = {key: j for j, key in enumerate(self.feature_names_)}
        out = np.full((len(texts), len(self.feature_names_)), np.nan)
        for row, text in enumerate(texts):
            table = indicators(text)
            if self.status != "any":
                table = table[table["status"] == self.status]
            for name, unit, value in zip(table["indicator"], table["unit"], table["value"]):
                # the first value stated for each key (the matcher of pt.compare.targets)
                key = target_key(name, unit, patterns)
                if key is not None and np.isnan(out[row, column[key]]):
                    out[row, column[key]] = value
        return out


class ThemeScorer(_TextTransformer):
    """Texts -> policy themes per 10,000 word tokens, one column per theme (the bundled
    dictionary, or ``themes``: a mapping theme -> terms or a YAML file, added to the bundled
    ones unless ``replace=True``), as :func:`policytext.themes` computes them.

    Theme terms count as whole tokens (the segmenter keeps them in one piece).

    Parameters
    ----------
    themes : mapping, str or None
        Themes of your own: theme → list of terms (or → ``{"label", "terms"}``), or a
        YAML file of them (:func:`policytext.topics.load_themes`).
    replace : bool
        Use only ``themes`` instead of adding them to the bundled ones.

    Attributes
    ----------
    themes_ : dict
        The themes scored (after ``fit``).
    feature_names_ : list of str
        The theme keys, one per output column.
    table_input_ : bool
        Whether ``fit`` saw a 2-D input (text columns joined per row).

    Examples
    --------
    >>> ThemeScorer(themes={"grain": ["粮食安全"]}, replace=True).fit_transform(["粮食产量稳定，粮食安全。"]).round(1)
    array([[3333.3]])
    """

    def __init__(self, themes: Mapping[str, Any] | str | None = None, replace: bool = False) -> None:
        self.themes = themes
        self.replace = replace

    def fit(self, X: Any, y: Any = None) -> ThemeScorer:
        """Load the themes and check the input.

        Parameters
        ----------
        X : iterable of str, or 2-D array-like of text columns
            The texts.
        y : None
            Ignored.

        Returns
        -------
        ThemeScorer
            ``self``.

        Raises
        ------
        FileNotFoundError, ValueError
            When ``themes`` cannot be read or is not a themes table, or the input is not texts.
        """
        from policytext.topics import load_themes

        self._input(X, reset=True)
        self.themes_ = load_themes(self.themes, replace=self.replace)
        self.feature_names_ = list(self.themes_)
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Each theme's occurrences per 10,000 word tokens of each text.

        Parameters
        ----------
        X : iterable of str, or 2-D array-like of text columns
            The texts, of the same structure as in ``fit``.

        Returns
        -------
        numpy.ndarray
            Texts × themes, float.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            Before ``fit``.
        ValueError
            When ``X`` is not texts, or not of the structure seen in ``fit``.
        """
        import pandas as pd

        from policytext.corpus import Corpus
        from policytext.topics import dictionary_themes

        check_is_fitted(self, "feature_names_")
        texts = self._input(X, reset=False)
        corpus = Corpus(texts, pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))]}))
        table = dictionary_themes(corpus, self.themes_, replace=True)
        return table[self.feature_names_].to_numpy(dtype=float)
