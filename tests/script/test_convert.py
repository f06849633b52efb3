"""Conversion: OpenCC's own cases, offsets back to the original, both OpenCC implementations."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.script.backend import OFFICIAL, REIMPLEMENTED
from tests.conftest import OPENCC_CASES, shared_path

pytestmark = pytest.mark.conversion

# configs the pure-Python port does not ship (it raises a clear error for them)
MISSING_IN_PORT = ("tw2t", "hk2t", "s2hkp", "hk2sp")


def _opencc_cases() -> list[tuple[str, str, str, str]]:
    raw = shared_path(OPENCC_CASES).read_text("utf-8")
    data = json.loads(re.sub(r",(\s*[\]}])", r"\1", raw))  # the file has trailing commas
    return [
        (case["id"], config, case["input"], expected)
        for case in data["cases"]
        for config, expected in case["expected"].items()
    ]


def test_opencc_testcases() -> None:
    cases = _opencc_cases()
    assert len(cases) == 543
    info = pt.opencc_info()
    passed, unsupported, failures = 0, 0, []
    for case_id, config, text, expected in cases:
        try:
            got = pt.convert(text, config)
        except pt.UnsupportedConfigError:
            unsupported += 1
            continue
        if got == expected:
            passed += 1
        else:
            failures.append((case_id, config, expected, got))
        # the offset variant must give the same text
        assert pt.convert_with_offsets(text, config).text == got
    print(
        f"\nOpenCC cases through pt.convert with the {info.implementation} OpenCC {info.version}: "
        f"{passed}/{len(cases)} passed, {unsupported} in configs it lacks"
    )
    if info.implementation == OFFICIAL:
        assert passed == len(cases), failures[:5]
    else:
        # the pure-Python port passes far fewer; its rate is reported, and must not fall
        assert passed / len(cases) > 0.35, failures[:5]


@pytest.mark.parametrize("config", MISSING_IN_PORT)
def test_configs_missing_from_the_port_raise_a_clear_error(config: str) -> None:
    if pt.opencc_info().implementation != REIMPLEMENTED:
        assert pt.convert("汉字", config)  # the official binding has them all
        return
    with pytest.raises(pt.UnsupportedConfigError, match=config):
        pt.convert("汉字", config)


def test_unknown_config_names_itself() -> None:
    with pytest.raises(pt.UnsupportedConfigError, match="s2x"):
        pt.convert("汉字", "s2x")


@pytest.mark.parametrize(
    ("config", "text", "converted", "span", "original"),
    [
        ("t2s", "國務院政府工作報告", "国务院政府工作报告", (3, 5), "政府"),
        ("s2t", "发展党员", "發展黨員", (2, 4), "党员"),
        # phrase conversions that change length: the whole phrase maps back as one unit
        ("s2twp", "鼠标和U盘", "滑鼠和隨身碟", (3, 6), "U盘"),
        ("s2twp", "信息技术", "資訊科技", (0, 4), "信息技术"),
        ("tw2sp", "隨身碟和滑鼠", "U盘和鼠标", (0, 2), "隨身碟"),
    ],
)
def test_offsets_point_back_to_the_original(
    config: str, text: str, converted: str, span: tuple[int, int], original: str
) -> None:
    c = pt.convert_with_offsets(text, config)
    assert c.text == converted
    assert c.original_text(*span) == original


def test_a_conversion_that_changes_length() -> None:
    c = pt.convert_with_offsets("我买了一个U盘。", "s2twp")
    assert len(c.text) != len(c.original)
    assert c.original_text(c.text.index("隨身碟"), c.text.index("隨身碟") + 3) == "U盘"
    # characters after the phrase are shifted back correctly
    assert c.original_text(len(c.text) - 1, len(c.text)) == "。"


@pytest.mark.parametrize(
    ("config", "text", "converted", "span", "original"),
    [
        # characters that moved (鼠標 → 滑鼠): the phrase maps as one unit
        ("s2twp", "鼠标和U盘", "滑鼠和隨身碟", (0, 1), "鼠标"),
        # the longest agreement wins, not the nearest: the first 區域性 is 局部
        ("s2twp", "加强对局部和区域性风险", "加強對區域性和區域性風險", (3, 6), "局部"),
        ("s2twp", "加强对局部和区域性风险", "加強對區域性和區域性風險", (7, 10), "区域性"),
        # a character the phrase dropped (主機板 → 主板) joins its neighbour
        ("tw2sp", "主機板市場", "主板市场", (0, 1), "主機"),
    ],
)
def test_phrases_map_back_as_units(
    config: str, text: str, converted: str, span: tuple[int, int], original: str
) -> None:
    c = pt.convert_with_offsets(text, config)
    if c.text != converted:
        pytest.skip(f"this OpenCC converts {text!r} to {c.text!r}")
    assert c.original_text(*span) == original


def test_phrases_back_to_back_map_as_one_unit_until_the_text_agrees_again() -> None:
    sentence = "我们使用鼠标处理工作U盘里面存放信息技术资料软件开发工作打印机出现故障出租车"
    text = "鼠标" * 100 + sentence * 5  # one line; nothing agrees for 200 characters
    c = pt.convert_with_offsets(text, "s2twp")
    assert c.text == pt.convert(text, "s2twp")
    assert c.to_original(0, 1)[0] == 0
    assert 200 <= c.to_original(0, 1)[1] < 200 + len(sentence)
    last = c.text.rindex("資訊科技")
    assert c.original_text(last, last + 4) == "信息技术"


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
TEXT = st.text(
    alphabet=st.one_of(HAN, st.sampled_from("，。\n 0123456789U盘鼠标软件信息技术國務")),
    max_size=80,
)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(["t2s", "s2t", "s2twp", "tw2sp"]))
def test_every_converted_span_maps_to_a_valid_original_span(text: str, config: str) -> None:
    if config not in pt.available_configs():
        return
    c = pt.convert_with_offsets(text, config)
    assert c.text == pt.convert(text, config)
    starts = []
    for i in range(len(c.text)):
        s, e = c.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
        starts.append(s)
    assert starts == sorted(starts)
    if c.text:
        assert c.to_original(0, len(c.text)) == (0, len(text))
