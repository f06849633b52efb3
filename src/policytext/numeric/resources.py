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
    "貳": "贰", "參": "叁", "陸": "陆", "幾": "几", "餘": "余",
    # every way a zero is written between Chinese numerals: 〇 U+3007, ○ U+25CB, ◯ U+25EF,
    # ｏ/Ｏ (full-width, then Latin: see ZERO_RUN), 零
    "〇": "零", "○": "零", "◯": "零",
    "－": "-", "﹣": "-", "−": "-", "～": "~", "〜": "~", "—": "-", "–": "-",
    # measure words and units in Traditional script (a text read with convert=False keeps
    # them): 項, 噸, 畝, 戶 … fold to the forms UNITS lists
    "項": "项", "噸": "吨", "畝": "亩", "戶": "户", "輛": "辆", "臺": "台", "幣": "币", "處": "处",
    "條": "条", "張": "张", "隻": "只", "場": "场", "種": "种", "類": "类", "間": "间", "棟": "栋",
    "縣": "县", "鎮": "镇", "國": "国", "門": "门", "筆": "笔", "時": "时", "鄉": "乡", "圓": "圆",
    "￥": "¥",
}
# full-width digits, Latin letters and the signs numbers use; full-width punctuation such as
# ，：（ stays (the patterns know both forms), so most Simplified texts need no folding at all
_FULLWIDTH = "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz" + "%.-+/^~"
FOLD: dict[int, str] = {ord(c) + 0xFEE0: c for c in _FULLWIDTH}
FOLD.update({ord(k): v for k, v in _FOLD_PAIRS.items()})
#: any character FOLD changes (a quick test before translating a whole document)
FOLDABLE = re.compile("[" + re.escape("".join(chr(c) for c in FOLD)) + "]+")
#: zero forms and decimal points between Chinese numerals, after FOLD: 二OO三 (a Latin or
#: full-width O for 〇), 五．○一 (a full stop for 点); both sides must be numerals, so Latin
#: words and headings (一.总则) are left alone
_ZERO_DIGITS = "零一二三四五六七八九"
ZERO_RUN = re.compile(rf"[{_ZERO_DIGITS}十百千万亿](?:(?:[Oo]+|\.)[{_ZERO_DIGITS}]+)+")
ZERO_RUN_FOLD = str.maketrans({"O": "零", "o": "零", ".": "点"})
#: a quick test before ZERO_RUN: an O or a full stop right before a Chinese digit
ZERO_RUN_HINT = re.compile(rf"[Oo.](?=[{_ZERO_DIGITS}])")

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
#: the characters a numeral may open with, as a set (a quick test before a numeral pattern)
NUMERAL_FIRST = frozenset("0123456789" + _CN)
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

#: measure words and units; value: (kind, canonical unit). A measure word (个, 项, 名 …)
#: counts with any numeral; a count noun (国, 省, 村 …) only with Arabic digits or a magnitude
#: (31省, 1万村): fused to a Chinese numeral it is a counting word (两国, 三县, 千村)
UNITS: dict[str, tuple[str, str]] = {}
for _kind, _words in {
    "amount": (
        # money: 元 and its parts, foreign currencies; 人民币 written after the number is 元
        "万亿元 亿元 万元 千元 元 角 分钱 角钱 块钱 美元 欧元 日元 英镑 港元 港币 澳元 新台币 新臺幣 台币 "
        # weight, length, area, volume
        "亿斤 万斤 斤 万吨 亿吨 吨 公斤 千克 克 "
        "平方公里 平方千米 平方米 万平方米 亿平方米 平米 立方米 万立方米 亿立方米 公里 千米 米 "
        "万亩 亿亩 亩 公顷 万公顷 "
        # power and energy (度 is a kilowatt-hour), standard coal
        "千瓦时 兆瓦时 万千瓦 亿千瓦 千瓦 兆瓦 吉瓦 瓦 度 吨标准煤 标准煤 "
        # time spans and multiples
        "小时 个小时 分钟 天 个月 个星期 个礼拜 星期 礼拜 周岁 岁 倍"
    ),
    "count": (
        "万人次 人次 万人 亿人 人 名 位 户 万户 家 万家 个 项 所 座 处 条 件 批 辆 台 套 张 "
        "只 头 次 场 部 本 种 类 支 艘 架 间 栋 笔 份 册 篇 株 棵 列 "
        # doses, hives and boxes, poultry, lamps, buildings, trips (31万剂, 1万箱, 10万羽)
        "剂 箱 标准箱 标箱 羽 盏 幢 车次 架次 班次 "
        # tables (a banquet hall counts 桌), coins and medals, grains, pairs, wells (机井50眼)
        "桌 枚 颗 粒 双 眼 根 匹 部分 "
        "项目 村 镇 乡 县 市 省 国 门 起 片"
    ),
}.items():
    for _word in _words.split():
        UNITS[_word] = (_kind, _word)
#: units written in another form: 人民币 after a number (4人民币) is 元, never 4 人
UNITS.update({"人民币": ("amount", "元"), "元人民币": ("amount", "元"), "块": ("amount", "元"),
              "毛钱": ("amount", "角")})
#: words a Chinese numeral fuses with into a name or a counting word (两国, 三县一区, 千村,
#: 长三角, 两度, 两头, 一片); an Arabic numeral or a magnitude makes a count (31省, 1.2万村, 50度,
#: 示范区3片)
COUNT_NOUNS = frozenset(["村", "镇", "乡", "县", "市", "省", "国", "项目", "角", "度", "头", "门", "片"])
#: the base unit of a unit that names another (度 is a kilowatt-hour)
BASE_UNIT = {"度": "千瓦时"}
#: currency signs written before the number (¥3.5亿, ￥120), folded to ¥
CURRENCY_BEFORE = re.compile(r"¥[ ]?$|人民币$")
#: units that open with a numeral character: 3.5万千瓦 is 3.5万 千瓦 (not 3.5万千 瓦), 200兆瓦 is
#: 200 兆瓦; after an Arabic digit or 万/亿 the character belongs to the unit
NUMERAL_LED_UNITS = re.compile(r"千瓦时|千瓦|千米|千克|兆瓦时|兆瓦|百公里")

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

#: right after the number and its unit: 6%左右, 3.5万人以上, 4%以内 (及以上: 60岁及以上)
QUALIFIER_AFTER = re.compile(
    r"(?P<approx>左右|上下|前后)|(?P<min>及?以上|多|余|有余|强)|(?P<max>及?以内|及?以下|之内"
    # a time then 内 (6分钟内起飞, 30天内办结): within it; not 内 opening a word (3年内容)
    r"|内(?<=[秒钟时天日周月年]内)(?![容部外地涵需蒙设资阁政务核陆销河科])"
    r")"
)
QUALIFIER_BEFORE = (
    ("approx", ("约", "大约", "大概", "近", "接近", "将近", "约为", "约合")),
    # 迈上/跃上/站上 … 台阶: a level passed, a minimum
    ("min", ("超过", "不低于", "至少", "突破", "不少于", "不小于", "高于", "多于", "大于", "逾", "超", "最低", "最少",
             "迈上", "跃上", "跨上", "站上", "登上")),
    ("max", ("不超过", "不得超过", "不高于", "低于", "少于", "小于", "不到", "不足", "最多", "最高", "只能", "仅限")),
    # 控制在3%: a ceiling when set as a target, the outcome when reported (resolved by
    # status); 控制在3%以内 / 3%左右 is read by the word after the number
    ("cap", ("控制",)),
)
#: words that end in a qualifier's character and are no qualifier: 节约, 签约, 最近, 附近
_NOT_QUALIFIER = {"约": "(?<![节制签公条预履违合契集邀缔])", "近": "(?<![最附临就靠亲])", "超": "(?<![赶])"}
#: one pattern for the words just before a number (…在/了/为/达 allowed: 稳定在, 超过了, 最高达);
#: alternatives are tried leftmost first, so 不超过 wins over 超过 and 不低于 over 低于
QUALIFIER_BEFORE_PATTERN = re.compile(
    "|".join(
        f"(?P<{label}>(?:{'|'.join(_NOT_QUALIFIER.get(w, '') + w for w in sorted(words, key=len, reverse=True))})"
        "(?:在|了|为|达到?|到)?$)"
        for label, words in QUALIFIER_BEFORE
    )
)
#: a bound with a verb between it and the number (至少培训300人, 最高补助5万元, 最多安排3项)
QUALIFIER_VERB_BEFORE = re.compile(
    r"(?P<min>至少|最低|最少)[\u4e00-\u9fff]{1,2}$|(?P<max>最多|最高)[\u4e00-\u9fff]{1,2}$|(?P<approx>约|大约|将近)(?:有|为|是)$"
)
QUALIFIER_BEFORE_LONGEST = max(len(w) for _, words in QUALIFIER_BEFORE for w in words) + 2
#: range connectors between two numbers: 6%-6.5%, 七百到九百亿元, 5至6 (after FOLD, — – － ～
#: are - and ~)
RANGE_CONNECTOR = re.compile(r"[ ]*(?:-|~|到|至|～|—|－)[ ]*")

# -- context cues ---------------------------------------------------------------------------

INCREASE = ("增长", "增加", "提高", "上升", "上涨", "扩大", "增至", "提升", "增收", "翻番", "多增")
DECREASE = ("下降", "降低", "减少", "缩小", "回落", "下跌", "压减", "削减", "减至", "降至", "压缩", "减")
#: the last of these before a number gives its direction; 增速, 增幅, 涨幅, 增加值 name a
#: rate or an amount and are not a change
#: (one literal-led alternative per word, so a search skips ahead; INCREASE tells a match's kind)
DIRECTION = re.compile(
    "|".join(f"{word}(?![速幅量值])" for words in (INCREASE, DECREASE) for word in sorted(words, key=len, reverse=True))
)
TRAILING_DIRECTION = re.compile("(?:" + "|".join(INCREASE + DECREASE) + ")$")
CLAUSE_BREAK_CHARS = "，,；;。！？!?：:\n"
CLAUSE_BREAK = re.compile(f"[{CLAUSE_BREAK_CHARS}]")
#: a sentence ends after these (；ends one too: target lists are written as ；-separated items)
SENTENCE_BREAK_CHARS = "。！？!?；;\n"

TARGET_CUE = re.compile(
    r"预期|主要目标|目标是|目标为|目标：|力争|争取|确保|(?<![研草模虚比构])拟(?![具订])|要(?<![主重需纲摘首只必]要)(?![求素点害])|安排"
)
#: 五年 as a horizon ahead, not the 五 of a year (一九八五年) nor a period described (极不平凡的
#: 五年, 过去五年, 近五年)
_FIVE_YEARS = r"五年(?<![〇零一二三四五六七八九的]五年)(?<!过去五年)(?<!近五年)(?<!这五年)(?![来前间])"
#: a plan period named by its number (十四五时期, “十五”期间, 十一五末), one alternative per
#: opening character
_PLAN_PERIODS = tuple(
    rf"{c}[十一二三四五六七八九]*五[”\"]?(?:时期|期间|末)" for c in "“\"十一二三四五六七八九"
)
#: a quoted title (「给与福利制度规划」, 《某某规划纲要》): its words are no cue of the statement's time
QUOTED_TITLE = re.compile(r"「[^「」\n]{1,60}」|《[^《》\n]{1,60}》")
#: 截止到/截至到 2014年: a date the figures stand at, not a horizon (a lookbehind after 到)
_NOT_AS_OF = "(?<!截止到)(?<!截至到)"
#: the cues of a multi-year plan, each alternative opening with a literal character (lookbehinds
#: come after it): an alternation of such alternatives lets a search skip ahead to the
#: characters that can open one
_PLAN_CUES = (
    "今后五年", "未来五年", "今后几年", "今后一个时期", _FIVE_YEARS, "规划", *_PLAN_PERIODS,
    rf"到{_NOT_AS_OF}20\d\d年", f"到{_NOT_AS_OF}二[〇零]", f"到{_NOT_AS_OF}一九[〇零一二三四五六七八九]{{2}}年", "远景", "年均",
)
PLAN_CUE = re.compile("|".join(_PLAN_CUES))
#: a plan cue that names its horizon's year (到2020年, 到一九七八年): a time gone by when the
#: year is before the document's own
HORIZON_YEAR = re.compile(r"到((?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})年")
YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
#: a multi-year horizon strong enough to make a number in this year's tasks a plan (年均 and
#: 规划 alone are not: 编制“十五五”规划, 年均 in a list of this year's targets)
STRONG_PLAN_CUE = re.compile("|".join((
    "今后五年", "未来五年", "今后几年", *_PLAN_PERIODS, rf"到{_NOT_AS_OF}20\d\d年",
    f"到{_NOT_AS_OF}二[〇零][一二三四五六七八九〇零]{{2}}年", f"到{_NOT_AS_OF}一九[〇零一二三四五六七八九]{{2}}年", "三年行动", "远景", _FIVE_YEARS,
)))
#: a reported fact: past tense, 已, last year, a share held, what there is (有), only (仅/才),
#: the present state of things (目前, 当前) and what a decision takes as given (鉴于)
ACHIEVED_CUE = re.compile(r"了(?<![为除罢]了)(?<!不了)(?![解结不])|已|去年|过去|累计|占|有|仅|只|才|目前|当前|鉴于")
#: a clause's own evidence that it reports the past, strong enough to override a section of
#: tasks or plans: 去年/上年 as a time (not the base of a comparison: 比去年, 较上年, 上年同期),
#: 过去…, …以来, 已(经), the aspect particle 了 (not 为了, 除了, 了解)
OWN_PAST_CUE = re.compile("|".join((
    "去年(?<![比较与同于]去年)(?!同期|基础|水平|的基础)", "上年(?<![比较与同于]上年)(?!同期|基础|水平|的基础)", "过去",
    *(f"{c}年来" for c in "一几数多两三四五六七八九十"), "今年以来", "已经", "已(?=[\u4e00-\u9fff])(?!有的)",
    "了(?<![为除罢]了)(?<!不了)(?![解结不])",
)))
#: a forecast (预计今年增长将达到4%): neither a target nor a result
FORECAST_CUE = re.compile(r"预计[^，,；;。]{0,16}?(?:将|会)|预计到|预测|有望|预估")
#: an estimate the sentence attributes to a source (据水利署估算，…): its numbers are forecasts
#: or estimates, neither target nor result
ESTIMATE_SOURCE = re.compile(r"据[^，,；;。]{0,12}?(?:估算|估计|推估|推算|预测|预估)")
#: a rule, limit or eligibility threshold of a call or regulation: 每项资助不超过3项 (每 + a
#: limit), 不得超过, 应当不低于; see THRESHOLD_AFTER for 5亿元以上的项目
RULE_BEFORE = re.compile(r"每(?:[个项人户家亩名位件笔所]|个项目|家企业)|单[个项笔户家]|不得|应当|须|禁止|严禁")
#: a threshold that qualifies a noun (总投资5亿元以上的项目): after the qualifier, 的 and a
#: noun that is not the quantity itself (6%以上的增长 is a target)
THRESHOLD_AFTER = re.compile(r"的(?!增长|增速|增幅|涨幅|水平|速度|规模|目标|幅度|比例|比重|年均|目标)")
#: a paragraph about the past (its numbers are results unless a clause says otherwise)
_PAST_CUES = (
    "去年(?<![比较与同于]去年)(?!同期)", "上年(?<![比较与同于]上年)(?!同期)", "过去一年", "过去的一年", "过去五年",
    "过去的五年", "一年来", "五年来", "今年以来", "回顾",
)
PAST_CUE = re.compile("|".join(_PAST_CUES))
#: this year's work (今年要, 今年的主要任务; 今年 alone may report the year's results); 年内
#: (within this year: 年内完成植树造林4万亩) sets the year's work like 今年要
_TARGET_PARAGRAPH_CUES = ("今年(?:要|将|的主要|的目标|的任务|计划|拟|力争|预期|发展的主要)", "明年", "年内")
#: the time cues a paragraph gives its numbers, in one pattern: past, multi-year plan, or this
#: year's work, tried in that order (literal openings: see _PLAN_CUES); what a match is
#: says :data:`PARAGRAPH_CUE_STATUS`
PARAGRAPH_CUE = re.compile("|".join(_PAST_CUES + _PLAN_CUES + _TARGET_PARAGRAPH_CUES))
#: the status of a PARAGRAPH_CUE match, by the first of these its text is wholly
PARAGRAPH_CUE_STATUS = (("achieved", PAST_CUE), ("plan", PLAN_CUE))
#: how many paragraphs back a paragraph without a time cue of its own takes one from (within
#: its section): the time a passage is set in carries on until a new cue or heading
CARRY_PARAGRAPHS = 3
#: a paragraph that opens this year's numbers: its remaining clauses are targets
TARGET_PARAGRAPH = re.compile(r"预期目标|主要目标是|发展目标是|主要指标")
#: the status a section type of :func:`policytext.structure.document_sections` gives the
#: numbers in it (government: the government's own work this year)
SECTION_STATUS = {"review": "achieved", "tasks": "target", "plan": "plan", "government": "target"}

TIME_REF = re.compile("|".join((
    "今年", "明年", "去年", "上年", "全年", "年均", "今后五年", "未来五年", "过去五年", "五年来", "一年来",
    r"到20\d\d年", r"到19\d\d年", r"20\d\d年", r"19\d\d年", *_PLAN_PERIODS,
)))

# -- what is not a quantity -----------------------------------------------------------------

#: 第N (ordinals), N大 (party congresses), N五 (five-year plans) carry no quantity
ORDINAL_BEFORE = "第"
ORDINAL_AFTER = re.compile(r"[ ]*(?:次|届|大(?![于小量多批力幅])|中全会|五(?:规划|计划|时期|期间|末)|个五年)")
#: N次 naming a session (十三届全国人大五次会议, 二中全会): an ordinal, not a count of events
SESSION_AFTER = re.compile(r"[ ]*次(?:会议|全会|全体会议|大会|党代会|代表大会)")
#: after N大: a party congress (十九大精神, 党的二十大, 十九大、二十大), not a counting word (十大工程)
CONGRESS_AFTER = re.compile(r"(?:以来|精神|报告|代表|会议|召开|胜利|通过|提出|作出|部署|确立|强调|以后|以前|期间|之后|上|和|、|，|。|；|”|$)")
#: 前十名, 前3位, 前五强: a rank, an ordinal
RANK_BEFORE = "前"
RANK_AFTER = re.compile(r"[ ]*(?:名|位|强)")
#: a year, month or day is a date, not an indicator
DATE_AFTER = re.compile(r"[ ]*(?:年(?!代|龄|均|度|内|底|初|末|左右|以上|以下)|月|日|号(?!文))")
#: an age band or threshold inside a name ("35岁以下党员") is part of the name
AGE_BAND = re.compile(r"岁(?:以上|以下|及以上|及以下)?(?=[\u4e00-\u9fff])")
#: a span of time that is the content (历时12年, 连续3年, 为期两年, 长达十余年) is a quantity;
#: N年 without such a verb is a date or a time frame (过去五年, 今后五年, 二十年来)
DURATION_YEARS = re.compile(
    # literals first (the lookbehind after 用), so the engine skips ahead to their first characters
    r"(?:历时|连续|为期|持续|长达|历经|用(?<![运使利应采适作费信通专公实征占启任享试选引调重]用)了?|花了?|坚持了?)"
    r"(?P<number>[\d零一二两三四五六七八九十百几]+(?:\.\d+)?)(?P<fuzzy>多|余)?(?:个)?(?P<unit>年|周年)"
    r"(?![代级度底初来]|以来)"
)
#: a time frame that anchors a statement (过去两个月, 近三天来, 前5个月): no quantity
ANCHOR_BEFORE = re.compile(r"(?:过去|今后|未来|最近|近|这|此前|前|后)$")
#: after the span: 三天来, 两个礼拜前, 五年后 (左右 or 多 may stand between: 一个月左右以前)
ANCHOR_AFTER = re.compile(r"(?:左右|多)?(?:以来|来|以前|以后|之前|之后|前(?![进往行列茅])|后(?![备续期劲盾勤]))")
TIME_UNITS = frozenset(("个月", "天", "小时", "个小时", "周", "个星期", "个礼拜", "星期", "礼拜", "分钟"))
#: 7×24小时 (round the clock), 3x3: numbers beside a multiplication sign are not quantities
TIMES_SIGN = frozenset("×xX*＊")

#: numbered formulations, slogans and set phrases written with a measure word or a count
#: noun (so structure alone would read a count); those without one (两岸, 三农, 四风) are no
#: quantity by structure already. Matched on the folded analysis text, Simplified.
FORMULATIONS = (
    "四个全面", "四个意识", "四个自信", "两个维护", "两个确立", "三个代表", "五位一体", "八项规定", "两个一百年",
    "两个毫不动摇", "三个有利于", "四个服务", "四个现代化", "三个务必", "两个务必", "四项基本原则", "三项制度",
    "三大攻坚战", "十大工程", "五大发展理念", "六个必须坚持", "两个结合", "三个转变", "五个统筹", "四个革命",
    "一个合作", "两个大局", "四个坚持", "三个区分开来", "四个不摘", "两不愁三保障", "三个没有变", "两个先行",
    "两个基本", "两个责任", "五个一工程", "三个一批", "两个市场", "两种资源", "两个积极性", "三个转变",
    "四个机制", "一个中心", "两个基本点", "三个世界", "两条腿走路", "三个面向", "四有", "八个坚持", "十个坚持",
    "三项改革", "五个坚持", "三个必须", "两个根本", "三条红线", "三线一单", "五个振兴", "四个最严", "四个拒绝",
    "五项原则", "三个世界", "两个凡是", "三个一百年", "两手抓", "两个文明", "三个面向", "四个一百年",
)
#: two numerals each fused to one character (三严三实, 两学一做, 六稳六保, 千家万户, 四面八方,
#: 五湖四海, 三去一降一补): a formulation or an idiom, never two quantities
_N = "一二两三四五六七八九十百千万"
#: the characters a formulation opens with
FORMULATION_START = _N
_NUMERAL_ANY = _N + "零〇亿兆点几多余"
PAIRED_NUMERALS = re.compile(
    # the first numeral is never 一, which ends many words and names (薄一波两位, 统一三项);
    # the pattern opens with a class (the lookbehind after it) so the engine skips ahead fast
    rf"[{_N.replace('一', '')}](?<![{_NUMERAL_ANY}\d].)[^{_NUMERAL_ANY}\W\d又之分个到至或和](?![百千万]分)[{_N}][^{_NUMERAL_ANY}\W\d]"
)
#: N位一体 (五位一体, 三位一体)
IN_ONE = re.compile(rf"[{_N}]位一体")
#: N倍券 (五倍券, 三倍券): the name of a voucher, not a multiple
VOUCHER = re.compile(rf"[{_N}\d]倍券")
#: the known formulations in one pattern (an alternation of literals: the engine skips ahead
#: to their first characters)
FORMULATION_PATTERN = re.compile("|".join(map(re.escape, sorted(set(FORMULATIONS), key=len, reverse=True))))
#: every structural formulation: the known ones, paired numerals, N位一体 (three scans are
#: faster than one alternation, which loses the engine's skip-ahead)
NOT_QUANTITY_PATTERNS = (FORMULATION_PATTERN, PAIRED_NUMERALS, IN_ONE, VOUCHER)
#: a quoted span that opens with a numeral (“两个维护”, “三个一批”): learnt per document,
#: its bare occurrences are a formulation too
QUOTED_NUMBERED = re.compile(rf"[“\"「]([{_N}][^“”\"「」\n，。；！？]{{1,8}})[”\"」]")

#: words stripped from the ends of an indicator name
NAME_LEADING = re.compile(
    # who states it (中央提出今年经济增长预期目标为7% → 经济增长)
    r"^(?:[\u4e00-\u9fff]{0,8}?(?:提出|明确|确定)(?=[\u4e00-\u9fff]{2}))?"
    # whose it is (我们的托育补贴, 你的支持度), an example (像城市维护费), a proposal (建议…), a
    # transmittal (检送「…」): the actor and the frame around the thing, not the thing
    r"(?:(?:我们|你们|他们|咱们|大家|我|你|他|她|它)的|像|好比|比如|例如|譬如|建议|提议|检送|函送|希望|"
    # an enumerator (4.内政部, （2）), a demonstrative (这一次的), a topic or a basis
    # (有关于, 按照…): the frame, not the thing
    r"\d{1,2}[.．、]|[（(\[［〔]\d{1,2}[）)\]］〕]|[①-⑳]|[一二三四五六七八九十百]{1,4}[、.．]|(?:这|那|该|此)一?(?:次|个|些|项|笔|批)?的|"
    r"有关于|关于|有关|按照|依照|根据|结合|参照|对照|除按|除了|仅|只有|只|才|能将|可将|可以|能够|把|当时的?|那时的?|"
    r"第[一二三四1-4]季度?|"
    # one of what is counted (每个新生儿筛检费用 → 新生儿筛检费用; 每万人口… is a rate's name)
    r"每(?:个|位|名|户|年|月|天|人)(?![口均次])|"
    # a year of either calendar before the thing (109年底, 2023年度)
    r"\d{2,4}年(?:度|底|初|末)?|[一二][〇零○一二三四五六七八九]{3}年(?:度|底|初|末)?|"
    # a time word of the present or the past (目前全县常住人口 → 常住人口)
    r"现在|目前|当前|如今|以前|之前|截至目前|也就是|就是|甚至|"
    # a total held or reached so far (共有企业320家, 累计建成充电桩 → 企业, 充电桩)
    r"共有(?!产权|制|财产)|拥有|累计|分别|"
    r"其中|同时|全年|今年|去年|上年|年内|我们|我[国省市县区州]|全[国省市县区镇乡村州盟旗]|本(?:[省市县区镇乡州]|地区|地|部门|单位|系统|行业)|还有|有的|而且|并且|并|而|和|与|及|"
    # 新增 as a verb (新增养殖面积300亩 → 养殖面积); 新增就业 and 新增城镇就业 are the names
    # of indicators (new jobs are counted as such, not a stock the verb adds to)
    r"新增(?!(?:城镇|城乡|农村)?就业)|"
    r"主要预期目标是|预期目标是|主要目标是|主要预期目标|预期目标|目标是|要|将|力争|争取|确保|实现了?|完成了?|达到了?|保持|预计|拟|"
    # a verb that governs the measured thing (安排中央预算内投资7000亿元 → 中央预算内投资), unless
    # a suffix makes it a noun of its own (支持率, 投入量, 培训费: the measured thing itself)
    r"(?:安排|发行|实施|下达|拨付|投入|筹集|落实|新建|建成|建设|改造|培训|开展|提供|减免|减轻|推动|促进|带动|帮助|支持|"
    r"新开工|开工|竣工|突破|超过|稳定|控制|全面|继续|进一步|历时|连续|为期|持续|长达|历经|"
    r"设立|建立|组建|培育|引进|招引|打造|创建|争创|申报|发放|推广|举办|召开|开通|栽植|围绕|荣获|获评|获批|入选)"
    r"(?![度率力量额费金]|面积|规模|人数|数量|总量|项目)|"
    r"到20\d\d年度?|(?:19|20)\d\d年度?|"
    # a time word that sets when, not what (年底力争完成产值 → 产值)
    r"到?(?:年底|年初|年末|年中|月底)|上半年|下半年|当年|同期|届时|本年度?|"
    r"比上年|比去年)*"
)
#: words stripped from a name's end, one alternation; every alternative opens with a literal
#: character (lookbehinds come after it) so a search skips ahead to the characters that can
#: start one (see :func:`_trailing`)
_NAME_TRAILING_WORDS = (
    r"约为|约(?<![节制签公条预履违合契集邀缔]约)|大约|接近|近(?<![最附临就靠亲]近)|将近|超过|不低于|至少|突破|不少于|不小于|高于|大于|逾|超|不超过|不得超过|不高于|低于|小于|少于|不到|"
    r"不足|最多|最高|最低|控制在|保持在|稳定在|拟按|按|达到|达|为|是|了|仅|只有|只|才|共|均|总计|合计|累计|"
    r"分别|在|有|已|可|要|将|再|又|比上年|比去年|同比|较(?<![比相计]较)|年均|平均|预期目标|目标|拟安排|安排|拟|由|从|到|至|迈上|跃上|"
    r"连续|历时|为期|持续|长达|历经|用了|花了|只用了|用(?<!费用)(?<!作用)(?<!使用)(?<!应用)(?<!利用)|坚持|"
    # a modal or time word before the verb (城乡居民收入预计分别达到) is not the thing
    r"预计|预期|"
    # the change itself (增长/下降 … is the direction, not the thing: 生产总值增长6% → 生产总值),
    # a verb of reaching a level (发展到, 完成, 实现, 高达) or of acting on an amount (冻结150万元,
    # 暂定为80亿元), and the adverbs and hedges before them (实际增长, 大概, 还)
    r"增长|下降|提高|降低|增加|减少|上升|回落|扩大|缩小|提升|上涨|下跌|成长|削减|压减|压缩|节约|节省|降(?<![沉下]降)|"
    r"发展(?=到|至|为)|压减(?=到|至|为)|缩减(?=到|至|为)|完成|实现|到货|高达|多达|低至|暂定|初定|核定|"
    r"冻结|删减|减列|增列|核减|追加|动支|编列|实际|名义|大概|大致|快速|大幅|稳步|慢慢|逐步|逐渐|越来越|刚刚|就能|可以|能够|"
    r"就(?<!成就)|还|也|都(?<![首成京古]都)|全部|全都|"
    # the end of an open list (办理…行销活动等): the list's items are the thing
    r"等(?<![高中初平同均对相一二三四五六七八九十特上])|"
    # a comparison (比他高了, 比上年多): what it is compared with is not the thing
    r"比(?<!占比)(?![重例率值较如方])[\u4e00-\u9fff]{1,5}?(?:高|低|多|少|快|慢)(?:了|出)?|"
    # the denominator of a rate (维护费每吨 → 维护费)
    r"每[\u4e00-\u9fff]{0,3}"
)
#: one or more trailing words up to the end: written as one and then any more, not as a
#: repeat, so the regex engine knows the characters a match can start with
NAME_TRAILING = re.compile(f"(?:{_NAME_TRAILING_WORDS})(?:{_NAME_TRAILING_WORDS})*$")
#: where a name stops when its clause goes on to a predicate (药品已经入库 → 药品, 水电比重将由
#: 目前的20%升至 → 水电比重): an adverb before the verb, or a change from one level to another —
#: the verb of the change may come only after the number when the clause ends at the level
#: it starts from (由现在的 + the number)
_FROM_LEVEL = r"(?:现在|目前|当前|如今|原来|原先|过去|去年|上年|年初)的?$"
_CHANGE_AHEAD = rf"(?=[^由从]*?(?:降|升|增|减|提高|扩大|缩小|为|到|至)|{_FROM_LEVEL})"
_MODAL_CHANGE_AHEAD = rf"(?=[由从](?:[^由从]*?(?:降|升|增|减|提高|扩大|缩小|为|到|至)|{_FROM_LEVEL}))"
SUBJECT_END = re.compile(
    r"已经|正在|仍然|依然|一直|均为|均已|都已|都是|也是"
    rf"|将会{_MODAL_CHANGE_AHEAD}|将{_MODAL_CHANGE_AHEAD}|会{_MODAL_CHANGE_AHEAD}|要{_MODAL_CHANGE_AHEAD}"
    rf"|由(?<![自理缘事]由){_CHANGE_AHEAD}|从(?<![服听随盲自]从)(?![业事而此严中头来未]){_CHANGE_AHEAD}"
)
#: the SUBJECT_END matches that open a change from one level to another (将由, 会由, 由, 从)
CHANGE_OPENERS = frozenset(("将会", "将", "会", "要", "由", "从"))
#: a time frame inside a clause (近7年来, 三年来) anchors the statement: it is not the thing
TIME_FRAME_IN_NAME = re.compile(r"(?:近|过去|这|最近)?[\d一二两三四五六七八九十几]+(?:个)?(?:年|月)(?:来|以来)")
#: a name that still holds a clause conjunction is a fragment of a clause, not a noun phrase
#: (凡承担…任务且其周边): the name is empty
FRAGMENT = re.compile(r"但是|但(?<!不但)|并且|而且|且|如果|若(?<!倘若)(?!干)|虽然|因为|所以|否则")
#: a person inside a name (可是我们自己买的): the clause is a sentence, not a noun phrase
PERSON_IN_NAME = re.compile(r"我们|你们|他们|她们|咱们|自己|(?<![其吉])他|(?<!其)她|[我你它](?![国省市县区州])")
#: a name that ends in a demonstrative, a measure word, a numeral or 的 (大概就是这, 开个, 分为1、2,
#: 相关的; 占总数的 is completed into a share)
#: stops where its noun should begin: a fragment
#: a demonstrative or a verb of saying inside a name (这次编列的, 韩国说…要打): a clause, not a noun phrase
CLAUSE_IN_NAME = re.compile(r"这|那(?![曲坡])|说|讲|表示|认为|指出|希望|是指|指的是")
FRAGMENT_END = re.compile(r"(?:[这那此该其个]|(?<!目)的|\d|[\d一二两三四五六七八九十]、)$")
#: a name that opens with a person (你们提到, 他上任) or with the base of a comparison (较上年度
#: 预算数): an actor or a reference point, not the thing measured
NOT_A_THING_START = re.compile(
    r"(?:你们|他们|她们|咱们|你|他|她|它|我(?![国省市县区州]))|(?:较|比)(?=\d|[一二]〇|上年|去年|同期|预算|年初)"
)
#: a rate noun standing alone names the rate of the thing named just before (外贸进出口
#: 总额完成50亿元，增速12% → 外贸进出口总额增速)
RATE_NOUN = re.compile(r"增速|增幅|涨幅|降幅|增长率|增长速度|比重|占比")
#: an adverbial between a subject and its predicate (我们的托育补贴在各方支持下，已经增长2倍)
ADVERBIAL_END = re.compile(r"在[^在，,]{1,12}(?:下|中|里|上)$|经过[^，,]{1,12}$")
#: a clause that opens with an adverb or a verb: its subject stands in the clause before
PREDICATE_START = re.compile(r"已经|已|正在|都|均|也|还|又|仍|将|会|再")
#: the joints of a list of subjects paired with a list of values (城镇居民人均可支配收入和农村
#: 居民人均纯收入实际增长8.4%和11.4%: the first value is the first subject's)
PAIR_JOINT = re.compile(r"以及|[和与及、]")
PAIR_JOINTS = frozenset("和与及、")
#: the head noun a list of subjects shares, written once after the last (医疗保险和养老保险
#: 参保率 → 医疗保险参保率, 养老保险参保率; PM2.5、PM10浓度 → PM2.5浓度, PM10浓度)
SHARED_HEAD = re.compile(
    r"(?:参保率|覆盖率|普及率|合格率|达标率|增长率|浓度|指数|面积|产量|产值|总量|人数|比重|比例|增速|增幅)$"
)
#: a sentence breaking down the total of the sentence before it (其中，…)
BREAKDOWN_OPENING = re.compile(r"[\s“”\"]*其中(?!的)")
#: a list item that is a year or a number (继2019、2020和2021年): the list says when, not what
YEAR_ITEM = re.compile(r"^[\u4e00-\u9fff]?\d")
#: a year ending a list of years in the clause before a number: the list is a time, the thing follows
YEAR_IN_NAME = re.compile(
    r"(?<![较比与同])(?:19|20)\d\d年(?:度|底|末|初|前|后|以来|以后|以前|之前|之后)?(?:的时候|时|的)?"
)
#: a conjunction opening a conditional or causal clause (如果补贴从300元增加到 → 补贴)
CLAUSE_OPENER = re.compile(r"如果|假如|要是|倘若|若(?!干)|因为|由于|虽然|但是|当(?![前年地时日天月中今然初选家])")
#: a quoted term right after a count, closing it (8个“全省率先”, 3項「示範計畫」)
QUOTED_COUNTED_NOUN = re.compile(r"[“「『\"]([\u4e00-\u9fff]{2,12})[”」』\"](?![\u4e00-\u9fff])")
#: a bound between a count and the noun it counts (55个以上美丽乡村)
BOUND_BEFORE_NOUN = re.compile(r"(?:以上|左右)(?=[\u4e00-\u9fff])(?![的是为和及与、])")
#: a verb that allocates an amount to the noun after it (编列了5亿元的经费 → 经费)
ALLOCATION_VERB_END = re.compile(
    r"(?:编列|投入|拨付|拨出|花费|花了|支出|筹集|募集|提供|发放|下达|追加|争取|获得|吸引|引进|捐赠|安排|"
    r"领取|领到|补助|补贴|给予|给付|支付|发给)了?(?:每[月年人户])?$"
)
#: a name of direction and comparison words only (比上年增长, 年均增长): the clause has no subject
#: of its own and takes the previous quantity's (一般公共预算收入56亿元、比上年增长8%)
DIRECTION_ONLY = re.compile(
    r"^(?:比上年|比去年|同比|环比|年均|平均|分别|实际|增长|下降|提高|降低|增加|减少|上升|回落|扩大|缩小|提升|增|减|升|降|涨|跌)*$"
)
#: what is left of a name that names no thing: a verb, a time word or a comparison alone
#: (年均增长, 实施, 达到, 比上年): the name is then empty (or the previous quantity's)
NOT_A_NAME = re.compile(
    # a place standing alone (全球每年至少…) says where, not what
    r"^(?:全[国省市县区镇乡村球]|全世界|世界|国内|境内|各地|"
    r"年均|平均|累计|同比|环比|分别|共|总共|合计|全年|今年|去年|上年|其中|比上年|比去年|比|较|"
    r"增长|下降|提高|降低|增加|减少|上升|回落|扩大|缩小|提升|达到|达|实现|实施|完成|新增|超过|突破|"
    r"以上|以下|左右|保持|稳定|控制|安排|节约|节省|历时|连续|为期|持续|长达|历经|用了|花了|增|减|长|降|的|"
    # a modal and a verb of paying or earning (能赚五百): no thing named
    r"能够|能|可以|可|赚|赔|亏|花|付|拿|领|补|换|卖|买|借|捐|罚|交|了)*$"
)

# -- the noun a count introduces ----------------------------------------------------------------

#: verbs and predicate adverbs that end the noun a count introduces (4个示范点带动… → 示范点,
#: 2人代表出席 → 代表, 三家银行均为… → 银行)
COUNTED_NOUN_END = re.compile(
    r"带动|推动|促进|实现|开展|建立|建设|完成|达到|覆盖|进行|参加|参与|获得|纳入|用于|提供|帮助|支持|发挥|成为|得到|受益|"
    r"缺少|缺乏|没有|存在|需要|面临|开工|竣工|投产|通过|列入|获批|达标|出现|发生|入选|位于|分布|"
    r"共有|拥有|现有|还有|已有|共计|合计|累计|总计|"
    r"组成|担任|考虑|到货|出席|负责|构成|居住|入住|已经|正在|全部|全都|"
    r"均(?=[为是已在有可要将不达按由])|都(?=[是已在有要会能可将为不没])|也(?=[是有在将要会能可])|"
    r"(?:不|很|较|比较|非常)(?=[大小多少高低好差])"
)
#: what follows a count when no noun does (是, 的, 共百分之二十五, 各, 分别 …)
NO_COUNTED_NOUN = re.compile(
    r"^(?:是|为|的|了|在|和|与|及|等|以|达|占|比|从|向|对|把|被|将|已|也|都|又|再|并|而|或|即|均|左右|以上|以下|"
    # a cause or a purpose after the count (30万人因空污而就医): no noun is counted there
    r"因(?![素子果])|由于|为了|未能|未|没有|"
    r"共|合计|总计|总共|分别|累计|全部|全都|一起)"
)
#: a verb that opens a compound noun after a count (五个新建项目, 3个在建工程): not its end. The
#: compound is the counted noun whatever follows it: the measure word classifies its head
#: (五个新建项目资金到位 → 新建项目; what follows is said of the projects, not counted)
VERB_NOUN_COMPOUND = re.compile(
    r"^(?:建设|在建|新建|续建|开工|竣工|投产|改造|帮扶|扶贫|示范|培训|达标|签约|储备)"
    r"(?:项目|工程|用地|资金|任务|单位|企业|基地|园区|村|户|点|站)"
)
#: 人 after 个 is the counted noun by itself (两个人宿舍宽敞 → 人), unless it opens a longer
#: word (3个人才项目, 5个人员密集场所)
PERSON_AFTER_GE = re.compile(r"人(?![才员口群士民家工])")
#: a capacity or size before the counted noun (两台六十万千瓦或一百万千瓦发电机组 → 发电机组)
#: (a size has an amount's unit; a count after a count is a second count: 120户450人)
SPEC_PREFIX = re.compile(
    rf"(?:{NUMERAL}[ ]*(?:{'|'.join(sorted((re.escape(w) for w, (k, _) in UNITS.items() if k == 'amount'), key=len, reverse=True))})"
    r"(?:或|和|、|至|到|及|的)?)+"
)

# -- the genre of a document without typed sections ---------------------------------------------

#: a speaker's turn in a transcript (主席：, 王院长某某：, 李委员某某：, 主持人：)
SPEAKER_LINE = re.compile(
    r"[ \t\u3000]*(?:主席|主持人|记者|发言人|[\u4e00-\u9fff]{1,4}(?:委员|院长|秘书长|部长|署长|主委|主任|局长|次长|"
    r"市长|县长|议员|代表|总统|议长)[\u4e00-\u9fff]{0,3})[：:]"
)
#: a turn after the first line: the line break first, so a search skips ahead to line breaks
SPEAKER_TURN = re.compile("\n" + SPEAKER_LINE.pattern)
#: turns that make a text a transcript
SPEAKER_TURNS = 3
#: the head of a work report (its numbers are read by sections and time cues)
REPORT_HEAD = re.compile(r"各位代表|政府工作报告|向大会(?:作)?报告")
#: the head of an official document: a notice, an approval, a request, a decree (its numbers
#: are mostly rules)
DOCUMENT_HEAD = re.compile(r"通知|批复|复函|请示|决定|条例|办法|意见|令第|〔[12]\d{3}〕|\[[12]\d{3}\]")
#: how many characters of the head are read for the genre
HEAD_CHARS = 400

# -- status cues of a genre ---------------------------------------------------------------------

#: a number set by a rule it cites (依席次比例推派3人, 按标准补助): a rule, in an official
#: document or a transcript, whatever its qualifier
RULE_PROVISION = re.compile(r"依(?:照|据)?[^，,；;。]{0,10}(?:比例|规定|标准|办法)|按[^，,；;。]{0,10}(?:比例|标准)")
#: a rule of an official document, whatever its qualifier: a price or levy per unit (每吨提高
#: 到六元), a markup or a charge (超产部分加价30%, 按用水量的5%计收附加费), a provisional setting
#: (暂定为80亿元). In a transcript the same words report what was done (加征5%的关税).
DOCUMENT_RULE = re.compile(
    r"每(?:吨|公斤|千克|斤|千瓦时|度|立方米|平方米|亩|人|户|台|辆|张|件|项|家|名)"
    r"|加价|加收|提价|征收|计征|计收|收取|收费|缴纳|费率|税率|暂定|暂按|初定"
)
#: the planned scale of a project an official document approves (一期建设规模按安装两台机组考虑)
PROJECT_PLAN_CUE = re.compile(r"(?:[一二三首]期|建设|装机)规模|[一二三首]期工程|拟建")
#: a hypothetical in a speech: a condition in the number's own clause (如果每户补助500元), or
#: what one could earn or save (能赚五百, 可以省两千): neither a result nor a target
#: a clause that sets a condition (当电煤价格波动幅度超过5%时, 一旦…的话): its number is a
#: threshold, neither target nor result
CONDITION_CLAUSE = re.compile(r"(当|一旦|如果|假如|倘若|若)[^，,。；;]{0,40}(?:时|的时候|的话)")
#: words of money before a number: 块 after them is 元 (卖80块), elsewhere a piece (砖一百万块)
MONEY_CONTEXT = re.compile(r"[卖买花赚赔付借欠罚捐价钱费薪资款租元税补贴奖]")
#: letters written before a number make it part of a code (PM2.5, PM 10, COVID-19)
CODE_BEFORE = re.compile(r"[A-Za-z][ -]?$")
HYPOTHETICAL = re.compile(r"如果|假如|假设|假使|要是|倘若|好比|譬如|比方")
MODAL_BEFORE = re.compile(r"(?<![只才不])(?:能够|能|可以)(?:赚|赔|亏|省|多拿|拿到|换到)了?$")
#: where a speaker says a policy will get (失业率将由现在的5%降到4%): a plan
FUTURE_CUE = re.compile(
    r"(?:将会|即将|(?<![大协议学工商委社机都])会|将)(?:由|从|达到|提高|增加|增长|降|减少|下降|扩大|超过|突破|上升|提升|成长)"
)
#: a verb of paying or earning right before a bare amount (能赚五百, 花两千): money, no unit written
MONEY_VERB_BEFORE = re.compile(r"(?:赚|赔|亏|花|付|拿|领|补|换|卖|买|借|捐|罚|交)了?$")
#: a bare amount's numeral carries a magnitude (一千, 两千, 3千): not a count or a code
MAGNITUDE_CHARS = frozenset("百千万亿")

#: part-of-speech tags (jieba's) that open the predicate after a counted noun (两个层面相信…
#: → 层面; 两个部分要… → 部分): a verb (not a verbal noun), an adverb, a preposition, a
#: conjunction, a pronoun, a particle
PREDICATE_TAGS = ("v", "d", "p", "c", "r", "y", "u", "e", "o")
#: of these, the tags that may end a counted phrase as the activity counted (村电网补强)
ACTIVITY_TAGS = ("v",)
VERBAL_NOUN_TAGS = frozenset(("vn",))

#: further values of a list after the first (9%和12%, 30283元、10324元): a joint, a number, its unit
NEXT_LISTED_VALUE = re.compile(r"[和与及、][ ]*[\d.一二三四五六七八九十百千万亿两]+[^\d，,；;。和与及、]{0,4}")
#: 城乡 paired with a list of two values is 城镇 and 农村 (城乡居民收入分别增长9%和12%)
URBAN_RURAL = ("城镇", "农村")

#: tags of a word that can carry a name (a noun, verb or adjective of any kind, an
#: abbreviation, a Latin name: 新增就业, 5G基站); a name of time and function words only
#: (到年底) names no thing
CONTENT_TAGS = ("n", "v", "a", "j", "l", "eng", "s", "g", "i", "b", "z")
#: tags a name cannot end in (a preposition, adverb, conjunction, pronoun: 金融机构向,
#: 差不多就), except the words that close a noun (占比: 比 is tagged a preposition)
FUNCTION_TAGS = ("p", "d", "c", "r")
NOUN_CLOSING_WORDS = frozenset(("比",))

#: a list of people by title and name resumed by a count (委员甲某、乙某等11人): the count
#: is of the title's holders
TITLED_NAMES = re.compile(r"(委员|代表|议员|立委|同志|院士|专家|教授)[\u4e00-\u9fff]{2,4}(?:[、和][\u4e00-\u9fff]{2,4})*等$")
#: the units that count people: a verb after them opens the predicate, not a counted noun
#: (30人提出议案: what 30 counts is people)
PEOPLE_UNITS = ("人", "名", "位")
