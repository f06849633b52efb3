"""One schema per output table for the whole run, known before the first row is written.

Archives carry metadata of every type, and not the same columns in every record or file:
a field that is an integer in one record and text in the next, ``true`` here and ``"no"``
there, a list in one file and a string in another. A column's Arrow type is decided from
all of its values at once (:func:`column_kind`), and no value is ever cast to another
value:

- every value text → text (``0101`` keeps its zero); every value an integer → int64
  (integers beyond int64 → text, exact); integers and floats → float64 when every integer
  fits a double exactly, else text; every value a boolean → bool;
- anything else mixed → text, each value rendered by :func:`as_text`: integers as digits,
  floats as the CSV writer writes them (the shortest form that reads back the same: ``3``,
  ``2.5``, ``1e+10``), booleans ``true``/``false``, lists and dicts as JSON, dates in ISO
  form; empty cells (None, NaN, NA) are null, never ``"nan"``.

CSV and Parquet then agree under that same rendering (:func:`as_text` of a Parquet value is
the CSV cell, with the formula escaping undone).
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KINDS", "arrow_table", "as_text", "column_kind", "frame_kinds", "is_missing"]

#: the column kinds and their Arrow types
KINDS = ("text", "int", "float", "bool")
_SAFE_INT = 2**53


def is_missing(value: Any) -> bool:
    """None, NaN, pandas' NA/NaT: an empty cell."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover - pandas is a core dependency
        return False


def _value_kind(value: Any) -> str:
    import numpy as np

    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, (int, np.integer)):
        return "int" if -(2**63) <= int(value) < 2**63 else "bigint"
    if isinstance(value, (float, np.floating)):
        return "float"
    if isinstance(value, str):
        return "text"
    return "other"


def column_kind(values: Iterable[Any], *, empty: str = "text") -> str:
    """The kind of a column (:data:`KINDS`) that holds every one of ``values`` unchanged
    (``empty``: the kind of a column with no value at all)."""
    kinds: set[str] = set()
    big_int = False
    for value in values:
        if is_missing(value):
            continue
        kind = _value_kind(value)
        if kind == "int" and abs(int(value)) > _SAFE_INT:
            big_int = True
        kinds.add(kind)
    if not kinds:
        return empty
    if kinds == {"text"}:
        return "text"
    if kinds in ({"int"}, {"bool"}, {"float"}):
        return kinds.pop()
    if kinds == {"int", "float"} and not big_int:
        return "float"
    return "text"


def as_text(value: Any) -> str | None:
    """A value as a text cell (None stays None): the one rendering of mixed columns, and the
    comparison CSV and Parquet agree under."""
    import numpy as np

    if is_missing(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return _float_text(float(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _float_text(number: float) -> str:
    """A float as the CSV writer writes it (Arrow's shortest round-trip form: 2.5, 276,
    1e+10, 0.00001), so a number column reads the same in both formats."""
    import pyarrow as pa

    return str(pa.scalar(number, pa.float64()).cast(pa.string()))


def _converter(kind: str) -> Callable[[Any], Any]:
    if kind == "text":
        return as_text
    if kind == "int":
        return lambda v: None if is_missing(v) else int(v)
    if kind == "float":
        return lambda v: None if is_missing(v) else float(v)
    return lambda v: None if is_missing(v) else bool(v)


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"text": pa.large_string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}[kind]


def _dtype_kind(dtype: Any) -> str:
    import pandas as pd

    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "float"
    return "text"


def frame_kinds(frame: pd.DataFrame) -> dict[str, str]:
    """The kind of every column of ``frame``, from all of its values (a column without any
    value keeps the kind its dtype says: an empty float column stays float)."""
    return {str(c): column_kind(frame[c].tolist(), empty=_dtype_kind(frame[c].dtype)) for c in frame.columns}


def arrow_table(columns: Sequence[str], kinds: dict[str, str], rows: Sequence[dict[str, Any]]) -> Any:
    """``rows`` (dicts) as an Arrow table with ``columns`` of the given kinds (text when a
    column has none); every value converted by its column's rule, none cast."""
    import pyarrow as pa

    arrays, fields = [], []
    for name in columns:
        kind = kinds.get(name, "text")
        convert = _converter(kind)
        arrays.append(pa.array([convert(row.get(name)) for row in rows], _arrow_type(kind)))
        fields.append(pa.field(name, _arrow_type(kind)))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))
