"""Batch throughput and memory of ``policytext analyze`` on archives of DISTINCT synthetic
documents built from the national work reports (paragraphs reshuffled across reports, so no
two files share content and no cache can help), with fresh output folders every run.

    python bench/batch.py [--sizes 10 50 100] [--repeat 3] [--dask]

Prints: in-process per-document analysis vs bare jieba.lcut on the same texts; whole
process `analyze --jobs 1` vs a process that reads the same files and runs jieba.lcut
(alternated, medians); `--jobs 2` vs `--jobs 1` (alternated, medians) beside two
read+jieba.lcut processes at once (what the machine gives), the main process's share of the CPU with --jobs 2 and peak RSS on the largest vs
smallest archive; token-boundary agreement with jieba.lcut and indicators("一" * 100_000);
with --dask, the run on a LocalCluster and the client's own peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def analyze(archive: Path, work: Path, jobs: int, tag: str, scheduler: str | None = None) -> tuple[float, int]:
    out = Path(tempfile.mkdtemp(prefix=f"out-{tag}-", dir=work))
    cmd = [sys.executable, "-m", "policytext", "analyze", str(archive), "--out", str(out), "--quiet", "--no-cache",
           "--jobs", str(jobs)]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    # a fresh interpreter measures its own peak: run it under a tiny wrapper that reports it
    wrapper = ("import resource, runpy, sys; sys.argv = sys.argv[1:]; "
               "code = 0\ntry:\n    runpy.run_module('policytext', run_name='__main__')\nexcept SystemExit as e:\n    code = e.code or 0\n"
               "me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
               "print(me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime, file=sys.stderr)\n"
               "print(me.ru_maxrss, file=sys.stderr); sys.exit(code if code in (0, 2) else code)")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", wrapper, *cmd[2:]], capture_output=True, text=True)
    seconds = time.perf_counter() - t
    if proc.returncode not in (0, 2):
        raise RuntimeError(proc.stderr[-2000:])
    lines = proc.stderr.strip().splitlines()
    own, workers = map(float, lines[-2].split())
    CPU_SHARES.setdefault(jobs, []).append(own / (own + workers))
    return seconds, int(lines[-1])


#: the main process's share of the CPU time of each analyze run, by --jobs
CPU_SHARES: dict[int, list[float]] = {}


CLUSTER_SCRIPT = """
import sys
from dask.distributed import LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
"""


def on_dask(archive: Path, work: Path) -> tuple[float, int]:
    """Seconds and the client's own peak RSS (KB) of analyze --scheduler on a LocalCluster
    of 2 worker processes started by another process (its scheduler and workers are not
    the client's)."""
    cluster = subprocess.Popen([sys.executable, "-c", CLUSTER_SCRIPT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        assert cluster.stdout is not None
        address = cluster.stdout.readline().strip()
        return analyze(archive, work, 1, "dask", scheduler=address)
    finally:
        assert cluster.stdin is not None
        cluster.stdin.close()
        cluster.wait(timeout=60)


def side_by_side(archive: Path) -> tuple[float, float]:
    """Seconds of one read+jieba.lcut process, then of two run at once on the same archive:
    what the machine gives two processes (the control of --jobs 2)."""
    one = timed([sys.executable, "-c", LCUT_SCRIPT, str(archive)])[0]
    t = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", LCUT_SCRIPT, str(archive)], stdout=subprocess.DEVNULL)
             for _ in range(2)]
    for proc in procs:
        proc.wait()
    return one, time.perf_counter() - t


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
    boundary_agreement(texts)
    t = time.perf_counter()
    pt.indicators("一" * 100_000)
    print(f"   indicators('一' * 100_000): {time.perf_counter() - t:.2f} s")


def boundary_agreement(texts: list[str]) -> None:
    """How many of jieba.lcut's token boundaries the segmenter keeps, and how many of its
    own jieba.lcut has: the segmenter alone (jieba's dictionary), and with the policy
    lexicon, which joins some of jieba's words by design (供给侧|结构性|改革)."""
    import jieba

    theirs = []
    for text in texts:
        ends, at = set(), 0
        for word in jieba.lcut(text):
            at += len(word)
            ends.add(at)
        theirs.append(ends)
    from policytext.segmentation import get_backend

    backend = get_backend("auto", lexicon=False)
    # where each token ends (pt.segment leaves whitespace out: its own offsets, then)
    cuts: list[tuple[str, Any]] = [
        ("the fast segmenter's own cut (jieba's dictionary)", lambda text: set(itertools.accumulate(map(len, backend.cut(text))))),
        ("pt.segment, numbers and units joined", lambda text: {t.end for t in pt.segment(text, lexicon=False, convert=False)}),
        ("pt.segment with the policy lexicon", lambda text: {t.end for t in pt.segment(text, convert=False)}),
    ]
    for label, ends in cuts:
        ours_total = theirs_total = shared_total = 0
        for text, their_ends in zip(texts, theirs):
            ours = ends(text)
            shared_total += len(ours & their_ends)
            ours_total, theirs_total = ours_total + len(ours), theirs_total + len(their_ends)
        print(f"   token boundaries, {label}: {shared_total / theirs_total:.4f} of jieba.lcut's kept; "
              f"{shared_total / ours_total:.4f} of its own are jieba.lcut's")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 100])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dask", action="store_true", help="also run the largest archive on a Dask LocalCluster")
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
    alone, pair = side_by_side(archives[small])
    print(f"3. {big} MB (medians of {args.repeat}): --jobs 1 {one:.1f} s, --jobs 2 {two:.1f} s = {one / two:.2f}x "
          f"(runs: {', '.join(f'{a / b:.2f}x' for a, b in zip(ones, twos))}); control, two read+jieba.lcut "
          f"processes at once on {small} MB: {2 * alone / pair:.2f}x one; "
          f"peak RSS {peak_big / 1024:.0f} MB vs {peak_small / 1024:.0f} MB on {small} MB = {peak_big / peak_small:.2f}x")
    print(f"   main process's share of the CPU with --jobs 2: {statistics.median(CPU_SHARES[2]):.0%} (goal <= 15%)")
    if args.dask:
        seconds, peak = on_dask(archives[big], work)
        print(f"4. Dask LocalCluster (2 worker processes) on {big} MB: {seconds:.1f} s; the client's peak RSS "
              f"{peak / 1024:.0f} MB (goal <= 300 MB on 100 MB)")
    print(json.dumps({"work": str(work)}))


if __name__ == "__main__":
    main()
