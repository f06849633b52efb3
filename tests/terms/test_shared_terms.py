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
    return corpus.subset(corpus.docvars["year_source"] == "docvars")


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
