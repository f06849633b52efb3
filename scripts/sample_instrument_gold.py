"""Sample the clauses a careful reader labels for tests/data/instruments_gold.json.

Reads the two real archives of ../shared as a user would (``pt.read_corpus(path,
clean=True)``, no other options), cuts every document into the clauses
:func:`policytext.instruments.clauses` gives (an article 第N条 or a numbered item of a
notice, else a sentence: the unit the coder labels), keeps the clauses of documents that
are not marked as duplicates and that hold at least ``MIN_CONTENT`` Han characters (a
date line or a lone salutation is no policy clause to sample), and draws ``PER_ARCHIVE``
of them per archive with ``random.Random(SEED)``.

``--heldout`` draws instead ``HELDOUT_COUNT`` clauses of the national government work
reports (Wikisource, 1954–) with ``random.Random(HELDOUT_SEED)``, the same way: a check of
the dictionary on a register (and decades) the gold's archives do not hold, labelled after
the dictionary was final and never used to change it (the gold file's ``heldout`` list).

It prints, to the terminal only, the document, the offsets, the unit, the section type,
the year and the clause, for the reader to label by hand. ``--skeleton FILE`` also writes
the draw without the text (source, doc_id, start, end, unit) as JSON, for the gold file to
be filled in: the gold names the clause, never quotes it.

    .venv/bin/python scripts/sample_instrument_gold.py [--shared ../shared] [--skeleton FILE] [--heldout]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import policytext as pt
from policytext.instruments import clauses

SEED = 23
PER_ARCHIVE = 75
MIN_CONTENT = 10
ARCHIVES = {
    "gccmpd": "corpora/gccmpd-gov-prc/GOV_PRC.csv",
    "baoding": "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx",
}
HELDOUT = {"wikisource": "corpora/gov-work-reports/wikisource/government_work_reports.jsonl"}
HELDOUT_SEED = 2024
HELDOUT_COUNT = 40
HAN = re.compile(r"[\u3400-\u9fff]")


def pool(corpus: pt.Corpus) -> list[dict]:
    """The clauses that may be drawn: of documents not marked as duplicates, with at least
    MIN_CONTENT Han characters, in document and clause order."""
    table = clauses(corpus)
    docvars = corpus.docvars.set_index("doc_id")
    kept = set(docvars.index[docvars["duplicate_of"].isna() | (docvars["duplicate_of"].astype(str) == "")])
    years = docvars["year"].to_dict()
    rows = []
    for row in table.to_dict("records"):
        if row["doc_id"] in kept and len(HAN.findall(row["text"])) >= MIN_CONTENT:
            rows.append({**row, "year": years.get(row["doc_id"])})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--skeleton", help="write the draw (no text) as JSON to this file")
    parser.add_argument("--heldout", action="store_true", help="draw the held-out check instead")
    args = parser.parse_args(argv)
    rng = random.Random(HELDOUT_SEED if args.heldout else SEED)
    count = HELDOUT_COUNT if args.heldout else PER_ARCHIVE
    drawn = []
    for name, rel in (HELDOUT if args.heldout else ARCHIVES).items():
        rows = pool(pt.read_corpus(Path(args.shared) / rel, clean=True))
        picked = sorted(rng.sample(range(len(rows)), count))
        print(f"## {name}: {len(rows)} clauses, sampling {count}")
        for i in picked:
            row = rows[i]
            drawn.append({"source": name, "doc_id": row["doc_id"], "start": int(row["start"]), "end": int(row["end"]),
                          "unit": row["unit"]})
            text = row["text"].replace("\n", "⏎")
            print(f"[{len(drawn)}] {row['doc_id']}\t{row['start']}\t{row['end']}\t{row['unit']}\t{row['section']}\t{row['year']}\n    {text}")
    if args.skeleton:
        Path(args.skeleton).write_text(json.dumps(drawn, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
