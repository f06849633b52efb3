"""Trends, keyness, emerging/vanishing terms and similarity on small corpora of our own."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.compare import keyness, similarity, spearman, trends, vanishing

DOCS = {
    2001: "推进乡镇企业发展。乡镇企业增加。农田水利建设。",
    2002: "推进乡镇企业发展。农田水利建设。农田水利投入。",
    2003: "推进乡村振兴建设。乡村振兴试点。农田水利建设。",
    2004: "推进乡村振兴建设。乡村振兴覆盖。乡村振兴发展。",
}


@pytest.fixture
def corpus() -> pt.Corpus:
    years = list(DOCS)
    return pt.Corpus(
        list(DOCS.values()),
        pd.DataFrame({"doc_id": [f"r{y}" for y in years], "year": years, "era": ["early", "early", "late", "late"],
                      "speaker": ["甲", "甲", "乙", "乙"]}),
    )


def test_trends_count_per_group_with_zeros_and_docvars(corpus: pt.Corpus) -> None:
    table = trends(corpus, ["乡村振兴", "鄉鎮企業"], by="year")
    counts = {(r.year, r.term): r.count for r in table.itertuples()}
    assert [counts[(y, "乡村振兴")] for y in DOCS] == [0, 0, 2, 3]
    assert [counts[(y, "乡镇企业")] for y in DOCS] == [2, 1, 0, 0]  # asked in Traditional
    row = table.iloc[0]
    assert math.isclose(row["per_10k"], 1e4 * row["count"] / row["tokens"])
    assert {"era", "speaker"} <= set(table.columns)  # docvars constant within a year come along


def test_trends_by_era_sums_the_years(corpus: pt.Corpus) -> None:
    table = trends(corpus, ["乡村振兴"], by="era").set_index("era")
    assert table.loc["late", "count"] == 5 and table.loc["early", "count"] == 0
    assert "speaker" in table.columns and "year" not in table.columns  # year varies within an era


@pytest.mark.parametrize("measure", ["logodds", "chi2", "g2"])
def test_keyness_puts_the_targets_own_terms_first(corpus: pt.Corpus, measure: str) -> None:
    table = keyness(corpus, "late", "early", by="era", measure=measure, min_count=1)
    assert table.iloc[0]["term"] == "乡村振兴"
    assert table.iloc[-1]["score"] < 0  # terms of the reference come last, with negative scores
    assert set(table.loc[table["term"] == "乡镇企业", "count_target"]) == {0}
    assert table["target"].iloc[0] == "late" and table["reference"].iloc[0] == "early"


def test_keyness_errors(corpus: pt.Corpus) -> None:
    with pytest.raises(ValueError, match="measure"):
        keyness(corpus, 2004, measure="tfidf")
    with pytest.raises(ValueError, match="target"):
        keyness(corpus, 1999)
    with pytest.raises(KeyError, match="no docvar"):
        keyness(corpus, 2004, by="region")


def test_emerging_and_vanishing(corpus: pt.Corpus) -> None:
    new = pt.compare.emerging(corpus, by="year", min_count=2)
    first = {r.term: r.year for r in new.itertuples()}
    assert first["乡村振兴"] == 2003
    # the first period has no baseline: none of its terms is reported, and the table says so
    assert 2001 not in set(new["year"]) and "乡镇企业" not in first
    assert "first period" in new.attrs["note"]
    row = new[new["term"] == "乡村振兴"].iloc[0]
    assert row["persistence"] == 1.0 and row["rank"] >= 1 and row["lifetime"] == 5
    gone = vanishing(corpus, by="year", min_count=1)
    last = {r.term: r.year for r in gone.itertuples()}
    assert last["乡镇企业"] == 2002 and last["农田水利"] == 2003
    assert 2004 not in set(gone["year"])  # terms of the last period are still in use


def test_emerging_counts_the_lifetime_not_the_first_period() -> None:
    # a coinage used once in the year it appears and taken up after: reported in that year
    texts = ["推进乡镇企业发展。", "推进碳达峰。推进乡镇企业发展。", "碳达峰碳达峰。乡镇企业。", "碳达峰行动。乡镇企业。"]
    corpus = pt.Corpus(texts, pd.DataFrame({"doc_id": list("abcd"), "year": [2019, 2020, 2021, 2022]}))
    table = pt.compare.emerging(corpus, min_count=3)
    row = table[table["normalized"] == "碳达峰"].iloc[0]
    assert row["year"] == 2020 and row["count"] == 1 and row["lifetime"] == 4
    assert row["persistence"] == 1.0 and row["growth"] == 1
    assert pt.compare.emerging(corpus, min_count=5).empty


def test_emerging_terms_are_written_as_the_corpus_writes_them() -> None:
    texts = ["推行河長制。", "河長制全面推行，河長制考核。", "河長制責任落實，湖長制。", "湖長制。河長制。湖長制。"]
    corpus = pt.Corpus(texts, pd.DataFrame({"doc_id": list("abcd"), "year": [2016, 2017, 2018, 2019]}))
    new = pt.compare.emerging(corpus, min_count=2)
    assert dict(zip(new["normalized"], new["term"]))["湖长制"] == "湖長制"
    gone = vanishing(corpus, min_count=1)
    assert dict(zip(gone["normalized"], gone["term"]))["责任"] == "責任"
    key = keyness(corpus, 2019, by="year", min_count=1)
    assert dict(zip(key["normalized"], key["term"]))["河长制"] == "河長制"


def test_similarity_is_square_symmetric_and_labelled(corpus: pt.Corpus) -> None:
    table = similarity(corpus, by="year")
    assert list(table.index) == list(table.columns) == list(DOCS)
    assert table.index.name == "year"
    assert all(math.isclose(table.iloc[i, i], 1.0) for i in range(len(table)))
    assert math.isclose(table.loc[2001, 2004], table.loc[2004, 2001])
    assert table.loc[2001, 2002] > table.loc[2001, 2004]


def test_top_neighbours_are_the_top_of_the_square_matrix(corpus: pt.Corpus) -> None:
    square = similarity(corpus, by="year")
    table = similarity(corpus, by="year", top=2)
    assert list(table.columns) == ["year", "neighbour", "similarity", "rank"]
    for year, rows in table.groupby("year"):
        others = square.loc[year].drop(year)
        others = others[others > 0].sort_values(ascending=False, kind="stable")
        assert rows["neighbour"].tolist() == others.index[:2].tolist()
        assert rows["similarity"].to_numpy() == pytest.approx(others.to_numpy()[:2])
        assert rows["rank"].tolist() == list(range(1, len(rows) + 1))


def test_many_groups_give_neighbours_not_a_square(corpus: pt.Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    from policytext.compare import neighbours

    monkeypatch.setattr(neighbours, "DENSE_MAX", 2)  # the corpus has more groups than that
    table = similarity(corpus, by="year")
    assert "neighbour" in table.columns and len(table) <= len(DOCS) * neighbours.NEIGHBOURS


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=8), min_size=2, max_size=12), st.integers(1, 6))
def test_neighbour_scores_never_exceed_the_cosine(rows: list[list[int]], max_df: int) -> None:
    import numpy as np
    from scipy import sparse

    from policytext.compare.neighbours import tfidf_rows, top_neighbours

    counts = sparse.lil_matrix((len(rows), 13))
    for i, terms in enumerate(rows):
        for t in terms:
            counts[i, t] += 1
    weights = tfidf_rows(counts.tocsr())
    full = (weights @ weights.T).toarray()
    row, col, score, rank = top_neighbours(weights, 3, max_df=max_df, block=4)
    assert (row != col).all() and (score > 0).all() and (rank <= 3).all()
    assert (score <= full[row, col] + 1e-9).all()
    exact = top_neighbours(weights, 3, max_df=len(rows), block=5)
    assert np.allclose(exact[2], full[exact[0], exact[1]])  # nothing left out: the cosine itself


def test_spearman() -> None:
    assert math.isclose(spearman([1, 2, 3], [3, 2, 1]), -1.0)
    assert math.isclose(spearman([1, 2, 3, 4], [1, 3, 2, 4]), 0.8)
