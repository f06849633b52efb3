"""Text reuse (``policytext.compare.reuse``) at scale, on documents made here with planted
reuse, then on real documents of ../shared (the top reused pairs).

The made-up corpus: ``--docs`` documents of ``--chars`` characters each, words of one to four
Han characters drawn with Zipf frequencies (so common phrases recur across documents, as the
formulas of policy texts do), a full stop every 25 characters or so; a salutation opening 30%
of them (boilerplate); 1% exact copies of another document; and ``--plants`` passages of
20–500 characters copied from one document into another, with one light edit per 120
characters (a two-character place name changed, 要 inserted, a character dropped). Printed:
the time of each run, and the recall and precision of the planted passages (a plant found when
a passage covers 80% of its span in both documents; a passage right when half of it, in the
document copied into, is a planted copy).

    python bench/reuse.py                    # 10,000 documents, 100 MB (the goal: ≤ 15 min on 2 cores)
    python bench/reuse.py --docs 1000        # 10 MB
    python bench/reuse.py --no-shared        # without the real documents
    python bench/reuse.py --docs 1000 --dask # also on a local Dask cluster (2 worker processes)

With ``--dask`` the same corpus is also run with ``scheduler=`` a ``LocalCluster`` of two worker
processes (the alignments on the workers), its time printed beside the local run and its
tables checked equal to the local ones.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

import policytext as pt
from _shared import machine, shared
from policytext.compare.reuse import reuse

SALUTATION = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
PLACES = ["保定", "河北", "雄安", "涿州", "满城", "易县", "唐县"]
FULL_STOP, COMMA = ord("。"), ord("，")


@dataclass
class Plant:
    source: int
    host: int
    source_span: tuple[int, int]
    host_span: tuple[int, int]


def vocabulary(rng: np.random.Generator, words: int = 40_000) -> tuple[np.ndarray, np.ndarray]:
    """Words of 1–4 Han characters (from the 6,000 first code points of the block): their
    characters concatenated and where each begins."""
    lengths = rng.choice([1, 2, 3, 4], size=words, p=[0.15, 0.55, 0.15, 0.15])
    chars = rng.integers(0x4E00, 0x4E00 + 6000, size=int(lengths.sum()), dtype=np.uint32)
    return chars, np.concatenate(([0], np.cumsum(lengths)))


def document(rng: np.random.Generator, vocab: tuple[np.ndarray, np.ndarray], n_chars: int) -> str:
    """About ``n_chars`` characters of words drawn with Zipf frequencies (the word of rank r
    with a weight of r^-0.9: the commonest 4% of words), punctuated."""
    chars, starts = vocab
    n_words = len(starts) - 1
    weights = np.arange(1, n_words + 1, dtype=float) ** -0.9
    picks = np.searchsorted(np.cumsum(weights / weights.sum()), rng.random(n_chars // 2))
    picks = np.minimum(picks, n_words - 1)
    lo, hi = starts[picks], starts[picks + 1]
    index = np.repeat(lo - np.concatenate(([0], np.cumsum(hi - lo)[:-1])), hi - lo) + np.arange(int((hi - lo).sum()))
    codes = chars[index][:n_chars].copy()
    marks = np.flatnonzero(rng.random(len(codes)) < 0.04)
    codes[marks] = np.where(rng.random(len(marks)) < 0.6, COMMA, FULL_STOP)
    return codes.tobytes().decode("utf-32-le")


def edited(passage: str, rng: np.random.Generator) -> str:
    """One light edit per 120 characters, away from the ends."""
    for _ in range(1 + len(passage) // 120):
        at = int(rng.integers(4, max(5, len(passage) - 4)))
        kind = int(rng.integers(3))
        if kind == 0:
            passage = passage[:at] + PLACES[int(rng.integers(len(PLACES)))] + passage[at + 2 :]
        elif kind == 1:
            passage = passage[:at] + "要" + passage[at:]
        else:
            passage = passage[:at] + passage[at + 1 :]
    return passage


def made_up(n_docs: int, n_chars: int, n_plants: int, seed: int) -> tuple[pt.Corpus, list[Plant], int]:
    """The corpus, its plants, and how many exact copies it holds."""
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    texts = [document(rng, vocab, n_chars) for _ in range(n_docs)]
    for d in np.flatnonzero(rng.random(n_docs) < 0.3).tolist():
        texts[d] = SALUTATION + texts[d]
    plants: list[Plant] = []
    order = rng.permutation(n_docs)
    # one plant per host, and no source is a host: every span stays where it was
    hosts, sources = sorted(order[:n_plants].tolist()), order[n_plants:]
    for host in hosts:
        source = int(sources[int(rng.integers(len(sources)))])
        length = int(rng.integers(20, 61)) if len(plants) % 2 else int(rng.integers(60, 501))
        start = int(rng.integers(len(SALUTATION), len(texts[source]) - length))
        copy = edited(texts[source][start : start + length], rng)
        at = int(rng.integers(len(SALUTATION), len(texts[host])))
        texts[host] = texts[host][:at] + copy + texts[host][at:]
        plants.append(Plant(source, host, (start, start + length), (at, at + len(copy))))
    touched = {p.source for p in plants} | {p.host for p in plants}
    free = [d for d in range(n_docs) if d not in touched]
    copies = free[: max(1, n_docs // 100) * 2]
    for original, copy in zip(copies[::2], copies[1::2]):
        texts[copy] = texts[original]
    ids = [f"doc{d:05d}" for d in range(n_docs)]
    return pt.Corpus(texts, pd.DataFrame({"doc_id": ids})), plants, len(copies) // 2


def overlap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def score(found: pd.DataFrame, plants: list[Plant]) -> tuple[float, float]:
    """Recall and precision of the planted passages."""
    by_pair: dict[tuple[int, int], list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for row in found.itertuples():
        key = (int(row.doc_a[3:]), int(row.doc_b[3:]))
        by_pair.setdefault(key, []).append(((row.start_a, row.end_a), (row.start_b, row.end_b)))
    hit = 0
    for p in plants:
        a, b = sorted((p.source, p.host))
        span_a, span_b = (p.source_span, p.host_span) if a == p.source else (p.host_span, p.source_span)
        hit += any(overlap(x, span_a) >= 0.8 * (span_a[1] - span_a[0]) and overlap(y, span_b) >= 0.8 * (span_b[1] - span_b[0])
                   for x, y in by_pair.get((a, b), []))
    true = 0
    planted = {tuple(sorted((p.source, p.host))): p for p in plants}
    for (a, b), spans in by_pair.items():
        p = planted.get((a, b))
        for x, y in spans:
            here = x if p is not None and p.host == a else y
            true += p is not None and overlap(here, p.host_span) * 2 >= here[1] - here[0]
    return hit / max(len(plants), 1), true / max(len(found), 1)


def on_dask(corpus: pt.Corpus, local: pt.compare.Reuse, local_secs: float) -> None:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        t = time.perf_counter()
        found = reuse(corpus, scheduler=cluster.scheduler_address)
        secs = time.perf_counter() - t
    same = found.passages.equals(local.passages) and found.pairs.equals(local.pairs)
    print(f"  reuse(corpus, scheduler=LocalCluster of 2 processes): {secs:8.1f} s  (local: {local_secs:.1f} s); "
          f"tables {'identical' if same else 'DIFFERENT'} to the local run")


def at_scale(n_docs: int, n_chars: int, n_plants: int, jobs: int, dask: bool = False) -> None:
    t = time.perf_counter()
    corpus, plants, n_copies = made_up(n_docs, n_chars, n_plants, seed=7)
    made = time.perf_counter() - t
    size = sum(len(x.encode("utf-8")) for x in corpus.texts) / 1e6
    print(f"\nmade-up corpus: {len(corpus):,} documents, {sum(map(len, corpus.texts)):,} characters "
          f"({size:.0f} MB UTF-8), {len(plants)} planted passages, {n_copies} exact copies; made in {made:.1f} s")
    t = time.perf_counter()
    found = reuse(corpus, jobs=jobs)
    secs = time.perf_counter() - t
    recall, precision = score(found.passages, plants)
    print(f"  reuse(corpus, jobs={jobs}): {secs:8.1f} s  (goal at 10,000 documents / 100 MB: ≤ 900 s on 2 cores)")
    print(f"  planted passages: recall {recall:.3f}, precision {precision:.3f}; {len(found.passages):,} passages "
          f"in {len(found.pairs):,} pairs")
    exact = found.duplicates[found.duplicates["kind"] == "exact"]
    print(f"  exact duplicates reported: {len(exact)} of {n_copies}; boilerplate runs: {len(found.boilerplate):,} "
          f"in {found.boilerplate['doc_id'].nunique():,} documents")
    if dask:
        on_dask(corpus, found, secs)


def top_pairs(label: str, corpus: pt.Corpus, n: int = 8) -> None:
    t = time.perf_counter()
    found = reuse(corpus)
    secs = time.perf_counter() - t
    titles = dict(zip(corpus.doc_ids, corpus.docvars.get("title", corpus.doc_ids)))
    print(f"\n{label}: {len(corpus)} documents, {len(found.passages):,} passages in {len(found.pairs):,} pairs, "
          f"{len(found.boilerplate):,} boilerplate runs, {len(found.duplicates)} duplicates; {secs:.1f} s")
    print(f"  {'share a':>7} {'share b':>7} {'chars':>6} {'passages':>8}  documents")
    for row in found.pairs.head(n).itertuples():
        print(f"  {row.share_a:7.2f} {row.share_b:7.2f} {row.length:6d} {row.passages:8d}  "
              f"{str(titles[row.doc_a])[:28]} ↔ {str(titles[row.doc_b])[:28]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--plants", type=int, default=1_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-shared", action="store_true")
    parser.add_argument("--dask", action="store_true", help="also run on a local Dask cluster of 2 processes")
    args = parser.parse_args()
    print(f"bench/reuse.py — {machine()}")
    at_scale(args.docs, args.chars, min(args.plants, args.docs // 2), args.jobs, args.dask)
    if args.no_shared:
        return
    top_pairs("gccmpd-gov-prc (State Council documents)", pt.read_corpus(shared("corpora/gccmpd-gov-prc")))
    top_pairs("Baoding county work reports", pt.read_corpus(shared("corpora/baoding-county-reports")))


if __name__ == "__main__":
    main()
