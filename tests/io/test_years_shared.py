"""Years and dates of the real archives in ../shared (read at run time, never copied):
every year a source gives is kept, no year comes from a horizon, a history or a posting
line, signature and ROC dates are read, contradictions are warned."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
from policytext.io.dates import parse_date
from tests.conftest import TEXTWORKSHOP, WIKISOURCE, shared_path

pytestmark = pytest.mark.shared

BAODING = "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx"
GCCMPD = "corpora/gccmpd-gov-prc/GOV_PRC.csv"
LY = "corpora/ly-gazette-tw"


def _resolution(term: str, session: str) -> str:
    """The title of the NPC resolution on the work report of one session (the Wikisource
    layout names these records by it)."""
    return f"第{term}届全国人民代表大会第{session}次会议关于政府工作报告的决议"


#: the NPC resolutions on the work reports (Wikisource ``year: null``), by title, and the
#: year of their session
RESOLUTIONS = {
    _resolution("二", "三"): 1962,
    _resolution("十", "五"): 2007,
    **{_resolution("十一", n): 2007 + i for i, n in enumerate("一二三四五", 1)},
    **{_resolution("十二", n): 2012 + i for i, n in enumerate("一二三四五", 1)},
    **{_resolution("十三", n): 2017 + i for i, n in enumerate("一二三四五", 1)},
    **{_resolution("十四", n): 2022 + i for i, n in enumerate("一二三", 1)},
}
#: the resolutions whose header dates their adoption
RESOLUTIONS_DATED = {
    _resolution("十三", "三"): "2020-05-28",
    _resolution("十三", "四"): "2021-03-11",
    _resolution("十三", "五"): "2022-03-11",
    _resolution("十四", "一"): "2023-03-13",
}
#: State Council documents whose date signed at the end is a year before ``Year`` (both
#: transmit a report signed the year before): doc id → (Year, date signed)
GCCMPD_CLASHES = {"GOV_PRC.csv#23": (1983, "1982-12-30"), "GOV_PRC.csv#32": (1986, "1985-12-21")}
#: a few dates signed, as the texts end
GCCMPD_SIGNED = {
    "GOV_PRC.csv#1": "1980-02-20", "GOV_PRC.csv#3": "2016-11-02", "GOV_PRC.csv#19": "2010-01-02",
    "GOV_PRC.csv#44": "2000-07-19", "GOV_PRC.csv#85": "2010-11-23", "GOV_PRC.csv#99": "2003-11-08",
}
#: the Legislative Yuan sittings (SOURCES-extra.md)
LY_SITTINGS = [
    "2017-02-17", "2017-02-21", "2018-10-02", "2018-10-05", "2020-03-03", "2020-05-29",
    "2020-09-29", "2020-11-27", "2021-03-02", "2021-03-05", "2021-09-22", "2021-09-28",
]
#: Baoding rows holding another county's report (区县名称 → the county the text names)
BAODING_OTHER_COUNTY = {
    **{f"#{n}": ("唐县", "高唐县") for n in range(85, 90)},
    "#132": ("易县", "米易县"), "#133": ("易县", "米易县"),
}
#: the Baoding row whose header dates another year than 年份
BAODING_OTHER_YEAR = {"#133": (2024, "2022-01-24")}
#: a few Baoding header dates
BAODING_DATES = {
    "#4": "2022-01-27", "#7": "2003-04-07", "#12": "2008-03-27", "#24": "2020-01-09",
    "#31": "2011-01-20", "#39": "2019-01-29", "#62": "2017-02-26", "#85": "2021-03-11",
    "#147": "2021-07-28",
}


def _warnings(corpus: pt.Corpus, prefix: str) -> dict[str, list[str]]:
    p = corpus.problems[(corpus.problems["level"] == "warning") & corpus.problems["reason"].str.startswith(prefix)]
    out: dict[str, list[str]] = {}
    for doc_id, reason in zip(p["doc_id"], p["reason"]):
        out.setdefault(str(doc_id), []).append(reason)
    return out


def test_work_reports_wikisource() -> None:
    c = pt.read_corpus(shared_path(WIKISOURCE))
    dv = c.docvars
    records = [json.loads(line) for line in shared_path(WIKISOURCE).read_text("utf-8").splitlines() if line.strip()]
    given = [r["year"] for r in records]
    assert len(dv) == len(given) == 72
    for row, year in zip(dv.itertuples(), given):
        if year is not None:  # the year the record gives, exactly
            assert row.year == int(year) and row.year_source == "column" and row.doc_type == "report", row.title
        else:
            assert row.title in RESOLUTIONS and row.doc_type == "resolution", row.title
            assert pd.isna(row.year) or row.year == RESOLUTIONS[row.title], (row.title, row.year)
    resolutions = dv[dv["title"].isin(RESOLUTIONS)].set_index("title")
    assert len(resolutions) == 20
    dated = resolutions[resolutions["year"].notna()]
    assert dated["date"].to_dict() == RESOLUTIONS_DATED and set(dated["year_source"]) == {"header"}
    # the 1962 resolution speaks of 1958 in its body: no year, and why
    first = resolutions.loc[_resolution("二", "三")]
    assert pd.isna(first["year"]) and first["year_note"]
    assert not _warnings(c, "year conflict")


@pytest.mark.parametrize("pattern", [None, "{year}政府工作报告_{speaker}*.txt"])
def test_work_reports_textworkshop(pattern: str | None) -> None:
    folder = shared_path(TEXTWORKSHOP)
    c = pt.read_corpus(folder, pattern=pattern)
    dv = c.docvars
    named = [int(re.match(r"\d{4}", str(p)).group()) for p in dv["path"]]  # type: ignore[union-attr]
    assert dv["year"].tolist() == named and set(dv["year_source"]) == {"file name"}
    assert set(dv["doc_type"]) == {"report"}
    # the header's date of delivery, in the year of the file name
    assert (dv["date"].str.len() == 10).all()
    assert all(str(d).startswith(str(y)) for d, y in zip(dv["date"], dv["year"]))
    assert dv.set_index("year").loc[1989, "date"] == "1989-03-20"  # full-width digits
    assert dv.set_index("year").loc[1998, "date"] == "1998-03-05"  # letter-spaced digits
    assert not _warnings(c, "year conflict")


def test_state_council_documents() -> None:
    c = pt.read_corpus(shared_path(GCCMPD), text_field="Policy_Content")
    dv = c.docvars.set_index("doc_id")
    assert len(dv) == 100
    assert (dv["year"] == dv["Year"].astype(int)).all() and set(dv["year_source"]) == {"column"}
    signed = dv["date_signed"].dropna()
    assert len(signed) >= 74
    for doc_id, iso in GCCMPD_SIGNED.items():
        assert dv.loc[doc_id, "date_signed"] == iso
    # the zero of Chinese-numeral dates written ○ or 〇 (35 of them)
    texts = dict(zip(c.docvars["doc_id"], c.texts))
    assert sum(bool(re.search("[○〇]", texts[d][-30:])) for d in signed.index) >= 35
    clashing = {d: (int(dv.loc[d, "Year"]), s) for d, s in signed.items() if int(s[:4]) != int(dv.loc[d, "Year"])}
    assert clashing == GCCMPD_CLASHES
    warned = _warnings(c, "year conflict")
    assert sorted(warned) == sorted(GCCMPD_CLASHES)
    for doc_id, (year, iso) in GCCMPD_CLASHES.items():
        assert dv.loc[doc_id, "year"] == year
        assert str(year) in warned[doc_id][0] and iso in warned[doc_id][0]
    # where the year and the date signed agree, the date is the date signed
    agree = signed.drop(list(GCCMPD_CLASHES))
    assert (dv.loc[agree.index, "date"].str.len() == 10).sum() >= 60


def test_legislative_yuan_sittings() -> None:
    folder = shared_path(LY)
    files = sorted(folder.glob("*.doc.json"))
    sittings = [json.loads(f.read_text("utf-8"))["時間"] for f in files]
    assert [parse_date(s).iso for s in sittings] == LY_SITTINGS
    c = pt.read_corpus(folder)
    if "時間" not in c.docvars.columns:
        pytest.skip("the nested-JSON reader does not give 時間 yet")
    dv = c.docvars.sort_values("path")
    assert dv["date"].tolist() == LY_SITTINGS and set(dv["year_source"]) == {"column"}
    assert set(dv["doc_type"]) == {"record"}


def test_county_workbook(tmp_path: Path) -> None:
    pytest.importorskip("python_calamine")
    c = pt.read_corpus(shared_path(BAODING))
    if "年份" not in c.docvars.columns:
        pytest.skip("no xlsx reader yet")
    dv = c.docvars.set_index(c.docvars["doc_id"].str.replace(r"^.*(#\d+)$", r"\1", regex=True))
    assert len(dv) == 76
    assert (dv["year"] == dv["年份"].astype(int)).all() and set(dv["year_source"]) == {"column"}
    for row, iso in BAODING_DATES.items():
        assert dv.loc[row, "date"] == iso, row
    # never the scraping site's posting date
    texts = dict(zip(dv.index, c.texts))
    posted = {r: m.group(1) for r, t in texts.items() if (m := re.search(r"时间：(\d{4}-\d\d-\d\d)", t))}
    assert len(posted) == 48 and not any(dv.loc[r, "date"] == d for r, d in posted.items())
    assert (dv["date"].str.len() == 10).sum() >= 55
    # every date lies in the year of 年份, except where the text is another year's
    assert all(str(d).startswith(str(y)) for d, y in zip(dv["date"], dv["year"]))
    years = _warnings(c, "year conflict")
    assert {re.sub(r"^.*(#\d+)$", r"\1", k): v for k, v in years.items()}.keys() == BAODING_OTHER_YEAR.keys()
    for row, (year, iso) in BAODING_OTHER_YEAR.items():
        reason = next(v for k, v in years.items() if k.endswith(row))[0]
        assert str(year) in reason and iso in reason
    places = {re.sub(r"^.*(#\d+)$", r"\1", k): v for k, v in _warnings(c, "place conflict").items()}
    assert places.keys() == BAODING_OTHER_COUNTY.keys()
    for row, (column, named) in BAODING_OTHER_COUNTY.items():
        assert f"'{column}'" in places[row][0] and f"'{named}'" in places[row][0]
    assert set(dv["doc_type"]) == {"report"}
    # with 年份 and 区县名称 stripped, the text alone: no wrong year (row #133 holds the report
    # of 2022), and the one whose title and header disagree gets none
    alone = _text_only(tmp_path, "baoding", list(c.texts), dv["报告标题"].tolist())
    truth = [2022 if row == "#133" else int(y) for row, y in zip(dv.index, dv["年份"])]
    got = alone["year"].tolist()
    assert not [(r, g, t) for r, g, t in zip(dv.index, got, truth) if pd.notna(g) and g != t]
    assert sum(pd.notna(g) for g in got) >= 75 and pd.isna(got[list(dv.index).index("#133")])


def _text_only(tmp_path: Path, name: str, texts: list[str], titles: list[str] | None) -> pd.DataFrame:
    """The docvars of ``texts`` read with no metadata but (maybe) a title: every year from the text."""
    path = tmp_path / f"{name}.jsonl"
    rows = [{"id": f"d{i}", "text": t, **({"title": titles[i]} if titles else {})} for i, t in enumerate(texts)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    return pt.read_corpus(path).docvars


def test_years_from_the_text_alone_are_never_wrong(tmp_path: Path) -> None:
    """With the metadata stripped, the text gives the year of most documents and never a wrong one."""
    records = [json.loads(line) for line in shared_path(WIKISOURCE).read_text("utf-8").splitlines() if line.strip()]
    reports = [r for r in records if r["year"] is not None]
    files = sorted(shared_path(TEXTWORKSHOP).glob("*.txt"))
    table = pd.read_csv(shared_path(GCCMPD), encoding="utf-8-sig").dropna(subset=["Policy_Content"])
    cases = {  # name: texts, titles, true years, how many must get a year
        "wikisource": ([r["content"] for r in reports], [r["title"] for r in reports], [int(r["year"]) for r in reports], 52),
        "textworkshop": ([f.read_text("utf-8") for f in files], None, [int(f.name[:4]) for f in files], 49),
        "gccmpd": (table["Policy_Content"].tolist(), table["Policy"].tolist(), table["Year"].astype(int).tolist(), 97),
    }
    for name, (texts, titles, truth, least) in cases.items():
        dv = _text_only(tmp_path, name, texts, titles)
        got = dv["year"].tolist()
        wrong = [(i, g, t, s) for i, (g, t, s) in enumerate(zip(got, truth, dv["year_source"])) if pd.notna(g) and g != t]
        assert wrong == [], name
        assert sum(pd.notna(g) for g in got) >= least, name
        assert not dv["year_source"].isin(["column", "file name", "sidecar"]).any()
