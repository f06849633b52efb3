"""A batch run over an archive: read, analyse every document (in worker processes, reusing
a content-hash cache), merge corpus statistics from per-document counts, and return the
tables and the report. The CLI's ``analyze`` is a thin wrapper around :func:`run_analysis`."""

from __future__ import annotations

import itertools
import os
import pickle
import struct
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.batch.document import (
    DocResult,
    DocTerms,
    Options,
    SharedTerms,
    analyze_document,
    content_key,
    reference_texts,
    share_batch,
    term_ids,
)
from policytext.io.read import Archive

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

CACHE_FOLDER = ".policytext-cache"
#: rows of each table kept for the report
PREVIEW_ROWS = 400
#: what the report lists of each document judged spun
SPUN_COLUMNS = ("doc_id", "year", "spin_score", "despin_repairs", "despin_by_reference", "spin_evidence")
#: occurrences in one year a term needs to count as emerging there
EMERGING_MIN_COUNT = 3


@dataclass
class RunResult:
    written: list[str]  # the table files written to the output folder
    report: str
    summary: dict[str, Any]
    failed: int


def _safe_analyze(doc_id: str, source: str | tuple[str, str | None], options: Options) -> DocResult | str:
    """A worker's job: read the document (a file is read by the worker itself), analyse it;
    the result, or the error message (one bad document never stops a run)."""
    from policytext.io.read import load_source

    try:
        return analyze_document(doc_id, load_source(source), options)
    except Exception as exc:  # the reason goes into the errors table
        return f"{type(exc).__name__}: {exc}"


def _analyze_many(ids: list[str], sources: list[Any], options: Options) -> list[DocResult | str]:
    """A worker's share of a chunk (fewer round trips than one task per document; their
    terms and indicator rows travel shared: :func:`share_batch`)."""
    results = [_safe_analyze(i, source, options) for i, source in zip(ids, sources)]
    share_batch(results)
    return results


def _options(backend: str, userdict: Any, despin: str = "off", spin_reference: str = "", digest: str = "") -> Options:
    from policytext.script.convert import convert
    from policytext.segmentation.backends import userdict_entries
    from policytext.topics import bundled_themes

    themes = {key: tuple(dict.fromkeys(convert(t, "t2s") for t in spec["terms"])) for key, spec in bundled_themes().items()}
    words = tuple(word if freq is None else f"{word} {freq}" for word, freq, _ in userdict_entries(userdict))
    return Options(
        backend=backend, userdict=words, theme_terms=tuple(sorted({t for ts in themes.values() for t in ts})),
        theme_map=tuple(themes.items()), despin=despin, spin_reference=spin_reference, spin_reference_digest=digest,
    )


class _Progress:
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


def _cache_path(root: Path, key: str) -> Path:
    return root / key[:2] / f"{key}.pkl"


def _unspill(item: bytes | tuple[int, int], spill: Any) -> bytes:
    """A held item, read back from the spill file when it was written there."""
    if isinstance(item, bytes):
        return item
    spill.seek(item[0])
    return bytes(spill.read(item[1]))


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


class _Engine:
    """Runs the per-document analysis: in this process, in local worker processes, or on a
    Dask distributed cluster; results always come back in input order."""

    def __init__(self, jobs: int, scheduler: str | None) -> None:
        self.jobs, self.scheduler = jobs, scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        if scheduler:
            try:
                from dask.distributed import Client
            except ImportError as exc:
                raise ValueError('--scheduler needs dask.distributed: pip install "policytext[dask]"') from exc
            try:
                self._client = Client(scheduler, timeout="15s")
            except (OSError, TimeoutError) as exc:
                raise ValueError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        elif jobs > 1:
            self._pool = ProcessPoolExecutor(max_workers=jobs)

    def submit(self, ids: list[str], texts: list[Any], options: Options) -> Callable[[], list[DocResult | str]]:
        """Start analysing these documents; the function returned waits for the results (in
        input order). Workers go on with one batch while the caller handles the previous one."""
        if not ids:
            return list
        if self._client is not None:
            futures = self._client.map(_safe_analyze, ids, texts, [options] * len(ids), pure=False)
            return lambda: list(self._client.gather(futures))
        if self._pool is not None and len(ids) > 1:
            size = max(1, len(ids) // (self.jobs * 4))
            parts = [self._pool.submit(_analyze_many, ids[k : k + size], texts[k : k + size], options)
                     for k in range(0, len(ids), size)]
            return lambda: [result for part in parts for result in part.result()]
        return lambda: [_safe_analyze(i, t, options) for i, t in zip(ids, texts)]

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
        if self._client is not None:
            self._client.close()


def _load(path: Path) -> DocResult | None:
    try:
        with open(path, "rb") as fh:
            result = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None  # a damaged or foreign entry is recomputed
    return result if isinstance(result, DocResult) else None


class _Tally:
    """Document frequencies and per-year counts over one growing vocabulary, in numpy
    arrays (a dict of Counters per year grows far faster with the archive)."""

    def __init__(self) -> None:
        import numpy as np

        self.ids: dict[str, int] = {}
        self.df = np.zeros(1024, dtype=np.int64)
        self.years: dict[Any, Any] = {}
        self._shared: tuple[Any, Any] = (None, None)  # the last shared vocabulary and its ids

    def _grow(self, array: Any, size: int) -> Any:
        import numpy as np

        if size <= len(array):
            return array
        grown = np.zeros(max(size, 2 * len(array)), dtype=array.dtype)
        grown[: len(array)] = array
        return grown

    def add(self, terms: list[str] | SharedTerms, counts: Any, year: Any) -> Any:
        """One document's distinct terms and their counts; returns the terms' ids."""
        if isinstance(terms, SharedTerms):
            import numpy as np

            # a vocabulary several documents share is looked up once; terms new to the run
            # still get their ids document by document (the ids, and so the tables, do not
            # depend on how documents were grouped)
            vocabulary, known = self._shared
            if vocabulary is not terms.vocabulary:
                vocabulary = terms.vocabulary
                known = np.fromiter(map(self.ids.get, vocabulary, itertools.repeat(-1)), dtype=np.int64,
                                    count=len(vocabulary))
                self._shared = (vocabulary, known)
            ids = known[terms.index]
            missing = np.flatnonzero(ids < 0)
            if len(missing):
                at = terms.index[missing]
                ids[missing] = known[at] = term_ids(self.ids, [vocabulary[k] for k in at.tolist()])
            return self._count(ids, counts, year)
        return self._count(term_ids(self.ids, terms), counts, year)

    def _count(self, ids: Any, counts: Any, year: Any) -> Any:
        import numpy as np

        self.df = self._grow(self.df, len(self.ids))
        self.df[ids] += 1
        if year is not None:
            # 32-bit counts: years x vocabulary is the largest thing a run keeps
            row = self._grow(self.years.get(year, np.zeros(1024, dtype=np.int32)), len(self.ids))
            row[ids] += counts
            self.years[year] = row
        return ids

    def row(self, year: Any) -> Any:
        """The year's counts over the whole vocabulary (earlier years' arrays are shorter)."""
        return self._grow(self.years[year], len(self.ids))[: len(self.ids)]


@dataclass(frozen=True)
class _SecondPass:
    """What the second pass needs from the whole archive."""

    documents: int
    df: Any
    known: frozenset[str]
    top: int


_SECOND: _SecondPass | None = None


def _start_second_pass(state: _SecondPass) -> None:
    global _SECOND
    _SECOND = state


def _pack(data: bytes, ids: Any) -> bytes:
    """What the second pass reads of one document: its pickled :class:`DocTerms` and the
    vocabulary ids of its terms (found in the first pass: no second lookup by string)."""
    return struct.pack("<q", len(data)) + data + ids.astype("<i4").tobytes()


def _second_pass(item: bytes) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Keyword and formulation rows of one document (made by :func:`_pack`)."""
    import numpy as np

    from policytext.terms import resources as tr
    from policytext.terms.keyterms import idf_scored, rank_terms
    from policytext.terms.slogans import formulation_records

    state = _SECOND
    assert state is not None, "the second pass was not started"
    size = struct.unpack_from("<q", item)[0]
    done: DocTerms = pickle.loads(memoryview(item)[8 : 8 + size])
    terms = done.summary.terms
    if state.documents == 1:  # a single text has no corpus of its own
        reference, unseen = tr.reference_idf()
        idf = np.fromiter(map(reference.get, terms, itertools.repeat(unseen)), dtype=float, count=len(terms))
    else:
        df = state.df[np.frombuffer(item, dtype="<i4", offset=8 + size)]
        idf = np.log((1 + state.documents) / (1 + df)) + 1
    scored = idf_scored(terms, done.summary.counts, idf)
    keywords = rank_terms(done.doc_id, done.text, done.summary, scored, top=state.top)
    formulations = formulation_records(
        done.doc_id, done.text, known=state.known, simplified=(done.summary.simplified, done.span_map()),
        slogans=done.slogans,
    )
    return keywords, formulations


def _second_pass_many(items: list[bytes]) -> tuple[Any, Any]:
    """Keyword and formulation rows of several documents, as Arrow tables built where they
    are computed (lists of dicts when Arrow rejects their text)."""
    from policytext.batch.tables import COLUMN_TYPES, records_table
    from policytext.terms import FORMULATION_COLUMNS, KEYWORD_COLUMNS

    keywords: list[dict[str, Any]] = []
    formulations: list[dict[str, Any]] = []
    for item in items:
        keyword_part, formulation_part = _second_pass(item)
        keywords += keyword_part
        formulations += formulation_part
    keyword_table = records_table(keywords, KEYWORD_COLUMNS, COLUMN_TYPES["keywords"])
    formulation_table = records_table(formulations, FORMULATION_COLUMNS, COLUMN_TYPES["formulations"])
    return (keywords if keyword_table is None else keyword_table,
            formulations if formulation_table is None else formulation_table)


class _TargetPicker:
    """Keeps, as documents stream by, only the indicator rows that :func:`targets` would
    pick (the first row per year and target key, in document order): the same table from a
    list that does not grow with the archive."""

    def __init__(self) -> None:
        from policytext.compare.resources import TARGET_PATTERNS, compile_patterns

        self.patterns = compile_patterns(TARGET_PATTERNS)
        self.seen: set[tuple[Any, str]] = set()

    def first_per_key(self, rows: list[dict[str, Any]], year: Any) -> list[dict[str, Any]]:
        kept = []
        for row in rows:
            name, unit = row["indicator"], row["unit"]
            if not isinstance(name, str) or not isinstance(unit, str):
                continue
            for key, (name_pattern, unit_pattern) in self.patterns.items():
                if (year, key) not in self.seen and name_pattern.search(name) and unit_pattern.search(unit):
                    self.seen.add((year, key))
                    kept.append(row)
                    break
        return kept


def _chunks(n: int, size: int) -> Iterable[range]:
    for start in range(0, n, size):
        yield range(start, min(n, start + size))


def run_analysis(
    corpus: Corpus | Archive, out: Path, *, backend: str = "auto", userdict: Any = None, jobs: int = 1,
    scheduler: str | None = None, cache: Path | None = None, progress: bool = False, keywords_top: int = 20,
    title: str = "policytext report", chunk_size: int = 64, memory_mb: int = 64, despin: str = "off",
    spin_reference: str | os.PathLike[str] | None = None,
) -> RunResult:
    """Analyse every document of ``corpus`` (raw texts, as read; or an
    :class:`~policytext.io.read.Archive` from :func:`~policytext.io.read.scan_archive`, whose
    files workers read themselves) and write the tables to ``out``.

    Documents are analysed in chunks; each result goes to the content-hash ``cache`` (when
    given) and its rows straight to the table files, so memory holds one chunk,
    corpus-level counts (document frequencies, per-year term counts) and up to
    ``memory_mb`` of what the second pass (keywords and formulations, which need those
    counts) reads of each document, pickled; beyond that it goes to one temporary file.
    ``spin_reference`` (a folder or file of clean texts, read like an archive) refines the
    ``despin`` repairs (:class:`~policytext.cleaning.spin.SpinReference`).
    """
    import numpy as np
    import pandas as pd

    from policytext.batch.tables import COLUMN_TYPES, TableWriter
    from policytext.compare import TermCounts, targets
    from policytext.compare.measures import emerging, similarity
    from policytext.corpus import Corpus
    from policytext.frames import records_frame
    from policytext.numeric import COLUMNS as INDICATOR_COLUMNS
    from policytext.terms import FORMULATION_COLUMNS, KEYWORD_COLUMNS

    started = time.perf_counter()
    archive = corpus if isinstance(corpus, Archive) else Archive.from_corpus(corpus)
    out.mkdir(parents=True, exist_ok=True)
    if despin not in ("off", "auto", "on"):
        raise ValueError(f"despin must be 'off', 'auto' or 'on', not {despin!r}")
    reference, digest = "", ""
    if spin_reference is not None:
        if despin == "off":
            raise ValueError("a spin reference refines the despin step: use it with despin 'auto' or 'on'")
        reference = os.path.abspath(spin_reference)
        texts, digest = reference_texts(reference)
        if not texts:
            raise ValueError(f"the spin reference {spin_reference} holds no texts")
    options = _options(backend, userdict, despin, reference, digest)
    theme_keys = [key for key, _ in options.theme_map]
    writers = {name: TableWriter(out, name) for name in ("documents", "themes", "indicators", "keywords", "formulations")}
    preview: dict[str, list[pd.DataFrame]] = {name: [] for name in writers}
    engine = _Engine(jobs, scheduler)
    bar = _Progress(len(archive), progress)
    docvars = archive.docvars
    doc_ids = archive.doc_ids
    keys = [content_key(source, options) for source in archive.sources] if cache is not None else []
    analysed: list[int] = []
    failures: list[dict[str, Any]] = []
    tally = _Tally()
    words_by_year: Counter[Any] = Counter()
    target_rows: list[dict[str, Any]] = []
    picker = _TargetPicker()
    theme_frames: list[pd.DataFrame] = []
    numbered: set[str] = set()
    cached = quantities = characters = held_bytes = 0
    # what the second pass reads of each document, pickled (as objects it takes several
    # times the room): in memory up to the budget, the rest appended to one temporary file
    held: dict[int, bytes | tuple[int, int]] = {}
    spun_docs: list[dict[str, Any]] = []  # every document judged spun, for the report
    spill = tempfile.TemporaryFile(prefix=".policytext-spill-", dir=out)  # noqa: SIM115 - closed in the finally below
    budget = memory_mb * 1_000_000
    has_year = "year" in docvars.columns

    def keep(name: str, frame: pd.DataFrame) -> None:
        writers[name].write(frame)
        if sum(len(f) for f in preview[name]) < PREVIEW_ROWS:
            preview[name].append(frame.head(PREVIEW_ROWS))

    def keep_tables(name: str, tables: list[Any]) -> None:
        import pyarrow as pa

        if not tables:
            return
        table = pa.concat_tables(tables)
        writers[name].write_arrow(table)
        have = sum(len(f) for f in preview[name])
        if have < PREVIEW_ROWS:
            preview[name].append(table.slice(0, PREVIEW_ROWS - have).to_pandas())

    def keep_records(name: str, records: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
        writers[name].write_records(records, columns, COLUMN_TYPES[name])
        have = sum(len(f) for f in preview[name])
        if have < PREVIEW_ROWS:
            frame = records_frame(records[: PREVIEW_ROWS - have], columns)
            for column, kind in COLUMN_TYPES[name].items():
                if kind == "float":
                    frame[column] = frame[column].astype("float64")
            preview[name].append(frame)

    try:
        def start(chunk: range) -> tuple[range, dict[int, DocResult | str], list[int], Callable[[], list[DocResult | str]]]:
            """Results found in the cache; the rest submitted to the engine."""
            found: dict[int, DocResult | str] = {}
            todo = []
            for i in chunk:
                entry = _load(_cache_path(cache, keys[i])) if cache is not None and _cache_path(cache, keys[i]).exists() else None
                if isinstance(entry, DocResult) and entry.doc_id == doc_ids[i]:
                    found[i] = entry
                else:
                    todo.append(i)
            return chunk, found, todo, engine.submit([doc_ids[i] for i in todo], [archive.sources[i] for i in todo], options)

        chunks = list(_chunks(len(archive), chunk_size))
        upcoming = start(chunks[0]) if chunks else None
        for k in range(len(chunks)):
            assert upcoming is not None
            chunk, results, todo, wait = upcoming
            # the next chunk goes to the workers before this one's results are handled
            upcoming = start(chunks[k + 1]) if k + 1 < len(chunks) else None
            cached += len(results)
            computed = wait()
            for i, result in zip(todo, computed):
                results[i] = result
                if isinstance(result, DocResult) and cache is not None:
                    _store(_cache_path(cache, keys[i]), pickle.dumps(result.unshared(), protocol=pickle.HIGHEST_PROTOCOL))
            for i in chunk:
                result = results[i]
            doc_rows, theme_rows = [], []
            indicator_tables: list[Any] = []
            indicator_rows: list[dict[str, Any]] = []
            good: list[int] = []
            chunk_docvars = dict(zip(chunk, docvars.iloc[list(chunk)].to_dict("records")))
            for i in chunk:
                result = results[i]
                bar.step()
                if isinstance(result, str):
                    failures.append({"path": docvars.at[i, "path"] if "path" in docvars.columns else "",
                                     "doc_id": doc_ids[i], "level": "error", "reason": f"analysis failed: {result}"})
                    continue
                analysed.append(i)
                good.append(i)
                row: dict[str, Any] = {str(k): v for k, v in chunk_docvars[i].items()}
                doc_rows.append({**row, **result.row, "text": result.text})
                theme_rows.append({"doc_id": result.doc_id, "tokens": result.words,
                                   **{k: 1e4 * result.themes[k] / result.words if result.words else 0.0 for k in theme_keys}})
                rows = result.indicator_rows()
                if isinstance(rows, list):  # text Arrow rejected: the pandas path
                    indicator_rows.extend(rows)
                else:
                    indicator_tables.append(rows)
                quantities += result.quantities
                characters += int(result.row["n_chars"])
                numbered |= result.quoted_numbered
                year: Any = row["year"] if has_year else None
                if year is not None and pd.isna(year):
                    year = None
                if year is not None:
                    target_rows.extend(picker.first_per_key(result.target_candidates, year))
                # what the second pass needs, kept in memory up to the budget, else stored
                data = _pack(result.second_pass, tally.add(result.terms, result.counts, year))
                if held_bytes + len(data) <= budget:
                    held[i] = data
                    held_bytes += len(data)
                else:
                    held[i] = (spill.seek(0, os.SEEK_END), len(data))
                    spill.write(data)
                if year is not None:
                    words_by_year[year] += result.words
            if doc_rows:
                keep("documents", records_frame(doc_rows, list(doc_rows[0])))
                spun_docs.extend({k: v for k, v in r.items() if k in SPUN_COLUMNS} for r in doc_rows if r.get("spun"))
                themes_chunk = records_frame(theme_rows, ("doc_id", "tokens", *theme_keys))
                themes_chunk = themes_chunk.merge(docvars.iloc[good], on="doc_id", how="left")
                theme_frames.append(themes_chunk)
                keep("themes", themes_chunk)
                keep_tables("indicators", indicator_tables)
                if indicator_rows:
                    keep_records("indicators", indicator_rows, INDICATOR_COLUMNS)
        # second pass: what needs the whole archive's counts (keywords, formulations), in
        # worker processes that receive the document frequencies once, when they start
        state = _SecondPass(len(analysed), tally.df[: len(tally.ids)], frozenset(numbered), keywords_top)
        engine.close()
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_second_pass, initargs=(state,)) if jobs > 1 else None
        if pool is None:
            _start_second_pass(state)
        try:
            def launch(chunk: range) -> Iterable[tuple[Any, Any]]:
                items = [_unspill(held.pop(analysed[j]), spill) for j in chunk]
                if pool is None:
                    return map(_second_pass_many, [items])
                size = max(1, len(items) // (jobs * 2))
                return pool.map(_second_pass_many, [items[k : k + size] for k in range(0, len(items), size)])  # starts now

            second_chunks = list(_chunks(len(analysed), chunk_size))
            following = launch(second_chunks[0]) if second_chunks else None
            for k in range(len(second_chunks)):
                assert following is not None
                done = following
                following = launch(second_chunks[k + 1]) if k + 1 < len(second_chunks) else None
                parts: dict[str, tuple[list[Any], list[dict[str, Any]]]] = {"keywords": ([], []), "formulations": ([], [])}
                for keyword_part, formulation_part in done:
                    for name, part in (("keywords", keyword_part), ("formulations", formulation_part)):
                        tables, rows = parts[name]
                        if isinstance(part, list):
                            rows.extend(part)
                        elif part.num_rows:
                            tables.append(part)
                for name, columns in (("keywords", KEYWORD_COLUMNS), ("formulations", FORMULATION_COLUMNS)):
                    tables, rows = parts[name]
                    keep_tables(name, tables)
                    if rows:
                        keep_records(name, rows, columns)
        finally:
            if pool is not None:
                pool.shutdown()
        written: list[str] = []
        empties = {"keywords": records_frame([], KEYWORD_COLUMNS), "formulations": records_frame([], FORMULATION_COLUMNS),
                   "indicators": records_frame([], INDICATOR_COLUMNS), "documents": docvars.head(0),
                   "themes": records_frame([], ("doc_id", "tokens", *theme_keys))}
        for name, writer in writers.items():
            written += writer.close(empties[name])
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    finally:
        engine.close()
        bar.close()
        spill.close()
    small: dict[str, pd.DataFrame] = {}
    good_docvars = docvars.iloc[analysed].reset_index(drop=True)
    light = Corpus([""] * len(good_docvars), good_docvars)
    if has_year and good_docvars["year"].notna().any():
        small["targets"] = targets(light, table=records_frame(target_rows, INDICATOR_COLUMNS))
    if len(tally.years) >= 2:
        from scipy import sparse

        years = sorted(tally.years)
        vocabulary = list(tally.ids)
        # row by row: a dense years x vocabulary copy would be the run's peak of memory
        matrix = sparse.vstack([sparse.csr_matrix(tally.row(y), dtype=np.float64) for y in years], format="csr")
        year_corpus = Corpus([""] * len(years), pd.DataFrame({"doc_id": [str(y) for y in years], "year": years}))
        counts = TermCounts(list(year_corpus.doc_ids), vocabulary, matrix,
                            np.array([words_by_year[y] for y in years], dtype=float))
        # a term seen fewer than min_count times in all can never be emerging: leaving those
        # columns out (most of a vocabulary) gives the same table from a far smaller matrix
        totals = np.asarray(matrix.sum(axis=0)).ravel()
        frequent = np.flatnonzero(totals >= EMERGING_MIN_COUNT)
        frequent_counts = TermCounts(counts.doc_ids, [vocabulary[j] for j in frequent.tolist()],
                                     matrix[:, frequent].tocsr(), counts.tokens)
        small["emerging"] = emerging(year_corpus, by="year", top=20, min_count=EMERGING_MIN_COUNT, counts=frequent_counts)
        small["similarity"] = similarity(year_corpus, by="year", counts=counts).reset_index()
    problems = archive.problems
    small["errors"] = (pd.concat([problems, pd.DataFrame(failures, columns=list(problems.columns))], ignore_index=True)
                       if failures else problems)
    for name, frame in small.items():
        writer = TableWriter(out, name)
        writer.write(frame)
        written += writer.close()
    errors = small["errors"]
    failed = int((errors["level"] == "error").sum()) if len(errors) else 0
    documents_preview = pd.concat(preview["documents"], ignore_index=True) if preview["documents"] else docvars.head(0)
    summary = {
        "documents": len(archive), "analysed": len(analysed), "from cache": cached, "failed": failed,
        "warnings": int((errors["level"] == "warning").sum()) if len(errors) else 0,
        "characters": characters,
        "indicators": quantities,
        "years": [int(min(tally.years)), int(max(tally.years))] if tally.years else None,
        "jobs": jobs, "seconds": round(time.perf_counter() - started, 3),
        **({"judged spun": len(spun_docs)} if despin != "off" else {}),
    }
    page_tables = {name: pd.concat(frames, ignore_index=True) if frames else pd.DataFrame() for name, frames in preview.items()}
    page_tables["documents"] = documents_preview
    if despin != "off":
        page_tables["spun"] = records_frame(spun_docs, [c for c in SPUN_COLUMNS if any(c in r for r in spun_docs)])
    page_tables["themes"] = pd.concat(theme_frames, ignore_index=True) if theme_frames else pd.DataFrame(columns=["doc_id", *theme_keys])
    page_tables.update(small)
    # the page holds no timing or cache figures: the same input gives the same report
    page = _report_html(title, page_tables, {k: v for k, v in summary.items() if k not in ("seconds", "from cache")}, theme_keys)
    return RunResult(written, page, summary, failed)


def _report_html(title: str, tables: dict[str, pd.DataFrame], summary: dict[str, Any], theme_keys: list[str]) -> str:
    from policytext.batch import report
    from policytext.topics import bundled_themes

    labels = {k: v["label"] for k, v in bundled_themes().items()}
    sections: list[tuple[str, str]] = []
    docs = tables["documents"]
    sections.append(("文件 Documents", report.table(docs, columns=["doc_id", "year", "speaker", "encoding", "script", "n_chars", "n_words"])))
    if "spun" in tables:
        spun = tables["spun"]
        sections.append(("洗稿 Spun texts (synonym spinning)",
                         report.table(spun, columns=list(spun.columns)) if len(spun) else "<p>no document judged spun</p>"))
    themes = tables["themes"]
    if "year" in themes and themes["year"].notna().any():
        means = themes.groupby("year")[theme_keys].mean()
        series = {labels.get(k, k): [(float(str(y)), float(v)) for y, v in means[k].items()] for k in theme_keys}
        sections.append(("主题 Themes per 10,000 tokens", report.line_chart(series, title="主题随时间变化")))
    sections.append(("主题 Themes by document", report.table(themes, columns=["doc_id", "year", *theme_keys])))
    if "targets" in tables and len(tables["targets"]):
        sections.append(("目标 Targets", report.table(tables["targets"], columns=["year", "target", "value", "value_max", "unit", "qualifier", "sentence"])))
    keywords = tables["keywords"]
    if len(keywords):
        first = keywords[keywords["doc_id"] == keywords["doc_id"].iloc[0]]
        sections.append(("关键词 Keywords", report.bar_chart(list(first["term"]), list(first["score"]), title=f"{first['doc_id'].iloc[0]}")
                         + report.table(keywords, columns=["doc_id", "rank", "term", "score", "count"], limit=300)))
    if "emerging" in tables:
        sections.append(("新词 Emerging terms", report.table(tables["emerging"], columns=["year", "rank", "term", "count", "score"], limit=300)))
    sections.append(("提法 Formulations", report.table(tables["formulations"], columns=["doc_id", "term", "pattern", "count"], limit=300)))
    sections.append(("数值指标 Indicators", report.table(tables["indicators"], columns=["doc_id", "text", "indicator", "value", "unit", "qualifier", "status", "kind"], limit=300)))
    sections.append(("错误 Errors", report.table(tables["errors"]) if len(tables["errors"]) else "<p>none</p>"))
    return report.render(title, sections, summary)
