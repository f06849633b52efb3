"""What the keyword pass needs of each document, held between the two passes of a run: in
memory up to a budget, beyond it in one temporary file (unlinked at once, so nothing is
left behind whatever happens). Items are bytes the run wrote itself (checksummed Arrow IPC
from :mod:`policytext.batch.serial`), so reading them back runs no code."""

from __future__ import annotations

import os
import struct
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["HELD_KEY", "HeldItems", "held_bytes", "pack", "unpack"]

#: the key the held items are written for (checked when they are read back)
HELD_KEY = "held-for-the-keyword-pass"


def held_bytes(result: Any) -> bytes:
    """What the keyword pass needs of one analysed document (its term summary and row, not
    its text or indicator rows), encoded where the document was analysed: in a worker, so
    the main process only stores the bytes."""
    from policytext.batch.serial import encode_result

    return encode_result(result, HELD_KEY, text=False, indicators=False)


def pack(data: bytes, ids: Any) -> bytes:
    """One document's encoded result and the vocabulary ids of its terms (found in the first
    pass, so the keyword pass never looks a term up by string again)."""
    import numpy as np

    return struct.pack("<q", len(data)) + data + np.ascontiguousarray(ids, dtype="<i4").tobytes()


def unpack(item: bytes) -> tuple[bytes, Any]:
    """``(encoded result, ids)`` from :func:`pack`."""
    import numpy as np

    size = struct.unpack_from("<q", item)[0]
    return item[8 : 8 + size], np.frombuffer(item, dtype="<i4", offset=8 + size).astype(np.int64)


class HeldItems:
    """Bytes by position, in memory up to ``budget`` bytes, the rest in a spill file."""

    def __init__(self, folder: Path, budget: int) -> None:
        self.budget = budget
        self.in_memory = 0
        self._items: dict[int, bytes | tuple[int, int]] = {}
        self._spill = tempfile.TemporaryFile(prefix=".policytext-spill-", dir=folder)  # noqa: SIM115 - closed in close()

    def put(self, position: int, item: bytes) -> None:
        if self.in_memory + len(item) <= self.budget:
            self._items[position] = item
            self.in_memory += len(item)
        else:
            at = self._spill.seek(0, os.SEEK_END)
            self._spill.write(item)
            self._items[position] = (at, len(item))

    def take(self, position: int) -> bytes:
        """The item at ``position``, forgotten once taken."""
        item = self._items.pop(position)
        if isinstance(item, bytes):
            self.in_memory -= len(item)
            return item
        self._spill.seek(item[0])
        return bytes(self._spill.read(item[1]))

    def close(self) -> None:
        self._spill.close()
