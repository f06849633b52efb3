"""Phrase discovery: recurring multi-token terms (供给侧|结构性|改革 → 供给侧结构性改革) found
by frequency, cohesion (the weakest normalised pointwise mutual information over the
phrase's split points) and left/right branching entropy. :func:`discover_phrases` returns a table whose
``phrase`` column can be handed to segmentation (``userdict=``) and keywords (``phrases=``)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.terms import resources as r

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

PHRASE_COLUMNS = ("phrase", "tokens", "n_tokens", "count", "cohesion", "left_entropy", "right_entropy")
_BREAK = -1  # stands between runs of words (punctuation, numbers, white space)


#: a numeral in words, or the ordinal marker: a number, which no phrase crosses
_NUMERAL_TOKEN = re.compile(r"^[第〇零一二两三四五六七八九十百千万亿]+$")


def _is_word(token: str, after_number: bool) -> bool:
    """Whether ``token`` can be part of a phrase: a word, not a number (digits or Chinese
    numerals, 第十一, 两项) nor the unit right after one (2019|年|国家决算, 第三|条)."""
    if not r.TERM.search(token) or r.NUMERIC.match(token) or _NUMERAL_TOKEN.match(token):
        return False
    if r.COUNTED.match(token) or r.DATE_LIKE.match(token):
        return False
    return not (after_number and len(token) == 1)


def _runs(normalized: Sequence[str], ids: dict[str, int]) -> list[int]:
    """Token ids of one text, with _BREAK wherever a non-word token stands."""
    seq: list[int] = []
    after_number = False
    for token in normalized:
        if _is_word(token, after_number):
            seq.append(ids.setdefault(token, len(ids)))
            after_number = False
        else:
            after_number = bool(r.NUMERIC.match(token) or _NUMERAL_TOKEN.match(token))
            if seq and seq[-1] != _BREAK:
                seq.append(_BREAK)
    seq.append(_BREAK)
    return seq


def _ngram_counts(seq: list[int], longest: int) -> dict[int, Counter[tuple[int, ...]]]:
    counts: dict[int, Counter[tuple[int, ...]]] = {}
    for n in range(1, longest + 1):
        grams = Counter(zip(*(seq[i:] for i in range(n))))
        counts[n] = Counter({g: c for g, c in grams.items() if _BREAK not in g})
    return counts


def _entropy(neighbours: Counter[int], total: int) -> float:
    """Branching entropy; occurrences at a run edge count as distinct neighbours."""
    seen = sum(neighbours.values())
    values = list(neighbours.values()) + [1] * (total - seen)
    return -sum(c / total * math.log(c / total) for c in values if c)


def discover_phrases(
    data: str | Corpus | Sequence[str],
    *,
    min_count: int = 5,
    max_tokens: int = 4,
    min_cohesion: float = 0.35,
    min_entropy: float = 1.0,
    max_chars: int = 12,
    lexicon: bool = True,
    userdict: Any = None,
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Recurring multi-token terms of ``data`` (a text, texts or a Corpus), most frequent first.

    A candidate is a run of 2..``max_tokens`` segmented words (never across punctuation or
    numbers) seen at least ``min_count`` times, whose cohesion — the smallest normalised PMI
    over its split points (1: the parts never occur apart; 0: independent) — is at least
    ``min_cohesion``, and whose left and right branching
    entropies are at least ``min_entropy`` (a fragment such as 供给侧|结构性 is always
    followed by 改革, so its right entropy is low). Phrases with a function word (党|的|十八大),
    phrases that start or end with a bureaucratic verb or a procedure word (推动|高质量发展,
    会议|高度评价: a collocation, not a term) and phrases longer than ``max_chars`` characters
    are left out.
    ``lexicon``/``userdict``/``backend``/``convert`` go to the segmenter (``lexicon=False`` discovers
    what the bundled lexicon would otherwise give away).

    Words are counted in their Simplified form (Traditional text is read through t2s, as
    everywhere), so a Traditional archive and its Simplified conversion give the same
    phrases, in Simplified: the form the segmenter (``userdict=``) and
    :func:`policytext.keywords` (``phrases=``) take.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus (counted as one stream, never across documents'
        punctuation).
    min_count : int
        Fewest occurrences of a phrase.
    max_tokens : int
        Most segmented words in a phrase.
    min_cohesion : float
        Smallest normalised PMI over the phrase's split points (0 to 1).
    min_entropy : float
        Smallest left and right branching entropy.
    max_chars : int
        Longest phrase, in characters.
    lexicon : bool
        Segment with the bundled policy lexicon.
    userdict : path, iterable of str or None
        Extra words for the segmenter (jieba dictionary lines).
    backend : {"auto", "jieba", "rjieba"}
        The segmenter.
    convert : "auto", False or an OpenCC config name
        How each text is read (:func:`policytext.analysis_text`).

    Returns
    -------
    pandas.DataFrame
        :data:`PHRASE_COLUMNS`: ``phrase`` (Simplified, joined), ``tokens`` (its words,
        space-separated), ``n_tokens``, ``count``, ``cohesion``, ``left_entropy``,
        ``right_entropy``; sorted by ``count`` (descending), then ``phrase``.

    Raises
    ------
    policytext.ConfigError
        For a bad ``convert`` or ``backend``.
    """
    from policytext.corpus import documents_of
    from policytext.segmentation import segment

    _, texts = documents_of(data)
    ids: dict[str, int] = {}
    seq: list[int] = []
    for text in texts:
        seq.extend(_runs(segment(text, lexicon=lexicon, userdict=userdict, backend=backend, convert=convert).normalized, ids))
    words = {i: w for w, i in ids.items()}
    counts = _ngram_counts(seq, max_tokens + 1)
    left, right = _neighbours(counts, max_tokens, min_count)
    limits = _Limits(min_count, min_cohesion, min_entropy, max_chars)
    accepted, held = _candidates(counts, words, left, right, max_tokens, limits)
    records = list(accepted.values()) + _joined_parts(accepted, held, min_count)
    frame = records_frame(records, PHRASE_COLUMNS)
    return frame.sort_values(["count", "phrase"], ascending=[False, True], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class _Limits:
    min_count: int
    min_cohesion: float
    min_entropy: float
    max_chars: int


Gram = tuple[int, ...]


def _neighbours(
    counts: dict[int, Counter[Gram]], max_tokens: int, min_count: int
) -> tuple[dict[Gram, Counter[int]], dict[Gram, Counter[int]]]:
    """The words seen before (left) and after (right) each frequent n-gram."""
    left: dict[Gram, Counter[int]] = {}
    right: dict[Gram, Counter[int]] = {}
    for n in range(2, max_tokens + 1):
        for gram, c in counts[n + 1].items():
            if counts[n].get(gram[1:], 0) >= min_count:
                left.setdefault(gram[1:], Counter())[gram[0]] += c
            if counts[n].get(gram[:-1], 0) >= min_count:
                right.setdefault(gram[:-1], Counter())[gram[-1]] += c
    return left, right


def _cohesion(counts: dict[int, Counter[Gram]], gram: Gram, c: int, total: int) -> float:
    """Normalised PMI (PMI / -log p(phrase)) of the weakest split point, in [-1, 1]
    whatever the corpus size."""
    n = len(gram)
    weakest = min(math.log(c * total / (counts[k][gram[:k]] * counts[n - k][gram[k:]])) for k in range(1, n))
    return weakest / math.log(total / c)


def _candidates(
    counts: dict[int, Counter[Gram]], words: dict[int, str], left: dict[Gram, Counter[int]],
    right: dict[Gram, Counter[int]], max_tokens: int, limits: _Limits,
) -> tuple[dict[Gram, dict[str, Any]], dict[Gram, dict[str, Any]]]:
    """Cohesive n-grams: accepted (free on both sides) and held (bound to one neighbour)."""
    total = max(1, sum(counts[1].values()))
    function_words = r.stopword_tier("function")
    filler = function_words | r.stopword_tier("filler") | r.stopword_tier("procedure")
    accepted: dict[Gram, dict[str, Any]] = {}
    held: dict[Gram, dict[str, Any]] = {}
    for n in range(max_tokens, 1, -1):  # longest first, so a held part can look up its whole
        for gram, c in counts[n].items():
            if c < limits.min_count:
                continue
            tokens = [words[i] for i in gram]
            phrase = "".join(tokens)
            if (
                len(phrase) > limits.max_chars
                or any(t in function_words for t in tokens)
                or tokens[0] in filler  # 推动|高质量发展, 全面推进: a verb and its object
                or tokens[-1] in filler
            ):
                continue
            cohesion = _cohesion(counts, gram, c, total)
            if cohesion < limits.min_cohesion:
                continue
            record: dict[str, Any] = {
                "phrase": phrase, "tokens": " ".join(tokens), "n_tokens": n, "count": c, "cohesion": cohesion,
                "left_entropy": _entropy(left.get(gram, Counter()), c),
                "right_entropy": _entropy(right.get(gram, Counter()), c),
            }
            free = min(record["left_entropy"], record["right_entropy"]) >= limits.min_entropy
            (accepted if free else held)[gram] = record
    return accepted, held


def _joined_parts(
    accepted: dict[Gram, dict[str, Any]], held: dict[Gram, dict[str, Any]], min_count: int
) -> list[dict[str, Any]]:
    """Held phrases that still stand on their own: 固本强基 is mostly followed by 工程, and
    joins when a longer accepted phrase starts or ends with it and it stands outside the most
    frequent such phrase at least ``min_count`` times."""
    enclosing: dict[Gram, int] = {}
    for whole, kept in accepted.items():
        for k in range(2, len(whole)):
            for part in (whole[:k], whole[-k:]):
                enclosing[part] = max(enclosing.get(part, 0), kept["count"])
    return [record for gram, record in held.items() if gram in enclosing and record["count"] - enclosing[gram] >= min_count]
