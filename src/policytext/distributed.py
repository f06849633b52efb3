"""The connection to a Dask distributed cluster, shared by the batch run and text reuse:
imported only when a scheduler address is given (dask is an optional extra)."""

from __future__ import annotations

from typing import Any

from policytext.errors import ConfigError, DependencyError

__all__ = ["dask_client"]


def dask_client(scheduler: str) -> Any:
    """A client of the Dask scheduler at ``scheduler``.

    Parameters
    ----------
    scheduler : str
        The scheduler's address (``tcp://host:8786``).

    Returns
    -------
    dask.distributed.Client
        Connected; the caller closes it.

    Raises
    ------
    policytext.DependencyError
        When dask.distributed is not installed.
    policytext.ConfigError
        When the scheduler cannot be reached within 15 seconds.
    """
    try:
        from dask.distributed import Client
    except ImportError as exc:
        raise DependencyError('--scheduler needs dask.distributed: pip install "policytext[dask]"') from exc
    try:
        return Client(scheduler, timeout="15s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
