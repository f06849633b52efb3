"""The tables an analyst reads beyond the per-document ones: topics (seeded NMF, as the
library fits it), vanishing terms, keyness of the last year, year-over-year changes, and
the ``diff`` command."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
from policytext.batch import live_folder
from policytext.cli import main


def test_topics_in_a_run_are_the_librarys_topics(tmp_path: Path, demo_dir: Path) -> None:
    assert main(["analyze", str(demo_dir), "--out", str(tmp_path / "out"), "--quiet", "--topics", "3"]) == 0
    live = live_folder(tmp_path / "out")
    model = pt.themes(pt.read_corpus(demo_dir, clean=True), method="nmf", k=3)
    terms = pd.read_parquet(live / "topic_terms.parquet")
    assert terms[["topic", "rank", "term"]].values.tolist() == model.terms[["topic", "rank", "term"]].values.tolist()
    assert (terms["weight"] - model.terms["weight"]).abs().max() < 1e-9
    documents = pd.read_parquet(live / "topic_documents.parquet")
    assert len(documents) == 8 and documents.filter(like="topic_").sum(axis=1).round(6).eq(1).all()


def test_period_tables_of_a_run(tmp_path: Path, demo_dir: Path) -> None:
    assert main(["analyze", str(demo_dir), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    live = live_folder(tmp_path / "out")
    keyness = pd.read_parquet(live / "keyness.parquet")
    assert set(keyness["target"]) == {"2024"} and keyness["rank"].tolist() == list(range(1, len(keyness) + 1))
    vanishing = pd.read_parquet(live / "vanishing.parquet")
    assert not (vanishing["year"] == 2024).any()  # nothing vanishes in the last year


def test_reuse_in_a_run_is_the_librarys_reuse(tmp_path: Path, demo_dir: Path) -> None:
    assert main(["analyze", str(demo_dir), "--out", str(tmp_path / "out"), "--quiet", "--reuse"]) == 0
    live = live_folder(tmp_path / "out")
    passages = pd.read_parquet(live / "reuse_passages.parquet")
    documents = pd.read_parquet(live / "documents.parquet")
    texts = dict(zip(documents["doc_id"], documents["text"]))
    library = pt.compare.reuse(pt.Corpus(documents["text"].tolist(), documents.drop(columns="text")), by="year")
    assert len(passages) == len(library.passages) > 0
    for row in passages.itertuples():
        assert texts[row.doc_a][row.start_a:row.end_a] == row.text_a
        assert texts[row.doc_b][row.start_b:row.end_b] == row.text_b
    assert (live / "reuse_diffusion.parquet").exists()


@pytest.mark.shared
def test_changes_from_year_to_year_on_the_national_reports(tmp_path: Path) -> None:
    from tests.conftest import TEXTWORKSHOP, shared_path

    folder = shared_path(TEXTWORKSHOP)
    archive = tmp_path / "reports"
    archive.mkdir()
    for path in sorted(folder.glob("201[3-7]政府工作报告_*.txt")):  # five consecutive years, one report each
        if "摘要" not in path.name:
            (archive / path.name).write_bytes(path.read_bytes())
    assert main(["analyze", str(archive), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    changes = pd.read_parquet(live_folder(tmp_path / "out") / "changes.parquet")
    assert list(zip(changes["year_a"], changes["year_b"])) == [(2013, 2014), (2014, 2015), (2015, 2016), (2016, 2017)]
    shares = changes[["unchanged", "moved", "reworded", "new"]].sum(axis=1)
    assert ((shares - 1).abs() < 1e-3).all()  # shares of the later text (rounded for reading)
    assert changes["target_changes"].str.contains("gdp_growth").any()


def test_the_diff_command(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("一、工作回顾\n去年经济平稳运行。坚持稳中求进。\n二、今年工作任务\n今年国内生产总值预期增长6.5%左右。推进改革。扩大开放。",
                 encoding="utf-8")
    b.write_text("一、工作回顾\n去年经济平稳运行。坚持稳中求进。\n二、今年工作任务\n今年国内生产总值预期增长6%左右。扩大开放。深化<b>改革</b>。",
                 encoding="gbk")
    assert main(["diff", str(a), str(b), "--out", str(tmp_path / "d"), "--quiet"]) == 0
    table = pd.read_parquet(tmp_path / "d" / "diff.parquet")
    assert {"same", "changed"} <= set(table["op"])
    targets = pd.read_parquet(tmp_path / "d" / "target_changes.parquet")
    assert targets["target"].tolist() == ["gdp_growth"]
    page = (tmp_path / "d" / "diff.html").read_text("utf-8")
    assert "&lt;b&gt;改革&lt;/b&gt;" in page and "<b>改革" not in page
    (tmp_path / "file").write_text("x")
    assert main(["diff", str(a), str(b), "--out", str(tmp_path / "file")]) == 1
