"""The reader of .xlsx: every sheet, the header after title rows, cell types, spreadsheet
errors, sniffing, the zip limits and the missing extra.  The workbooks are written here,
part by part, as spreadsheet programs and scrapers' exporters write them; every table is
made up."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pandas as pd
import pytest

import policytext as pt
from policytext.io import Entry, InputFile, xlsx
from tests.io.helpers import write_zip

pytest.importorskip("python_calamine")

PARAGRAPH = "过去一年，全县上下坚持稳中求进工作总基调，经济运行总体平稳，民生保障持续改善。" * 6
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


class Error(str):
    """A cell holding a spreadsheet error (#REF!, #VALUE!)."""


class Date(float):
    """A cell holding a date: its serial number, with a date format."""


class Raw(str):
    """A cell written as given (to damage a sheet)."""


def _column(i: int) -> str:
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def _cell(ref: str, value: Any, strings: list[str]) -> str:
    if value is None:
        return ""
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, Error):
        return f'<c r="{ref}" t="e"><v>{value}</v></c>'
    if isinstance(value, Date):
        return f'<c r="{ref}" s="1"><v>{float(value)}</v></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    strings.append(value)  # shared strings, as Excel writes text
    return f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'


def _sheet(rows: dict[int, list[Any]], strings: list[str]) -> str:
    body = "".join(
        f'<row r="{r}">' + "".join(_cell(f"{_column(c)}{r}", v, strings) for c, v in enumerate(cells)) + "</row>"
        for r, cells in sorted(rows.items())
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>{body}</sheetData></worksheet>'


def write_xlsx(path: Path, sheets: dict[str, dict[int, list[Any]]]) -> Path:
    """A workbook of ``{sheet: {row number: cells}}``; text in shared strings."""
    strings: list[str] = []
    parts = {f"xl/worksheets/sheet{i}.xml": _sheet(rows, strings) for i, rows in enumerate(sheets.values(), 1)}
    names = "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(sheets, 1))
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, len(sheets) + 1)
    )
    n = len(sheets)
    rels += f'<Relationship Id="rId{n + 1}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    rels += f'<Relationship Id="rId{n + 2}" Type="{_REL}/styles" Target="styles.xml"/>'
    sheet_types = "".join(
        f'<Override PartName="/{p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for p in parts
    )
    ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ooxml}.sheet.main+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ooxml}.sharedStrings+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ooxml}.styles+xml"/>{sheet_types}</Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
            f"<sheets>{names}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">{rels}</Relationships>',
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{_MAIN}">'
            '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
        ),
        **parts,
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'
            + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
            + "</sst>"
        ),
    }
    return write_zip(path, {k: v.encode("utf-8") for k, v in members.items()})


def _book() -> dict[str, dict[int, list[Any]]]:
    """Two sheets of reports: the first with a title row above its header, a blank row, an
    empty text, a text cell holding an error and one holding a number; the second
    without a title row, with codes and a mixed column."""
    escaped = "一、过去一年的工作\\r\\n" + PARAGRAPH
    return {
        "县级报告": {
            1: ["2024年各县政府工作报告汇总"],
            3: ["年份", "区县名称", "报告标题", "报告全文", "发布日期", "字数"],
            4: [2022, "甲县", "甲县2022年政府工作报告", escaped, Date(44562), 3056],
            5: [2023, "乙县", "乙县2023年政府工作报告", None, Date(44927), 0],
            6: [2023, "丙县", "丙县2023年政府工作报告", Error("#VALUE!"), None, 4100],
            7: [2024, "丁县", "丁县2024年政府工作报告", 12345, None, 4200],
            8: [2024, "戊县", "戊县2024年政府工作报告", PARAGRAPH, None, Error("#DIV/0!")],
        },
        "Sheet2": {},
        "市级": {
            1: ["Title", "Content", "区划代码", "届次", "备注"],
            2: ["甲市报告", PARAGRAPH, 130607, 14, "第十四届"],
            3: ["乙市报告", PARAGRAPH, 130608, 15, 3],
        },
        "说明": {1: ["字段", "含义"], 2: ["年份", "报告所属年份"], 3: ["报告全文", "报告正文"]},
    }


def test_every_sheet_is_read_after_its_title_rows(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "reports.xlsx", _book())
    c = pt.read_corpus(tmp_path)
    dv = c.docvars.set_index("doc_id")
    assert list(dv.index) == ["reports.xlsx#1", "reports.xlsx#5", "reports.xlsx#6", "reports.xlsx#7"]
    assert dv["sheet"].tolist() == ["县级报告", "县级报告", "市级", "市级"]
    assert dv["sheet_row"].tolist() == [4, 8, 2, 3]  # as the spreadsheet numbers its rows
    assert dv["text_field"].tolist() == ["报告全文", "报告全文", "Content", "Content"]
    assert dv["title"].tolist() == ["甲县2022年政府工作报告", "戊县2024年政府工作报告", "甲市报告", "乙市报告"]
    assert set(dv["format"]) == {"xlsx"} and set(dv["encoding"]) == {""}
    assert c.texts[0] == "一、过去一年的工作\n" + PARAGRAPH  # the literal \r\n is a line break


def test_cells_keep_their_types(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "reports.xlsx", _book())
    docs = [e for e in xlsx.read_xlsx(InputFile(str(path), path.name)) if isinstance(e, Entry)]
    first = docs[0].docvars
    assert (first["年份"], first["字数"]) == (2022, 3056)  # whole numbers are int, not 2022.0
    assert isinstance(first["年份"], int)
    assert first["发布日期"] == "2022-01-01"  # a date cell is ISO text
    city = [d.docvars for d in docs if d.docvars["sheet"] == "市级"]
    assert [d["区划代码"] for d in city] == ["130607", "130608"]  # fixed-width codes: text, digits kept
    assert [d["届次"] for d in city] == [14, 15]  # two-digit counts stay numbers
    assert [d["备注"] for d in city] == ["第十四届", "3"]  # a mixed column is text throughout


def test_empty_unreadable_and_textless_rows_and_sheets(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "reports.xlsx", _book())
    c = pt.read_corpus(tmp_path)
    pr = c.problems.set_index("doc_id")
    assert pr.loc["reports.xlsx#2", "level"] == "skipped"
    assert pr.loc["reports.xlsx#2", "reason"] == "sheet '县级报告' row 5: the '报告全文' field is empty"
    assert pr.loc["reports.xlsx#3", "level"] == "error"
    assert pr.loc["reports.xlsx#3", "reason"] == (
        "sheet '县级报告' row 6: the '报告全文' field cannot be read: cell D6 holds the spreadsheet error #VALUE!"
    )
    assert pr.loc["reports.xlsx#4", "level"] == "error"
    assert "holds a number (12345), not text" in pr.loc["reports.xlsx#4", "reason"]
    # an error outside the text: the document is kept, the docvar empty, with a warning
    assert pr.loc["reports.xlsx#5", "level"] == "warning" and "#DIV/0!" in pr.loc["reports.xlsx#5", "reason"]
    assert pd.isna(c.docvars.set_index("doc_id").loc["reports.xlsx#5", "字数"])
    # a sheet of field notes holds no text; the empty Sheet2 is not worth a row
    assert pr.loc["reports.xlsx#说明", "level"] == "skipped"
    assert pr.loc["reports.xlsx#说明", "reason"].startswith("no text field: reports.xlsx sheet '说明'")
    assert len(pr) == 5


def test_a_damaged_sheet_costs_only_itself(tmp_path: Path) -> None:
    book = _book()
    book["县级报告"][9] = [2024, "己县", Raw('<c r="C9" t="n"><v>not a number</v></c>'), PARAGRAPH]
    write_xlsx(tmp_path / "reports.xlsx", book)
    c = pt.read_corpus(tmp_path)
    assert set(c.docvars["sheet"]) == {"市级"}
    errors = c.problems[c.problems["level"] == "error"]
    assert errors["doc_id"].tolist() == ["reports.xlsx#县级报告"]
    assert errors["reason"].iloc[0].startswith("sheet '县级报告' cannot be read")


def test_a_sheet_without_a_header_is_named_by_letters(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "raw.xlsx", {"S": {1: ["甲县", PARAGRAPH], 2: ["乙县", PARAGRAPH]}})
    c = pt.read_corpus(tmp_path)
    assert len(c) == 2 and set(c.docvars["text_field"]) == {"B"} and c.docvars["A"].tolist() == ["甲县", "乙县"]


def test_text_field_names_the_column_in_every_sheet(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "reports.xlsx", _book())
    c = pt.read_corpus(tmp_path, text_field="报告标题")
    assert len(c) == 5 and set(c.docvars["sheet"]) == {"县级报告"}
    errors = c.problems[c.problems["level"] == "error"]
    assert sorted(errors["doc_id"]) == ["reports.xlsx#市级", "reports.xlsx#说明"]
    assert all("no text field '报告标题'" in r for r in errors["reason"])


def test_a_workbook_is_sniffed_by_its_parts(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "export.dat", {"S": {1: ["标题", "正文"], 2: ["甲", PARAGRAPH]}})
    c = pt.read_corpus(tmp_path)
    assert c.docvars["format"].tolist() == ["xlsx"] and c.texts == (PARAGRAPH,)


def test_the_zip_limits_hold_before_anything_is_inflated(tmp_path: Path) -> None:
    write_zip(tmp_path / "bomb.xlsx", {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"\0" * (4 << 20)})
    with zipfile.ZipFile(tmp_path / "bomb.xlsx") as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").compress_size < (4 << 20) // 100
    c = pt.read_corpus(tmp_path)
    assert c.problems["level"].tolist() == ["error"] and "zip bomb" in c.problems.loc[0, "reason"]


def test_a_missing_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_xlsx(tmp_path / "reports.xlsx", {"S": {1: ["标题", "正文"], 2: ["甲", PARAGRAPH]}})
    monkeypatch.setitem(sys.modules, "python_calamine", None)  # import now fails
    c = pt.read_corpus(tmp_path)
    assert c.problems["level"].tolist() == ["error"]
    assert "pip install 'policytext[xlsx]'" in c.problems.loc[0, "reason"]


def test_error_cells_are_found_in_the_sheet_xml(tmp_path: Path) -> None:
    write_xlsx(tmp_path / "e.xlsx", {"甲": {1: ["a", Error("#N/A")], 3: [Error("#REF!")]}, "乙": {1: ["b"]}})
    assert xlsx.sheet_errors(str(tmp_path / "e.xlsx")) == {"甲": {(0, 1): "#N/A", (2, 0): "#REF!"}, "乙": {}}
