"""Indicator quality: precision and recall on our hand-made gold (tests/data/indicators_gold.json,
values read from the work reports in ../shared), and the number parser on the peers' suites
(Recognizers-Text Number/Percent, cn2an), with every miss listed.

    python bench/indicators_quality.py [--show 20]
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

import policytext as pt
from _shared import shared
from policytext.numeric import indicators
from policytext.numeric.evaluate import cn2an_case, cn2an_cases, recognizers_case, score

GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "indicators_gold.json"


def gold_texts() -> dict[tuple[str, int], str]:
    wikisource = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl"))
    workshop = pt.read_corpus(
        shared("corpora/gov-work-reports/textworkshop17"), pattern="{year}政府工作报告_{speaker}*.txt"
    )
    texts = {}
    for layout, corpus in (("wikisource", wikisource), ("textworkshop17", workshop)):
        frame = corpus.to_frame()
        for row in frame.itertuples():
            # the report itself: not an NPC resolution dated from its header, not an abstract
            if row.year_source in ("column", "file name") and "摘要" not in str(row.path):
                texts.setdefault((layout, int(row.year)), row.text)
    return texts


def gold_scores(show: int) -> None:
    documents = json.loads(GOLD.read_text("utf-8"))["documents"]
    texts = gold_texts()
    predicted = gold = matched = 0
    errors: Counter[str] = Counter()
    listing = []
    for doc in documents:
        text = texts[(doc["layout"], doc["year"])]
        result = score(indicators(text), doc["quantities"], [tuple(s) for s in doc["spans"]])
        predicted += result["predicted"]
        gold += result["gold"]
        matched += result["matched"]
        for m in result["mismatches"]:
            errors.update(m["errors"])
            listing.append(f"  {doc['layout']} {doc['year']} [{m['start']}:{m['end']}] {text[m['start']:m['end']]!r} "
                           f"{m['errors']} predicted {m['predicted']}")
        for g in result["missed"]:
            listing.append(f"  {doc['layout']} {doc['year']} missed [{g['start']}:{g['end']}] {text[g['start']:g['end']]!r}")
    years = len({d["year"] for d in documents})
    print(f"Gold indicators: {len(documents)} documents, {years} years, {gold} quantities")
    print(f"  precision {matched / predicted:.3f} ({matched}/{predicted})   recall {matched / gold:.3f} ({matched}/{gold})")
    print(f"  fields wrong in unmatched rows: {dict(errors)}")
    for line in listing[:show]:
        print(line)


def suites(show: int) -> None:
    base = shared("testsuites")
    total = right = 0
    misses = []
    for model in ("NumberModel", "PercentModel"):
        cases = json.loads((base / f"recognizers-text-zh/Number/{model}.json").read_text("utf-8-sig"))
        for case in cases:
            ok, expected, got = recognizers_case(model, case)
            total += 1
            right += ok
            if not ok:
                misses.append(f"  {model} {case['Input'][:40]!r}: expected {expected}, got {got}")
    print(f"Recognizers-Text zh Number+Percent: {right}/{total} = {right / total:.1%}")
    for line in misses[:show]:
        print(line)
    whole_numeral_comparison(base)
    suite = json.loads((base / "cn2an/cn2an_cases.json").read_text("utf-8"))
    cases = cn2an_cases(suite)
    results = [(group, text, expected, *cn2an_case(text, expected)) for group, text, expected in cases]
    good = sum(ok for *_, ok, _ in results)
    print(f"cn2an Chinese→number: {good}/{len(results)} = {good / len(results):.1%}")
    for group, text, expected, ok, got in results:
        if not ok:
            print(f"  {group} {text!r}: expected {expected}, got {got}")


def whole_numeral_comparison(base: Path) -> None:
    """Why the parser is our own: cn2an (when installed) and pt.parse_number on the
    Recognizers-Text NumberModel cases whose whole input is one numeral."""
    cases = json.loads((base / "recognizers-text-zh/Number/NumberModel.json").read_text("utf-8-sig"))
    whole = [c for c in cases if len(c["Results"]) == 1 and c["Results"][0]["Text"].strip() == c["Input"].strip()]
    expected = [float(c["Results"][0]["Resolution"]["value"]) for c in whole]
    ours = sum(
        v is not None and math.isclose(v, e, rel_tol=1e-6)
        for v, e in zip((pt.parse_number(c["Input"]) for c in whole), expected)
    )
    line = f"Whole-numeral NumberModel cases ({len(whole)}): pt.parse_number {ours}"
    try:
        import cn2an
    except ImportError:
        print(line + "; cn2an not installed (pip install cn2an to compare)")
        return
    right = 0
    for case, e in zip(whole, expected):
        try:
            right += math.isclose(float(cn2an.cn2an(case["Input"].strip(), "smart")), e, rel_tol=1e-6)
        except Exception:  # cn2an raises on what it cannot read
            pass
    print(line + f"; cn2an {getattr(cn2an, '__version__', '')} smart mode {right}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", type=int, default=30)
    args = parser.parse_args()
    gold_scores(args.show)
    suites(args.show)
