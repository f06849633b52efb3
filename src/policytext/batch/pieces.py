"""Very long documents analysed in bounded pieces.

A document longer than :data:`PIECE_CHARS` (a 200 MB file written as one line, a whole
gazette volume) is cut after a sentence end near every :data:`PIECE_CHARS` characters; each
piece is analysed by the same per-document engine, and the results are merged with their
offsets shifted, so memory follows the piece, not the document. Steps that look at a
document's edges run on its edges only: the site preamble on the first piece, the licence
footer on the last. A piece's despin decision is its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policytext.batch.document import DocResult

__all__ = ["PIECE_CHARS", "merge_pieces", "piece_bounds"]

#: documents longer than this are analysed in pieces of about this many characters
PIECE_CHARS = 1_000_000
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_CLAUSE_END = re.compile(r"[，,；;、：:\s]")


def _cut(text: str, start: int, size: int) -> int:
    """Where the piece starting at ``start`` ends: after the last sentence end within
    ``size`` characters (in its second half), else after a clause break, else at ``size``."""
    stop = start + size
    if stop >= len(text):
        return len(text)
    window = text[start + size // 2 : stop]
    for pattern in (_SENTENCE_END, _CLAUSE_END):
        ends = [m.end() for m in pattern.finditer(window)]
        if ends:
            return start + size // 2 + ends[-1]
    return stop


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of each piece of ``text`` (one piece when it is short)."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text) or not bounds:
        end = _cut(text, start, size)
        bounds.append((start, end))
        start = end
    return bounds


def _merged_summary(results: Sequence[DocResult], shifts: Sequence[int]) -> Any:
    """The pieces' term summaries as one: counts summed, each term's first occurrence kept."""
    import numpy as np

    from policytext.terms import TermSummary

    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    extra: dict[str, int] = {}
    for result, shift in zip(results, shifts):
        summary = result.summary
        for term, n, s, e in zip(summary.terms, summary.counts.tolist(), summary.starts.tolist(), summary.ends.tolist()):
            counts[term] = counts.get(term, 0) + n
            first.setdefault(term, (s + shift, e + shift))
        for term, n in summary.extra.items():
            extra[term] = extra.get(term, 0) + n
    terms = list(counts)
    spans = np.array([first[t] for t in terms], dtype=np.int64).reshape(-1, 2)
    return TermSummary(terms, np.array([counts[t] for t in terms], dtype=np.int64), spans[:, 0], spans[:, 1], "",
                       sum(r.summary.words for r in results), extra)


def _merged_indicators(results: Sequence[DocResult], shifts: Sequence[int]) -> Any:
    """The pieces' indicator rows, offsets shifted; sentence ids numbered on across pieces."""
    import pyarrow as pa
    import pyarrow.compute as pc

    tables, sentences = [], 0
    for result, shift in zip(results, shifts):
        table = result.indicators
        if table is None or not table.num_rows:
            continue
        for column in ("start", "end"):
            table = table.set_column(table.schema.get_field_index(column), column, pc.add(table.column(column), shift))
        ids = table.column("sentence_id")
        table = table.set_column(table.schema.get_field_index("sentence_id"), "sentence_id", pc.add(ids, sentences))
        sentences += int(pc.max(ids).as_py()) + 1
        tables.append(table)
    return pa.concat_tables(tables) if tables else results[0].indicators


def _merged_row(results: Sequence[DocResult], text: str) -> dict[str, Any]:
    rows = [r.row for r in results]
    row = dict(rows[0])  # the script verdict reads the first characters, as for a whole text
    row["clean_steps"] = ",".join(dict.fromkeys(s for r in rows for s in r["clean_steps"].split(",") if s))
    row["clean_removed"] = "\n".join(r["clean_removed"] for r in rows if r["clean_removed"])
    for column in ("masks", "lost_chars", "n_tokens", "n_words", "despin_repairs", "despin_by_reference"):
        if column in row:
            row[column] = sum(r[column] for r in rows)
    row["n_chars"] = len(text)  # the pieces' own counts, summed, are the same
    if "spin_score" in row:
        worst = max(rows, key=lambda r: r["spin_score"])
        row.update(spin_score=worst["spin_score"], spun=any(r["spun"] for r in rows), spin_evidence=worst["spin_evidence"])
    return row


def merge_pieces(doc_id: str, results: Sequence[DocResult], text: str) -> DocResult:
    """The results of a document's pieces, in order, as the result of the whole document
    whose cleaned text (the pieces' texts joined) is ``text``."""
    from policytext.batch.document import DocResult

    shifts, at = [], 0
    for result in results:
        shifts.append(at)
        at += int(result.row["n_chars"])
    return DocResult(
        doc_id, _merged_row(results, text), text, _merged_summary(results, shifts), _merged_indicators(results, shifts),
        tuple(sorted({f for r in results for f in r.numbered})), tuple(sorted({f for r in results for f in r.slogans})),
    )


def analyze_in_pieces(
    doc_id: str, raw: str, analyze: Callable[[str, dict[str, bool]], DocResult], size: int = PIECE_CHARS
) -> DocResult:
    """Analyse ``raw`` piece by piece with ``analyze(piece, edge_steps)`` and merge."""
    bounds = piece_bounds(raw, size)
    if len(bounds) == 1:
        return analyze(raw, {})
    results, texts = [], []
    for k, (start, end) in enumerate(bounds):
        edges = {"site_preamble": k == 0, "licence_footer": k == len(bounds) - 1}
        result = analyze(raw[start:end], edges)
        # held as UTF-8 until joined: the segmenter left a UTF-8 copy on the str itself,
        # which would stay as long as the str does
        texts.append(result.text.encode("utf-8"))
        result.text = ""
        results.append(result)
    return merge_pieces(doc_id, results, b"".join(texts).decode("utf-8"))


def _merge_formulation(merged: dict[str, dict[str, Any]], row: dict[str, Any], shift: int) -> None:
    starts = [a + shift for a in row["starts"]]
    found = merged.get(row["normalized"])
    if found is None:  # the first piece that has it holds its first occurrence
        merged[row["normalized"]] = {**row, "start": row["start"] + shift, "end": row["end"] + shift, "starts": starts}
    else:
        found["count"] += row["count"]
        found["starts"] += starts


def formulations_in_pieces(
    doc_id: str, text: str, *, convert: str | bool, known: frozenset[str], slogans: Sequence[str],
    size: int = PIECE_CHARS,
) -> tuple[str, list[dict[str, Any]]]:
    """A long text's analysis text and its formulation rows, read piece by piece (what
    :func:`policytext.terms.formulation_records` gives for the whole text: formulations never
    cross a sentence end, where pieces are cut)."""
    from policytext.script import analysis_text
    from policytext.terms import formulation_records

    parts: list[str] = []
    merged: dict[str, dict[str, Any]] = {}
    for start, end in piece_bounds(text, size):
        conversion = analysis_text(text[start:end], convert)
        parts.append(conversion.text)
        for row in formulation_records(doc_id, conversion, known=known, slogans=slogans):
            _merge_formulation(merged, row, start)
    rows = sorted(merged.values(), key=lambda r: (-r["count"], r["normalized"]))
    return "".join(parts), rows
