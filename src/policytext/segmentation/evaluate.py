"""Measuring segmentation: word F1 against gold segmentations, boundary agreement between
segmenters, and a reader for CoNLL-U gold files (Universal Dependencies)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Agreement", "boundary_agreement", "read_conllu_words", "word_f1"]


def _spans(text: str, tokens: Sequence[str]) -> set[tuple[int, int]]:
    """Character spans of ``tokens`` located in order in ``text`` (white space skipped)."""
    spans, pos = set(), 0
    for t in tokens:
        if not t.strip():
            continue
        found = text.find(t, pos)
        if found < 0:
            raise ValueError(f"token {t!r} not found in {text!r} after position {pos}")
        spans.add((found, found + len(t)))
        pos = found + len(t)
    return spans


def word_f1(
    texts: Iterable[str], gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]
) -> float:
    """Word-level F1 over sentences: a predicted word counts when its span matches gold."""
    tp = n_gold = n_pred = 0
    for text, g, p in zip(texts, gold, predicted, strict=True):
        gs = _spans(text, g)
        ps = _spans(text, p)
        tp += len(gs & ps)
        n_gold += len(gs)
        n_pred += len(ps)
    if not tp:
        return 0.0
    precision, recall = tp / n_pred, tp / n_gold
    return 2 * precision * recall / (precision + recall)


def read_conllu_words(path: str | Path) -> list[tuple[str, list[str]]]:
    """``(sentence text, gold words)`` for each sentence of a CoNLL-U file."""
    sentences: list[tuple[str, list[str]]] = []
    words: list[str] = []
    text = ""
    for line in Path(path).read_text("utf-8").splitlines():
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif not line.strip():
            if words:
                sentences.append((text, words))
            words, text = [], ""
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multi-word ranges and empty nodes
            words.append(cols[1])
    if words:
        sentences.append((text, words))
    return sentences


@dataclass(frozen=True)
class Agreement:
    """How far two segmentations of the same texts agree on token boundaries."""

    boundaries: int
    agreed: int
    differences: tuple[tuple[str, str, str], ...]  # (context, reference, other)

    @property
    def rate(self) -> float:
        return self.agreed / self.boundaries if self.boundaries else 1.0


def _boundary_set(tokens: Sequence[str]) -> set[int]:
    out, pos = set(), 0
    for t in tokens:
        pos += len(t)
        out.add(pos)
    return out


def boundary_agreement(
    texts: Iterable[str],
    reference: Iterable[Sequence[str]],
    other: Iterable[Sequence[str]],
    *,
    context: int = 8,
) -> Agreement:
    """Share of token boundaries (the union of both) on which ``other`` agrees with
    ``reference``, with each difference shown in context."""
    total = agreed = 0
    diffs: list[tuple[str, str, str]] = []
    for text, ref, oth in zip(texts, reference, other, strict=True):
        a, b = _boundary_set(ref), _boundary_set(oth)
        union = a | b
        total += len(union)
        agreed += len(a & b)
        for pos in sorted(a ^ b):
            lo, hi = max(0, pos - context), pos + context
            diffs.append(
                (text[lo:hi], "|".join(_window(ref, lo, hi)), "|".join(_window(oth, lo, hi)))
            )
    return Agreement(total, agreed, tuple(diffs))


def _window(tokens: Sequence[str], lo: int, hi: int) -> list[str]:
    out, pos = [], 0
    for t in tokens:
        end = pos + len(t)
        if end > lo and pos < hi:
            out.append(t)
        pos = end
    return out
