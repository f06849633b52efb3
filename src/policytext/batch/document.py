"""The per-document engine of a batch run: everything one document gives, computed once by
the same public functions a notebook calls.

:func:`analyze_document` cleans a text (:func:`policytext.clean`), reads it once
(:func:`policytext.analysis_text`), segments it once with the tokenizer every term statistic
uses (:class:`policytext.terms.PolicyTokenizer`), and derives what the tables need: the
term summary (keywords, document frequencies, counts per year), theme-term counts, quoted
formulations and the indicator rows (:func:`policytext.numeric.indicator_records`). The
corpus-level steps (merging counts, the keyword and formulation pass, targets, emerging
terms, similarity) run elsewhere on these results.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

# the stages are bound here, at import: a test can swap one for this engine alone
from policytext.cleaning import CleanConfig, clean
from policytext.numeric import indicator_records
from policytext.script import analysis_text, detect_script
from policytext.terms import quoted_forms

if TYPE_CHECKING:
    from policytext.cleaning import CleanResult, Furniture, SpinReference
    from policytext.segmentation import Segmentation
    from policytext.terms import PolicyTokenizer, TermSummary

__all__ = [
    "ANALYSIS_COLUMNS", "ANALYSIS_VERSION", "DocResult", "Options", "analysis_columns", "analyze_document", "content_key",
    "reference_texts",
]

#: bump when DocResult changes shape; any change of the package's code or data changes the
#: cache key as well (:func:`package_fingerprint`), so old cache entries are not reused
ANALYSIS_VERSION = "6"
#: the files of the package whose content shapes an analysis: its code and its word lists,
#: tables and lexicons
_FINGERPRINTED = frozenset({".py", ".txt", ".tsv", ".yaml", ".json", ".csv"})
#: characters read for the script verdict (the rest is only checked for Traditional ones)
SCRIPT_SAMPLE = 200_000
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Options:
    """What shapes one document's analysis (part of the cache key): the segmenter's
    configuration, how texts are read, the despin step, and the theme terms counted."""

    backend: str = "auto"
    userdict: tuple[str, ...] = ()  # extra words for the segmenter (jieba dictionary lines)
    convert: str | bool = "auto"
    despin: str = "off"  # the cleaning step that repairs synonym spinning: off, auto, on
    # texts whose usage refines despin's repairs (a path every worker can read), and the
    # digest of what was read there, so the cache knows when the reference changed
    spin_reference: str = ""
    spin_reference_digest: str = ""
    themes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # theme → its terms (Simplified)
    furniture: str = ""  # the page-furniture model fitted on the archive, as JSON ("" for none)

    @classmethod
    def bundled(cls, **given: Any) -> Options:
        """Options with the bundled theme lexicon (what :func:`policytext.themes` counts)."""
        from policytext.topics import bundled_themes, theme_words

        return cls(themes=tuple(theme_words(bundled_themes()).items()), **given)

    def key(self) -> str:
        """The options' part of the cache key, with the analysis version and the package's
        fingerprint (a cache written by another build of the library is never read)."""
        version = (ANALYSIS_VERSION, installed_fingerprint())
        return hashlib.sha256(repr((version, self)).encode("utf-8")).hexdigest()[:16]

    def describe(self) -> dict[str, Any]:
        """The options as plain values (for the run's manifest)."""
        return {"backend": self.backend, "userdict": list(self.userdict), "convert": self.convert,
                "despin": self.despin, "spin_reference": self.spin_reference or None,
                "themes": [key for key, _ in self.themes],
                "furniture": furniture_model(self.furniture).digest() if self.furniture else None}

    @property
    def theme_terms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for _, terms in self.themes for t in terms))


@dataclass
class DocResult:
    """One document analysed: the documents-table columns the analysis adds, the cleaned
    text (every offset of every table points into it), the term summary (its
    ``simplified`` left empty: the keyword pass reads the text again), the indicator rows
    (an Arrow table) and the formulations it quotes."""

    doc_id: str
    row: dict[str, Any]
    text: str
    summary: TermSummary
    indicators: Any
    numbered: tuple[str, ...] = ()
    slogans: tuple[str, ...] = ()
    #: what the keyword pass holds of it, encoded by the worker that analysed it
    #: (:func:`policytext.batch.held.held_bytes`); None for a result read from the cache
    held: bytes | None = None


def package_fingerprint(root: Path) -> str:
    """A digest of the code and data files under ``root`` (their paths and bytes): an
    edited rule, stopword list or lexicon gives another digest."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _FINGERPRINTED and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


#: the installed distributions whose versions shape an analysis (the segmenters, the converters)
_ANALYSING_DISTRIBUTIONS = ("jieba", "rjieba", "opencc", "opencc-python-reimplemented")


@functools.cache
def installed_fingerprint() -> str:
    """:func:`package_fingerprint` of this policytext package and the versions of the
    segmenters and converters installed beside it, computed once per process."""
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for name in _ANALYSING_DISTRIBUTIONS:
        try:
            versions.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name}=none")
    return package_fingerprint(Path(__file__).resolve().parents[1]) + ";" + ",".join(versions)


@functools.lru_cache(maxsize=4)
def tokenizer_for(options: Options) -> PolicyTokenizer:
    """One tokenizer per process and options: its verdict per distinct word carries over
    from document to document (a vocabulary, not a per-document cost)."""
    from policytext.terms import PolicyTokenizer

    return PolicyTokenizer(phrases=options.userdict, backend=options.backend, convert=options.convert)


def reference_texts(path: str) -> tuple[list[str], str]:
    """The texts of the spin reference at ``path`` (read like an archive) and their digest."""
    from policytext.io import read_corpus

    texts = list(read_corpus(path).texts)
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return texts, digest.hexdigest()[:16]


@functools.lru_cache(maxsize=2)
def spin_reference(path: str, digest: str) -> SpinReference:
    """The spin reference fitted on the texts at ``path``, once per process; the texts must
    be the ones the run started with (``digest``)."""
    from policytext.cleaning import SpinReference
    from policytext.errors import ConfigError

    texts, found = reference_texts(path)
    if found != digest:
        raise ConfigError(f"the spin reference {path} changed during the run")
    return SpinReference().fit(texts)


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


@functools.lru_cache(maxsize=2)
def furniture_model(data: str) -> Furniture:
    """The page-furniture model of a run, read once per process from its JSON."""
    from policytext.cleaning import Furniture

    return Furniture.from_json(data)


def _clean(raw: str, options: Options, edges: dict[str, bool]) -> CleanResult:
    # a lone surrogate (broken UTF-16 in a source) cannot be written as UTF-8: one
    # replacement character for one keeps every offset
    if _SURROGATE.search(raw):
        raw = _SURROGATE.sub("\ufffd", raw)
    reference = spin_reference(options.spin_reference, options.spin_reference_digest) if options.spin_reference else None
    model = furniture_model(options.furniture) if options.furniture else None
    return clean(raw, config=CleanConfig().replace(despin=options.despin, **edges), spin_reference=reference,
                 furniture=model)


def _script_row(text: str) -> dict[str, Any]:
    # what Corpus.detect_script gives: the verdict on the first SCRIPT_SAMPLE characters
    script = detect_script(text, sample=SCRIPT_SAMPLE, top=0)
    return {"script": script.script, "traditional_share": round(script.traditional_share, 4)}


def _spin_row(cleaned: CleanResult, options: Options) -> dict[str, Any]:
    if cleaned.spin is None:
        return {}
    row: dict[str, Any] = {"spin_score": round(cleaned.spin.score, 1), "spun": cleaned.spin.spun,
                           "despin_repairs": len(cleaned.spin_repairs)}
    if options.spin_reference:
        row["despin_by_reference"] = sum(r.reason.startswith("reference") for r in cleaned.spin_repairs)
    row["spin_evidence"] = ", ".join(f"{k} ×{n}" for k, n in cleaned.spin.evidence().items())
    return row


#: the documents-table columns the analysis adds, with their kinds (batch/schema.py)
ANALYSIS_COLUMNS: dict[str, str] = {
    "clean_steps": "text", "clean_removed": "text", "masks": "int", "lost_chars": "int", "script": "text",
    "traditional_share": "float",
    "n_chars": "int", "n_tokens": "int", "n_words": "int",
}
#: the columns the despin step adds (despin "auto" or "on"); despin_by_reference with a reference
SPIN_COLUMNS: dict[str, str] = {
    "spin_score": "float", "spun": "bool", "despin_repairs": "int", "despin_by_reference": "int", "spin_evidence": "text",
}


def analysis_columns(options: Options) -> dict[str, str]:
    """The documents-table columns a run with ``options`` adds, in order, with their kinds."""
    columns = dict(ANALYSIS_COLUMNS)
    if options.despin != "off":
        columns.update({k: v for k, v in SPIN_COLUMNS.items() if k != "despin_by_reference" or options.spin_reference})
    return columns


def document_row(cleaned: CleanResult, seg: Segmentation, summary: TermSummary, options: Options) -> dict[str, Any]:
    """The documents-table columns the analysis adds for one document."""
    return {
        "clean_steps": ",".join(cleaned.changed_by),
        "clean_removed": "\n".join(x.text for x in cleaned.removed),
        "masks": len(cleaned.masks),
        "lost_chars": cleaned.lost_chars,
        **_script_row(cleaned.text),
        "n_chars": len(cleaned.text),
        "n_tokens": len(seg),
        "n_words": summary.words,
        **_spin_row(cleaned, options),
    }


def analyze_document(doc_id: str, raw: str, options: Options) -> DocResult:
    """Clean ``raw``, read it once, segment it once, and derive what the tables need (a
    very long document piece by piece: :mod:`policytext.batch.pieces`)."""
    from policytext.batch.pieces import analyze_in_pieces

    return analyze_in_pieces(doc_id, raw, lambda piece, edges: _analyze_text(doc_id, piece, options, edges))


def _analyze_text(doc_id: str, raw: str, options: Options, edges: dict[str, bool]) -> DocResult:
    from policytext.batch.tables import TABLES, records_table

    cleaned = _clean(raw, options, edges)
    conversion = analysis_text(cleaned.text, options.convert)
    tokenizer = tokenizer_for(options)
    seg = tokenizer.segment(conversion)
    summary = tokenizer.summarize(seg, extra=options.theme_terms)
    numbered, slogans = quoted_forms(conversion.text)
    spec = TABLES["indicators"]
    assert spec.columns is not None
    table = records_table(indicator_records(doc_id, conversion), spec.columns, spec.types)
    # the analysis text is not kept: the keyword pass reads the cleaned text again
    return DocResult(
        doc_id, document_row(cleaned, seg, summary, options), cleaned.text, dataclasses.replace(summary, simplified=""),
        table, tuple(sorted(numbered)), tuple(sorted(slogans)),
    )

