"""The exceptions policytext raises: one base class, :class:`PolicytextError`, and a few kinds.

Every error a public function raises on purpose derives from :class:`PolicytextError`, so
``except pt.PolicytextError`` catches them all.  The kinds also derive from the built-in
exception a caller would expect (``ValueError`` for a bad option or an unreadable file,
``OSError`` for an output folder that cannot be written), so older ``except ValueError``
code keeps working.  Each message says what went wrong, where, and what to do.
"""

from __future__ import annotations

__all__ = [
    "ChecksumError",
    "ConfigError",
    "DependencyError",
    "OutputError",
    "PolicytextError",
    "ReadError",
    "UnsupportedConfigError",
]


class PolicytextError(Exception):
    """Base class of every error policytext raises on purpose."""


class ConfigError(PolicytextError, ValueError):
    """An option, a configuration value or a user file (themes, dictionary) is not usable."""


class UnsupportedConfigError(ConfigError):
    """The OpenCC config does not exist, or the installed OpenCC does not provide it."""


class ReadError(PolicytextError, ValueError):
    """A file or a record cannot be read as a document (``path`` and ``record`` say which)."""

    def __init__(self, message: str, *, path: str | None = None, record: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.record = record


class OutputError(PolicytextError, OSError):
    """The output folder cannot be used (it is a file, read-only, or another run holds it)."""


class DependencyError(PolicytextError, ImportError):
    """An optional dependency is missing; the message names the extra that installs it."""


class ChecksumError(PolicytextError, ValueError):
    """Downloaded or cached bytes do not match the checksum recorded for them."""
