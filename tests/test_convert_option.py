"""Every public extractor takes ``convert=`` with segment's values ("auto", False, an OpenCC
config name) and every offset it returns points into the text as given."""

from __future__ import annotations

import pandas as pd
import pytest

import policytext as pt

# Traditional (Taiwan) text with phrases tw2sp rewrites to other lengths (隨身碟 → U盘)
TEXT = (
    "一、過去一年工作回顧\n今年國內生產總值預期增長5%左右，城鎮新增就業1100萬人以上。"
    "推廣「兩個毫不動搖」，資訊科技與軟體產業產值增長12%，隨身碟與滑鼠出口3000萬個。"
    "堅持「兩個毫不動搖」，推進數位轉型。"
)
CONVERTS = [False, "auto", "tw2sp"]


def _corpus() -> pt.Corpus:
    return pt.Corpus([TEXT, TEXT.replace("5%", "6%")], pd.DataFrame({"doc_id": ["a", "b"], "year": [2023, 2024]}))


@pytest.mark.parametrize("convert", CONVERTS)
def test_offsets_point_into_the_original(convert: str | bool) -> None:
    seg = pt.segment(TEXT, convert=convert)
    assert all(TEXT[t.start : t.end] == t.text for t in seg) and "".join(seg.tokens) == "".join(TEXT.split())
    for table, column in (
        (pt.keywords(TEXT, convert=convert), "term"),
        (pt.formulations(TEXT, convert=convert), "term"),
        (pt.indicators(TEXT, convert=convert), "text"),
        (pt.kwic(TEXT, "兩個毫不動搖", convert=convert), "match"),
    ):
        assert len(table), (column, convert)
        assert all(TEXT[s:e] == v for s, e, v in zip(table["start"], table["end"], table[column]))
    terms = pt.PolicyTokenizer(convert=convert).terms(TEXT)
    assert all(TEXT[s:e] for s, e in zip(terms.starts.tolist(), terms.ends.tolist()))


@pytest.mark.parametrize("convert", CONVERTS)
def test_corpus_level_extractors_accept_convert(convert: str | bool) -> None:
    corpus = _corpus()
    targets = pt.compare.targets(corpus, convert=convert)
    assert all(TEXT[s:e].startswith(("5%", "6%")) or corpus.texts[1][s:e].startswith("6%")
               for s, e in zip(targets["start"], targets["end"]))
    assert len(pt.themes(corpus, convert=convert)) == 2
    assert len(pt.themes(corpus, method="nmf", k=2, min_df=1, max_df=1.0, convert=convert).terms)
    assert pt.compare.term_counts(corpus, convert=convert).matrix.shape[0] == 2
    assert len(pt.compare.trends(corpus, ["數位轉型"], convert=convert))
    assert set(pt.compare.similarity(corpus, convert=convert).index) == {2023, 2024}
    pt.compare.keyness(corpus, 2024, convert=convert)
    pt.compare.emerging(corpus, convert=convert)
    pt.compare.vanishing(corpus, convert=convert)
    pt.discover_phrases(corpus, min_count=2, convert=convert)


def test_conversion_changes_what_is_read() -> None:
    # without conversion the Traditional words are not in the (Simplified) lexicon's form
    read = {c: set(pt.segment(TEXT, convert=c).normalized) for c in CONVERTS}
    assert "增长" not in read[False] and "增长" in read["auto"] and "增长" in read["tw2sp"]
    assert "U盘" in read["tw2sp"] and "U盘" not in read["auto"]  # tw2sp's Mainland phrases


@pytest.mark.parametrize("bad", [True, "tw2x", "t2s2"])
def test_an_unknown_convert_value_is_refused_everywhere(bad: object) -> None:
    for call in (
        lambda: pt.segment(TEXT, convert=bad),  # type: ignore[arg-type]
        lambda: pt.indicators(TEXT, convert=bad),  # type: ignore[arg-type]
        lambda: pt.keywords(TEXT, convert=bad),  # type: ignore[arg-type]
        lambda: pt.formulations(TEXT, convert=bad),  # type: ignore[arg-type]
    ):
        with pytest.raises(pt.ConfigError, match="convert must be"):
            call()
