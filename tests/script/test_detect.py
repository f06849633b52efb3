"""Script detection, on our own sentences and on the real material."""

from __future__ import annotations

import pytest

import policytext as pt

pytestmark = pytest.mark.conversion


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("全面推進黨的基層組織建設", "traditional"),
        ("全面推进党的基层组织建设", "simplified"),
        ("人民代表", "neutral"),
        ("GDP 5%", "none"),
        ("推進黨的建設，推进党的建设", "mixed"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert pt.detect_script(text).script == script


def test_evidence_names_characters() -> None:
    d = pt.detect_script("黨員黨員党")
    assert d.evidence["traditional"][0] == ("黨", 2)
    assert d.evidence["simplified"][0] == ("党", 1)
    assert d.majority == "traditional"


def test_seed_is_traditional_despite_its_simplified_characters(seed_text: str) -> None:
    d = pt.detect_script(seed_text)
    assert d.is_traditional
    assert d.script in ("traditional", "mixed")
    assert 40 <= d.simplified_chars <= 120  # it holds about 70 Simplified characters


def test_wikisource_1954_is_traditional_and_2015_simplified(wikisource_corpus) -> None:  # type: ignore[no-untyped-def]
    dv = wikisource_corpus.detect_script().docvars
    reports = dv[dv["title"].str.endswith("国务院政府工作报告")].set_index("year")["script"]
    assert reports.loc[1954] == "traditional"
    assert reports.loc[2015] == "simplified"
