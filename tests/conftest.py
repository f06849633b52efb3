"""Shared fixtures: the real material in ../shared, read at run time, never copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYTEXT_SHARED", REPO.parent / "shared"))
REQUIRE_SHARED = os.environ.get("POLICYTEXT_REQUIRE_SHARED") == "1"

SEED = "corpora/seed/000_0ad94cc079ac9a36.txt"
WIKISOURCE = "corpora/gov-work-reports/wikisource/government_work_reports.jsonl"
TEXTWORKSHOP = "corpora/gov-work-reports/textworkshop17"
OPENCC_CASES = "testsuites/opencc/testcases.json"
UD_GSD = "testsuites/ud-chinese-gsd/zh_gsd-ud-dev.conllu"


def shared_path(relative: str) -> Path:
    """Path to a file of ../shared; skips the test when absent (fails under CI's flag)."""
    path = SHARED / relative
    if not path.exists():
        message = f"../shared material missing: {path}"
        if REQUIRE_SHARED:
            pytest.fail(message + " (POLICYTEXT_REQUIRE_SHARED=1)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path(SEED).read_text("utf-8")


@pytest.fixture(scope="session")
def wikisource_corpus():  # type: ignore[no-untyped-def]
    import policytext as pt

    return pt.read_corpus(shared_path(WIKISOURCE), clean=True)


@pytest.fixture(scope="session")
def textworkshop_corpus():  # type: ignore[no-untyped-def]
    import policytext as pt

    return pt.read_corpus(
        shared_path(TEXTWORKSHOP), pattern="{year}政府工作报告_{speaker}*.txt", clean=True
    )


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return REPO / "corpora" / "demo"


@pytest.fixture(scope="session")
def national_corpus():  # type: ignore[no-untyped-def]
    """The national work reports 1954–2025: the Wikisource layout (reports only, not the NPC
    resolutions), with the textworkshop17 files for the years it lacks; docvars year,
    decade and layout."""
    import policytext as pt

    wiki = pt.read_corpus(shared_path(WIKISOURCE))
    wiki = wiki.subset(wiki.docvars["year_source"] == "column")
    workshop = pt.read_corpus(shared_path(TEXTWORKSHOP), pattern="{year}政府工作报告_{speaker}*.txt")
    have = set(wiki.docvars["year"].dropna().astype(int))
    fills = [int(y) not in have and "摘要" not in str(p) for y, p in zip(workshop.docvars["year"], workshop.docvars["path"])]
    workshop = workshop.subset(fills)
    corpus = pt.Corpus.concat([
        wiki.with_docvars(layout=["wikisource"] * len(wiki)),
        workshop.with_docvars(layout=["textworkshop17"] * len(workshop)),
    ]).clean()
    years = corpus.docvars["year"].astype(int)
    return corpus.with_docvars(year=years.tolist(), decade=(years // 10 * 10).tolist())
