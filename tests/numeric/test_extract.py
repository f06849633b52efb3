"""pt.indicators on sentences of our own: one row per quantity, with its fields."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.numeric import COLUMNS, KINDS, QUALIFIERS, STATUSES

# (text, surface, expected fields); the indicator is checked by containment
CASES = [
    ("今年全省生产总值预期增长6.5%左右。", "6.5%左右",
     {"indicator": "生产总值", "value": 6.5, "unit": "%", "qualifier": "approx", "direction": "increase",
      "status": "target", "kind": "rate"}),
    ("全市城镇新增就业3.5万人以上。", "3.5万人以上",
     {"indicator": "城镇新增就业", "value": 3.5, "unit": "万人", "value_base": 35_000, "unit_base": "人",
      "qualifier": "min", "kind": "count"}),
    ("全省粮食总产量稳定在700亿斤以上。", "700亿斤以上",
     {"indicator": "粮食总产量", "value": 700, "unit": "亿斤", "value_base": 7e10, "unit_base": "斤",
      "qualifier": "min", "kind": "amount"}),
    ("粮食产量达到1.3万亿斤。", "1.3万亿斤", {"value": 1.3, "unit": "万亿斤", "value_base": 1.3e12}),
    ("登记失业率比上年提高0.4个百分点。", "0.4个百分点",
     {"indicator": "登记失业率", "value": 0.4, "unit": "百分点", "kind": "change", "direction": "increase"}),
    ("单位产值能耗下降2.1%。", "2.1%", {"direction": "decrease", "kind": "rate"}),
    ("今年赤字率拟按2.9%安排。", "2.9%", {"indicator": "赤字率", "status": "target", "qualifier": "exact"}),
    ("地区生产总值增长7%－7.5%。", "7%－7.5%", {"value": 7, "value_max": 7.5, "qualifier": "range", "unit": "%"}),
    ("计划投资七百到九百亿元。", "七百到九百亿元",
     {"value": 700, "value_max": 900, "unit": "亿元", "qualifier": "range", "value_base": 7e10}),
    ("一年才培养一两名青年骨干。", "一两名",
     {"indicator": "青年骨干", "value": 1, "value_max": 2, "unit": "名", "qualifier": "range", "kind": "count"}),
    ("全镇现有三十二个行政村。", "三十二个", {"indicator": "行政村", "value": 32, "unit": "个", "kind": "count"}),
    ("新增绿地面积一千二百万平方米。", "一千二百万平方米", {"value": 1200, "unit": "万平方米", "value_base": 12_000_000}),
    ("本区35岁以下干部仅占总数21.5%。", "21.5%",
     {"indicator": "35岁以下干部占总数比例", "kind": "share", "status": "achieved"}),
    ("城镇登记失业率控制在4%以内。", "4%以内", {"qualifier": "max"}),
    ("城镇登记失业率要控制在4%。", "4%", {"qualifier": "max", "status": "target"}),
    ("去年城镇登记失业率控制在3.8%。", "3.8%", {"qualifier": "exact", "status": "achieved"}),
    ("森林覆盖率约为45%。", "45%", {"qualifier": "approx"}),
    ("年度投资不超过80亿元。", "80亿元", {"qualifier": "max"}),
    ("到2030年，全县人口超过50万人。", "50万人", {"qualifier": "min", "status": "plan"}),
    ("涨幅２．５％左右", "２．５％左右", {"value": 2.5, "unit": "%", "qualifier": "approx"}),
]


@pytest.mark.parametrize(("text", "surface", "expected"), CASES)
def test_indicator_fields(text: str, surface: str, expected: dict[str, object]) -> None:
    table = pt.indicators(text)
    rows = table[table["text"] == surface]
    assert len(rows) == 1, table[["text", "indicator", "value", "unit"]]
    row = rows.iloc[0]
    assert text[row["start"] : row["end"]] == surface
    for field, value in expected.items():
        if field == "indicator":
            assert isinstance(row[field], str) and str(value) in row[field], (field, row[field])
        elif isinstance(value, float | int) and not isinstance(value, bool):
            assert math.isclose(row[field], value), (field, row[field])
        else:
            assert row[field] == value, (field, row[field])


@pytest.mark.parametrize("text", ["2023年3月5日召开会议。", "二〇二四年一月", "截至12月31日", "3号文件"])
def test_years_and_dates_are_not_indicators(text: str) -> None:
    assert pt.indicators(text).empty


def test_ordinals_are_rows_without_quantity_semantics() -> None:
    table = pt.indicators("会议贯彻第十四次党代会和党的二十大精神，落实十四五规划。")
    assert list(table["kind"]) == ["ordinal"] * 3
    assert list(table["value"]) == [14, 20, 14]
    assert table[["unit", "qualifier", "status"]].isna().all().all()


def test_slogans_in_quotes_are_not_counts() -> None:
    assert pt.indicators("坚持“两个毫不动摇”，新建5个园区。")["text"].tolist() == ["5个"]


def test_traditional_text_gives_simplified_names_and_original_offsets() -> None:
    text = "全縣35歲以下幹部僅佔總數21.5%，還有12個鄉鎮缺少辦公用房。"
    table = pt.indicators(text)
    share = table[table["unit"] == "%"].iloc[0]
    assert share["indicator"] == "35岁以下干部占总数比例"
    assert share["indicator_original"] in text and "幹部" in share["indicator_original"]
    count = table[table["unit"] == "个"].iloc[0]
    assert text[count["start"] : count["end"]] == count["text"] == "12個"
    assert count["indicator"] == "乡镇"


def test_review_then_targets_status_from_section_and_paragraph() -> None:
    report = (
        "一、2023年工作回顾\n"
        "全市地区生产总值增长5.6%，城镇新增就业2.1万人。\n"
        "二、2024年主要目标\n"
        "今年发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业2万人以上；"
        "居民消费价格涨幅3%左右。\n"
    )
    table = pt.indicators(report).set_index("text")
    assert table.loc["5.6%", "status"] == "achieved" and table.loc["5.6%", "section"] == "review"
    assert table.loc["2.1万人", "status"] == "achieved"
    for surface in ("6%左右", "2万人以上", "3%左右"):
        assert table.loc[surface, "status"] == "target"
        assert table.loc[surface, "time_ref"] == "今年"


def test_second_quantity_of_a_clause_inherits_the_subject() -> None:
    table = pt.indicators("全区一般公共预算收入达到56亿元、比上年增长8.2%。")
    # the growth is the direction of the second, not part of its name (reading conventions)
    assert table["indicator"].tolist() == ["一般公共预算收入", "一般公共预算收入"]
    assert table["direction"].tolist() == ["level", "increase"]


def test_corpus_and_list_inputs_keep_document_ids() -> None:
    corpus = pt.Corpus(["增长5%。", "没有数字。", "新增3个园区。"], pd.DataFrame({"doc_id": ["a", "b", "c"]}))
    assert pt.indicators(corpus)["doc_id"].tolist() == ["a", "c"]
    assert pt.indicators(["增长5%。", "新增3个园区。"])["doc_id"].tolist() == [0, 1]


def test_columns_and_vocabularies() -> None:
    table = pt.indicators("城镇新增就业1100万人以上，增长5%左右，第一次会议。")
    assert tuple(table.columns) == COLUMNS
    quantities = table[table["kind"] != "ordinal"]
    assert set(quantities["qualifier"]) <= set(QUALIFIERS)
    assert set(quantities["status"]) <= set(STATUSES)
    assert set(table["kind"]) <= set(KINDS)
    empty = pt.indicators("")
    assert tuple(empty.columns) == COLUMNS and empty.empty


@given(st.text(alphabet=st.one_of(st.sampled_from(list("增长下降提高约左右以上以内控制在今年目标是：；。，\n一二三四五十百千万亿%个人元斤0123456789.－到")),
                                  st.characters()), max_size=80))
@settings(max_examples=300, deadline=None)
def test_indicators_never_raise_and_offsets_hold(text: str) -> None:
    table = pt.indicators(text)
    assert isinstance(table, pd.DataFrame)
    for row in table.itertuples():
        assert 0 <= row.start < row.end <= len(text)
        assert text[row.start : row.end] == row.text
        assert row.sentence.strip() == "" or row.text in row.sentence or row.sentence in text
