"""Hostile data and killed runs: a planted cache never runs code, a bad record costs that
record only, output sets are never half old and half new."""

from __future__ import annotations

import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from policytext.batch import live_folder
from policytext.cli import main

PARAGRAPHS = [
    "今年国内生产总值预期增长{n}%左右，城镇新增就业{m}万人以上。",
    "坚持“两个毫不动摇”，深化“放管服”改革，优化营商环境。",
    "全年粮食产量{m}万吨，比上年增长{n}.5%。",
    "推进乡村振兴，建设高标准农田{m}万亩，河长制全面推行。",
    "加强生态环境保护，单位国内生产总值能耗下降{n}%左右。",
    "实施创新驱动发展战略，研发经费投入增长{n}%以上。",
]


def generated_archive(folder: Path, documents: int, *, seed: int = 7) -> Path:
    """A folder of ``documents`` short work-report-like texts, years 2001 onwards."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(documents):
        lines = [rng.choice(PARAGRAPHS).format(n=rng.randint(2, 9), m=rng.randint(10, 900)) for _ in range(rng.randint(4, 9))]
        (folder / f"{2001 + i % 20}报告_{i:03d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


def tables(out: Path) -> dict[str, pd.DataFrame]:
    live = live_folder(out)
    return {p.stem: pd.read_parquet(p) for p in sorted(live.glob("*.parquet"))}


def same_tables(a: Path, b: Path) -> None:
    left, right = tables(a), tables(b)
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], check_exact=False, rtol=1e-12)


class _Payload:
    """Unpickling this would create a file (what an attacker would plant)."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


def test_a_planted_or_damaged_cache_is_recomputed_and_never_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = generated_archive(tmp_path / "in", 110)
    out, clean = tmp_path / "out", tmp_path / "clean"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    assert main(["analyze", str(archive), "--out", str(clean), "--quiet", "--no-cache"]) == 0
    entries = sorted((out / ".policytext-cache").rglob("*.arrow"))
    assert len(entries) == 110
    marker = tmp_path / "pwned"
    entries[0].write_bytes(pickle.dumps(_Payload(marker)))  # a pickle where an entry was
    entries[1].write_bytes(random.Random(1).randbytes(4096))  # random bytes
    rng = random.Random(2)
    for entry in entries[2:102]:  # 100 entries with one byte flipped somewhere
        data = bytearray(entry.read_bytes())
        at = rng.randrange(len(data))
        data[at] ^= 1 << rng.randrange(8)
        entry.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["analyze", str(archive), "--out", str(out)]) == 0
    assert not marker.exists()
    same_tables(out, clean)
    summary = json.loads((live_folder(out) / "summary.json").read_text("utf-8"))
    assert summary["cache"] == {"hits": 8, "stored": 102, "recomputed": 102}
    assert "102 damaged or foreign entries recomputed" in capsys.readouterr().err


def _run_killed(archive: Path, out: Path, delay: float) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "policytext", "analyze", str(archive), "--out", str(out), "--quiet", "--no-cache"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()


def _check_live_set(out: Path) -> str:
    """Every live file is listed in the live manifest with its checksum: one run's set."""
    from policytext.batch.tables import file_digest

    live = live_folder(out)
    manifest = json.loads((live / "manifest.json").read_text("utf-8"))
    assert manifest["run_id"] == live.name
    files = {p.name for p in live.iterdir()} - {"manifest.json"}
    assert files == set(manifest["files"]) and "documents.parquet" in files
    for name, entry in manifest["files"].items():
        assert file_digest(live / name) == entry["sha256"], name
    return str(manifest["run_id"])


def test_a_run_killed_at_any_moment_leaves_one_complete_set(tmp_path: Path) -> None:
    archive = generated_archive(tmp_path / "in", 60)
    out = tmp_path / "out"
    started = time.perf_counter()
    assert subprocess.run([sys.executable, "-m", "policytext", "analyze", str(archive), "--out", str(out), "--quiet",
                           "--no-cache"]).returncode == 0
    duration = time.perf_counter() - started
    live = _check_live_set(out)
    rng = random.Random(20)
    kept = replaced = 0
    for delay in sorted(rng.uniform(0.05, duration * 1.5) for _ in range(20)):
        _run_killed(archive, out, delay)
        now = _check_live_set(out)
        kept, replaced = kept + (now == live), replaced + (now != live)
        live = now
    assert kept and replaced  # killed before some runs made their set live, and after others
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    _check_live_set(out)
    # nothing left behind: the live run only, no temporary pointer, spill file or cache entry
    assert [p.name for p in (out / "runs").iterdir()] == [live_folder(out).name]
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".") and p.name not in (".policytext-cache", ".policytext-lock")]
    assert leftovers == []


def test_an_output_folder_inside_the_input_is_not_read_as_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = generated_archive(tmp_path / "in", 3)
    out = archive / "results"
    assert main(["analyze", str(archive), "--out", str(out)]) == 0
    assert "inside" in capsys.readouterr().err
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    documents = pd.read_parquet(live_folder(out) / "documents.parquet")
    assert len(documents) == 3 and not documents["path"].str.contains("results").any()


def test_bad_records_cost_only_themselves(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    name = os.fsencode(archive) + b"/\xff\xfe2020\xe6\x8a\xa5\xe5\x91\x8a.txt"  # not valid UTF-8
    with open(name, "wb") as fh:
        fh.write("今年国内生产总值预期增长6%左右。".encode())
    lines = ['{"id": "a", "text": "第一条记录，增长5%。"}', '{"id": "b", "text": "坏的\\ud800记录"}',
             '{"id": "c", "text": "坏的转义\\x41"}', '{"id": "d", "text": "第四条记录，增长7%。"}']
    (archive / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (archive / "table.csv").write_text("id,text\nr1,第一行文字。\nr2,第二行,多一个字段\nr3,第三行文字。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 2  # some records failed; the rest analysed
    live = live_folder(out)
    documents = pd.read_parquet(live / "documents.parquet")
    assert sorted(documents["doc_id"]) == sorted(["\\xff\\xfe2020报告", "a", "d", "r1", "r3"])
    errors = pd.read_csv(live / "errors.csv", keep_default_na=False)
    bad = errors[errors["level"] == "error"]
    assert len(bad) == 3
    assert {"line 2", "line 3", "row 2"} <= {word for reason in bad["reason"] for word in (reason[:6], reason[:5])}


def test_csv_text_cells_that_look_like_formulas_are_escaped(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    rows = [("f1", "=HYPERLINK(\"http://x\")", "增长5%。"), ("f2", "@SUM(A1)", "下降-3%的说法。"), ("f3", "+1", "普通文本。")]
    frame = pd.DataFrame(rows, columns=["id", "note", "text"])
    frame.to_csv(archive / "t.csv", index=False)
    for flag, escaped in (([], True), (["--csv-raw"], False)):
        out = tmp_path / f"out{len(flag)}"
        assert main(["analyze", str(archive), "--out", str(out), "--quiet", *flag]) == 0
        live = live_folder(out)
        csv = pd.read_csv(live / "documents.csv", keep_default_na=False, dtype=str).set_index("doc_id")
        parquet = pd.read_parquet(live / "documents.parquet").set_index("doc_id")
        for doc, note, _ in rows:
            assert parquet.at[doc, "note"] == note
            assert csv.at[doc, "note"] == ("'" + note if escaped else note)
        assert csv.at["f1", "n_chars"] == str(parquet.at["f1", "n_chars"])  # numbers are never escaped


def test_a_zip_bomb_is_an_error_row(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "in"
    archive.mkdir()
    with zipfile.ZipFile(archive / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", b"\0" * (300 << 20))
    assert (archive / "bomb.docx").stat().st_size < 400_000
    (archive / "ok.txt").write_text("今年国内生产总值预期增长6%左右。", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 2
    errors = pd.read_csv(live_folder(out) / "errors.csv", keep_default_na=False)
    assert errors.loc[errors["level"] == "error", "path"].tolist() == ["bomb.docx"]


def test_an_empty_text_is_skipped_not_failed(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    (archive / "r.csv").write_text("id,text\na,今年增长5%。\nb,\nc,明年增长6%。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    summary = json.loads((live_folder(out) / "summary.json").read_text("utf-8"))
    assert summary["analysed"] == 2 and summary["skipped"] == 1 and summary["failed"] == 0
    errors = pd.read_csv(live_folder(out) / "errors.csv", keep_default_na=False)
    assert errors[["doc_id", "level"]].values.tolist() == [["b", "skipped"]]


@pytest.mark.parametrize("text", [
    "一、过去一年的工作\n全市地区生产总值增长5.2%，完成固定资产投资1200亿元。张明同志在北京市调研。\n二、今年的任务\n粮食产量稳定在38万吨以上。",
    "過去一年，行政院推動兩岸交流，預算編列新臺幣2億元；臺北市政府與高雄市合作。",
])
def test_a_cache_entry_gives_back_the_result_it_was_made_from(text: str) -> None:
    from policytext.batch.document import Options, analyze_document
    from policytext.batch.serial import decode_result, encode_result

    result = analyze_document("d1", text, Options())
    back = decode_result(encode_result(result, "k"), "k")
    assert (back.doc_id, back.row, back.text, back.numbered, back.slogans) == (
        result.doc_id, result.row, result.text, result.numbered, result.slogans)
    for name in ("terms", "words", "extra", "types"):
        assert getattr(back.summary, name) == getattr(result.summary, name), name
    for name in ("counts", "starts", "ends"):
        assert getattr(back.summary, name).tolist() == getattr(result.summary, name).tolist(), name
    assert back.indicators.equals(result.indicators)


def test_a_cache_written_by_another_build_of_the_library_is_not_read(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # an edited stopword list or lexicon changes the package's fingerprint, and so every key
    import shutil

    from policytext.batch import document
    from policytext.batch.document import Options, package_fingerprint

    package = tmp_path / "policytext"
    shutil.copytree(Path(document.__file__).resolve().parents[1], package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    before = package_fingerprint(package)
    assert package_fingerprint(package) == before
    words = package / "terms" / "data" / "stopwords_filler.txt"
    words.write_text(words.read_text("utf-8") + "推进\n", "utf-8")
    assert package_fingerprint(package) != before

    # and so does another version of a segmenter or converter installed beside it
    assert "jieba=" in document.installed_fingerprint() and "opencc=" in document.installed_fingerprint()
    key = Options().key()
    monkeypatch.setattr(document, "installed_fingerprint", lambda: "another build")
    assert Options().key() != key
