"""The reader registry: readers by extension and by content, and the docvars each format gives."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import policytext as pt
import policytext.io as pio
from policytext.errors import ConfigError, ReadError
from policytext.io import Entry, Fault, InputFile, Reader
from tests.io.helpers import write_docx, write_pdf


@pytest.fixture
def registry() -> Iterator[None]:
    """Put the registry back as it was after a test that registers readers."""
    before = pio.list_readers()
    yield
    for reader in pio.list_readers():
        if reader not in before:
            pio.unregister_reader(reader.format)
    for reader in before:
        if pio.get_reader(reader.format) is not reader:
            pio.register_reader(reader, replace=True)
    assert pio.list_readers() == before


def _read_shouting(file: InputFile) -> Iterator[Entry]:
    """A made-up format: one line of text after a 'SHOUT:' tag."""
    text = file.read_bytes().decode("utf-8")
    yield Entry(text.removeprefix("SHOUT:").strip(), "utf-8", {"loud": True})


def _read_ledger(file: InputFile) -> Iterator[Entry | Fault]:
    """A made-up record format: 'LEDGER1' then one 'id|text' per line."""
    lines = file.read_bytes().decode("utf-8").splitlines()[1:]
    for no, line in enumerate(lines, 2):
        if "|" not in line:
            yield Fault(f"line {no}: no '|'", "error", f"{file.name}#line{no}")
            continue
        rid, text = line.split("|", 1)
        yield Entry(text, "utf-8", {"line": no}, rid)


def test_builtin_readers_are_listed_with_what_they_yield() -> None:
    readers = {r.format: r for r in pio.list_readers()}
    assert list(readers)[:8] == ["txt", "md", "html", "docx", "pdf", "csv", "jsonl", "parquet"]
    assert readers["html"].extensions == (".html", ".htm")
    assert readers["jsonl"].extensions == (".jsonl", ".ndjson")
    assert {f for f, r in readers.items() if r.yields == "records"} >= {"csv", "jsonl", "parquet"}
    assert {f for f, r in readers.items() if not r.text_encoding} >= {"docx", "pdf", "parquet"}
    assert readers["docx"].zip_member == "word/document.xml"
    assert pio.find_reader("REPORT.HTM") is readers["html"]  # extensions match in any case


def test_a_reader_registered_by_extension(tmp_path: Path, registry: None) -> None:
    pio.register_reader(Reader("shout", _read_shouting, (".SHOUT",), docvars=("loud",)))
    (tmp_path / "2021讲话.shout").write_text("SHOUT: 大家一起抓好落实。", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("普通的一句话。", encoding="utf-8")
    c = pt.read_corpus(tmp_path)
    assert c.problems.empty
    row = c.docvars.set_index("doc_id").loc["2021讲话"]
    assert c["2021讲话"].text == "大家一起抓好落实。"
    assert (row["format"], row["encoding"], row["loud"], row["year"]) == ("shout", "utf-8", True, 2021)
    archive = pio.scan_archive(tmp_path)  # a reader of one text per file is read again lazily
    assert [pio.load_source(s) for s in archive.sources] == list(c.texts)


def test_a_reader_registered_by_content_sniffing(tmp_path: Path, registry: None) -> None:
    pio.register_reader(
        Reader("ledger", _read_ledger, sniff=lambda head: head.startswith(b"LEDGER1\n"), yields="records")
    )
    (tmp_path / "accounts.dat").write_text("LEDGER1\na1|第一条记录。\nbroken\na2|第二条记录。\n", encoding="utf-8")
    (tmp_path / "other.dat").write_bytes(b"\x00\x01 not a ledger")
    c = pt.read_corpus(tmp_path)
    assert c.doc_ids == ["a1", "a2"] and c.texts == ("第一条记录。", "第二条记录。")
    assert set(c.docvars["format"]) == {"ledger"} and c.docvars["line"].tolist() == [2, 4]
    pr = c.problems.set_index("path")
    assert pr.loc["accounts.dat", "level"] == "error" and "line 3" in pr.loc["accounts.dat", "reason"]
    assert pr.loc["other.dat", "level"] == "skipped"


def test_registering_checks_names_and_extensions(registry: None) -> None:
    with pytest.raises(ConfigError, match="already registered"):
        pio.register_reader(Reader("txt", _read_shouting, (".shout",)))
    with pytest.raises(ConfigError, match=r"'\.md'"):
        pio.register_reader(Reader("notes", _read_shouting, (".md",)))
    with pytest.raises(ConfigError, match=r"like '\.txt'"):
        Reader("bad", _read_shouting, ("shout",))
    with pytest.raises(ConfigError, match="yields"):
        Reader("bad", _read_shouting, yields="lines")  # type: ignore[arg-type]
    # taking an extension over, then giving it back
    pio.register_reader(Reader("notes", _read_shouting, (".md",)), replace=True)
    assert pio.find_reader("a.md").format == "notes"  # type: ignore[union-attr]
    pio.unregister_reader("notes")
    assert pio.find_reader("a.md").format == "md"  # type: ignore[union-attr]
    with pytest.raises(ConfigError, match="no reader"):
        pio.unregister_reader("notes")


def test_unknown_extensions_are_sniffed_for_pdf_docx_and_html(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    write_pdf(folder / "scan-2019", "The county budget grew by five percent.")
    write_docx(tmp_path / "r.docx", "县政府工作报告", "今年完成植树一万株。")
    (tmp_path / "r.docx").rename(folder / "report.bin")
    (folder / "page").write_text(
        "\ufeff  <!DOCTYPE HTML><html><body><p>网页上的一段话。</p></body></html>", encoding="utf-8"
    )
    (folder / "notes").write_text("没有扩展名的文本不读。", encoding="utf-8")
    c = pt.read_corpus(folder)
    dv = c.docvars.set_index("doc_id")
    assert dv["format"].to_dict() == {"page": "html", "report": "docx", "scan-2019": "pdf"}
    assert c["report"].text == "县政府工作报告\n今年完成植树一万株。"
    assert c["page"].text == "网页上的一段话。"
    assert c["scan-2019"].text == "The county budget grew by five percent."
    assert c.problems[["path", "level"]].values.tolist() == [["notes", "skipped"]]
    # the same sniffing when a document is read again, and for a file named explicitly
    assert pio.read_text_file(folder / "report.bin")[:2] == (c["report"].text, "")
    archive = pio.scan_archive(folder)
    assert [pio.load_source(s) for s in archive.sources] == list(c.texts)
    assert pt.read_corpus(folder / "notes").texts == ("没有扩展名的文本不读。",)


def test_format_and_encoding_docvars_of_every_format(tmp_path: Path) -> None:
    rows = [{"id": "r1", "text": "记录里的一句话。"}, {"id": "r2", "text": "又一句话。"}]
    (tmp_path / "a.txt").write_bytes("用国标码保存的文字。".encode("gb18030"))
    (tmp_path / "b.md").write_text("# 标题\n\n正文一段。", encoding="utf-8")
    (tmp_path / "c.htm").write_bytes(
        '<html><head><meta charset="big5"></head><body>繁體網頁內容。</body></html>'.encode("big5")
    )
    write_docx(tmp_path / "d.docx", "文档里的话。")
    write_pdf(tmp_path / "e.pdf", "A sentence in a PDF.")
    (tmp_path / "f.csv").write_bytes(pd.DataFrame(rows).to_csv(index=False).encode("utf-8-sig"))
    records = [{"id": "j1", "text": "一行一条记录。"}, {"id": "j2", "text": "第二条。"}]
    (tmp_path / "g.ndjson").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    pd.DataFrame([{"id": "p1", "text": "表格文件里的话。"}]).to_parquet(tmp_path / "h.parquet")
    c = pt.read_corpus(tmp_path)
    assert c.problems.empty
    got = {d: (f, e) for d, f, e in c.docvars[["doc_id", "format", "encoding"]].itertuples(index=False)}
    assert got == {
        "a": ("txt", "gb18030"),
        "b": ("md", "utf-8"),
        "c": ("html", "big5"),
        "d": ("docx", ""),
        "e": ("pdf", ""),
        "r1": ("csv", "utf-8-sig"),
        "r2": ("csv", "utf-8-sig"),
        "j1": ("jsonl", "utf-8"),
        "j2": ("jsonl", "utf-8"),
        "p1": ("parquet", ""),
    }
    assert c["c"].text == "繁體網頁內容。"
    assert pio.read_text_file(tmp_path / "d.docx")[1] == ""


def test_errors_are_read_errors_and_no_private_class_escapes(tmp_path: Path) -> None:
    assert issubclass(pio.DecodeProblem, ReadError) and issubclass(pio.BinaryFileError, ReadError)
    assert issubclass(ReadError, ValueError)  # older `except ValueError` keeps working
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ReadError, match="binary"):
        pio.read_text_file(tmp_path / "b.txt")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    pytest.importorskip("pypdf")
    with pytest.raises(ReadError):
        pio.read_text_file(tmp_path / "x.pdf")
    assert not hasattr(pio.read, "_ReadError")


def test_io_all_names_the_public_surface() -> None:
    wanted = {
        "Archive", "scan_archive", "load_source", "read_corpus", "read_text_file", "decode_bytes",
        "Reader", "register_reader", "unregister_reader", "list_readers", "find_reader",
    }
    assert wanted <= set(pio.__all__)
    assert all(hasattr(pio, name) for name in pio.__all__)


def test_importing_the_reading_layer_loads_no_heavy_package() -> None:
    import subprocess
    import sys

    code = (
        "import sys, policytext.io as pio; pio.list_readers(); "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'docx', 'pypdf') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "[]"
