"""Every output table complete and faithful in both formats, whatever columns and types the
records of an archive carry: one schema per table for the whole run, no value cast, user
columns never overwritten, a table that cannot be written said so (exit 3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policytext.batch import live_folder, run_analysis
from policytext.batch.schema import as_text
from policytext.batch.tables import unescape_formula
from policytext.cli import main
from policytext.io import scan_archive

#: README's list of the tables every run with years writes
TABLES = ("documents", "keywords", "formulations", "themes", "indicators", "targets", "emerging", "similarity", "errors")
SENTENCES = ["今年国内生产总值预期增长{n}%左右。", "坚持“两个毫不动摇”，优化营商环境。", "全年粮食产量{n}00万吨。",
             "推进乡村振兴，建设高标准农田{n}万亩。", "城镇新增就业{n}0万人以上。"]


def _text(i: int) -> str:
    return "".join(SENTENCES[(i + k) % len(SENTENCES)].format(n=(i + k) % 7 + 2) for k in range(3))


def _cell(value: Any) -> str:
    """A Parquet value as its CSV cell: the documented comparison."""
    shown = as_text(value)
    return "" if shown is None else shown


def check_tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Both formats of every documented table exist and agree; returns the Parquet tables."""
    found = {}
    for name in TABLES:
        assert (folder / f"{name}.csv").exists() and (folder / f"{name}.parquet").exists(), name
        csv = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(folder / f"{name}.parquet", dtype_backend="numpy_nullable")  # exact integers
        assert list(csv.columns) == list(parquet.columns) and len(csv) == len(parquet), name
        for column in parquet.columns:
            shown = [_cell(v) for v in parquet[column].tolist()]
            cells = [unescape_formula(c) for c in csv[column].tolist()]
            assert cells == shown, (name, column)
        found[name] = parquet
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    assert summary["incomplete"] == []
    return found


def _same_value(got: Any, given: Any) -> bool:
    """The same value: as text, or as a number when an integer column widened to float
    (10000000000 and 1e10 are one value)."""
    if as_text(got) == as_text(given):
        return True
    numbers = (int, float)
    return (isinstance(given, numbers) and not isinstance(given, bool) and isinstance(got, (*numbers, np.number))
            and float(got) == float(given))


def check_metadata(documents: pd.DataFrame, inputs: dict[str, dict[str, Any]], renamed: dict[str, str] | None = None) -> None:
    """Every metadata value of the input, as written, in the documents table."""
    renamed = renamed or {}
    rows = documents.set_index("doc_id").to_dict("index")
    for doc_id, fields in inputs.items():
        for field, value in fields.items():
            column = renamed.get(field, field)
            assert _same_value(rows[doc_id][column], value), (doc_id, field, value, rows[doc_id][column])


def _run(archive: Path, out: Path, **options: Any) -> Path:
    result = run_analysis(scan_archive(archive), out, chunk_size=2, **options)
    assert result.summary["incomplete"] == []
    return live_folder(out)


def _jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_two_csv_files_whose_columns_differ(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    first = [{"id": f"c{i}", "Release Department": f"部门{i}", "year": 2019 + i % 3, "text": _text(i)} for i in range(7)]
    second = [{"id": f"p{i}", "Policy Release Department": f"省厅{i}", "code": f"0{i}01", "year": 2020 + i % 2, "text": _text(i)}
              for i in range(3)]
    pd.DataFrame(first).to_csv(archive / "central.csv", index=False)
    pd.DataFrame(second).to_csv(archive / "provincial.csv", index=False)
    tables = check_tables(_run(archive, tmp_path / "out"))
    inputs = {r["id"]: {k: v for k, v in r.items() if k not in ("id", "text", "year")} for r in first + second}
    check_metadata(tables["documents"], inputs)
    assert tables["documents"].set_index("doc_id").at["p1", "code"] == "0101"  # text stays text


def test_jsonl_keys_and_types_that_change_between_records_and_files(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    one = [{"id": f"a{i}", "year": 2019 + i % 3, "flag": True, "n": i, "tags": ["x", "y"], "text": _text(i)} for i in range(5)]
    one[4].update(flag="no", n="第五", tags="c")  # boolean then text, integer then text, list then string
    two = [{"id": f"b{i}", "year": 2021, "other": {"k": i}, "big": 2**60 + i, "text": _text(i)} for i in range(3)]
    _jsonl(archive / "one.jsonl", one)
    _jsonl(archive / "two.jsonl", two)
    tables = check_tables(_run(archive, tmp_path / "out"))
    inputs = {r["id"]: {k: v for k, v in r.items() if k not in ("id", "text", "year")} for r in one + two}
    check_metadata(tables["documents"], inputs)
    documents = tables["documents"].set_index("doc_id")
    assert documents.at["a0", "flag"] == "true" and documents.at["a4", "flag"] == "no"
    assert documents.at["b2", "big"] == 2**60 + 2  # exact


def test_user_columns_named_like_library_columns_are_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    records = [{"id": f"d{i}", "year": 2020 + i % 2, "script": "手写", "n_chars": 999, "text": _text(i)} for i in range(4)]
    _jsonl(archive / "r.jsonl", records)
    assert main(["analyze", str(archive), "--out", str(tmp_path / "out")]) == 0
    assert "'script' as 'meta_script'" in capsys.readouterr().err
    tables = check_tables(live_folder(tmp_path / "out"))
    documents = tables["documents"].set_index("doc_id")
    assert set(documents["meta_script"]) == {"手写"} and set(documents["meta_n_chars"]) == {999}
    assert set(documents["script"]) == {"simplified"} and documents.at["d0", "n_chars"] == len(_text(0))


def test_a_table_that_cannot_be_written_is_said_and_exits_3(
    tmp_path: Path, demo_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pyarrow.parquet as pq

    real = pq.ParquetWriter.write_table

    def failing(self: Any, table: Any, *args: Any, **kwargs: Any) -> Any:
        if str(self.where).endswith("keywords.parquet"):
            raise OSError("disk full (injected)")
        return real(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", failing)
    assert main(["analyze", str(demo_dir), "--out", str(tmp_path / "out"), "--quiet"]) == 3
    assert "keywords.parquet not written" in capsys.readouterr().err
    live = live_folder(tmp_path / "out")
    summary = json.loads((live / "summary.json").read_text("utf-8"))
    assert [(p["table"], p["format"]) for p in summary["incomplete"]] == [("keywords", "parquet")]
    errors = pd.read_csv(live / "errors.csv", keep_default_na=False)
    assert "keywords.parquet" in set(errors["path"])
    assert (live / "keywords.csv").exists() and not (live / "keywords.parquet").exists()
    for name in TABLES:
        if name != "keywords":
            assert (live / f"{name}.csv").exists() and (live / f"{name}.parquet").exists(), name


_VALUES = st.one_of(
    st.integers(-(2**40), 2**40), st.floats(allow_nan=False, allow_infinity=False, width=32), st.integers(2**60, 2**62),
    st.booleans(), st.text("甲乙丙0123abc ", max_size=6), st.none(), st.lists(st.sampled_from(["x", "甲"]), max_size=3),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.dictionaries(st.sampled_from(["k1", "k2", "k3", "k4"]), _VALUES, max_size=4),
                         min_size=1, max_size=4), min_size=2, max_size=5))
def test_any_mix_of_columns_and_types_comes_out_whole(tmp_path_factory: pytest.TempPathFactory,
                                                     files: list[list[dict[str, Any]]]) -> None:
    root = tmp_path_factory.mktemp("mix")
    archive = root / "in"
    archive.mkdir()
    inputs: dict[str, dict[str, Any]] = {}
    for f, records in enumerate(files):
        rows = []
        for r, fields in enumerate(records):
            doc_id = f"f{f}r{r}"
            rows.append({"id": doc_id, "year": 2019 + (f + r) % 3, **fields, "text": _text(f + r)})
            inputs[doc_id] = fields
        _jsonl(archive / f"{f}.jsonl", rows)
    tables = check_tables(_run(archive, root / "out"))
    check_metadata(tables["documents"], inputs)


def test_a_year_column_with_values_that_are_not_years(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    years: list[Any] = [2019, "待定", 2020, "2021年", None, 2021]
    records = [{"id": f"y{i}", "year": y, "text": _text(i)} for i, y in enumerate(years)]
    _jsonl(archive / "r.jsonl", records)
    folder = _run(archive, tmp_path / "out")
    tables = check_tables(folder)
    # the library's year where the value reads as one; every value as written beside it
    check_metadata(tables["documents"], {r["id"]: {"year_original": r["year"]} for r in records})
    documents = tables["documents"].set_index("doc_id")
    assert documents.at["y3", "year"] == 2021 and pd.isna(documents.at["y1", "year"])
    errors = tables["errors"]
    assert errors[(errors["doc_id"] == "y1") & (errors["level"] == "warning")]["reason"].str.contains("待定").any()


@pytest.mark.shared
@pytest.mark.parametrize("relative", [
    "corpora/gccmpd-gov-prc", "corpora/ly-gazette-tw", "corpora/baoding-county-reports",
])
def test_the_real_archives_give_every_table_in_both_formats(tmp_path: Path, relative: str) -> None:
    from tests.conftest import shared_path

    folder = _run(shared_path(relative), tmp_path / "out")
    tables = check_tables(folder)
    assert len(tables["documents"]) > 10
