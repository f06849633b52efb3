"""Compiled patterns and tables for the cleaning steps."""

from __future__ import annotations

import re

#: Invisible characters that carry no text: zero-width space/joiners, word joiner,
#: byte-order marks inside a text, soft hyphen, left-to-right/right-to-left marks.
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]+")

#: Site preambles that template-essay and news-aggregation sites put on the first line
#: (前言:本站為你精心整理了…, 本文由…整理, 免责声明…).  Matched on the first non-empty line.
SITE_PREAMBLE = re.compile(
    r"^[ \t\u3000]*(?:"
    r"(?:前言|導讀|导读|摘要|小編|小编)[:：]\s*(?:本站|本文|小編|小编|下面|以下)"
    r"|本站(?:為|为)(?:你|您|大家)"
    r"|(?:本文|本篇)(?:由|是)[^\n]{0,40}(?:整理|收集|發布|发布)"
    r"|(?:免責聲明|免责声明)[:：]"
    r")[^\n]*(?:\n|$)"
)

#: Licence footers appended by wikis and archives; everything from the match to the end
#: of the text is footer when it starts within the last FOOTER_WINDOW characters.
LICENCE_FOOTER = re.compile(
    r"(?:本作品(?:是|來自|来自|在)|Public domain\s*\n|本條目|本条目|"
    r"This work is in the public domain|本文(?:版權|版权)(?:歸|归)|(?:版權|版权)所有)"
)
FOOTER_WINDOW = 1500

#: A blank line (white space only between two breaks): where blank lines separate
#: paragraphs, a lone line break is an artefact (see :mod:`policytext.cleaning.wraps`).
BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
#: Three or more line breaks (with only white space between) become one blank line.
EXTRA_BLANK_LINES = re.compile(r"\n(?:[ \t\u3000]*\n){2,}")
#: Spaces before a line break, white space at the end. Like the patterns below, it starts
#: with one character class and tells its cases apart by lookbehind, so the regex engine
#: skips to candidate characters (an alternation at the front would be tried everywhere).
TRAILING_SPACE = re.compile(r"\s(?:(?<=[ \t])[ \t]*(?=\n)|\s*\Z)")

#: Full-width ASCII that should be half-width: digits, Latin letters, % and the decimal
#: point between digits.  Chinese punctuation (，。：；（）「」“”) is left alone.
FULLWIDTH_ALNUM = re.compile(
    "[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]"
    "(?:(?<=\uff0e)(?<=[0-9\uff10-\uff19]\uff0e)(?=[0-9\uff10-\uff19])|(?<!\uff0e))"
)

#: Masked words: runs of asterisks, or of the squares some sites print for censored text.
MASK = re.compile(r"[*＊□Ｘ×](?:(?<=[*＊])[*＊]*|(?<=□)□+|(?<=[Ｘ×])[Ｘ×]+)")

# --- hard wraps (the soft_line_breaks step, :mod:`policytext.cleaning.wraps`) ---------------

#: Sentence-final punctuation: a line ending in one of these (possibly followed by closing
#: quotes or brackets) ends a sentence, so the break after it is kept.
SENTENCE_FINAL = frozenset("。！？!?；;：:…")
#: Closing quotes and brackets, looked through when asking whether a line ends a sentence
#: (。」 and ！） end one; a bare ） does not: 国内生产总值（GDP）\n增长 is a wrap).
CLOSING = frozenset("」』”’）)]】〕》〉\"'")
#: Opening quotes and brackets: nothing ends after one, so a break after one is always joined.
OPENING = frozenset("《（“‘「『([【〔〈")
#: What no line starts with but a wrapped one: closing brackets and punctuation (《环境保护法\n》).
#: (ASCII quotes are left out: in Latin text they open as often as they close.)
NO_LINE_START = (CLOSING - frozenset("\"'")) | frozenset("，。、；：！？,;:!?")
#: Clause punctuation: a line ending in one is inside a sentence even when it is short.
CLAUSE = frozenset("，、,")
#: Chinese numerals of headings, Simplified, Traditional and the financial forms (壹、).
_NUMERALS = "一二三四五六七八九十百零〇壹貳贰參叁肆伍陸陆柒捌玖拾"
#: A line that starts a heading or a numbered item: 一、 （一） (一) 1. 1、 (1) ① 第一条 第一章.
#: 第X条/章 counts only when white space or the line end follows, since a wrapped line may
#: well start with 第28條所定 in the middle of a sentence.
HEADING_START = re.compile(
    rf"[ \t\u3000]*(?:[{_NUMERALS}]+、|[（(][{_NUMERALS}]+[)）]|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[)）]"
    rf"|第[{_NUMERALS}千\d]+[章节節条條款部分篇编編](?=[ \t\u3000]|$)|[①-⑳])"
)
#: A heading line is short and holds no sentence end (一、2019年工作回顾, 壹、內政).
HEADING_MAX = 30
SENTENCE_INSIDE = re.compile(r"[。；;！？!?]")
#: A list item: a bullet, or the dash that opens the items of work reports (——经济运行…).
LIST_ITEM = re.compile(r"[ \t\u3000]*(?:[•·●○■□◆◇▲△►▪*]|-(?=\s)|——)")
#: A speaker turn or a field label at the line start: a name of 2–6 characters, perhaps
#: spaced out (主 持 人) or with a title in brackets, then a colon (主席： 院長蘇貞昌： 時    間：).
SPEAKER = re.compile(r"[ \t]*(?:[\u3400-\u9fff·][ \u3000]*){2,6}(?:[（(][^）)\n]{1,8}[)）])?[：:]")
#: The first "word" of a line: a run of Latin letters and digits, else one character. A
#: line was wrapped if this word would not have fitted at its end.
FIRST_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%,\-]*")
#: Wrap width: the display width most lines of a wrapped text reach, within WRAP_SLACK
#: columns (a CJK character is two columns; punctuation kept off a line start shortens a
#: line by one character). It counts when WRAP_SHARE of the non-blank lines (and at least
#: WRAP_MIN_LINES of them) reach it; lines under WRAP_MIN_WIDTH columns are never full.
WRAP_SLACK = 4
WRAP_SHARE = 0.25
WRAP_MIN_LINES = 5
WRAP_MIN_WIDTH = 20
#: A hanging indentation counts when at least INDENT_MIN_SAMPLES continuation lines were
#: seen and INDENT_SHARE of them share one indentation that paragraph starts rarely use.
INDENT_MIN_SAMPLES = 10
INDENT_SHARE = 0.6
#: Horizontal white space, and what a line is indented with.
INDENT = re.compile(r"[ \t\u3000]*")

# --- lost characters (the lost_chars step) ------------------------------------------------

#: Two or more question marks (ASCII or full-width) in a row: characters a failed
#: re-encoding turned into "?" (GBK text written through a Latin-1 or ASCII channel).
QUESTION_RUN = re.compile(r"[?？]{2,}")
#: Runs this long are never punctuation, wherever they stand.
LOST_ALWAYS = 4
#: What a short run may follow and still be a question: a question particle or the end of a
#: Latin word (What??), and the interrogative words one of which must stand in its clause.
QUESTION_PARTICLE = frozenset("吗嗎呢么麼嘛吧啊呀哪")
INTERROGATIVE = re.compile(r"什么|什麼|怎么|怎麼|怎样|怎樣|为什么|為什麼|为何|為何|何|谁|誰|哪|多少|几|幾|是否|难道|難道|岂|豈")
CLAUSE_BREAK = re.compile(r"[，。！？；：!?;:,\n]")
#: what replaces a lost run: the Unicode replacement character
LOST_PLACEHOLDER = "\ufffd"

# --- page furniture (the furniture step, :mod:`policytext.cleaning.furniture`) -------------

#: Page-number lines, removed wherever they stand: — 3 —, - 12 -, ·3·, 第3页, 第 3 页 共 10 页,
#: 共10页 第3页, Page 3 of 10; and image placeholders a converter left ([pic]).
PAGE_LINE = re.compile(
    r"^[ \t\u3000]*(?:"
    r"[-—–－~·•]{1,2}[ \t\u3000]*\d{1,4}[ \t\u3000]*[-—–－~·•]{1,2}"
    r"|(?:共[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁][ \t\u3000]*)?第[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁]"
    r"(?:[ \t\u3000]*[/，,]?[ \t\u3000]*共[ \t\u3000]*\d{1,4}[ \t\u3000]*[页頁])?"
    r"|[Pp]age[ \t]*\d{1,4}(?:[ \t]*(?:of|/)[ \t]*\d{1,4})?"
    r"|\[(?:pic|image|img|圖片|图片)\]"
    r")[ \t\u3000]*$",
    re.MULTILINE,
)
#: A rule drawn with characters (----------, ==========): a separator, not text.
RULE_LINE = re.compile(r"[-=_—─━*~·.]{5,}")
#: Words of site menus, toolbars, share buttons and navigation; a line made of them alone
#: (下载 打印 全屏 收藏, 【打印】【关闭】, QQ空间) is furniture whatever the archive.
MENU_WORDS = frozenset([
    "下载", "下載", "打印", "全屏", "收藏", "分享", "关闭", "關閉", "返回", "顶部", "頂部", "首页", "首頁", "字号", "字號", "大",
    "中", "小", "默认", "默認", "保存", "纠错", "糾錯", "评论", "評論", "复制", "複製", "链接", "連結", "打印本页", "打印本頁",
    "关闭窗口", "關閉窗口", "返回顶部", "返回頂部", "返回首页", "返回首頁", "加入收藏", "设为首页", "設為首頁", "微信", "微博", "朋友圈",
    "QQ", "QQ空间", "QQ空間", "QQ好友", "新浪微博", "腾讯微博", "騰訊微博", "人人网", "人人網", "开心网", "開心網", "百度空间",
    "百度空間", "和讯", "和訊", "天涯社区", "天涯社區", "豆瓣", "Facebook", "Twitter", "LINE", "扫一扫", "掃一掃", "手机版",
    "手機版", "网站地图", "網站地圖", "联系我们", "聯繫我們", "RSS", "登录", "登錄", "注册", "註冊", "上一篇", "下一篇", "上一页",
    "下一頁", "下一页", "上一頁", "打印此页", "我要纠错", "视力保护色", "無障礙", "无障碍", "繁体", "繁體", "简体", "簡體",
])
#: Separators between menu words: white space, bars, dots, slashes, brackets, and the
#: question marks a lost non-breaking space became.
MENU_SPLIT = re.compile(r"[\s|｜/·•、【】\[\]（）()<>〈〉?？\ufffd]+")
#: A font-size switch: 【字号：大 中 小】 or 字體：大 中 小.
FONT_SIZE = re.compile(r"(?:字号|字號|字体|字體)[ \t\u3000]*[：:]?[ \t\u3000]*[大小][ \t\u3000]*[中]")
#: Navigation and footer lines of a site: what a line starting with one of these words
#: (followed by a colon, a space, an arrow or the line's end) says is the site's, not the
#: document's (上一篇：…, 相关文章, 阅读排行, 版权所有 …, 首页 > …, 京ICP备…号); 标签化管理
#: is not a tag line.
NAV_LINE = re.compile(
    r"[ \t\u3000]*(?:上一篇|下一篇|上一条|下一条|上一條|下一條|上一页|下一页|上一頁|下一頁|相关文章|相關文章"
    r"|相关阅读|相關閱讀|相关链接|相關連結|相关新闻|相關新聞|阅读排行|閱讀排行|热门文章|熱門文章|热门阅读"
    r"|熱門閱讀|热点文章|本栏最新|本欄最新|本栏推荐|本欄推薦|最新文章|推荐阅读|推薦閱讀|标签云|標籤雲|标签|標籤"
    r"|分享到|返回顶部|返回頂部|关闭窗口|關閉窗口|打印本页|打印本頁|网站地图|網站地圖|联系我们|聯繫我們"
    r"|当前位置|當前位置|您的位置|您现在的位置|您現在的位置|版权所有|版權所有|主办单位|主辦單位|承办单位"
    r"|承辦單位|技术支持|技術支援|免责声明|免責聲明|Copyright|©)(?=[\s：:>»＞|｜©(（]|$)"
    r"|[ \t\u3000]*(?:首页|首頁|主页|主頁|网站首页|網站首頁)[ \t\u3000]*[>»＞›/]"
    r"|.{0,12}ICP[备備]"
)
#: Nav lines are short; longer ones are prose that happens to start with such a word.
NAV_MAX = 80
#: Field keys of a page's metadata line. A key of WEB_KEYS (read and comment counts, the
#: responsible editor, the font size) alone makes a line the page's; the others (time,
#: source, author) only two together (时间：… 作者：… 来源：…), since a record of a meeting
#: opens with 時間：… 地點：… of its own. A key counts at the line start or after a separator.
WEB_KEYS = (
    "阅读|閱讀|浏览|瀏覽|点击|點擊|评论|評論|责任编辑|責任編輯|字号|字號|访问量|訪問量|阅读量|閱讀量|浏览量"
    "|瀏覽量|浏览次数|瀏覽次數|点击数|點擊數|点击量|點擊量|人气|人氣|分享到|阅读次数|閱讀次數"
)
GENERAL_KEYS = (
    "时间|時間|日期|发布时间|發布時間|發佈時間|发布日期|發布日期|发表时间|發表時間|更新时间|更新時間|来源|來源"
    "|作者|编辑|編輯|发布者|發布者|发布人|發布人|信息来源|資訊來源|文章来源|文章來源|稿源|供稿|出处|出處|发布机构"
    "|發布機構|审核|審核|校对|校對|摄影|攝影|索引号|索引號|发文机关|發文機關|成文日期|发布单位|發布單位"
)
_FIELD_BEFORE = r"(?:^|(?<=[\s|｜/?？\ufffd【\[]))"
WEB_FIELD = re.compile(rf"{_FIELD_BEFORE}(?:{WEB_KEYS})[ \t\u3000]*[：:]")
ANY_FIELD = re.compile(rf"{_FIELD_BEFORE}(?:{WEB_KEYS}|{GENERAL_KEYS})[ \t\u3000]*[：:]")
#: Metadata lines are short and hold no sentence end.
FIELD_LINE_MAX = 160
#: A date written alone on a line (a signature's date): content, never furniture.
DATE_LINE = re.compile(
    r"[ \t\u3000]*[（(]?[ \t\u3000]*(?:\d{2,4}|[〇○零一二三四五六七八九]{2,4})[ \t\u3000]*年"
    r"[ \t\u3000]*[\d〇○零一二三四五六七八九十]{1,3}[ \t\u3000]*月"
    r"(?:[ \t\u3000]*[\d〇○零一二三四五六七八九十]{1,3}[ \t\u3000]*日)?[ \t\u3000]*[)）]?[ \t\u3000]*$"
)
#: A subtitle or list item that opens with a dash (——2022年1月27日在…会议上): content.
DASH_LINE = re.compile(r"[ \t\u3000]*[—―─–-]{1,2}")
#: A salutation (各位代表： 同志们： 各省、自治区、直辖市人民政府…：): a line ending in a colon.
SALUTATION_END = re.compile(r"[：:][ \t\u3000]*$")
#: Prose: a line this long with clause or sentence punctuation in it.
PROSE_MIN = 15
PROSE_MARK = re.compile(r"[，。；、,;！？]")
#: A gap line: short, with no full stop or semicolon in it (a title may end in ！ or ？, a
#: paragraph of the body ends in 。); one between two furniture lines is bridged (the
#: title of an article in a 相关文章 list, the county name in a tag list).
GAP_MAX = 40
GAP_STOP = re.compile(r"[。；;]")
#: A number alone on a line (a read count, a page of a pager: 上一页 1 2 3 下一页) neither
#: extends a run nor breaks it.
NUMBER_LINE = re.compile(r"\d{1,4}")
#: Line shapes: white space dropped, digit runs masked (阅读：175 and 阅读：8 are one
#: shape), runs of question marks or replacement characters as one.
SHAPE_SPACE = re.compile(r"[\s\u00a0\u3000]+")
SHAPE_DIGITS = re.compile(r"\d+")
SHAPE_LOST = re.compile(r"[?？\ufffd]+")
#: Lines longer than this are not remembered as shapes (no template line is this long).
SHAPE_MAX = 200
#: A teaser: a cut-off first paragraph (内容摘要：… ending in ...... or …), perhaps with its
#: label on a line of its own.
TEASER_LABEL = re.compile(r"[ \t\u3000]*(?:内容摘要|內容摘要|内容提要|內容提要|摘要|导读|導讀|简介|簡介|提要)[ \t\u3000]*[：:][ \t\u3000]*")
TEASER_END = re.compile(r"(?:\.{3,}|…+|。{3,}|(?:\. ){2,}\.)[ \t\u3000]*$")
#: What the teaser is compared on: letters and digits of any script, nothing else.
TEASER_DROP = re.compile(r"[\W_]+")
#: A teaser holds at least TEASER_MIN such characters and is compared on at most
#: TEASER_MAX; TEASER_TOLERANCE of them (and at least TEASER_MIN_DIFF) may differ.
TEASER_MIN = 20
TEASER_MAX = 1000
TEASER_TOLERANCE = 0.1
TEASER_MIN_DIFF = 4
