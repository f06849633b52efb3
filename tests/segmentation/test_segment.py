"""Segmentation: numbers, lexicon, user words, Traditional text, offsets, UD gold F1."""

from __future__ import annotations

import re

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.segmentation.evaluate import boundary_agreement, read_conllu_words, word_f1
from tests.conftest import UD_GSD, shared_path


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("党员占总数30.26%。", "30.26%"),
        ("增速为-3.5%，", "-3.5%"),
        ("粮食产量1.3万亿斤", "1.3万亿"),
        ("增长２．５％左右", "２．５％"),
        ("城镇新增就业1200万人以上", "1200万"),
        ("目标为6%－6.5%", "6.5%"),
    ],
)
def test_numbers_stay_whole(text: str, token: str) -> None:
    assert token in pt.segment(text).tokens


def test_a_range_is_two_numbers_and_a_dash() -> None:
    tokens = pt.segment("2011-2020年规划").tokens
    assert tokens[:3] == ["2011", "-", "2020"]


@pytest.mark.parametrize(
    "term",
    ["固本强基", "供给侧结构性改革", "全面建成小康社会", "新质生产力", "三个代表", "一带一路"],
)
def test_lexicon_terms_are_one_token(term: str) -> None:
    assert term in pt.segment(f"我们要坚持{term}，继续努力。").tokens


def test_lexicon_can_be_left_out() -> None:
    assert "固本强基" not in pt.segment("实施固本强基工程", lexicon=False).tokens


def test_userdict_words_and_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = "推进青川模式试点"
    assert "青川模式" not in pt.segment(text).tokens
    assert "青川模式" in pt.segment(text, userdict=["青川模式"]).tokens
    f = tmp_path / "words.txt"
    f.write_text("青川模式 50 n\n", encoding="utf-8")
    assert "青川模式" in pt.segment(text, userdict=f).tokens
    with pytest.raises(FileNotFoundError, match=r"nope\.txt"):
        pt.segment(text, userdict=tmp_path / "nope.txt")


def test_traditional_tokens_are_shown_in_the_original_script() -> None:
    seg = pt.segment("實施固本強基工程，黨員發展")
    assert seg.tokens[:3] == ["實施", "固本強基", "工程"]
    assert seg.normalized[:3] == ["实施", "固本强基", "工程"]


def test_seed_every_occurrence_of_the_key_term_is_one_token(seed_text: str) -> None:
    seg = pt.segment(seed_text)
    spans = set(zip(seg.starts.tolist(), seg.ends.tolist()))
    occurrences = [m.start() for m in re.finditer("固本強基", seed_text)]
    assert len(occurrences) > 20
    assert all((o, o + 4) in spans for o in occurrences)
    assert all(seed_text[s:e] == tok for tok, s, e in seg)


def test_jieba_cache_lives_in_the_user_cache_dir(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from policytext.segmentation.backends import JiebaBackend, cache_dir

    monkeypatch.setenv("POLICYTEXT_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == str(tmp_path / "cache")
    JiebaBackend([], hmm=True)
    assert any(p.name.startswith("jieba") for p in (tmp_path / "cache").iterdir())


def test_the_global_jieba_is_left_alone() -> None:
    pt.segment("固本强基")
    assert "固本强基" not in jieba.lcut("实施固本强基工程")


def test_rjieba_backend_agrees_with_jieba_on_our_own_sentences() -> None:
    pytest.importorskip("rjieba")
    texts = [
        "今年经济社会发展的主要预期目标是地区生产总值增长6.5%左右。",
        "推进供给侧结构性改革，优化营商环境。",
    ]
    ref = [pt.segment(t, backend="jieba").tokens for t in texts]
    fast = [pt.segment(t, backend="rjieba").tokens for t in texts]
    assert boundary_agreement(texts, ref, fast).rate > 0.95


def test_rjieba_agrees_with_jieba_on_the_work_reports(wikisource_corpus) -> None:  # type: ignore[no-untyped-def]
    # the condition for "auto" to pick rjieba: >= 99.9% of token boundaries agree
    pytest.importorskip("rjieba")
    texts = list(wikisource_corpus.texts)
    ref = [pt.segment(t, backend="jieba").tokens for t in texts]
    fast = [pt.segment(t, backend="rjieba").tokens for t in texts]
    agreement = boundary_agreement(texts, ref, fast)
    assert agreement.rate >= 0.999, agreement.differences[:20]


def test_unknown_backend() -> None:
    with pytest.raises(ValueError, match="nosuch"):
        pt.segment("测试", backend="nosuch")


def test_traditional_segmentation_is_as_good_as_simplified_on_ud_gsd() -> None:
    sentences = read_conllu_words(shared_path(UD_GSD))
    texts = [t for t, _ in sentences]
    gold = [g for _, g in sentences]
    ours = [pt.segment(t).tokens for t in texts]
    jieba_tk = jieba.Tokenizer()
    simplified = [pt.convert(t, "t2s") for t in texts]
    on_simplified = []
    for t, s in zip(texts, simplified):
        assert len(t) == len(s)  # t2s keeps these sentences' lengths: surfaces line up
        pos, toks = 0, []
        for w in jieba_tk.lcut(s):
            toks.append(t[pos : pos + len(w)])
            pos += len(w)
        on_simplified.append(toks)
    f_ours = word_f1(texts, gold, ours)
    f_simp = word_f1(texts, gold, on_simplified)
    f_trad = word_f1(texts, gold, [jieba_tk.lcut(t) for t in texts])
    print(
        f"\nUD GSD dev F1: pt.segment {f_ours:.3f}, jieba on t2s {f_simp:.3f}, jieba on Traditional {f_trad:.3f}"
    )
    assert abs(f_ours - f_simp) <= 0.01
    assert f_ours > f_trad + 0.03


TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from(list("國黨發實強基固本，。 \n\t0123456789.%％－-+万亿ＡB5G")),
    ),
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_offsets_always_valid(text: str) -> None:
    seg = pt.segment(text)
    prev = 0
    for tok, s, e in seg:
        assert text[s:e] == tok and tok.strip()
        assert s >= prev
        prev = e
    assert len(seg.normalized) == len(seg)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=100))
def test_segment_accepts_any_string(text: str) -> None:
    seg = pt.segment(text)
    assert all(text[s:e] == tok for tok, s, e in seg)


# --- part-of-speech tags: the same call, the same boundaries ------------------------------


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_tags_leave_the_tokens_as_they_are(text: str) -> None:
    plain = pt.segment(text)
    tagged = pt.segment(text, tags=True)
    assert tagged.tokens == plain.tokens
    assert tagged.tags is not None and len(tagged.tags) == len(tagged)


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_tags_of_both_backends(backend: str) -> None:
    if backend == "rjieba":
        pytest.importorskip("rjieba")
    seg = pt.segment("我们首次在涞水县推进固本强基工程，投资1.3万亿元，两岸交流。", tags=True, backend=backend)
    tags = dict(zip(seg.normalized, seg.tags))
    assert tags["我们"].startswith("r") and tags["首次"] == "m" and tags["1.3万亿"] == "m"
    assert tags["涞水县"] == "ns"
    # lexicon words keep the lexicon's tag, a noun unless it names one (两岸 is a locative to jieba)
    assert tags["固本强基"] == "n" and tags["两岸"] == "n"
    assert seg.to_frame().columns[-1] == "tag"


def test_tagging_keeps_every_boundary_of_the_work_reports(wikisource_corpus) -> None:  # type: ignore[no-untyped-def]
    texts = list(wikisource_corpus.texts)
    for text in texts:
        plain, tagged = pt.segment(text), pt.segment(text, tags=True)
        assert (plain.starts == tagged.starts).all() and (plain.ends == tagged.ends).all()
