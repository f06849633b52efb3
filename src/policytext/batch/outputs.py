"""Output sets that are never mixed: each run writes into a fresh folder and makes it live
as a whole.

Layout of an output folder ``OUT``::

    OUT/current -> runs/<run id>     the live set (a symbolic link, replaced atomically)
    OUT/runs/<run id>/               every table, report.html, summary.json, manifest.json
    OUT/.policytext-cache/           per-document results (see :mod:`policytext.batch.cache`)

A run writes everything into ``runs/<run id>``, then writes ``manifest.json`` (run id,
library version, options, input count, each file's row count and SHA-256), then points
``current`` at it with one ``os.replace``. Killed at any moment, ``current`` names either
the complete previous set or the complete new one; the next run removes what a killed run
left. Where symbolic links cannot be made (some Windows setups), ``current`` is a one-line
text file naming the run folder instead; :func:`live_folder` reads either.
"""

from __future__ import annotations

import datetime
import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

from policytext.errors import OutputError

__all__ = ["CURRENT", "RUNS", "RunFolder", "live_folder", "read_manifest", "write_atomic"]

CURRENT = "current"
RUNS = "runs"
LOCK = ".policytext-lock"
MANIFEST = "manifest.json"


def live_folder(out: str | os.PathLike[str]) -> Path:
    """The folder of the live output set in ``out`` (what ``current`` points to).

    Raises
    ------
    policytext.OutputError
        When ``out`` holds no complete run.
    """
    root = Path(out)
    pointer = root / CURRENT
    if pointer.is_symlink() or pointer.is_dir():
        target = pointer.resolve()
    elif pointer.is_file():
        target = root / pointer.read_text("utf-8").strip()
    else:
        raise OutputError(f"{root} holds no complete run of policytext analyze (no {CURRENT})")
    if not (target / MANIFEST).is_file():
        raise OutputError(f"{target} is not a complete run (no {MANIFEST})")
    return target


def read_manifest(out: str | os.PathLike[str]) -> dict[str, Any]:
    """The manifest of the live output set in ``out``."""
    manifest: dict[str, Any] = json.loads((live_folder(out) / MANIFEST).read_text("utf-8"))
    return manifest


def _check_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} is a file: name a folder (it is created if missing)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder {out}: {exc.strerror or exc}") from exc
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"the output folder {out} is not writable: choose another --out")


class RunFolder:
    """The folder one run writes into, made live as a whole by :meth:`commit`.

    Use as a context manager: entering takes the output folder's lock (one run at a time),
    removes leftovers of killed runs and creates ``runs/<run id>``; leaving without a
    commit removes that folder again.
    """

    def __init__(self, out: Path) -> None:
        self.out = out
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.run_id = f"{stamp}-{secrets.token_hex(3)}"
        self.path = out / RUNS / self.run_id
        self._lock: Any = None
        self.committed = False

    def __enter__(self) -> RunFolder:
        _check_folder(self.out)
        self._take_lock()
        self.removed_leftovers = self._remove_leftovers()
        self.path.mkdir(parents=True)
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.committed:
            shutil.rmtree(self.path, ignore_errors=True)
        self._release_lock()

    def _take_lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # no advisory locks on this platform: runs must not overlap
            return
        self._lock = open(self.out / LOCK, "a")  # noqa: SIM115 - held until __exit__
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self._lock.close()
            self._lock = None
            raise OutputError(f"another policytext run is writing to {self.out}: wait for it or choose another --out") from exc

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def _live_name(self) -> str | None:
        try:
            return live_folder(self.out).name
        except OutputError:
            return None

    def _remove_leftovers(self) -> int:
        """Remove run folders that are not live and temporary pointers (a killed run's)."""
        live = self._live_name()
        removed = 0
        for stale in sorted((self.out / RUNS).glob("*")) if (self.out / RUNS).is_dir() else []:
            if stale.name == live:
                continue
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink()
            removed += 1
        for temporary in self.out.glob(f".{CURRENT}.*"):
            temporary.unlink()
            removed += 1
        return removed

    def manifest(self, *, version: str, options: dict[str, Any], inputs: int, rows: dict[str, int]) -> dict[str, Any]:
        """Write ``manifest.json``: every file of the run with its SHA-256 checksum, its
        size, and for tables their row count (``rows``, by file name)."""
        from policytext.batch.tables import file_digest

        files: dict[str, dict[str, Any]] = {}
        for path in sorted(self.path.iterdir()):
            if path.name != MANIFEST and path.is_file():
                files[path.name] = {"sha256": file_digest(path), "bytes": path.stat().st_size}
                if path.name in rows:
                    files[path.name]["rows"] = rows[path.name]
        manifest = {"run_id": self.run_id, "policytext": version, "options": options, "inputs": inputs, "files": files}
        (self.path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2, default=str) + "\n", "utf-8")
        return manifest

    def commit(self) -> None:
        """Make this run the live set, then remove the one it replaces."""
        previous = self._live_name()
        target = f"{RUNS}/{self.run_id}"
        temporary = self.out / f".{CURRENT}.{self.run_id}"
        try:
            os.symlink(target, temporary, target_is_directory=True)
        except OSError:  # no symbolic links here: a pointer file, replaced the same way
            temporary.write_text(target + "\n", "utf-8")
        _sync_folder(self.path)
        os.replace(temporary, self.out / CURRENT)
        _sync_folder(self.out)
        self.committed = True
        if previous is not None and previous != self.run_id:
            shutil.rmtree(self.out / RUNS / previous, ignore_errors=True)


def write_atomic(path: Path, text: str) -> None:
    """Write a text file through a temporary file and a rename: never half written."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _sync_folder(path: Path) -> None:
    """Flush a folder's entries to disk, where the platform allows it."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
