"""Counting terms across documents: one vocabulary, document frequencies, counts per group,
and the one inverse-document-frequency formula every score uses.

Counting and weighting are separate steps, as in scikit-learn's CountVectorizer →
TfidfTransformer: each document is summarised on its own
(:meth:`~policytext.terms.tokenize.PolicyTokenizer.summary`), a :class:`TermTally` merges the
summaries (in one process, or as a batch run streams them in), and :func:`smoothed_idf`
turns document frequencies into weights — for keywords, for similarity and for the bundled
reference table alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

__all__ = ["TermTally", "reference_idf", "smoothed_idf", "surface_forms"]


def smoothed_idf(df: Any, documents: int) -> np.ndarray:
    """scikit-learn's smoothed idf, ``ln((1 + n) / (1 + df)) + 1``, for an array of document
    frequencies over ``documents`` documents (the one formula of the project)."""
    import numpy as np

    return np.log((1 + documents) / (1 + np.asarray(df, dtype=float))) + 1


def reference_idf(terms: list[str]) -> np.ndarray:
    """The idf of ``terms`` in the bundled reference table (document frequencies over the
    national work reports; ``terms/data/reference_idf.tsv``), for a text that has no corpus
    of its own; a term the table has never seen gets the idf of a document frequency of 0."""
    import numpy as np

    from policytext.terms.resources import reference_frequencies

    frequencies, documents = reference_frequencies()
    df = np.fromiter(map(frequencies.get, terms, itertools.repeat(0)), dtype=float, count=len(terms))
    return smoothed_idf(df, documents)


def surface_forms(summary: Any, text: str) -> list[str]:
    """How ``text`` (the text a :class:`~policytext.terms.tokenize.TermSummary` was made
    from) writes each of the summary's terms at its first occurrence: 河長制 for 河长制."""
    return [text[s:e] for s, e in zip(summary.starts.tolist(), summary.ends.tolist())]


class TermTally:
    """Merges per-document term summaries: one vocabulary (ids in order of first sight),
    document frequencies, and — for documents given a ``group`` — term counts and word
    tokens per group, in numpy arrays (a dict of Counters per group grows far faster).
    Given the documents' surface forms, it also knows how the corpus mostly writes each
    term (:meth:`surfaces`).

    A term's id does not depend on how documents were batched, only on their order.
    """

    def __init__(self) -> None:
        import numpy as np

        self.ids: dict[str, int] = {}
        self.documents = 0
        self._df = np.zeros(1024, dtype=np.int64)
        self._groups: dict[Hashable, Any] = {}
        self._tokens: dict[Hashable, float] = {}
        # counts of each term over the documents whose surface forms were given, and the
        # counts behind each form that differs from the Simplified one (a Simplified
        # corpus stores nothing here)
        self._total = np.zeros(1024, dtype=np.int64)
        self._forms: dict[int, dict[str, int]] = {}

    @staticmethod
    def _grow(array: Any, size: int) -> Any:
        import numpy as np

        if size <= len(array):
            return array
        grown = np.zeros(max(size, 2 * len(array)), dtype=array.dtype)
        grown[: len(array)] = array
        return grown

    def term_ids(self, terms: list[str]) -> np.ndarray:
        """The ids of distinct ``terms``; terms not seen before get the next ids, in order."""
        import numpy as np

        position = self.ids
        ids = np.fromiter(map(position.get, terms, itertools.repeat(-1)), dtype=np.int64, count=len(terms))
        new = np.flatnonzero(ids < 0)
        if len(new):
            ids[new] = np.arange(len(position), len(position) + len(new))
            position.update(zip(map(terms.__getitem__, new.tolist()), ids[new].tolist()))
        return ids

    def add(
        self, terms: list[str], counts: Any, *, group: Hashable | None = None, words: float = 0, count: bool = True,
        surfaces: list[str] | None = None,
    ) -> np.ndarray:
        """One document's distinct terms and their counts (and, with ``group``, its word
        tokens; with ``surfaces``, how the document writes each term:
        :func:`surface_forms`); returns the terms' ids. ``count=False`` gives the ids
        without counting the document (a duplicate record is not counted twice)."""
        import numpy as np

        ids = self.term_ids(terms)
        if not count:
            return ids
        self.documents += 1
        self._df = self._grow(self._df, len(self.ids))
        self._df[ids] += 1
        if surfaces is not None:
            self._add_forms(terms, counts, ids, surfaces)
        if group is not None:
            # 32-bit counts: groups x vocabulary is the largest thing a run keeps
            row = self._grow(self._groups.get(group, np.zeros(1024, dtype=np.int32)), len(self.ids))
            row[ids] += np.asarray(counts, dtype=np.int32)
            self._groups[group] = row
            self._tokens[group] = self._tokens.get(group, 0.0) + words
        return ids

    def _add_forms(self, terms: list[str], counts: Any, ids: np.ndarray, surfaces: list[str]) -> None:
        import numpy as np

        self._total = self._grow(self._total, len(self.ids))
        values = np.asarray(counts, dtype=np.int64)
        self._total[ids] += values
        for k in (k for k, (term, form) in enumerate(zip(terms, surfaces)) if term != form):
            forms = self._forms.setdefault(int(ids[k]), {})
            forms[surfaces[k]] = forms.get(surfaces[k], 0) + int(values[k])

    def surfaces(self) -> dict[str, str]:
        """How the corpus mostly writes each term whose form differs from its Simplified
        one (weighted by the counts of the documents that write it so; ties: the form
        seen first): a Traditional corpus gives its terms in Traditional."""
        vocabulary = list(self.ids)
        found: dict[str, str] = {}
        for i, forms in self._forms.items():
            term = vocabulary[i]
            own = int(self._total[i]) - sum(forms.values())
            best = max(forms.items(), key=lambda item: item[1])
            if best[1] > own:
                found[term] = best[0]
        return found

    @property
    def df(self) -> np.ndarray:
        """Document frequency of every term, by id."""
        return self._df[: len(self.ids)]

    def idf(self, ids: Any = None) -> np.ndarray:
        """:func:`smoothed_idf` of the terms ``ids`` (all terms when None) over the documents
        added; a tally of one document uses the bundled reference table instead."""
        vocabulary = list(self.ids)
        chosen = self.df if ids is None else self.df[ids]
        if self.documents == 1:
            names = vocabulary if ids is None else [vocabulary[i] for i in ids.tolist()]
            return reference_idf(names)
        return smoothed_idf(chosen, self.documents)

    def archive_wide(self, ids: Any = None) -> np.ndarray:
        """Whether each term ``ids`` (all when None) is in more than
        :data:`~policytext.terms.resources.ARCHIVE_WIDE_SHARE` of the documents added, and in
        more than ``ARCHIVE_WIDE_MIN_SHARED``, in an archive of at least
        ``ARCHIVE_WIDE_MIN_DOCUMENTS`` (otherwise none is): such a term fits many documents
        and is no keyword of any."""
        import numpy as np

        from policytext.terms.resources import (
            ARCHIVE_WIDE_MIN_DOCUMENTS,
            ARCHIVE_WIDE_MIN_SHARED,
            ARCHIVE_WIDE_SHARE,
        )

        chosen = self.df if ids is None else self.df[ids]
        if self.documents < ARCHIVE_WIDE_MIN_DOCUMENTS:
            return np.zeros(len(chosen), dtype=bool)
        return np.asarray(chosen > max(ARCHIVE_WIDE_SHARE * self.documents, ARCHIVE_WIDE_MIN_SHARED))

    @property
    def groups(self) -> list[Any]:
        """The groups seen, sorted."""
        return sorted(self._groups)

    def group_matrix(self, *, min_total: int = 0) -> tuple[list[Hashable], list[str], sparse.csr_matrix, np.ndarray]:
        """Groups (sorted), the vocabulary, the groups x terms count matrix and each group's
        word tokens. ``min_total`` leaves out terms counted fewer times over all groups."""
        import numpy as np
        from scipy import sparse

        groups = self.groups
        size = len(self.ids)
        # row by row: a dense groups x vocabulary copy would be the peak of a run's memory
        matrix = sparse.vstack(
            [sparse.csr_matrix(self._grow(self._groups[g], size)[:size], dtype=np.float64) for g in groups]
            or [sparse.csr_matrix((0, size))],
            format="csr",
        )
        vocabulary = list(self.ids)
        if min_total > 0 and size:
            kept = np.flatnonzero(np.asarray(matrix.sum(axis=0)).ravel() >= min_total)
            matrix, vocabulary = matrix[:, kept].tocsr(), [vocabulary[j] for j in kept.tolist()]
        tokens = np.array([self._tokens[g] for g in groups], dtype=float)
        return groups, vocabulary, matrix, tokens

    def add_all(
        self, summaries: Iterable[Any], groups: Iterable[Hashable | None] | None = None,
        counted: Iterable[bool] | None = None, texts: Iterable[str] | None = None,
    ) -> list[np.ndarray]:
        """:meth:`add` for each :class:`~policytext.terms.tokenize.TermSummary` (with its group,
        whether it counts, and the text it was made from, for its surface forms)."""
        keys = itertools.repeat(None) if groups is None else groups
        flags = itertools.repeat(True) if counted is None else counted
        sources: Iterable[str | None] = itertools.repeat(None) if texts is None else texts
        return [
            self.add(s.terms, s.counts, group=g, words=s.words, count=c, surfaces=None if t is None else surface_forms(s, t))
            for s, g, c, t in zip(summaries, keys, flags, sources)
        ]

