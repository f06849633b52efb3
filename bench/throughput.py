"""Throughput (MB/s of UTF-8 text) of read, clean, convert, segment and indicator extraction
on the national government work reports, beside bare ``jieba.lcut`` on the same texts in the
same run (extraction must stay faster than segmentation, so it is never the bottleneck).

    python bench/throughput.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import logging

import jieba

import policytext as pt
from _shared import best_of, machine, shared
from policytext.segmentation.backends import get_backend


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folder = shared("corpora/gov-work-reports/textworkshop17")
    corpus = pt.read_corpus(folder)
    texts = list(corpus.texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    traditional = [pt.convert(t, "s2t") for t in texts]
    # warm-up: dictionaries, OpenCC tables, jieba caches
    jieba.setLogLevel(logging.WARNING)
    jieba.lcut(texts[0])
    get_backend("jieba")
    pt.segment(traditional[0])
    pt.indicators(traditional[0])

    rows = [
        ("bare jieba.lcut (anchor)", lambda: [jieba.lcut(t) for t in texts]),
        ("read_corpus (folder, detect encoding)", lambda: pt.read_corpus(folder)),
        ("clean", lambda: [pt.clean(t) for t in texts]),
        ("detect_script", lambda: [pt.detect_script(t) for t in texts]),
        ("convert t2s (Traditional copy)", lambda: [pt.convert(t, "t2s") for t in traditional]),
        ("convert_with_offsets t2s", lambda: [pt.convert_with_offsets(t, "t2s") for t in traditional]),
        ("segment backend=jieba (Simplified)", lambda: [pt.segment(t, backend="jieba") for t in texts]),
        ("segment backend=jieba (Traditional, via t2s)", lambda: [pt.segment(t, backend="jieba") for t in traditional]),
    ]
    try:
        import rjieba  # noqa: F401

        rows.append(("segment backend=rjieba (Simplified)", lambda: [pt.segment(t, backend="rjieba") for t in texts]))
        rows.append(("segment backend=rjieba (Traditional)", lambda: [pt.segment(t, backend="rjieba") for t in traditional]))
    except ImportError:
        pass
    rows.append(("indicators (Simplified)", lambda: pt.indicators(texts)))
    rows.append(("indicators (Traditional, via t2s)", lambda: pt.indicators(traditional)))
    # spin: the score on every report, every hit repaired (force), and a reference fitted on
    # all the reports and used for the repairs
    reference = pt.SpinReference().fit(texts)
    rows.append(("spin_score", lambda: [pt.spin_score(t) for t in texts]))
    rows.append(("despin force=True (rules)", lambda: [pt.despin(t, force=True) for t in texts]))
    rows.append(("SpinReference.fit", lambda: pt.SpinReference().fit(texts)))
    rows.append(("despin force=True, with the reference", lambda: [pt.despin(t, force=True, reference=reference) for t in texts]))
    print(f"corpus: {len(texts)} reports, {mb:.2f} MB UTF-8; machine: {machine()}")
    print(f"OpenCC: {pt.opencc_info().implementation} {pt.opencc_info().version}; best of {args.repeat}")
    anchor = None
    print(f"{'stage':46} {'seconds':>8} {'MB/s':>8} {'vs jieba.lcut':>14}")
    for name, fn in rows:
        secs, _ = best_of(fn, args.repeat)
        anchor = anchor or secs
        print(f"{name:46} {secs:8.3f} {mb / secs:8.2f} {anchor / secs:13.2f}x")


if __name__ == "__main__":
    main()
