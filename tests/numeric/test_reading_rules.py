"""How pt.indicators reads the hard cases: qualifiers, ranges, units, zero forms, spaced
numbers, counting words, ordinals, status from sections, names, exact digits. Every sentence
is our own, in Simplified and (where the script matters) Traditional."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import policytext as pt
from policytext.numeric import IMPRECISE, indicator_records, is_quantity
from policytext.script import Conversion


def _quantities(text: str, **kwargs: object) -> pd.DataFrame:
    table = pt.indicators(text, **kwargs)  # type: ignore[arg-type]
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    return table[is_quantity(table)]


def _one(text: str, surface_part: str, **kwargs: object) -> pd.Series:
    table = _quantities(text, **kwargs)
    rows = table[table["text"].str.contains(surface_part, regex=False)]
    assert len(rows) == 1, table[["text", "indicator", "value", "unit", "qualifier"]]
    return rows.iloc[0]


# -- qualifiers -------------------------------------------------------------------------------

QUALIFIER_CASES = [
    # (sentence, a piece of the quantity's text, qualifier)
    ("全县粮食产量超50万吨。", "50万吨", "min"),
    ("全县粮食产量超过50万吨。", "50万吨", "min"),
    ("全县粮食产量逾50万吨。", "50万吨", "min"),
    ("研发投入强度大于2.5%。", "2.5%", "min"),
    ("研发投入强度高于2.5%。", "2.5%", "min"),
    ("森林覆盖率不低于40%。", "40%", "min"),
    ("新建学校不少于12所。", "12所", "min"),
    ("新建学校不小于12所。", "12所", "min"),
    ("每年至少培训300人。", "300人", "min"),
    ("补助标准最低800元。", "800元", "min"),
    ("地区生产总值突破3000亿元。", "3000亿元", "min"),
    ("常住人口50万以上。", "50万", "min"),
    ("城镇新增就业3.5万人以上。", "3.5万人", "min"),
    ("建成公里数300多公里。", "300多公里", "min"),
    ("带动就业2万余人。", "2万余人", "min"),
    ("经济总量迈上5000亿元台阶。", "5000亿元", "min"),
    ("城镇调查失业率5.5%以内。", "5.5%", "max"),
    ("居民消费价格涨幅3%以下。", "3%", "max"),
    ("负债率不超过60%。", "60%", "max"),
    ("单个项目补助不得超过50万元。", "50万元", "max"),
    ("赤字率不高于3%。", "3%", "max"),
    ("误差小于0.5%。", "0.5%", "max"),
    ("能耗增速低于2%。", "2%", "max"),
    ("单户奖励最高10万元。", "10万元", "max"),
    ("达标率不到60%。", "60%", "max"),
    ("今年城镇登记失业率要控制在4.5%。", "4.5%", "max"),
    ("森林覆盖率约45%。", "45%", "approx"),
    ("常住人口近300万人。", "300万人", "approx"),
    ("常住人口将近300万人。", "300万人", "approx"),
    ("地区生产总值增长6%左右。", "6%", "approx"),
    ("居民收入增长5%上下。", "5%", "approx"),
    ("今年居民消费价格涨幅控制在3%左右。", "3%", "approx"),
    ("全年节约用水20万吨。", "20万吨", "exact"),  # 节约 is no 约
    ("增长6.5%。", "6.5%", "exact"),
    # Traditional script
    ("全縣糧食產量超過50萬噸。", "50萬噸", "min"),
    ("森林覆蓋率不低於40%。", "40%", "min"),
    ("失業率5.5%以內。", "5.5%", "max"),
    ("負債率不超過60%。", "60%", "max"),
    ("森林覆蓋率約45%。", "45%", "approx"),
    ("經濟增長6%左右。", "6%", "approx"),
]


@pytest.mark.parametrize(("text", "part", "qualifier"), QUALIFIER_CASES)
def test_qualifiers(text: str, part: str, qualifier: str) -> None:
    assert _one(text, part)["qualifier"] == qualifier


# -- ranges -----------------------------------------------------------------------------------

RANGE_CASES = [
    # (sentence, value, value_max, unit)
    ("地区生产总值增长6%—6.5%。", 6, 6.5, "%"),
    ("地区生产总值增长5%-5.5%。", 5, 5.5, "%"),
    ("地区生产总值增长5%–5.5%。", 5, 5.5, "%"),
    ("地区生产总值增长5%－5.5%。", 5, 5.5, "%"),
    ("地区生产总值增长5%~5.5%。", 5, 5.5, "%"),
    ("地区生产总值增长5%～5.5%。", 5, 5.5, "%"),
    ("地区生产总值增长6—6.5%。", 6, 6.5, "%"),
    ("地区生产总值增长6到7个百分点。", 6, 7, "百分点"),
    ("收入提高六到七个百分点。", 6, 7, "百分点"),
    ("计划投资3000至5000万元。", 3000, 5000, "万元"),
    ("计划投资3000万元至5000万元。", 3000, 5000, "万元"),
    ("计划投资一千到一千五百亿元。", 1000, 1500, "亿元"),
    ("计划投资5000万到1亿元。", 0.5, 1, "亿元"),
    ("每年培训两三百人。", 200, 300, "人"),
    ("地區生產總值增長6%—6.5%。", 6, 6.5, "%"),
    ("計劃投資三千至五千萬元。", 3000, 5000, "万元"),
]


@pytest.mark.parametrize(("text", "value", "value_max", "unit"), RANGE_CASES)
def test_two_ended_ranges(text: str, value: float, value_max: float, unit: str) -> None:
    table = _quantities(text)
    assert len(table) == 1, table[["text", "value", "value_max", "unit"]]
    row = table.iloc[0]
    assert (row["qualifier"], row["unit"]) == ("range", unit)
    assert math.isclose(row["value"], value) and math.isclose(row["value_max"], value_max)


@pytest.mark.parametrize("text", ["由5%提高到6%。", "从300万人增加到350万人。"])
def test_from_to_is_a_change_not_a_range(text: str) -> None:
    assert "range" not in set(_quantities(text)["qualifier"])


# -- units ------------------------------------------------------------------------------------

UNIT_CASES = [
    # (sentence, part, unit, value, value_base, unit_base)
    ("新增装机容量3.5万千瓦。", "3.5万千瓦", "万千瓦", 3.5, 35_000, "千瓦"),
    ("发电量120亿千瓦时。", "120亿千瓦时", "亿千瓦时", 120, 1.2e10, "千瓦时"),
    ("光伏装机200兆瓦。", "200兆瓦", "兆瓦", 200, 200, "兆瓦"),
    ("风电装机12吉瓦。", "12吉瓦", "吉瓦", 12, 12, "吉瓦"),
    ("单灯功率60瓦。", "60瓦", "瓦", 60, 60, "瓦"),
    ("居民每户每月用电50度。", "50度", "度", 50, 50, "千瓦时"),
    ("节约能源5万吨标准煤。", "5万吨标准煤", "万吨标准煤", 5, 50_000, "吨标准煤"),
    ("全年消耗800吨标准煤。", "800吨标准煤", "吨标准煤", 800, 800, "吨标准煤"),
    ("新建高标准农田12万亩。", "12万亩", "万亩", 12, 120_000, "亩"),
    ("造林300公顷。", "300公顷", "公顷", 300, 300, "公顷"),
    ("辖区面积1200平方公里。", "1200平方公里", "平方公里", 1200, 1200, "平方公里"),
    ("改造老旧小区50万平方米。", "50万平方米", "万平方米", 50, 500_000, "平方米"),
    ("人均补助300元。", "300元", "元", 300, 300, "元"),
    ("每斤提高5分钱。", "5分钱", "分钱", 5, 5, "分钱"),
    ("安排资金12万元。", "12万元", "万元", 12, 120_000, "元"),
    ("财政收入85亿元。", "85亿元", "亿元", 85, 8.5e9, "元"),
    ("赤字规模5.66万亿元。", "5.66万亿元", "万亿元", 5.66, 5.66e12, "元"),
    ("项目投资￥3000万。", "￥3000万", "万元", 3000, 3e7, "元"),
    ("项目投资¥120。", "¥120", "元", 120, 120, "元"),
    ("安排人民币50亿元。", "50亿元", "亿元", 50, 5e9, "元"),
    ("援助500万元人民币。", "500万元人民币", "万元", 500, 5e6, "元"),
    ("票价4人民币。", "4人民币", "元", 4, 4, "元"),
    ("出口120亿美元。", "120亿美元", "亿美元", 120, 1.2e10, "美元"),
    ("引进外资3亿欧元。", "3亿欧元", "亿欧元", 3, 3e8, "欧元"),
    ("编列预算200亿新台币。", "200亿新台币", "亿新台币", 200, 2e10, "新台币"),
    ("參加培訓1200人。", "1200人", "人", 1200, 1200, "人"),
    ("城镇新增就业1200万人。", "1200万人", "万人", 1200, 1.2e7, "人"),
    ("接待游客850万人次。", "850万人次", "万人次", 850, 8.5e6, "人次"),
    ("粮食产量1.3万亿斤。", "1.3万亿斤", "万亿斤", 1.3, 1.3e12, "斤"),
    ("財政收入85億元。", "85億元", "亿元", 85, 8.5e9, "元"),
]


@pytest.mark.parametrize(("text", "part", "unit", "value", "value_base", "unit_base"), UNIT_CASES)
def test_unit_families(text: str, part: str, unit: str, value: float, value_base: float, unit_base: str) -> None:
    row = _one(text, part)
    assert row["unit"] == unit and row["unit_base"] == unit_base
    assert math.isclose(row["value"], value) and math.isclose(row["value_base"], value_base)


def test_new_taiwan_dollars_in_traditional_without_conversion() -> None:
    row = _one("編列預算200億新臺幣。", "新臺幣", convert=False)
    assert (row["unit"], row["value_base"]) == ("亿新台币", 2e10)  # units are read folded to Simplified


# -- zero forms, spaced numbers, exact digits ----------------------------------------------------

ZERO_CASES = [
    ("占比五．○一%。", 5.01, "%"),
    ("占比五点〇一%。", 5.01, "%"),
    ("占比五點零一%。", 5.01, "%"),
    ("新建三〇五个网点。", 305, "个"),
    ("新建三○五个网点。", 305, "个"),
    ("新建三Ｏ五个网点。", 305, "个"),
    ("新建三O五个网点。", 305, "个"),
    ("新建三零五个网点。", 305, "个"),
    ("投入一千零五十万元。", 1050, "万元"),
]


@pytest.mark.parametrize(("text", "value", "unit"), ZERO_CASES)
def test_zero_forms(text: str, value: float, unit: str) -> None:
    table = _quantities(text)
    assert len(table) == 1 and table.iloc[0]["unit"] == unit
    assert math.isclose(table.iloc[0]["value"], value)


@pytest.mark.parametrize("text", ["二○○三年工作总结。", "二ＯＯ三年。", "二OO三年。", "二〇二五年三月。"])
def test_years_with_any_zero_are_not_quantities(text: str) -> None:
    assert _quantities(text).empty


SPACED_CASES = [
    # (text as PDF extraction leaves it, value, unit, qualifier)
    ("申报项目不少于 50 类。", 50, "类", "min"),
    ("安排资金 3 000 万元。", 3000, "万元", "exact"),
    ("地 区 生 产 总 值 增 长 6.5 %左右。", 6.5, "%", "approx"),
    ("城镇新增就业 1 200 万人以上。", 1200, "万人", "min"),
    ("全縣新增就業 3 000 人。", 3000, "人", "exact"),
]


@pytest.mark.parametrize(("text", "value", "unit", "qualifier"), SPACED_CASES)
def test_spaced_numbers_read_as_unspaced(text: str, value: float, unit: str, qualifier: str) -> None:
    table = _quantities(text)
    assert len(table) == 1, table[["text", "value", "unit"]]
    row = table.iloc[0]
    assert (row["unit"], row["qualifier"]) == (unit, qualifier) and math.isclose(row["value"], value)
    # and when the analysis text keeps the spaces, the indicator reader reads past them itself
    records = [r for r in indicator_records(None, Conversion.unchanged(text)) if r["kind"] != "ordinal"]
    assert len(records) == 1
    assert (records[0]["unit"], records[0]["qualifier"]) == (unit, qualifier)
    assert math.isclose(records[0]["value"], value)
    assert text[records[0]["start"] : records[0]["end"]] == records[0]["text"]


def test_exact_digits_past_float_precision() -> None:
    digits = "9" * 400
    row = _one(f"共投入{digits}元。", "元")
    assert row["value_text"] == digits and row["text"] == digits + "元"
    assert row["note"] == IMPRECISE
    long = _one("共投入12345678901234567890元。", "元")
    assert long["value_text"] == "12345678901234567890" and long["note"] == IMPRECISE
    plain = _one("共投入1,200.50万元。", "万元")
    assert plain["value_text"] == "1200.50" and plain["note"] is None
    assert _one("投入一千二百万元。", "万元")["value_text"] == "1200"


# -- counting words, slogans and time frames: no quantity -------------------------------------------

NOT_QUANTITIES = [
    "中、美两国领导人举行会谈。",
    "推动两岸关系和平发展。",
    "兩岸交流持續擴大。",
    "两会期间召开座谈会。",
    "兩會期間召開座談會。",
    "加强村两委班子建设。",
    "做好三农工作。",
    "扩大两新政策实施范围。",
    "协调推进四个全面战略布局。",
    "增强四个意识。",
    "統籌推進五位一體總體佈局。",
    "统筹推进五位一体总体布局。",
    "共建一带一路。",
    "严格落实中央八项规定精神。",
    "持续纠治四风。",
    "实施十大工程。",
    "推进三去一降一补。",
    "开展三严三实专题教育。",
    "关系千家万户。",
    "东北三省协同发展。",
    "长三角一体化。",
    "培育一批龙头企业，确立一个目标。",
    "过去五年，我们攻坚克难。",
    "今后五年，要久久为功。",
    "二十年来，变化很大。",
    "提供7×24小时服务。",
    "推进5G和千兆光网建设。",
    "打造中国企业500强。",
    "打造“1小时交通圈”。",
    "落实“两个先立”要求，推进两个先立。",  # a numbered form the document quotes: its bare use too
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_counting_words_and_time_frames_are_not_quantities(text: str) -> None:
    assert _quantities(text).empty, _quantities(text)[["text", "unit"]]


QUANTITIES_NEAR_THEM = [
    ("甲、乙、丙三个园区完成改造。", 3, "个", "园区"),
    ("项目历时12年建成。", 12, "年", None),
    ("粮食产量连续3年稳定增长。", 3, "年", None),
    ("覆盖沿线65国。", 65, "国", None),
    ("为期两个月的专项行动。", 2, "个月", None),
]


@pytest.mark.parametrize(("text", "value", "unit", "name"), QUANTITIES_NEAR_THEM)
def test_resumptive_counts_and_durations_are_quantities(text: str, value: float, unit: str, name: str | None) -> None:
    table = _quantities(text)
    assert len(table) == 1, table[["text", "unit"]]
    row = table.iloc[0]
    assert row["unit"] == unit and math.isclose(row["value"], value)
    if name is not None:
        assert row["indicator"] == name


# -- ordinals ---------------------------------------------------------------------------------

ORDINALS = [
    ("召开第十三次党代会。", "第十三次"),
    ("编制十四五规划。", "十四五"),
    ("经济总量居全省第一。", "第一"),
    ("综合排名进入前十名。", "前十名"),
    ("深入学习党的二十大精神。", "二十大"),
    ("十三届全国人大五次会议。", "五次"),
    ("第八届理事会。", "第八届"),
]


@pytest.mark.parametrize(("text", "surface"), ORDINALS)
def test_ordinals_are_rows_of_their_own_kind_never_quantities(text: str, surface: str) -> None:
    table = pt.indicators(text)
    assert not is_quantity(table).any(), table[["text", "kind"]]
    ordinals = table[table["kind"] == "ordinal"]
    assert any(surface in t for t in ordinals["text"]), ordinals["text"].tolist()
    assert ordinals[["unit", "qualifier", "status"]].isna().all().all()


def test_is_quantity_on_arrow_tables() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pt.indicators("落实十四五规划，新建3个园区。")
    arrow = pa.Table.from_pandas(table[["kind"]])
    assert is_quantity(arrow).to_pylist() == is_quantity(table).tolist() == [False, True]


# -- status: structure first, a clause's own time second ---------------------------------------------

# each part runs on past one sentence, as a report's parts do (a run of one-sentence parts
# reads as a numbered list to the structure reader, not as sections)
REPORT = (
    "一、过去五年工作回顾\n"
    "过去五年，全市地区生产总值年均增长5.2%，城镇新增就业12万人。各项事业全面进步。\n"
    "二、今后五年的目标任务\n"
    "到2030年，全市地区生产总值达到5000亿元，年均增长6%。人民生活水平明显提高。\n"
    "三、2025年工作安排\n"
    "今年全市生产总值预期增长6%左右，去年增长5.1%。预计全年财政收入将增长3%。\n"
    "总投资5亿元以上的项目由市级审批。赤字率拟按3%安排，比去年提高0.1个百分点。\n"
    "四、加强政府自身建设\n"
    "一般性支出压减5%以上。坚持过紧日子。\n"
)

STATUS_CASES = [
    # (text of the quantity, status, evidence, section)
    ("5.2%", "achieved", "section:review", "review"),  # multi-year, but in the review: a result
    ("12万人", "achieved", "section:review", "review"),
    ("5000亿元", "plan", "section:plan", "plan"),
    ("6%", "plan", "section:plan", "plan"),
    ("6%左右", "target", "cue:预期", "tasks"),
    ("5.1%", "achieved", "cue:去年", "tasks"),  # a clause's own past overrides the section
    ("3%", "unknown", "cue:预计", "tasks"),  # a forecast
    ("5亿元以上", "unknown", "cue:的", "tasks"),  # an eligibility threshold
    ("0.1个百分点", "target", "section:tasks", "tasks"),  # 比去年 is a comparison, not a time
    ("5%以上", "target", "section:government", "government"),
]


@pytest.mark.parametrize(("surface", "status", "evidence", "section"), STATUS_CASES)
def test_status_from_the_section_then_the_clause(surface: str, status: str, evidence: str, section: str) -> None:
    table = _quantities(REPORT)
    rows = table[table["text"] == surface]
    if surface == "3%":
        rows = rows[rows["sentence"].str.contains("预计")]
    assert len(rows) == 1, table[["text", "status"]]
    row = rows.iloc[0]
    assert (row["status"], row["status_evidence"], row["section"]) == (status, evidence, section)


def test_review_section_in_traditional_never_plan_or_target() -> None:
    report = "一、過去五年工作回顧\n過去五年，全縣地區生產總值年均增長5.2%，到2020年建成10個園區。\n"
    table = _quantities(report)
    assert set(table["status"]) == {"achieved"} and set(table["section"]) == {"review"}


def test_untyped_text_reads_clause_then_paragraph_cues() -> None:
    table = _quantities("到2027年，全省数字经济核心产业增加值占比达到12%。")
    assert table.iloc[0]["status"] == "plan" and table.iloc[0]["status_evidence"].startswith("cue:")
    rule = _quantities("申报单位每项资助不超过50万元。")
    assert rule.iloc[0]["status"] == "unknown"


# -- names ------------------------------------------------------------------------------------

NAME_CASES = [
    # (sentence, part, name: the noun phrase, or "" for none)
    # the change (增长, 降低) is the direction, not part of the name (reading conventions)
    ("今年全市地区生产总值预期增长6%左右。", "6%", "地区生产总值"),
    ("全年城镇新增就业1.2万人。", "1.2万人", "城镇新增就业"),
    ("单位地区生产总值能耗降低3%。", "3%", "单位地区生产总值能耗"),
    ("全县粮食产量达到50万吨。", "50万吨", "粮食产量"),
    ("新增就业3000人。", "3000人", "新增就业"),
    ("安排中央预算内投资7000亿元。", "7000亿元", "中央预算内投资"),
    ("新建三个园区。", "三个", "园区"),
    ("年均增长5%。", "5%", ""),
    ("比上年增长8%。", "8%", ""),
    ("全面实施5项改革。", "5项", "改革"),
]


@pytest.mark.parametrize(("text", "part", "name"), NAME_CASES)
def test_names_are_noun_phrases_or_empty(text: str, part: str, name: str) -> None:
    got = _one(text, part)["indicator"]
    assert (got or "") == name


def test_counted_noun_in_traditional() -> None:
    row = _one("全鎮新建三個園區。", "三個")
    assert (row["indicator"], row["unit"], row["value"]) == ("园区", "个", 3)
