"""Scoring extracted indicators against a hand-made gold list (precision and recall)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import pandas as pd

#: the fields a predicted row must get right to count as a match (besides overlapping)
MATCH_FIELDS = ("indicator", "value", "value_max", "unit", "qualifier", "status")


def _same_number(a: Any, b: Any) -> bool:
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _same_indicator(predicted: Any, gold: str) -> bool:
    """Names match when one contains the other (a name may keep or drop a qualifying word)."""
    if not isinstance(predicted, str) or len(predicted) < 2:
        return False
    return gold in predicted or predicted in gold


def field_errors(predicted: Mapping[str, Any], gold: Mapping[str, Any]) -> list[str]:
    """The fields in which an overlapping predicted row differs from the gold quantity."""
    errors = []
    if not _same_indicator(predicted["indicator"], gold["indicator"]):
        errors.append("indicator")
    for field in ("value", "value_max"):
        if not _same_number(predicted[field], gold[field]):
            errors.append(field)
    for field in ("unit", "qualifier", "status"):
        if predicted[field] != gold[field]:
            errors.append(field)
    return errors


def score(
    predicted: pd.DataFrame, gold: Sequence[Mapping[str, Any]], spans: Iterable[tuple[int, int]]
) -> dict[str, Any]:
    """Precision and recall of ``predicted`` (rows of one document) against ``gold``.

    Only predicted rows inside ``spans`` (the annotated paragraphs) that are quantities
    (:func:`~policytext.numeric.is_quantity`: not ordinals) count.
    A predicted row matches a gold quantity when their offsets overlap and every field of
    :data:`MATCH_FIELDS` agrees; each gold quantity matches at most once.
    """
    spans = list(spans)
    records = cast("list[dict[str, Any]]", predicted.to_dict("records"))
    from policytext.numeric.extract import QUANTITY_KINDS  # the rule of is_quantity

    rows = [
        row for row in records
        if row["kind"] in QUANTITY_KINDS and any(s <= row["start"] and row["end"] <= e for s, e in spans)
    ]
    used: set[int] = set()
    matched = 0
    mismatches: list[dict[str, Any]] = []
    for row in rows:
        overlapping = [i for i, g in enumerate(gold) if i not in used and row["start"] < g["end"] and g["start"] < row["end"]]
        hit = next((i for i in overlapping if not field_errors(row, gold[i])), None)
        if hit is not None:
            used.add(hit)
            matched += 1
        else:
            mismatches.append({
                "start": row["start"], "end": row["end"], "predicted": {f: row[f] for f in MATCH_FIELDS},
                "errors": field_errors(row, gold[overlapping[0]]) if overlapping else ["spurious"],
            })
    missed = [dict(g) for i, g in enumerate(gold) if i not in used]
    return {"predicted": len(rows), "gold": len(gold), "matched": matched, "mismatches": mismatches, "missed": missed}


# -- peers' number test suites -------------------------------------------------------------


def _percent_value(number: Any) -> float | None:
    """A found number as Recognizers-Text's percentage value (百分点 counts as %)."""
    scale = {"%": 1.0, "百分点": 1.0, "‰": 0.1, "‱": 0.01}.get(number.unit)
    return None if scale is None else number.value * scale


def recognizers_case(model: str, case: Mapping[str, Any]) -> tuple[bool, list[float], list[float]]:
    """Run one Recognizers-Text NumberModel / PercentModel case: (right?, expected, got).

    NumberModel expects every number's value; PercentModel every percentage (a row with
    unit 百分点 counts as the N% Recognizers-Text resolves it to).
    """
    from policytext.numeric.numerals import find_numbers

    found = find_numbers(case["Input"])
    expected = [float(str(r["Resolution"]["value"]).rstrip("%")) for r in case["Results"]]
    if model == "PercentModel":
        got = [v for v in (_percent_value(n) for n in found) if v is not None]
    else:
        got = [n.value for n in found]
    right = len(got) == len(expected) and all(
        math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12) for a, b in zip(got, expected)
    )
    return right, expected, got


def cn2an_cases(suite: Mapping[str, Any]) -> list[tuple[str, str, float | None]]:
    """cn2an's Chinese→number cases as (group, input, expected value or None for "must fail").

    Our parser reads like cn2an's most lenient ("smart") mode, so the cases are strict,
    normal, smart and direct (read as numbers: 零零三 → 3) with expected values, and the
    error lists of normal and smart mode as inputs that must not parse whole. Strict mode's
    own error list rejects inputs the lenient modes accept (百十一), so it is not used.
    """
    cases: list[tuple[str, str, float | None]] = []
    for group in ("strict", "normal", "smart", "direct"):
        cases.extend((group, c["input"], float(c["expected"])) for c in suite["cn2an"][group])
    for group in ("error_normal_datas", "error_smart_datas"):
        cases.extend((group, text, None) for text in suite["cn2an"][group])
    return cases


def cn2an_case(text: str, expected: float | None) -> tuple[bool, list[float]]:
    """Right when the whole input reads as one number of the expected value (or, for an
    error case, when no number covers the whole input)."""
    from policytext.numeric.numerals import find_numbers

    found = find_numbers(text)
    whole = [n for n in found if n.start == 0 and n.end == len(text)]
    if expected is None:
        return not whole, [n.value for n in found]
    right = len(found) == 1 and math.isclose(found[0].value, expected, rel_tol=1e-9, abs_tol=1e-12)
    return right, [n.value for n in found]
