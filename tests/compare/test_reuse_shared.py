"""Text reuse on real documents of ../shared with planted reuse: passages of 20–500 characters
copied, with light edits at known places (a place name changed, 要 inserted, a character
dropped, a punctuation mark changed), between the local documents (the Baoding county work
reports and the national work reports) and the central ones (State Council documents of
gccmpd-gov-prc), both ways, with a fixed seed. They must be found (recall and precision ≥ 0.95,
a plant found when a passage covers 80% of its span in both documents); and no pair may be
reported that shares neither a planted passage nor an exact span of 50 characters (ground
truth computed here, by hashing every 50-character window of the texts, independently of the
library).

Real documents share passages of their own: a county report and a State Council document carry
the same formulas, lightly edited (产权清晰、权责明确、政企分开、管理科学 …), and the library
reports them, as it should, though they are neither planted nor exact over 50 characters. So the
documents that share a span of 10 letters and digits (punctuation left out) across the two sides
before planting are left out (the fewest documents that cut every such link, found greedily,
independently of the library): 111 local documents and 51 central ones remain. A planted copy
can also take along a template that other documents of its source's side hold (a pair through
the copy, checked with rapidfuzz: see :func:`_echoes`). A second test reads the State Council
documents alone: their salutation is boilerplate, their exact duplicates are duplicates.
"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import pandas as pd
import pytest

import policytext as pt
from policytext.compare.reuse import reuse
from tests.conftest import WIKISOURCE, shared_path

pytestmark = pytest.mark.shared

SEED = 20261207
GOV = "corpora/gccmpd-gov-prc"
COUNTY = "corpora/baoding-county-reports"
PLANTS = 120
UNLINKED = 10  # documents sharing a span this long (punctuation left out) across the sides are left out
SPACE = re.compile(r"[\s\u200b-\u200d\ufeff]+")
WORDING = re.compile(r"[\W_]+")  # punctuation and white space: what a formula's variants differ in
PLACES = ["保定", "河北", "雄安", "涿州", "满城", "易县", "唐县"]
WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


@dataclass
class Plant:
    source: str  # doc_id of the document copied from
    host: str  # doc_id of the document copied into
    source_span: tuple[int, int]  # in the source text
    host_span: tuple[int, int] = (0, 0)  # in the host text once planted
    text: str = ""  # the copy, edited
    edits: tuple[str, ...] = ()


def _bare(text: str) -> str:
    """The text without white space, full-width ASCII folded (as the library reads it)."""
    return SPACE.sub("", text).translate(WIDE)


def _windows(text: str, size: int) -> set[str]:
    bare = _bare(text)
    return {bare[i : i + size] for i in range(len(bare) - size + 1)}


def _edited(passage: str, rng: random.Random) -> tuple[str, tuple[str, ...]]:
    """``passage`` with one light edit per 120 characters (one at least), at places at least
    8 characters apart and away from the ends."""
    count = 1 + len(passage) // 120
    places = sorted(rng.sample(range(4, len(passage) - 4, 8), min(count, (len(passage) - 8) // 8)), reverse=True)
    edits = []
    for at in places:
        kind = rng.choice(["place", "要", "drop", "punct"])
        if kind == "place":
            passage = passage[:at] + rng.choice(PLACES) + passage[at + 2 :]
        elif kind == "要":
            passage = passage[:at] + "要" + passage[at:]
        elif kind == "drop":
            passage = passage[:at] + passage[at + 1 :]
        else:
            passage = passage[:at] + "，" + passage[at + 1 :]
        edits.append(f"{kind}@{at}")
    return passage, tuple(edits)


def _passage(text: str, length: int, spread: Counter[str], rng: random.Random) -> tuple[int, int] | None:
    """A span of ``text`` about ``length`` characters long, without white space at either end,
    none of whose 10-character windows stands anywhere else (``spread``: occurrences per
    window), so this document's own wording, not a formula other documents share."""
    for _ in range(200):
        start = rng.randrange(0, max(1, len(text) - length))
        end = min(len(text), start + length)
        piece = text[start:end]
        if len(_bare(piece)) < 20 or piece != piece.strip():
            continue
        if all(spread[w] == 1 for w in _windows(piece, 10)):
            return start, end
    return None


def _plant(hosts: dict[str, str], sources: dict[str, str], count: int, spread: Counter[str],
           rng: random.Random) -> list[Plant]:
    """Copy ``count`` passages from ``sources`` into ``hosts`` (edited), after a full stop of
    the host; ``hosts`` gets the new texts and each plant its span there."""
    plants: list[Plant] = []
    inserts: dict[str, list[tuple[int, Plant]]] = {h: [] for h in hosts}
    source_ids, host_ids = sorted(sources), sorted(hosts)
    while len(plants) < count:
        source, host = rng.choice(source_ids), rng.choice(host_ids)
        length = rng.randint(20, 60) if len(plants) % 2 else rng.randint(60, 500)
        span = _passage(sources[source], length, spread, rng)
        if span is None or len(inserts[host]) >= 3:
            continue
        text, edits = _edited(sources[source][span[0] : span[1]], rng)
        stops = [m.end() for m in re.finditer("。", hosts[host])] or [len(hosts[host])]
        plant = Plant(source, host, span, text=text, edits=edits)
        inserts[host].append((rng.choice(stops), plant))
        plants.append(plant)
    for host, planted in inserts.items():
        text, out, at, shift = hosts[host], [], 0, 0
        for where, plant in sorted(planted, key=lambda x: x[0]):
            out.append(text[at:where])
            shift += where - at
            plant.host_span = (shift, shift + len(plant.text))
            out.append(plant.text)
            shift += len(plant.text)
            at = where
        out.append(text[at:])
        hosts[host] = "".join(out)
    return plants


def _exact_pairs(texts_a: dict[str, str], texts_b: dict[str, str], size: int = 50,
                 words_only: bool = False) -> set[tuple[str, str]]:
    """Pairs (a, b) whose texts (white space left out; punctuation too with ``words_only``)
    share a span of ``size`` characters: every window of b hashed, every window of a looked up."""
    read = (lambda t: WORDING.sub("", _bare(t))) if words_only else _bare
    where: dict[str, set[str]] = defaultdict(set)
    for doc, text in texts_b.items():
        bare = read(text)
        for i in range(len(bare) - size + 1):
            where[bare[i : i + size]].add(doc)
    found = set()
    for doc, text in texts_a.items():
        bare = read(text)
        for i in range(len(bare) - size + 1):
            found.update((doc, other) for other in where.get(bare[i : i + size], ()))
    return found


def _unlinked(local: dict[str, str], central: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Both sides without the fewest documents (greedily: the most linked first) that cut
    every link: a span of :data:`UNLINKED` letters and digits shared across (so 持续、快速、
    健康发展 and 持续快速协调健康发展 are linked)."""
    links: dict[str, set[str]] = defaultdict(set)
    for a, b in _exact_pairs(local, central, UNLINKED, words_only=True):
        links[a].add(b)
        links[b].add(a)
    while any(links.values()):
        worst = max(sorted(links), key=lambda d: len(links[d]))
        for other in links.pop(worst):
            links[other].discard(worst)
        local.pop(worst, None)
        central.pop(worst, None)
    return local, central


def _echoes(pairs: set[tuple[str, str]], plants: list[Plant], texts: dict[str, str]) -> set[tuple[str, str]]:
    """The pairs (x, h) or (h, x) where ``h`` holds a planted copy and ``x`` already held wording
    like a part of it: a window of 20 characters of the copy (every 4th) and one of ``x`` with an
    Indel similarity ≥ 0.7 (rapidfuzz's ``partial_ratio``, not the library). A county report copied
    into a State Council document takes along a template other county reports share (市重点项目
    19项，总投资834.59亿元), and the library rightly pairs them: that pair shares a planted
    passage, through the copy."""
    from rapidfuzz import fuzz

    explained = set()
    for pair in pairs:
        for host, other in (pair, pair[::-1]):
            copies = [_bare(p.text) for p in plants if p.host == host]
            bare = _bare(texts[other])
            if any(fuzz.partial_ratio(c[i : i + 20], bare) >= 70
                   for c in copies for i in range(0, max(1, len(c) - 19), 4)):
                explained.add(pair)
    return explained


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def _texts(corpus: pt.Corpus, keep: list[bool] | None = None) -> dict[str, str]:
    keep = keep or [True] * len(corpus)
    return {d: t for d, t, k in zip(corpus.doc_ids, corpus.texts, keep) if k and len(_bare(t)) >= 300}


@pytest.fixture(scope="module")
def planted() -> tuple[pt.Corpus, pt.Corpus, list[Plant]]:
    gov = pt.read_corpus(shared_path(GOV))
    county = pt.read_corpus(shared_path(COUNTY))
    wiki = pt.read_corpus(shared_path(WIKISOURCE))
    local = {**_texts(county), **_texts(wiki, (wiki.docvars["year_source"] == "column").tolist())}
    local, central = _unlinked(local, _texts(gov))
    spread = Counter(w for t in {**local, **central}.values() for w in _windows(t, 10))
    rng = random.Random(SEED)
    local_ids, central_ids = sorted(local), sorted(central)
    local_hosts = {d: local[d] for d in local_ids[::2]}
    local_sources = {d: local[d] for d in local_ids[1::2]}
    central_hosts = {d: central[d] for d in central_ids[::2]}
    central_sources = {d: central[d] for d in central_ids[1::2]}
    plants = _plant(local_hosts, central_sources, PLANTS // 2, spread, rng)
    plants += _plant(central_hosts, local_sources, PLANTS - PLANTS // 2, spread, rng)
    local = {**local_hosts, **local_sources}
    central = {**central_hosts, **central_sources}
    corpus = pt.Corpus(list(local.values()), pd.DataFrame({"doc_id": list(local)}))
    other = pt.Corpus(list(central.values()), pd.DataFrame({"doc_id": list(central)}))
    return corpus, other, plants


def _sides(plant: Plant, texts_a: dict[str, str]) -> tuple[str, str, tuple[int, int], tuple[int, int]]:
    """(doc_a, doc_b, span in a, span in b) of a plant: a is the local document."""
    if plant.host in texts_a:
        return plant.host, plant.source, plant.host_span, plant.source_span
    return plant.source, plant.host, plant.source_span, plant.host_span


def test_planted_reuse_is_found_and_nothing_else(planted: tuple[pt.Corpus, pt.Corpus, list[Plant]]) -> None:
    corpus, other, plants = planted
    found = reuse(corpus, other)
    texts_a, texts_b = dict(zip(corpus.doc_ids, corpus.texts)), dict(zip(other.doc_ids, other.texts))
    rows = list(found.passages.itertuples())
    # offsets point into the texts as given
    for row in rows:
        assert texts_a[row.doc_a][row.start_a : row.end_a] == row.text_a
        assert texts_b[row.doc_b][row.start_b : row.end_b] == row.text_b
    missed = []
    for plant in plants:
        doc_a, doc_b, span_a, span_b = _sides(plant, texts_a)
        if not any(r.doc_a == doc_a and r.doc_b == doc_b
                   and _overlap((r.start_a, r.end_a), span_a) >= 0.8 * (span_a[1] - span_a[0])
                   and _overlap((r.start_b, r.end_b), span_b) >= 0.8 * (span_b[1] - span_b[0]) for r in rows):
            missed.append((len(plant.text), plant.edits))
    # a found passage is right when half of it, in the document copied into, is a planted copy
    # (a planted copy of a phrase its source holds twice is found twice: both are right)
    true = 0
    for r in rows:
        for p in plants:
            doc_a, doc_b, span_a, span_b = _sides(p, texts_a)
            if (doc_a, doc_b) != (r.doc_a, r.doc_b):
                continue
            here, span = ((r.start_a, r.end_a), span_a) if p.host == doc_a else ((r.start_b, r.end_b), span_b)
            if _overlap(here, span) * 2 >= here[1] - here[0]:
                true += 1
                break
    recall = 1 - len(missed) / len(plants)
    precision = true / max(len(rows), 1)
    allowed = _exact_pairs(texts_a, texts_b) | {_sides(p, texts_a)[:2] for p in plants}
    reported = set(zip(found.pairs["doc_a"], found.pairs["doc_b"]))
    unexplained = reported - allowed
    echoes = _echoes(unexplained, plants, {**texts_a, **texts_b})
    stray = unexplained - echoes
    short = [len(p.text) for p in plants if len(p.text) < 60]
    print(f"\nplanted {len(plants)} passages ({len(short)} under 60 characters) between {len(corpus)} local and "
          f"{len(other)} central documents; found {len(rows)} passages in {len(reported)} pairs")
    print(f"recall {recall:.3f}, precision {precision:.3f}; pairs with neither a planted passage nor an exact "
          f"50-character span: {len(stray)} (and {len(echoes)} that share one through a copy); missed: {missed}")
    assert len(plants) == PLANTS and len(short) >= PLANTS // 3
    assert recall >= 0.95
    assert precision >= 0.95
    assert not stray, stray
    assert len(echoes) <= 0.05 * len(reported)  # the excuse stays an exception


def test_state_council_salutations_are_boilerplate_and_copies_duplicates() -> None:
    gov = pt.read_corpus(shared_path(GOV))
    found = reuse(gov)
    texts = dict(zip(gov.doc_ids, gov.texts))
    for row in found.boilerplate.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    common = found.boilerplate["text"].map(_bare)
    # the salutation of the State Council's notices, in the documents that open with it
    salutation = _bare("各省、自治区、直辖市人民政府，国务院各部委、各直属机构")
    assert common.str.contains(salutation, regex=False).sum() >= 5
    with_it = {d for d, t in texts.items() if salutation in _bare(t)}
    assert len(with_it) >= 5
    # no reused passage is the salutation: it is labelled, not reported
    for row in found.passages.itertuples():
        assert salutation not in _bare(row.text_a) and salutation not in _bare(row.text_b)
    # documents with the same text are duplicates, never a pair of passages: the reader marks
    # them (duplicate_of); without its marks, reuse finds them itself (exact)
    same: dict[str, list[str]] = defaultdict(list)
    for d, t in texts.items():
        if _bare(t):
            same[_bare(t)].append(d)
    copies = {(ds[0], d) for ds in same.values() for d in ds[1:]}
    assert copies, "the State Council table holds exact copies"
    bare_corpus = pt.Corpus(list(texts.values()), pd.DataFrame({"doc_id": list(texts)}))
    for result, kind in ((found, "duplicate_of"), (reuse(bare_corpus), "exact")):
        listed = result.duplicates[result.duplicates["kind"] == kind]
        assert copies <= set(zip(listed["doc_a"], listed["doc_b"])), kind
        paired = set(zip(result.pairs["doc_a"], result.pairs["doc_b"]))
        assert not {(a, b) for ds in same.values() for a in ds for b in ds} & paired
