"""Duplicate records: the same text twice, or a teaser beside its full text; versions are not."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from policytext.io.duplicates import _nfkc, find_duplicates, fingerprint

FULL = "各地区、各部门要高度重视，切实加强组织领导，确保各项措施落到实处。" * 3


def test_the_same_text_saved_twice_is_a_duplicate_of_the_first() -> None:
    texts = [FULL, "另一份文件的内容，完全不同。", FULL.replace("。", "。\n") + "  "]
    assert find_duplicates(["a", "b", "c"], texts) == [None, None, "a"]
    assert fingerprint(texts[0]) == fingerprint(texts[2]) != fingerprint(texts[1])


def test_a_cut_off_summary_is_a_duplicate_of_its_full_text() -> None:
    teaser = FULL[:70] + "......"
    assert find_duplicates(["full", "teaser"], [FULL, teaser]) == [None, "full"]
    assert find_duplicates(["teaser", "full"], [teaser, FULL]) == ["full", None]


def test_versions_and_short_common_openings_are_not_duplicates() -> None:
    edition_2007 = "第一条 为了保障石油资源的开采，制定本条例。第二条 适用范围。"
    edition_2011 = "第一条 为了保障石油资源的开采，制定本条例。第二条 适用范围有所调整。"
    salutation = "各省、自治区、直辖市人民政府：……"
    assert find_duplicates(["a", "b", "c"], [edition_2007, edition_2011, salutation]) == [None, None, None]


_MIXED = "中文，。、“”《》〈〉【】0123456789 \n\u3000ＡＢＣ１２３ｅ\u0301e\u0301Ⅱ⑵가각\u1100\u1161ﬁ"


@given(st.text(alphabet=st.sampled_from(_MIXED)) | st.text())
def test_normalising_the_runs_alone_is_nfkc_of_the_whole(text: str) -> None:
    assert _nfkc(text) == unicodedata.normalize("NFKC", text)
