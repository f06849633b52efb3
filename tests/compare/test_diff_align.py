"""The alignment primitives the diff is built on (and text-reuse detection will be)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policytext.compare.align import (
    Edit,
    align,
    edits,
    local_align,
    sequence_similarity,
    similarity_matrix,
)


def test_similarity_is_twice_the_lcs_over_both_lengths() -> None:
    assert sequence_similarity("稳中求进", "稳中有进") == pytest.approx(0.75)
    assert sequence_similarity(["坚持", "稳中求进"], ["坚持", "稳中求进"]) == 1.0
    assert sequence_similarity("", "") == 1.0 and sequence_similarity("甲", "乙") == 0.0
    matrix = similarity_matrix(["稳中求进", "甲乙"], ["稳中有进", "甲乙", "丙"], cutoff=0.5)
    assert matrix.shape == (2, 3) and matrix.dtype == np.float32
    assert matrix[0, 0] == pytest.approx(0.75) and matrix[1, 1] == 1.0 and matrix[0, 2] == 0.0
    assert similarity_matrix([], ["甲"]).shape == (0, 1)


def _kinds(links) -> list[tuple[str, int, int, int, int]]:  # type: ignore[no-untyped-def]
    return [(x.op, x.a_start, x.a_end, x.b_start, x.b_end) for x in links]


def test_align_reports_moves_splits_merges() -> None:
    a = ["标题", "甲乙丙丁戊己庚辛", "子丑寅卯辰巳午未", "天地玄黄宇宙洪荒", "日月盈昃辰宿列张"]
    b = ["标题", "子丑寅卯", "辰巳午未", "天地玄黄宇宙洪荒日月盈昃辰宿列张", "甲乙丙丁戊己庚辛"]
    assert _kinds(align(a, b)) == [
        ("same", 0, 1, 0, 1), ("split", 2, 3, 1, 3), ("merged", 3, 5, 3, 4), ("moved", 1, 2, 4, 5),
    ]
    # without joins, the pieces pair one to one and the rest is added/removed
    assert [x.op for x in align(a, b, max_join=1)].count("split") == 0


def test_align_duplicates_pair_in_order_and_removed_items_follow_their_predecessor() -> None:
    a = ["各位代表！", "第一件事情。", "各位代表！", "第二件事情。", "第三件事情。"]
    b = ["各位代表！", "第一件事情。", "各位代表！", "第三件事情。", "新的事情要做。"]
    assert _kinds(align(a, b)) == [
        ("same", 0, 1, 0, 1), ("same", 1, 2, 1, 2), ("same", 2, 3, 2, 3), ("removed", 3, 4, 0, 0),
        ("same", 4, 5, 3, 4), ("added", 0, 0, 4, 5),
    ]


def test_allowed_limits_pairs_in_place_not_leftovers() -> None:
    a, b = ["甲乙丙丁戊", "子丑寅卯辰"], ["甲乙丙丁己", "子丑寅卯辰"]
    blocked = np.array([[False, True], [True, True]])
    # 0.8 similar: not formed in place where blocked, but still a leftover above move_threshold
    assert [x.op for x in align(a, b, allowed=blocked)] == ["changed", "same"]
    assert [x.op for x in align(a, b, allowed=blocked, move_threshold=0.9)] == ["removed", "added", "same"]
    with pytest.raises(ValueError, match="shape"):
        align(a, b, allowed=np.ones((1, 1), dtype=bool))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["甲乙丙", "丁戊己", "庚辛壬", "甲乙丁", "子丑", "寅卯辰巳"]), max_size=12),
       st.lists(st.sampled_from(["甲乙丙", "丁戊己", "庚辛壬", "甲乙丁", "子丑", "寅卯辰巳", "午未申"]), max_size=12))
def test_every_item_is_in_exactly_one_link(a: list[str], b: list[str]) -> None:
    links = align(a, b)
    seen_a = [i for x in links for i in range(x.a_start, x.a_end)]
    seen_b = [j for x in links for j in range(x.b_start, x.b_end)]
    assert sorted(seen_a) == list(range(len(a))) and sorted(seen_b) == list(range(len(b)))
    in_place = [x for x in links if x.op in ("same", "changed", "split", "merged")]
    assert all(p.a_end <= q.a_start and p.b_end <= q.b_start for p, q in itertools.pairwise(in_place))
    assert all(x.op == "same" for x in align(a, a))


def test_edits_join_adjacent_deletions_and_insertions() -> None:
    assert edits("abcdef", "abXYef") == [Edit(2, 4, 2, 4)]
    assert edits(["我们", "要", "坚持"], ["我们", "坚持", "改革"]) == [Edit(1, 2, 1, 1), Edit(3, 3, 2, 3)]
    assert edits("same", "same") == []


def test_local_align_finds_a_reused_passage_with_edits() -> None:
    a = "会议指出，今年要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。其他内容。"
    b = "报告强调，必须坚持稳中有进工作总基调，完整准确贯彻新发展理念，推动高质量发展。"
    m = local_align(a, b)
    assert m is not None
    assert a[m.a_start : m.a_end].startswith("坚持稳中求进") and a[m.a_end - 5 : m.a_end] == "新发展理念"
    assert b[m.b_start : m.b_end].startswith("坚持稳中有进") and b[m.b_end - 5 : m.b_end] == "新发展理念"
    assert 0.85 < m.similarity < 1 and m.matches == 22
    tokens = local_align(["甲", "乙", "丙", "丁"], ["子", "乙", "丙", "戊", "丁", "丑"])
    assert tokens is not None and (tokens.a_start, tokens.a_end, tokens.b_start, tokens.b_end) == (1, 4, 1, 5)
    assert local_align("甲乙", "丙丁") is None and local_align("", "甲") is None
    assert local_align("甲乙丙", "甲乙丙", min_score=7) is None
    with pytest.raises(ValueError):
        local_align("甲", "甲", mismatch=1)
