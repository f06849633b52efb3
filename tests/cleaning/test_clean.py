"""Cleaning: the case table in tests/data, the real material, and properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt

CASES = json.loads((Path(__file__).parents[1] / "data" / "clean_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_clean_case(case: dict) -> None:  # type: ignore[type-arg]
    result = pt.clean(case["input"])
    assert result.text == case["expected"]
    changed = [s for s in result.changed_by if s != "blank_lines" or "blank_lines" in case["steps"]]
    assert changed == case["steps"]


@pytest.mark.parametrize(
    "case", CASES["known_failures"], ids=[c["name"] for c in CASES["known_failures"]]
)
def test_known_failure_still_fails(case: dict) -> None:  # type: ignore[type-arg]
    # when one starts passing, move it to "cases"
    assert pt.clean(case["input"]).text == case["input"].strip()


def test_steps_can_be_switched_off() -> None:
    text = "增长６％\u200b"
    assert pt.clean(text, fullwidth_alnum=False).text == "增长６％"
    cfg = pt.CleanConfig(zero_width=False)
    assert pt.clean(text, config=cfg).text == "增长6%\u200b"
    with pytest.raises(TypeError, match="no_such_step"):
        pt.clean(text, no_such_step=True)


def test_removed_text_is_kept_with_original_offsets() -> None:
    text = "前言:本站為你精心整理了講話。\n正文開始。"
    r = pt.clean(text)
    (removed,) = r.removed
    assert removed.step == "site_preamble"
    assert text[removed.start : removed.end] == removed.text
    assert r.to_original(0, 2) == (text.index("正文"), text.index("正文") + 2)
    assert "site_preamble" in r.explain()


def test_seed_preamble_removed_and_masks_flagged(seed_text: str) -> None:
    r = pt.clean(seed_text)
    first_line = seed_text.split("\n", 1)[0]
    assert r.removed[0].step == "site_preamble"
    assert r.removed[0].text.strip() == first_line.strip()
    assert not r.text.startswith(first_line[:10])
    assert len(r.masks) == 3
    for m in r.masks:
        assert r.text[m.start : m.end] == m.text == seed_text[m.original_start : m.original_end]


def test_wikisource_footers_and_zero_width_cleaned(wikisource_corpus) -> None:  # type: ignore[no-untyped-def]
    footers = 0
    for doc in wikisource_corpus:
        assert "Public domain" not in doc.text, doc.doc_id
        assert "公有领域" not in doc.text[-400:], doc.doc_id
        assert "\u200b" not in doc.text and "\u200d" not in doc.text, doc.doc_id
        footers += "licence_footer" in doc.docvars["clean_steps"]
    assert footers >= 50  # most records carry the footer; a few resolutions do not


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("中国发展。，\n \u3000\u200b*＊０１％．ＡPublicdomain本作品前言:本站為你")
        ),
        max_size=120,
    )
)
def test_clean_never_fails_and_maps_back(text: str) -> None:
    r = pt.clean(text)
    assert r.alignment.length == len(r.text)
    for m in r.masks:
        assert text[m.original_start : m.original_end] == m.text
    for i in range(len(r.text)):
        s, e = r.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
    for rem in r.removed:
        assert text[rem.start : rem.end] == rem.text


@given(st.text(max_size=200))
def test_clean_accepts_any_string(text: str) -> None:
    r = pt.clean(text)
    assert isinstance(r.text, str) and r.original == text
