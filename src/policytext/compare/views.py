"""Views of a diff: a self-contained HTML page with both texts side by side
(:func:`diff_html`), and the per-pair summary a report shows (:func:`diff_summary`)."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus, Document

__all__ = ["DIFF_SUMMARY_COLUMNS", "FONT_STACK", "diff_html", "diff_summary"]

#: CJK fonts a reader's machine is likely to have, Simplified first, then any sans-serif
FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "PingFang SC", "Hiragino Sans GB", '
              '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK TC", sans-serif')

#: the columns of :func:`diff_summary` after the pair's (group columns, ``{by}_a``, ``{by}_b``,
#: ``doc_id_a``, ``doc_id_b``)
DIFF_SUMMARY_COLUMNS = (
    "chars_a", "chars_b", "unchanged", "moved", "reworded", "new", "dropped",
    "top_added", "top_dropped", "reworded_formulations", "target_changes",
)

# what each op is called in the middle column, and what its tooltip says
_OP_LABELS = {
    "same": ("", "the same sentence"),
    "changed": ("≠", "reworded in place"),
    "moved": ("⇅", "moved (and possibly reworded)"),
    "split": ("⟨", "one sentence split into several"),
    "merged": ("⟩", "several sentences merged into one"),
    "removed": ("−", "only in the first text"),
    "added": ("+", "only in the second text"),
}

# no script, no fetched resource: the page is its own world (the Content-Security-Policy
# forbids both even if a text smuggled markup past the escaping)
_CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:"
_CSS = """
body { font-family: %(font)s; margin: 1.5em; color: #1d1d1f; line-height: 1.7; }
h1 { font-size: 1.3em; margin: 0 0 .3em; }
p.counts { margin: 0 0 1em; color: #555; }
p.counts span { margin-right: 1.2em; }
table.diff { border-collapse: collapse; width: 100%%; table-layout: fixed; }
table.diff th { position: sticky; top: 0; background: #f5f5f7; text-align: left; padding: .4em .6em; border-bottom: 2px solid #ccc; }
table.diff td { vertical-align: top; padding: .25em .6em; border-bottom: 1px solid #eee; word-break: break-all; }
col.pane { width: 48%%; } col.op { width: 4%%; }
td.op { text-align: center; color: #666; font-weight: bold; }
tr.op-changed td.pane { background: #fff8e1; }
tr.op-moved td.pane { background: #e8f0fe; }
tr.op-split td.pane, tr.op-merged td.pane { background: #f3e8fd; }
tr.op-removed td.a { background: #fdecea; }
tr.op-added td.b { background: #e6f4ea; }
td.none { background: #fafafa; }
tr.para td { border-top: 1px solid #bbb; }
del { background: #f6b8b0; text-decoration: line-through; }
ins { background: #a8dab5; text-decoration: none; }
tr.skip td { text-align: center; color: #888; background: #f5f5f7; font-style: italic; }
"""


def _marked(text: Any, start: Any, spans: Sequence[dict[str, Any]], tag: str) -> str:
    """A sentence, escaped, with its inserted or deleted runs in ``<ins>``/``<del>``."""
    if not isinstance(text, str):
        return ""
    offset = int(start)
    out, at = [], 0
    for span in sorted(spans, key=lambda s: int(s["start"])):
        lo, hi = int(span["start"]) - offset, int(span["end"]) - offset
        lo, hi = max(lo, at), min(hi, len(text))
        if hi <= lo:
            continue
        out.append(html.escape(text[at:lo]))
        out.append(f"<{tag}>{html.escape(text[lo:hi])}</{tag}>")
        at = hi
    out.append(html.escape(text[at:]))
    return "".join(out)


def _starts_paragraph(original: str, start: Any) -> bool:
    """Whether the sentence at ``start`` is the first of its line."""
    if not isinstance(original, str) or start is None or (isinstance(start, float) and math.isnan(start)):
        return False
    before = original[: int(start)].rstrip(" \t\u3000")
    return not before or before.endswith("\n")


def _row_html(row: dict[str, Any], text_b: str) -> str:
    op = str(row["op"])
    label, tip = _OP_LABELS.get(op, ("?", op))
    present_a, present_b = isinstance(row["text_a"], str), isinstance(row["text_b"], str)
    classes = [f"op-{op}"] + (["para"] if present_b and _starts_paragraph(text_b, row["start_b"]) else [])
    similarity = row["similarity"]
    if isinstance(similarity, float) and not math.isnan(similarity) and op != "same":
        tip += f", similarity {similarity:.2f}"
    if op == "moved":
        tip += f", from character {int(row['start_a'])} of the first text"
    cell_a = _marked(row["text_a"], row["start_a"] if present_a else 0, row["deleted"] if present_a else [], "del")
    cell_b = _marked(row["text_b"], row["start_b"] if present_b else 0, row["inserted"] if present_b else [], "ins")
    return (f'<tr class="{" ".join(classes)}">'
            f'<td class="pane a{"" if present_a else " none"}">{cell_a}</td>'
            f'<td class="op" title="{html.escape(tip)}">{label}</td>'
            f'<td class="pane b{"" if present_b else " none"}">{cell_b}</td></tr>')


def _rows_html(records: list[dict[str, Any]], text_b: str, context: int | None) -> list[str]:
    """Every row, or with ``context`` the changes and ``context`` unchanged rows around each;
    a longer unchanged run shows as one row saying how many sentences it holds."""
    if context is None:
        return [_row_html(r, text_b) for r in records]
    changed = [k for k, r in enumerate(records) if r["op"] != "same"]
    shown = {k for c in changed for k in range(c - context, c + context + 1)}
    out, hidden = [], 0
    for k, record in enumerate(records):
        if k in shown:
            if hidden:
                out.append(f'<tr class="skip"><td colspan="3">… {hidden} unchanged sentence(s) …</td></tr>')
                hidden = 0
            out.append(_row_html(record, text_b))
        else:
            hidden += 1
    if hidden:
        out.append(f'<tr class="skip"><td colspan="3">… {hidden} unchanged sentence(s) …</td></tr>')
    return out


def _text_and_label(x: str | Document, fallback: str) -> tuple[str, str]:
    if isinstance(x, str):
        return x, fallback
    text = getattr(x, "text", None)
    if not isinstance(text, str):
        raise TypeError(f"expected a str or a corpus Document, not {type(x).__name__}")
    return text, str(getattr(x, "doc_id", fallback))


def diff_html(
    a: str | Document,
    b: str | Document,
    *,
    table: pd.DataFrame | None = None,
    labels: tuple[str, str] | None = None,
    title: str | None = None,
    context: int | None = None,
    font_family: str = FONT_STACK,
    font_face: str = "",
    **options: Any,
) -> str:
    """A self-contained HTML page with both texts side by side and their changes marked.

    Parameters
    ----------
    a, b : str or Document
        The two texts (``corpus["doc_id"]`` gives a Document).
    table : pandas.DataFrame
        Their :func:`~policytext.compare.diff.diff` (the two-document form) when the caller
        has it; else computed with ``options``.
    labels : (str, str)
        The pane headings (default: the doc_ids, or ``a`` and ``b``).
    title : str
        The page title.
    context : int
        Show only changed sentences with this many unchanged ones around each; None (the
        default) shows every sentence.
    font_family : str
        The CSS font stack (default :data:`FONT_STACK`).
    font_face : str
        CSS ``@font-face`` rules put before the page's own (an embedded CJK font as a
        ``data:`` URL); the caller's own CSS, not text from a document.
    **options
        Passed to :func:`~policytext.compare.diff.diff`.

    Returns
    -------
    str
        The page: one table, the first text's sentences in the left pane, the second's in
        the right, a row per aligned step in the second text's order. Deleted words are in
        ``<del>``, inserted ones in ``<ins>``; each row's class says its op
        (``op-changed`` …). Every text from the documents is escaped; the page has no
        script and its Content-Security-Policy fetches nothing.

    Raises
    ------
    ValueError
        When ``font_face`` or ``font_family`` could close the style element.
    """
    from policytext.compare.diff import diff

    for css in (font_face, font_family):
        if "<" in css:
            raise ValueError("font_face/font_family: CSS only (no '<')")
    text_a, label_a = _text_and_label(a, "a")
    text_b, label_b = _text_and_label(b, "b")
    labels = labels or (label_a, label_b)
    table = diff(text_a, text_b, **options) if table is None else table
    records = [{str(k): v for k, v in row.items()} for row in table.to_dict("records")]
    counts = table["op"].value_counts()
    summary = "".join(f'<span class="count-{op}">{op}: {int(counts.get(op, 0))}</span>' for op in _OP_LABELS)
    page_title = html.escape(title if title is not None else f"{labels[0]} → {labels[1]}")
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>{page_title}</title>",
        f"<style>{font_face}{_CSS % {'font': font_family}}</style>",
        "</head><body>",
        f"<h1>{page_title}</h1>",
        f'<p class="counts">{summary}</p>',
        '<table class="diff"><colgroup><col class="pane"><col class="op"><col class="pane"></colgroup>',
        f'<thead><tr><th class="a">{html.escape(labels[0])}</th><th></th><th class="b">{html.escape(labels[1])}</th></tr></thead>',
        "<tbody>",
        *_rows_html(records, text_b, context),
        "</tbody></table>",
        "</body></html>",
    ])


# -- the summary a report shows -----------------------------------------------------------


def _shares(rows: pd.DataFrame) -> dict[str, Any]:
    """Characters of the second text's sentences that are unchanged, moved, reworded and
    new, as shares of them all; and the share of the first text's that was dropped."""
    length_b = (rows["end_b"] - rows["start_b"]).fillna(0).astype(int)
    length_a = (rows["end_a"] - rows["start_a"]).fillna(0).astype(int)
    total_b, total_a = int(length_b.sum()), int(length_a.sum())
    kinds = {"unchanged": ("same",), "moved": ("moved",), "reworded": ("changed", "split", "merged"), "new": ("added",)}
    shares = {name: round(int(length_b[rows["op"].isin(ops)].sum()) / total_b, 4) if total_b else 0.0
              for name, ops in kinds.items()}
    dropped = int(length_a[rows["op"] == "removed"].sum())
    return {"chars_a": total_a, "chars_b": total_b, **shares, "dropped": round(dropped / total_a, 4) if total_a else 0.0}


def _formulation_lists(rows: pd.DataFrame, top: int) -> dict[str, list[str]]:
    added = rows[rows["change"] == "added"].sort_values("count_b", ascending=False, kind="stable")
    dropped = rows[rows["change"] == "dropped"].sort_values("count_a", ascending=False, kind="stable")
    reworded = rows[rows["change"] == "reworded"]
    return {
        "top_added": added["term_b"].head(top).tolist(),
        "top_dropped": dropped["term_a"].head(top).tolist(),
        "reworded_formulations": [f"{x} → {y}" for x, y in zip(reworded["term_a"], reworded["term_b"])],
    }


def _target_list(rows: pd.DataFrame) -> list[str]:
    def written(value: Any) -> str:
        return value if isinstance(value, str) else "—"

    return [f"{t}: {written(x)} → {written(y)}" for t, x, y in zip(rows["target"], rows["written_a"], rows["written_b"])]


def diff_summary(
    corpus: Corpus,
    *,
    by: str = "year",
    group: str | Sequence[str] | None = None,
    top: int = 5,
    diffs: pd.DataFrame | None = None,
    formulations: pd.DataFrame | None = None,
    targets: pd.DataFrame | None = None,
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """Per consecutive pair of documents (years): how much text stayed, moved, was reworded
    or is new, the formulations that came and went, and the targets that changed.

    Parameters
    ----------
    corpus : Corpus
    by, group : str
        As in :func:`~policytext.compare.diff.diff`.
    top : int
        How many added and dropped formulations to list (the most frequent first).
    diffs, formulations, targets : pandas.DataFrame
        The corpus's :func:`~policytext.compare.diff.diff`,
        :func:`~policytext.compare.diff.formulation_changes` and
        :func:`~policytext.compare.diff.target_changes` (same ``by`` and ``group``) when the
        caller has them; else computed.
    convert : "auto", False or an OpenCC config name
        How texts are read when something is computed.

    Returns
    -------
    pandas.DataFrame
        One row per pair: the pair's columns, then :data:`DIFF_SUMMARY_COLUMNS`: characters
        in the sentences of each text; ``unchanged``, ``moved``, ``reworded`` (changed,
        split or merged) and ``new`` as shares of the second text's (they add up to 1);
        ``dropped`` as a share of the first text's; ``top_added``/``top_dropped``
        formulations as written; ``reworded_formulations`` (``"稳中求进 → 稳中有进"``) and
        ``target_changes`` (``"gdp_growth: 6.5%左右 → 6%－6.5%"``, ``—`` where a text states
        none), lists of str.
    """
    from policytext.compare.diff import consecutive_pairs, diff, formulation_changes, target_changes
    from policytext.frames import records_frame

    columns = [] if group is None else [group] if isinstance(group, str) else list(group)
    diffs = diff(corpus, by=by, group=columns, convert=convert) if diffs is None else diffs
    formulations = formulation_changes(corpus, by=by, group=columns, convert=convert) if formulations is None else formulations
    targets = target_changes(corpus, by=by, group=columns, convert=convert) if targets is None else targets
    pair_columns = [*columns, f"{by}_a", f"{by}_b", "doc_id_a", "doc_id_b"]
    records = []
    for pair in consecutive_pairs(corpus, by=by, group=columns):
        values, value_a, value_b, doc_a, doc_b = pair
        key = (diffs["doc_id_a"] == doc_a) & (diffs["doc_id_b"] == doc_b)
        f_rows = formulations[(formulations["doc_id_a"] == doc_a) & (formulations["doc_id_b"] == doc_b)]
        t_rows = targets[(targets["doc_id_a"] == doc_a) & (targets["doc_id_b"] == doc_b)]
        records.append({
            **dict(zip(columns, values)), f"{by}_a": value_a, f"{by}_b": value_b, "doc_id_a": doc_a, "doc_id_b": doc_b,
            **_shares(diffs[key]), **_formulation_lists(f_rows, top), "target_changes": _target_list(t_rows),
        })
    return records_frame(records, [*pair_columns, *DIFF_SUMMARY_COLUMNS])
