"""date, year, year_source, year_note, date_signed and doc_type on archives made up here:
metadata first, the text only where a date belongs, conflicts warned, values that cannot
be read kept as written."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

import policytext as pt
from policytext.io import scan_archive
from policytext.io.docvars import HEAD_CHARS, TAIL_CHARS, compile_pattern

BODY = "各位代表：\n现在，我代表县人民政府向大会报告工作。到2030年，全县生产总值翻一番。1958年以来……\n"


def _csv(path: Path, rows: list[dict[str, object]]) -> Path:
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def _warnings(corpus: pt.Corpus) -> dict[str, list[str]]:
    p = corpus.problems[corpus.problems["level"] == "warning"]
    out: dict[str, list[str]] = {}
    for doc_id, reason in zip(p["doc_id"], p["reason"]):
        out.setdefault(str(doc_id), []).append(reason)
    return out


def test_date_columns_in_every_form(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "正文。", "Publish Date": "2019-03-05"},
        {"id": "b", "text": "正文。", "Publish Date": "2019年3月5日"},
        {"id": "c", "text": "正文。", "Publish Date": "二○○三年十一月八日"},
        {"id": "d", "text": "正文。", "Publish Date": "2019/3"},
        {"id": "e", "text": "正文。", "Publish Date": "三月五日"},
        {"id": "f", "text": "正文。", "Publish Date": ""},
    ]
    c = pt.read_corpus(_csv(tmp_path / "t.csv", rows))
    dv = c.docvars.set_index("doc_id")
    assert dv["date"].tolist() == ["2019-03-05", "2019-03-05", "2003-11-08", "2019-03", None, None]
    assert dv["year"].tolist()[:4] == [2019, 2019, 2003, 2019] and dv["year"].isna().tolist()[4:] == [True, True]
    assert dv.loc["a", "year_source"] == "column" and dv.loc["e", "year_source"] is None
    assert dv.loc["e", "Publish Date"] == "三月五日"  # kept as written in its own column
    assert dv.loc["e", "year_note"] and dv.loc["f", "year_note"]
    w = _warnings(c)
    assert list(w) == ["e"] and "'三月五日'" in w["e"][0] and "Publish Date" in w["e"][0]


def test_a_column_named_date_keeps_unreadable_values_beside(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "正文。", "date": "2019.03.05"}, {"id": "b", "text": "正文。", "date": "上周"}]
    dv = pt.read_corpus(_csv(tmp_path / "t.csv", rows)).docvars
    assert dv["date"].tolist() == ["2019-03-05", None]
    assert dv["date_original"].tolist() == ["2019.03.05", "上周"]


def test_ambiguous_dates_are_flagged_not_guessed(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "正文。", "date": "02/04/2009"}, {"id": "b", "text": "正文。", "date": "03/05/2010"}]
    c = pt.read_corpus(_csv(tmp_path / "t.csv", rows))
    assert c.docvars["date"].tolist() == ["2009", "2010"] and c.docvars["year"].tolist() == [2009, 2010]
    w = _warnings(c)
    assert "'02/04/2009'" in w["a"][0] and "ambiguous" in w["a"][0]
    # a value whose day is above 12 settles the column's order
    rows.append({"id": "c", "text": "正文。", "date": "25/12/2011"})
    c = pt.read_corpus(_csv(tmp_path / "t.csv", rows))
    assert c.docvars["date"].tolist() == ["2009-04-02", "2010-05-03", "2011-12-25"] and not _warnings(c)


def test_excel_serials_only_in_date_named_columns(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "正文。", "印发日期": 43529, "区县代码": 130607, "字数": 44562}]
    pd.DataFrame(rows).to_parquet(tmp_path / "t.parquet")
    dv = pt.read_corpus(tmp_path / "t.parquet").docvars
    assert dv.loc[0, "date"] == "2019-03-05" and dv.loc[0, "year"] == 2019


def test_content_detection_takes_date_shapes_never_numbers(tmp_path: Path) -> None:
    rows = [
        {"id": f"r{i}", "text": "正文。", "code": 130600 + i, "words": 13957 + i, "serial": 44562 + i,
         "year_like": 2019, "when": f"2020-0{i + 1}-1{i}"}
        for i in range(4)
    ]
    pd.DataFrame(rows).to_parquet(tmp_path / "t.parquet")
    dv = pt.read_corpus(tmp_path / "t.parquet").docvars
    assert dv["date"].tolist() == ["2020-01-10", "2020-02-11", "2020-03-12", "2020-04-13"]
    # and without the date-shaped column, no code, count, serial or number is a date
    pd.DataFrame(rows).drop(columns="when").to_parquet(tmp_path / "t.parquet")
    dv = pt.read_corpus(tmp_path / "t.parquet").docvars
    assert dv["date"].isna().all() and dv["year"].isna().all()
    assert (dv["year_note"] == "no date in the metadata or where a date belongs in the text").all()


def test_year_columns_and_roc_years(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "正文。", "年份": "2019.0"},
        {"id": "b", "text": "正文。", "年份": "二〇二〇年"},
        {"id": "c", "text": "正文。", "年份": "2021-2025"},
    ]
    c = pt.read_corpus(_csv(tmp_path / "t.csv", rows))
    assert c.docvars["year"].tolist()[:2] == [2019, 2020] and pd.isna(c.docvars["year"][2])
    assert "span of years" in _warnings(c)["c"][0]
    roc = [{"id": "a", "text": "正文。", "年度": 106}, {"id": "b", "text": "正文。", "年度": 110}]
    assert pt.read_corpus(_csv(tmp_path / "r.csv", roc)).docvars["year"].tolist() == [2017, 2021]


def test_roc_dates_in_nested_records(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "主席：現在開會。", "時間": "中華民國106年2月17日（星期五）上午10時1分"},
        {"id": "b", "text": "主席：現在開會。", "時間": "中華民國110年9月28日（星期二）上午9時2分"},
    ]
    (tmp_path / "t.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    dv = pt.read_corpus(tmp_path / "t.jsonl").docvars
    assert dv["date"].tolist() == ["2017-02-17", "2021-09-28"]


def test_the_column_stays_when_the_header_disagrees(tmp_path: Path) -> None:
    text = "政府工作报告\n——2022年1月27日在甲乙县第三届人民代表大会第二次会议上\n" + BODY
    rows = [
        {"id": "a", "text": text, "年份": 2024, "区县名称": "甲乙"},
        {"id": "b", "text": text, "年份": 2022, "区县名称": "乙"},  # 乙县 is not 甲乙县
        {"id": "c", "text": text, "年份": 2022, "区县名称": "甲乙县"},
    ]
    c = pt.read_corpus(_csv(tmp_path / "t.csv", rows))
    dv = c.docvars.set_index("doc_id")
    assert dv["year"].tolist() == [2024, 2022, 2022] and set(dv["year_source"]) == {"column"}
    assert dv["date"].tolist() == ["2024", "2022-01-27", "2022-01-27"]
    w = _warnings(c)
    assert sorted(w) == ["a", "b"]
    assert "2024" in w["a"][0] and "2022-01-27" in w["a"][0]
    assert "'乙'" in w["b"][0] and "'甲乙县'" in w["b"][0]


def test_region_columns_compare_at_their_level(tmp_path: Path) -> None:
    text = "政府工作报告\n——2022年1月27日在甲市乙区第三届人民代表大会第二次会议上\n" + BODY
    rows = [
        {"id": "a", "text": text, "province": "丙省", "city": "甲", "county": "乙"},  # no province named
        {"id": "b", "text": text, "province": "丙省", "city": "丁", "county": "乙"},
    ]
    w = _warnings(pt.read_corpus(_csv(tmp_path / "t.csv", rows)))
    assert list(w) == ["b"] and "'丁'" in w["b"][0]


def test_text_files_take_their_year_from_where_a_date_belongs(tmp_path: Path) -> None:
    files = {
        "header.txt": "政府工作报告\n——二〇二二年一月二十七日在某县第三届人民代表大会第二次会议上\n" + BODY,
        "signed.txt": "关于某事的通知\n各乡镇：\n现将有关事项通知如下。2035年远景目标……\n某县人民政府\n2016年5月4日\n",
        "title.txt": "某县2024年政府工作报告\n" + BODY,
        "none.txt": "关于某事的报告\n" + BODY,
        "posting.txt": "某县工作报告\n时间：2023-03-30 作者：某网 来源：政府官网 阅读：175\n" + BODY,
        "horizon2021-2025.txt": "某县十四五规划\n" + BODY,
        "clash.txt": "某县2024年政府工作报告\n——2022年1月24日在某县人民代表大会第二次会议上\n" + BODY,
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    dv = pt.read_corpus(tmp_path).docvars.set_index("doc_id")
    got = {d: (dv.loc[d, "year"] if pd.notna(dv.loc[d, "year"]) else None, dv.loc[d, "year_source"]) for d in dv.index}
    assert got == {
        "clash": (None, None), "header": (2022, "header"), "horizon2021-2025": (None, None),
        "none": (None, None), "posting": (None, None), "signed": (2016, "signature"),
        "title": (2024, "title"),
    }
    assert dv.loc["header", "date"] == "2022-01-27" and dv.loc["signed", "date_signed"] == "2016-05-04"
    assert dv.loc["none", "year_note"] == "no date in the metadata or where a date belongs in the text"
    assert "header 2022-01-24" in dv.loc["clash", "year_note"] and "title 2024" in dv.loc["clash", "year_note"]
    assert dv.loc["header", "doc_type"] == "report" and dv.loc["signed", "doc_type"] == "notice"


def test_file_names_and_patterns(tmp_path: Path) -> None:
    (tmp_path / "2019年工作报告.txt").write_text("正文。", "utf-8")
    (tmp_path / "LCIDC01_1061701_00002.txt").write_text("正文。", "utf-8")
    dv = pt.read_corpus(tmp_path).docvars.set_index("doc_id")
    assert dv.loc["2019年工作报告", "year"] == 2019 and dv.loc["2019年工作报告", "year_source"] == "file name"
    assert pd.isna(dv.loc["LCIDC01_1061701_00002", "year"])
    assert compile_pattern("LCIDC01_{roc_year}*.txt").fullmatch("LCIDC01_1061701_00002.txt") is not None
    dv = pt.read_corpus(tmp_path / "LCIDC01_1061701_00002.txt", pattern="LCIDC01_{roc_year}*.txt").docvars
    assert dv.loc[0, "year"] == 2017 and dv.loc[0, "year_source"] == "file name"
    (tmp_path / "2021-2025规划.txt").write_text("正文。", "utf-8")
    dv = pt.read_corpus(tmp_path / "2021-2025规划.txt", pattern="{year}*.txt").docvars
    assert pd.isna(dv.loc[0, "year"])  # a plan's horizon is no year, even through {year}


def test_sidecar_years_say_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("正文。", "utf-8")
    (tmp_path / "metadata.csv").write_text("file,year\na.txt,2019\n", "utf-8")
    dv = pt.read_corpus(tmp_path).docvars
    assert dv.loc[0, "year"] == 2019 and dv.loc[0, "year_source"] == "sidecar"


def test_year_from_header_false_reads_no_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("政府工作报告\n——2022年1月27日在某会议上\n各位代表：", "utf-8")
    dv = pt.read_corpus(tmp_path, year_from_header=False).docvars
    assert pd.isna(dv.loc[0, "year"]) and "year_from_header=False" in dv.loc[0, "year_note"]


def test_scan_archive_keeps_head_and_tail_and_sees_the_end(tmp_path: Path) -> None:
    body = "各位代表：\n" + "发展经济，保障民生。" * 2000  # 20,000 characters
    (tmp_path / "long.txt").write_text("关于某事的通知\n" + body + "\n某县人民政府\n2016年5月4日\n", "utf-8")
    (tmp_path / "short.txt").write_text("短文。", "utf-8")
    archive = scan_archive(tmp_path)
    corpus = pt.read_corpus(tmp_path)
    pd.testing.assert_frame_equal(archive.docvars, corpus.docvars)
    head, tail = archive.edges[0]
    text = corpus.texts[0]
    assert (HEAD_CHARS, TAIL_CHARS) == (3000, 2000)
    assert head == text[:3000] and tail == text[-2000:] and archive.edges[1] == ("短文。", "短文。")
    assert archive.docvars.loc[0, "date_signed"] == "2016-05-04" and archive.docvars.loc[0, "year"] == 2016
    assert pt.io.Archive.from_corpus(corpus).edges == archive.edges


def test_a_given_doc_type_or_date_signed_is_kept(tmp_path: Path) -> None:
    rows = [{"id": "a", "text": "某部\n2016年5月4日", "title": "某通知", "date_signed": "2016年5月3日"}]
    dv = pt.read_corpus(_csv(tmp_path / "t.csv", rows)).docvars
    assert dv.loc[0, "date_signed"] == "2016年5月3日" and dv.loc[0, "date"] == "2016-05-03"
    (tmp_path / "a.txt").write_text("关于某事的通知\n各区县：", "utf-8")
    (tmp_path / "metadata.csv").write_text("file,doc_type\na.txt,mine\n", "utf-8")
    dv = pt.read_corpus(tmp_path / "a.txt", metadata=tmp_path / "metadata.csv").docvars
    assert dv.loc[0, "doc_type"] == "mine"
