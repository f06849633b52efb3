"""Where the benchmarks find ../shared (the real material is read at run time, never copied)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SHARED = Path(os.environ.get("POLICYTEXT_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        sys.exit(f"needs ../shared: {path} is missing")
    return path


def machine() -> str:
    import platform

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
