"""The Corpus: documents and their docvars, kept row-aligned through every operation.

A :class:`Corpus` is immutable.  Its verbs (``subset``, ``reshape``, ``clean``,
``detect_script``, ``convert``, ``sample``) return a new Corpus whose docvars DataFrame has
exactly one row per document, in document order.  Reading problems travel with it in
``problems``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from policytext.segmentation import Segmentation

__all__ = ["PROBLEM_COLUMNS", "Corpus", "Document", "counted_documents", "documents_of"]

PROBLEM_COLUMNS = ["path", "doc_id", "level", "reason"]

_PARAGRAPH = re.compile(r"[^\n]+")
# a sentence ends at 。！？!? (or …… ) with any closing quotes/brackets, or at a line break
_SENTENCE = re.compile(r"[^\n。！？!?]*(?:(?:[。！？!?]+|……)[”’」』）)]*|(?=\n)|$)")


class Document(NamedTuple):
    """One document of a :class:`Corpus`, as iterating or indexing it gives.

    Attributes
    ----------
    doc_id : str
        Its id.
    text : str
        Its text.
    docvars : dict
        Its row of the docvars, ``doc_id`` included.
    """

    doc_id: str
    text: str
    docvars: dict[str, object]


def _empty_problems() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in PROBLEM_COLUMNS})


class Corpus:
    """Documents with a docvars DataFrame, one row per document, in the same order.

    Parameters
    ----------
    texts : sequence of str
        The documents.
    docvars : pandas.DataFrame, optional
        One row per document, in the same order; a ``doc_id`` column is added when
        missing (``doc1``, ``doc2`` …) and made str.
    problems : pandas.DataFrame, optional
        What reading left out or noted (:data:`PROBLEM_COLUMNS`), as
        :func:`policytext.read_corpus` fills it.

    Attributes
    ----------
    texts : tuple of str
        The documents.
    docvars : pandas.DataFrame
        A copy of the docvars.
    problems : pandas.DataFrame
        A copy of the problems: ``path``, ``doc_id``, ``level``, ``reason``.
    doc_ids : list of str

    Raises
    ------
    TypeError
        When a document is not a str.
    ValueError
        When ``docvars`` has not one row per document, or doc_ids repeat.

    Examples
    --------
    >>> c = Corpus(["一、总体要求", "二、主要任务"], pd.DataFrame({"year": [2023, 2024]}))
    >>> c.doc_ids, len(c.subset("year >= 2024"))
    (['doc1', 'doc2'], 1)
    """

    __slots__ = ("_docvars", "_problems", "_texts")

    def __init__(
        self,
        texts: Sequence[str],
        docvars: pd.DataFrame | None = None,
        *,
        problems: pd.DataFrame | None = None,
    ) -> None:
        texts = tuple(texts)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise TypeError(f"document {i} is a {type(t).__name__}, not a str")
        if docvars is None:
            docvars = pd.DataFrame(index=range(len(texts)))
        if len(docvars) != len(texts):
            raise ValueError(
                f"docvars has {len(docvars)} rows for {len(texts)} documents: they must align"
            )
        docvars = docvars.reset_index(drop=True)
        if "doc_id" not in docvars.columns:
            docvars.insert(0, "doc_id", [f"doc{i + 1}" for i in range(len(texts))])
        docvars["doc_id"] = docvars["doc_id"].astype(str)
        dup = docvars["doc_id"][docvars["doc_id"].duplicated()]
        if len(dup):
            raise ValueError(f"duplicate doc_id(s): {', '.join(map(str, dup.unique()[:10]))}")
        self._texts = texts
        self._docvars = docvars
        self._problems = _empty_problems() if problems is None else problems.reset_index(drop=True)

    # --- access -------------------------------------------------------------------------

    @property
    def texts(self) -> tuple[str, ...]:
        return self._texts

    @property
    def docvars(self) -> pd.DataFrame:
        """One row per document, in document order (a copy: the Corpus is immutable)."""
        return self._docvars.copy()

    @property
    def problems(self) -> pd.DataFrame:
        """Files or records that could not be read, or were read with a warning."""
        return self._problems.copy()

    @property
    def doc_ids(self) -> list[str]:
        return self._docvars["doc_id"].tolist()

    def __len__(self) -> int:
        return len(self._texts)

    def __iter__(self) -> Iterator[Document]:
        records = self._docvars.to_dict("records")
        for text, rec in zip(self._texts, records):
            yield Document(str(rec["doc_id"]), text, rec)

    @overload
    def __getitem__(self, key: int | str) -> Document: ...

    @overload
    def __getitem__(self, key: slice) -> Corpus: ...

    def __getitem__(self, key: int | str | slice) -> Document | Corpus:
        """One document by position or ``doc_id``; a slice is a Corpus of those documents
        (docvars and problems kept, as every verb keeps them)."""
        if isinstance(key, slice):
            return self._take(range(len(self))[key])
        if isinstance(key, str):
            matches = np.flatnonzero(self._docvars["doc_id"].to_numpy() == key)
            if not len(matches):
                raise KeyError(key)
            key = int(matches[0])
        rec = {str(k): v for k, v in self._docvars.iloc[key].to_dict().items()}
        return Document(str(rec["doc_id"]), self._texts[key], rec)

    def __repr__(self) -> str:
        chars = sum(map(len, self._texts))
        extra = f", {len(self._problems)} problem(s)" if len(self._problems) else ""
        cols = [c for c in self._docvars.columns if c != "doc_id"]
        return f"<Corpus: {len(self)} documents, {chars:,} characters; docvars {cols}{extra}>"

    def to_frame(self) -> pd.DataFrame:
        """Docvars with a ``text`` column."""
        frame = self.docvars
        frame["text"] = list(self._texts)
        return frame

    # --- verbs returning a Corpus ---------------------------------------------------------

    def _take(self, positions: Sequence[int] | np.ndarray) -> Corpus:
        idx = np.asarray(positions, dtype=np.int64)
        return Corpus(
            [self._texts[i] for i in idx.tolist()],
            self._docvars.iloc[idx],
            problems=self._problems,
        )

    def subset(
        self, where: str | Sequence[bool] | pd.Series | Callable[[pd.DataFrame], Any]
    ) -> Corpus:
        """Documents whose docvars satisfy ``where``: a boolean mask, a callable on the
        docvars, or a :meth:`pandas.DataFrame.query` string (``"year >= 2010"``).

        Parameters
        ----------
        where : str, sequence of bool, pandas.Series or callable
            The condition.

        Returns
        -------
        Corpus
            The documents kept, in their order.

        Raises
        ------
        ValueError
            When the mask does not have one value per document.
        """
        if isinstance(where, str):
            mask = self._docvars.eval(where)
        elif callable(where):
            mask = where(self._docvars)
        else:
            mask = where
        arr = np.asarray(mask, dtype=bool)
        if arr.shape != (len(self),):
            raise ValueError(f"mask has shape {arr.shape}, expected ({len(self)},)")
        return self._take(np.flatnonzero(arr))

    def sample(self, n: int, *, seed: int = 0) -> Corpus:
        """``n`` documents drawn at random (all of them if fewer), in corpus order.

        Parameters
        ----------
        n : int
            How many.
        seed : int
            The random seed (the same seed draws the same documents).

        Returns
        -------
        Corpus
        """
        rng = np.random.default_rng(seed)
        return self._take(np.sort(rng.choice(len(self), size=min(n, len(self)), replace=False)))

    def group(self, by: str | Sequence[str]) -> Iterator[tuple[Hashable, Corpus]]:
        """``(key, sub-corpus)`` for each value of the docvar(s) ``by``, in sorted key order.

        Parameters
        ----------
        by : str or sequence of str
            Docvar column(s).

        Yields
        ------
        tuple
            The key (a tuple for several columns) and its documents as a Corpus.
        """
        keys = [by] if isinstance(by, str) else list(by)
        for key, rows in self._docvars.groupby(keys, sort=True, dropna=False).indices.items():
            yield key, self._take(np.sort(rows))

    def reshape(self, unit: str) -> Corpus:
        """Split each document into ``"paragraphs"`` or ``"sentences"``.

        Each piece keeps its parent's docvars, plus ``parent_id``, ``start`` and ``end``
        (offsets in the parent text) and ``doc_id`` ``"{parent_id}#{n}"``.

        Parameters
        ----------
        unit : {"paragraphs", "sentences"}
            Paragraphs are lines; sentences end at 。！？!? or …… (with closing quotes)
            or at a line break.

        Returns
        -------
        Corpus
            One document per non-blank piece, stripped.

        Raises
        ------
        ValueError
            For any other ``unit``.
        """
        if unit in ("paragraphs", "paragraph"):
            pattern = _PARAGRAPH
        elif unit in ("sentences", "sentence"):
            pattern = _SENTENCE
        else:
            raise ValueError(f"unit must be 'paragraphs' or 'sentences', not {unit!r}")
        texts: list[str] = []
        rows: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        for i, text in enumerate(self._texts):
            for m in pattern.finditer(text):
                s, e = m.span()
                piece = text[s:e]
                stripped = piece.strip()
                if not stripped:
                    continue
                s += len(piece) - len(piece.lstrip())
                e = s + len(stripped)
                texts.append(stripped)
                rows.append(i)
                starts.append(s)
                ends.append(e)
        dv = self._docvars.iloc[rows].reset_index(drop=True)
        parent = dv["doc_id"].astype(str)
        counter = parent.groupby(parent).cumcount() + 1
        dv = dv.drop(columns=["parent_id", "start", "end"], errors="ignore")
        dv.insert(1, "parent_id", parent)
        dv["doc_id"] = parent + "#" + counter.astype(str)
        dv["start"] = np.asarray(starts, dtype=np.int64)
        dv["end"] = np.asarray(ends, dtype=np.int64)
        return Corpus(texts, dv, problems=self._problems)

    def with_docvars(self, **columns: Sequence[Any]) -> Corpus:
        """A copy with docvar columns added or replaced (each as long as the corpus).

        Parameters
        ----------
        **columns : sequence
            Column names and their values, one per document.

        Returns
        -------
        Corpus

        Raises
        ------
        ValueError
            When a column has not one value per document.
        """
        dv = self.docvars
        for name, values in columns.items():
            values = list(values)
            if len(values) != len(self):
                raise ValueError(
                    f"docvar {name!r} has {len(values)} values for {len(self)} documents"
                )
            dv[name] = values
        return Corpus(self._texts, dv, problems=self._problems)

    def clean(self, *, furniture: Any = "fit", **options: Any) -> Corpus:
        """Clean every document (:func:`policytext.clean`); the steps that changed each one
        go into the ``clean_steps`` docvar, removed text into ``clean_removed``, and
        characters the source lost (``????``) into ``lost_chars``.

        ``furniture="fit"`` (the default) first learns the page furniture that repeats at
        the edges of this corpus's documents (:class:`policytext.cleaning.Furniture`) and
        removes it from each; pass a fitted model to use that one, or ``False`` to keep it.

        Parameters
        ----------
        furniture : "fit", Furniture or bool
            How page furniture is found (see above).
        **options
            Steps and options of :func:`policytext.clean` (``despin="auto"``,
            ``blank_lines=False`` …).

        Returns
        -------
        Corpus
            The cleaned texts, with the docvars ``clean_steps``, ``clean_removed``,
            ``masks`` (masked words flagged) and ``lost_chars``.
        """
        from policytext.cleaning import clean, fit_furniture

        model = fit_furniture(self._texts) if isinstance(furniture, str) and furniture == "fit" else furniture
        results = [clean(t, furniture=model, **options) for t in self._texts]
        dv = self.docvars
        dv["clean_steps"] = [",".join(r.changed_by) for r in results]
        dv["clean_removed"] = ["\n".join(x.text for x in r.removed) for r in results]
        dv["masks"] = [len(r.masks) for r in results]
        dv["lost_chars"] = [r.lost_chars for r in results]
        return Corpus([r.text for r in results], dv, problems=self._problems)

    def detect_script(self) -> Corpus:
        """Add the ``script`` docvar (simplified / traditional / mixed / neutral / none).

        Returns
        -------
        Corpus
            With the docvars ``script`` and ``traditional_share`` (:func:`policytext.detect_script`).
        """
        from policytext.script import detect_script

        dets = [detect_script(t) for t in self._texts]
        return self.with_docvars(
            script=[d.script for d in dets],
            traditional_share=[round(d.traditional_share, 4) for d in dets],
        )

    def convert(self, config: str = "t2s") -> Corpus:
        """Convert every document with the OpenCC ``config`` (offsets are not kept here:
        use :func:`policytext.convert_with_offsets` or segment the original).

        Parameters
        ----------
        config : str
            An OpenCC config name (default ``"t2s"``).

        Returns
        -------
        Corpus

        Raises
        ------
        policytext.UnsupportedConfigError
            When the installed OpenCC does not provide ``config``.
        """
        from policytext.script import convert

        return Corpus(
            [convert(t, config) for t in self._texts], self._docvars, problems=self._problems
        )

    # --- results of other kinds ----------------------------------------------------------

    def segment(self, **options: Any) -> list[Segmentation]:
        """Segment every document (:func:`policytext.segment`), in document order.

        Parameters
        ----------
        **options
            Options of :func:`policytext.segment` (``backend``, ``convert``, ``userdict`` …).

        Returns
        -------
        list of Segmentation
        """
        from policytext.segmentation import segment

        return [segment(t, **options) for t in self._texts]

    def tokens(self, **options: Any) -> pd.DataFrame:
        """A tidy token table: ``doc_id``, ``token``, ``start``, ``end``, ``normalized``.

        Parameters
        ----------
        **options
            Options of :func:`policytext.segment`.

        Returns
        -------
        pandas.DataFrame
            One row per token; ``start``/``end`` are offsets into the document's text.
        """
        from policytext.segmentation import tokens_frame

        return tokens_frame(self.doc_ids, self.segment(**options))

    @staticmethod
    def concat(corpora: Sequence[Corpus]) -> Corpus:
        """The documents of several corpora, one after the other.

        Parameters
        ----------
        corpora : sequence of Corpus
            Their doc_ids must not repeat.

        Returns
        -------
        Corpus
            Their texts, docvars (the union of the columns) and problems.

        Raises
        ------
        ValueError
            When doc_ids repeat across the corpora.
        """
        texts: list[str] = []
        for c in corpora:
            texts.extend(c.texts)
        dv = pd.concat([c._docvars for c in corpora], ignore_index=True)
        pr = pd.concat([c._problems for c in corpora], ignore_index=True)
        return Corpus(texts, dv, problems=pr)


def documents_of(data: str | Corpus | Sequence[str]) -> tuple[list[Any], list[str]]:
    """``(doc_ids, texts)`` of what every verb accepts: one text (doc_id None), a list of
    texts (doc_ids 0, 1, …) or a :class:`Corpus` (its doc_ids)."""
    if isinstance(data, str):
        return [None], [data]
    if isinstance(data, Corpus):
        return list(data.doc_ids), list(data.texts)
    texts = list(data)
    return list(range(len(texts))), texts


def counted_documents(data: str | Corpus | Sequence[str]) -> list[bool]:
    """Whether each document counts in corpus statistics: all of them, except in a
    :class:`Corpus` the ones whose ``duplicate_of`` docvar names another document."""
    if not isinstance(data, Corpus):
        return [True] * (1 if isinstance(data, str) else len(data))
    if "duplicate_of" not in data._docvars.columns:
        return [True] * len(data)
    marks = data._docvars["duplicate_of"]
    return [not (isinstance(m, str) and m) for m in marks.tolist()]
