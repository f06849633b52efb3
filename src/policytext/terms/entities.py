"""Names of people, places and organisations: which terms are entities, and the entities
of a corpus (:func:`entities`).

A word's part-of-speech tag starts the judgement (``nr`` person, ``ns`` place, ``nt``
organisation, jieba's tag set), but jieba's dictionary tags thousands of common words so
(养老金 and 许可证 as names, 城市 as a place, 新格局 as an organisation), so a tag alone
decides only for a word the segmenter made up itself (a name it did not know: 林晓东); a
dictionary word must also look like one: a name is a surname and a given name that is no
common word, a place ends like a division (涞水县) or is on the lexicon's place list
(:func:`policytext.segmentation.resources.places`, both scripts), an organisation ends like
one (财政部, 国务院). Words on ``terms/data/not_entities.txt`` never are. Within a
document, a word written after a surname and a title (張委員秀燕) or before a title
(邓小平同志) is a person's name whatever its tag.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from policytext.terms import resources as r

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

__all__ = ["ENTITY_COLUMNS", "context_persons", "entities", "entity_type", "named_body", "named_organ"]

ENTITY_COLUMNS = ("doc_id", "entity", "normalized", "entity_type", "count", "start", "end", "starts")

#: ``word -> its frequency in the segmenter's dictionary`` (0: not a dictionary word)
Lookup = Callable[[str], int]
#: a given name that is a word used this often in jieba's dictionary is the word (高水平 is
#: 高 + 水平, not a name)
COMMON_WORD_FREQ = 300


@functools.cache
def _places() -> frozenset[str]:
    from policytext.segmentation import places

    return places()


def _person(word: str, known: bool, lookup: Lookup) -> bool:
    if not 2 <= len(word) <= 4 or word[-1] in r.NOT_NAME_ENDINGS or word.endswith(r.PLACE_ENDINGS):
        return False
    if not known:  # a name the segmenter's model found on its own (林晓东)
        return True
    # jieba's dictionary tags thousands of words as names: a dictionary word is a name when
    # it is shaped like one, a surname and a given name that is no common word
    if len(word) == 4:
        return word[:2] in r.COMPOUND_SURNAMES
    if word[0] not in r.SURNAMES:
        return False
    if len(word) == 2:
        return True
    rest = word[1:]
    if rest in r.TITLES_AFTER_NAME:  # 周总理, 毛主席
        return True
    return lookup(rest) < COMMON_WORD_FREQ


def _place(word: str, known: bool) -> bool:
    if len(word) < 2:
        return False
    # a kind of place (城中村, 文明城市) is no place; jieba's dictionary tags as places the
    # common words listed in not_entities.txt, checked before
    return not known or not word.endswith(r.GENERIC_PLACE_ENDINGS)


def _organization(word: str) -> bool:
    return len(word) >= 3 and word.endswith(r.ORG_SUFFIXES)


def named_body(word: str) -> bool:
    """A body's name by its ending (港务局, 地质局, 亲民党), whatever the words before it."""
    return len(word) >= 3 and word.endswith(r.BODY_ENDINGS) and not word.endswith(r.NOT_BODY_ENDINGS)


def named_organ(word: str) -> bool:
    """A state organ's name by its shape alone (能源部, 安全监管总局, 发展改革委)."""
    if not r.NAMED_ORGAN.match(word):
        return False
    stem = word[:-2] if word.endswith("总局") else word[:-1]
    return not stem.endswith(r.NOT_ORGAN_STEM_ENDINGS)


def _titled_person(word: str) -> bool:
    """A surname and a title written after a name (毛主席, 周总理): a person."""
    return len(word) >= 3 and word[0] in r.SURNAMES and word[1:] in r.TITLES_AFTER_NAME and word[1:] != "同志"


def entity_type(word: str, tag: str, known: bool, lookup: Lookup) -> str | None:
    """``"person"``, ``"place"``, ``"organization"`` or None for ``word`` (Simplified) with
    its part-of-speech ``tag``; ``known``: whether the segmenter's dictionary has the word
    (a word it made up is judged by its tag alone); ``lookup(word)`` gives another word's
    frequency in the dictionary."""
    if word in r.not_entities():
        return None
    if word in _places():
        return "place"
    if _titled_person(word):
        return "person"
    if named_organ(word):
        return "organization"
    if not known and len(word) == 2 and word[0] in r.SURNAMES and word[1] in r.PERSON_REFERENCE_TAILS:
        return "person"  # 陈副 (院长), 吴姓 …: a person without the given name
    kind = r.ENTITY_TAGS.get(tag)
    if kind is None and tag.startswith("n") and named_body(word):
        return "organization"  # a body's name jieba lists as a plain noun (港务局, 亲民党)
    if kind in ("person", "place") and word.endswith(r.PLACE_ENDINGS):
        # a name that ends like a road, village, river or mountain (易兴路, 张盆村, 通天河)
        return None if word.endswith(r.GENERIC_PLACE_ENDINGS) else "place"
    if kind == "person":
        if known and _organization(word):  # a firm's name that jieba lists as a person's (同仁堂)
            return "organization"
        return "person" if _person(word, known, lookup) else None
    if kind == "place":
        return "place" if _place(word, known) else None
    if kind == "organization":
        return "organization" if _organization(word) else None
    return None


_HAN = "\u3400-\u9fff"


@functools.cache
def _given_name_pattern() -> re.Pattern[str]:
    titles = "|".join(sorted(r.TITLES_BEFORE_NAME, key=len, reverse=True))
    surnames = "".join(sorted(r.SURNAMES))
    # 张委员秀燕: a surname, a title, and two characters that are not the title's own
    # continuation (委员会, 部长会议 are checked by the share below)
    return re.compile(rf"[{surnames}](?:{titles})([{_HAN}]{{2}})")


def context_persons(
    simplified: str, words: Sequence[str], tags: Sequence[str], adjacent: Sequence[bool], counts: Counter[str]
) -> set[str]:
    """The words of one document that its own text writes as people's names: mostly
    after a surname and a title (张委员秀燕: 秀燕), or, when tagged as a name or written in
    Latin letters as a name is (Kacaw, not SARS), before a title (邓小平同志, 李鹏总理,
    Kacaw委员). ``words``/``tags`` are the document's candidate tokens in
    order, ``adjacent[k]`` whether token ``k + 1`` follows token ``k`` directly, ``counts``
    their counts."""
    found: set[str] = set()
    given = Counter(m.group(1) for m in _given_name_pattern().finditer(simplified))
    for name, n in given.items():
        # at least half of the name's occurrences after a title: not 会议 after 部长
        if 2 * n >= simplified.count(name):
            found.add(name)
    before: Counter[str] = Counter()
    titles = r.TITLES_AFTER_NAME
    # only where a title follows (few places) are the other conditions checked
    for k in [k for k, word in enumerate(words[1:]) if word in titles]:
        if adjacent[k] and (tags[k].startswith("nr") or r.LATIN_NAME.match(words[k])):
            before[words[k]] += 1
    found.update(name for name, n in before.items() if 2 * n >= counts.get(name, n) or n >= 2)
    return found


def entities(
    data: str | Corpus | Sequence[str],
    *,
    types: Iterable[str] = r.ENTITY_TYPES,
    backend: str = "auto",
    convert: str | bool = "auto",
) -> pd.DataFrame:
    """The names of people, places and organisations in each document, most frequent first.

    Parameters
    ----------
    data : str, list of str or Corpus
        One text, several, or a corpus (``doc_id`` from its docvars). In a corpus, the
        values of place columns (region, province, county, 区县名称 …) are places too.
    types : iterable of {"person", "place", "organization"}
        The kinds to list.
    backend, convert
        As in :func:`policytext.segment`.

    Returns
    -------
    pandas.DataFrame
        :data:`ENTITY_COLUMNS`: ``doc_id``, ``entity`` (the first occurrence as written),
        ``normalized`` (Simplified), ``entity_type``, ``count``, ``start``/``end`` of the
        first occurrence and ``starts`` of every occurrence, in the text as given.

    Examples
    --------
    >>> table = entities("林晓东市长在涞水县调研。林晓东指出……")
    >>> sorted(table["normalized"])
    ['林晓东', '涞水县']
    """
    from policytext.corpus import documents_of
    from policytext.frames import records_frame
    from policytext.terms.docvars import corpus_places
    from policytext.terms.tokenize import PolicyTokenizer

    wanted = set(types)
    doc_ids, texts = documents_of(data)
    tokenizer = PolicyTokenizer(stopwords=(), entities=True, fragments=True, backend=backend, convert=convert)
    archive_places = corpus_places(data)
    records: list[dict[str, Any]] = []
    for doc_id, text in zip(doc_ids, texts):
        records.extend(_document_entities(doc_id, text, tokenizer.terms(text), wanted, archive_places))
        tokenizer.forget()
    return records_frame(records, ENTITY_COLUMNS)


def _document_entities(
    doc_id: Any, text: str, tokens: Any, wanted: set[str], archive_places: frozenset[str]
) -> list[dict[str, Any]]:
    """The entity rows of one document, most frequent first."""
    records: list[dict[str, Any]] = []
    found: dict[str, list[int]] = {}
    ends: dict[str, int] = {}
    for term, start, end in zip(tokens.terms, tokens.starts.tolist(), tokens.ends.tolist()):
        found.setdefault(term, []).append(start)
        ends.setdefault(term, end)
    for term, starts in found.items():
        kind = tokens.types.get(term) or ("place" if term in archive_places else None)
        if kind in wanted:
            records.append({
                "doc_id": doc_id, "entity": text[starts[0] : ends[term]], "normalized": term, "entity_type": kind,
                "count": len(starts), "start": starts[0], "end": ends[term], "starts": starts,
            })
    records.sort(key=lambda row: (-row["count"], row["normalized"]))
    return records
