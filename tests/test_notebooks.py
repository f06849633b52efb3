"""The notebooks run top to bottom: on the demo corpus (as saved) and on ../shared (never
saved), and their saved outputs hold nothing of ../shared."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED, WIKISOURCE, shared_path

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def _execute(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, on any error


def test_there_are_three_notebooks() -> None:
    assert [p.stem for p in NOTEBOOKS] == ["01-quickstart", "02-compare-years", "03-archive-batch"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_the_demo_corpus(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POLICYTEXT_NOTEBOOK_DATA", raising=False)
    _execute(path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_shared(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared_path(SEED), shared_path(WIKISOURCE)  # skip (or fail under CI's flag) when absent
    monkeypatch.setenv("POLICYTEXT_NOTEBOOK_DATA", "shared")
    _execute(path)


def _saved_outputs(path: Path) -> tuple[list[dict], str]:
    cells = [c for c in json.loads(path.read_text("utf-8"))["cells"] if c["cell_type"] == "code"]
    return cells, json.dumps([c["outputs"] for c in cells], ensure_ascii=False)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_saved_outputs_are_complete(path: Path) -> None:
    cells, saved = _saved_outputs(path)
    assert all(c["execution_count"] for c in cells), "every code cell is saved executed"
    assert "shared/corpora" not in saved and '"output_type": "error"' not in saved


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_saved_outputs_hold_no_text_of_shared(path: Path) -> None:
    real = shared_path(SEED).read_text("utf-8") + shared_path(WIKISOURCE).read_text("utf-8")
    _, saved = _saved_outputs(path)
    runs = set(re.findall(r"[\u4e00-\u9fff，、]{16,}", saved))  # long runs of Chinese text
    assert not [r for r in runs if r in real]
