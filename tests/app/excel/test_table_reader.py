"""read_table: formats, header detection, row numbers as the sheet shows them, unreadable files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import xlwt
from openpyxl import Workbook

from app.errors import ImportFileError
from app.excel.table_reader import read_table

SYNONYMS = {"a": ["甲", "甲列"], "b": ["乙"], "c": ["丙"]}


def xlsx(
    path: Path, rows: list[list[object]], *, sheets: dict[str, list[list[object]]] | None = None
) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "第一页"
    for row in rows:
        sheet.append(row)
    for name, extra in (sheets or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    book.save(path)
    return path


def test_plain_xlsx_keeps_values_and_numbers_rows_from_the_header(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [[" 甲 ", "乙", "丙"], ["x", 2, dt.date(2010, 1, 5)]])
    table = read_table(path)
    assert table.headers == ("甲", "乙", "丙")
    assert (table.header_row, table.row_numbers, table.sheet) == (1, [2], "第一页")
    assert table.rows == [["x", 2.0, dt.date(2010, 1, 5)]]  # calamine: whole numbers as floats


def test_the_header_is_found_below_a_title_and_empty_leading_rows(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["A2"] = "2026 年秋季花名册"
    sheet["B4"], sheet["C4"] = "甲列", "乙"
    sheet["B5"], sheet["C5"] = "v1", "w1"
    sheet["B7"], sheet["C7"] = "v2", "w2"
    book.save(tmp_path / "t.xlsx")
    table = read_table(tmp_path / "t.xlsx", synonyms=SYNONYMS)
    assert table.header_row == 4
    assert table.headers == ("", "甲列", "乙")
    assert table.row_numbers == [5, 7]
    assert table.rows == [[None, "v1", "w1"], [None, "v2", "w2"]]
    assert table.skipped_blank == 1


def test_without_synonyms_the_first_non_blank_row_is_the_header(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "n.xlsx", [[], ["标题"], ["甲", "乙"], ["x", "y"]])
    table = read_table(path)
    assert (table.header_row, table.headers) == (2, ("标题", ""))
    assert table.row_numbers == [3, 4]


def test_trailing_blank_rows_are_not_counted(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "b.xlsx", [["甲", "乙"], ["x", "y"], [" ", None], ["", ""]])
    table = read_table(path)
    assert (table.rows, table.skipped_blank) == ([["x", "y"]], 0)


def test_values_beyond_the_last_header_are_kept_with_an_empty_header(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "w.xlsx", [["甲", "乙"], ["x", None, "extra"]])
    table = read_table(path)
    assert table.headers == ("甲", "乙", "")
    assert table.rows == [["x", None, "extra"]]


def test_a_sheet_can_be_chosen_by_name_or_index(tmp_path: Path) -> None:
    path = xlsx(tmp_path / "s.xlsx", [["甲"], ["1"]], sheets={"二班": [["乙"], ["2"]]})
    assert read_table(path, sheet="二班").rows == [["2"]]
    assert read_table(path, sheet=1).headers == ("乙",)
    with pytest.raises(ImportFileError) as info:
        read_table(path, sheet="三班")
    assert "三班" in info.value.what and "第一页, 二班" in info.value.todo


def test_xls_files_are_read_and_an_xls_that_is_really_xlsx_too(tmp_path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("名单")
    for c, value in enumerate(["甲", "乙"]):
        sheet.write(0, c, value)
    sheet.write(1, 0, dt.date(2010, 1, 5), xlwt.easyxf(num_format_str="YYYY-MM-DD"))
    sheet.write(1, 1, 3)
    book.save(str(tmp_path / "a.xls"))
    table = read_table(tmp_path / "a.xls")
    assert table.headers == ("甲", "乙") and table.rows[0][0] == dt.date(2010, 1, 5)
    assert table.rows[0][1] == 3

    shutil.copy(xlsx(tmp_path / "real.xlsx", [["甲"], ["x"]]), tmp_path / "named.xls")
    assert read_table(tmp_path / "named.xls").rows == [["x"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes('学籍号,姓名\r\nG1,张三\r\n,\r\nG2,"李,四"\r\n'.encode(encoding))
    table = read_table(path)
    assert table.headers == ("学籍号", "姓名")
    assert table.rows == [["G1", "张三"], ["G2", "李,四"]]
    assert (table.row_numbers, table.skipped_blank, table.sheet) == ([2, 4], 1, "")


def test_tab_separated_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("甲\t乙\nx\ty\n", encoding="utf-8")
    assert read_table(path).rows == [["x", "y"]]


def test_short_csv_rows_are_padded(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("甲,乙,丙\nx\ny,z,w,v\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ("甲", "乙", "丙", "")
    assert table.rows == [["x", None, None, None], ["y", "z", "w", "v"]]


def test_a_password_protected_workbook_is_named_as_such(tmp_path: Path) -> None:
    # An encrypted .xlsx is a compound (CFB) file holding an "EncryptedPackage" stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    path = tmp_path / "locked.xlsx"
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 1024)
    with pytest.raises(ImportFileError) as info:
        read_table(path)
    assert "password" in info.value.what and "remove the password" in info.value.todo


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.xlsx", b"PK\x03\x04 broken zip", "cannot be read as a spreadsheet"),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "cannot be read"),
        ("a.xlsx", b"plain text", "cannot be read as a spreadsheet"),
        ("a.csv", b"   \r\n", "is empty"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        read_table(path)


def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot be opened"):
        read_table(tmp_path)  # a folder
