"""Faults stay where they are: a bad file name, a bad JSON line or a ragged CSV row costs only
itself; skipped is not failed; an output folder inside the input is never read."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
import policytext.io as pio
from tests.conftest import shared_path

GCCMPD = "corpora/gccmpd-gov-prc/GOV_PRC.csv"


def _storable(frame: pd.DataFrame) -> None:
    """Docvars and problems go to CSV and Parquet downstream: both must accept them."""
    frame.to_csv(io.BytesIO(), index=False, encoding="utf-8")
    frame.to_parquet(io.BytesIO())


def _bytes_name(folder: Path, name: bytes, data: bytes) -> str:
    """Create a file whose name is not valid UTF-8; its OS path as Python spells it."""
    if sys.platform in ("darwin", "win32"):
        pytest.skip("the file system only takes valid Unicode names")
    target = os.path.join(os.fsencode(folder), name)
    try:
        with open(target, "wb") as f:
            f.write(data)
    except OSError as exc:
        pytest.skip(f"the file system refuses the name: {exc}")
    return os.fsdecode(target)


# --- file names ----------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    real = _bytes_name(tmp_path, b"\xff\xfe2020.txt", "二〇二〇年的报告正文。".encode())
    sub = os.path.join(os.fsencode(tmp_path), b"\xb1\xa8")  # 报 in GBK: a GBK-named folder
    os.mkdir(sub)
    with open(os.path.join(sub, b"note.txt"), "wb") as f:
        f.write("文件夹名不是UTF-8。".encode())
    _bytes_name(tmp_path, b"\xfe.png", b"\x89PNG\r\n\x1a\n")
    (tmp_path / "ok.txt").write_text("正常的文件。", encoding="utf-8")

    c = pt.read_corpus(tmp_path)
    dv = c.docvars
    # in the order of the real names (undecodable bytes sort after every character)
    assert dv["path"].tolist() == ["ok.txt", "\\xb1\\xa8/note.txt", "\\xff\\xfe2020.txt"]
    assert dv["doc_id"].tolist() == ["ok", "\\xb1\\xa8/note", "\\xff\\xfe2020"]
    assert c["\\xff\\xfe2020"].text == "二〇二〇年的报告正文。"
    assert dv.set_index("doc_id").loc["\\xff\\xfe2020", "year"] == 2020  # from the name
    assert c.problems[["path", "level"]].values.tolist() == [["\\xfe.png", "skipped"]]
    _storable(dv)
    _storable(c.problems)

    # the batch path reads the file again by its real name
    archive = pio.scan_archive(tmp_path)
    pd.testing.assert_frame_equal(archive.docvars, dv)
    real_source = archive.sources[2]
    assert isinstance(real_source, tuple) and Path(real_source[0]).resolve() == Path(real).resolve()
    assert os.path.exists(real_source[0])
    assert [pio.load_source(s) for s in archive.sources] == list(c.texts)
    # a single file named by its real path
    assert pt.read_corpus(real).docvars.loc[0, "path"] == "\\xff\\xfe2020.txt"


def test_visible_escapes_every_kind_of_lone_surrogate() -> None:
    assert pio.visible("报告.txt") == "报告.txt"
    assert pio.visible(os.fsdecode(b"a\xffb")) == "a\\xffb"
    assert pio.visible("x\ud800y") == "x\\ud800y"


# --- JSON Lines ----------------------------------------------------------------------------


def test_jsonl_lines_with_a_lone_surrogate_or_a_bad_escape_cost_only_themselves(tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "text": "第一条记录完好。"}',
        '{"id": "b", "text": "这里有一个孤立的代理项\\ud800。"}',  # valid JSON, invalid Unicode
        '{"id": "c", "text": "非法转义\\x41。"}',  # not JSON at all
        '{"id": "d", "text": "正文完好", "title": "标题里也有\\udc80"}',
        '{"id": "e", "text": "成对的代理项没问题\\ud83d\\ude00。"}',
        "",
        '{"id": "f", "text": "最后一条。"}',
    ]
    (tmp_path / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = pt.read_corpus(tmp_path / "docs.jsonl")
    assert c.doc_ids == ["a", "e", "f"]
    assert c["e"].text == "成对的代理项没问题😀。"
    pr = c.problems
    assert pr["path"].tolist() == ["docs.jsonl"] * 3 and set(pr["level"]) == {"error"}
    reasons = pr["reason"].tolist()
    assert reasons[0].startswith("line 2: ") and "surrogate" in reasons[0]
    assert reasons[1].startswith("line 3: invalid JSON")
    assert reasons[2].startswith("line 4: ") and "surrogate" in reasons[2]
    assert c.docvars["record"].tolist() == [1, 5, 6]  # positions among the file's records
    _storable(c.docvars)
    _storable(pr)


def test_jsonl_with_a_line_of_bad_bytes_keeps_its_other_lines(tmp_path: Path) -> None:
    data = (
        '{"text": "好的一行。"}\n'.encode()
        + b'{"text": "\xff\xfe bad"}\n'
        + '{"text": "又一行\u2028好的。"}\n'.encode()  # a raw line separator inside a string
    )
    (tmp_path / "mixed.jsonl").write_bytes(data)
    c = pt.read_corpus(tmp_path / "mixed.jsonl")
    assert c.texts == ("好的一行。", "又一行\u2028好的。")
    assert c.docvars["record"].tolist() == [1, 3]
    assert c.problems["reason"].str.startswith("line 2: not valid UTF-8").tolist() == [True]


# --- CSV -----------------------------------------------------------------------------------


def test_a_ragged_csv_row_costs_only_itself(tmp_path: Path) -> None:
    text = (
        "id,year,text\r\n"
        "001,2019,第一行。\r\n"
        "002,2020,第二行,多了一个字段\r\n"
        '003,2021,"引号里的换行\r\n第二段。"\r\n'
        "004,2022\r\n"
        "005,2023,最后一行。\r\n"
    )
    (tmp_path / "t.csv").write_bytes(text.encode("utf-8-sig"))
    c = pt.read_corpus(tmp_path / "t.csv")
    assert c.doc_ids == ["001", "003", "005"]  # ids stay text: leading zeros kept
    assert c["003"].text == "引号里的换行\r\n第二段。"
    assert c.docvars["encoding"].tolist() == ["utf-8-sig"] * 3
    assert c.docvars["year"].tolist() == [2019, 2021, 2023]
    pr = c.problems
    assert pr["level"].tolist() == ["error", "error"]
    assert pr["reason"].tolist() == [
        "row 2 (line 3): 4 fields where the header has 3",
        "row 4 (line 6): 2 fields where the header has 3",
    ]
    assert pr["doc_id"].tolist() == ["t.csv#2", "t.csv#4"]


def test_csv_in_gbk_with_long_cells_and_repeated_columns(tmp_path: Path) -> None:
    long_text = "各地区各部门要加强节能工作。" * 15_000  # longer than the csv module's default field limit
    frame = pd.DataFrame([["x1", long_text, "甲"], ["x2", "短文。", "乙"]], columns=["id", "text", "text"])
    (tmp_path / "g.csv").write_bytes(frame.to_csv(index=False).encode("gbk"))
    c = pt.read_corpus(tmp_path)
    assert c.texts == (long_text, "短文。")
    assert c.docvars["text.1"].tolist() == ["甲", "乙"] and set(c.docvars["encoding"]) == {"gb18030"}


def test_the_real_csv_reads_as_pandas_reads_it() -> None:
    path = shared_path(GCCMPD)
    c = pt.read_corpus(path, text_field="Policy_Content")
    frame = pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8-sig")
    kept = frame[frame["Policy_Content"].str.strip() != ""]
    assert list(c.texts) == kept["Policy_Content"].tolist()
    assert c.docvars["Policy"].tolist() == kept["Policy"].tolist()
    # the empty cells are skipped; two signature dates disagreeing with Year are warnings
    problems = c.problems
    assert set(problems["level"]) <= {"skipped", "warning"}
    assert (problems["level"] == "skipped").sum() == len(frame) - len(kept)


# --- skipped is not failed -----------------------------------------------------------------


def test_empty_text_cells_are_skipped_not_errors(tmp_path: Path) -> None:
    pd.DataFrame({"text": ["有内容。", "", "  "], "region": ["甲", "乙", "丙"]}).to_csv(
        tmp_path / "r.csv", index=False
    )
    (tmp_path / "r.jsonl").write_text('{"text": null}\n{"text": "有。"}\n', encoding="utf-8")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nothing.csv").write_bytes(b"")
    c = pt.read_corpus(tmp_path)
    assert c.texts == ("有内容。", "有。")
    pr = c.problems.astype(object).where(c.problems.notna(), None)
    levels = {(p, d): lvl for p, d, lvl in pr[["path", "doc_id", "level"]].itertuples(index=False)}
    assert levels == {
        ("empty.txt", "empty"): "error",  # a document file with nothing in it may be damaged
        ("nothing.csv", None): "error",
        ("picture.png", None): "skipped",
        ("r.csv", "r.csv#2"): "skipped",
        ("r.csv", "r.csv#3"): "skipped",
        ("r.jsonl", "r.jsonl#1"): "skipped",
    }


# --- input and output ----------------------------------------------------------------------


def test_exclude_keeps_an_output_folder_inside_the_input_out(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("输入的文件。", encoding="utf-8")
    out = tmp_path / "out"
    (out / "tables").mkdir(parents=True)
    (out / "documents.csv").write_text("doc_id,text\na,输出。\n", encoding="utf-8")
    (out / "tables" / "b.txt").write_text("输出的文件。", encoding="utf-8")
    (tmp_path / "skip-me.md").write_text("这个文件也不读。", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐藏文件。", encoding="utf-8")

    assert len(pt.read_corpus(tmp_path)) == 4  # without exclude, the output is read as input
    for exclude in ([out, tmp_path / "skip-me.md"], [str(out), "nowhere"]):
        c = pt.read_corpus(tmp_path, exclude=exclude)
        assert set(c.doc_ids) <= {"a", "skip-me"} and "a" in c.doc_ids and c.problems.empty
    archive = pio.scan_archive(tmp_path, exclude=out)
    assert archive.doc_ids == ["a", "skip-me"]
    # relative paths are resolved like any other
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert pt.read_corpus(".", exclude=["out"]).doc_ids == ["a", "skip-me"]
        assert len(pt.read_corpus("out/tables", exclude=["out"])) == 0
    finally:
        os.chdir(old)
