"""Policy terms of a text: segmentation with the lexicon and discovered phrases, minus
stopwords, numbers, function words (by part of speech), names and fragments of longer
words. :class:`PolicyTokenizer` is the picklable callable handed to scikit-learn and the one
place that decides what a term is; :func:`stopwords` builds the stopword set from tiers.

What a word is not, in the order the tokenizer asks (the reason :func:`policytext.keywords`
gives with ``explain=True``):

- ``stopword (tier)`` / ``procedure word``: on a stopword tier (or the caller's own list);
- ``number``, ``number+unit``: digits, dates, ordinals, counted numerals (四十七个, 第四次),
  a number and its unit (千亿元, 十多年, 110kV), and ``not a word`` (punctuation, a
  lower-case Latin leftover such as nbsp);
- ``part of speech (m: numeral)``: tagged as a numeral, measure word, adverb, conjunction,
  preposition, particle, pronoun, locative, time or place word (rjieba's tagger, or
  jieba's dictionary); a word of the policy lexicon or the caller's list is a noun unless
  it names its own tag;
- ``cross-word fragment``: a word the segmenter made up (not in any dictionary) that starts
  with the unit of a number before it (2022年|村 read as 年村) or starts or ends with a
  function word or a pronoun (质|和量, 你委); ``made-up word used rarely``: fewer than
  three times, or than once per 2,500 characters of the text;
- ``entity (person|place|organization)``: a name (:mod:`policytext.terms.entities`), or a
  word the text writes mostly right before the kind of a village or firm (鲍墟|乡,
  国宏|公司); kept only with ``entities=True``;
- ``fragment of …`` (per document): at least 80% of the word's occurrences lie inside one
  longer word of the same text (本强基 inside 固本强基), beside the same characters
  (中国|石化), or inside organisations' names (中国|石油化工|总公司); kept only with
  ``fragments=True``.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import numpy as np

    from policytext.script import Conversion
    from policytext.segmentation import Backend, Segmentation

from policytext.terms import resources as r

#: a term is a fragment when at least this share of its occurrences (as a substring of the
#: text) lie inside one longer word of the same text (本强基 inside 固本强基)
FRAGMENT_SHARE = 0.8
#: two adjacent terms are one compound of the text when written together this often (and
#: one of them mostly so), and no longer than this
COMPOUND_MIN_COUNT = 2
COMPOUND_MAX_CHARS = 10
#: a token this frequent in the segmenter's dictionary is a word of its own, not the kind
#: of a place glued to the next word (乡村 is a word; 关镇, 街至 are 关|镇, 街|至)
COMMON_TOKEN_FREQ = 300
#: the most terms between a place and the kind of body in an organisation's name
#: (中国|有色金属|工业|总公司)
ORG_DESCRIPTORS = 3
#: how many times compounds are joined again (a pair of compounds, a compound and a word)
COMPOUND_ROUNDS = 3


def stopwords(
    tiers: Iterable[str] = r.DEFAULT_STOPWORDS, *, extra: Iterable[str] = (), keep: Iterable[str] = ()
) -> frozenset[str]:
    """The union of the bundled ``tiers`` (function, filler, generic), plus ``extra`` words,
    minus the words in ``keep``.

    Parameters
    ----------
    tiers : iterable of str
        Bundled tiers, of ``"function"``, ``"filler"``, ``"generic"`` and
        ``"procedure"`` (default: function, filler and procedure).
    extra : iterable of str
        Words of your own to add.
    keep : iterable of str
        Words to take out (they count as terms again).

    Returns
    -------
    frozenset of str
        For the ``stopwords=`` option of :func:`policytext.keywords` and others.

    Raises
    ------
    ValueError
        For an unknown tier.

    Examples
    --------
    >>> words = stopwords(extra=["有关部门"], keep=["的"])
    >>> "有关部门" in words, "的" in words
    (True, False)
    """
    words: set[str] = set()
    for tier in tiers:
        words |= r.stopword_tier(tier)
    return frozenset((words | set(extra)) - set(keep))


def stopword_set(spec: Iterable[str]) -> frozenset[str]:
    """The words a ``stopwords=`` option stands for: tier names (function, filler,
    generic, procedure) give those tiers; anything else is taken as the words themselves."""
    return frozenset(stopword_reasons(spec))


def stopword_reasons(spec: Iterable[str]) -> dict[str, str]:
    """The words of a ``stopwords=`` option, each with why it is one (``stopword
    (filler)``, ``procedure word``, or ``stopword`` for the caller's own words)."""
    given = (spec,) if isinstance(spec, str) else tuple(spec)
    if given and all(word in r.STOPWORD_TIERS for word in given):
        reasons: dict[str, str] = {}
        for tier in given:
            why = "procedure word" if tier == "procedure" else f"stopword ({tier})"
            for word in r.stopword_tier(tier):
                reasons.setdefault(word, why)
        return reasons
    return dict.fromkeys(given, "stopword")


@dataclass(frozen=True)
class TermTokens:
    """The kept terms of one text: Simplified form and offsets into the text."""

    terms: list[str]
    starts: np.ndarray  # numpy int arrays, row-aligned with terms
    ends: np.ndarray
    simplified: str  # the whole text in Simplified (for substring counts)
    types: dict[str, str] = field(default_factory=dict)  # entity type of the names kept

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # one joined string pickles (and unpickles) far faster than 10^4 small ones
        return (_term_tokens, ("\x00".join(self.terms), self.starts, self.ends, self.simplified, self.types))


def _term_tokens(
    joined: str, starts: np.ndarray, ends: np.ndarray, simplified: str, types: dict[str, str] | None = None
) -> TermTokens:
    return TermTokens(joined.split("\x00") if joined else [], starts, ends, simplified, dict(types or {}))


@dataclass(frozen=True)
class TermSummary:
    """One text's distinct kept terms (in order of first occurrence) with their counts and
    the offsets of that first occurrence (into the text as given): what keyword ranking,
    document frequencies and group counts need, a fraction of the size of every token.

    ``simplified`` is the analysis text (fragment checks count substrings in it); ``words``
    the text's word tokens (the per-10,000 denominator); ``extra`` the counts, among all
    tokens, of words a caller asked for whatever the stopwords (theme terms); ``types`` the
    entity type of each name kept (a tokenizer with ``entities=True``).
    """

    terms: list[str]
    counts: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    simplified: str
    words: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, tokens: TermTokens) -> TermSummary:
        summary = _summary(tokens.terms, Counter(tokens.terms), list, tokens.starts, tokens.ends, tokens.simplified)
        return dataclasses.replace(summary, types=dict(tokens.types))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # one joined string and 32-bit arrays: a third smaller than the objects' own pickle
        # (a batch sends thousands of these between processes)
        arrays = [a.astype("<i4") if len(a) and int(a.max()) < 2**31 else a for a in (self.counts, self.starts, self.ends)]
        return (_term_summary, ("\x00".join(self.terms), *arrays, self.simplified, self.words, self.extra, self.types))


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
    extra: dict[str, int] | None = None, types: dict[str, str] | None = None,
) -> TermSummary:
    return TermSummary(
        joined.split("\x00") if joined else [], counts.astype("int64"), starts.astype("int64"), ends.astype("int64"),
        simplified, words, dict(extra or {}), dict(types or {}),
    )


#: distinct words a tokenizer remembers its verdict on before starting afresh
_MAX_VERDICTS = 1_000_000
#: a word's verdict: why it is no term (None: it is), its entity type, and whether the
#: segmenter made it up (no dictionary has it)
_Verdict = tuple[str | None, str | None, bool]
_REASON, _KIND, _MADE_UP = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)


@dataclass
class Candidates:
    """One segmented text's tokens long enough to be terms: their positions among the
    tokens, Simplified strings and tags, counts, and each distinct word's verdict
    (None: a term; else why not)."""

    at: np.ndarray
    words: list[str]
    tags: list[str]
    counts: Counter[str]
    reasons: dict[str, str | None]
    types: dict[str, str]
    starts: np.ndarray  # each candidate's offsets in the text as given
    ends: np.ndarray
    #: the kept terms in order (compounds joined), with their offsets in the text as given
    terms: list[str] = field(default_factory=list)
    term_starts: np.ndarray | None = None
    term_ends: np.ndarray | None = None
    #: the text as analysis reads it (Simplified), for substring counts
    simplified: str = ""

    def kept(self) -> set[str]:
        return {word for word, reason in self.reasons.items() if reason is None}


class PolicyTokenizer:
    """``text -> list of terms`` for scikit-learn vectorizers (module-level, picklable), and
    the one place that decides which words are terms: every keyword, count, theme and
    comparison of policytext reads its terms through this class (see the module's
    docstring for what a word is not, and why).

    Parameters are stored as given (scikit-learn's convention). Results of :meth:`terms`
    are memoised per text while the object lives, so fitting a vectorizer after reading
    offsets does not segment twice; the memo is not pickled.

    Parameters
    ----------
    stopwords : tier names or words
        Tier names (``("function", "filler", "procedure")`` by default; see
        :func:`stopwords`), or a set of words of your own.
    phrases : iterable of str
        Extra words kept whole: a user dictionary, or the phrases
        :func:`policytext.discover_phrases` found (its ``phrase`` column).
    lexicon : bool
        Segment with the bundled policy lexicon.
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    min_chars : int
        The fewest characters of a term.
    convert : "auto", False or an OpenCC config name
        How a text is read (:func:`policytext.analysis_text`).
    entities : bool
        Keep names of people, places and organisations as terms.
    fragments : bool
        Keep words that mostly occur inside a longer word.
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
        entities: bool = False,
        fragments: bool = False,
    ) -> None:
        self.stopwords = stopwords
        self.phrases = phrases
        self.lexicon = lexicon
        self.backend = backend
        self.min_chars = min_chars
        self.convert = convert
        self.entities = entities
        self.fragments = fragments
        self._memo: dict[str, TermTokens] = {}
        self._verdicts: dict[tuple[str, str], _Verdict] = {}
        self._drop: tuple[Any, dict[str, str]] | None = None
        self._engine: Any = None
        self._lookups: dict[str, int] = {}

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_memo"], state["_verdicts"], state["_drop"], state["_engine"], state["_lookups"] = {}, {}, None, None, {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        # pickled before these options existed
        for name, value in (("convert", "auto"), ("entities", False), ("fragments", False), ("_engine", None),
                            ("_lookups", {})):
            state.setdefault(name, value)
        self.__dict__.update(state)

    def segment(self, text: str | Conversion, *, keep_pieces: bool = True) -> Segmentation:
        """Segment and tag ``text`` (or a text already read by
        :func:`policytext.analysis_text`) with this tokenizer's segmenter configuration."""
        from policytext.script import Conversion, analysis_text
        from policytext.segmentation import segment_conversion

        conversion = text if isinstance(text, Conversion) else analysis_text(text, self.convert)
        phrases = tuple(self.phrases)
        return segment_conversion(
            conversion, userdict=phrases or None, lexicon=self.lexicon, backend=self.backend, keep_pieces=keep_pieces,
            tags=True,
        )

    def terms(self, text: str) -> TermTokens:
        """Every kept term of ``text`` in order, with offsets (memoised per text)."""
        self._stopword_reasons()  # forgets the memo when the stopwords were set anew
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
        found = self.judge(seg)
        assert found.term_starts is not None and found.term_ends is not None
        return TermTokens(found.terms, found.term_starts, found.term_ends, seg.analysis_text, found.types)

    def summarize(self, seg: Segmentation, *, extra: Iterable[str] = ()) -> TermSummary:
        """``TermSummary.of(self.from_segmentation(seg))`` without a list of every kept
        token (counted and judged once per distinct word), plus the word-token count and
        the counts of the ``extra`` words among all tokens."""
        found = self.judge(seg)
        assert found.term_starts is not None and found.term_ends is not None
        summary = _summary(found.terms, Counter(found.terms), list, found.term_starts, found.term_ends, seg.analysis_text)
        counts = found.counts
        present = {word: counts[word] for word in extra if word in counts}
        return dataclasses.replace(summary, words=seg.word_count(), extra=present, types=found.types)

    def judge(self, seg: Segmentation) -> Candidates:
        """Every candidate word of one segmented text with its verdict: the word's own
        (remembered across texts) and the document's (names written beside a title,
        fragments of a longer word of the same text)."""
        import numpy as np

        at, words, tags = self._candidates(seg)
        counts = Counter(words)
        # a word's tag is its first occurrence's (the segmenters tag a word alike wherever
        # it stands; a number the rules joined differs from the word the segmenter cut)
        tag_of = dict(zip(reversed(words), reversed(tags)))
        # a word no dictionary has must recur through the text: a long report names many
        # villages and firms a few times each
        rare = max(r.MADE_UP_MIN_COUNT, len(seg.analysis_text) / r.MADE_UP_CHARS_PER_USE)
        reasons, types, made_up = self._word_verdicts(tag_of, counts, rare)
        at = at if len(at) else np.zeros(0, dtype=np.int64)
        adjacent = (at[1:] == at[:-1] + 1).tolist() if len(at) > 1 else []
        if words:
            self._document_verdicts(seg.analysis_text, words, tags, adjacent, counts, reasons, types, made_up)
            for word, kind in name_stems(seg, at, words, counts, reasons, self._lookup).items():
                if self.entities:
                    types[word] = kind
                else:
                    reasons[word] = f"entity ({kind})"
        found = Candidates(at, words, tags, counts, reasons, types, seg.starts[at], seg.ends[at], simplified=seg.analysis_text)
        keep = list(map({w: why is None for w, why in reasons.items()}.__getitem__, words))
        positions = list(itertools.compress(range(len(words)), keep))
        sequence = list(zip(itertools.compress(words, keep), positions, positions))
        if not self.fragments:
            sequence = _compose(seg, found, sequence, self._stopword_reasons(), self._lookup, entities=self.entities)
        found.terms = list(map(_WORD, sequence))
        first = np.array(list(map(_FIRST, sequence)), dtype=np.int64)
        last = np.array(list(map(_LAST, sequence)), dtype=np.int64)
        found.term_starts, found.term_ends = found.starts[first], found.ends[last]
        return found

    def _word_verdicts(
        self, tag_of: dict[str, str], counts: Counter[str], rare: float
    ) -> tuple[dict[str, str | None], dict[str, str], set[str]]:
        """Each distinct word's own verdict (``tag_of``: its tag), its entity type when it
        is a term, and the made-up words that are terms; a made-up word used fewer than
        ``rare`` times is none."""
        self._stopword_reasons()  # forgets the remembered verdicts when the stopwords changed
        # most verdicts are remembered from earlier texts: looked up in C, keyed by the
        # (word, tag) pairs themselves; only the rest are decided in Python
        keys = list(tag_of.items())
        remembered = list(map(self._verdicts.get, keys))
        for k in [k for k, verdict in enumerate(remembered) if verdict is None]:
            remembered[k] = self._verdict(*keys[k])
        verdicts = cast("list[_Verdict]", remembered)  # every word's, now
        reasons: dict[str, str | None] = dict(zip(tag_of, map(_REASON, verdicts)))
        made_up: set[str] = set()
        # only made-up words (few) and names (fewer) need more than their reason
        for word, (reason, kind, _) in itertools.compress(zip(tag_of, verdicts), map(_MADE_UP, verdicts)):
            if reason is None and kind is None and counts[word] < rare:
                reasons[word] = "made-up word used rarely"
            elif reason is None:
                made_up.add(word)
        named = itertools.compress(zip(tag_of, map(_KIND, verdicts)), map(_KIND, verdicts))
        types = {word: kind for word, kind in named if reasons[word] is None}
        return reasons, types, made_up

    def _document_verdicts(
        self, simplified: str, words: list[str], tags: list[str], adjacent: list[bool], counts: Counter[str],
        reasons: dict[str, str | None], types: dict[str, str], made_up: set[str],
    ) -> None:
        """The verdicts one text gives on its own words: names written beside a title, and
        made-up words that are half of an expression (招大 always before 引强)."""
        from policytext.terms.entities import context_persons

        for name in context_persons(simplified, words, tags, adjacent, counts):
            if reasons.get(name, "") is None:
                if self.entities:
                    types[name] = "person"
                else:
                    reasons[name] = "entity (person)"
        if made_up and not self.fragments:
            for word, phrase in halves(words, adjacent, counts, made_up).items():
                reasons[word] = f"fragment of {phrase}"
                types.pop(word, None)

    def _candidates(self, seg: Segmentation) -> tuple[np.ndarray, list[str], list[str]]:
        """Tokens long enough to be terms: their indices, Simplified strings and tags."""
        import numpy as np

        # single characters (的, 和, punctuation) are about half the tokens: drop them with
        # numpy before any token string is built
        a_starts, a_ends = seg.analysis_starts, seg.analysis_ends
        candidates = np.flatnonzero((a_ends - a_starts) >= self.min_chars)
        tags = seg.tags[candidates].tolist() if seg.tags is not None else ["x"] * len(candidates)
        starts, ends = a_starts[candidates], a_ends[candidates]
        analysis = seg.analysis_text
        if seg.pieces is None or len(candidates) < 2:
            return candidates, [analysis[s:e] for s, e in zip(starts.tolist(), ends.tolist())], tags
        # the segmenter's own strings, gathered in C; only tokens whose span it did not
        # cut itself (numbers joined afterwards) are sliced out of the text
        strings, bounds = seg.pieces
        at = np.minimum(np.searchsorted(bounds, starts), len(strings) - 1)
        words = list(operator.itemgetter(*at.tolist())(strings))
        for j in np.flatnonzero((bounds[at] != starts) | (bounds[at + 1] != ends)).tolist():
            words[j] = analysis[starts[j] : ends[j]]
        return candidates, words, tags

    def _verdict(self, word: str, tag: str) -> _Verdict:
        """Why ``word`` (with its ``tag``) is not a term (None: it is), its entity type, and
        whether the segmenter made it up (no dictionary has it); decided once per word and
        tag, remembered across texts (reports share most of their words)."""
        drop = self._stopword_reasons()
        key = (word, tag)
        found = self._verdicts.get(key)
        if found is not None:
            return found
        if len(self._verdicts) > _MAX_VERDICTS:  # a long-lived tokenizer stays bounded
            self._verdicts.clear()
        reason = drop.get(word) or word_reason(word, tag)
        kind = None
        made_up = False
        if reason is None and r.ROAD_NUMBER.match(word):
            kind = "place"
            if not self.entities:
                reason = "entity (place)"
        elif reason is None and r.HAN.search(word):
            made_up = not self._backend().has_word(word)
            if made_up and cross_word(word):
                reason = "cross-word fragment"
            elif (tag in r.IDIOM_TAGS and self._backend().tag_word(word[:2]) in r.EMPTY_HEAD_TAGS
                  and word not in r.lexicon_words()):
                reason = "rhetoric (a set phrase that opens with an adverb, pronoun or numeral)"
            elif self._describes_a_change(word):
                reason = "description (a word of degree before a verb: how much, not what)"
            else:
                from policytext.terms.entities import entity_type

                kind = entity_type(word, tag, not made_up, self._lookup)
                if kind is not None and not self.entities:
                    reason = f"entity ({kind})"
        self._verdicts[key] = (reason, kind, made_up)
        return reason, kind, made_up

    def _describes_a_change(self, word: str) -> bool:
        """Whether ``word`` is a word of degree and a verb (明显|增强, 明显|改善:
        :data:`~policytext.terms.resources.DEGREE_WORDS`), no word of the policy lexicon."""
        return (len(word) == 4 and word[:2] in r.DEGREE_WORDS and self._backend().tag_word(word[2:]) == "v"
                and word not in r.lexicon_words())

    def dictionary_frequency(self, word: str) -> int:
        """The frequency of ``word`` in the segmenter's dictionary (its policy lexicon and
        phrases included; 0: not a dictionary word)."""
        return self._lookup(word)

    def _lookup(self, word: str) -> int:
        """The segmenter dictionary's frequency of ``word`` (0: not in it)."""
        found = self._lookups.get(word)
        if found is None:
            found = self._lookups[word] = self._backend().word_freq(word)
        return found

    def _backend(self) -> Backend:
        if self._engine is None:
            from policytext.segmentation import get_backend

            self._engine = get_backend(self.backend, lexicon=self.lexicon, userdict=tuple(self.phrases) or None)
        engine: Backend = self._engine
        return engine

    def _stopword_reasons(self) -> dict[str, str]:
        # built once (a union of thousands of words); when the parameter is set to
        # something else (scikit-learn's set_params), rebuilt and the verdicts forgotten
        if self._drop is None or self._drop[0] is not self.stopwords:
            self._drop = (self.stopwords, stopword_reasons(self.stopwords))
            self._verdicts.clear()
            self._memo.clear()
        return self._drop[1]

    def __call__(self, text: str) -> list[str]:
        return self.terms(text).terms

    def forget(self) -> None:
        """Drop the memo (a corpus of thousands of reports should not stay in memory)."""
        self._memo.clear()
        self._verdicts.clear()


def word_reason(word: str, tag: str) -> str | None:
    """Why ``word`` with part-of-speech ``tag`` is never a term, whatever the stopword
    lists say (a number, a number and its unit, a function word by its tag); None when
    nothing about the word itself rules it out."""
    if r.NUMERIC.match(word) or r.DATE_LIKE.match(word) or r.COUNTED.match(word):
        return "number"
    if r.NUMBER_UNIT.match(word) or r.LATIN_UNIT.match(word):
        return "number+unit"
    if not r.TERM.search(word):
        return "not a word"
    name = r.DROPPED_TAGS.get(tag)
    if name is not None:
        return f"part of speech ({tag}: {name})"
    if tag == "nrt" and word[0] in r.NUMERAL_START:
        # jieba's dictionary lists pieces of numbered slogans as names (四纵 of 四纵四横)
        return "number"
    return None


def cross_word(word: str) -> bool:
    """Whether a word the segmenter made up crosses a word boundary: it starts with a
    number's unit (年村 from 2022年|村), a numeral (一轴 from 一轴两带) or a negation (不摘 of
    摘帽不摘责任), or starts or ends with a function word (和量, 管出)."""
    first, last = word[0], word[-1]
    return (
        first in r.UNIT_START or first in r.NUMERAL_START or first in r.FUNCTION_EDGE or first in r.NEGATION_START
        or last in r.FUNCTION_EDGE or last in r.COMPLEMENT_END
    )


def compound_pairs(
    words: list[str], adjacent: list[bool], counts: Counter[str], kept: set[str]
) -> tuple[set[tuple[str, str]], dict[str, str]]:
    """Pairs of adjacent terms one text writes as one: seen together at least
    :data:`COMPOUND_MIN_COUNT` times with one of the two mostly (:data:`FRAGMENT_SHARE`) in
    the pair. When the other is in the pair at least half the time too (数字|乡村), the pair
    is the text's own compound, a term of its own (the first set); when the other stands
    mostly elsewhere (河长制|责任, 河长制 said alone too), the bound one is a fragment of the
    pair and the other keeps its count (the mapping: fragment → pair)."""
    # counted in C, then the few distinct pairs filtered (a Counter keeps first-seen order,
    # so the pairs come in the order a filter before counting would give)
    pairs = Counter(itertools.compress(itertools.pairwise(words), adjacent))
    for pair in [pair for pair in pairs if pair[0] == pair[1] or pair[0] not in kept or pair[1] not in kept]:
        del pairs[pair]
    joins: set[tuple[str, str]] = set()
    bound: dict[str, str] = {}
    for (a, b), n in pairs.items():
        if n < COMPOUND_MIN_COUNT or len(a) + len(b) > COMPOUND_MAX_CHARS:
            continue
        share_a, share_b = n / counts[a], n / counts[b]
        if max(share_a, share_b) < FRAGMENT_SHARE:
            continue
        if min(share_a, share_b) >= 0.5:
            joins.add((a, b))
        else:
            bound.setdefault(a if share_a >= share_b else b, a + b)
    return joins, bound


Item = tuple[str, int, int]  # a term of a text's sequence: itself, its first and last candidate
_WORD, _FIRST, _LAST = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(2)


def _adjacency(found: Candidates, sequence: list[Item]) -> list[bool]:
    """Whether each item of ``sequence`` is directly followed by the next (no token between)."""
    import numpy as np

    if len(sequence) < 2:
        return []
    firsts = np.array(list(map(_FIRST, sequence)), dtype=np.int64)
    lasts = np.array(list(map(_LAST, sequence)), dtype=np.int64)
    adjacent: list[bool] = (found.at[lasts[:-1]] + 1 == found.at[firsts[1:]]).tolist()
    return adjacent


def _merge(
    sequence: list[Item], adjacent: list[bool], joins: set[tuple[str, str]], made: dict[tuple[str, int], tuple[Item, Item]]
) -> list[Item]:
    """``sequence`` with each pair of ``joins`` written as one item (left to right: an
    item joins once); ``made`` learns each new item's two parts."""
    words = list(map(_WORD, sequence))
    # the positions of adjacent pairs that join: first where a pair's first word stands
    # (few places), no tuple built for every pair of the text
    lefts = {pair[0] for pair in joins}
    maybe = [j for j, word in enumerate(words[:-1]) if word in lefts]
    starts = [j for j in maybe if adjacent[j] and (words[j], words[j + 1]) in joins]
    if not starts:
        return sequence
    out: list[Item] = []
    done = 0
    for j in starts:
        if j < done:  # the previous pair took this item
            continue
        out.extend(sequence[done:j])
        item = (words[j] + words[j + 1], sequence[j][1], sequence[j + 1][2])
        made[(item[0], item[1])] = (sequence[j], sequence[j + 1])
        out.append(item)
        done = j + 2
    out.extend(sequence[done:])
    return out


def _compose(
    seg: Segmentation, found: Candidates, sequence: list[Item], stop: Mapping[str, str], lookup: Callable[[str], int],
    *, entities: bool = False,
) -> list[Item]:
    """The kept terms of one text with its own compounds joined (数字|乡村 → 数字乡村, then
    石油物探|装备 → 石油物探装备, up to :data:`COMPOUND_ROUNDS` times) and its fragments left
    out: a term mostly written in one compound, beside one same token (副|部长), or inside
    one longer word of the text (本强基 in 固本强基). A compound that names a state organ
    (安全监管|总局) is an entity, and its parts stay fragments of it. Marks the reasons in
    ``found``."""
    reasons = found.reasons
    places = {word for word, why in reasons.items() if why == "entity (place)"}
    places |= {word for word, kind in found.types.items() if kind == "place"}
    parts = organization_parts(found, sequence, places)
    if parts:  # before any compound: 煤矿安全|监察局 would join, and give its parts back
        for word, name in parts.items():
            reasons[word] = f"fragment of {name}"
        sequence = [item for item in sequence if item[0] not in parts]
    made: dict[tuple[str, int], tuple[Item, Item]] = {}
    sequence = _join_compounds(found, sequence, stop, made, entities)
    sequence = _resolved(sequence, reasons, made)
    # a place's name is no generic neighbour even when its word is on a tier (中国): a term
    # written mostly right after it is the rest of a name (中国|石化, 中国|华能集团公司)
    blocked = _edge_words() - places if places else _edge_words()
    standalone = Counter(map(_WORD, sequence))
    for word, longer in bound_to_neighbours(seg, found, sequence, blocked, standalone, lookup).items():
        reasons[word] = f"fragment of {longer}"
    # every candidate's count, and the compounds' (a copy and the few new words: no sum)
    every = Counter(found.counts)
    every.update({w: n for w, n in standalone.items() if w not in found.counts})
    for word, longer in fragments_of(list(standalone), every, seg.analysis_text).items():
        reasons[word] = f"fragment of {longer}"
    restored: dict[str, str] = {}
    sequence = _resolved(sequence, reasons, made, restored)
    if restored:
        _judge_restored(seg, found, sequence, restored, blocked, lookup)
    for word in _modifiers(found, standalone, lookup):
        reasons[word] = "part of speech (b: a distinguishing word, which only modifies)"
    for word in list(found.types):
        if reasons.get(word) is not None:
            del found.types[word]
    return [item for item in sequence if reasons.get(item[0]) is None]


def _join_compounds(
    found: Candidates, sequence: list[Item], stop: Mapping[str, str], made: dict[tuple[str, int], tuple[Item, Item]],
    entities: bool,
) -> list[Item]:
    """``sequence`` with the text's own compounds joined, round after round (``made``
    learns each compound's parts); the compounds' verdicts and their parts' (fragments)
    are marked in ``found``."""
    reasons = found.reasons
    tag_of: dict[str, str] | None = None
    for _ in range(COMPOUND_ROUNDS):
        words = list(map(_WORD, sequence))
        adjacent = _adjacency(found, sequence)
        counts = Counter(words)
        joins, bound = compound_pairs(words, adjacent, counts, set(counts))
        joins = {pair for pair in joins if pair[0] + pair[1] not in stop}  # 成功|举办 is filler as one
        for word, pair in bound.items():
            reasons[word] = f"fragment of {pair}"
        if not joins:
            break
        merged = _merge(sequence, adjacent, joins, made)
        standalone = Counter(map(_WORD, merged))
        if tag_of is None:  # only a text with compounds needs its words' tags by word
            tag_of = dict(zip(reversed(found.words), reversed(found.tags)))
        for a, b in sorted(joins):  # set order varies by process: a part two compounds share gets one reason
            tag_of.setdefault(a + b, _compound_tag(tag_of.get(a, ""), tag_of.get(b, "")))
            _judge_compound(a + b, found, entities, headless=tag_of[a + b] in r.HEADLESS_TAGS)
            for part in (a, b):
                if reasons.get(part) is None and standalone[part] <= (1 - FRAGMENT_SHARE) * counts[part]:
                    reasons[part] = f"fragment of {a + b}"
        sequence = _resolved(merged, reasons, made)
    return sequence


def _modifiers(found: Candidates, standalone: Counter[str], lookup: Callable[[str], int]) -> set[str]:
    """The common distinguishing words (``b``: 公共, 国有, 唯一) that stand alone among the
    terms of one text: they modify, and name something only inside a compound (公共|体育设施,
    joined before this)."""
    tagged = set(itertools.compress(found.words, map("b".__eq__, found.tags)))
    return {word for word in tagged if word in standalone and lookup(word) >= r.COMMON_MODIFIER_FREQ}


def _compound_tag(left: str, right: str) -> str:
    """The part of speech of a compound of two words: its head's, the last word's (Chinese
    puts the head last), except that two words that only describe make a description
    (和谐|稳定: ``description``), and a verb before an adjective begins a verb phrase whose
    object follows (提供|强大 of 提供强大的支撑, 淘汰|落后 of 淘汰落后产能: ``description``)."""
    if right in r.DESCRIBING_TAGS and (left in r.DESCRIBING_TAGS or left == "v"):
        return "description"
    return right


def _judge_compound(word: str, found: Candidates, entities: bool, *, headless: bool = False) -> None:
    """A new compound's verdict: a term, a state organ's name (an entity), or no term when
    ``headless`` (it ends in a modifier, 依法严厉打击|非法, or only describes, 和谐|稳定: a
    piece of a clause, whose parts stay its fragments)."""
    from policytext.terms.entities import named_body, named_organ

    if word in found.reasons:
        return
    if headless:
        found.reasons[word] = "no head (a modifier or a description, not a term)"
        return
    if named_organ(word) or named_body(word):
        if entities:
            found.types[word] = "organization"
        else:
            found.reasons[word] = "entity (organization)"
            return
    found.reasons[word] = None


def _judge_restored(
    seg: Segmentation, found: Candidates, sequence: list[Item], restored: dict[str, str], blocked: frozenset[str],
    lookup: Callable[[str], int],
) -> None:
    """Marks in ``found`` the parts a compound gave back (``restored``: each with the
    compound's reason) that are fragments all the same: they lie in the compound's longer
    expression as it did, or stand mostly beside one neighbour of their own (病房 of
    住院病房楼 and 门诊病房楼, always before 楼)."""
    reasons, text = found.reasons, seg.analysis_text
    for part, reason in restored.items():
        longer = reason.removeprefix("fragment of ")
        if longer != reason and text.count(longer) * longer.count(part) >= FRAGMENT_SHARE * text.count(part):
            reasons[part] = reason
    again = bound_to_neighbours(seg, found, [item for item in sequence if item[0] in restored], blocked, lookup=lookup)
    for word, longer in again.items():
        reasons[word] = f"fragment of {longer}"


#: the reasons of a compound whose parts stay its fragments when it is no term: a name's
#: parts (安全监管 of 安全监管总局) and a clause piece's (和谐 of 和谐稳定)
_KEEPS_PARTS = ("entity", "no head")


def _resolved(
    sequence: list[Item], reasons: dict[str, str | None], made: dict[tuple[str, int], tuple[Item, Item]],
    restored: dict[str, str] | None = None,
) -> list[Item]:
    """The items of ``sequence`` that are terms. A compound that is no term after all (a
    fragment of a still longer expression) gives its occurrences back to its parts, which
    are then terms again unless something else rules them out (进入|新常态 inside
    经济发展进入新常态: 新常态 keeps its count); ``restored`` learns each such part and
    the compound's reason."""
    get = reasons.get
    # only a compound that is no term can change a verdict, and every compound is one
    # _merge made: while all of those are terms, the verdicts as they stand decide (one
    # pass, no stack)
    if all(get(word) is None for word, _ in made):
        return [item for item in sequence if get(item[0]) is None]
    out: list[Item] = []
    stack = list(reversed(sequence))
    while stack:
        item = stack.pop()
        word = item[0]
        if get(word) is None:
            out.append(item)
            continue
        parts = made.get((word, item[1]))
        if parts is None:
            continue
        for part in parts:
            # the parts of a name stay fragments of it (安全监管 of 安全监管总局)
            if get(part[0]) == f"fragment of {word}" and not str(reasons[word]).startswith(_KEEPS_PARTS):
                reasons[part[0]] = None
            if restored is not None and get(part[0]) is None:
                restored.setdefault(part[0], str(reasons[word]))
        stack.extend(reversed(parts))
    return out


def name_stems(
    seg: Segmentation, at: np.ndarray, words: list[str], counts: Counter[str], reasons: Mapping[str, str | None],
    lookup: Callable[[str], int],
) -> dict[str, str]:
    """The terms of one text that are mostly (:data:`FRAGMENT_SHARE`, and at least twice)
    written right before the kind of a small place or of a firm, cut off as a token of its
    own (鲍墟|乡, 育才|街, 国宏|公司) or starting a token that is no common word (龙泉|关镇,
    育才|街至; ``lookup``: a word's frequency in the segmenter's dictionary): the proper
    name of that place or firm, each with its entity type. A word that is no common word
    needs only :data:`~policytext.terms.resources.RARE_NAME_SHARE` of its uses before a
    place's kind (白团乡 twice, then 白团 alone); a word before the kind of a public body
    (内政|委员会, 内政|部) only :data:`~policytext.terms.resources.BODY_NAME_SHARE`.
    ``at``/``words``: the candidates' token indices and strings."""
    import numpy as np

    starts, ends = seg.analysis_starts, seg.analysis_ends
    if len(at) == 0:
        return {}
    following = np.minimum(at + 1, len(starts) - 1)
    # the token right after touches the candidate, and is short enough to be a kind
    touching = (at + 1 < len(starts)) & (starts[following] == ends[at])
    touching &= ends[following] - starts[following] <= r.KIND_MAX_CHARS
    text = seg.analysis_text
    # and it starts as a kind does (乡, 公司): the rest can name no kind, left out in numpy
    kind_first = _kind_starts(text)[np.minimum(starts[following], len(text) - 1)]
    near = np.flatnonzero(touching & (ends[following] > starts[following]) & kind_first)
    hits: dict[str, Counter[str]] = {}
    for k, s, e in zip(near.tolist(), starts[following[near]].tolist(), ends[following[near]].tolist()):
        word, token = words[k], text[s:e]
        if reasons.get(word) is None:
            kind = _kind_of(token, lookup)
            if kind is not None:
                hits.setdefault(word, Counter())[kind] += 1
    names: dict[str, str] = {}
    for word, kinds in hits.items():
        if kinds["place"] >= 2 and kinds["place"] >= _place_share(word, lookup) * counts[word]:
            names[word] = "place"
        elif kinds["body"] >= 2 and kinds["body"] >= r.BODY_NAME_SHARE * counts[word]:
            names[word] = "organization"
        elif kinds.total() >= 2 and kinds.total() >= FRAGMENT_SHARE * counts[word]:
            names[word] = "place" if kinds.most_common(1)[0][0] == "place" else "organization"
    return names


def _kind_of(token: str, lookup: Callable[[str], int]) -> str | None:
    """Which kind of name a token cut off after a word ends: ``"place"`` (乡, 村), ``"firm"``
    (公司, 有限公司), ``"body"`` (委员会, 部) or None."""
    if token in r.BODY_KINDS:
        return "body"
    if token in r.FIRM_KINDS:
        return "firm"
    if len(token) > 2:
        return None  # only a firm's or a body's kind is longer than two characters (有限公司, 委员会)
    if token[0] in r.SMALL_PLACE_KINDS and not (len(token) > 1 and lookup(token) >= COMMON_TOKEN_FREQ):
        return "place"  # and 美丽|乡村 is a common word that starts like a village's kind
    return None


def _place_share(word: str, lookup: Callable[[str], int]) -> float:
    """The share of a word's uses before a small place's kind that make it the place's name:
    most for a common word, :data:`~policytext.terms.resources.RARE_NAME_SHARE` for one that
    is no common word. (A firm's kind needs most uses either way: an industry's word stands
    in its firms' names, 国家电网公司, 中国石油化工集团公司.)"""
    return FRAGMENT_SHARE if lookup(word) >= COMMON_TOKEN_FREQ else r.RARE_NAME_SHARE


def _kind_starts(text: str) -> np.ndarray:
    """Whether each character of ``text`` can start the kind of a small place or of a firm
    (乡, 村, 公 of 公司), one bool per character."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return np.isin(codes, _KIND_FIRST_CODES)


#: the code points a kind of small place, of firm or of public body starts with
_KIND_FIRST_CODES = sorted(
    {ord(c) for c in r.SMALL_PLACE_KINDS} | {ord(kind[0]) for kind in r.FIRM_KINDS | r.BODY_KINDS}
)


def organization_parts(found: Candidates, sequence: list[Item], places: set[str]) -> dict[str, str]:
    """The terms of one text written mostly (:data:`FRAGMENT_SHARE`) inside organisations'
    names, each with the name it is most often part of. A Chinese organisation's name is a
    place, a few descriptors and the kind of body (江苏|煤矿安全|监察局,
    中国|石油|天然气|总公司): the kind and the descriptors there are parts of a name, not
    terms (``sequence``: the text's kept terms, before any compound is joined)."""
    if not places or len(sequence) < 1:
        return {}
    at = found.at
    counts = Counter(map(_WORD, sequence))
    inside: dict[str, Counter[str]] = {}
    for i in _after_places(found, sequence, places):
        word, first, _ = sequence[i]
        parts = [word]
        j = i
        # the descriptors: up to ORG_DESCRIPTORS more terms, each right after the last
        while not _names_a_body(parts[-1]) and j + 1 < len(sequence) and len(parts) <= ORG_DESCRIPTORS:
            following = sequence[j + 1]
            if at[sequence[j][2]] + 1 != at[following[1]]:
                break
            parts.append(following[0])
            j += 1
        if _names_a_body(parts[-1]):
            name = found.words[first - 1] + "".join(parts)
            for part in parts:
                inside.setdefault(part, Counter())[name] += 1
    found_parts: dict[str, str] = {}
    for word, names in inside.items():
        if sum(names.values()) >= FRAGMENT_SHARE * counts[word]:
            found_parts[word] = names.most_common(1)[0][0]
    return found_parts


def _after_places(found: Candidates, sequence: list[Item], places: set[str]) -> list[int]:
    """The indices of the items of ``sequence`` right after a candidate that is a place
    (found in numpy: few items are)."""
    import numpy as np

    if not sequence:
        return []
    is_place = np.fromiter(map(places.__contains__, found.words), dtype=bool, count=len(found.words))
    first = np.fromiter(map(_FIRST, sequence), dtype=np.int64, count=len(sequence))
    before = np.maximum(first - 1, 0)
    after = (first > 0) & is_place[before] & (found.at[before] + 1 == found.at[first])
    hits: list[int] = np.flatnonzero(after).tolist()
    return hits


def _names_a_body(word: str) -> bool:
    """Whether ``word`` ends as the kind of an organisation does (监察局, 总公司, 委员会)."""
    return len(word) >= 2 and word.endswith(r.ORG_SUFFIXES)


@functools.cache
def _edge_words() -> frozenset[str]:
    """Words that never make a term longer by standing beside it: function words, the
    bureaucratic verbs and procedure words that take a term as their object (推动|高质量发展
    is a collocation, not a longer term), and the generic nouns that stand beside any term
    (经济发展|新常态)."""
    return r.stopword_tier("function") | r.stopword_tier("filler") | r.stopword_tier("procedure") | r.stopword_tier("generic")


def bound_to_neighbours(
    seg: Segmentation, found: Candidates, sequence: list[Item], blocked: frozenset[str],
    counts: Counter[str] | None = None, lookup: Callable[[str], int] | None = None,
) -> dict[str, str]:
    """The terms of one text written mostly (:data:`FRAGMENT_SHARE`, and at least twice)
    right after or before the same characters, of a token that is no word of ``blocked``:
    each is a fragment of the longer expression. A neighbour of one character, or one the
    segmenter made up (``lookup``: the dictionary's frequency of a word) and holding no
    numeral, lends the character it touches (副|部长, 灰|犀牛; 土|海法 and 应由土|海法;
    大堤|口村 and 大堤|口); a word lends its two characters next to the term (传统产业|转型升级
    and 产业|转型升级: 产业转型升级; 农民|人均纯收入 and 居民|人均纯收入 differ). ``counts``:
    the terms of ``sequence`` counted, when the caller has them."""
    import numpy as np

    counts = Counter(map(_WORD, sequence)) if counts is None else counts
    chosen = [item for item in sequence if counts[item[0]] >= 2]
    if not chosen:
        return {}
    text, a_starts, a_ends = seg.analysis_text, seg.analysis_starts, seg.analysis_ends
    first = found.at[np.array(list(map(_FIRST, chosen)), dtype=np.int64)]
    last = found.at[np.array(list(map(_LAST, chosen)), dtype=np.int64)]
    words = list(map(_WORD, chosen))
    sides: Counter[tuple[str, int, str]] = Counter()
    n_tokens = len(a_starts)
    han = _han_starts(text)
    for side, j, touching in (
        (-1, first - 1, a_ends[np.maximum(first - 1, 0)] == a_starts[first]),
        (1, last + 1, a_starts[np.minimum(last + 1, n_tokens - 1)] == a_ends[last]),
    ):
        inside = (j >= 0) & (j < n_tokens)
        j = np.where(inside, j, 0)
        # a neighbour that starts with no Han character never counts: left out in numpy
        han_first = han[np.minimum(a_starts[j], len(han) - 1)]
        ok = np.flatnonzero(inside & touching & (a_ends[j] > a_starts[j]) & han_first)
        neighbours = list(map(text.__getitem__, map(slice, a_starts[j[ok]].tolist(), a_ends[j[ok]].tolist())))
        # the characters each distinct neighbour lends (a blocked word lends none), counted
        # in C, each neighbour's decided once: the touching one decides, the two name
        # (a negation or a function word lent by a made-up neighbour binds nothing: 摘帽|不摘)
        lent = {
            n: chars for n in dict.fromkeys(neighbours)
            if n not in blocked and (chars := _lent(n, side, lookup)) not in r.UNBINDING_CHARS
        }
        counted = list(map(lent.__contains__, neighbours))
        sides.update(zip(
            itertools.compress(map(words.__getitem__, ok.tolist()), counted), itertools.repeat(side),
            map(lent.__getitem__, itertools.compress(neighbours, counted)),
        ))
    return _bound_expressions(sides, counts)


def _bound_expressions(sides: Counter[tuple[str, int, str]], counts: Counter[str]) -> dict[str, str]:
    """Each word whose occurrences mostly (:data:`FRAGMENT_SHARE`, at least twice) have
    the same neighbour's characters on one side (``sides``: word, side, the characters
    lent, counted), with the expression they make."""
    # a word's occurrences lend at most one key per side, so a key that has FRAGMENT_SHARE
    # (over half) of them is the side's only such key: no need to find each side's best
    best = sorted(k for k, n in sides.items() if n >= 2 and n >= FRAGMENT_SHARE * counts[k[0]])
    found_pairs: dict[str, str] = {}
    for word, side, key in best:
        found_pairs.setdefault(word, key + word if side < 0 else word + key)
    return found_pairs


def _lent(neighbour: str, side: int, lookup: Callable[[str], int] | None) -> str:
    """The characters ``neighbour`` lends the term on its ``side`` (-1: before it)."""
    made_up = lookup is not None and len(neighbour) > 1 and not lookup(neighbour) and not r.HAS_NUMERAL.search(neighbour)
    if len(neighbour) == 1 or made_up:
        return neighbour[-1] if side < 0 else neighbour[0]
    return neighbour[-2:] if side < 0 else neighbour[:2]


def _han_starts(text: str) -> np.ndarray:
    """Whether each character of ``text`` is a Han character (``r.HAN``), one bool per
    character: token offsets index it, so a token's first character is checked in numpy."""
    import numpy as np

    # UTF-32 has one code unit per character, as str indexes them; the range is r.HAN's
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    return (codes >= 0x3400) & (codes <= 0x9FFF)


def halves(words: list[str], adjacent: list[bool], counts: Counter[str], made_up: set[str]) -> dict[str, str]:
    """The ``made_up`` words of one text that are half of a longer expression: at least
    :data:`FRAGMENT_SHARE` of their occurrences stand right before (or after) one same word
    (招大 before 引强 in 招大引强), each with that expression."""
    after: dict[str, Counter[str]] = {}
    before: dict[str, Counter[str]] = {}
    for k in range(len(words) - 1):
        if adjacent[k]:
            first, second = words[k], words[k + 1]
            if first in made_up:
                after.setdefault(first, Counter())[second] += 1
            if second in made_up:
                before.setdefault(second, Counter())[first] += 1
    found: dict[str, str] = {}
    for word in made_up:
        for side, table in ((1, after), (0, before)):
            neighbours = table.get(word)
            if neighbours:
                other, n = neighbours.most_common(1)[0]
                if n >= FRAGMENT_SHARE * counts[word]:
                    found[word] = word + other if side else other + word
                    break
    return found


def fragments_of(terms: Iterable[str], counts: Counter[str], simplified: str) -> dict[str, str]:
    """The ``terms`` of one text that are fragments, each with the longer word it lies in:
    at least :data:`FRAGMENT_SHARE` of the term's occurrences (as a substring of the
    Simplified text) are inside one longer word of the text (``counts``: every word of
    the text and its count, whether a term or not: 一步 inside 进一步 too)."""
    wanted = set(terms)
    # every (part, longer word) pair of the text, from each word's remembered parts, and
    # those whose part is a term, all in C (each longer word once per term it contains:
    # the best below depends neither on how often nor on the order)
    longer_words = itertools.compress(counts, map((3).__le__, map(len, counts)))
    pairs = list(itertools.chain.from_iterable(map(_inner_parts, longer_words)))
    containing: dict[str, list[str]] = {}
    for part, longer in itertools.compress(pairs, map(wanted.__contains__, map(_WORD, pairs))):
        containing.setdefault(part, []).append(longer)
    found: dict[str, str] = {}
    for term in terms:
        around = containing.get(term)
        if not around:
            continue
        best = max(around, key=lambda longer: (counts[longer] * longer.count(term), longer))
        inside = counts[best] * best.count(term)
        # the term's own tokens are occurrences outside: unless it is inside four times as
        # often, no text scan can find it a fragment
        if inside < 4 * counts[term]:
            continue
        if inside >= FRAGMENT_SHARE * simplified.count(term):
            found[term] = best
    return found


@functools.lru_cache(maxsize=1 << 16)
def _inner_parts(longer: str) -> tuple[tuple[str, str], ...]:
    """Each distinct string of two characters or more inside ``longer`` and shorter than
    it, paired with ``longer`` (remembered: reports share most of their words)."""
    n = len(longer)
    parts = dict.fromkeys(longer[i : i + size] for size in range(2, n) for i in range(n - size + 1))
    return tuple(zip(parts, itertools.repeat(longer)))


def tokenize(text: str) -> list[str]:
    """The default policy terms of ``text`` (a module-level function, picklable; no memo)."""
    return PolicyTokenizer()(text)
