"""The target table: one row per (year, target) from the indicators a corpus states as targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from policytext.compare.resources import TARGET_PATTERNS, compile_patterns
from policytext.frames import records_frame

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

TARGET_COLUMNS = (
    "year", "target", "value", "value_max", "unit", "qualifier", "doc_id", "start", "end", "sentence",
)


def targets(
    corpus: Corpus,
    *,
    by: str = "year",
    patterns: dict[str, tuple[str, str]] | None = None,
    wide: bool = False,
    table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The targets each group of documents states, as a tidy table (or wide, one row per group).

    Rows come from :func:`policytext.indicators` with ``status == "target"`` outside the
    review section; each indicator is matched against ``patterns`` (default
    :data:`~policytext.compare.resources.TARGET_PATTERNS`: ``gdp_growth``, ``cpi``,
    ``new_urban_jobs`` …), and the first match in a group's documents is kept. A group
    that states no target for a key has no row for it. The column named by ``by`` comes
    from the corpus docvars and is reported as ``year``-like key in the first column.
    ``wide=True`` pivots to one row per group and one column per target (the value).
    ``table`` is ``pt.indicators(corpus)`` when the caller already has it.
    """
    import pandas as pd

    from policytext.numeric import indicators

    compiled = compile_patterns(TARGET_PATTERNS if patterns is None else patterns)
    found = indicators(corpus) if table is None else table
    keys = corpus.docvars.set_index("doc_id")[by]
    found = found[(found["status"] == "target") & (found["section"] != "review")]
    records = []
    seen: set[tuple[object, str]] = set()
    for row in found.itertuples(index=False):
        group = keys.get(row.doc_id)
        if group is None or pd.isna(group):
            continue
        for key, (name_pattern, unit_pattern) in compiled.items():
            if (group, key) in seen or not isinstance(row.indicator, str) or not isinstance(row.unit, str):
                continue
            if name_pattern.search(row.indicator) and unit_pattern.search(row.unit):
                seen.add((group, key))
                records.append({
                    "year": group, "target": key, "value": row.value, "value_max": row.value_max,
                    "unit": row.unit, "qualifier": row.qualifier, "doc_id": row.doc_id,
                    "start": row.start, "end": row.end, "sentence": row.sentence,
                })
                break
    table = records_frame(records, TARGET_COLUMNS)
    table = table.rename(columns={"year": by}) if by != "year" else table
    table = table.sort_values([by, "target"], kind="stable").reset_index(drop=True)
    if wide:
        return table.pivot(index=by, columns="target", values="value").reset_index().rename_axis(columns=None)
    return table
