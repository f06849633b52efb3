"""Document structure: numbered headings, their levels and spans, section types, split."""

from __future__ import annotations

import pandas as pd
import pytest

import policytext as pt

REPORT = (
    "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n"
    "一、2023年工作回顾\n过去一年，经济回升向好。\n（一）着力扩大国内需求。消费拉动增长。\n（二）稳定就业。新增就业1200万人。\n"
    "二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：地区生产总值增长5.5%左右。\n"
    "三、2024年政府工作任务\n（一）大力推进现代化产业体系建设。\n1．推动产业链供应链优化升级。\n2．积极培育新兴产业。\n"
    "（二）深入实施科教兴国战略。\n四、切实加强政府自身建设\n各位代表！\n"
)


def test_headings_levels_and_spans() -> None:
    s = pt.sections(REPORT)
    assert s["number"].tolist() == ["一、", "（一）", "（二）", "二、", "三、", "（一）", "1．", "2．", "（二）", "四、"]
    assert s["level"].tolist() == [1, 2, 2, 1, 1, 2, 3, 3, 2, 1]
    for row in s.itertuples():
        assert REPORT[row.start : row.end].startswith(row.number + row.heading)
    first, second = s.iloc[0], s.iloc[3]
    assert first.end == second.start  # a section runs to the next heading of its level
    assert s.iloc[1].parent == 0 and s.iloc[6].parent == 5 and first.parent == -1


def test_section_types_and_their_cues() -> None:
    s = pt.sections(REPORT)
    assert s["section_type"].tolist() == ["review", "review", "review", "tasks", "tasks", "tasks", "tasks", "tasks", "tasks",
                                          "government"]
    assert s["cue"].iloc[0] == "heading:回顾" and s["cue"].iloc[1] == "parent"


def test_a_numbered_line_out_of_sequence_is_not_a_heading() -> None:
    text = "一、总体要求\n正文。\n三、这一行不接续编号\n二、主要任务\n正文。"
    assert pt.sections(text)["number"].tolist() == ["一、", "二、"]


@pytest.mark.parametrize(("text", "numbers", "levels"), [
    ("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于全省。\n第二章 附则\n第三条 本办法自发布之日起施行。",
     ["第一章", "第一条", "第二条", "第二章", "第三条"], [1, 2, 2, 1, 2]),
    ("（一）總體要求\n內容。\n（二）主要任務\n（1）加強管理。\n（2）完善制度。", ["（一）", "（二）", "（1）", "（2）"], [1, 1, 2, 2]),
    ("一、过去五年工作回顾\n①经济增长。\n②民生改善。\n二、今后五年目标", ["一、", "①", "②", "二、"], [1, 2, 2, 1]),
])
def test_heading_styles_in_both_scripts(text: str, numbers: list[str], levels: list[int]) -> None:
    s = pt.sections(text)
    assert s["number"].tolist() == numbers and s["level"].tolist() == levels


def test_a_document_without_headings_falls_back_to_paragraph_cues() -> None:
    text = "同志们：\n过去一年，我们完成了各项任务。\n全年增长6%。\n今年要继续努力，预期增长5%左右。\n今后五年，要实现翻番。"
    s = pt.sections(text)
    assert s["section_type"].tolist() == ["review", "tasks", "plan"]
    assert s["cue"].str.startswith("paragraph:").all() and (s["number"] == "").all()


def test_headings_that_look_back_and_ahead_leave_the_sentences_to_decide() -> None:
    s = pt.sections("一、2024年工作回顾和2025年工作安排\n正文。\n二、今年以来工作情况\n正文。")
    assert s["section_type"].tolist() == ["other", "review"]


def test_split_gives_a_corpus_of_sections_with_the_parents_docvars() -> None:
    corpus = pt.Corpus([REPORT], pd.DataFrame({"doc_id": ["r2024"], "year": [2024]}))
    parts = pt.split(corpus)
    dv = parts.docvars
    assert dv["number"].tolist() == ["", "一、", "二、", "三、", "四、"]  # the preamble, then the top-level sections
    assert (dv["year"] == 2024).all() and (dv["parent_id"] == "r2024").all()
    assert "".join(parts.texts) == REPORT
    for text, start, end in zip(parts.texts, dv["start"], dv["end"]):
        assert REPORT[start:end] == text
    assert set(pt.keywords(parts, top=3)["doc_id"]) <= set(dv["doc_id"])


def test_unnumbered_part_headings_type_the_sections_under_them() -> None:
    body = "产业加快发展。结构持续优化。"
    text = ("——2023年1月8日在甲县第十八届人民代表大会第二次会议上\n各位代表：\n2022年工作回顾\n一年来成绩显著。\n"
            f"一、坚持产业发展，制造业加快起势\n{body}\n二、坚持改革开放\n{body}\n2023年工作安排\n"
            f"一、聚焦高质量发展\n{body}\n")
    s = pt.sections(text)
    assert s["section_type"].tolist() == ["review", "review", "tasks"]
    assert s["cue"].str.startswith("part:").all()
    assert len(s) == 3  # the unnumbered part headings are no rows of their own


@pytest.mark.parametrize(("heading", "kind"), [
    ("回顾“十三五”，全面建成小康社会取得决定性成就", "review"),
    ("接续奋斗2021年，加快建设经济强县", "tasks"),
    ("砥砺奋进2020年，脱贫攻坚取得全胜", "review"),
])
def test_headings_that_look_back_on_a_period_or_name_the_year(heading: str, kind: str) -> None:
    body = "产业加快发展。结构持续优化。"
    text = f"——2021年2月5日在甲县人民代表大会上\n一、{heading}\n{body}\n二、其他\n{body}\n"
    assert pt.sections(text)["section_type"].iloc[0] == kind


def test_a_paragraph_dated_this_year_is_not_this_years_work() -> None:
    text = "主席：请发言。\n今年6月8日我在报告中提到，疫苗已到位。\n甲委员：好。\n"
    assert (pt.sections(text)["section_type"] != "tasks").all()


@pytest.mark.parametrize("heading", [
    "綜上所述，建請行政院研議提出具體方案，並函覆說明本案後續相關規劃。",  # the cue in a later clause
    "對此，經濟部是否已規劃相關措施減低衝擊？",
    "本院委員甲某某等16人擬具「某某法第六十五條條文修正草案」，請審議案。",  # 十五 inside 六十五
    "委託某公司辦理的身分證規劃案，已提供相關內容。",  # a project called a 规划案
])
def test_a_numbered_paragraph_is_typed_by_its_first_clause_only(heading: str) -> None:
    text = f"一、{heading}\n正文。\n二、其他事項\n正文。\n"
    assert pt.sections(text)["section_type"].iloc[0] != "plan"


def test_a_heading_whose_first_clause_names_the_plan_period_is_a_plan() -> None:
    text = "一、展望“十五五”，奋力开创新局面\n正文。\n二、其他\n正文。\n"
    assert pt.sections(text)["section_type"].iloc[0] == "plan"
