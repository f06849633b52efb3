"""The first pass of a batch run: every document analysed once, in chunks.

Each chunk's results come from the cache or the engine (the next chunk is already with the
workers while this one is handled); each result is stored in the cache, merged into the
corpus tally, its rows written to the documents, themes and indicators tables, and what the
keyword pass needs held (:mod:`policytext.batch.held`: its term summary; the text is read
back from the documents table). Memory holds one chunk, the tally and the held items up to
their budget.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policytext.batch.document import DocResult, Options, analysis_columns, content_key
from policytext.batch.held import HeldItems, held_bytes, pack
from policytext.batch.schema import arrow_table, frame_kinds
from policytext.batch.tally import CorpusTally
from policytext.batch.workers import Engine, in_chunks
from policytext.topics import theme_record

if TYPE_CHECKING:
    import pandas as pd

    from policytext.batch.cache import ResultCache
    from policytext.batch.tables import TableWriter
    from policytext.io import Archive

__all__ = ["FirstPass", "Progress"]


class Progress:
    """A one-line progress count on stderr, only for a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.done = total, 0
        self.enabled = enabled and sys.stderr.isatty()

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.enabled:
            sys.stderr.write(f"\ranalysed {self.done}/{self.total} documents")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


@dataclass
class _Chunk:
    positions: range
    found: dict[int, DocResult | str]
    todo: list[int]
    wait: Callable[[], list[DocResult | str]]


@dataclass(frozen=True)
class TableLayout:
    """The columns and kinds of the documents and themes tables, fixed before the first
    row from the whole archive's docvars (:mod:`policytext.batch.schema`). A docvar whose
    name the analysis also writes keeps its values under ``meta_<name>``."""

    docvar_names: dict[str, str]  # docvar → its column name in the tables
    docvar_kinds: dict[str, str]
    analysis: dict[str, str]
    theme_keys: tuple[str, ...]

    @classmethod
    def of(cls, docvars: pd.DataFrame, options: Options) -> TableLayout:
        analysis = analysis_columns(options)
        taken = {*analysis, "text", "tokens", *dict(options.themes)}
        names = {str(c): (f"meta_{c}" if str(c) in taken else str(c)) for c in docvars.columns}
        kinds = {names[str(c)]: kind for c, kind in frame_kinds(docvars).items()}
        return cls(names, kinds, analysis, tuple(dict(options.themes)))

    def docvars(self, row: dict[str, Any]) -> dict[str, Any]:
        return {self.docvar_names[str(k)]: v for k, v in row.items()}

    def documents(self, rows: list[dict[str, Any]]) -> Any:
        columns = [*self.docvar_names.values(), *self.analysis, "text"]
        return arrow_table(columns, {**self.docvar_kinds, **self.analysis, "text": "text"}, rows)

    def themes(self, rows: list[dict[str, Any]]) -> Any:
        columns = ["doc_id", "tokens", *self.theme_keys, *(c for c in self.docvar_names.values() if c != "doc_id")]
        kinds = {**self.docvar_kinds, "tokens": "int", **dict.fromkeys(self.theme_keys, "float")}
        return arrow_table(columns, kinds, rows)


class FirstPass:
    """Analyses an archive chunk by chunk into ``writers`` (documents, themes, indicators),
    the ``tally`` and the ``held`` items."""

    def __init__(
        self, archive: Archive, options: Options, engine: Engine, cache: ResultCache | None,
        writers: dict[str, TableWriter], held: HeldItems, progress: Progress, *, keep_counts: bool = False,
    ) -> None:
        self.archive, self.options, self.engine, self.cache = archive, options, engine, cache
        self.folder = writers["documents"].folder
        self.writers, self.held, self.progress = writers, held, progress
        self.tally = CorpusTally(keep_documents=keep_counts)
        self.docvars = archive.docvars
        self.doc_ids = archive.doc_ids
        self.keys = [content_key(s, options) for s in archive.sources] if cache is not None else []
        self.themes = dict(options.themes)
        self.layout = TableLayout.of(archive.docvars, options)

    def run(self, chunk_size: int) -> CorpusTally:
        chunks = list(in_chunks(len(self.archive), chunk_size))
        upcoming = self._start(chunks[0]) if chunks else None
        for k in range(len(chunks)):
            assert upcoming is not None
            chunk = upcoming
            # the next chunk goes to the workers before this one's results are handled
            upcoming = self._start(chunks[k + 1]) if k + 1 < len(chunks) else None
            self._finish(chunk)
        return self.tally

    def _start(self, positions: range) -> _Chunk:
        """Results found in the cache; the rest submitted to the engine."""
        found: dict[int, DocResult | str] = {}
        todo = []
        for i in positions:
            entry = self.cache.get(self.keys[i]) if self.cache is not None else None
            if entry is not None and entry.doc_id == self.doc_ids[i]:
                found[i] = entry
            else:
                todo.append(i)
        wait = self.engine.submit([self.doc_ids[i] for i in todo], [self.archive.sources[i] for i in todo], self.options)
        return _Chunk(positions, found, todo, wait)

    def _finish(self, chunk: _Chunk) -> None:
        results = chunk.found
        for i, result in zip(chunk.todo, chunk.wait()):
            results[i] = result
            if isinstance(result, DocResult) and self.cache is not None:
                self.cache.put(self.keys[i], result)
        rows = self.docvars.iloc[list(chunk.positions)].to_dict("records")
        good: list[tuple[int, dict[str, Any], DocResult]] = []
        for i, docvars in zip(chunk.positions, rows):
            self.progress.step()
            result = results[i]
            if isinstance(result, str):
                self.tally.fail(str(docvars.get("path", "")), self.doc_ids[i], result)
            else:
                good.append((i, docvars, result))
        if good:
            self._write(good)

    def _year(self, docvars: dict[str, Any]) -> Any:
        import pandas as pd

        year = docvars.get("year")
        return None if year is None or pd.isna(year) else int(year)

    def _write(self, good: list[tuple[int, dict[str, Any], DocResult]]) -> None:
        import pyarrow as pa

        documents, themes = [], []
        for i, docvars, result in good:
            duplicate = docvars.get("duplicate_of")
            ids = self.tally.add(i, result, self._year(docvars), counted=not (isinstance(duplicate, str) and duplicate))
            self.held.put(i, pack(result.held or held_bytes(result), ids))
            own = self.layout.docvars(docvars)
            documents.append({**own, **result.row, "text": result.text})
            themes.append({**theme_record(result.doc_id, result.summary, self.themes), **own})
        self.writers["documents"].write_arrow(self.layout.documents(documents))
        self.writers["themes"].write_arrow(self.layout.themes(themes))
        tables = [r.indicators for _, _, r in good if r.indicators is not None and r.indicators.num_rows]
        if tables:
            self.writers["indicators"].write_arrow(pa.concat_tables(tables))

    def documents_frame(self) -> pd.DataFrame:
        """The docvars of the documents analysed, in archive order."""
        return self.docvars.iloc[self.tally.analysed].reset_index(drop=True)

