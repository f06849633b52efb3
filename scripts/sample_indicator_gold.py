"""Sample the positions a careful reader annotates for tests/data/indicators_gold_real.json.

Reads the three real archives of ../shared as a user would (``pt.read_corpus(path,
clean=True)``, no other options) and, with a pattern of its own (not the project's numeral
reader), finds every numeral in the cleaned texts:

- Arabic numbers: ASCII or full-width digits, thousand separators (``,`` or a space before
  three digits), a decimal point, then magnitude characters (万, 亿 …) and a percent sign;
- Chinese numerals: runs of 零〇○Ｏ一二三四五六七八九十百千万亿两兩 (and the financial
  digits) holding at least one digit character, ``百分之``/``千分之`` in front; a lone 一 only
  before a measure word or magnitude (一个, 一批, 一万 …: 一 in 统一, 进一步 is not a numeral).

It samples 20 positions per archive with ``random.Random(SEED)`` and prints the document,
the offsets, the match, the character after it and ±60 characters of context, to the terminal
only. Then it samples 10 paragraphs (4 Baoding, 3 GCCMPD, 3 Legislative Yuan; lines of
150–1500 characters holding at least three occurrences) and lists every 两X/兩X and every ordinal
(第N…, N届, N次会议/全会, N中全会, N大, 十四五 …; the elliptic 二中、 and 九次、 too) in them, at most 200 occurrences in all.

    .venv/bin/python scripts/sample_indicator_gold.py [--shared ../shared]

The held-out sample of tests/data/indicators_gold_heldout.json was drawn with another seed,
leaving out what the first gold already holds (its positions, its paragraphs and any
occurrence it holds; GCCMPD then has only two paragraphs left), at most 5 occurrences drawn from each paragraph and 45 in all, and written as unlabelled rows to be read by hand:

    .venv/bin/python scripts/sample_indicator_gold.py --seed 2027 \
        --exclude tests/data/indicators_gold_real.json --per-paragraph 5 --max-occurrences 45 --out /tmp/heldout.json

Without options the output is that of the first gold (seed 18, nothing left out, 200 at most).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

import policytext as pt

SEED = 18
PER_ARCHIVE = 20
ARCHIVES = {
    "baoding": "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx",
    "gccmpd": "corpora/gccmpd-gov-prc/GOV_PRC.csv",
    "ly": "corpora/ly-gazette-tw",
}
PARAGRAPHS = {"baoding": 4, "gccmpd": 3, "ly": 3}

D = "0-9０-９"
CN_DIGIT = "零〇○Ｏ一二三四五六七八九十两兩壹贰貳叁參肆伍陆陸柒捌玖拾"
CN_ALL = CN_DIGIT + "百千万萬亿億佰仟"
MEASURE = "个個批项項次名家条條座所处處件种種年月天日人位支套台臺万萬亿億千百"
ARABIC = rf"[{D}]+(?:(?:[,，]|[ \u00a0\u2009])[{D}]{{3}})*(?:[.．][{D}]+)?[万萬亿億千百]*[%％‰]?"
CHINESE = rf"(?:[百千]分之)?[{CN_ALL}]*[{CN_DIGIT}][{CN_ALL}]*(?:点[{CN_DIGIT}]+)?"
NUMERAL = re.compile(rf"{ARABIC}|{CHINESE}")
ORDINAL = re.compile(
    rf"第[{D}{CN_ALL}]+[^\s，。、；]?|[{D}{CN_ALL}]+(?:届|屆|次(?:全体|全體)?(?:会议|會議|全会|全會)|次(?=、)|中全会|中全會|中(?=、))"
    r"|(?:十[一二三四五六七八九]|[八九十])五(?=[”」\"规規时時期计計末以])|(?:十[一-九]|二十[一-九]?)大(?=[以和、，精报報代])"
)
TWO = re.compile(r"[两兩].")


def numerals(text: str) -> list[tuple[int, int]]:
    """Spans of the numerals of ``text`` by the pattern above (lone 一 only before a measure word)."""
    spans = []
    for m in NUMERAL.finditer(text):
        if m.group() == "一" and not (m.end() < len(text) and text[m.end()] in MEASURE):
            continue
        spans.append(m.span())
    return spans


def occurrences(paragraph: str) -> list[tuple[int, int, str]]:
    """两X/兩X and ordinals of a paragraph: (start, end, kind), ordinals first on overlap."""
    found = [(m.start(), m.end(), "ordinal") for m in ORDINAL.finditer(paragraph)]
    for m in TWO.finditer(paragraph):
        if not any(s <= m.start() < e for s, e, _ in found):
            found.append((m.start(), m.end(), "two"))
    return sorted(found)


#: how far cleaning may have moved an excluded gold span (tests/numeric/test_real_gold.py's WINDOW)
NEAR = 400


def excluded(path: str | None) -> dict[str, list[tuple[int, int, str, str]]]:
    """The rows of an earlier gold by document: (start, end, surface, sample)."""
    rows: dict[str, list[tuple[int, int, str, str]]] = {}
    if path:
        for r in json.loads(Path(path).read_text("utf-8"))["rows"]:
            rows.setdefault(r["doc_id"], []).append((r["start"], r["end"], r["surface"], r["sample"]))
    return rows


def taken(old: list[tuple[int, int, str, str]], text: str, start: int, end: int) -> bool:
    """Whether an earlier gold already holds this numeral: a row of the same document whose
    surface holds it within NEAR characters (cleaning may have moved the old offsets)."""
    return any(text[start:end] in surface and abs(s - start) <= NEAR for s, _, surface, _ in old)


def paragraph_taken(old: list[tuple[int, int, str, str]], offset: int, length: int) -> bool:
    """Whether a paragraph lies within NEAR characters of a paragraph row of an earlier gold."""
    return any(offset - NEAR <= s <= offset + length + NEAR for s, _, _, sample in old if sample == "paragraph")


def skeleton(source: str, doc_id: str, start: int, end: int, surface: str, sample: str) -> dict:
    """An unlabelled gold row (the fields of tests/data/indicators_gold_real.json)."""
    return {"source": source, "doc_id": doc_id, "start": start, "end": end, "surface": surface,
            "quantity": None, "name": None, "value": None, "value_max": None, "unit": None,
            "qualifier": None, "status": None, "category": None, "sample": sample, "note": ""}


def context(text: str, start: int, end: int, width: int = 60) -> str:
    return (text[max(0, start - width) : start] + "【" + text[start:end] + "】" + text[end : end + width]).replace("\n", "⏎")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    parser.add_argument("--exclude", help="an earlier gold JSON whose positions and paragraphs are left out")
    parser.add_argument("--max-occurrences", type=int, default=200, help="cap on paragraph occurrences (default 200)")
    parser.add_argument("--per-paragraph", type=int, help="draw at most this many occurrences of a paragraph (default all)")
    parser.add_argument("--out", help="also write the sample as unlabelled gold rows to this JSON file")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    old = excluded(args.exclude)
    rows: list[dict] = []
    corpora = {name: pt.read_corpus(Path(args.shared) / rel, clean=True) for name, rel in ARCHIVES.items()}
    for name, corpus in corpora.items():
        hits = [(d, s, e) for d, t in zip(corpus.doc_ids, corpus.texts) for s, e in numerals(t)
                if not (old and taken(old.get(d, []), t, s, e))]
        texts = dict(zip(corpus.doc_ids, corpus.texts))
        print(f"## {name}: {len(hits)} numerals, sampling {PER_ARCHIVE}")
        for doc_id, start, end in sorted(rng.sample(hits, PER_ARCHIVE)):
            text = texts[doc_id]
            after = text[end : end + 1]
            print(f"{doc_id}\t{start}\t{end}\t{text[start:end]}\tafter={after!r}\n    {context(text, start, end)}")
            rows.append(skeleton(name, doc_id, start, end, text[start:end], "position"))
    print("## paragraphs: 两X and ordinals")
    total = 0
    for name, corpus in corpora.items():
        pool = []
        for doc_id, text in zip(corpus.doc_ids, corpus.texts):
            offset = 0
            for line in text.split("\n"):
                if (150 <= len(line) <= 1500 and len(occurrences(line)) >= 3
                        and not (old and paragraph_taken(old.get(doc_id, []), offset, len(line)))):
                    pool.append((doc_id, offset, line))
                offset += len(line) + 1
        texts = dict(zip(corpus.doc_ids, corpus.texts))
        for doc_id, offset, line in sorted(rng.sample(pool, min(PARAGRAPHS[name], len(pool)))):
            text = texts[doc_id]
            print(f"# paragraph {name} {doc_id} {offset}-{offset + len(line)}")
            found = [(s, e, kind) for s, e, kind in occurrences(line)
                     if not (old and taken(old.get(doc_id, []), text, offset + s, offset + e))]
            if args.per_paragraph is not None and len(found) > args.per_paragraph:
                found = sorted(rng.sample(found, args.per_paragraph))
            for s, e, kind in found:
                if total >= args.max_occurrences:
                    break
                total += 1
                print(f"{doc_id}\t{offset + s}\t{offset + e}\t{line[s:e]}\t{kind}\n    {context(line, s, e, 30)}")
                rows.append(skeleton(name, doc_id, offset + s, offset + e, line[s:e], "paragraph"))
    print(f"## {total} occurrences")
    if args.out:
        Path(args.out).write_text(json.dumps({"rows": rows}, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
