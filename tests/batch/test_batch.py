"""The batch path of ``policytext analyze``: report, processes, cache, failures, determinism."""

from __future__ import annotations

import html.parser
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.batch import live_folder
from policytext.batch.document import tokenizer_for
from policytext.cli import main

TABLES = ("documents", "keywords", "formulations", "themes", "indicators", "targets", "emerging", "similarity", "errors")


def _live(out: Path) -> Path:
    return live_folder(out)


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    live = _live(out)
    return {name: pd.read_csv(live / f"{name}.csv", keep_default_na=False) for name in TABLES if (live / f"{name}.csv").exists()}


def _same(a: Path, b: Path) -> None:
    left, right = _tables(a), _tables(b)
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], check_exact=False, rtol=1e-12)


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.counts[tag] = self.counts.get(tag, 0) + 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    (archive / "2023报告.txt").write_text("今年国内生产总值增长5%左右。<script>alert('x')</script>“六稳”工作。", encoding="utf-8")
    (archive / "2024<i>报告.txt").write_text("今年国内生产总值增长6%左右。城镇新增就业2万人以上。", encoding="utf-8")
    assert main(["analyze", str(archive), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    page = (_live(tmp_path / "out") / "report.html").read_text("utf-8")
    assert "<script" not in page and "<i>" not in page and "2024&lt;i&gt;报告" in page  # escaped, no scripts
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "") and "https://" not in page
    tags = _Tags()
    tags.feed(page)
    assert tags.counts.get("table", 0) >= 4 and tags.counts.get("svg", 0) >= 1 and tags.counts.get("td", 0) > 10


def test_jobs_and_reruns_give_the_same_tables(tmp_path: Path, demo_dir: Path) -> None:
    one, two, again = tmp_path / "one", tmp_path / "two", tmp_path / "again"
    assert main(["analyze", str(demo_dir), "--out", str(one), "--quiet", "--no-cache"]) == 0
    assert main(["analyze", str(demo_dir), "--out", str(two), "--quiet", "--jobs", "2"]) == 0
    _same(one, two)
    assert main(["analyze", str(demo_dir), "--out", str(two), "--quiet", "--jobs", "2"]) == 0  # all from cache
    _same(one, two)
    assert main(["analyze", str(demo_dir), "--out", str(again), "--quiet", "--no-cache"]) == 0
    _same(one, again)
    assert (_live(one) / "report.html").read_bytes() == (_live(again) / "report.html").read_bytes()


def test_spilling_the_second_pass_to_disk_gives_the_same_tables(tmp_path: Path, demo_dir: Path) -> None:
    from policytext.batch import run_analysis
    from policytext.io import scan_archive

    held, spilled = tmp_path / "held", tmp_path / "spilled"
    run_analysis(scan_archive(demo_dir), held)
    run_analysis(scan_archive(demo_dir), spilled, memory_mb=0, chunk_size=2)  # every document spilled, small chunks
    _same(held, spilled)
    assert not [p.name for p in _live(spilled).iterdir() if p.name.startswith(".")]  # no temporary file left


def test_text_with_a_lone_surrogate_still_gets_all_its_tables(tmp_path: Path) -> None:
    import policytext as pt
    from policytext.batch import run_analysis

    texts = ["2023年国内生产总值增长5%左右，城镇新增就业1100万人\ud800以上。", "2024年粮食产量1.3万亿斤，“六稳”工作。"]
    corpus = pt.Corpus(texts, pd.DataFrame({"doc_id": ["a", "b"], "year": [2023, 2024]}))
    result = run_analysis(corpus, tmp_path)
    assert result.failed == 0
    indicators = pd.read_csv(result.folder / "indicators.csv", keep_default_na=False)
    assert set(indicators["doc_id"]) == {"a", "b"} and (indicators["value"] == 5).any()
    documents = pd.read_csv(result.folder / "documents.csv", keep_default_na=False)
    # the surrogate became one replacement character: offsets still hold
    assert list(documents["doc_id"]) == ["a", "b"] and documents["text"][0].count("\ufffd") == 1


def test_a_spin_reference_refines_the_repairs_in_every_worker(tmp_path: Path) -> None:
    archive, reference = tmp_path / "in", tmp_path / "ref"
    archive.mkdir()
    reference.mkdir()
    (archive / "spun.txt").write_text(
        "下面，我夸大两点意见：一要深进推进，二要解决突出题目，三要加强监视。今年要严格营房治理，严防事故。", encoding="utf-8")
    (archive / "plain.txt").write_text("推进国家治理体系和治理能力现代化。", encoding="utf-8")
    for i in range(2):
        (reference / f"{i}.txt").write_text("各地要严格营房管理，严防事故发生。", encoding="utf-8")
    out = tmp_path / "out"

    def spun_text(*extra: str) -> str:
        assert main(["analyze", str(archive), "--out", str(out), "--quiet", "--despin", "auto", *extra]) == 0
        documents = pd.read_csv(_live(out) / "documents.csv", keep_default_na=False).set_index("doc_id")
        assert "治理体系" in documents.at["plain", "text"]
        assert documents.at["spun", "despin_by_reference"] == 1 if extra else "despin_by_reference" not in documents
        return str(documents.at["spun", "text"])

    assert "营房治理" in spun_text()  # the rules alone leave it
    # the cache (kept in out) must not answer for a run with a reference
    assert "营房管理" in spun_text("--spin-reference", str(reference), "--jobs", "2")
    assert "问题" in spun_text("--spin-reference", str(reference))
    assert main(["analyze", str(archive), "--out", str(out), "--quiet", "--spin-reference", str(reference)]) == 1


def test_despin_decisions_are_in_the_documents_table(tmp_path: Path) -> None:
    from tests.conftest import SEED, shared_path

    archive = tmp_path / "in"
    archive.mkdir()
    shutil.copy(shared_path(SEED), archive / "spun.txt")  # a copy in the test's temporary folder only
    (archive / "plain.txt").write_text("推进国家治理体系和治理能力现代化，促进社会进步。今年国内生产总值增长5%左右。", encoding="utf-8")
    assert main(["analyze", str(archive), "--out", str(tmp_path / "out"), "--quiet", "--despin", "auto"]) == 0
    live = _live(tmp_path / "out")
    documents = pd.read_csv(live / "documents.csv", keep_default_na=False).set_index("doc_id")
    assert bool(documents.at["spun", "spun"]) and documents.at["spun", "despin_repairs"] >= 60
    assert "題目" not in documents.at["spun", "text"] and "despin" in documents.at["spun", "clean_steps"]
    assert not bool(documents.at["plain", "spun"]) and documents.at["plain", "despin_repairs"] == 0
    assert "治理体系" in documents.at["plain", "text"]
    keywords = pd.read_csv(live / "keywords.csv", keep_default_na=False)
    assert "题目" not in set(keywords[keywords["doc_id"] == "spun"]["normalized"])
    # the report lists the documents judged spun, with their evidence; the summary counts them
    page = (live / "report.html").read_text("utf-8")
    section = page[page.index("洗稿 Spun texts") :].split("</section>")[0]
    assert "<td>spun</td>" in section and "<td>plain</td>" not in section and "题目→问题 ×" in section
    assert "<td>spun</td>" in section


def test_a_changed_file_is_the_only_one_reanalysed(tmp_path: Path, demo_dir: Path) -> None:

    archive = tmp_path / "archive"
    shutil.copytree(demo_dir, archive)
    out = tmp_path / "out"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    changed = archive / "2019政府工作报告_林晓东.txt"
    changed.write_text(changed.read_text("utf-8") + "\n城镇新增就业3万人以上。\n", encoding="utf-8")
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    summary = json.loads((_live(out) / "summary.json").read_text("utf-8"))
    assert summary["cache"]["hits"] == summary["documents"] - 1 and summary["cache"]["recomputed"] == 0
    fresh = tmp_path / "fresh"
    assert main(["analyze", str(archive), "--out", str(fresh), "--quiet", "--no-cache"]) == 0
    _same(out, fresh)


def test_bad_documents_go_to_errors_and_the_rest_completes(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    (archive / "sub").mkdir(parents=True)
    for year in (2021, 2022, 2023):
        (archive / f"{year}报告.txt").write_text(f"{year}年国内生产总值增长{year - 2015}%。", encoding="utf-8")
    (archive / "sub" / "2023报告.txt").write_text("重复的文件名，另一个目录。", encoding="utf-8")  # a duplicate id
    (archive / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (archive / "cut.txt").write_bytes("完整的句子。".encode() + "断".encode()[:2])
    (archive / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 2
    docs = pd.read_csv(_live(out) / "documents.csv")
    errors = pd.read_csv(_live(out) / "errors.csv")
    assert len(docs) == 5  # three reports, the duplicate (renamed) and the truncated file (a warning)
    assert {"binary.txt", "empty.txt"} <= {Path(p).name for p in errors.loc[errors["level"] == "error", "path"]}
    assert (_live(out) / "report.html").exists()


def test_jobs_must_be_positive(tmp_path: Path, demo_dir: Path) -> None:
    assert main(["analyze", str(demo_dir), "--out", str(tmp_path), "--jobs", "0"]) == 1


@pytest.mark.parametrize("command", ["keywords", "indicators"])
def test_small_commands_on_a_file(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.txt"
    path.write_text("今年国内生产总值增长5%左右，城镇新增就业1100万人以上。河长制全面推行，河长制考核。", encoding="utf-8")
    assert main([command, str(path)]) == 0
    out = capsys.readouterr().out
    assert ("5%左右" in out) if command == "indicators" else ("河长制" in out)


def test_neighbours_are_the_top_of_the_runs_own_similarity(tmp_path: Path, demo_dir: Path) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(demo_dir), "--out", str(out), "--quiet", "--no-cache", "--neighbours", "2"]) == 0
    live = live_folder(out)
    square = pd.read_parquet(live / "document_similarity.parquet").set_index("doc_id")
    near = pd.read_parquet(live / "document_neighbours.parquet")
    assert list(near.columns) == ["doc_id", "neighbour", "similarity", "rank"]
    assert set(near["doc_id"]) == set(square.index)
    for doc_id, rows in near.groupby("doc_id"):
        others = square.loc[doc_id].drop(doc_id).sort_values(ascending=False, kind="stable")
        assert rows.sort_values("rank")["neighbour"].tolist() == others.index[:2].tolist()


def test_the_dask_path_gives_the_same_tables(tmp_path: Path, demo_dir: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    local = tmp_path / "local"
    assert main(["analyze", str(demo_dir), "--out", str(local), "--quiet", "--no-cache"]) == 0
    tokenizer_for.cache_clear()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        remote = tmp_path / "dask"
        code = main(["analyze", str(demo_dir), "--out", str(remote), "--quiet", "--no-cache",
                     "--scheduler", cluster.scheduler_address])
        assert code == 0
    _same(local, remote)
    # both passes ran on the workers: the client never built a segmenter
    assert tokenizer_for.cache_info().currsize == 0


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(list("甲乙丙丁戊己庚辛")), unique=True, max_size=6), min_size=1, max_size=8),
    st.data(),
)
def test_term_ids_do_not_depend_on_how_documents_were_batched(docs: list[list[str]], data: st.DataObject) -> None:
    # a run merges documents one by one as chunks come back; the ids (and so every table)
    # depend only on the documents' order, not on how they were grouped into chunks
    import numpy as np

    from policytext.terms import TermTally

    plain, chunked = TermTally(), TermTally()
    expected = [plain.add(list(terms), np.ones(len(terms), dtype=np.int64), group=2020).tolist() for terms in docs]
    cuts = sorted(data.draw(st.sets(st.integers(0, len(docs)), max_size=3)))
    got: list[list[int]] = []
    for start, stop in zip([0, *cuts], [*cuts, len(docs)]):
        got += [chunked.add(list(t), np.ones(len(t), dtype=np.int64), group=2020).tolist() for t in docs[start:stop]]
    assert got == expected and plain.ids == chunked.ids and plain.df.tolist() == chunked.df.tolist()
