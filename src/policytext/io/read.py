"""Reading archives into a Corpus: a folder of files, or one file of records.

Every file is read by the reader its format has in the registry
(:mod:`policytext.io.readers`); its encoding is detected and recorded.  Docvars come from
a file-name pattern, a sidecar CSV and the fields of records; dates and years from those,
else from where a date belongs in the text (:mod:`policytext.io.dating`).  A file or a
record that cannot be read becomes a row of ``corpus.problems`` with its path and the
reason, and the rest of the archive is read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from policytext.errors import DependencyError, ReadError
from policytext.io.base import Entry, Fault, InputFile, Reader, find_surrogate, visible
from policytext.io.readers import fallback_reader, find_reader

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus
    from policytext.io.docvars import Doc

__all__ = ["LONG_LINE", "Archive", "Source", "load_source", "read_corpus", "read_text_file", "scan_archive"]

#: a line longer than this many characters is reported (a file without paragraph breaks)
LONG_LINE = 1_000_000

#: an archive document's text (records), or ``(OS path, encoding)`` to read it again
Source = str | tuple[str, str | None]
_PathArg = str | os.PathLike[str]


# --- one file ----------------------------------------------------------------------------


def _single_entry(reader: Reader, items: Iterable[Entry | Fault]) -> Entry:
    """The one document a reader of ``text`` yields, its warnings folded in."""
    entries: list[Entry] = []
    notes: list[str] = []
    for item in items:
        if isinstance(item, Entry):
            entries.append(item)
        elif item.level == "warning":
            notes.append(item.reason)
        else:
            raise ReadError(item.reason)
    if len(entries) != 1:
        raise ReadError(
            f"the {reader.format!r} reader yielded {len(entries)} documents where one was due"
        )
    entry = entries[0]
    entry.warnings = (*entry.warnings, *notes)
    if not reader.text_encoding:
        entry.encoding = ""
    return entry


def read_text_file(
    path: str | os.PathLike[str], *, encoding: str | None = None
) -> tuple[str, str, tuple[str, ...]]:
    """Text of one document file, its encoding, and any warnings.

    The reader is chosen by the file's extension, else by its content; a file neither
    recognises is read as plain text, and so is a file of records (.csv, .jsonl).

    Parameters
    ----------
    path : str or path-like
        The file.
    encoding : str, optional
        Its text encoding; ``None``: detect it.

    Returns
    -------
    text : str
        The document's text.
    encoding : str
        The encoding it was read in; ``""`` for formats whose bytes are not a text
        encoding (docx, pdf).
    warnings : tuple of str
        Notes about the input (a truncated UTF-8 character …).

    Raises
    ------
    ReadError
        The file cannot be read as a document (binary, undecodable, damaged, refused as
        a zip bomb); the message says why.
    DependencyError
        Its format needs an optional package that is not installed.
    OSError
        The file cannot be opened.
    """
    reader = find_reader(path)
    if reader is None or reader.yields != "text":
        reader = fallback_reader()
    os_path = os.fspath(path)
    entry = _single_entry(reader, reader.read(InputFile(os_path, visible(os_path), encoding)))
    return entry.text, entry.encoding, entry.warnings


def load_source(source: str | tuple[str, str | None]) -> str:
    """The text of one archive document (read again from its file when it is a path).

    Parameters
    ----------
    source : str or (str, str or None)
        An entry of :attr:`Archive.sources`: the text itself, or the file's OS path and
        the encoding to read it in.

    Returns
    -------
    str
        The document's text.

    Raises
    ------
    ReadError
        The file can no longer be read as a document.
    OSError
        The file cannot be opened.
    """
    if isinstance(source, str):
        return source
    text, _, _ = read_text_file(source[0], encoding=source[1])
    return text


# --- the archive ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Options:
    pattern: str | None = None
    metadata: str | os.PathLike[str] | pd.DataFrame | None = None
    text_field: str | None = None
    id_field: str | None = None
    encoding: str | None = None
    recursive: bool = True
    year_from_header: bool = True
    exclude: tuple[Path, ...] = ()


@dataclass
class _Scan:
    """What reading an archive has gathered so far."""

    options: _Options
    lazy: bool
    name_re: re.Pattern[str] | None = None
    docs: list[Doc] = field(default_factory=list)
    sources: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    problems: list[dict[str, Any]] = field(default_factory=list)

    def problem(self, path: str, doc_id: str | None, level: str, reason: str) -> None:
        # problems are written to CSV and Parquet too: no lone surrogate may reach them
        self.problems.append(
            {
                "path": visible(path),
                "doc_id": None if doc_id is None else visible(doc_id),
                "level": level,
                "reason": visible(reason),
            }
        )


def _resolved(path: str | os.PathLike[str]) -> Path:
    return Path(path).expanduser().resolve()


def _excluded(path: Path, exclude: tuple[Path, ...]) -> bool:
    real = path.resolve()
    return any(real == ex or ex in real.parents for ex in exclude)


def _list_files(root: Path, recursive: bool, exclude: tuple[Path, ...]) -> list[Path]:
    """The files to read, in the order of their relative paths; hidden files and folders,
    and everything under ``exclude``, left out."""
    if _excluded(root, exclude):
        return []
    if root.is_file():
        return [root]
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        real = here.resolve()
        # pruning in place keeps os.walk out of hidden and excluded folders altogether
        dirnames[:] = (
            [d for d in dirnames if not d.startswith(".") and real / d not in exclude]
            if recursive
            else []
        )
        for name in filenames:
            if name.startswith(".") or real / name in exclude:
                continue
            if os.path.isfile(here / name):  # not a FIFO or a broken link: reading would hang or fail
                found.append(here / name)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _load_sidecars(root: Path, scan: _Scan) -> tuple[pd.DataFrame | None, set[Path]]:
    """The metadata sidecar (given, or the first of SIDECAR_NAMES in the folder) and the
    files that are sidecars, which are not documents."""
    import pandas as pd

    from policytext.io import docvars as dv

    metadata = scan.options.metadata
    sidecar: pd.DataFrame | None = None
    paths: set[Path] = set()
    if isinstance(metadata, pd.DataFrame):
        sidecar = dv.keyed_sidecar(metadata.astype(object), "the metadata DataFrame")
    elif metadata is not None:
        sidecar = dv.load_sidecar(Path(metadata), scan.problem)
        paths.add(_resolved(metadata))
    candidates = [root / name for name in dv.SIDECAR_NAMES] if root.is_dir() else []
    for candidate in (c for c in candidates if c.is_file()):
        paths.add(candidate.resolve())
        if sidecar is None:
            try:
                sidecar = dv.load_sidecar(candidate, scan.problem)
            except (ValueError, OSError) as exc:
                # found, not asked for: a broken sidecar should not stop the archive
                scan.problem(candidate.name, None, "error", f"metadata sidecar not used: {exc}")
    return sidecar, paths


def _read_file(file: Path, base: Path, single: bool, scan: _Scan) -> None:
    """Read one file of the archive into ``scan`` (its documents, or its problems)."""
    name = visible(file.relative_to(base).as_posix())
    reader = find_reader(file)
    if reader is None and not single:
        scan.problem(
            name, None, "skipped",
            f"unsupported file type {visible(file.suffix) or '(none)'!r}: no reader knows its "
            "extension or recognises its content",
        )
        return
    reader = reader or fallback_reader()  # a single file named explicitly is read as text
    options = scan.options
    source = InputFile(str(file), name, options.encoding, options.text_field, options.id_field)
    try:
        items = list(reader.read(source))
    except (ValueError, DependencyError) as exc:  # ReadError is a ValueError
        scan.problem(name, None, "error", str(exc))
        return
    except OSError as exc:
        scan.problem(name, None, "error", f"cannot be read: {exc.strerror or exc}")
        return
    if reader.yields == "records":
        _add_records(items, reader, name, scan)
    else:
        _add_document(items, reader, file, name, scan)


def _unstorable(entry: Entry) -> str | None:
    """Why a document cannot be kept (a lone surrogate in its text), else ``None``; its
    id and docvars are made storable in place."""
    at = find_surrogate(entry.text)
    if at is not None:
        return f"the text holds a lone surrogate (U+{ord(entry.text[at]):04X}) at character {at}: not valid Unicode"
    if entry.doc_id is not None:
        entry.doc_id = visible(entry.doc_id)
    entry.docvars = {
        visible(str(k)): visible(v) if isinstance(v, str) else v for k, v in entry.docvars.items()
    }
    return None


def _add_records(items: list[Entry | Fault], reader: Reader, name: str, scan: _Scan) -> None:
    from policytext.io.docvars import Doc
    from policytext.io.duplicates import text_key

    if not items:
        scan.problem(name, None, "error", "no records: the file holds no data")
        return
    for n, item in enumerate(items, 1):
        if isinstance(item, Fault):
            scan.problem(name, item.doc_id, item.level, item.reason)
            continue
        reason = _unstorable(item)
        doc_id = item.doc_id or f"{name}#{n}"
        if reason is not None:
            scan.problem(name, doc_id, "error", reason)
            continue
        for note in item.warnings:
            scan.problem(name, doc_id, "warning", note)
        docvars = {
            **item.docvars,
            "path": name,
            "format": reader.format,
            "encoding": item.encoding if reader.text_encoding else "",
        }
        scan.docs.append(Doc(doc_id, item.text, docvars, name_year=False, key=text_key(item.text)))


def _add_document(items: list[Entry | Fault], reader: Reader, file: Path, name: str, scan: _Scan) -> None:
    from policytext.io.docvars import Doc, edges
    from policytext.io.duplicates import text_key

    suffix = PurePosixPath(name).suffix
    doc_id = name[: -len(suffix)] if suffix else name
    try:
        entry = _single_entry(reader, items)
    except ReadError as exc:
        scan.problem(name, None, "error", str(exc))
        return
    reason = _unstorable(entry)
    if reason is None and not entry.text.strip():
        reason = "empty document (no text after decoding)"
    doc_id = entry.doc_id or doc_id
    if reason is not None:
        scan.problem(name, doc_id, "error", reason)
        return
    for note in entry.warnings:
        scan.problem(name, doc_id, "warning", note)
    longest = max(map(len, entry.text.split("\n")))
    if longest > LONG_LINE:
        scan.problem(name, doc_id, "warning", f"a single line of {longest:,} characters (no paragraph breaks)")
    own = {"path": name, "format": reader.format, "encoding": entry.encoding}
    docvars = {**own, **{k: v for k, v in entry.docvars.items() if k not in own}}
    from_name = _pattern_fields(name, doc_id, scan)
    docvars.update(from_name)
    text = entry.text
    ends, key = edges(text), text_key(text)
    if scan.lazy:  # keep the head and tail dates need; the text is read again when analysed
        scan.sources[len(scan.docs)] = (str(file.resolve()), scan.options.encoding)
        text = ""
    scan.docs.append(Doc(doc_id, text, docvars, name_fields=frozenset(from_name), edges=ends, key=key))


def _pattern_fields(name: str, doc_id: str, scan: _Scan) -> dict[str, Any]:
    from policytext.io.docvars import pattern_fields

    if scan.name_re is None:
        return {}
    base = PurePosixPath(name).name
    m = scan.name_re.fullmatch(base)
    if m is None:
        scan.problem(name, doc_id, "warning", f"file name does not match pattern {scan.options.pattern!r}")
        return {}
    return pattern_fields(base, m)


def _faithful_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    """Records as a DataFrame whose values are the records' own: a column with an empty cell
    stays of object dtype (pandas would turn its integers into floats and a 2**60 into
    1.15e18); a full column gets the dtype its values share (int64, float64, bool, text)."""
    import pandas as pd

    frame = pd.DataFrame(records, dtype=object)
    for column in frame.columns:
        values = frame[column]
        if not values.isna().any():
            inferred = values.infer_objects()
            if inferred.dtype.kind != "f" or all(isinstance(v, float) for v in values):  # no int turned float
                frame[column] = inferred
    return frame


def _docvars_frame(scan: _Scan, sidecar: pd.DataFrame | None) -> pd.DataFrame:
    import pandas as pd

    from policytext.io import docvars as dv
    from policytext.io.duplicates import find_duplicates

    dv.rename_duplicates(scan.docs, scan.problem)
    frame = _faithful_frame([{"doc_id": d.doc_id, **d.docvars} for d in scan.docs])
    if not len(frame):
        return pd.DataFrame({"doc_id": pd.Series(dtype=object)})
    keys = [d.key if d.key is not None else d.text for d in scan.docs]
    frame["duplicate_of"] = pd.Series(find_duplicates([d.doc_id for d in scan.docs], keys), index=frame.index, dtype=object)
    from_sidecar: dict[str, list[bool]] = {}
    if sidecar is not None:
        before = frame
        frame = dv.attach_sidecar(frame, sidecar, scan.problem)
        for column in (c for c in sidecar.columns if c != "_key"):
            mine = before[column].notna() if column in before.columns else pd.Series(False, index=frame.index)
            from_sidecar[column] = (frame[column].notna() & ~mine).tolist()
    return dv.years(
        frame, scan.docs, from_text=scan.options.year_from_header, sidecar=from_sidecar, problem=scan.problem
    )


def _read_archive(
    path: str | os.PathLike[str], options: _Options, *, lazy: bool
) -> tuple[pd.DataFrame, list[str], list[Source], pd.DataFrame, list[tuple[str, str]]]:
    """Docvars, texts (none of files' when ``lazy``), sources, problems and edges."""
    import pandas as pd

    from policytext.corpus import PROBLEM_COLUMNS
    from policytext.io.docvars import compile_pattern, edges

    root = Path(path)
    if not root.exists():
        raise FileNotFoundError(f"no such file or folder: {visible(str(root))}")
    scan = _Scan(options, lazy, compile_pattern(options.pattern) if options.pattern else None)
    sidecar, sidecar_paths = _load_sidecars(root, scan)
    sidecar_names = {p.name for p in sidecar_paths}
    single = root.is_file()
    base = root.parent if single else root
    for file in _list_files(root, options.recursive, options.exclude):
        if file.name in sidecar_names and file.resolve() in sidecar_paths:  # resolve only candidates
            continue
        _read_file(file, base, single, scan)
    frame = _docvars_frame(scan, sidecar)
    texts = [d.text for d in scan.docs]
    where: list[Source] = [scan.sources.get(i, text) for i, text in enumerate(texts)]
    ends = [d.edges if d.edges is not None else edges(d.text) for d in scan.docs]
    return frame, texts, where, pd.DataFrame(scan.problems, columns=PROBLEM_COLUMNS), ends


def _options(exclude: _PathArg | Iterable[_PathArg] | None, **kwargs: Any) -> _Options:
    if exclude is None:
        paths: tuple[Path, ...] = ()
    elif isinstance(exclude, (str, os.PathLike)):
        paths = (_resolved(exclude),)
    else:
        paths = tuple(_resolved(p) for p in exclude)
    return _Options(exclude=paths, **kwargs)


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
    exclude: _PathArg | Iterable[_PathArg] | None = None,
) -> Corpus:
    """Read a folder, or one file (``.jsonl``, ``.csv``, ``.parquet``, a document), into a Corpus.

    In a folder, every file is read by the reader of its format (see
    :func:`~policytext.io.readers.list_readers`): ``.txt``, ``.md``, ``.html``, ``.docx``
    and ``.pdf`` (with a text layer) are one document each; ``.jsonl``/``.csv``/
    ``.parquet`` hold one document per record.  A file whose extension no reader claims is
    read when its content is recognised (a PDF, a Word document, an HTML page), and is
    otherwise listed as skipped.

    Docvars:

    - ``doc_id``: the file's path relative to the folder, without its extension
      (records: their ``id`` field, else ``{file}#{n}``); ``path``; ``format`` (the
      container: txt, md, html, docx, pdf, csv, jsonl, parquet); ``encoding`` (the text
      encoding, ``""`` for docx, pdf and parquet).  Undecodable bytes of a file name are
      written out (``\\xff``), so docvars can be stored;
    - ``pattern``: fields parsed from the file name, e.g.
      ``"{year}政府工作报告_{speaker}*.txt"`` (``*`` matches anything);
    - ``metadata``: a sidecar CSV (or DataFrame) keyed by ``file``/``path``/``doc_id``;
      a ``metadata.csv`` in the folder is used automatically;
    - record fields of JSON Lines / CSV / Parquet, and ``record`` (its position);
    - ``date`` (ISO ``YYYY-MM-DD``, or ``YYYY-MM``/``YYYY`` when that is all that is
      known), ``year``, ``year_source`` (``column``, ``sidecar``, ``file name``,
      ``header``, ``dateline``, ``document number``, ``signature``, ``title``) and
      ``year_note`` (why there is no year): from a date- or year-named field (``date``,
      ``发布日期``, ``成文日期``, ``时间``, ``year``, ``年份`` …; ROC dates too), else a year in
      the file name, else (with ``year_from_header``) where a date belongs in the text —
      the header, a dateline, the document number, the date signed at the end, a work
      report's title — never a plan horizon, a historical mention or a site's posting
      line (see :mod:`policytext.io.dating`); ``date_signed``: the full date ending the
      text; ``doc_type``: its genre (report, resolution, speech, notice, opinion, plan,
      regulation, law, decision, letter, record, other; :mod:`policytext.io.doctype`).

    ``corpus.problems`` lists what was left out or noted, with ``level``: ``error``
    (unreadable, binary, undecodable, damaged or empty files; records with invalid JSON,
    a lone surrogate, or more or fewer fields than the CSV header — the rest of the file
    is read), ``skipped`` (files that are not documents, records with an empty text) and
    ``warning`` (kept with a note: a truncated UTF-8 character, a duplicate id, a date
    value that cannot be read, a year or place of the metadata the text contradicts …).

    Parameters
    ----------
    path : str or path-like
        A folder, or one file.
    pattern : str, optional
        Docvars from file names (see above).
    metadata : str, path-like or pandas.DataFrame, optional
        A sidecar of docvars keyed by file.
    text_field, id_field : str, optional
        The record fields holding the text and the id (default: ``text``, ``content``,
        ``body``, ``正文``, ``内容``, ``全文``; ``doc_id``, ``id``).
    encoding : str, optional
        Read every text file in this encoding instead of detecting it.
    recursive : bool
        Read subfolders too.
    year_from_header : bool
        Read the text where a date belongs (header, dateline, document number, date
        signed, title): for the year of documents whose metadata give none, to make a
        metadata year's ``date`` precise, and to warn when the text contradicts it.
    clean : bool
        Run :func:`policytext.clean` on every document.
    exclude : path or iterable of paths, optional
        Files and folders never read (the output folder of a run inside its input
        folder).  Hidden files and folders are never read either.

    Returns
    -------
    Corpus
        The documents, their docvars and the problems.

    Raises
    ------
    FileNotFoundError
        ``path`` does not exist.
    ReadError
        ``metadata`` names a sidecar that cannot be read.
    ConfigError
        ``pattern`` cannot be compiled.
    """
    from policytext.corpus import Corpus

    options = _options(
        exclude, pattern=pattern, metadata=metadata, text_field=text_field, id_field=id_field,
        encoding=encoding, recursive=recursive, year_from_header=year_from_header,
    )
    frame, texts, _, problems, _ = _read_archive(path, options, lazy=False)
    corpus = Corpus(texts, frame, problems=problems)
    return corpus.clean() if clean else corpus


@dataclass(frozen=True)
class Archive:
    """An archive scanned without keeping its files' texts.

    Batch runs read documents chunk by chunk from here, so memory does not hold the archive.

    Attributes
    ----------
    docvars : pandas.DataFrame
        As :func:`read_corpus` gives them.
    problems : pandas.DataFrame
        As :func:`read_corpus` gives them.
    sources : list
        For each document, its text (records of .jsonl/.csv/.parquet files) or
        ``(OS path, encoding)`` to read it again (:func:`load_source`).  The path is the
        real one, undecodable bytes of its name included, unlike the ``path`` docvar.
    edges : list of (str, str)
        For each document, the head (first :data:`~policytext.io.docvars.HEAD_CHARS` =
        3,000 characters) and the tail (last :data:`~policytext.io.docvars.TAIL_CHARS` =
        2,000) of its text as read, before cleaning: where its header, its date signed and
        a scraped page's furniture stand.  A short text's head and tail overlap.
    """

    docvars: pd.DataFrame
    problems: pd.DataFrame
    sources: list[str | tuple[str, str | None]]
    edges: list[tuple[str, str]] = field(default_factory=list)

    @property
    def doc_ids(self) -> list[str]:
        """The documents' ids, in order."""
        return self.docvars["doc_id"].astype(str).tolist()

    def __len__(self) -> int:
        return len(self.sources)

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Archive:
        """An archive of a corpus already in memory (its texts are the sources).

        Parameters
        ----------
        corpus : Corpus
            The corpus.

        Returns
        -------
        Archive
            Its docvars, problems, texts and their edges.
        """
        from policytext.io.docvars import edges

        return cls(corpus.docvars, corpus.problems, list(corpus.texts), [edges(t) for t in corpus.texts])


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
    exclude: _PathArg | Iterable[_PathArg] | None = None,
) -> Archive:
    """Like :func:`read_corpus` (same docvars, same problems), but files' texts are not kept.

    Each document's source says where to read it again (:func:`load_source`).

    Parameters
    ----------
    path, pattern, metadata, text_field, id_field, encoding, recursive, year_from_header, exclude
        As for :func:`read_corpus`.

    Returns
    -------
    Archive
        Docvars, problems, and a source per document.

    Raises
    ------
    FileNotFoundError
        ``path`` does not exist.
    ReadError
        ``metadata`` names a sidecar that cannot be read.
    ConfigError
        ``pattern`` cannot be compiled.
    """
    options = _options(
        exclude, pattern=pattern, metadata=metadata, text_field=text_field, id_field=id_field,
        encoding=encoding, recursive=recursive, year_from_header=year_from_header,
    )
    frame, _, sources, problems, ends = _read_archive(path, options, lazy=True)
    return Archive(frame, problems, sources, ends)
