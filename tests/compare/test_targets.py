"""The target table across years: our own small corpus, then both layouts in ../shared."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import policytext as pt
from policytext.compare import TARGET_COLUMNS, targets
from policytext.numeric.numerals import fold
from tests.conftest import REPO

REPORTS = {
    2023: "一、2022年工作回顾\n地区生产总值增长4.1%。\n二、2023年目标\n今年主要预期目标是：地区生产总值增长6%以上；城镇新增就业2万人以上；居民消费价格涨幅3%左右。\n",
    2024: "一、2023年工作回顾\n地区生产总值增长6.2%，城镇新增就业2.2万人。\n二、2024年目标\n今年主要预期目标是：地区生产总值增长5.5%左右；城镇调查失业率5.5%以内。\n",
}


@pytest.fixture
def small_corpus() -> pt.Corpus:
    return pt.Corpus(list(REPORTS.values()), pd.DataFrame({"doc_id": ["r2023", "r2024"], "year": list(REPORTS)}))


def test_tidy_table(small_corpus: pt.Corpus) -> None:
    table = targets(small_corpus)
    assert tuple(table.columns) == TARGET_COLUMNS
    got = {(row.year, row.target): (row.value, row.qualifier) for row in table.itertuples()}
    assert got == {
        (2023, "gdp_growth"): (6, "min"),
        (2023, "new_urban_jobs"): (2, "min"),
        (2023, "cpi"): (3, "approx"),
        (2024, "gdp_growth"): (5.5, "approx"),
        (2024, "surveyed_unemployment"): (5.5, "max"),
    }
    for row in table.itertuples():  # each row points back to its sentence
        text = small_corpus[row.doc_id].text
        assert text[row.start : row.end] in row.sentence


def test_unstated_targets_have_no_row_and_wide_view(small_corpus: pt.Corpus) -> None:
    wide = targets(small_corpus, wide=True).set_index("year")
    assert pd.isna(wide.loc[2024, "cpi"]) and pd.isna(wide.loc[2024, "new_urban_jobs"])
    assert wide.loc[2023, "gdp_growth"] == 6


def test_user_patterns(small_corpus: pt.Corpus) -> None:
    table = targets(small_corpus, patterns={"jobs": (r"就业", r"人")})
    assert table["target"].tolist() == ["jobs"] and table["year"].tolist() == [2023]


# -- both layouts of the national reports ---------------------------------------------------

HEADLINE = ("gdp_growth", "cpi", "new_urban_jobs")
# read in the report: the 2004 report sets no numeric price target
NOT_STATED = {(2004, "cpi")}
GOLD_KEYS = {"国内生产总值增长": "gdp_growth", "居民消费价格涨幅": "cpi", "居民消费价格总水平涨幅": "cpi",
             "城镇新增就业": "new_urban_jobs"}


@pytest.mark.shared
@pytest.mark.parametrize("layout", ["wikisource", "textworkshop17"])
def test_headline_targets_every_year_from_2004(layout: str, request: pytest.FixtureRequest) -> None:
    corpus = request.getfixturevalue("wikisource_corpus" if layout == "wikisource" else "textworkshop_corpus")
    reports = corpus.subset(corpus.docvars["year_source"] == "docvars")
    table = targets(reports)
    years = sorted({int(y) for y in reports.docvars["year"].dropna() if int(y) >= 2004})
    assert len(years) >= 14
    found = {(int(row.year), row.target): row for row in table.itertuples()}
    for year in years:
        for key in HEADLINE:
            if (year, key) in NOT_STATED:
                assert (year, key) not in found
                continue
            row = found.get((year, key))
            assert row is not None, (layout, year, key)
            text = reports[row.doc_id].text
            assert text[row.start : row.end] in row.sentence
            assert f"{row.value:g}" in fold(row.sentence)
    # where our gold file has this year's target, the table agrees with it
    gold = json.loads((REPO / "tests" / "data" / "indicators_gold.json").read_text("utf-8"))["documents"]
    checked = 0
    for doc in gold:
        if doc["layout"] != layout:
            continue
        for q in doc["quantities"]:
            key = GOLD_KEYS.get(q["indicator"])
            if key and q["status"] == "target" and (doc["year"], key) in found:
                assert found[(doc["year"], key)].value == q["value"], (doc["year"], key)
                checked += 1
    assert checked >= (20 if layout == "wikisource" else 5)
