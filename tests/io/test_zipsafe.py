"""Zip bombs in .docx files are refused from the central directory, before decompressing."""

from __future__ import annotations

import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import policytext as pt
from policytext.errors import ReadError
from policytext.io import zipsafe
from tests.conftest import shared_path
from tests.io.helpers import DOCX_SKELETON, write_docx, write_zip

BAODING = "corpora/baoding-county-reports/保定市各县政府工作报告.xlsx"


def _forbid_decompression(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a member was opened for decompression")

    monkeypatch.setattr(zipfile.ZipFile, "open", refuse)


def test_a_small_zip_bomb_is_one_error_row_raised_before_decompressing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    members = {**DOCX_SKELETON, "word/document.xml": b"\0" * (20 * 1024 * 1024)}
    bomb = write_zip(tmp_path / "bomb.docx", members)
    assert bomb.stat().st_size < 40_000  # 20 MiB of zeros in a few tens of kilobytes
    (tmp_path / "fine.txt").write_text("同一文件夹里的正常文件。", encoding="utf-8")
    _forbid_decompression(monkeypatch)
    c = pt.read_corpus(tmp_path)
    assert c.doc_ids == ["fine"]
    row = c.problems.iloc[0]
    assert (row["path"], row["level"]) == ("bomb.docx", "error")
    reason = str(row["reason"])
    assert "bomb.docx" in reason and "zip bomb" in reason and "ratio" in reason


def test_a_bomb_of_many_members_is_refused_by_its_declared_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    zeros = b"\0" * 1_000_000  # under the ratio floor each, but 300 MB together
    members = {**DOCX_SKELETON, "word/document.xml": b"<w:document/>"}
    members |= {f"word/media/pad{i}.bin": zeros for i in range(300)}
    bomb = write_zip(tmp_path / "many.docx", members, level=1)
    _forbid_decompression(monkeypatch)
    c = pt.read_corpus(tmp_path)
    assert len(c) == 0 and c.problems["path"].tolist() == ["many.docx"]
    assert f"{zipsafe.MAX_UNCOMPRESSED_BYTES:,}" in str(c.problems.loc[0, "reason"])
    assert bomb.stat().st_size < 2_000_000


def _lie_about_sizes(path: Path, member: str, declared: int) -> None:
    """Rewrite a member's uncompressed size in its local and central headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at != -1:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = struct.pack("<I", declared)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def test_a_member_that_lies_about_its_size_is_read_no_further_than_declared(tmp_path: Path) -> None:
    members = {**DOCX_SKELETON, "word/document.xml": b"\0" * (8 * 1024 * 1024)}
    liar = write_zip(tmp_path / "liar.docx", members)
    _lie_about_sizes(liar, "word/document.xml", 1000)
    with zipfile.ZipFile(liar) as archive:
        infos = zipsafe.check_zip(archive, name="liar.docx")  # the directory looks harmless
        assert max(i.file_size for i in infos) == 1000
        tracemalloc.start()
        with pytest.raises(ReadError, match=r"word/document\.xml"):
            zipsafe.read_member(archive, archive.getinfo("word/document.xml"), name="liar.docx")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 1024 * 1024  # far below the 8 MiB the member really holds
    c = pt.read_corpus(tmp_path)
    assert c.problems.loc[0, "level"] == "error" and "liar.docx" in str(c.problems.loc[0, "reason"])


def test_an_ordinary_docx_and_the_real_xlsx_pass_the_limits(tmp_path: Path) -> None:
    write_docx(tmp_path / "ok.docx", "一段普通的文字。")
    with zipfile.ZipFile(tmp_path / "ok.docx") as archive:
        zipsafe.check_zip(archive, name="ok.docx")
    assert pt.read_corpus(tmp_path).texts == ("一段普通的文字。",)
    with zipfile.ZipFile(shared_path(BAODING)) as archive:  # the central directory only
        infos = zipsafe.check_zip(archive, name="baoding.xlsx")
    assert any(i.filename == "xl/sharedStrings.xml" for i in infos)


def test_not_a_zip(tmp_path: Path) -> None:
    (tmp_path / "fake.docx").write_text("不是压缩包。", encoding="utf-8")
    pytest.importorskip("docx")
    c = pt.read_corpus(tmp_path)
    assert c.problems.loc[0, "level"] == "error" and "zip" in str(c.problems.loc[0, "reason"])
