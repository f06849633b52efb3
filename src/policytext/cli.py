"""The ``policytext`` command: analyse an archive, or convert and segment a single text."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from policytext.errors import OutputError, ReadError

__all__ = ["EXIT_CODES", "build_parser", "main"]

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED, EXIT_INCOMPLETE = 0, 1, 2, 3
EXIT_CODES = (
    "Exit status: 0 every document analysed (skipped rows, e.g. empty text cells, are listed but are not "
    "failures); 1 usage or input error (nothing written); 2 some documents failed (listed in errors); "
    "3 outputs incomplete: a table could not be written in a format (listed in errors and in summary.json's "
    "'incomplete'; 3 takes precedence over 2)"
)


def _inside(inner: Path, outer: Path) -> bool:
    try:
        return outer.is_dir() and inner.resolve().is_relative_to(outer.resolve())
    except OSError:
        return False


def _report_problems(errors: Any) -> None:
    """One line per file or record that failed, was skipped or has a warning."""
    for row in errors.itertuples(index=False):
        where = row.path if row.doc_id is None or str(row.doc_id) in ("", "nan", "None") else f"{row.path} [{row.doc_id}]"
        print(f"  {row.level}: {where}: {row.reason}", file=sys.stderr)


#: what an output file is named like: --out names a folder
_FILE_SUFFIXES = (".csv", ".parquet", ".html", ".json", ".jsonl", ".xlsx", ".txt")


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file: name a folder (it is created if missing), e.g. --out results/")
    if out.suffix.lower() in _FILE_SUFFIXES:
        raise OutputError(f"--out {out} looks like a file name: --out names a folder that receives every table "
                          f"(e.g. --out {out.with_suffix('')}/)")


def _log_reading() -> None:
    """Print what reading decided (the text column of a table, renamed fields) on stderr."""
    import logging

    class StderrHandler(logging.Handler):
        # sys.stderr looked up at each message: a caller may have replaced it since
        def emit(self, record: logging.LogRecord) -> None:
            print(self.format(record), file=sys.stderr)

    logger = logging.getLogger("policytext.io")
    if not any(getattr(h, "_policytext", False) for h in logger.handlers):
        handler = StderrHandler()
        handler.setFormatter(logging.Formatter("policytext: %(message)s"))
        handler._policytext = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _analyze(args: argparse.Namespace) -> int:
    import pandas as pd

    from policytext.batch import run_analysis
    from policytext.io import scan_archive

    source, out = Path(args.path), Path(args.out)
    _check_out(out)
    if not args.quiet:
        _log_reading()
    exclude = [out] if _inside(out, source) else []
    if exclude and not args.quiet:
        print(f"policytext: the output folder {out} is inside {source}: its files are not read as input", file=sys.stderr)
    # docvars and problems now, each document's text only when its chunk is analysed
    archive = scan_archive(
        args.path, pattern=args.pattern, metadata=args.metadata, encoding=args.encoding, text_field=args.text_field,
        exclude=exclude,
    )
    if not len(archive):
        problems = archive.problems
        _report_problems(problems)
        raise ReadError(f"no readable documents in {args.path} ({len(problems)} file(s) or record(s) left out, listed above): "
                        "point analyze at a folder or file of texts (.txt, .docx, .pdf, .csv, .jsonl, .json, .xlsx …)")
    result = run_analysis(
        archive, out, backend=args.backend, userdict=args.userdict, jobs=args.jobs, scheduler=args.scheduler,
        cache=not args.no_cache, progress=not args.quiet, title=f"policytext: {source.name}", despin=args.despin,
        spin_reference=args.spin_reference, tokens=args.tokens, csv_raw=args.csv_raw,
        by=tuple(c.strip() for c in args.by.split(",") if c.strip()) if args.by else (), topics=args.topics, reuse=args.reuse,
        neighbours=args.neighbours,
    )
    summary = result.summary
    if not args.quiet:
        cache = summary["cache"] or {}
        print(
            f"{summary['documents']} documents read from {args.path}: {summary['analysed']} analysed "
            f"({summary['characters']:,} characters, {summary['indicators']:,} numeric indicators; "
            f"{cache.get('hits', 0)} from the cache), {summary['failed']} failed, {summary['skipped']} skipped, "
            f"{summary['warnings']} warning(s)"
        )
        if cache.get("recomputed"):
            print(f"cache: {cache['recomputed']} damaged or foreign entries recomputed", file=sys.stderr)
        _report_problems(pd.read_parquet(result.folder / "errors.parquet"))
        print(f"written to {out / 'current'}/ (run {result.folder.name}): {', '.join(summary['tables'])}")
    elif summary["failed"]:
        errors = pd.read_parquet(result.folder / "errors.parquet")
        _report_problems(errors[errors["level"] == "error"])
    if summary["incomplete"]:
        return EXIT_INCOMPLETE
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    """Two documents side by side: the aligned sentences, formulation and target changes,
    and a page that shows them, written into OUT."""
    from policytext.batch import write_atomic, write_frame
    from policytext.compare import diff, diff_html, formulation_changes, target_changes
    from policytext.io import read_text_file

    texts = [read_text_file(path)[0] for path in (args.a, args.b)]
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file: name a folder (it is created if missing)")
    out.mkdir(parents=True, exist_ok=True)
    table = diff(texts[0], texts[1])
    tables = {"diff": table, "formulation_changes": formulation_changes(texts[0], texts[1]),
              "target_changes": target_changes(texts[0], texts[1])}
    written = []
    for name, frame in tables.items():
        written += write_frame(out, name, frame).files
    labels = (Path(args.a).name, Path(args.b).name)
    write_atomic(out / "diff.html", diff_html(texts[0], texts[1], table=table, labels=labels))
    if not args.quiet:
        counts = table["op"].value_counts().to_dict()
        print(f"{args.a} → {args.b}: " + ", ".join(f"{op} {n}" for op, n in sorted(counts.items())))
        print(f"written to {out}/: {', '.join([*written, 'diff.html'])}")
    return EXIT_OK


def _reuse(args: argparse.Namespace) -> int:
    """Passages the documents of PATH share (and, with --other, passages they take from the
    documents of OTHER), written as tables into OUT."""
    from policytext.batch import write_frame
    from policytext.compare import reuse
    from policytext.io import read_corpus

    out = Path(args.out)
    _check_out(out)
    corpus = read_corpus(args.path)
    other = read_corpus(args.other) if args.other else None
    dated = "year" in corpus.docvars.columns and corpus.docvars["year"].notna().any()
    found = reuse(corpus, other, by=args.by or ("year" if dated and other is None else None), group=args.group,
                  jobs=args.jobs, scheduler=args.scheduler)
    out.mkdir(parents=True, exist_ok=True)
    tables = {"reuse_passages": found.passages, "reuse_pairs": found.pairs, "reuse_boilerplate": found.boilerplate,
              "reuse_duplicates": found.duplicates}
    if found.diffusion is not None:
        tables["reuse_diffusion"] = found.diffusion
    written = [name for table, frame in tables.items() for name in write_frame(out, table, frame).files]
    if not args.quiet:
        print(f"{len(found.pairs)} pairs of documents share {len(found.passages)} passages; "
              f"written to {out}/: {', '.join(written)}")
    return EXIT_OK


def _read_input(arg: str | None) -> str:
    if arg is None or arg == "-":
        return sys.stdin.read()
    from policytext.io import read_text_file

    text, _, _ = read_text_file(arg)
    return text


def _convert(args: argparse.Namespace) -> int:
    from policytext.script import convert

    sys.stdout.write(convert(_read_input(args.file), args.config))
    return EXIT_OK


def _segment(args: argparse.Namespace) -> int:
    from policytext.segmentation import segment

    seg = segment(_read_input(args.file), backend=args.backend, userdict=args.userdict)
    if args.offsets:
        for tok in seg:
            print(f"{tok.start}\t{tok.end}\t{tok.text}")
    else:
        print(args.sep.join(seg.tokens))
    return EXIT_OK


def _keywords(args: argparse.Namespace) -> int:
    from policytext.terms import keywords

    table = keywords(_read_input(args.file), top=args.top, method=args.method)
    table.drop(columns=["doc_id"]).to_csv(sys.stdout, sep="\t", index=False)
    return EXIT_OK


def _indicators(args: argparse.Namespace) -> int:
    from policytext.numeric import indicators

    table = indicators(_read_input(args.file))
    columns = ["start", "end", "text", "indicator", "value", "value_max", "unit", "qualifier", "direction", "status", "kind", "time_ref"]
    table[columns].to_csv(sys.stdout, sep="\t", index=False)
    return EXIT_OK


def _add_reuse_parser(sub: Any) -> None:
    """The ``reuse`` command's options."""
    r = sub.add_parser("reuse", help="passages documents share (text reuse, policy diffusion)",
                       description="Find passages that documents of PATH share (or that they take from the "
                                   "documents of --other), tolerant of small edits; boilerplate and exact duplicates "
                                   "are listed apart. Writes reuse_* tables into OUT.")
    r.add_argument("path", help="a folder, archive or file of documents")
    r.add_argument("--other", help="a second archive (e.g. the central documents): pairs join PATH to OTHER")
    r.add_argument("--out", required=True, help="output folder (created if missing)")
    r.add_argument("--by", help="the docvar that orders documents in time (default: year, when there is one)")
    r.add_argument("--group", help="a docvar named beside each document in the diffusion table (county, province)")
    r.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    r.add_argument("--scheduler", metavar="ADDRESS",
                   help="align on a Dask distributed cluster (tcp://host:8786) instead of local processes")
    r.add_argument("--quiet", action="store_true", help="print nothing but errors")
    r.set_defaults(func=_reuse)


def build_parser() -> argparse.ArgumentParser:
    from policytext import __version__

    parser = argparse.ArgumentParser(
        prog="policytext",
        description="Analyse Chinese policy texts: read archives in any encoding, clean, "
        "convert Traditional/Simplified with offsets, segment with a policy lexicon.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"policytext {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _add_analyze_parser(sub)
    _add_tool_parsers(sub)
    _add_reuse_parser(sub)
    return parser


def _add_analyze_parser(sub: Any) -> None:
    """The ``analyze`` command: the main job."""
    a = sub.add_parser(
        "analyze",
        help="analyse an archive (folder, .jsonl, .csv, .parquet) into tables",
        description="Read every document of PATH; clean it, detect its script, segment it, "
        "and extract keywords, formulations, policy themes and numeric indicators; then "
        "merge corpus statistics and write to OUT: documents (one row per document, with "
        "docvars), keywords, formulations, themes, indicators, targets (when years are "
        "known), emerging and similarity (when there are several years), errors (what could "
        "not be read or analysed, with the reason) as CSV (and Parquet when pyarrow is "
        "installed), a self-contained report.html, summary.json and manifest.json, into a "
        "fresh folder OUT/runs/<run id> that becomes live as a whole: OUT/current points to "
        "it. Per-document results are cached by content in OUT/.policytext-cache, so a "
        "re-run only analyses what changed. " + EXIT_CODES + ".",
        epilog=EXIT_CODES,
    )
    a.add_argument("path", help="folder or file to analyse")
    a.add_argument("--out", required=True, help="output folder (created if missing)")
    _add_reading_options(a)
    _add_run_options(a)
    _add_table_options(a)
    a.set_defaults(func=_analyze)


def _add_reading_options(a: argparse.ArgumentParser) -> None:
    """What to read and how: the path, its docvars, its encoding and text field, the segmenter."""
    a.add_argument(
        "--pattern", help='file-name pattern for docvars, e.g. "{year}政府工作报告_{speaker}*.txt"'
    )
    a.add_argument(
        "--metadata", help="sidecar CSV of docvars (a metadata.csv in PATH is used automatically)"
    )
    a.add_argument("--encoding", help="force this encoding instead of detecting it")
    a.add_argument("--text-field", help="field holding the text in .jsonl/.csv/.parquet records")
    a.add_argument(
        "--backend", default="auto", choices=["auto", "jieba", "rjieba"],
        help="segmenter (default: auto = rjieba when installed, else jieba)",
    )
    a.add_argument("--userdict", help="extra words for the segmenter (jieba dictionary format)")


def _add_run_options(a: argparse.ArgumentParser) -> None:
    """How the run goes: processes, cluster, cache, despinning."""
    a.add_argument("--jobs", type=int, default=1, help="worker processes for the per-document analysis (default: 1)")
    a.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the per-document analysis on a Dask distributed cluster (tcp://host:8786)")
    a.add_argument("--no-cache", action="store_true",
                   help="do not reuse or store per-document results in OUT/.policytext-cache")
    a.add_argument("--despin", default="off", choices=["off", "auto", "on"],
                   help="repair synonym spinning (题目 for 问题 …): auto repairs documents judged spun and "
                        "adds their spin score and repairs to the documents table (default: off)")
    a.add_argument("--spin-reference", metavar="PATH",
                   help="clean texts of the same genre (a folder or file, read like PATH) whose usage refines "
                        "the despin repairs: an undecided word is repaired, or a repair dropped, where they "
                        "write it clearly one way (needs --despin auto or on)")


def _add_table_options(a: argparse.ArgumentParser) -> None:
    """Which tables beyond the default ones, grouped how, written how."""
    a.add_argument("--by", metavar="COL[,COL]",
                   help="docvars that group documents (e.g. province or 区县名称): the targets table gets one row per "
                        "group, year and target; without it, one row per document")
    a.add_argument("--topics", type=int, default=0, metavar="K",
                   help="also fit an NMF topic model with K topics (seeded): tables topic_terms and topic_documents")
    a.add_argument("--neighbours", type=int, default=0, metavar="K",
                   help="also write each document's K nearest documents (table document_neighbours; any archive size)")
    a.add_argument("--tokens", action="store_true", help="also write the tokens table (large for big archives)")
    a.add_argument("--csv-raw", action="store_true",
                   help="write CSV text cells as they are (by default a cell starting with = + - @ or a tab "
                        "gets a leading apostrophe, so a spreadsheet does not run it as a formula)")
    a.add_argument("--quiet", action="store_true", help="print nothing but errors (and no progress count)")
    a.add_argument("--reuse", action="store_true",
                   help="also find passages documents share (text reuse): tables reuse_passages, reuse_pairs, "
                        "reuse_boilerplate and, with years, reuse_diffusion")


def _add_tool_parsers(sub: Any) -> None:
    """The one-file tools: convert, segment, keywords, diff, indicators."""
    c = sub.add_parser("convert", help="convert a file or stdin with an OpenCC config")
    c.add_argument("file", nargs="?", help="input file (default: stdin)")
    c.add_argument(
        "--config", default="t2s", help="OpenCC config: t2s, s2t, s2twp, tw2sp, … (default: t2s)"
    )
    c.set_defaults(func=_convert)

    s = sub.add_parser("segment", help="segment a file or stdin")
    s.add_argument("file", nargs="?", help="input file (default: stdin)")
    s.add_argument("--offsets", action="store_true", help="print start, end and token per line")
    s.add_argument("--sep", default=" ", help="token separator (default: a space)")
    s.add_argument("--backend", default="auto", choices=["auto", "jieba", "rjieba"])
    s.add_argument("--userdict", help="extra words (jieba dictionary format)")
    s.set_defaults(func=_segment)

    k = sub.add_parser("keywords", help="keywords of a file or stdin (tab-separated)")
    k.add_argument("file", nargs="?", help="input file (default: stdin)")
    k.add_argument("--top", type=int, default=20, help="how many (default: 20)")
    k.add_argument("--method", default="tfidf", choices=["tfidf", "textrank"])
    k.set_defaults(func=_keywords)

    d = sub.add_parser("diff", help="what changed from one document to another (year-over-year)",
                       description="Align the sentences of A and B (same / changed / added / removed / moved / split / "
                                   "merged, section by section), list formulation and target changes, and write the "
                                   "tables and a side-by-side diff.html into OUT.")
    d.add_argument("a", help="the earlier document (a text file in any encoding)")
    d.add_argument("b", help="the later document")
    d.add_argument("--out", required=True, help="output folder (created if missing)")
    d.add_argument("--quiet", action="store_true", help="print nothing but errors")
    d.set_defaults(func=_diff)

    n = sub.add_parser("indicators", help="numeric indicators of a file or stdin (tab-separated)")
    n.add_argument("file", nargs="?", help="input file (default: stdin)")
    n.set_defaults(func=_indicators)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``policytext`` command; returns the exit status (see ``--help``)."""
    from policytext.errors import PolicytextError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        code: int = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader went away (policytext keywords … | head): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (PolicytextError, FileNotFoundError, ValueError, OSError) as exc:
        if args.debug:
            raise
        print(f"policytext: error: {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    return code


def _one_line(exc: BaseException) -> str:
    """An exception as one line: what, where, what to do (the message says it)."""
    text = str(exc) or type(exc).__name__
    if isinstance(exc, OSError) and exc.filename and str(exc.filename) not in text:
        text = f"{exc.filename}: {text}"
    return " ".join(text.split())
