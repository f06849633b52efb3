"""policytext: analyse Chinese policy texts.

Read archives in any encoding (:func:`read_corpus`), clean them (:func:`clean`), detect and
convert script with offsets back to the original (:func:`detect_script`, :func:`convert`,
:func:`convert_with_offsets`), and segment with a policy lexicon (:func:`segment`).

Importing the package loads nothing heavy: pandas, jieba and OpenCC are imported the
first time a function that needs them is called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0.dev0"

_EXPORTS = {
    "Corpus": "policytext.corpus",
    "Document": "policytext.corpus",
    "read_corpus": "policytext.io.read",
    "read_text_file": "policytext.io.read",
    "decode_bytes": "policytext.io.encoding",
    "clean": "policytext.cleaning",
    "CleanConfig": "policytext.cleaning",
    "CleanResult": "policytext.cleaning",
    "spin_score": "policytext.cleaning.spin",
    "despin": "policytext.cleaning.spin",
    "load_spin_table": "policytext.cleaning.spin",
    "SpinReference": "policytext.cleaning.spin",
    "detect_script": "policytext.script.detect",
    "ScriptDetection": "policytext.script.detect",
    "convert": "policytext.script.convert",
    "convert_with_offsets": "policytext.script.convert",
    "Conversion": "policytext.script.convert",
    "opencc_info": "policytext.script.backend",
    "available_configs": "policytext.script.backend",
    "UnsupportedConfigError": "policytext.script.backend",
    "segment": "policytext.segmentation",
    "Segmentation": "policytext.segmentation",
    "Token": "policytext.segmentation",
    "Alignment": "policytext.offsets",
    "indicators": "policytext.numeric",
    "find_numbers": "policytext.numeric",
    "parse_number": "policytext.numeric",
    "compare": "policytext.compare",
    "keywords": "policytext.terms",
    "discover_phrases": "policytext.terms",
    "formulations": "policytext.terms",
    "kwic": "policytext.terms",
    "stopwords": "policytext.terms",
    "PolicyTokenizer": "policytext.terms",
    "themes": "policytext.topics",
    "TopicModel": "policytext.topics",
    "plot": "policytext.plot",
    "datasets": "policytext.datasets",
    "sklearn": "policytext.sklearn",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from policytext import compare, datasets, sklearn
    from policytext.cleaning import CleanConfig, CleanResult, clean
    from policytext.cleaning.spin import SpinReference, despin, load_spin_table, spin_score
    from policytext.corpus import Corpus, Document
    from policytext.io.encoding import decode_bytes
    from policytext.io.read import read_corpus, read_text_file
    from policytext.numeric import find_numbers, indicators, parse_number
    from policytext.offsets import Alignment
    from policytext.script.backend import UnsupportedConfigError, available_configs, opencc_info
    from policytext.script.convert import Conversion, convert, convert_with_offsets
    from policytext.script.detect import ScriptDetection, detect_script
    from policytext.segmentation import Segmentation, Token, segment
    from policytext.terms import (
        PolicyTokenizer,
        discover_phrases,
        formulations,
        keywords,
        kwic,
        stopwords,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    imported = importlib.import_module(module)
    value = imported if module == f"policytext.{name}" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
