"""Tables and compiled patterns for the indicators stage: numerals, units, qualifiers, cues.

Every pattern here runs on *folded* text: :data:`FOLD` maps full-width ASCII and the
Traditional forms of numeral characters to their half-width / Simplified forms one
character for one character, so offsets in folded text are offsets in the original.
"""

from __future__ import annotations

import re

# -- character folding (1:1, keeps offsets) -----------------------------------------------

_FOLD_PAIRS = {
    "萬": "万", "億": "亿", "點": "点", "負": "负", "兩": "两", "倆": "俩", "個": "个",
    "貳": "贰", "參": "叁", "陸": "陆", "幾": "几", "餘": "余", "〇": "零", "○": "零",
    "－": "-", "﹣": "-", "−": "-", "～": "~", "〜": "~", "—": "-", "–": "-",
}
# full-width digits, Latin letters and the signs numbers use; full-width punctuation such as
# ，：（ stays (the patterns know both forms), so most Simplified texts need no folding at all
_FULLWIDTH = "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + "%.-+/^~"
FOLD: dict[int, str] = {ord(c) + 0xFEE0: c for c in _FULLWIDTH}
FOLD.update({ord(k): v for k, v in _FOLD_PAIRS.items()})
#: any character FOLD changes (a quick test before translating a whole document)
FOLDABLE = re.compile("[" + re.escape("".join(chr(c) for c in FOLD)) + "]+")

# -- numerals --------------------------------------------------------------------------------

DIGITS: dict[str, int] = {
    "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "两": 2, "俩": 2, "幺": 1,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
#: characters that stand for a digit *and* its ten (廿二 = 22)
TENS = {"廿": 20, "卅": 30}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
#: 多/余/几 inside a numeral ("二十几万", "500余万") stand for an unknown lower digit
FUZZY = "多余几"
#: Latin magnitude suffixes used with Arabic numerals
SUFFIX_SCALE = {"k": 10**3, "K": 10**3, "M": 10**6}

_CN = "".join(DIGITS) + "".join(TENS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)
_ARABIC = r"(?:\d{1,3}(?:[,，]\d{3})+(?![\d])|\d+)(?:\.\d+)?|\.\d+"
# 两 after 点 is "two (of something)", never a decimal digit: 一点两小时 is 1 and 2
_DECIMAL_DIGITS = "".join(DIGITS).replace("两", "").replace("俩", "")
_ATOM = rf"(?:{_ARABIC}|[{_CN}]|点(?=\s?[{_DECIMAL_DIGITS}\d])|[{FUZZY}](?=\s?[万亿千百十]))"
#: a numeral: Arabic, Chinese or mixed, with spaces between its parts (七 万 5 千)
NUMERAL = rf"(?:(?<![\d%‰.{_CN}])[-负](?=\s?[\d.{_CN}]))?{_ATOM}(?:[ ]*{_ATOM})*(?:[eE][-+]?\d+|[ ]?[kKM](?![A-Za-z]))?"
#: where a numeral may start: a plain character class lets the regex engine skip ahead fast
NUMERAL_START = f"[-负.\\d{_CN}]"
#: the fraction marker 分之 in "三分之一", "百分之五", with the spaces some texts put in
FRACTION_MARK = r"[ ]*分[ ]*之[ ]*"
PERCENT_DENOMINATORS = {"百": "%", "佰": "%", "千": "‰", "仟": "‰", "万": "‱"}
#: denominators that make a rate-of-parts per million etc., reported as %
PER_SCALE = {"百万": 10**6, "千万": 10**7, "万万": 10**8}

#: 一两, 两三, 三四 … 八九: two neighbouring digits mean "one or two", a range
NEIGHBOUR_DIGITS = {
    "一两": (1, 2), "一二": (1, 2), "两三": (2, 3), "二三": (2, 3), "三四": (3, 4),
    "三五": (3, 5), "四五": (4, 5), "五六": (5, 6), "六七": (6, 7), "七八": (7, 8), "八九": (8, 9),
}

#: 元/圆 followed by 角 and 分 in amounts written out (壹拾壹元壹角捌分)
YUAN_JIAO_FEN = re.compile(rf"[元圆]([{''.join(DIGITS)}])角(?:([{''.join(DIGITS)}])分)?")
#: powers written with a caret: 2^5, 2.5^-1
POWER = re.compile(r"\^([-+]*)(\d+)")
URL = re.compile(r"(?:https?://|www\.)[!-~]+")

#: words in which a numeral character is not a number (一切, 四川, 陆地, 收拾 …)
NOT_NUMBERS = (
    "一切", "一看", "一下", "一些", "一样", "一般", "一定", "一直", "一起", "一致", "一体", "一道", "一律", "一旦", "一度", "一向",
    "一贯", "一举", "一带一路", "一手", "一线", "一流", "一味", "一概", "一同", "一再", "一经", "一连", "一边", "一面", "一把手",
    "一心", "一方面", "一番", "一一", "一成不变", "一国两制", "一心一意",
    "统一", "唯一", "万一", "之一", "进一步", "同一", "专一", "单一", "划一", "合一", "不一", "逐一", "大陆", "海陆", "登陆", "着陆",
    "内陆", "收拾", "夕拾", "放肆", "队伍", "入伍", "退伍", "行伍", "万分", "百般", "两两", "三三两两", "七上八下", "五湖四海", "九州",
    "千方百计", "三令五申",
    "四川", "四周", "四处", "四面",
    "陆地", "陆续", "陆军", "陆路",
    "拾起", "拾取", "拾到", "拾遗",
    "肆意", "肆无忌惮", "肆虐",
    "伍仁",
    "十足", "十分", "十全十美",
)

NOT_NUMBER_CHARS = frozenset("".join(NOT_NUMBERS))

# -- what follows a number ------------------------------------------------------------------

#: percent-like suffixes; 百分点 never folds into %
PERCENT_SUFFIX = re.compile(r"[ ]*(?:(?P<pct>%)|(?P<permille>‰)|(?P<points>个?[ ]*百[ ]*分[ ]*点)|(?P<tenths>成半?(?!本|果|为|功|立|长|员|效|绩|就|熟|交|都|分)|折(?![旧合算射腾中])))")

#: measure words and units, longest first; value: (kind, canonical unit)
UNITS: dict[str, tuple[str, str]] = {}
for _kind, _words in {
    "amount": (
        "万亿元 亿元 万元 千元 元 亿美元 万美元 美元 亿斤 万斤 斤 万吨 亿吨 吨 公斤 千克 "
        "平方公里 平方千米 平方米 万平方米 亿平方米 立方米 万立方米 亿立方米 公里 千米 米 "
        "万亩 亿亩 亩 公顷 万公顷 千瓦时 万千瓦 亿千瓦 千瓦 度 吨标准煤 标准煤 "
        "小时 天 个月 岁 倍"
    ),
    "count": (
        "万人次 人次 万人 亿人 人 名 位 户 万户 家 万家 个 项 所 座 处 条 件 批 辆 台 套 张 "
        "只 头 次 场 部 本 种 类 支 艘 架 间 栋 项目 村 镇 县 市 省 国 门 起"
    ),
}.items():
    for _word in _words.split():
        UNITS[_word] = (_kind, _word)
#: where a numeral that can be a quantity or an ordinal may start: Arabic, a run of Chinese
#: numeral characters, 第 + digit, or a lone digit before a unit, 分之, 成/折, 中全会, 大 …
_UNIT_FIRST = "".join(sorted({w[0] for w in UNITS} | set("%‰成折分又多余中大五个百")))
QUANTITY_START = (
    # one character class first, so the regex engine skips ahead in C; lookbehinds then
    # tell the cases apart (an alternation of classes would be tried at every position)
    rf"[-负.\d{_CN}]"
    rf"(?:(?<=[-负.\d])"
    rf"|(?<=[{_CN}])(?=\s?[{_CN}点{FUZZY}])|(?<=第[{_CN}])"
    rf"|(?<=[{_CN.replace('一', '')}])(?=[{re.escape(_UNIT_FIRST)}])"
    # 一 is mostly an article (一个, 一批): only as a share, a point or a fraction
    r"|(?<=一)(?=成|个?\s?百\s?分\s?点|\s?分\s?之|[%‰又]))"
)
UNIT_PATTERN = re.compile("|".join(sorted(map(re.escape, UNITS), key=len, reverse=True)))
#: a bare 万/亿 after an Arabic numeral that the numeral pattern did not take (1200万人 is
#: read as 1200万 + 人)
MAGNITUDE_WORDS = {"万亿": 10**12, "万": 10**4, "亿": 10**8}  # longest first

# -- qualifiers -----------------------------------------------------------------------------

QUALIFIER_AFTER = re.compile(
    r"(?P<approx>左右|上下|前后)|(?P<min>以上|多|余|有余|强)|(?P<max>以内|以下|之内)"
)
QUALIFIER_BEFORE = (
    ("approx", ("约", "大约", "大概", "近", "接近", "将近", "约为")),
    ("min", ("超过", "不低于", "至少", "突破", "不少于", "高于", "多于", "逾", "超")),
    ("max", ("不超过", "不高于", "低于", "少于", "不到", "不足", "最多")),
    # 控制在3%: a ceiling when set as a target, the outcome when reported (resolved by
    # status); 控制在3%以内 is read by the 以内 after the number
    ("cap", ("控制",)),
)
#: one pattern for the words just before a number (…在 allowed: 稳定在, 不低于在)
QUALIFIER_BEFORE_PATTERN = re.compile(
    "|".join(
        f"(?P<{label}>(?:{'|'.join(sorted(words, key=len, reverse=True))})在?$)" for label, words in QUALIFIER_BEFORE
    )
)
QUALIFIER_BEFORE_LONGEST = max(len(w) for _, words in QUALIFIER_BEFORE for w in words) + 1
#: range connectors between two numbers: 6%-6.5%, 七百到九百亿元, 5至6
RANGE_CONNECTOR = re.compile(r"[ ]*(?:-|~|到|至|～|—|－)[ ]*")

# -- context cues ---------------------------------------------------------------------------

INCREASE = ("增长", "增加", "提高", "上升", "上涨", "扩大", "增至", "提升", "增收", "翻番", "多增")
DECREASE = ("下降", "降低", "减少", "缩小", "回落", "下跌", "压减", "削减", "减至", "降至", "压缩", "减")
#: the last of these before a number gives its direction; 增速, 增幅, 涨幅, 增加值 name a
#: rate or an amount and are not a change
DIRECTION = re.compile(
    "(?:(?P<increase>" + "|".join(sorted(INCREASE, key=len, reverse=True)) + ")"
    "|(?P<decrease>" + "|".join(sorted(DECREASE, key=len, reverse=True)) + "))(?![速幅量值])"
)
TRAILING_DIRECTION = re.compile("(?:" + "|".join(INCREASE + DECREASE) + ")$")
CLAUSE_BREAK_CHARS = "，,；;。！？!?：:\n"
CLAUSE_BREAK = re.compile(f"[{CLAUSE_BREAK_CHARS}]")
#: a sentence ends after these (；ends one too: target lists are written as ；-separated items)
SENTENCE_BREAK_CHARS = "。！？!?；;\n"

TARGET_CUE = re.compile(
    r"预期|主要目标|目标是|目标为|目标：|力争|争取|确保|拟|要(?<![主重需纲摘首只必]要)(?![求素点害])|预计|安排"
)
PLAN_CUE = re.compile(
    # each branch opens with a literal or a class (lookbehinds come after), so searches skip ahead fast
    r"今后五年|未来五年|今后几年|今后一个时期|五年(?<!过去五年)(?<!近五年)(?![来前间])|规划"
    r"|[“\"十一二三四五六七八九][十一二三四五六七八九]*五[”\"]?(?:时期|期间|末)|到20\d\d年|到二〇|远景|年均"
)
#: a reported fact: past tense, 已, last year, a share held, what there is (有), only (仅/才)
ACHIEVED_CUE = re.compile(r"了|已|去年|过去|累计|占|有|仅|只|才")
#: a paragraph about the past (its numbers are results unless a clause says otherwise)
PAST_CUE = re.compile(r"去年|过去一年|过去的一年|过去五年|过去的五年|上年|一年来|五年来|回顾")
#: the time cues a paragraph gives its numbers, in one pattern: multi-year plan or past
PARAGRAPH_CUE = re.compile(f"(?P<plan>{PLAN_CUE.pattern})|(?P<achieved>{PAST_CUE.pattern})")
#: a paragraph that opens this year's numbers: its remaining clauses are targets
TARGET_PARAGRAPH = re.compile(r"预期目标|主要目标是|发展目标是|主要指标")
#: section headings in work reports
HEADING = re.compile(r"^[ \u3000#]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")
REVIEW_HEADING = re.compile(r"回顾|过去|一年来|五年来|去年|上年|工作总结")
AHEAD_HEADING = re.compile(r"今年|总体要求|总体部署|主要任务|工作任务|目标任务|政策取向|工作重点|\d{4}年.*(?:任务|部署|要求)")

TIME_REF = re.compile(
    r"今年|明年|去年|上年|全年|年均|今后五年|未来五年|过去五年|五年来|一年来|"
    r"到(?:20|19)\d\d年|(?:20|19)\d\d年|[“\"十一二三四五六七八九][十一二三四五六七八九]*五[”\"]?(?:时期|期间|末)"
)

#: 第N (ordinals), N大 (party congresses), N五 (five-year plans) carry no quantity
ORDINAL_BEFORE = "第"
ORDINAL_AFTER = re.compile(r"[ ]*(?:次|届|大(?![于小量多批力幅])|中全会|五(?:规划|计划|时期|期间|末)|个五年)")
#: a year, month or day is a date, not an indicator
DATE_AFTER = re.compile(r"[ ]*(?:年(?!代|龄|均|度|内|底|初|末|左右|以上|以下)|月|日|号(?!文))")
#: an age band or threshold inside a name ("35岁以下党员") is part of the name
AGE_BAND = re.compile(r"岁(?:以上|以下|及以上|及以下)?(?=[\u4e00-\u9fff])")

#: words stripped from the ends of an indicator name
NAME_LEADING = re.compile(
    r"^(?:其中|同时|全年|今年|去年|上年|我们|我[国省市县区]|全[国省市县区镇乡村]|本[省市县区镇乡]|还有|有的|而且|并且|并|而|和|与|及|"
    r"主要预期目标是|预期目标是|主要目标是|要|将|力争|争取|确保|实现|完成|达到|保持|预计|"
    r"到20\d\d年|20\d\d年|比上年|比去年)+"
)
NAME_TRAILING = re.compile(
    r"(?:约为|约|大约|接近|近|将近|超过|不低于|至少|突破|不少于|高于|逾|不超过|不高于|低于|少于|不到|"
    r"不足|最多|控制在|保持在|稳定在|拟按|按|达到|达|为|是|了|仅|只有|只|才|共|均|总计|合计|累计|"
    r"分别|在|有|已|可|要|将|再|又|比上年|比去年|同比|平均|预期目标|目标|拟安排|安排|拟|由|从|从每月|每月|到|至)+$"
)
