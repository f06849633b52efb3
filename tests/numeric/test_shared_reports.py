"""pt.indicators on the real material in ../shared: the seed speech and our gold file."""

from __future__ import annotations

import json
import math

import pytest

import policytext as pt
from policytext.numeric.evaluate import score
from tests.conftest import REPO, TEXTWORKSHOP, WIKISOURCE, shared_path

pytestmark = pytest.mark.shared

# seed: (start of the number in the file, value, value_max, unit, qualifier, status, kind, a
# word the indicator must contain) — offsets and values read from the file by hand
SEED_QUANTITIES = [
    (1632, 30.26, None, "%", "exact", "achieved", "share", "35岁以下党员"),
    (1648, 29.32, None, "%", "exact", "achieved", "share", "60岁以上党员"),
    (1693, 85, None, "%", "min", "achieved", "share", "45岁以上党员比例"),
    (1766, 88, None, "个", "exact", "achieved", "count", "社区居委会"),
    (1778, 32, None, "个", "exact", "achieved", "count", "办公用房"),
    (1797, 8, None, "平方米", "exact", "achieved", "amount", "办公用房"),
    (4532, 8, None, "个", "exact", "achieved", "count", "示范点"),
    (4558, 4, None, "个", "exact", "achieved", "count", "示范点"),
    (1744, 1, 2, "名", "range", "achieved", "count", "党员"),
]


def test_seed_quantities(seed_text: str) -> None:
    table = pt.indicators(seed_text).set_index("start")
    for start, value, value_max, unit, qualifier, status, kind, word in SEED_QUANTITIES:
        row = table.loc[start]
        assert math.isclose(row["value"], value), (start, row["value"])
        assert (value_max is None and math.isnan(row["value_max"])) or row["value_max"] == value_max
        assert (row["unit"], row["qualifier"], row["status"], row["kind"]) == (unit, qualifier, status, kind), start
        assert word in row["indicator"], (start, row["indicator"])
        assert seed_text[start : row["end"]] == row["text"]
        assert row["indicator_original"] in seed_text


def test_seed_party_congresses_are_ordinals(seed_text: str) -> None:
    table = pt.indicators(seed_text)
    ordinals = table[table["kind"] == "ordinal"]
    congresses = ordinals[[seed_text[e : e + 3] == "黨代會" for e in ordinals["end"]]]
    assert sorted(congresses["value"]) == [11, 13]
    assert congresses[["unit", "qualifier", "status"]].isna().all().all()


def _gold_texts() -> dict[tuple[str, int], str]:
    texts = {}
    for layout, corpus in (
        ("wikisource", pt.read_corpus(shared_path(WIKISOURCE))),
        ("textworkshop17", pt.read_corpus(shared_path(TEXTWORKSHOP), pattern="{year}政府工作报告_{speaker}*.txt")),
    ):
        for row in corpus.to_frame().itertuples():
            if row.year_source in ("column", "file name") and "摘要" not in str(row.path):
                texts.setdefault((layout, int(row.year)), row.text)
    return texts


def test_gold_precision_and_recall() -> None:
    gold = json.loads((REPO / "tests" / "data" / "indicators_gold.json").read_text("utf-8"))["documents"]
    assert len({d["year"] for d in gold if any(q["status"] == "target" for q in d["quantities"])}) >= 12
    texts = _gold_texts()
    predicted = matched = total = 0
    for doc in gold:
        result = score(pt.indicators(texts[(doc["layout"], doc["year"])]), doc["quantities"], doc["spans"])
        predicted += result["predicted"]
        matched += result["matched"]
        total += result["gold"]
    assert total > 100
    assert matched / predicted >= 0.9, (matched, predicted)
    assert matched / total >= 0.9, (matched, total)
