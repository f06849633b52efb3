"""The side-by-side HTML view of a diff (also in headless Chromium) and the per-pair summary."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
from policytext.compare.diff import diff, formulation_changes, target_changes
from policytext.compare.views import DIFF_SUMMARY_COLUMNS, diff_html, diff_summary

A = ("一、回顾\n经济平稳增长。物价总体稳定。我们坚持<b>稳中求进</b>工作总基调。\n"
     "二、任务\n今年要扩大国内需求。稳定就业是头等大事。")
B = ("一、回顾\n经济平稳增长。我们坚持<b>稳中有进</b>工作总基调。\n"
     "二、任务\n稳定就业是头等大事。今年要扩大国内需求。<script>alert('x')</script>新增科技创新。")


def test_page_escapes_every_document_string() -> None:
    page = diff_html(A, B, labels=("2023<i>", "2024"), title="<title>")
    assert "<script>" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "&lt;b&gt;" in page
    assert "<title>&lt;title&gt;</title>" in page and "2023&lt;i&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_page_marks_changes_and_keeps_both_texts() -> None:
    page = diff_html(A, B)
    assert page.count('<tr class="op-') + page.count('<tr class="op-same para"') >= 7
    assert "<del>求</del>" in page and "<ins>有</ins>" in page
    assert 'class="op-moved' in page and 'class="op-removed' in page and 'class="op-added' in page
    assert "物价总体稳定。" in page and "新增科技创新。" in page


def test_context_hides_long_unchanged_runs() -> None:
    a = "\n".join(f"第{n}句话说的是第{n}件事。" for n in range(20))
    b = a.replace("第10句话说的是第10件事。", "第10句话说的是另一件事。")
    page = diff_html(a, b, context=1)
    assert "… 9 unchanged sentence(s) …" in page and page.count("<tr class=\"op-") == 3


def test_font_hooks() -> None:
    face = "@font-face { font-family: 'Report CJK'; src: url(data:font/woff2;base64,AAAA); }"
    page = diff_html(A, B, font_face=face, font_family="'Report CJK', sans-serif")
    assert face in page and "font-family: 'Report CJK', sans-serif" in page
    with pytest.raises(ValueError):
        diff_html(A, B, font_face="</style><script>")


def test_a_given_table_and_documents() -> None:
    corpus = pt.Corpus([A, B], pd.DataFrame({"doc_id": ["r2023", "r2024"]}))
    table = diff(corpus["r2023"], corpus["r2024"])
    page = diff_html(corpus["r2023"], corpus["r2024"], table=table)
    assert "<th class=\"a\">r2023</th>" in page and "<title>r2023 → r2024</title>" in page


def test_summary_per_pair() -> None:
    texts = [
        "今年主要预期目标是：国内生产总值增长6.5%左右。坚持“稳中求进”。推进“放管服”改革。经济平稳。",
        "今年主要预期目标是：国内生产总值增长6%－6.5%。坚持“稳中有进”。做好“六稳”工作。经济平稳。",
        "今年主要预期目标是：国内生产总值增长6%－6.5%。坚持“稳中有进”。做好“六稳”工作。经济平稳。",
    ]
    corpus = pt.Corpus(texts, pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2018, 2019, 2020]}))
    summary = diff_summary(corpus)
    assert list(summary.columns) == ["year_a", "year_b", "doc_id_a", "doc_id_b", *DIFF_SUMMARY_COLUMNS]
    first, second = summary.iloc[0], summary.iloc[1]
    assert first["unchanged"] + first["moved"] + first["reworded"] + first["new"] == pytest.approx(1, abs=1e-3)
    assert first["top_added"] == ["六稳"] and first["top_dropped"] == ["放管服"]
    assert first["reworded_formulations"] == ["稳中求进 → 稳中有进"]
    assert first["target_changes"] == ["gdp_growth: 6.5%左右 → 6%－6.5%"]
    assert second["unchanged"] == 1.0 and second["target_changes"] == [] and second["dropped"] == 0.0
    given = diff_summary(corpus, diffs=diff(corpus), formulations=formulation_changes(corpus),
                         targets=target_changes(corpus))
    pd.testing.assert_frame_equal(given, summary)


# -- in a real browser ----------------------------------------------------------------------

REQUIRE = os.environ.get("POLICYTEXT_REQUIRE_BROWSER") == "1"


def _driver():  # type: ignore[no-untyped-def]
    import shutil

    missing = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        missing.append("selenium")
    if missing:
        message = f"needs {', '.join(missing)} (.ci/run installs them)"
        if REQUIRE:
            pytest.fail(message + " (POLICYTEXT_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    options = Options()
    options.binary_location = shutil.which("chromium") or ""
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1200"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or ""))


def test_diff_page_renders_in_chromium(tmp_path: Path) -> None:
    path = tmp_path / "diff.html"
    path.write_text(diff_html(A, B, labels=("2023", "2024")), "utf-8")
    driver = _driver()
    try:
        driver.get(path.resolve().as_uri())
        panes = driver.execute_script(
            "return ['td.a', 'td.b'].map(s => Array.from(document.querySelectorAll(s)).map(td => {"
            " const r = td.getBoundingClientRect(); return [r.left, r.width, td.textContent]; }))"
        )
        left, right = panes
        assert len(left) == len(right) >= 7
        assert all(width > 200 for _, width, _ in left + right) and left[0][0] < right[0][0]
        texts_a, texts_b = "".join(t for *_, t in left), "".join(t for *_, t in right)
        assert "物价总体稳定。" in texts_a and "新增科技创新。" in texts_b
        # the planted markup is text on the page, not elements
        assert "<script>alert('x')</script>" in texts_b and "<b>稳中有进</b>" in texts_b
        counts = driver.execute_script(
            "return ['ins', 'del', 'b', 'i', 'script', 'tr.op-changed', 'tr.op-moved', 'tr.op-added', 'tr.op-removed']"
            ".map(s => document.querySelectorAll(s).length)"
        )
        ins, dele, bold, italic, scripts, changed, moved, added, removed = counts
        assert ins >= 1 and dele >= 1 and changed >= 1 and moved >= 1 and added >= 1 and removed >= 1
        assert bold == italic == scripts == 0
        highlighted = driver.execute_script(
            "return getComputedStyle(document.querySelector('ins')).backgroundColor")
        assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")
        artefacts = Path(os.environ.get("POLICYTEXT_ARTIFACTS", tmp_path))
        artefacts.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(artefacts / "diff.png"))
    finally:
        driver.quit()
