"""Reading archives into a Corpus: folders, JSON Lines, CSV, Parquet; txt, md, html, docx, pdf.

Each file is decoded on its own (its encoding detected and recorded); docvars come from a
file-name pattern, a sidecar CSV, the fields of JSON/CSV records, and a year in the
document's header.  A file that cannot be read becomes a row of ``corpus.problems`` with
its path and the reason, and the rest of the archive is read.
"""

from __future__ import annotations

import html.parser
import importlib
import io
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from policytext.corpus import PROBLEM_COLUMNS, Corpus
from policytext.io.encoding import DecodeProblem, decode_bytes

__all__ = ["DOCUMENT_SUFFIXES", "RECORD_SUFFIXES", "read_corpus", "read_text_file"]

DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})
RECORD_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".parquet"})
RECORD_FORMATS = frozenset(s[1:] for s in RECORD_SUFFIXES)
SIDECAR_NAMES = ("metadata.csv", "docvars.csv", "_metadata.csv")
TEXT_FIELDS = ("text", "content", "body", "正文", "内容", "全文")
ID_FIELDS = ("doc_id", "id")
LONG_LINE = 1_000_000
#: a year in a header: 2015年, １９８９年, or 2015 before 政府工作报告
HEADER_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:年|政府工作报告)")


@dataclass
class _Record:
    doc_id: str
    text: str
    docvars: dict[str, Any] = field(default_factory=dict)


class _ReadError(Exception):
    pass


# --- formats -------------------------------------------------------------------------------


class _HTMLText(html.parser.HTMLParser):
    BLOCK = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "tr",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "section",
            "article",
            "header",
            "footer",
            "blockquote",
            "pre",
            "title",
        ]
    )
    SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in raw.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.I)


def _html_text(data: bytes, encoding: str | None) -> tuple[str, str, tuple[str, ...]]:
    if encoding is None:
        m = _META_CHARSET.search(data[:4096])
        if m:
            declared = m.group(1).decode("ascii").lower()
            declared = {"gb2312": "gb18030", "gbk": "gb18030"}.get(declared, declared)
            try:
                decoded = decode_bytes(data, encoding=declared)
            except DecodeProblem:
                decoded = decode_bytes(data)
        else:
            decoded = decode_bytes(data)
    else:
        decoded = decode_bytes(data, encoding=encoding)
    parser = _HTMLText()
    parser.feed(decoded.text)
    parser.close()
    return parser.text(), decoded.encoding, decoded.warnings


def _optional(module: str, extra: str, suffix: str) -> Any:
    """Import a reader's optional dependency, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise _ReadError(
            f"reading {suffix} needs {module}: pip install 'policytext[{extra}]'"
        ) from exc


def _docx_text(path: Path) -> str:
    docx = _optional("docx", "docx", ".docx")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for damaged files
        raise _ReadError(f"not a readable .docx file: {exc}") from exc
    return "\n".join(p.text for p in document.paragraphs)


def _pdf_text(path: Path) -> str:
    pypdf = _optional("pypdf", "pdf", ".pdf")
    try:
        reader = pypdf.PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds for damaged files
        raise _ReadError(f"not a readable .pdf file: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages)
    if not text.strip():
        raise _ReadError("the PDF has no text layer (scanned images need OCR first)")
    return text


def read_text_file(
    path: str | os.PathLike[str], *, encoding: str | None = None
) -> tuple[str, str, tuple[str, ...]]:
    """Text of one document file, its encoding, and any warnings.

    Raises ``ValueError`` (with the reason) when the file cannot be read as a document.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        return _docx_text(p), "docx", ()
    if suffix == ".pdf":
        return _pdf_text(p), "pdf", ()
    data = p.read_bytes()
    if suffix in (".html", ".htm"):
        return _html_text(data, encoding)
    decoded = decode_bytes(data, encoding=encoding)
    return decoded.text, decoded.encoding, decoded.warnings


# --- docvars -------------------------------------------------------------------------------


def _compile_pattern(pattern: str) -> re.Pattern[str]:
    """``"{year}政府工作报告_{speaker}*.txt"`` → a regex over the file name.

    ``{year}`` matches four digits, other ``{fields}`` match as much text without ``_`` or
    ``/`` as they can,
    and ``*`` matches anything.
    """
    out = []
    for token in re.split(r"(\{\w+\}|\*)", pattern):
        if token == "*":
            out.append(".*?")
        elif token.startswith("{") and token.endswith("}"):
            name = token[1:-1]
            out.append(rf"(?P<{name}>\d{{4}})" if name == "year" else rf"(?P<{name}>[^_/\\]+)")
        else:
            out.append(re.escape(token))
    return re.compile("".join(out))


#: how much of a document's beginning the header-year search reads
HEADER_CHARS = 400


def _header_year(text: str) -> int | None:
    head = unicodedata.normalize("NFKC", text[:HEADER_CHARS])
    m = HEADER_YEAR.search(head)
    return int(m.group(1)) if m else None


def _filename_year(name: str) -> int | None:
    m = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", unicodedata.normalize("NFKC", name))
    return int(m.group(1)) if m else None


# --- records -------------------------------------------------------------------------------


def _pick(
    fields: Iterable[str], wanted: tuple[str, ...], given: str | None, what: str
) -> str | None:
    cols = list(fields)
    if given is not None:
        if given not in cols:
            raise _ReadError(f"no {what} field {given!r} (fields: {', '.join(cols)})")
        return given
    for name in wanted:
        if name in cols:
            return name
    return None


def _records_from_frame(
    frame: pd.DataFrame, source: str, text_field: str | None, id_field: str | None
) -> Iterator[_Record | tuple[str, str]]:
    tf = _pick(frame.columns, TEXT_FIELDS, text_field, "text")
    if tf is None:
        raise _ReadError(
            f"no text field: name it with text_field= (fields: {', '.join(map(str, frame.columns))})"
        )
    idf = _pick(frame.columns, ID_FIELDS, id_field, "id")
    for n, row in enumerate(frame.to_dict("records"), 1):
        text = row.pop(tf)
        rid = f"{source}#{n}" if idf is None else str(row.pop(idf))
        if text is None or (isinstance(text, float) and pd.isna(text)) or not str(text).strip():
            yield (rid, f"record {n} has an empty {tf!r} field")
            continue
        vars_ = {str(k): (None if _isna(v) else v) for k, v in row.items()}
        vars_["record"] = n
        yield _Record(rid, str(text), vars_)


def _isna(v: Any) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _read_records(
    path: Path, source: str, text_field: str | None, id_field: str | None, encoding: str | None
) -> tuple[Iterator[_Record | tuple[str, str]], str]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            frame = pd.read_parquet(path)
        except ImportError as exc:
            raise _ReadError(
                "reading .parquet needs pyarrow: pip install 'policytext[parquet]'"
            ) from exc
        except Exception as exc:
            raise _ReadError(f"not a readable Parquet file: {exc}") from exc
        return _records_from_frame(frame, source, text_field, id_field), "parquet"
    decoded = decode_bytes(path.read_bytes(), encoding=encoding)
    if suffix == ".csv":
        try:
            frame = pd.read_csv(io.StringIO(decoded.text), dtype=object, keep_default_na=False)
        except Exception as exc:
            raise _ReadError(f"not a readable CSV file: {exc}") from exc
        return _records_from_frame(frame, source, text_field, id_field), decoded.encoding
    rows: list[dict[str, Any]] = []
    bad: list[tuple[str, str]] = []
    for lineno, line in enumerate(decoded.text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append(
                (
                    f"{source}#line{lineno}",
                    f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})",
                )
            )
            continue
        if not isinstance(obj, dict):
            bad.append(
                (
                    f"{source}#line{lineno}",
                    f"line {lineno}: a JSON {type(obj).__name__}, not an object",
                )
            )
            continue
        rows.append(obj)
    frame = pd.DataFrame(rows)

    def gen() -> Iterator[_Record | tuple[str, str]]:
        yield from bad
        if len(frame):
            yield from _records_from_frame(frame, source, text_field, id_field)

    return gen(), decoded.encoding


# --- the reader ----------------------------------------------------------------------------


def _iter_files(root: Path, recursive: bool) -> list[Path]:
    it = root.rglob("*") if recursive else root.glob("*")
    files = [
        p
        for p in it
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def _load_sidecar(path: Path) -> pd.DataFrame:
    decoded = decode_bytes(path.read_bytes())
    frame = pd.read_csv(io.StringIO(decoded.text), dtype=object, keep_default_na=False)
    return _keyed_sidecar(frame, str(path))


def _keyed_sidecar(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    key = next((c for c in ("file", "path", "filename", "doc_id") if c in frame.columns), None)
    if key is None:
        raise ValueError(
            f"{source}: a metadata sidecar needs a 'file' (or 'path', 'filename', 'doc_id') column"
        )
    return frame.rename(columns={key: "_key"})


def read_corpus(
    path: str | os.PathLike[str],
    *,
    pattern: str | None = None,
    metadata: str | os.PathLike[str] | pd.DataFrame | None = None,
    text_field: str | None = None,
    id_field: str | None = None,
    encoding: str | None = None,
    recursive: bool = True,
    year_from_header: bool = True,
    clean: bool = False,
) -> Corpus:
    """Read a folder, a ``.jsonl``, a ``.csv`` or a ``.parquet`` file into a :class:`Corpus`.

    In a folder, ``.txt``, ``.md``, ``.html`` and ``.docx`` (and ``.pdf`` with a text
    layer) are one document each; ``.jsonl``/``.csv``/``.parquet`` hold one document per
    record.  Docvars:

    - ``doc_id``: the file's path relative to the folder, without its suffix (records:
      their ``id`` field, else ``{file}#{n}``); ``path``, ``format``, ``encoding``;
    - ``pattern``: fields parsed from the file name, e.g.
      ``"{year}政府工作报告_{speaker}*.txt"`` (``*`` matches anything);
    - ``metadata``: a sidecar CSV (or DataFrame) keyed by ``file``/``path``/``doc_id``;
      a ``metadata.csv`` in the folder is used automatically;
    - record fields of JSON Lines / CSV / Parquet;
    - ``year``: from the fields above, else a year in the file name, else (with
      ``year_from_header``) one in the first lines of the text; ``year_source`` says which.

    Files that cannot be read (binary, undecodable, empty) are left out and listed in
    ``corpus.problems`` with the reason; files read with a warning (a truncated UTF-8
    character) are kept and listed too.  ``clean=True`` runs :func:`policytext.clean` on
    every document.
    """
    frame, texts, _, problems = _read_archive(
        path, pattern=pattern, metadata=metadata, text_field=text_field, id_field=id_field, encoding=encoding,
        recursive=recursive, year_from_header=year_from_header, lazy=False,
    )
    corpus = Corpus(texts, frame, problems=problems)
    return corpus.clean() if clean else corpus


@dataclass(frozen=True)
class Archive:
    """An archive scanned without keeping its files' texts: docvars and problems as
    :func:`read_corpus` gives them, and for each document either its text (records of
    .jsonl/.csv/.parquet files) or ``(path, encoding)`` to read it again when needed.
    Batch runs read documents chunk by chunk from here, so memory does not hold the archive."""

    docvars: pd.DataFrame
    problems: pd.DataFrame
    sources: list[str | tuple[str, str | None]]

    @property
    def doc_ids(self) -> list[str]:
        return self.docvars["doc_id"].astype(str).tolist()

    def __len__(self) -> int:
        return len(self.sources)

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Archive:
        return cls(corpus.docvars, corpus.problems, list(corpus.texts))


def load_source(source: str | tuple[str, str | None]) -> str:
    """The text of one archive document (read again from its file when it is a path)."""
    if isinstance(source, str):
        return source
    text, _, _ = read_text_file(source[0], encoding=source[1])
    return text


def scan_archive(
    path: str | os.PathLike[str],
    *,
    pattern: str | None = None,
    metadata: str | os.PathLike[str] | pd.DataFrame | None = None,
    text_field: str | None = None,
    id_field: str | None = None,
    encoding: str | None = None,
    recursive: bool = True,
    year_from_header: bool = True,
) -> Archive:
    """Like :func:`read_corpus` (same docvars, same problems), but files' texts are not
    kept: each document's source says where to read it again (:func:`load_source`)."""
    frame, _, sources, problems = _read_archive(
        path, pattern=pattern, metadata=metadata, text_field=text_field, id_field=id_field, encoding=encoding,
        recursive=recursive, year_from_header=year_from_header, lazy=True,
    )
    return Archive(frame, problems, sources)


def _read_archive(
    path: str | os.PathLike[str],
    *,
    pattern: str | None,
    metadata: str | os.PathLike[str] | pd.DataFrame | None,
    text_field: str | None,
    id_field: str | None,
    encoding: str | None,
    recursive: bool,
    year_from_header: bool,
    lazy: bool,
) -> tuple[pd.DataFrame, list[str], list[str | tuple[str, str | None]], pd.DataFrame]:
    """Docvars, texts (only each file's first lines when ``lazy``), sources and problems."""
    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {root}")
    problems: list[dict[str, Any]] = []
    sources: dict[int, tuple[str, str | None]] = {}
    records: list[_Record] = []
    name_re = _compile_pattern(pattern) if pattern else None

    def problem(p: str, doc_id: str | None, level: str, reason: str) -> None:
        problems.append({"path": p, "doc_id": doc_id, "level": level, "reason": reason})

    if root.is_file():
        files, base = [root], root.parent
    else:
        files, base = _iter_files(root, recursive), root

    sidecar: pd.DataFrame | None = None
    if isinstance(metadata, pd.DataFrame):
        sidecar = _keyed_sidecar(metadata.astype(object), "the metadata DataFrame")
    elif metadata is not None:
        sidecar = _load_sidecar(Path(metadata))
    sidecar_paths = set()
    if root.is_dir():
        for name in SIDECAR_NAMES:
            candidate = root / name
            if candidate.is_file():
                sidecar_paths.add(candidate.resolve())
                if sidecar is None:
                    sidecar = _load_sidecar(candidate)
    if metadata is not None and not isinstance(metadata, pd.DataFrame):
        sidecar_paths.add(Path(metadata).resolve())

    sidecar_names = {p.name for p in sidecar_paths}
    for file in files:
        if file.name in sidecar_names and file.resolve() in sidecar_paths:  # resolve only candidates
            continue
        rel = file.relative_to(base).as_posix()
        suffix = file.suffix.lower()
        if suffix not in DOCUMENT_SUFFIXES and suffix not in RECORD_SUFFIXES:
            if root.is_file():
                suffix = ".txt"  # a single file named explicitly is read as text
            else:
                problem(rel, None, "skipped", f"unsupported file type {file.suffix or '(none)'!r}")
                continue
        try:
            if suffix in RECORD_SUFFIXES:
                gen, enc = _read_records(file, rel, text_field, id_field, encoding)
                for item in gen:
                    if isinstance(item, tuple):
                        problem(rel, item[0], "error", item[1])
                        continue
                    item.docvars.update(path=rel, format=suffix[1:], encoding=enc)
                    records.append(item)
                continue
            text, enc, warnings = read_text_file(file, encoding=encoding)
        except (DecodeProblem, _ReadError, ValueError) as exc:
            problem(rel, None, "error", str(exc))
            continue
        except OSError as exc:
            problem(rel, None, "error", f"cannot be read: {exc.strerror or exc}")
            continue
        doc_id = rel[: -len(file.suffix)] if file.suffix else rel
        if not text.strip():
            problem(rel, doc_id, "error", "empty document (no text after decoding)")
            continue
        for w in warnings:
            problem(rel, doc_id, "warning", w)
        longest = max(map(len, text.split("\n")))
        if longest > LONG_LINE:
            problem(
                rel,
                doc_id,
                "warning",
                f"a single line of {longest:,} characters (no paragraph breaks)",
            )
        vars_: dict[str, Any] = {"path": rel, "format": suffix[1:], "encoding": enc}
        if name_re is not None:
            m = name_re.fullmatch(file.name)
            if m:
                vars_.update(m.groupdict())
            else:
                problem(rel, doc_id, "warning", f"file name does not match pattern {pattern!r}")
        if lazy:  # keep what the header year needs; the text is read again when analysed
            sources[len(records)] = (str(file.resolve()), encoding)
            text = text[:HEADER_CHARS]
        records.append(_Record(doc_id, text, vars_))

    _rename_duplicates(records, problem)
    frame = pd.DataFrame([{"doc_id": r.doc_id, **r.docvars} for r in records])
    if not len(frame):
        frame = pd.DataFrame({"doc_id": pd.Series(dtype=object)})
    if sidecar is not None and len(frame):
        frame = _attach_sidecar(frame, sidecar, problem)
    texts = [r.text for r in records]
    if len(frame):
        years, year_sources = _years(frame, texts, year_from_header)
        frame["year"] = pd.array(years, dtype="Int64")
        frame["year_source"] = year_sources
    where: list[str | tuple[str, str | None]] = [sources.get(i, texts[i]) for i in range(len(records))]
    return frame, texts, where, pd.DataFrame(problems, columns=PROBLEM_COLUMNS)


_Problem = Callable[[str, "str | None", str, str], None]


def _rename_duplicates(records: list[_Record], problem: _Problem) -> None:
    """Keep every document: later ones with an id already seen get ``~2``, ``~3`` …"""
    seen: dict[str, int] = {}
    for rec in records:
        if rec.doc_id not in seen:
            seen[rec.doc_id] = 1
            continue
        seen[rec.doc_id] += 1
        new_id = f"{rec.doc_id}~{seen[rec.doc_id]}"
        problem(
            rec.docvars.get("path", ""),
            rec.doc_id,
            "warning",
            f"duplicate doc_id {rec.doc_id!r}, renamed {new_id!r}",
        )
        rec.doc_id = new_id


def _attach_sidecar(frame: pd.DataFrame, sidecar: pd.DataFrame, problem: _Problem) -> pd.DataFrame:
    """Join sidecar rows on a document's relative path, file name or doc_id; the sidecar
    fills what the file itself did not say."""
    extra = sidecar.drop_duplicates("_key")
    known = set(extra["_key"])
    keys: list[str | None] = []
    for path, doc_id in zip(frame["path"].astype(str), frame["doc_id"].astype(str)):
        keys.append(next((k for k in (path, Path(path).name, doc_id) if k in known), None))
    for k in sorted(known - set(keys), key=str):
        problem(str(k), None, "warning", "metadata row matches no document")
    frame = frame.assign(_key=pd.Series(keys, index=frame.index, dtype=object))
    clash = [c for c in extra.columns if c in frame.columns and c != "_key"]
    frame = frame.merge(extra, on="_key", how="left", suffixes=("", "_meta"))
    for c in clash:
        frame[c] = frame[c].where(frame[c].notna(), frame[f"{c}_meta"])
    return frame.drop(columns=["_key", *(f"{c}_meta" for c in clash)])


def _years(
    frame: pd.DataFrame, texts: list[str], from_header: bool
) -> tuple[list[int | None], list[str | None]]:
    """The year of each document: given in docvars > in a file's name > in the header."""
    given = frame["year"].tolist() if "year" in frame.columns else [None] * len(frame)
    years: list[int | None] = []
    sources: list[str | None] = []
    for value, path, fmt, text in zip(given, frame["path"], frame["format"], texts):
        year, source = _to_year(value), "docvars"
        if year is None and fmt not in RECORD_FORMATS:
            year, source = _filename_year(Path(str(path)).name), "file name"
        if year is None and from_header:
            year, source = _header_year(text), "header"
        years.append(year)
        sources.append(source if year is not None else None)
    return years, sources


def _to_year(v: Any) -> int | None:
    if v is None or _isna(v):
        return None
    s = unicodedata.normalize("NFKC", str(v)).strip()
    m = re.match(r"^(\d{4})", s)
    return int(m.group(1)) if m else None
