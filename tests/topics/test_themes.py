"""Dictionary themes and topic models on texts of our own."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
from policytext.topics import bundled_themes, load_themes

TEXTS = [
    "加强生态环境保护，推进污染防治，节能减排取得进展。生态文明建设。",
    "坚持阶级斗争，巩固无产阶级专政，开展群众运动。",
    "推进科技创新，加强基础研究，发展人工智能和数字经济。",
]


@pytest.fixture
def corpus() -> pt.Corpus:
    return pt.Corpus(TEXTS, pd.DataFrame({"doc_id": ["eco", "class", "tech"], "year": [2020, 1960, 2024]}))


def test_bundled_lexicon_has_the_themes() -> None:
    themes = bundled_themes()
    for key in ("economy_growth", "reform_opening", "party_building", "agriculture_rural", "ecology_environment",
                "livelihood_welfare", "science_innovation", "security_defence", "rule_of_law", "foreign_affairs",
                "ideology_class_struggle"):
        assert len(themes[key]["terms"]) >= 20 and themes[key]["label"]


def test_dictionary_themes_rates_and_docvars(corpus: pt.Corpus) -> None:
    table = pt.themes(corpus).set_index("doc_id")
    assert table.loc["eco", "ecology_environment"] > 0 and table.loc["eco", "ideology_class_struggle"] == 0
    assert table.loc["class", "ideology_class_struggle"] > table.loc["class", "ecology_environment"]
    assert table.loc["tech", "science_innovation"] == max(table.loc["tech", list(bundled_themes())])
    assert table.loc["class", "year"] == 1960  # docvars attached
    # the rate is occurrences per 10,000 word tokens: 阶级斗争, 无产阶级专政, 群众运动 (3)
    assert math.isclose(table.loc["class", "ideology_class_struggle"], 1e4 * 3 / table.loc["class", "tokens"])


def test_user_themes_add_or_replace(corpus: pt.Corpus, tmp_path: Path) -> None:
    added = pt.themes(corpus, themes={"digital": ["人工智能", "数字经济"]})
    assert "digital" in added.columns and "economy_growth" in added.columns
    path = tmp_path / "mine.yaml"
    path.write_text("digital:\n  label: 数字化\n  terms: [人工智能, 数字经济]\n", encoding="utf-8")
    only = pt.themes(corpus, themes=path, replace=True)
    assert "digital" in only.columns and "economy_growth" not in only.columns
    assert only.set_index("doc_id").loc["tech", "digital"] > 0
    with pytest.raises(ValueError, match="list of terms"):
        load_themes({"bad": 3})
    with pytest.raises(FileNotFoundError):
        load_themes(tmp_path / "missing.yaml")


@pytest.mark.parametrize("method", ["nmf", "lda"])
def test_topic_models_are_seeded(corpus: pt.Corpus, method: str) -> None:
    extra = ["治理大气污染，改善环境质量。", "反对修正主义，开展整风。", "发展集成电路和大数据。",
             "推进绿色发展，发展清洁能源。", "批判资产阶级，巩固人民民主专政。", "支持研发，保护知识产权。"]
    texts = TEXTS + extra
    big = pt.Corpus(texts, pd.DataFrame({"doc_id": [f"d{i}" for i in range(9)], "year": [2000 + i for i in range(9)]}))
    first = pt.themes(big, method=method, k=3, seed=7, min_df=1)
    again = pt.themes(big, method=method, k=3, seed=7, min_df=1)
    pd.testing.assert_frame_equal(first.terms, again.terms)
    pd.testing.assert_frame_equal(first.documents, again.documents)
    shares = first.documents[first.topic_columns].sum(axis=1)
    assert all(math.isclose(s, 1.0, abs_tol=1e-9) or s == 0 for s in shares)
    prevalence = first.prevalence("year")
    assert set(prevalence.columns) == {"year", "topic", "share"} and len(prevalence) == 9 * 3
    assert "year" in first.documents.columns


def test_themes_bad_method(corpus: pt.Corpus) -> None:
    with pytest.raises(ValueError, match="method"):
        pt.themes(corpus, method="bertopic")
