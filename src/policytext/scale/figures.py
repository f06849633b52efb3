"""Plots of scaling results with matplotlib (no pyplot), Chinese labels in a CJK font:
positions with their confidence intervals, over time or ranked (:func:`plot_positions`),
and Wordfish's word parameters, the "Eiffel tower" of β against ψ (:func:`plot_words`).
Each returns the matplotlib Figure."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["plot_positions", "plot_words"]

_NAMES = {"theta": "位置 θ", "raw": "原始得分", "lbg": "得分（LBG 重标）", "mv": "得分（Martin–Vanberg 重标）"}


def _figure(size: tuple[float, float]) -> tuple[Figure, Any]:
    import matplotlib
    from matplotlib.figure import Figure

    from policytext.plot import cjk_font

    # as policytext.plot sets them: Chinese labels in a CJK font, ASCII minus signs
    matplotlib.rcParams["font.family"] = [cjk_font(), "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    figure = Figure(figsize=size, layout="constrained")
    return figure, figure.add_subplot()


def _bounds(table: pd.DataFrame, value: str) -> tuple[str, str]:
    lower, upper = ("lower", "upper") if value in ("theta", "raw") else (f"{value}_lower", f"{value}_upper")
    missing = [c for c in (value, lower, upper) if c not in table.columns]
    if missing:
        raise KeyError(f"the table has no column {', '.join(missing)} (columns: {', '.join(map(str, table.columns))})")
    return lower, upper


def _ranked(ax: Any, table: pd.DataFrame, value: str, bounds: tuple[str, str], label: str) -> None:
    """Documents top to bottom by position, each with its interval (quanteda's textplot_scale1d)."""
    ordered = table.sort_values(value, kind="stable")
    centre = ordered[value].to_numpy(dtype=float)
    spread = [centre - ordered[bounds[0]].to_numpy(dtype=float), ordered[bounds[1]].to_numpy(dtype=float) - centre]
    rows = range(len(ordered))
    ax.errorbar(centre, rows, xerr=spread, fmt="o", color="#1f4e79", ecolor="#7f9fbf", markersize=4, capsize=2)
    ax.set_yticks(list(rows), [str(v) for v in ordered[label]])
    ax.set_xlabel(_NAMES.get(value, value))
    ax.axvline(0.0 if value == "theta" else float(centre.mean()), color="#bbbbbb", linewidth=0.8, zorder=0)


def _over(ax: Any, table: pd.DataFrame, value: str, bounds: tuple[str, str], x: str, color: str | None) -> None:
    """Positions against ``x`` (a year), one series per value of ``color`` (a speaker)."""
    series = table.groupby(color, sort=False, dropna=False) if color else [(None, table)]
    for name, part in series:
        part = part.sort_values(x, kind="stable")
        centre = part[value].to_numpy(dtype=float)
        spread = [centre - part[bounds[0]].to_numpy(dtype=float), part[bounds[1]].to_numpy(dtype=float) - centre]
        # a line only where each x has one point (groups), not through documents of a year
        style = "o-" if part[x].is_unique else "o"
        ax.errorbar(part[x], centre, yerr=spread, fmt=style, markersize=4, capsize=2, linewidth=1,
                    label=None if name is None else str(name))
    ax.set_xlabel(x)
    ax.set_ylabel(_NAMES.get(value, value))
    if color:
        ax.legend(frameon=False, fontsize="small")
    if _numeric(table[x]):
        ax.ticklabel_format(axis="x", useOffset=False, style="plain")  # years as 2019, not +2.0e3


def _numeric(column: pd.Series) -> bool:
    import pandas as pd

    return bool(pd.api.types.is_numeric_dtype(column))


def plot_positions(
    table: pd.DataFrame, *, x: str | None = None, value: str | None = None, label: str | None = None,
    color: str | None = None, title: str | None = None,
) -> Figure:
    """Positions with their confidence intervals, from the ``documents`` table of
    :func:`~policytext.scale.wordfish` or :func:`~policytext.scale.wordscores`.

    Parameters
    ----------
    table : DataFrame
        One row per document or group, with ``value`` and its interval (``lower`` and
        ``upper``, or ``lbg_lower`` … for a rescaled score).
    x : str, optional
        A column to plot the positions against (``"year"``): positions over time. Without
        it, the documents are ranked by position, one per line, labelled by ``label``.
    value : str, optional
        ``"theta"`` (Wordfish, the default when present), ``"raw"`` (the default otherwise),
        ``"lbg"`` or ``"mv"``.
    label : str, optional
        The column naming each row (default: the table's first column).
    color : str, optional
        With ``x``: one coloured series per value of this column (``"speaker"``).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    value = value or ("theta" if "theta" in table.columns else "raw")
    bounds = _bounds(table, value)
    if x is None:
        # a line per document, up to a height a page can still show
        figure, ax = _figure((7, min(30.0, max(2.5, 0.28 * len(table) + 1.2))))
        _ranked(ax, table, value, bounds, label or str(table.columns[0]))
    else:
        figure, ax = _figure((8, 4.5))
        _over(ax, table, value, bounds, x, color)
    ax.set_title(title or "文本位置")
    return figure


def _chosen(table: pd.DataFrame, labels: int) -> list[int]:
    """The rows worth a label: the most frequent words (the top of the tower) and those
    with the most extreme weights (its feet), half each."""
    picked = list(table["psi"].sort_values(ascending=False, kind="stable").index[: labels // 2])
    for row in table["beta"].abs().sort_values(ascending=False, kind="stable").index:
        if len(picked) >= labels:
            break
        if row not in picked:
            picked.append(row)
    return picked


def plot_words(
    table: pd.DataFrame, *, labels: int = 30, highlight: Iterable[Any] = (), title: str | None = None,
) -> Figure:
    """Wordfish's words: weight β (x) against fixed effect ψ (y), the "Eiffel tower"
    (frequent words sit high and near β = 0, rare discriminating words low at the sides).

    Parameters
    ----------
    table : DataFrame
        The ``words`` table of :func:`~policytext.scale.wordfish` (``word``, ``beta``, ``psi``).
    labels : int
        How many words to write out: half the most frequent, half the most extreme β; the
        other words are grey points.
    highlight : iterable
        Words always written out, in red.
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    table = table.reset_index(drop=True)
    figure, ax = _figure((8, 6))
    ax.scatter(table["beta"], table["psi"], s=6, color="#c8c8c8", linewidths=0, zorder=1)
    wanted = set(highlight)
    for row in _chosen(table, max(0, int(labels))):
        if table.at[row, "word"] in wanted:
            continue  # written in red below; twice would blur it
        ax.annotate(str(table.at[row, "word"]), (table.at[row, "beta"], table.at[row, "psi"]), fontsize=8,
                    color="#333333", ha="center", va="center", zorder=2)
    for row in table.index[table["word"].isin(wanted)]:
        ax.annotate(str(table.at[row, "word"]), (table.at[row, "beta"], table.at[row, "psi"]), fontsize=9,
                    color="#b03a2e", ha="center", va="center", zorder=3)
    ax.set_xlabel("权重 β")
    ax.set_ylabel("固定效应 ψ")
    ax.set_title(title or "词语的权重与固定效应")
    return figure
