"""Synonym spinning: the score separates the spun seed from every work report, despin
repairs the seed against a gold list made by reading it, and context keeps real words."""

from __future__ import annotations

import dataclasses
import functools
import json
import random
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.cleaning.spin import (
    THRESHOLD,
    SpinReference,
    SpinRule,
    despin,
    load_spin_table,
    spin_score,
    text_year,
)
from tests.conftest import REPO

GOLD = json.loads((REPO / "tests" / "data" / "spin_gold.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def reports(wikisource_corpus, textworkshop_corpus) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every work report of both layouts (the Wikisource file without its NPC resolutions)."""
    wiki = wikisource_corpus.subset(wikisource_corpus.docvars["year_source"] == "column")
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
    reference = SpinReference().fit(text for _, text in reports)
    for name, text in reports:
        for result in (despin(text), despin(text, reference=reference)):
            assert not result.applied and result.text == text, name


def test_clean_text_of_another_genre_is_not_judged_spun() -> None:
    """The UD Chinese-GSD sentences (Wikipedia), as one text and in documents of 60."""
    from tests.conftest import UD_GSD, shared_path

    sentences = [line[len("# text = "):].strip() for line in shared_path(UD_GSD).read_text("utf-8").splitlines()
                 if line.startswith("# text = ")]
    documents = ["".join(sentences)] + ["".join(sentences[i : i + 60]) for i in range(0, len(sentences), 60)]
    scores = [spin_score(document).score for document in documents]
    print(f"UD GSD: {len(sentences)} sentences, spin score {scores[0]:.1f}, documents of 60 at most {max(scores[1:]):.1f}")
    assert len(sentences) > 100 and max(scores) < THRESHOLD / 2


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
    # its repairs point into the original: the places despin finds on the raw seed
    assert [(x.start, x.end, x.replacement) for x in r.spin_repairs] == [
        (x.start, x.end, x.replacement) for x in despin(seed_text).repairs]
    assert all(x.reason for x in r.spin_repairs)
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
def years(wikisource_corpus, textworkshop_corpus) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The year of every report, by its text."""
    out = {}
    for corpus in (wikisource_corpus, textworkshop_corpus):
        out.update((text, int(year)) for text, year in zip(corpus.texts, corpus.docvars["year"]) if pd.notna(year))
    return out


#: the samples of the context check: ten draws of ten reports, chosen after the table was
#: last revised and never read (the table was revised reading the draws 1-3, 8 and 10-39)
CONTEXT_SEEDS = range(101, 111)


def _context_check(
    reports: list[tuple[str, str]], seeds: Iterable[int], *, rules: tuple[SpinRule, ...] | None = None,
    reference: Callable[[str], SpinReference | None] = lambda text: None, force: bool = False,
) -> tuple[int, int, int, int, Counter[str], Counter[str]]:
    """Spin draws of Simplified reports on the fly and despin them: spun places restored,
    spun places, genuine occurrences changed, genuine occurrences, and the words missed
    and changed."""
    simplified = [text for _, text in reports if not pt.detect_script(text).is_traditional]
    restored = spun_total = changed = genuine_total = 0
    missed: Counter[str] = Counter()
    changed_words: Counter[str] = Counter()
    for seed in seeds:
        rng = random.Random(seed)
        for text in rng.sample(simplified, 10):
            spun_text, spun, genuine = _spin(text, rng)
            result = despin(spun_text, rules=rules, reference=reference(text), force=force)
            assert force or result.applied  # a report spun at half its places is judged spun
            # where each character of the spun text went (an inserted 提出 shifts what follows)
            where = {result.to_original(i, i + 1)[0]: i for i in range(len(result.text))}

            def now(s: int, e: int, result=result, where=where) -> str:  # type: ignore[no-untyped-def]
                return result.text[where[s] : where[s] + (e - s)] if s in where else ""

            missed.update(word for s, e, word in spun if now(s, e) != word)
            changed_words.update(text[s:e] for s, e in genuine if now(s, e) != text[s:e])
            restored += sum(now(s, e) == word for s, e, word in spun)
            spun_total += len(spun)
            changed += sum(now(s, e) != text[s:e] for s, e in genuine)
            genuine_total += len(genuine)
    return restored, spun_total, changed, genuine_total, missed, changed_words


def test_context_meets_the_issue_goal(reports: list[tuple[str, str]]) -> None:
    """Over 100 work reports spun on the fly (:data:`CONTEXT_SEEDS`): at least 98% of the
    spun places restored, at most 1% of the genuine occurrences of the spun forms changed."""
    restored, spun_total, changed, genuine_total, missed, changed_words = _context_check(reports, CONTEXT_SEEDS)
    print(f"100 spun work reports: {restored}/{spun_total} spun places restored ({restored / spun_total:.1%}), "
          f"{changed}/{genuine_total} genuine occurrences changed ({changed / genuine_total:.1%}); "
          f"missed {dict(missed.most_common(5))}, changed {dict(changed_words.most_common(5))}")
    assert restored / spun_total >= 0.98 and changed / genuine_total <= 0.01


def test_a_reference_gives_a_bare_table_its_contexts(reports: list[tuple[str, str]], years: dict[str, int]) -> None:
    """A table of pairs without contexts (as a user's own additions start) repairs only what
    is always spun; a :class:`SpinReference` of other years' reports (the other parity: a
    report never sees its own year, in either layout) supplies the contexts."""
    bare = tuple(
        rule if rule.always or not rule.spun else dataclasses.replace(
            rule, spun_before=None, spun_after=None, genuine_before=None, genuine_after=None, spun_despite=None,
            spun_despite_before=None, dated_before=None, dated_after=None)
        for rule in load_spin_table()
    )
    fitted = {parity: SpinReference().fit(t for _, t in reports if years[t] % 2 != parity) for parity in (0, 1)}
    seeds = CONTEXT_SEEDS[:3]
    alone = _context_check(reports, seeds, rules=bare, force=True)
    helped = _context_check(reports, seeds, rules=bare, force=True, reference=lambda text: fitted[years[text] % 2])
    print(f"bare table: {alone[0]}/{alone[1]} restored, {alone[2]}/{alone[3]} changed; with a reference: "
          f"{helped[0]}/{helped[1]} ({helped[0] / helped[1]:.1%}), {helped[2]}/{helped[3]} ({helped[2] / helped[3]:.1%})")
    # a fifth more of the spun places, at a cost of a few genuine occurrences in a hundred
    assert helped[0] / helped[1] >= alone[0] / alone[1] + 0.10 and helped[2] / helped[3] <= 0.02


def test_a_reference_decides_what_the_rules_leave_open_and_says_why() -> None:
    reference = SpinReference().fit(["各地要严格营房管理，严防事故发生。"] * 2)
    text = "今年要严格营房治理，严防事故。"
    assert despin(text, force=True).text == text  # the rules alone leave 营房治理 undecided
    result = despin(text, force=True, reference=reference)
    assert result.text == "今年要严格营房管理，严防事故。"
    (repair,) = result.repairs
    assert text[repair.start : repair.end] == "治理"
    assert repair.reason == "reference: 格营房[管理]，严防 ×2, 治理 ×0"


def test_a_reference_vetoes_a_repair_it_contradicts() -> None:
    text = "今年要加强治理，还河湖以清澈。"
    assert despin(text, force=True).text == "今年要加强管理，还河湖以清澈。"  # the rules: 加强 + 治理 is spun
    reference = SpinReference().fit(["今年要加强治理，还河湖以清澈。", "我们要加强治理，还河湖以清澈。"])
    assert despin(text, force=True, reference=reference).text == text
    # a reference that writes both words in that context has no say
    both = SpinReference().fit(["要加强治理，还河湖以清澈。", "要加强管理，还河湖以清澈。"])
    assert despin(text, force=True, reference=both).text == "今年要加强管理，还河湖以清澈。"


def test_a_reference_is_checked_and_travels() -> None:
    import pickle

    with pytest.raises(ValueError, match="not fitted"):
        despin("我夸大两点。", force=True, reference=SpinReference())
    with pytest.raises(ValueError, match="at least 1"):
        SpinReference(context=0).fit(["管理"])
    with pytest.raises(ValueError, match="between 1 and 2 × context"):
        SpinReference(context=2, decide_chars=5).fit(["管理"])
    reference = SpinReference().fit(["各地要严格营房管理，严防事故发生。"])
    copy = pickle.loads(pickle.dumps(reference))
    assert copy.counts_ == reference.counts_ and copy.n_texts_ == 1
    assert despin("今年要严格营房治理，严防。", force=True, reference=copy).text == "今年要严格营房管理，严防。"


@pytest.mark.parametrize(("text", "year"), [
    ("2010年增长8%，2011年增长9%，2011年末，到2015年", 2011),  # the most mentioned, not the latest
    ("一九五八年和一九五九年；一九五九年", 1959),
    ("2012年与二〇一二年、2013年", 2012),
    ("1999年和2000年", 2000),  # a tie goes to the later year
    ("没有年份，只有1840年", None),  # before 1949 does not count
])
def test_text_year(text: str, year: int | None) -> None:
    assert text_year(text) == year


def test_dated_contexts_follow_the_text_s_year() -> None:
    old = "2011年，我们加强社会治理，维护稳定。2011年经济增长。"
    new = "2016年，我们加强社会治理，维护稳定。2016年经济增长。"
    repaired = despin(old, force=True)
    assert repaired.text == old.replace("社会治理", "社会管理")
    assert repaired.repairs[0].reason == "dated context (a text of 2011)"
    assert despin(new, force=True).text == new
    # the new term itself stays, whatever year the text mentions most
    canonical = "2012年提出，2012年起，推进国家治理体系和治理能力现代化。"
    assert despin(canonical, force=True).text == canonical


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
    for result in (despin(text, force=True), despin(text, force=True, reference=_small_reference())):
        for repair in result.repairs:
            assert text[repair.start : repair.end] == repair.found
        for i in range(len(result.text)):
            start, end = result.to_original(i, i + 1)
            assert 0 <= start <= end <= len(text)


@functools.cache
def _small_reference() -> SpinReference:
    """A reference in the alphabet the property test draws from, so that it has its say."""
    return SpinReference(decide_chars=1, veto_chars=1).fit(["深进治理，提高认识。", "部分中心，题目进步了。", "同道夸大，监视治理。"])
