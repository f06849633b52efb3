"""Page furniture: what a site, a viewer or a printer put around a document (the ``furniture`` step).

Scraped pages carry the site's header (title, ``时间：… 作者：… 阅读：175 评论：0``), a
``内容摘要：`` teaser that repeats the first paragraph cut off with ``......``, and a tail of
share buttons, ``上一篇/下一篇``, related articles, ``阅读排行`` and tag clouds; PDFs and
gazettes carry page numbers (``— 3 —``, ``第3页``). None of it is the document's text.

Two kinds of evidence find it, and only at a document's edges:

- **shape**, which needs nothing but the line: page-number lines, ``【字号：大 中 小】``,
  lines made of menu and share words only (``下载 打印 全屏 收藏``, ``QQ空间``), a site's
  navigation and footer lines (``上一篇：``, ``相关文章``, ``版权所有``), and metadata lines
  (a read or comment count, or two fields such as ``时间：`` and ``来源：`` on one line);
- **frequency** across the archive, learned by :class:`Furniture`: line shapes (white
  space dropped, digits masked, so ``阅读：175`` and ``阅读：8`` are one) that recur at the
  edges of at least ``min_share`` of the documents (and ``min_documents``), and that stand
  there inside blocks of furniture (``purity``), not alone: a title (``政府工作报告``) or a
  signature (``国务院``) opens or closes many documents too, but on its own.

A *run* is read from each edge inward: furniture lines, blank lines, and up to
``max_gap`` short lines between two furniture lines (an article title in a list of related
articles); it stops at the first line of content. It is removed when it holds a line
found by shape or ``min_lines`` lines found by frequency. Headings, dates standing alone,
lines opening with a dash (``——2022年1月27日在…会议上``) and a salutation followed by prose
(``各位代表：``, ``各省、自治区、直辖市人民政府，国务院各部委、各直属机构：``) are content
and stop a run, however often they recur. After the header run, a teaser — a paragraph
ending in ``......`` or ``…`` whose letters are, but for a few, the start of the text that
follows it — goes too. Page-number lines are removed wherever they stand.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from policytext.cleaning import resources as R
from policytext.cleaning.wraps import ends_sentence, is_heading_line, starts_own_line
from policytext.offsets import Edit

__all__ = ["Furniture", "FurnitureEdit", "fit_furniture", "furniture_edits", "line_shape"]

#: the kinds of line a run is read from
BLANK, SHAPE, FREQUENT, GAP, CONTENT = "blank", "shape", "frequent", "gap", "content"

#: the serialised form's version: a change of what a model means changes its digest
FORMAT_VERSION = 1


@dataclass(frozen=True)
class FurnitureEdit(Edit):
    """An edit of the furniture step, with what it removed and why."""

    reason: str = ""


def line_shape(line: str) -> str:
    """The shape a line is counted by: white space dropped, digit runs masked as ``#``,
    runs of question marks or replacement characters as one ``?``.

    >>> line_shape("阅读： 175"), line_shape("时间：2023-03-30????\\t作者：中国县域")
    ('阅读：#', '时间：#-#-#?作者：中国县域')
    """
    shape = R.SHAPE_SPACE.sub("", line)
    shape = R.SHAPE_DIGITS.sub("#", shape)
    return R.SHAPE_LOST.sub("?", shape)


# --- what a line is, by shape alone ---------------------------------------------------------


def _menu_line(s: str) -> bool:
    tokens = [t for t in R.MENU_SPLIT.split(s) if t]
    if not tokens or not all(t in R.MENU_WORDS for t in tokens):
        return False
    return len(tokens) > 1 or len(tokens[0]) > 1


def _field_line(s: str) -> bool:
    if len(s) > R.FIELD_LINE_MAX or "。" in s:
        return False
    return R.WEB_FIELD.search(s) is not None or len(R.ANY_FIELD.findall(s)) >= 2


def by_shape(s: str) -> bool:
    """Whether the stripped line ``s`` is page furniture by its shape alone."""
    if len(s) > R.FIELD_LINE_MAX:  # every such line is short
        return False
    if R.PAGE_LINE.match(s) or R.FONT_SIZE.search(s) or R.RULE_LINE.fullmatch(s):
        return True
    if len(s) <= R.NAV_MAX and R.NAV_LINE.match(s):
        return True
    return _menu_line(s) or _field_line(s)


def _prose(line: str | None) -> bool:
    if line is None:
        return False
    s = line.strip()
    return len(s) >= R.PROSE_MIN and R.PROSE_MARK.search(s) is not None and not R.TEASER_END.search(s)


def is_content(line: str, following: str | None) -> bool:
    """Lines that are the document's own however often they recur: headings, a date alone,
    a line opening with a dash, a salutation (a line ending in a colon) followed by prose."""
    s = line.strip()
    if is_heading_line(line) or R.DATE_LINE.fullmatch(s) or R.DASH_LINE.match(s):
        return True
    return R.SALUTATION_END.search(s) is not None and _prose(following)


def classify(line: str, following: str | None, shapes: frozenset[str]) -> str:
    """The kind of ``line`` in a run: BLANK, SHAPE, FREQUENT, GAP or CONTENT. ``following``
    is the next non-blank line in the text, ``shapes`` the frequent shapes of this edge."""
    s = line.strip()
    if not s:
        return BLANK
    if by_shape(s):
        return SHAPE
    if is_content(line, following):
        return CONTENT
    if shapes and len(s) <= R.SHAPE_MAX and line_shape(s) in shapes:
        return FREQUENT
    if R.NUMBER_LINE.fullmatch(s):
        return BLANK
    return GAP if len(s) <= R.GAP_MAX and R.GAP_STOP.search(s) is None else CONTENT


@dataclass(frozen=True)
class _Run:
    """A run read from an edge: its first ``size`` lines (counted from the edge)."""

    size: int
    by_shape: int
    frequent: tuple[int, ...]  # indices (from the edge) of the lines found by frequency

    def removable(self, min_lines: int) -> bool:
        return self.by_shape > 0 or len(self.frequent) >= min_lines


def _scan(kinds: Sequence[str], max_gap: int) -> _Run:
    """The run at the start of ``kinds`` (ordered from the edge inward)."""
    last, gaps, shaped = -1, 0, 0
    frequent: list[int] = []
    for i, kind in enumerate(kinds):
        if kind == BLANK:
            continue
        if kind in (SHAPE, FREQUENT):
            last, gaps = i, 0
            shaped += kind == SHAPE
            if kind == FREQUENT:
                frequent.append(i)
        elif kind == GAP and gaps < max_gap:
            gaps += 1
        else:
            break
    return _Run(last + 1, shaped, tuple(frequent))


def _followers(lines: Sequence[str], after: str | None) -> list[str | None]:
    """For each line, the next non-blank line (``after`` for the last ones)."""
    out: list[str | None] = [None] * len(lines)
    nxt = after
    for i in range(len(lines) - 1, -1, -1):
        out[i] = nxt
        if lines[i].strip():
            nxt = lines[i]
    return out


def _kinds(lines: Sequence[str], after: str | None, shapes: frozenset[str]) -> list[str]:
    """Kinds of ``lines`` (in text order); ``after`` is the first line after them."""
    return [classify(line, f, shapes) for line, f in zip(lines, _followers(lines, after))]


# --- the model ------------------------------------------------------------------------------


def _edge_lines(item: str | tuple[str, str], head_chars: int, tail_chars: int) -> tuple[list[str], list[str]]:
    """The complete lines of a document's head and tail (a line cut by the window is left out)."""
    if isinstance(item, str):
        head, tail = item[:head_chars], item[-tail_chars:] if tail_chars else ""
        cut_head, cut_tail = len(item) > head_chars, len(item) > tail_chars
    elif isinstance(item, tuple) and len(item) == 2 and all(isinstance(x, str) for x in item):
        head, tail = item
        cut_head, cut_tail = len(head) >= head_chars, len(tail) >= tail_chars
    else:
        raise TypeError(f"fit takes texts or (head, tail) pairs of texts, not {type(item).__name__}")
    head_lines, tail_lines = head.split("\n"), tail.split("\n")
    if cut_head and len(head_lines) > 1:
        head_lines.pop()
    if cut_tail and len(tail_lines) > 1:
        tail_lines.pop(0)
    return head_lines, tail_lines


def _document_frequency(docs: Sequence[list[str]]) -> Counter[str]:
    df: Counter[str] = Counter()
    for lines in docs:
        df.update({line_shape(s) for s in (x.strip() for x in lines) if s and len(s) <= R.SHAPE_MAX})
    return df


class Furniture:
    """The page furniture of one archive, learned from its documents' edges.

    Parameters are kept as given (scikit-learn style); :meth:`fit` sets the learned
    attributes ``head_shapes_``, ``tail_shapes_`` (frozensets of :func:`line_shape`
    strings) and ``n_documents_``. An unfitted model finds furniture by shape only.
    The model pickles, and :meth:`to_json` / :meth:`from_json` carry it as text;
    :meth:`digest` names its content (a cache key).

    Parameters
    ----------
    min_share, min_documents : float, int
        A shape is frequent when it stands at the head (or tail) of at least this share
        of the documents, and of at least this many.
    purity : float
        ... and when at least this share of those occurrences lies inside a removable run.
    head_chars, tail_chars : int
        How much of each document's start and end is its edge (fit and removal alike).
    max_gap : int
        Short lines of other kinds bridged between two furniture lines.
    min_lines : int
        Lines found by frequency that make a run removable without one found by shape.

    Examples
    --------
    >>> bodies = ["今年经济稳中有进。", "粮食产量再创新高。", "就业形势总体稳定。", "居民收入持续增长。"]
    >>> docs = [f"市政府门户网站\\n政务公开\\n政策解读\\n{b}\\n相关链接\\n联系电话：{n}\\n技术支持：某公司"
    ...         for n, b in enumerate(bodies)]
    >>> model = Furniture().fit(docs)
    >>> sorted(model.head_shapes_), sorted(model.tail_shapes_)
    (['市政府门户网站', '政务公开', '政策解读'], ['联系电话：#'])
    >>> [e.reason for e in model.edits(docs[0])]  # doctest: +NORMALIZE_WHITESPACE
    ['page furniture at the start: 3 line(s), 0 by shape, 3 recurring in the archive',
     'page furniture at the end: 3 line(s), 2 by shape, 1 recurring in the archive']
    """

    def __init__(
        self,
        *,
        min_share: float = 0.1,
        min_documents: int = 3,
        purity: float = 0.5,
        head_chars: int = 3000,
        tail_chars: int = 2000,
        max_gap: int = 3,
        min_lines: int = 3,
    ) -> None:
        self.min_share = min_share
        self.min_documents = min_documents
        self.purity = purity
        self.head_chars = head_chars
        self.tail_chars = tail_chars
        self.max_gap = max_gap
        self.min_lines = min_lines
        self.head_shapes_: frozenset[str] = frozenset()
        self.tail_shapes_: frozenset[str] = frozenset()
        self.n_documents_: int = 0

    # scikit-learn's protocol, so the model sits in a Pipeline's parameters
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The parameters, as given."""
        return {k: getattr(self, k) for k in _PARAMS}

    def set_params(self, **params: Any) -> Furniture:
        """Change parameters (the learned state stays until the next :meth:`fit`)."""
        unknown = set(params) - set(_PARAMS)
        if unknown:
            raise ValueError(f"unknown parameter(s) of Furniture: {', '.join(sorted(unknown))}")
        for k, v in params.items():
            setattr(self, k, v)
        return self

    def fit(self, texts: Iterable[str | tuple[str, str]]) -> Furniture:
        """Learn the archive's frequent edge shapes.

        Parameters
        ----------
        texts : iterable of str or of (str, str)
            The archive's documents, whole, or as ``(head, tail)`` pairs of their first
            and last characters (``head_chars`` and ``tail_chars`` of them are enough;
            a line the cut goes through is left out).

        Returns
        -------
        Furniture
            ``self``, with ``head_shapes_``, ``tail_shapes_`` and ``n_documents_`` set.
        """
        edges = [_edge_lines(t, self.head_chars, self.tail_chars) for t in texts]
        heads = [h for h, _ in edges]
        tails = [t for _, t in edges]
        need = max(self.min_documents, math.ceil(self.min_share * len(edges)))
        self.head_shapes_ = self._learn(heads, need, reverse=False)
        self.tail_shapes_ = self._learn(tails, need, reverse=True)
        self.n_documents_ = len(edges)
        return self

    def _learn(self, docs: list[list[str]], need: int, *, reverse: bool) -> frozenset[str]:
        """Frequent shapes that stand inside removable runs often enough; a shape dropped
        may leave another alone, so this repeats until nothing changes (a few rounds)."""
        df = _document_frequency(docs)
        shapes = frozenset(s for s, n in df.items() if n >= need)
        for _ in range(_ROUNDS):
            if not shapes:
                break
            inside: Counter[str] = Counter()
            for lines in docs:
                for shape in self._run_shapes(lines, shapes, reverse=reverse):
                    inside[shape] += 1
            kept = frozenset(s for s in shapes if inside[s] >= need and inside[s] >= self.purity * df[s])
            if kept == shapes:
                break
            shapes = kept
        return shapes

    def _run_shapes(self, lines: list[str], shapes: frozenset[str], *, reverse: bool) -> set[str]:
        """Shapes of the frequent lines inside the removable run of ``lines`` (text order),
        read from the end when ``reverse``."""
        kinds = _kinds(lines, None, shapes)
        run = _scan(kinds[::-1] if reverse else kinds, self.max_gap)
        if not run.removable(self.min_lines):
            return set()
        return {line_shape(lines[-1 - i if reverse else i].strip()) for i in run.frequent}

    # --- serialisation ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The model as plain data (parameters, learned shapes sorted)."""
        return {
            "model": "policytext.Furniture",
            "version": FORMAT_VERSION,
            "params": self.get_params(),
            "n_documents": self.n_documents_,
            "head_shapes": sorted(self.head_shapes_),
            "tail_shapes": sorted(self.tail_shapes_),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Furniture:
        """The model :meth:`to_dict` described."""
        if data.get("model") != "policytext.Furniture" or data.get("version") != FORMAT_VERSION:
            raise ValueError(f"not a policytext furniture model of version {FORMAT_VERSION}")
        model = cls(**data["params"])
        model.head_shapes_ = frozenset(data["head_shapes"])
        model.tail_shapes_ = frozenset(data["tail_shapes"])
        model.n_documents_ = int(data["n_documents"])
        return model

    def to_json(self) -> str:
        """The model as JSON text (stable: equal models give equal text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Furniture:
        return cls.from_dict(json.loads(text))

    def digest(self) -> str:
        """SHA-256 of :meth:`to_json`: equal for equal models, in any process."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Furniture) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]  # mutable (fit), so not hashable

    def __repr__(self) -> str:
        learned = f", fitted on {self.n_documents_} documents" if self.n_documents_ else ""
        shapes = f": {len(self.head_shapes_)} head and {len(self.tail_shapes_)} tail shapes" if learned else ""
        return f"Furniture({', '.join(f'{k}={v!r}' for k, v in self.get_params().items())}){learned}{shapes}"

    # --- removal ---------------------------------------------------------------------------

    def edits(self, text: str) -> list[Edit]:
        """The edits removing the furniture of ``text``."""
        return furniture_edits(text, self)


#: rounds of dropping shapes that stand alone (each round drops some, or ends the fit)
_ROUNDS = 8

_PARAMS = ("min_share", "min_documents", "purity", "head_chars", "tail_chars", "max_gap", "min_lines")


def fit_furniture(texts: Iterable[str | tuple[str, str]], **params: Any) -> Furniture:
    """The furniture model of an archive: ``Furniture(**params).fit(texts)``.

    Parameters
    ----------
    texts : iterable of str or of (str, str)
        The archive's documents, or ``(head, tail)`` pairs of their edges.
    **params
        :class:`Furniture`'s parameters (``min_share``, ``min_documents``, ``purity``,
        ``head_chars``, ``tail_chars``, ``max_gap``, ``min_lines``).

    Returns
    -------
    Furniture
        The fitted model; pass it as ``clean(text, furniture=model)``.
    """
    return Furniture(**params).fit(texts)


# --- removal from one text ------------------------------------------------------------------


@dataclass(frozen=True)
class _Lines:
    """Lines of a zone of a text, with the offset each starts at."""

    lines: list[str]
    starts: list[int]

    def end(self, i: int) -> int:
        return self.starts[i] + len(self.lines[i])


def _head_lines(text: str, limit: int) -> _Lines:
    lines: list[str] = []
    starts: list[int] = []
    pos = 0
    while pos < min(len(text), limit):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        lines.append(text[pos:stop])
        starts.append(pos)
        pos = stop + 1
    return _Lines(lines, starts)


def _tail_lines(text: str, limit: int, floor: int) -> _Lines:
    """The lines of the last ``limit`` characters (the first one whole), none before
    ``floor``, in text order."""
    lo = max(floor, len(text) - limit)
    start = max(floor, text.rfind("\n", 0, lo) + 1)
    lines = text[start:].split("\n")
    starts: list[int] = []
    for line in lines:
        starts.append(start)
        start += len(line) + 1
    return _Lines(lines, starts)


def _line_after(text: str, pos: int) -> str | None:
    """The first non-blank line starting at or after ``pos``."""
    while pos < len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        if text[pos:stop].strip():
            return text[pos:stop]
        pos = stop + 1
    return None


def _skip_blank(text: str, pos: int) -> int:
    """The start of the first non-blank line at or after ``pos`` (the text's end if none)."""
    while pos < len(text):
        stop = text.find("\n", pos)
        if stop < 0:
            return pos if text[pos:].strip() else len(text)
        if text[pos:stop].strip():
            return pos
        pos = stop + 1
    return len(text)


def _normal(text: str) -> str:
    return R.TEASER_DROP.sub("", text)


def _teaser_at(text: str, pos: int) -> int | None:
    """If a teaser starts at ``pos`` (its label perhaps on a line of its own), where it ends."""
    stop = text.find("\n", pos)
    stop = len(text) if stop < 0 else stop
    label = R.TEASER_LABEL.match(text, pos, stop)
    if label and label.end() == stop:  # the label alone: the teaser is the next line
        pos = _skip_blank(text, stop + 1)
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        label = None
    line = text[label.end() if label else pos : stop]
    if len(line) > 3 * R.TEASER_MAX:
        return None
    end = R.TEASER_END.search(line)
    if end is None:
        return None
    teaser = _normal(line[: end.start()])[: R.TEASER_MAX]
    if len(teaser) < R.TEASER_MIN:
        return None
    # what follows, compared on letters and digits (a teaser joins the paragraphs it cut
    # and loses the line breaks and spaces; a lost character or an entity may differ)
    following = _normal(text[stop : stop + 3 * len(line) + 200])[: len(teaser) + 40]
    matched = sum(b.size for b in SequenceMatcher(None, teaser, following, autojunk=False).get_matching_blocks())
    allowed = max(R.TEASER_MIN_DIFF, int(R.TEASER_TOLERANCE * len(teaser)))
    return stop if matched >= len(teaser) - allowed else None


def _through_newline(text: str, pos: int) -> int:
    return pos + 1 if pos < len(text) and text[pos] == "\n" else pos


def _teaser_after(text: str, pos: int, max_gap: int) -> tuple[int, int] | None:
    """``(start, end)`` of a teaser after the header that ends at ``pos``: its label, or
    the teaser itself, among the next few lines (numbers alone passed over)."""
    for _ in range(max_gap + 1):
        pos = _skip_blank(text, pos)
        if pos >= len(text):
            return None
        end = _teaser_at(text, pos)
        if end is not None:
            return pos, end
        stop = text.find("\n", pos)
        if stop < 0 or not R.NUMBER_LINE.fullmatch(text[pos:stop].strip()):
            return None
        pos = stop + 1
    return None


def _head_edits(text: str, model: Furniture) -> list[FurnitureEdit]:
    zone = _head_lines(text, model.head_chars)
    after = _line_after(text, zone.end(len(zone.lines) - 1) + 1) if zone.lines else None
    run = _scan(_kinds(zone.lines, after, model.head_shapes_), model.max_gap)
    edits: list[FurnitureEdit] = []
    pos = 0
    if run.size and run.removable(model.min_lines):
        pos = _skip_blank(text, _through_newline(text, zone.end(run.size - 1)))
        edits.append(FurnitureEdit(0, pos, "", _describe("start", run)))
    teaser = _teaser_after(text, pos, model.max_gap)
    if teaser is not None:
        start, end = teaser
        if edits and start > pos:  # what lay between (a count) belongs to the header
            edits[-1] = FurnitureEdit(0, start, "", edits[-1].reason)
        stop = _skip_blank(text, _through_newline(text, end))
        edits.append(FurnitureEdit(start, stop, "", "teaser repeating the opening of the text"))
    return edits


def _tail_edit(text: str, model: Furniture, floor: int) -> FurnitureEdit | None:
    zone = _tail_lines(text, model.tail_chars, floor)
    if not zone.lines:
        return None
    kinds = _kinds(zone.lines, None, model.tail_shapes_)
    run = _scan(kinds[::-1], model.max_gap)
    if not run.size or not run.removable(model.min_lines):
        return None
    first = len(zone.lines) - run.size
    start = zone.starts[first]
    # the break and blank lines before the run go with it
    while start > floor and text[start - 1] in "\n \t\u3000\r":
        start -= 1
    return FurnitureEdit(start, len(text), "", _describe("end", run))


def _describe(edge: str, run: _Run) -> str:
    return (
        f"page furniture at the {edge}: {run.size} line(s), {run.by_shape} by shape, "
        f"{len(run.frequent)} recurring in the archive"
    )


def _page_line_edits(text: str, lo: int, hi: int) -> list[FurnitureEdit]:
    """Page-number lines between ``lo`` and ``hi``, each with the blank lines around it
    (a page break in the middle of a sentence leaves one line break, which the
    ``soft_line_breaks`` step can then join); lines back to back are one edit."""
    spans: list[list[int]] = []
    for m in R.PAGE_LINE.finditer(text, lo, hi):
        start, stop = m.start(), m.end()
        while start > lo and text[start - 1] in "\n \t\u3000\r":
            start -= 1
        stop = min(hi, _skip_blank(text, _through_newline(text, stop)))
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], stop)
        else:
            spans.append([start, stop])
    return [
        FurnitureEdit(start, stop, _page_break(text, start, stop) if lo < start and stop < hi else "",
                      _page_reason(text[start:stop]))
        for start, stop in spans
    ]


def _page_break(text: str, start: int, stop: int) -> str:
    """What stands where the page-number lines ``text[start:stop]`` went: one line break
    inside a sentence (the page cut it: the ``soft_line_breaks`` step may join it), else a
    blank line if one stood there (a paragraph or a turn ended with the page)."""
    removed = text[start:stop]
    if removed.count("\n") < 2 or not any(not line.strip() for line in removed.split("\n")[1:-1]):
        return "\n"
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after_end = text.find("\n", stop)
    after = text[stop : len(text) if after_end < 0 else after_end]
    inside = not ends_sentence(before.rstrip()) and not starts_own_line(after)
    return "\n" if inside else "\n\n"


def _page_reason(removed: str) -> str:
    pages = len(R.PAGE_LINE.findall(removed))
    images = removed.count("[")  # placeholders are the bracketed kind
    kinds = [f"{n} {what}" for n, what in ((pages - images, "page number(s)"), (images, "image placeholder(s)")) if n]
    return ", ".join(kinds)


def furniture_edits(text: str, model: Furniture | None = None) -> list[Edit]:
    """Edits removing the page furniture of ``text``.

    Parameters
    ----------
    text : str
        One document.
    model : Furniture, optional
        The archive's fitted model; without one, furniture is found by shape only.

    Returns
    -------
    list of Edit
        Sorted, non-overlapping :class:`FurnitureEdit` s (each with its ``reason``): the run
        at the start, the teaser after it, page-number lines, the run at the end.

    >>> t = "下载 打印 全屏 收藏\\n【字号：大 中 小】\\n正文第一段。\\n— 2 —\\n正文第二段。"
    >>> [(e.start, e.end, e.reason.split(":")[0]) for e in furniture_edits(t)]
    [(0, 23, 'page furniture at the start'), (29, 36, '1 page number(s)')]
    """
    model = model if model is not None else _SHAPES_ONLY
    head = _head_edits(text, model)
    floor = head[-1].end if head else 0
    tail = _tail_edit(text, model, floor)
    ceiling = tail.start if tail else len(text)
    return [*head, *_page_line_edits(text, floor, ceiling), *([tail] if tail else [])]


#: the model of no archive: furniture by shape only
_SHAPES_ONLY = Furniture()
