"""The ``policytext`` command: analyse an archive, or convert and segment a single text."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2


def _atomic_write(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, then rename: a killed run never
    leaves a half-written table behind."""
    from policytext.batch.tables import temporary_path

    tmp = str(temporary_path(path))
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _write_table(frame: Any, out: Path, name: str) -> list[str]:
    written = []
    _atomic_write(out / f"{name}.csv", lambda p: frame.to_csv(p, index=False, encoding="utf-8"))
    written.append(f"{name}.csv")
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return written
    _atomic_write(out / f"{name}.parquet", lambda p: frame.to_parquet(p, index=False))
    written.append(f"{name}.parquet")
    return written


def _analyze(args: argparse.Namespace) -> int:
    import pandas as pd

    import policytext as pt
    from policytext.batch import run_analysis
    from policytext.io.read import scan_archive
    from policytext.script.backend import opencc_info
    from policytext.segmentation.backends import resolve_backend

    if args.jobs < 1:
        raise ValueError(f"--jobs must be at least 1, not {args.jobs}")
    started = time.perf_counter()
    # docvars and problems now, each document's text only when its chunk is analysed
    archive = scan_archive(
        args.path,
        pattern=args.pattern,
        metadata=args.metadata,
        encoding=args.encoding,
        text_field=args.text_field,
    )
    out = Path(args.out)
    result = run_analysis(
        archive,
        out,
        backend=args.backend,
        userdict=args.userdict,
        jobs=args.jobs,
        scheduler=args.scheduler,
        cache=None if args.no_cache else out / ".policytext-cache",
        progress=not args.quiet,
        title=f"policytext: {Path(args.path).name}",
        despin=args.despin,
        spin_reference=args.spin_reference,
    )
    written = list(result.written)
    if args.tokens:
        from policytext.segmentation import tokens_frame

        docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
        cleaned = pt.Corpus(list(docs["text"]), docs[["doc_id"]])
        written += _write_table(tokens_frame(cleaned.doc_ids, cleaned.segment(backend=args.backend)), out, "tokens")
    _atomic_write(out / "report.html", lambda p: Path(p).write_text(result.report, encoding="utf-8"))
    info = opencc_info()
    docs = pd.read_csv(out / "documents.csv", usecols=lambda c: c in ("script", "encoding"), keep_default_na=False)
    summary = {
        "path": str(args.path),
        **result.summary,
        "scripts": {str(k): int(v) for k, v in docs["script"].value_counts().sort_index().items()} if "script" in docs else {},
        "encodings": {str(k): int(v) for k, v in docs["encoding"].value_counts().sort_index().items()}
        if "encoding" in docs
        else {},
        "opencc": f"{info.implementation} {info.version}",
        "segmenter": resolve_backend(args.backend),
        "seconds": round(time.perf_counter() - started, 3),
        "tables": [*written, "report.html"],
    }
    text = json.dumps(summary, ensure_ascii=False, indent=2, default=str)
    _atomic_write(out / "summary.json", lambda p: Path(p).write_text(text + "\n", encoding="utf-8"))
    failed = result.failed
    if not args.quiet:
        print(
            f"{summary['documents']} documents read from {args.path} "
            f"({summary['characters']:,} characters, {summary['indicators']:,} numeric indicators; "
            f"{summary['from cache']} from the cache), {failed} failed, {summary['warnings']} warning(s)"
        )
        print(f"scripts: {summary['scripts']}; encodings: {summary['encodings']}")
        for row in pd.read_csv(out / "errors.csv", keep_default_na=False).itertuples():
            print(f"  {row.level}: {row.path}: {row.reason}", file=sys.stderr)
        print(f"written to {out}/: {', '.join(summary['tables'])}, summary.json")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _read_input(arg: str | None) -> str:
    if arg is None or arg == "-":
        return sys.stdin.read()
    from policytext.io.read import read_text_file

    text, _, _ = read_text_file(arg)
    return text


def _convert(args: argparse.Namespace) -> int:
    from policytext.script.convert import convert

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
    parser = argparse.ArgumentParser(
        prog="policytext",
        description="Analyse Chinese policy texts: read archives in any encoding, clean, "
        "convert Traditional/Simplified with offsets, segment with a policy lexicon.",
    )
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
        "installed), a self-contained report.html and summary.json. Per-document results "
        "are cached by content in OUT/.policytext-cache, so a re-run only analyses what "
        "changed. Exit status: 0 when every document succeeded, 2 when some failed, 1 on a "
        "usage error.",
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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        code: int = args.func(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"policytext: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return code
