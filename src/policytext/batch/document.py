"""The per-document half of a batch run: everything that needs only one document (clean,
script, one segmentation, term counts, indicators, quoted forms, theme counts), as a
picklable :class:`DocResult` that worker processes return and the cache stores."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.terms.tokenize import TermTokens

if TYPE_CHECKING:
    from policytext.segmentation import Segmentation

#: bump when DocResult or the analysis changes, so old cache entries are not reused
ANALYSIS_VERSION = "2"


@dataclass(frozen=True)
class Options:
    """What shapes one document's analysis (part of the cache key)."""

    backend: str = "auto"
    userdict: tuple[str, ...] = ()
    theme_terms: tuple[str, ...] = ()
    theme_map: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def key(self) -> str:
        return hashlib.sha256(repr((ANALYSIS_VERSION, self)).encode("utf-8")).hexdigest()[:16]


@dataclass
class DocResult:
    """One document analysed: its table rows and the counts corpus statistics merge."""

    doc_id: str
    text: str  # the cleaned text every offset points into
    row: dict[str, Any]  # extra columns of the documents table
    tokens: TermTokens  # kept terms, for keywords
    term_counts: Counter[str]  # kept terms, for document frequencies and comparisons
    words: int  # word tokens (the per-10,000 denominator)
    themes: dict[str, int]
    indicators: list[dict[str, Any]]
    quoted_numbered: set[str] = field(default_factory=set)


def _word_tokens(seg: Segmentation) -> int:
    """Tokens that are words (their first character a Han character or a Latin letter):
    punctuation and numbers are not; counted on the offset arrays, no token strings."""
    import numpy as np

    if not len(seg):
        return 0
    codes = np.frombuffer(seg.analysis_text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    first = codes[seg.analysis_starts]
    han = (first >= 0x3400) & (first <= 0x9FFF)
    latin = ((first >= 0x41) & (first <= 0x5A)) | ((first >= 0x61) & (first <= 0x7A))
    return int((han | latin).sum())


def content_key(source: str | tuple[str, str | None], options: Options) -> str:
    """The cache key of one document: its content (the text, or the file's bytes and the
    encoding asked for) and the analysis options."""
    if isinstance(source, str):
        digest = hashlib.sha256(source.encode("utf-8", "surrogatepass"))
    else:
        digest = hashlib.sha256(Path(source[0]).read_bytes())
        digest.update(repr(source[1]).encode("utf-8"))
    digest.update(options.key().encode("ascii"))
    return digest.hexdigest()


def analyze_document(doc_id: str, raw: str, options: Options) -> DocResult:
    """Clean ``raw``, detect its script, segment it once and derive what the batch tables need."""
    from policytext.cleaning import clean
    from policytext.numeric.extract import _records as indicator_records
    from policytext.script.detect import detect_script
    from policytext.segmentation import segment
    from policytext.terms.slogans import quoted_forms
    from policytext.terms.tokenize import PolicyTokenizer

    cleaned = clean(raw)
    text = cleaned.text
    script = detect_script(text)
    # one detection: segment converts exactly when the text has Traditional characters
    seg = segment(
        text, userdict=(options.theme_terms + options.userdict) or None, backend=options.backend,
        convert="t2s" if script.traditional_chars else False,
    )
    words = _word_tokens(seg)
    tokens = PolicyTokenizer().from_segmentation(seg)
    term_counts = Counter(tokens.terms)
    # theme terms are all terms (two characters or more, no stopwords): count them there
    themes = {key: sum(term_counts.get(t, 0) for t in terms) for key, terms in options.theme_map}
    numbered, _ = quoted_forms(tokens.simplified)
    return DocResult(
        doc_id=doc_id,
        text=text,
        row={
            "clean_steps": ",".join(cleaned.changed_by),
            "clean_removed": "\n".join(x.text for x in cleaned.removed),
            "masks": len(cleaned.masks),
            "script": script.script,
            "traditional_share": round(script.traditional_share, 4),
            "n_chars": len(text),
            "n_tokens": len(seg),
            "n_words": words,
        },
        tokens=tokens,
        term_counts=term_counts,
        words=words,
        themes=themes,
        indicators=indicator_records(doc_id, text, convert="auto"),
        quoted_numbered=numbered,
    )
