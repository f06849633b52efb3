"""Segmentation quality: UD Chinese-GSD (Traditional gold) F1 for pt.segment, jieba on the
t2s-converted sentences and jieba on the Traditional text; and how far the rjieba backend
agrees with jieba on the work-report corpus, with every difference listed.

    python bench/segmentation_quality.py [--differences 50]
"""

from __future__ import annotations

import argparse
import logging

import jieba

import policytext as pt
from _shared import shared
from policytext.segmentation.evaluate import boundary_agreement, read_conllu_words, word_f1


def gsd() -> None:
    sentences = read_conllu_words(shared("testsuites/ud-chinese-gsd/zh_gsd-ud-dev.conllu"))
    texts = [t for t, _ in sentences]
    gold = [g for _, g in sentences]
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    on_simplified = []
    for t in texts:
        pos, toks = 0, []
        for w in tk.lcut(pt.convert(t, "t2s")):
            toks.append(t[pos : pos + len(w)])
            pos += len(w)
        on_simplified.append(toks)
    print(f"UD Chinese-GSD dev, {len(texts)} Traditional sentences, word F1:")
    print(f"  pt.segment (defaults)                 {word_f1(texts, gold, [pt.segment(t).tokens for t in texts]):.3f}")
    print(f"  pt.segment backend=jieba              {word_f1(texts, gold, [pt.segment(t, backend='jieba').tokens for t in texts]):.3f}")
    print(f"  jieba on the t2s-converted sentences  {word_f1(texts, gold, on_simplified):.3f}")
    print(f"  jieba on the Traditional text         {word_f1(texts, gold, [tk.lcut(t) for t in texts]):.3f}")


def agreement(show: int) -> None:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        print("rjieba not installed: no backend agreement to measure")
        return
    corpus = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl"), clean=True)
    texts = list(corpus.texts)
    ref = [pt.segment(t, backend="jieba").tokens for t in texts]
    fast = [pt.segment(t, backend="rjieba").tokens for t in texts]
    agr = boundary_agreement(texts, ref, fast)
    print(f"\nrjieba vs jieba (same lexicon), Wikisource work-report corpus: {agr.agreed:,} of "
          f"{agr.boundaries:,} token boundaries agree ({agr.rate:.4%}); {len(agr.differences)} differences")
    print(f"  {'context':20} {'jieba':24} rjieba")
    for ctx, a, b in agr.differences[:show]:
        print(f"  {ctx!r:20} {a:24} {b}")
    if len(agr.differences) > show:
        print(f"  … {len(agr.differences) - show} more (--differences N to list more)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--differences", type=int, default=1_000_000, help="how many differences to list")
    args = ap.parse_args()
    gsd()
    agreement(args.differences)


if __name__ == "__main__":
    main()
