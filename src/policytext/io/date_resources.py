"""Tables and compiled patterns for reading dates and years: column names, numerals,
where a date belongs in Chinese policy prose, page furniture, places, document genres.

Everything the dating modules (:mod:`policytext.io.dates`, :mod:`policytext.io.textdates`,
:mod:`policytext.io.doctype`) match against lives here, so a rule is changed in one place.
Patterns run on a *scan copy* of the text (:func:`policytext.io.textdates.scan_copy`):
NFKC-normalised (full-width digits are ASCII there), escapes written out as characters
(``\\r\\n`` as two characters) turned back into line breaks.
"""

from __future__ import annotations

import re

__all__ = [
    "ADOPTION_AFTER",
    "ADOPTION_BEFORE",
    "AR_DATE",
    "CN_DATE",
    "CN_DIGIT",
    "COLUMN_EXCLUDE",
    "COMPACT_DATE",
    "COMPACT_ROC_DATE",
    "COMPATIBILITY",
    "DATE_NAMES_DOCUMENT",
    "DATE_NAMES_GENERIC",
    "DATE_NAMES_PUBLISHED",
    "DAY_MONTH_YEAR",
    "DOC_NUMBER",
    "DOC_TYPES",
    "DOC_TYPE_HEADER",
    "DOC_TYPE_SUFFIXES",
    "ENTITIES",
    "ESCAPES",
    "GENRE_BEFORE",
    "HORIZON_AFTER",
    "HORIZON_BEFORE",
    "INVISIBLE",
    "ISO_AFTER_LABEL",
    "ISO_LIKE",
    "LABEL_DATE",
    "MEETING_AT",
    "MEETING_LINE",
    "NAME_NOISE",
    "NOT_LAW",
    "NOT_PLACES",
    "NUMBER_LABEL",
    "NUMBER_TEXT",
    "PADDED_DATE",
    "PAST_ADDRESSEE",
    "PLACE_IN_MEETING",
    "PLACE_IN_TITLE",
    "PLACE_UNIT",
    "POSTING_LABEL",
    "POSTING_LABEL_STRONG",
    "PRINTED",
    "QUESTION_RUN",
    "REGION_NAMES",
    "ROC_DATE",
    "ROC_LIKE_DATE",
    "ROC_NUMERIC",
    "ROC_PREFIX",
    "ROC_THIS_YEAR",
    "SALUTATION",
    "SIGNATURE_BLOCKERS",
    "STANDALONE_YEAR",
    "TITLE_BRACKETS",
    "TITLE_NAMES",
    "TITLE_NOTE",
    "TITLE_REPORT_YEAR",
    "TITLE_SPACES",
    "TRAILING_NOTE",
    "TRANSMITTAL",
    "UNIT_LEVELS",
    "VALUE_REST",
    "WEEKDAY",
    "WIDE_FORMS",
    "YEAR_NAMES",
    "YEAR_RANGE",
    "YEAR_TEXT",
    "ZERO_FORMS",
]

# --- numerals ------------------------------------------------------------------------------

#: every way a zero is written inside a Chinese-numeral year or date: 〇 (U+3007), ○
#: (U+25CB), ◯ (U+25EF), Latin O/o, full-width Ｏ and ０ (NFKC makes them O and 0), Greek
#: and Cyrillic capital O (OCR), 零
ZERO_FORMS = "〇○◯OoΟО0０Ｏ零"
#: the value of each Chinese digit; every zero form counts 0
CN_DIGIT: dict[str, int] = {
    **dict.fromkeys(ZERO_FORMS, 0),
    "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3, "叁": 3, "參": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
    "八": 8, "捌": 8, "九": 9, "玖": 9,
}
_DIGITS_CN = "一二三四五六七八九"
_ZERO_CLASS = "〇○◯OoΟО0零"  # after NFKC (Ｏ→O, ０→0)

# --- dates in prose and in values -------------------------------------------------------------

_ROC = r"(?:中華民國|中华民国|民國|民国)"
#: an explicit Republic-of-China era before a year
ROC_PREFIX = re.compile(rf"^\s*{_ROC}\s*")
_CN_DIGITS = f"[{_ZERO_CLASS}{_DIGITS_CN}]"
_CN_MONTH = "(?:十[一二]?|[〇零]?[一二三四五六七八九]|十)"
_CN_DAY = "(?:三十一?|卅一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?|[〇零]?[一二三四五六七八九])"
_MONTH_DAY = (
    r"(?:\s*(?P<m>\d{1,2}|" + _CN_MONTH + r")\s*月(?:\s*(?P<d>\d{1,2}|" + _CN_DAY + r")\s*[日号號])?)?"
)
#: a Gregorian date in prose with Arabic digits: 2016年5月4日, 2022年1月 (month and day optional)
#: (a PDF's letter-spaced digits too: 1 9 9 8 年3 月5 日)
AR_DATE = re.compile(r"(?<![\d.])(?P<y>(?:1 ?[89]|2 ?0) ?\d ?\d)\s*年" + _MONTH_DAY)
#: a date in Chinese numerals, the year digit by digit: 二〇二二年一月二十七日, 二○○三年十一月八日
CN_DATE = re.compile(r"(?<![一二三四五六七八九十百])(?P<y>" + _CN_DIGITS + r"{4})\s*年" + _MONTH_DAY)
#: a Republic-of-China date: 中華民國106年2月17日, 民國107年, 民国一百零七年, 中華民國八十七年
ROC_DATE = re.compile(
    _ROC + r"\s*(?P<y>\d{1,3}|[〇○零一二三四五六七八九十百]{1,6})\s*年(?!度?[-—–~～至到])" + _MONTH_DAY
)
#: the ROC "this year" of Taiwanese documents: 本（八十七）年, 本(87)年度
ROC_THIS_YEAR = re.compile(r"本\s*[(（]\s*(?P<y>\d{1,3}|[〇○零一二三四五六七八九十百]{1,6})\s*[)）]\s*年")
#: a whole value that is a date with separators: 2019-03-05, 2019/3/5, 2019.03.05,
#: 2019-03-05T10:00; and 2019-03 or 2019/3 (year and month)
ISO_LIKE = re.compile(
    r"^(?P<y>\d{4})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})(?:\s*(?P=s)\s*(?P<d>\d{1,2}))?(?!\d)(?P<rest>.*)$"
)
#: a numeric ROC date: 107/12/21, 107.12.21, 98-01-05 (2- or 3-digit year, then month, day)
ROC_NUMERIC = re.compile(
    r"^(?P<y>\d{2,3})\s*(?P<s>[-/.])\s*(?P<m>\d{1,2})\s*(?P=s)\s*(?P<d>\d{1,2})(?!\d)(?P<rest>.*)$"
)
#: day and month before the year, in an order the value does not say: 02/04/2009, 13.4.2009
DAY_MONTH_YEAR = re.compile(
    r"^(?P<a>\d{1,2})\s*(?P<s>[-/.])\s*(?P<b>\d{1,2})\s*(?P=s)\s*(?P<y>\d{4}|\d{2})(?!\d)(?P<rest>.*)$"
)
#: eight digits as a date (20190305), in a date-named column only
COMPACT_DATE = re.compile(r"^(?P<y>(?:1[89]|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])$")
#: seven digits as an ROC date (1071221, 0991231), in a date-named column only
COMPACT_ROC_DATE = re.compile(r"^(?P<y>[01]\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])$")
#: what may follow a date in a value and leave it one date: a weekday, a time of day, a span
#: of hours or days within it (（星期五）上午10時1分, 09:30:00, 至下午17時47分, 至5日)
VALUE_REST = re.compile(
    r"^\s*(?:[(（]\s*(?:星期|禮拜|礼拜|周|週)[一二三四五六日天]\s*[)）])?\s*"
    r"(?:[T\s]*(?:上午|下午|晚上|中午|早上|凌晨)?\s*\d{1,2}\s*(?:[:：時时点點](?:\s*\d{1,2}\s*分?)?)"
    r"(?:\s*[:：]\s*\d{1,2}(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?)?"
    r"(?:\s*(?:至|到|-|~|～|—|和|、|及)\s*(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*[日号]|(?:上午|下午|晚上)?\s*\d{1,2}\s*[時时点點](?:\s*\d{1,2}\s*分)?))?"
    r"\s*$"
)
#: two years joined as a span: 2021-2025, 2021—2025年, 2016～2020, 2021至2025 (a plan period)
YEAR_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*年?\s*(?:[-—–－~～至到]|—{2})\s*(?:((?:19|20)\d\d)(?!\d)|(\d\d)(?![\d\-./]))"
)
#: words before a year that make it a horizon, not a date: 到2030年, 截至2020年, 展望2035年
HORIZON_BEFORE = re.compile(r"(?:到|至|截至|截止|迄|直至|展望|面向|预计到|預計到|力争到|力爭到)\s*$")
#: words after a year that make it a horizon: 2035年远景目标, 2030年前, 2025年以前
HORIZON_AFTER = re.compile(
    r"^\s*年?\s*(?:远景|遠景|愿景|願景|目标|目標|展望|前后|前後|以前|之前|以后|以後|之后|之後|前|底前|年底前)"
)

# --- where a date belongs in a document ------------------------------------------------------

_MEETING = (
    r"(?:会议|會議|大会|大會|会上|會上|全会|全會|常委会|常委會|座谈会|座談會|论坛|論壇|典礼|典禮|仪式|儀式|"
    r"集体学习|集體學習|报告会|報告會|开幕式|開幕式|研讨会|研討會|院会|院會)"
)
_DAY_SPAN = r"(?:(?:和|、|及|至|-|—|－)\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])?"  # 和22日, 和12月1日
_NO_STOP = r"[^。，,；;！!？?\n]"
#: a header date at a meeting: ——2022年1月27日在…人民代表大会第二次会议上 (在…上, or 在…会议 at
#: the end of its line); a date followed by 在 and a place and a verb (在上海召开) is prose
MEETING_AT = re.compile(
    rf"^\s*{_DAY_SPAN}\s*(?:在|於|于){_NO_STOP}{{0,60}}?{_MEETING}(?:{_NO_STOP}{{0,12}}?上|\s*(?:$|\n|[)）]))"
)
#: a header date before a meeting's name that ends its line: 2019年1月29日…人民代表大会第三次会议
MEETING_LINE = re.compile(rf"^\s*{_DAY_SPAN}\s*[^。，,；;！!？?\n在於于]{{0,60}}?{_MEETING}上?\s*(?:$|\n|[)）])")
#: an adoption after a header date, inside brackets (（2023年3月13日第十四届…会议通过）) or after
#: 已经/经 (已经2005年2月2日国务院第80次常务会议通过)
ADOPTION_AFTER = re.compile(r"^[^。；;\n]{0,60}?(?:通过|通過|批准|修订|修訂|修正|颁布|頒布|公布)")
#: what stands before an adoption date outside brackets
ADOPTION_BEFORE = re.compile(r"(?:已经|已經|业经|業經|已于|已於|经|經)\s*$")
#: a labelled date of the document itself in a page's metadata block (never 发布日期: the
#: posting date)
LABEL_DATE = re.compile(
    r"(?:成文日期|成文時間|成文时间|印发日期|印發日期|签发日期|簽發日期|发文日期|發文日期|签署日期|簽署日期|"
    r"通过日期|通過日期|会议日期|會議日期)\s*[:：]\s*"
)
#: a salutation: the body of a speech or report starts here, the header is over
SALUTATION = re.compile(
    r"各位代表|各位委员|各位委員|各位同志|同志们|同志們|女士们|女士們|先生们|先生們|代表们|代表們|"
    r"各位领导|各位領導|尊敬的|主席、各位"
)
#: a label of a scraping site's posting line; dates on such lines are the site's, never the
#: document's (时间：2023-03-30 作者：… 阅读：175)
POSTING_LABEL = re.compile(
    r"(?:时间|時間|日期|发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|发稿时间|發稿時間|来源|來源|"
    r"信息来源|資訊來源|文章来源|作者|编辑|編輯|责任编辑|責任編輯|阅读|閱讀|阅读量|阅读次数|浏览|瀏覽|"
    r"浏览次数|瀏覽次數|浏览量|点击|點擊|点击数|點擊數|点击量|评论|評論|字号|字號|访问量|訪問量)"
    r"\s*[:：]"
)
#: labels that only page furniture carries: one of them makes a line furniture
POSTING_LABEL_STRONG = re.compile(
    r"(?:^|\s)(?:发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|发稿时间|發稿時間|来源|來源|信息来源|"
    r"文章来源|作者|责任编辑|責任編輯|阅读|閱讀|阅读量|阅读次数|浏览|瀏覽|浏览次数|瀏覽次數|点击|點擊|"
    r"点击数|點擊數|评论|評論|字号|字號|访问量|訪問量)\s*[:：]"
    r"|【\s*(?:打印|关闭|關閉|字体|字體)\s*】|(?:https?://|www\.)"
)
#: notes after a signature that are not part of it: （此件公开发布）, （本文有删减）
TRAILING_NOTE = re.compile(r"[(（【\[][^()（）【】\[\]\n]{1,24}[)）】\]]\s*$")
#: characters that, right before a date ending a text, make it part of a sentence (自2016年…)
SIGNATURE_BLOCKERS = frozenset("于於自至到从從在和及与與、，,；;（(为為是前后後起止由截迄")
#: the issuer's own document number after the title: 国发〔2016〕12号, 国办函[1993]31号
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*((?:19|20)\d\d)\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*[号號]"
)
#: a title whose document carries another one (the date signed at the end can be the
#: attachment's, not the notice's): 批转, 转发, 印发 … 的通知
TRANSMITTAL = re.compile(r"批转|批轉|转发|轉發|转送|轉送|印发|印發|颁发|頒發|下发|下發")

# --- titles --------------------------------------------------------------------------------------

#: a note ending a title that says nothing about its genre or year: （摘要）, （草案）, (全文)
TITLE_NOTE = re.compile(
    r"\s*[(（【\[]\s*(?:摘要|草案|全文|节选|節選|试行|試行|暂行|暫行|修订|修訂|修正|征求意见稿|徵求意見稿|"
    r"送审稿|送審稿|公开版|公開版|文字实录|文字實錄|实录|實錄|附全文|图文|圖文|视频|視頻)[^()（）]{0,12}[)）】\]]\s*$"
)
#: the one title shape whose year is the document's: a government work report named by the
#: year it is delivered in (2024年政府工作报告, 保定市满城区2020年政府工作报告, 2017政府工作报告).
#: 年度 is refused (a 2023年度 report looks back on 2023 and is delivered in 2024)
TITLE_REPORT_YEAR = re.compile(
    r"^[^\d]{0,24}?(?<!\d)((?:19|20)\d\d)(?!\d)\s*年?(?!度)\s*[^\d]{0,24}?政府工作[报報]告$"
)
# --- places -------------------------------------------------------------------------------------

_UNIT_SUFFIX = r"(?:自治区|自治區|自治州|自治县|自治縣|自治旗|特别行政区|特別行政區|地区|地區|省|市|州|盟|区|區|县|縣|旗|镇|鎮|乡|鄉)"
#: one administrative unit of a place name: 保定市 | 满城区
PLACE_UNIT = re.compile(rf"[\u4e00-\u9fff]{{1,8}}?{_UNIT_SUFFIX}")
_PLACE = rf"(?P<place>(?:[\u4e00-\u9fff]{{1,8}}?{_UNIT_SUFFIX}){{1,3}}?)"
#: a place named in a header's meeting: 在保定市满城区第三届人民代表大会, 在易县十七届人大
PLACE_IN_MEETING = re.compile(
    rf"在\s*{_PLACE}\s*(?:第?[一二三四五六七八九十百\d]+\s*[届屆]|人民代表大会|人民代表大會|人大|政协|政協)"
)
#: a place named in a work report's title: 米易县2024年政府工作报告, 2022年高唐县政府工作报告
PLACE_IN_TITLE = re.compile(
    rf"^(?:(?:19|20)\d\d\s*年?\s*)?{_PLACE}\s*(?:(?:19|20)\d\d\s*年?度?\s*)?(?:人民)?政府"
)
#: the level of a unit by its suffix: 1 province, 2 prefecture, 3 county, 4 township (a 市
#: is prefecture- or county-level, so it stands at both)
UNIT_LEVELS: dict[str, frozenset[int]] = {
    "省": frozenset({1}), "自治区": frozenset({1}), "自治區": frozenset({1}),
    "特别行政区": frozenset({1}), "特別行政區": frozenset({1}),
    "市": frozenset({2, 3}), "州": frozenset({2}), "自治州": frozenset({2}), "盟": frozenset({2}),
    "地区": frozenset({2}), "地區": frozenset({2}),
    "区": frozenset({3}), "區": frozenset({3}), "县": frozenset({3}), "縣": frozenset({3}),
    "旗": frozenset({3}), "自治县": frozenset({3}), "自治縣": frozenset({3}), "自治旗": frozenset({3}),
    "镇": frozenset({4}), "鎮": frozenset({4}), "乡": frozenset({4}), "鄉": frozenset({4}),
}
#: words that end like a place but name none (本县, 全市, 我区)
NOT_PLACES = frozenset("本我全各该該此每其市县縣区區省")

# --- column names (normalised: NFKC, case-folded, no spaces, underscores, hyphens, dots) --------

#: the document's own date: written, signed, adopted, the meeting's day
DATE_NAMES_DOCUMENT = frozenset({
    "成文日期", "成文时间", "成文時間", "印发日期", "印發日期", "印发时间", "印發時間", "签发日期", "簽發日期",
    "签署日期", "簽署日期", "发文日期", "發文日期", "发文时间", "發文時間", "通过日期", "通過日期",
    "会议日期", "會議日期", "会议时间", "會議時間", "开会日期", "開會日期", "讲话日期", "講話日期",
    "讲话时间", "講話時間", "报告日期", "報告日期", "datesigned", "signeddate", "signingdate", "signdate",
    "issuedate", "issuedon", "dateissued", "issuancedate", "dateofissue", "adoptiondate",
    "dateadopted", "documentdate", "docdate", "meetingdate", "sittingdate", "speechdate",
})
#: a date without saying which
DATE_NAMES_GENERIC = frozenset({"date", "日期", "时间", "時間", "日期时间", "日期時間", "datetime", "dated"})
#: the date a site or gazette published it (after the document's own, when both exist)
DATE_NAMES_PUBLISHED = frozenset({
    "publishdate", "publisheddate", "publishtime", "publishedat", "published", "pubdate",
    "publicationdate", "releasedate", "releasetime", "releasedat", "postdate", "posteddate",
    "postedat", "发布日期", "發布日期", "发布时间", "發布時間", "公布日期", "公布时间", "公布時間",
    "发表日期", "發表日期", "发表时间", "發表時間", "刊发日期", "刊發日期", "刊登日期",
})
#: names of a year column
YEAR_NAMES = frozenset({
    "year", "yr", "年", "年份", "年分", "年度", "发布年份", "發布年份", "发文年份", "發文年份", "成文年份",
    "pubyear", "publicationyear", "publishyear", "releaseyear", "reportyear", "报告年份", "報告年份",
    "rocyear", "民国年", "民國年", "民国年份", "民國年份", "民国年度", "民國年度",
})
#: what a date- or year-like name must not hold: record keeping, effect, deadlines, plans
COLUMN_EXCLUDE = re.compile(
    r"更新|修改|修订|修訂|修正|爬取|抓取|采集|採集|入库|入庫|下载|下載|访问|訪問|浏览|瀏覽|阅读|閱讀|实施|實施|"
    r"施行|生效|失效|废止|廢止|截止|截至|出生|开始|開始|结束|結束|起始|到期|有效|目标|目標|基准|基準|基期|规划|規劃|"
    r"update|modif|crawl|scrap|fetch|download|access|retriev|effective|expir|deadline|birth|created|"
    r"inserted|collected|startdate|enddate|start|end|target|base|years$"
)
#: names of a title column
TITLE_NAMES = frozenset({
    "title", "标题", "標題", "题目", "題目", "题名", "題名", "篇名", "名称", "名稱", "文件名称", "文件名稱",
    "文件标题", "文件標題", "政策名称", "政策名稱", "政策标题", "政策標題", "报告标题", "報告標題", "文章标题",
    "文章標題", "headline", "policy", "policyname", "policytitle", "doctitle", "documenttitle",
})
#: names of region columns and the level they name (0: not said)
REGION_NAMES: dict[str, int] = {
    **dict.fromkeys(("province", "prov", "省", "省份", "所属省份", "所屬省份", "所属省", "所屬省", "省区", "省區",
                     "省名", "省份名称", "省份名稱"), 1),
    **dict.fromkeys(("city", "市", "城市", "所属城市", "所屬城市", "所属市", "所屬市", "地市", "地级市", "地級市",
                     "所属地市", "所屬地市", "prefecture", "市名", "城市名称", "城市名稱"), 2),
    **dict.fromkeys(("county", "district", "县", "縣", "区县", "區縣", "县区", "縣區", "区县名称", "區縣名稱",
                     "县区名称", "縣區名稱", "县名", "縣名", "区县名", "區縣名", "县市区", "縣市區", "countyname",
                     "districtname"), 3),
    **dict.fromkeys(("region", "地区", "地區", "地方", "area", "place", "location", "行政区", "行政區",
                     "行政区划", "行政區劃", "地名", "regionname", "地区名称", "地區名稱"), 0),
}

# --- document genres -----------------------------------------------------------------------------

#: the doc_type vocabulary
DOC_TYPES = (
    "report", "resolution", "speech", "notice", "opinion", "plan", "regulation", "law",
    "decision", "letter", "record", "other",
)
#: a title's last word and the genre it names, longest first where one ends another
#: (办法 before 法, 会议纪要 before 纪要); Simplified and Traditional
DOC_TYPE_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("会议纪要", "record"), ("會議紀要", "record"), ("会议记录", "record"), ("會議記錄", "record"),
    ("会议纪录", "record"), ("會議紀錄", "record"), ("纪要", "record"), ("紀要", "record"),
    ("纪录", "record"), ("紀錄", "record"), ("记录", "record"), ("記錄", "record"),
    ("速记录", "record"), ("速記錄", "record"), ("议事录", "record"), ("議事錄", "record"),
    ("公报", "report"), ("公報", "report"), ("报告", "report"), ("報告", "report"),
    ("报告书", "report"), ("報告書", "report"), ("白皮书", "report"), ("白皮書", "report"),
    ("施政方针", "report"), ("施政方針", "report"), ("总结", "report"), ("總結", "report"),
    ("决议", "resolution"), ("決議", "resolution"), ("决议案", "resolution"), ("決議案", "resolution"),
    ("讲话", "speech"), ("講話", "speech"), ("致辞", "speech"), ("致詞", "speech"), ("致辭", "speech"),
    ("发言", "speech"), ("發言", "speech"), ("演讲", "speech"), ("演講", "speech"),
    ("讲演", "speech"), ("講演", "speech"), ("贺词", "speech"), ("賀詞", "speech"),
    ("通知", "notice"), ("通报", "notice"), ("通報", "notice"), ("公告", "notice"),
    ("通告", "notice"), ("布告", "notice"), ("佈告", "notice"),
    ("意见", "opinion"), ("意見", "opinion"),
    ("规划", "plan"), ("規劃", "plan"), ("计划", "plan"), ("計劃", "plan"), ("計畫", "plan"),
    ("方案", "plan"), ("纲要", "plan"), ("綱要", "plan"), ("要点", "plan"), ("要點", "plan"),
    ("条例", "regulation"), ("條例", "regulation"), ("办法", "regulation"), ("辦法", "regulation"),
    ("规定", "regulation"), ("規定", "regulation"), ("细则", "regulation"), ("細則", "regulation"),
    ("规则", "regulation"), ("規則", "regulation"), ("准则", "regulation"), ("準則", "regulation"),
    ("章程", "regulation"), ("规程", "regulation"), ("規程", "regulation"),
    ("法", "law"), ("法律", "law"),
    ("决定", "decision"), ("決定", "decision"), ("命令", "decision"),
    ("批复", "letter"), ("批覆", "letter"), ("复函", "letter"), ("覆函", "letter"), ("函", "letter"),
    ("请示", "letter"), ("請示", "letter"), ("答复", "letter"), ("答覆", "letter"), ("回复", "letter"),
    ("回覆", "letter"), ("贺信", "letter"), ("賀信", "letter"), ("贺电", "letter"), ("賀電", "letter"),
)
#: words ending in 法 that are no law (办法 is a regulation and listed above)
NOT_LAW = ("方法", "做法", "看法", "想法", "说法", "說法", "用法", "算法", "写法", "寫法", "办法", "辦法")
#: genre cues in a header when the title says none: 在…会议上的讲话 is a speech
DOC_TYPE_HEADER: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"关于[^。\n]{1,80}?的决议|關於[^。\n]{1,80}?的決議"), "resolution"),
    (re.compile(r"在[^。\n]{0,60}?上的(?:讲话|講話|致辞|致詞|发言|發言)"), "speech"),
    (re.compile(r"(?:会议|會議)(?:纪要|紀要|纪录|紀錄|记录|記錄)"), "record"),
    (re.compile(r"政府工作[报報]告|在[^。\n]{0,60}?上的(?:报告|報告)"), "report"),
)

# --- the scan copy and small shapes (textdates, dates, doctype) ---------------------------------

#: escapes written out as characters by scrapers and spreadsheets: \r\n, \n, \r
ESCAPES = re.compile(r"\\r\\n|\\n|\\r")
#: HTML entities of spaces left in scraped text
ENTITIES = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#12288|#160);?")
#: invisible characters (zero-width spaces and joiners, BOM, soft hyphen)
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
#: a scraper's stand-in for characters it could not encode (政??府??工??作)
QUESTION_RUN = re.compile(r"\?{2,}")
#: full-width digits and letters and wide spaces, mapped to ASCII in the scan copy (NFKC over
#: every text is slow; the patterns accept full-width and ASCII punctuation alike)
WIDE_FORMS = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\xa0]")
#: other compatibility characters (Kangxi radicals from PDFs, circled numbers, compatibility
#: ideographs, small and vertical forms): a text holding one goes through NFKC
COMPATIBILITY = re.compile("[\u2460-\u24ff\u2f00-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufe10-\ufe6f\uff5f-\uffef]")
#: a year standing alone among other characters (not part of a longer number)
STANDALONE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
#: what may stand before a date line under a title: a genre word or a draft's note
GENRE_BEFORE = re.compile(
    r"(?:[\u4e00-\u9fff]{0,20}(?:报告|報告|讲话|講話|决议|決議|致辞|致詞|发言|發言|纪要|紀要|通知|意见|意見)"
    r"|[（(]?\s*(?:政治协商稿|政治協商稿|草案|讨论稿|討論稿|征求意见稿)\s*[)）]?)?$"
)
#: a weekday standing after a date on its line
WEEKDAY = re.compile(r"^(?:星期|禮拜|礼拜|周|週)[一二三四五六日天]$")
#: a date with a zero-padded month or day (2023年03月30日): a machine's stamp, not a document's
#: writing (GB/T 9704 has no leading zeros)
PADDED_DATE = re.compile(r"年\s*0\d\s*月|月\s*0\d\s*[日号]")
#: an ISO date after a metadata label (成文日期：2016-05-04)
ISO_AFTER_LABEL = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
#: the label of a page's document-number field (发文字号：)
NUMBER_LABEL = re.compile(r"(?:发文字号|發文字號|文号|文號)\s*[:：]\s*$")
#: the addressee's colon or a sentence end: past it, a document number is another document's
PAST_ADDRESSEE = re.compile("[:：。]")
#: 印发 after the date that ends a text (国务院办公厅 2016年5月6日印发)
PRINTED = re.compile(r"^\s*(?:印发|印發)")
#: a bracketed note ending a title, and the spaces and stand-ins a title is read without
TITLE_BRACKETS = re.compile(r"\s*[(（【\[][^()（）【】\[\]]{0,30}[)）】\]]\s*$")
TITLE_SPACES = re.compile(r"[\s?？]+")
#: a number written as text (2019, 43529, 2019.0)
NUMBER_TEXT = re.compile(r"\d+(?:\.0+)?")
#: a year written as a number, maybe with 年 or 年度 (2019, 2019.0, 107年, 2019年度)
YEAR_TEXT = re.compile(r"(\d{1,4})(?:\.0+)?\s*(?:年度?)?")
#: a numeric ROC date: a 3-digit year before a separator or 年, or seven digits (1071221)
ROC_LIKE_DATE = re.compile(r"^(?:1\d\d\s*[-/.年]|[01]\d{2}(?:0[1-9]|1[0-2])\d\d$)")
#: what a column name is compared without: spaces, underscores, hyphens, dots, brackets
NAME_NOISE = re.compile(r"[\s_\-./\\·:()\[\]{}【】「」]+")
