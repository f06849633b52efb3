"""Batch throughput and memory of ``policytext analyze`` on archives of DISTINCT synthetic
documents built from the national work reports (paragraphs reshuffled across reports, so no
two files share content and no cache can help), with fresh output folders every run.

    python bench/batch.py [--sizes 10 50 100] [--repeat 3] [--skip-100]

Prints: in-process per-document analysis vs bare jieba.lcut on the same texts; whole
process `analyze --jobs 1` vs a process that reads the same files and runs jieba.lcut
(alternated, medians); `--jobs 2` vs `--jobs 1` (alternated, medians) and peak RSS on the
largest vs smallest archive.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import policytext as pt
from _shared import machine, shared

LCUT_SCRIPT = """
import sys, pathlib, logging, jieba
jieba.setLogLevel(logging.WARNING)
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    n += len(jieba.lcut(p.read_text("utf-8")))
print(n)
"""


def paragraphs() -> list[str]:
    corpus = pt.read_corpus(shared("corpora/gov-work-reports/wikisource/government_work_reports.jsonl")).clean()
    paras = [p.strip() for t in corpus.texts for p in t.split("\n") if len(p.strip()) >= 40]
    return sorted(set(paras))


def build(folder: Path, megabytes: int, pool: list[str], seed: int) -> list[Path]:
    """Files of ~26 KB (40 paragraphs), each a different random draw (numbered, so distinct)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    files, total, i = [], 0, 0
    while total < megabytes * 1e6:
        year = 1990 + i % 36
        body = "\n".join(rng.sample(pool, 40))
        text = f"{year}年政府工作报告（合成第{i}号）\n{body}\n"
        path = folder / f"{year}_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
        total += len(text.encode("utf-8"))
        i += 1
    return files


def timed(cmd: list[str]) -> tuple[float, int]:
    """Seconds and peak RSS (KB) of one child process tree's largest process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before)


def analyze(archive: Path, work: Path, jobs: int, tag: str) -> tuple[float, int]:
    out = Path(tempfile.mkdtemp(prefix=f"out-{tag}-", dir=work))
    cmd = [sys.executable, "-m", "policytext", "analyze", str(archive), "--out", str(out), "--quiet", "--no-cache",
           "--jobs", str(jobs)]
    # a fresh interpreter measures its own peak: run it under a tiny wrapper that reports it
    wrapper = ("import resource, runpy, sys; sys.argv = sys.argv[1:]; "
               "code = 0\ntry:\n    runpy.run_module('policytext', run_name='__main__')\nexcept SystemExit as e:\n    code = e.code or 0\n"
               "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code if code in (0, 2) else code)")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd[2:]], capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if proc.returncode not in (0, 2):
        raise RuntimeError(proc.stderr[-2000:])
    peak = int(proc.stderr.strip().splitlines()[-1])
    return seconds, peak


def in_process(folder: Path) -> None:
    """Per-document analysis vs bare jieba.lcut on the same texts, after warm-up."""
    import logging

    import jieba

    from policytext.batch.document import analyze_document
    from policytext.batch.run import RunSettings, analysis_options

    texts = [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    jieba.setLogLevel(logging.WARNING)
    options = analysis_options(RunSettings())
    analyze_document("warm", texts[0], options)
    jieba.lcut(texts[0])
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    lcut = time.perf_counter() - t
    t = time.perf_counter()
    for i, text in enumerate(texts):
        analyze_document(str(i), text, options)
    ours = time.perf_counter() - t
    print(f"1. in-process on {mb:.1f} MB: jieba.lcut {mb / lcut:.2f} MB/s; per-document analysis {mb / ours:.2f} MB/s "
          f"= {lcut / ours:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--in-process", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.in_process:
        in_process(args.in_process)
        return
    pool = paragraphs()
    work = Path(tempfile.mkdtemp(prefix="policytext-bench-"))
    archives = {}
    for k, size in enumerate(sorted(args.sizes)):
        archives[size] = work / f"archive-{size}MB"
        files = build(archives[size], size, pool, seed=k)
        print(f"archive {size} MB: {len(files)} distinct files")
    from policytext.segmentation.backends import resolve_backend

    print(f"machine: {machine()}; segmenter: {resolve_backend('auto')}")

    # 1. in-process, after warm-up, on the smallest archive, in a fresh interpreter (this
    # one holds the reports and the paragraph pool, which the garbage collector would walk)
    small = sorted(archives)[0]
    child = subprocess.run([sys.executable, __file__, "--in-process", str(archives[small])],
                           check=True, capture_output=True, text=True)
    print("\n" + child.stdout.strip())

    # 2. whole process, alternated, medians
    mid = 50 if 50 in archives else sorted(archives)[len(archives) // 2]
    lcut_times, ours_times = [], []
    for _ in range(args.repeat):
        s, _ = timed([sys.executable, "-c", LCUT_SCRIPT, str(archives[mid])])
        lcut_times.append(s)
        s, _ = analyze(archives[mid], work, 1, "j1")
        ours_times.append(s)
    ml, mo = statistics.median(lcut_times), statistics.median(ours_times)
    print(f"2. whole process on {mid} MB (medians of {args.repeat}): read+jieba.lcut {ml:.1f} s; "
          f"analyze --jobs 1 {mo:.1f} s = {ml / mo:.2f}x (runs: {', '.join(f'{a / b:.2f}x' for a, b in zip(lcut_times, ours_times))})")

    # 3. jobs 2 vs 1 on the largest, alternated, medians; peak RSS largest vs smallest (medians)
    big = sorted(archives)[-1]
    ones, twos, peaks_big, peaks_small = [], [], [], []
    for _ in range(args.repeat):
        seconds, peak = analyze(archives[big], work, 1, "big1")
        ones.append(seconds)
        peaks_big.append(peak)
        twos.append(analyze(archives[big], work, 2, "big2")[0])
        peaks_small.append(analyze(archives[small], work, 1, "small1")[1])
    one, two = statistics.median(ones), statistics.median(twos)
    peak_big, peak_small = statistics.median(peaks_big), statistics.median(peaks_small)
    print(f"3. {big} MB (medians of {args.repeat}): --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s = {one / two:.2f}x "
          f"(runs: {', '.join(f'{a / b:.2f}x' for a, b in zip(ones, twos))}); "
          f"peak RSS {peak_big / 1024:.0f} MB vs {peak_small / 1024:.0f} MB on {small} MB = {peak_big / peak_small:.2f}x")
    print(json.dumps({"work": str(work)}))


if __name__ == "__main__":
    main()
