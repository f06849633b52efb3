"""Themes and comparisons across years on the national work reports 1954–2025."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import policytext as pt
from policytext.compare import spearman, term_counts

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def counts(national_corpus: pt.Corpus) -> pt.compare.TermCounts:
    return term_counts(national_corpus)


def test_the_corpus_covers_every_report_year(national_corpus: pt.Corpus) -> None:
    years = sorted(national_corpus.docvars["year"])
    assert years[0] == 1954 and years[-1] == 2025 and len(years) == len(set(years))
    assert {1989, 1990, 1991, 1996} <= set(years)  # the textworkshop17 fills


def test_dictionary_themes_over_time(national_corpus: pt.Corpus) -> None:
    table = pt.themes(national_corpus)

    def mean(theme: str, first: int, last: int) -> float:
        return float(table.loc[table["year"].between(first, last), theme].mean())

    assert mean("ecology_environment", 2013, 2025) > mean("ecology_environment", 1978, 1995)
    assert mean("ideology_class_struggle", 1954, 1978) > mean("ideology_class_struggle", 2001, 2025)
    assert {"layout", "decade", "title"} <= set(table.columns)  # docvars carried


def test_keyness_of_2016(national_corpus: pt.Corpus, counts: pt.compare.TermCounts) -> None:
    table = pt.compare.keyness(national_corpus, 2016, range(2011, 2016), by="year", top=20, counts=counts)
    assert "供给侧结构性改革" in set(table["term"])
    assert table["reference"].iloc[0] == "2011, 2012, 2013, 2014, 2015"


def test_emerging_terms_of_2015(national_corpus: pt.Corpus, counts: pt.compare.TermCounts) -> None:
    # ranked by what follows its first year (lifetime, persistence, first-year weight): 新常态
    # fades after 2018, so the terms that stayed (一带一路, 动能) rank above it
    table = pt.compare.emerging(national_corpus, by="year", top=30, counts=counts)
    assert "新常态" in set(table.loc[table["year"] == 2015, "term"])


def test_adjacent_years_are_more_alike(national_corpus: pt.Corpus, counts: pt.compare.TermCounts) -> None:
    table = pt.compare.similarity(national_corpus, by="year", counts=counts)
    years = list(table.index)
    gaps, values = [], []
    for i, a in enumerate(years):
        for b in years[i + 1 :]:
            gaps.append(abs(a - b))
            values.append(table.loc[a, b])
    assert spearman(gaps, values) < -0.8


@pytest.mark.parametrize("by", ["year", "decade"])
def test_groupings_work_the_same_way(national_corpus: pt.Corpus, counts: pt.compare.TermCounts, by: str) -> None:
    groups = sorted(set(national_corpus.docvars[by]))
    trend = pt.compare.trends(national_corpus, ["改革开放"], by=by)
    assert sorted(trend[by]) == groups
    if by == "year":  # docvars constant within a group come along: one report per year
        assert {"layout", "title", "decade"} <= set(trend.columns)
    assert list(pt.compare.similarity(national_corpus, by=by, counts=counts).index) == groups
    table = pt.compare.emerging(national_corpus, by=by, top=5, counts=counts)
    assert set(table[by]) <= set(groups)


def test_grouping_by_speaker(textworkshop_corpus: pt.Corpus) -> None:
    reports = textworkshop_corpus.subset([y >= 1980 for y in textworkshop_corpus.docvars["year"]])
    speakers = sorted(set(reports.docvars["speaker"]))
    assert len(speakers) >= 5
    trend = pt.compare.trends(reports, ["改革"], by="speaker")
    assert sorted(trend["speaker"]) == speakers
    key = pt.compare.keyness(reports, "李克强", by="speaker", top=10)
    assert len(key) == 10
    topics = pt.themes(reports, method="nmf", k=4)
    assert set(topics.prevalence("speaker")["speaker"]) == set(speakers)


def test_png_of_real_results(national_corpus: pt.Corpus, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    trend = pt.compare.trends(national_corpus, ["阶级斗争", "改革开放", "高质量发展"], by="year")
    figure = pt.plot.trends(trend)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(tmp_path / "trends.png", dpi=80)
    assert not [w for w in caught if "missing from" in str(w.message)]


#: the coinages of the national reports and the year each first appears (the Wikisource
#: layout has no 2020 report)
COINAGES = {"新常态": 2015, "供给侧结构性改革": 2016, "高质量发展": 2018, "乡村振兴": 2018, "碳达峰": 2021, "新质生产力": 2024}


def _reports_with_their_own_year(corpus: pt.Corpus) -> pt.Corpus:
    """The Wikisource records that carry their own year (the reports, not the resolutions,
    whose year is read from their text): the year's source is the record itself, whatever
    the reader calls it."""
    source = corpus.docvars["year_source"].astype(str)
    own = source.isin(["column", "docvars", "field", "record"]) & corpus.docvars["year"].notna()
    return corpus.subset(own.tolist())


def test_emerging_coinages_in_the_year_they_appear(wikisource_corpus: pt.Corpus) -> None:
    reports = _reports_with_their_own_year(wikisource_corpus)
    assert len(reports) == 52
    table = pt.compare.emerging(reports, by="year", top=30)
    years = sorted(set(reports.docvars["year"]))
    found = {}
    for term, _year in COINAGES.items():
        rows = table[(table["normalized"] == term)]
        found[term] = (int(rows["year"].iloc[0]), int(rows["rank"].iloc[0])) if len(rows) else None
    print("\nemerging (year, rank):", found)
    assert all(found[t] is not None and found[t][0] == y for t, y in COINAGES.items()), found
    assert years[0] not in set(table["year"])  # the first year has no baseline
    assert "first period" in table.attrs["note"]
    gone = pt.compare.vanishing(reports, by="year")
    assert years[-1] not in set(gone["year"])  # terms of the last year are still in use
