"""Segmenter backends: jieba (the reference) and jieba-compatible faster engines.

A backend cuts Simplified text into words and accepts added words.  Each configured
backend (engine, lexicon, user words, HMM) is built once per process and reused.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import threading
from collections.abc import Iterable
from typing import Any, Protocol

from policytext.errors import ConfigError
from policytext.segmentation.resources import lexicon_text

__all__ = ["BACKENDS", "Backend", "cache_dir", "get_backend", "lexicon_entries"]

BACKENDS = ("auto", "jieba", "rjieba")


def resolve_backend(name: str) -> str:
    """``"auto"`` is rjieba when installed (it agrees with jieba on every token boundary of
    the work-report corpus: bench/segmentation_quality.py), else jieba."""
    if name != "auto":
        return name
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


class Backend(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...

    def cut_tagged(self, text: str) -> tuple[list[str], list[str]]: ...

    def tag_word(self, word: str) -> str | None: ...

    def has_word(self, word: str) -> bool: ...

    def word_freq(self, word: str) -> int: ...


def cache_dir() -> str:
    """The per-user cache directory (jieba's prefix-dictionary cache lives here).

    ``POLICYTEXT_CACHE_DIR`` overrides it.
    """
    path = os.environ.get("POLICYTEXT_CACHE_DIR")
    if not path:
        import platformdirs

        path = platformdirs.user_cache_dir("policytext", appauthor=False)
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


Entry = tuple[str, int | None, str | None]

#: the tag of a lexicon or user word that names none: a noun (policy terms are named
#: things; jieba's own tag for such a word, 两岸 as a locative, would misjudge it)
DEFAULT_TAG = "n"
#: tags of content words: a lexicon word without a tag of its own that the dictionary
#: tags so (投资 as vn) keeps it, as a noun would be read the same way
CONTENT_TAGS = frozenset({"n", "nz", "ng", "v", "vn", "vd", "vg", "a", "an", "ag", "l", "i", "j", "b", "z", "g"})


def _parse_entries(lines: Iterable[str], source: str) -> list[Entry]:
    entries: list[Entry] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word, freq, tag = parts[0], None, None
        if len(parts) > 1:
            if parts[1].isdigit():
                freq = int(parts[1])
                tag = parts[2] if len(parts) > 2 else None
            else:
                tag = parts[1]
        if len(parts) > 3:
            raise ValueError(f"{source}:{lineno}: expected 'word [freq] [tag]', got {line!r}")
        entries.append((word, freq, tag))
    return entries


@functools.lru_cache(maxsize=1)
def lexicon_entries() -> tuple[Entry, ...]:
    """The bundled policy lexicon as ``(word, freq, tag)`` entries."""
    return tuple(_parse_entries(lexicon_text().splitlines(), "policy_lexicon.txt"))


def userdict_entries(userdict: str | os.PathLike[str] | Iterable[str] | None) -> tuple[Entry, ...]:
    """User words from a jieba-style dictionary file or an iterable of words / lines."""
    if userdict is None:
        return ()
    if isinstance(userdict, (str, os.PathLike)):
        path = os.fspath(userdict)
        try:
            with open(path, encoding="utf-8-sig") as fh:
                return tuple(_parse_entries(fh, path))
        except OSError as exc:
            raise FileNotFoundError(f"user dictionary {path!r} cannot be read: {exc}") from exc
    if isinstance(userdict, tuple):
        return _tuple_entries(userdict)  # batch runs pass the same words for every document
    return tuple(_parse_entries(userdict, "userdict"))


@functools.lru_cache(maxsize=8)
def _tuple_entries(words: tuple[str, ...]) -> tuple[Entry, ...]:
    return tuple(_parse_entries(words, "userdict"))


class JiebaBackend:
    """jieba's own Tokenizer, private to policytext (the global ``jieba`` is left alone)."""

    name = "jieba"

    def __init__(self, entries: Iterable[Entry], *, hmm: bool = True) -> None:
        import jieba

        logger = logging.getLogger("jieba")
        level = logger.level
        logger.setLevel(logging.WARNING)  # jieba announces its cache loading at DEBUG
        try:
            tk = jieba.Tokenizer()
            tk.tmp_dir = cache_dir()
            tk.initialize()
            for word, freq, tag in entries:
                tk.add_word(word, freq, tag or DEFAULT_TAG)
        finally:
            logger.setLevel(level)
        self._tk = tk
        self._hmm = hmm
        self._posseg: Any = None
        self._tags: dict[str, str] = {}
        self.version = str(getattr(jieba, "__version__", "unknown"))

    def cut(self, text: str) -> list[str]:
        return list(self._tk.cut(text, HMM=self._hmm))

    def cut_tagged(self, text: str) -> tuple[list[str], list[str]]:
        """``cut``'s words (the same boundaries) and a part-of-speech tag for each: the
        dictionary's tag (jieba's own table, the lexicon's and the user's), and for a word
        the dictionary lacks (found by the HMM) the tag jieba.posseg gives it on its own."""
        words = self.cut(text)
        known = self._tags
        missing = set(words).difference(known)
        if missing:
            self._tag_new(missing)
        return words, [known[w] for w in words]

    def tag_word(self, word: str) -> str | None:
        """The tag of ``word`` cut on its own (None when the segmenter cuts it in pieces)."""
        words, tags = self.cut_tagged(word)
        return tags[0] if len(words) == 1 else None

    def has_word(self, word: str) -> bool:
        return bool(self._tk.FREQ.get(word))

    def word_freq(self, word: str) -> int:
        """The dictionary's frequency of ``word`` (0: not a dictionary word)."""
        return int(self._tk.FREQ.get(word) or 0)

    def _tag_new(self, words: set[str]) -> None:
        if self._posseg is None:
            import jieba.posseg

            # jieba.posseg reads the tag column of the tokenizer's dictionary, and the
            # tags of added words from the tokenizer itself
            self._posseg = jieba.posseg.POSTokenizer(self._tk)
        table = self._posseg.word_tag_tab
        own = self._tk.user_word_tag_tab if hasattr(self._tk, "user_word_tag_tab") else {}
        for word in words:
            tag = own.get(word) or table.get(word)
            if tag is None and not _HAN.search(word):
                tag = _latin_tag(word)
            if tag is None:
                pieces = self._posseg.lcut(word, HMM=self._hmm)
                tag = pieces[0].flag if len(pieces) == 1 else "x"
            self._tags[word] = tag


_HAN = re.compile(r"[\u3400-\u9fff]")


def _latin_tag(word: str) -> str:
    """What jieba-rs tags a word without Han characters: ``m`` for digits (and their
    punctuation), ``eng`` for letters, ``x`` for the rest."""
    alnum = [c for c in word if c.isascii() and c.isalnum()]
    if not alnum:
        return "x"
    return "m" if all(c.isdigit() for c in alnum) else "eng"


class RjiebaBackend:
    """jieba-rs through ``rjieba``: the same dictionary format and algorithm, in Rust."""

    name = "rjieba"

    def __init__(self, entries: Iterable[Entry], *, hmm: bool = True) -> None:
        try:
            import rjieba
        except ImportError as exc:
            raise ImportError(
                "backend='rjieba' needs the rjieba package: pip install 'policytext[fast]'"
            ) from exc
        self._jb: Any = rjieba.Jieba()
        # jieba-rs keeps a word's first tag: a lexicon word its dictionary already has
        # (两岸, a locative there) gets the lexicon's tag from this table instead
        self._own_tags: dict[str, str] = {}
        for word, freq, tag in entries:
            known = self._jb.tag(word, False)
            if len(known) == 1 and known[0][1] != (tag or DEFAULT_TAG) and (tag or known[0][1] not in CONTENT_TAGS):
                self._own_tags[word] = tag or DEFAULT_TAG
            if freq is None:
                freq = self._jb.suggest_freq(word)
            self._jb.add_word(word, freq, tag or DEFAULT_TAG)
        self._own = frozenset(self._own_tags)
        self._tags: dict[str, str] = {}
        self._hmm = hmm
        self.version = "rjieba"

    def cut(self, text: str) -> list[str]:
        result: list[str] = self._jb.cut(text, self._hmm)
        return result

    def cut_tagged(self, text: str) -> tuple[list[str], list[str]]:
        """jieba-rs's tagger: the words of ``cut`` (the same boundaries) in the same call,
        each with the dictionary's tag (the HMM's for a word the dictionary lacks)."""
        pairs = self._jb.tag(text, self._hmm)
        if not pairs:
            return [], []
        words, tags = map(list, zip(*pairs))
        # a lexicon word whose dictionary tag differs is rare: patch those places only
        if self._own and not self._own.isdisjoint(words):
            own = self._own_tags
            tags = [own.get(w, t) for w, t in zip(words, tags)]
        return words, tags

    def tag_word(self, word: str) -> str | None:
        """The tag of ``word`` cut on its own (None when the segmenter cuts it in pieces);
        remembered, as a word's tag does not depend on where it stands."""
        found = self._tags.get(word)
        if found is None:
            words, tags = self.cut_tagged(word)
            found = tags[0] if len(words) == 1 else ""  # "": cut in pieces
            if len(self._tags) < 100_000:
                self._tags[word] = found
        return found or None

    def has_word(self, word: str) -> bool:
        return bool(self._jb.has_word(word))

    def word_freq(self, word: str) -> int:
        """The dictionary's frequency of ``word`` (0: not a dictionary word); jieba-rs
        tells it through the frequency it would suggest, which is at least the word's own."""
        return int(self._jb.suggest_freq(word)) if self._jb.has_word(word) else 0


_lock = threading.Lock()


@functools.lru_cache(maxsize=16)
def _build(name: str, entries: tuple[Entry, ...], hmm: bool) -> Backend:
    if name == "jieba":
        return JiebaBackend(entries, hmm=hmm)
    if name == "rjieba":
        return RjiebaBackend(entries, hmm=hmm)
    raise ConfigError(f"unknown segmenter backend {name!r}; choose one of {', '.join(BACKENDS)}")


def get_backend(
    name: str = "auto",
    *,
    lexicon: bool = True,
    userdict: str | os.PathLike[str] | Iterable[str] | None = None,
    hmm: bool = True,
) -> Backend:
    """The backend ``name`` with the policy lexicon (unless ``lexicon=False``) and user words."""
    # a batch asks once per document with the same words: remember the answer by the
    # arguments (no words, or a tuple of them) rather than hash thousands of dictionary entries each time
    key = (name, lexicon, userdict, hmm) if userdict is None or isinstance(userdict, tuple) else None
    found = _chosen.get(key) if key is not None else None
    if found is not None:
        return found
    entries = (lexicon_entries() if lexicon else ()) + userdict_entries(userdict)
    with _lock:
        backend = _build(resolve_backend(name), entries, hmm)
        if key is not None and len(_chosen) < 64:
            _chosen[key] = backend
        return backend


_chosen: dict[Any, Backend] = {}
