"""diff, formulation_changes and target_changes on sentences of our own."""

from __future__ import annotations

import pandas as pd
import pytest

import policytext as pt
from policytext.compare.diff import (
    DIFF_COLUMNS,
    FORMULATION_CHANGE_COLUMNS,
    TARGET_CHANGE_COLUMNS,
    _allowed,
    _prepare,
    consecutive_pairs,
    diff,
    formulation_changes,
    sentence_spans,
    similarity_matrix,
    target_changes,
)

A = ("一、回顾\n经济平稳增长，就业持续增加。物价总体稳定。我们坚持稳中求进工作总基调。\n"
     "二、任务\n今年要扩大国内需求，推动消费回升。稳定就业是头等大事，必须抓好。")
B = ("一、回顾\n经济平稳增长。就业持续增加。我们坚持稳中有进工作总基调。\n"
     "二、任务\n稳定就业是头等大事，必须抓好。今年要扩大国内需求，推动消费回升。新增一句关于科技创新的话。")


def _ops(table: pd.DataFrame) -> list[tuple[str, str | None, str | None]]:
    return [(r.op, r.text_a if isinstance(r.text_a, str) else None, r.text_b if isinstance(r.text_b, str) else None)
            for r in table.itertuples()]


def test_every_kind_of_change() -> None:
    table = diff(A, B)
    assert tuple(table.columns) == DIFF_COLUMNS
    assert _ops(table) == [
        ("same", "一、回顾", "一、回顾"),
        ("split", "经济平稳增长，就业持续增加。", "经济平稳增长。就业持续增加。"),
        ("removed", "物价总体稳定。", None),
        ("changed", "我们坚持稳中求进工作总基调。", "我们坚持稳中有进工作总基调。"),
        ("same", "二、任务", "二、任务"),
        ("moved", "稳定就业是头等大事，必须抓好。", "稳定就业是头等大事，必须抓好。"),
        ("same", "今年要扩大国内需求，推动消费回升。", "今年要扩大国内需求，推动消费回升。"),
        ("added", None, "新增一句关于科技创新的话。"),
    ]
    for row in table.itertuples():  # every offset points at its text in the original
        if isinstance(row.text_a, str):
            assert A[row.start_a : row.end_a] == row.text_a
        if isinstance(row.text_b, str):
            assert B[row.start_b : row.end_b] == row.text_b
        for span in row.inserted:
            assert B[span["start"] : span["end"]] == span["text"]
        for span in row.deleted:
            assert A[span["start"] : span["end"]] == span["text"]
    same = table[table["op"] == "same"]
    assert (same["similarity"] == 1).all() and table.loc[table["op"] == "added", "similarity"].isna().all()
    assert pd.isna(table.loc[2, "start_b"]) and str(table["start_b"].dtype) == "Int64"


def test_word_level_spans_of_a_changed_sentence() -> None:
    table = diff("今年要大力推进农业现代化。", "今年要加快推进农业农村现代化。")
    row = table.iloc[0]
    assert row["op"] == "changed" and 0.5 < row["similarity"] < 1
    assert [s["text"] for s in row["deleted"]] == ["大力"]
    assert "加快" in "".join(s["text"] for s in row["inserted"]) and "农村" in "".join(s["text"] for s in row["inserted"])


def test_merged_sentences() -> None:
    table = diff("经济平稳增长。就业持续增加。物价稳定。", "经济平稳增长，就业持续增加。物价稳定。")
    assert _ops(table)[0] == ("merged", "经济平稳增长。就业持续增加。", "经济平稳增长，就业持续增加。")


def test_a_moved_paragraph_is_moved_not_removed_and_added() -> None:
    paragraphs = [f"第{n}段讲的是第{n}件事情，内容各不相同{'甲乙丙丁戊己庚辛'[n]}。" for n in range(8)]
    moved = paragraphs[1:2]
    b_paragraphs = paragraphs[:1] + paragraphs[2:6] + moved + paragraphs[6:]
    table = diff("\n".join(paragraphs), "\n".join(b_paragraphs))
    assert table["op"].value_counts().to_dict() == {"same": 7, "moved": 1}
    assert table.loc[table["op"] == "moved", "text_a"].tolist() == moved


def test_traditional_against_simplified_reports_the_originals() -> None:
    a = "今年經濟平穩增長。物價總體穩定，就業增加。"
    b = "今年经济平稳增长。物价总体稳定，就业明显增加。"
    table = diff(a, b)
    assert table["op"].tolist() == ["same", "changed"]
    assert table.loc[0, "text_a"] == "今年經濟平穩增長。" and table.loc[1, "text_a"] == "物價總體穩定，就業增加。"
    assert [s["text"] for s in table.loc[1, "inserted"]] == ["明显"]


def test_documents_and_empty_texts() -> None:
    corpus = pt.Corpus(["经济增长。", "经济增长。就业增加。"], pd.DataFrame({"doc_id": ["x", "y"]}))
    assert diff(corpus["x"], corpus["y"])["op"].tolist() == ["same", "added"]
    assert diff("", "甲乙丙。")["op"].tolist() == ["added"]
    assert diff("", "").empty and tuple(diff("", "").columns) == DIFF_COLUMNS
    with pytest.raises(TypeError):
        diff("甲。")  # type: ignore[call-overload]


def test_sentence_spans_strip_white_space_and_keep_closing_quotes() -> None:
    text = "  他说：“要坚持。”\n\u3000\u3000（一）扩大内需\n好！"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["他说：“要坚持。”", "（一）扩大内需", "好！"]


def test_sentences_pair_in_place_only_inside_paired_sections() -> None:
    a = _prepare("一、2015年工作回顾\n经济增长。就业增加。\n二、2016年重点工作\n扩大内需。深化改革。", "auto", True)
    b = _prepare("一、2016年工作回顾\n经济增长较快。\n二、2017年重点工作\n深化改革开放。扩大内需。", "auto", True)
    allowed = _allowed(a, b, similarity_matrix(a.items, b.items))
    assert allowed is not None
    review_a, tasks_b = a.items.index("经济增长。"), b.items.index("扩大内需。")
    assert not allowed[review_a, tasks_b] and allowed[review_a, b.items.index("经济增长较快。")]
    assert _allowed(a, _prepare("经济增长。", "auto", True), similarity_matrix(a.items, ["经济增长。"])) is None


# -- a corpus, year by year -----------------------------------------------------------------

def _corpus() -> pt.Corpus:
    texts = [
        "今年主要预期目标是：国内生产总值增长6.5%左右。坚持“稳中求进”。落实“三去一降一补”。",
        "今年主要预期目标是：国内生产总值增长6%－6.5%。坚持“稳中有进”。落实三去一降一补。",
        "今年主要预期目标是：国内生产总值增长6%－6.5%。做好“六稳”工作。",
        "今年主要预期目标是：地区生产总值增长7%左右。",
        "今年主要预期目标是：地区生产总值增长7%左右。",
    ]
    docvars = pd.DataFrame({"doc_id": ["n18", "n19", "n21", "p18", "p19"], "year": [2018, 2019, 2021, 2018, 2019],
                            "level": ["national", "national", "national", "province", "province"]})
    return pt.Corpus(texts, docvars)


def test_consecutive_pairs_within_groups() -> None:
    pairs = list(consecutive_pairs(_corpus(), group="level"))
    assert pairs == [(("national",), 2018, 2019, "n18", "n19"), (("national",), 2019, 2021, "n19", "n21"),
                     (("province",), 2018, 2019, "p18", "p19")]


def test_two_documents_in_one_year_of_a_group_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"2 documents with year=2018 \(n18, p18\)"):
        diff(_corpus())
    with pytest.raises(KeyError, match="region"):
        diff(_corpus(), group="region")


def test_corpus_diff_by_year() -> None:
    table = diff(_corpus(), group="level")
    assert list(table.columns[:5]) == ["level", "year_a", "year_b", "doc_id_a", "doc_id_b"]
    assert tuple(table.columns[5:]) == DIFF_COLUMNS
    province = table[table["level"] == "province"]
    assert set(province["op"]) == {"same"}
    first = table[(table["year_a"] == 2018) & (table["level"] == "national")]
    assert first["op"].tolist() == ["changed", "changed", "changed"]


def test_formulation_changes_two_texts() -> None:
    a = "坚持“稳中求进”。落实“三去一降一补”和“互联网+”。推进“放管服”改革。"
    b = "坚持“稳中有进”。落实三去一降一补和“互联网＋”。深化“六稳”工作。"
    table = formulation_changes(a, b)
    assert tuple(table.columns) == FORMULATION_CHANGE_COLUMNS
    got = {(r.change, r.term_a if isinstance(r.term_a, str) else None, r.term_b if isinstance(r.term_b, str) else None)
           for r in table.itertuples()}
    # 三去一降一补 is still written (unquoted); 互联网+ and 互联网＋ are one form
    assert got == {("reworded", "稳中求进", "稳中有进"), ("dropped", "放管服", None), ("added", None, "六稳")}
    row = table[table["change"] == "reworded"].iloc[0]
    assert a[row["start_a"] : row["end_a"]] == "稳中求进" and b[row["start_b"] : row["end_b"]] == "稳中有进"


def test_formulation_changes_by_year() -> None:
    corpus = _corpus().subset(lambda d: d["level"] == "national")
    table = formulation_changes(corpus)
    pairs = {(r.year_a, r.change, r.normalized_a if isinstance(r.normalized_a, str) else r.normalized_b)
             for r in table.itertuples()}
    assert (2018, "reworded", "稳中求进") in pairs and (2019, "added", "六稳") in pairs
    assert (2019, "dropped", "三去一降一补") in pairs and (2018, "dropped", "三去一降一补") not in pairs


def test_target_changes_two_texts() -> None:
    a = "今年主要预期目标是：国内生产总值增长6.5%左右，城镇新增就业1050万人以上，居民消费价格涨幅3%左右。"
    b = "今年主要预期目标是：国内生产总值增长6%－6.5%，城镇新增就业1050万人以上，城镇调查失业率5.3%左右。"
    table = target_changes(a, b)
    assert tuple(table.columns) == TARGET_CHANGE_COLUMNS
    rows = {r.target: r for r in table.itertuples()}
    assert set(rows) == {"gdp_growth", "cpi", "surveyed_unemployment"}  # jobs unchanged: no row
    gdp = rows["gdp_growth"]
    assert (gdp.change, gdp.written_a, gdp.written_b) == ("changed", "6.5%左右", "6%－6.5%")
    assert (gdp.qualifier_a, gdp.qualifier_b, gdp.value_max_b) == ("approx", "range", 6.5)
    assert a[gdp.start_a : gdp.end_a] == "6.5%左右" and gdp.sentence_b.startswith("今年主要预期目标")
    assert rows["cpi"].change == "dropped" and pd.isna(rows["cpi"].written_b)
    assert rows["surveyed_unemployment"].change == "added"


def test_target_changes_by_year() -> None:
    table = target_changes(_corpus(), group="level")
    assert list(table.columns[:5]) == ["level", "year_a", "year_b", "doc_id_a", "doc_id_b"]
    got = [(r.level, r.year_a, r.year_b, r.target, r.written_a, r.written_b) for r in table.itertuples()]
    assert got == [("national", 2018, 2019, "gdp_growth", "6.5%左右", "6%－6.5%")]
