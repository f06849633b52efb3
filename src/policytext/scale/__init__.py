"""Scaling: documents, or groups of them (years, speakers), placed on one latent dimension
from their word counts — Wordfish (Slapin & Proksch 2008), unsupervised, and Wordscores
(Laver, Benoit & Garry 2003), from reference texts with known positions — as R's
quanteda.textmodels fits them, with tidy tables and plots::

    result = pt.scale.wordfish(corpus, by="year", dir=(2019, 2024))
    result.documents    # year, theta, se, lower, upper, alpha, total, speaker …
    result.words        # word, beta, psi, count
    pt.scale.plot_positions(result.documents, x="year")
    pt.scale.plot_words(result.words)

    scores = pt.scale.wordscores(corpus, {"doc1": -1.0, "doc5": 1.0})
    scores.documents    # doc_id, reference, raw, se, lower, upper, lbg …, mv …

The estimators behind them, :class:`Wordfish` and :class:`Wordscores`, follow
scikit-learn's conventions (parameters stored unchanged, ``fit``, ``*_`` attributes).
"""

from __future__ import annotations

from policytext.scale.figures import plot_positions, plot_words
from policytext.scale.inputs import ScalingResult
from policytext.scale.poisson import DEFAULT_PRIORS, SE_METHODS, Wordfish, wordfish
from policytext.scale.reference import RESCALINGS, Wordscores, wordscores

__all__ = ["DEFAULT_PRIORS", "RESCALINGS", "SE_METHODS", "ScalingResult", "Wordfish", "Wordscores", "plot_positions", "plot_words", "wordfish", "wordscores"]
