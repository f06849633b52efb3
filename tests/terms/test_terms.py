"""Keywords, stopwords, the tokenizer, phrases, formulations and kwic on texts of our own."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.terms import (
    FORMULATION_COLUMNS,
    KEYWORD_COLUMNS,
    KWIC_COLUMNS,
    PolicyTokenizer,
    stopwords,
)
from policytext.terms.keyterms import Recurring, is_fragment

REPORTS = [
    "今年要大力推进数字乡村建设，扩大数字乡村试点，数字乡村覆盖全部行政村。进一步加强工作。",
    "全面推进河长制，落实河长制责任，河长制实现全覆盖。进一步加强工作。",
    "推动冰雪旅游发展，冰雪旅游收入增长，冰雪旅游成为新亮点。进一步加强工作。",
]


@pytest.mark.parametrize(
    ("tiers", "inside", "outside"),
    [
        (("function",), "的", "进一步"),
        (("function", "filler"), "进一步", "发展"),
        (("function", "filler", "generic"), "发展", "固本强基"),
    ],
)
def test_stopword_tiers(tiers: tuple[str, ...], inside: str, outside: str) -> None:
    words = stopwords(tiers)
    assert inside in words and outside not in words


@pytest.mark.parametrize(
    ("word", "term"),
    [("四十七个", False), ("第四次", False), ("两项", False), ("第一", False), ("三农", True), ("两会", True),
     ("三个代表", True), ("一带一路", True), ("一次性", True), ("十四五", True)],
)
def test_counted_numerals_are_not_terms(word: str, term: bool) -> None:
    text = f"我们讨论了{word}的情况。"
    assert (word in pt.PolicyTokenizer(phrases=[word])(text)) is term


def test_stopwords_extend_and_keep() -> None:
    words = stopwords(extra=["青川"], keep=["工作"])
    assert "青川" in words and "工作" not in words
    with pytest.raises(ValueError, match="unknown stopword tier"):
        stopwords(["nonsense"])


def test_tokenizer_is_picklable_and_works_in_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    tokenizer = PolicyTokenizer()
    again = pickle.loads(pickle.dumps(tokenizer))
    assert again(REPORTS[0]) == tokenizer(REPORTS[0])
    assert "进一步" not in tokenizer(REPORTS[0]) and "数字乡村" in "".join(tokenizer(REPORTS[0]))
    vectorizer = TfidfVectorizer(tokenizer=pt.terms.tokenize, lowercase=False, token_pattern=None)
    vectorizer.fit(REPORTS)
    assert "进一步" not in set(vectorizer.get_feature_names_out())
    pickle.loads(pickle.dumps(vectorizer))


def test_tokenizer_follows_a_changed_stopword_setting() -> None:
    # remembered verdicts and memoised texts must not outlive the setting they came from
    tokenizer = PolicyTokenizer()
    assert "乡村" in tokenizer(REPORTS[0])
    tokenizer.stopwords = ["乡村"]
    assert "乡村" not in tokenizer(REPORTS[0])
    tokenizer.stopwords = ("function",)
    assert "乡村" in tokenizer(REPORTS[0])


def test_keywords_of_a_corpus_are_each_documents_own() -> None:
    table = pt.keywords(REPORTS, top=3)
    assert tuple(table.columns) == KEYWORD_COLUMNS
    tops = table[table["rank"] == 1].set_index("doc_id")["normalized"].to_dict()
    assert "数字" in tops[0] or "乡村" in tops[0]
    assert tops[1] == "河长制"
    assert "冰雪" in tops[2]
    # 工作 and 进一步 are in every document and in the filler tier: never a keyword
    assert not set(table["normalized"]) & {"工作", "进一步", "加强"}
    for row in table.itertuples():
        assert REPORTS[row.doc_id][row.start : row.end] == row.term


def test_keywords_keep_the_original_script() -> None:
    text = "河長制全面推行，河長制責任落實，河長制考核。" * 3
    table = pt.keywords(text, top=3)
    top = table.iloc[0]
    assert top["term"] == "河長制" and top["normalized"] == "河长制"
    assert text[top["start"] : top["end"]] == "河長制" and top["count"] == 9


def test_textrank_and_bad_arguments() -> None:
    table = pt.keywords(REPORTS, top=2, method="textrank")
    assert set(table["doc_id"]) == {0, 1, 2} and (table["rank"] <= 2).all()
    with pytest.raises(ValueError, match="method"):
        pt.keywords(REPORTS, method="lda")
    with pytest.raises(ValueError, match="top"):
        pt.keywords(REPORTS, top=0)


@pytest.mark.parametrize(
    ("term", "recurring", "text", "fragment"),
    [
        ("本强基", [("固本强基", 10)], "固本强基" * 10, True),
        ("本强基", [("固本强基", 10)], "固本强基" * 10 + "本强基。" * 5, False),  # a third stands alone
        ("本强基", [("固本强基", 2)], "固本强基" * 2, False),  # the longer term is not recurring
        ("改革", [("供给侧结构性改革", 4)], "供给侧结构性改革" * 4 + "改革" * 4, False),
    ],
)
def test_is_fragment(term: str, recurring: list[tuple[str, int]], text: str, fragment: bool) -> None:
    assert is_fragment(term, Recurring(recurring), text) is fragment


def test_discover_phrases_finds_a_recurring_multiword_term() -> None:
    openings = ["今年", "我们要", "全市", "各县", "去年", "继续", "重点", "积极", "要求", "逐步"]
    endings = ["。", "，成效明显。", "，群众满意。", "，覆盖乡镇。", "，稳步推进。", "，受到欢迎。"]
    verbs = ["推行", "建设", "新建", "改造", "运营"]
    texts = [f"{a}{verbs[i % 5]}银发助餐服务驿站{b}" for i, (a, b) in enumerate((a, b) for a in openings for b in endings)]
    table = pt.discover_phrases(texts, min_count=5)
    assert "银发助餐服务驿站" in set(table["phrase"]) or "银发助餐服务" in set(table["phrase"])
    assert not (table["phrase"].str.len() > 12).any()


def test_formulations_numbered_and_quoted() -> None:
    texts = [
        "坚持“两个毫不动摇”，贯彻“放管服”改革。两个毫不动摇要落实。",
        "两个毫不动摇，一九九五年“九五”计划开局，九五年不算。“放管服”再深化。",
    ]
    table = pt.formulations(texts)
    assert tuple(table.columns) == FORMULATION_COLUMNS
    counts = {(r.doc_id, r.normalized): (r.pattern, r.count) for r in table.itertuples()}
    assert counts[(0, "两个毫不动摇")] == ("numbered", 2)
    assert counts[(1, "两个毫不动摇")] == ("numbered", 1)  # counted bare, once it is known
    assert counts[(1, "九五")] == ("numbered", 1)  # a numeral-only form counts only in quotes
    assert counts[(0, "放管服")] == ("quoted", 1)
    for row in table.itertuples():
        for start in row.starts:
            assert texts[row.doc_id][start : start + len(row.normalized)] == row.normalized


def test_formulations_in_traditional_keep_offsets() -> None:
    text = "堅持“兩個毫不動搖”，兩個毫不動搖。"
    row = pt.formulations(text).iloc[0]
    assert row["normalized"] == "两个毫不动摇" and row["count"] == 2
    assert text[row["start"] : row["end"]] == row["term"] == "兩個毫不動搖"


def test_kwic_matches_either_script_with_docvars() -> None:
    corpus = pt.Corpus(["黨員占比提高。", "党员人数增加。"], pd.DataFrame({"doc_id": ["a", "b"], "year": [2021, 2022]}))
    table = pt.kwic(corpus, "党员", window=2)
    assert list(table.columns[: len(KWIC_COLUMNS)]) == list(KWIC_COLUMNS)
    assert table["match"].tolist() == ["黨員", "党员"] and table["year"].tolist() == [2021, 2022]
    assert table.loc[0, "right"] == "占比"
    with pytest.raises(ValueError):
        pt.kwic(corpus, "")


ALPHABET = st.one_of(st.sampled_from(list("党员组织基层“”「」，。数字乡村一二三四五六七八九十个两发展工作進一步黨員")), st.characters())


@given(st.lists(st.text(alphabet=ALPHABET, max_size=60), min_size=1, max_size=3))
@settings(max_examples=60, deadline=None)
def test_term_functions_never_raise_and_offsets_hold(texts: list[str]) -> None:
    for row in pt.keywords(texts, top=5).itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.term
    for row in pt.formulations(texts).itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.term
    for row in pt.kwic(texts, "党员").itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.match
    pt.discover_phrases(texts, min_count=2)


# numbers the segmentation joins across the segmenter's tokens (6.5%, 1.3万亿, 3000万千瓦, 1万多所)
NUMBERY = st.lists(
    st.one_of(
        st.sampled_from(["3000万千瓦", "1万多所", "200多户", "增长6.5%", "1.3万亿元", "-2", "农村", "改造", "危房", "，", "。", " "]),
        st.text(alphabet=ALPHABET, max_size=4),
    ),
    max_size=20,
).map("".join)


@given(NUMBERY)
@settings(max_examples=150, deadline=None)
def test_summary_from_the_segmenters_strings_is_the_summary_from_slices(text: str) -> None:
    from policytext.segmentation import segment

    tokenizer = PolicyTokenizer()
    fast = tokenizer.summarize(segment(text, convert=False, keep_pieces=True))
    sliced = tokenizer.summarize(segment(text, convert=False))
    assert fast.terms == sliced.terms
    assert fast.counts.tolist() == sliced.counts.tolist() and fast.starts.tolist() == sliced.starts.tolist()
    assert all(text[s:e] == term for term, s, e in zip(fast.terms, fast.starts.tolist(), fast.ends.tolist()))
