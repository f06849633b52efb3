"""README's Python blocks run top to bottom on the demo archive, and README stays a tour."""

from __future__ import annotations

import os
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text("utf-8"), flags=re.S)


def test_every_python_block_of_the_readme_runs(monkeypatch: object) -> None:
    blocks = _blocks()
    assert blocks
    namespace: dict[str, object] = {}
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)


def test_the_readme_is_a_tour() -> None:
    text = (REPO / "README.md").read_text("utf-8")
    assert text.count("\n") <= 250
    assert not re.search(r"\bissue \d+", text, flags=re.I)
    quickstart = text.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    assert len(re.findall(r"```bash\n", quickstart)) == 2 and "policytext analyze corpora/demo" in quickstart
    for link in re.findall(r"\]\((docs/[^)]+)\)", text):
        assert (REPO / link).exists(), link
