"""One path: ``policytext analyze`` gives the tables a notebook gets from the library's
verbs with their default options, on the demo archive and on the national reports."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import policytext as pt
from policytext.batch import TABLES, live_folder
from policytext.cli import main
from tests.conftest import WIKISOURCE, shared_path

COMPARED = ("keywords", "formulations", "themes", "indicators", "targets", "emerging", "similarity")


def library_tables(path: Path) -> dict[str, pd.DataFrame]:
    """What a notebook user gets: the cleaned corpus and each verb with default options."""
    corpus = pt.read_corpus(path, clean=True)
    return {
        "keywords": pt.keywords(corpus),
        "formulations": pt.formulations(corpus),
        "themes": pt.themes(corpus),
        "indicators": pt.indicators(corpus),
        "targets": pt.compare.targets(corpus),
        "emerging": pt.compare.emerging(corpus),
        "similarity": pt.compare.similarity(corpus).reset_index(),
    }


def _normalised(frame: pd.DataFrame, columns: list[str], key: list[str]) -> pd.DataFrame:
    frame = frame[columns].copy()
    for column in columns:
        values = frame[column]
        if values.map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            frame[column] = values.map(lambda v: [int(x) for x in v] if v is not None else None)
        elif pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            frame[column] = values.astype("float64")
        else:
            frame[column] = values.astype(object).where(values.notna(), None)
    key = [k for k in key if k in columns]
    return frame.sort_values(key, kind="stable").reset_index(drop=True) if key else frame


def differences(batch: Path, library: dict[str, pd.DataFrame]) -> list[str]:
    """Every way the batch tables differ from the library's (empty when they agree)."""
    found = []
    for name in COMPARED:
        expected = library[name]
        path = batch / f"{name}.parquet"
        if not path.exists():
            found.append(f"{name}: not written" + ("" if len(expected) else " (the library's table is empty)"))
            continue
        got = pd.read_parquet(path)
        expected = expected.rename(columns=str)  # Parquet names columns with strings (similarity's years)
        # docvars the library's cleaned corpus has and an archive does not (its documents table has them)
        own = [c for c in expected.columns if c not in ("clean_steps", "clean_removed", "masks", "lost_chars")]
        missing = [c for c in own if c not in got.columns]
        columns = [c for c in own if c in got.columns]
        if missing:
            found.append(f"{name}: columns {missing} missing")
        if len(got) != len(expected):
            found.append(f"{name}: {len(got)} rows, the library has {len(expected)}")
            continue
        key = list(TABLES[name].key)
        left, right = _normalised(got, columns, key), _normalised(expected, columns, key)
        for column in columns:
            a, b = left[column], right[column]
            if a.dtype == "float64" and b.dtype == "float64":
                same = np.isclose(a.to_numpy(), b.to_numpy(), rtol=1e-9, atol=1e-9, equal_nan=True)
            else:
                same = np.array([x == y or (x is None and y is None) for x, y in zip(a, b)])
            if not same.all():
                at = int(np.flatnonzero(~same)[0])
                found.append(f"{name}.{column}: {int((~same).sum())} rows differ, e.g. row {at}: {a.iloc[at]!r} vs {b.iloc[at]!r}")
    return found


def _analyze(path: Path, out: Path) -> Path:
    assert main(["analyze", str(path), "--out", str(out), "--quiet"]) == 0
    return live_folder(out)


def test_analyze_equals_the_library_on_the_demo_archive(tmp_path: Path, demo_dir: Path) -> None:
    library = library_tables(demo_dir)
    assert all(len(library[name]) for name in COMPARED)  # every table has something to compare
    assert differences(_analyze(demo_dir, tmp_path / "out"), library) == []


@pytest.mark.shared
def test_analyze_equals_the_library_on_the_national_reports(tmp_path: Path) -> None:
    path = shared_path(WIKISOURCE)
    library = library_tables(path)
    assert all(len(library[name]) for name in COMPARED)
    assert differences(_analyze(path, tmp_path / "out"), library) == []


def test_the_parity_check_sees_an_extractor_patched_in_the_batch_engine(
    tmp_path: Path, demo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The comparison above can fail: change one extractor inside the batch engine only."""
    import policytext.batch.document as engine
    from policytext.numeric import indicator_records

    def shifted(doc_id, conversion):  # type: ignore[no-untyped-def]
        rows = indicator_records(doc_id, conversion)
        return [{**row, "value": row["value"] + 1} for row in rows]

    library = library_tables(demo_dir)
    monkeypatch.setattr(engine, "indicator_records", shifted)
    found = differences(_analyze(demo_dir, tmp_path / "out"), library)
    assert any(d.startswith("indicators.value") for d in found), found
    assert any(d.startswith("targets.value") for d in found), found
