"""Keywords, stopwords, the tokenizer, phrases, formulations and kwic on texts of our own."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.terms import (
    FORMULATION_COLUMNS,
    KEYWORD_COLUMNS,
    KWIC_COLUMNS,
    PolicyTokenizer,
    stopwords,
)
from policytext.terms.entities import named_body, named_organ
from policytext.terms.keyterms import inside_dictionary_word
from policytext.terms.tokenize import fragments_of

REPORTS = [
    "今年要大力推进数字乡村建设，扩大数字乡村试点，数字乡村覆盖全部行政村。进一步加强工作。",
    "全面推进河长制，落实河长制责任，河长制实现全覆盖。进一步加强工作。",
    "推动冰雪旅游发展，冰雪旅游收入增长，冰雪旅游成为新亮点。进一步加强工作。",
]


@pytest.mark.parametrize(
    ("tiers", "inside", "outside"),
    [
        (("function",), "的", "进一步"),
        (("function", "filler"), "进一步", "发展"),
        (("function", "filler", "generic"), "发展", "固本强基"),
    ],
)
def test_stopword_tiers(tiers: tuple[str, ...], inside: str, outside: str) -> None:
    words = stopwords(tiers)
    assert inside in words and outside not in words


@pytest.mark.parametrize(
    ("word", "term"),
    [("四十七个", False), ("第四次", False), ("两项", False), ("第一", False), ("三农", True), ("两会", True),
     ("三个代表", True), ("一带一路", True), ("一次性", True), ("十四五", True)],
)
def test_counted_numerals_are_not_terms(word: str, term: bool) -> None:
    text = f"我们讨论了{word}的情况。"
    assert (word in pt.PolicyTokenizer(phrases=[word])(text)) is term


def test_stopwords_extend_and_keep() -> None:
    words = stopwords(extra=["青川"], keep=["工作"])
    assert "青川" in words and "工作" not in words
    with pytest.raises(ValueError, match="unknown stopword tier"):
        stopwords(["nonsense"])


def test_tokenizer_is_picklable_and_works_in_scikit_learn() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    tokenizer = PolicyTokenizer()
    again = pickle.loads(pickle.dumps(tokenizer))
    assert again(REPORTS[0]) == tokenizer(REPORTS[0])
    assert "进一步" not in tokenizer(REPORTS[0]) and "数字乡村" in "".join(tokenizer(REPORTS[0]))
    vectorizer = TfidfVectorizer(tokenizer=pt.terms.tokenize, lowercase=False, token_pattern=None)
    vectorizer.fit(REPORTS)
    assert "进一步" not in set(vectorizer.get_feature_names_out())
    pickle.loads(pickle.dumps(vectorizer))


def test_tokenizer_follows_a_changed_stopword_setting() -> None:
    # remembered verdicts and memoised texts must not outlive the setting they came from
    tokenizer = PolicyTokenizer()
    assert "试点" in tokenizer(REPORTS[0])
    tokenizer.stopwords = ["试点"]
    assert "试点" not in tokenizer(REPORTS[0])
    tokenizer.stopwords = ("function",)
    assert "试点" in tokenizer(REPORTS[0])


def test_keywords_of_a_corpus_are_each_documents_own() -> None:
    table = pt.keywords(REPORTS, top=3)
    assert tuple(table.columns) == KEYWORD_COLUMNS
    tops = table[table["rank"] == 1].set_index("doc_id")["normalized"].to_dict()
    assert "数字" in tops[0] or "乡村" in tops[0]
    assert tops[1] == "河长制"
    assert "冰雪" in tops[2]
    # 工作 and 进一步 are in every document and in the filler tier: never a keyword
    assert not set(table["normalized"]) & {"工作", "进一步", "加强"}
    for row in table.itertuples():
        assert REPORTS[row.doc_id][row.start : row.end] == row.term


def test_keywords_keep_the_original_script() -> None:
    text = "河長制全面推行，河長制責任落實，河長制考核。" * 3
    table = pt.keywords(text, top=3)
    top = table.iloc[0]
    assert top["term"] == "河長制" and top["normalized"] == "河长制"
    assert text[top["start"] : top["end"]] == "河長制" and top["count"] == 9


def test_textrank_and_bad_arguments() -> None:
    table = pt.keywords(REPORTS, top=2, method="textrank")
    assert set(table["doc_id"]) == {0, 1, 2} and (table["rank"] <= 2).all()
    with pytest.raises(ValueError, match="method"):
        pt.keywords(REPORTS, method="lda")
    with pytest.raises(ValueError, match="top"):
        pt.keywords(REPORTS, top=0)


@pytest.mark.parametrize(
    ("term", "words", "text", "fragment"),
    [
        ("本强基", {"本强基": 1, "固本强基": 10}, "固本强基" * 10 + "本强基。", True),
        ("本强基", {"本强基": 5, "固本强基": 10}, "固本强基" * 10 + "本强基。" * 5, False),  # a third stands alone
        ("一步", {"一步": 1, "进一步": 9}, "进一步" * 9 + "迈出一步", True),  # inside a stopword counts too
        ("改革", {"改革": 4, "供给侧结构性改革": 4}, "供给侧结构性改革" * 4 + "改革" * 4, False),
        # inside two longer words, but mostly inside neither
        ("强基", {"强基": 1, "固本强基": 5, "强基工程": 5}, "固本强基" * 5 + "强基工程" * 5 + "强基", False),
    ],
)
def test_fragments(term: str, words: dict[str, int], text: str, fragment: bool) -> None:
    from collections import Counter

    assert (term in fragments_of([term], Counter(words), text)) is fragment


@pytest.mark.parametrize(
    ("text", "word", "fragment"),
    [
        # the same character after every use, in tokens that differ (口村 and 口)
        ("推进大堤口村整村拆迁。完成大堤口村改居。稳步推进大堤口新村建设。", "大堤", True),
        ("推进大堤口村整村拆迁。完成大堤口村改居。稳步推进大堤口新村建设。加固大堤。", "大堤", False),  # 3 of 4
        # the same character before every use, alone or ending a longer token (土 and 应由土)
        ("制定土海法，这是大事。应由土海法来解决。将土海法送至院会。土海法要尽速通过。", "海法", True),
        # a part a compound gave back is bound to its own neighbour (住院|病房|楼, 门诊|病房|楼)
        ("新建住院病房楼。门诊病房楼投入使用。住院病房楼竣工。", "病房", True),
    ],
)
def test_bound_to_one_neighbouring_character(text: str, word: str, fragment: bool) -> None:
    tokenizer = PolicyTokenizer()
    reason = tokenizer.judge(tokenizer.segment(text)).reasons.get(word)
    assert str(reason).startswith("fragment of") is fragment, reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("争创经济强县。建成经济强县。经济强县名单公布。", "经济强县"),
        ("争创经济强县。建成经济强县。强县富民。", None),  # two of three
        ("强县富民。", None),  # no longer dictionary word around it
    ],
)
def test_inside_a_dictionary_word_the_segmenter_cut_apart(text: str, expected: str | None) -> None:
    dictionary = {"经济强县": 3, "强县": 9, "富民": 20}
    assert inside_dictionary_word("强县", text, lambda word: dictionary.get(word, 0)) == expected


def test_discover_phrases_finds_a_recurring_multiword_term() -> None:
    openings = ["今年", "我们要", "全市", "各县", "去年", "继续", "重点", "积极", "要求", "逐步"]
    endings = ["。", "，成效明显。", "，群众满意。", "，覆盖乡镇。", "，稳步推进。", "，受到欢迎。"]
    verbs = ["推行", "建设", "新建", "改造", "运营"]
    texts = [f"{a}{verbs[i % 5]}银发助餐服务驿站{b}" for i, (a, b) in enumerate((a, b) for a in openings for b in endings)]
    table = pt.discover_phrases(texts, min_count=5)
    assert "银发助餐服务驿站" in set(table["phrase"]) or "银发助餐服务" in set(table["phrase"])
    assert not (table["phrase"].str.len() > 12).any()


def test_formulations_numbered_and_quoted() -> None:
    texts = [
        "坚持“两个毫不动摇”，贯彻“放管服”改革。两个毫不动摇要落实。",
        "两个毫不动摇，一九九五年“九五”计划开局，九五年不算。“放管服”再深化。",
    ]
    table = pt.formulations(texts)
    assert tuple(table.columns) == FORMULATION_COLUMNS
    counts = {(r.doc_id, r.normalized): (r.pattern, r.count) for r in table.itertuples()}
    assert counts[(0, "两个毫不动摇")] == ("numbered", 2)
    assert counts[(1, "两个毫不动摇")] == ("numbered", 1)  # counted bare, once it is known
    assert counts[(1, "九五")] == ("numbered", 1)  # a numeral-only form counts only in quotes
    assert counts[(0, "放管服")] == ("quoted", 1)
    for row in table.itertuples():
        for start in row.starts:
            assert texts[row.doc_id][start : start + len(row.normalized)] == row.normalized


def test_formulations_in_traditional_keep_offsets() -> None:
    text = "堅持“兩個毫不動搖”，兩個毫不動搖。"
    row = pt.formulations(text).iloc[0]
    assert row["normalized"] == "两个毫不动摇" and row["count"] == 2
    assert text[row["start"] : row["end"]] == row["term"] == "兩個毫不動搖"


def test_kwic_matches_either_script_with_docvars() -> None:
    corpus = pt.Corpus(["黨員占比提高。", "党员人数增加。"], pd.DataFrame({"doc_id": ["a", "b"], "year": [2021, 2022]}))
    table = pt.kwic(corpus, "党员", window=2)
    assert list(table.columns[: len(KWIC_COLUMNS)]) == list(KWIC_COLUMNS)
    assert table["match"].tolist() == ["黨員", "党员"] and table["year"].tolist() == [2021, 2022]
    assert table.loc[0, "right"] == "占比"
    with pytest.raises(ValueError):
        pt.kwic(corpus, "")


ALPHABET = st.one_of(st.sampled_from(list("党员组织基层“”「」，。数字乡村一二三四五六七八九十个两发展工作進一步黨員")), st.characters())


@given(st.lists(st.text(alphabet=ALPHABET, max_size=60), min_size=1, max_size=3))
@settings(max_examples=60, deadline=None)
def test_term_functions_never_raise_and_offsets_hold(texts: list[str]) -> None:
    for row in pt.keywords(texts, top=5).itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.term
    for row in pt.formulations(texts).itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.term
    for row in pt.kwic(texts, "党员").itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.match
    pt.discover_phrases(texts, min_count=2)


# numbers the segmentation joins across the segmenter's tokens (6.5%, 1.3万亿, 3000万千瓦, 1万多所)
NUMBERY = st.lists(
    st.one_of(
        st.sampled_from(["3000万千瓦", "1万多所", "200多户", "增长6.5%", "1.3万亿元", "-2", "农村", "改造", "危房", "，", "。", " "]),
        st.text(alphabet=ALPHABET, max_size=4),
    ),
    max_size=20,
).map("".join)


@given(NUMBERY)
@settings(max_examples=150, deadline=None)
def test_summary_from_the_segmenters_strings_is_the_summary_from_slices(text: str) -> None:
    from policytext.segmentation import segment

    tokenizer = PolicyTokenizer()
    fast = tokenizer.summarize(segment(text, convert=False, keep_pieces=True))
    sliced = tokenizer.summarize(segment(text, convert=False))
    assert fast.terms == sliced.terms
    assert fast.counts.tolist() == sliced.counts.tolist() and fast.starts.tolist() == sliced.starts.tolist()
    # a word written across white space (危房 改造, a line break inside it) is one token
    assert all("".join(text[s:e].split()) == term for term, s, e in zip(fast.terms, fast.starts.tolist(), fast.ends.tolist()))


# --- what a term is: parts of speech, procedure words, names, docvars, fragments ---------


@pytest.mark.parametrize("word", ["一度", "首次", "千亿元", "十多年", "年村", "二中", "两剂", "一例", "一轮"])
def test_quantities_and_function_words_are_never_terms_whatever_the_stopwords(word: str) -> None:
    text = (f"全市经济一度回升，首次突破千亿元，十多年来2022年村集体收入增长，二中、三中全会精神。"
            f"两剂疫苗覆盖率提高，一例输入病例，新一轮改革。{word}")
    assert word not in PolicyTokenizer(stopwords=())(text)


def test_a_set_phrase_that_opens_with_an_adverb_is_rhetoric_but_a_formulation_is_a_term() -> None:
    text = "各地要切实增强责任意识，充分认识这项工作的意义，各个领域齐抓共管。统筹推进五位一体建设。"
    why = pt.keywords(text, top=20, explain=True).set_index("normalized")["reason"].to_dict()
    for phrase in ("切实增强", "充分认识", "各个领域"):
        assert str(why.get(phrase, "")).startswith("rhetoric"), phrase
    assert "五位一体" in PolicyTokenizer()(text)


def test_a_word_of_degree_before_a_verb_describes_a_change_but_a_formulation_is_a_term() -> None:
    # the dictionary lists 明显增强 and 明显改善 as words: how much something changed, not what
    text = "经济实力明显增强，生态环境明显改善，监管制度不断完善。实施积极财政政策，促进充分就业。"
    why = pt.keywords(text, top=30, explain=True).set_index("normalized")["reason"].to_dict()
    for phrase in ("明显增强", "明显改善"):
        assert str(why.get(phrase, "")).startswith("description"), phrase
    assert "充分就业" in PolicyTokenizer()(text)  # full employment, a goal the lexicon lists


def test_a_term_one_document_in_five_uses_is_the_archives_common_ground() -> None:
    # 40 notices: 电网 in 9 of them (more than a fifth), 特高压 in the first alone
    texts = [f"关于第{i}号项目的通知。{'电网建设加快，电网改造完成，电网投资增加。' if i < 9 else ''}"
             f"{'特高压输电工程开工，特高压线路投运。' if i == 0 else ''}农田水利第{i}期工程验收。" for i in range(40)]
    first = pt.keywords(pt.Corpus(texts), top=10, explain=True)
    first = first[first["doc_id"] == first["doc_id"].iloc[0]].set_index("normalized")["reason"].to_dict()
    assert "archive-wide" in str(first.get("电网")), first.get("电网")
    assert first.get("特高压") is None or pd.isna(first.get("特高压"))


def test_a_negated_verb_is_no_term_and_binds_no_neighbour() -> None:
    # 摘帽不摘责任 (the label off, the duty kept): 不摘 is part of a clause, 摘帽 the term
    text = "实现摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶、摘帽不摘监管。巩固脱贫成果，摘帽不摘责任。"
    terms = PolicyTokenizer()(text)
    assert "摘帽" in terms and not {"不摘", "摘帽不摘"} & set(terms)


def test_function_words_and_the_tail_of_a_longer_word_are_not_keywords() -> None:
    text = "下一步要进一步做好工作，全部超过预期。" * 3 + "推进乡村振兴，乡村振兴见成效。"
    table = pt.keywords(text, top=10)
    assert not set(table["normalized"]) & {"全部", "超过", "一步", "下一步", "进一步"}
    assert "乡村振兴" in set(table["normalized"])


def test_lexicon_words_count_as_nouns() -> None:
    # 两岸 is a locative in jieba's dictionary; the policy lexicon makes it a term
    assert "两岸" in PolicyTokenizer(stopwords=())("推动两岸交流，两岸同胞一家亲。")


def test_procedure_words_are_a_tier_of_their_own() -> None:
    text = "各位代表：现在，我代表市人民政府向大会报告工作，请予审议。同志们，河长制要落实。"
    assert not set(PolicyTokenizer()(text)) & {"各位代表", "大会", "报告", "请予", "审议", "同志们"}
    kept = PolicyTokenizer(stopwords=("function", "filler"))(text)
    assert {"大会", "审议"} <= set(kept)
    assert "procedure" in pt.terms.resources.DEFAULT_STOPWORDS


def test_names_are_entities_not_keywords() -> None:
    text = "林晓东市长在涞水县调研河长制。林晓东指出，河长制要落实，涞水县要带头。财政部部署河长制。"
    table = pt.keywords(text, top=10)
    assert not set(table["normalized"]) & {"林晓东", "涞水县", "财政部"}
    kept = pt.keywords(text, top=10, entities=True).set_index("normalized")["entity_type"].to_dict()
    assert kept["林晓东"] == "person" and kept["涞水县"] == "place" and kept["财政部"] == "organization"
    assert pd.isna(kept["河长制"])
    listed = pt.entities(text)
    row = listed.set_index("normalized").loc["林晓东"]
    assert row["count"] == 2 and row["entity_type"] == "person"
    assert [text[s : s + 3] for s in row["starts"]] == ["林晓东", "林晓东"]


def test_a_name_written_beside_a_title_is_a_person() -> None:
    # Taiwan's records write the given name after the surname and the title
    text = "張委員秀燕：請問部長。秀燕認為長照要落實。張委員秀燕：謝謝。長照、長照。"
    assert "秀燕" not in PolicyTokenizer()(text)
    assert pt.entities(text).set_index("normalized").loc["秀燕", "entity_type"] == "person"


def test_the_documents_own_place_is_not_its_keyword() -> None:
    texts = ["满城区推进满城草莓产业，满城草莓品牌。草莓采摘。", "清苑区发展清苑西瓜，清苑西瓜远销。西瓜节。"]
    docvars = pd.DataFrame({"doc_id": ["a", "b"], "区县名称": ["满城", "清苑"], "报告标题": ["满城草莓", "清苑西瓜"]})
    corpus = pt.Corpus(texts, docvars)
    table = pt.keywords(corpus, top=5)
    assert not {"满城", "清苑"} & set(table["normalized"])
    assert pt.terms.docvars.docvar_columns(docvars) == {"区县名称": "place"}  # titles are no such column
    own = pt.keywords(corpus, top=5, exclude_docvars=False)
    assert {"满城", "清苑"} & set(own["normalized"]) or own.empty is False


def test_a_column_the_caller_names_is_excluded_too() -> None:
    texts = ["城乡融合示范区建设，城乡融合示范区推进。", "数字经济示范区建设，数字经济发展。"]
    corpus = pt.Corpus(texts, pd.DataFrame({"doc_id": ["a", "b"], "program": ["城乡融合示范区", "数字经济"]}))
    assert "城乡融合示范区" not in set(pt.keywords(corpus, exclude_docvars=["program"])["normalized"])
    with pytest.raises(KeyError, match="no docvar"):
        pt.keywords(corpus, exclude_docvars=["nope"])


def test_explain_says_why_each_candidate_was_left_out() -> None:
    text = "各位代表：林晓东市长指出，全部超过千亿元，固本强基工程要实施，固本强基工程成效明显。进一步加强工作。"
    table = pt.keywords(text, top=2, explain=True)
    assert tuple(table.columns) == pt.terms.EXPLAIN_COLUMNS
    why = dict(zip(table["normalized"], table["reason"]))
    kept = table[table["kept"]]
    assert list(kept["rank"]) == list(range(1, len(kept) + 1)) and list(kept["normalized"]) == ["固本强基工程"]
    assert all(isinstance(r, str) and r for r in table.loc[~table["kept"], "reason"])
    expected = {"林晓东": "entity (person)", "千亿元": "number+unit", "全部": "stopword (function)",
                "各位代表": "procedure word", "固本强基": "fragment of 固本强基工程", "进一步": "stopword (filler)"}
    assert {w: why[w] for w in expected if w in why} == {w: r for w, r in expected.items() if w in why}
    assert len(set(expected) & set(why)) >= 3
    plain = pt.keywords(text, top=2)
    assert list(plain["normalized"]) == list(kept["normalized"])
    with pytest.raises(ValueError, match="explain"):
        pt.keywords(text, method="textrank", explain=True)


def test_a_texts_own_compound_is_one_term_and_its_parts_are_not() -> None:
    text = "推进电力体制改革。电力体制改革要深化。电力体制改革试点。国际合作。国际交流。国际论坛。"
    terms = PolicyTokenizer()(text)
    assert terms.count("电力体制改革") == 3 and "体制改革" not in terms
    keep = PolicyTokenizer(fragments=True)(text)
    assert "电力体制改革" not in keep


def test_the_parts_of_an_organisations_name_are_not_terms() -> None:
    # a place, descriptors and the kind of body: the descriptors and the kind are the name's
    text = "中国有色金属工业总公司负责稀土开采。稀土冶炼由中国有色金属工业总公司统一管理。" * 2 + "江苏煤矿安全监察局成立，江苏煤矿安全监察局挂牌。"
    terms = set(PolicyTokenizer()(text))
    assert not terms & {"有色金属工业总公司", "总公司", "煤矿安全", "监察局", "煤矿安全监察局"}
    assert terms & {"稀土", "稀土冶炼"}


def test_a_word_mostly_before_the_kind_of_a_village_or_firm_is_its_name() -> None:
    text = "鲍墟乡修路，鲍墟乡建校，鲍墟乡绿化。育才街拓宽，育才街亮化。国宏公司投产，国宏公司扩建，国宏公司上市。文明乡风，学校育人。"
    found = PolicyTokenizer()(text)
    assert not {"鲍墟", "育才", "国宏"} & set(found)
    why = pt.keywords(text, explain=True).set_index("normalized")["reason"].to_dict()
    assert why["育才"] == why["鲍墟"] == "entity (place)" and why["国宏"].endswith("国宏公司")


def test_a_rare_word_before_a_villages_kind_now_and_then_is_its_name() -> None:
    # 石盘 is no common word: written twice before 乡 of its five uses, it is the place
    text = "石盘乡试点成功。在石盘、魏庄建成示范区。完成石盘乡土地整理。启动石盘项目。建成石盘中心。大棚蔬菜增产，大棚蔬菜上市。"
    why = pt.keywords(text, explain=True).set_index("normalized")["reason"].to_dict()
    assert why["石盘"] == "entity (place)"
    # a common word needs most of its uses there (美丽 of 美丽乡村 stays a word)
    text = "美丽乡村建设。美丽城镇建设。美丽河湖治理。美丽庭院创建。美丽乡村提升。"
    assert pt.keywords(text, explain=True).set_index("normalized")["reason"].get("美丽") != "entity (place)"


def test_a_word_before_the_kind_of_a_public_body_half_the_time_names_it() -> None:
    # a committee a record refers bills to: 内政 names it, though the text uses it alone too
    text = ("本案交内政委员会审查。本案交内政委员会审查。内政部函送修正案。内政部说明。"
            "内政事务繁多。内政与外交并重。长照服务扩大，长照服务普及，长照服务提升。")
    why = pt.keywords(text, explain=True).set_index("normalized")["reason"].to_dict()
    assert why["内政"] == "entity (organization)"
    # a word the text mostly uses on its own stays a term (财政 before 部 once of four)
    text = "财政收入增长。财政支出优化。财政部拨款。财政体制改革，财政。港口扩建，港口疏浚。"
    assert pt.keywords(text, explain=True).set_index("normalized")["reason"].get("财政") != "entity (organization)"


def test_a_party_before_its_caucus_and_a_latin_name_before_a_title_are_names() -> None:
    text = ("本院时代力量党团提案修法。时代力量党团要求记名表决。时代力量主张改革。"
            "Kacaw委员：谢谢主席。Kacaw委员：请部长说明。长照服务扩大，长照服务普及，长照服务提升。SARS防治，SARS疫情。")
    why = pt.keywords(text, top=20, explain=True).set_index("normalized")["reason"].to_dict()
    # the segmenter may cut the party's name (时代|力量): its part before the caucus is the name
    assert "entity (organization)" in {why.get("时代力量"), why.get("力量")} and why["Kacaw"] == "entity (person)"
    assert not {"时代力量", "时代", "力量"} & set(pt.keywords(text, top=20)["normalized"])
    assert not str(why.get("SARS", "")).startswith("entity")  # an acronym is no person's name


def test_a_common_word_used_once_is_no_keyword_but_a_lexicon_word_is() -> None:
    # a short notice: one use of 调研 (a study trip) says nothing of it; 十一五 names a plan
    text = "关于煤矿安全改造的通知：经调研，纳入十一五规划。煤矿安全改造资金，煤矿安全改造验收。"
    why = pt.keywords(text, top=10, explain=True).set_index("normalized")["reason"].to_dict()
    assert str(why.get("调研", "")).startswith("a common word used once")
    kept = set(pt.keywords(text, top=10)["normalized"])
    assert "调研" not in kept and kept & {"十一五", "十一五规划"}


def test_the_genres_common_ground_is_no_keyword_in_any_archive() -> None:
    # 价格 (prices) is in most national work reports: no keyword of a notice that names it
    # twice, though no other notice of this archive does; 电煤 (coal for power) is one
    texts = ["电煤价格上涨，电煤价格调控，电煤保供，电煤合同。", "港口疏浚工程，港口扩建。", "林场改制，林场职工安置。"]
    table = pt.keywords(texts, top=5, explain=True)
    why = table[table["doc_id"] == 0].set_index("normalized")["reason"].to_dict()
    assert str(why.get("价格", "")).startswith("genre-wide")
    assert "电煤" in set(pt.keywords(texts, top=5).query("doc_id == 0")["normalized"])


def test_an_industrys_word_in_its_firms_names_stays_a_term() -> None:
    # 电网 stands in 国家电网公司 now and then; no firm's name for that (most uses needed)
    text = "电网建设加快。国家电网公司负责电网调度。电网改造完成。华北电网公司投产。电网安全运行。"
    why = pt.keywords(text, explain=True).set_index("normalized")["reason"].to_dict()
    assert not str(why.get("电网")).startswith("entity")


@pytest.mark.parametrize(("text", "road"), [
    ("完成S248、G207县城段改线工程。G207绕城项目开工，G207沿线绿化。", "G207"),
    ("X012乡道硬化，X012沿线亮化，X012拓宽。", "X012"),
])
def test_a_road_number_is_a_place(text: str, road: str) -> None:
    assert road not in set(pt.keywords(text, top=10)["normalized"])
    assert pt.keywords(text, top=10, entities=True).set_index("normalized")["entity_type"].get(road) == "place"


def test_a_group_of_states_is_no_road() -> None:
    text = "G20峰会召开。G20成员协调宏观政策，G20发挥作用。"
    kinds = pt.keywords(text, top=10, entities=True).set_index("normalized")["entity_type"]
    assert kinds.get("G20") != "place"


@pytest.mark.parametrize(("text", "compound", "parts"), [
    # two describing words name nothing (保持社会和谐稳定)
    ("保持社会和谐稳定。维护和谐稳定局面。实现和谐稳定。", "和谐稳定", {"和谐"}),
    # a verb before an adjective begins a phrase whose object follows
    ("淘汰落后产能。淘汰落后设备。淘汰落后工艺。", "淘汰落后", {"淘汰", "落后"}),
    # a distinguishing word needs a noun after it (非法 of 非法采砂)
    ("重拳打击非法采矿。重拳打击非法集资。重拳打击非法用地。", "重拳打击非法", {"非法"}),
])
def test_a_compound_without_a_head_is_no_term(text: str, compound: str, parts: set[str]) -> None:
    why = pt.keywords(text, top=20, explain=True).set_index("normalized")
    assert compound not in set(why.index[why["kept"]])
    assert not parts & set(why.index[why["kept"]])


def test_a_common_distinguishing_word_is_a_term_only_inside_a_compound() -> None:
    # 公共 and 唯一 only modify (jieba's ``b``); 公共|体育设施 names something
    text = "新建公共体育设施。公共体育设施免费开放。突出公共属性，公共属性不变，公共财政保障。这是唯一途径，唯一出路。"
    why = pt.keywords(text, top=30, explain=True).set_index("normalized")
    kept = set(why.index[why["kept"]])
    assert "公共体育设施" in kept
    assert not {"公共", "唯一"} & kept
    assert str(why.loc["唯一", "reason"]).startswith("part of speech (b")


def test_a_compound_headed_by_an_adjective_is_a_term() -> None:
    # jieba tags 复兴 and 健康 as adjectives; after a noun they head the compound
    text = "实现民族复兴。民族复兴是梦想。推进民族复兴。守护生命健康，生命健康至上。"
    kept = set(pt.keywords(text, top=10)["normalized"])
    assert "民族复兴" in kept


@pytest.mark.parametrize("word", ["之日起", "简称", "修正", "多角度", "人心思齐", "受到"])
def test_boilerplate_and_all_purpose_words_are_not_terms(word: str) -> None:
    text = "本办法自发布之日起施行，以下简称办法。修正通过。多角度推进，人心思齐，受到欢迎。" * 2
    assert word not in PolicyTokenizer()(text)


def test_cross_strait_terms_in_sentences_stay_whole() -> None:
    text = (
        "政府堅持九二共識的立場，並重申釣魚臺列嶼是中華民國固有領土。在九二共識基礎上，兩岸恢復協商；"
        "釣魚臺列嶼周邊漁權也要維護。長期照顧十年計畫與一例一休上路，年金改革持續推動。"
    )
    tokens = set(pt.segment(text).tokens)
    assert {"九二共識", "釣魚臺列嶼", "一例一休", "年金改革"} <= tokens
    table = pt.keywords(text, top=8)
    forms = dict(zip(table["normalized"], table["term"]))
    assert forms.get("九二共识") == "九二共識" and forms.get("钓鱼台列屿") == "釣魚臺列嶼"
    assert not {"九二", "共识", "钓鱼台", "列屿"} & set(table["normalized"])


def test_traditional_keywords_stay_whole_with_the_simplified_form_beside() -> None:
    text = "我們堅持九二共識，釣魚臺列嶼是我國領土。九二共識是兩岸關係的基礎，釣魚臺列嶼主權明確。推動新南向政策與前瞻基礎建設。"
    table = pt.keywords(text, top=5)
    forms = dict(zip(table["normalized"], table["term"]))
    assert forms["九二共识"] == "九二共識" and forms["钓鱼台列屿"] == "釣魚臺列嶼"
    assert not {"九二", "一大", "钓鱼台列", "钓鱼台"} & set(table["normalized"])
    for row in table.itertuples():
        assert text[row.start : row.end] == row.term


def test_phrases_are_the_same_in_both_scripts() -> None:
    openings = ["今年", "我们要", "全市", "各县", "去年", "继续", "重点", "积极", "要求", "逐步"]
    endings = ["。", "，成效明显。", "，群众满意。", "，覆盖乡镇。", "，稳步推进。", "，受到欢迎。"]
    verbs = ["推行", "建设", "新建", "改造", "运营"]
    texts = [f"{a}{verbs[i % 5]}银发助餐服务驿站{b}" for i, (a, b) in enumerate((a, b) for a in openings for b in endings)]
    simplified = pt.discover_phrases(texts, min_count=5)
    traditional = pt.discover_phrases([pt.convert(t, "s2t") for t in texts], min_count=5)
    assert list(simplified["phrase"]) == list(traditional["phrase"]) and len(simplified)


def _archive(common: str, size: int) -> pt.Corpus:
    """``size`` documents, each on a subject of its own, and ``common`` in all but one."""
    subjects = ["河长制", "冰雪旅游", "数字乡村", "草莓产业", "校车安全", "秸秆禁烧", "地热供暖", "光伏扶贫",
                "易地搬迁", "碳排放权", "林长制", "种业振兴"]
    texts = [f"推进{s}，{s}见效，{s}扩面。" + (f"{common}要抓，{common}、{common}、{common}。" if i else "")
             for i, s in enumerate(subjects[:size])]
    return pt.Corpus(texts, pd.DataFrame({"doc_id": [f"d{i}" for i in range(size)]}))


def test_a_term_in_most_documents_of_an_archive_is_no_keyword() -> None:
    # in 11 of 12 documents, and four times as often as each document's own subject
    corpus = _archive("营商环境", 12)
    table = pt.keywords(corpus, top=3)
    assert "营商环境" not in set(table["normalized"])
    assert set(table.groupby("doc_id")["normalized"].first()) == {t for t in table["normalized"] if t != "营商环境"}
    why = pt.keywords(corpus, top=1, explain=True)
    reasons = why.loc[why["normalized"] == "营商环境", "reason"]
    assert len(reasons) and all(r.startswith("archive-wide") for r in reasons)
    # in a handful of documents, a shared word is no evidence of the genre: it stays
    few = pt.keywords(_archive("营商环境", 6), top=3)
    assert "营商环境" in set(few["normalized"])


@pytest.mark.parametrize("organ", ["安全监管总局", "环境保护部", "国家物价局", "发展改革委"])
def test_a_state_organ_is_an_organization_and_its_parts_are_not_terms(organ: str) -> None:
    text = f"{organ}负责煤矿安全。{organ}要加强监督，{organ}会同有关部门。煤矿安全监察由{organ}指导。"
    table = pt.keywords(text, top=10)
    assert not {organ, organ[:-2], organ[:-1]} & set(table["normalized"])
    assert "煤矿安全" in set(table["normalized"])
    named = pt.keywords(text, top=10, entities=True).set_index("normalized")["entity_type"]
    assert named.get(organ) == "organization"


@pytest.mark.parametrize("body", ["港务局", "地质局", "亲民党"])
def test_a_body_named_by_its_ending_is_an_organization(body: str) -> None:
    text = f"{body}负责码头调度。{body}加强管理，{body}会同有关部门。码头调度由{body}统筹。"
    assert body not in set(pt.keywords(text, top=10)["normalized"])
    named = pt.keywords(text, top=10, entities=True).set_index("normalized")["entity_type"]
    assert named.get(body) == "organization"


@pytest.mark.parametrize("word", ["新发展格局", "总体布局", "执政党", "百年变局"])
def test_a_common_word_ending_like_a_body_is_none(word: str) -> None:
    assert not named_body(word)


@pytest.mark.parametrize("word", ["中西部", "俱乐部", "指挥部", "村两委", "镇党委", "领导干部"])
def test_a_kind_of_unit_or_a_direction_is_no_state_organ(word: str) -> None:
    assert not named_organ(word)


def test_a_surname_and_a_title_is_a_person() -> None:
    text = "毛主席号召农业合作化。毛主席指出，合作社要办好。周总理部署治淮工程。"
    assert not {"毛主席", "周总理"} & set(pt.keywords(text, top=10)["normalized"])
    kinds = pt.keywords(text, top=10, entities=True).set_index("normalized")["entity_type"]
    assert kinds.get("毛主席") == "person" and kinds.get("周总理") == "person"


def test_every_title_the_name_rules_know_is_a_procedure_word() -> None:
    # a title is no topic (conventions); the titles written beside names are such titles
    resources = pt.terms.resources
    procedure = resources.stopword_tier("procedure") | resources.stopword_tier("filler")
    assert {t for t in (*resources.TITLES_BEFORE_NAME, *resources.TITLES_AFTER_NAME) if t not in procedure} == set()


@pytest.mark.parametrize("word", ["抓牢", "巩固", "营造", "知道", "召开", "议定", "县委", "有限公司", "累计", "翻一番"])
def test_exhortation_meeting_words_and_firm_suffixes_are_not_terms(word: str) -> None:
    text = f"要{word}粮食安全，{word}种业振兴。{word}，{word}。种业振兴、粮食安全。"
    assert word not in PolicyTokenizer()(text)


def test_a_state_level_new_area_is_a_place() -> None:
    # 新区 alone is a kind of place (GENERIC_PLACE_ENDINGS); the state-level new areas are places
    text = "主动对接雄安新区建设，承接雄安新区疏解。雄安新区带动种业振兴，种业振兴见效。"
    assert "雄安新区" not in set(pt.keywords(text, top=5)["normalized"])
    kinds = pt.keywords(text, top=5, entities=True).set_index("normalized")["entity_type"]
    assert kinds.get("雄安新区") == "place"


def test_a_word_of_every_reference_report_is_no_keyword_of_one_text() -> None:
    # one text is weighed by the bundled reference reports: 发展 is in every one of them
    text = "发展经济，建设国家。发展是第一要务。河长制落实，河长制见效。"
    assert "发展" not in set(pt.keywords(text, top=5)["normalized"])
    why = pt.keywords(text, top=10, explain=True).set_index("normalized")["reason"]
    assert why.get("发展") == "in every report of the reference table"
