"""Keywords: jieba.analyse's top 10 on the seed beside policytext's, and the time keywords
take on the whole work-report corpus beside its segmentation time (same run, best of N).

    python bench/keywords.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import logging

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
    reports = corpus.subset(corpus.docvars["year_source"] == "docvars").clean()
    texts = list(reports.texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    pt.keywords(texts[0])  # warm-up: segmenter, lexicon, reference IDF
    rows = [
        ("pt.segment, every report (anchor)", lambda: [pt.segment(t) for t in texts]),
        ("pt.keywords tfidf (corpus document frequencies)", lambda: pt.keywords(reports)),
        ("pt.keywords textrank", lambda: pt.keywords(reports, method="textrank")),
        ("pt.formulations", lambda: pt.formulations(reports)),
        ("pt.discover_phrases", lambda: pt.discover_phrases(reports)),
    ]
    print(f"\nWork reports (Wikisource layout): {len(texts)} reports, {mb:.2f} MB; {machine()}; best of {repeat}")
    print(f"  {'step':48} {'seconds':>8} {'x segmentation':>15}")
    anchor = None
    for name, fn in rows:
        secs, _ = best_of(fn, repeat)
        anchor = anchor or secs
        print(f"  {name:48} {secs:8.3f} {secs / anchor:14.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed_side_by_side()
    corpus_speed(args.repeat)
