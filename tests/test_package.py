"""Importing has no side effects and is quick; the CLI runs the main job."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from policytext.cli import main


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout


def test_import_loads_nothing_heavy_and_prints_nothing() -> None:
    out = _run(
        "import sys, time; t = time.perf_counter(); import policytext; "
        "print(time.perf_counter() - t); "
        "print(sorted(m for m in ('jieba', 'opencc', 'pandas', 'numpy', 'sklearn') if m in sys.modules))"
    )
    seconds, loaded = out.strip().splitlines()
    assert loaded == "[]"
    assert float(seconds) < 0.3


def test_import_prints_nothing_to_stderr() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import policytext"], capture_output=True, text=True
    )
    assert proc.stdout == proc.stderr == ""


def test_analyze_demo(tmp_path: Path, demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from policytext.batch import live_folder

    assert main(["analyze", str(demo_dir), "--out", str(tmp_path), "--tokens"]) == 0
    out = tmp_path
    tmp_path = live_folder(out)
    summary = json.loads((tmp_path / "summary.json").read_text("utf-8"))
    assert summary["documents"] == 8 and summary["failed"] == 0
    assert summary["scripts"] == {"simplified": 6, "traditional": 2}
    import pandas as pd

    # Parquet keeps text as it is (the CSV copy escapes cells a spreadsheet would run: '-3.2%)
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    tokens = pd.read_parquet(tmp_path / "tokens.parquet")
    texts = dict(zip(docs["doc_id"], docs["text"]))
    assert all(
        texts[d][s:e] == t
        for d, t, s, e in tokens[["doc_id", "token", "start", "end"]].itertuples(index=False)
    )
    quantities = pd.read_parquet(tmp_path / "indicators.parquet")
    assert summary["indicators"] == int((quantities["kind"] != "ordinal").sum()) > 50
    assert all(texts[d][s:e] == t for d, t, s, e in quantities[["doc_id", "text", "start", "end"]].itertuples(index=False))
    keywords = pd.read_parquet(tmp_path / "keywords.parquet")
    assert set(keywords["doc_id"]) == set(docs["doc_id"]) and (keywords["rank"] <= 20).all()
    assert all(texts[d][s:e] == t for d, t, s, e in keywords[["doc_id", "term", "start", "end"]].itertuples(index=False))
    assert (tmp_path / "formulations.csv").exists() and (tmp_path / "themes.csv").exists()
    targets = pd.read_csv(tmp_path / "targets.csv")
    # each of the six fictional work reports states a growth target in its 主要预期目标
    assert sorted(targets.loc[targets["target"] == "gdp_growth", "year"]) == list(range(2019, 2025))
    assert sorted(pd.read_csv(tmp_path / "similarity.csv")["year"]) == list(range(2019, 2025))
    assert not list(tmp_path.glob(".*.*")) and not list(out.glob(".*.*"))  # no temporary files left behind


def test_analyze_exit_codes(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    (archive / "good.txt").write_text("今年目标增长5%。", encoding="utf-8")
    (archive / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["analyze", str(archive), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    from policytext.batch import live_folder

    errors = (live_folder(tmp_path / "out") / "errors.csv").read_text("utf-8")
    assert "bad.txt" in errors
    assert main(["analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "o2")]) == 1
    assert main(["frobnicate"]) == 1


def test_module_entry_point_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "policytext", "analyze", "--help"], capture_output=True, text=True
    )
    assert out.returncode == 0 and "Exit status" in out.stdout


def test_every_bundled_data_file_is_packaged() -> None:
    """A non-editable install only carries the files pyproject's package-data names."""
    import fnmatch

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    config = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["policytext"]
    package = Path(__file__).resolve().parents[1] / "src" / "policytext"
    data = [p.relative_to(package).as_posix() for p in package.rglob("data/*") if p.is_file()]
    assert data
    missing = [f for f in data if not any(fnmatch.fnmatch(f, pattern) for pattern in patterns)]
    assert missing == []


def test_without_any_opencc_the_error_names_both_ways_to_install_it() -> None:
    code = (
        "import sys, builtins\n"
        "real = builtins.__import__\n"
        "def fake(name, *a, **k):\n"
        "    if name == 'opencc' or name.startswith('opencc.'):\n"
        "        raise ImportError(name)\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = fake\n"
        "import policytext as pt\n"
        "try:\n"
        "    pt.convert('漢字', 't2s')\n"
        "except pt.DependencyError as exc:\n"
        "    print(exc)\n"
    )
    out = _run(code)
    assert "policytext[opencc]" in out and "policytext[pure]" in out and "opencc-python-reimplemented" in out


def test_help_lists_the_public_api() -> None:
    import pydoc

    import policytext

    page = pydoc.render_doc(policytext, renderer=pydoc.plaintext)
    missing = [name for name in policytext.__all__ if not re.search(rf"\b{re.escape(name)}\b", page)]
    assert missing == [], missing
    assert set(dir(policytext)) - {"__version__"} == set(policytext.__all__)
