"""The diff on the real work reports in ../shared: planted edits it must recover, and the
target changes of the national reports read from the texts themselves."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

import pandas as pd
import pytest

import policytext as pt
from policytext.compare.diff import diff, sentence_spans, target_changes

pytestmark = pytest.mark.shared

HAN = re.compile(r"[\u4e00-\u9fff]")
ENDS = re.compile(r"[。！？][”’」』）)]*$")


@dataclass
class Sentence:
    text: str
    origin: int | None  # index of the sentence in the unedited text; None for an inserted one
    span_b: tuple[int, int] = (0, 0)


@dataclass
class Edit:
    kind: str  # removed, added, changed, moved, split
    origins: list[int]  # the sentences of the unedited text it touches
    span_a: tuple[int, int] | None = None
    spans_b: list[tuple[int, int]] = field(default_factory=list)
    changed_b: tuple[int, int] | None = None  # the replaced characters (a reworded sentence)
    sentences: list[Sentence] = field(default_factory=list)


def _paragraphs(text: str) -> list[list[str]]:
    """The report as paragraphs of sentences (white space inside a line left out)."""
    found = []
    for line in text.splitlines():
        sentences = [re.sub(r"\s+", "", line[s:e]) for s, e in sentence_spans(line)]
        sentences = [s for s in sentences if s]
        if sentences:
            found.append(sentences)
    return found


def _render(paragraphs: list[list[Sentence]]) -> str:
    """Join paragraphs by line breaks; each sentence learns its span."""
    out, at = [], 0
    for k, paragraph in enumerate(paragraphs):
        if k:
            out.append("\n")
            at += 1
        for sentence in paragraph:
            sentence.span_b = (at, at + len(sentence.text))
            out.append(sentence.text)
            at += len(sentence.text)
    return "".join(out)


def _plant(text: str, donor: str, rng: random.Random, counts: dict[str, int]) -> tuple[str, str, list[Edit]]:
    """The unedited text (a), the edited one (b) and the edits, each on sentences of its
    own with untouched sentences around it (so that no two edits read as one)."""
    paragraphs = [[Sentence(s, None) for s in p] for p in _paragraphs(text)]
    n = 0
    for p in paragraphs:
        for s in p:
            s.origin, n = n, n + 1
    sentences = [s for p in paragraphs for s in p]
    a = _render(paragraphs)
    spans_a = [s.span_b for s in sentences]
    seen: dict[str, int] = {}
    for s in sentences:
        seen[s.text] = seen.get(s.text, 0) + 1
    taken: set[int] = set()

    def free(i: int) -> bool:  # the sentence and its neighbours untouched, its text unique
        return all(j not in taken for j in (i - 1, i, i + 1)) and seen[sentences[i].text] == 1

    edits: list[Edit] = []
    # a paragraph moved at least six paragraphs down, over more sentences than it holds
    for _ in range(counts["moved"]):
        options = [k for k, p in enumerate(paragraphs[:-8]) if 1 <= len(p) <= 3 and k > 2
                   and all(free(s.origin) for s in p) and sum(len(q) for q in paragraphs[k + 1 : k + 7]) > 3 * len(p)]
        k = rng.choice(options)
        moving = paragraphs.pop(k)
        # between two paragraphs that no edit touched
        targets = [t for t in range(k + 6, len(paragraphs)) if all(
            s.origin is not None and s.origin not in taken for s in paragraphs[t - 1][-1:] + paragraphs[t][:1])]
        target = rng.choice(targets)
        paragraphs.insert(target, moving)
        taken.update(s.origin for s in moving)
        taken.update(s.origin for s in paragraphs[target - 1][-1:] + paragraphs[target + 1][:1] if s.origin is not None)
        edits.append(Edit("moved", [s.origin for s in moving], sentences=moving))
    for kind in ("removed", "changed", "split", "added"):
        for _ in range(counts[kind]):
            edits.append(_one_edit(kind, paragraphs, sentences, free, taken, donor, rng))
    for edit in edits:
        if edit.kind in ("removed", "changed", "split"):
            edit.span_a = spans_a[edit.origins[0]]
    b = _render(paragraphs)
    for edit in edits:
        edit.spans_b = [s.span_b for s in edit.sentences]
        if edit.kind == "changed":
            offset, length = edit.changed_b  # type: ignore[misc]
            edit.changed_b = (edit.spans_b[0][0] + offset, edit.spans_b[0][0] + offset + length)
    return a, b, edits


def _one_edit(kind: str, paragraphs: list[list[Sentence]], sentences: list[Sentence], free, taken: set[int],  # type: ignore[no-untyped-def]
              donor: str, rng: random.Random) -> Edit:
    where = {id(s): (k, i) for k, p in enumerate(paragraphs) for i, s in enumerate(p)}
    if kind == "added":
        k = rng.randrange(1, len(paragraphs))
        i = rng.randrange(0, len(paragraphs[k]) + 1)
        near = paragraphs[k][max(0, i - 1) : i + 1]
        # among untouched sentences, after one that ends (not run on from a heading line)
        if any(s.origin is None or s.origin in taken for s in near) or (i and not ENDS.search(near[0].text)):
            return _one_edit(kind, paragraphs, sentences, free, taken, donor, rng)
        own = {s.text for s in sentences}
        pool = [s for s in _paragraphs(donor) for s in s if len(s) >= 12 and s not in own and ENDS.search(s)]
        new = Sentence(rng.choice(pool), None)
        paragraphs[k].insert(i, new)
        taken.update(s.origin for s in near)  # type: ignore[misc]
        return Edit("added", [], sentences=[new])
    if kind == "removed":
        options = [s for s in sentences if free(s.origin) and id(s) in where and len(s.text) >= 8]
    elif kind == "changed":
        options = [s for s in sentences if free(s.origin) and id(s) in where and len(HAN.findall(s.text)) >= 20]
    else:
        options = [s for s in sentences if free(s.origin) and id(s) in where and _split_at(s.text) is not None]
    s = rng.choice(options)
    taken.add(s.origin)  # type: ignore[arg-type]
    k, i = where[id(s)]
    if kind == "removed":
        paragraphs[k].pop(i)
        return Edit("removed", [s.origin])  # type: ignore[list-item]
    if kind == "changed":
        return _reword(s, rng)
    cut = _split_at(s.text)
    assert cut is not None
    first, second = Sentence(s.text[:cut] + "。", s.origin), Sentence(s.text[cut + 1 :], s.origin)
    paragraphs[k][i : i + 1] = [first, second]
    return Edit("split", [s.origin], sentences=[first, second])  # type: ignore[list-item]


def _split_at(text: str) -> int | None:
    """A ， or ； with at least eight characters either side, nearest the middle."""
    cuts = [m.start() for m in re.finditer("[，；]", text) if 8 <= m.start() <= len(text) - 10]
    return min(cuts, key=lambda c: abs(c - len(text) / 2)) if cuts else None


def _reword(s: Sentence, rng: random.Random) -> Edit:
    """Replace a run of 1–5 Han characters by others (never the same character)."""
    length = rng.randint(1, 5)
    at = rng.choice([m.start() for m in re.finditer(f"(?=[\u4e00-\u9fff]{{{length}}})", s.text)])
    pool = "发展改革建设推进完善加强提高创新制度经济社会企业市场政策"
    new = "".join(rng.choice([c for c in pool if c != old]) for old in s.text[at : at + length])
    s.text = s.text[:at] + new + s.text[at + length :]
    return Edit("changed", [s.origin], changed_b=(at, length), sentences=[s])  # type: ignore[list-item]


def _span(row: pd.Series, side: str) -> tuple[int, int] | None:
    start, end = row[f"start_{side}"], row[f"end_{side}"]
    return None if pd.isna(start) else (int(start), int(end))


def _reports(table: pd.DataFrame) -> list[dict]:  # type: ignore[type-arg]
    """The rows that say something changed; consecutive moved rows form one report."""
    reports: list[dict] = []  # type: ignore[type-arg]
    for _, row in table[table["op"] != "same"].iterrows():
        span_b = _span(row, "b")
        last = reports[-1] if reports else None
        if row["op"] == "moved" and last is not None and last["op"] == "moved" and last["rows"][-1] == row.name - 1:
            last["spans_b"].append(span_b)
            last["rows"].append(row.name)
            continue
        reports.append({"op": row["op"], "span_a": _span(row, "a"), "spans_b": [span_b] if span_b else [],
                        "inserted": [(x["start"], x["end"]) for x in row["inserted"]], "rows": [row.name]})
    return reports


def _matches(report: dict, edit: Edit) -> bool:  # type: ignore[type-arg]
    if report["op"] != edit.kind:
        return False
    if edit.kind == "removed":
        return report["span_a"] == edit.span_a
    if edit.kind == "added":
        return report["spans_b"] == edit.spans_b
    if edit.kind == "moved":
        return sorted(report["spans_b"]) == sorted(edit.spans_b)
    if edit.kind == "split":
        whole = (edit.spans_b[0][0], edit.spans_b[-1][1])
        return report["span_a"] == edit.span_a and report["spans_b"] == [whole]
    lo, hi = edit.changed_b  # type: ignore[misc]
    # every replaced character lies in an inserted run of words
    covered = all(any(s <= k < e for s, e in report["inserted"]) for k in range(lo, hi))
    return report["span_a"] == edit.span_a and report["spans_b"] == edit.spans_b and covered


COUNTS = {"moved": 2, "removed": 2, "changed": 3, "split": 2, "added": 2}
YEARS = (1986, 1998, 2005, 2009, 2013, 2016, 2018, 2022)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_planted_edits_are_recovered(national_corpus: pt.Corpus, script: str) -> None:
    """Each report gets its edits (fixed seed); the edited text is also tried in Traditional
    script (OpenCC s2t keeps every offset of these reports: checked)."""
    rng = random.Random(20240305)
    by_year = dict(zip(national_corpus.docvars["year"], national_corpus.texts))
    per_kind: dict[str, list[int]] = {kind: [0, 0] for kind in COUNTS}  # recovered, planted
    correct = reported = 0
    for year in YEARS:
        a, b, planted = _plant(by_year[year], by_year[year - 1], rng, COUNTS)
        if script == "traditional":
            b, simplified = pt.convert(b, "s2t"), b
            assert len(b) == len(simplified) and b != simplified
        reports = _reports(diff(a, b))
        found = [any(_matches(r, e) for r in reports) for e in planted]
        correct += sum(any(_matches(r, e) for e in planted) for r in reports)
        reported += len(reports)
        for edit, ok in zip(planted, found):
            per_kind[edit.kind][0] += ok
            per_kind[edit.kind][1] += 1
    recovered = sum(v[0] for v in per_kind.values())
    planted_total = sum(v[1] for v in per_kind.values())
    precision, recall = correct / reported, recovered / planted_total
    print(f"\nplanted edits in {len(YEARS)} reports ({script} b): {planted_total} edits, {reported} reports; "
          f"precision {precision:.3f}, recall {recall:.3f}")
    for kind, (ok, total) in per_kind.items():
        print(f"  {kind:8} {ok}/{total}")
    assert precision >= 0.95 and recall >= 0.95


def test_gdp_target_changes_as_written(national_corpus: pt.Corpus) -> None:
    reports = national_corpus.subset(national_corpus.docvars["year"] >= 2015)
    stated = pt.compare.targets(reports)
    gdp = stated[stated["target"] == "gdp_growth"].set_index("year")
    texts = dict(zip(reports.doc_ids, reports.texts))
    written = {year: texts[row.doc_id][row.start : row.end] for year, row in gdp.iterrows()}
    changes = target_changes(reports)
    gdp_changes = changes[changes["target"] == "gdp_growth"].set_index(["year_a", "year_b"])
    for pair in ((2016, 2017), (2018, 2019), (2021, 2022)):
        row = gdp_changes.loc[pair]
        assert (row["change"], row["written_a"], row["written_b"]) == ("changed", written[pair[0]], written[pair[1]])
        print(f"\n{pair[0]}→{pair[1]} gdp_growth: {row['written_a']} → {row['written_b']}")
    for pair in ((2017, 2018), (2023, 2024)):
        assert pair not in gdp_changes.index
