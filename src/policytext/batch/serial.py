"""Per-document results as bytes that cannot run code: Arrow IPC with a checksum.

A :class:`~policytext.batch.document.DocResult` is written as one Arrow record batch of one
row (strings, lists of strings, and numeric arrays as little-endian bytes), compressed with
zstd, behind a magic string and the SHA-256 of the payload. Reading checks the magic, the
checksum and the key the entry was written for before anything is parsed, and never
evaluates or unpickles anything: a damaged, truncated or foreign entry is refused with
:class:`EntryError`. The cache stores these bytes, and the keyword pass reads them back.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from policytext.batch.document import DocResult

__all__ = ["EntryError", "decode_result", "encode_result"]

MAGIC = b"PTRESULT2\n"  # 2: int32 delta-coded offsets, slim indicator rows, entity types
_DIGEST = 32


class EntryError(Exception):
    """Bytes that are not a result entry written for this key (damaged, truncated, foreign)."""


def _ints(values: Any) -> bytes:
    """Integers as little-endian int32 (offsets and counts of one document fit)."""
    import numpy as np

    return np.ascontiguousarray(values, dtype="<i4").tobytes()


def _array(data: bytes | None) -> Any:
    import numpy as np

    if data is None:
        raise EntryError("a numeric column is missing")
    if len(data) % 4:
        raise EntryError("a numeric column has a partial value")
    return np.frombuffer(data, dtype="<i4").astype(np.int64)


def _deltas(values: Any) -> Any:
    """First occurrences come in text order: their differences are small, and compress."""
    import numpy as np

    return np.diff(np.asarray(values, dtype=np.int64), prepend=0)


def _table_slim(table: Any, text: str) -> Any:
    """The indicator rows without the text they repeat: the quantity's surface and its
    sentence become offsets into the document's text (rebuilt by :func:`_table_full`)."""
    import pyarrow as pa

    starts, ends = table.column("start").to_pylist(), table.column("end").to_pylist()
    surfaces = table.column("text").to_pylist()
    if any(text[s:e] != surface for s, e, surface in zip(starts, ends, surfaces)):
        return table  # rows not read from this text verbatim: kept whole
    found = [_sentence_span(text, sentence, s, e) for sentence, s, e in zip(table.column("sentence").to_pylist(), starts, ends)]
    spans = [span for span in found if span is not None]
    if len(spans) < len(found):
        return table
    keep = [name for name in table.column_names if name not in ("text", "sentence")]
    slim = table.select(keep)
    slim = slim.append_column("sentence_start", pa.array([a for a, _ in spans], pa.int64()))
    return slim.append_column("sentence_end", pa.array([b for _, b in spans], pa.int64()))


def _sentence_span(text: str, sentence: str | None, start: int, end: int) -> tuple[int, int] | None:
    if not sentence:
        return start, start
    at = text.find(sentence, max(0, end - len(sentence)), start + len(sentence))
    return None if at < 0 else (at, at + len(sentence))


def _table_full(slim: Any, text: str, names: list[str]) -> Any:
    import pyarrow as pa

    if "sentence_start" not in slim.column_names:
        return slim.select(names)
    starts, ends = slim.column("start").to_pylist(), slim.column("end").to_pylist()
    sentence = [text[a:b] for a, b in zip(slim.column("sentence_start").to_pylist(), slim.column("sentence_end").to_pylist())]
    surface = [text[a:b] for a, b in zip(starts, ends)]
    full = slim.drop_columns(["sentence_start", "sentence_end"])
    full = full.append_column("text", pa.array(surface, pa.large_string()))
    full = full.append_column("sentence", pa.array(sentence, pa.large_string()))
    return full.select(names)


def _table_bytes(table: Any) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue())


def _columns(result: DocResult, with_text: bool, with_indicators: bool) -> dict[str, Any]:
    summary = result.summary
    return {
        "doc_id": result.doc_id,
        "row": json.dumps(result.row, ensure_ascii=False, allow_nan=True),
        "text": result.text if with_text else None,
        "terms": list(summary.terms),
        "counts": _ints(summary.counts),
        "starts": _ints(_deltas(summary.starts)),
        "ends": _ints(summary.ends - summary.starts),
        "words": int(summary.words),
        "extra": json.dumps(summary.extra, ensure_ascii=False),
        "types": json.dumps(summary.types, ensure_ascii=False),
        "numbered": list(result.numbered),
        "slogans": list(result.slogans),
        "indicators": _table_bytes(_table_slim(result.indicators, result.text))
        if with_indicators and result.indicators is not None else None,
    }


def _schema() -> Any:
    import pyarrow as pa

    text, blob = pa.large_string(), pa.large_binary()
    return pa.schema([
        ("doc_id", pa.string()), ("row", text), ("text", text), ("terms", pa.list_(pa.string())), ("counts", blob),
        ("starts", blob), ("ends", blob), ("words", pa.int64()), ("extra", text), ("numbered", pa.list_(pa.string())),
        ("slogans", pa.list_(pa.string())), ("indicators", blob), ("types", text),
    ])


def encode_result(result: DocResult, key: str, *, text: bool = True, indicators: bool = True) -> bytes:
    """``result`` as checksummed Arrow IPC bytes, written for ``key``. ``text=False`` and
    ``indicators=False`` leave the text and the indicator rows out (the keyword pass reads
    the text back from the documents table and never reads the indicators)."""
    import pyarrow as pa

    columns = _columns(result, text, indicators)
    schema = _schema().with_metadata({"key": key})
    batch = pa.record_batch([pa.array([columns[f.name]], f.type) for f in schema], schema=schema)
    sink = pa.BufferOutputStream()
    options = pa.ipc.IpcWriteOptions(compression="zstd")
    with pa.ipc.new_stream(sink, schema, options=options) as writer:
        writer.write_batch(batch)
    payload = bytes(sink.getvalue())
    return MAGIC + hashlib.sha256(payload).digest() + payload


def _verified_payload(data: bytes, key: str) -> Any:
    import pyarrow as pa

    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + _DIGEST:
        raise EntryError("not a result entry")
    digest, payload = data[len(MAGIC) : len(MAGIC) + _DIGEST], data[len(MAGIC) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        raise EntryError("checksum mismatch")
    try:
        table = pa.ipc.open_stream(payload).read_all()
    except (pa.ArrowException, ValueError, OSError) as exc:
        raise EntryError(f"unreadable payload: {exc}") from exc
    metadata = table.schema.metadata or {}
    if metadata.get(b"key") != key.encode("ascii") or table.num_rows != 1 or table.schema.remove_metadata() != _schema():
        raise EntryError("an entry written for another document or version")
    return table.to_pylist()[0]


def _indicators(data: bytes | None, text: str) -> Any:
    import pyarrow as pa

    from policytext.batch.tables import TABLES

    if data is None:
        return None
    try:
        slim = pa.ipc.open_stream(data).read_all()
    except (pa.ArrowException, ValueError, OSError) as exc:
        raise EntryError(f"unreadable indicator rows: {exc}") from exc
    names = list(TABLES["indicators"].columns or ())
    try:
        return _table_full(slim, text, names)
    except (KeyError, ValueError, pa.ArrowException) as exc:
        raise EntryError(f"indicator rows of another shape: {exc}") from exc


def decode_result(data: bytes, key: str, *, text: str | None = None) -> DocResult:
    """The :class:`~policytext.batch.document.DocResult` that :func:`encode_result` wrote for
    ``key``; :class:`EntryError` for anything else. An entry written without its text gets
    ``text``."""
    from policytext.batch.document import DocResult
    from policytext.terms import TermSummary

    values = _verified_payload(data, key)
    if values["text"] is None and text is None:
        raise EntryError("the entry holds no text and none was given")
    starts = _array(values["starts"]).cumsum()
    summary = TermSummary(
        list(values["terms"]), _array(values["counts"]), starts, starts + _array(values["ends"]), "",
        int(values["words"]), dict(json.loads(values["extra"])), dict(json.loads(values["types"])),
    )
    if not len(summary.terms) == len(summary.counts) == len(summary.starts) == len(summary.ends):
        raise EntryError("the term columns differ in length")
    own = values["text"] if text is None else text
    return DocResult(
        values["doc_id"], json.loads(values["row"]), own, summary, _indicators(values["indicators"], own),
        tuple(values["numbered"]), tuple(values["slogans"]),
    )
