"""Reading archives: the demo corpus, every format, encodings, bad input, the real layouts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
from tests.conftest import TEXTWORKSHOP, WIKISOURCE, shared_path


def test_demo_corpus_reads_with_encodings_and_docvars(demo_dir: Path) -> None:
    c = pt.read_corpus(demo_dir)
    assert len(c) == 8 and c.problems.empty
    dv = c.docvars
    # the sidecar says how each file was stored; the detector must agree
    expected = dv["stored_encoding"].tolist()
    assert dv["encoding"].tolist() == expected
    assert {"big5", "gb18030", "utf-8-sig"} <= set(expected)
    assert dv["year"].tolist() == [2019, 2020, 2021, 2021, 2022, 2022, 2023, 2024]
    assert set(c.detect_script().docvars["script"]) == {"simplified", "traditional"}
    html = c[dv.index[dv["format"] == "html"][0]].text
    assert "tracking" not in html and "font-family" not in html
    assert html.count("青川市2024年政府工作报告") == 1


@pytest.mark.parametrize("encoding", ["gb18030", "big5", "utf-16", "utf-8-sig"])
def test_legacy_encodings_read_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    original = shared_path(TEXTWORKSHOP) / "1989政府工作报告_李鹏.txt"
    text = original.read_text("utf-8")
    if encoding == "big5":
        text = pt.convert(text, "s2t")
        # Big5 lacks a few characters; keep the test about detection, not about Big5's gaps
        text = text.encode("big5", errors="ignore").decode("big5")
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8")
    (tmp_path / f"copy.{encoding}.txt").write_bytes(text.encode(encoding))
    c = pt.read_corpus(tmp_path)
    assert len(c) == 2 and c.problems.empty
    assert c.texts[0] == c.texts[1] == text
    assert c.docvars.loc[0, "encoding"].startswith(encoding.split("-sig")[0][:5])


def test_bad_files_are_reported_and_the_rest_is_read(tmp_path: Path, demo_dir: Path) -> None:
    for f in demo_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    good = "各位代表：今年的目标是增长5%左右。".encode()
    (tmp_path / "truncated.txt").write_bytes(good + "报".encode()[:2])
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "oneline.txt").write_text("发展" * 10_000_000, encoding="utf-8")  # 20 M characters
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    c = pt.read_corpus(tmp_path)
    pr = c.problems.set_index("path")
    assert len(c) == 8 + 2  # the demo, the truncated file (kept), the long line (kept)
    assert pr.loc["binary.txt", "level"] == "error" and "binary" in pr.loc["binary.txt", "reason"]
    assert pr.loc["empty.txt", "level"] == "error" and "empty" in pr.loc["empty.txt", "reason"]
    assert pr.loc["truncated.txt", "level"] == "warning"
    assert (
        "truncated UTF-8" in pr.loc["truncated.txt", "reason"]
        and "byte" in pr.loc["truncated.txt", "reason"]
    )
    assert (
        pr.loc["oneline.txt", "level"] == "warning"
        and "single line" in pr.loc["oneline.txt", "reason"]
    )
    assert pr.loc["image.png", "level"] == "skipped"
    assert c["truncated"].text.startswith("各位代表")


def test_undecodable_bytes_name_the_position(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes("正文".encode() + b"\xff\xfe\xfa" * 3 + "结束".encode())
    c = pt.read_corpus(tmp_path)
    reason = c.problems.loc[0, "reason"]
    assert len(c) == 0 and "byte 6" in reason


def test_records_formats(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "第一篇，2019年。", "year": 2019, "region": "甲"},
        {"id": "b", "text": "第二篇。", "year": 2020, "region": "乙"},
        {"id": "c", "text": "", "year": 2021, "region": "丙"},
    ]
    (tmp_path / "docs.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8"
    )
    pd.DataFrame(rows).to_csv(tmp_path / "docs.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "docs.parquet")
    for name in ("docs.jsonl", "docs.csv", "docs.parquet"):
        c = pt.read_corpus(tmp_path / name)
        assert c.doc_ids == ["a", "b"], name
        assert c.docvars["region"].tolist() == ["甲", "乙"]
        assert c.docvars["year"].tolist() == [2019, 2020]
        levels = c.problems["reason"].tolist()
        assert any("empty" in r for r in levels), name
    assert any(
        "invalid JSON" in r for r in pt.read_corpus(tmp_path / "docs.jsonl").problems["reason"]
    )


def test_docx_and_pdf(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("青川市政府工作报告")
    d.add_paragraph("今年地区生产总值增长6%左右。")
    d.save(str(tmp_path / "report.docx"))
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    c = pt.read_corpus(tmp_path)
    assert c.texts == ("青川市政府工作报告\n今年地区生产总值增长6%左右。",)
    assert "scan.pdf" in c.problems["path"].tolist()


def test_duplicate_ids_are_kept_and_reported(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text("甲文。", encoding="utf-8")
    (tmp_path / "r.md").write_text("乙文。", encoding="utf-8")
    c = pt.read_corpus(tmp_path)
    assert len(c) == 2 and c.doc_ids == ["r", "r~2"]
    assert "duplicate" in c.problems.loc[0, "reason"]


def test_header_year_with_full_width_digits(tmp_path: Path) -> None:
    (tmp_path / "speech.txt").write_text("讲话\n——１９８９年３月２０日\n正文。", encoding="utf-8")
    c = pt.read_corpus(tmp_path)
    assert c.docvars.loc[0, "year"] == 1989 and c.docvars.loc[0, "year_source"] == "header"


def test_missing_path() -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        pt.read_corpus("nowhere/at/all")


def test_textworkshop_layout_years_and_speakers(textworkshop_corpus) -> None:  # type: ignore[no-untyped-def]
    dv = textworkshop_corpus.docvars
    assert len(textworkshop_corpus) == len(list(shared_path(TEXTWORKSHOP).glob("*.txt")))
    assert dv["year"].notna().all() and dv["speaker"].notna().all()
    assert {1989, 1990, 1991, 1996} <= set(dv["year"])
    one = dv.set_index("year")
    assert one.loc[1989, "speaker"] == "李鹏" and one.loc[1964, "speaker"] == "周恩来"
    assert (dv["speaker"].str.len() <= 4).all()
    # header lines with full-width dates are cleaned to half-width digits
    text_1989 = textworkshop_corpus[int(dv.index[dv["year"] == 1989][0])].text
    assert "1989年3月20日" in text_1989


def test_wikisource_layout_years(wikisource_corpus) -> None:  # type: ignore[no-untyped-def]
    dv = wikisource_corpus.docvars
    reports = dv[dv["year_source"] == "column"]  # the records with a year of their own
    assert len(reports) == 52
    assert reports["title"].str.contains("政府工作报告").all()
    assert 2020 not in set(reports["year"])
    assert len(pt.read_corpus(shared_path(WIKISOURCE))) == 72


def test_scan_archive_matches_read_corpus_without_keeping_texts(tmp_path: Path, demo_dir: Path) -> None:
    from policytext.io import load_source, scan_archive

    for folder in (demo_dir, _mixed_archive(tmp_path)):
        corpus = pt.read_corpus(folder)
        archive = scan_archive(folder)
        pd.testing.assert_frame_equal(archive.docvars, corpus.docvars)
        pd.testing.assert_frame_equal(archive.problems, corpus.problems)
        assert all(not isinstance(s, str) for s in archive.sources)  # files are pointers, not texts
        assert [load_source(s) for s in archive.sources] == list(corpus.texts)


def _mixed_archive(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("2021年工作报告\n正文。", encoding="utf-8")
    (folder / "b.txt").write_bytes("第二份报告。".encode("gb18030"))
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "empty.txt").write_bytes(b"")
    return folder
