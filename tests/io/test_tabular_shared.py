"""Real archives read right with no options: a county workbook, a State Council table and
the Legislative Yuan records (read from ../shared at run time, never copied)."""

from __future__ import annotations

import json

import pytest

import policytext as pt
from tests.conftest import shared_path

BAODING = "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx"
GCCMPD = "corpora/gccmpd-gov-prc/GOV_PRC.csv"
LY = "corpora/ly-gazette-tw"

pytestmark = pytest.mark.shared


def test_the_county_workbook() -> None:
    pytest.importorskip("python_calamine")
    c = pt.read_corpus(shared_path(BAODING))
    assert len(c) == 76
    # warnings about the metadata (a county or a year the text contradicts) may come too
    skipped = c.problems[c.problems["level"] == "skipped"]
    assert len(skipped) == 92 and "error" not in set(c.problems["level"])
    assert skipped["reason"].str.endswith("the '报告全文' field is empty").all()
    dv = c.docvars
    assert set(dv["text_field"]) == {"报告全文"} and set(dv["sheet"]) == {"Sheet1"}
    assert dv["区县名称"].notna().all() and dv["年份"].between(2003, 2025).all()
    assert (dv["title"] == dv["报告标题"]).all()
    assert dv["区县代码"].str.fullmatch(r"\d{6}").all()  # codes keep their digits, as text
    assert not any("\\r" in t or "\\n" in t for t in c.texts)  # literal escapes became line breaks
    assert sum("\n" in t for t in c.texts) == 76


def test_the_state_council_table() -> None:
    c = pt.read_corpus(shared_path(GCCMPD))
    assert len(c) == 100
    skipped = c.problems[c.problems["level"] == "skipped"]
    assert len(skipped) == 8 and "error" not in set(c.problems["level"])
    assert skipped["reason"].str.endswith("the 'Policy_Content' field is empty").all()
    dv = c.docvars
    assert set(dv["text_field"]) == {"Policy_Content"}
    assert (dv["title"] == dv["Policy"]).all() and dv["title"].str.len().between(5, 120).all()


def test_the_legislative_yuan_records() -> None:
    folder = shared_path(LY)
    c = pt.read_corpus(folder)
    assert len(c) == 12
    skipped = c.problems[c.problems["level"] == "skipped"]
    assert skipped["path"].tolist() == ["list.json"] and "error" not in set(c.problems["level"])
    assert skipped["reason"].iloc[0].startswith("no text field")
    assert set(c.docvars["text_field"]) == {"blocks"} and c.docvars["title"].str.startswith("立法院").all()
    turns = 0
    for doc_id, text in zip(c.docvars["doc_id"], c.texts):
        record = json.loads((folder / f"{doc_id}.json").read_text("utf-8"))
        blocks = [b for b in record["blocks"] if "\n".join(b).strip()]
        turns += len(blocks)
        firsts = [next(line for line in b if line.strip()) for b in blocks]
        # every turn starts a paragraph: its first line follows a blank line
        assert text.startswith(firsts[0]) and all(f"\n\n{f}" in text for f in firsts[1:]), doc_id
    assert sum(t.count("\n\n") for t in c.texts) >= turns - len(c)
