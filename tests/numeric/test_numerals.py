"""Numerals: our own table of cases, the peers' suites in ../shared, and properties."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.numeric import find_numbers, parse_number
from policytext.numeric.evaluate import cn2an_case, cn2an_cases, recognizers_case
from tests.conftest import REPO, shared_path

KNOWN_FAILURES = json.loads((REPO / "tests" / "data" / "number_known_failures.json").read_text("utf-8"))


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一千二百万", 12_000_000),
        ("一千二百", 1200),
        ("1.3万亿", 1.3e12),
        ("1200万", 12_000_000),
        ("两千四百五", 2450),  # the last digit counts in the next lower place
        ("九十二万四", 924_000),
        ("三十二", 32),
        ("十五", 15),
        ("百三", 130),
        ("一百零五", 105),
        ("一百十六", 116),
        ("四万万", 400_000_000),
        ("5万4千6百", 54_600),
        ("3万4000", 34_000),
        ("壹佰贰拾叁", 123),
        ("兩千零五", 2005),
        ("二〇二五", 2025),  # read digit by digit
        ("零点五", 0.5),
        ("三点一四", 3.14),
        ("负十二", -12),
        ("２．５", 2.5),
        ("12,345.6", 12345.6),
        ("40k", 40_000),
        ("2e3", 2000),
        ("廿三", 23),
    ],
)
def test_parse_number(numeral: str, value: float) -> None:
    got = parse_number(numeral)
    assert got is not None and math.isclose(got, value), (numeral, got)


@pytest.mark.parametrize("bad", ["", "万", "点五", "十一十二", "百百", "abc", "零点"])
def test_parse_number_rejects(bad: str) -> None:
    assert parse_number(bad) is None


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_max", "unit", "kind"),
    [
        ("占比百分之三十点二六。", "百分之三十点二六", 30.26, None, "%", "percent"),
        ("涨幅２．５％左右", "２．５％", 2.5, None, "%", "percent"),
        ("提高4个百分点", "4个百分点", 4, None, "百分点", "percent"),
        ("提高1.5個百分點", "1.5個百分點", 1.5, None, "百分点", "percent"),
        ("千分之三的比例", "千分之三", 3, None, "‰", "percent"),
        ("九成以上的村", "九成", 90, None, "%", "percent"),
        ("三分之一的资金", "三分之一", 1 / 3, None, None, "fraction"),
        ("每年培养一两名", "一两", 1, 2, None, "number"),
        ("召开第十四次代表大会", "十四", 14, None, None, "ordinal"),
        ("新增就业一千二百万人", "一千二百万", 12_000_000, None, None, "number"),
        ("共有三十二个村", "三十二", 32, None, None, "number"),
    ],
)
def test_find_numbers_reads(
    text: str, surface: str, value: float, value_max: float | None, unit: str | None, kind: str
) -> None:
    found = [n for n in find_numbers(text) if n.text == surface]
    assert len(found) == 1, find_numbers(text)
    number = found[0]
    assert text[number.start : number.end] == surface
    assert math.isclose(number.value, value)
    assert number.value_max == value_max and number.unit == unit and number.kind == kind


@pytest.mark.parametrize("text", ["统一思想，进一步做好工作", "四川和陆地", "收拾行李", "一切从实际出发"])
def test_numeral_characters_inside_words_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_percentage_points_never_become_percent() -> None:
    (points,) = find_numbers("下降0.3个百分点")
    (percent,) = find_numbers("下降0.3%")
    assert (points.unit, percent.unit) == ("百分点", "%")


def test_numbers_inside_urls_are_skipped() -> None:
    found = find_numbers("详见 https://example.org/a/2024/05%20x 。增长5%")
    assert [n.text for n in found] == ["5%"]


NUMERAL_ALPHABET = st.sampled_from(list("一二三四五六七八九十百千万亿零两点负分之个百分点%．.,，0123456789 -又/第年成折元角^eEk"))


@given(st.text(alphabet=st.one_of(NUMERAL_ALPHABET, st.characters()), max_size=60))
@settings(max_examples=400, deadline=None)
def test_find_numbers_offsets_always_valid(text: str) -> None:
    previous_end = 0
    for number in find_numbers(text):
        assert 0 <= number.start < number.end <= len(text)
        assert text[number.start : number.end] == number.text
        assert number.start >= previous_end  # left to right, never overlapping
        previous_end = number.end
        assert math.isfinite(number.value) or math.isinf(number.value)


@pytest.mark.parametrize("text", ["2e999", "9^9999", "0^-1", "1.5^-9999", "9" * 400, "一" + "亿" * 40, "三" * 5000])
def test_extreme_numerals_do_not_raise(text: str) -> None:
    for number in find_numbers(text):
        # a run of digits past the float range is one number whose value is NaN (its exact
        # digits are its text); anything else has a finite value
        assert math.isfinite(number.value) or (math.isnan(number.value) and number.text.isdigit())
        assert text[number.start : number.end] == number.text


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None)
def test_parse_number_never_raises(text: str) -> None:
    value = parse_number(text)
    assert value is None or isinstance(value, float)


# -- the peers' suites -----------------------------------------------------------------------


@pytest.mark.shared
def test_recognizers_text_number_and_percent_models() -> None:
    base = shared_path("testsuites/recognizers-text-zh/Number")
    known = {(k["model"], k["index"]) for k in KNOWN_FAILURES["recognizers-text-zh"]}
    total, failed = 0, set()
    for model in ("NumberModel", "PercentModel"):
        cases = json.loads((base / f"{model}.json").read_text("utf-8-sig"))
        for index, case in enumerate(cases):
            total += 1
            right, _, _ = recognizers_case(model, case)
            if not right:
                failed.add((model, index))
    assert failed <= known, f"new failures: {sorted(failed - known)}"
    assert not known - failed, f"now passing, remove from known failures: {sorted(known - failed)}"
    assert (total - len(failed)) / total >= 0.90, (total, len(failed))


@pytest.mark.shared
def test_cn2an_chinese_to_number_cases() -> None:
    suite = json.loads(shared_path("testsuites/cn2an/cn2an_cases.json").read_text("utf-8"))
    known = {(k["group"], k["index"]) for k in KNOWN_FAILURES["cn2an"]}
    counters: dict[str, int] = {}
    failed = set()
    cases = cn2an_cases(suite)
    for group, text, expected in cases:
        index = counters.get(group, 0)
        counters[group] = index + 1
        if not cn2an_case(text, expected)[0]:
            failed.add((group, index))
    assert failed <= known, f"new failures: {sorted(failed - known)}"
    assert not known - failed, f"now passing, remove from known failures: {sorted(known - failed)}"
    assert (len(cases) - len(failed)) / len(cases) >= 0.95
