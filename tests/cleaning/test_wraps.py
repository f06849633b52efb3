"""Hard wraps: line breaks inside a sentence joined, in both scripts; the breaks that end a
paragraph, a heading, a list item or a speaker's turn kept."""

from __future__ import annotations

import pytest

import policytext as pt
from policytext.cleaning.wraps import display_width, ends_sentence, is_heading_line


def wrap(text: str, width: int, indent: str = "", hanging: str = "") -> str:
    """``text`` (paragraphs separated by "\\n") wrapped at ``width`` columns, as a PDF or
    gazette lays it out: each paragraph starts with ``indent``, continuation lines with
    ``hanging``."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = indent
        for ch in paragraph:
            if display_width(line + ch) > width:
                lines.append(line)
                line = hanging
            line += ch
        lines.append(line)
    return "\n".join(lines)


SIMPLIFIED = (
    "各位代表：\n"
    "现在，我代表县人民政府，向大会报告工作，请予审议，并请各位政协委员和列席会议的同志提出意见。\n"
    "一、过去一年的工作回顾\n"
    "过去一年，面对复杂严峻的形势，我们坚持稳中求进工作总基调，全县经济社会发展取得新成效，地区生产总值增长6.5%，"
    "一般公共预算收入增长8%，城乡居民人均可支配收入分别增长7%和9%。\n"
    "（一）经济运行稳中向好\n"
    "我们着力扩大有效投资，全年实施重点项目120个，完成投资85亿元，新开工项目35个，竣工投产项目28个，"
    "项目建设的质量和效益明显提高。\n"
    "——民生保障持续加强。城镇新增就业5000人以上，城镇调查失业率控制在5.5%以内，社会保障体系不断完善。"
)

TRADITIONAL = (
    "主席：現在開會，在進行報告事項之前，先處理朝野黨團協商結論，請議事人員宣讀協商結論。\n"
    "院長蘇貞昌：主席、各位委員，今天本人代表行政院向大院提出施政報告，並備質詢，"
    "敬請各位委員不吝指教，讓我們共同為國家的發展努力，為人民的幸福打拚。\n"
    "壹、施政成果\n"
    "過去一年，面對疫情的嚴峻挑戰，政府團結全民，採取超前部署的防疫措施，經濟成長率維持穩定，"
    "失業率下降，各項建設穩步推進，國人的生活逐步恢復正常。\n"
    "林委員為洲：請問院長，政府對於產業轉型的規劃為何？"
)


def paragraphs(text: str) -> list[str]:
    # a heading kept on its own line in a wrapped text is set off as a paragraph of its own
    return [p.strip() for p in text.split("\n") if p.strip()]


@pytest.mark.parametrize("source", [SIMPLIFIED, TRADITIONAL], ids=["simplified", "traditional"])
@pytest.mark.parametrize(("indent", "hanging"), [("", ""), ("\u3000\u3000", ""), ("   ", "  ")],
                         ids=["flush", "indented", "hanging"])
def test_wrapped_text_comes_back_as_its_paragraphs(source: str, indent: str, hanging: str) -> None:
    wrapped = wrap(source, 40, indent, hanging)
    assert wrapped.count("\n") > source.count("\n") + 5
    assert paragraphs(pt.clean(wrapped).text) == paragraphs(source)


@pytest.mark.parametrize("source", [SIMPLIFIED, TRADITIONAL], ids=["simplified", "traditional"])
def test_wrapped_turns_separated_by_blank_lines(source: str) -> None:
    # a gazette: turns separated by blank lines, each turn's lines wrapped
    turns = [wrap(p, 38, "", "") for p in source.split("\n")]
    cleaned = pt.clean("\n\n".join(turns)).text
    assert cleaned.split("\n\n") == source.split("\n")


def test_unwrapped_lines_are_paragraphs() -> None:
    # titles, dates and signatures end without punctuation, and nothing says they were wrapped
    text = (
        "政府工作报告\n——2023年1月11日在某县第三届人民代表大会第三次会议上\n某县人民政府县长 张三\n"
        "各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n"
        "2022年，我们共同走过了不平凡的一年。\n特此报告。\n某县人民政府\n2023年1月11日"
    )
    assert pt.clean(text).text == text


def test_clause_punctuation_and_open_brackets_always_join() -> None:
    assert pt.clean("雄关漫道真如铁，\n而今迈步从头越。").text == "雄关漫道真如铁，而今迈步从头越。"
    assert pt.clean("贯彻落实《\n中华人民共和国环境保护法\n》。").text == "贯彻落实《中华人民共和国环境保护法》。"


def test_latin_words_keep_their_space_and_hyphens_join() -> None:
    line = "武漢肺炎疫情重創世界經濟，但在全球最壞的年代，臺灣卻拚出了好成績，這是The"
    text = "\n".join([line + "X" * 0] * 5 + ["quick results of COVID-", "19 response。"])
    cleaned = pt.clean(text).text
    assert "The quick results" in cleaned
    assert "COVID-19" in cleaned


def test_speaker_turns_headings_and_items_are_not_joined_in_blank_line_texts() -> None:
    text = "主席：現在開會\n院長蘇貞昌：報告院會\n\n一、施政成果\n\n（一）經濟\n\n- 第一項\n- 第二項"
    assert pt.clean(text).text == text


def test_helpers() -> None:
    assert ends_sentence("完成目标。」") and ends_sentence("各位代表：") and not ends_sentence("增长（GDP）")
    assert is_heading_line("（一）经济运行稳中向好") and is_heading_line("第一章 总则")
    assert not is_heading_line("第28條所定審查期限") and not is_heading_line("一、")
    assert display_width("中文ab") == 6
