"""Lost characters: runs of question marks a failed re-encoding left (the ``lost_chars`` step).

A GBK or Big5 text written through a channel that cannot carry its characters (Latin-1,
ASCII, a database column of the wrong collation) comes back with ``?`` for every
character it lost: ``区长????程杰``, ``时间：2023-03-30????``. Two or more question marks
in a row inside Chinese text are such a run; each run becomes one replacement character
(U+FFFD), and the count of question marks is reported as the characters lost.

A run stays punctuation when it reads as a question: at most LOST_ALWAYS - 1 marks,
after a question particle (真的吗？？) or an interrogative word in its clause (为什么？？),
or after a Latin word (What??). A single ``？`` is always punctuation. Four or more marks
are never punctuation, wherever they stand.
"""

from __future__ import annotations

from policytext.cleaning import resources as R
from policytext.offsets import Edit

__all__ = ["is_question", "lost_char_edits"]

#: how far back the clause of a run is looked at for an interrogative word
_CLAUSE_WINDOW = 40


def is_question(text: str, start: int, end: int) -> bool:
    """Whether the run of question marks ``text[start:end]`` reads as punctuation."""
    if end - start >= R.LOST_ALWAYS:
        return False
    before = text[start - 1] if start else ""
    if before in R.QUESTION_PARTICLE or (before.isascii() and before.isalpha()):
        return True
    window = text[max(0, start - _CLAUSE_WINDOW) : start]
    breaks = [m.end() for m in R.CLAUSE_BREAK.finditer(window)]
    clause = window[breaks[-1] :] if breaks else window
    return bool(clause) and R.INTERROGATIVE.search(clause) is not None


def lost_char_edits(text: str) -> list[Edit]:
    """Edits replacing each run of lost characters in ``text`` by one U+FFFD.

    Parameters
    ----------
    text : str
        One document.

    Returns
    -------
    list of Edit
        One edit per run; the characters lost are the lengths of the runs replaced
        (``sum(e.end - e.start for e in edits)``, ``CleanResult.lost_chars``).

    >>> [(e.start, e.end) for e in lost_char_edits("区长????程杰。真的吗？？")]
    [(2, 6)]
    """
    if "?" not in text and "？" not in text:
        return []
    return [
        Edit(m.start(), m.end(), R.LOST_PLACEHOLDER)
        for m in R.QUESTION_RUN.finditer(text)
        if not is_question(text, m.start(), m.end())
    ]
