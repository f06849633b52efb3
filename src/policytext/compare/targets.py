"""The target table: one row per (year, target) from the indicators a corpus states as targets."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from policytext.compare.resources import TARGET_PATTERNS, compile_patterns
from policytext.frames import records_frame

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

TARGET_COLUMNS = (
    "year", "target", "value", "value_max", "unit", "qualifier", "doc_id", "start", "end", "sentence",
)


def target_key(indicator: Any, unit: Any, compiled: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]) -> str | None:
    """The target key whose patterns match an indicator's name and unit (the first in the
    mapping's order), or None: the one matcher of the target table."""
    if not isinstance(indicator, str) or not isinstance(unit, str):
        return None
    for key, (name_pattern, unit_pattern) in compiled.items():
        if name_pattern.search(indicator) and unit_pattern.search(unit):
            return key
    return None


def target_candidates(table: pd.DataFrame, *, patterns: dict[str, tuple[str, str]] | None = None) -> pd.DataFrame:
    """The rows of an indicators table that can enter the target table — stated as targets
    (``status == "target"``) outside a review section, and matching a target key — with that
    key in a ``target`` column, in table order. A batch run keeps only these as documents
    stream by; :func:`targets` picks from them."""
    compiled = compile_patterns(TARGET_PATTERNS if patterns is None else patterns)
    found = table[(table["status"] == "target") & (table["section"] != "review")]
    keys = [target_key(name, unit, compiled) for name, unit in zip(found["indicator"], found["unit"])]
    found = found.assign(target=keys)
    return found[found["target"].notna()]


def targets(
    corpus: Corpus,
    *,
    by: str = "year",
    patterns: dict[str, tuple[str, str]] | None = None,
    wide: bool = False,
    table: pd.DataFrame | None = None,
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """The targets each group of documents states, as a tidy table (or wide, one row per group).

    Parameters
    ----------
    corpus : Corpus
        The documents; ``by`` names one of their docvars.
    by : str
        The docvar that groups documents (``year`` by default).
    patterns : dict
        target key → (pattern on the Simplified ``indicator``, pattern on ``unit``); the
        default is :data:`~policytext.compare.resources.TARGET_PATTERNS` (``gdp_growth``,
        ``cpi``, ``new_urban_jobs`` …).
    wide : bool
        Pivot to one row per group and one column per target (the value).
    table : pandas.DataFrame
        ``pt.indicators(corpus)`` when the caller has it already (or only its
        :func:`target_candidates`).
    convert : "auto", False or an OpenCC config name
        How texts are read when ``table`` is not given.

    Returns
    -------
    pandas.DataFrame
        One row per (group, target): the first matching row in the group's documents, in
        document order; a group that states no target for a key has no row for it.
    """
    import pandas as pd

    from policytext.numeric import indicators

    found = target_candidates(indicators(corpus, convert=convert) if table is None else table, patterns=patterns)
    keys = corpus.docvars.set_index("doc_id")[by]
    records = []
    seen: set[tuple[Any, Any]] = set()
    for row in found.itertuples(index=False):
        group = keys.get(row.doc_id)
        if group is None or pd.isna(group) or (group, row.target) in seen:
            continue
        seen.add((group, row.target))
        records.append({
            "year": group, "target": row.target, "value": row.value, "value_max": row.value_max,
            "unit": row.unit, "qualifier": row.qualifier, "doc_id": row.doc_id,
            "start": row.start, "end": row.end, "sentence": row.sentence,
        })
    result = records_frame(records, TARGET_COLUMNS)
    result = result.rename(columns={"year": by}) if by != "year" else result
    result = result.sort_values([by, "target"], kind="stable").reset_index(drop=True)
    if wide:
        return result.pivot(index=by, columns="target", values="value").reset_index().rename_axis(columns=None)
    return result
