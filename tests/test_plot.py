"""Plots render Chinese labels with a CJK font: any missing-glyph warning fails the test."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("matplotlib")

from policytext import plot


def _render(figure, path: Path) -> None:  # type: ignore[no-untyped-def]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        figure.savefig(path, dpi=80)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []
    assert path.stat().st_size > 5_000


def test_cjk_font_covers_simplified_and_traditional() -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    family = plot.cjk_font()
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    font = FT2Font(path)
    for char in "供给侧结构性改革黨員發展质量":
        assert font.get_char_index(ord(char)) != 0, char


def test_every_plot_renders_chinese(tmp_path: Path) -> None:
    trend = pd.DataFrame({"year": [2015, 2016, 2017] * 2, "term": ["供给侧结构性改革"] * 3 + ["高质量发展"] * 3,
                          "per_10k": [0, 3.5, 2.0, 0, 0, 4.1]})
    _render(plot.trends(trend), tmp_path / "trends.png")
    themes = pd.DataFrame({"year": [1960, 2020], "ecology_environment": [1.0, 50.0], "ideology_class_struggle": [120.0, 2.0]})
    _render(plot.theme_shares(themes), tmp_path / "themes.png")
    key = pd.DataFrame({"term": ["供给侧结构性改革", "去产能", "新常态"], "score": [9.1, 7.2, 3.3], "measure": "logodds"})
    _render(plot.keyness(key), tmp_path / "keyness.png")
    sim = pd.DataFrame([[1.0, 0.8], [0.8, 1.0]], index=[2015, 2016], columns=[2015, 2016])
    _render(plot.similarity(sim), tmp_path / "similarity.png")
