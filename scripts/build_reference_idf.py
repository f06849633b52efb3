"""Rebuild policytext's reference IDF table (src/policytext/terms/data/reference_idf.tsv).

The table gives single texts (no corpus of their own) document frequencies to weigh terms
by. It is built from the national government work reports in the Wikisource layout: the
reports with a year of their own (the NPC resolutions in the same file are left out),
cleaned, cut into policy terms with every stopword kept. Terms in fewer than 2 reports are
not stored (they get the idf of an unseen term).

    python scripts/build_reference_idf.py ../shared/corpora/gov-work-reports/wikisource/government_work_reports.jsonl
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import policytext as pt
from policytext.terms.tokenize import PolicyTokenizer

OUT = Path(__file__).resolve().parents[1] / "src" / "policytext" / "terms" / "data" / "reference_idf.tsv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="government_work_reports.jsonl of the Wikisource layout")
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--min-df", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = pt.read_corpus(args.corpus)
    corpus = corpus.subset(corpus.docvars["year_source"] == "column").clean()
    tokenizer = PolicyTokenizer(stopwords=())
    df: Counter[str] = Counter()
    for text in corpus.texts:
        df.update(set(tokenizer(text)))
        tokenizer.forget()
    years = corpus.docvars["year"].dropna().astype(int)
    rows = sorted((t, n) for t, n in df.items() if n >= args.min_df)
    header = [
        "# policytext reference IDF, v1: document frequencies of policy terms (segmented with the bundled lexicon)",
        f"# source: {Path(args.corpus).name}, Wikisource layout of the national government work reports,",
        f"#   {len(corpus)} reports with their own year ({years.min()}-{years.max()}); NPC resolutions left out",
        "# built by: python scripts/build_reference_idf.py ../shared/corpora/gov-work-reports/wikisource/government_work_reports.jsonl",
        f"# min_df: {args.min_df}",
        f"# documents: {len(corpus)}",
        "# term<TAB>document frequency",
    ]
    Path(args.out).write_text("\n".join(header + [f"{t}\t{n}" for t, n in rows]) + "\n", encoding="utf-8")
    print(f"{len(rows)} terms from {len(corpus)} reports written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
