"""The command line: every user error is one line on stderr with exit status 1 (a traceback
only with --debug), a closed pipe ends quietly, --version."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from policytext import __version__
from policytext.cli import main


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "policytext", *args], capture_output=True, text=True, **kwargs)  # type: ignore[call-overload]


def _one_error_line(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 1, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert "Traceback" not in proc.stderr
    errors = [line for line in lines if line.startswith("policytext: error:")]
    assert len(errors) == 1, lines
    assert all(word in errors[0] for word in words), errors[0]


def test_version() -> None:
    proc = _run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"policytext {__version__}"


def test_out_naming_a_file_is_refused(tmp_path: Path, demo_dir: Path) -> None:
    existing = tmp_path / "results"
    existing.write_text("not a folder")
    _one_error_line(_run("analyze", str(demo_dir), "--out", str(existing)), "is a file", "folder")
    _one_error_line(_run("analyze", str(demo_dir), "--out", str(tmp_path / "results.csv")), "looks like a file name")
    assert not (tmp_path / "results.csv").exists()


def test_an_output_folder_that_cannot_be_made_or_written(tmp_path: Path, demo_dir: Path,
                                                         monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    _one_error_line(_run("analyze", str(demo_dir), "--out", str(blocker / "sub")), "cannot create")
    monkeypatch.setattr(os, "access", lambda *a, **k: False)  # a read-only folder, whoever runs the test
    assert main(["analyze", str(demo_dir), "--out", str(tmp_path / "ro")]) == 1
    err = capsys.readouterr().err
    assert "not writable" in err and "Traceback" not in err


def test_no_readable_document(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.xyz").write_bytes(b"\x00\x01")
    _one_error_line(_run("analyze", str(empty), "--out", str(tmp_path / "out")), "no readable documents")
    _one_error_line(_run("analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "out")), "no such file")


def test_usage_errors_and_debug(tmp_path: Path, demo_dir: Path) -> None:
    _one_error_line(_run("analyze", str(demo_dir), "--out", str(tmp_path / "o"), "--by", "nowhere"), "--by", "nowhere")
    proc = _run("--debug", "analyze", str(demo_dir), "--out", str(tmp_path / "o"), "--by", "nowhere")
    assert proc.returncode != 0 and "Traceback" in proc.stderr
    assert _run("frobnicate").returncode == 1 and _run("analyze").returncode == 1


def test_a_closed_pipe_ends_quietly(tmp_path: Path, demo_dir: Path) -> None:
    text = (demo_dir / "2019政府工作报告_林晓东.txt").read_text("utf-8") * 300
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    for command in (["segment", str(path), "--offsets"], ["keywords", str(path)], ["indicators", str(path)]):
        producer = subprocess.Popen([sys.executable, "-m", "policytext", *command], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE)
        assert producer.stdout is not None
        producer.stdout.read(10)
        producer.stdout.close()  # like `| head -c 10`
        _, err = producer.communicate()
        assert producer.returncode == 0 and err == b"", (command, err)


def test_reuse_finds_a_copied_passage_with_its_offsets(tmp_path: Path) -> None:
    import pandas as pd

    shared = "各地区各部门要切实加强组织领导，健全工作机制，确保各项任务落到实处，取得实效。"
    texts = {
        "central.txt": "国务院关于推进数字政府建设的指导意见。" + shared + "本意见自印发之日起施行。",
        "county.txt": "县人民政府办公室通知。为贯彻落实上级部署，" + shared.replace("各地区", "各乡镇") + "特此通知。",
        "other.txt": "本年度全县粮食总产量稳定，农业生产条件持续改善，农民收入较快增长。",
    }
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["reuse", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    passages = pd.read_parquet(tmp_path / "out" / "reuse_passages.parquet")
    assert len(passages) == 1
    row = passages.iloc[0]
    assert {row["doc_a"], row["doc_b"]} == {"central", "county"}
    for side in ("a", "b"):
        original = texts[f"{row[f'doc_{side}']}.txt"]
        assert original[int(row[f"start_{side}"]):int(row[f"end_{side}"])] == row[f"text_{side}"]
    _one_error_line(_run("reuse", str(folder), "--out", str(tmp_path / "x.csv")), "looks like a file name")
