"""Which column is the text, the title and the id, in every reader of tables; literal
escapes; TSV.  Every table here is made up."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
from policytext.io import columns as cols
from policytext.io.columns import (
    choose_fields,
    find_header,
    table_records,
    text_value,
    unescape_literals,
)

# made-up sentences: a paragraph of about 300 characters, titles of 15-25, ids of 8
PARAGRAPH = "各地区各部门要坚持稳中求进工作总基调，扎实推进乡村振兴和城乡融合发展，持续改善基础设施条件。" * 7
SHORT_TEXT = "要完善政策。"
TITLES = [f"关于推进第{n}批县域产业园区建设的通知" for n in range(1, 13)]
IDS = [f"DOC{n:05d}" for n in range(1, 13)]


def _rows(**columns: list[object]) -> list[dict[str, object]]:
    names = list(columns)
    return [dict(zip(names, values)) for values in zip(*columns.values())]


# --- the name list --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "text", "Text", "TEXT", " text ", "Full Text", "full-text", "FULL_TEXT", "fulltext",
        "Policy Content", "policy-content", "Policy_Content", "body", "Body", "content",
        "正文", "全文", "内容", "內容", "报告全文", "報告全文", "文本", "文章内容", "原文",
        "Article", "article_body", "Article Body", "Ｔｅｘｔ",
    ],
)
def test_a_column_named_like_a_text_is_the_text_whatever_its_spelling(name: str) -> None:
    rows = _rows(**{"编号": IDS, name: [SHORT_TEXT] * 12, "备注": [PARAGRAPH] * 12})
    choice = choose_fields(list(rows[0]), rows)
    # the name wins even over a longer column: the name says what the column is
    assert (choice.text, choice.rule) == (name, "name")


def test_names_of_the_whole_text_come_before_generic_ones_and_exact_before_normalised() -> None:
    assert choose_fields(["内容", "全文"]).text == "全文"
    assert choose_fields(["content", "full_text"]).text == "full_text"
    assert choose_fields(["Text", "text"]).text == "text"


def test_a_named_column_with_nothing_in_it_is_passed_over() -> None:
    rows = _rows(content=[""] * 12, 标题=TITLES, 说明=[PARAGRAPH] * 12)
    choice = choose_fields(list(rows[0]), rows)
    assert (choice.text, choice.rule) == ("说明", "content")
    # …unless no column holds text at all: the named column stays, and its rows are skipped
    rows = _rows(content=[""] * 12, 标题=TITLES)
    assert choose_fields(list(rows[0]), rows).text == "content"


def test_the_name_lists_and_minimums_live_in_one_module() -> None:
    for name in ("text", "content", "full_text", "fulltext", "body", "policy_content", "正文", "全文",
                 "内容", "報告全文", "报告全文", "文本", "文章内容", "原文", "內容", "article", "article_body"):
        assert name in cols.TEXT_NAMES
    for name in ("title", "标题", "標題", "报告标题", "policy", "name", "题名", "文件名称"):
        assert name in cols.TITLE_NAMES
    assert cols.MIN_TEXT_MEDIAN == 200 and cols.ID_NAMES[:2] == ("doc_id", "id")


# --- by content: the minimum median length ------------------------------------------------


def test_titles_and_ids_are_never_the_text_even_with_more_chinese_in_total() -> None:
    # 12 titles hold more Han characters than the two paragraphs, but a title is no text
    rows = _rows(编号=IDS, 名目=TITLES, 说明=[PARAGRAPH, PARAGRAPH] + [""] * 10)
    choice = choose_fields(list(rows[0]), rows)
    assert (choice.text, choice.rule) == ("说明", "content")
    rows = _rows(编号=IDS, 名目=TITLES)
    assert choose_fields(list(rows[0]), rows).text is None


def test_among_long_columns_the_one_with_most_chinese_wins() -> None:
    english = "The State Council issued guidelines on rural revitalisation and county industry. " * 6
    rows = _rows(remarks=[english] * 12, 详情=[PARAGRAPH] * 12)
    assert choose_fields(list(rows[0]), rows).text == "详情"


def test_a_table_without_a_text_column_is_skipped_with_the_reason(tmp_path: Path) -> None:
    pd.DataFrame({"编号": IDS, "名目": TITLES}).to_csv(tmp_path / "index.csv", index=False)
    c = pt.read_corpus(tmp_path)
    assert len(c) == 0
    assert c.problems[["path", "level"]].values.tolist() == [["index.csv", "skipped"]]
    assert c.problems.loc[0, "reason"].startswith("no text field")


# --- the title --------------------------------------------------------------------------------


def test_a_title_named_column_becomes_the_title_docvar_and_stays_itself(tmp_path: Path) -> None:
    pd.DataFrame({"Policy": TITLES[:3], "Policy_Content": [PARAGRAPH] * 3, "Year": ["2019"] * 3}).to_csv(
        tmp_path / "p.csv", index=False
    )
    dv = pt.read_corpus(tmp_path).docvars
    assert dv["title"].tolist() == dv["Policy"].tolist() == TITLES[:3]
    assert set(dv["text_field"]) == {"Policy_Content"}


def test_without_a_title_name_the_shortest_column_naming_things_is_the_title() -> None:
    rows = _rows(
        文号=[f"国发〔2019〕{n}号" for n in range(1, 13)],  # mostly digits and brackets: a number
        地区=["河北"] * 12,  # a category, not a name of each document
        名目=TITLES,
        摘要=[t + "，明确了园区建设的目标任务、主要措施和保障条件，请结合实际认真贯彻执行。" for t in TITLES],
        详情=[PARAGRAPH] * 12,
    )
    choice = choose_fields(list(rows[0]), rows)
    assert (choice.text, choice.title) == ("详情", "名目")


# --- given ------------------------------------------------------------------------------------


def test_text_field_overrides_the_choice_and_a_missing_one_is_an_error(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "text": [SHORT_TEXT, SHORT_TEXT], "note": ["备注甲。", "备注乙。"]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    c = pt.read_corpus(tmp_path, text_field="note")
    assert c.texts == ("备注甲。", "备注乙。") and set(c.docvars["text_field"]) == {"note"}
    # the usual text column is a docvar, under meta_ because the documents table has its own "text"
    assert c.docvars["meta_text"].tolist() == [SHORT_TEXT, SHORT_TEXT]
    c = pt.read_corpus(tmp_path, text_field="正文")
    assert len(c) == 0 and c.problems.loc[0, "level"] == "error"
    assert "no text field '正文'" in c.problems.loc[0, "reason"]


def test_the_choice_is_logged_once_per_table(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pd.DataFrame({"标题": TITLES, "Full Text": [PARAGRAPH] * 12}).to_csv(tmp_path / "t.csv", index=False)
    with caplog.at_level(logging.INFO, logger="policytext.io"):
        c = pt.read_corpus(tmp_path)
    notes = [r.getMessage() for r in caplog.records if r.name == "policytext.io"]
    assert notes == ["t.csv: text from column 'Full Text' (by its name), title from '标题'"]
    assert len(c) == 12 and set(c.docvars["text_field"]) == {"Full Text"}


# --- every tabular format --------------------------------------------------------------------


ESCAPED = "第一段。\\r\\n第二段。\\n第三段\\t完。路径D:\\\\new保持不变。" + PARAGRAPH
UNESCAPED = "第一段。\n第二段。\n第三段\t完。路径D:\\\\new保持不变。" + PARAGRAPH


def _write(frame: pd.DataFrame, path: Path) -> Path:
    fmt = path.suffix
    if fmt == ".csv":
        frame.to_csv(path, index=False)
    elif fmt == ".tsv":
        frame.to_csv(path, index=False, sep="\t")
    elif fmt == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in frame.to_dict("records")), "utf-8")
    elif fmt == ".json":
        path.write_text(json.dumps(frame.to_dict("records"), ensure_ascii=False), "utf-8")
    elif fmt == ".parquet":
        frame.to_parquet(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".jsonl", ".json", ".parquet"])
def test_every_tabular_reader_infers_the_column_and_unescapes(tmp_path: Path, suffix: str) -> None:
    frame = pd.DataFrame(
        {"编号": IDS[:3], "名目": TITLES[:3], "说明": [ESCAPED, PARAGRAPH, ""], "备注": ["甲\\n乙", "", ""]}
    )
    c = pt.read_corpus(_write(frame, tmp_path / f"t{suffix}"))
    assert c.texts == (UNESCAPED, PARAGRAPH)
    dv = c.docvars
    assert dv["text_field"].tolist() == ["说明", "说明"] and dv["title"].tolist() == TITLES[:2]
    assert dv["备注"].tolist()[0] == "甲\\n乙"  # other fields are left as they are
    assert c.problems["level"].tolist() == ["skipped"]
    assert "the '说明' field is empty" in c.problems.loc[0, "reason"]


def test_unescape_literals() -> None:
    assert unescape_literals("甲\\r\\n乙\\r丙\\n丁\\t戊") == "甲\n乙\n丙\n丁\t戊"
    assert unescape_literals("C:\\\\new\\\\table") == "C:\\\\new\\\\table"  # escaped backslashes stay
    assert unescape_literals("没有转义。") == "没有转义。"


def test_tsv_is_read_with_tabs(tmp_path: Path) -> None:
    (tmp_path / "t.tsv").write_text(f"id\ttext\tregion\na1\t{PARAGRAPH}\t河北,保定\n", encoding="gb18030")
    c = pt.read_corpus(tmp_path)
    assert c.texts == (PARAGRAPH,) and c.docvars.loc[0, "region"] == "河北,保定"
    assert c.docvars.loc[0, "format"] == "tsv" and c.docvars.loc[0, "doc_id"] == "a1"


def test_text_value_joins_lines_and_turns() -> None:
    assert text_value(["第一行", "第二行"]) == "第一行\n第二行"
    assert text_value([["主席：开会。", "  续行。"], [], ["委员：发言。"]]) == "主席：开会。\n  续行。\n\n委员：发言。"
    assert text_value([1, 10, 11]) is None and text_value(3) is None and text_value({"a": "b"}) is None


def test_find_header_after_title_rows_and_without_a_header() -> None:
    rows = [
        ["2024年各县政府工作报告汇总", None, None, None],
        [None, None, None, None],
        ["年份", "县名", "标题", "全文"],
        [2024, "甲县", "甲县政府工作报告", PARAGRAPH],
    ]
    assert find_header(rows) == 2
    names, records = table_records(rows)
    assert names == ["年份", "县名", "标题", "全文"] and [i for i, _ in records] == [3]
    headless = [[1, "甲县", PARAGRAPH], [2, "乙县", PARAGRAPH]]
    assert find_header(headless) is None
    names, records = table_records(headless)
    assert names == ["A", "B", "C"] and len(records) == 2
    # short metadata cells around one text: still a record, not a header
    wide = [["甲县", "2019", "短标题", "区县级", "保定", "河北", PARAGRAPH], ["乙县", "2020", "标题", "区县级", "保定", "河北", ""]]
    assert find_header(wide) is None and len(table_records(wide)[1]) == 2
