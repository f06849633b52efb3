"""report.html in a real browser: headless Chromium (Debian's chromium and chromedriver,
installed by .ci/run) opens the reports of README's main command and of the national work
reports, DOM queries find table rows, drawn charts and the document selector, the browser's
own font APIs say which font drew the text, and screenshots are saved as test artefacts.

The national reports' page is opened with fontconfig pointed at a folder holding one Latin
font only, so no CJK font of the system is visible (CI installs fonts-noto-cjk): every CJK
glyph on the page must then come from the font the page embeds. (A folder with no font at
all is no use: Chromium then fails to load web fonts too.)"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from policytext.batch import live_folder
from policytext.cli import main

REQUIRE = os.environ.get("POLICYTEXT_REQUIRE_BROWSER") == "1"
PROBE = "政府工作报告"


def _missing(message: str) -> None:
    if REQUIRE:
        pytest.fail(message + " (POLICYTEXT_REQUIRE_BROWSER=1)")
    pytest.skip(message)


@contextmanager
def _chromium(env: dict[str, str] | None = None) -> Iterator[Any]:
    """A headless Chromium under chromedriver (``env``: the driver's environment, which the
    browser inherits)."""
    missing = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium")
    if missing:
        _missing(f"needs {', '.join(missing)} (.ci/run installs them)")
    options = Options()
    options.binary_location = shutil.which("chromium") or ""
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "", env=env))
    try:
        yield driver
    finally:
        driver.quit()


def _screenshot(driver: Any, tmp_path: Path, name: str) -> None:
    artefacts = Path(os.environ.get("POLICYTEXT_ARTIFACTS", tmp_path))
    artefacts.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(artefacts / name))


_CHARTS = """return Array.from(document.querySelectorAll('svg')).map(s => {
  const r = s.getBoundingClientRect();
  return [r.width, r.height, s.querySelectorAll('polyline, rect, path').length, s.checkVisibility()]; })"""


def _charts_have_size(driver: Any) -> list[list[Any]]:
    """Every chart that is shown has a size and marks; the hidden ones are only the keyword
    charts of the documents not picked."""
    charts = driver.execute_script(_CHARTS)
    shown = [c for c in charts if c[3]]
    assert shown and all(w > 0 and h > 0 and marks > 0 for w, h, marks, _ in shown)
    hidden = driver.execute_script("return document.querySelectorAll('.picker > input:not(:checked) + .panel svg').length")
    assert len(charts) - len(shown) == hidden
    return charts


def _pick_second_document(driver: Any) -> None:
    """Clicking a document's label switches the keyword chart to that document's."""
    first_title = driver.execute_script("return document.querySelector('#kw0 + .panel svg title').textContent")
    label = driver.find_element("css selector", "label[for=kw1]")
    driver.execute_script("arguments[0].scrollIntoView()", label)
    label.click()
    state = driver.execute_script(
        "const size = e => { const r = e.getBoundingClientRect(); return [r.width, r.height]; };"
        "return [document.getElementById('kw1').checked, size(document.querySelector('#kw1 + .panel svg')),"
        " size(document.querySelector('#kw0 + .panel')), document.querySelector('#kw1 + .panel svg title').textContent];")
    checked, (width, height), (old_width, old_height), title = state
    assert checked and width > 0 and height > 0 and old_width == old_height == 0
    assert title != first_title and title.startswith(label.text.split(" · ")[-1])


def test_report_renders_in_chromium(tmp_path: Path, demo_dir: Path) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(demo_dir), "--out", str(out), "--quiet"]) == 0
    with _chromium() as driver:
        driver.get((live_folder(out) / "report.html").resolve().as_uri())
        tables = driver.execute_script(
            "return Array.from(document.querySelectorAll('table')).map(t => t.querySelectorAll('tbody tr').length)"
        )
        assert len(tables) >= 5 and all(rows > 0 for rows in tables[:4])
        _charts_have_size(driver)
        _pick_second_document(driver)
        assert driver.execute_script("return document.scripts.length") == 0
        _screenshot(driver, tmp_path, "report.png")


def _latin_font() -> Path | None:
    """An installed font with Latin letters and no Han characters (DejaVu Sans when there)."""
    from fontTools.ttLib import TTFont

    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    found = sorted((p for root in roots if root.is_dir() for p in root.rglob("*") if p.suffix.lower() in (".ttf", ".otf")),
                   key=lambda p: (p.name != "DejaVuSans.ttf", str(p)))
    for path in found:
        try:
            cmap = TTFont(path, lazy=True, fontNumber=0).getBestCmap() or {}
        except Exception:  # a font fontTools cannot read is not a candidate
            continue
        if ord("A") in cmap and not any(ord(c) in cmap for c in PROBE + "的一是"):
            return path
    return None


def _no_cjk_fonts(tmp_path: Path) -> dict[str, str]:
    """An environment whose fontconfig sees one Latin font and nothing else."""
    latin = _latin_font()
    if latin is None:
        _missing("needs one installed Latin-only font (fonts-dejavu-core) for Chromium to start its font stack")
    fonts, cache = tmp_path / "fonts", tmp_path / "fontcache"
    fonts.mkdir()
    cache.mkdir()
    shutil.copy(latin, fonts / latin.name)  # type: ignore[arg-type]
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                      f"<fontconfig><dir>{fonts}</dir><cachedir>{cache}</cachedir></fontconfig>\n", encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(config), "FONTCONFIG_PATH": str(tmp_path)}


#: what the font checks look at: CJK and Latin text of every kind the page draws (visible nodes)
_FONT_NODES = ("h1", "h2", "nav a", ".facts li", "#targets .pivot thead th", "#targets .pivot tbody th", "#targets .pivot .v",
               "#themes svg text", "#themes td", "#keyness svg text", "#similarity svg text", ".picks label",
               "#kw0 + .panel svg text", "#kwic b", "#kwic h3", "#formulations td", "#indicators td")


def _fonts_used(driver: Any) -> dict[str, set[tuple[str, bool]]]:
    """selector → the fonts (family, custom?) Chromium drew its nodes' glyphs with
    (DevTools' CSS.getPlatformFontsForNode, up to 40 nodes per selector)."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: dict[str, set[tuple[str, bool]]] = {}
    for selector in _FONT_NODES:
        nodes = driver.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
        assert nodes, selector
        for node in nodes[:40]:
            fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            used.setdefault(selector, set()).update((f["familyName"], f["isCustomFont"]) for f in fonts if f["glyphCount"])
    return used


_WIDTHS = """const span = document.createElement('span');
span.textContent = arguments[0]; span.style.fontSize = '20px'; span.style.whiteSpace = 'nowrap';
document.body.appendChild(span);
const width = family => { span.style.fontFamily = family; return span.getBoundingClientRect().width; };
const result = [width(arguments[1]), width('"no such family", sans-serif')];
span.remove(); return result;"""


def _check_fonts(driver: Any, family: str) -> None:
    """The embedded font is loaded and draws every glyph: no CJK text falls back to another
    font (which, with no CJK font visible, would draw missing-glyph boxes)."""
    faces = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.fonts.ready.then(() => done(Array.from(document.fonts).map(f => [f.family, f.status])));")
    assert faces == [[family, "loaded"]]
    assert driver.execute_script(f"return document.fonts.check('12px \"{family}\"', '{PROBE}')")
    embedded, fallback = driver.execute_script(_WIDTHS, PROBE, f'"{family}"')
    # ideographs are 1 em wide in Noto Sans CJK: six of them at 20px are 120px; the same text
    # in the fallback is not (the test environment has no CJK font: missing-glyph boxes)
    assert embedded == pytest.approx(120, abs=0.5) and abs(fallback - embedded) > 1
    used = _fonts_used(driver)
    assert all(fonts and all(custom for _, custom in fonts) for fonts in used.values()), used


def _check_pivot(driver: Any, folder: Path) -> None:
    """One column per year with a target, each with a value shown."""
    targets = pd.read_parquet(folder / "targets.parquet")
    years = sorted({str(int(y)) for y in targets["year"].dropna()})
    header = driver.execute_script(
        "return Array.from(document.querySelectorAll('#targets .pivot thead th')).map(th => th.textContent)")
    assert header[1:] == years and len(years) >= 20
    filled = driver.execute_script(
        "const rows = Array.from(document.querySelectorAll('#targets .pivot tbody tr'));"
        "return Array.from({length: arguments[0]}, (_, k) => rows.filter(r => r.cells[k + 1].querySelector('.v')).length);",
        len(years))
    assert all(n > 0 for n in filled)
    sentence = driver.execute_script("return document.querySelector('#targets .pivot .v').title")
    assert sentence in set(targets["sentence"])


def _as_written(value: Any) -> str:
    """A number as its source writes it (every digit, no exponent, no trailing ``.0``):
    1012.7, 31250; independent of the report's own formatting."""
    if pd.isna(value):
        return ""
    return format(Decimal(repr(float(value))).normalize(), "f")


def _check_numbers(driver: Any, folder: Path) -> None:
    """A sample of the quantities the page shows (as the browser renders them, collapsed rows
    included) is the indicators table's, row for row, each number with every digit; the
    target pivot's values are the targets table's, as the documents write them."""
    from policytext.numeric import is_quantity

    indicators = pd.read_parquet(folder / "indicators.parquet")
    quantities = indicators[is_quantity(indicators)].reset_index(drop=True)
    rows = driver.execute_script(
        "return Array.from(document.querySelectorAll('#indicators tbody tr'))"
        ".map(r => Array.from(r.cells).map(c => c.textContent));")
    assert len(rows) == min(len(quantities), 5000) and not any(r[-1] == "ordinal" for r in rows)
    sample = quantities.head(len(rows)).sample(60, random_state=2)
    assert (sample["value"] % 1 != 0).any()  # decimals among them (1012.7, not 1013)
    for i, row in sample.iterrows():
        doc_id, text, _, value, value_max, unit = rows[i][:6]  # type: ignore[index]
        assert (doc_id, text) == (row["doc_id"], row["text"])
        assert (value, value_max) == (_as_written(row["value"]), _as_written(row["value_max"]))
        assert unit == ("" if pd.isna(row["unit"]) else row["unit"])
    shown = driver.execute_script(
        "return Array.from(document.querySelectorAll('#targets .pivot .v')).map(v => v.firstChild.textContent);")
    targets, documents = pd.read_parquet(folder / "targets.parquet"), pd.read_parquet(folder / "documents.parquet")
    texts = dict(zip(documents["doc_id"], documents["text"]))
    dated = targets[targets["year"].notna()]
    assert sorted(shown) == sorted(texts[d][a:b].strip() for d, a, b in zip(dated["doc_id"], dated["start"], dated["end"]))


def _check_heatmap(driver: Any, folder: Path) -> None:
    similarity = pd.read_parquet(folder / "similarity.parquet")
    width, height, cells = driver.execute_script(
        "const s = document.querySelector('#similarity svg.heat'); const r = s.getBoundingClientRect();"
        "return [r.width, r.height, s.querySelectorAll('rect').length];")
    assert width > 300 and height > 300 and cells >= len(similarity) ** 2


@pytest.mark.shared
def test_national_reports_render_with_the_embedded_font_only(tmp_path: Path) -> None:
    from policytext.batch.fonts import FONT_FAMILY
    from tests.conftest import WIKISOURCE, shared_path

    pytest.importorskip("cvttf_NotoSansCJK_Regular")
    source = shared_path(WIKISOURCE).parent
    out = tmp_path / "out"
    assert main(["analyze", str(source), "--out", str(out), "--quiet"]) == 0
    folder = live_folder(out).resolve()
    with _chromium(_no_cjk_fonts(tmp_path)) as driver:
        driver.get((folder / "report.html").as_uri())
        assert driver.execute_script("return document.scripts.length") == 0
        _check_fonts(driver, FONT_FAMILY)
        _check_pivot(driver, folder)
        _check_numbers(driver, folder)
        _check_heatmap(driver, folder)
        _charts_have_size(driver)
        _screenshot(driver, tmp_path, "report-national.png")
        _pick_second_document(driver)
