"""pt.sections scored against a careful reader's gold headings of 15 real reports in ../shared.

The gold (tests/data/structure_gold.json, see its ``_about``) lists every numbered heading of 10
national work reports (both layouts) and 5 Baoding county reports. A heading is right when an
extracted heading of the same document has its level and a span within ±2 characters at both
ends (one-to-one). Top-level section types are scored on the gold's top-level sections: right
when an extracted level-1 heading starting within ±2 characters has the same section_type.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

import policytext as pt
from tests.conftest import REPO, TEXTWORKSHOP, WIKISOURCE, shared_path

pytestmark = pytest.mark.shared

GOLD = REPO / "tests" / "data" / "structure_gold.json"
BAODING = "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx"
TOLERANCE = 2


def read(source: str):  # type: ignore[no-untyped-def]
    """A source's corpus, read as the gold's ``_about`` says."""
    if source == "wikisource":
        return pt.read_corpus(shared_path(WIKISOURCE), clean=True)
    if source == "textworkshop17":
        return pt.read_corpus(shared_path(TEXTWORKSHOP), pattern="{year}政府工作报告_{speaker}*.txt", clean=True)
    return pt.read_corpus(shared_path(BAODING), clean=True)


@pytest.fixture(scope="module")
def pairs() -> list[tuple[dict, pd.DataFrame]]:
    """Each gold document with the headings pt.sections finds in it."""
    docs = json.loads(GOLD.read_text("utf-8"))["documents"]
    out = []
    for source in sorted({d["source"] for d in docs}):
        own = [d for d in docs if d["source"] == source]
        corpus = read(source)
        corpus = corpus.subset([i in {d["doc_id"] for d in own} for i in corpus.doc_ids])
        texts = dict(zip(corpus.doc_ids, corpus.texts))
        for d in own:
            shifted = [h["start"] for h in d["headings"] if not texts[d["doc_id"]][h["start"] :].lstrip().startswith(h["number"])]
            assert not shifted, f"the cleaned text of {d['doc_id']} moved under the gold: {shifted}"
        table = pt.sections(corpus)
        out += [(d, table[table["doc_id"] == d["doc_id"]]) for d in own]
    return out


def close(a: int, b: int) -> bool:
    return abs(int(a) - int(b)) <= TOLERANCE


def test_structure_gold_scores(pairs: list[tuple[dict, pd.DataFrame]]) -> None:
    n_gold = n_found = n_right = n_top = n_type = 0
    for doc, found in pairs:
        gold = doc["headings"]
        free = found.to_dict("records")
        right = 0
        for g in gold:
            hit = next((f for f in free if f["level"] == g["level"] and close(f["start"], g["start"]) and close(f["end"], g["end"])), None)
            if hit is not None:
                free.remove(hit)
                right += 1
            else:
                print(f"  MISS {doc['source']} {doc['year']} {doc['doc_id']} {g}")
        for f in free:
            print(f"  EXTRA {doc['source']} {doc['year']} {doc['doc_id']} level {f['level']} {f['number']} {f['start']}-{f['end']}")
        tops = found[found["level"] == 1]
        for g in (g for g in gold if g["level"] == 1):
            types = tops[(tops["start"] - g["start"]).abs() <= TOLERANCE]["section_type"].tolist()
            n_type += types[:1] == [g["section_type"]]
            if types[:1] != [g["section_type"]]:
                print(f"  TYPE {doc['year']} {doc['doc_id']} {g['number']} gold {g['section_type']} got {types[:1]}")
            n_top += 1
        print(f"{doc['source']:15s} {doc['year']} gold {len(gold):3d} found {len(found):3d} right {right:3d}")
        n_gold, n_found, n_right = n_gold + len(gold), n_found + len(found), n_right + right
    precision, recall = n_right / max(n_found, 1), n_right / n_gold
    print(f"precision {precision:.3f} recall {recall:.3f} section_type {n_type}/{n_top} = {n_type / n_top:.3f}")
    assert precision >= 0.95 and recall >= 0.95
    assert n_type / n_top >= 0.90
