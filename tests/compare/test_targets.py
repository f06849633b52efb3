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
    # the reports themselves: a year from the record's column or the file name, not one
    # read from a resolution's header
    reports = corpus.subset(corpus.docvars["year_source"].isin(["column", "file name"]))
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


# -- local phrasings and groups of several columns ---------------------------------------------

LOCAL_PHRASINGS = [
    ("今年全市生产总值增长6%左右。", "gdp_growth", 6),
    ("今年全省生产总值预期增长5.5%左右。", "gdp_growth", 5.5),
    ("今年全区生产总值增长7%。", "gdp_growth", 7),
    ("今年全县生产总值力争增长8%。", "gdp_growth", 8),
    ("今年全州生产总值增长6.5%。", "gdp_growth", 6.5),
    ("今年主要预期目标是：地区生产总值6%左右。", "gdp_growth", 6),
    ("今年赤字率拟按3%安排。", "deficit_ratio", 3),
    ("今年预期目标是居民消费价格涨幅3%左右。", "cpi", 3),
    ("今年力争城镇新增就业1.2万人以上。", "new_urban_jobs", 1.2),
    ("今年全縣生產總值增長6%左右。", "gdp_growth", 6),
]


@pytest.mark.parametrize(("text", "key", "value"), LOCAL_PHRASINGS)
def test_local_phrasings_map_to_the_same_keys(text: str, key: str, value: float) -> None:
    corpus = pt.Corpus([text], pd.DataFrame({"doc_id": ["d"], "year": [2025]}))
    table = targets(corpus)
    assert table["target"].tolist() == [key], pt.indicators(text)[["indicator", "unit", "status"]]
    assert table["value"].tolist() == [value]


def test_per_capita_output_is_not_gdp_growth() -> None:
    corpus = pt.Corpus(["今年人均地区生产总值增长6%。"], pd.DataFrame({"doc_id": ["d"], "year": [2025]}))
    assert targets(corpus).empty


@pytest.fixture
def provinces() -> pt.Corpus:
    texts = [
        "今年主要预期目标是：地区生产总值增长6%左右；城镇新增就业5万人以上。",
        "今年主要预期目标是：地区生产总值增长5%左右。",
        "今年全省生产总值增长5.5%左右。",  # a second document of the first province and year
        "今年主要预期目标是：地区生产总值增长7%左右。",
    ]
    docvars = pd.DataFrame({"doc_id": ["a24", "b24", "a24bis", "a25"], "province": ["甲", "乙", "甲", "甲"],
                            "year": [2024, 2024, 2024, 2025]})
    return pt.Corpus(texts, docvars)


def test_targets_by_a_list_of_columns_never_mix_groups(provinces: pt.Corpus) -> None:
    table = targets(provinces, by=["province", "year"])
    assert tuple(table.columns) == ("province", "year", *TARGET_COLUMNS[1:])
    got = {(row.province, row.year, row.target): (row.value, row.doc_id, row.doc_ids) for row in table.itertuples()}
    assert got == {
        ("甲", 2024, "gdp_growth"): (6, "a24", "a24;a24bis"),  # the first in document order
        ("甲", 2024, "new_urban_jobs"): (5, "a24", "a24"),
        ("乙", 2024, "gdp_growth"): (5, "b24", "b24"),  # shares the year, not the group
        ("甲", 2025, "gdp_growth"): (7, "a25", "a25"),
    }
    for row in table.itertuples():  # every document of a row is of the row's group
        docvars = provinces.docvars.set_index("doc_id")
        for doc_id in row.doc_ids.split(";"):
            assert (docvars.loc[doc_id, "province"], docvars.loc[doc_id, "year"]) == (row.province, row.year)


def test_targets_by_one_column_and_wide(provinces: pt.Corpus) -> None:
    by_year = targets(provinces, by="year")
    assert by_year.loc[by_year["target"] == "gdp_growth", "value"].tolist() == [6, 7]  # 2024: 甲 comes first
    wide = targets(provinces, by=["province", "year"], wide=True)
    assert wide.set_index(["province", "year"]).loc[("乙", 2024), "gdp_growth"] == 5
    with pytest.raises(KeyError):
        targets(provinces, by=["region"])
