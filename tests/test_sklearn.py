"""pt.sklearn: the tokenizer in vectorizers and pipelines, the two transformers, sklearn's checks."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union
from sklearn.utils.estimator_checks import parametrize_with_checks

import policytext as pt
from policytext.sklearn import IndicatorExtractor, ThemeScorer, Tokenizer

TEXTS = [
    "今年发展的主要预期目标是：国内生产总值增长5%左右，城镇新增就业1200万人以上，居民消费价格涨幅3%左右。",
    "去年國內生產總值增長5.2%，糧食產量1.39萬億斤，堅持鄉村振興。",
    "加强党的建设，推进全面从严治党，落实“两个确立”。",
]

#: checks expected to fail, with the reason: none. (sklearn itself skips its two array-API
#: checks unless SCIPY_ARRAY_API=1 is set; they concern numeric array libraries, not texts.)
SKIPPED: dict[str, str] = {}


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [({}, TEXTS[0]), ({}, TEXTS[1]), ({"normalized": False}, TEXTS[1]), ({"punctuation": True}, TEXTS[2])],
)
def test_tokenizer_gives_the_tokens_of_segment(kwargs: dict[str, bool], text: str) -> None:
    seg = pt.segment(text)
    tokens = seg.tokens if kwargs.get("normalized") is False else seg.normalized
    expected = tokens if kwargs.get("punctuation") else [t for t in tokens if any(c.isalnum() for c in t)]
    assert Tokenizer(**kwargs)(text) == expected
    assert "，" not in Tokenizer()(text)


def test_tokenizer_pickles_and_works_in_vectorizers() -> None:
    tokenizer = pickle.loads(pickle.dumps(Tokenizer()))
    vectorizer = CountVectorizer(tokenizer=tokenizer, token_pattern=None, lowercase=False).fit(TEXTS)
    assert "国内生产总值" in vectorizer.vocabulary_ and "国內生產總值" not in vectorizer.vocabulary_
    fitted = pickle.loads(pickle.dumps(vectorizer))
    assert (fitted.transform(TEXTS) != vectorizer.transform(TEXTS)).nnz == 0
    assert clone(TfidfVectorizer(tokenizer=Tokenizer(), token_pattern=None)).tokenizer == Tokenizer()


def test_indicator_extractor_reads_targets_in_either_script() -> None:
    extractor = IndicatorExtractor(targets=["gdp_growth", "new_urban_jobs", "cpi", "grain_output"], status="any")
    values = extractor.fit_transform(TEXTS)
    assert values.shape == (3, 4)
    assert values[0, 0] == 5 and values[0, 1] == 1200 and values[0, 2] == 3
    assert values[1, 0] == 5.2 and values[1, 3] == pytest.approx(1.39) and np.isnan(values[1, 1])
    assert np.isnan(values[2]).all()
    targets_only = IndicatorExtractor(targets=["gdp_growth"]).fit_transform(TEXTS)
    assert targets_only[0, 0] == 5 and np.isnan(targets_only[1, 0])  # 去年…5.2% is achieved, not a target


def test_transformers_give_pandas_with_feature_names_and_fit_in_pipelines() -> None:
    union = make_union(IndicatorExtractor(targets=["gdp_growth", "cpi"], status="any"), ThemeScorer())
    frame = union.set_output(transform="pandas").fit_transform(TEXTS)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 3
    assert "indicatorextractor__gdp_growth" in frame.columns and "themescorer__party_building" in frame.columns
    assert frame.loc[2, "themescorer__party_building"] > frame.loc[0, "themescorer__party_building"]
    scorer = ThemeScorer().fit(TEXTS)
    assert list(scorer.get_feature_names_out()) == list(pt.themes(pt.Corpus(TEXTS)).columns[2 : 2 + len(scorer.themes_)])


@pytest.mark.parametrize("bad", ["一个文本", [1, 2], None])
def test_transformers_reject_what_is_not_texts(bad: object) -> None:
    with pytest.raises(ValueError, match="text"):
        ThemeScorer().fit(bad)


def test_unknown_targets_and_status_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown targets"):
        IndicatorExtractor(targets=["gdp"]).fit(TEXTS)
    with pytest.raises(ValueError, match="status"):
        IndicatorExtractor(status="planned").fit(TEXTS)


@parametrize_with_checks([IndicatorExtractor(), ThemeScorer()], expected_failed_checks=lambda est: SKIPPED)
def test_sklearn_compatible(estimator, check) -> None:  # type: ignore[no-untyped-def]
    check(estimator)


def test_decade_of_a_work_report_from_its_text(national_corpus) -> None:  # type: ignore[no-untyped-def]
    from sklearn.metrics import balanced_accuracy_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    years = national_corpus.docvars["year"].astype(int)
    decades = (years // 10 * 10).to_numpy()
    pipeline = Pipeline([
        ("tfidf", TfidfVectorizer(tokenizer=Tokenizer(), token_pattern=None, lowercase=False, sublinear_tf=True)),
        ("model", LogisticRegression(max_iter=2000, C=10.0)),
    ])
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    predicted = cross_val_predict(pipeline, list(national_corpus.texts), decades, cv=folds)
    score = balanced_accuracy_score(decades, predicted)
    print(f"decade of a work report, 5-fold CV: balanced accuracy {score:.3f} over {len(set(decades))} decades")
    assert score >= 0.6
