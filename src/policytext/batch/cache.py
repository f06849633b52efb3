"""The per-document result cache of a batch run, in a format that cannot run code.

Entries live in ``OUT/.policytext-cache/<2 hex>/<key>.arrow``, keyed by the document's
content hash, the library's analysis version and the options
(:func:`~policytext.batch.document.content_key`), each written as checksummed Arrow IPC
(:mod:`policytext.batch.serial`) through a temporary file and a rename. An entry that is
damaged, truncated, written for another key, or planted by someone else is never loaded:
it is counted, recomputed and overwritten; it never stops a run.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from policytext.batch.serial import EntryError, decode_result, encode_result

if TYPE_CHECKING:
    from policytext.batch.document import DocResult

__all__ = ["CACHE_FOLDER", "ResultCache"]

CACHE_FOLDER = ".policytext-cache"
SUFFIX = ".arrow"


@dataclass
class ResultCache:
    """Look up and store :class:`~policytext.batch.document.DocResult` by key; ``hits``,
    ``stored`` and ``recomputed`` (entries found unusable) count what happened."""

    root: Path
    hits: int = 0
    stored: int = 0
    recomputed: int = 0

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> DocResult | None:
        """The cached result for ``key``, or None (absent, or unusable and so recomputed)."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            self.recomputed += 1
            return None
        try:
            result = decode_result(data, key)
        except (EntryError, ValueError, TypeError, KeyError, UnicodeError):
            self.recomputed += 1
            return None
        self.hits += 1
        return result

    def put(self, key: str, result: DocResult) -> None:
        """Store ``result`` (atomically: a reader never sees half an entry)."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(encode_result(result, key))
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        self.stored += 1

    def remove_temporary(self) -> None:
        """Remove half-written entries a killed run left behind."""
        if self.root.is_dir():
            for temporary in self.root.glob("*/.*.tmp"):
                temporary.unlink(missing_ok=True)

    def summary(self) -> dict[str, int]:
        return {"hits": self.hits, "stored": self.stored, "recomputed": self.recomputed}
