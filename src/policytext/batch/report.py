"""The ``report.html`` of a batch run: a dashboard an analyst reads, in one file.

Built from the tables the run wrote (so every figure shown is a figure of a table): an
overview, the headline targets by year as the documents write them, themes over time,
terms that came and went, keyness, similarity, every document's keywords behind a
selector, keywords in context, topics, year-over-year changes, and the errors.

The page works offline and without scripts: charts are inline SVG, the document selector
is radio inputs and CSS, long tables show their first rows and keep the rest in
``<details>``. It carries the glyphs it draws (:mod:`policytext.batch.fonts`: a subset of
Noto Sans CJK, SIL Open Font License), so it renders without any CJK font installed.
Every string that comes from a document or a docvar is escaped; nothing is fetched; the
same tables give the same bytes (no timing figures).
"""

from __future__ import annotations

import html
import json
import math
import numbers
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.batch.report_tables import INDICATOR_COLUMNS, MAX_ROWS, RunTables

__all__ = ["bar_chart", "heatmap", "line_chart", "number", "render", "table", "write_report"]

if TYPE_CHECKING:
    import pandas as pd

    from policytext.batch.fonts import EmbeddedFont

#: rows of a long table shown before the rest, which waits in a <details> below it
VISIBLE_ROWS = 12
#: documents whose keywords the selector offers at most (the keywords table has them all)
MAX_KEYWORD_DOCUMENTS = 2000
#: text cells longer than this wrap (shorter ones, ids and names, stay on one line)
WRAP_AT = 40
#: terms with keyword-in-context lines, lines per term, characters either side
KWIC_TERMS, KWIC_LINES, KWIC_WINDOW = 8, 6, 18
#: bars in the keyness chart (the table below it has every row)
KEYNESS_BARS = 20
#: columns holding statistics (scores, rates, shares of a model): shown to 4 significant
#: digits, never fewer than their integer digits; every other number is shown exactly
STAT_COLUMNS = frozenset({
    "score", "delta", "weight", "per_10k", "persistence", "growth", "traditional_share", "mean", "share",
})
#: Chinese names of the target keys of :data:`policytext.compare.TARGET_PATTERNS`
TARGET_LABELS = {
    "gdp_growth": "生产总值增长", "cpi": "居民消费价格", "new_urban_jobs": "城镇新增就业",
    "surveyed_unemployment": "城镇调查失业率", "registered_unemployment": "城镇登记失业率",
    "energy_intensity": "单位生产总值能耗", "grain_output": "粮食产量", "deficit_ratio": "赤字率",
    "fiscal_deficit": "财政赤字", "special_bonds": "地方政府专项债券", "m2_growth": "广义货币增长",
    "trade_growth": "外贸增长", "fixed_investment_growth": "固定资产投资增长",
    "retail_sales_growth": "社会消费品零售总额增长", "poverty_reduction": "贫困人口减少",
}

#: the short names of the sections in the page's navigation bar
NAVIGATION = {
    "overview": "概览 Overview", "targets": "目标 Targets", "themes": "主题 Themes", "periods": "新词 Emerging",
    "keyness": "关键性 Keyness", "similarity": "相似度 Similarity", "keywords": "关键词 Keywords", "kwic": "语境 KWIC",
    "topics": "主题模型 Topics", "changes": "变化 Changes", "formulations": "提法 Formulations",
    "indicators": "数值 Quantities", "documents": "文件 Documents", "spun": "洗稿 Spun", "errors": "错误 Errors",
}
_FALLBACK_FAMILIES = '"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif'
_STYLE = """
body{font-family:FAMILIES;margin:1.5em 2em;color:#222;max-width:1400px}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}h3{font-size:1em;margin:1.2em 0 .3em}
nav a{margin-right:.8em;font-size:.85em}.notice{background:#fff3cd;border:1px solid #e0c36c;padding:.5em .8em}
table{border-collapse:collapse;font-size:.85em;margin:.4em 0}td,th{border:1px solid #ddd;padding:.15em .45em;text-align:left;vertical-align:top}
th{background:#f3f3f3;white-space:nowrap}td{white-space:nowrap}td.w{white-space:normal;min-width:18em;max-width:40em}td.n{text-align:right}.note{color:#666;font-size:.85em}
.wide{overflow-x:auto;max-width:100%}details>summary{cursor:pointer;color:#36c;font-size:.85em}
.facts{display:flex;flex-wrap:wrap;gap:.4em 1.4em;padding:0;list-style:none}.facts b{font-size:1.25em}
.v{display:block;white-space:nowrap}.v small,.doc{color:#777;font-size:.8em}
.pivot tbody th{position:sticky;left:0}.changes td{min-width:6em}.kwic .l{text-align:right}.kwic b{color:#b03a2e}
svg.chart{display:block;margin:.4em 0;overflow:visible}svg text{font-size:11px}.bars path{fill:#b03a2e}.axis{stroke:#888}
.picker{position:relative}.picker>input{position:absolute;opacity:0;pointer-events:none}.picker>.panel{display:none}
.picker>input:checked+.panel{display:block}
.picks{max-height:9em;overflow:auto;border:1px solid #ddd;padding:.3em;margin:.3em 0}
.picks label{display:inline-block;margin:.1em .2em;padding:0 .35em;border:1px solid #ccc;border-radius:3px;cursor:pointer;font-size:.8em}
.picks label:hover{background:#eef}
"""
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79")


# --------------------------------------------------------------------------- text, numbers


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NA (lists and strings are never missing)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def number(value: Any, *, exact: bool = True) -> str:
    """A number as the page writes it: never in exponent form, never rounded to fewer
    digits than its integer part.

    Parameters
    ----------
    value : int or float
    exact : bool
        True: every digit of the shortest form that reads back as the same float (a value
        read from a text: 1012.7, 31250, 0.35). False: a statistic, to 4 significant digits
        (3 after the integer digits for numbers of 1 and more).

    Returns
    -------
    str

    Examples
    --------
    >>> number(1012.7), number(31250.0), number(3.125e-05), number(2.6e16)
    ('1012.7', '31250', '0.00003125', '26000000000000000')
    >>> number(0.0889461, exact=False), number(1012.66666, exact=False), number(3.0081553, exact=False)
    ('0.08895', '1012.667', '3.008')
    """
    import numpy as np

    if _missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return str(int(value))
    value = float(value)
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value.is_integer():
        return str(int(value))
    if exact:
        return str(np.format_float_positional(value, trim="-"))
    whole = len(str(int(abs(value)))) if abs(value) >= 1 else 0
    return str(np.format_float_positional(value, precision=whole + 3 if whole else 4, fractional=False, trim="-"))


def _e(value: Any, *, exact: bool = True) -> str:
    """A value as escaped HTML text (numbers through :func:`number`)."""
    if _missing(value):
        return ""
    if isinstance(value, numbers.Number):
        return number(value, exact=exact)
    return html.escape(str(value), quote=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool) and not _missing(value)


def _listing(value: Any, separator: str = "、") -> str:
    """A list cell (a JSON list as the changes table stores it, or a list) joined by ``separator``."""
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not isinstance(value, str)):
        return separator.join(str(v) for v in list(value))
    return "" if _missing(value) else str(value)


def _short(text: str, size: int = 16) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# --------------------------------------------------------------------------- tables


def _cells(row: Sequence[Any], columns: Sequence[str], stats: Collection[str]) -> str:
    cells = []
    for column, value in zip(columns, row):
        if _is_number(value):
            cells.append(f'<td class="n">{_e(value, exact=column not in stats)}</td>')
        else:
            text = "" if _missing(value) else value if isinstance(value, str) else _listing(value)  # lists: starts, changes
            # short cells (ids, names, units) stay on one line; sentences and reasons wrap
            cells.append(f'<td class="w">{_e(text)}</td>' if len(text) > WRAP_AT else f"<td>{_e(text)}</td>")
    return "".join(cells)


def _rows_table(frame: pd.DataFrame, columns: Sequence[str], head: str, stats: Collection[str], caption: str = "") -> str:
    body = "".join(f"<tr>{_cells(row, columns, stats)}</tr>" for row in frame[list(columns)].itertuples(index=False))
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def table(frame: pd.DataFrame, *, columns: Sequence[str] | None = None, visible: int = VISIBLE_ROWS,
          limit: int = MAX_ROWS, caption: str = "", stats: Collection[str] = STAT_COLUMNS, source: str = "",
          total: int | None = None) -> str:
    """An HTML table (escaped): the first ``visible`` rows, the rest up to ``limit`` in a
    ``<details>`` below, and a note naming ``source`` when rows are left out.

    Parameters
    ----------
    frame : pandas.DataFrame
    columns : sequence of str, optional
        The columns to show, in order (those absent are skipped); all by default.
    visible, limit : int
        Rows shown at once; rows on the page at most.
    caption : str
    stats : collection of str
        Columns of statistics (:func:`number` with ``exact=False``).
    source : str
        The table's name in the run folder, for the note when rows are left out.
    total : int, optional
        The rows of the whole table, when ``frame`` holds only its first ones.

    Returns
    -------
    str
    """
    total = len(frame) if total is None else total
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    shown = frame.head(limit)
    page = _rows_table(shown.head(visible), columns, head, stats, caption)
    if len(shown) > visible:
        rest = _rows_table(shown.iloc[visible:], columns, head, stats)
        page += f"<details><summary>all {len(shown)} rows</summary>{rest}</details>"
    if total > limit:
        page += (f'<p class="note">the first {limit} of {total} rows; all of them are in '
                 f"{_e(source or 'the run folder')}.csv and .parquet</p>")
    return f'<div class="wide">{page}</div>'


def _collapsed(items: Sequence[str], visible: int, label: str) -> str:
    """Pieces of HTML: the first ``visible`` shown, the others in a <details>."""
    if len(items) <= visible:
        return "".join(items)
    return "".join(items[:visible]) + f"<details><summary>{_e(label)}</summary>{''.join(items[visible:])}</details>"


# --------------------------------------------------------------------------- charts


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values from ``low`` to ``high`` (about ``count`` of them)."""
    if high <= low:
        return [low]
    raw = (high - low) / count
    step = 10 ** math.floor(math.log10(raw))
    step *= next(m for m in (1, 2, 2.5, 5, 10) if raw <= step * m)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]


def _svg_open(width: int, height: int, title: str, css: str = "chart") -> str:
    return (f'<svg class="{css}" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{_e(title)}</title>')


@dataclass
class _Frame:
    """Plot area of a chart in pixels and the data ranges it maps."""

    left: float
    right: float
    top: float
    bottom: float
    x0: float
    x1: float
    y1: float

    def x(self, value: float) -> float:
        return self.left + (value - self.x0) / ((self.x1 - self.x0) or 1) * (self.right - self.left)

    def y(self, value: float) -> float:
        return self.bottom - value / (self.y1 or 1) * (self.bottom - self.top)


def _axes(frame: _Frame, x_label: str, y_label: str, x_ticks: Sequence[float]) -> list[str]:
    """Axis lines, ticks and their labels, and the axis titles."""
    parts = [f'<path class="axis" d="M{frame.left} {frame.top}V{frame.bottom}H{frame.right}" fill="none"/>']
    for value in x_ticks:
        x = frame.x(value)
        parts.append(f'<path class="axis" d="M{x:.1f} {frame.bottom}v4"/><text x="{x:.1f}" y="{frame.bottom + 15}" '
                     f'text-anchor="middle">{_e(value, exact=False)}</text>')
    for value in _ticks(0, frame.y1, 4):
        y = frame.y(value)
        parts.append(f'<path class="axis" d="M{frame.left - 4} {y:.1f}h4"/><text x="{frame.left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{_e(value, exact=False)}</text>')
    middle = (frame.top + frame.bottom) / 2
    parts.append(f'<text x="{(frame.left + frame.right) / 2:.0f}" y="{frame.bottom + 32}" text-anchor="middle">{_e(x_label)}</text>')
    parts.append(f'<text transform="translate(14 {middle:.0f}) rotate(-90)" text-anchor="middle">{_e(y_label)}</text>')
    return parts


def line_chart(series: dict[str, list[tuple[float, float]]], *, title: str, x_label: str = "", y_label: str = "",
               width: int = 820, height: int = 340) -> str:
    """An inline SVG line chart with labelled axes and a legend.

    Parameters
    ----------
    series : dict
        name → (x, y) points.
    title, x_label, y_label : str
    width, height : int

    Returns
    -------
    str
        ``""`` when there is no point.
    """
    points = [p for values in series.values() for p in values]
    if not points:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    y_ticks = _ticks(0, max(ys) or 1.0, 4)
    frame = _Frame(64, width - 190, 28, height - 44, min(xs), max(xs), max(y_ticks[-1], max(ys)) or 1.0)
    distinct = sorted(set(xs))
    x_ticks = distinct if len(distinct) <= 12 else _ticks(min(xs), max(xs), 8)
    parts = [_svg_open(width, height, title), f'<text x="{frame.left}" y="16" font-size="13">{_e(title)}</text>',
             *_axes(frame, x_label, y_label, x_ticks)]
    for i, (name, values) in enumerate(series.items()):
        colour = _COLOURS[i % len(_COLOURS)]
        path = " ".join(f"{frame.x(x):.1f},{frame.y(y):.1f}" for x, y in sorted(values))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.6" points="{path}"/>')
        parts.append(f'<rect x="{frame.right + 14}" y="{frame.top + 16 * i}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{frame.right + 28}" y="{frame.top + 9 + 16 * i}">{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str, notes: Sequence[str] | None = None,
              width: int = 560, label_width: int = 150) -> str:
    """A compact inline SVG horizontal bar chart (one path for all bars, so a page can hold
    one per document).

    Parameters
    ----------
    labels : sequence of str
    values : sequence of float
        Bar lengths (shown as statistics unless ``notes`` says otherwise).
    title : str
    notes : sequence of str, optional
        The text written after each bar's label (default: its value).
    width, label_width : int

    Returns
    -------
    str
        ``""`` when there is no bar.
    """
    if not len(labels):
        return ""
    notes = list(notes) if notes is not None else [number(v, exact=False) for v in values]
    height = 26 + 16 * len(labels)
    top = max(max(values), 1e-12)
    note_width = 10 + 7 * max(len(n) for n in notes)
    span = width - label_width - note_width
    bars = "".join(f"M0 {20 + 16 * i}h{max(1.0, v / top * span):.1f}v12H0z" for i, v in enumerate(values))
    names = "".join(f'<text y="{30 + 16 * i}">{_e(label)}</text>' for i, label in enumerate(labels))
    texts = "".join(f'<text y="{30 + 16 * i}">{_e(note)}</text>' for i, note in enumerate(notes))
    return (f'{_svg_open(width, height, title)}<text x="2" y="13" font-size="12">{_e(title)}</text>'
            f'<g transform="translate(2 0)">{names}</g><g transform="translate({label_width + 2} 0)">{texts}</g>'
            f'<g class="bars" transform="translate({label_width + note_width} 0)"><path d="{bars}"/></g></svg>')


def _blue(value: float) -> str:
    """White (0) to dark blue (1)."""
    share = min(1.0, max(0.0, value))
    red, green, blue = (round(255 - share * (255 - c)) for c in (8, 69, 148))
    return f"#{red:02x}{green:02x}{blue:02x}"


def heatmap(labels: Sequence[str], matrix: Sequence[Sequence[float]], *, title: str) -> str:
    """An inline SVG heatmap of a square similarity matrix.

    The colour runs from white (0) to dark blue at the largest value off the diagonal (the
    diagonal, a text against itself, is 1 and would wash out the rest); each cell's exact
    value is in its tooltip.

    Parameters
    ----------
    labels : sequence of str
        Row and column labels (shortened on the axes, whole in the tooltips).
    matrix : sequence of sequences of float
    title : str

    Returns
    -------
    str
    """
    n = len(labels)
    if not n:
        return ""
    off = [float(v) for i, row in enumerate(matrix) for j, v in enumerate(row) if i != j and not _missing(v)]
    top = max(off, default=1.0) or 1.0
    cell = max(6, min(22, 640 // n))
    font = min(11, cell)
    margin = 8 + 7 * max(len(_short(str(label))) for label in labels)
    size = margin + cell * n + 10
    parts = [_svg_open(size + 90, size + 24, title, "chart heat"), f'<text x="2" y="13" font-size="12">{_e(title)}</text>']
    for i, label in enumerate(labels):
        centre = cell * i + cell / 2 + font / 3
        parts.append(f'<text x="{margin - 4}" y="{margin + 20 + centre:.1f}" text-anchor="end" font-size="{font}">{_e(_short(str(label)))}</text>'
                     f'<text transform="translate({margin + centre:.1f} {margin + 16}) rotate(-90)" font-size="{font}">{_e(_short(str(label)))}</text>')
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            shade = _blue(float(value) / top) if not _missing(value) else "#fff"
            parts.append(f'<rect x="{margin + cell * j}" y="{margin + 20 + cell * i}" width="{cell}" height="{cell}" fill="{shade}">'
                         f"<title>{_e(labels[i])} × {_e(labels[j])}: {_e(value, exact=False)}</title></rect>")
    parts.append(f'<text x="{size - 20}" y="13" font-size="10" text-anchor="end">0</text>'
                 f'<rect x="{size - 16}" y="4" width="12" height="12" fill="{_blue(0)}" stroke="#ccc"/>'
                 f'<rect x="{size - 2}" y="4" width="12" height="12" fill="{_blue(1)}"/>'
                 f'<text x="{size + 14}" y="13" font-size="10">{_e(top, exact=False)}</text></svg>')
    return "".join(parts)


def _stacked_bars(labels: Sequence[str], shares: Mapping[str, Sequence[float]], *, title: str, width: int = 760) -> str:
    """Horizontal bars split into shares that add up to 1 (one bar per label), with a legend."""
    if not labels:
        return ""
    left, span = 150, width - 170
    height = 48 + 18 * len(labels)
    parts = [_svg_open(width, height, title), f'<text x="2" y="13" font-size="12">{_e(title)}</text>']
    for k, name in enumerate(shares):
        parts.append(f'<rect x="{left + 110 * k}" y="20" width="10" height="10" fill="{_COLOURS[k]}"/>'
                     f'<text x="{left + 14 + 110 * k}" y="29">{_e(name)}</text>')
    for i, label in enumerate(labels):
        y, x = 40 + 18 * i, float(left)
        parts.append(f'<text x="2" y="{y + 11}">{_e(label)}</text>')
        for k, (name, values) in enumerate(shares.items()):
            value = float(values[i]) if not _missing(values[i]) else 0.0
            parts.append(f'<rect x="{x:.1f}" y="{y}" width="{value * span:.1f}" height="13" fill="{_COLOURS[k]}">'
                         f"<title>{_e(label)} {_e(name)}: {_e(value)}</title></rect>")
            x += value * span
    parts.append("</svg>")
    return "".join(parts)


def _year_values(frame: pd.DataFrame) -> list[int]:
    if "year" not in frame.columns:
        return []
    return sorted({int(y) for y in frame["year"].dropna()})


# --------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class Section:
    """One section of the page: its anchor, heading and HTML."""

    anchor: str
    heading: str
    body: str


def _fact(label: str, value: Any) -> str:
    return f"<li>{_e(label)}: <b>{_e(value)}</b></li>"


def _per_year(documents: pd.DataFrame) -> str:
    """A strip of the number of documents of each year (and of those without one)."""
    counts = documents["year"].dropna().astype(int).value_counts().sort_index()
    undated = int(documents["year"].isna().sum())
    head = "".join(f"<th>{y}</th>" for y in counts.index) + ("<th>无年份 no year</th>" if undated else "")
    cells = "".join(f'<td class="n">{v}</td>' for v in counts) + (f'<td class="n">{undated}</td>' if undated else "")
    return f'<h3>每年文件 Documents per year</h3><div class="wide"><table><tr>{head}</tr><tr>{cells}</tr></table></div>'


def _overview(run: RunTables) -> Section:
    """How many documents, years, groups, quantities; what failed or was skipped, and why."""
    documents, errors = run.table("documents"), run.table("errors")
    levels = errors["level"].value_counts().to_dict() if len(errors) else {}
    years = _year_values(documents)
    facts = [_fact("输入 inputs", run.summary.get("documents", len(documents))), _fact("分析 analysed", len(documents)),
             _fact("失败 failed", int(levels.get("error", 0))), _fact("跳过 skipped", int(levels.get("skipped", 0))),
             _fact("警告 warnings", int(levels.get("warning", 0))), _fact("字符 characters", run.summary.get("characters", "")),
             _fact("数值指标 quantities", run.quantities().total),
             _fact("年份 years", f"{years[0]}–{years[-1]} ({len(years)})" if years else "none")]
    groups = run.group_columns()
    if groups and len(documents):
        facts.append(_fact(f"分组 groups ({', '.join(groups)})", len(documents.drop_duplicates(groups))))
    for key in ("scripts", "encodings"):
        column = key[:-1]
        if column in documents.columns:
            counts = documents[column].value_counts().sort_index()
            facts.append(_fact(key, ", ".join(f"{k} {v}" for k, v in counts.items())))
    body = f'<ul class="facts">{"".join(facts)}</ul>' + (_per_year(documents) if years else "")
    incomplete = run.summary.get("incomplete") or []
    if incomplete:
        body += f'<p class="notice">{len(incomplete)} output file(s) could not be written: see the errors below</p>'
    failed = errors[errors["level"].isin(["error", "skipped"])] if len(errors) else errors
    if len(failed):
        body += "<h3>失败与跳过 Failed and skipped inputs</h3>" + table(failed, columns=["path", "doc_id", "level", "reason"], source="errors")
    return Section("overview", "概览 Overview", body)


def _target_order(keys: Iterable[str]) -> list[str]:
    """Target keys in the order of the target patterns (the headline ones first), then others."""
    from policytext.compare import TARGET_PATTERNS

    known = list(TARGET_PATTERNS)
    return sorted(set(keys), key=lambda k: (known.index(k) if k in known else len(known), k))


def _surfaces(run: RunTables, frame: pd.DataFrame) -> list[str]:
    """The text at ``start:end`` of each row's document: the value as the source writes it."""
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for i, (doc_id, start, end) in enumerate(zip(frame["doc_id"], frame["start"], frame["end"])):
        if not (_missing(doc_id) or _missing(start) or _missing(end)):
            spans.setdefault(str(doc_id), []).append((i, int(start), int(end)))
    found = [""] * len(frame)

    def visit(doc_id: str, text: str) -> None:
        for i, start, end in spans[doc_id]:
            found[i] = text[start:end]

    run.scan_texts(spans.keys(), visit)
    return found


def _value_cell(rows: pd.DataFrame, label_documents: bool) -> str:
    """The values of one pivot cell, each as written, its sentence on hover."""
    values = []
    for row in rows.itertuples(index=False):
        doc = f" <small>{_e(row.doc_id)}</small>" if label_documents else ""
        values.append(f'<span class="v" title="{_e(row.sentence)}">{_e(row.surface)}{doc}</span>')
    return "".join(values)


def _pivot(targets: pd.DataFrame, groups: list[str], years: list[int]) -> str:
    """Rows: (group…, target); columns: the years with a target; cells: the values as written."""
    head = "".join(f"<th>{_e(g)}</th>" for g in groups) + "<th>目标 target</th>" + "".join(f"<th>{y}</th>" for y in years)
    dated = targets[targets["year"].notna()].copy()
    dated["year"] = dated["year"].astype(int)
    cells = {key: rows for key, rows in dated.groupby([*groups, "target", "year"], sort=False, dropna=False)}
    keys = dated[groups].drop_duplicates().sort_values(groups).itertuples(index=False) if groups else [()]
    body = []
    for group in keys:
        for target in _target_order(dated["target"]):
            row = [cells.get((*group, target, year)) for year in years]
            if all(r is None for r in row):
                continue
            label = f"<th>{_e(target)} <small>{_e(TARGET_LABELS.get(target, ''))}</small></th>"
            tds = "".join("<td></td>" if r is None else f"<td>{_value_cell(r, len(r) > 1)}</td>" for r in row)
            body.append(f"<tr>{''.join(f'<td>{_e(v)}</td>' for v in group)}{label}{tds}</tr>")
    return f'<div class="wide"><table class="pivot"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _targets_section(run: RunTables) -> Section | None:
    """The headline targets by year, as the documents write them."""
    targets = run.table("targets")
    if not len(targets.columns):
        return None
    if not len(targets):
        return Section("targets", "目标 Targets by year", "<p>no target stated</p>")
    targets = targets.assign(surface=_surfaces(run, targets))
    groups = run.group_columns()
    years = _year_values(targets)
    rows = "one row per group and target" if groups else "one row per target; a year with several documents lists each"
    body = (f'<p class="note">{_e(rows)}; values as the documents write them (hover for the sentence); '
            f"{len(targets)} rows in targets.csv</p>")
    if years:
        body += _pivot(targets, groups, years)
    undated = targets[targets["year"].isna()]
    if len(undated):
        body += "<h3>无年份 Documents without a year</h3>" + table(
            undated.rename(columns={"surface": "as written"}), columns=["doc_id", *groups, "target", "as written", "sentence"])
    return Section("targets", "目标 Targets by year", body)


def _themes_section(run: RunTables) -> Section | None:
    """Theme rates over the years (mean over a year's documents), and the table behind it."""
    from policytext.topics import bundled_themes

    themes = run.table("themes")
    labels = {k: v["label"] for k, v in bundled_themes().items()}
    keys = [k for k in labels if k in themes.columns]
    if not keys or not len(themes):
        return None
    body = ""
    if _year_values(themes):
        means = themes[themes["year"].notna()].groupby("year")[keys].mean()
        series = {labels[k]: [(float(y), float(v)) for y, v in means[k].items()] for k in keys}
        body += line_chart(series, title="主题随时间变化 Themes over time (mean of the year's documents)",
                           x_label="年份 year", y_label="每万词 per 10,000 tokens")
        body += table(means.reset_index().rename(columns=labels), stats=set(labels.values()), caption="mean per 10,000 tokens")
    columns = ["doc_id", "year", *keys]
    body += "<h3>每篇文件 By document</h3>" + table(themes, columns=columns, stats=set(keys), source="themes")
    return Section("themes", "主题 Themes", body)


def _term_list(frame: pd.DataFrame) -> str:
    return "、".join(f"{_e(t)} <small>×{_e(c)}</small>" for t, c in zip(frame["term"], frame["count"]))


def _periods_section(run: RunTables) -> Section | None:
    """Per year: the terms that emerged and those that vanished, with their counts."""
    emerging, vanishing = run.table("emerging"), run.table("vanishing")
    if not len(emerging) and not len(vanishing):
        return None
    years = sorted(set(_year_values(emerging)) | set(_year_values(vanishing)))
    rows = []
    for year in years:
        came = emerging[emerging["year"] == year].sort_values("rank") if len(emerging) else emerging
        went = vanishing[vanishing["year"] == year].sort_values("rank") if len(vanishing) else vanishing
        rows.append(f'<tr><th>{year}</th><td>{_term_list(came) if len(came) else ""}</td><td>{_term_list(went) if len(went) else ""}</td></tr>')
    head = "<tr><th>年份 year</th><th>新出现 emerging</th><th>消失 vanishing</th></tr>"
    first = "".join(rows[:VISIBLE_ROWS])
    body = f"<table><thead>{head}</thead><tbody>{first}</tbody></table>"
    if len(rows) > VISIBLE_ROWS:
        body += f"<details><summary>all {len(rows)} years</summary><table><thead>{head}</thead><tbody>{''.join(rows[VISIBLE_ROWS:])}</tbody></table></details>"
    note = '<p class="note">every term of emerging.csv and vanishing.csv, by rank: term ×count that year</p>'
    return Section("periods", "新词与消失的词 Emerging and vanishing terms", note + body)


def _keyness_section(run: RunTables) -> Section | None:
    """The last period's keyness against the ones before."""
    keyness = run.table("keyness")
    if not len(keyness):
        return None
    target = str(keyness["target"].iloc[0])
    reference = [r.strip() for r in str(keyness["reference"].iloc[0]).split(",") if r.strip()]
    span = f"{reference[0]}–{reference[-1]}, {len(reference)} periods" if len(reference) > 1 else ", ".join(reference)
    top = keyness.sort_values("rank").head(KEYNESS_BARS)
    chart = bar_chart(list(top["term"]), [float(s) for s in top["score"]],
                      notes=[f"{number(s, exact=False)} ({c}:{r})" for s, c, r in zip(top["score"], top["count_target"], top["count_reference"])],
                      title=f"{target} vs {span}: {keyness['measure'].iloc[0]} score (count in {target} : before)", label_width=120)
    columns = ["rank", "term", "count_target", "count_reference", "score", "delta"]
    return Section("keyness", f"关键性 Keyness: {target} against the periods before", chart + table(keyness, columns=columns, source="keyness"))


def _similarity_section(run: RunTables) -> Section | None:
    """A heatmap of document similarity (small runs) or of year similarity."""
    for name, key, what in (("document_similarity", "doc_id", "documents"), ("similarity", "year", "years")):
        frame = run.table(name)
        if len(frame) and key in frame.columns:
            labels = [str(v) for v in frame[key]]
            matrix = frame[[c for c in frame.columns if c != key]].to_numpy(dtype=float)
            chart = heatmap(labels, matrix.tolist(), title=f"余弦相似度 cosine similarity of the {what}")
            return Section("similarity", f"相似度 Similarity of the {what}", chart + f'<p class="note">hover a cell for its value; {name}.csv</p>')
    return None


def _keyword_panel(doc_id: str, rows: list[tuple[str, float, int]], year: Any) -> str:
    """One document's keyword chart: (term, score, count) rows in rank order."""
    notes = [f"{number(score, exact=False)} ×{number(count)}" for _, score, count in rows]
    title = f"{doc_id} ({number(year)})" if not _missing(year) else doc_id
    chart = bar_chart([term for term, _, _ in rows], [float(score) for _, score, _ in rows], notes=notes, title=title)
    return f'<div class="panel">{chart or "<p>no keyword</p>"}</div>'


def _keywords_by_document(keywords: pd.DataFrame, documents: pd.DataFrame) -> dict[str, list[tuple[str, float, int]]]:
    """doc_id → its keywords (term, score, count) in rank order, the documents in the
    documents table's order (those it lacks after them)."""
    ordered = keywords.sort_values(["rank"], kind="stable")
    by_doc: dict[str, list[tuple[str, float, int]]] = {}
    for doc_id, term, score, count in zip(ordered["doc_id"], ordered["term"], ordered["score"], ordered["count"]):
        by_doc.setdefault(str(doc_id), []).append((str(term), float(score), int(count)))
    order = [str(d) for d in documents["doc_id"] if str(d) in by_doc] if len(documents) else []
    listed = set(order)
    return {d: by_doc[d] for d in [*order, *(d for d in by_doc if d not in listed)]}


def _keywords_section(run: RunTables) -> Section | None:
    """Every document's keywords: pick a document (radio inputs and CSS, no script)."""
    keywords, documents = run.table("keywords"), run.table("documents")
    if not len(keywords.columns):
        return None
    years = dict(zip(documents["doc_id"], documents["year"])) if "year" in documents.columns else {}
    by_doc = _keywords_by_document(keywords, documents)
    shown = list(by_doc)[:MAX_KEYWORD_DOCUMENTS]
    if not shown:
        return Section("keywords", "关键词 Keywords", "<p>none</p>")
    labels = "".join(f'<label for="kw{i}">{_e(d) if _missing(years.get(d)) else f"{number(years[d])} · {_e(d)}"}</label>'
                     for i, d in enumerate(shown))
    # each radio right before its panel: one CSS rule (input:checked + .panel) shows the picked one
    panels = "".join(f'<input type="radio" name="kw" id="kw{i}"{" checked" if i == 0 else ""}>{_keyword_panel(d, by_doc[d], years.get(d))}'
                     for i, d in enumerate(shown))
    note = (f'<p class="note">{len(keywords)} keywords of {len(by_doc)} documents (keywords.csv); each bar is a keyword\'s '
            "score, written after the term with its count (score ×count). Pick a document:</p>")
    if len(by_doc) > len(shown):
        note += f'<p class="note">the first {len(shown)} documents here; all are in keywords.csv</p>'
    return Section("keywords", "关键词 Keywords by document", f'{note}<div class="picker"><div class="picks">{labels}</div>{panels}</div>')


def _top_terms(keywords: pd.DataFrame) -> list[str]:
    """The terms that are keywords of the most documents (then the highest total score)."""
    key = "normalized" if "normalized" in keywords.columns else "term"
    stats = keywords.groupby(key).agg(documents=("doc_id", "nunique"), score=("score", "sum"))
    stats = stats.reset_index().sort_values(["documents", "score", key], ascending=[False, False, True])
    return [str(t) for t in stats[key].head(KWIC_TERMS)]


def _kwic_lines(run: RunTables, keywords: pd.DataFrame, terms: list[str]) -> dict[str, list[tuple[str, str, str, str]]]:
    """Up to KWIC_LINES lines per term (one per document, the documents where it scores
    highest first): (doc_id, left, match, right), the term as that document writes it."""
    key = "normalized" if "normalized" in keywords.columns else "term"
    rows = keywords[keywords[key].isin(terms)].sort_values(["score", "doc_id"], ascending=[False, True])
    wanted: dict[str, list[tuple[str, str]]] = {}
    for term in terms:
        for doc_id, surface in rows[rows[key] == term][["doc_id", "term"]].head(KWIC_LINES).itertuples(index=False):
            wanted.setdefault(str(doc_id), []).append((term, str(surface)))
    lines: dict[str, dict[str, tuple[str, str, str, str]]] = {t: {} for t in terms}

    def visit(doc_id: str, text: str) -> None:
        for term, surface in wanted[doc_id]:
            at = text.find(surface)
            if at >= 0:
                end = at + len(surface)
                lines[term][doc_id] = (doc_id, text[max(0, at - KWIC_WINDOW) : at], surface, text[end : end + KWIC_WINDOW])

    run.scan_texts(wanted.keys(), visit)
    return {t: [lines[t][d] for d, _ in rows[rows[key] == t][["doc_id", "term"]].head(KWIC_LINES).itertuples(index=False)
                if d in lines[t]] for t in terms}


def _kwic_section(run: RunTables) -> Section | None:
    """Keywords in context for the terms that are keywords of the most documents."""
    keywords = run.table("keywords")
    if not len(keywords):
        return None
    terms = _top_terms(keywords)
    found = _kwic_lines(run, keywords, terms)
    parts = []
    for term in terms:
        rows = "".join(f'<tr><td class="doc">{_e(d)}</td><td class="l">{_e(left)}</td><td><b>{_e(match)}</b>{_e(right)}</td></tr>'
                       for d, left, match, right in found[term])
        if rows:
            parts.append(f'<h3>{_e(term)}</h3><div class="wide"><table class="kwic"><tbody>{rows}</tbody></table></div>')
    note = f'<p class="note">the {len(terms)} terms that are keywords of the most documents; up to {KWIC_LINES} lines each, {KWIC_WINDOW} characters either side, the first occurrence in each document</p>'
    return Section("kwic", "关键词语境 Keywords in context", note + "".join(parts))


def _topics_section(run: RunTables) -> Section | None:
    """The topic model (--topics): each topic's top terms and its share over the years."""
    terms, docs = run.table("topic_terms"), run.table("topic_documents")
    if not len(terms):
        return None
    rows = []
    for topic, group in terms.groupby("topic", sort=True):
        top = group.sort_values("rank")
        listed = "、".join(f"{_e(t)} <small>{number(w, exact=False)}</small>" for t, w in zip(top["term"], top["weight"]))
        rows.append(f"<tr><th>{_e(topic)}</th><td>{listed}</td></tr>")
    body = f"<table><thead><tr><th>topic</th><th>top terms (weight)</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    topics = sorted({str(t) for t in terms["topic"]} & set(docs.columns))
    if topics and _year_values(docs):
        means = docs[docs["year"].notna()].groupby("year")[topics].mean()
        series = {t: [(float(y), float(v)) for y, v in means[t].items()] for t in topics}
        body += line_chart(series, title="主题模型 Topic shares over time (mean of the year's documents)", x_label="年份 year", y_label="share")
    if topics:
        body += "<h3>每篇文件 By document</h3>" + table(docs, columns=["doc_id", "year", *topics], stats=set(topics), source="topic_documents")
    return Section("topics", "主题模型 Topics", body)


def _change_items(value: Any, labels: Mapping[str, str] | None = None) -> str:
    """A list cell of the changes table as lines (``<span class="v">``); target changes
    (``"gdp_growth: 6.5%左右 → 6%左右"``) with the target's Chinese name after its key."""
    if isinstance(value, str) and value.startswith("["):
        try:
            value = json.loads(value)
        except ValueError:
            value = [value]
    items = [] if _missing(value) else [value] if isinstance(value, str) else [str(v) for v in list(value)]
    lines = []
    for item in items:
        key, colon, rest = item.partition(": ")
        name = (labels or {}).get(key, "") if colon else ""
        lines.append(f'<span class="v">{_e(key)} <small>{_e(name)}</small>: {_e(rest)}</span>' if name
                     else f'<span class="v">{_e(item)}</span>')
    return "".join(lines)


def _change_lists(changes: pd.DataFrame, labels: Sequence[str]) -> str:
    """Per pair of years: the formulations added, dropped and reworded, and the targets that
    changed, one row per pair."""
    lists = [c for c in ("target_changes", "top_added", "top_dropped", "reworded_formulations") if c in changes.columns]
    if not lists:
        return ""
    names = {"top_added": "新提法 formulations added", "top_dropped": "不再提 formulations dropped",
             "reworded_formulations": "改写 formulations reworded", "target_changes": "目标变化 target changes"}
    head = "<th>年份 years</th>" + "".join(f"<th>{_e(names[c])}</th>" for c in lists)
    rows = []
    for i, label in enumerate(labels):
        cells = [_change_items(changes[c].iloc[i], TARGET_LABELS if c == "target_changes" else None) for c in lists]
        pair = f'{_e(label)}<br><small class="doc">{_e(changes["doc_id_a"].iloc[i])} → {_e(changes["doc_id_b"].iloc[i])}</small>'
        rows.append(f"<tr><th>{pair}</th>{''.join(f'<td>{c}</td>' for c in cells)}</tr>")
    return (f'<h3>提法与目标变化 What changed</h3><div class="wide"><table class="changes"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _changes_section(run: RunTables) -> Section | None:
    """Year-over-year change of consecutive documents: how much text stayed, the formulations
    and targets that came, went or changed, and the shares table."""
    changes = run.table("changes")
    if not len(changes):
        return None
    names = [str(c) for c in changes.columns]
    groups = names[: names.index("year_a")] if "year_a" in names else []  # the --by columns come first
    labels = [" ".join([*(str(changes[g].iloc[i]) for g in groups), f"{changes['year_a'].iloc[i]}→{changes['year_b'].iloc[i]}"])
              for i in range(len(changes))]
    shares = {k: list(changes[k]) for k in ("unchanged", "moved", "reworded", "new") if k in changes.columns}
    chart = _stacked_bars(labels, shares, title="每对相邻年份 share of the later text (hover for the value)")
    columns = [*groups, "year_a", "year_b", "doc_id_a", "doc_id_b", "chars_a", "chars_b", "unchanged", "moved", "reworded",
               "new", "dropped"]
    note = (f'<p class="note">{len(changes)} pairs of consecutive years (changes.csv); shares of the later text, '
            "dropped as a share of the earlier one</p>")
    body = chart + _change_lists(changes, labels) + "<h3>文本变化 How much text changed</h3>" + note
    return Section("changes", "逐年变化 Year-over-year changes", body + table(changes, columns=columns, source="changes"))


def _formulations_section(run: RunTables) -> Section:
    """Formulations (提法) over the archive: documents and occurrences of each."""
    formulations = run.table("formulations")
    if not len(formulations):
        return Section("formulations", "提法 Formulations", "<p>none</p>")
    key = "normalized" if "normalized" in formulations.columns else "term"
    totals = formulations.groupby(key, sort=False).agg(term=("term", "first"), pattern=("pattern", "first"),
                                                       documents=("doc_id", "nunique"), count=("count", "sum"))
    totals = totals.reset_index().sort_values(["documents", "count", key], ascending=[False, False, True])
    body = table(totals, columns=["term", key, "pattern", "documents", "count"], caption="over the archive")
    body += "<h3>每篇文件 By document</h3>" + table(formulations, columns=["doc_id", "term", "pattern", "count"], source="formulations")
    return Section("formulations", "提法 Formulations", body)


def _indicators_section(run: RunTables) -> Section:
    """The quantities (ordinals are not indicators): counts by kind, then the rows."""
    quantities = run.quantities()
    if not quantities.total:
        return Section("indicators", "数值指标 Quantities", "<p>none</p>")
    counts = "".join(_fact(k, v) for k, v in sorted(quantities.by_kind.items()))
    body = f'<ul class="facts">{_fact("quantities", quantities.total)}{counts}</ul>'
    body += table(quantities.head, columns=list(INDICATOR_COLUMNS), source="indicators", total=quantities.total)
    return Section("indicators", "数值指标 Quantities", body)


def _documents_section(run: RunTables) -> Section:
    documents = run.table("documents")
    counts = run.quantities().by_document
    frame = documents.assign(quantities=[int(counts.get(str(d), 0)) for d in documents["doc_id"]]) if len(documents) else documents
    columns = ["doc_id", "year", *run.group_columns(), "speaker", "encoding", "script", "n_chars", "n_words", "quantities"]
    return Section("documents", "文件 Documents", table(frame, columns=list(dict.fromkeys(columns)), source="documents"))


def _spun_section(spun: list[dict[str, Any]]) -> Section:
    from policytext.batch.tally import SPUN_COLUMNS
    from policytext.frames import records_frame

    frame = records_frame(spun, [c for c in SPUN_COLUMNS if any(c in r for r in spun)])
    return Section("spun", "洗稿 Spun texts (synonym spinning)", table(frame) if len(frame) else "<p>no document judged spun</p>")


def _errors_section(run: RunTables) -> Section:
    errors = run.table("errors")
    return Section("errors", "错误 Errors", table(errors, source="errors") if len(errors) else "<p>none</p>")


# --------------------------------------------------------------------------- the page


def _style(font: EmbeddedFont | None) -> str:
    families = f'"{font.family}",{_FALLBACK_FAMILIES}' if font is not None else _FALLBACK_FAMILIES
    return (font.css() if font is not None else "") + _STYLE.replace("FAMILIES", families)


def _body_parts(title: str, sections: Sequence[Section | tuple[str, str]], notice: str) -> list[str]:
    """The body in pieces, each whole elements (a page of a large archive is never copied
    whole to find its characters or to be written)."""
    items = [s if isinstance(s, Section) else Section(f"s{i}", s[0], s[1]) for i, s in enumerate(sections)]
    items = [s for s in items if s.body]
    nav = "".join(f'<a href="#{s.anchor}">{_e(NAVIGATION.get(s.anchor, s.heading))}</a>' for s in items)
    notice = f'<p class="notice">{_e(notice)}</p>' if notice else ""
    parts = [f"<h1>{_e(title)}</h1>{notice}<nav>{nav}</nav>"]
    for s in items:
        parts += [f'<section id="{s.anchor}"><h2>{_e(s.heading)}</h2>', s.body, "</section>"]
    return parts


def render(title: str, sections: Sequence[Section | tuple[str, str]], summary: dict[str, Any] | None = None) -> str:
    """The whole page: the sections (or (heading, html) pairs), with the CJK glyphs it draws
    embedded (or a notice at the top when the font package is missing).

    Parameters
    ----------
    title : str
    sections : sequence of Section or (heading, html)
    summary : dict, optional
        Facts listed under the title (scalars only).

    Returns
    -------
    str
    """
    return "".join(page_parts(title, sections, summary))


def page_parts(title: str, sections: Sequence[Section | tuple[str, str]], summary: dict[str, Any] | None = None) -> list[str]:
    """:func:`render`'s page in pieces, in order (written one after another, never joined)."""
    from policytext.batch.fonts import FONT_PACKAGE, embed_font, font_source, page_characters

    facts = "".join(_fact(k, v) for k, v in (summary or {}).items() if not isinstance(v, (dict, list, tuple)))
    head_sections: list[Section | tuple[str, str]] = [Section("facts", "运行 Run", f'<ul class="facts">{facts}</ul>')] if facts else []
    path, reason = font_source()
    notice = "" if path is not None else (
        f"字体 No embedded CJK font: {reason} (pip install {FONT_PACKAGE}); this page uses the system's fonts, "
        "and CJK text shows as boxes where none is installed.")
    body = _body_parts(title, [*head_sections, *sections], notice)
    font = None
    if path is not None:  # each piece is whole elements: its characters are those it draws on the page
        drawn = set().union(*map(page_characters, [f"<p>{html.escape(title)}</p>", *body]))
        font = embed_font("".join(sorted(drawn)))
    head = (f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{_style(font)}</style></head><body>")
    return [head, *body, "</body></html>\n"]


def _sections(run: RunTables, spun: list[dict[str, Any]] | None) -> list[Section]:
    builders: list[Callable[[], Section | None]] = [
        lambda: _overview(run), lambda: _targets_section(run), lambda: _themes_section(run),
        lambda: _periods_section(run), lambda: _keyness_section(run), lambda: _similarity_section(run),
        lambda: _keywords_section(run), lambda: _kwic_section(run), lambda: _topics_section(run),
        lambda: _changes_section(run), lambda: _formulations_section(run), lambda: _indicators_section(run),
        lambda: _documents_section(run),
    ]
    sections = [s for s in (build() for build in builders) if s is not None]
    if spun is not None:
        sections.append(_spun_section(spun))
    sections.append(_errors_section(run))
    return sections


def write_report(folder: Path, title: str, summary: dict[str, Any], *, spun: list[dict[str, Any]] | None = None) -> None:
    """Write ``report.html`` into a run folder from the tables written there.

    Parameters
    ----------
    folder : pathlib.Path
        The run's folder, its tables written.
    title : str
    summary : dict
        The run's summary (its timing and cache figures are left off the page: the same
        tables give the same report).
    spun : list of dict, optional
        The documents judged spun (a run with despin on).
    """
    run = RunTables(Path(folder), {k: v for k, v in summary.items() if k not in ("seconds", "cache", "jobs")})
    sections = _sections(run, spun)
    del run  # the tables it read are on the page now: freed before the font is subset
    with open(Path(folder) / "report.html", "w", encoding="utf-8") as page:
        page.writelines(page_parts(title, sections))
