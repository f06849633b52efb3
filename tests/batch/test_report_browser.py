"""report.html in a real browser: headless Chromium (Debian's chromium and chromedriver,
installed by .ci/run) opens README's main command's report, DOM queries find table rows
and drawn charts, and a screenshot is saved as a test artefact."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from policytext.batch import live_folder
from policytext.cli import main

REQUIRE = os.environ.get("POLICYTEXT_REQUIRE_BROWSER") == "1"


def _driver():  # type: ignore[no-untyped-def]
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
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,2000"):
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or ""))


def test_report_renders_in_chromium(tmp_path: Path, demo_dir: Path) -> None:
    out = tmp_path / "out"
    assert main(["analyze", str(demo_dir), "--out", str(out), "--quiet"]) == 0
    driver = _driver()
    try:
        driver.get((live_folder(out) / "report.html").resolve().as_uri())
        tables = driver.execute_script(
            "return Array.from(document.querySelectorAll('table')).map(t => t.querySelectorAll('tbody tr').length)"
        )
        charts = driver.execute_script(
            "return Array.from(document.querySelectorAll('svg')).map(s => {"
            " const r = s.getBoundingClientRect();"
            " return [r.width, r.height, s.querySelectorAll('polyline, rect').length]; })"
        )
        assert len(tables) >= 5 and all(rows > 0 for rows in tables[:4])
        assert charts and all(w > 0 and h > 0 and marks > 0 for w, h, marks in charts)
        assert driver.execute_script("return document.scripts.length") == 0
        artefacts = Path(os.environ.get("POLICYTEXT_ARTIFACTS", tmp_path))
        artefacts.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(artefacts / "report.png"))
    finally:
        driver.quit()
