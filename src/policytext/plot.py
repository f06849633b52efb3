"""Plots with matplotlib: term trends, theme shares over time, keyness bars and a
similarity heat map, with Chinese labels rendered in a CJK font (never tofu boxes).

:func:`cjk_font` finds one on the system (Noto/Source Han, WenQuanYi, SimHei, YaHei,
PingFang …) or uses Noto Sans CJK from the ``plot`` extra (``pip install
"policytext[plot]"``). Each function returns the matplotlib Figure.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

#: font families with full Chinese coverage, in order of preference
__all__ = ["CJK_FAMILIES", "NoCJKFontError", "cjk_font", "keyness", "similarity", "theme_shares", "trends"]

CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Noto Sans CJK TC",
    "Noto Sans CJK JP", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei",
    "PingFang SC", "Heiti SC", "Hiragino Sans GB", "Sarasa Gothic SC", "AR PL UMing CN",
)


class NoCJKFontError(RuntimeError):
    """No font with Chinese glyphs is available to matplotlib."""


@functools.lru_cache(maxsize=1)
def cjk_font() -> str:
    """The family name of a CJK font matplotlib can use, registering the packaged one if
    the system has none.

    Returns
    -------
    str
        The first of :data:`CJK_FAMILIES` installed, else the family of the packaged Noto
        Sans CJK (registered with matplotlib's font manager); looked up once per process.

    Raises
    ------
    NoCJKFontError
        When no CJK font is available (:func:`cjk_font`).
    """
    from matplotlib import font_manager

    available = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in available:
            return family
    try:
        import cvttf_NotoSansCJK_Regular as packaged
    except ImportError as exc:
        raise NoCJKFontError(
            "no CJK font found for matplotlib: install one on the system (e.g. Noto Sans CJK) or "
            'pip install "policytext[plot]", which brings Noto Sans CJK'
        ) from exc
    path = packaged.get_TTF_path()
    font_manager.fontManager.addfont(path)
    return str(font_manager.FontProperties(fname=path).get_name())


def _figure(size: tuple[float, float]) -> tuple[Figure, Any]:
    import matplotlib
    from matplotlib.figure import Figure  # no pyplot: works headless, leaves the backend alone

    matplotlib.rcParams["font.family"] = [cjk_font(), "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    figure = Figure(figsize=size, layout="constrained")
    ax = figure.add_subplot()
    ax.ticklabel_format(axis="x", useOffset=False, style="plain")  # years as 2019, not +2.0e3
    return figure, ax


def trends(table: pd.DataFrame, *, by: str = "year", value: str = "per_10k", title: str | None = None) -> Figure:
    """Lines of ``value`` over ``by``, one per term (the output of ``pt.compare.trends``).

    Parameters
    ----------
    table : pandas.DataFrame
        A ``term`` column, ``by`` and ``value`` (:func:`policytext.compare.trends`).
    by : str
        The x axis.
    value : str
        The y axis (``per_10k``, ``count`` …).
    title : str, optional
        Default 词语趋势.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NoCJKFontError
        When no CJK font is available (:func:`cjk_font`).
    """
    figure, ax = _figure((8, 4.5))
    for term, group in table.groupby("term", sort=False):
        ax.plot(group[by], group[value], marker="o", markersize=3, label=str(term))
    ax.set_xlabel(by)
    ax.set_ylabel("每万词出现次数" if value == "per_10k" else value)
    ax.legend(frameon=False)
    ax.set_title(title or "词语趋势")
    return figure


def theme_shares(
    table: pd.DataFrame, *, by: str = "year", columns: Sequence[str] | None = None, labels: dict[str, str] | None = None,
    title: str | None = None,
) -> Figure:
    """Mean theme rates (or topic shares) per ``by``: one line per theme column.

    Parameters
    ----------
    table : pandas.DataFrame
        One row per document: ``by`` and the theme or topic columns
        (:func:`policytext.themes`, or ``TopicModel.documents``).
    by : str
        The x axis; the rows are averaged per value.
    columns : sequence of str, optional
        The columns drawn (default: those that are bundled theme keys or keys of ``labels``).
    labels : dict of str to str, optional
        Legend labels by column, over the bundled themes' Chinese labels
        (``TopicModel.labels()`` for topics).
    title : str, optional
        Default 主题随时间变化.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NoCJKFontError
        When no CJK font is available (:func:`cjk_font`).
    """
    from policytext.topics import bundled_themes

    names = {k: v["label"] for k, v in bundled_themes().items()} | (labels or {})
    columns = list(columns or [c for c in table.columns if c in names])
    means = table.groupby(by)[columns].mean()
    figure, ax = _figure((9, 5))
    for column in columns:
        ax.plot(means.index, means[column], label=names.get(column, column))
    ax.set_xlabel(by)
    ax.legend(frameon=False, fontsize="small", ncols=2)
    ax.set_title(title or "主题随时间变化")
    return figure


def keyness(table: pd.DataFrame, *, top: int = 20, title: str | None = None) -> Figure:
    """Horizontal bars of the ``top`` keyness scores (the output of ``pt.compare.keyness``).

    Parameters
    ----------
    table : pandas.DataFrame
        ``term`` and ``score`` columns, most distinctive first (:func:`policytext.compare.keyness`).
    top : int
        The first rows drawn.
    title : str, optional
        Default 关键性词语.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NoCJKFontError
        When no CJK font is available (:func:`cjk_font`).
    """
    head = table.head(top).iloc[::-1]
    figure, ax = _figure((6, 0.3 * len(head) + 1.2))
    ax.barh(head["term"], head["score"], color="#b03a2e")
    ax.set_xlabel(str(table["measure"].iloc[0]) if "measure" in table and len(table) else "score")
    ax.set_title(title or "关键性词语")
    return figure


def similarity(table: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Heat map of a square similarity table (the output of ``pt.compare.similarity``).

    Parameters
    ----------
    table : pandas.DataFrame
        Groups × groups (:func:`policytext.compare.similarity`); at most about 15 tick
        labels are drawn per axis.
    title : str, optional
        Default 文件相似度.

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NoCJKFontError
        When no CJK font is available (:func:`cjk_font`).
    """
    figure, ax = _figure((7, 6))
    image = ax.imshow(table.to_numpy(), cmap="viridis")
    step = max(1, len(table) // 15)
    ticks = list(range(0, len(table), step))
    ax.set_xticks(ticks, [str(table.columns[i]) for i in ticks], rotation=90)
    ax.set_yticks(ticks, [str(table.index[i]) for i in ticks])
    figure.colorbar(image, ax=ax, label="余弦相似度")
    ax.set_title(title or "文件相似度")
    return figure
