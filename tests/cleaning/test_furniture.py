"""Page furniture: made-up archives for every shape, what must stay, and the model's API.

Every text here is written for these tests; the real archives are read in
tests/cleaning/test_real_archives.py.
"""

from __future__ import annotations

import json
import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext as pt
from policytext.cleaning import Furniture, fit_furniture
from policytext.cleaning.furniture import furniture_edits, line_shape

BODIES = [
    "今年全县经济稳中有进，地区生产总值增长6.5%。\n我们坚持稳中求进工作总基调，扎实推进各项工作。",
    "过去一年，粮食产量再创新高，达到52万吨。\n城乡居民收入持续增长，民生保障不断加强。",
    "一年来，就业形势总体稳定，新增就业1.2万人。\n我们深化改革开放，营商环境持续优化。",
    "全年完成固定资产投资120亿元，增长8%。\n生态环境持续改善，空气质量优良天数增加。",
    "我们着力稳增长、调结构、惠民生，各项事业取得新进展。\n重点项目建设扎实推进，新开工项目35个。",
    "过去五年，县域经济实力显著增强，财政收入翻了一番。\n脱贫攻坚取得决定性胜利，乡村振兴全面推进。",
]


def scraped(n: int, body: str) -> str:
    """A page of a made-up scraping site: title, a header with counts, a teaser cut off
    with ......, the body, then share buttons, neighbours, related articles and a ranking."""
    title = f"某县{2015 + n}年政府工作报告"
    teaser = body.replace("\n", "")[:30] + "......"
    return (
        f"工作报告\n{title}\n时间：2023-0{n % 9 + 1}-1{n % 9}  作者：县域网  来源：政府网  阅读：{100 + 37 * n}  评论：0\n"
        f"内容摘要：{teaser}\n{body}\n"
        "分享到：\nQQ空间\n新浪微博\n微信\n"
        f"上一篇：\n某县{2014 + n}年政府工作报告\n下一篇：\n某县{2016 + n}年政府工作报告\n"
        f"相关文章\n03-{10 + n}\n某市统计公报\n阅读排行\n某省政府工作报告\n某市政府工作报告\n"
        "本站为非营利性网站，来源于网络的作品，若对您造成了侵权，请联系本站。"
    )


def _removed(result: pt.CleanResult) -> list[pt.cleaning.Removed]:
    return [r for r in result.removed if r.step == "furniture"]


def test_scraped_archive_header_teaser_and_tail_removed() -> None:
    docs = [scraped(n, b) for n, b in enumerate(BODIES)]
    model = fit_furniture(docs)
    assert model.n_documents_ == len(docs)
    assert "工作报告" in model.head_shapes_
    for doc, body in zip(docs, BODIES):
        r = pt.clean(doc, furniture=model)
        assert r.text == body
        reasons = [x.reason for x in _removed(r)]
        assert any("teaser" in x for x in reasons)
        assert any(x.startswith("page furniture at the start") for x in reasons)
        assert any(x.startswith("page furniture at the end") for x in reasons)
        for x in r.removed:
            assert doc[x.start : x.end] == x.text
        assert "teaser repeating the opening" in r.explain()


def test_edges_given_as_head_and_tail_pairs_learn_the_same() -> None:
    docs = [scraped(n, b) for n, b in enumerate(BODIES)]
    whole = fit_furniture(docs, head_chars=80, tail_chars=200)
    edges = fit_furniture([(d[:80], d[-200:]) for d in docs], head_chars=80, tail_chars=200)
    assert whole == edges and whole.digest() == edges.digest()


def test_shapes_mask_digits_and_space() -> None:
    assert line_shape("阅读：175") == line_shape("阅读： 8") == "阅读：#"
    assert line_shape("时间：2023-03-30????\t作者") == "时间：#-#-#?作者"


@pytest.mark.parametrize(
    "line",
    [
        "下载 打印 全屏 收藏",
        "【字号：大 中 小】",
        "【打印】【关闭】",
        "来源：新华社  责任编辑：张三",
        "时间：2023-03-30  作者：某网  阅读：175  评论：0",
        "浏览次数：12",
        "上一篇：关于做好春耕工作的通知",
        "阅读排行",
        "分享到：",
        "首页 > 政务公开 > 政策文件",
        "版权所有 某市人民政府办公室",
        "京ICP备12345678号",
        "---------------",
    ],
)
def test_frequency_free_shapes_at_the_start(line: str) -> None:
    text = f"{line}\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。"
    r = pt.clean(text)
    assert r.text.startswith("各位代表：\n现在")
    (removed,) = _removed(r)
    assert removed.text.startswith(line)


@pytest.mark.parametrize("page", ["— 3 —", "- 12 -", "第3页", "第 3 页 共 10 页", "·5·", "Page 2 of 9", "[pic]"])
def test_page_number_lines_anywhere(page: str) -> None:
    text = f"各位代表：\n\n现在报告工作。\n\n{page}\n\n一、过去一年的工作\n\n经济平稳增长。"
    r = pt.clean(text)
    assert page not in r.text
    assert "现在报告工作。" in r.text and "一、过去一年的工作" in r.text
    assert [x.reason for x in _removed(r)] and all(
        "page number" in x.reason or "image" in x.reason for x in _removed(r)
    )


def test_page_break_inside_a_wrapped_sentence_is_joined() -> None:
    line = "我们要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发"
    text = "\n".join([line] * 6 + ["", "— 3 —", "", line, "展格局，着力推动高质量发展。"])
    r = pt.clean(text)
    assert "— 3 —" not in r.text
    assert r.text.count("\n") == 0  # the page break and the wraps are gone


def test_page_numbers_inside_prose_stay() -> None:
    text = "详见第3页附表。\n增长-12-个百分点的说法不对，下降了12个百分点。"
    assert pt.clean(text).text == text


def test_repeated_salutations_slogans_and_titles_are_kept() -> None:
    salutation = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
    slogans = "坚持稳中求进工作总基调。"
    docs = []
    for n, body in enumerate(BODIES):
        docs.append(f"国务院关于第{n}项工作的通知\n国发〔2023〕{n}号\n{salutation}\n{body}\n{slogans}\n特此通知。\n国务院\n2023年{n + 1}月5日")
        docs.append(f"政府工作报告\n——2023年1月{n + 1}日在某县第十七届人民代表大会第{n}次会议上\n同志们：\n{body}\n{slogans}")
        docs.append(f"各位代表：\n{body}\n{slogans}")
    model = fit_furniture(docs)
    # they recur at the edges, but alone, never inside a block of furniture
    assert "政府工作报告" not in model.head_shapes_ and "国务院" not in model.tail_shapes_
    for doc in docs:
        r = pt.clean(doc, furniture=model)
        assert not _removed(r), doc
        assert r.text == pt.clean(doc, furniture=False).text


@pytest.mark.parametrize("line", ["标签化管理要进一步加强", "技术支持是关键", "分享经验", "阅读全文后再议"])
def test_prose_starting_with_a_site_word_is_kept(line: str) -> None:
    text = f"{line}\n现在，我代表县人民政府，向大会报告工作，请予审议。"
    assert not _removed(pt.clean(text))


def test_a_salutation_before_prose_stops_a_header_run() -> None:
    text = "下载 打印 全屏 收藏\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。"
    assert pt.clean(text).text == "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。"


def test_letterhead_of_two_recurring_lines_is_not_furniture() -> None:
    # a document number and an issuer recur, but two lines found only by frequency do
    # not make a run (min_lines)
    docs = [f"某市人民政府文件\n某政发〔2023〕{n}号\n{b}\n某市人民政府\n2023年5月{n + 1}日" for n, b in enumerate(BODIES)]
    model = fit_furniture(docs)
    assert all(not _removed(pt.clean(d, furniture=model)) for d in docs)


def test_teaser_needs_to_repeat_the_text() -> None:
    body = "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议，并请各位政协委员提出意见。"
    teaser = "内容摘要：现在，我代表县人民政府，向大会报告工作，请予审议，并请各位......"
    kept = "内容摘要：本报告回顾了过去一年的工作，提出了今年的目标任务和主要措施，请予审议......"
    assert pt.clean(f"{teaser}\n{body}").text == body
    assert pt.clean(f"{kept}\n{body}").text.startswith("内容摘要：本报告")


def test_teaser_with_its_label_on_a_line_of_its_own_and_a_lost_character() -> None:
    body = "政府工作报告\n——2022年1月27日在某县第十八届人民代表大会第二次会议上\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。"
    teaser = "内容摘要：\n政府工作报告——2022年1月27日在某县第十八届人民代表大会第二次会议上各位代表：现在，我代表县人民政府&ems……"
    r = pt.clean(f"阅读：\n175\n评论：\n0\n{teaser}\n{body}")
    assert r.text == body
    assert "——2022年1月27日在某县" in r.text


def test_model_is_small_serialisable_and_stable() -> None:
    docs = [scraped(n, b) for n, b in enumerate(BODIES)]
    model = fit_furniture(docs, min_share=0.2)
    again = Furniture.from_json(model.to_json())
    assert again == model and again.digest() == model.digest()
    assert pickle.loads(pickle.dumps(model)) == model
    assert json.loads(model.to_json())["params"]["min_share"] == 0.2
    shuffled = docs[:]
    random.Random(1).shuffle(shuffled)
    assert fit_furniture(shuffled, min_share=0.2).digest() == model.digest()
    assert Furniture().digest() != model.digest()
    assert model.get_params()["min_share"] == 0.2 and Furniture(**model.get_params()).min_share == 0.2
    with pytest.raises(ValueError):
        model.set_params(no_such=1)
    with pytest.raises(ValueError):
        Furniture.from_dict({"model": "something else"})
    with pytest.raises(TypeError):
        fit_furniture([3])  # type: ignore[list-item]


def test_clean_takes_a_model_or_a_switch() -> None:
    text = "下载 打印 全屏 收藏\n正文。"
    assert pt.clean(text).text == "正文。"
    assert pt.clean(text, furniture=False).text == text
    assert pt.clean(text, config=pt.CleanConfig(furniture=False)).text == text
    assert "furniture" not in pt.clean(text, furniture=False).changed_by
    with pytest.raises(TypeError):
        pt.clean(text, furniture="yes")  # type: ignore[arg-type]


def test_an_unfitted_model_finds_furniture_by_shape_only() -> None:
    text = scraped(1, BODIES[1])
    assert furniture_edits(text, Furniture()) == furniture_edits(text)


POOL = [
    "下载 打印 全屏 收藏", "分享到：", "微信", "上一篇：", "某县工作报告", "阅读：12", "— 3 —",
    "内容摘要：今年全县经济稳中有进......", "今年全县经济稳中有进，地区生产总值增长6.5%。", "各位代表：",
    "", "  ", "一、过去一年的工作", "特此通知。", "7",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(POOL), max_size=25), st.booleans())
def test_clean_with_a_model_maps_back(lines: list[str], crlf: bool) -> None:
    text = ("\r\n" if crlf else "\n").join(lines)
    model = fit_furniture([scraped(n, b) for n, b in enumerate(BODIES)])
    r = pt.clean(text, furniture=model)
    assert r.alignment.length == len(r.text)
    for x in r.removed:
        assert text[x.start : x.end] == x.text
    for i in range(len(r.text)):
        s, e = r.to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
