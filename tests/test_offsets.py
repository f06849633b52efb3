"""Alignment: building, mapping spans, composing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from policytext.offsets import Alignment, Edit, apply_edits


@pytest.mark.parametrize(
    ("text", "edits", "expected", "span", "source_span"),
    [
        ("abcdef", [Edit(1, 3, "")], "adef", (0, 2), (0, 4)),  # deletion inside a span
        ("abcdef", [Edit(2, 4, "XYZ")], "abXYZef", (3, 4), (2, 4)),  # atomic replacement
        ("ａｂc", [Edit(0, 1, "a"), Edit(1, 2, "b")], "abc", (1, 2), (1, 2)),  # one-for-one
        ("abc", [], "abc", (0, 3), (0, 3)),
    ],
)
def test_apply_edits(
    text: str, edits: list[Edit], expected: str, span: tuple[int, int], source_span: tuple[int, int]
) -> None:
    out, al = apply_edits(text, edits)
    assert out == expected
    assert al.span(*span) == source_span


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")])


def test_composition_maps_through_both_steps() -> None:
    first, a1 = apply_edits("xxABCyy", [Edit(0, 2, "")])  # ABCyy
    second, a2 = apply_edits(first, [Edit(1, 2, "bb")])  # AbbCyy
    composed = a1.then(a2)
    assert second == "AbbCyy"
    assert composed.span(1, 3) == (3, 4)
    assert composed.span(0, 6) == (2, 7)


def test_span_outside_text_raises() -> None:
    with pytest.raises(IndexError):
        Alignment.identity(3).span(2, 5)


@given(st.text(max_size=60), st.data())
def test_random_edits_keep_every_span_inside_the_source(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2]):
        edits.append(Edit(a, b, data.draw(st.text(max_size=3))))
    out, al = apply_edits(text, edits)
    assert al.length == len(out) and al.source_length == len(text)
    starts, ends = al.char_starts(), al.char_ends()
    assert np.all(starts <= ends) and np.all(np.diff(starts) >= 0)
    assert np.all((starts >= 0) & (ends <= len(text)))
