"""Synonym spinning: texts that template-essay sites rewrote with synonym tables (题目 for
问题, 同道 for 同志, 进步 for 提高, 深进 for 深入 …) to defeat duplicate detection.

:func:`spin_score` weighs the evidence (which substitutions, where, in which context) into a
document score; :func:`despin` repairs a document judged spun, each repair an explained step
with offsets, the original recoverable through the alignment. The substitution table is
data (``data/spin_table.yaml``), this project's own, extendable with :func:`load_spin_table`.
Rules match on the Simplified form of the text (Traditional through OpenCC t2s) and repairs
are written in the text's own script; some are dated (:func:`text_year`). A
:class:`SpinReference` learns contexts from clean texts of the genre for pairs the table
has none for.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from policytext.offsets import Alignment, Edit, apply_edits

__all__ = [
    "DespinResult", "Repair", "SpinReference", "SpinRule", "SpinScore", "despin", "load_spin_table", "spin_score",
    "text_year",
]

#: score (weighted spin hits per 10,000 Han characters) at and above which a text is spun:
#: the founding example scores over 100, the national work reports at most a few
THRESHOLD = 20.0
#: characters of context each side that the rules see
WINDOW = 16
#: characters of context (at least) in which a document must itself write the intended word
#: to overrule a real-word context: with two, 综合管理 elsewhere overruled 社会治安综合治理
WITNESS = 3


@dataclass(frozen=True)
class SpinRule:
    """One substitution: ``spun`` written for ``intended`` (or ``insert`` deleted before ``at``)."""

    intended: str
    spun: str = ""
    insert: str = ""
    at: str = ""
    weight: float = 1.0
    always: bool = False
    spun_before: re.Pattern[str] | None = None
    spun_after: re.Pattern[str] | None = None
    genuine_before: re.Pattern[str] | None = None
    genuine_after: re.Pattern[str] | None = None
    spun_despite: re.Pattern[str] | None = None  # a right context that is spun whatever the left says
    spun_despite_before: re.Pattern[str] | None = None  # a left context that is spun whatever else matches
    # a left context that is spun in texts of ``until_year`` or before (社会治理 replaced
    # 社会管理 in late 2013): the text's year is the one it mentions most
    dated_before: re.Pattern[str] | None = None
    dated_after: re.Pattern[str] | None = None  # the same on the text after it (管理创新)
    until_year: int = 0

    @property
    def name(self) -> str:
        return f"{self.spun}→{self.intended}" if self.spun else f"+{self.insert}"

    def judge(self, left: str, right: str, document: str = "") -> tuple[bool, str]:
        """Whether an occurrence with this context is spun, and why: ``"spun context"``,
        ``"dated context (a text of 2009)"``, ``"genuine context"``, ``"witnessed"``,
        ``"always"`` or ``"undecided"``. Genuine contexts win, unless the ``document`` itself
        writes the intended word in that same context elsewhere (社会治理 in a text that also
        says 社会管理): its own usage is the better witness."""
        if (self.spun_despite and self.spun_despite.search(right)) or (
                self.spun_despite_before and self.spun_despite_before.search(left)):
            return True, "spun context"
        genuine_left = self.genuine_before.search(left) if self.genuine_before else None
        genuine_right = self.genuine_after.search(right) if self.genuine_after else None
        # a dated context yields to a real-word context after the word (国家治理体系 is the
        # new term itself, whatever year the text mentions most)
        if document and not genuine_right and ((self.dated_before and self.dated_before.search(left))
                                               or (self.dated_after and self.dated_after.search(right))):
            year = text_year(document)
            if year and year <= self.until_year:
                return True, f"dated context (a text of {year})"
        if genuine_left or genuine_right:
            # a witness needs a context of two Han characters or more (的, 、 say nothing)
            witnessed_left = bool(genuine_left and _telling(genuine_left.group())
                                  and left[-max(WITNESS, len(genuine_left.group())):] + self.intended in document)
            witnessed_right = bool(genuine_right and _telling(genuine_right.group())
                                   and self.intended + right[:max(WITNESS, len(genuine_right.group()))] in document)
            witnessed = bool(self.spun and document) and (witnessed_left or witnessed_right)
            return witnessed, "witnessed" if witnessed else "genuine context"
        before = bool(self.spun_before and self.spun_before.search(left))
        after = bool(self.spun_after and self.spun_after.search(right))
        if self.insert:  # a deleted word: both sides must say so (了 is everywhere)
            return before and after, "spun context" if before and after else "undecided"
        if before or after:
            return True, "spun context"
        return (True, "always") if self.always else (False, "undecided")


_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年|([一二][九〇零○][〇零○一二三四五六七八九]{2})年")


@functools.lru_cache(maxsize=8)
def text_year(text: str) -> int | None:
    """The year a text mentions most (1949 onwards; ties go to the later year), written in
    digits (2012年) or in characters (一九五八年): a report reviews the year before it
    and a speech its own, so this dates a text to within a year or so. None when it
    mentions no year."""
    counts: dict[int, int] = {}
    for digits, chars in _YEAR.findall(text):
        year = int(digits or "".join(_DIGITS[c] for c in chars))
        if 1949 <= year <= 2100:
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


def _telling(context: str) -> bool:
    """A context that can witness usage: two Han characters or more, not a bare 的 phrase."""
    return sum("\u4e00" <= c <= "\u9fff" for c in context) >= 2 and not context.endswith("的")


@dataclass(frozen=True)
class SpinHit:
    """One occurrence judged spun: where (offsets into the text as given), what, in which context."""

    start: int
    end: int
    found: str  # the text there (empty for a deleted word)
    intended: str  # the repair, in the text's script
    rule: str
    context: str
    weight: float
    reason: str = ""  # why it was judged spun: the rule's context, or the reference's counts


@dataclass(frozen=True)
class SpinScore:
    """A document's spin score and its evidence.

    Attributes
    ----------
    score : float
        Weighted hits per 10,000 Han characters.
    threshold : float
        The score at and above which the text is spun.
    hits : tuple of SpinHit
        Every occurrence judged spun.
    han_chars : int
        Han characters in the text.
    """

    score: float  # weighted hits per 10,000 Han characters
    threshold: float
    hits: tuple[SpinHit, ...]
    han_chars: int

    @property
    def spun(self) -> bool:
        return self.score >= self.threshold

    def evidence(self) -> dict[str, int]:
        """Hits per substitution, most frequent first."""
        counts: dict[str, int] = {}
        for hit in self.hits:
            counts[hit.rule] = counts.get(hit.rule, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass(frozen=True)
class Repair:
    """One repair: ``original[start:end]`` (``found``) became ``replacement``, and why."""

    start: int
    end: int
    found: str
    replacement: str
    rule: str
    context: str
    reason: str = ""


@dataclass(frozen=True)
class DespinResult:
    """The repaired text, each repair, the score that decided, and the map back.

    Attributes
    ----------
    text : str
        The repaired text (the original when nothing was repaired).
    original : str
        The text as given.
    applied : bool
        Whether repairs were made (False when the text was not judged spun).
    score : SpinScore
        The score that decided.
    repairs : tuple of Repair
        Each repair, with offsets into the original.
    alignment : Alignment
        From the repaired text back to the original.
    """

    text: str
    original: str
    applied: bool  # False when the text was not judged spun (then text is original)
    score: SpinScore
    repairs: tuple[Repair, ...] = ()
    alignment: Alignment = field(default_factory=lambda: Alignment.identity(0))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the original text of the repaired span ``[start, end)``."""
        return self.alignment.span(start, end)

    def explain(self) -> str:
        if not self.applied:
            return f"not judged spun (score {self.score.score:.1f} < {self.score.threshold:g}): unchanged"
        lines = [f"spun (score {self.score.score:.1f} ≥ {self.score.threshold:g}): {len(self.repairs)} repair(s)"]
        lines += [f"  {r.start}-{r.end} {r.found or '∅'} → {r.replacement} ({r.rule}, {r.reason}): …{r.context}…"
                  for r in self.repairs]
        return "\n".join(lines)


class SpinReference:
    """How clean texts of the same genre write the table's words: counts of every spun and
    intended word with up to ``context`` characters either side, learned by :meth:`fit` from
    texts the user trusts (an archive of work reports, say). It is for pairs the table knows
    no contexts for (a user's own additions): passed to :func:`despin`, it decides what the
    rules leave undecided and vetoes repairs it contradicts:

    - an undecided occurrence is spun when the reference writes the intended word in a
      context of at least ``decide_chars`` characters around it (企业化[管理]的) ``min_count``
      times or more and over ``ratio`` times as often as the spun word;
    - a repair the rules made is dropped when the reference writes the spun word in a context
      of at least ``veto_chars`` characters that way (综合[治理]水土);

    either only when the other word has no such context of its own. Each repair it makes
    names the context and the counts. With a table of your own, pass the same ``rules``
    here and to :func:`despin` (words the reference did not count have no say).

    Parameters
    ----------
    context : int
        Characters of context either side that are counted (at least 1).
    min_count : int
        Occurrences in a context that the reference needs to have a say (at least 1).
    ratio : float
        How many times more often one word must occur in the context than the other (above 0).
    decide_chars : int
        Characters of context around the word (1 to ``2 * context``) that decide an
        undecided occurrence.
    veto_chars : int
        Characters of context around the word (1 to ``2 * context``) that veto a repair.
    rules : tuple of SpinRule, optional
        The substitution table (default: the bundled one, :func:`load_spin_table`).

    Attributes
    ----------
    counts_ : collections.Counter
        After :meth:`fit`: occurrences of each ``left|word|right`` context.
    words_ : tuple of str
        After :meth:`fit`: the spun and intended words counted.
    n_texts_ : int
        After :meth:`fit`: the texts read.

    Examples
    --------
    >>> ref = SpinReference().fit(["依法管理宗教事务。", "依法管理宗教事务和社会事务。"])
    >>> ref.counts_["法|管理|宗教"]
    2
    """

    def __init__(self, *, context: int = 3, min_count: int = 1, ratio: float = 3.0, decide_chars: int = 4,
                 veto_chars: int = 4, rules: tuple[SpinRule, ...] | None = None) -> None:
        self.context = context
        self.min_count = min_count
        self.ratio = ratio
        self.decide_chars = decide_chars
        self.veto_chars = veto_chars
        self.rules = rules

    def fit(self, texts: Iterable[str]) -> SpinReference:
        """Count the table's words in context in ``texts`` (Traditional ones are read
        through OpenCC t2s, as the rules read them).

        Parameters
        ----------
        texts : iterable of str
            Clean texts of the genre.

        Returns
        -------
        SpinReference
            ``self``, fitted.

        Raises
        ------
        ValueError
            When the options are out of range (``context`` or ``min_count`` below 1,
            ``ratio`` not above 0, ``decide_chars``/``veto_chars`` outside 1 to
            ``2 * context``).
        """
        from policytext.script import contains_traditional, convert

        if self.context < 1 or self.min_count < 1 or self.ratio <= 0:
            raise ValueError("context and min_count must be at least 1 and ratio above 0")
        if not (1 <= self.decide_chars <= 2 * self.context and 1 <= self.veto_chars <= 2 * self.context):
            raise ValueError(f"decide_chars and veto_chars must be between 1 and 2 × context ({2 * self.context})")
        rules = _rules(self.rules)
        words = sorted({w for rule in rules if rule.spun for w in (rule.spun, rule.intended)})
        counts: Counter[str] = Counter()
        n_texts = 0
        for text in texts:
            n_texts += 1
            if contains_traditional(text):
                text = convert(text, "t2s")
            for word in words:
                at = text.find(word)
                while at >= 0:
                    left = text[max(0, at - self.context) : at]
                    right = text[at + len(word) : at + len(word) + self.context]
                    counts.update(_key(left[len(left) - a :], word, right[:b])
                                  for a in range(len(left) + 1) for b in range(len(right) + 1))
                    at = text.find(word, at + 1)
        self.counts_ = counts
        self.words_ = tuple(words)
        self.n_texts_ = n_texts
        return self

    def favours(self, left: str, right: str, word: str, other: str, *, min_chars: int) -> str | None:
        """The longest context (``min_chars`` characters or more around the word) in which
        the reference writes ``word`` at least ``min_count`` times and over ``ratio`` times as
        often as ``other``, as an explanation (``依法[管理]宗教 ×12, 治理 ×0``); else None."""
        counts = self.counts_
        best: tuple[int, int, str] | None = None
        for a in range(min(self.context, len(left)) + 1):
            for b in range(max(0, min_chars - a), min(self.context, len(right)) + 1):
                before, after = left[len(left) - a :], right[:b]
                mine, theirs = counts.get(_key(before, word, after), 0), counts.get(_key(before, other, after), 0)
                if mine >= self.min_count and mine > self.ratio * theirs and (best is None or (a + b, mine) > best[:2]):
                    best = (a + b, mine, f"{before}[{word}]{after} ×{mine}, {other} ×{theirs}")
        return best[2] if best else None

    def judge(self, rule: SpinRule, left: str, right: str, spun: bool, reason: str) -> tuple[bool, str]:
        """The reference's say on the rules' verdict (see the class docstring)."""
        if not rule.spun or reason == "always" or reason.startswith("dated"):
            return spun, reason  # the table's word for every text, or a text's era: counts over all eras do not overrule it
        if not spun and reason == "undecided":
            evidence = self.favours(left, right, rule.intended, rule.spun, min_chars=self.decide_chars)
            if evidence and not self.favours(left, right, rule.spun, rule.intended, min_chars=self.veto_chars):
                return True, f"reference: {evidence}"
        elif spun:
            evidence = self.favours(left, right, rule.spun, rule.intended, min_chars=self.veto_chars)
            if evidence and not self.favours(left, right, rule.intended, rule.spun, min_chars=self.decide_chars):
                return False, f"reference vetoes: {evidence}"
        return spun, reason


def _rules(rules: tuple[SpinRule, ...] | None) -> tuple[SpinRule, ...]:
    return rules if rules is not None else _bundled()


def _key(left: str, word: str, right: str) -> str:
    return f"{left}|{word}|{right}"


def _pattern(value: Any) -> re.Pattern[str] | None:
    return re.compile(value) if value else None


def load_spin_table(path: str | os.PathLike[str] | None = None, *, extend: bool = True) -> tuple[SpinRule, ...]:
    """The substitution rules: the bundled table, plus (``extend=True``) or instead of (``False``)
    the ones in the YAML file ``path`` (same format as ``cleaning/data/spin_table.yaml``).

    Parameters
    ----------
    path : str or path-like, optional
        A YAML file with a list of rules under ``rules`` (each with ``spun`` and
        ``intended``, or ``insert`` and ``at``); None for the bundled table alone.
    extend : bool
        Add the file's rules to the bundled ones (default) rather than replace them.

    Returns
    -------
    tuple of SpinRule
        For ``rules=`` of :func:`spin_score`, :func:`despin` and :class:`SpinReference`.

    Raises
    ------
    OSError
        When ``path`` cannot be read.
    ValueError
        When the file is not a spin table, or a rule lacks its words or has a bad pattern.

    Examples
    --------
    >>> len(load_spin_table()) > 0
    True
    """
    rules = _bundled() if (path is None or extend) else ()
    if path is not None:
        import yaml

        with open(path, encoding="utf-8") as fh:
            rules = rules + _parse(yaml.safe_load(fh), os.fspath(path))
    return rules


@functools.lru_cache(maxsize=1)
def _bundled() -> tuple[SpinRule, ...]:
    import yaml

    text = resources.files("policytext.cleaning").joinpath("data/spin_table.yaml").read_text("utf-8")
    return _parse(yaml.safe_load(text), "spin_table.yaml")


def _parse(raw: Any, source: str) -> tuple[SpinRule, ...]:
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise ValueError(f"{source}: a spin table is a mapping with a list under 'rules'")
    rules = []
    for i, entry in enumerate(raw["rules"]):
        if not isinstance(entry, dict) or ("intended" not in entry and "insert" not in entry):
            raise ValueError(f"{source}: rule {i} needs 'spun' and 'intended', or 'insert' and 'at'")
        try:
            rules.append(SpinRule(
                intended=str(entry.get("intended") or entry.get("insert")), spun=str(entry.get("spun", "")),
                insert=str(entry.get("insert", "")), at=str(entry.get("at", "")),
                weight=float(entry.get("weight", 1)), always=bool(entry.get("always", False)),
                spun_before=_pattern(entry.get("spun_before")), spun_after=_pattern(entry.get("spun_after")),
                genuine_before=_pattern(entry.get("genuine_before")), genuine_after=_pattern(entry.get("genuine_after")),
                spun_despite=_pattern(entry.get("spun_despite")),
                spun_despite_before=_pattern(entry.get("spun_despite_before")),
                dated_before=_pattern(entry.get("dated_before")), dated_after=_pattern(entry.get("dated_after")),
                until_year=int(entry.get("until_year", 0)),
            ))
        except re.error as exc:
            raise ValueError(f"{source}: rule {i} has a bad pattern: {exc}") from exc
        if not (rules[-1].spun or (rules[-1].insert and rules[-1].at)):
            raise ValueError(f"{source}: rule {i} needs 'spun', or 'insert' and 'at'")
    return tuple(rules)


def _hits(
    text: str, rules: tuple[SpinRule, ...], reference: SpinReference | None = None
) -> tuple[list[SpinHit], list[SpinHit], int]:
    """The rules' hits, the hits once ``reference`` had its say (the same without one), and
    the Han characters, in one pass over the text."""
    from policytext.script import contains_traditional, convert, convert_with_offsets, detect_script

    simplified, to_original = text, None
    traditional = False
    if contains_traditional(text):
        conversion = convert_with_offsets(text, "t2s")
        simplified, to_original = conversion.text, conversion.to_original
        traditional = detect_script(text, top=0).majority == "traditional"
    han = sum(1 for c in simplified if "\u4e00" <= c <= "\u9fff")
    hits: list[SpinHit] = []
    refined: list[SpinHit] = []
    for rule in rules:
        needle = rule.spun or rule.at
        at = simplified.find(needle)
        while at >= 0:
            left = simplified[max(0, at - WINDOW) : at]
            right = simplified[at + len(rule.spun) : at + len(rule.spun) + WINDOW] if rule.spun else simplified[at : at + WINDOW]
            spun, reason = rule.judge(left, right, simplified)
            spun_refined, reason_refined = (spun, reason) if reference is None else reference.judge(
                rule, left, right, spun, reason)
            if spun or spun_refined:
                start, end = (at, at + len(rule.spun))
                if to_original is not None:
                    start, end = to_original(start, end)
                intended = convert(rule.intended, "s2t") if traditional else rule.intended
                context = text[max(0, start - 8) : end + 8].replace("\n", " ")
                hit = SpinHit(start, end, text[start:end], intended, rule.name, context, rule.weight, reason)
                if spun:
                    hits.append(hit)
                if spun_refined:
                    refined.append(hit if reason_refined == reason else dataclasses.replace(hit, reason=reason_refined))
            at = simplified.find(needle, at + max(1, len(needle)))
    return _without_overlaps(hits), _without_overlaps(refined), han


def _without_overlaps(hits: list[SpinHit]) -> list[SpinHit]:
    kept: list[SpinHit] = []
    for hit in sorted(hits, key=lambda h: (h.start, h.end)):
        if kept and hit.start < kept[-1].end and hit.end > hit.start:
            continue  # the first (leftmost) rule wins
        kept.append(hit)
    return kept


def spin_score(text: str, *, rules: tuple[SpinRule, ...] | None = None, threshold: float = THRESHOLD) -> SpinScore:
    """How strongly ``text`` shows synonym spinning: weighted hits of the substitution rules
    per 10,000 Han characters, with every hit as evidence (where, what, in which context).

    Parameters
    ----------
    text : str
        The text, in either script (rules match its Simplified form).
    rules : tuple of SpinRule, optional
        The substitution table (default: the bundled one, :func:`load_spin_table`).
    threshold : float
        The score at and above which the text is spun (default :data:`THRESHOLD`, 20).

    Returns
    -------
    SpinScore
        ``score`` (weighted hits per 10,000 Han characters), ``threshold``, ``hits``
        (each with offsets, rule, context and reason), ``han_chars``; ``spun`` and
        ``evidence()`` (hits per rule).

    Examples
    --------
    >>> s = spin_score("剛才，進軍同道總結了往年的工作。下面，我夸大兩點意見：一要深進推進，二要解決突出題目。")
    >>> s.spun, s.evidence()["题目→问题"]
    (True, 1)
    """
    return _score(_hits(text, _rules(rules)), threshold)


def _score(found: tuple[list[SpinHit], list[SpinHit], int], threshold: float) -> SpinScore:
    hits, _, han = found
    weight = sum(h.weight for h in hits)
    return SpinScore(1e4 * weight / han if han else 0.0, threshold, tuple(hits), han)


def despin(
    text: str, *, rules: tuple[SpinRule, ...] | None = None, threshold: float = THRESHOLD, force: bool = False,
    reference: SpinReference | None = None,
) -> DespinResult:
    """Repair synonym spinning in ``text`` when :func:`spin_score` judges it spun (or with
    ``force=True``): each hit becomes a :class:`Repair` with its offsets and reason, in the
    text's own script; ``result.to_original`` maps the repaired text back. A text not judged
    spun comes back unchanged: 治理 in 国家治理体系 or 进步 in 社会进步 are real words.
    A fitted :class:`SpinReference` refines where a spun text is repaired; whether it is
    spun stays the rules' score alone, so a reference never makes a clean text spun.

    Parameters
    ----------
    text : str
        The text, in either script.
    rules : tuple of SpinRule, optional
        The substitution table (default: the bundled one, :func:`load_spin_table`).
    threshold : float
        The spin score at and above which the text is repaired (default :data:`THRESHOLD`).
    force : bool
        Repair every hit whatever the score.
    reference : SpinReference, optional
        A reference fitted on clean texts of the genre.

    Returns
    -------
    DespinResult
        ``text`` (repaired, or the original when not judged spun), ``original``,
        ``applied``, ``score``, ``repairs`` and the ``alignment`` back to the original.

    Raises
    ------
    ValueError
        When ``reference`` has not been fitted.

    Examples
    --------
    >>> r = despin("下面，我夸大兩點意見：一要深進推進，二要解決突出題目，三要加強監視。")
    >>> r.text
    '下面，我強調兩點意見：一要深入推進，二要解決突出問題，三要加強監督。'
    """
    if reference is not None and not hasattr(reference, "counts_"):
        raise ValueError("the SpinReference is not fitted: call its fit(texts) first")
    found = _hits(text, _rules(rules), reference)
    score = _score(found, threshold)
    if not (force or score.spun):
        return DespinResult(text, text, False, score, (), Alignment.identity(len(text)))
    hits = found[1]
    if not hits:
        return DespinResult(text, text, False, score, (), Alignment.identity(len(text)))
    edits = [Edit(h.start, h.end, h.intended) for h in hits]
    repaired, alignment = apply_edits(text, edits)
    repairs = tuple(Repair(h.start, h.end, h.found, h.intended, h.rule, h.context, h.reason) for h in hits)
    return DespinResult(repaired, text, True, score, repairs, alignment)
