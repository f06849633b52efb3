"""The general reading rules of ../shared/conventions/reading-conventions.md that pt.indicators
follows for names, units and status: one made-up sentence per rule, in Simplified and (where
the script matters) Traditional. No sentence is taken from the real material."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import policytext as pt
from policytext.numeric import is_quantity


def _quantities(text: str) -> pd.DataFrame:
    table = pt.indicators(text)
    for row in table.itertuples():
        assert text[row.start : row.end] == row.text
    return table[is_quantity(table)]


def _row(text: str, surface: str) -> pd.Series:
    table = _quantities(text)
    rows = table[table["text"].str.startswith(surface)]
    assert len(rows) == 1, table[["text", "indicator", "unit", "status", "status_evidence"]]
    return rows.iloc[0]


# -- units: everything the number carries ------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("全镇硬化村内道路20万平米。", "20万平米", "万平米"),
    ("全鎮硬化村內道路20萬平米。", "20萬平米", "万平米"),
    ("本周到货疫苗45万剂。", "45万剂", "万剂"),
    ("新增蜂群3000箱。", "3000箱", "箱"),
])
def test_the_unit_is_everything_the_number_carries(text: str, surface: str, unit: str) -> None:
    assert _row(text, surface)["unit"] == unit


# -- names: the noun phrase, without the verbs and the actor around it ------------------------------

NAME_CASES = [
    # (sentence, the quantity's text, name)
    # a verb of reaching a level or of completing is not the thing
    ("全县果树种植面积发展到18万亩。", "18万亩", "果树种植面积"),
    ("全縣果樹種植面積發展到18萬畝。", "18萬畝", "果树种植面积"),
    ("全区税收收入完成9.6亿元。", "9.6亿元", "税收收入"),
    ("年内完成植树造林4万亩。", "4万亩", "植树造林"),
    # the change is the direction, not the name; the adverbs before it go too
    ("城乡居民人均收入实际增长6.1%。", "6.1%", "城乡居民人均收入"),
    # a rate noun alone names the rate of the thing named just before
    ("全市外贸进出口总额完成50亿元，增速12%。", "12%", "外贸进出口总额增速"),
    ("全市外貿進出口總額完成50億元，增速12%。", "12%", "外贸进出口总额增速"),
    # a counted noun after the measure word: past a size, up to the predicate
    ("安装两台60万千瓦发电机组。", "两台", "发电机组"),
    ("这三家银行均为地方法人机构。", "三家", "银行"),
    ("各小组推派2人代表组成评审会。", "2人", "代表"),
    ("鉴于上述三个建设项目前期工作扎实。", "三个", "建设项目"),
    ("两个人宿舍很宽敞。", "两个", "人"),
    ("兩個人宿舍很寬敞。", "兩個", "人"),
    # a count that resumes a list of names, one per unit, names no noun of its own
    ("甲贸易公司和乙实业公司两家共持股30%。", "两家", ""),
    # the noun an amount is allocated to
    ("市教育局编列了1200万元的经费。", "1200万元", "经费"),
    ("市教育局編列了1200萬元的經費。", "1200萬元", "经费"),
    # the subject stops where the predicate starts
    ("口罩已经到货三批。", "三批", "口罩"),
    ("风电占比会由现在的8%提高到15%。", "15%", "风电占比"),
    # a clause without a subject takes the clause before it
    ("我们的托育补贴在各方支持下，已经增长2倍。", "2倍", "托育补贴"),
    # the actor, an example, a hedge, a comparison, a proposal, a provisional setting
    ("你的支持度大概还比他高了将近10%。", "10%", "支持度"),
    ("像城市维护费是高达3亿元的支出。", "3亿元", "城市维护费"),
    ("建议县办煤矿的维护费每吨提高到6元。", "6元", "县办煤矿的维护费"),
    ("集团注册资本暂定为人民币80亿元。", "人民币80亿元", "集团注册资本"),
    ("集團註冊資本暫定為人民幣80億元。", "人民幣80億元", "集团注册资本"),
    # a quoted budget item before a verb acting on it
    ("检送「差旅费」冻结150万元书面报告。", "150万元", "差旅费"),
    ("檢送「差旅費」凍結150萬元書面報告。", "150萬元", "差旅费"),
    ("检送某署第2目项下「业务费」冻结30万元书面报告。", "30万元", "业务费"),
    # a fragment of a clause is no name
    ("凡承担供暖任务且其周边10公里以内没有其他热源的锅炉，可以保留。", "10公里", ""),
]


@pytest.mark.parametrize(("text", "surface", "name"), NAME_CASES)
def test_names_follow_the_reading_conventions(text: str, surface: str, name: str) -> None:
    indicator = _row(text, surface)["indicator"]
    # an empty name is missing: None, or NaN in a column that also holds strings
    assert ("" if pd.isna(indicator) else indicator) == name


@pytest.mark.parametrize(("text", "names"), [
    ("城镇和农村居民收入分别增长6%和8%。", ["城镇", "农村居民收入"]),
    ("城镇居民收入和农村居民收入实际增长5.5%和7.2%。", ["城镇居民收入", "农村居民收入"]),
    ("医疗保险和养老保险参保率分别达到95%、98%。", ["医疗保险参保率", "养老保险参保率"]),
    ("醫療保險和養老保險參保率分別達到95%、98%。", ["医疗保险参保率", "养老保险参保率"]),
])
def test_values_paired_with_a_list_of_subjects(text: str, names: list[str]) -> None:
    assert _quantities(text)["indicator"].tolist() == names


def test_a_quoted_term_with_a_noun_after_it_stays_whole() -> None:
    assert _row("新增“惠农贷”业务300户。", "300户")["indicator"] == "“惠农贷”业务"


def test_an_amount_held_is_not_a_share() -> None:
    assert _row("救助和补贴的部分占了大概40亿元左右。", "40亿元")["indicator"] == "救助和补贴的部分"
    assert _row("全县党员占总人口的6%。", "6%")["indicator"] == "党员占总人口的比例"


def test_a_round_sum_paid_or_earned_without_its_unit_is_money() -> None:
    text = "主席：请发言。\n甲委员：好。\n乙委员：倒卖一张券，能赚一千，这不合理。\n"
    row = _row(text, "一千")
    assert math.isclose(row["value"], 1000) and row["unit"] is None
    assert (row["indicator"] or "", row["kind"], row["status"]) == ("", "amount", "unknown")
    assert _quantities("他说一千遍也没用。").empty  # no verb of paying or earning: no amount


# -- status: the section, then the clause; the genre where there is no section -------------------

def test_a_year_written_out_is_no_five_year_horizon() -> None:
    # 一九八五年 holds 五年 and 极不平凡的五年 describes a period: neither is a plan
    text = "根据一九八五年的办法，煤炭产量达到8亿吨。\n"
    assert _row(text, "8亿吨")["status"] != "plan"
    review = "这是极不平凡的五年。全县新建学校12所。\n"
    assert _row(review, "12所")["status"] != "plan"


def test_a_weak_plan_word_does_not_outweigh_the_paragraph_s_past() -> None:
    text = "一年来，全县农民年均增收1500元。全县蔬菜面积发展到12万亩。\n"
    row = _row(text, "12万亩")
    # 一年来 decides, as the paragraph's cue or as the review section it opens (the structure
    # reader may type such a paragraph as a section of its own); never the weak 年均
    assert row["status"] == "achieved"
    assert row["status_evidence"] in ("paragraph:一年来", "section:review")


def test_a_passage_s_time_carries_to_the_paragraphs_after_it() -> None:
    text = "五年来，我们团结奋斗。\n——这是民生改善的五年。\n村内道路硬化80万平米。\n"
    assert _row(text, "80万平米")["status"] == "achieved"
    # a heading starts a new passage: the time of the one before it does not carry over
    report = (
        "一、过去五年工作回顾\n五年来，我们团结奋斗。全县变化很大。\n"
        "二、突出重点抓项目\n新建园区3个，新建厂房20栋。\n"
    )
    assert _row(report, "20栋")["status"] != "achieved"


@pytest.mark.parametrize("text", ["扩大特色养殖。年内新增养殖面积300亩。\n", "擴大特色養殖。年內新增養殖面積300畝。\n"])
def test_within_the_year_sets_this_year_s_work(text: str) -> None:
    row = _row(text, "300")
    assert (row["status"], row["indicator"]) == ("target", "养殖面积")


NOTICE = "国务院关于调整煤炭价格的通知\n国发〔1990〕1号\n"

DOCUMENT_CASES = [
    # (the document's body, the quantity's text, status)
    ("统配煤矿基数内煤炭执行国拨价，增产煤加价30%。", "30%", "unknown"),  # a price rule
    ("建议地方煤矿的维简费每吨煤提高到六元。", "六元", "unknown"),  # a levy per unit
    ("公司注册资本暂定为人民币50亿元。", "人民币50亿元", "unknown"),  # a provisional setting
    ("电厂一期建设规模按安装两台机组考虑。", "两台", "plan"),  # the scale a project is approved at
    ("目前地方煤矿的亏损面达到40%以上。", "40%", "achieved"),  # the present state of things
    ("鉴于上述三个建设项目前期工作扎实，可简化手续。", "三个", "achieved"),  # what a decision takes as given
    ("凡其所在地10公里以内没有其他热源点的机组，应予保留。", "10公里", "unknown"),  # a threshold of a class
]


@pytest.mark.parametrize(("body", "surface", "status"), DOCUMENT_CASES)
def test_an_official_document_without_sections(body: str, surface: str, status: str) -> None:
    assert _row(NOTICE + body, surface)["status"] == status


TRANSCRIPT = "主席：现在开会。\n甲委员：请教院长。\n乙院长：好。\n"

TRANSCRIPT_CASES = [
    # (what a speaker says, the quantity's text, status)
    ("丙委员：我们的疫苗采购经费快速成长3倍。", "3倍", "achieved"),  # a speaker reporting what is
    ("丙委員：我們的疫苗採購經費快速成長3倍。", "3倍", "achieved"),
    ("丁院长：燃煤比例会由现在的45%降为35%。", "35%", "plan"),  # where a policy will get
    ("主席：审查会依政党比例由甲党团推派3人组成。", "3人", "unknown"),  # a number set by a rule
    ("丙委员：如果一个人补助300元，够吗？", "300元", "unknown"),  # a hypothetical
]


@pytest.mark.parametrize(("turn", "surface", "status"), TRANSCRIPT_CASES)
def test_a_transcript_without_sections(turn: str, surface: str, status: str) -> None:
    assert _row(TRANSCRIPT + turn + "\n", surface)["status"] == status


def test_a_work_report_keeps_unknown_where_no_cue_speaks() -> None:
    # the transcript's default (a speaker reports what is) is no default of a work report
    report = "各位代表：\n现在，我代表县政府作报告。\n突出特色抓产业。\n新建冷库3座。\n"
    assert _row(report, "3座")["status"] == "unknown"
