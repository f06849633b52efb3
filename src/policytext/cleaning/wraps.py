"""Hard wraps: line breaks inside a sentence, joined (the ``soft_line_breaks`` step).

A text reaches us with line breaks of two kinds: the ones that end a paragraph, a heading
or a speaker's turn, and the ones a layout put inside a sentence — a PDF, a gazette or a
plain-text file wrapped at a fixed width, or a wiki that broke a line where a link was.
The second kind splits words (发\\n展) and must go; the first must stay.

A break is joined when the line before it does not end a sentence (no 。！？；：… before
it, closing quotes and brackets looked through) and is not a heading, the next line is
not blank, not a heading (一、 （一） 1. 第一条), not a list item, not a speaker turn
(主席： 院長蘇貞昌：), and the text says the break is a wrap:

- the line before it is *full*: the text is wrapped at a width most of its lines reach,
  and this line reaches it (or the next line's first word would not have fitted);
- the next line carries the text's *hanging indentation*: the indentation that lines
  after a full line have and paragraph starts do not (a gazette indents continuation
  lines by two spaces and paragraphs by three);
- the text separates its paragraphs by blank lines, so a lone break is an artefact
  (the wiki case this step was first written for);
- the line ends in clause punctuation (，、) or an opening bracket, which never ends
  a paragraph, or the next line starts with a closing bracket or punctuation, which
  never starts one; or the line ends in a hyphen after a Latin letter or digit
  (COVID-\\n19).

A line that is short in a text that is not wrapped (a title, a date, a signature) keeps
its break: nothing says it was wrapped. Everything is decided per line from counts over
the whole text, so the step is linear in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from policytext.cleaning import resources as R
from policytext.offsets import Edit

__all__ = ["display_width", "ends_sentence", "is_heading_line", "soft_line_break_edits", "starts_own_line"]

#: characters two columns wide: CJK, Hangul, full-width forms (a C-speed count)
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def display_width(line: str) -> int:
    """Columns ``line`` takes in a monospaced layout (a CJK character takes two)."""
    return 2 * len(line) - len(_WIDE.sub("", line))


def ends_sentence(line: str) -> bool:
    """Whether ``line`` (right-stripped) ends in sentence-final punctuation, closing quotes
    and brackets looked through (。」 ends a sentence, a bare ） does not)."""
    i = len(line) - 1
    while i >= 0 and line[i] in R.CLOSING:
        i -= 1
    return i >= 0 and line[i] in R.SENTENCE_FINAL


def is_heading_line(line: str) -> bool:
    """A numbered heading standing alone: 一、2019年工作回顾, （二）主要任务, 第一章 总则.
    Short, with words after its number (a number alone is a wiki artefact), no sentence
    end in it and no clause mark at its end (a numbered item that runs on is a paragraph).

    >>> is_heading_line("一、2019年工作回顾"), is_heading_line("一、"), is_heading_line("四、项目，")
    (True, False, False)
    """
    stripped = line.rstrip()
    m = R.HEADING_START.match(stripped)
    return (
        m is not None
        and m.end() < len(stripped)
        and len(stripped.lstrip()) <= R.HEADING_MAX
        and R.SENTENCE_INSIDE.search(stripped) is None
        and stripped[-1] not in R.CLAUSE
    )


def _indent(line: str) -> str:
    m = R.INDENT.match(line)
    return m.group() if m else ""


@dataclass(frozen=True)
class _Layout:
    """What the whole text says about its line breaks."""

    blank_paragraphs: bool  # paragraphs are separated by blank lines
    width: int | None  # the wrap width in columns, if the text is wrapped
    hanging: str | None  # the indentation of continuation lines, if it is their own

    def full(self, prev_width: int, nxt: str) -> bool:
        """Whether a line ``prev_width`` columns wide was wrapped: it reaches the width, or
        ``nxt``'s first word would not have fitted after it."""
        if self.width is None or prev_width < R.WRAP_MIN_WIDTH:
            return False
        body = nxt.lstrip(" \t\u3000")
        m = R.FIRST_WORD.match(body)
        word = m.group() if m else body[:1]
        return prev_width + display_width(word) >= self.width - R.WRAP_SLACK // 2


def _wrap_width(widths: list[int]) -> int | None:
    """The width most lines reach (within WRAP_SLACK columns), if enough of them do."""
    counts = Counter(w for w in widths if w >= R.WRAP_MIN_WIDTH)
    if sum(counts.values()) < R.WRAP_MIN_LINES:
        return None
    best, best_width = 0, None
    for w in sorted(counts):
        reach = sum(counts.get(x, 0) for x in range(w - R.WRAP_SLACK, w + 1))
        if reach >= best:  # ties go to the wider: the width is the top of the cluster
            best, best_width = reach, w
    if best < max(R.WRAP_MIN_LINES, R.WRAP_SHARE * len(widths)):
        return None
    return best_width


def _hanging(lines: list[str], widths: list[int], layout: _Layout) -> str | None:
    """The indentation continuation lines have (after a full line that ends no sentence),
    when paragraph starts (after a sentence end) rarely have it."""
    continuation: Counter[str] = Counter()
    starts: Counter[str] = Counter()
    for k, (prev, nxt) in enumerate(pairwise(lines)):
        p = prev.rstrip()
        if not p or not nxt.strip():
            continue
        if ends_sentence(p):
            starts[_indent(nxt)] += 1
        elif layout.full(widths[k], nxt):
            continuation[_indent(nxt)] += 1
    total = sum(continuation.values())
    if total < R.INDENT_MIN_SAMPLES:
        return None
    indent, n = continuation.most_common(1)[0]
    if n < R.INDENT_SHARE * total or starts[indent] > (1 - R.INDENT_SHARE) * sum(starts.values()):
        return None
    return indent


def _layout(text: str, lines: list[str], widths: list[int]) -> _Layout:
    # Blank lines separate paragraphs when there are enough of them: then a lone break
    # cannot be a paragraph break (the rule of the step's first version, kept).
    blank = len(R.BLANK_LINE.findall(text))
    lone = text.count("\n") - 2 * blank
    blank_paragraphs = blank > 0 and blank >= lone / 4
    layout = _Layout(blank_paragraphs, _wrap_width([w for w, line in zip(widths, lines) if line.strip()]), None)
    if layout.width is None:
        return layout
    return _Layout(blank_paragraphs, layout.width, _hanging(lines, widths, layout))


def starts_own_line(nxt: str) -> bool:
    """Whether a line starts something of its own: a heading, a list item, a paragraph
    indented with ideographic spaces, or a speaker turn."""
    return _next_is_new(nxt) or R.SPEAKER.match(nxt) is not None


def _next_is_new(nxt: str) -> bool:
    """The next line starts something of its own: a heading, a list item, or a paragraph
    indented with ideographic spaces."""
    return bool(R.HEADING_START.match(nxt) or R.LIST_ITEM.match(nxt) or nxt.startswith("\u3000"))


def _starts_own(p: str, nxt: str) -> bool:
    """``p`` is a heading, or ``nxt`` starts something of its own (a heading, an item, an
    indented paragraph). A speaker turn is not asked here: after a line cut at the width,
    a line starting 報告後決定：… is the sentence going on."""
    return is_heading_line(p) or _next_is_new(nxt)


def _joins(prev: str, prev_width: int, nxt: str, layout: _Layout) -> bool:
    """Whether the break between ``prev`` and ``nxt`` is inside a sentence."""
    p = prev.rstrip()
    if not p or not nxt.strip():
        return False
    last = p[-1]
    if last in R.OPENING or nxt.lstrip(" \t\u3000")[0] in R.NO_LINE_START:
        return True
    if ends_sentence(p):
        return False
    full = layout.full(prev_width, nxt)
    if layout.hanging is not None:
        # the text marks its continuation lines: a line without the mark is not one,
        # unless the line before it was cut at the width (where a heading's shape at the
        # start of the next line is the sentence going on: 決議\n  (十三)辦理情形)
        if not full and _starts_own(p, nxt):
            return False
        return full or _indent(nxt) == layout.hanging
    if _starts_own(p, nxt):
        return False
    if full:
        return True
    if R.SPEAKER.match(nxt):
        return False
    hyphen = last == "-" and len(p) > 1 and p[-2].isascii() and p[-2].isalnum()
    return hyphen or layout.blank_paragraphs or last in R.CLAUSE


def _separator(before: str, after: str) -> str:
    # Latin words wrapped at a space get their space back; CJK and digits join directly
    # (PM\n2.5 is PM2.5, 发\n展 is 发展).
    if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
        return " "
    return ""


def _structural(prev: str, nxt: str, layout: _Layout) -> bool:
    """A break kept in a hard-wrapped text after a line that ends no sentence: a table row,
    a field label, a title line. In such a text a single line break means a wrap, so a
    break that is not one becomes a paragraph break (what it is)."""
    p = prev.rstrip()
    return layout.width is not None and bool(p) and bool(nxt.strip()) and not ends_sentence(p)


def soft_line_break_edits(text: str) -> list[Edit]:
    """Edits joining the line breaks of ``text`` that fall inside a sentence.

    Parameters
    ----------
    text : str
        One document, any script.

    Returns
    -------
    list of Edit
        One edit per break joined: the break with the white space around it becomes
        nothing (or a space between two Latin letters); in a hard-wrapped text, a break
        kept after a line that ends no sentence (a table row, a field label, a title)
        becomes a paragraph break.

    >>> from policytext.offsets import apply_edits
    >>> apply_edits("我们贯彻了《\\n环境保护法\\n》。\\n\\n一、总体要求\\n\\n继续推进。",
    ...             soft_line_break_edits("我们贯彻了《\\n环境保护法\\n》。\\n\\n一、总体要求\\n\\n继续推进。"))[0]
    '我们贯彻了《环境保护法》。\\n\\n一、总体要求\\n\\n继续推进。'
    """
    if "\n" not in text:
        return []
    lines = text.split("\n")
    widths = [display_width(line.rstrip("\r")) for line in lines]
    layout = _layout(text, lines, widths)
    edits: list[Edit] = []
    pos = 0
    for k, (prev, nxt) in enumerate(pairwise(lines)):
        end_of_prev = pos + len(prev)
        pos = end_of_prev + 1
        if not _joins(prev, widths[k], nxt, layout):
            if _structural(prev, nxt, layout):
                # the break itself becomes two, so both map back to it (nothing is invented)
                edits.append(Edit(end_of_prev, end_of_prev + 1, "\n\n"))
            continue
        kept = prev.rstrip()
        body = nxt.lstrip(" \t\u3000")
        start, stop = pos - len(prev) - 1 + len(kept), pos + len(nxt) - len(body)
        edits.append(Edit(start, stop, _separator(kept[-1], body[0])))
    return edits
