"""Execute the notebooks in notebooks/ top to bottom and save their outputs in place.

    python scripts/run_notebooks.py [NAME ...]

The saved outputs must come from the project's demo corpus: this script refuses to run
when POLICYTEXT_NOTEBOOK_DATA is set (the test suite runs them on ../shared without saving).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

FOLDER = Path(__file__).resolve().parents[1] / "notebooks"


def execute(path: Path, *, timeout: int = 900) -> nbformat.NotebookNode:
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def main(names: list[str]) -> None:
    if os.environ.get("POLICYTEXT_NOTEBOOK_DATA"):
        sys.exit("unset POLICYTEXT_NOTEBOOK_DATA: saved outputs come from corpora/demo only")
    for path in sorted(FOLDER.glob("*.ipynb")):
        if names and path.stem not in names:
            continue
        notebook = execute(path)
        nbformat.write(notebook, path)
        print(f"{path.name}: executed and saved")


if __name__ == "__main__":
    main(sys.argv[1:])
