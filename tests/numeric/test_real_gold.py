"""pt.indicators scored against a careful reader's gold on three real archives of ../shared.

The gold (tests/data/indicators_gold_real.json, see its ``_about``) names 60 sampled numerals
(scripts/sample_indicator_gold.py) and every 两X/ordinal of 10 sampled paragraphs, read by hand
under ../shared/conventions/reading-conventions.md. Gold rows are matched to extracted rows by
overlap of spans. A non-quantity is right when no quantity row overlaps it; a quantity is right
when the overlapping quantity row (the one overlapping most) has every field right: name
(t2s, spaces removed), value, value_max, unit, qualifier, status. Writings of one amount agree
when their magnitudes, moved into the value, agree (5.76 亿元 = 57600 万元).
"""

from __future__ import annotations

import importlib
import json
import math
import re
from collections import Counter
from functools import cache

import pandas as pd
import pytest

import policytext as pt
from tests.conftest import REPO, shared_path

pytestmark = pytest.mark.shared

GOLD = REPO / "tests" / "data" / "indicators_gold_real.json"
ARCHIVES = {
    "baoding": "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx",
    "gccmpd": "corpora/gccmpd-gov-prc/GOV_PRC.csv",
    "ly": "corpora/ly-gazette-tw",
}
#: non-quantities the bar "0 counting words or ordinals read as quantities" is about
COUNTING_OR_ORDINAL = {"ordinal", "enumerator", "plan_name", "counting_word", "name", "article"}
FIELDS = ("name", "value", "value_max", "unit", "qualifier", "status")
MAGNITUDES = {"十": 1e1, "百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8, "兆": 1e12}


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: object) -> str:
    """t2s, spaces removed; '' for a missing value."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return "".join(_t2s().convert(str(text)).split())


def base(value: object, unit: object) -> tuple[float | None, str]:
    """The amount with its magnitude characters (万, 亿, 兆 …) moved from the unit into the value."""
    unit = simplified(unit)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, unit
    number = float(value)  # type: ignore[arg-type]
    while len(unit) > 1 and unit[0] in MAGNITUDES:
        number, unit = number * MAGNITUDES[unit[0]], unit[1:]
    if unit == "成":  # the conventions read 九成 as 9 成 or 90 %: one amount
        number, unit = number * 10, "%"
    return number, unit


def same_number(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9))


def field_checks(gold: dict, row: pd.Series) -> dict[str, bool]:
    """Which fields of an extracted row agree with a gold quantity."""
    g_base, g_unit = base(gold["value"], gold["unit"])
    r_base, r_unit = base(row["value"], row["unit"])
    amount = same_number(g_base, r_base) and g_unit == r_unit
    g_max, _ = base(gold["value_max"], gold["unit"])
    r_max, _ = base(row["value_max"], row["unit"])
    return {
        "name": simplified(row["indicator"]) == simplified(gold["name"]),
        "value": amount or same_number(float(gold["value"]), float(row["value"])),
        "value_max": same_number(g_max, r_max),
        "unit": amount or simplified(row["unit"]) == simplified(gold["unit"]),
        "qualifier": row["qualifier"] == gold["qualifier"],
        "status": row["status"] == gold["status"],
    }


#: how far cleaning may have moved a gold span before the gold counts as stale
WINDOW = 400


def _nearest(text: str, surface: str, start: int) -> int | None:
    """The start of the occurrence of ``surface`` nearest to ``start`` within WINDOW, or None."""
    lo = max(0, start - WINDOW)
    found = [lo + m.start() for m in re.finditer(re.escape(surface), text[lo : start + WINDOW + len(surface)])]
    return min(found, key=lambda o: abs(o - start)) if found else None


def reanchored(gold: list[dict], texts: dict[str, str]) -> list[dict]:
    """Gold rows with their offsets moved to where cleaning now puts their surfaces.

    The gold's offsets are into the cleaned texts of the day it was read; when a change to
    cleaning shifts a document (a line join more or less), a span is moved by the shift of
    the nearest span whose surface occurs only once nearby (so a lone 一 follows its
    neighbours instead of jumping to the closest 一). The labels are never touched; a span
    that cannot be found near its offset fails the test as stale.
    """
    moved = []
    for doc_id in dict.fromkeys(g["doc_id"] for g in gold):
        text, rows = texts[doc_id], sorted((g for g in gold if g["doc_id"] == doc_id), key=lambda g: g["start"])
        shifts = {}
        for g in rows:
            if text[g["start"] : g["end"]] == g["surface"]:
                shifts[g["start"]] = 0
            elif len(re.findall(re.escape(g["surface"]), text[max(0, g["start"] - WINDOW) : g["end"] + WINDOW])) == 1:
                at = _nearest(text, g["surface"], g["start"])
                shifts[g["start"]] = at - g["start"] if at is not None else 0
        for g in rows:
            shift = shifts[min(shifts, key=lambda s: abs(s - g["start"]))] if shifts else 0
            at = _nearest(text, g["surface"], g["start"] + shift)
            assert at is not None, f"gold span stale (cleaning changed?): {doc_id} {g['start']} {g['surface']}"
            moved.append({**g, "start": at, "end": at + len(g["surface"])})
    return moved


def score_rows(rows: list[dict]) -> list[dict]:
    """Every gold row with what the extractor gave for it (the row overlapping it most)."""
    quantity_of = getattr(importlib.import_module("policytext.numeric"), "is_quantity", None)
    scored = []
    for source, rel in ARCHIVES.items():
        corpus = pt.read_corpus(shared_path(rel), clean=True)
        gold = [r for r in rows if r["source"] == source]
        wanted = {r["doc_id"] for r in gold}
        corpus = corpus.subset([d in wanted for d in corpus.doc_ids])
        gold = reanchored(gold, dict(zip(corpus.doc_ids, corpus.texts)))
        table = pt.indicators(corpus)
        table = table[quantity_of(table) if quantity_of else table["kind"] != "ordinal"]
        for g in gold:
            own = table[(table["doc_id"] == g["doc_id"]) & (table["start"] < g["end"]) & (table["end"] > g["start"])]
            overlap = own["end"].clip(upper=g["end"]) - own["start"].clip(lower=g["start"])
            best = own.loc[overlap.idxmax()] if len(own) else None
            if not g["quantity"]:
                checks, right = {}, best is None
            elif best is None:
                checks, right = dict.fromkeys(FIELDS, False), False
            else:
                checks = field_checks(g, best)
                right = all(checks.values())
            scored.append({"gold": g, "row": best, "checks": checks, "right": right})
    return scored


def print_score(scored: list[dict], label: str) -> tuple[float, list[dict]]:
    """Print the score, per-field figures and every wrong row; return the share of rows
    all-fields-right and the counting words or ordinals read as quantities."""
    total = len(scored)
    right = sum(s["right"] for s in scored)
    quantities = [s for s in scored if s["gold"]["quantity"]]
    misread = [s for s in scored if not s["gold"]["quantity"] and not s["right"]]
    counting = [s for s in misread if s["gold"]["category"] in COUNTING_OR_ORDINAL]
    print(f"\n{label} rows all-fields-right: {right}/{total} = {right / total:.3f}")
    by_source = Counter((s["gold"]["source"], s["gold"]["quantity"], s["right"]) for s in scored)
    for key, n in sorted(by_source.items()):
        print("  source, quantity, right:", key, n)
    print(f"quantities all-fields-right: {sum(s['right'] for s in quantities)}/{len(quantities)}")
    for field in FIELDS:
        n = sum(s["checks"].get(field, False) for s in quantities)
        print(f"  {field:10s} {n}/{len(quantities)} right")
    print(f"non-quantities read as quantities: {len(misread)}; counting words/ordinals among them: {len(counting)}")
    for s in scored:
        if s["right"]:
            continue
        g, row = s["gold"], s["row"]
        got = "no quantity row" if row is None else {
            "text": row["text"], "name": row["indicator"], "value": row["value"], "value_max": row["value_max"],
            "unit": row["unit"], "qualifier": row["qualifier"], "status": row["status"]}
        want = g["category"] if not g["quantity"] else {f: g[f] for f in FIELDS}
        wrong = [f for f, ok in s["checks"].items() if not ok]
        print(f"  MISS {g['doc_id']} {g['start']}-{g['end']} {g['surface']}: wrong {wrong or 'quantity'}; gold {want}; got {got}")
    return right / total, counting


@pytest.fixture(scope="module")
def scored() -> list[dict]:
    """Every gold row with what the extractor gave for it."""
    return score_rows(json.loads(GOLD.read_text("utf-8"))["rows"])


def test_real_gold_scores(scored: list[dict]) -> None:
    share, counting = print_score(scored, "real gold")
    assert share >= 0.90
    assert not counting
