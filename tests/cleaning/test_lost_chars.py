"""Lost characters: runs of question marks a failed re-encoding left, and questions kept."""

from __future__ import annotations

import pytest

import policytext as pt


@pytest.mark.parametrize(
    ("text", "expected", "lost"),
    [
        ("区长????程杰", "区长\ufffd程杰", 4),
        ("区长？？？？程杰", "区长\ufffd程杰", 4),
        ("政??府??工??作", "政\ufffd府\ufffd工\ufffd作", 6),
        ("各位代表：????现在", "各位代表：\ufffd现在", 4),
        ("增长??%，完成??亿元", "增长\ufffd%，完成\ufffd亿元", 4),
        ("发展?? 改革", "发展\ufffd 改革", 2),
        ("这是为什么????", "这是为什么\ufffd", 4),  # four or more are never punctuation
    ],
)
def test_runs_become_one_placeholder_and_are_counted(text: str, expected: str, lost: int) -> None:
    r = pt.clean(text)
    assert r.text == expected
    assert r.lost_chars == lost
    assert "lost_chars" in r.changed_by
    assert f"characters lost by the source: {lost}" in r.explain()
    i = r.text.index("\ufffd")
    s, e = r.to_original(i, i + 1)
    assert set(text[s:e]) <= {"?", "？"}


@pytest.mark.parametrize(
    "text",
    [
        "这是真的吗？？我不信。",
        "为什么会这样？？",
        "你到底去不去呢??",
        "难道就这样算了？？？",
        "What?? No way.",
        "这样做对吗？",
        "谁来负责？",
        "",
    ],
)
def test_questions_stay(text: str) -> None:
    r = pt.clean(text)
    assert r.text == text
    assert r.lost_chars == 0


def test_step_can_be_switched_off() -> None:
    assert pt.clean("区长????程杰", lost_chars=False).text == "区长????程杰"
