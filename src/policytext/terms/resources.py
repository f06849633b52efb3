"""Tables and patterns of the terms stage: stopword tiers, the reference IDF, term filters,
formulation patterns. Data files live in ``policytext/terms/data``."""

from __future__ import annotations

import functools
import re
from importlib import resources

DATA_PACKAGE = "policytext.terms"
STOPWORD_TIERS = ("function", "filler", "generic")
#: the tiers keywords and phrase discovery leave out unless told otherwise
DEFAULT_STOPWORDS = ("function", "filler")
REFERENCE_IDF_FILE = "data/reference_idf.tsv"

#: a term worth counting has a Han character or is a Latin acronym / code (5G, GDP)
TERM = re.compile(r"[\u3400-\u9fff]|^[A-Za-z][A-Za-z0-9]+$|^[0-9]+[A-Za-z]+$")
NUMERIC = re.compile(r"^[-+0-9.,%‰万亿千百十]+$")
#: years and dates written in Chinese numerals (一九五四年, 二〇二五): not terms
DATE_LIKE = re.compile(r"^[〇零一二三四五六七八九十]+[年月日]$|^[〇零一二三四五六七八九]{4,}")
#: a counted numeral or an ordinal (四十七个, 第四次, 两项, 三年): a number, not a term
COUNTED = re.compile(r"^第?[〇零一二两三四五六七八九十百千万亿几]+[个次项条件名位届批家种类年天岁倍期轮座所]$|^第[〇零一二两三四五六七八九十百千]+$")

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
