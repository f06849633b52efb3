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

MAGIC = b"PTRESULT1\n"
_DIGEST = 32


class EntryError(Exception):
    """Bytes that are not a result entry written for this key (damaged, truncated, foreign)."""


def _ints(values: Any) -> bytes:
    import numpy as np

    return np.ascontiguousarray(values, dtype="<i8").tobytes()


def _array(data: bytes | None) -> Any:
    import numpy as np

    if data is None:
        raise EntryError("a numeric column is missing")
    if len(data) % 8:
        raise EntryError("a numeric column has a partial value")
    return np.frombuffer(data, dtype="<i8").astype(np.int64)


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
        "starts": _ints(summary.starts),
        "ends": _ints(summary.ends),
        "words": int(summary.words),
        "extra": json.dumps(summary.extra, ensure_ascii=False),
        "numbered": list(result.numbered),
        "slogans": list(result.slogans),
        "indicators": _table_bytes(result.indicators) if with_indicators and result.indicators is not None else None,
    }


def _schema() -> Any:
    import pyarrow as pa

    text, blob = pa.large_string(), pa.large_binary()
    return pa.schema([
        ("doc_id", pa.string()), ("row", text), ("text", text), ("terms", pa.list_(pa.string())), ("counts", blob),
        ("starts", blob), ("ends", blob), ("words", pa.int64()), ("extra", text), ("numbered", pa.list_(pa.string())),
        ("slogans", pa.list_(pa.string())), ("indicators", blob),
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


def _indicators(data: bytes | None) -> Any:
    import pyarrow as pa

    if data is None:
        return None
    try:
        return pa.ipc.open_stream(data).read_all()
    except (pa.ArrowException, ValueError, OSError) as exc:
        raise EntryError(f"unreadable indicator rows: {exc}") from exc


def decode_result(data: bytes, key: str, *, text: str | None = None) -> DocResult:
    """The :class:`~policytext.batch.document.DocResult` that :func:`encode_result` wrote for
    ``key``; :class:`EntryError` for anything else. An entry written without its text gets
    ``text``."""
    from policytext.batch.document import DocResult
    from policytext.terms import TermSummary

    values = _verified_payload(data, key)
    if values["text"] is None and text is None:
        raise EntryError("the entry holds no text and none was given")
    summary = TermSummary(
        list(values["terms"]), _array(values["counts"]), _array(values["starts"]), _array(values["ends"]), "",
        int(values["words"]), dict(json.loads(values["extra"])),
    )
    if not len(summary.terms) == len(summary.counts) == len(summary.starts) == len(summary.ends):
        raise EntryError("the term columns differ in length")
    return DocResult(
        values["doc_id"], json.loads(values["row"]), values["text"] if text is None else text, summary,
        _indicators(values["indicators"]), tuple(values["numbered"]), tuple(values["slogans"]),
    )
