"""Policy terms of a text: segmentation with the lexicon and discovered phrases, minus
stopwords, numbers and punctuation. :class:`PolicyTokenizer` is the picklable callable
handed to scikit-learn; :func:`stopwords` builds the stopword set from tiers."""

from __future__ import annotations

import dataclasses
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from policytext.script import Conversion
    from policytext.segmentation import Segmentation

from policytext.terms import resources as r


def stopwords(
    tiers: Iterable[str] = r.DEFAULT_STOPWORDS, *, extra: Iterable[str] = (), keep: Iterable[str] = ()
) -> frozenset[str]:
    """The union of the bundled ``tiers`` (function, filler, generic), plus ``extra`` words,
    minus the words in ``keep``."""
    words: set[str] = set()
    for tier in tiers:
        words |= r.stopword_tier(tier)
    return frozenset((words | set(extra)) - set(keep))


def stopword_set(spec: Iterable[str]) -> frozenset[str]:
    """The words a ``stopwords=`` option stands for: tier names (function, filler,
    generic) give those tiers; anything else is taken as the words themselves."""
    given = (spec,) if isinstance(spec, str) else tuple(spec)
    if all(word in r.STOPWORD_TIERS for word in given):
        return stopwords(given)
    return frozenset(given)


@dataclass(frozen=True)
class TermTokens:
    """The kept terms of one text: Simplified form and offsets into the text."""

    terms: list[str]
    starts: np.ndarray  # numpy int arrays, row-aligned with terms
    ends: np.ndarray
    simplified: str  # the whole text in Simplified (for substring counts)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # one joined string pickles (and unpickles) far faster than 10^4 small ones
        return (_term_tokens, ("\x00".join(self.terms), self.starts, self.ends, self.simplified))


def _term_tokens(joined: str, starts: np.ndarray, ends: np.ndarray, simplified: str) -> TermTokens:
    return TermTokens(joined.split("\x00") if joined else [], starts, ends, simplified)


@dataclass(frozen=True)
class TermSummary:
    """One text's distinct kept terms (in order of first occurrence) with their counts and
    the offsets of that first occurrence (into the text as given): what keyword ranking,
    document frequencies and group counts need, a fraction of the size of every token.

    ``simplified`` is the analysis text (fragment checks count substrings in it); ``words``
    the text's word tokens (the per-10,000 denominator); ``extra`` the counts, among all
    tokens, of words a caller asked for whatever the stopwords (theme terms).
    """

    terms: list[str]
    counts: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    simplified: str
    words: int = 0
    extra: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, tokens: TermTokens) -> TermSummary:
        return _summary(tokens.terms, Counter(tokens.terms), list, tokens.starts, tokens.ends, tokens.simplified)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # one joined string and 32-bit arrays: a third smaller than the objects' own pickle
        # (a batch sends thousands of these between processes)
        arrays = [a.astype("<i4") if len(a) and int(a.max()) < 2**31 else a for a in (self.counts, self.starts, self.ends)]
        return (_term_summary, ("\x00".join(self.terms), *arrays, self.simplified, self.words, self.extra))


def _summary(
    words: list[str], counts: Counter[str], kept: Callable[[Iterable[str]], list[str]], starts: np.ndarray,
    ends: np.ndarray, simplified: str,
) -> TermSummary:
    """The summary of ``words`` (``counts`` counts them; ``kept`` picks the terms from the
    distinct words, in order of first occurrence); ``starts``/``ends`` align with ``words``."""
    import numpy as np

    terms = kept(counts)
    # built from the end, each word's entry ends as its first occurrence (in C, no loop)
    first = dict(zip(reversed(words), range(len(words) - 1, -1, -1)))
    at = np.fromiter(map(first.__getitem__, terms), dtype=np.int64, count=len(terms))
    return TermSummary(
        terms, np.fromiter(map(counts.__getitem__, terms), dtype=np.int64, count=len(terms)), starts[at], ends[at],
        simplified,
    )


def _term_summary(
    joined: str, counts: np.ndarray, starts: np.ndarray, ends: np.ndarray, simplified: str, words: int = 0,
    extra: dict[str, int] | None = None,
) -> TermSummary:
    return TermSummary(
        joined.split("\x00") if joined else [], counts.astype("int64"), starts.astype("int64"), ends.astype("int64"),
        simplified, words, dict(extra or {}),
    )


#: distinct words a tokenizer remembers its verdict on before starting afresh
_MAX_VERDICTS = 1_000_000


class PolicyTokenizer:
    """``text -> list of terms`` for scikit-learn vectorizers (module-level, picklable), and
    the one place that decides which words are terms: every keyword, count, theme and
    comparison of policytext reads its terms through this class.

    Parameters are stored as given (scikit-learn's convention): ``stopwords`` (tier names,
    or a set of words), ``phrases`` (extra words kept whole: a user dictionary, or
    :func:`policytext.discover_phrases` output), ``lexicon`` (the bundled policy lexicon
    on/off), ``backend``, ``min_chars`` and ``convert`` (how a text is read,
    :func:`policytext.analysis_text`). Results of :meth:`terms` are memoised per text while
    the object lives, so fitting a vectorizer after reading offsets does not segment
    twice; the memo is not pickled.
    """

    def __init__(
        self,
        *,
        stopwords: Iterable[str] = r.DEFAULT_STOPWORDS,
        phrases: Iterable[str] = (),
        lexicon: bool = True,
        backend: str = "auto",
        min_chars: int = 2,
        convert: str | bool = "auto",
    ) -> None:
        self.stopwords = stopwords
        self.phrases = phrases
        self.lexicon = lexicon
        self.backend = backend
        self.min_chars = min_chars
        self.convert = convert
        self._memo: dict[str, TermTokens] = {}
        self._verdicts: dict[str, bool] = {}
        self._drop: tuple[Any, frozenset[str]] | None = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_memo"], state["_verdicts"], state["_drop"] = {}, {}, None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state.setdefault("convert", "auto")  # pickled before the option existed
        self.__dict__.update(state)

    def segment(self, text: str | Conversion, *, keep_pieces: bool = True) -> Segmentation:
        """Segment ``text`` (or a text already read by :func:`policytext.analysis_text`)
        with this tokenizer's segmenter configuration."""
        from policytext.script import Conversion, analysis_text
        from policytext.segmentation import segment_conversion

        conversion = text if isinstance(text, Conversion) else analysis_text(text, self.convert)
        phrases = tuple(self.phrases)
        return segment_conversion(
            conversion, userdict=phrases or None, lexicon=self.lexicon, backend=self.backend, keep_pieces=keep_pieces
        )

    def terms(self, text: str) -> TermTokens:
        """Every kept term of ``text`` in order, with offsets (memoised per text)."""
        self._stopword_set()  # forgets the memo when the stopwords were set anew
        cached = self._memo.get(text)
        if cached is not None:
            return cached
        result = self.from_segmentation(self.segment(text, keep_pieces=False))
        self._memo[text] = result
        return result

    def summary(self, text: str | Conversion, *, extra: Iterable[str] = ()) -> TermSummary:
        """The :class:`TermSummary` of ``text``: segmented once, counted and judged once per
        distinct word. ``extra`` words are counted among all tokens (theme terms)."""
        return self.summarize(self.segment(text), extra=extra)

    def from_segmentation(self, seg: Segmentation) -> TermTokens:
        """The kept terms of an existing segmentation (no memo): for callers that segment
        once and use the tokens for several things."""
        import numpy as np

        candidates, words = self._candidates(seg)
        verdicts = self._judge(words)
        keep = [verdicts[word] for word in words]
        kept = candidates[np.array(keep, dtype=bool)] if words else candidates
        return TermTokens(list(itertools.compress(words, keep)), seg.starts[kept], seg.ends[kept], seg.analysis_text)

    def summarize(self, seg: Segmentation, *, extra: Iterable[str] = ()) -> TermSummary:
        """``TermSummary.of(self.from_segmentation(seg))`` without a list of every kept
        token (counted and judged once per distinct word), plus the word-token count and
        the counts of the ``extra`` words among all tokens."""
        candidates, words = self._candidates(seg)
        counts = Counter(words)
        verdicts = self._judge(counts)
        summary = _summary(
            words, counts, lambda distinct: list(filter(verdicts.__getitem__, distinct)),
            seg.starts[candidates], seg.ends[candidates], seg.analysis_text,
        )
        found = {word: counts[word] for word in extra if word in counts}
        return dataclasses.replace(summary, words=seg.word_count(), extra=found)

    def _candidates(self, seg: Segmentation) -> tuple[np.ndarray, list[str]]:
        """Tokens long enough to be terms: their indices and Simplified strings."""
        import numpy as np

        # single characters (的, 和, punctuation) are about half the tokens: drop them with
        # numpy before any token string is built
        a_starts, a_ends = seg.analysis_starts, seg.analysis_ends
        candidates = np.flatnonzero((a_ends - a_starts) >= self.min_chars)
        starts, ends = a_starts[candidates], a_ends[candidates]
        analysis = seg.analysis_text
        if seg.pieces is None or len(candidates) < 2:
            return candidates, [analysis[s:e] for s, e in zip(starts.tolist(), ends.tolist())]
        # the segmenter's own strings, gathered in C; only tokens whose span it did not
        # cut itself (numbers joined afterwards) are sliced out of the text
        strings, bounds = seg.pieces
        at = np.minimum(np.searchsorted(bounds, starts), len(strings) - 1)
        words = list(operator.itemgetter(*at.tolist())(strings))
        for j in np.flatnonzero((bounds[at] != starts) | (bounds[at + 1] != ends)).tolist():
            words[j] = analysis[starts[j] : ends[j]]
        return candidates, words

    def _judge(self, words: Iterable[str]) -> dict[str, bool]:
        """Whether each word is a term, decided once per distinct word and remembered
        across texts (reports share most of their words)."""
        drop = self._stopword_set()
        verdicts = self._verdicts
        if len(verdicts) > _MAX_VERDICTS:  # a long-lived tokenizer stays bounded
            verdicts.clear()
        # set.difference with a dict looks each word up; a keys-view difference would walk
        # the whole (growing) vocabulary
        new = set(words).difference(verdicts)
        if new:
            for word in new:
                verdicts[word] = not (
                    word in drop or r.NUMERIC.match(word) or r.DATE_LIKE.match(word) or r.COUNTED.match(word)
                    or not r.TERM.search(word)
                )
        return verdicts

    def _stopword_set(self) -> frozenset[str]:
        # built once (a union of thousands of words); when the parameter is set to
        # something else (scikit-learn's set_params), rebuilt and the verdicts forgotten
        if self._drop is None or self._drop[0] is not self.stopwords:
            self._drop = (self.stopwords, stopword_set(self.stopwords))
            self._verdicts.clear()
            self._memo.clear()
        return self._drop[1]

    def __call__(self, text: str) -> list[str]:
        return self.terms(text).terms

    def forget(self) -> None:
        """Drop the memo (a corpus of thousands of reports should not stay in memory)."""
        self._memo.clear()
        self._verdicts.clear()


def tokenize(text: str) -> list[str]:
    """The default policy terms of ``text`` (a module-level function, picklable; no memo)."""
    return PolicyTokenizer()(text)
