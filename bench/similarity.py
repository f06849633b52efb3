"""Document similarity at scale: time and peak memory of each document's nearest neighbours
(``similarity(..., top=10)``, the sparse products of policytext.compare.neighbours) for
1,000, 10,000 and 50,000 generated documents, beside the dense n × n matrix where it fits.

The documents are term counts drawn here: 300 tokens each from a vocabulary of 60,000 terms
with Zipf frequencies (so common terms are in most documents, as in policy prose), each
document also leaning on one of 200 topics of 40 terms (so documents have true neighbours).
Segmentation is left out: it is linear per document and measured by bench/batch.py.

    python bench/similarity.py [--sizes 1000 10000 50000]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

import numpy as np
from scipy import sparse

from _shared import machine
from policytext.compare.neighbours import DENSE_MAX, MAX_DF, tfidf_rows, top_neighbours

VOCABULARY, TOKENS, TOPICS, TOPIC_TERMS = 60_000, 300, 200, 40


def documents(n: int, seed: int = 3) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    zipf = 1 / np.arange(1, VOCABULARY + 1)
    zipf /= zipf.sum()
    topics = rng.integers(0, VOCABULARY, size=(TOPICS, TOPIC_TERMS))
    common = rng.choice(VOCABULARY, size=(n, TOKENS * 2 // 3), p=zipf)
    own = topics[rng.integers(0, TOPICS, size=n)][:, rng.integers(0, TOPIC_TERMS, size=TOKENS // 3)]
    terms = np.concatenate([common, own], axis=1)
    rows = np.repeat(np.arange(n), terms.shape[1])
    return sparse.csr_matrix((np.ones(terms.size), (rows, terms.ravel())), shape=(n, VOCABULARY))


def measured(function):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    t = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return result, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    args = parser.parse_args()
    print(f"bench/similarity.py — {machine()}")
    print(f"neighbours: top 10 per document, terms of more than {MAX_DF} documents left out; the API switches "
          f"from the dense matrix to neighbours beyond {DENSE_MAX:,} groups")
    print(f"{'documents':>10} {'neighbours s':>12} {'peak MB':>8} {'s per 1k docs':>13} {'dense s':>8} {'dense MB':>9}")
    for n in args.sizes:
        weights = tfidf_rows(documents(n))
        _, seconds, peak = measured(lambda w=weights: top_neighbours(w, 10))
        dense = "-", "-"
        if n <= 10_000:
            _, d_seconds, d_peak = measured(lambda w=weights: (w @ w.T).toarray())
            dense = f"{d_seconds:.1f}", f"{d_peak:.0f}"
        print(f"{n:>10,} {seconds:>12.1f} {peak:>8.0f} {1000 * seconds / n:>13.2f} {dense[0]:>8} {dense[1]:>9}")


if __name__ == "__main__":
    main()
