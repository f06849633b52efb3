"""The place and organisation a document belongs to, read from its docvars: a term equal
to, or contained in, the value of its region, province, county, department … column (or of
a column the caller names) is never that document's keyword, and the place values of a
whole archive are places in each of its documents (the 清苑 report names 满城 too).

Columns are found by name (:data:`policytext.terms.resources.PLACE_COLUMN_WORDS`,
``PLACE_COLUMN``, ``ORG_COLUMN``: region, province, city, county, district, department,
地区, 省份, 所属城市, 区县名称, 部门 …); titles, file names and codes never are such columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from policytext.terms import resources as r

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

__all__ = ["corpus_places", "document_exclusions", "docvar_columns", "excluded_by"]


def _kind(name: str) -> str | None:
    """``"place"``, ``"organization"`` or None for a docvar column called ``name``."""
    if r.NOT_PLACE_COLUMN.search(name):
        return None
    words = set(re.split(r"[^a-z]+", name.lower()))
    if words & r.PLACE_COLUMN_WORDS or r.PLACE_COLUMN.search(name):
        return "place"
    if words & r.ORG_COLUMN_WORDS or r.ORG_COLUMN.search(name):
        return "organization"
    return None


def docvar_columns(docvars: pd.DataFrame, extra: Iterable[str] = ()) -> dict[str, str]:
    """The columns of ``docvars`` that name a document's place or organisation, with their
    kind, and the ``extra`` columns a caller names (kind ``"given"``)."""
    found = {str(c): kind for c in docvars.columns if (kind := _kind(str(c))) is not None}
    for column in extra:
        if column not in docvars.columns:
            raise KeyError(f"no docvar {column!r}; the corpus has: {', '.join(map(str, docvars.columns))}")
        found.setdefault(str(column), "given")
    return found


def _values(value: Any) -> list[str]:
    """The Simplified strings of one docvar cell (a list cell gives each of its items)."""
    from policytext.script import convert

    items = value if isinstance(value, (list, tuple, set)) else [value]
    out = []
    for item in items:
        if isinstance(item, str) and item.strip():
            out.append(convert(item.strip(), "t2s"))
    return out


def document_exclusions(data: str | Corpus | Sequence[str], columns: Iterable[str] | bool | None = None) -> list[dict[str, str]]:
    """For each document: its values of the place and organisation columns (and of the
    ``columns`` a caller names; ``False``: none at all), Simplified, each with its column."""
    from policytext.corpus import Corpus

    n = 1 if isinstance(data, str) else len(data)
    if not isinstance(data, Corpus) or columns is False:
        return [{} for _ in range(n)]
    extra = () if columns is None or columns is True else [columns] if isinstance(columns, str) else list(columns)
    chosen = docvar_columns(data.docvars, extra)
    rows: list[dict[str, str]] = [{} for _ in range(n)]
    for column in chosen:
        for i, value in enumerate(data.docvars[column].tolist()):
            for item in _values(value):
                rows[i].setdefault(item, column)
    return rows


def corpus_places(data: str | Corpus | Sequence[str]) -> frozenset[str]:
    """Every value of the place columns across a corpus (Simplified): the archive's own
    place names (the counties of a county archive), places in each of its documents."""
    from policytext.corpus import Corpus

    if not isinstance(data, Corpus):
        return frozenset()
    columns = [c for c, kind in docvar_columns(data.docvars).items() if kind == "place"]
    return frozenset(item for c in columns for value in data.docvars[c].tolist() for item in _values(value) if len(item) >= 2)


def excluded_by(term: str, values: Mapping[str, str]) -> str | None:
    """The column whose value ``term`` equals, is contained in, or names with a division's
    tail (满城 → 满城区, 满城县人民政府); None when it is free."""
    for value, column in values.items():
        if term in value:
            return column
        if term.startswith(value) and len(value) >= 2 and term[len(value) :] in r.PLACE_TAILS:
            return column
    return None
