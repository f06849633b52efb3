"""Spaces PDF extraction puts into Chinese text are left out of the analysis text, with the
offset map still pointing at the original (spaces and all)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.script import Conversion

CJK = r"\u3400-\u4dbf\u4e00-\u9fff"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不 少 于 5 0 类", "不少于50类"),
        ("投资 3 000 万元", "投资3000万元"),
        ("新增 50 类，历时 12 个月，增长 5.5 %", "新增50类，历时12个月，增长5.5%"),
        ("国务院总理\u3000李克强", "国务院总理李克强"),
        ("发展 ， 改革 。", "发展，改革。"),
        ("GDP 增长 5%", "GDP 增长5%"),  # a space next to a Latin word stays
        ("in 2020 and 2021", "in 2020 and 2021"),
        ("增长\n5%", "增长\n5%"),  # a line break is not a space
        ("\u3000\u3000现在开会", "\u3000\u3000现在开会"),  # an indentation stays
    ],
)
def test_pdf_spaces_left_out(text: str, expected: str) -> None:
    c = pt.analysis_text(text, False)
    assert c.text == expected
    assert c.original == text
    assert c.original_text(0, len(c.text)) == text.strip("\n") or c.original_text(0, len(c.text)) == text


def test_spaces_and_conversion_compose() -> None:
    text = "黨 員 占 3 0 . 2 6 %，鼠 標 和 U 盤"
    c = pt.analysis_text(text, "auto")
    assert c.text.startswith("党员占30")
    assert c.original_text(0, 2) == "黨 員"
    assert c.to_original(0, 1) == (0, 1)
    c = pt.analysis_text("滑 鼠 和 隨 身 碟", "tw2sp")
    assert " " not in c.text and c.original == "滑 鼠 和 隨 身 碟"
    assert c.original_text(0, len(c.text)) == "滑 鼠 和 隨 身 碟"


def test_text_without_such_spaces_is_unchanged() -> None:
    text = "各位代表：现在，我代表国务院报告工作。GDP growth 5%."
    c = pt.analysis_text(text, False)
    assert c.text is text and c.is_identity


def test_segments_point_at_the_spaced_surface() -> None:
    text = "不 少 于 5 0 类"
    seg = pt.segment(text)
    assert "".join(seg.normalized) == "不少于50类"
    assert "50" in seg.normalized  # the number is one token, read whole
    for token, s, e in zip(seg.tokens, seg.starts.tolist(), seg.ends.tolist()):
        assert text[s:e] == token and token.strip() == token


CHUNK = st.one_of(
    st.text(st.sampled_from("中国发展改革經濟黨員类个月万"), min_size=1, max_size=4),
    st.text(st.sampled_from("0123456789"), min_size=1, max_size=4),
    st.text(st.sampled_from(" \u3000\t\u00a0"), min_size=1, max_size=3),
    st.text(st.sampled_from("abcXYZ"), min_size=1, max_size=4),
    st.sampled_from(["，", "。", "%", ".", "\n", "：", "（", "）", "GDP"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(CHUNK, max_size=30).map("".join), st.sampled_from([False, "auto", "t2s"]))
def test_every_character_maps_to_its_surface(text: str, convert: str | bool) -> None:
    c = pt.analysis_text(text, convert)
    assert isinstance(c, Conversion) and c.original == text
    assert c.alignment.length == len(c.text) and c.alignment.source_length == len(text)
    for i in range(len(c.text)):
        s, e = c.to_original(i, i + 1)
        surface = text[s:e]
        assert surface and c.original_text(i, i + 1) == surface
        if convert is False:
            assert surface == c.text[i]
        else:
            assert pt.convert(surface, "t2s") == c.text[i] or len(surface) > 1 or surface == c.text[i]
    # no space is left between two Chinese characters or digits
    assert not re.search(rf"[{CJK}0-9][ \t\u3000\u00a0]+[{CJK}0-9]", c.text)
