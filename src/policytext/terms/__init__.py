"""Terms: keywords (:func:`keywords`), phrase discovery (:func:`discover_phrases`),
formulations (:func:`formulations`), keyword in context (:func:`kwic`), stopword tiers
(:func:`stopwords`) and the scikit-learn tokenizer (:class:`PolicyTokenizer`)."""

from __future__ import annotations

from policytext.terms.keyterms import KEYWORD_COLUMNS, keywords
from policytext.terms.phrases import PHRASE_COLUMNS, discover_phrases
from policytext.terms.slogans import FORMULATION_COLUMNS, KWIC_COLUMNS, formulations, kwic
from policytext.terms.tokenize import PolicyTokenizer, stopwords, tokenize

__all__ = [
    "FORMULATION_COLUMNS", "KEYWORD_COLUMNS", "KWIC_COLUMNS", "PHRASE_COLUMNS", "PolicyTokenizer",
    "discover_phrases", "formulations", "keywords", "kwic", "stopwords", "tokenize",
]
