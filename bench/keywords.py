"""Keywords: jieba.analyse's top 10 on the seed beside policytext's, and the time keywords
take on the whole work-report corpus beside its segmentation time (same run, best of N),
with the cost of part-of-speech tagging: rjieba's tagger (what the keyword path uses, in
the segmenter's own call), jieba's lcut and jieba.posseg (the reference when rjieba is
absent) on the same texts.

    python bench/keywords.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import logging
from typing import Any

import jieba
import jieba.analyse

import policytext as pt
from _shared import best_of, machine, shared


def seed_side_by_side() -> None:
    text = pt.clean(shared("corpora/seed/000_0ad94cc079ac9a36.txt").read_text("utf-8")).text
    jieba.setLogLevel(logging.WARNING)
    theirs = jieba.analyse.extract_tags(pt.convert(text, "t2s"), topK=10)
    ours = pt.keywords(text, top=10)
    rank = pt.keywords(text, top=10, method="textrank")
    print("Seed, top 10 keywords (policytext in the seed's script):")
    print(f"  {'#':>2}  {'jieba.analyse (t2s text)':14}  {'pt.keywords tfidf':14}  {'pt.keywords textrank':14}")
    for i in range(10):
        print(f"  {i + 1:>2}  {theirs[i]:14}  {ours['term'].iloc[i]:14}  {rank['term'].iloc[i]:14}")


def corpus_speed(repeat: int) -> None:
    corpus = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl"))
    # the records that carry their own year (the reports, not the resolutions)
    own = corpus.docvars["year_source"].astype(str).isin(["column", "docvars", "field", "record"])
    reports = corpus.subset(own.tolist()).clean()
    texts = list(reports.texts)
    simplified = [pt.convert(t, "t2s") for t in texts]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    pt.keywords(texts[0])  # warm-up: segmenter, lexicon, reference IDF
    rows = [
        ("pt.segment, every report (anchor)", lambda: [pt.segment(t) for t in texts]),
        ("pt.segment(tags=True): words and tags, one call", lambda: [pt.segment(t, tags=True) for t in texts]),
        *_tagger_rows(simplified),
        ("pt.keywords tfidf (corpus document frequencies)", lambda: pt.keywords(reports)),
        ("pt.keywords textrank", lambda: pt.keywords(reports, method="textrank")),
        ("pt.formulations", lambda: pt.formulations(reports)),
        ("pt.discover_phrases", lambda: pt.discover_phrases(reports)),
    ]
    print(f"\nWork reports (Wikisource layout): {len(texts)} reports, {mb:.2f} MB; {machine()}; best of {repeat}")
    print(f"  {'step':50} {'seconds':>8} {'x segmentation':>15}")
    anchor = None
    for name, fn in rows:
        secs, _ = best_of(fn, repeat)
        anchor = anchor or secs
        print(f"  {name:50} {secs:8.3f} {secs / anchor:14.2f}x")


def _tagger_rows(simplified: list[str]) -> list[tuple[str, Any]]:
    """The raw segmenters on the Simplified texts: rjieba's cut and tag, jieba's lcut and posseg."""
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    posseg = jieba.posseg.POSTokenizer(tokenizer)
    rows: list[tuple[str, Any]] = []
    try:
        import rjieba

        fast = rjieba.Jieba()
        rows += [
            ("  rjieba.cut (no tags)", lambda: [fast.cut(t, True) for t in simplified]),
            ("  rjieba.tag (the keyword path's tagger)", lambda: [fast.tag(t, True) for t in simplified]),
        ]
    except ImportError:
        print("rjieba not installed: the keyword path tags with jieba's dictionary and posseg's model")
    rows += [
        ("  jieba.lcut (no tags)", lambda: [tokenizer.lcut(t) for t in simplified]),
        ("  jieba.posseg.lcut (the reference tagger)", lambda: [posseg.lcut(t) for t in simplified]),
    ]
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed_side_by_side()
    corpus_speed(args.repeat)
