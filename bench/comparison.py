"""Themes and comparisons on the national work reports 1954–2025 (Wikisource layout plus the
textworkshop17 files for the years it lacks): the time of each step beside the corpus's
segmentation time in the same run, and the acceptance figures.

    python bench/comparison.py [--repeat 2]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import policytext as pt
from _shared import best_of, machine, shared
from policytext.compare import spearman, term_counts


def national() -> pt.Corpus:
    wiki = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl"))
    wiki = wiki.subset(wiki.docvars["year_source"] == "column")
    workshop = pt.read_corpus(shared("corpora/gov-work-reports/textworkshop17"), pattern="{year}政府工作报告_{speaker}*.txt")
    have = set(wiki.docvars["year"].dropna().astype(int))
    workshop = workshop.subset([int(y) not in have and "摘要" not in str(p) for y, p in zip(workshop.docvars["year"], workshop.docvars["path"])])
    corpus = pt.Corpus.concat([wiki, workshop]).clean()
    return corpus.with_docvars(year=corpus.docvars["year"].astype(int).tolist())




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = national()
    mb = sum(len(t.encode("utf-8")) for t in corpus.texts) / 1e6
    pt.segment(corpus.texts[0])
    print(f"{len(corpus)} reports {min(corpus.docvars['year'])}–{max(corpus.docvars['year'])}, {mb:.2f} MB; {machine()}; best of {args.repeat}")
    seg, _ = best_of(lambda: [pt.segment(t) for t in corpus.texts], args.repeat)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("term counts (segments once; shared by the next four)", lambda: term_counts(corpus)),
    ]
    counts = term_counts(corpus)
    steps += [
        ("keyness 2016 vs 2011-2015 (log-odds)", lambda: pt.compare.keyness(corpus, 2016, range(2011, 2016), counts=counts)),
        ("emerging terms by year", lambda: pt.compare.emerging(corpus, counts=counts)),
        ("similarity by year", lambda: pt.compare.similarity(corpus, counts=counts)),
        ("trends of 3 terms by year", lambda: pt.compare.trends(corpus, ["阶级斗争", "改革开放", "高质量发展"])),
        ("themes, dictionary", lambda: pt.themes(corpus)),
        ("themes, NMF k=10", lambda: pt.themes(corpus, method="nmf", k=10)),
        ("themes, LDA k=10", lambda: pt.themes(corpus, method="lda", k=10)),
    ]
    print(f"  {'step':56} {'seconds':>8} {'x segmentation':>15}")
    print(f"  {'pt.segment on every report (anchor)':56} {seg:8.3f} {1:14.2f}x")
    results = {}
    for name, fn in steps:
        secs, results[name] = best_of(fn, args.repeat)
        print(f"  {name:56} {secs:8.3f} {secs / seg:14.2f}x")
    key = results["keyness 2016 vs 2011-2015 (log-odds)"]
    rank = key.loc[key["term"] == "供给侧结构性改革", "rank"]
    print(f"\n供给侧结构性改革 in the keyness of 2016: rank {int(rank.iloc[0]) if len(rank) else 'absent'}")
    emerging = results["emerging terms by year"]
    print("emerging 2015, top 10:", " ".join(emerging.loc[emerging["year"] == 2015, "term"].head(10)))
    sim = results["similarity by year"]
    years = list(sim.index)
    pairs = [(abs(a - b), sim.loc[a, b]) for i, a in enumerate(years) for b in years[i + 1 :]]
    print(f"similarity: Spearman(|Δyear|, cosine) = {spearman([p[0] for p in pairs], [p[1] for p in pairs]):.3f}")
    themes = results["themes, dictionary"]
    for theme, a, b in (("ecology_environment", (2013, 2025), (1978, 1995)), ("ideology_class_struggle", (1954, 1978), (2001, 2025))):
        first = themes.loc[themes["year"].between(*a), theme].mean()
        second = themes.loc[themes["year"].between(*b), theme].mean()
        print(f"{theme}: {a[0]}–{a[1]} {first:.1f} vs {b[0]}–{b[1]} {second:.1f} per 10,000 tokens")


if __name__ == "__main__":
    main()
