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
import dataclasses
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
from policytext.batch.tables import (
    TABLES,
    TableWriter,
    parquet_batches,
    unescape_formula,
    write_frame,
)
from policytext.batch.tally import CorpusTally
from policytext.batch.workers import Engine, in_chunks
from policytext.cleaning import DESPIN_MODES
from policytext.compare import (
    TermCounts,
    emerging,
    keyness,
    similarity,
    targets,
    vanishing,
    with_group_docvars,
)
from policytext.errors import ConfigError

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.io import Archive

__all__ = ["RunResult", "RunSettings", "run_analysis"]

#: terms counted fewer times over all years can never be emerging (compare.emerging's
#: min_count applies to a term's lifetime count, which is its count over all years)
EMERGING_MIN_COUNT = 3
#: terms of the last year's keyness table
KEYNESS_TOP = 100
#: documents up to which a run also writes their pairwise similarity (beyond: by year only)
DOCUMENT_SIMILARITY_MAX = 50
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
    #: held items (what the keyword pass needs of each document) kept in memory; the rest
    #: wait in a spill file, read back once, in order (a small cost beside the analysis)
    memory_mb: int = 16
    tokens: bool = False
    csv_raw: bool = False
    by: tuple[str, ...] = ()  # docvars that group documents (the targets table; a group's own names)
    topics: int = 0  # topics of an NMF model over the documents (0: none)
    reuse: bool = False  # passages documents share (pt.compare.reuse): reuse_* tables
    neighbours: int = 0  # each document's nearest documents (document_neighbours; 0: none)
    #: year-over-year changes are computed for archives up to this many documents
    changes_max: int = 2000
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


def _texts(folder: Path, size: int, *, escaped: bool) -> Iterator[list[str]]:
    """The cleaned texts of the documents table, ``size`` rows at a time, in its order (the
    order the tally lists the analysed documents in): from its Parquet file, or from its CSV
    file when the Parquet one could not be written (the formula escaping undone)."""
    import pyarrow.csv as pcsv

    if (folder / "documents.parquet").exists():
        batches = parquet_batches(folder / "documents.parquet", ["text"], size)
    else:
        options = pcsv.ConvertOptions(include_columns=["text"], column_types={"text": "large_string"},
                                      strings_can_be_null=False, quoted_strings_can_be_null=False)
        batches = pcsv.open_csv(folder / "documents.csv", convert_options=options)
    pending: list[str] = []
    for batch in batches:
        pending += [unescape_formula(t) if escaped else t for t in batch.column(0).to_pylist()]
        del batch  # a long text is not held twice while its keywords are ranked
        while len(pending) >= size:
            yield pending[:size]
            pending = pending[size:]
    if pending:
        yield pending


def _second_pass(tally: CorpusTally, held: HeldItems, engine: Engine, writers: dict[str, TableWriter],
                 settings: RunSettings, folder: Path, options: Options) -> None:
    """Keywords and formulations of every analysed document, chunk by chunk."""
    terms = tally.terms
    state = CorpusState(terms.idf(), terms.archive_wide(), frozenset(tally.numbered), settings.keywords_top,
                        settings.convert, options)
    pool = engine.pass_pool(start, state)
    try:
        texts = _texts(folder, settings.chunk_size, escaped=not settings.csv_raw)
        for chunk in in_chunks(len(tally.analysed), settings.chunk_size):
            items = list(zip([held.take(tally.analysed[j]) for j in chunk], next(texts)))
            if pool is None:
                parts = [rows_of_many(items)]
            else:
                size = max(1, len(items) // (engine.width * 2))
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
    return corpus, TermCounts(list(corpus.doc_ids), vocabulary, matrix, tokens, surfaces=tally.terms.surfaces())


def _period_tables(tally: CorpusTally, docvars: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Terms over the years: emerging, vanishing, keyness of the last year, similarity."""
    tables: dict[str, pd.DataFrame] = {}
    years, counts = _year_counts(tally, min_total=EMERGING_MIN_COUNT)
    # the docvars constant within a year come from the documents, as with a corpus
    tables["emerging"] = with_group_docvars(emerging(years, by="year", counts=counts), docvars, "year")
    tables["vanishing"] = with_group_docvars(vanishing(years, by="year", counts=counts), docvars, "year")
    years, counts = _year_counts(tally)
    last = years.docvars["year"].iloc[-1]
    tables["keyness"] = keyness(years, last, by="year", counts=counts, top=KEYNESS_TOP)
    tables["similarity"] = similarity(years, by="year", counts=counts).reset_index()
    return tables


def _topic_tables(tally: CorpusTally, docvars: pd.DataFrame, k: int) -> dict[str, pd.DataFrame]:
    """An NMF topic model of the analysed documents (seeded): its terms and its documents."""
    from policytext.corpus import Corpus
    from policytext.topics import topic_model

    if len(docvars) < 2:
        return {}
    corpus = Corpus([""] * len(docvars), docvars)
    model = topic_model(corpus, method="nmf", k=k, counts=tally.document_counts(list(corpus.doc_ids)))
    return {"topic_terms": model.terms, "topic_documents": model.documents}


def _changes_table(folder: Path, docvars: pd.DataFrame, config: RunSettings) -> dict[str, pd.DataFrame]:
    """Year-over-year change per consecutive pair (within each --by group): shares of text
    unchanged, reworded and new, formulations added and dropped, targets changed. Left out
    when a group has two documents in one year, or for archives over ``changes_max``."""
    import pyarrow.parquet as pq

    from policytext.compare import diff_summary
    from policytext.corpus import Corpus

    dated = docvars[docvars["year"].notna()] if "year" in docvars.columns else docvars.head(0)
    keys = [*config.by, "year"]
    if dated["year"].nunique() < 2 or len(dated) > config.changes_max or dated.duplicated(keys).any():
        return {}
    texts = dict(zip(*pq.read_table(folder / "documents.parquet", columns=["doc_id", "text"]).to_pydict().values()))
    corpus = Corpus([texts[d] for d in dated["doc_id"]], dated)
    return {"changes": diff_summary(corpus, by="year", group=list(config.by) or None, convert=config.convert)}


def _reuse_tables(folder: Path, docvars: pd.DataFrame, config: RunSettings) -> dict[str, pd.DataFrame]:
    """Passages that documents share (``--reuse``): :func:`policytext.compare.reuse` on the
    analysed texts, with the diffusion table when the documents have years."""
    import pyarrow.parquet as pq

    from policytext.compare import reuse
    from policytext.corpus import Corpus

    if len(docvars) < 2:
        return {}
    texts = dict(zip(*pq.read_table(folder / "documents.parquet", columns=["doc_id", "text"]).to_pydict().values()))
    corpus = Corpus([texts[d] for d in docvars["doc_id"]], docvars)
    dated = "year" in docvars.columns and docvars["year"].notna().any()
    found = reuse(corpus, by="year" if dated else None, group=config.by[0] if config.by else None,
                  convert=config.convert, jobs=config.jobs, scheduler=config.scheduler)
    tables = {"reuse_passages": found.passages, "reuse_pairs": found.pairs, "reuse_boilerplate": found.boilerplate}
    if found.diffusion is not None:
        tables["reuse_diffusion"] = found.diffusion
    return tables


def corpus_tables(tally: CorpusTally, first: FirstPass, config: RunSettings) -> dict[str, pd.DataFrame]:
    """The tables that need the whole archive: targets, terms over the years, similarity,
    topics, year-over-year changes, errors."""
    import pandas as pd

    from policytext.corpus import PROBLEM_COLUMNS, Corpus

    tables: dict[str, pd.DataFrame] = {}
    docvars = first.documents_frame()
    if "year" in docvars.columns and docvars["year"].notna().any():
        candidates = tally.targets_found()
        light = Corpus([""] * len(docvars), docvars)
        spec = TABLES["indicators"]
        empty = pd.DataFrame({c: pd.Series(dtype=object) for c in spec.columns or ()})
        # one row per (group…, year, key) with --by, else per document: never two groups mixed
        by = config.by
        tables["targets"] = targets(light, by=[*by, "year"] if by else None,
                                    table=empty if candidates is None else candidates)
    if len(tally.terms.groups) >= 2:
        tables.update(_period_tables(tally, docvars))
        tables.update(_changes_table(first.folder, docvars, config))
    if config.topics:
        tables.update(_topic_tables(tally, docvars, config.topics))
    if config.reuse:
        tables.update(_reuse_tables(first.folder, docvars, config))
    if tally.documents is not None and len(docvars) >= 2:
        tables.update(_document_similarity(tally, docvars, config))
    problems = first.archive.problems
    failures = pd.DataFrame(tally.failures, columns=PROBLEM_COLUMNS)
    tables["errors"] = pd.concat([problems, failures], ignore_index=True) if len(failures) else problems
    return tables


def _document_similarity(tally: CorpusTally, docvars: pd.DataFrame, config: RunSettings) -> dict[str, pd.DataFrame]:
    """The documents' pairwise similarity (runs of at most DOCUMENT_SIMILARITY_MAX documents)
    and, with ``--neighbours K``, each document's K nearest (any size: sparse products)."""
    from policytext.corpus import Corpus

    corpus = Corpus([""] * len(docvars), docvars)
    counts = tally.document_counts(list(corpus.doc_ids))
    tables = {}
    if len(docvars) <= DOCUMENT_SIMILARITY_MAX:
        tables["document_similarity"] = similarity(corpus, by="doc_id", counts=counts).reset_index()
    if config.neighbours > 0:
        tables["document_neighbours"] = similarity(corpus, by="doc_id", counts=counts, top=config.neighbours)
    return tables


def _tokens_table(folder: Path, settings: RunSettings, options: Options) -> TableWriter:
    """The token table (``--tokens``), from the documents table's cleaned texts."""
    from policytext.batch.document import tokenizer_for
    from policytext.segmentation import tokens_frame

    writer = TableWriter(folder, "tokens", csv_raw=settings.csv_raw)
    tokenizer = tokenizer_for(options)
    for batch in parquet_batches(folder / "documents.parquet", ["doc_id", "text"], 64):
        ids, texts = batch.column(0).to_pylist(), batch.column(1).to_pylist()
        writer.write(tokens_frame(ids, [tokenizer.segment(t, keep_pieces=False) for t in texts]))
    spec = TABLES["tokens"]
    import pandas as pd

    writer.close(pd.DataFrame({c: pd.Series(dtype=object) for c in spec.columns or ()}))
    return writer


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
    from policytext.cleaning import fit_furniture

    config = RunSettings(**settings)
    archive, options = _as_archive(data), analysis_options(config)
    unknown = [c for c in config.by if c not in archive.docvars.columns]
    if unknown:
        raise ConfigError(f"--by {', '.join(unknown)}: no such docvar (have {', '.join(map(str, archive.docvars.columns))})")
    # the page furniture that repeats across this archive, learned from its documents' edges
    options = dataclasses.replace(options, furniture=fit_furniture(archive.edges).to_json())
    started = time.perf_counter()
    root = Path(out)
    with _returning_memory(), RunFolder(root) as folder, Engine(config.jobs, config.scheduler) as engine:
        cache = ResultCache(root / CACHE_FOLDER) if config.cache else None
        if cache is not None:
            cache.remove_temporary()
        tally, first, writers = _analyse(archive, options, engine, cache, folder.path, config)
        tables = corpus_tables(tally, first, config)
        errors = tables.pop("errors")
        writers += [write_frame(folder.path, name, frame, csv_raw=config.csv_raw) for name, frame in tables.items()]
        del tables, first  # written: the report reads the tables back, and the two need not coexist
        if config.tokens:
            writers.append(_tokens_table(folder.path, config, options))
        errors, incomplete, writers = _errors_table(folder.path, errors, writers, config)
        summary = _summary(archive, tally, errors, cache, config, time.perf_counter() - started)
        summary["incomplete"] = incomplete
        rows = {f: w.rows for w in writers for f in w.files}
        spun = tally.spun if config.despin != "off" else None
        del tally, errors  # the archive-wide counts are in the tables now
        _give_back_memory()
        _finish(folder, summary, rows, spun, config, options, len(archive), engine)
    written = sorted(p.name for p in folder.path.iterdir())
    return RunResult(folder.path, written, summary, summary["failed"])


def _errors_table(folder: Path, errors: pd.DataFrame, writers: list[TableWriter],
                  config: RunSettings) -> tuple[pd.DataFrame, list[dict[str, Any]], list[TableWriter]]:
    """The errors table, with a row for every table file that could not be written (each
    also said on stderr); what was not written, and every writer."""
    import sys

    import pandas as pd

    incomplete = [p for w in writers for p in w.problems]
    for problem in incomplete:
        column = f", column {problem['column']}" if problem["column"] else ""
        print(f"policytext: {problem['table']}.{problem['format']} not written{column}: {problem['reason']}", file=sys.stderr)
    rows = [{"path": f"{p['table']}.{p['format']}", "doc_id": None, "level": "error",
             "reason": f"output not written{': column ' + p['column'] if p['column'] else ''}: {p['reason']}"}
            for p in incomplete]
    if rows:
        errors = pd.concat([errors, pd.DataFrame(rows, columns=errors.columns)], ignore_index=True)
    writer = write_frame(folder, "errors", errors, csv_raw=config.csv_raw)
    for problem in writer.problems:  # the errors table itself: only stderr and summary.json are left
        print(f"policytext: errors.{problem['format']} not written: {problem['reason']}", file=sys.stderr)
    return errors, incomplete + writer.problems, [*writers, writer]


def _analyse(archive: Archive, options: Options, engine: Engine, cache: ResultCache | None, folder: Path,
             config: RunSettings) -> tuple[CorpusTally, FirstPass, list[TableWriter]]:
    """Both passes over the documents, into the tables they write chunk by chunk."""
    writers = {name: TableWriter(folder, name, csv_raw=config.csv_raw)
               for name in (*FIRST_PASS_TABLES, "keywords", "formulations")}
    held = HeldItems(folder, config.memory_mb * 1_000_000)
    progress = Progress(len(archive), config.progress)
    try:
        keep = config.topics > 0 or config.neighbours > 0 or len(archive) <= DOCUMENT_SIMILARITY_MAX
        first = FirstPass(archive, options, engine, cache, writers, held, progress, keep_counts=keep)
        tally = first.run(config.chunk_size)
        progress.close()
        for name in FIRST_PASS_TABLES:  # complete: the keyword pass reads the texts back
            writers[name].close(_empty(name, archive))
        _give_back_memory()
        _second_pass(tally, held, engine, writers, config, folder, options)
        for name in ("keywords", "formulations"):
            writers[name].close(_empty(name, archive))
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    finally:
        held.close()
    return tally, first, list(writers.values())


def _empty(name: str, archive: Archive) -> pd.DataFrame:
    """An empty chunk with a table's columns, for a table no document added rows to."""
    import pandas as pd

    spec = TABLES[name]
    columns = list(spec.columns) if spec.columns is not None else list(archive.docvars.columns)
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _finish(folder: RunFolder, summary: dict[str, Any], rows: dict[str, int], spun: list[dict[str, Any]] | None,
            config: RunSettings, options: Options, inputs: int, engine: Engine) -> None:
    """The report (written by a worker when there are local ones: it reads the tables
    back and subsets the font; ``spun``: the documents judged spun), summary.json and the
    manifest; then the run becomes live."""
    import json

    from policytext import __version__
    from policytext.batch.report import write_report

    engine.call(write_report, folder.path, config.title, summary, spun=spun)
    summary["tables"] = [*sorted(p.name for p in folder.path.iterdir()), "summary.json"]
    (folder.path / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
    settings = {k: v for k, v in asdict(config).items() if k not in ("progress", "title")}
    folder.manifest(version=__version__, options={**settings, **options.describe()}, inputs=inputs, rows=rows)
    folder.commit()
