"""Script detection: is a text Simplified, Traditional or a mixture, and on what evidence.

A character is evidence of Traditional script when OpenCC's t2s changes it on its own
(國 → 国), and of Simplified script when s2t changes it (国 → 國).  The two character sets
are built once from the installed OpenCC; characters both configs change are ignored.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from policytext.script.backend import convert_each
from policytext.script.resources import CJK_RANGES

__all__ = ["ScriptDetection", "detect_script"]

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
MIXED = "mixed"
NEUTRAL = "neutral"  # Han characters, none of them distinctive (人民代表大会)
NONE = "none"  # no Han characters at all


@dataclass(frozen=True)
class ScriptDetection:
    """The verdict and the evidence behind it.

    Attributes
    ----------
    script : {"simplified", "traditional", "mixed", "neutral", "none"}
        The verdict: ``"neutral"`` for Han characters none of which is distinctive
        (人民代表大会), ``"none"`` for no Han characters at all.
    traditional_chars, simplified_chars : int
        Distinctive characters of each script in the text read.
    han_chars : int
        Han characters in the text read.
    majority : str or None
        The script most distinctive characters belong to (``None`` when there are none,
        or a tie).
    traditional_share : float
        Share of Traditional among the distinctive characters.
    evidence : dict
        For ``"traditional"`` and ``"simplified"``: the most frequent distinctive
        characters, as ``(character, count)`` pairs.
    """

    script: str
    traditional_chars: int
    simplified_chars: int
    han_chars: int
    #: the script most distinctive characters belong to (``None`` when there are none)
    majority: str | None
    #: share of Traditional among the distinctive characters
    traditional_share: float
    #: most frequent distinctive characters of each script, with their counts
    evidence: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    @property
    def is_traditional(self) -> bool:
        """True when the text is Traditional or a mixture with Traditional the majority."""
        return self.majority == TRADITIONAL


def _han_chars() -> str:
    return "".join(chr(c) for lo, hi in CJK_RANGES for c in range(lo, hi + 1))


def _changed_by(config: str, chars: str) -> set[str]:
    return {c for c, o in zip(chars, convert_each(config, list(chars))) if o != c}


@functools.lru_cache(maxsize=1)
def _distinctive_sets() -> tuple[frozenset[str], frozenset[str]]:
    chars = _han_chars()
    traditional = _changed_by("t2s", chars)
    simplified = _changed_by("s2t", chars)
    both = traditional & simplified
    return frozenset(traditional - both), frozenset(simplified - both)


@functools.lru_cache(maxsize=1)
def _han_set() -> frozenset[str]:
    return frozenset(_han_chars())


@functools.lru_cache(maxsize=1)
def _traditional_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(sorted(_distinctive_sets()[0])) + "]")


_HAN, _TRADITIONAL, _SIMPLIFIED = 1, 2, 3  # character classes; 0 is anything else


@functools.lru_cache(maxsize=1)
def _class_table() -> Any:
    """Class of every code point up to the last Han one (the last entry, 0, stands for all above)."""
    import numpy as np

    traditional, simplified = _distinctive_sets()
    han = _han_chars()
    table = np.zeros(max(map(ord, han)) + 2, dtype=np.uint8)
    for chars, kind in ((han, _HAN), (traditional, _TRADITIONAL), (simplified, _SIMPLIFIED)):
        table[np.fromiter(map(ord, chars), dtype=np.int64, count=len(chars))] = kind
    return table


def _evidence(codes: Any, classes: Any, kind: int, top: int) -> tuple[tuple[str, int], ...]:
    """The ``top`` most frequent characters of one class, ties in order of first appearance."""
    import numpy as np

    if top <= 0:
        return ()
    chosen = codes[classes == kind]
    if not len(chosen):
        return ()
    values, first, counts = np.unique(chosen, return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))[:top]
    return tuple((chr(values[i]), int(counts[i])) for i in order.tolist())


def contains_traditional(text: str) -> bool:
    """True when ``text`` holds at least one Traditional-only character (one regex scan)."""
    return _traditional_pattern().search(text) is not None


def detect_script(
    text: str, *, threshold: float = 0.9, sample: int | None = 200_000, top: int = 10
) -> ScriptDetection:
    """Tell whether ``text`` is Simplified, Traditional or mixed.

    ``threshold`` is the share of distinctive characters one script needs for a pure
    verdict; below it the text is ``"mixed"`` and ``majority`` says which script leads.
    Only the first ``sample`` characters are read (``None`` reads all). ``evidence`` lists
    the ``top`` most frequent distinctive characters of each script (``top=0``: none, a
    little faster when only the verdict counts).

    Parameters
    ----------
    text : str
        The text.
    threshold : float
        In (0.5, 1]; default 0.9.
    sample : int or None
        Characters read from the start (default 200,000; ``None``: all).
    top : int
        Evidence characters listed per script (default 10).

    Returns
    -------
    ScriptDetection
        ``script``, the character counts, ``majority``, ``traditional_share`` and
        ``evidence``.

    Raises
    ------
    ValueError
        When ``threshold`` is not in (0.5, 1].

    Examples
    --------
    >>> detect_script("政府工作報告").script
    'traditional'
    >>> detect_script("政府工作报告").script
    'simplified'
    """
    if not 0.5 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0.5, 1], got {threshold}")
    import numpy as np

    chunk = text if sample is None else text[:sample]
    table = _class_table()
    # every character's class by table lookup: a few numpy operations, no per-character Python
    codes = np.frombuffer(chunk.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = table[np.minimum(codes, len(table) - 1)]
    tally = np.bincount(classes, minlength=4)
    han = int(tally[_HAN:].sum())
    trad, simp = _evidence(codes, classes, _TRADITIONAL, top), _evidence(codes, classes, _SIMPLIFIED, top)
    n_trad, n_simp = int(tally[_TRADITIONAL]), int(tally[_SIMPLIFIED])
    total = n_trad + n_simp
    evidence = {
        TRADITIONAL: trad,
        SIMPLIFIED: simp,
    }
    if total == 0:
        script = NEUTRAL if han else NONE
        return ScriptDetection(script, 0, 0, han, None, 0.0, evidence)
    share = n_trad / total
    majority = TRADITIONAL if n_trad > n_simp else SIMPLIFIED if n_simp > n_trad else None
    if share >= threshold:
        script = TRADITIONAL
    elif share <= 1 - threshold:
        script = SIMPLIFIED
    else:
        script = MIXED
    return ScriptDetection(script, n_trad, n_simp, han, majority, share, evidence)
