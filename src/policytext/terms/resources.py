"""Tables and patterns of the terms stage: stopword tiers, the reference IDF, term filters,
formulation patterns. Data files live in ``policytext/terms/data``."""

from __future__ import annotations

import functools
import re
from importlib import resources

DATA_PACKAGE = "policytext.terms"
STOPWORD_TIERS = ("function", "filler", "generic", "procedure")
#: the tiers keywords and phrase discovery leave out unless told otherwise
DEFAULT_STOPWORDS = ("function", "filler", "procedure")
REFERENCE_IDF_FILE = "data/reference_idf.tsv"
NOT_ENTITIES_FILE = "data/not_entities.txt"

#: a term worth counting has a Han character or is a Latin acronym / code (5G, GDP, H5N6);
#: a lower-case Latin word is a leftover of the page (nbsp, http), not a term
TERM = re.compile(r"[\u3400-\u9fff]|^(?=[A-Za-z0-9]*[A-Z])[A-Za-z][A-Za-z0-9]+$|^[0-9]+[A-Za-z]+[A-Za-z0-9]*$")
#: a Han character (a word without one is Latin, digits or punctuation)
HAN = re.compile(r"[\u3400-\u9fff]")
HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
#: how many characters on either side of a keyword the dictionary-word fragment check
#: looks at (经济|强县: one; the segmenter's dictionary has few words longer than 3 + 4 + 3)
DICTIONARY_REACH = 3
#: a word at least this frequent in the segmenter's dictionary is a common word: used once
#: in a document, it is no keyword of it (方向, 事宜, 过渡 in a short notice), unless the
#: policy lexicon lists it (十一五, 三中全会 name a plan and an event)
COMMON_ONCE_FREQ = 300
#: a term used in more than this share of an archive's documents fits many of them and
#: tells none apart (发展, 建设 in an archive of work reports; 数字化 in one of digital-economy
#: policies; 电力 in one of energy policies; 科学发展观 in the reports of a decade): never a
#: keyword (conventions), like scikit-learn's ``max_df``. A fifth, not a half: a term one
#: document in five uses is the archive's common ground (电网 and 电价 in energy policies,
#: 工农业 and 总产值 in the reports of an era), which a reader of the archive knows; in a long
#: report its many uses would outweigh the one programme that report alone names
ARCHIVE_WIDE_SHARE = 1 / 5
#: a term in more than this share of the bundled reference reports (the national work
#: reports of seventy years) is the common ground of Chinese policy prose (公司, 工业, 价格,
#: 体制改革, 城乡): no keyword in any archive, however few of its documents use it (a short
#: notice that names 价格 twice is not about prices)
GENRE_WIDE_SHARE = 0.5
#: … judged only in an archive of at least this many documents (in three reports, a word
#: in two of them is no evidence of the genre)
ARCHIVE_WIDE_MIN_DOCUMENTS = 10
#: … and only of a term in more than this many documents: in an archive of twelve sittings,
#: the five of a pandemic's months share its topics (口罩, 纾困), which are no common ground
ARCHIVE_WIDE_MIN_SHARED = 6
#: a number with a Latin unit (110kV, 500MW, 20km): a quantity, not a code such as 5G
LATIN_UNIT = re.compile(r"^[0-9]+(?:kv|kw|mw|gw|kwh|km|kg|mm|cm|m|t|mbps|gbps|mb|gb|tb|mhz|ghz|h|pm)$", re.IGNORECASE)
NUMERIC = re.compile(r"^[-+0-9.,%‰万亿千百十]+$|^[IVXLC]+$")  # and Roman numerals (III)
#: years and dates written in Chinese numerals (一九五四年, 二〇二五): not terms
DATE_LIKE = re.compile(r"^[〇零一二三四五六七八九十]+[年月日]$|^[〇零一二三四五六七八九]{4,}")
#: a counted numeral or an ordinal (四十七个, 第四次, 两项, 三年): a number, not a term
COUNTED = re.compile(
    r"^第?[〇零一二两三四五六七八九十百千万亿几]+[个次项条件名位届批家种类年天岁倍期轮座所]$|^第[〇零一二两三四五六七八九十百千]+$"
    # the ordinal of a plenary session standing alone (党的二十届二中、三中全会: 二中)
    r"|^[一二三四五六七八九十]中$"
)

#: Chinese numerals (多 and 余 after one make it approximate: 十多年, 千余人; 多 first is
#: the prefix multi-, as in 多元)
_NUMERAL = "〇零一二两三四五六七八九十百千万亿几数半"
#: units and measure words a number is counted in
_UNITS = (
    "元|美元|欧元|日元|吨|斤|公斤|千克|克|亩|公顷|顷|米|平方米|平方公里|立方米|千米|公里|里|千瓦时|千瓦|瓦|度|户|人次|人|名|位|"
    "个|家|所|座|项|件|条|套|台|辆|架|艘|次|倍|年|月|天|日|周|岁|届|期|批|种|类|份|张|本|册|部|场|篇|起|宗|处|片|棵|株|"
    "头|只|匹|箱|包|标准箱|吨公里|千伏|伏|兆瓦|成|折|层|间|栋|幢|孔|眼|口|道|段|节|步|点|"
    # doses, cases and rounds (两剂, 一例, 一轮), and the counters of small things and acts
    "剂|针|例|轮|支|枚|颗|粒|块|根|盒|瓶|袋|桶|罐|趟|遍|番|回|封|笔|首|幅|面|列|排|门|票"
)
#: a number and its unit written in Chinese (千亿元, 两万名, 十多年, 百万吨): a quantity
NUMBER_UNIT = re.compile(rf"^[{_NUMERAL}]+[多余]?(?:{_UNITS})+$")

#: part-of-speech tags (jieba's tag set) of words that are never terms, whatever the
#: stopword lists say, with what they are: numerals and quantities, measure words,
#: adverbs, conjunctions, prepositions, particles, pronouns, locatives, time and place
#: words, interjections, modal particles and onomatopoeia. A word of the policy lexicon
#: or of the user's own list keeps its own tag, or counts as a noun.
DROPPED_TAGS = {
    "m": "numeral", "mq": "numeral", "mg": "numeral", "q": "measure word", "qt": "measure word",
    "qv": "measure word", "d": "adverb", "dg": "adverb", "df": "adverb", "ad": "adverb", "vd": "adverb",
    "c": "conjunction", "p": "preposition", "u": "particle", "uj": "particle", "ul": "particle",
    "uz": "particle", "ud": "particle", "ug": "particle", "uv": "particle", "r": "pronoun", "rr": "pronoun",
    "rz": "pronoun", "rg": "pronoun", "f": "locative", "t": "time word", "tg": "time word",
    "s": "place word", "e": "interjection", "y": "modal particle", "o": "onomatopoeia",
}

#: tags of words that describe (adjectives, adverbs, status words): a compound of two
#: such words describes and names nothing (和谐稳定)
DESCRIBING_TAGS = frozenset({"a", "ad", "ag", "d", "z", "zg"})
#: the tags a compound's head cannot have: a distinguishing word (非法, 新型: it needs a
#: noun after it), or ``description`` (two describing words); such a compound is no term.
#: An adjective can head one (民族|复兴, 生命|健康: jieba tags 复兴 and 健康 ``a``), and so
#: can a fixed expression (财政|体制改革: ``l``)
HEADLESS_TAGS = frozenset({"b", "bg", "description"})
#: a distinguishing word (``b``: 主要, 新型, 国有, 唯一) this common in the segmenter's
#: dictionary is a modifier, no term on its own; rarer ones are mostly nouns that jieba
#: tags so (隐私, 绩效, 非典, 水污染)
COMMON_MODIFIER_FREQ = 500

#: the first characters of a word the segmenter made up (the HMM: the dictionary lacks it)
#: that belong to the number before it (2022年|村 cut as 年村), that make it a piece of a
#: numbered slogan (一轴|两带, 三廊) or of a function word or a pronoun (质|和量, 即雄安至, 你委): such a word
#: crosses a word boundary
UNIT_START = frozenset("年月日号个项名元亿万次倍岁届期批户亩吨位家所座件条台辆人余多")
NUMERAL_START = frozenset("一二两三四五六七八九十百千")
#: a token holding a numeral (第十四次, 2021年): its characters vary from use to use
HAS_NUMERAL = re.compile(rf"[0-9０-９{_NUMERAL}]")
FUNCTION_EDGE = frozenset("的地得了着过和与及或并而是在对把被将为从向于等其这那此各每之以所即至你您")
#: … and its first characters that negate a verb: a made-up word that starts so is a
#: negated verb of a clause (摘帽|不摘|责任, 不打烊, 不掉线), never a term on its own
NEGATION_START = frozenset("不没")
#: the single characters a made-up neighbour lends that bind no term to it (摘帽|不摘,
#: and the function words)
UNBINDING_CHARS = NEGATION_START | FUNCTION_EDGE
#: … and its last characters that are a verb's complement (管|出, 干|出)
COMPLEMENT_END = frozenset("出")
#: a word the segmenter made up is a term only when the text uses it this often (once or
#: twice it is mostly a cut through an expression the dictionary lacks, 凝心|聚力, or a
#: local name mentioned in passing, 小里|中学)
MADE_UP_MIN_COUNT = 3
#: … and at least once per this many characters of the text: a word a text is about
#: recurs through it, a local name mentioned in passing does not (东闾 three times in
#: 10,000 characters)
MADE_UP_CHARS_PER_USE = 2500

#: numbered formulations: 三个代表, 四个全面, 两个确立, 五位一体, 六稳, 三去一降一补
NUMERAL_CHARS = "一二两三四五六七八九十"
NUMBERED = re.compile(
    rf"(?:[{NUMERAL_CHARS}][\u4e00-\u9fff]){{2,}}[\u4e00-\u9fff]?"  # 三去一降一补, 一带一路
    rf"|[{NUMERAL_CHARS}]+个[\u4e00-\u9fff]{{2,4}}"  # 三个代表, 两个确立, 四个意识
    rf"|[{NUMERAL_CHARS}]+[\u4e00-\u9fff]{{1,3}}"  # 六稳, 五位一体, 三农
)
#: short quoted spans: “放管服”, 「一國兩制」, "三严三实"
QUOTED = re.compile(r"“([^“”\n，。；！？]{2,12})”|「([^「」\n，。；！？]{2,12})」|\"([^\"\n，。；！？]{2,12})\"")


def _read(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text("utf-8")


@functools.cache
def stopword_tier(tier: str) -> frozenset[str]:
    """The words of one bundled tier (comments and blank lines skipped)."""
    if tier not in STOPWORD_TIERS:
        raise ValueError(f"unknown stopword tier {tier!r}; choose from {', '.join(STOPWORD_TIERS)}")
    lines = (line.strip() for line in _read(f"data/stopwords_{tier}.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def not_entities() -> frozenset[str]:
    """Common words of policy prose that jieba's dictionary tags as names of people,
    places or organisations (养老金, 城市, 新格局): never entities."""
    lines = (line.strip() for line in _read(NOT_ENTITIES_FILE).splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@functools.cache
def lexicon_words() -> frozenset[str]:
    """The words of the bundled policy lexicon (its formulations: 十一五, 邓小平理论, 五位一体)."""
    from policytext.segmentation import lexicon_entries

    return frozenset(word for word, _, _ in lexicon_entries())


@functools.cache
def genre_wide_terms() -> frozenset[str]:
    """The terms in more than :data:`GENRE_WIDE_SHARE` of the bundled reference reports."""
    frequencies, documents = reference_frequencies()
    return frozenset(term for term, df in frequencies.items() if df > GENRE_WIDE_SHARE * documents)


@functools.lru_cache(maxsize=1)
def reference_frequencies() -> tuple[dict[str, int], int]:
    """The bundled reference table: term → document frequency, and the number of documents
    (see the file for its source and the command that built it)."""
    documents = 0
    frequencies: dict[str, int] = {}
    for line in _read(REFERENCE_IDF_FILE).splitlines():
        if line.startswith("# documents:"):
            documents = int(line.split(":", 1)[1])
        elif line and not line.startswith("#"):
            term, df = line.split("\t")
            frequencies[term] = int(df)
    if documents <= 0:
        raise ValueError(f"{REFERENCE_IDF_FILE} has no '# documents:' header")
    return frequencies, documents


# --- entities: names of people, places and organisations (policytext.terms.entities) ---

#: jieba's tags for names, and the entity type each stands for
ENTITY_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nsf": "place", "nt": "organization"}
ENTITY_TYPES = ("person", "place", "organization")
#: single-character surnames (the common ones of the mainland, Taiwan and Hong Kong,
#: Simplified) and compound ones: the first characters of a name
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝赖洪鄂荆燕钮阚鞠栗"
    "习"
)
#: what follows a surname in a word that refers to a person without the given name (陈副
#: in 陈副院长, 吴姓, 王某, 李氏, 老张's 张老)
PERSON_REFERENCE_TAILS = frozenset("副姓某氏老总")
COMPOUND_SURNAMES = frozenset({"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "端木", "长孙", "宇文", "张简", "范姜"})
#: titles written between a surname and the given name in Taiwan's records (張委員秀燕,
#: 蘇院長貞昌): what follows such a title is a given name
TITLES_BEFORE_NAME = (
    "委员长", "委员", "院长", "副院长", "部长", "主委", "署长", "局长", "次长", "司长", "主任", "议员", "立委",
    "市长", "县长", "秘书长", "处长", "厅长", "校长", "董事长", "总经理", "发言人", "召委", "主席", "副主席", "总统", "副总统",
)
#: titles written after a name (邓小平同志, 李鹏总理): what precedes them is a name
TITLES_AFTER_NAME = frozenset({
    "同志", "总理", "副总理", "主席", "副主席", "委员长", "总书记", "书记", "省长", "市长", "县长", "区长", "院长",
    "部长", "先生", "女士", "总统", "副总统", "委员", "议员", "主委", "署长", "局长",
})
#: how the name of an administrative division ends (涞水县, 坪山镇)
ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "村", "岛")
#: how the name of a road, village, river or mountain ends (易兴路, 张盆村, 通天河, 野三坡):
#: a word tagged as a name that ends so is a place
PLACE_ENDINGS = tuple("路街巷环桥村庄屯寨镇乡河湖淀山岭峰坡岛湾港关寺庙陵区县市省州旗盟")
#: the kinds of a small place and of a firm, when the segmenter cuts them off as a token of
#: their own (鲍墟|乡, 育才|街, 龙泉|关, 国宏|公司): what stands mostly right before one is the
#: proper name of that place or firm
SMALL_PLACE_KINDS = frozenset("乡镇村街路巷关庄屯寨")
FIRM_KINDS = frozenset({"公司", "集团", "集团公司", "股份", "有限公司", "股份有限公司", "有限责任公司"})
#: the kinds of a public body, when the segmenter cuts them off as a token of their own
#: (内政|委员会, 内政|部, 环保|署, 时代力量|党团): what stands right before one in
#: :data:`BODY_NAME_SHARE` of its uses names that body (a committee referred to at every
#: sitting is no topic of the record)
BODY_KINDS = frozenset({"委员会", "委", "部", "署", "局", "厅", "党", "党团"})
BODY_NAME_SHARE = 1 / 2
#: a name in Latin letters (an Indigenous legislator's, Kacaw): capitalised, not an acronym
#: (SARS, AZ); a person when written before a title
LATIN_NAME = re.compile(r"^[A-Z][a-z]{2,}$")
#: the longest kind of a firm, in characters (the tokens read as kinds are no longer)
KIND_MAX_CHARS = max(map(len, FIRM_KINDS))
#: a word that is no common word names a small place when this share of its uses, and at
#: least twice, stand right before the place's kind: a report writes 白团乡 and then 白团
#: alone (a common word needs :data:`policytext.terms.tokenize.FRAGMENT_SHARE`)
RARE_NAME_SHARE = 1 / 3
#: a road's number in China's road register (G207, S248, X012: national, provincial,
#: county, township roads): the name of a place, no topic. Three digits at least: G20 and
#: G7 are groups of states, and a motorway's short number (G4) is read as nothing
ROAD_NUMBER = re.compile(r"^[GSXY]\d{3,4}$")
#: words that end like a division but name a kind of place, not one place (城中村, 文明城市)
GENERIC_PLACE_ENDINGS = (
    "城市", "城镇", "城区", "市区", "郊区", "社区", "园区", "景区", "新区", "山区", "矿区", "林区", "牧区", "灾区",
    "老区", "湾区", "街区", "片区", "辖区", "小区", "开发区", "试验区", "示范区", "保护区", "功能区", "经济区", "自贸区",
    "特区", "地区", "乡村", "农村", "新村", "行政村", "自然村", "贫困村", "城中村", "乡镇", "集镇", "小镇", "名镇", "重镇",
    "大省", "大市", "大县", "强县", "强省", "强市", "名县", "海岛", "列岛",
)
#: how the name of an organisation ends (财政部, 国家计委, 国务院, 中国人民银行)
ORG_SUFFIXES = (
    "部", "委", "局", "院", "署", "办", "厅", "会", "行", "司", "党", "军", "团", "队", "集团", "公司", "银行", "政府",
    "组织", "大学", "学院", "中央", "政协", "人大", "委员会", "联合国", "共同体", "联盟", "协会", "堂",
)
#: how the name of a body ends that jieba's dictionary tags as a plain noun or the text
#: makes as a compound (港务局, 地质局, 亲民党, 矿产资源|委员会): three characters at
#: least, and not the endings of common words (格局, 布局, 大局; a party in general: 执政党)
BODY_ENDINGS = ("局", "委员会", "党")
NOT_BODY_ENDINGS = (
    "格局", "布局", "开局", "大局", "全局", "结局", "时局", "变局", "残局", "骗局", "当局", "新局", "政党",
    "入党", "建党", "管党", "治党", "爱党", "执政党", "在野党", "反对党",
)
#: the name of a state organ, whatever its tag: 国家 and a domain (国家物价局, 国家计委), a
#: general administration (安全监管总局), a ministry (能源部, 地质矿产部), a commission or an
#: office named by its domain (发展改革委, 综治办); a stem ending in a direction (中西部), a
#: party cell (镇党委) or a kind of unit (俱乐部, 指挥部, 干部) names no one organ
NAMED_ORGAN = re.compile(
    r"^国家[\u4e00-\u9fff]{1,8}(?:局|委|部|署)$|^[\u4e00-\u9fff]{2,8}(?:总局|部|委|办)$"
)
NOT_ORGAN_STEM_ENDINGS = (
    *"东西南北中党内外全本总支干局分承主协创兴一二两三四五六七八九十",
    "俱乐", "指挥", "司令", "编辑", "领导", "营业", "服务", "联络", "工作", "事业", "项目",
)
#: jieba's tags of idioms and set phrases (i, l), and the tags of a first word that makes
#: such a phrase rhetoric, no topic: an adverb, pronoun, numeral, conjunction or preposition
#: before a verb (切实|增强, 坚决|贯彻, 充分|认识, 各个|领域, 十分|激烈, 一段|时间). The policy
#: lexicon's formulations (五位一体) are tagged as nouns and never read so
IDIOM_TAGS = frozenset({"i", "l"})
EMPTY_HEAD_TAGS = frozenset({"d", "ad", "r", "rz", "m", "mq", "c", "p"})
#: words of degree and manner that, before a verb, make a four-character description of a
#: change (the dictionary's words 明显增强, 明显改善): how much, not what. Only a word of the
#: dictionary is read so (a text's 大幅|下降 stays two words). Before a noun they name a
#: thing (积极财政, 有效投资: not a verb)
DEGREE_WORDS = frozenset({
    "明显", "显著", "大幅", "大大", "大力", "不断", "逐步", "稳步", "切实", "持续", "有效", "积极",
    "普遍", "迅速", "着力", "努力", "认真", "深入", "广泛", "基本",
})
#: how a word that is no name ends, whatever the dictionary's tag (许可证, 安全感, 智能化)
NOT_NAME_ENDINGS = frozenset("证感化性率度制法费业区县市镇乡村路街园院所站厂场馆室城人金款税价量")

# --- docvar columns that name the document's place or organisation (policytext.terms.docvars) ---

#: English words in a column name that make it a place column (region, county_name …)
PLACE_COLUMN_WORDS = frozenset({
    "region", "province", "prefecture", "city", "county", "district", "township", "town", "village", "country",
    "municipality", "location", "place", "area",
})
#: … an organisation column
ORG_COLUMN_WORDS = frozenset({
    "department", "ministry", "agency", "organization", "organisation", "issuer", "office", "bureau", "authority",
    "institution", "org",
})
#: how a Chinese column name of a place or organisation ends (所属省份, 区县名称, 部门)
PLACE_COLUMN = re.compile(r"(地区|省份|省|城市|市|区县|县区|县|区|镇|乡镇|乡|村|地点|国家|国别|地名)(名称|名)?$")
ORG_COLUMN = re.compile(r"(部门|机构|机关|单位|发文机关|发布机关|发文单位|发布单位|组织)(名称|名)?$")
#: columns that are never such columns, whatever their name says (titles, file names, codes)
NOT_PLACE_COLUMN = re.compile(r"title|file|path|url|code|标题|题目|文件|路径|代码|编号|等级|级别", re.IGNORECASE)
#: what may follow a place's name in a term that still names it (满城 → 满城区, 满城县)
PLACE_TAILS = ("特别行政区", "自治区", "自治州", "自治县", "人民政府", "政府", "省", "市", "县", "区", "镇", "乡", "村", "旗", "盟")
