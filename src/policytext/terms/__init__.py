"""Terms: keywords (:func:`keywords`), phrase discovery (:func:`discover_phrases`),
formulations (:func:`formulations`), keyword in context (:func:`kwic`), names of people,
places and organisations (:func:`entities`), stopword tiers (:func:`stopwords`), the
tokenizer that decides what a term is (:class:`PolicyTokenizer`), and counting across
documents (:class:`TermTally`, :func:`smoothed_idf`)."""

from __future__ import annotations

from policytext.terms.entities import ENTITY_COLUMNS, entities
from policytext.terms.keyterms import (
    EXPLAIN_COLUMNS,
    KEYWORD_COLUMNS,
    Scored,
    keywords,
    rank_terms,
    tfidf_scored,
)
from policytext.terms.phrases import PHRASE_COLUMNS, discover_phrases
from policytext.terms.resources import DEFAULT_STOPWORDS, NUMERAL_CHARS
from policytext.terms.slogans import (
    FORMULATION_COLUMNS,
    KWIC_COLUMNS,
    formulation_records,
    formulations,
    kwic,
    quoted_forms,
)
from policytext.terms.tally import TermTally, reference_idf, smoothed_idf, surface_forms
from policytext.terms.tokenize import (
    PolicyTokenizer,
    TermSummary,
    stopword_set,
    stopwords,
    tokenize,
)

__all__ = [
    "DEFAULT_STOPWORDS", "ENTITY_COLUMNS", "EXPLAIN_COLUMNS", "FORMULATION_COLUMNS", "KEYWORD_COLUMNS", "KWIC_COLUMNS", "NUMERAL_CHARS", "PHRASE_COLUMNS",
    "PolicyTokenizer", "Scored", "TermSummary", "TermTally", "discover_phrases", "entities", "formulation_records", "formulations",
    "keywords", "kwic", "quoted_forms", "rank_terms", "reference_idf", "smoothed_idf", "stopword_set", "stopwords", "surface_forms",
    "tfidf_scored", "tokenize",
]
