"""Keywords, phrases and formulations on the real material in ../shared."""

from __future__ import annotations

from collections import Counter

import pytest

import policytext as pt
from policytext.segmentation.backends import lexicon_entries
from policytext.terms import stopwords

pytestmark = pytest.mark.shared

FILLER = stopwords(["filler"])


def _reports(corpus: pt.Corpus) -> pt.Corpus:
    return corpus.subset(corpus.docvars["year_source"] == "column")


def _fragments(terms: list[str], text: str) -> list[str]:
    """Terms that are fragments of a longer term occurring >= 3 times in ``text``: at least
    80% of the term's occurrences (as a substring of the Simplified text) lie inside it.
    Written apart from policytext's own check, from the issue's definition."""
    simplified = pt.convert(text, "t2s")
    counts = Counter(pt.segment(text).normalized)
    found = []
    for term in terms:
        total = simplified.count(term)
        for longer, n in counts.items():
            if n >= 3 and len(longer) > len(term) and term in longer and n * longer.count(term) >= 0.8 * total:
                found.append(f"{term} in {longer}")
                break
    return found


def test_seed_keywords(seed_text: str) -> None:
    text = pt.clean(seed_text).text
    top = pt.keywords(text, top=10)
    assert len(top) == 10
    by_form = dict(zip(top["normalized"], top["term"]))
    assert by_form.get("固本强基") == "固本強基"  # in the seed's own script
    assert len({"基层组织", "党组织", "党员", "基层党组织"} & set(top["normalized"])) >= 2
    assert not set(top["normalized"]) & FILLER
    assert _fragments(list(top["normalized"]), text) == []
    for row in top.itertuples():
        assert text[row.start : row.end] == row.term


def test_work_report_keywords_2014_to_2025(wikisource_corpus: pt.Corpus) -> None:
    reports = _reports(wikisource_corpus)
    table = pt.keywords(reports, top=20)
    years = dict(zip(reports.doc_ids, reports.docvars["year"]))
    checked = 0
    for doc_id, group in table.groupby("doc_id"):
        if not 2014 <= years[doc_id] <= 2025:
            continue
        checked += 1
        terms = list(group["normalized"])
        assert len(terms) == 20
        assert not set(terms) & FILLER, (years[doc_id], set(terms) & FILLER)
        assert _fragments(terms, reports[doc_id].text) == [], years[doc_id]
    assert checked == 11


def test_phrase_discovery_without_the_lexicon_entries() -> None:
    from tests.conftest import SEED, WIKISOURCE, shared_path

    removed = {"供给侧结构性改革", "高质量发展", "固本强基"}
    assert removed <= {word for word, _, _ in lexicon_entries()}
    userdict = [word if freq is None else f"{word} {freq}" for word, freq, _ in lexicon_entries() if word not in removed]
    assert not removed & {line.split()[0] for line in userdict}
    reports = _reports(pt.read_corpus(shared_path(WIKISOURCE)).clean())
    found = set(pt.discover_phrases(reports, lexicon=False, userdict=userdict)["phrase"])
    assert {"供给侧结构性改革", "高质量发展"} <= found
    seed = pt.clean(shared_path(SEED).read_text("utf-8")).text
    assert "固本强基" in set(pt.discover_phrases(seed, lexicon=False, userdict=userdict)["phrase"])


def test_formulations_by_year(wikisource_corpus: pt.Corpus) -> None:
    reports = _reports(wikisource_corpus)
    table = pt.formulations(reports)
    table["year"] = table["doc_id"].map(dict(zip(reports.doc_ids, reports.docvars["year"])))
    by_year = table[table["pattern"] == "numbered"].pivot_table(
        index="normalized", columns="year", values="count", aggfunc="sum"
    )
    for form in ("三去一降一补", "六稳", "六保", "三个代表"):
        assert form in by_year.index, form
        assert by_year.loc[form].sum() >= 2
    assert by_year.loc["三个代表"].notna().sum() >= 5  # the formulation recurs across years
    for row in table.itertuples():
        text = reports[row.doc_id].text
        assert all(pt.convert(text[s : s + len(row.term)], "t2s") == row.normalized for s in row.starts)


def _traditional_corpora() -> dict[str, pt.Corpus]:
    from tests.conftest import SEED, shared_path

    return {
        "seed": pt.read_corpus(shared_path(SEED).parent, clean=True),
        "ly-gazette": pt.read_corpus(shared_path("corpora/ly-gazette-tw"), clean=True),
    }


def _boundaries_inside(seg: pt.Segmentation, start: int, end: int) -> bool:
    """Whether the occurrence [start, end) of the analysis text is cut: its tokens start at
    ``start`` and end at ``end`` (it is no part of a longer word that overlaps it, as
    组织建设 in 基层党组织|建设), and a boundary falls inside."""
    import numpy as np

    starts, ends = seg.analysis_starts, seg.analysis_ends
    exact = bool(np.any(starts == start)) and bool(np.any(ends == end))
    return exact and bool(np.any((starts > start) & (starts < end)))


def test_traditional_lexicon_terms_stay_whole() -> None:
    """Every lexicon term used at least 5 times in the seed or the Legislative Yuan records
    stays one piece in segmentation, and no keyword is a piece of it; the keywords are
    written in Traditional, with the Simplified form beside."""
    entries = sorted({word for word, _, _ in lexicon_entries()}, key=len, reverse=True)
    for name, corpus in _traditional_corpora().items():
        segs = [pt.segment(text) for text in corpus.texts]
        simplified = [seg.analysis_text for seg in segs]  # the text as analysis reads it (t2s)
        found = {w: n for w in entries if (n := sum(s.count(w) for s in simplified)) >= 5}
        print(f"\n{name}: lexicon terms used 5 times or more: " + ", ".join(f"{w} ×{n}" for w, n in found.items()))
        assert found
        broken = []
        for seg, analysis in zip(segs, simplified):
            for word in found:
                at = analysis.find(word)
                while at >= 0:
                    if _boundaries_inside(seg, at, at + len(word)):
                        broken.append(f"{word} at {at}: {'|'.join(pt.segment(analysis[max(0, at - 3) : at + len(word) + 3]).normalized)}")
                    at = analysis.find(word, at + 1)
        assert broken == [], broken[:20]
        table = pt.keywords(corpus)
        pieces = [
            (kw, word) for kw in set(table["normalized"]) for word in found
            if kw != word and kw in word and sum(s.count(kw) for s in simplified) <= found[word] * word.count(kw)
        ]
        assert pieces == [], pieces
        for row in table.itertuples():
            text = corpus[row.doc_id].text
            assert text[row.start : row.end] == row.term and pt.analysis_text(row.term).text == row.normalized
        written = table[table["term"] != table["normalized"]]
        assert len(written) >= 0.3 * len(table), name  # Traditional forms, not Simplified ones


def test_cross_strait_vocabulary_is_whole_in_both_scripts() -> None:
    words = ["九二共識", "釣魚臺列嶼", "兩岸", "新南向", "前瞻基礎建設", "長照", "一例一休", "年金改革"]
    text = "，".join(words) + "。"
    tokens = pt.segment(text).tokens
    assert all(w in tokens for w in words), tokens
    simplified = pt.convert(text, "t2s")
    assert all(pt.convert(w, "t2s") in pt.segment(simplified).tokens for w in words)
