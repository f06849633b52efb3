"""report.html as a dashboard: the numbers it shows are the tables' numbers (values as the
source writes them, counts as the tables count them), its sections, the script-free
document selector, the embedded font subset (and the page without the font package)."""

from __future__ import annotations

import base64
import html
import html.parser
import io
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

from policytext.batch import live_folder
from policytext.cli import main
from policytext.numeric import is_quantity


@pytest.fixture(scope="module")
def demo_by(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    """The demo analysed by speaker with 3 topics: groups, year-over-year changes, topics,
    document similarity."""
    out = tmp_path_factory.mktemp("by") / "out"
    assert main(["analyze", str(demo_dir), "--out", str(out), "--quiet", "--by", "speaker", "--topics", "3"]) == 0
    return live_folder(out).resolve()


@pytest.fixture(scope="module")
def demo_each(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path) -> Path:
    """The demo with per-document targets (two documents in 2021 and in 2022)."""
    out = tmp_path_factory.mktemp("each") / "out"
    assert main(["analyze", str(demo_dir), "--out", str(out), "--quiet"]) == 0
    return live_folder(out).resolve()


def _page(folder: Path) -> str:
    return (folder / "report.html").read_text("utf-8")


def _section(page: str, anchor: str) -> str:
    start = page.index(f'<section id="{anchor}">')
    return page[start : page.index("</section>", start)]


def _texts(folder: Path) -> dict[str, str]:
    documents = pd.read_parquet(folder / "documents.parquet", columns=["doc_id", "text"])
    return dict(zip(documents["doc_id"], documents["text"]))


class _Cell:
    def __init__(self) -> None:
        self.text = ""  # the cell's own text, without <small> labels
        self.values: list[str] = []  # each value's text (a <span class="v">), without its label


class _Pivot(html.parser.HTMLParser):
    """The target pivot: its header cells and its body rows of cells."""

    def __init__(self) -> None:
        super().__init__()
        self.header: list[str] = []
        self.rows: list[list[_Cell]] = []
        self._where = ""
        self._value: list[str] | None = None
        self._small = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("thead", "tbody"):
            self._where = tag
        elif tag == "tr" and self._where == "tbody":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.header.append("") if self._where == "thead" else self.rows[-1].append(_Cell())
        elif tag == "span" and ("class", "v") in attrs:
            self._value = []
        elif tag == "small":
            self._small = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._value is not None:
            self.rows[-1][-1].values.append("".join(self._value).strip())
            self._value = None
        elif tag == "small":
            self._small = False

    def handle_data(self, data: str) -> None:
        if self._where == "thead":
            self.header[-1] += data
        elif not self._small and self.rows and self.rows[-1]:
            self.rows[-1][-1].text += data
            if self._value is not None:
                self._value.append(data)


class _Attributes(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.names.update(name for name, _ in attrs)


def _handlers(page: str) -> set[str]:
    """Event-handler attributes (onclick …) on any element of the page, and script tags."""
    parser = _Attributes()
    parser.feed(page)
    return {n for n in parser.names if n.startswith("on")} | (parser.tags & {"script", "iframe", "object", "embed"})


def _pivot(page: str) -> _Pivot:
    section = _section(page, "targets")
    parser = _Pivot()
    parser.feed(section[section.index('<table class="pivot">') :].split("</table>")[0] + "</table>")
    return parser


def _pivot_values(page: str, groups: int) -> dict[tuple[str, ...], list[str]]:
    """(group…, target, year) → the values of that cell, from the page."""
    pivot = _pivot(page)
    years = [h.strip() for h in pivot.header[groups + 1 :]]
    cells: dict[tuple[str, ...], list[str]] = {}
    for row in pivot.rows:
        keys = [cell.text.strip() for cell in row[: groups + 1]]
        for year, cell in zip(years, row[groups + 1 :]):
            if cell.values:
                cells[(*keys, year)] = sorted(cell.values)
    return cells


def _table_values(folder: Path, groups: list[str]) -> dict[tuple[str, ...], list[str]]:
    """(group…, target, year) → the surface text of each targets row, from the tables."""
    targets, texts = pd.read_parquet(folder / "targets.parquet"), _texts(folder)
    cells: dict[tuple[str, ...], list[str]] = {}
    for row in targets[targets["year"].notna()].itertuples(index=False):
        key = (*(str(getattr(row, g)) for g in groups), row.target, str(int(row.year)))
        cells.setdefault(key, []).append(texts[row.doc_id][row.start : row.end])
    return {k: sorted(v) for k, v in cells.items()}


def test_the_target_pivot_shows_every_target_as_written_one_column_per_year(demo_by: Path, demo_each: Path) -> None:
    for folder, groups in ((demo_by, ["speaker"]), (demo_each, [])):
        page = _page(folder)
        shown, expected = _pivot_values(page, len(groups)), _table_values(folder, groups)
        assert shown == expected and len(shown) >= 10
        years = sorted({int(y) for y in pd.read_parquet(folder / "targets.parquet")["year"].dropna()})
        assert [h.strip() for h in _pivot(page).header[len(groups) + 1 :]] == [str(y) for y in years]
    # surface text, not the parsed value: 6.5%左右 stays 6.5%左右 (the table's value is 6.5)
    assert "6.5%左右" in {v for values in shown.values() for v in values}
    # the sentence is on hover
    targets = pd.read_parquet(demo_each / "targets.parquet")
    first = targets.iloc[0]
    assert f'title="{html.escape(first["sentence"], quote=True)}"' in _section(_page(demo_each), "targets")


def test_counts_shown_are_the_tables_counts(demo_by: Path) -> None:
    page = _page(demo_by)
    overview = _section(page, "overview")
    indicators = pd.read_parquet(demo_by / "indicators.parquet")
    documents = pd.read_parquet(demo_by / "documents.parquet", columns=["doc_id", "year", "speaker"])
    quantities = int(is_quantity(indicators).sum())
    assert quantities < len(indicators)  # the demo has ordinals (第十六届): they are not indicators
    assert f"数值指标 quantities: <b>{quantities}</b>" in overview
    assert f"分析 analysed: <b>{len(documents)}</b>" in overview
    assert f"分组 groups (speaker): <b>{documents['speaker'].nunique()}</b>" in overview
    per_year = documents["year"].value_counts().sort_index()
    assert "".join(f'<td class="n">{v}</td>' for v in per_year) in overview
    section = _section(page, "indicators")
    assert f"quantities: <b>{quantities}</b>" in section and "<td>ordinal</td>" not in page
    assert section.count("<tr>") - section.count("<thead><tr>") == quantities  # every quantity row, none other
    keywords = pd.read_parquet(demo_by / "keywords.parquet")
    assert f"{len(keywords)} keywords of {keywords['doc_id'].nunique()} documents" in _section(page, "keywords")
    documents_section = _section(page, "documents")
    counts = indicators[is_quantity(indicators)]["doc_id"].value_counts()
    first = documents["doc_id"].iloc[0]
    assert re.search(rf"<td>{re.escape(first)}</td>.*?<td class=\"n\">{counts[first]}</td></tr>", documents_section)


def test_numbers_are_written_exactly_and_never_in_exponent_form(demo_by: Path) -> None:
    from policytext.batch.report import number

    assert [number(v) for v in (1012.7, 31250.0, 3.125e-05, 6.0, 0.35, -2.5)] == ["1012.7", "31250", "0.00003125", "6", "0.35", "-2.5"]
    assert number(1012.66666, exact=False) == "1012.667" and number(31250.4, exact=False) == "31250.4"
    assert number(float("nan")) == "" and number(None) == "" and number(pd.NA) == ""
    page = _page(demo_by)
    body = page[page.index("<body>") :]
    cells = re.findall(r'<td class="n">([^<]*)</td>', body)
    assert cells and all(re.fullmatch(r"-?\d+(\.\d+)?", c) for c in cells)
    # a sample of the indicators: each value as the table holds it, every digit
    indicators = pd.read_parquet(demo_by / "indicators.parquet")
    quantities = indicators[is_quantity(indicators)]
    for row in quantities.sample(20, random_state=1).itertuples(index=False):
        assert f"<td>{html.escape(row.text)}</td><td>{html.escape(str(row.indicator)) if isinstance(row.indicator, str) else ''}</td><td class=\"n\">{number(row.value)}</td>" in body


def test_the_dashboard_has_its_sections(demo_by: Path) -> None:
    page = _page(demo_by)
    for anchor in ("overview", "targets", "themes", "periods", "keyness", "similarity", "keywords", "kwic", "topics",
                   "changes", "formulations", "indicators", "documents", "errors"):
        assert f'<section id="{anchor}">' in page and f'href="#{anchor}"' in page
    assert "<script" not in page.lower() and not _handlers(page)
    themes = _section(page, "themes")
    assert "年份 year" in themes and "每万词 per 10,000 tokens" in themes and "<polyline" in themes
    assert "document_similarity.csv" in _section(page, "similarity")  # a run of ≤ 50 documents: documents, not years
    changes, topics = _section(page, "changes"), _section(page, "topics")
    table = pd.read_parquet(demo_by / "changes.parquet")
    assert len(table) and all(f"{a}→{b}" in changes for a, b in zip(table["year_a"], table["year_b"]))
    assert "[" not in re.sub(r"<[^>]+>", "", changes)  # lists written out, not as JSON
    assert all(t in topics for t in pd.read_parquet(demo_by / "topic_terms.parquet")["term"].head(5))
    kwic = _section(page, "kwic")
    assert kwic.count('<table class="kwic">') >= 3 and "<b>" in kwic
    keyness = pd.read_parquet(demo_by / "keyness.parquet")
    assert f"{keyness['target'].iloc[0]} against the periods before" in page


def test_the_changes_section_lists_formulation_and_target_changes_per_pair(demo_by: Path) -> None:
    from policytext.batch.report import TARGET_LABELS

    changes = _section(_page(demo_by), "changes")
    listing = changes[changes.index('<table class="changes">') :].split("</table>")[0]
    table = pd.read_parquet(demo_by / "changes.parquet")
    rows = listing.split("<tr>")[2:]  # after the header row
    assert len(rows) == len(table)
    seen = 0
    for row, pair in zip(rows, table.itertuples(index=False)):
        assert f"{pair.speaker} {pair.year_a}→{pair.year_b}" in row and html.escape(pair.doc_id_b) in row
        for column in ("top_added", "top_dropped", "reworded_formulations"):
            for item in json.loads(getattr(pair, column)):
                assert f'<span class="v">{html.escape(item)}</span>' in row
                seen += 1
        for item in json.loads(pair.target_changes):  # "gdp_growth: 6.5%左右 → 6%左右", values as written
            key, _, values = item.partition(": ")
            assert f'<span class="v">{key} <small>{TARGET_LABELS[key]}</small>: {html.escape(values)}</span>' in row
            seen += 1
    assert seen >= 10 and "6.5%左右 → 6%左右" in listing


def test_every_documents_keywords_sit_behind_a_selector_without_script(demo_by: Path) -> None:
    page = _page(demo_by)
    section = _section(page, "keywords")
    keywords = pd.read_parquet(demo_by / "keywords.parquet")
    documents = keywords["doc_id"].unique()
    radios = re.findall(r'<input type="radio" name="kw" id="kw(\d+)"( checked)?>', section)
    assert len(radios) == len(documents) and [c for _, c in radios].count(" checked") == 1
    assert section.count("<label for=") == len(documents)
    assert section.count('<div class="panel"><svg') == len(documents)
    # each panel's bars are its own document's keywords
    panels = section.split('<div class="panel">')[1:]
    for doc_id, panel in zip(documents, panels):
        terms = keywords.loc[keywords["doc_id"] == doc_id, "term"]
        assert html.escape(doc_id) in panel and all(f">{html.escape(t)}</text>" in panel for t in terms)


def test_long_tables_are_collapsed_not_dropped() -> None:
    from policytext.batch.report import VISIBLE_ROWS, table

    frame = pd.DataFrame({"doc_id": [f"d{i}" for i in range(40)], "value": [i + 0.5 for i in range(40)]})
    page = table(frame)
    assert all(f"<td>d{i}</td>" in page for i in range(40)) and "<details><summary>all 40 rows</summary>" in page
    assert page.index("<details>") > page.index(f"<td>d{VISIBLE_ROWS - 1}</td>") > 0
    assert page.index(f"<td>d{VISIBLE_ROWS}</td>") > page.index("<details>")
    cut = table(frame, limit=30, source="indicators")
    assert "<td>d29</td>" in cut and "<td>d30</td>" not in cut and "first 30 of 40 rows" in cut and "indicators.csv" in cut


def _embedded_font(page: str) -> bytes:
    match = re.search(r"url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", page)
    assert match, "no embedded font"
    return base64.b64decode(match.group(1))


def test_the_page_carries_a_subset_of_noto_sans_cjk_for_the_characters_it_draws(demo_by: Path) -> None:
    pytest.importorskip("cvttf_NotoSansCJK_Regular")
    from fontTools.ttLib import TTFont

    from policytext.batch.fonts import FONT_FAMILY, page_characters

    page = _page(demo_by)
    data = _embedded_font(page)
    font = TTFont(io.BytesIO(data))
    covered = set(font.getBestCmap())
    drawn = page_characters(page[page.index("<body>") :])
    assert {c for c in drawn if ord(c) not in covered} <= {" "} or all(ord(c) in covered for c in drawn.strip())
    assert all(ord(c) in covered for c in "政府工作报告黨員") and len(covered) < 2 * len(drawn) + 50
    assert len(data) < 400_000  # a subset, not the 16 MB font
    names = {r.nameID: str(r) for r in font["name"].names}
    assert "Open Font License" in names[13] and "Adobe" in names[0]  # the licence travels with the font
    assert f'font-family:"{FONT_FAMILY}"' in page and "SIL Open Font License" in page
    style = page[: page.index("</style>")]
    assert f'body{{font-family:"{FONT_FAMILY}",' in style.replace("\n", "")


def test_without_the_font_package_the_page_says_so_and_uses_system_fonts(demo_by: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from policytext.batch.fonts import FONT_FAMILY, FONT_PACKAGE
    from policytext.batch.report import write_report

    monkeypatch.setitem(sys.modules, "cvttf_NotoSansCJK_Regular", None)  # import fails
    folder = tmp_path / "run"
    folder.mkdir()
    for path in demo_by.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    summary = json.loads((folder / "summary.json").read_text("utf-8"))
    write_report(folder, "policytext: demo", summary)
    page = _page(folder)
    assert "@font-face" not in page and FONT_FAMILY not in page
    notice = page[page.index("<body>") :].split("</p>")[0]
    assert '<p class="notice">' in notice and FONT_PACKAGE in notice
    assert "body{font-family:\"Noto Sans CJK SC\"" in page
    # the rest of the page is the same dashboard
    assert _pivot_values(page, 1) == _table_values(folder, ["speaker"])


def test_document_strings_stay_escaped_in_every_section(tmp_path: Path) -> None:
    archive = tmp_path / "in"
    archive.mkdir()
    hostile = '<b onmouseover="x">"&'
    # each year with a subject of its own, named twice: a term in every document, or a common
    # word used once, is no keyword of any
    for year, growth, subject in ((2022, "5.5", "数字乡村"), (2023, "5", "河长制"), (2024, "1012.7", "冰雪旅游")):
        (archive / f"{year}{hostile[:3]}报告.txt").write_text(
            f"今年主要预期目标是：国内生产总值增长{growth}%左右，{hostile}。推进“六稳”工作，{hostile}加强生态环境保护。"
            f"粮食产量31250万吨以上。加强生态环境保护，推进{year}年改革，推进{subject}，{subject}见效。", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(archive), "--out", str(out), "--quiet"]) == 0
    folder = live_folder(out)
    page = _page(folder)
    # in the pivot's hover (an attribute), in the document ids (text), in keyword-in-context lines
    assert "<b onmouseover" not in page and 'title="今年主要预期目标是：国内生产总值增长5.5%左右，&lt;b onmouseover=&quot;x&quot;&gt;' in page
    assert "2022&lt;b 报告" in _section(page, "keywords")
    assert not _handlers(page) and "<script" not in page
    shown = {v for values in _pivot_values(page, 0).values() for v in values}
    assert {"5.5%左右", "5%左右", "1012.7%左右", "31250万吨以上"} <= shown
