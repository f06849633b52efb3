"""Opening zip containers (.docx, and .xlsx to come) without trusting their sizes.

A zip bomb is a few kilobytes that decompress to gigabytes.  Before anything is
decompressed, the zip's central directory is checked: the declared uncompressed total must
stay under :data:`MAX_UNCOMPRESSED_BYTES`, and no large member may declare a compression
ratio above :data:`MAX_COMPRESSION_RATIO`.  Members are then read with a bounded reader
that stops at the declared size, so a member whose header lies about its size cannot
make the reader hold more than the limits allow either.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from policytext.errors import ReadError

__all__ = [
    "MAX_COMPRESSION_RATIO",
    "MAX_MEMBERS",
    "MAX_UNCOMPRESSED_BYTES",
    "RATIO_FLOOR_BYTES",
    "check_zip",
    "read_member",
    "unpack_zip",
]

#: the most a zip container may declare it decompresses to, all members together
#: (256 MiB: a long report with images is a few MiB; this leaves room for big ones)
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
#: the highest uncompressed/compressed ratio a large member may declare; XML compresses
#: about 5-20 times, deflate's ceiling is about 1000 (runs of one byte, which bombs use)
MAX_COMPRESSION_RATIO = 100
#: members smaller than this are not held to the ratio (tiny repetitive XML parts
#: compress very well and cannot hurt)
RATIO_FLOOR_BYTES = 1024 * 1024
#: the most members a container may have
MAX_MEMBERS = 10_000

_CHUNK = 1 << 16


def check_zip(archive: zipfile.ZipFile, *, name: str) -> list[zipfile.ZipInfo]:
    """Check a zip's central directory against the limits, decompressing nothing.

    Parameters
    ----------
    archive : zipfile.ZipFile
        The open zip (opening reads only its central directory).
    name : str
        The file, as the error message should name it.

    Returns
    -------
    list of zipfile.ZipInfo
        Its members, as declared.

    Raises
    ------
    ReadError
        Too many members, a declared total above :data:`MAX_UNCOMPRESSED_BYTES`, or a
        member of at least :data:`RATIO_FLOOR_BYTES` declaring a ratio above
        :data:`MAX_COMPRESSION_RATIO` (a zip bomb, or a damaged file).
    """
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ReadError(
            f"{name}: a zip of {len(members):,} members (the limit is {MAX_MEMBERS:,}); "
            "refused as a possible zip bomb",
            path=name,
        )
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReadError(
            f"{name}: declares {total:,} bytes uncompressed (the limit is "
            f"{MAX_UNCOMPRESSED_BYTES:,}); refused as a possible zip bomb",
            path=name,
        )
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size >= RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise ReadError(
                f"{name}: member {m.filename!r} declares {m.file_size:,} bytes from "
                f"{m.compress_size:,} (ratio {ratio:,.0f}, the limit is "
                f"{MAX_COMPRESSION_RATIO}); refused as a possible zip bomb",
                path=name,
                record=m.filename,
            )
    return members


def read_member(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, name: str, limit: int | None = None
) -> bytes:
    """A member's bytes, read in chunks and never more than declared (or ``limit``).

    Parameters
    ----------
    archive : zipfile.ZipFile
        The zip, already checked with :func:`check_zip`.
    member : zipfile.ZipInfo
        The member to read.
    name : str
        The file, as the error message should name it.
    limit : int, optional
        Read at most this many bytes (default: the member's declared size).

    Returns
    -------
    bytes
        The member's uncompressed bytes.

    Raises
    ------
    ReadError
        The member holds more than it declares, is encrypted, uses an unsupported
        compression, or is damaged (bad CRC, truncated stream).
    """
    cap = member.file_size if limit is None else min(limit, member.file_size)
    parts: list[bytes] = []
    size = 0
    try:
        with archive.open(member) as stream:
            while True:
                chunk = stream.read(min(_CHUNK, cap - size + 1))
                if not chunk:
                    break
                size += len(chunk)
                if size > cap:
                    raise ReadError(
                        f"{name}: member {member.filename!r} decompresses to more than the "
                        f"{cap:,} bytes it declares; refused as a possible zip bomb",
                        path=name,
                        record=member.filename,
                    )
                parts.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: e.g. deflate64
        raise ReadError(
            f"{name}: member {member.filename!r} cannot be read: {exc}", path=name, record=member.filename
        ) from exc
    return b"".join(parts)


def unpack_zip(path: str, *, name: str) -> io.BytesIO:
    """A checked copy of a zip container, every member read with the bounded reader.

    The copy is an uncompressed zip in memory, so a library that opens it (python-docx,
    openpyxl) decompresses nothing and holds at most :data:`MAX_UNCOMPRESSED_BYTES`.

    Parameters
    ----------
    path : str
        The zip file's OS path.
    name : str
        The file, as error messages should name it.

    Returns
    -------
    io.BytesIO
        The copy, positioned at its start.

    Raises
    ------
    ReadError
        Not a zip file, or one the limits refuse (see :func:`check_zip`, :func:`read_member`).
    OSError
        The file cannot be opened.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise ReadError(f"{name}: not a readable zip container: {exc}", path=name) from exc
    out = io.BytesIO()
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
        for member in check_zip(archive, name=name):
            if member.is_dir():
                continue
            copy.writestr(member.filename, read_member(archive, member, name=name))
    out.seek(0)
    return out
