"""Synonym spinning: texts that template-essay sites rewrote with synonym tables (题目 for
问题, 同道 for 同志, 进步 for 提高, 深进 for 深入 …) to defeat duplicate detection.

:func:`spin_score` weighs the evidence (which substitutions, where, in which context) into a
document score; :func:`despin` repairs a document judged spun, each repair an explained step
with offsets, the original recoverable through the alignment. The substitution table is
data (``data/spin_table.yaml``), this project's own, extendable with :func:`load_spin_table`.
Rules match on the Simplified form of the text (Traditional through OpenCC t2s) and repairs
are written in the text's own script.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from policytext.offsets import Alignment, Edit, apply_edits

__all__ = ["DespinResult", "Repair", "SpinRule", "SpinScore", "despin", "load_spin_table", "spin_score"]

#: score (weighted spin hits per 10,000 Han characters) at and above which a text is spun:
#: the founding example scores over 100, the national work reports at most a few
THRESHOLD = 20.0
#: characters of context each side that the rules see
WINDOW = 16


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

    @property
    def name(self) -> str:
        return f"{self.spun}→{self.intended}" if self.spun else f"+{self.insert}"

    def verdict(self, left: str, right: str, document: str = "") -> bool:
        """Whether an occurrence with this context is spun. Genuine contexts win, unless
        the ``document`` itself writes the intended word in that same context elsewhere
        (社会治理 in a text that also says 社会管理): its own usage is the better witness."""
        if self.spun_despite and self.spun_despite.search(right):
            return True
        genuine_left = self.genuine_before.search(left) if self.genuine_before else None
        genuine_right = self.genuine_after.search(right) if self.genuine_after else None
        if genuine_left or genuine_right:
            # a witness needs a context of two Han characters or more (的, 、 say nothing)
            witnessed_left = bool(genuine_left and _telling(genuine_left.group())
                                  and genuine_left.group() + self.intended in document)
            witnessed_right = bool(genuine_right and _telling(genuine_right.group())
                                   and self.intended + genuine_right.group() in document)
            return bool(self.spun and document) and (witnessed_left or witnessed_right)
        before = bool(self.spun_before and self.spun_before.search(left))
        after = bool(self.spun_after and self.spun_after.search(right))
        if self.insert:  # a deleted word: both sides must say so (了 is everywhere)
            return before and after
        return self.always or before or after


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


@dataclass(frozen=True)
class SpinScore:
    """A document's spin score and its evidence."""

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


@dataclass(frozen=True)
class DespinResult:
    """The repaired text, each repair, the score that decided, and the map back."""

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
        lines += [f"  {r.start}-{r.end} {r.found or '∅'} → {r.replacement} ({r.rule}): …{r.context}…" for r in self.repairs]
        return "\n".join(lines)


def _pattern(value: Any) -> re.Pattern[str] | None:
    return re.compile(value) if value else None


def load_spin_table(path: str | os.PathLike[str] | None = None, *, extend: bool = True) -> tuple[SpinRule, ...]:
    """The substitution rules: the bundled table, plus (``extend=True``) or instead of (``False``)
    the ones in the YAML file ``path`` (same format as ``cleaning/data/spin_table.yaml``)."""
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
            ))
        except re.error as exc:
            raise ValueError(f"{source}: rule {i} has a bad pattern: {exc}") from exc
        if not (rules[-1].spun or (rules[-1].insert and rules[-1].at)):
            raise ValueError(f"{source}: rule {i} needs 'spun', or 'insert' and 'at'")
    return tuple(rules)


def _hits(text: str, rules: tuple[SpinRule, ...]) -> tuple[list[SpinHit], int]:
    from policytext.script.convert import convert, convert_with_offsets
    from policytext.script.detect import contains_traditional, detect_script

    simplified, to_original = text, None
    traditional = False
    if contains_traditional(text):
        conversion = convert_with_offsets(text, "t2s")
        simplified, to_original = conversion.text, conversion.to_original
        traditional = detect_script(text, top=0).majority == "traditional"
    han = sum(1 for c in simplified if "\u4e00" <= c <= "\u9fff")
    hits: list[SpinHit] = []
    for rule in rules:
        needle = rule.spun or rule.at
        at = simplified.find(needle)
        while at >= 0:
            left = simplified[max(0, at - WINDOW) : at]
            right = simplified[at + len(rule.spun) : at + len(rule.spun) + WINDOW] if rule.spun else simplified[at : at + WINDOW]
            if rule.verdict(left, right, simplified):
                start, end = (at, at + len(rule.spun))
                if to_original is not None:
                    start, end = to_original(start, end)
                intended = convert(rule.intended, "s2t") if traditional else rule.intended
                context = text[max(0, start - 8) : end + 8].replace("\n", " ")
                hits.append(SpinHit(start, end, text[start:end], intended, rule.name, context, rule.weight))
            at = simplified.find(needle, at + max(1, len(needle)))
    hits.sort(key=lambda h: (h.start, h.end))
    return _without_overlaps(hits), han


def _without_overlaps(hits: list[SpinHit]) -> list[SpinHit]:
    kept: list[SpinHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end and hit.end > hit.start:
            continue  # the first (leftmost) rule wins
        kept.append(hit)
    return kept


def spin_score(text: str, *, rules: tuple[SpinRule, ...] | None = None, threshold: float = THRESHOLD) -> SpinScore:
    """How strongly ``text`` shows synonym spinning: weighted hits of the substitution rules
    per 10,000 Han characters, with every hit as evidence (where, what, in which context).

    >>> s = spin_score("剛才，進軍同道總結了往年的工作。下面，我夸大兩點意見：一要深進推進，二要解決突出題目。")
    >>> s.spun, s.evidence()["题目→问题"]
    (True, 1)
    """
    hits, han = _hits(text, rules if rules is not None else _bundled())
    weight = sum(h.weight for h in hits)
    return SpinScore(1e4 * weight / han if han else 0.0, threshold, tuple(hits), han)


def despin(
    text: str, *, rules: tuple[SpinRule, ...] | None = None, threshold: float = THRESHOLD, force: bool = False
) -> DespinResult:
    """Repair synonym spinning in ``text`` when :func:`spin_score` judges it spun (or with
    ``force=True``): each hit becomes a :class:`Repair` with its offsets and reason, in the
    text's own script; ``result.to_original`` maps the repaired text back. A text not judged
    spun comes back unchanged: 治理 in 国家治理体系 or 进步 in 社会进步 are real words.

    >>> r = despin("下面，我夸大兩點意見：一要深進推進，二要解決突出題目，三要加強監視。")
    >>> r.text
    '下面，我強調兩點意見：一要深入推進，二要解決突出問題，三要加強監督。'
    """
    score = spin_score(text, rules=rules, threshold=threshold)
    if not (force or score.spun) or not score.hits:
        return DespinResult(text, text, False, score, (), Alignment.identity(len(text)))
    edits = [Edit(h.start, h.end, h.intended) for h in score.hits]
    repaired, alignment = apply_edits(text, edits)
    repairs = tuple(Repair(h.start, h.end, h.found, h.intended, h.rule, h.context) for h in score.hits)
    return DespinResult(repaired, text, True, score, repairs, alignment)
