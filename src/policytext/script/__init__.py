"""Script stage: detect Simplified / Traditional script and convert between them with OpenCC."""

from policytext.script.backend import (
    OpenCCInfo,
    UnsupportedConfigError,
    available_configs,
    opencc_info,
)
from policytext.script.convert import Conversion, convert, convert_with_offsets
from policytext.script.detect import ScriptDetection, detect_script

__all__ = [
    "Conversion",
    "OpenCCInfo",
    "ScriptDetection",
    "UnsupportedConfigError",
    "available_configs",
    "convert",
    "convert_with_offsets",
    "detect_script",
    "opencc_info",
]
