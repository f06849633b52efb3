"""Building result tables: one helper so every table survives text pandas cannot store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["records_frame"]


def records_frame(records: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """``DataFrame.from_records``, falling back to object columns when a string holds a
    lone surrogate (broken UTF-16 in a source file), which pandas' Arrow-backed strings
    reject: the row is kept with its text exactly as found, offsets and all."""
    import pandas as pd

    try:
        return pd.DataFrame.from_records(records, columns=list(columns))
    except UnicodeEncodeError:
        frame = pd.DataFrame(records, columns=list(columns), dtype=object)
        for column in frame.columns:  # text stays object; numbers get their own dtype back
            if not any(isinstance(v, str) for v in frame[column]):
                frame[column] = pd.Series(frame[column].tolist(), index=frame.index)
        return frame
