"""Properties of convert_with_offsets on generated texts, and its cost on hostile ones.

The texts mix Simplified and Traditional characters, phrases whose conversion changes
length or moves characters, ASCII, punctuation, line breaks and long runs of a single
character (one line longer than LONG_LINE is split at sentence ends, so runs exercise
both the block and the piece paths).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.script.resources import RESYNC_PROBES, RESYNC_WINDOW

pytestmark = pytest.mark.conversion

# the submodule, not the function policytext.script re-exports under the same name
convert_module = importlib.import_module("policytext.script.convert")

CONFIGS = ("t2s", "s2t", "s2twp", "tw2sp")
SIMPLIFIED = "后发国务院政府工作报告党员经济发展里面干净头发"
TRADITIONAL = "後發國務院政府工作報告黨員經濟發展裡面乾淨頭髮"
PHRASES = (
    "鼠标", "U盘", "信息技术", "软件", "出租车", "打印机", "局部和区域性",
    "滑鼠", "隨身碟", "資訊科技", "軟體", "計程車", "印表機", "鼠標", "優盤",
)
ASCII = "abcXYZ 0123456789%-"
PUNCTUATION = "，。！？；、,.!?;：「」（）"

CHUNK = st.one_of(
    st.text(st.sampled_from(SIMPLIFIED + TRADITIONAL), min_size=1, max_size=6),
    st.sampled_from(PHRASES),
    st.text(st.sampled_from(ASCII), min_size=1, max_size=5),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
    st.tuples(st.sampled_from("后後鼠发發 。\n"), st.integers(20, 2500)).map(lambda t: t[0] * t[1]),
)
TEXT = st.lists(CHUNK, max_size=30).map("".join)


def _skip_missing(config: str) -> None:
    if config not in pt.available_configs():
        pytest.skip(f"the installed OpenCC lacks {config}")


def _check(text: str, config: str) -> None:
    c = pt.convert_with_offsets(text, config)
    assert c.text == pt.convert(text, config)
    al = c.alignment
    assert al.length == len(c.text)
    assert al.source_length == len(text)
    starts, ends = al.char_starts(), al.char_ends()
    assert len(starts) == len(ends) == len(c.text)
    if len(c.text):
        assert starts.min() >= 0 and ends.max() <= len(text)
        assert (starts < ends).all()  # every converted character has a non-empty original
        assert (np.diff(starts) >= 0).all() and (np.diff(ends) >= 0).all()
    covered = np.zeros(len(text) + 1, dtype=np.int64)
    np.add.at(covered, starts, 1)
    np.add.at(covered, ends, -1)
    uncovered = np.flatnonzero(np.cumsum(covered)[: len(text)] == 0)
    for a, b in _ranges(uncovered):
        # an original character no converted character points to must be one the config
        # deleted: the conversion is the same without it
        assert pt.convert(text[:a] + text[b:], config) == c.text, (text[a:b], a)


def _ranges(positions: np.ndarray) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for p in positions.tolist():
        if out and out[-1][1] == p:
            out[-1] = (out[-1][0], p + 1)
        else:
            out.append((p, p + 1))
    return out


@pytest.mark.parametrize("config", CONFIGS)
@settings(max_examples=60, deadline=None)
@given(text=TEXT)
def test_offsets_are_a_valid_map_back_to_the_original(config: str, text: str) -> None:
    _skip_missing(config)
    _check(text, config)


@pytest.mark.parametrize("config", CONFIGS)
@settings(max_examples=25, deadline=None)
@given(text=TEXT, runs=st.lists(st.tuples(st.sampled_from(PHRASES), st.integers(2, 60)), max_size=3))
def test_runs_of_phrases_on_one_line(config: str, text: str, runs: list[tuple[str, int]]) -> None:
    # phrases back to back leave no equal run to resynchronise on: the fallback path
    _skip_missing(config)
    _check(text.replace("\n", "") + "".join(p * n for p, n in runs), config)


# --- cost: structural checks, not timings -------------------------------------------


class _Counter:
    """Counts the calls of the aligner's searches and the sizes they were given."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: dict[str, int] = {"_resync": 0, "_agreement": 0, "_local_groups": 0}
        self.largest_region = 0
        for name in self.calls:
            monkeypatch.setattr(convert_module, name, self._wrap(name, getattr(convert_module, name)))

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any) -> Any:
            self.calls[name] += 1
            if name == "_local_groups":
                self.largest_region = max(self.largest_region, len(args[0]), len(args[1]))
            return fn(*args)

        return counted


@pytest.mark.parametrize(("char", "config"), [("后", "s2twp"), ("後", "t2s"), ("後", "tw2sp")])
def test_a_long_run_of_a_converted_character_is_copied(
    char: str, config: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the case that took difflib minutes: no search at all, the conversion is a copy
    _skip_missing(config)
    counter = _Counter(monkeypatch)
    text = char * 200_000
    c = pt.convert_with_offsets(text, config)
    assert c.text == pt.convert(text, config)
    assert counter.calls == {"_resync": 0, "_agreement": 0, "_local_groups": 0}
    assert c.to_original(123_456, 123_457) == (123_456, 123_457)


def test_the_search_grows_linearly_with_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # one line (no sentence end) with five phrases to a sentence: every difference is
    # searched, and each search weighs a bounded number of candidates in a bounded window
    _skip_missing("s2twp")
    sentence = "我们使用鼠标处理工作U盘里面存放信息技术资料软件开发工作打印机出现故障出租车"
    counts = []
    for repeat in (2_700, 5_400):  # about 100,000 and 200,000 characters
        text = sentence * repeat
        with monkeypatch.context() as patched:
            counter = _Counter(patched)
            c = pt.convert_with_offsets(text, "s2twp")
        assert c.text == pt.convert(text, "s2twp")
        assert c.original_text(*_find(c.text, "資訊科技", 50_000)) == "信息技术"
        assert 0 < counter.calls["_resync"] <= 5 * repeat
        assert counter.calls["_agreement"] <= RESYNC_PROBES * counter.calls["_resync"]
        assert counter.largest_region <= RESYNC_WINDOW
        counts.append(counter.calls)
    for name in ("_resync", "_agreement", "_local_groups"):  # twice the text, twice the work
        assert abs(counts[1][name] - 2 * counts[0][name]) <= 0.001 * counts[1][name] + 4, name


def test_back_to_back_phrases_map_as_one_unit(monkeypatch: pytest.MonkeyPatch) -> None:
    # nothing ever agrees again: one bounded search every RESYNC_WINDOW characters, and
    # the whole line maps as one unit
    _skip_missing("s2twp")
    counter = _Counter(monkeypatch)
    text = "鼠标" * 100_000
    c = pt.convert_with_offsets(text, "s2twp")
    assert c.text == "滑鼠" * 100_000
    assert counter.calls["_resync"] <= len(text) // RESYNC_WINDOW + 1
    assert counter.calls["_agreement"] <= RESYNC_PROBES * counter.calls["_resync"]
    assert c.to_original(10, 12) == (0, len(text))


def _find(text: str, word: str, start: int) -> tuple[int, int]:
    i = text.index(word, start)
    return i, i + len(word)
