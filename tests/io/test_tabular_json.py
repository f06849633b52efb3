"""The reader of .json: one record, a list, an object holding a list, rows of arrays; text
as lines or speaker turns; an index is skipped.  Every record here is made up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import policytext as pt

PARAGRAPH = "会议听取了关于推进县域经济高质量发展的报告，要求各部门密切配合，确保各项任务落到实处。" * 6


def _json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_one_object_is_one_document_named_after_its_file(tmp_path: Path) -> None:
    _json(tmp_path / "meeting_01.doc.json", {"title": "第1次会议纪录", "正文": PARAGRAPH, "届次": 10, "通过": True})
    c = pt.read_corpus(tmp_path)
    assert c.texts == (PARAGRAPH,) and c.problems.empty
    row = c.docvars.iloc[0]
    assert row["doc_id"] == "meeting_01.doc" and row["format"] == "json" and row["encoding"] == "utf-8"
    assert (row["title"], row["届次"], row["通过"], row["text_field"]) == ("第1次会议纪录", 10, True, "正文")


def test_speaker_turns_are_paragraphs_and_lines_stay_lines(tmp_path: Path) -> None:
    turns = [
        ["主席：现在开会。请秘书长报告出席人数。"],
        ["秘书长：报告主席，出席委员五十七人，", "  已足法定人数。"],
        [],  # a turn with nothing in it
        ["委员甲：我要就县域经济发展提出质询，", "  请院长说明今年的预算安排，", "  以及明年的目标。"],
    ]
    _json(
        tmp_path / "record.json",
        {"blocks": turns * 3, "block_lines": [1, 3, 6], "persons": ["主席", "秘书长", "委员甲"], "title": "院会纪录"},
    )
    c = pt.read_corpus(tmp_path)
    text = c.texts[0]
    assert text.startswith("主席：现在开会。请秘书长报告出席人数。\n\n秘书长：报告主席，出席委员五十七人，\n  已足法定人数。\n\n委员甲")
    assert text.count("\n\n") == 9 - 1  # nine turns with text, each starting a paragraph
    row = c.docvars.iloc[0]
    assert row["text_field"] == "blocks"  # by content: no name says so
    assert json.loads(row["persons"]) == ["主席", "秘书长", "委员甲"]  # lists become JSON text
    assert row["block_lines"] == "[1, 3, 6]"


def test_a_text_given_as_lines(tmp_path: Path) -> None:
    _json(tmp_path / "a.json", [{"id": "x1", "content": ["第一行。", "第二行。"]}, {"id": "x2", "content": []}])
    c = pt.read_corpus(tmp_path)
    assert c.texts == ("第一行。\n第二行。",)
    assert c.problems[["doc_id", "level"]].values.tolist() == [["x2", "skipped"]]


def test_a_list_of_objects_and_an_object_holding_one_list(tmp_path: Path) -> None:
    records = [{"doc_id": f"d{n}", "标题": f"第{n}号通知", "内容": PARAGRAPH, "meta": {"区": "甲"}} for n in range(3)]
    _json(tmp_path / "list.json", records)
    _json(tmp_path / "api.json", {"code": 0, "msg": "success", "data": {"total": 2, "list": records[:2]}})
    c = pt.read_corpus(tmp_path)
    dv = c.docvars.set_index("doc_id")
    # the wrapper's paging and status fields are not docvars; duplicates are renamed
    assert sorted(dv.index) == ["d0", "d0~2", "d1", "d1~2", "d2"]
    assert "code" not in dv.columns and set(dv["title"]) == {"第0号通知", "第1号通知", "第2号通知"}
    assert set(dv["meta"]) == {'{"区": "甲"}'}  # objects become JSON text


def test_a_record_with_a_list_of_objects_is_still_one_record(tmp_path: Path) -> None:
    data = {"标题": "关于印发方案的通知", "正文": PARAGRAPH, "附件": [{"名称": "附件1", "url": "a.pdf"}]}
    _json(tmp_path / "notice.json", data)
    c = pt.read_corpus(tmp_path)
    assert c.texts == (PARAGRAPH,) and json.loads(c.docvars.loc[0, "附件"])[0]["名称"] == "附件1"


@pytest.mark.parametrize(
    "data",
    [
        [["doc_0001", "第一次会议纪录"], ["doc_0002", "第二次会议纪录"], ["doc_0003", "第三次会议纪录"]],
        [{"id": "doc_0001", "title": "第一次会议纪录"}, {"id": "doc_0002", "title": "第二次会议纪录"}],
        {"version": 2, "updated": "2021-12-01"},
        [],
        "只是一个字符串",
    ],
)
def test_an_index_without_text_is_skipped_with_no_text_field(tmp_path: Path, data: Any) -> None:
    _json(tmp_path / "list.json", data)
    (tmp_path / "doc.txt").write_text(PARAGRAPH, encoding="utf-8")
    c = pt.read_corpus(tmp_path)
    assert len(c) == 1
    assert c.problems[["path", "level"]].values.tolist() == [["list.json", "skipped"]]
    assert c.problems.loc[0, "reason"].startswith("no text field")


def test_rows_of_arrays_with_a_header_are_a_table(tmp_path: Path) -> None:
    rows = [["年份", "标题", "全文"], [2019, "甲县报告", PARAGRAPH], [2020, "乙县报告", ""]]
    _json(tmp_path / "sheet.json", rows)
    c = pt.read_corpus(tmp_path)
    assert c.texts == (PARAGRAPH,) and c.docvars.loc[0, "年份"] == 2019
    assert c.problems["level"].tolist() == ["skipped"]


def test_faults_cost_only_their_record(tmp_path: Path) -> None:
    data = [
        {"text": PARAGRAPH, "n": 1},
        "not an object",
        {"text": 12345, "n": 3},
        {"text": "\ud800坏", "n": 4},
        {"text": PARAGRAPH, "n": 5},
    ]
    (tmp_path / "mixed.json").write_text(json.dumps(data), encoding="utf-8")  # \ud800 stays an escape
    (tmp_path / "broken.json").write_text('[{"text": "未闭合"', encoding="utf-8")
    c = pt.read_corpus(tmp_path)
    assert c.docvars["n"].tolist() == [1, 5]
    pr = c.problems.set_index("doc_id")
    assert pr.loc["mixed.json#2", "reason"] == "item 2: a JSON str, not an object"
    assert pr.loc["mixed.json#3", "reason"] == "item 3: the 'text' field holds a number (12345), not text"
    assert "lone surrogate" in pr.loc["mixed.json#4", "reason"]
    broken = c.problems[c.problems["path"] == "broken.json"]
    assert broken["level"].tolist() == ["error"] and "invalid JSON" in broken["reason"].iloc[0]
    assert set(c.problems["level"]) == {"error"}


def test_a_gbk_json_and_a_given_text_field(tmp_path: Path) -> None:
    data = [{"题名": "甲", "摘要": "简短的摘要。", "正文": PARAGRAPH}]
    (tmp_path / "g.json").write_bytes(json.dumps(data, ensure_ascii=False).encode("gbk"))
    c = pt.read_corpus(tmp_path, text_field="摘要")
    assert c.texts == ("简短的摘要。",) and c.docvars.loc[0, "encoding"] == "gb18030"
    assert c.docvars.loc[0, "title"] == "甲" and c.docvars.loc[0, "正文"] == PARAGRAPH
