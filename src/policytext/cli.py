"""The ``policytext`` command: analyse an archive, or convert and segment a single text."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["EXIT_CODES", "build_parser", "main"]

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2
EXIT_CODES = (
    "Exit status: 0 every document analysed (skipped rows, e.g. empty text cells, are listed but are not "
    "failures); 1 usage or input error (nothing written); 2 some documents failed (listed in errors)"
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


def _analyze(args: argparse.Namespace) -> int:
    import pandas as pd

    from policytext.batch import run_analysis
    from policytext.io import scan_archive

    source, out = Path(args.path), Path(args.out)
    exclude = [out] if _inside(out, source) else []
    if exclude and not args.quiet:
        print(f"policytext: the output folder {out} is inside {source}: its files are not read as input", file=sys.stderr)
    # docvars and problems now, each document's text only when its chunk is analysed
    archive = scan_archive(
        args.path, pattern=args.pattern, metadata=args.metadata, encoding=args.encoding, text_field=args.text_field,
        exclude=exclude,
    )
    result = run_analysis(
        archive, out, backend=args.backend, userdict=args.userdict, jobs=args.jobs, scheduler=args.scheduler,
        cache=not args.no_cache, progress=not args.quiet, title=f"policytext: {source.name}", despin=args.despin,
        spin_reference=args.spin_reference, tokens=args.tokens, csv_raw=args.csv_raw,
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
    return EXIT_SOME_FAILED if result.failed else EXIT_OK


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
    a.add_argument("--tokens", action="store_true", help="also write the tokens table (large for big archives)")
    a.add_argument("--csv-raw", action="store_true",
                   help="write CSV text cells as they are (by default a cell starting with = + - @ or a tab "
                        "gets a leading apostrophe, so a spreadsheet does not run it as a formula)")
    a.add_argument("--quiet", action="store_true", help="print nothing but errors (and no progress count)")
    a.set_defaults(func=_analyze)

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

    n = sub.add_parser("indicators", help="numeric indicators of a file or stdin (tab-separated)")
    n.add_argument("file", nargs="?", help="input file (default: stdin)")
    n.set_defaults(func=_indicators)
    return parser


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
