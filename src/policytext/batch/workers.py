"""Where documents are analysed: in this process, in local worker processes, or on a Dask
distributed cluster. Results come back in input order whichever is used, so the tables
do not depend on it. A document that fails becomes an error message, never an exception
that stops the run."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from policytext.batch.document import DocResult, Options, analyze_document
from policytext.batch.held import held_bytes
from policytext.distributed import dask_client
from policytext.errors import ConfigError

__all__ = ["Engine", "analyze_source"]

Source = str | tuple[str, str | None]


def analyze_source(doc_id: str, source: Source, options: Options) -> DocResult | str:
    """A worker's job: read the document (a file is read by the worker itself) and analyse
    it; the result, or the error message (one bad document never stops a run)."""
    from policytext.io import load_source

    try:
        result = analyze_document(doc_id, load_source(source), options)
        result.held = held_bytes(result)
        return result
    except Exception as exc:  # the reason goes into the errors table
        return f"{type(exc).__name__}: {exc}"


def _analyze_many(ids: list[str], sources: list[Source], options: Options) -> list[DocResult | str]:
    """A worker's share of a chunk (fewer round trips than one task per document)."""
    return [analyze_source(i, source, options) for i, source in zip(ids, sources)]


class Engine:
    """Runs jobs here, in ``jobs`` local processes, or on the Dask cluster at ``scheduler``."""

    def __init__(self, jobs: int = 1, scheduler: str | None = None) -> None:
        if jobs < 1:
            raise ConfigError(f"--jobs must be at least 1, not {jobs}")
        self.jobs, self.scheduler = jobs, scheduler
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        if scheduler:
            self._client = dask_client(scheduler)
        elif jobs > 1:
            self._pool = ProcessPoolExecutor(max_workers=jobs)

    @property
    def width(self) -> int:
        """How many documents are analysed at once: the local processes, or the cluster's
        worker threads."""
        if self._client is not None:
            return max(1, sum(self._client.nthreads().values()))
        return self.jobs

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, ids: list[str], sources: list[Source], options: Options) -> Callable[[], list[DocResult | str]]:
        """Start analysing these documents; the function returned waits for the results (in
        input order). Workers go on with one batch while the caller handles the previous one."""
        if not ids:
            return list
        if self._client is not None:
            futures = self._client.map(analyze_source, ids, sources, [options] * len(ids), pure=False)
            return lambda: list(self._client.gather(futures))
        if self._pool is not None and len(ids) > 1:
            size = max(1, len(ids) // (self.jobs * 4))
            parts = [self._pool.submit(_analyze_many, ids[k : k + size], sources[k : k + size], options)
                     for k in range(0, len(ids), size)]
            return lambda: [result for part in parts for result in part.result()]
        return lambda: _analyze_many(ids, sources, options)

    def call(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``function(*args, **kwargs)`` in one of the local worker processes when there are
        any (this process only waits: its share of the run's CPU stays small), else here."""
        if self._pool is not None:
            return self._pool.submit(function, *args, **kwargs).result()
        return function(*args, **kwargs)

    def pass_pool(self, initializer: Callable[..., None], state: Any) -> Executor | ClusterPass | None:
        """Where a pass that needs corpus-wide state runs: local processes started with
        ``initializer(state)``; the Dask cluster's workers, given ``state`` with each call
        (sent to them once); or None: this process, after ``initializer``."""
        if self._client is not None:
            return ClusterPass(self._client, state)
        if self.jobs > 1:
            return ProcessPoolExecutor(max_workers=self.jobs, initializer=initializer, initargs=(state,))
        initializer(state)
        return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None
        if self._client is not None:
            self._client.close()
            self._client = None


class ClusterPass:
    """A pass on the Dask cluster: ``state`` is sent to every worker once, and each call
    receives it as its ``state`` argument (the client keeps no segmenter and does no work)."""

    def __init__(self, client: Any, state: Any) -> None:
        self._client = client
        [self._state] = client.scatter([state], broadcast=True, hash=False)

    def map(self, function: Callable[..., Any], chunks: Iterable[Any]) -> list[Any]:
        """``function(chunk, state=state)`` for every chunk, in their order."""
        futures = self._client.map(function, list(chunks), state=self._state, pure=False)
        return list(self._client.gather(futures))

    def shutdown(self) -> None:
        self._state.release()


def in_chunks(n: int, size: int) -> Iterable[range]:
    """``range(n)`` cut into consecutive ranges of ``size``."""
    for start in range(0, n, size):
        yield range(start, min(n, start + size))
