"""pt.datasets: fetch from a local file:// mirror (no network in tests), cache hit, checksum errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import policytext as pt
from tests.conftest import WIKISOURCE, shared_path


@pytest.fixture()
def mirror(tmp_path: Path) -> Path:
    """A mirror folder holding the real file (copied into the test's temporary folder only)."""
    folder = tmp_path / "mirror"
    folder.mkdir()
    shutil.copy(shared_path(WIKISOURCE), folder / "government_work_reports.jsonl")
    return folder


def test_list_names_licence_and_citation() -> None:
    table = pt.datasets.list()
    row = table.set_index("name").loc["gov-work-reports"]
    assert "copyright" in row["licence"] and "Wikisource" in row["citation"]
    assert len(row["sha256"]) == 64 and row["url"].startswith("https://")


def test_fetch_then_cache_hit(tmp_path: Path, mirror: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = pt.datasets.fetch("gov-work-reports", data_dir=tmp_path / "cache", mirror=mirror.as_uri())
    assert len(corpus) == 72 and (corpus.docvars["year_source"] == "column").sum() == 52  # reports with a year
    # the second call reads the cached copy: the mirror is gone and nothing is downloaded
    shutil.rmtree(mirror)
    calls: list[str] = []
    monkeypatch.setattr("urllib.request.urlopen", lambda *a, **k: calls.append("download"))
    again = pt.datasets.fetch("gov-work-reports", data_dir=tmp_path / "cache", mirror=mirror.as_uri())
    assert calls == [] and list(again.doc_ids) == list(corpus.doc_ids)


def test_a_checksum_mismatch_is_an_error_and_leaves_nothing(tmp_path: Path, mirror: Path) -> None:
    path = mirror / "government_work_reports.jsonl"
    path.write_bytes(path.read_bytes()[:-10] + b"tampered!\n")
    cache = tmp_path / "cache"
    with pytest.raises(pt.datasets.ChecksumError, match="differs from the pinned"):
        pt.datasets.fetch("gov-work-reports", data_dir=cache, mirror=mirror.as_uri())
    assert [p for p in cache.rglob("*") if p.is_file()] == []  # no partial or bad file kept


def test_a_corrupted_cached_copy_is_fetched_again(tmp_path: Path, mirror: Path) -> None:
    cache = tmp_path / "cache"
    pt.datasets.fetch("gov-work-reports", data_dir=cache, mirror=mirror.as_uri())
    cached = cache / "gov-work-reports" / "government_work_reports.jsonl"
    cached.write_bytes(b"{}\n")
    corpus = pt.datasets.fetch("gov-work-reports", data_dir=cache, mirror=mirror.as_uri())
    assert len(corpus) == 72


def test_unknown_dataset_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(KeyError, match="gov-work-reports"):
        pt.datasets.fetch("no-such-corpus", data_dir=tmp_path)
