"""Rules of the indicator reader stated in general, each with made-up sentences of its own
(Simplified and Traditional where the script matters), and the long-input guard of the
numeral scan. No sentence is taken from the real material."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest

import policytext as pt
from policytext.numeric import is_quantity
from policytext.numeric.numerals import find_numbers


def _row(text: str, surface: str) -> pd.Series:
    table = pt.indicators(text)
    table = table[is_quantity(table)]
    rows = table[table["text"].str.startswith(surface)]
    assert len(rows) == 1, table[["text", "indicator", "status"]]
    return rows.iloc[0]


def _name(text: str, surface: str) -> str:
    name = _row(text, surface)["indicator"]
    return "" if pd.isna(name) else name


@pytest.mark.parametrize(("text", "surface", "name"), [
    # a governing verb with a noun suffix is the measured thing itself, not a verb to strip
    ("群众对改革的支持率提高到88%。", "88%", "群众对改革的支持率"),
    ("全年培训费控制在30万元以内。", "30万元", "培训费"),
    ("全年培訓費控制在30萬元以內。", "30萬元", "培训费"),
    # … while the verb before an ordinary noun still goes
    ("安排专项资金500万元。", "500万元", "专项资金"),
    # a change from the present level: the subject stops before 将由/会由 + 现在的
    ("水电比重将由目前的20%升至30%。", "20%", "水电比重"),
    ("水电比重将由目前的20%升至30%。", "30%", "水电比重"),
    ("水電比重將由目前的20%升至30%。", "30%", "水电比重"),
    # a count of a verb-noun compound counts the compound, whatever is said of it after
    ("五个新建项目资金已经到位。", "五个", "新建项目"),
    ("六个示范基地设施齐全。", "六个", "示范基地"),
    # new urban jobs are an indicator of their own: 新增 stays in its name
    ("新增城镇就业1100万人以上。", "1100万人", "新增城镇就业"),
    ("城镇新增就业1100万人以上。", "1100万人", "城镇新增就业"),
    # … a verb 新增 before another noun is stripped
    ("新增停车位800个。", "800个", "停车位"),
])
def test_general_naming_rules(text: str, surface: str, name: str) -> None:
    assert _name(text, surface) == name


def test_a_single_character_change_verb_takes_the_previous_subject() -> None:
    # 升至/降到 name no thing: the second level is the first one's subject's
    assert _name("粮食库存将由去年的60万吨降到50万吨。", "50万吨") == "粮食库存"


TRANSCRIPT = "主席：现在开会。\n甲委员：请教部长。\n乙部长：好。\n"


@pytest.mark.parametrize("turn", [
    "丙部长：失业率将由现在的5%降到4%。",
    "丙部長：失業率將由現在的5%降到4%。",
])
def test_a_speaker_s_future_change_is_a_plan_for_its_end_level(turn: str) -> None:
    # the cue 将由 opens the clause before the first level; the second level is where it gets
    assert _row(TRANSCRIPT + turn + "\n", "4%")["status"] == "plan"


def test_a_run_of_numerals_longer_than_the_scan_is_read_in_pieces() -> None:
    # each piece is matched no further than the scan reaches: as many pieces as before
    numbers = find_numbers("一" * 1000)
    assert numbers[0].start == 0 and all(a.end == b.start for a, b in pairwise(numbers))
    assert numbers[-1].end == 1000


def test_a_long_run_of_arabic_digits_is_still_one_number() -> None:
    numbers = find_numbers("9" * 500 + "元")
    assert len(numbers) == 1 and numbers[0].end == 500


def test_a_long_sentence_without_punctuation_reads_every_count() -> None:
    text = "两个" * 3000
    table = pt.indicators(text)
    assert len(table) == 3000
