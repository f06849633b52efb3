"""Dates and years in metadata values: every form, ROC dates, zero forms, ambiguous
values, and which columns hold dates (never codes, ids or counts)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from policytext.io.dates import (
    AmbiguousDate,
    DateError,
    chinese_number,
    column_kind,
    date_rank,
    day_first_column,
    is_date_shaped,
    parse_date,
    parse_year,
    roc_column,
)

# --- column names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("date", "date"), ("Date", "date"), ("publish_date", "date"), ("Pub Date", "date"),
        ("pub_date", "date"), ("release time", "date"), ("Release_Date", "date"),
        ("发布时间", "date"), ("发布日期", "date"), ("成文日期", "date"), ("印发日期", "date"),
        ("时间", "date"), ("時間", "date"), ("日期", "date"), ("date_signed", "date"),
        ("meeting date", "date"), ("会议日期", "date"), ("enactment_date", "date"),
        ("year", "year"), ("Year", "year"), ("YEAR ", "year"), ("年份", "year"), ("年度", "year"),
        ("年", "year"), ("pub_year", "year"), ("民國年", "year"),
        ("title", "title"), ("报告标题", "title"), ("Policy", "title"),
        ("区县名称", "region"), ("地区", "region"), ("region", "region"), ("province", "region"),
        ("City", "region"), ("county", "region"), ("所属省份", "region"),
        # record keeping, effect, deadlines, plans, codes and counts are no dates
        ("更新时间", None), ("crawl_date", None), ("updated_at", None), ("实施日期", None),
        ("生效日期", None), ("截止日期", None), ("target_year", None), ("目标年份", None),
        ("区县代码", None), ("文本总长度(字)", None), ("word_count", None), ("id", None),
        ("years", None), ("URL", None),
    ],
)
def test_column_names(name: str, kind: str | None) -> None:
    assert column_kind(name) == kind


def test_date_columns_rank_the_documents_own_date_first() -> None:
    assert date_rank("成文日期") == 0 and date_rank("date_signed") == 0
    assert date_rank("date") == 1 and date_rank("时间") == 1
    assert date_rank("发布日期") == 2 and date_rank("release time") == 2
    assert date_rank("更新时间") is None


# --- content detection ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2019-03-05", "2019/3/5", "2019.03.05", "2019年3月5日", "２０１９年３月５日", "2019年3月",
        "二〇一九年三月五日", "民國107年2月", "107/12/21", "2019-03-05 10:00:00",
        dt.date(2019, 3, 5), dt.datetime(2019, 3, 5, 10), pd.Timestamp("2019-03-05"),
        np.datetime64("2019-03-05"),
    ],
)
def test_date_shaped_values(value: object) -> None:
    assert is_date_shaped(value)


@pytest.mark.parametrize(
    "value",
    [
        130607, "130607", 44562, 44562.0, "44562", 2019, "2019", "2019年", 13957, "20190305",
        "LCIDC01_1061701", "http://www.gov.cn/zhengce/content/2018-04/17/c_1.htm", "2021-2025",
        "国发〔2016〕12号", "第3次会议", True, "保定", "", "2019年政府工作报告全文" * 5,
    ],
)
def test_codes_ids_counts_and_years_are_never_date_shaped(value: object) -> None:
    assert not is_date_shaped(value)


# --- every form ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-03-05", "2019-03-05"),
        ("2019-3-5", "2019-03-05"),
        ("2019/03/05", "2019-03-05"),
        ("2019.03.05", "2019-03-05"),
        ("2019-03-05T10:30:00Z", "2019-03-05"),
        ("2019-03-05 10:30", "2019-03-05"),
        ("2019-03", "2019-03"),
        ("2019年3月5日", "2019-03-05"),
        ("2019年3月5号", "2019-03-05"),
        ("2019 年 3 月 5 日", "2019-03-05"),
        ("２０１９年３月５日", "2019-03-05"),
        ("2019年3月", "2019-03"),
        ("2019年", "2019"),
        ("1964年12月21日和22日", "1964-12-21"),
        ("二〇二二年一月二十七日", "2022-01-27"),
        ("二○○三年十一月八日", "2003-11-08"),
        ("一九八七年三月十四日", "1987-03-14"),
        ("二〇一〇年十二月三十一日", "2010-12-31"),
        ("一九九〇年五月九日", "1990-05-09"),
        ("二ＯＯ六年", "2006"),
        # ROC
        ("中華民國106年2月17日（星期五）上午10時1分", "2017-02-17"),
        ("中華民國106年2月21日（星期二）上午9時至下午17時47分", "2017-02-21"),
        ("中华民国110年9月28日", "2021-09-28"),
        ("民國107年", "2018"),
        ("民國107年10月", "2018-10"),
        ("民国一百零七年", "2018"),
        ("中華民國八十七年", "1998"),
        ("本（八十七）年", "1998"),
        ("本(87)年度", "1998"),
        ("107/12/21", "2018-12-21"),
        ("107.12.21", "2018-12-21"),
        # a day above 12 settles the order by itself
        ("13/04/2009", "2009-04-13"),
        ("04/13/2009", "2009-04-13"),
        (dt.date(2020, 5, 28), "2020-05-28"),
        (pd.Timestamp("2020-05-28 14:00"), "2020-05-28"),
    ],
)
def test_date_forms(value: object, iso: str) -> None:
    assert parse_date(value).iso == iso


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (43529, "2019-03-05"),  # an Excel serial number
        (43529.5, "2019-03-05"),  # with a time of day
        ("43529", "2019-03-05"),
        (2019, "2019"),
        (2019.0, "2019"),
        ("20190305", "2019-03-05"),
    ],
)
def test_numbers_are_dates_only_in_date_named_columns(value: object, iso: str) -> None:
    assert parse_date(value, named=True).iso == iso
    with pytest.raises(DateError):
        parse_date(value)


def test_roc_forms_that_need_the_column() -> None:
    assert parse_date("1071221", named=True, roc=True).iso == "2018-12-21"
    assert parse_date("98/01/05", roc=True).iso == "2009-01-05"
    with pytest.raises(DateError, match="two-digit year"):
        parse_date("98/01/05")  # 1998 or ROC 98 (2009): a Gregorian column cannot say


@pytest.mark.parametrize(
    ("values", "kind", "roc"),
    [
        (["106", "107", "110"], "year", True),
        ([106, 107.0], "year", True),
        (["2017", "107"], "year", False),
        ([2017, 2018], "year", False),
        (["民國107年", "2019"], "year", True),
        (["107/12/21", "108/01/05"], "date", True),
        (["1071221"], "date", True),
        (["2018-12-21", "2019-01-05"], "date", False),
        (["98/01/05"], "date", False),
        ([], "date", False),
    ],
)
def test_roc_columns_are_decided_by_their_values(values: list[object], kind: str, roc: bool) -> None:
    assert roc_column(values, kind=kind) is roc


# --- zero forms -------------------------------------------------------------------------------------


@pytest.mark.parametrize("zero", ["〇", "○", "◯", "Ｏ", "O", "o", "０", "0", "零"])
def test_every_zero_form_reads_zero(zero: str) -> None:
    assert chinese_number(f"二{zero}{zero}六") == 2006
    assert parse_date(f"二{zero}{zero}三年十一月八日").iso == "2003-11-08"
    assert parse_date(f"二{zero}一{zero}年十月一日").iso == "2010-10-01"


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("十", 10), ("十一", 11), ("二十", 20), ("二十七", 27), ("廿一", 21), ("卅", 30), ("三十一", 31),
     ("一百零七", 107), ("八十七", 87), ("一九八七", 1987), ("１０７", 107)],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


# --- ambiguous and unreadable values ------------------------------------------------------------------


def test_ambiguous_day_month_order_is_flagged_with_its_year() -> None:
    with pytest.raises(AmbiguousDate) as info:
        parse_date("02/04/2009")
    assert info.value.year == 2009 and "02/04/2009" in str(info.value)


def test_a_column_settles_the_day_month_order() -> None:
    day_first = ["02/04/2009", "13/04/2009", "05/05/2010"]
    month_first = ["02/04/2009", "04/13/2009"]
    assert day_first_column(day_first) is True and day_first_column(month_first) is False
    assert day_first_column(["02/04/2009", "03/05/2009"]) is None
    assert day_first_column(["13/04/2009", "04/13/2009"]) is None  # both ways: it settles nothing
    assert parse_date("02/04/2009", day_first=True).iso == "2009-04-02"
    assert parse_date("02/04/2009", day_first=False).iso == "2009-02-04"


@pytest.mark.parametrize(
    "value", ["明天", "2019年第一季度", "三月五日", "2019-13-05", "2019-02-30", "02/04/09", "2019年3月5日至2020年1月1日", "N/A"]
)
def test_unreadable_values_raise(value: str) -> None:
    with pytest.raises(DateError):
        parse_date(value)


# --- years ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "year"),
    [
        (2019, 2019), (2019.0, 2019), ("2019", 2019), ("2019.0", 2019), ("2019年", 2019),
        ("2019年度", 2019), ("２０１９", 2019), ("二〇一九年", 2019), ("二○一九", 2019),
        ("民國107年", 2018), ("中華民國一百零七年", 2018), ("2019-03-05", 2019),
        ("02/04/2009", 2009), (np.int64(2019), 2019),
    ],
)
def test_year_values(value: object, year: int) -> None:
    assert parse_year(value) == year


@pytest.mark.parametrize(
    "value", ["2021-2025", "2021—2025年", "2016～2020", "2019-20", 130607, 44562, 13957, 2019.5, "107", "去年", "十四五"]
)
def test_spans_codes_and_counts_are_no_year(value: object) -> None:
    with pytest.raises(DateError):
        parse_year(value)


def test_roc_year_columns() -> None:
    assert parse_year("107", roc=True) == 2018 and parse_year(110, roc=True) == 2021
    assert parse_year("2019", roc=True) == 2019
