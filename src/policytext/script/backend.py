"""Which OpenCC is installed, and one converter per config, loaded lazily and once.

Two distributions install the same top-level module ``opencc``: OpenCC's official binding
(C++, wheels for the common platforms) and ``opencc-python-reimplemented`` (pure Python,
slower, fewer configs).  Both are supported; :func:`opencc_info` says which one is in use.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from policytext.errors import DependencyError, UnsupportedConfigError
from policytext.script.resources import CONFIGS

OFFICIAL = "official"
REIMPLEMENTED = "reimplemented"


@dataclass(frozen=True)
class OpenCCInfo:
    """The OpenCC in use.

    Attributes
    ----------
    implementation : {"official", "reimplemented"}
        OpenCC's official binding or ``opencc-python-reimplemented``.
    version : str
        Its version (``"unknown"`` when the metadata do not say).
    module_path : str
        The folder of the ``opencc`` module.
    configs : tuple of str
        The configs it provides.
    """

    implementation: str  # "official" or "reimplemented"
    version: str
    module_path: str
    configs: tuple[str, ...]


def _config_dir_configs(directory: str) -> tuple[str, ...]:
    try:
        names = os.listdir(directory)
    except OSError:
        return ()
    return tuple(sorted(n[:-5] for n in names if n.endswith(".json") and n[:-5] in CONFIGS))


@functools.lru_cache(maxsize=1)
def _module() -> Any:
    try:
        return importlib.import_module("opencc")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise DependencyError(
            "policytext needs OpenCC, and neither the official binding (`opencc`) nor the pure-Python "
            "port (`opencc-python-reimplemented`) is installed: pip install \"policytext[opencc]\" "
            "(the binding) or, where it has no wheel for your platform, pip install \"policytext[pure]\""
        ) from exc


@functools.lru_cache(maxsize=1)
def opencc_info() -> OpenCCInfo:
    """Describe the OpenCC implementation that ``import opencc`` gives.

    Returns
    -------
    OpenCCInfo
        ``implementation`` (``"official"`` or ``"reimplemented"``), ``version``,
        ``module_path`` and ``configs``.

    Raises
    ------
    policytext.DependencyError
        When no OpenCC is installed.
    """
    mod = _module()
    base = os.path.dirname(mod.__file__ or "")
    if hasattr(mod, "opencc_clib") or hasattr(mod, "clib"):
        share = getattr(mod, "_opencc_share_dir", os.path.join(base, "clib", "share", "opencc"))
        return OpenCCInfo(
            OFFICIAL, str(getattr(mod, "__version__", "unknown")), base, _config_dir_configs(share)
        )
    version = "unknown"
    try:
        from importlib.metadata import version as dist_version

        version = dist_version("opencc-python-reimplemented")
    except Exception:  # metadata missing in unusual installs; the version is informative only
        pass
    return OpenCCInfo(
        REIMPLEMENTED, version, base, _config_dir_configs(os.path.join(base, "config"))
    )


def available_configs() -> tuple[str, ...]:
    """The OpenCC configs the installed implementation provides.

    Returns
    -------
    tuple of str
        Config names without ``.json`` (``"s2t"``, ``"t2s"``, ``"s2twp"`` …), sorted.

    Raises
    ------
    policytext.DependencyError
        When no OpenCC is installed.

    Examples
    --------
    >>> "t2s" in available_configs()
    True
    """
    return opencc_info().configs


_lock = threading.Lock()


@functools.cache
def converter(config: str) -> Callable[[str], str]:
    """A ``str -> str`` converter for ``config`` (e.g. ``"t2s"``), created once per process."""
    name = config[:-5] if config.endswith(".json") else config
    if name not in CONFIGS:
        raise UnsupportedConfigError(
            f"unknown OpenCC config {config!r}; known configs: {', '.join(sorted(CONFIGS))}"
        )
    info = opencc_info()
    if info.configs and name not in info.configs:
        raise UnsupportedConfigError(
            f"OpenCC config {name!r} is not provided by the installed {info.implementation} "
            f"OpenCC {info.version} (it has: {', '.join(info.configs)}); install the official "
            "binding with `pip install opencc` for every config"
        )
    with _lock:
        try:
            engine = _module().OpenCC(name)
        except (FileNotFoundError, RuntimeError, OSError) as exc:
            raise UnsupportedConfigError(
                f"OpenCC config {name!r} could not be loaded by the installed "
                f"{info.implementation} OpenCC: {exc}"
            ) from exc
    engine_convert: Callable[[str], str] = engine.convert

    def convert(text: str) -> str:
        # OpenCC takes UTF-8: a lone surrogate (broken UTF-16 in the source) becomes U+FFFD,
        # one character for one, so offsets still hold
        if _SURROGATE.search(text):
            text = _SURROGATE.sub("\ufffd", text)
        return engine_convert(text)

    return convert


_SURROGATE = re.compile("[\ud800-\udfff]")
_SEPARATOR = "\x01"  # passes through OpenCC untouched and never occurs in real text


def convert_each(config: str, items: list[str]) -> list[str]:
    """Convert each item on its own (no phrase context across items) in one OpenCC call."""
    fn = converter(config)
    out = fn(_SEPARATOR.join(items)).split(_SEPARATOR)
    if len(out) != len(items):  # pragma: no cover - defensive: OpenCC ate a separator
        out = [fn(item) for item in items]
    return out
