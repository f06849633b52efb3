"""Text reuse on made-up documents: planted passages with light edits, offsets into the texts
as given, boilerplate, exact duplicates, the diffusion table, and the fingerprints' guarantee."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.compare.reuse import (
    BOILERPLATE_COLUMNS,
    DUPLICATE_COLUMNS,
    PAIR_COLUMNS,
    PASSAGE_COLUMNS,
    diffusion_columns,
    fingerprints,
    reuse,
)
from policytext.errors import ConfigError

# characters to make text of: common Han characters, each a different word of its own
HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
SALUTATION = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："


def _filler(rng: random.Random, n: int) -> str:
    """``n`` characters of random Han text with a full stop every 20 or so."""
    out = []
    for k in range(n):
        out.append("。" if k % 23 == 22 else rng.choice(HAN))
    return "".join(out)


def _corpus(texts: list[str], **docvars: list[object]) -> pt.Corpus:
    return pt.Corpus(texts, pd.DataFrame({"doc_id": [f"d{k}" for k in range(len(texts))], **docvars}))


PASSAGE = "因地制宜发展特色产业，培育新型农业经营主体，完善农业社会化服务体系，推动小农户和现代农业发展有机衔接。"


def test_an_edited_passage_is_one_passage_with_offsets_into_the_original() -> None:
    rng = random.Random(1)
    # the copy: a place name changed, 要 inserted, white space and full-width digits around
    copy = PASSAGE.replace("特色", "保定").replace("培育", "要培育")
    a = _filler(rng, 300) + PASSAGE + _filler(rng, 200)
    b = _filler(rng, 150) + "\n " + copy[:20] + "\u3000" + copy[20:] + "２０２４" + _filler(rng, 300)
    found = reuse(_corpus([a, b]))
    assert tuple(found.passages.columns) == PASSAGE_COLUMNS and tuple(found.pairs.columns) == PAIR_COLUMNS
    assert len(found.passages) == 1
    row = found.passages.iloc[0]
    assert (row["doc_a"], row["doc_b"]) == ("d0", "d1")
    assert a[row["start_a"] : row["end_a"]] == row["text_a"] and b[row["start_b"] : row["end_b"]] == row["text_b"]
    # the whole passage, across both edits (a few characters either way)
    assert abs(row["start_a"] - 300) <= 3 and abs(row["end_a"] - (300 + len(PASSAGE))) <= 3
    assert 0.85 <= row["similarity"] < 1.0 and row["length"] >= len(PASSAGE) - 6
    assert row["share_a"] == pytest.approx(row["length"] / len(a), abs=0.02)
    pair = found.pairs.iloc[0]
    assert pair["passages"] == 1 and pair["share_a"] == row["share_a"]


def test_unrelated_documents_share_nothing() -> None:
    rng = random.Random(2)
    found = reuse(_corpus([_filler(rng, 3000) for _ in range(6)]))
    assert found.passages.empty and found.pairs.empty and found.duplicates.empty


def test_traditional_copies_are_found_and_reported_in_their_own_script() -> None:
    rng = random.Random(3)
    simplified = "加强区域协调发展，推动东部地区率先实现现代化，支持中西部地区加快发展。"
    traditional = "加強區域協調發展，推動東部地區率先實現現代化，支持中西部地區加快發展。"
    a, b = _filler(rng, 200) + simplified + _filler(rng, 100), _filler(rng, 80) + traditional
    row = reuse(_corpus([a]), _corpus([b])).passages.iloc[0]
    assert row["text_b"] == traditional[: len(row["text_b"])] or traditional.endswith(row["text_b"])
    assert len(row["text_b"]) >= len(traditional) - 2 and b[row["start_b"] : row["end_b"]] == row["text_b"]


def test_a_salutation_opening_many_notices_is_boilerplate_not_reuse() -> None:
    rng = random.Random(4)
    notices = [f"国发〔2020〕{k}号\n{SALUTATION}\n" + _filler(rng, 800) for k in range(12)]
    # one real copy between two of them, after the salutation
    notices[5] += PASSAGE
    notices[9] = notices[9][:400] + PASSAGE + notices[9][400:]
    found = reuse(_corpus(notices))
    assert tuple(found.boilerplate.columns) == BOILERPLATE_COLUMNS
    labelled = found.boilerplate[found.boilerplate["text"].str.contains("直辖市人民政府", regex=False)]
    assert set(labelled["doc_id"]) == {f"d{k}" for k in range(12)}
    for row in found.boilerplate.itertuples():
        assert notices[int(row.doc_id[1:])][row.start : row.end] == row.text and row.n_docs >= 5
    assert set(zip(found.pairs["doc_a"], found.pairs["doc_b"])) == {("d5", "d9")}
    assert not found.passages["text_a"].str.contains("自治区", regex=False).any()


def test_exact_duplicates_are_duplicates_not_passages() -> None:
    rng = random.Random(5)
    texts = [_filler(rng, 500) for _ in range(3)]
    copy = " " + texts[1].replace("。", "。\n")  # the same text, laid out differently
    found = reuse(_corpus([*texts, copy]))
    assert tuple(found.duplicates.columns) == DUPLICATE_COLUMNS
    assert found.duplicates.to_dict("records") == [{"doc_a": "d1", "doc_b": "d3", "side": "a", "kind": "exact"}]
    assert found.passages.empty
    # across two corpora, the same text on both sides
    across = reuse(_corpus(texts[:1]), _corpus([texts[0]]))
    assert across.duplicates[["side", "kind"]].values.tolist() == [["ab", "exact"]] and across.passages.empty
    # a record the reader marked (duplicate_of) is listed as such and not aligned
    marked = reuse(_corpus([*texts, texts[2]], duplicate_of=[None, None, None, "d2"]))
    assert marked.duplicates["kind"].tolist() == ["duplicate_of"] and marked.passages.empty


def test_diffusion_names_the_earliest_document_of_each_passage() -> None:
    rng = random.Random(6)
    central = _filler(rng, 200) + PASSAGE + _filler(rng, 200)
    counties = [_filler(rng, 100) + PASSAGE.replace("农业", "农村", 1) + _filler(rng, 150) for _ in range(3)]
    found = reuse(_corpus([*counties, central], year=[2018, 2019, 2020, 2017], county=["甲县", "乙县", "丙县", "中央"]),
                  by="year", group="county")
    table = found.diffusion
    assert table is not None and tuple(table.columns) == diffusion_columns("year", "county")
    assert table["passage"].nunique() == 1
    first = table[table["role"] == "first"]
    assert first["doc_id"].tolist() == ["d3"] and (table["first_doc"] == "d3").all()
    later = table[table["role"] == "reuse"].sort_values("year")
    assert later["doc_id"].tolist() == ["d0", "d1", "d2"] and later["lag"].tolist() == [1.0, 2.0, 3.0]
    assert (table["first_county"] == "中央").all()


def test_bad_options_are_refused() -> None:
    corpus = _corpus(["甲乙丙丁"])
    with pytest.raises(ConfigError):
        reuse(corpus, shingle=1)
    with pytest.raises(ConfigError):
        reuse(corpus, min_length=3)
    with pytest.raises(ConfigError):
        reuse(corpus, max_df=1)


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**31), st.integers(8, 60), st.integers(0, 200), st.integers(0, 200))
def test_a_shared_run_of_eight_characters_always_shares_a_fingerprint(seed: int, n: int, left: int, right: int) -> None:
    rng = random.Random(seed)
    run = "".join(rng.choice(HAN) for _ in range(n))
    a, b = _filler(rng, left) + run, run + _filler(rng, right)
    h, doc, _ = fingerprints([_codes(a), _codes(b)])
    assert set(h[doc == 0].tolist()) & set(h[doc == 1].tolist())


CHUNK = st.sampled_from(["甲乙丙丁", "戊己庚辛", "，", "。", " ", "\n", "要", "保定", "Ａ", "１２", "發展", "发展", "\u200b"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(CHUNK, min_size=0, max_size=60), min_size=1, max_size=4), st.integers(0, 2**31))
def test_every_offset_points_into_the_text_as_given(pieces: list[list[str]], seed: int) -> None:
    rng = random.Random(seed)
    shared = PASSAGE[rng.randrange(0, 10) :]
    texts = []
    for chunks in pieces:
        at = rng.randrange(0, len(chunks) + 1)
        texts.append("".join(chunks[:at]) + (shared if rng.random() < 0.7 else "") + "".join(chunks[at:]))
    found = reuse(_corpus(texts), min_length=8)
    for row in found.passages.itertuples():
        a, b = texts[int(row.doc_a[1:])], texts[int(row.doc_b[1:])]
        assert 0 <= row.start_a < row.end_a <= len(a) and 0 <= row.start_b < row.end_b <= len(b)
        assert a[row.start_a : row.end_a] == row.text_a and b[row.start_b : row.end_b] == row.text_b
        assert 0.0 < row.share_a <= 1.0 and 0.0 < row.share_b <= 1.0 and 0.0 < row.similarity <= 1.0
    for row in found.boilerplate.itertuples():
        assert texts[int(row.doc_id[1:])][row.start : row.end] == row.text


def test_the_dask_path_gives_the_same_tables() -> None:
    distributed = pytest.importorskip("dask.distributed")
    rng = random.Random(9)
    shared = [_filler(rng, 120) for _ in range(13)]  # document i and i + 1 share passage i + 1
    texts = [_filler(rng, 200) + shared[i] + _filler(rng, 200) + shared[i + 1] for i in range(12)]
    corpus = _corpus(texts, year=[2010 + i for i in range(12)])
    here = reuse(corpus, by="year")
    assert len(here.passages) > 10
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        there = reuse(corpus, by="year", scheduler=cluster.scheduler_address)
    pd.testing.assert_frame_equal(here.passages, there.passages)
    pd.testing.assert_frame_equal(here.pairs, there.pairs)
    assert here.diffusion is not None and there.diffusion is not None
    pd.testing.assert_frame_equal(here.diffusion, there.diffusion)


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    pytest.importorskip("dask.distributed")
    rng = random.Random(10)
    corpus = _corpus([_filler(rng, 200) + PASSAGE for _ in range(2)])
    with pytest.raises(ConfigError, match="Dask scheduler"):
        reuse(corpus, scheduler="tcp://127.0.0.1:9")
