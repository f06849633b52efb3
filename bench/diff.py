"""The diff on the national work reports 1954–2025 (Wikisource layout plus the textworkshop17
files for the years it lacks): two 40,000-character reports, every consecutive pair, and the
library choices behind the alignment, each beside an anchor measured in the same run
(difflib.SequenceMatcher on the same sentence lists; jieba.lcut on the same texts).

    python bench/diff.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import time
from collections.abc import Callable
from typing import Any

import numpy as np

import policytext as pt
from _shared import best_of, machine, shared
from policytext.compare.align import _monotone, local_align, similarity_matrix
from policytext.compare.diff import diff, formulation_changes, sentence_spans, target_changes


def national() -> pt.Corpus:
    wiki = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl"))
    wiki = wiki.subset(wiki.docvars["year_source"] == "column")
    workshop = pt.read_corpus(shared("corpora/gov-work-reports/textworkshop17"), pattern="{year}政府工作报告_{speaker}*.txt")
    have = set(wiki.docvars["year"].dropna().astype(int))
    workshop = workshop.subset([int(y) not in have and "摘要" not in str(p) for y, p in zip(workshop.docvars["year"], workshop.docvars["path"])])
    corpus = pt.Corpus.concat([wiki, workshop]).clean()
    return corpus.with_docvars(year=corpus.docvars["year"].astype(int).tolist())


def sentences(text: str) -> list[str]:
    return ["".join(text[s:e].split()) for s, e in sentence_spans(text)]


def difflib_pairs(pairs: list[tuple[str, str]]) -> None:
    """The anchor: difflib's sentence-level diff of the same texts (exact sentences only)."""
    for a, b in pairs:
        difflib.SequenceMatcher(None, sentences(a), sentences(b), autojunk=False).get_opcodes()


def row(name: str, secs: float, anchor: float) -> None:
    print(f"  {name:62} {secs:8.3f} {secs / anchor:10.3g}x")


def speed(corpus: pt.Corpus, repeat: int) -> None:
    by_year = dict(zip(corpus.docvars["year"], corpus.texts))
    # two 40,000-character texts: consecutive reports joined, so that they share what
    # consecutive reports share
    a = (by_year[2016] + "\n" + by_year[2017])[:40_000]
    b = (by_year[2017] + "\n" + by_year[2018])[:40_000]
    diff(a, b)  # warm: jieba's dictionary, OpenCC
    anchor, _ = best_of(lambda: difflib_pairs([(a, b)]), repeat)
    jieba_time, _ = best_of(lambda: [__import__("jieba").lcut(t) for t in (a, b)], repeat)
    print(f"\ntwo 40,000-character texts ({len(sentences(a))} and {len(sentences(b))} sentences); best of {repeat}")
    print(f"  {'step':62} {'seconds':>8} {'x anchor':>11}")
    row("difflib.SequenceMatcher on the sentence lists (anchor)", anchor, anchor)
    row("jieba.lcut on both texts", jieba_time, anchor)
    secs, table = best_of(lambda: diff(a, b), repeat)
    row("diff(a, b) (goal < 2 s)", secs, anchor)
    print("  ops:", table["op"].value_counts().to_dict())
    years = sorted(by_year)
    pairs = [(by_year[x], by_year[y]) for x, y in itertools.pairwise(years)]
    anchor, _ = best_of(lambda: difflib_pairs(pairs), 1)
    print(f"\n{len(corpus)} reports, {len(pairs)} consecutive pairs; one run each")
    print(f"  {'step':62} {'seconds':>8} {'x anchor':>11}")
    row("difflib.SequenceMatcher on every pair's sentence lists (anchor)", anchor, anchor)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("diff(corpus, by='year') (goal < 60 s)", lambda: diff(corpus)),
        ("formulation_changes(corpus)", lambda: formulation_changes(corpus)),
        ("target_changes(corpus) (reads every indicator)", lambda: target_changes(corpus)),
    ]
    for name, fn in steps:
        secs, _ = best_of(fn, 1)
        row(name, secs, anchor)


def choices(corpus: pt.Corpus, repeat: int) -> None:
    """The library choices: rapidfuzz against difflib for sentence similarity and word
    edits, the numpy chain against a plain Python loop, Smith–Waterman against edlib."""
    from rapidfuzz.distance import Indel

    by_year = dict(zip(corpus.docvars["year"], corpus.texts))
    a, b = sentences(by_year[2016]), sentences(by_year[2017])
    print(f"\nlibrary choices on 2016 → 2017 ({len(a)} × {len(b)} sentences); best of {repeat}")
    print(f"  {'step':62} {'seconds':>8} {'x anchor':>11}")
    sample = [(x, y) for x in a[:60] for y in b[:60]]
    scale = len(a) * len(b) / len(sample)
    slow, _ = best_of(lambda: [difflib.SequenceMatcher(None, x, y, autojunk=False).ratio() for x, y in sample], 1)
    row("similarity of every pair: difflib ratio (3,600 pairs, scaled)", slow * scale, slow * scale)
    fast, _ = best_of(lambda: similarity_matrix(a, b, cutoff=0.5, workers=1), repeat)
    row("similarity of every pair: rapidfuzz cdist, 1 thread", fast, slow * scale)
    fast, _ = best_of(lambda: similarity_matrix(a, b, cutoff=0.5, workers=-1), repeat)
    row("similarity of every pair: rapidfuzz cdist, every core", fast, slow * scale)
    import jieba

    changed = diff(by_year[2016], by_year[2017])
    changed = changed[changed["op"] == "changed"]
    words = [(jieba.lcut(x), jieba.lcut(y)) for x, y in zip(changed["text_a"], changed["text_b"])]
    slow, _ = best_of(lambda: [difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes() for x, y in words], repeat)
    row(f"word edits of {len(words)} changed sentences: difflib opcodes", slow, slow)
    fast, _ = best_of(lambda: [Indel.opcodes(x, y) for x, y in words], repeat)
    row(f"word edits of {len(words)} changed sentences: rapidfuzz opcodes", fast, slow)
    weights = np.where(similarity_matrix(a, b) >= 0.5, similarity_matrix(a, b), 0.0).astype(np.float64)
    slow, _ = best_of(lambda: python_chain(weights), 1)
    row("in-order chain (weighted LCS): plain Python loops", slow, slow)
    fast, _ = best_of(lambda: _monotone(weights), repeat)
    row("in-order chain (weighted LCS): numpy rows (align._monotone)", fast, slow)
    passage = by_year[2017][5000:5120]
    fast, _ = best_of(lambda: local_align(passage, by_year[2016][:20_000]), repeat)
    print(f"  local alignment of 120 characters in 20,000 (Smith–Waterman, numpy): {fast:.3f} s")
    try:
        import edlib
    except ImportError:
        print("  edlib not installed: its infix alignment (HW) not measured")
        return
    target = by_year[2016][:20_000]
    alphabet = {c: chr(i) for i, c in enumerate(dict.fromkeys(passage))}  # edlib: at most 256 symbols
    other = chr(len(alphabet))
    folded = "".join(alphabet.get(c, other) for c in target)
    query = "".join(alphabet[c] for c in passage)
    secs, _ = best_of(lambda: edlib.align(query, folded, mode="HW", task="path"), repeat)
    print(f"  the same passage located with edlib (infix, edit distance):     {secs:.3f} s")


def python_chain(weights: np.ndarray) -> float:
    n, m = weights.shape
    w = weights.tolist()
    previous = [0.0] * (m + 1)
    for i in range(n):
        current = [0.0] * (m + 1)
        wi = w[i]
        for j in range(1, m + 1):
            current[j] = max(previous[j], current[j - 1], previous[j - 1] + wi[j - 1] if wi[j - 1] > 0 else 0.0)
        previous = current
    return previous[m]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = national()
    print(f"{len(corpus)} reports {min(corpus.docvars['year'])}–{max(corpus.docvars['year'])}; {machine()}")
    speed(corpus, args.repeat)
    choices(corpus, args.repeat)
    print(f"\n(whole run {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
