"""Phrase discovery: recurring multi-token terms (供给侧|结构性|改革 → 供给侧结构性改革) found
by frequency, cohesion (the weakest normalised pointwise mutual information over the
phrase's split points) and left/right branching entropy. :func:`discover_phrases` returns a table whose
``phrase`` column can be handed to segmentation (``userdict=``) and keywords (``phrases=``)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policytext.frames import records_frame
from policytext.terms import resources as r

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

PHRASE_COLUMNS = ("phrase", "tokens", "n_tokens", "count", "cohesion", "left_entropy", "right_entropy")
_BREAK = -1  # stands between runs of words (punctuation, numbers, white space)


def _runs(normalized: Sequence[str], ids: dict[str, int]) -> list[int]:
    """Token ids of one text, with _BREAK wherever a non-word token stands."""
    seq: list[int] = []
    for token in normalized:
        if r.TERM.search(token) and not r.NUMERIC.match(token):
            seq.append(ids.setdefault(token, len(ids)))
        elif seq and seq[-1] != _BREAK:
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
    followed by 改革, so its right entropy is low). Phrases that start or end with a
    function word, or are longer than ``max_chars`` characters, are left out.
    ``lexicon``/``userdict``/``backend``/``convert`` go to the segmenter (``lexicon=False`` discovers
    what the bundled lexicon would otherwise give away).
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
    total = max(1, sum(counts[1].values()))
    function_words = r.stopword_tier("function")
    left: dict[tuple[int, ...], Counter[int]] = {}
    right: dict[tuple[int, ...], Counter[int]] = {}
    for n in range(2, max_tokens + 1):
        for gram, c in counts[n + 1].items():
            if counts[n].get(gram[1:], 0) >= min_count:
                left.setdefault(gram[1:], Counter())[gram[0]] += c
            if counts[n].get(gram[:-1], 0) >= min_count:
                right.setdefault(gram[:-1], Counter())[gram[-1]] += c
    filler = function_words | r.stopword_tier("filler")
    accepted: dict[tuple[int, ...], dict[str, Any]] = {}
    held: dict[tuple[int, ...], dict[str, Any]] = {}  # cohesive, but bound to one neighbour
    for n in range(max_tokens, 1, -1):  # longest first, so a held part can look up its whole
        for gram, c in counts[n].items():
            if c < min_count:
                continue
            tokens = [words[i] for i in gram]
            phrase = "".join(tokens)
            if (
                len(phrase) > max_chars
                or tokens[0] in function_words
                or tokens[-1] in function_words
                or all(t in filler for t in tokens)  # 全面推进: filler, however frequent
            ):
                continue
            # normalised PMI (PMI / -log p(phrase)), in [-1, 1] whatever the corpus size
            cohesion = min(
                math.log(c * total / (counts[k][gram[:k]] * counts[n - k][gram[k:]])) for k in range(1, n)
            ) / math.log(total / c)
            if cohesion < min_cohesion:
                continue
            record: dict[str, Any] = {
                "phrase": phrase, "tokens": " ".join(tokens), "n_tokens": n, "count": c, "cohesion": cohesion,
                "left_entropy": _entropy(left.get(gram, Counter()), c),
                "right_entropy": _entropy(right.get(gram, Counter()), c),
            }
            if min(record["left_entropy"], record["right_entropy"]) >= min_entropy:
                accepted[gram] = record
            else:
                held[gram] = record
    # 固本强基 is mostly followed by 工程: it joins when a longer accepted phrase starts or ends
    # with it and it still stands on its own (outside the most frequent such phrase) at least
    # min_count times
    enclosing: dict[tuple[int, ...], int] = {}
    for whole, kept in accepted.items():
        for k in range(2, len(whole)):
            for part in (whole[:k], whole[-k:]):
                enclosing[part] = max(enclosing.get(part, 0), kept["count"])
    records = list(accepted.values())
    for gram, record in held.items():
        if gram in enclosing and record["count"] - enclosing[gram] >= min_count:
            records.append(record)
    frame = records_frame(records, PHRASE_COLUMNS)
    return frame.sort_values(["count", "phrase"], ascending=[False, True], kind="stable").reset_index(drop=True)
