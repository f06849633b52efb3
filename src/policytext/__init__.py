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
    "read_corpus": "policytext.io",
    "read_text_file": "policytext.io",
    "decode_bytes": "policytext.io",
    "register_reader": "policytext.io",
    "list_readers": "policytext.io",
    "clean": "policytext.cleaning",
    "CleanConfig": "policytext.cleaning",
    "CleanResult": "policytext.cleaning",
    "Furniture": "policytext.cleaning",
    "fit_furniture": "policytext.cleaning",
    "spin_score": "policytext.cleaning",
    "despin": "policytext.cleaning",
    "load_spin_table": "policytext.cleaning",
    "SpinReference": "policytext.cleaning",
    "detect_script": "policytext.script",
    "ScriptDetection": "policytext.script",
    "convert": "policytext.script",
    "convert_with_offsets": "policytext.script",
    "analysis_text": "policytext.script",
    "Conversion": "policytext.script",
    "opencc_info": "policytext.script",
    "available_configs": "policytext.script",
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
    "entities": "policytext.terms",
    "kwic": "policytext.terms",
    "stopwords": "policytext.terms",
    "PolicyTokenizer": "policytext.terms",
    "sections": "policytext.structure",
    "split": "policytext.structure",
    "themes": "policytext.topics",
    "TopicModel": "policytext.topics",
    "plot": "policytext.plot",
    "scale": "policytext.scale",
    "instruments": "policytext.instruments",
    "datasets": "policytext.datasets",
    "sklearn": "policytext.sklearn",
    "PolicytextError": "policytext.errors",
    "ConfigError": "policytext.errors",
    "ReadError": "policytext.errors",
    "OutputError": "policytext.errors",
    "DependencyError": "policytext.errors",
    "UnsupportedConfigError": "policytext.errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from policytext import compare, datasets, plot, scale, sklearn
    from policytext.cleaning import (
        CleanConfig,
        CleanResult,
        SpinReference,
        clean,
        despin,
        load_spin_table,
        spin_score,
    )
    from policytext.corpus import Corpus, Document
    from policytext.errors import (
        ConfigError,
        DependencyError,
        OutputError,
        PolicytextError,
        ReadError,
        UnsupportedConfigError,
    )
    from policytext.instruments import instruments
    from policytext.io import (
        decode_bytes,
        list_readers,
        read_corpus,
        read_text_file,
        register_reader,
    )
    from policytext.numeric import find_numbers, indicators, parse_number
    from policytext.offsets import Alignment
    from policytext.script import (
        Conversion,
        ScriptDetection,
        analysis_text,
        available_configs,
        convert,
        convert_with_offsets,
        detect_script,
        opencc_info,
    )
    from policytext.segmentation import Segmentation, Token, segment
    from policytext.structure import sections, split
    from policytext.terms import (
        PolicyTokenizer,
        discover_phrases,
        entities,
        formulations,
        keywords,
        kwic,
        stopwords,
    )
    from policytext.topics import TopicModel, themes


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policytext' has no attribute {name!r}")
    imported = importlib.import_module(module)
    value = imported if module == f"policytext.{name}" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # the public API only (not the names this module uses to load it lazily)
    return sorted([*__all__, "__version__"])
