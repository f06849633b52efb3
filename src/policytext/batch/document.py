"""The per-document half of a batch run: everything that needs only one document (clean,
script, one segmentation, term counts, indicators, quoted forms, theme counts), as a
picklable :class:`DocResult` that worker processes return and the cache stores."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policytext.terms.tokenize import TermSummary

if TYPE_CHECKING:
    from policytext.cleaning.spin import SpinReference
    from policytext.offsets import Alignment
    from policytext.segmentation import Segmentation
    from policytext.terms.tokenize import PolicyTokenizer

#: bump when DocResult or the analysis changes, so old cache entries are not reused
ANALYSIS_VERSION = "5"
#: characters read for the script verdict (the rest is only checked for Traditional ones)
SCRIPT_SAMPLE = 200_000


@dataclass(frozen=True)
class Options:
    """What shapes one document's analysis (part of the cache key)."""

    backend: str = "auto"
    userdict: tuple[str, ...] = ()
    theme_terms: tuple[str, ...] = ()
    theme_map: tuple[tuple[str, tuple[str, ...]], ...] = ()
    despin: str = "off"  # the cleaning step that repairs synonym spinning: off, auto, on
    # texts whose usage refines despin's repairs (a path every worker can read), and the
    # digest of what was read there, so the cache knows when the reference changed
    spin_reference: str = ""
    spin_reference_digest: str = ""

    def key(self) -> str:
        return hashlib.sha256(repr((ANALYSIS_VERSION, self)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class DocTerms:
    """What the second pass (keywords, formulations) needs of one document: far smaller
    than the whole result, so many of them fit in memory."""

    doc_id: str
    text: str  # the cleaned text every offset points into
    summary: TermSummary  # distinct kept terms; its ``simplified`` is the analysis text
    alignment: Alignment | None  # analysis text -> text (None: the same text)
    slogans: tuple[str, ...] = ()  # the non-numbered slogans it quotes

    def span_map(self) -> Callable[[int, int], tuple[int, int]] | None:
        return None if self.alignment is None else self.alignment.span


class Vocabulary(list[str]):
    """The distinct terms of several documents a worker analysed together: pickled once
    (as one joined string) for all of them, and looked up once by the process merging them."""

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (_vocabulary, ("\x00".join(self),))


def _vocabulary(joined: str) -> Vocabulary:
    return Vocabulary(joined.split("\x00") if joined else [])


@dataclass(frozen=True)
class SharedTerms:
    """One document's distinct terms as positions in a :class:`Vocabulary` it shares."""

    vocabulary: Vocabulary
    index: Any  # numpy int array

    def strings(self) -> list[str]:
        return [self.vocabulary[i] for i in self.index.tolist()]


@dataclass(frozen=True)
class SharedRows:
    """One document's indicator rows as a stretch of an Arrow table it shares."""

    table: Any
    start: int
    stop: int

    def rows(self) -> Any:
        return self.table.slice(self.start, self.stop - self.start)


def term_ids(position: dict[str, int], terms: list[str]) -> Any:
    """The ids of distinct ``terms`` in ``position`` (term → id, numbered in order of first
    sight), the terms not in it added with the next ids, in their order here."""
    import numpy as np

    ids = np.fromiter(map(position.get, terms, itertools.repeat(-1)), dtype=np.int64, count=len(terms))
    new = np.flatnonzero(ids < 0)
    if len(new):
        ids[new] = np.arange(len(position), len(position) + len(new))
        position.update(zip(map(terms.__getitem__, new.tolist()), ids[new].tolist()))
    return ids


def share_batch(results: list[Any]) -> None:
    """Give the :class:`DocResult` among ``results`` one vocabulary and one indicator
    table (for the trip back from a worker: each term string pickled and looked up once,
    one table and schema serialised, instead of once per document)."""
    import pyarrow as pa

    position: dict[str, int] = {}
    termed = [(r, term_ids(position, r.terms)) for r in results if isinstance(r, DocResult) and isinstance(r.terms, list)]
    vocabulary = Vocabulary(position)  # a dict keeps its keys in the order of their ids
    for result, index in termed:
        result.terms = SharedTerms(vocabulary, index)
    tabled = [r for r in results if isinstance(r, DocResult) and isinstance(r.indicators, pa.Table)]
    if len(tabled) > 1:
        table = pa.concat_tables([r.indicators for r in tabled]).combine_chunks()
        start = 0
        for result in tabled:
            stop = start + result.indicators.num_rows
            result.indicators = SharedRows(table, start, stop)
            start = stop


@dataclass
class DocResult:
    """One document analysed: its table rows, the counts corpus statistics merge, and what
    the second pass will read (already pickled where it was computed: the process that
    merges the results never unpacks it)."""

    doc_id: str
    row: dict[str, Any]  # extra columns of the documents table
    text: str  # the cleaned text every offset points into
    terms: list[str] | SharedTerms  # distinct kept terms ...
    counts: Any  # ... and their counts (numpy)
    second_pass: bytes  # the pickled DocTerms
    words: int  # word tokens (the per-10,000 denominator)
    themes: dict[str, int]
    #: the indicator rows as an Arrow table (built in the worker; a list of dicts when
    #: Arrow rejects their text), how many are quantities, and those that may be targets
    indicators: Any
    quantities: int = 0
    target_candidates: list[dict[str, Any]] = field(default_factory=list)
    quoted_numbered: set[str] = field(default_factory=set)

    def __getstate__(self) -> dict[str, Any]:
        # the terms as one joined string: one object to pickle instead of thousands
        state = dict(self.__dict__)
        if isinstance(self.terms, list):
            state["terms"] = "\x00".join(self.terms)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        joined = state["terms"]
        if isinstance(joined, str):
            state["terms"] = joined.split("\x00") if joined else []
        self.__dict__.update(state)

    def unshared(self) -> DocResult:
        """This result with its terms and indicator rows its own (what the cache stores)."""
        own = self
        if isinstance(own.terms, SharedTerms):
            own = dataclasses.replace(own, terms=own.terms.strings())
        if isinstance(own.indicators, SharedRows):
            own = dataclasses.replace(own, indicators=own.indicators.rows().combine_chunks())
        return own

    def indicator_rows(self) -> Any:
        """The indicator rows: an Arrow table, or a list of dicts when Arrow rejected them."""
        return self.indicators.rows() if isinstance(self.indicators, SharedRows) else self.indicators


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


def reference_texts(path: str) -> tuple[list[str], str]:
    """The texts of the spin reference at ``path`` (read like an archive) and their digest."""
    from policytext.io.read import read_corpus

    texts = list(read_corpus(path).texts)
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8"))
        digest.update(b"\0")
    return texts, digest.hexdigest()[:16]


@functools.lru_cache(maxsize=2)
def spin_reference(path: str, digest: str) -> SpinReference:
    """The spin reference fitted on the texts at ``path``, once per process; the texts must
    be the ones the run started with (``digest``)."""
    from policytext.cleaning.spin import SpinReference

    texts, found = reference_texts(path)
    if found != digest:
        raise ValueError(f"the spin reference {path} changed during the run")
    return SpinReference().fit(texts)


def analyze_document(doc_id: str, raw: str, options: Options) -> DocResult:
    """Clean ``raw``, detect its script, convert it once when it has Traditional
    characters, segment it once, and derive what the batch tables need from that."""
    from policytext.batch.tables import COLUMN_TYPES, records_table
    from policytext.cleaning import clean
    from policytext.numeric import COLUMNS as INDICATOR_COLUMNS
    from policytext.numeric.extract import records_converted
    from policytext.script.detect import contains_traditional, detect_script
    from policytext.segmentation import segment_converted
    from policytext.terms.slogans import quoted_forms

    despin: bool | str = {"off": False, "on": True}.get(options.despin, "auto")
    reference = spin_reference(options.spin_reference, options.spin_reference_digest) if options.spin_reference else None
    cleaned = clean(raw, despin=despin, spin_reference=reference)
    text = cleaned.text
    script = detect_script(text, sample=SCRIPT_SAMPLE, top=0)  # the verdict; no evidence needed
    analysis, alignment = text, None
    if script.traditional_chars or (len(text) > SCRIPT_SAMPLE and contains_traditional(text[SCRIPT_SAMPLE:])):
        from policytext.script.convert import convert_with_offsets

        conversion = convert_with_offsets(text, "t2s")
        analysis = conversion.text
        alignment = None if conversion.alignment.is_identity else conversion.alignment
    seg = segment_converted(
        text, analysis, alignment, userdict=(options.theme_terms + options.userdict) or None,
        backend=options.backend, script=script.script, keep_pieces=True,
    )
    words = _word_tokens(seg)
    summary = _tokenizer().summarize(seg)
    counts = dict(zip(summary.terms, summary.counts.tolist()))
    # theme terms are all terms (two characters or more, no stopwords): count them there
    themes = {key: sum(map(counts.get, terms, itertools.repeat(0))) for key, terms in options.theme_map}
    numbered, slogans = quoted_forms(analysis)
    terms = DocTerms(doc_id, text, summary, alignment, tuple(sorted(slogans)))
    indicator_rows = records_converted(doc_id, text, analysis, terms.span_map() or _same_span)
    table = records_table(indicator_rows, INDICATOR_COLUMNS, COLUMN_TYPES["indicators"])
    return DocResult(
        doc_id=doc_id,
        row={
            "clean_steps": ",".join(cleaned.changed_by),
            "clean_removed": "\n".join(x.text for x in cleaned.removed),
            "masks": len(cleaned.masks),
            "script": script.script,
            "traditional_share": round(script.traditional_share, 4),
            "n_chars": len(text),
            "n_tokens": len(seg),
            "n_words": words,
            **({} if cleaned.spin is None else {
                "spin_score": round(cleaned.spin.score, 1), "spun": cleaned.spin.spun,
                "despin_repairs": len(cleaned.spin_repairs),
                **({"despin_by_reference": sum(r.reason.startswith("reference") for r in cleaned.spin_repairs)}
                   if options.spin_reference else {}),
                "spin_evidence": ", ".join(f"{k} ×{n}" for k, n in cleaned.spin.evidence().items()),
            }),
        },
        text=text,
        terms=summary.terms,
        counts=summary.counts,
        second_pass=pickle.dumps(terms, protocol=pickle.HIGHEST_PROTOCOL),
        words=words,
        themes=themes,
        indicators=indicator_rows if table is None else table,
        quantities=sum(1 for row in indicator_rows if row["kind"] != "ordinal"),
        target_candidates=[row for row in indicator_rows if _may_be_target(row)],
        quoted_numbered=numbered,
    )


@functools.lru_cache(maxsize=1)
def _tokenizer() -> PolicyTokenizer:
    """One tokenizer per process: its verdict per distinct word carries over from document
    to document (a vocabulary, not a per-document cost)."""
    from policytext.terms.tokenize import PolicyTokenizer

    return PolicyTokenizer()


@functools.lru_cache(maxsize=1)
def _target_patterns() -> list[tuple[Any, Any]]:
    from policytext.compare.resources import TARGET_PATTERNS, compile_patterns

    return list(compile_patterns(TARGET_PATTERNS).values())


def _may_be_target(row: dict[str, Any]) -> bool:
    """Whether an indicator row can enter the target table (so only those reach it)."""
    if row["status"] != "target" or row["section"] == "review":
        return False
    name, unit = row["indicator"], row["unit"]
    if not isinstance(name, str) or not isinstance(unit, str):
        return False
    return any(n.search(name) and u.search(unit) for n, u in _target_patterns())


def _same_span(start: int, end: int) -> tuple[int, int]:
    return start, end
