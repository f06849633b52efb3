"""The ``policytext`` command: analyse an archive, or convert and segment a single text."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2


def _atomic_write(path: Path, write: Any) -> None:
    """Write through a temporary file in the same folder, then rename: a killed run never
    leaves a half-written table behind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
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
    from policytext.compare import targets
    from policytext.script.backend import opencc_info
    from policytext.segmentation import tokens_frame
    from policytext.segmentation.backends import resolve_backend

    started = time.perf_counter()
    corpus = pt.read_corpus(
        args.path,
        pattern=args.pattern,
        metadata=args.metadata,
        encoding=args.encoding,
        text_field=args.text_field,
    )
    corpus = corpus.clean().detect_script()
    segs = corpus.segment(backend=args.backend, userdict=args.userdict)
    docs = corpus.docvars
    docs["n_chars"] = [len(t) for t in corpus.texts]
    docs["n_tokens"] = [len(s) for s in segs]
    docs["text"] = list(corpus.texts)
    out = Path(args.out)
    written = _write_table(docs, out, "documents")
    written += _write_table(tokens_frame(corpus.doc_ids, segs), out, "tokens")
    written += _write_table(pt.keywords(corpus, top=20), out, "keywords")
    written += _write_table(pt.formulations(corpus), out, "formulations")
    written += _write_table(pt.themes(corpus), out, "themes")
    quantities = pt.indicators(corpus)
    written += _write_table(quantities, out, "indicators")
    if "year" in docs.columns:
        written += _write_table(targets(corpus, table=quantities), out, "targets")
    problems = corpus.problems
    written += _write_table(problems, out, "errors")
    failed = int((problems["level"] == "error").sum())
    years = docs["year"].dropna() if "year" in docs.columns else pd.Series(dtype="Int64")
    info = opencc_info()
    summary = {
        "path": str(args.path),
        "documents": len(corpus),
        "failed": failed,
        "warnings": int((problems["level"] == "warning").sum()),
        "characters": int(docs["n_chars"].sum()),
        "tokens": int(docs["n_tokens"].sum()),
        "indicators": int((quantities["kind"] != "ordinal").sum()),
        "scripts": {str(k): int(v) for k, v in docs["script"].value_counts().sort_index().items()},
        "encodings": {
            str(k): int(v) for k, v in docs["encoding"].value_counts().sort_index().items()
        },
        "years": [int(years.min()), int(years.max())] if len(years) else None,
        "opencc": f"{info.implementation} {info.version}",
        "segmenter": resolve_backend(args.backend),
        "seconds": round(time.perf_counter() - started, 3),
        "tables": written,
    }
    text = json.dumps(summary, ensure_ascii=False, indent=2)
    _atomic_write(out / "summary.json", lambda p: Path(p).write_text(text + "\n", encoding="utf-8"))
    if not args.quiet:
        print(
            f"{summary['documents']} documents read from {args.path} "
            f"({summary['characters']:,} characters, {summary['tokens']:,} tokens, "
            f"{summary['indicators']:,} numeric indicators), "
            f"{failed} failed, {summary['warnings']} warning(s)"
        )
        print(f"scripts: {summary['scripts']}; encodings: {summary['encodings']}")
        for row in problems.itertuples():
            print(f"  {row.level}: {row.path}: {row.reason}", file=sys.stderr)
        print(f"tables written to {out}/: {', '.join(written)}, summary.json")
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
        description="Read every document of PATH, clean it, detect its script and segment "
        "it, then write to OUT: documents (one row per document, with docvars), tokens "
        "(offsets into each cleaned text, in its original script), errors (files that "
        "could not be read, with the reason) as CSV (and Parquet when pyarrow is "
        "installed), and summary.json. Exit status: 0 when every document was read, "
        "2 when some failed, 1 on a usage error.",
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
        "--backend", default="jieba", choices=["jieba", "rjieba"], help="segmenter (default: jieba)"
    )
    a.add_argument("--userdict", help="extra words for the segmenter (jieba dictionary format)")
    a.add_argument("--quiet", action="store_true", help="print nothing but errors")
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
