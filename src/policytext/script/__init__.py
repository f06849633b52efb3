"""Script stage: detect Simplified / Traditional script and convert between them with OpenCC."""

from policytext.script.backend import (
    OpenCCInfo,
    UnsupportedConfigError,
    available_configs,
    opencc_info,
)
from policytext.script.convert import (
    CONVERT_OPTIONS,
    Conversion,
    analysis_text,
    check_convert,
    convert,
    convert_with_offsets,
)
from policytext.script.detect import ScriptDetection, contains_traditional, detect_script

__all__ = [
    "CONVERT_OPTIONS",
    "Conversion",
    "OpenCCInfo",
    "ScriptDetection",
    "UnsupportedConfigError",
    "analysis_text",
    "available_configs",
    "check_convert",
    "contains_traditional",
    "convert",
    "convert_with_offsets",
    "detect_script",
    "opencc_info",
]
