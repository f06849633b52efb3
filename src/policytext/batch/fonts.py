"""The CJK font ``report.html`` carries: a subset of Noto Sans CJK, made with fontTools.

The report embeds the glyphs of the characters it shows, so it renders the same on a
machine without any CJK font (a server, a fresh container, a locked-down laptop) and stays
small: a page of the national work reports needs ~3,000 of the font's 65,535 glyphs.

Licence: Noto Sans CJK (Adobe and Google) is under the SIL Open Font License 1.1, which
allows embedding and redistributing it, modified (a subset is a Modified Version) or not,
with any software, provided the copyright notice and the licence go with it and the
Reserved Font Name ("Source") is not used. The subset keeps the font's own copyright,
trademark and licence records (name IDs 0, 7, 13, 14) and is served under a family name of
ours; the page says so in a CSS comment. The font file comes from the PyPI package
``cvttf-notosanscjk-regular`` (module ``cvttf_NotoSansCJK_Regular``).
"""

from __future__ import annotations

import base64
import functools
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["FONT_FAMILY", "FONT_PACKAGE", "EmbeddedFont", "embed_font", "font_source", "page_characters"]

#: the family name the page's CSS and SVG text use: ours, so no installed font can answer for it
FONT_FAMILY = "policytext Noto Sans CJK"
#: the PyPI package that ships the font file
FONT_PACKAGE = "cvttf-notosanscjk-regular"
#: name records kept in the subset: copyright, family, style, trademark, licence and its URL
#: (the Open Font License asks for the notice and the licence to travel with the font)
_NAME_IDS = (0, 1, 2, 7, 13, 14)
_LICENCE_COMMENT = (
    "/* Noto Sans CJK (c) 2014-2015 Adobe Systems Incorporated; Noto is a trademark of Google Inc. "
    "This is a subset of its glyphs, under the SIL Open Font License 1.1 (OFL); the font's own "
    "copyright and licence records are kept in it. */"
)
_TAGS = re.compile(r"<[^>]*>")
_STYLE = re.compile(r"<style\b.*?</style>", re.S | re.I)


@dataclass(frozen=True)
class EmbeddedFont:
    """A subset font ready for a page.

    Attributes
    ----------
    family : str
        The CSS family name to ask for.
    data : bytes
        The WOFF file.
    characters : int
        How many characters it was made for (the font may lack a few of them).
    """

    family: str
    data: bytes
    characters: int

    def css(self) -> str:
        """The ``@font-face`` rule with the font inline (base64), and its licence comment."""
        encoded = base64.b64encode(self.data).decode("ascii")
        return (f'{_LICENCE_COMMENT}@font-face{{font-family:"{self.family}";'
                f'src:url(data:font/woff;base64,{encoded}) format("woff");font-weight:400;font-style:normal;'
                "font-display:block}")


def font_source() -> tuple[Path | None, str]:
    """The Noto Sans CJK file to subset, or None and why it cannot be used.

    Returns
    -------
    (pathlib.Path or None, str)
        The font file and ``""``; or None and a sentence for the reader of the report.
    """
    try:
        import fontTools.subset  # noqa: F401 - only whether it imports
    except ImportError:
        return None, "fontTools is not installed"
    try:
        import cvttf_NotoSansCJK_Regular as package
    except ImportError:
        return None, f"the font package {FONT_PACKAGE} is not installed"
    path = Path(package.get_TTF_path())
    if not path.is_file():
        return None, f"the font file of {FONT_PACKAGE} is missing ({path.name})"
    return path, ""


def page_characters(page: str) -> str:
    """The characters a browser draws with the page's fonts: the text between the tags of
    ``page`` (styles left out, entities decoded), sorted and without control characters.
    Attribute values (tooltips) are left out: browsers draw those with the system's font.

    Parameters
    ----------
    page : str
        HTML.

    Returns
    -------
    str
        Each character once, in code point order.

    Examples
    --------
    >>> page_characters('<p title="提示">政府 &amp; 报告</p>')
    ' &告府报政'
    """
    text = html.unescape(_TAGS.sub("", _STYLE.sub("", page)))
    return "".join(sorted(c for c in set(text) if c >= " " and not 0x7F <= ord(c) < 0xA0))


def _locl_simplified(font: Any) -> dict[str, str]:
    """The glyph substitutions of the font's ``locl`` feature for Simplified Chinese (``hani``
    script, ``ZHS`` language): the font's default forms are the Traditional (Taiwan) ones."""
    if "GSUB" not in font:
        return {}
    gsub = font["GSUB"].table
    features: list[int] = []
    for script in gsub.ScriptList.ScriptRecord:
        if script.ScriptTag == "hani":
            features += [i for r in script.Script.LangSysRecord if r.LangSysTag == "ZHS " for i in r.LangSys.FeatureIndex]
    mapping: dict[str, str] = {}
    for index in features:
        record = gsub.FeatureList.FeatureRecord[index]
        if record.FeatureTag != "locl":
            continue
        for lookup_index in record.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[lookup_index]
            for table in lookup.SubTable:
                table = table.ExtSubTable if lookup.LookupType == 7 else table
                mapping.update(getattr(table, "mapping", None) or {})
    return mapping


@functools.lru_cache(maxsize=8)
def _subset(path: str, characters: str) -> bytes:
    """The WOFF subset of the font at ``path`` for ``characters`` (cached: a test session
    writes many reports of the same archive)."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # the timestamp kept (a report is the same bytes for the same tables); bounding boxes
    # not recomputed (the whole font's are a safe bound, and recomputing costs seconds)
    font = TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    forms = _locl_simplified(font)
    codes = [ord(c) for c in characters]
    # the Simplified forms drawn without a layout table: the cmap points at them directly
    # (keeping GSUB for the browser's own locl would add ~90 KB to a page)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for code in codes:
                glyph = table.cmap.get(code)
                if glyph in forms:
                    table.cmap[code] = forms[glyph]
    options = subset.Options()
    options.flavor = "woff"
    options.name_IDs = list(_NAME_IDS)
    options.hinting = False  # hints only help small sizes on low-resolution screens; they cost ~15%
    options.layout_features = []
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def embed_font(characters: str) -> EmbeddedFont | None:
    """The embedded font for a page's characters, or None when the font package (or
    fontTools) is not installed.

    Parameters
    ----------
    characters : str
        The characters the page draws (:func:`page_characters`); each once, in a fixed order,
        so the same page gives the same font bytes.

    Returns
    -------
    EmbeddedFont or None
    """
    path, _ = font_source()
    if path is None:
        return None
    return EmbeddedFont(FONT_FAMILY, _subset(str(path), characters), len(characters))
