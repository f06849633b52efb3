"""A batch run over an archive, composed of the library's own steps.

:func:`run_analysis` is what ``policytext analyze`` does: open a fresh run folder
(:mod:`~policytext.batch.outputs`), analyse every document once (:mod:`~policytext.batch.first_pass`:
the per-document engine, the cache and the corpus tally), rank keywords and count
formulations with the corpus's statistics (:mod:`~policytext.batch.second_pass`), compute
the corpus-level tables with the public functions of :mod:`policytext.compare`, write the
report and the manifest, and make the run live. Batch adds scheduling, caching and
writing; every number comes from the functions a notebook calls.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.batch.cache import CACHE_FOLDER, ResultCache
from policytext.batch.document import Options, reference_texts
from policytext.batch.first_pass import FirstPass, Progress
from policytext.batch.held import HeldItems
from policytext.batch.outputs import RunFolder
from policytext.batch.second_pass import CorpusState, rows_of_many, start
from policytext.batch.tables import TABLES, TableWriter, write_frame
from policytext.batch.tally import CorpusTally
from policytext.batch.workers import Engine, in_chunks
from policytext.cleaning import DESPIN_MODES
from policytext.compare import TermCounts, emerging, similarity, targets, with_group_docvars
from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.io import Archive

__all__ = ["RunResult", "RunSettings", "run_analysis"]

#: terms counted fewer times over all years can never be emerging (compare.emerging's min_count)
EMERGING_MIN_COUNT = 3
FIRST_PASS_TABLES = ("documents", "themes", "indicators")


@dataclass(frozen=True)
class RunSettings:
    """How a run analyses (the per-document options) and how it is scheduled and written."""

    backend: str = "auto"
    userdict: Any = None
    convert: str | bool = "auto"
    despin: str = "off"
    spin_reference: str | os.PathLike[str] | None = None
    jobs: int = 1
    scheduler: str | None = None
    cache: bool = True
    keywords_top: int = 20
    chunk_size: int = 64
    memory_mb: int = 64
    tokens: bool = False
    csv_raw: bool = False
    progress: bool = False
    title: str = "policytext report"


@dataclass
class RunResult:
    """What a run wrote: the live folder, its files, the summary and the failure count."""

    folder: Path
    written: list[str]
    summary: dict[str, Any]
    failed: int


def analysis_options(settings: RunSettings) -> Options:
    """The per-document options of a run (the spin reference read once, for its digest)."""
    from policytext.segmentation import userdict_entries

    if settings.despin not in DESPIN_MODES:
        raise ConfigError(f"despin must be one of {', '.join(DESPIN_MODES)}, not {settings.despin!r}")
    reference, digest = "", ""
    if settings.spin_reference is not None:
        if settings.despin == "off":
            raise ConfigError("a spin reference refines the despin step: use it with despin 'auto' or 'on'")
        reference = os.path.abspath(settings.spin_reference)
        texts, digest = reference_texts(reference)
        if not texts:
            raise ConfigError(f"the spin reference {settings.spin_reference} holds no texts")
    words = tuple(w if f is None else f"{w} {f}" for w, f, _ in userdict_entries(settings.userdict))
    return Options.bundled(backend=settings.backend, userdict=words, convert=settings.convert, despin=settings.despin,
                           spin_reference=reference, spin_reference_digest=digest)


def _as_archive(data: Corpus | Archive) -> Archive:
    from policytext.io import Archive

    return data if isinstance(data, Archive) else Archive.from_corpus(data)


def _texts(folder: Path, size: int) -> Iterator[list[str]]:
    """The cleaned texts of the documents table, ``size`` rows at a time, in its order (the
    order the tally lists the analysed documents in)."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(folder / "documents.parquet").iter_batches(batch_size=size, columns=["text"]):
        texts = batch.column(0).to_pylist()
        del batch  # a long text is not held twice while its keywords are ranked
        yield texts


def _second_pass(tally: CorpusTally, held: HeldItems, engine: Engine, writers: dict[str, TableWriter],
                 settings: RunSettings, folder: Path) -> None:
    """Keywords and formulations of every analysed document, chunk by chunk."""
    state = CorpusState(tally.terms.idf(), frozenset(tally.numbered), settings.keywords_top, settings.convert)
    pool = engine.local_pool(start, state)
    try:
        texts = _texts(folder, settings.chunk_size)
        for chunk in in_chunks(len(tally.analysed), settings.chunk_size):
            items = list(zip([held.take(tally.analysed[j]) for j in chunk], next(texts)))
            if pool is None:
                parts = [rows_of_many(items)]
            else:
                size = max(1, len(items) // (engine.jobs * 2))
                parts = list(pool.map(rows_of_many, [items[k : k + size] for k in range(0, len(items), size)]))
            for keywords, formulations in parts:
                writers["keywords"].write_arrow(keywords)
                writers["formulations"].write_arrow(formulations)
    finally:
        if pool is not None:
            pool.shutdown()


def _year_counts(tally: CorpusTally, *, min_total: int = 0) -> tuple[Corpus, TermCounts]:
    """Per-year term counts as a corpus of years (what ``by="year"`` groups a corpus into)."""
    import pandas as pd

    from policytext.corpus import Corpus

    years, vocabulary, matrix, tokens = tally.terms.group_matrix(min_total=min_total)
    corpus = Corpus([""] * len(years), pd.DataFrame({"doc_id": [str(y) for y in years], "year": years}))
    return corpus, TermCounts(list(corpus.doc_ids), vocabulary, matrix, tokens)


def corpus_tables(tally: CorpusTally, first: FirstPass) -> dict[str, pd.DataFrame]:
    """The tables that need the whole archive: targets, emerging terms, similarity, errors."""
    import pandas as pd

    from policytext.corpus import PROBLEM_COLUMNS, Corpus

    tables: dict[str, pd.DataFrame] = {}
    docvars = first.documents_frame()
    if "year" in docvars.columns and docvars["year"].notna().any():
        candidates = pd.concat(tally.candidates, ignore_index=True) if tally.candidates else None
        light = Corpus([""] * len(docvars), docvars)
        spec = TABLES["indicators"]
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in spec.columns or ()})
        tables["targets"] = targets(light, table=empty if candidates is None else candidates)
    if len(tally.terms.groups) >= 2:
        years, counts = _year_counts(tally, min_total=EMERGING_MIN_COUNT)
        # the docvars constant within a year come from the documents, as with a corpus
        tables["emerging"] = with_group_docvars(emerging(years, by="year", counts=counts), docvars, "year")
        years, counts = _year_counts(tally)
        tables["similarity"] = similarity(years, by="year", counts=counts).reset_index()
    problems = first.archive.problems
    failures = pd.DataFrame(tally.failures, columns=PROBLEM_COLUMNS)
    tables["errors"] = pd.concat([problems, failures], ignore_index=True) if len(failures) else problems
    return tables


def _tokens_table(folder: Path, settings: RunSettings, options: Options) -> dict[str, int]:
    """The token table (``--tokens``), from the documents table's cleaned texts."""
    import pyarrow.parquet as pq

    from policytext.batch.document import tokenizer_for
    from policytext.segmentation import tokens_frame

    writer = TableWriter(folder, "tokens", csv_raw=settings.csv_raw)
    tokenizer = tokenizer_for(options)
    for batch in pq.ParquetFile(folder / "documents.parquet").iter_batches(batch_size=64, columns=["doc_id", "text"]):
        ids, texts = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        writer.write(tokens_frame(ids, [tokenizer.segment(t, keep_pieces=False) for t in texts]))
    spec = TABLES["tokens"]
    import pandas as pd

    return writer.close(pd.DataFrame({c: pd.Series(dtype=object) for c in spec.columns or ()}))


def _summary(archive: Archive, tally: CorpusTally, errors: pd.DataFrame, cache: ResultCache | None,
             settings: RunSettings, seconds: float) -> dict[str, Any]:
    from policytext.script import opencc_info
    from policytext.segmentation import resolve_backend

    levels = errors["level"].value_counts().to_dict() if len(errors) else {}
    docvars = archive.docvars
    analysed = docvars.iloc[tally.analysed]
    years = tally.terms.groups
    info = opencc_info()
    return {
        "documents": len(archive), "analysed": len(tally.analysed), "failed": int(levels.get("error", 0)),
        "skipped": int(levels.get("skipped", 0)), "warnings": int(levels.get("warning", 0)),
        "characters": tally.characters, "indicators": tally.quantities,
        "years": [int(years[0]), int(years[-1])] if years else None,
        "scripts": dict(sorted(tally.scripts.items())), "encodings": _counts(analysed, "encoding"), "jobs": settings.jobs,
        "cache": cache.summary() if cache is not None else None,
        "opencc": f"{info.implementation} {info.version}", "segmenter": resolve_backend(settings.backend),
        "seconds": round(seconds, 3),
    }


def _counts(frame: pd.DataFrame, column: str) -> dict[str, int]:
    if column not in frame.columns:
        return {}
    return {str(k): int(v) for k, v in frame[column].value_counts().sort_index().items()}


@contextlib.contextmanager
def _returning_memory() -> Iterator[None]:
    """Arrow's own allocator keeps freed memory for reuse; a run that writes documents of
    hundreds of megabytes allocates the system's instead, which returns large blocks at
    once (the peak then follows one document, not the sum of every buffer it needed)."""
    import pyarrow as pa

    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def _give_back_memory() -> None:
    """Return freed memory to the system between the passes: glibc keeps what a long
    document's many small objects used, and the next pass would stack its peak on it."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        libc = None
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def run_analysis(data: Corpus | Archive, out: str | os.PathLike[str], **settings: Any) -> RunResult:
    """Analyse every document of ``data`` and make the tables the live output set of ``out``.

    Parameters
    ----------
    data : Corpus or Archive
        Raw texts as read (:func:`policytext.read_corpus`), or an archive scanned by
        :func:`policytext.io.scan_archive`, whose files the workers read themselves.
    out : path
        The output folder: tables go to ``out/runs/<run id>/`` and ``out/current`` points
        to the live set (:mod:`policytext.batch.outputs`).
    **settings
        The fields of :class:`RunSettings`.

    Returns
    -------
    RunResult

    Raises
    ------
    policytext.ConfigError
        For an option that is not usable.
    policytext.OutputError
        When ``out`` cannot be written.
    """
    config = RunSettings(**settings)
    archive, options = _as_archive(data), analysis_options(config)
    started = time.perf_counter()
    root = Path(out)
    with _returning_memory(), RunFolder(root) as folder, Engine(config.jobs, config.scheduler) as engine:
        cache = ResultCache(root / CACHE_FOLDER) if config.cache else None
        if cache is not None:
            cache.remove_temporary()
        tally, first, rows = _analyse(archive, options, engine, cache, folder.path, config)
        tables = corpus_tables(tally, first)
        for name, frame in tables.items():
            rows.update(write_frame(folder.path, name, frame, csv_raw=config.csv_raw))
        if config.tokens:
            rows.update(_tokens_table(folder.path, config, options))
        summary = _summary(archive, tally, tables["errors"], cache, config, time.perf_counter() - started)
        _finish(folder, summary, rows, tally, config, options, len(archive))
    written = sorted(p.name for p in folder.path.iterdir())
    return RunResult(folder.path, written, summary, summary["failed"])


def _analyse(archive: Archive, options: Options, engine: Engine, cache: ResultCache | None, folder: Path,
             config: RunSettings) -> tuple[CorpusTally, FirstPass, dict[str, int]]:
    """Both passes over the documents, into the tables they write chunk by chunk."""
    writers = {name: TableWriter(folder, name, csv_raw=config.csv_raw)
               for name in (*FIRST_PASS_TABLES, "keywords", "formulations")}
    held = HeldItems(folder, config.memory_mb * 1_000_000)
    progress = Progress(len(archive), config.progress)
    try:
        first = FirstPass(archive, options, engine, cache, writers, held, progress)
        tally = first.run(config.chunk_size)
        progress.close()
        rows: dict[str, int] = {}
        for name in FIRST_PASS_TABLES:  # complete: the keyword pass reads the texts back
            rows.update(writers[name].close(_empty(name, archive)))
        _give_back_memory()
        _second_pass(tally, held, engine, writers, config, folder)
        for name in ("keywords", "formulations"):
            rows.update(writers[name].close(_empty(name, archive)))
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    finally:
        held.close()
    return tally, first, rows


def _empty(name: str, archive: Archive) -> pd.DataFrame:
    """An empty chunk with a table's columns, for a table no document added rows to."""
    import pandas as pd

    spec = TABLES[name]
    columns = list(spec.columns) if spec.columns is not None else list(archive.docvars.columns)
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _finish(folder: RunFolder, summary: dict[str, Any], rows: dict[str, int], tally: CorpusTally,
            config: RunSettings, options: Options, inputs: int) -> None:
    """The report, summary.json and the manifest; then the run becomes live."""
    import json

    from policytext import __version__
    from policytext.batch.report import write_report

    write_report(folder.path, config.title, summary, spun=tally.spun if config.despin != "off" else None)
    summary["tables"] = [*sorted(p.name for p in folder.path.iterdir()), "summary.json"]
    (folder.path / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
    settings = {k: v for k, v in asdict(config).items() if k not in ("progress", "title")}
    folder.manifest(version=__version__, options={**settings, **options.describe()}, inputs=inputs, rows=rows)
    folder.commit()
