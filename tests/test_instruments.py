"""Policy instruments on clauses of our own: each type and subtype, Traditional text, your own
dictionary, clauses from numbered items and articles, offsets, counts."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.errors import ConfigError
from policytext.instruments import (
    CLAUSE_COLUMNS,
    COLUMNS,
    bundled_dictionary,
    classify,
    clauses,
    counts,
    instruments,
    load_dictionary,
)
from policytext.instruments.resources import DICTIONARY_FILE

SRC = Path(__file__).resolve().parents[1] / "src" / "policytext" / "instruments"

# (clause, instrument, subtype): written for these tests in the language of policy documents
CASES = [
    ("加强人才队伍建设，开展职业技能培训。", "supply", "talent"),
    ("设立专项资金，加大财政投入力度。", "supply", "funding"),
    ("支持企业开展关键核心技术攻关，建设一批重点实验室。", "supply", "technology"),
    ("完善基本公共服务体系，推进政务服务一网通办。", "supply", "public_services"),
    ("加快农村公路和城镇供水管网建设。", "supply", "infrastructure"),
    ("到2030年，非化石能源消费比重达到25%左右。", "environment", "goal_planning"),
    ("对符合条件的企业给予税收优惠，并提供贴息贷款。", "environment", "finance_tax"),
    ("严禁违规审批高耗能项目，依法查处违法违规行为。", "environment", "regulation"),
    ("抓紧修订相关法律法规，加强知识产权保护。", "environment", "legal"),
    ("成立工作领导小组，加强组织领导和部门协作。", "environment", "strategic"),
    ("将节能产品纳入政府采购清单，实行优先采购。", "demand", "procurement"),
    ("扩大先进设备进口，支持企业开拓国际市场。", "demand", "trade"),
    ("通过政府购买服务方式，委托第三方开展评估。", "demand", "outsourcing"),
    ("在有条件的地区开展试点，建设一批示范工程。", "demand", "pilot_demo"),
    ("对新能源汽车给予购置补贴，实行峰谷电价。", "demand", "price_subsidy"),
    ("全年地区生产总值增长6.5%。", "none", "none"),
    ("现将《实施方案》印发给你们，请认真贯彻执行。", "none", "none"),
    ("国务院关于加快发展节能环保产业的意见国发〔2013〕30号", "none", "none"),
    ("坚定信心，真抓实干，奋力谱写新篇章！", "none", "none"),
]


@pytest.mark.parametrize(("clause", "instrument", "subtype"), CASES)
def test_each_type_and_subtype(clause: str, instrument: str, subtype: str) -> None:
    label = classify(clause)
    assert (label.instrument, label.subtype) == (instrument, subtype), label
    if instrument != "none":
        assert clause[label.cue_start : label.cue_end] == label.cue and label.score >= 1
        assert label.label == bundled_dictionary().labels[subtype]
    else:
        assert (label.cue, label.cue_start, label.cue_end) == ("", -1, -1)


def test_weak_cues_alone_label_nothing() -> None:
    # 建设, 推进, 加强 point to an instrument but do not name one: a direction, not a measure
    assert classify("全面推进项目建设，加强各项工作。").instrument == "none"
    # a full cue with them: the weak ones add to its type
    assert classify("全面推进项目建设，加快道路建设。").subtype == "infrastructure"


def test_the_title_of_an_item_weighs_more() -> None:
    clause = "（三）加大资金投入。严格市场监管。"
    assert classify(clause).instrument == "environment"  # 监管 and the weak 严格 against 资金投入
    assert classify(clause, title_end=clause.index("。") + 1).subtype == "funding"  # the title says what it is for


def test_bundled_dictionary_is_versioned_and_complete() -> None:
    raw = yaml.safe_load((SRC / DICTIONARY_FILE).read_text("utf-8"))
    assert raw["version"] == 1 and "Rothwell" in raw["name"]
    table = bundled_dictionary()
    subtypes = {kind: [s for s, k in table.types.items() if k == kind] for kind in ("supply", "environment", "demand")}
    assert subtypes == {
        "supply": ["talent", "funding", "technology", "public_services", "infrastructure"],
        "environment": ["goal_planning", "finance_tax", "regulation", "legal", "strategic"],
        "demand": ["procurement", "trade", "outsourcing", "pilot_demo", "price_subsidy"],
    }
    assert all(table.labels[s] for s in table.types)
    # no word is a cue of two subtypes (which one it named would depend on the file's order)
    seen: dict[str, str] = {}
    for kind in ("supply", "environment", "demand"):
        for name, spec in raw[kind]["subtypes"].items():
            for word in [*spec.get("cues", []), *spec.get("weak", [])]:
                assert seen.setdefault(word, name) == name, f"{word} in {seen[word]} and {name}"
    assert {"〔", "关于"} <= {c for p, _, _ in table.patterns for c in ("〔", "关于") if c in p.pattern}


def test_the_dictionary_is_read_lazily_once() -> None:
    code = ("import sys, policytext.instruments as m; "
            "print(int('yaml' in sys.modules), m._bundled_table.cache_info().currsize, int('pandas' in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0", "0"]  # importing reads nothing
    assert load_dictionary() is load_dictionary() is bundled_dictionary()


def test_traditional_text_offsets_point_into_the_original() -> None:
    text = "一、設立專項資金，加大財政投入力度。\n二、嚴格執法監管，依法查處違規行為。\n三、開展新能源汽車推廣應用試點。"
    table = instruments(text)
    assert table["instrument"].tolist() == ["supply", "environment", "demand"]
    assert table["subtype"].tolist() == ["funding", "regulation", "pilot_demo"]
    for row in table.to_dict("records"):
        assert text[row["start"] : row["end"]] == row["text"]
        surface = text[row["cue_start"] : row["cue_end"]]
        assert pt.convert(surface, "t2s") == row["cue"] and surface != row["cue"]  # written in Traditional
    assert classify("設立專項資金").instrument == "none"  # classify reads Simplified: convert first


def test_own_dictionary_as_dict_adds_to_the_bundled_one() -> None:
    clause = "推行揭榜挂帅，加大财政投入。"
    assert classify(clause).subtype == "funding"
    own = {"demand": {"pilot_demo": ["揭榜挂帅", "揭榜掛帥"]}}  # a Traditional cue is converted
    assert classify(clause, own).subtype == "pilot_demo"  # one cue each: a tie goes to the type found first
    table = load_dictionary(own)
    assert table.cues["揭榜挂帅"] == ("pilot_demo", 1.0) and "试点" not in table.cues  # the subtype is replaced
    assert table.cues["财政投入"][0] == "funding"  # the rest stays
    assert classify("推行揭榜挂帅。", own).subtype == "pilot_demo"
    assert instruments("推行揭榜挂帅。", dictionary=own)["subtype"].tolist() == ["pilot_demo"]


def test_own_dictionary_from_yaml_replacing_the_bundled_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(yaml.safe_dump({
        "version": "7",
        "supply": {"subtypes": {"talent": {"label": "育人", "cues": ["实训基地"], "patterns": ["培养[^。]{0,4}工匠"]}}},
        "none": {"patterns": [{"pattern": "^各位代表", "weight": 10}]},
    }, allow_unicode=True), "utf-8")
    table = load_dictionary(path, replace=True)
    assert table.version == "7" and set(table.types) == {"talent", "none"}
    rows = instruments("建设实训基地。\n加大财政投入。\n着力培养大国工匠。\n各位代表，建设实训基地。", dictionary=path, replace=True)
    assert rows["subtype"].tolist() == ["talent", "none", "talent", "none"]
    assert rows["label"].tolist()[0] == "育人"


@pytest.mark.parametrize("bad", [
    {"market": {"x": ["市场"]}},
    {"supply": {"talent": []}},
    {"supply": ["人才"]},
    {"supply": {"talent": {"patterns": ["(unclosed"]}}},
    {"supply": {"talent": {"patterns": [{"weight": 2}]}}},
    {"supply": {"talent": ["人才"]}, "demand": {"talent": ["订购"]}},
    {},
])
def test_a_bad_dictionary_says_what_is_wrong(bad: dict) -> None:
    with pytest.raises(ConfigError):
        load_dictionary(bad, replace=True)


def test_a_missing_dictionary_file() -> None:
    with pytest.raises(FileNotFoundError, match="cannot be read"):
        load_dictionary("no/such/instruments.yaml")


def test_numbered_items_on_lines_are_clauses() -> None:
    text = ("关于加快发展的若干措施\n一、总体要求\n到2025年，产业规模明显扩大。\n二、主要措施\n"
            "（一）加大资金支持。设立专项资金，对示范项目给予补助。\n（二）强化人才支撑。开展技能培训。\n"
            "（三）完善监管。建立健全标准体系，严格执法检查。\n三、组织保障\n各地要成立领导小组，抓好落实。")
    table = instruments(text)
    items = table[table["unit"] == "item"]
    assert items["number"].tolist() == ["一、", "二、", "（一）", "（二）", "（三）", "三、"]
    assert items["subtype"].tolist() == ["goal_planning", "none", "funding", "talent", "regulation", "none"]
    # an item's title and body are one clause; a heading with its body on the next line too,
    # unless pt.sections reads the run of 一、二、三、 as a list: then the body is a sentence
    assert table.loc[table["number"] == "（一）", "text"].tolist() == ["（一）加大资金支持。设立专项资金，对示范项目给予补助。"]
    assert table["subtype"].tolist()[-1] == "strategic"


def test_articles_are_clauses_even_run_together() -> None:
    text = ("第一章　总则第一条　为了规范专项资金管理，制定本办法。第二条　专项资金用于支持技术研发和人才培养。"
            "第三条　财政部门负责资金的监督检查，对违规使用的，依法追回资金。第二章　附则第四条　本办法自发布之日起施行。")
    table = clauses(text)
    assert table["unit"].tolist() == ["sentence", "article", "article", "article", "sentence", "article"]
    assert table["number"].tolist() == ["", "第一条", "第二条", "第三条", "", "第四条"]
    labelled = instruments(text)
    assert labelled.loc[labelled["number"] == "第三条", "subtype"].tolist() == ["regulation"]
    assert labelled.loc[labelled["number"] == "第四条", "instrument"].tolist() == ["none"]  # 施行 alone is weak


def test_inline_items_of_a_scraped_notice() -> None:
    text = ("国务院关于推进某工作的通知国发〔2020〕1号各省、自治区、直辖市人民政府：现就有关事项通知如下："
            "一、加快建设充电基础设施。二、对符合条件的项目给予贷款贴息。三、开展示范城市建设试点。国务院2020年1月1日")
    table = instruments(text)
    assert table["number"].tolist() == ["", "一、", "二、", "三、", ""]
    assert table["instrument"].tolist() == ["none", "supply", "environment", "demand", "none"]
    # a number inside a sentence opens no clause: 第二条 cited, 一、二类 enumerated
    assert clauses("按照本办法第二条规定，分为一、二、三类。")["unit"].tolist() == ["sentence"]


def test_long_items_are_read_sentence_by_sentence() -> None:
    body = "设立专项资金。" * 60
    table = clauses(f"一、加大投入\n{body}")
    assert table["unit"].tolist()[0] == "sentence" and len(table) > 30


def _check_offsets(text: str, table: pd.DataFrame) -> None:
    previous = 0
    for row in table.to_dict("records"):
        assert previous <= row["start"] < row["end"] <= len(text)
        assert text[row["start"] : row["end"]] == row["text"] == row["text"].strip()
        previous = row["end"]


def test_offsets_valid_on_a_corpus_and_columns() -> None:
    texts = ["一、設立專項資金。\n（一）加強監管。\r\n第五條　國家支持技術研發。", "今年要加大投入，推进试点。", ""]
    corpus = pt.Corpus(texts, pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2020, 2021, 2021]}))
    table = instruments(corpus)
    assert tuple(table.columns) == COLUMNS and tuple(clauses(corpus).columns) == CLAUSE_COLUMNS
    for doc_id, text in zip(corpus.doc_ids, corpus.texts):
        _check_offsets(text, table[table["doc_id"] == doc_id])
    assert set(table["doc_id"]) == {"a", "b"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "一、", "（二）", "第三条", "3.", "加大財政投入", "严格监管", "开展试点", "，", "。", "；", "：", "\n", " ", "　",
    "國家", "到2025年", "〔2020〕1号", "关于", "的通知",
]), max_size=40))
def test_offsets_valid_whatever_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    _check_offsets(text, instruments(text))


def test_counts_by_document_and_year() -> None:
    corpus = pt.Corpus(
        ["加大财政投入。严格执法监管。", "开展试点示范。全年增长5%。", "加快道路建设。"],
        pd.DataFrame({"doc_id": ["a", "b", "c"], "year": [2020, 2021, 2021]}),
    )
    table = instruments(corpus)
    per_doc = counts(table)
    assert per_doc[["doc_id", "clauses", "supply", "environment", "demand", "none"]].values.tolist() == [
        ["a", 2, 1, 1, 0, 0], ["b", 2, 0, 0, 1, 1], ["c", 1, 1, 0, 0, 0]]
    per_year = instruments(corpus, by="year")
    assert per_year.set_index("year").loc[2021, ["supply", "demand", "none"]].tolist() == [1, 1, 1]
    shares = counts(table, "year", corpus=corpus, share=True).set_index("year")
    assert "none" not in shares.columns and shares.loc[2021, "supply"] == pytest.approx(0.5)
    subtypes = instruments(corpus, by="doc_id", level="subtype")
    assert list(subtypes.columns[:4]) == ["doc_id", "clauses", "talent", "funding"]
    assert subtypes.set_index("doc_id").loc["c", "infrastructure"] == 1
    with pytest.raises(ConfigError, match="corpus="):
        counts(table, "year")
    with pytest.raises(ConfigError, match="level"):
        counts(table, level="type")


def test_the_package_is_callable_as_the_function() -> None:
    # pt.instruments(corpus) whether policytext.instruments was imported as the package first
    import policytext.instruments as package

    assert package("加大财政投入。")["subtype"].tolist() == ["funding"]
    assert pt.instruments("开展试点。")["subtype"].tolist() == ["pilot_demo"]
    assert pt.instruments.counts is counts


def test_the_docs_page_has_the_example_and_the_scores() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "instruments.md").read_text("utf-8")
    one_line = re.findall(r"```python\n(.*?)```", docs, flags=re.S)[0]
    assert one_line.strip().startswith("t = pt.instruments(corpus)")
    assert "macro-F1" in docs and "| gold \\ predicted |" in docs and "Rothwell" in docs and "赵筱媛" in docs
