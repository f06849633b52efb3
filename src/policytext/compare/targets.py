"""The target table: one row per (group, target) from the indicators a corpus states as targets."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from policytext.compare.resources import TARGET_PATTERNS, compile_patterns
from policytext.frames import records_frame

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

__all__ = ["TARGET_COLUMNS", "target_candidates", "target_key", "targets"]

#: the columns of :func:`targets` (``year`` is the group column, renamed to ``by``; with a
#: list of columns, they all come first); ``doc_ids`` lists every document of the group
#: that states the target, ``doc_id`` the one the row's value comes from
TARGET_COLUMNS = (
    "year", "target", "value", "value_max", "unit", "qualifier", "doc_id", "doc_ids", "start", "end", "sentence",
)
_ROW_COLUMNS = TARGET_COLUMNS[1:]


def target_key(indicator: Any, unit: Any, compiled: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]) -> str | None:
    """The target key whose patterns match an indicator's name and unit (the first in the
    mapping's order), or None: the one matcher of the target table.

    Parameters
    ----------
    indicator, unit : str
        The ``indicator`` and ``unit`` of an indicators row (anything else matches nothing).
    compiled : dict
        :func:`~policytext.compare.resources.compile_patterns` of a pattern mapping.

    Returns
    -------
    str or None
    """
    if not isinstance(indicator, str) or not isinstance(unit, str):
        return None
    for key, (name_pattern, unit_pattern) in compiled.items():
        if name_pattern.search(indicator) and unit_pattern.search(unit):
            return key
    return None


def target_candidates(table: pd.DataFrame, *, patterns: dict[str, tuple[str, str]] | None = None) -> pd.DataFrame:
    """The rows of an indicators table that can enter the target table.

    Quantities (:func:`policytext.numeric.is_quantity`) stated as targets (``status ==
    "target"``) outside a review section and matching a target key, with that key in a
    ``target`` column, in table order. A batch run keeps only these as documents stream
    by; :func:`targets` picks from them.

    Parameters
    ----------
    table : pandas.DataFrame
        Rows of :func:`policytext.indicators`.
    patterns : dict
        Target key → (name pattern, unit pattern); default
        :data:`~policytext.compare.resources.TARGET_PATTERNS`.

    Returns
    -------
    pandas.DataFrame
        The candidate rows with a ``target`` column.
    """
    from policytext.numeric import is_quantity

    compiled = compile_patterns(TARGET_PATTERNS if patterns is None else patterns)
    quantities = is_quantity(table) if len(table) else table["status"].notna()
    found = table[quantities & (table["status"] == "target") & (table["section"] != "review")]
    keys = [target_key(name, unit, compiled) for name, unit in zip(found["indicator"], found["unit"])]
    found = found.assign(target=keys)
    return found[found["target"].notna()]


def _group_keys(corpus: Corpus, by: Sequence[str], optional: frozenset[str] = frozenset()) -> dict[Any, tuple[Any, ...] | None]:
    """doc_id → the document's values of the ``by`` columns (None when one is missing, but
    for the ``optional`` ones)."""
    import pandas as pd

    docvars = corpus.docvars
    missing = [c for c in by if c not in docvars.columns]
    if missing:
        raise KeyError(f"targets by {missing}: no such docvar (have {', '.join(map(str, docvars.columns))})")
    groups: dict[Any, tuple[Any, ...] | None] = {}
    for doc_id, *values in zip(docvars["doc_id"], *(docvars[c] for c in by)):
        missing_value = any(pd.isna(v) for c, v in zip(by, values) if c not in optional)
        groups[doc_id] = None if missing_value else tuple(None if pd.isna(v) else v for v in values)
    return groups


def _first_per_group(found: pd.DataFrame, groups: dict[Any, tuple[Any, ...] | None]) -> list[dict[str, Any]]:
    """The first matching row in document order per (group, key), with every document of
    the group that states the key; rows of different groups never combine."""
    records: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in found.itertuples(index=False):
        group = groups.get(row.doc_id)
        if group is None:
            continue
        key = (*group, row.target)
        record = records.get(key)
        if record is None:
            records[key] = {
                "group": group, "target": row.target, "value": row.value, "value_max": row.value_max,
                "unit": row.unit, "qualifier": row.qualifier, "doc_id": row.doc_id, "doc_ids": [row.doc_id],
                "start": row.start, "end": row.end, "sentence": row.sentence,
            }
        elif row.doc_id not in record["doc_ids"]:
            record["doc_ids"].append(row.doc_id)
    return list(records.values())


def targets(
    corpus: Corpus,
    *,
    by: str | Sequence[str] | None = None,
    patterns: dict[str, tuple[str, str]] | None = None,
    wide: bool = False,
    table: pd.DataFrame | None = None,
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """The targets each group of documents states, as a tidy table (or wide, one row per group).

    Parameters
    ----------
    corpus : Corpus
        The documents; ``by`` names their docvars.
    by : str, list of str or None
        The docvar (``"year"``) or docvars (``["province", "year"]``) that group documents:
        one row per group and target key, and rows never combine documents of different
        groups. A document missing any of them is left out. The default, None, makes each
        document its own group (``doc_id`` and, when the corpus has it, ``year``): two
        reports of one year are never mixed unless you ask for it.
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
        document order, with ``doc_ids`` (every document of the group stating the target,
        that one first, joined by ``";"``); a group that states no target for a key has no
        row for it. Columns: the ``by`` columns, then :data:`TARGET_COLUMNS` after ``year``.

    Examples
    --------
    >>> import pandas as pd, policytext as pt
    >>> corpus = pt.Corpus(["今年主要预期目标是：地区生产总值增长6%左右。", "今年全省生产总值增长5%左右。"],
    ...                    pd.DataFrame({"doc_id": ["a", "b"], "province": ["甲", "乙"], "year": [2024, 2024]}))
    >>> targets(corpus, by=["province", "year"])[["province", "year", "target", "value", "doc_ids"]].values.tolist()
    [['乙', 2024, 'gdp_growth', 5.0, 'b'], ['甲', 2024, 'gdp_growth', 6.0, 'a']]
    """
    from policytext.numeric import indicators

    optional: frozenset[str] = frozenset()
    if by is None:  # each document its own group, its year carried along when it has one
        by, optional = (["doc_id", "year"], frozenset({"year"})) if "year" in corpus.docvars.columns else (["doc_id"], optional)
    columns = [by] if isinstance(by, str) else list(by)
    if not columns:
        raise ValueError("targets: by names no column")
    found = target_candidates(indicators(corpus, convert=convert) if table is None else table, patterns=patterns)
    records = _first_per_group(found, _group_keys(corpus, columns, optional))
    rows = [
        {**{c: record[c] for c in _ROW_COLUMNS if c != "doc_ids"}, "doc_ids": ";".join(map(str, record["doc_ids"])),
         **dict(zip(columns, record["group"]))}
        for record in records
    ]
    if set(columns) <= set(TARGET_COLUMNS):  # by year, or each document: the usual columns
        names = list(TARGET_COLUMNS)
    else:
        names = [*columns, *(c for c in _ROW_COLUMNS if c not in columns)]
    result = records_frame(rows, names)
    result = result.sort_values([*columns, "target"], kind="stable").reset_index(drop=True)
    if wide:
        wide_frame = result.pivot(index=columns, columns="target", values="value")
        return wide_frame.reset_index().rename_axis(columns=None)
    return result
