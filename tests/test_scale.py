"""pt.scale: Wordfish against its own generative model, Wordscores against simulated texts
and quanteda's results on the LBG (2003) example, the estimators' sklearn conventions,
inputs (Corpus with by=, TermCounts, DataFrame, arrays) and the plots.

Run with ``-s`` to see the figures the acceptance asks for (correlations, coverage, timings)."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning

import policytext as pt
from policytext import scale
from policytext.scale import Wordfish, Wordscores, wordfish, wordscores

#: the two simulated cases: documents, words, document lengths (tokens), sd of the word weights
CASES = {
    "60x400": (60, 400, (2000, 5000), 0.6),
    # short documents: a third of the cells are 0
    "20x150-short": (20, 150, (300, 600), 1.0),
}


def simulate(case: str, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Counts from Wordfish's own model, y_ij ~ Poisson(exp(α_i + ψ_j + β_j θ_i)): θ ~ N(0, 1),
    β ~ N(0, sd), ψ a falling frequency profile, α set by the drawn document lengths.
    Returns the counts, θ, β and ψ."""
    n_docs, n_words, lengths, beta_sd = CASES[case]
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=n_docs)
    beta = rng.normal(scale=beta_sd, size=n_words)
    psi = np.sort(rng.normal(size=n_words))[::-1]
    shape = np.exp(psi[None, :] + np.outer(theta, beta))
    alpha = np.log(rng.uniform(*lengths, size=n_docs) / shape.sum(axis=1))
    return rng.poisson(np.exp(alpha)[:, None] * shape), theta, beta, psi


def aligned_truth(estimate: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """The true positions on the estimate's scale: θ is identified only up to location,
    scale and direction, so the truth is mapped by the least-squares line a + b·θ_true."""
    slope, intercept = np.polyfit(truth, estimate, 1)
    return np.asarray(intercept + slope * truth)


def standardised_errors(model: Wordfish, truth: np.ndarray) -> np.ndarray:
    """(θ̂ − θ) / se for each document, θ on the estimate's scale: a 95% interval covers θ
    where this is within ±1.96."""
    return np.asarray((model.positions_ - aligned_truth(model.positions_, truth)) / model.se_)


# --- Wordfish against its own model ------------------------------------------------------


@pytest.mark.parametrize("case", list(CASES))
def test_wordfish_recovers_positions_and_word_weights_of_a_simulated_corpus(case: str) -> None:
    counts, theta, beta, psi = simulate(case, seed=1)
    started, cpu = time.perf_counter(), time.process_time()
    model = Wordfish(dir=(int(np.argmin(theta)), int(np.argmax(theta)))).fit(counts)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    kept = np.asarray(model.words_)  # the columns that occur (positions: the input has no labels)
    r_theta = np.corrcoef(model.positions_, theta)[0, 1]
    r_beta = np.corrcoef(model.beta_, beta[kept])[0, 1]
    r_psi = np.corrcoef(model.psi_, psi[kept])[0, 1]
    print(f"\n[{case}] r(theta)={r_theta:.4f} r(beta)={r_beta:.4f} r(psi)={r_psi:.4f}; "
          f"{model.n_iter_} rounds, {wall:.2f} s wall, {cpu:.2f} s CPU; zero cells {np.mean(counts == 0):.0%}")
    assert model.converged_
    # dir puts the lowest true position below the highest, so the signs agree too
    assert r_theta >= 0.95 and r_beta >= 0.9
    assert abs(np.mean(model.positions_)) < 1e-9 and np.std(model.positions_, ddof=1) == pytest.approx(1)


@pytest.mark.parametrize(
    ("case", "se", "corpora"),
    [("60x400", "hessian", 5), ("20x150-short", "hessian", 20), ("60x400", "bootstrap", 3),
     ("20x150-short", "bootstrap", 20)],
)
def test_wordfish_intervals_cover_the_true_positions(case: str, se: str, corpora: int) -> None:
    """95% intervals, pooled over several simulated corpora (one 20-document corpus moves
    coverage in steps of 5 points): 90–98% of the true positions fall inside."""
    errors, seconds = [], 0.0
    for seed in range(100, 100 + corpora):
        counts, theta, _, _ = simulate(case, seed)
        started = time.process_time()
        model = Wordfish(se=se, n_boot=100, seed=seed).fit(counts)
        seconds += time.process_time() - started
        z = standardised_errors(model, theta)
        # the intervals the estimator reports are θ̂ ± 1.96 se
        target = model.positions_ - z * model.se_
        assert (((model.lower_ <= target) & (target <= model.upper_)) == (np.abs(z) <= 1.959964)).all()
        errors.append(z)
    pooled = np.abs(np.concatenate(errors))

    def coverage(factor: float) -> float:  # of intervals `factor` times as wide
        return float(np.mean(pooled <= 1.959964 * factor))

    print(f"\n[{case}, se={se}] coverage {coverage(1):.3f} of {len(pooled)} positions "
          f"({corpora} corpora; per corpus {', '.join(f'{np.mean(np.abs(z) <= 1.959964):.2f}' for z in errors)}); "
          f"with se x0.7: {coverage(0.7):.3f}, x1.5: {coverage(1.5):.3f}; {seconds / corpora:.2f} s CPU per fit")
    assert 0.90 <= coverage(1) <= 0.98
    # the band can fail: standard errors 30% too small, or 50% too large, fall outside it
    assert coverage(0.7) < 0.90 and coverage(1.5) > 0.98


def test_pt_scale_is_a_lazy_export_of_the_package() -> None:
    # `pt.scale.wordfish(...)` without importing policytext.scale first
    assert "scale" in pt.__all__, 'add "scale": "policytext.scale", to _EXPORTS in policytext/__init__.py'
    assert pt.__getattr__("scale") is scale


def test_wordfish_bootstrap_is_seeded_and_deterministic() -> None:
    counts, _, _, _ = simulate("20x150-short", seed=3)
    first = Wordfish(se="bootstrap", n_boot=30, seed=7).fit(counts)
    again = Wordfish(se="bootstrap", n_boot=30, seed=7).fit(counts)
    other = Wordfish(se="bootstrap", n_boot=30, seed=8).fit(counts)
    assert first.boot_positions_ is not None and first.boot_positions_.shape == (30, 20)
    np.testing.assert_array_equal(first.boot_positions_, again.boot_positions_)
    np.testing.assert_array_equal(first.se_, again.se_)
    assert not np.array_equal(first.se_, other.se_)
    # the estimate itself does not depend on the seed, and the Hessian fit is repeatable
    np.testing.assert_array_equal(first.positions_, other.positions_)
    np.testing.assert_array_equal(Wordfish().fit(counts).positions_, Wordfish().fit(counts).positions_)


def test_wordfish_dir_fixes_the_direction() -> None:
    counts, theta, _, _ = simulate("20x150-short", seed=4)
    low, high = int(np.argmin(theta)), int(np.argmax(theta))
    up = Wordfish(dir=(low, high)).fit(counts)
    down = Wordfish(dir=(high, low)).fit(counts)
    assert up.positions_[low] < up.positions_[high] and down.positions_[low] > down.positions_[high]
    np.testing.assert_allclose(down.positions_, -up.positions_)
    np.testing.assert_allclose(down.beta_, -up.beta_)
    np.testing.assert_allclose(down.psi_, up.psi_)
    # labels are looked up before positions
    names = [f"d{i}" for i in range(len(theta))]
    labelled = wordfish(counts, docs=names, dir=(names[high], names[low])).documents
    np.testing.assert_allclose(labelled["theta"], down.positions_)
    with pytest.raises(ValueError, match="same document"):
        Wordfish(dir=(2, 2)).fit(counts)
    with pytest.raises(ValueError, match="neither a row label nor a row position"):
        Wordfish(dir=("nobody", 1)).fit(counts)


def test_estimators_store_their_parameters_and_clone() -> None:
    model = Wordfish(dir=("a", "b"), priors=(np.inf, np.inf, 2.0, 1.0), tol=1e-7, se="bootstrap", n_boot=50, seed=3)
    assert model.get_params() == {"dir": ("a", "b"), "priors": (np.inf, np.inf, 2.0, 1.0), "tol": 1e-7, "max_iter": 500,
                                  "se": "bootstrap", "n_boot": 50, "level": 0.95, "seed": 3}
    copy = clone(model)
    assert copy.get_params() == model.get_params() and copy is not model
    counts, _, _, _ = simulate("20x150-short", seed=5)
    fitted = Wordfish().fit(counts)
    assert not hasattr(clone(fitted), "positions_")
    assert clone(fitted.set_params(se="bootstrap")).se == "bootstrap"
    scorer = Wordscores(smooth=0.5, rescaling="mv", level=0.9)
    assert clone(scorer).get_params() == {"smooth": 0.5, "rescaling": "mv", "level": 0.9}
    for bad, message in [(Wordfish(se="sandwich"), "se must be"), (Wordfish(level=1.5), "level"),
                         (Wordfish(priors=(1, 2, 3)), "priors")]:
        with pytest.raises(ValueError, match=message):
            bad.fit(counts)


def test_wordfish_warns_when_it_stops_before_converging() -> None:
    counts, _, _, _ = simulate("20x150-short", seed=6)
    with pytest.warns(ConvergenceWarning, match="did not converge"):
        model = Wordfish(max_iter=2).fit(counts)
    assert not model.converged_


def test_wordfish_refuses_empty_documents_and_drops_unused_words() -> None:
    counts, _, _, _ = simulate("20x150-short", seed=7)
    counts = np.hstack([counts, np.zeros((20, 2), dtype=int)])
    model = Wordfish().fit(counts)
    assert len(model.words_) <= 150 and 150 not in model.words_ and model.n_features_in_ == 152
    counts[3] = 0
    with pytest.raises(ValueError, match="none in: 3"):
        Wordfish().fit(counts)


def test_inputs_give_the_same_fit() -> None:
    counts, _, _, _ = simulate("20x150-short", seed=8)
    docs = [f"doc{i}" for i in range(20)]
    words = [f"w{j}" for j in range(150)]
    base = Wordfish().fit(counts).positions_
    frame = pd.DataFrame(counts, index=docs, columns=words)
    terms = pt.compare.TermCounts(docs, words, sparse.csr_matrix(counts.astype(float)), counts.sum(axis=1).astype(float))
    for data in (sparse.csr_matrix(counts), frame, terms):
        np.testing.assert_allclose(Wordfish().fit(data).positions_, base)
    result = wordfish(frame)
    assert result.documents["doc_id"].tolist() == docs
    assert set(result.words["word"]) <= set(words) and list(result.words.columns) == ["word", "beta", "psi", "count"]
    assert isinstance(result.model, Wordfish)
    # by= with one key per row sums the rows into groups (sorted)
    keys = [f"g{i % 5}" for i in range(20)]
    grouped = wordfish(counts, by=keys, dir=("g0", "g1"))
    assert grouped.documents["group"].tolist() == ["g0", "g1", "g2", "g3", "g4"]
    summed = pd.DataFrame(counts).groupby(keys).sum()
    np.testing.assert_allclose(grouped.documents["total"], summed.sum(axis=1))
    trimmed = wordfish(counts, min_docs=10)
    assert (np.count_nonzero(counts[:, trimmed.model.words_], axis=0) >= 10).all()
    with pytest.raises(ValueError, match="only a Corpus"):
        wordfish(counts, by="year")


# --- Wordscores --------------------------------------------------------------------------


def test_wordscores_recovers_simulated_positions_of_virgin_texts() -> None:
    """5 long reference texts spread over the scale and 50 short virgin texts (200–600
    tokens), from Wordfish's model; the reference scores are the reference texts' true
    positions."""
    rng = np.random.default_rng(11)
    theta = rng.normal(size=55)
    beta = rng.normal(scale=0.7, size=300)
    psi = np.sort(rng.normal(size=300))[::-1]
    shape = np.exp(psi + np.outer(theta, beta))
    refs = np.argsort(theta)[np.linspace(0, 54, 5).astype(int)]
    lengths = rng.uniform(200, 600, size=55)
    lengths[refs] = rng.uniform(2000, 4000, size=5)
    counts = rng.poisson(lengths[:, None] * shape / shape.sum(axis=1, keepdims=True))
    reference = np.full(55, np.nan)
    reference[refs] = theta[refs]
    result = wordscores(counts, reference)
    virgin = result.documents[result.documents["reference"].isna()]
    truth = theta[virgin["doc_id"].to_numpy()]
    r = {name: np.corrcoef(virgin[name], truth)[0, 1] for name in ("raw", "lbg", "mv")}
    print(f"\n[wordscores] virgin texts: r(raw)={r['raw']:.3f} r(lbg)={r['lbg']:.3f} r(mv)={r['mv']:.3f}; "
          f"raw sd {virgin['raw'].std():.3f}, LBG sd {virgin['lbg'].std():.3f}, reference sd {np.nanstd(reference, ddof=1):.3f}")
    assert min(r.values()) >= 0.9
    # LBG's rescaling gives the virgin scores the spread of the reference scores
    assert virgin["lbg"].std() == pytest.approx(np.nanstd(reference, ddof=1))
    for name in ("", "lbg_", "mv_"):
        centre = virgin["raw" if not name else name[:-1]]
        assert ((virgin[f"{name}lower"] < centre) & (centre < virgin[f"{name}upper"])).all()
    assert len(result.words) == np.count_nonzero(counts[refs].sum(axis=0))


def _lbg_example() -> tuple[np.ndarray, list[str]]:
    """The artificial example of Laver, Benoit & Garry (2003), quanteda's data_dfm_lbgexample:
    37 words; five reference texts R1–R5 and the virgin text V1 each spread 1,000 words over
    17 neighbouring words in the same pattern, starting 5 words apart (V1: 7 words in)."""
    pattern = [2, 3, 10, 22, 45, 78, 115, 146, 158, 146, 115, 78, 45, 22, 10, 3, 2]
    counts = np.zeros((6, 37))
    for row, start in enumerate([0, 5, 10, 15, 20, 7]):
        counts[row, start:start + 17] = pattern
    return counts, ["R1", "R2", "R3", "R4", "R5", "V1"]


def test_wordscores_reproduces_quanteda_on_the_lbg_example() -> None:
    counts, docs = _lbg_example()
    frame = pd.DataFrame(counts, index=docs)
    model = Wordscores().fit(frame, [-1.5, -0.75, 0, 0.75, 1.5, np.nan])
    # quanteda's predict(ws, rescaling=...) on the whole dfm: its LBG rescaling takes the mean
    # and spread of every text scored, as predict_table does with the rows it is given
    table = model.predict_table(frame).set_index("doc_id")
    assert table.at["V1", "raw"] == pytest.approx(-0.45, abs=0.01)  # quanteda's tests: -.45, se .01
    assert table.at["V1", "se"] == pytest.approx(0.01, abs=0.01)
    assert table.at["V1", "lbg"] == pytest.approx(-0.53, abs=0.01)
    assert table.at["V1", "mv"] == pytest.approx(-0.51, abs=0.001)
    np.testing.assert_allclose(table.loc[["R1", "R5"], "mv"], [-1.5, 1.5])
    assert model.predict(frame.loc[["V1"]]) == pytest.approx(-0.448, abs=1e-3)
    assert Wordscores(rescaling="mv").fit(frame, model.reference_).predict(frame)[5] == pytest.approx(-0.51, abs=1e-3)
    # scored on its own (as the function does, from the virgin texts), LBG needs two
    # virgin texts: with one it is NaN rather than a division by a zero spread
    alone = wordscores(frame, {"R1": -1.5, "R2": -0.75, "R3": 0, "R4": 0.75, "R5": 1.5}).documents
    assert np.isnan(alone["lbg"]).all() and alone.loc[5, "raw"] == pytest.approx(-0.448, abs=1e-3)


def test_wordscores_leaves_unscored_words_and_texts_out() -> None:
    """quanteda's "does not use NA wordscores" case: S occurs in no reference text."""
    counts, docs = _lbg_example()
    keep = [0, 1, 18, 35, 36]  # A, B, S, ZJ, ZK
    frame = pd.DataFrame(counts[:, keep], index=docs, columns=["A", "B", "S", "ZJ", "ZK"])
    frame.loc["V1", "ZJ"] = 1
    result = wordscores(frame, {"R1": -1, "R5": 1})
    assert result.words.set_index("word")["score"].to_dict() == {"A": -1, "B": -1, "ZJ": 1, "ZK": 1}
    raw = result.documents.set_index("doc_id")["raw"]
    # quanteda gives a text without scored words 0; here it has no score
    assert raw["R1"] == -1 and raw["R5"] == 1 and raw["V1"] == 1 and raw[["R2", "R3", "R4"]].isna().all()


def test_wordscores_aligns_new_data_by_word_and_works_in_a_pipeline() -> None:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.pipeline import make_pipeline

    texts = ["市场 开放 市场 改革", "斗争 革命 斗争 群众", "市场 改革 群众", "斗争 开放 革命"]
    pipeline = make_pipeline(CountVectorizer(token_pattern=r"\S+"), Wordscores())
    scores = pipeline.fit(texts, [1.0, -1.0, np.nan, np.nan]).predict(texts)
    assert scores[0] > scores[2] > scores[3] > scores[1]
    model = Wordscores().fit(pd.DataFrame([[3, 0, 1], [0, 3, 1]], columns=["x", "y", "z"]), [1, -1])
    new = pd.DataFrame([[2, 1, 5]], columns=["z", "x", "unknown"])  # other order, a word the model lacks
    assert model.predict(new)[0] == pytest.approx(model.predict(pd.DataFrame([[1, 0, 2]], columns=["x", "y", "z"]))[0])
    with pytest.raises(ValueError, match="two reference texts"):
        Wordscores().fit(np.eye(3), [1, np.nan, np.nan])


# --- a corpus, grouped -------------------------------------------------------------------

LEFT = ["阶级斗争", "人民公社", "无产阶级", "革命群众", "计划指标", "批判"]
RIGHT = ["市场经济", "对外开放", "股份制", "民营企业", "招商引资", "高质量发展"]
SHARED_WORDS = ["农业", "工业", "教育", "科学", "国防", "卫生"]


@pytest.fixture(scope="module")
def made_up_corpus() -> pt.Corpus:
    """Twelve made-up speeches, two a year 2001–2006 by three speakers, drifting from one
    vocabulary to the other as the years go by."""
    rng = np.random.default_rng(0)
    words = LEFT + RIGHT + SHARED_WORDS
    weights = np.array([-1.2] * 6 + [1.2] * 6 + [0.0] * 6)
    texts, rows = [], []
    for k, year in enumerate(range(2001, 2007)):
        position = -1 + 2 * k / 5
        for _ in range(2):
            p = np.exp(weights * position)
            drawn = rng.choice(words, size=250, p=p / p.sum())
            texts.append("，".join(drawn) + "。")
            rows.append({"year": year, "speaker": ["林一", "林一", "宋二", "宋二", "韩三", "韩三"][k]})
    return pt.Corpus(texts, pd.DataFrame(rows))


def test_wordfish_and_wordscores_on_a_corpus_by_year_and_by_speaker(made_up_corpus: pt.Corpus) -> None:
    by_year = wordfish(made_up_corpus, by="year", dir=(2001, 2006))
    table = by_year.documents
    assert table["year"].tolist() == list(range(2001, 2007))
    assert {"theta", "se", "lower", "upper", "alpha", "total", "speaker"} <= set(table.columns)
    assert table["theta"].is_monotonic_increasing
    assert table.set_index("year").at[2003, "speaker"] == "宋二"
    words = by_year.words.set_index("word")["beta"]
    assert (words[LEFT] < 0).all() and (words[RIGHT] > 0).all()

    by_speaker = wordfish(made_up_corpus, by="speaker", dir=("林一", "韩三")).documents
    assert sorted(by_speaker["speaker"]) == ["宋二", "林一", "韩三"]
    order = by_speaker.sort_values("theta")["speaker"].tolist()
    assert order == ["林一", "宋二", "韩三"]

    documents = wordfish(made_up_corpus, dir=("doc1", "doc12")).documents
    assert len(documents) == 12 and {"doc_id", "year", "speaker"} <= set(documents.columns)
    assert np.corrcoef(documents["theta"], documents["year"])[0, 1] > 0.9

    scored = wordscores(made_up_corpus, {2001: -1.0, 2006: 1.0}, by="year").documents
    virgin = scored[scored["reference"].isna()]
    assert virgin["year"].tolist() == [2002, 2003, 2004, 2005] and virgin["raw"].is_monotonic_increasing
    assert "speaker" in scored.columns


# --- plots -------------------------------------------------------------------------------


def _render(figure, path: Path) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(path, dpi=80)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []
    assert path.stat().st_size > 5_000


def test_plots_render_chinese(made_up_corpus: pt.Corpus, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    result = wordfish(made_up_corpus, by="year", dir=(2001, 2006))
    _render(scale.plot_positions(result.documents, x="year"), tmp_path / "over_time.png")
    _render(scale.plot_positions(result.documents, x="year", color="speaker"), tmp_path / "by_speaker.png")
    documents = wordfish(made_up_corpus, dir=("doc1", "doc12")).documents
    _render(scale.plot_positions(documents, label="speaker"), tmp_path / "ranked.png")
    _render(scale.plot_words(result.words, labels=10, highlight=["市场经济"]), tmp_path / "eiffel.png")
    scored = wordscores(made_up_corpus, {2001: -1.0, 2006: 1.0}, by="year").documents
    _render(scale.plot_positions(scored, x="year", value="lbg"), tmp_path / "wordscores.png")
    with pytest.raises(KeyError, match="no column"):
        scale.plot_positions(result.documents, value="mv")
