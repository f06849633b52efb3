"""The self-contained ``report.html`` of a batch run: summary, tables and inline SVG charts,
built from the tables the run wrote (so every figure shown is a figure of a table).
Every string that comes from a document or a docvar is escaped; nothing is fetched."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

__all__ = ["bar_chart", "line_chart", "render", "table", "write_report"]

if TYPE_CHECKING:
    import pandas as pd

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
h1{font-size:1.6em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
th{background:#f3f3f3}.num{text-align:right}.chart{margin:.5em 0}.note{color:#666;font-size:.85em}
"""
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79")


def _e(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    return html.escape(str(value), quote=True)


def table(frame: pd.DataFrame, *, columns: Sequence[str] | None = None, limit: int = 200, caption: str = "") -> str:
    """An HTML table of the first ``limit`` rows (escaped), with a note when cut."""
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = []
    for row in frame[columns].head(limit).itertuples(index=False):
        cells = "".join(
            f'<td class="num">{_e(v)}</td>' if isinstance(v, (int, float)) and not isinstance(v, bool) else f"<td>{_e(v)}</td>"
            for v in row
        )
        body.append(f"<tr>{cells}</tr>")
    note = f'<p class="note">first {limit} of {len(frame)} rows; the full table is in the output folder</p>' if len(frame) > limit else ""
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{note}"


def line_chart(series: dict[str, list[tuple[float, float]]], *, title: str, width: int = 760, height: int = 320) -> str:
    """An inline SVG line chart: one line per series of (x, y) points, with a legend."""
    points = [p for values in series.values() for p in values]
    if not points:
        return ""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1 = min(xs), max(xs) if max(xs) > min(xs) else min(xs) + 1
    y1 = max(ys) or 1.0
    left, right, top, bottom = 50, width - 170, 30, height - 30

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (right - left)

    def sy(y: float) -> float:
        return bottom - y / y1 * (bottom - top)

    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{_e(title)}</title>",
             f'<text x="{left}" y="18" font-size="14">{_e(title)}</text>',
             f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#888"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#888"/>',
             f'<text x="{left}" y="{height - 10}" font-size="11">{_e(int(x0))}</text>',
             f'<text x="{right - 30}" y="{height - 10}" font-size="11">{_e(int(x1))}</text>',
             f'<text x="4" y="{top + 4}" font-size="11">{_e(round(y1, 1))}</text>']
    for i, (name, values) in enumerate(series.items()):
        colour = _COLOURS[i % len(_COLOURS)]
        path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in sorted(values))
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.6" points="{path}"/>')
        parts.append(f'<rect x="{right + 10}" y="{top + 16 * i}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{right + 24}" y="{top + 9 + 16 * i}" font-size="11">{_e(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str, width: int = 520) -> str:
    """An inline SVG horizontal bar chart."""
    if not labels:
        return ""
    height = 40 + 18 * len(labels)
    top_value = max(max(values), 1e-9)
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f"<title>{_e(title)}</title>", f'<text x="4" y="18" font-size="14">{_e(title)}</text>']
    for i, (label, value) in enumerate(zip(labels, values)):
        y = 30 + 18 * i
        parts.append(f'<text x="4" y="{y + 11}" font-size="11">{_e(label)}</text>')
        parts.append(f'<rect x="160" y="{y}" width="{max(1.0, value / top_value * (width - 200)):.1f}" height="13" fill="#b03a2e"/>')
    parts.append("</svg>")
    return "".join(parts)


def render(title: str, sections: list[tuple[str, str]], summary: dict[str, Any]) -> str:
    """The whole page: a summary list and (heading, html) sections."""
    facts = "".join(f"<li>{_e(k)}: {_e(v)}</li>" for k, v in summary.items() if not isinstance(v, (dict, list)))
    body = "".join(f"<section><h2>{_e(h)}</h2>{content}</section>" for h, content in sections if content)
    return (f'<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{_STYLE}</style></head><body><h1>{_e(title)}</h1><ul>{facts}</ul>{body}</body></html>\n")


#: rows of each table read for the page (the full tables are in the run folder)
PREVIEW_ROWS = 400


def _head(folder: Path, name: str, rows: int | None = PREVIEW_ROWS) -> pd.DataFrame:
    """The first ``rows`` of a written table (all rows when None; empty when not written)."""
    import pandas as pd
    import pyarrow.parquet as pq

    path = folder / f"{name}.parquet"
    if not path.exists():
        return pd.DataFrame()
    if rows is None:
        return pq.read_table(path).to_pandas()
    batch = next(pq.ParquetFile(path).iter_batches(batch_size=rows), None)
    return batch.to_pandas() if batch is not None else pq.read_schema(path).empty_table().to_pandas()


def _theme_sections(folder: Path) -> list[tuple[str, str]]:
    import pyarrow.parquet as pq

    from policytext.topics import bundled_themes

    labels = {k: v["label"] for k, v in bundled_themes().items()}
    path = folder / "themes.parquet"
    names = pq.read_schema(path).names
    keys = [k for k in labels if k in names]
    themes = pq.read_table(path, columns=[c for c in ("doc_id", "year", *keys) if c in names]).to_pandas()
    sections = []
    if "year" in themes and themes["year"].notna().any():
        means = themes.groupby("year")[keys].mean()
        series = {labels.get(k, k): [(float(str(y)), float(v)) for y, v in means[k].items()] for k in keys}
        sections.append(("主题 Themes per 10,000 tokens", line_chart(series, title="主题随时间变化")))
    sections.append(("主题 Themes by document", table(themes, columns=["doc_id", "year", *keys])))
    return sections


def _keyword_section(folder: Path) -> tuple[str, str]:
    keywords = _head(folder, "keywords")
    if not len(keywords):
        return ("关键词 Keywords", "<p>none</p>")
    first = keywords[keywords["doc_id"] == keywords["doc_id"].iloc[0]]
    chart = bar_chart(list(first["term"]), list(first["score"]), title=f"{first['doc_id'].iloc[0]}")
    return ("关键词 Keywords", chart + table(keywords, columns=["doc_id", "rank", "term", "score", "count"], limit=300))


def write_report(folder: Path, title: str, summary: dict[str, Any], *, spun: list[dict[str, Any]] | None = None) -> None:
    """Write ``report.html`` into a run folder from the tables written there. ``spun``
    lists the documents judged spun (a run with despin on)."""
    from policytext.batch.tally import SPUN_COLUMNS
    from policytext.frames import records_frame

    docs = _head(folder, "documents")
    sections = [("文件 Documents", table(docs, columns=["doc_id", "year", "speaker", "encoding", "script", "n_chars", "n_words"]))]
    if spun is not None:
        frame = records_frame(spun, [c for c in SPUN_COLUMNS if any(c in r for r in spun)])
        sections.append(("洗稿 Spun texts (synonym spinning)", table(frame) if len(frame) else "<p>no document judged spun</p>"))
    sections += _theme_sections(folder)
    targets = _head(folder, "targets", None)
    if len(targets):
        sections.append(("目标 Targets", table(targets, columns=["year", "target", "value", "value_max", "unit", "qualifier", "sentence"])))
    sections.append(_keyword_section(folder))
    emerging = _head(folder, "emerging")
    if len(emerging.columns):
        sections.append(("新词 Emerging terms", table(emerging, columns=["year", "rank", "term", "count", "score"], limit=300)))
    sections.append(("提法 Formulations", table(_head(folder, "formulations"), columns=["doc_id", "term", "pattern", "count"], limit=300)))
    indicators = _head(folder, "indicators")
    sections.append(("数值指标 Indicators", table(indicators, columns=["doc_id", "text", "indicator", "value", "unit", "qualifier", "status", "kind"], limit=300)))
    errors = _head(folder, "errors", None)
    sections.append(("错误 Errors", table(errors) if len(errors) else "<p>none</p>"))
    # the page holds no timing or cache figures: the same input gives the same report
    facts = {k: v for k, v in summary.items() if k not in ("seconds", "cache", "jobs")}
    (folder / "report.html").write_text(render(title, sections, facts), encoding="utf-8")
