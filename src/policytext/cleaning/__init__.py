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
from policytext.cleaning.furniture import Furniture, fit_furniture, furniture_edits
from policytext.cleaning.lost import lost_char_edits
from policytext.cleaning.spin import SpinReference, despin, load_spin_table, spin_score
from policytext.cleaning.wraps import soft_line_break_edits
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
    "Furniture",
    "Mask",
    "Removed",
    "SpinReference",
    "StepReport",
    "clean",
    "despin",
    "fit_furniture",
    "load_spin_table",
    "spin_score",
]


@dataclass(frozen=True)
class CleanConfig:
    """Which cleaning steps run.  Every step is on by default.

    Parameters
    ----------
    unicode_nfc : bool
        Unicode NFC normalisation.
    zero_width : bool
        Remove zero-width characters, stray BOMs, soft hyphens, direction marks.
    site_preamble : bool
        Remove a scraping site's preamble line at the top (前言:本站為你精心整理了…).
    licence_footer : bool
        Remove a trailing licence footer (Wikisource's 本作品…公有领域… Public domain).
    furniture : bool
        Remove page furniture at the document's edges — a site's header and tail, menus,
        share buttons, ``上一篇/下一篇``, a ``内容摘要`` teaser — and page-number lines
        anywhere (:mod:`policytext.cleaning.furniture`). By shape alone, unless
        ``clean(text, furniture=model)`` passes a :class:`Furniture` fitted on the archive,
        which adds the lines that recur at the edges of its documents.
    lost_chars : bool
        Replace each run of ``??``/``？？`` that stands for characters a failed
        re-encoding lost by one U+FFFD; ``result.lost_chars`` counts the question marks
        replaced (:mod:`policytext.cleaning.lost`).
    soft_line_breaks : bool
        Join lines broken inside a sentence — hard wraps of a text wrapped at a fixed
        width (PDF, gazette), wiki artefacts around former links — but never before a
        heading, a list item, a speaker turn or a blank line
        (:mod:`policytext.cleaning.wraps`).
    blank_lines : bool
        Collapse runs of blank lines into one, strip trailing white space.
    fullwidth_alnum : bool
        Full-width digits, Latin letters, ％ and the decimal point between digits to
        half-width; Chinese punctuation stays.
    flag_masks : bool
        Report ``*`` / ``＊`` / ``□□`` masks as spans (they stay in the text).
    despin : {"off", "auto", "on"}
        Repair synonym spinning (题目 for 问题 …, see :mod:`policytext.cleaning.spin`);
        off by default. ``"auto"`` repairs a text its spin score judges spun and leaves
        others alone, ``"on"`` repairs every hit, ``"off"`` does not look (the same three
        values as ``policytext analyze --despin``). ``result.spin`` holds the score and
        its evidence whenever it was computed.

    Raises
    ------
    policytext.ConfigError
        When ``despin`` is not one of :data:`DESPIN_MODES`.

    Examples
    --------
    >>> CleanConfig(blank_lines=False).replace(despin="auto").despin
    'auto'
    """

    unicode_nfc: bool = True
    zero_width: bool = True
    site_preamble: bool = True
    licence_footer: bool = True
    furniture: bool = True
    lost_chars: bool = True
    soft_line_breaks: bool = True
    blank_lines: bool = True
    fullwidth_alnum: bool = True
    flag_masks: bool = True
    despin: str = "off"

    def __post_init__(self) -> None:
        if self.despin not in DESPIN_MODES:
            raise ConfigError(f"despin must be one of {', '.join(map(repr, DESPIN_MODES))}, not {self.despin!r}")

    def replace(self, **changes: bool | str) -> CleanConfig:
        """A copy with some steps changed.

        Parameters
        ----------
        **changes : bool or str
            Step names and their new values (``despin`` takes a mode).

        Returns
        -------
        CleanConfig

        Raises
        ------
        TypeError
            When a name is not a step.
        policytext.ConfigError
            When ``despin`` is not one of :data:`DESPIN_MODES`.
        """
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise TypeError(f"unknown cleaning step(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]  # checked by __post_init__


@dataclass(frozen=True)
class StepReport:
    """What one step did: how many places it changed, and what it does.

    Attributes
    ----------
    name : str
        The step (a field of :class:`CleanConfig`).
    changes : int
        Places it changed (0: it ran and changed nothing).
    description : str
        What it does.
    """

    name: str
    changes: int
    description: str


@dataclass(frozen=True)
class Removed:
    """Text a step removed, with its offsets in the original text, and why (the
    furniture step says what it found: the site's header, a teaser, a page number).

    Attributes
    ----------
    step : str
        The step that removed it.
    start, end : int
        Its offsets in the original text.
    text : str
        The text removed, as the original has it.
    reason : str
        What the furniture step found (``""`` for other steps).
    """

    step: str
    start: int
    end: int
    text: str
    reason: str = ""


@dataclass(frozen=True)
class Mask:
    """A masked word (``*``), with offsets in the cleaned text and in the original, and its
    text as the original writes it.

    Attributes
    ----------
    start, end : int
        Offsets in the cleaned text.
    original_start, original_end : int
        Offsets in the original text.
    text : str
        The mask as the original writes it.
    """

    start: int
    end: int
    original_start: int
    original_end: int
    text: str


@dataclass(frozen=True)
class CleanResult:
    """The cleaned text, what changed it, what was removed, and the way back.

    Attributes
    ----------
    text : str
        The cleaned text.
    original : str
        The text as given.
    steps : tuple of StepReport
        Every step that ran, in order, with how many places it changed.
    removed : tuple of Removed
        Text the preamble, footer and furniture steps removed, with offsets in the
        original and why.
    masks : tuple of Mask
        Masked words (``*``, ``□□``), with offsets in the cleaned text and the original.
    alignment : Alignment
        From the cleaned text back to the original.
    spin : SpinScore or None
        The spin score, when the despin step looked.
    spin_repairs : tuple of Repair
        The despin step's repairs, with offsets into the original and why each was made.
    lost_chars : int
        Characters the source lost (question marks the ``lost_chars`` step replaced).
    """

    text: str
    original: str
    steps: tuple[StepReport, ...]
    removed: tuple[Removed, ...]
    masks: tuple[Mask, ...]
    alignment: Alignment
    spin: SpinScore | None = None  # the spin score, when the despin step looked
    # the despin step's repairs, with offsets into the original and why each was made
    spin_repairs: tuple[Repair, ...] = ()
    # characters the source lost (question marks the lost_chars step replaced)
    lost_chars: int = 0

    @property
    def changed_by(self) -> tuple[str, ...]:
        """Names of the steps that changed the text, in the order they ran."""
        return tuple(s.name for s in self.steps if s.changes)

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the cleaned span ``[start, end)``.

        Parameters
        ----------
        start, end : int
            A span of the cleaned text.

        Returns
        -------
        tuple of int
            ``(start, end)`` in the original.

        Raises
        ------
        IndexError
            When the span is not inside the cleaned text.
        """
        return self.alignment.span(start, end)

    def explain(self) -> str:
        """A human-readable account of the steps that changed the text."""
        lines = [
            f"{s.name}: {s.changes} change(s) — {s.description}" for s in self.steps if s.changes
        ]
        for r in self.removed:
            preview = r.text if len(r.text) <= 40 else r.text[:37] + "…"
            why = f" — {r.reason}" if r.reason else ""
            lines.append(f"  removed by {r.step} at [{r.start}, {r.end}): {preview!r}{why}")
        if self.lost_chars:
            lines.append(f"characters lost by the source: {self.lost_chars}")
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
    if start == 0:  # a footer follows a text: one at the top of a short text is not one
        return []
    return [Edit(start, len(text), "\n")]


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
    ("furniture", furniture_edits, "removed page furniture (site header and tail, teaser, page numbers)"),
    ("lost_chars", lost_char_edits, "marked characters the source lost (runs of ?) with U+FFFD"),
    ("soft_line_breaks", soft_line_break_edits, "joined lines broken inside a sentence"),
    ("blank_lines", blank_line_edits, "collapsed blank lines and trailing white space"),
    ("fullwidth_alnum", fullwidth_alnum_edits, "full-width digits and Latin to half-width"),
)

#: steps whose removed text is worth keeping (the rest only drop white space or invisibles)
_KEEP_REMOVED = {"site_preamble", "licence_footer", "furniture"}


@dataclass
class _Progress:
    """The text as the steps leave it, and what they did so far."""

    current: str
    alignment: Alignment
    reports: list[StepReport] = dataclasses.field(default_factory=list)
    removed: list[Removed] = dataclasses.field(default_factory=list)
    lost_chars: int = 0


def _step_edits(name: str, make_edits: Callable[[str], list[Edit]], text: str, model: Furniture | None) -> list[Edit]:
    if name == "furniture":
        return furniture_edits(text, model)
    return make_edits(text)


def _run_steps(text: str, cfg: CleanConfig, model: Furniture | None) -> _Progress:
    done = _Progress(text, Alignment.identity(len(text)))
    for name, make_edits, description in STEPS:
        if not getattr(cfg, name):
            continue
        edits = _step_edits(name, make_edits, done.current, model)
        if not edits:
            done.reports.append(StepReport(name, 0, description))
            continue
        if name in _KEEP_REMOVED:
            for e in edits:
                s, t = done.alignment.span(e.start, e.end)
                done.removed.append(Removed(name, s, t, text[s:t], getattr(e, "reason", "")))
        if name == "lost_chars":
            done.lost_chars = sum(e.end - e.start for e in edits)
        done.current, step_alignment = apply_edits(done.current, edits)
        done.alignment = done.alignment.then(step_alignment)
        done.reports.append(StepReport(name, len(edits), description))
    return done


def _despin_step(text: str, done: _Progress, mode: str, reference: SpinReference | None) -> tuple[SpinScore, tuple[Repair, ...]]:
    # last, on the cleaned text: the rules read words, not markup or line breaks
    fixed = despin(done.current, force=mode == "on", reference=reference)
    done.reports.append(StepReport("despin", len(fixed.repairs), "repaired synonym spinning (题目 → 问题 …)"))
    if not fixed.repairs:
        return fixed.score, ()
    repairs = tuple(
        dataclasses.replace(r, start=s, end=t, found=text[s:t])
        for r in fixed.repairs for s, t in [done.alignment.span(r.start, r.end)]
    )
    done.current, done.alignment = fixed.text, done.alignment.then(fixed.alignment)
    return fixed.score, repairs


def _masks(text: str, done: _Progress) -> tuple[Mask, ...]:
    masks: list[Mask] = []
    for m in R.MASK.finditer(done.current):
        s, t = done.alignment.span(m.start(), m.end())
        # the surface as the source has it (an invisible character removed inside a mask
        # stays part of what the source wrote there)
        masks.append(Mask(m.start(), m.end(), s, t, text[s:t]))
    return tuple(masks)


def clean(
    text: str,
    *,
    config: CleanConfig | None = None,
    spin_reference: SpinReference | None = None,
    furniture: Furniture | bool | None = None,
    **steps: bool | str,
) -> CleanResult:
    """Clean ``text`` and explain which named steps changed it.

    Steps can be switched off by name (``clean(text, licence_footer=False)``) or with a
    :class:`CleanConfig`.  Nothing is lost: removed text is in ``result.removed`` and
    ``result.to_original`` maps any cleaned span back to the original. ``spin_reference``
    (a fitted :class:`~policytext.cleaning.spin.SpinReference`) refines where the
    ``despin`` step repairs. ``furniture`` is a :class:`Furniture` model fitted on the
    text's archive (its recurring page furniture is removed too), or ``False`` to switch
    the step off.

    Parameters
    ----------
    text : str
        The text to clean.
    config : CleanConfig, optional
        The steps to run (default: :class:`CleanConfig`, every step but ``despin``).
    spin_reference : SpinReference, optional
        A reference fitted on the archive, for the ``despin`` step.
    furniture : Furniture or bool, optional
        A model of the archive's recurring page furniture, or ``False``/``True`` to
        switch the step off/on.
    **steps : bool or str
        Steps switched on or off by name, over ``config`` (``despin`` takes
        ``"off"``, ``"auto"`` or ``"on"``).

    Returns
    -------
    CleanResult
        The cleaned text, the step reports, what was removed, masks and the alignment
        back to ``text``.

    Raises
    ------
    TypeError
        When ``text`` is not a str, ``furniture`` is neither a model nor a bool, or a
        keyword is not a step name.
    policytext.ConfigError
        When ``despin`` is not one of :data:`DESPIN_MODES`.

    Examples
    --------
    >>> r = clean("ＧＤＰ增长５％\u200b")
    >>> r.text, r.changed_by
    ('GDP增长5%', ('zero_width', 'fullwidth_alnum'))
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    model = furniture if isinstance(furniture, Furniture) else None
    if isinstance(furniture, bool):
        steps["furniture"] = furniture
    elif furniture is not None and model is None:
        raise TypeError(f"furniture= takes a Furniture model or a bool, not {type(furniture).__name__}")
    cfg = config or CleanConfig()
    if steps:
        cfg = cfg.replace(**steps)
    done = _run_steps(text, cfg, model)
    spin = None
    spin_repairs: tuple[Repair, ...] = ()
    if cfg.despin != "off":
        spin, spin_repairs = _despin_step(text, done, cfg.despin, spin_reference)
    masks = _masks(text, done) if cfg.flag_masks else ()
    return CleanResult(
        done.current, text, tuple(done.reports), tuple(done.removed), masks, done.alignment, spin, spin_repairs,
        done.lost_chars,
    )
