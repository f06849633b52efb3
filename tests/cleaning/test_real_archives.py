"""The cleaning steps on real archives (read from ../shared at run time, never copied):
the Baoding county reports (a scraping site's header, teaser and tail), the national
work reports (no furniture: nothing may go), the Legislative Yuan gazette (hard wraps)."""

from __future__ import annotations

import importlib.util
import json
import re
from itertools import pairwise
from pathlib import Path

import pytest

import policytext as pt
from policytext.cleaning import fit_furniture
from policytext.cleaning.wraps import ends_sentence, is_heading_line
from tests.conftest import TEXTWORKSHOP, WIKISOURCE, shared_path

pytestmark = pytest.mark.shared

BAODING = "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx"
GAZETTE = "corpora/ly-gazette-tw"
#: the meeting line of a county report (——2022年1月27日在…会议上), never furniture
MEETING_LINE = re.compile(r"^——\s*\d{4}年\d{1,2}月\d{1,2}日在.*会议上\s*$", re.MULTILINE)


def _cells(path: Path) -> list[list[object]]:
    if importlib.util.find_spec("python_calamine") is not None:
        from python_calamine import CalamineWorkbook

        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    if importlib.util.find_spec("openpyxl") is not None:
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    pytest.skip("reading the Baoding xlsx needs python-calamine or openpyxl")


@pytest.fixture(scope="module")
def baoding() -> list[str]:
    rows = _cells(shared_path(BAODING))
    column = list(rows[0]).index("报告全文")
    texts = [r[column] for r in rows[1:] if isinstance(r[column], str) and r[column].strip()]
    # the cells hold line breaks written out as the four characters \r\n
    return [t.replace("\\r\\n", "\n") for t in texts]


def _has_site_header(text: str) -> bool:
    # the scraping site's header: a line of fields with a read count, then the teaser label
    head = text[:600]
    return bool(re.search(r"时间：.*作者：.*阅读：", head)) and "内容摘要：" in head


def test_baoding_header_and_teaser_removed_from_the_rows_that_have_them(baoding: list[str]) -> None:
    assert len(baoding) == 76
    model = fit_furniture(baoding)
    with_header = 0
    for text in baoding:
        r = pt.clean(text, furniture=model)
        start = [x for x in r.removed if x.step == "furniture" and x.start == 0]
        teaser = [x for x in r.removed if x.step == "furniture" and "teaser" in x.reason]
        if _has_site_header(text):
            with_header += 1
            assert start and teaser, text[:80]
            assert teaser[0].start == start[0].end
            assert re.search(r"(?:\.{3,}|…)\s*$", teaser[0].text)
            assert "内容摘要" not in r.text[:300] and "阅读：" not in r.text[:300]
        else:
            assert not start and not teaser, text[:80]
        for line in MEETING_LINE.findall(text):
            assert line.strip() in r.text
        for x in r.removed:
            assert text[x.start : x.end] == x.text
    assert with_header == 48
    print(f"\nBaoding: model {model!r}")


def test_baoding_site_tail_removed(baoding: list[str]) -> None:
    model = fit_furniture(baoding)
    tails = 0
    for text in baoding:
        r = pt.clean(text, furniture=model)
        end = [x for x in r.removed if x.step == "furniture" and x.end == len(text)]
        if end:
            tails += 1
            assert "分享到" in end[0].text or "上一篇" in end[0].text or "阅读排行" in end[0].text
            assert not re.search(r"(分享到：|阅读排行|标签云)\s*$", r.text)
    assert tails >= 48
    print(f"\nBaoding: site tail removed from {tails} rows")


def _national() -> dict[str, list[str]]:
    wiki = [json.loads(line)["content"] for line in shared_path(WIKISOURCE).read_text("utf-8").splitlines() if line.strip()]
    workshop = [p.read_text("utf-8") for p in sorted(shared_path(TEXTWORKSHOP).glob("*.txt"))]
    return {"wikisource": wiki, "textworkshop17": workshop}


@pytest.mark.parametrize("layout", ["wikisource", "textworkshop17"])
def test_national_reports_lose_nothing_to_the_model(layout: str) -> None:
    texts = _national()[layout]
    model = fit_furniture(texts)
    removed = []
    for i, text in enumerate(texts):
        r = pt.clean(text, furniture=model)
        removed += [(i, x.start, x.end, x.reason) for x in r.removed if x.step == "furniture"]
        # the text every other test relies on is the text cleaned without a model
        assert r.text == pt.clean(text).text
    print(f"\n{layout}: {model!r}; furniture removed: {removed or 'nothing'}")
    assert removed == []


def _gazette() -> list[list[list[str]]]:
    folder = shared_path(GAZETTE)
    return [json.loads(p.read_text("utf-8"))["blocks"] for p in sorted(folder.glob("*.doc.json"))]


def _turn_starts(turns: list[list[str]]) -> tuple[str, list[int]]:
    """The record as one text (lines by \\n, turns by a blank line) and where each turn's
    first character stands."""
    starts: list[int] = []
    pieces: list[str] = []
    pos = 0
    for turn in turns:
        body = "\n".join(turn)
        stripped = body.lstrip()
        if stripped:
            starts.append(pos + len(body) - len(stripped))
        pieces.append(body)
        pos += len(body) + 2
    return "\n\n".join(pieces), starts


def _is_field_or_table(a: str, b: str) -> bool:
    from policytext.cleaning import resources as R

    return "|" in a or "|" in b or R.SPEAKER.match(b) is not None or len(a.strip()) <= 20


def test_gazette_hard_wraps_joined_and_turns_kept() -> None:
    breaks = not_final = after_prose = paragraphs = turns_checked = 0
    for record in _gazette():
        text, starts = _turn_starts(record)
        r = pt.clean(text)
        paragraphs += len(re.findall(r"\n[ \t\u3000]*\n", r.text))
        # every turn still starts a paragraph: its first character, where it survived,
        # stands at the text's start or after a blank line
        first = {}
        for i, s in enumerate(r.alignment.char_starts().tolist()):
            first.setdefault(s, i)
        for s in starts:
            i = first.get(s)
            if i is None:
                continue  # the turn's first character was furniture ([pic])
            turns_checked += 1
            before = r.text[:i].rstrip(" \t\u3000")
            assert before == "" or before.endswith("\n\n"), r.text[i - 30 : i + 10]
        for turn in re.split(r"\n[ \t\u3000]*\n", r.text):
            lines = turn.split("\n")
            for a, b in pairwise(lines):
                breaks += 1
                if ends_sentence(a.rstrip()) or is_heading_line(a):
                    continue
                not_final += 1
                after_prose += not _is_field_or_table(a, b)
    print(
        f"\ngazette: {breaks} line breaks left inside turns, {not_final} ({not_final / breaks:.2%}) after a "
        f"character that ends no sentence (headings excepted), {after_prose} ({after_prose / breaks:.2%}) "
        f"of them after prose (not a table row, a field or title line, or before a speaker or field label); "
        f"{paragraphs} paragraph breaks; {turns_checked} turns start a paragraph"
    )
    assert paragraphs >= 6303
    assert after_prose / breaks < 0.01
    assert not_final / breaks < 0.01  # the bar, on every break left inside a turn


