"""Names, ranges, time frames and status on prose unlike the national reports: spoken
transcripts, lists of projects, documents whose parts are unnumbered. One made-up sentence
per rule, Simplified and (where the script matters) Traditional; none from the real material."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tests.numeric.test_reading_conventions import _quantities, _row


def _name(text: str, surface: str) -> str:
    name = _row(text, surface)["indicator"]
    return "" if pd.isna(name) else str(name)


# -- the noun a count introduces stops where the predicate starts -------------------------------

@pytest.mark.parametrize(("text", "surface", "name"), [
    ("这是两个层面相信大家都同意。", "两个", "层面"),
    ("這是兩個層面相信大家都同意。", "兩個", "层面"),
    ("这是两个部分要一起去考虑。", "两个", "部分"),
    ("3家银行向12家企业发放了贷款。", "3家", "银行"),
    ("今年完成8个村电网补强。", "8个", "村电网补强"),  # a verb closing the phrase names the activity
    ("新建9个美丽乡村要抓紧验收。", "9个", "美丽乡村"),
])
def test_a_counted_noun_stops_at_the_predicate(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name


def test_no_noun_is_counted_when_an_adverb_follows_the_count() -> None:
    assert _name("餐厅算了一下，两千桌最少有三千万元的营业额。", "两千桌") == ""


# -- names: what is stripped, what makes a name a fragment ------------------------------------

@pytest.mark.parametrize(("text", "surface", "name"), [
    ("2019年度实现脱贫退出820人。", "820人", "脱贫退出"),
    ("年底力争完成产值30亿元。", "30亿元", "产值"),
    ("确保本地区电厂（含直供电厂）煤炭库存不低于15天用量。", "15天", "电厂煤炭库存"),
    ("③投资6000万元新建文化广场。", "6000万元", "投资"),
    ("每个新生儿筛查费用是480元。", "480元", "新生儿筛查费用"),
    ("各级农业园区达到21个。", "21个", "各级农业园区"),
    ("投资2亿元的甲项目、投资1.5亿元的乙项目开工。", "1.5亿元", "投资"),
    ("老人每月可领取政府补助1,800元的津贴。", "1,800元", "津贴"),
    ("仅县属煤矿就有40%。", "40%", "县属煤矿"),
    ("当时的超收金额约在120亿元。", "120亿元", "超收金额"),
    ("今年第一季企业大量解雇案达60件。", "60件", "企业大量解雇案"),
    ("希望能将柴油的含硫量降到0.2%。", "0.2%", "柴油的含硫量"),
    ("上网电价每1000千瓦时为90元。", "90元", "上网电价"),
    ("本院委員甲某某、乙某某等12人擬具「某條例修正草案」。", "12人", "委员"),
    ("代表甲某某等30人提出议案。", "30人", "代表"),
    ("今年18项惠民工程全部完成。", "18项", "惠民工程"),  # a scope adverb before the verb
    ("辦理甲業振興及補助乙業行銷活動等3億元。", "3億元", "办理甲业振兴及补助乙业行销活动"),  # an open list's 等
    ("结合目前全省水泥每年800万吨的产能安排项目。", "800万吨", "水泥"),  # a basis (结合…)
    ("全市共有12个重点镇（街道）参加评比。", "12个", "重点镇（街道）"),  # its own brackets kept
])
def test_names_lose_frames_keep_the_thing(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name


@pytest.mark.parametrize(("text", "surface"), [
    ("可是我们自己买的、到货的只有40%。", "40%"),
    ("你能否向大家解释这160亿元的用途？", "160亿元"),
    ("甲国说中秋节前要打到六成。", "六成"),
    ("到年底每个月3,000万剂。", "3,000万剂"),
])
def test_a_clause_is_no_name(text: str, surface: str) -> None:
    assert _name(text, surface) == ""


def test_a_noun_closing_the_clause_names_an_amount_without_a_subject() -> None:
    row = _row("首当其冲的是甲市，约有52万吨缺口。", "52万吨")
    assert (row["indicator"], row["qualifier"]) == ("缺口", "approx")


def test_a_bare_magnitude_counts_the_noun_after_it() -> None:
    assert _name("为了这片土地上的1800万居民。", "1800万") == "居民"


def test_a_thousands_comma_does_not_cut_the_clause() -> None:
    text = "补助由2,000元提高到2,600元。"
    assert _name(text, "2,600元") == _name(text, "2,000元") == "补助"


# -- 分别: values paired with subjects --------------------------------------------------------

def test_urban_and_rural_pair_with_two_values() -> None:
    text = "城乡居民人均可支配收入分别增长7%和9%。"
    assert (_name(text, "7%"), _name(text, "9%")) == ("城镇居民人均可支配收入", "农村居民人均可支配收入")


def test_respectively_pairs_with_the_subjects_named_before() -> None:
    text = "城镇居民人均可支配收入达到30000元，农村居民人均纯收入达到12000元，分别比上年增长8%和10%。"
    assert (_name(text, "8%"), _name(text, "10%")) == ("城镇居民人均可支配收入", "农村居民人均纯收入")


# -- ranges and units --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "low", "high", "unit"), [
    ("开个2、3个小时的会。", "2、3个小时", 2, 3, "个小时"),
    ("開個2、3個小時的會。", "2、3個小時", 2, 3, "个小时"),
    ("走访两、三个村庄。", "两、三个", 2, 3, "个"),
])
def test_neighbouring_numbers_joined_by_a_pause_mark_are_a_range(text: str, surface: str, low: int, high: int,
                                                                  unit: str) -> None:
    row = _row(text, surface)
    assert (row["value"], row["value_max"], row["unit"], row["qualifier"]) == (low, high, unit, "range")


def test_a_list_of_numbers_is_no_range() -> None:
    assert math.isnan(_row("分为1、2、3类。", "3类")["value_max"])


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("婚宴被退了两千桌。", "两千桌", "桌"),
    ("新打机井50眼。", "50眼", "眼"),
    ("发放纪念章120枚。", "120枚", "枚"),
    ("大概就是这两部分。", "两部分", "部分"),
    ("建成农业示范区3片。", "3片", "片"),
    ("建成農業示範區3片。", "3片", "片"),
])
def test_measure_words(text: str, surface: str, unit: str) -> None:
    assert _row(text, surface)["unit"] == unit


@pytest.mark.parametrize("text", ["呈现一片繁荣景象。", "兩片樹林之間。"])
def test_a_count_noun_after_a_chinese_numeral_is_no_quantity(text: str) -> None:
    assert _quantities(text).empty


@pytest.mark.parametrize("text", ["兩個禮拜前我去了。", "两个星期后再说。", "三天前开会。", "五年后会有变化。"])
def test_a_span_before_or_after_is_a_time_frame(text: str) -> None:
    assert _quantities(text).empty


# -- status ------------------------------------------------------------------------------------

def test_an_estimate_attributed_to_a_source_is_unknown() -> None:
    row = _row("据水利部门估算，甲市约有52万吨缺口。", "52万吨")
    assert row["status"] == "unknown"


def test_an_unnumbered_review_part_makes_its_numbers_results() -> None:
    text = ("政府工作报告\n——2023年1月8日在甲县第十八届人民代表大会第二次会议上\n各位代表：\n2022年工作回顾\n"
            "全县上下团结奋斗。\n一、坚持产业发展\n绿化村庄30个，森林抚育1.5万亩。产业链更加完善。\n2023年工作安排\n"
            "一、聚焦高质量发展\n新建公园2个。服务更加便利。\n二、聚焦民生\n办好实事。群众更加满意。\n")
    assert _row(text, "1.5万亩")["status"] == "achieved"
    assert _row(text, "2个")["status"] == "target"


def test_a_bill_drafted_is_no_target() -> None:
    assert _row("本院委員甲某某等12人擬具「某條例修正草案」。", "12人")["status"] != "target"


@pytest.mark.parametrize(("text", "surface", "original"), [
    ("今年18项惠民工程全部完成。", "18项", "惠民工程"),
    ("全縣常住人口比上年增長5%。", "5%", "常住人口"),
    ("檢送「甲計畫之研擬及推動」凍結50萬元書面報告。", "50萬元", "甲計畫之研擬及推動"),
])
def test_the_original_name_is_the_name_as_written(text: str, surface: str, original: str) -> None:
    assert _row(text, surface)["indicator_original"] == original


@pytest.mark.parametrize("text", ["检送「甲计划之研拟及推动」冻结50万元书面报告。", "模拟测算需要50万元资金。"])
def test_drafting_and_simulating_are_no_target_cues(text: str) -> None:
    assert _row(text, "50万元")["status"] != "target"


@pytest.mark.parametrize(("text", "surface"), [("战机都在6分鐘內起飛。", "6分鐘內"), ("申请须在30天内办结。", "30天内")])
def test_a_time_then_within_is_a_maximum(text: str, surface: str) -> None:
    assert _row(text, surface)["qualifier"] == "max"


def test_a_count_of_internal_bodies_is_no_maximum() -> None:
    assert _row("设立5个内设机构。", "5个")["qualifier"] == "exact"


@pytest.mark.parametrize(("horizon", "expected"), [("到一九七八年", "not plan"), ("到一九八五年", "plan")])
def test_a_horizon_before_the_documents_own_year_is_no_plan(horizon: str, expected: str) -> None:
    text = f"关于甲工业的通知\n各单位：\n{horizon}，每年投资七亿元。\n甲部\n一九八一年五月四日"
    status = _row(text, "七亿元")["status"]
    assert (status == "plan") is (expected == "plan"), status


# -- totals held, comparison bases, lists of years, conditional clauses -------------------------

@pytest.mark.parametrize(("text", "surface", "name"), [
    ("全市共有规模以上企业320家。", "320家", "规模以上企业"),  # a total held: the verb is not the thing
    ("全區累計建成充電樁120個。", "120個", "充电桩"),
    ("年内建成60个以上美丽乡村。", "60个", "美丽乡村"),  # the counted noun after a bound
    ("秸秆综合利用率较2020年提高3个百分点。", "3个百分点", "秸秆综合利用率"),  # the base of a comparison
    ("继2019、2020和2021年分别建成光伏项目120万千瓦、150万千瓦和180万千瓦。", "150万千瓦", "光伏项目"),
    ("甲国2015年的游客数是520万人。", "520万人", "甲国游客数"),  # a place before a single year stays
    ("如果补贴从300元增加到500元，支出会增加。", "300元", "补贴"),  # the subject of a conditional
    ("如果補貼從300元增加到500元，支出會增加。", "500元", "补贴"),
])
def test_totals_bases_and_conditionals_leave_the_thing(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name


@pytest.mark.parametrize(("text", "surface"), [
    ("全世界每年至少有80萬人因空污而提早死亡。", "80萬人"),  # a cause after the count counts no noun
    ("仍有12万家左右未能在期限内完成申报。", "12万家"),
])
def test_a_place_or_a_cause_is_no_name(text: str, surface: str) -> None:
    assert _name(text, surface) == ""


@pytest.mark.parametrize("opening", ["其中，", "其中"])
def test_a_breakdown_takes_the_status_of_its_total(opening: str) -> None:
    text = f"2019年末，全市共有企业320家。{opening}高新技术企业85家；专精特新企业12家。"
    total = _row(text, "320家")
    assert total["status"] == "achieved"
    for part in ("85家", "12家"):
        assert (_row(text, part)["status"], _row(text, part)["status_evidence"]) == ("achieved", "previous:其中")


def test_a_breakdown_of_an_unknown_total_stays_unknown() -> None:
    text = "规定企业每年缴纳费用300元。其中，管理费100元。"
    assert _row(text, "100元")["status"] == _row(text, "300元")["status"]


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("全县6所中学全部完成改造。", "6所", "中学"),  # a scope adverb opens the predicate
    ("全年建立5个“全省率先”。", "5个", "全省率先"),  # a quoted term counted is kept as written
    ("辦理3項「示範計畫」。", "3項", "示范计划"),
    ("煤矸石利用后，可以节煤十二万吨。", "十二万吨", "节煤"),  # a modal is no part of the thing
])
def test_counted_nouns_stop_at_scope_adverbs_and_keep_quotes(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name


def test_a_name_ending_in_de_is_a_fragment_unless_it_is_a_share() -> None:
    assert _name("從下個月開始，相關的有三百多人。", "三百多人") == ""
    assert _name("服务业增加值占地区生产总值的52%。", "52%") == "服务业增加值占地区生产总值的比例"


@pytest.mark.parametrize("text", ["政府将发放五倍券刺激消费。", "某市加碼變成6倍券。"])
def test_a_voucher_named_by_a_multiple_is_no_quantity(text: str) -> None:
    assert _quantities(text).empty


def _status_in_tasks(sentence: str, surface: str) -> str:
    text = f"一、2023年工作回顾\n全年增长5%。\n二、2024年工作任务\n{sentence}\n"
    return str(_row(text, surface)["status"])


@pytest.mark.parametrize(("sentence", "surface", "status"), [
    ("“十五”期间的调控目标，年均经济增长速度为7%左右。", "7%", "plan"),  # the horizon heads the sentence
    ("“十五”期間的調控目標，年均經濟增長速度為7%左右。", "7%", "plan"),
    ("今年是“十五”期间的关键一年，今年经济增长6%。", "6%", "target"),  # the clause names this year
])
def test_a_horizon_heading_the_sentence_makes_a_plan(sentence: str, surface: str, status: str) -> None:
    assert _status_in_tasks(sentence, surface) == status


def test_a_date_figures_stand_at_is_no_horizon() -> None:
    assert _status_in_tasks("截止到2025年底，重点项目完成投资80亿元。", "80亿元") != "plan"
    assert _status_in_tasks("到2025年底，重点项目完成投资80亿元。", "80亿元") == "plan"


@pytest.mark.parametrize("text", [
    "檢送「某某制度規劃」凍結20萬元書面報告，請查照案。",
    "检送《某某发展规划纲要》执行情况，冻结经费30万元。",
])
def test_words_of_a_quoted_title_are_no_cue(text: str) -> None:
    assert _quantities(text)["status"].iloc[0] != "plan"


@pytest.mark.parametrize("text", ["排放量在PM 2.5部分排名靠前。", "改扩建G107国道10公里。", "引进AZ疫苗。"])
def test_the_number_of_a_code_is_no_quantity(text: str) -> None:
    table = _quantities(text)
    assert not any(str(t).startswith(("2.5", "107")) for t in table["text"])


def test_a_chinese_numeral_after_letters_still_counts() -> None:
    assert _row("包括莫德纳和AZ三种疫苗。", "三种")["value"] == 3


@pytest.mark.parametrize(("text", "surface", "unit", "name"), [
    ("生产一亿块粘土砖需要耗煤一万吨。", "一亿块", "亿块", "粘土砖"),  # 块 before a noun: pieces
    ("一個便當賣80塊。", "80塊", "元", None),  # 块 after a price is 元
    ("水泥二万吨，矸石砖一百万块，矸石瓦五十万片。", "一百万块", "万块", "矸石砖"),  # no money near: pieces
    ("每人都可以有一千块的住宿补助。", "一千块", "元", None),  # money after it
])
def test_kuai_counts_pieces_unless_money_is_near(text: str, surface: str, unit: str, name: str | None) -> None:
    row = _row(text, surface)
    assert row["unit"] == unit
    if name is not None:
        assert row["indicator"] == name


@pytest.mark.parametrize("text", ["当电煤价格波动幅度超过5%时，相应调整上网电价。", "一旦失業率高於6%的話，就啟動補助。"])
def test_a_condition_is_unknown(text: str) -> None:
    assert _quantities(text)["status"].iloc[0] == "unknown"


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("一九九〇年我国实际加工原油一亿吨。", "一亿吨", "实际加工原油"),  # a year in Chinese numerals
    ("获评省级“好粮油”产品2个。", "2个", "省级“好粮油”产品"),  # a verb of being awarded
    ("当电煤价格波动幅度超过5%时，相应调整电价。", "5%", "电煤价格波动幅度"),
])
def test_years_awards_and_conditions_are_no_part_of_a_name(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name


def test_the_documents_own_year_in_a_plan_passage_is_this_years_target() -> None:
    text = ("甲县政府工作报告\n——2015年2月10日在甲县第十六届人民代表大会第四次会议上\n一、2014年工作回顾\n全年增长5%。\n"
            "二、今后五年的奋斗目标\n2015年力争亿元企业达到30家，到2020年达到60家。\n")
    assert _row(text, "30家")["status"] == "target"
    assert _row(text, "60家")["status"] == "plan"


def test_a_speakers_modal_yao_is_no_target() -> None:
    text = ("主席：請發言。\n甲委員：這是兩個部分要一起去考量。\n乙部長：我們的目標是年底前接種率達到七成。\n"
            "丙委員：我們要爭取明年完成12所學校的改建。\n")
    assert _row(text, "兩個")["status"] != "target"
    assert _row(text, "七成")["status"] == "target"  # a target said as such
    assert _row(text, "12所")["status"] == "target"  # 争取: a target cue of its own


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("全县12个乡镇186个村完成改造。", "186个", "村"),  # the noun before is the last count's
    ("完成9个乡镇29个行政村7392户“光伏+电取暖”改造。", "7392户", ""),
    ("侦破九类涉恶案件11起。", "11起", "涉恶案件"),  # nothing after: the count counts the noun before
])
def test_a_count_right_after_another_counts_its_own_noun(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name
