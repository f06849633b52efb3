"""The batch targets table never mixes groups: one row per (group…, year, key) with --by,
one per document and key without it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from policytext.batch import live_folder
from policytext.cli import main

BAODING = "corpora/baoding-county-reports"


def _targets(out: Path) -> pd.DataFrame:
    return pd.read_parquet(live_folder(out) / "targets.parquet")


def test_two_groups_sharing_a_year_are_never_mixed(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    rows = [("a", "甲省", 2024, "今年主要预期目标是：全省生产总值增长6%左右。"),
            ("b", "乙省", 2024, "今年全省生产总值预期增长5%左右。"),
            ("c", "甲省", 2024, "今年甲省的城镇新增就业预期目标是50万人以上。"),
            ("d", "乙省", 2025, "今年地区生产总值预期增长4.5%左右。")]
    pd.DataFrame(rows, columns=["id", "province", "year", "text"]).to_csv(archive / "p.csv", index=False)
    assert main(["analyze", str(archive), "--out", str(tmp_path / "by"), "--quiet", "--by", "province"]) == 0
    by = _targets(tmp_path / "by")
    assert by.groupby(["province", "year", "target"]).size().max() == 1
    docs = dict(zip(by["doc_ids"], by["province"]))
    provinces = {r[0]: r[1] for r in rows}
    assert all(provinces[d] == province for ids, province in docs.items() for d in ids.split(";"))
    assert set(zip(by["province"], by["year"], by["target"])) == {
        ("甲省", 2024, "gdp_growth"), ("乙省", 2024, "gdp_growth"), ("甲省", 2024, "new_urban_jobs"),
        ("乙省", 2025, "gdp_growth")}
    assert main(["analyze", str(archive), "--out", str(tmp_path / "each"), "--quiet"]) == 0
    each = _targets(tmp_path / "each")
    assert each.groupby(["doc_id", "target"]).size().max() == 1 and set(each["doc_id"]) == {"a", "b", "c", "d"}
    assert main(["analyze", str(archive), "--out", str(tmp_path / "bad"), "--quiet", "--by", "region"]) == 1


@pytest.mark.shared
def test_county_reports_by_county_and_by_document(tmp_path: Path) -> None:
    from tests.conftest import shared_path

    path = shared_path(BAODING)
    assert main(["analyze", str(path), "--out", str(tmp_path / "by"), "--quiet", "--by", "区县名称"]) == 0
    by = _targets(tmp_path / "by")
    assert len(by) and by.groupby(["区县名称", "year", "target"]).size().max() == 1
    assert main(["analyze", str(path), "--out", str(tmp_path / "each"), "--quiet"]) == 0
    each = _targets(tmp_path / "each")
    assert each.groupby(["doc_id", "target"]).size().max() == 1
    documents = pd.read_parquet(live_folder(tmp_path / "each") / "documents.parquet")
    assert (documents["year"] == 2020).sum() == 13
    assert set(each.loc[each["year"] == 2020, "doc_id"]) <= set(documents.loc[documents["year"] == 2020, "doc_id"])
    assert each.loc[each["year"] == 2020, "doc_id"].nunique() > 1  # rows of several documents of one year, apart


def test_target_rows_picked_a_few_documents_at_a_time_give_the_same_table(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # the tally keeps only the rows that can be targets, picked from a few documents' rows
    # at a time: however small the batches, the targets table is the one of a single pick
    from policytext.batch import tally

    archive = tmp_path / "in"
    archive.mkdir()
    for year in range(2016, 2024):
        (archive / f"{year}.txt").write_text(
            f"{year}年政府工作报告。今年主要预期目标是：国内生产总值增长{year - 2010}%左右，城镇新增就业1100万人以上，"
            f"居民消费价格涨幅3%左右。过去一年国内生产总值增长{year - 2011}%。", encoding="utf-8")
    assert main(["analyze", str(archive), "--out", str(tmp_path / "once"), "--quiet", "--no-cache"]) == 0
    monkeypatch.setattr(tally, "TARGET_ROWS_AT_ONCE", 1)
    assert main(["analyze", str(archive), "--out", str(tmp_path / "each"), "--quiet", "--no-cache"]) == 0
    once, each = _targets(tmp_path / "once"), _targets(tmp_path / "each")
    assert len(once) >= 8 * 3 and set(once["target"]) >= {"gdp_growth", "new_urban_jobs", "cpi"}
    pd.testing.assert_frame_equal(once, each)
