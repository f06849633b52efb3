"""Dates from a text only where a date belongs: header, dateline, document number, the
date signed at the end, a work report's title — never a plan horizon, a historical
mention, a number in the body or a site's posting line.  Sentences are made up."""

from __future__ import annotations

import pytest

from policytext.io.doctype import doc_type
from policytext.io.textdates import (
    document_number_year,
    header_zone,
    places,
    read_evidence,
    signature_date,
    standalone_years,
    title_date,
)


def _dates(text: str, title: str | None = None) -> dict[str, object]:
    ev = read_evidence(text[:3000], text[-2000:], title)
    return {
        "header": [d.iso for d in ev.header],
        "dateline": [d.iso for d in ev.dateline],
        "number": ev.document_number,
        "signature": ev.signature.iso if ev.signature else None,
        "title": ev.title.iso if ev.title else None,
    }


NOTHING = {"header": [], "dateline": [], "number": None, "signature": None, "title": None}

# --- where a date belongs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("政府工作报告\n——2022年1月27日在青川市第三届人民代表大会第二次会议上\n青川市人民政府市长 张三\n各位代表：\n现在……",
         {"header": ["2022-01-27"]}),
        ("政府工作报告\n——２０２２年１月２７日在青川市人民代表大会会议上\n各位代表：", {"header": ["2022-01-27"]}),
        ("工作报告\n——二〇二二年一月二十七日在青川县第十八届人民代表大会第二次会议上\n各位代表：",
         {"header": ["2022-01-27"]}),
        ("工作报告\n——1981年11月30日和12月1日在某届人民代表大会第四次会议上\n各位代表：", {"header": ["1981-11-30"]}),
        ("政府工作报告\n（2023年2月12日在青川县第十九届人民代表大会第三次会议上）\n各位代表：", {"header": ["2023-02-12"]}),
        ("政府工作报告2021年2月5日在青川县人民代表大会\n第五次会议上\n县长 李四\n各位代表：", {"header": ["2021-02-05"]}),
        ("2019年1月29日青川县第二届人民代表大会第三次会议\n县长 李四\n一、工作回顾", {"header": ["2019-01-29"]}),
        ("在全市经济工作会议上的讲话\n（2021年12月28日）\n同志们：\n……", {"header": ["2021-12-28"]}),
        ("政府工作报告\n（政治协商稿）\n2003年4月7日\n各位委员：", {"header": ["2003-04-07"]}),
        ("政府工作报告2020年1月9日各位代表、同志们：现在，我代表……", {"header": ["2020-01-09"]}),
        ("第一届某会议关于某报告的决议\n（2023年3月13日第一届某代表大会第一次会议通过）\n会议听取了报告。",
         {"header": ["2023-03-13"]}),
        ("中华人民共和国国务院令第1号《某某条例》已经2005年2月2日国务院第80次常务会议通过，现予公布。",
         {"header": ["2005-02-02"]}),
        ("中華民國110年9月28日在立法院院會上的施政報告\n主席、各位委員：", {"header": ["2021-09-28"]}),
        ("2016年5月4日\n关于做好某项工作的通知\n各区县：", {"dateline": ["2016-05-04"]}),
        ("索引号：000014349/2016-00068\n成文日期：2016年05月04日\n发布日期：2016年05月09日\n关于某事的通知", {"dateline": ["2016-05-04"]}),
        ("国务院关于某事的通知国发〔2016〕12号各省、自治区人民政府：现将……印发给你们。", {"number": 2016}),
        ("……特此通知。\n国务院\n2016年5月4日", {"signature": "2016-05-04"}),
        ("……请认真贯彻执行。国务院二○○三年十一月八日（此件公开发布）", {"signature": "2003-11-08"}),
        ("……遵照执行。国 务 院一九九一年三月六日", {"signature": "1991-03-06"}),
        ("……特此通知。\n青川市人民政府办公室\n2016年5月4日\n来源：青川市政府网\n责任编辑：王五\n【打印】【关闭】",
         {"signature": "2016-05-04"}),
    ],
)
def test_where_a_date_belongs(text: str, found: dict[str, object]) -> None:
    expected = {**NOTHING, **found}
    got = _dates(text)
    assert {k: got[k] for k in expected if k != "title"} == {k: v for k, v in expected.items() if k != "title"}


@pytest.mark.parametrize(
    "text",
    [
        # plan horizons
        "青川市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n（2021—2025年）\n第一章 发展基础",
        "各位代表：\n到2030年，全市生产总值达到2000亿元；2035年远景目标全面实现。",
        "2021-2025年规划\n一、总体要求\n到2025年，基本建成……",
        # historical mentions
        "1921年7月23日中国共产党第一次全国代表大会在上海召开。此后……",
        "1949年9月21日中国人民政治协商会议第一届全体会议通过的共同纲领规定……",
        "民國27年（1938年），本縣設立……",
        "改革开放四十年来，我市发生了翻天覆地的变化。1978年以来……",
        "1958年以来，我国各族人民……取得了伟大成就。",
        # numbers and dates in the body
        "各位代表：\n现在，我代表县人民政府向大会报告工作。2021年2月5日，我们召开了动员大会。",
        "各位代表：\n一、2023年工作回顾\n2023年3月5日在全国人大会议上，总理指出……",
        # a scraping site's posting line
        "某县2019年工作报告\n时间：2023-03-30 作者：中国县域 来源：政府官网 阅读：175\n评论：0\n各位代表：",
        "关于某事的报告\n发布时间：2023年3月30日\n来源：某某网\n浏览次数：1024\n各位代表：",
        "某某讲话\n发布日期：2023-03-30 10:15\n同志们：",
        "某某讲话\n2023-03-30 10:15\n同志们：",
        # a machine's stamp (zero-padded), not a document's writing
        "某某讲话\n2023年03月30日\n同志们：",
        "……特此通知。\n2023年03月30日",
        # a date in a sentence at the end
        "……本办法自2016年5月4日起施行。",
        "……截至2020年12月31日",
        # a tag cloud at the end
        "……奋斗！\n标签云\n工作报告\n2024年政府工作报告\n2025年\n2023年\n政府信息公开",
        # a document number quoted from another document
        "关于某事的通知\n各区县：\n根据《国务院关于某事的通知》（国发〔2015〕12号）精神，现通知如下。",
    ],
)
def test_what_never_gives_a_date(text: str) -> None:
    got = _dates(text)
    assert got == NOTHING, got


def test_a_header_with_an_adoption_and_a_revision_gives_both() -> None:
    text = "某某法\n（1989年12月26日第七届某委员会第十一次会议通过　2014年4月24日第十二届某委员会第八次会议修订）\n第一条"
    assert _dates(text)["header"] == ["1989-12-26", "2014-04-24"]


def test_the_header_ends_at_the_salutation_or_the_first_sentence() -> None:
    zone = header_zone("标题\n——2022年1月27日在某会议上\n各位代表：现在……2021年2月5日在另一会议上")
    assert zone.endswith("在某会议上") and "2021" not in zone
    assert header_zone("第一句话。第二句话2021年2月5日在某会议上") == "第一句话。"


def test_document_numbers() -> None:
    assert document_number_year("国务院关于某事的通知国发〔2016〕12号各省人民政府：") == 2016
    assert document_number_year("发文字号：国办发[2013]104号") == 2013
    assert document_number_year("关于某事的通知各省：根据某文件（国发〔2015〕12号）") is None
    assert document_number_year("关于某事的通知（依据国发〔2015〕12号）") is None


# --- the signature ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tail", "iso"),
    [
        ("某部\n２０１６年５月４日", "2016-05-04"),
        ("某局\n（2016年5月4日）\n", "2016-05-04"),
        ("某部二ＯＯ六年六月十五日", "2006-06-15"),
        ("某部二〇〇六年六月十五日\n\n", "2006-06-15"),
        ("国务院办公厅二○一○年十一月二十三日", "2010-11-23"),
        ("国务院2013年7月4日（此件有删减）", "2013-07-04"),
        ("抄送：某某\n国务院办公厅　2016年5月6日印发", "2016-05-06"),
        ("某部\n2016年5月", None),  # a month is no signature
        ("于2016年5月4日", None),
        ("至2016年5月4日", None),
    ],
)
def test_signatures(tail: str, iso: str | None) -> None:
    found = signature_date(tail)
    assert (found.iso if found else None) == iso


# --- titles ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "iso"),
    [
        ("2024年政府工作报告", "2024"),
        ("2017政府工作报告", "2017"),
        ("青川市2020年政府工作报告", "2020"),
        ("2013年青川县人民政府工作报告", "2013"),
        ("2025年中华人民共和国国务院政府工作报告", "2025"),
        ("1964年国务院政府工作报告（摘要）", "1964"),
        ("２０２４年政府工作报告", "2024"),
        ("在庆祝大会上的讲话（2021年7月1日）", "2021-07-01"),
        ("2021年7月1日在庆祝大会上的讲话", "2021-07-01"),
        # years that name the period a document is about, not the year it is issued
        ("关于印发2016年工作要点的通知", None),
        ("2019年国民经济和社会发展统计公报", None),
        ("2023年度工作报告", None),
        ("2023年工作总结", None),
        ("关于2023年计划执行情况与2024年计划草案的报告", None),
        ("全国矿产资源规划（2016—2020年）", None),
        ("关于某规划（2016—2020年）的批复", None),
        ("关于2019年1月1日起调整某标准的通知", None),
        ("十四五规划和2035年远景目标纲要", None),
    ],
)
def test_titles(title: str, iso: str | None) -> None:
    found = title_date(title)
    assert (found.iso if found else None) == iso


# --- file names --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "years"),
    [
        ("2024年政府工作报告.txt", [2024]),
        ("１９８９政府工作报告_李鹏.txt", [1989]),
        ("2023-03-30_报告.txt", [2023]),
        ("十四五规划2021-2025.txt", []),
        ("规划（2021—2025年）.txt", []),
        ("2021-25规划.txt", []),
        ("2035远景目标.txt", []),
        ("2030年前碳达峰行动方案.txt", []),
        ("到2030年行动方案.txt", []),
        ("2019总结与2020计划.txt", [2019, 2020]),
        ("LCIDC01_1061701_00002.txt", []),
    ],
)
def test_file_name_years(name: str, years: list[int]) -> None:
    assert standalone_years(name) == years


# --- places ---------------------------------------------------------------------------------------------


def test_places_named_in_the_header_and_title() -> None:
    zone = header_zone("——2022年1月27日在甲乙市丙丁区第三届人民代表大会第二次会议上\n各位代表：")
    assert places(zone, []) == ("甲乙市丙丁区",)
    assert places("", ["戊己县2024年政府工作报告"]) == ("戊己县",)
    assert places("", ["2022年戊己县政府工作报告"]) == ("戊己县",)
    assert places(header_zone("——2020年1月13日在县十六届人民代表大会第四次会议上\n"), []) == ()
    assert places("", ["本县2024年政府工作报告"]) == ()


# --- doc_type ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2024年政府工作报告", "report"), ("青川市政府工作报告（摘要）", "report"),
        ("2019年国民经济和社会发展统计公报", "report"), ("行政院施政報告", "report"),
        ("第一届某代表大会第一次会议关于政府工作报告的决议", "resolution"),
        ("關於某案的決議", "resolution"),
        ("在全市经济工作会议上的讲话", "speech"), ("在某大會上的講話", "speech"), ("新年贺词", "speech"),
        ("国务院关于印发某某方案的通知", "notice"), ("国务院批转某部关于某事的报告的通知", "notice"),
        ("关于某事故的通报", "notice"), ("某某公告", "notice"),
        ("国务院关于促进某产业健康发展的若干意见", "opinion"), ("关于某事的指导意见", "opinion"),
        ("某市十四五规划（2021—2025年）", "plan"), ("某某行动计划", "plan"), ("某某实施方案", "plan"),
        ("某某发展纲要", "plan"), ("某某工作要点", "plan"),
        ("电力监管条例", "regulation"), ("某某管理办法", "regulation"), ("某某辦法", "regulation"),
        ("关于某事的若干规定", "regulation"), ("某某实施细则", "regulation"),
        ("中华人民共和国电力法", "law"), ("某某法（2018年修正）", "law"),
        ("国务院关于修改《某条例》的决定", "decision"), ("國務院關於某事的決定", "decision"),
        ("国务院关于某事的批复", "letter"), ("国务院办公厅关于某事的复函", "letter"),
        ("关于某事的函", "letter"),
        ("某工作会议纪要", "record"), ("立法院第9屆第3會期第1次會議紀錄", "record"),
        ("某某会议记录", "record"),
        ("某某研究", "other"),
    ],
)
def test_doc_type_from_the_title(title: str, kind: str) -> None:
    assert doc_type(title) == kind


def test_doc_type_from_the_header_when_the_title_says_nothing() -> None:
    assert doc_type(None, "——在全县经济工作会议上的讲话\n同志们：") == "speech"
    assert doc_type(None, "政府工作报告\n——2022年1月27日在某会议上") == "report"
    assert doc_type(None, "某会议关于某报告的决议\n会议听取……") == "resolution"
    assert doc_type(None, "各位代表：") is None
    assert doc_type("", "") is None
