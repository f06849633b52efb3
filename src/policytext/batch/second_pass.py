"""The keyword and formulation pass of a batch run: what needs the whole archive's counts.

After the first pass has merged every document's terms, each document's keywords are
ranked with the corpus's idf (:func:`policytext.terms.tfidf_scored`,
:func:`policytext.terms.rank_terms`) and its formulations counted with the numbered forms the
corpus quotes (:func:`policytext.terms.formulation_records`) — the functions
:func:`policytext.keywords` and :func:`policytext.formulations` use. Worker processes
receive the corpus state once, when they start; a Dask cluster's workers receive it once and
are handed it with each chunk.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from policytext.batch.document import Options, tokenizer_for
from policytext.batch.held import HELD_KEY, unpack
from policytext.batch.pieces import PIECE_CHARS, formulations_in_pieces
from policytext.batch.serial import decode_result
from policytext.script import analysis_text
from policytext.terms import formulation_records, rank_terms, tfidf_scored

__all__ = ["CorpusState", "document_rows", "rows_of_many", "start"]


@dataclass(frozen=True)
class CorpusState:
    """What the pass needs from the whole archive: the idf of every term (by vocabulary
    id) and whether it is archive-wide, the numbered formulations the corpus quotes, and
    how many keywords to keep."""

    idf: Any
    archive_wide: Any
    known: frozenset[str]
    top: int
    convert: str | bool = "auto"  # how the first pass read each text (read again here)
    options: Options | None = None  # the per-document options: the segmenter's dictionary


_STATE: CorpusState | None = None


def start(state: CorpusState) -> None:
    """Give this process the corpus state (a pool initializer)."""
    global _STATE
    _STATE = state


def document_rows(item: bytes, text: str, state: CorpusState | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Keyword and formulation rows of one held document, whose cleaned ``text`` is read back
    from the documents table (so it is not held twice); ``state``: the corpus state, when
    this process was not started with it."""
    state = state if state is not None else _STATE
    if state is None:
        raise RuntimeError("the keyword pass was not started")
    data, ids = unpack(item)
    result = decode_result(data, HELD_KEY, text=text)
    if len(text) > PIECE_CHARS:  # read piece by piece, as the first pass did
        analysis, formulations = formulations_in_pieces(
            result.doc_id, text, convert=state.convert, known=state.known, slogans=result.slogans
        )
    else:
        conversion = analysis_text(text, state.convert)  # read again, as the first pass read it
        analysis = conversion.text
        formulations = formulation_records(result.doc_id, conversion, known=state.known, slogans=result.slogans)
    summary = dataclasses.replace(result.summary, simplified=analysis)
    dictionary = None if state.options is None else tokenizer_for(state.options).dictionary_frequency
    keywords = rank_terms(
        result.doc_id, text, summary, tfidf_scored(summary, state.idf[ids], state.archive_wide[ids]), top=state.top, dictionary=dictionary
    )
    return keywords, formulations


def rows_of_many(items: list[tuple[bytes, str]], state: CorpusState | None = None) -> tuple[Any, Any]:
    """Keyword and formulation rows of several documents (held item, cleaned text), as Arrow
    tables built where they are computed (``state`` as in :func:`document_rows`)."""
    from policytext.batch.tables import TABLES, records_table

    keywords: list[dict[str, Any]] = []
    formulations: list[dict[str, Any]] = []
    for item, text in items:
        keyword_part, formulation_part = document_rows(item, text, state)
        keywords += keyword_part
        formulations += formulation_part
    tables = []
    for name, rows in (("keywords", keywords), ("formulations", formulations)):
        spec = TABLES[name]
        assert spec.columns is not None
        tables.append(records_table(rows, spec.columns, spec.types))
    return tables[0], tables[1]
