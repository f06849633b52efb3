"""Tables of the structure stage: heading styles (how Chinese policy documents number their
parts), the section-type vocabulary and the cue words that decide it. Patterns read the
analysis text (Simplified, full-width digits as written)."""

from __future__ import annotations

import re

__all__ = [
    "ACTION_HEADING",
    "DOCUMENT_DATE",
    "HEADING_STYLES",
    "HEADING_YEAR",
    "PARAGRAPH_CUES",
    "PART_HEADING_CHARS",
    "PART_HEADING_PUNCTUATION",
    "REVIEWED_PERIOD",
    "SECTION_TYPES",
    "STANDALONE_STYLES",
    "TYPE_CUES",
]

_CN = "一二三四五六七八九十百零〇"
_AR = "0-9０-９"

#: heading styles in their usual rank, highest first: (name, pattern). The pattern matches
#: at a line start (after indentation) and has a group ``n`` (the number as written) and a
#: group ``mark`` (the whole number with its punctuation). A document's levels are the
#: ranks of the styles it uses (a report with 一、 and （一） has levels 1 and 2).
HEADING_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"[ \t\u3000]*(?P<mark>{pattern})"))
    for name, pattern in (
        ("part", rf"第(?P<n>[{_CN}]+|[{_AR}]+)(?:编|部分|篇)"),
        ("chapter", rf"第(?P<n>[{_CN}]+|[{_AR}]+)章"),
        ("section", rf"第(?P<n>[{_CN}]+|[{_AR}]+)节"),
        ("cn_comma", rf"(?P<n>[{_CN}]{{1,3}})[、．.]"),
        ("cn_paren", rf"[（(](?P<n>[{_CN}]{{1,3}})[）)]"),
        ("ordinal_word", rf"第(?P<n>[{_CN}]{{1,3}})[，,：:]"),
        ("shi", rf"(?P<n>[{_CN}]{{1,3}})是[，,：:]?"),
        ("article", rf"第(?P<n>[{_CN}]+|[{_AR}]+)条"),
        ("ar_dot", rf"(?P<n>[{_AR}]{{1,2}})(?:[.．](?![{_AR}])|、)"),
        ("ar_paren", rf"[（(](?P<n>[{_AR}]{{1,2}})[）)]"),
        ("circled", r"(?P<n>[①-⑳])"),
    )
)

#: styles that are headings only as a line of their own (第一，… / 一是… standing alone, body
#: text on the next lines); run into a paragraph they enumerate points of running text
STANDALONE_STYLES = frozenset({"ordinal_word", "shi"})

#: the section types a heading (or a paragraph cue) is read as
SECTION_TYPES = ("review", "tasks", "plan", "government", "other")

#: cue words per section type, tried in this order on a heading (the first that matches
#: decides): a heading of the government's own work is that whatever year it names; a
#: review is a look back; a plan spans several years; tasks are this year's work
TYPE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government", re.compile(r"政府自身建设|政府建设|自身建设|作风建设|廉政建设|政权建设|(?:新型|服务型|法治|廉洁|满意的?)政府")),
    ("review", re.compile(r"回顾|过去[一五十]?年|[一二三四五]年来|[几数多]年来|(?:今年|年初|上半年)以来|去年|上年|工作总结|"
                          r"工作情况|取得的?(?:成绩|成就|进展|胜利)|(?:成绩|成就|胜利|进展)$")),
    # 十五 inside a larger numeral (第六十五条) and a project called a 规划案 are no plan
    ("plan", re.compile(r"(?<![一二三四五六七八九〇零百千第])十[一二三四五六七八九]?五(?![届屆次条條款项項章节節])|“十|五年规划|"
                        r"规划(?![局院司处委所案])|远景目标|中长期|今后[一二三四五六七八九十]?[几数]?年|未来[五几数]年")),
    ("other", re.compile(r"^关于(?:.{0,6})?(?:国际|外交|对外|国家的政治)|国际形势|对外政策|外交工作")),
    ("tasks", re.compile(r"今年(?!以来)|明年|(?:\d{4}|[〇○零一二三四五六七八九]{2,4})年.{0,12}(?:任务|部署|要求|工作|计划|目标|指标|跃进|安排|重点)|"
                         r"总体要求|政策取向|主要任务|工作任务|目标任务|"
                         r"重点工作|工作重点|工作建议|的建议|工作安排|主要预期目标")),
)

#: a heading that calls for action (把…, 加快…, 繁荣…): after a look back, this year's work
ACTION_HEADING = re.compile(
    r"^(?:把|加快|繁荣|加强|坚持|推进|深化|发展|大力|积极|切实|全面|努力|继续|进一步|提高|扩大|促进|实施|做好|抓好|建设|巩固|"
    r"保持|确保|完善|着力|推动|强化|优化|狠抓|打好|打造|统筹|提升|落实|争取|开创|实现)"
)

#: paragraph openings that say what follows, for documents without numbered headings
PARAGRAPH_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("review", re.compile(r"[ \t\u3000]*(?:过去[一五]年|一年来|五年来|去年|上年|(?:19|20)\d\d年(?:是|，我们))")),
    ("plan", re.compile(r"[ \t\u3000]*(?:今后五年|未来五年|“十[一二三四五六七八九]?五”时期)")),
    # 今年6月8日… dates an event of this year: no cue of this year's work
    ("tasks", re.compile(r"[ \t\u3000]*(?:今年(?![\d０-９一二三四五六七八九十]+月|以来)|明年|(?:19|20)\d\d年(?:工作|的主要|经济社会发展))")),
)

#: an unnumbered line this short whose words give a section type (2022年工作回顾, 今后五年的
#:奋斗目标, 加强政府自身建设) is a part heading of a work report: the numbered sections under
#: it that have no cue of their own take its type
PART_HEADING_CHARS = 24
#: a line holding any of these is a sentence of the body, not a part heading (a closing
#: colon is allowed: 今年重点做好以下工作：)
PART_HEADING_PUNCTUATION = re.compile(r"[，,。；;！!？?、]|[：:](?!\s*$)")
#: where a heading's first clause ends: its words type the section, those of later clauses
#: do not (综上所述，请说明后续相关规划。 is a numbered paragraph, not a plan)
FIRST_CLAUSE_END = re.compile(r"[，,。；;！!？?：:]")

#: a plan period looked back on (回顾“十三五”): right after the review cue, it is the review's
#: object, not a look ahead
REVIEWED_PERIOD = re.compile(r"[“\"]?十[一二三四五六七八九]?五[”\"]?")
#: the date a report was delivered, near its head (2021年2月5日在…会议上): its year is "this year"
DOCUMENT_DATE = re.compile(r"((?:19|20)\d\d)年[一二三四五六七八九十\d]{1,2}月[一二三四五六七八九十\d]{1,3}日")
#: a year written in a heading (接续奋斗2021年，…): with the document's year, a heading's time
HEADING_YEAR = re.compile(r"((?:19|20)\d\d)年")
