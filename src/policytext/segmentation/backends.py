"""Segmenter backends: jieba (the reference) and jieba-compatible faster engines.

A backend cuts Simplified text into words and accepts added words.  Each configured
backend (engine, lexicon, user words, HMM) is built once per process and reused.
"""

from __future__ import annotations

import functools
import logging
import os
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
                tk.add_word(word, freq, tag)
        finally:
            logger.setLevel(level)
        self._tk = tk
        self._hmm = hmm
        self.version = str(getattr(jieba, "__version__", "unknown"))

    def cut(self, text: str) -> list[str]:
        return list(self._tk.cut(text, HMM=self._hmm))


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
        for word, freq, tag in entries:
            if freq is None:
                freq = self._jb.suggest_freq(word)
            self._jb.add_word(word, freq, tag)
        self._hmm = hmm
        self.version = "rjieba"

    def cut(self, text: str) -> list[str]:
        result: list[str] = self._jb.cut(text, self._hmm)
        return result


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
