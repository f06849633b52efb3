"""Cleaning: named steps that repair a text, with an explanation of what each one changed.

Every step is a pure function from a text to a list of :class:`~policytext.offsets.Edit`;
:func:`clean` applies the enabled steps in order, keeps what they removed, and keeps an
:class:`~policytext.offsets.Alignment` so that every position of the cleaned text points
back into the original.  Steps and their defaults live in :class:`CleanConfig`.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policytext.cleaning import resources as R
from policytext.cleaning.spin import SpinReference, despin, load_spin_table, spin_score
from policytext.errors import ConfigError
from policytext.offsets import Alignment, Edit, apply_edits

if TYPE_CHECKING:
    from policytext.cleaning.spin import Repair, SpinScore

#: the values of the despin step, in the API, the CLI and CleanConfig alike
DESPIN_MODES = ("off", "auto", "on")

__all__ = [
    "DESPIN_MODES",
    "STEPS",
    "CleanConfig",
    "CleanResult",
    "Mask",
    "Removed",
    "SpinReference",
    "StepReport",
    "clean",
    "despin",
    "load_spin_table",
    "spin_score",
]


@dataclass(frozen=True)
class CleanConfig:
    """Which cleaning steps run.  Every step is on by default.

    - ``unicode_nfc``: Unicode NFC normalisation.
    - ``zero_width``: remove zero-width characters, stray BOMs, soft hyphens, direction marks.
    - ``site_preamble``: remove a scraping site's preamble line at the top
      (前言:本站為你精心整理了…).
    - ``licence_footer``: remove a trailing licence footer (Wikisource's 本作品…公有领域…
      Public domain).
    - ``soft_line_breaks``: join lines broken inside a sentence, in texts whose paragraphs
      are separated by blank lines (wiki artefacts around former links).
    - ``blank_lines``: collapse runs of blank lines into one, strip trailing white space.
    - ``fullwidth_alnum``: full-width digits, Latin letters, ％ and the decimal point between
      digits to half-width; Chinese punctuation stays.
    - ``flag_masks``: report ``*`` / ``＊`` / ``□□`` masks as spans (they stay in the text).
    - ``despin`` (off by default): repair synonym spinning (题目 for 问题 …, see
      :mod:`policytext.cleaning.spin`): ``"auto"`` repairs a text its spin score judges
      spun and leaves others alone, ``"on"`` repairs every hit, ``"off"`` does not look
      (the same three values as ``policytext analyze --despin``).
      ``result.spin`` holds the score and its evidence whenever it was computed.
    """

    unicode_nfc: bool = True
    zero_width: bool = True
    site_preamble: bool = True
    licence_footer: bool = True
    soft_line_breaks: bool = True
    blank_lines: bool = True
    fullwidth_alnum: bool = True
    flag_masks: bool = True
    despin: str = "off"

    def __post_init__(self) -> None:
        if self.despin not in DESPIN_MODES:
            raise ConfigError(f"despin must be one of {', '.join(map(repr, DESPIN_MODES))}, not {self.despin!r}")

    def replace(self, **changes: bool | str) -> CleanConfig:
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"unknown cleaning step(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]  # checked by __post_init__


@dataclass(frozen=True)
class StepReport:
    """What one step did: how many places it changed, and what it does."""

    name: str
    changes: int
    description: str


@dataclass(frozen=True)
class Removed:
    """Text a step removed, with its offsets in the original text."""

    step: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mask:
    """A masked word (``*``), with offsets in the cleaned text and in the original, and its
    text as the original writes it."""

    start: int
    end: int
    original_start: int
    original_end: int
    text: str


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text, what changed it, what was removed, and the way back."""

    text: str
    original: str
    steps: tuple[StepReport, ...]
    removed: tuple[Removed, ...]
    masks: tuple[Mask, ...]
    alignment: Alignment
    spin: SpinScore | None = None  # the spin score, when the despin step looked
    # the despin step's repairs, with offsets into the original and why each was made
    spin_repairs: tuple[Repair, ...] = ()

    @property
    def changed_by(self) -> tuple[str, ...]:
        """Names of the steps that changed the text, in the order they ran."""
        return tuple(s.name for s in self.steps if s.changes)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the cleaned span ``[start, end)``."""
        return self.alignment.span(start, end)

    def explain(self) -> str:
        """A human-readable account of the steps that changed the text."""
        lines = [
            f"{s.name}: {s.changes} change(s) — {s.description}" for s in self.steps if s.changes
        ]
        for r in self.removed:
            preview = r.text if len(r.text) <= 40 else r.text[:37] + "…"
            lines.append(f"  removed by {r.step} at [{r.start}, {r.end}): {preview!r}")
        if self.masks:
            lines.append(f"masks flagged: {len(self.masks)}")
        return "\n".join(lines) if lines else "no step changed the text"


# --- steps: each takes a text and returns the edits it would make -------------------------


def nfc_edits(text: str) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = text[i:j]
        normal = unicodedata.normalize("NFC", piece)
        if normal != piece:
            edits.append(Edit(i, j, normal))
        i = j
    return edits


def zero_width_edits(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "") for m in R.ZERO_WIDTH.finditer(text)]


def site_preamble_edits(text: str) -> list[Edit]:
    lead = len(text) - len(text.lstrip())
    m = R.SITE_PREAMBLE.match(text, lead)
    return [Edit(m.start(), m.end(), "")] if m else []


def licence_footer_edits(text: str) -> list[Edit]:
    window_start = max(0, len(text) - R.FOOTER_WINDOW)
    m = R.LICENCE_FOOTER.search(text, window_start)
    if not m:
        return []
    # the footer starts at the beginning of its line
    start = text.rfind("\n", 0, m.start()) + 1
    while start > 0 and text[start - 1] in "\n \t\u3000":
        start -= 1
    return [Edit(start, len(text), "\n" if start > 0 else "")]


def soft_line_break_edits(text: str) -> list[Edit]:
    # Only where blank lines separate paragraphs: there a lone break is an artefact.
    blank = len(R.BLANK_LINE.findall(text))
    lone = text.count("\n") - 2 * blank
    if blank == 0 or blank < lone / 4:
        return []
    # both patterns need a non-space character on each side, so a match is never part
    # of a blank line; a break both patterns match is removed once
    starts: dict[int, Edit] = {}
    for pattern in (R.SOFT_BREAK, R.SOFT_BREAK_AFTER_OPEN):
        for m in pattern.finditer(text):
            starts.setdefault(m.start(), Edit(m.start(), m.end(), ""))
    return [starts[k] for k in sorted(starts)]


def blank_line_edits(text: str) -> list[Edit]:
    edits = [Edit(m.start(), m.end(), "\n\n") for m in R.EXTRA_BLANK_LINES.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in R.TRAILING_SPACE.finditer(text)]
    edits.sort(key=lambda e: e.start)
    out: list[Edit] = []
    for e in edits:
        if out and e.start < out[-1].end:
            continue
        out.append(e)
    return out


def fullwidth_alnum_edits(text: str) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), chr(ord(m.group()) - 0xFEE0))
        for m in R.FULLWIDTH_ALNUM.finditer(text)
    ]


_Step = tuple[str, Callable[[str], list[Edit]], str]

STEPS: tuple[_Step, ...] = (
    ("unicode_nfc", nfc_edits, "Unicode NFC normalisation"),
    ("zero_width", zero_width_edits, "removed zero-width and invisible characters"),
    ("site_preamble", site_preamble_edits, "removed the scraping site's preamble line"),
    ("licence_footer", licence_footer_edits, "removed the trailing licence footer"),
    ("soft_line_breaks", soft_line_break_edits, "joined lines broken inside a sentence"),
    ("blank_lines", blank_line_edits, "collapsed blank lines and trailing white space"),
    ("fullwidth_alnum", fullwidth_alnum_edits, "full-width digits and Latin to half-width"),
)

#: steps whose removed text is worth keeping (the rest only drop white space or invisibles)
_KEEP_REMOVED = {"site_preamble", "licence_footer"}


def clean(
    text: str, *, config: CleanConfig | None = None, spin_reference: SpinReference | None = None, **steps: bool | str
) -> CleanResult:
    """Clean ``text`` and explain which named steps changed it.

    Steps can be switched off by name (``clean(text, licence_footer=False)``) or with a
    :class:`CleanConfig`.  Nothing is lost: removed text is in ``result.removed`` and
    ``result.to_original`` maps any cleaned span back to the original. ``spin_reference``
    (a fitted :class:`~policytext.cleaning.spin.SpinReference`) refines where the
    ``despin`` step repairs.

    >>> r = clean("ＧＤＰ增长５％\\u200b")
    >>> r.text, r.changed_by
    ('GDP增长5%', ('zero_width', 'fullwidth_alnum'))
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    cfg = config or CleanConfig()
    if steps:
        cfg = cfg.replace(**steps)
    current = text
    alignment = Alignment.identity(len(text))
    reports: list[StepReport] = []
    removed: list[Removed] = []
    for name, make_edits, description in STEPS:
        if not getattr(cfg, name):
            continue
        edits = make_edits(current)
        if not edits:
            reports.append(StepReport(name, 0, description))
            continue
        if name in _KEEP_REMOVED:
            for e in edits:
                s, t = alignment.span(e.start, e.end)
                removed.append(Removed(name, s, t, text[s:t]))
        current, step_alignment = apply_edits(current, edits)
        alignment = alignment.then(step_alignment)
        reports.append(StepReport(name, len(edits), description))
    spin = None
    spin_repairs: tuple[Repair, ...] = ()
    if cfg.despin != "off":
        # last, on the cleaned text: the rules read words, not markup or line breaks
        fixed = despin(current, force=cfg.despin == "on", reference=spin_reference)
        spin = fixed.score
        reports.append(StepReport("despin", len(fixed.repairs), "repaired synonym spinning (题目 → 问题 …)"))
        if fixed.repairs:
            spin_repairs = tuple(
                dataclasses.replace(r, start=s, end=t, found=text[s:t])
                for r in fixed.repairs for s, t in [alignment.span(r.start, r.end)]
            )
            current, alignment = fixed.text, alignment.then(fixed.alignment)
    masks: list[Mask] = []
    if cfg.flag_masks:
        for m in R.MASK.finditer(current):
            s, t = alignment.span(m.start(), m.end())
            # the surface as the source has it (an invisible character removed inside a mask
            # stays part of what the source wrote there)
            masks.append(Mask(m.start(), m.end(), s, t, text[s:t]))
    return CleanResult(current, text, tuple(reports), tuple(removed), tuple(masks), alignment, spin, spin_repairs)
