"""Synonym spinning: the score separates the spun seed from every work report, despin
repairs the seed against a gold list made by reading it, and context keeps real words."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.cleaning.spin import despin, load_spin_table, spin_score
from tests.conftest import REPO

GOLD = json.loads((REPO / "tests" / "data" / "spin_gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def reports(wikisource_corpus, textworkshop_corpus) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every work report of both layouts (the Wikisource file without its NPC resolutions)."""
    wiki = wikisource_corpus.subset(wikisource_corpus.docvars["year_source"] == "docvars")
    return [(f"wikisource {d}", t) for d, t in zip(wiki.doc_ids, wiki.texts)] + [
        (f"textworkshop17 {d}", t) for d, t in zip(textworkshop_corpus.doc_ids, textworkshop_corpus.texts)
    ]


def test_the_seed_scores_far_above_every_work_report(seed_text: str, reports: list[tuple[str, str]]) -> None:
    seed = spin_score(seed_text)
    scores = {name: spin_score(text).score for name, text in reports}
    highest = max(scores, key=scores.__getitem__)
    print(f"seed {seed.score:.1f}; highest work report {highest} {scores[highest]:.1f}; threshold {seed.threshold:g}")
    assert seed.spun and seed.score >= 2 * scores[highest]
    assert all(score < seed.threshold for score in scores.values())


def test_despin_leaves_every_work_report_unchanged(reports: list[tuple[str, str]]) -> None:
    for name, text in reports:
        result = despin(text)
        assert not result.applied and result.text == text, name


def test_despin_repairs_the_seed_as_the_gold_list_says(seed_text: str) -> None:
    from hashlib import sha256

    from tests.conftest import SEED, shared_path

    assert sha256(shared_path(SEED).read_bytes()).hexdigest() == GOLD["sha256"]
    result = despin(seed_text)
    got = {(r.start, r.end): r.replacement for r in result.repairs}
    want = {(g["start"], g["end"]): g["intended"] for g in GOLD["spun"]}
    right = [span for span in want if got.get(span) == want[span]]
    wrong = {span: word for span, word in got.items() if want.get(span) != word}
    print(f"seed: {len(right)}/{len(want)} spun spans repaired right, {len(wrong)} wrong repair(s)")
    assert len(right) >= 0.9 * len(want) and not wrong
    for g in GOLD["genuine"]:
        assert (g["start"], g["end"]) not in got
    for form in ("題目", "同道", "夸大", "深進", "監視", "回根到底"):
        assert form not in result.text
    # the original stays recoverable: every repair maps back onto what the seed wrote
    for repair in result.repairs:
        assert seed_text[repair.start : repair.end] == repair.found


def test_spun_keywords_leave_the_top_20(seed_text: str) -> None:
    def top(text: str) -> list[str]:
        return list(pt.keywords(pt.convert(pt.clean(text).text, "t2s"), top=20)["normalized"])

    assert "题目" in top(seed_text)
    assert "题目" not in top(pt.clean(seed_text, despin="auto").text)


def test_clean_reports_the_step_and_maps_back(seed_text: str) -> None:
    r = pt.clean(seed_text, despin="auto")
    assert "despin" in r.changed_by and r.spin is not None and r.spin.spun
    i = r.text.index("問題")
    start, end = r.to_original(i, i + 2)
    assert seed_text[start:end] == "題目"
    plain = pt.clean("加强国家治理体系建设，促进社会进步。", despin="auto")
    assert plain.changed_by == () and plain.spin is not None and not plain.spin.spun


def _spin(text: str, rng: random.Random) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Spin a Simplified report on the fly: each intended word of the table is replaced by
    its spun form at a random half of its occurrences. Returns the text, the spun places
    (with the word to restore) and the places where the spun forms occur genuinely."""
    rules = [r for r in load_spin_table() if r.spun and len(r.spun) == len(r.intended)]
    genuine = [(i, i + len(r.spun)) for r in rules for i in _occurrences(text, r.spun)]
    taken = [False] * len(text)
    for start, end in genuine:
        taken[start:end] = [True] * (end - start)
    chars = list(text)
    spun: list[tuple[int, int, str]] = []
    for rule in rules:
        places = [i for i in _occurrences(text, rule.intended) if not any(taken[i : i + len(rule.intended)])]
        for i in sorted(rng.sample(places, len(places) // 2)):
            chars[i : i + len(rule.spun)] = list(rule.spun)
            taken[i : i + len(rule.spun)] = [True] * len(rule.spun)
            spun.append((i, i + len(rule.spun), rule.intended))
    return "".join(chars), spun, genuine


def _occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


@pytest.fixture(scope="module")
def context_figures(reports: list[tuple[str, str]]) -> tuple[float, float]:
    """Spun places restored and genuine occurrences changed, over 30 work reports spun on
    the fly in three samples (seeds 4-6: the rules were revised looking at samples 1-3 and 8,
    never at these)."""
    simplified = [text for _, text in reports if not pt.detect_script(text).is_traditional]
    restored = spun_total = changed = genuine_total = 0
    for seed in (4, 5, 6):
        rng = random.Random(seed)
        for text in rng.sample(simplified, 10):
            spun_text, spun, genuine = _spin(text, rng)
            result = despin(spun_text)
            assert result.applied  # a report spun at half its places is judged spun
            # where each character of the spun text went (an inserted 提出 shifts what follows)
            where = {result.to_original(i, i + 1)[0]: i for i in range(len(result.text))}

            def now(s: int, e: int, result=result, where=where) -> str:  # type: ignore[no-untyped-def]
                return result.text[where[s] : where[s] + (e - s)] if s in where else ""

            restored += sum(now(s, e) == word for s, e, word in spun)
            spun_total += len(spun)
            changed += sum(now(s, e) != text[s:e] for s, e in genuine)
            genuine_total += len(genuine)
    print(f"30 spun work reports: {restored}/{spun_total} spun places restored ({restored / spun_total:.1%}), "
          f"{changed}/{genuine_total} genuine occurrences changed ({changed / genuine_total:.1%})")
    return restored / spun_total, changed / genuine_total


def test_context_keeps_most_real_words_in_spun_work_reports(context_figures: tuple[float, float]) -> None:
    restored, changed = context_figures
    assert restored >= 0.90 and changed <= 0.05  # where the rules stand now: a floor against regressions


@pytest.mark.xfail(strict=True, reason="issue 8's context goal (≥ 98% restored, ≤ 1% genuine changed) is not met: "
                   "about 92.5% and 3% on held-out samples; 管理/治理, 提高/进步, 部门/部分 are the hard pairs")
def test_context_meets_the_issue_goal(context_figures: tuple[float, float]) -> None:
    restored, changed = context_figures
    assert restored >= 0.98 and changed <= 0.01


def test_users_extend_the_table(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("rules:\n  - {spun: 酝酿, intended: 研究, weight: 2, always: true}\n", encoding="utf-8")
    rules = load_spin_table(extra)
    assert rules[-1].name == "酝酿→研究" and len(rules) == len(load_spin_table()) + 1
    assert despin("认真酝酿这个办法。", rules=rules, force=True).text == "认真研究这个办法。"
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {intended: 研究}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="rule 0"):
        load_spin_table(bad)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("题目同道进步夸大熟悉深进治理监视部分中心了，,。提高認識\n ")), max_size=80))
def test_despin_never_fails_and_offsets_hold(text: str) -> None:
    result = despin(text, force=True)
    for repair in result.repairs:
        assert text[repair.start : repair.end] == repair.found
    for i in range(len(result.text)):
        start, end = result.to_original(i, i + 1)
        assert 0 <= start <= end <= len(text)
