"""The genre of a document (``doc_type``) from its title and header.

A Chinese official title ends in the word for its genre, whatever it carries:
``国务院关于印发…方案的通知`` is a notice, ``…关于政府工作报告的决议`` a resolution,
``在…会议上的讲话`` a speech.  So the type is read from the title's last word (after notes
such as ``（摘要）`` or ``（2021—2025年）`` are dropped), Simplified or Traditional:

=============  ================================================================
``report``     报告, 工作报告, 政府工作报告, 公报, 白皮书, 施政方针, 总结
``resolution`` 决议
``speech``     讲话, 致辞, 发言, 演讲, 贺词; 在…会议上的讲话 in the header
``notice``     通知, 通报, 公告, 通告
``opinion``    意见 (指导意见, 实施意见)
``plan``       规划, 计划, 方案, 纲要, 要点
``regulation`` 条例, 办法, 规定, 细则, 规则, 准则, 章程, 规程
``law``        …法 (not 办法, 方法, 做法), 法律
``decision``   决定, 命令
``letter``     批复, 复函, 函, 请示, 答复, 贺信, 贺电
``record``     会议纪要, 纪要, 会议记录/纪录, 記錄, 速记录
``other``      a title that ends in none of these
=============  ================================================================

Without a title (or with one the table does not know), the header decides when it says
``在…上的讲话``, ``政府工作报告``, ``会议纪要`` or ``关于…的决议``; otherwise ``doc_type``
is left empty (``other`` only when a title was there to read).  The type keeps
resolutions and reports apart in comparisons by year.
"""

from __future__ import annotations

from policytext.io import date_resources as res
from policytext.io.textdates import scan_copy

__all__ = ["DOC_TYPES", "doc_type"]

DOC_TYPES = res.DOC_TYPES
_SUFFIXES = sorted(res.DOC_TYPE_SUFFIXES, key=lambda pair: -len(pair[0]))


def _bare_title(title: str) -> str:
    """The title without trailing notes in brackets, spaces or punctuation."""
    s = res.TITLE_SPACES.sub("", scan_copy(title))
    for _ in range(3):
        s2 = res.TITLE_BRACKETS.sub("", s)
        if s2 == s:
            break
        s = s2
    return s.rstrip("。.;；:：!！…")


def _from_title(title: str) -> str | None:
    s = _bare_title(title)
    if not s:
        return None
    for suffix, kind in _SUFFIXES:
        if s.endswith(suffix):
            if kind == "law" and s.endswith(res.NOT_LAW):
                continue
            return kind
    return None


def doc_type(title: str | None, header: str = "") -> str | None:
    """The genre of a document.

    Parameters
    ----------
    title : str or None
        Its title (a title column, or the first line of the text).
    header : str
        The beginning of its text.

    Returns
    -------
    str or None
        One of :data:`DOC_TYPES`; None when neither the title nor the header tells.

    Examples
    --------
    >>> doc_type("某省第九届人民代表大会第二次会议关于政府工作报告的决议")
    'resolution'
    >>> doc_type("国务院关于印发电力体制改革方案的通知"), doc_type("立法院第9屆第3會期第1次會議紀錄")
    ('notice', 'record')
    >>> doc_type("2024年政府工作报告（摘要）"), doc_type("中华人民共和国电力法"), doc_type("电力监管办法")
    ('report', 'law', 'regulation')
    """
    kind = _from_title(title) if title else None
    if kind is not None:
        return kind
    head = res.TITLE_SPACES.sub("", scan_copy(header[:1000]))
    for pattern, cue in res.DOC_TYPE_HEADER:
        if pattern.search(head):
            return cue
    return "other" if title and _bare_title(title) else None
