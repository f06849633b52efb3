"""Hostile inputs: figures for texts built to hit a stage's worst case, each printed beside
an anchor measured on the same text in the same run.

    python bench/hostile.py [--cases conversion ...] [--repeat 3] [--size 1000000]

Cases:
  conversion  convert_with_offsets on a long run of one character every config rewrites
              ("后" under s2twp, "後" under t2s and tw2sp) and on the real reports turned
              Taiwanese (s2twp) and back (tw2sp); the anchor is plain convert (OpenCC
              without offsets) on the same text.
  single-line `policytext analyze` on one file of --single-mb MB written as one line (the
              reports joined without line breaks, repeated), with its wall time and peak RSS
              beside the anchor: a process that reads the same file and runs jieba.lcut on
              1 MB of it (extrapolated per MB).
  zip-bomb    `policytext analyze` on a folder holding a 300 MB-of-zeros .docx compressed to a
              few hundred KB and one ordinary text: time and peak RSS, beside the same folder
              without the bomb.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from _shared import best_of, machine, shared
from policytext import convert, convert_with_offsets, opencc_info

TEXTWORKSHOP = "corpora/gov-work-reports/textworkshop17"


def conversion(args: argparse.Namespace) -> None:
    """convert_with_offsets beside plain convert on the same text."""
    reports = sorted(shared(TEXTWORKSHOP).glob("*.txt"))
    taiwanese = convert("\n".join(p.read_text("utf-8") for p in reports), "s2twp")
    rows = [
        (f'"后" x {args.size:,}', "后" * args.size, "s2twp"),
        (f'"後" x {args.size:,}', "後" * args.size, "t2s"),
        (f'"後" x {args.size:,}', "後" * args.size, "tw2sp"),
        (f"{len(reports)} reports, s2twp'd", taiwanese, "tw2sp"),
    ]
    info = opencc_info()
    print(f"\n== conversion (OpenCC {info.implementation} {info.version}; best of {args.repeat})")
    print(f"{'text':28} {'config':6} {'MB':>6} {'convert s':>10} {'MB/s':>8} {'offsets s':>10} {'MB/s':>8} {'x anchor':>9}")
    for label, text, config in rows:
        convert(text[:100], config)  # warm-up: the config's tables and character cache
        convert_with_offsets(text[:100], config)
        mb = len(text.encode("utf-8")) / 1e6
        anchor, _ = best_of(lambda t=text, c=config: convert(t, c), args.repeat)
        secs, _ = best_of(lambda t=text, c=config: convert_with_offsets(t, c), args.repeat)
        print(
            f"{label:28} {config:6} {mb:6.2f} {anchor:10.3f} {mb / anchor:8.2f} "
            f"{secs:10.3f} {mb / secs:8.2f} {secs / anchor:8.2f}x"
        )


#: runs a command and prints its exit status and peak RSS (KB): a fresh parent per command,
#: so the peak is that command's alone
_PEAK = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode; "
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _measured(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) and exit status of ``command``."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - started
    code, kilobytes = out.split()
    return seconds, int(kilobytes) / 1024, int(code)


def _analyze(folder: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "policytext", "analyze", str(folder), "--out", str(out), "--quiet", "--no-cache"]


def single_line(args: argparse.Namespace) -> None:
    """A file of hundreds of MB in one line: analysed in bounded pieces."""
    reports = sorted(shared(TEXTWORKSHOP).glob("*.txt"))
    one = "".join(p.read_text("utf-8").replace("\n", "").replace("\u3000", "") for p in reports).encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        target = args.single_mb * 1_000_000
        with open(folder / "single.txt", "wb") as fh:
            for _ in range(target // len(one) + 1):
                fh.write(one)
        size = (folder / "single.txt").stat().st_size / 1e6
        anchor = [sys.executable, "-c", "import jieba, sys; t = open(sys.argv[1], encoding='utf-8').read(); "
                  "jieba.lcut(t[:333_333])", str(folder / "single.txt")]
        lcut_s, lcut_rss, _ = _measured(anchor)
        seconds, rss, code = _measured(_analyze(folder, Path(tmp) / "out"))
    print(f"\n== single-line file ({size:.0f} MB, one line)")
    print(f"{'run':46} {'seconds':>9} {'peak RSS MB':>12}")
    print(f"{'read + jieba.lcut on 1 MB of it (anchor)':46} {lcut_s:9.1f} {lcut_rss:12.0f}")
    print(f"{'policytext analyze (exit ' + str(code) + ')':46} {seconds:9.1f} {rss:12.0f}")
    print(f"goal: peak RSS under 2,000 MB; analysed at {size / seconds:.2f} MB/s")


def zip_bomb(args: argparse.Namespace) -> None:
    """A .docx that would decompress to 300 MB: refused before decompressing."""
    with tempfile.TemporaryDirectory() as tmp:
        plain, bombed = Path(tmp) / "plain", Path(tmp) / "bombed"
        for folder in (plain, bombed):
            folder.mkdir()
            (folder / "ok.txt").write_text("今年国内生产总值预期增长5%左右。", encoding="utf-8")
        with zipfile.ZipFile(bombed / "bomb.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            z.writestr("word/document.xml", b"\0" * (300 << 20))
        kb = (bombed / "bomb.docx").stat().st_size / 1e3
        base_s, base_rss, _ = _measured(_analyze(plain, Path(tmp) / "out-plain"))
        seconds, rss, code = _measured(_analyze(bombed, Path(tmp) / "out-bombed"))
    print(f"\n== zip bomb ({kb:.0f} KB .docx declaring 300 MB)")
    print(f"{'run':46} {'seconds':>9} {'peak RSS MB':>12}")
    print(f"{'analyze, one text (anchor)':46} {base_s:9.1f} {base_rss:12.0f}")
    print(f"{'analyze, the text + the bomb (exit ' + str(code) + ': an error row)':46} {seconds:9.1f} {rss:12.0f}")


#: case name -> function printing its figures
CASES: dict[str, Callable[[argparse.Namespace], None]] = {
    "conversion": conversion,
    "single-line": single_line,
    "zip-bomb": zip_bomb,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", nargs="+", choices=sorted(CASES), default=sorted(CASES))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--size", type=int, default=1_000_000, help="characters in each one-character text")
    ap.add_argument("--single-mb", type=int, default=200, help="size of the single-line file")
    args = ap.parse_args()
    print(f"machine: {machine()}")
    for name in args.cases:
        CASES[name](args)


if __name__ == "__main__":
    main()
