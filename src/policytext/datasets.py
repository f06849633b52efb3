"""Public corpora, fetched once into a cache and checked against a pinned checksum:
:func:`list` says what exists (licence, citation), :func:`fetch` returns it as a Corpus.

Nothing is bundled: the files come from their public addresses, at a pinned commit, and a
download whose SHA-256 differs from the one recorded here is refused (and not kept).
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from policytext.errors import ChecksumError

if TYPE_CHECKING:
    import pandas as pd

    from policytext.corpus import Corpus

__all__ = ["ChecksumError", "Dataset", "cache_dir", "fetch", "list"]

#: environment variable naming the folder datasets are cached in
DATA_DIR_ENV = "POLICYTEXT_DATA_DIR"
#: environment variable naming a mirror (a URL prefix, e.g. file:///srv/mirror/) to fetch from
MIRROR_ENV = "POLICYTEXT_DATASETS_MIRROR"


@dataclass(frozen=True)
class Dataset:
    """One public corpus: where it lives, what its file must hash to, how to cite it.

    Attributes
    ----------
    name : str
        What :func:`fetch` takes (``"gov-work-reports"``).
    description : str
        What the corpus holds.
    url : str
        Where the file is downloaded from, at a pinned commit.
    filename : str
        The file's name in the cache (and on a mirror).
    sha256 : str
        The SHA-256 the file must have.
    size : int
        The file's size in bytes.
    licence : str
        Its licence or copyright status.
    citation : str
        How to cite it.
    year_field : str or None
        The record field holding each document's year.
    """

    name: str
    description: str
    url: str
    filename: str
    sha256: str
    size: int  # bytes
    licence: str
    citation: str
    year_field: str | None = "year"


DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            name="gov-work-reports",
            description=(
                "State Council government work reports (政府工作报告) from Wikisource, JSON Lines "
                "{title, url, content, year}: 52 reports with a year, 1954-2025 (gaps: 1961-1974 "
                "but 1964, 1976-1977, 1989-1991, 1996, 2020), and 20 NPC resolutions without one"
            ),
            url=(
                "https://raw.githubusercontent.com/aldohemsn/chinese-political-corpora/"
                "99bc4b01d11c2b884a83ecc8f966d97e17cd450e/government_work_reports.jsonl"
            ),
            filename="government_work_reports.jsonl",
            sha256="1d4eb8102366f5645e2b423b9659ff83f95aaa01377c62be6177860e71f18023",
            size=3_344_288,
            licence=(
                "Official documents of the PRC State Council, excluded from copyright by art. 5 "
                "of the PRC Copyright Law; transcribed on Wikisource"
            ),
            citation=(
                "State Council of the PRC, 政府工作报告 1954-2025, via Wikisource; collected in "
                "aldohemsn/chinese-political-corpora (GitHub), commit 99bc4b0"
            ),
        ),
    )
}


def cache_dir() -> Path:
    """Where datasets are kept: ``$POLICYTEXT_DATA_DIR``, else the user's cache directory.

    Returns
    -------
    pathlib.Path
        The folder (it need not exist yet); each dataset is in a subfolder named after it.
    """
    given = os.environ.get(DATA_DIR_ENV)
    if given:
        return Path(given)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("policytext")) / "datasets"


def list() -> pd.DataFrame:  # the name the API promises: pt.datasets.list()
    """The datasets :func:`fetch` knows: name, description, size, licence, citation, url, sha256.

    Returns
    -------
    pandas.DataFrame
        One row per dataset: ``name``, ``description``, ``url``, ``filename``,
        ``sha256``, ``size`` (bytes), ``licence``, ``citation``.

    Examples
    --------
    >>> list()["name"].tolist()
    ['gov-work-reports']
    """
    import pandas as pd

    return pd.DataFrame([asdict(d) for d in DATASETS.values()]).drop(columns=["year_field"])


def fetch(
    name: str, *, data_dir: str | os.PathLike[str] | None = None, mirror: str | None = None, progress: bool = True
) -> Corpus:
    """The dataset ``name`` as a :class:`~policytext.Corpus`, downloaded on first use.

    The file is kept under ``data_dir`` (default :func:`cache_dir`) and used again as long
    as its SHA-256 matches; a download is written to a temporary file, checked, and only
    then moved into place, so a failed or corrupted download leaves nothing behind and
    raises :class:`ChecksumError`. ``mirror`` (or ``$POLICYTEXT_DATASETS_MIRROR``) is a URL
    prefix to fetch the file from instead, e.g. ``file:///srv/mirror/``. A progress bar
    goes to stderr when it is a terminal.

    Parameters
    ----------
    name : str
        A dataset :func:`list` names (``"gov-work-reports"``).
    data_dir : str or path-like, optional
        The cache folder (default :func:`cache_dir`).
    mirror : str, optional
        A URL prefix to fetch from instead of the dataset's address (default:
        ``$POLICYTEXT_DATASETS_MIRROR`` when set).
    progress : bool
        Show a progress bar on stderr (only when it is a terminal).

    Returns
    -------
    Corpus
        The file read by :func:`policytext.read_corpus` (its records, with their fields
        as docvars).

    Raises
    ------
    KeyError
        For an unknown ``name``.
    ChecksumError
        When the downloaded file's SHA-256 differs from the pinned one.
    urllib.error.URLError
        When the file cannot be downloaded.
    """
    from policytext.io import read_corpus

    if name not in DATASETS:
        raise KeyError(f"unknown dataset {name!r}; known: {', '.join(sorted(DATASETS))}")
    dataset = DATASETS[name]
    folder = Path(data_dir) if data_dir is not None else cache_dir()
    target = folder / dataset.name / dataset.filename
    if not (target.exists() and _sha256(target) == dataset.sha256):
        mirror = mirror if mirror is not None else os.environ.get(MIRROR_ENV)
        url = urllib.parse.urljoin(mirror if mirror.endswith("/") else mirror + "/", dataset.filename) if mirror else dataset.url
        _download(url, target, dataset, progress=progress and sys.stderr.isatty())
    return read_corpus(target)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _download(url: str, target: Path, dataset: Dataset, *, progress: bool) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    partial = Path(name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=60) as response:
            total = int(response.headers.get("Content-Length") or dataset.size)
            _copy(response, out, digest, total, progress)
        if digest.hexdigest() != dataset.sha256:
            raise ChecksumError(
                f"{url}: SHA-256 {digest.hexdigest()} differs from the pinned {dataset.sha256} "
                f"of dataset {dataset.name!r}; the download was discarded"
            )
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()


def _copy(source: BinaryIO, out: BinaryIO, digest: hashlib._Hash, total: int, progress: bool) -> None:
    done = 0
    for block in iter(lambda: source.read(1 << 16), b""):
        out.write(block)
        digest.update(block)
        done += len(block)
        if progress:
            share = min(1.0, done / total) if total else 1.0
            bar = "#" * int(30 * share)
            sys.stderr.write(f"\r[{bar:<30}] {done / 1e6:6.1f} MB")
            sys.stderr.flush()
    if progress:
        sys.stderr.write("\n")

