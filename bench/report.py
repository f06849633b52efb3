"""report.html of an archive of 1,000 documents: its size (goal: 5 MB at most) and the time
to write it, beside an anchor measured in the same run (writing the run's tables again, as
CSV and Parquet, from the tables themselves).

The archive is synthetic: short texts (12 sentences each, years 1990–2025) drawn from the
sentences of corpora/demo, or with ``--shared`` from the paragraphs of the national work
reports in ../shared (reshuffled; their far larger character set makes a larger font).

    python bench/report.py [--documents 1000] [--shared] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import policytext as pt
from _shared import best_of, machine, shared

REPO = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[。；！？])|\n")


def demo_sentences() -> list[str]:
    corpus = pt.read_corpus(REPO / "corpora" / "demo").clean()
    pieces = (s.strip() for text in corpus.texts for s in SENTENCE_END.split(text))
    # not the dated byline (——2019年1月15日在…): a file's year is in its name
    return sorted({s for s in pieces if len(s) >= 6 and not s.startswith("——")})


def shared_paragraphs() -> list[str]:
    corpus = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl")).clean()
    pieces = (p.strip() for text in corpus.texts for p in text.split("\n"))
    return sorted({p for p in pieces if 40 <= len(p) <= 400})


def build(folder: Path, documents: int, pool: list[str], per_document: int, seed: int = 0) -> None:
    """``documents`` files, each a different random draw, the year in the file name."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(documents):
        year = 1990 + i % 36
        body = "\n".join(rng.sample(pool, min(per_document, len(pool))))
        (folder / f"{year}_{i:05d}.txt").write_text(f"{year}年政府工作报告（合成第{i}号）\n{body}\n", encoding="utf-8")


def analyze(archive: Path, out: Path) -> tuple[Path, float, float]:
    """Run ``policytext analyze`` in this process; the run folder, the seconds of the whole
    run and of its write_report call."""
    import policytext.batch.report as report
    from policytext.batch import live_folder
    from policytext.cli import main

    timed: list[float] = []
    original = report.write_report

    def write_report(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        original(*args, **kwargs)
        timed.append(time.perf_counter() - t)

    report.write_report = write_report  # run.py imports it when the run finishes
    try:
        t = time.perf_counter()
        code = main(["analyze", str(archive), "--out", str(out), "--quiet", "--no-cache"])
        total = time.perf_counter() - t
    finally:
        report.write_report = original
    if code not in (0, 2):
        sys.exit(f"analyze failed with exit code {code}")
    return live_folder(out).resolve(), total, timed[0]


def rewrite_tables(folder: Path, scratch: Path) -> float:
    """The anchor: write every table of the run again (CSV and Parquet), timing the writing only."""
    import pyarrow.parquet as pq

    from policytext.batch.tables import write_frame

    frames = {p.stem: pq.read_table(p).to_pandas() for p in sorted(folder.glob("*.parquet"))}
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir()
    t = time.perf_counter()
    for name, frame in frames.items():
        write_frame(scratch, name, frame)
    return time.perf_counter() - t


def sections(page: str) -> dict[str, int]:
    """Bytes of the page's font and of each section."""
    sizes = {"style (font)": len(re.search(r"<style>.*?</style>", page, re.S).group(0).encode())}  # type: ignore[union-attr]
    for match in re.finditer(r'<section id="(\w+)">(.*?)</section>', page, re.S):
        sizes[match.group(1)] = len(match.group(0).encode())
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--shared", action="store_true", help="paragraphs of ../shared's work reports instead of the demo's sentences")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the archive and output here (kept)")
    args = parser.parse_args()
    from policytext.batch.fonts import _subset
    from policytext.batch.report import write_report

    work = args.keep or Path(tempfile.mkdtemp(prefix="policytext-bench-report-"))
    pool, per_document = (shared_paragraphs(), 4) if args.shared else (demo_sentences(), 12)
    archive = work / "archive"
    if archive.exists():
        shutil.rmtree(archive)
    build(archive, args.documents, pool, per_document)
    megabytes = sum(p.stat().st_size for p in archive.iterdir()) / 1e6
    print(f"machine: {machine()}")
    print(f"archive: {args.documents} documents, {megabytes:.2f} MB, from {'../shared paragraphs' if args.shared else 'corpora/demo sentences'} "
          f"({len(pool)} distinct)")
    folder, total, in_run = analyze(archive, work / "out")
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    page = (folder / "report.html").read_text("utf-8")
    size = (folder / "report.html").stat().st_size
    print(f"analyze: {total:.1f} s; {summary['analysed']} documents, {summary['indicators']} quantities")
    print(f"report.html: {size / 1e6:.2f} MB (goal: <= 5 MB) {'ok' if size <= 5e6 else 'OVER'}")
    for name, value in sections(page).items():
        print(f"  {name:14} {value / 1e3:9.1f} KB")
    # best of N in one process: the report (its font made anew each time) and the anchor
    def fresh_report() -> None:
        _subset.cache_clear()  # the font is subset again each time, as in a new process
        write_report(folder, f"policytext: {archive.name}", summary)  # the title analyze gives it

    report_time, _ = best_of(fresh_report, args.repeat)
    anchor, _ = best_of(lambda: rewrite_tables(folder, work / "tables-again"), args.repeat)
    assert (folder / "report.html").read_text("utf-8") == page  # the same tables give the same page
    print(f"write_report: {in_run:.2f} s in the run, {report_time:.2f} s best of {args.repeat} "
          f"(anchor: writing the run's {len(list(folder.glob('*.parquet')))} tables again {anchor:.2f} s "
          f"= {report_time / anchor:.2f}x the anchor)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
