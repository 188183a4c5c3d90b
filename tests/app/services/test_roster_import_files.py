"""Roster import, the file side: .xls and .csv (UTF-8, UTF-8 with BOM, GBK), unreadable files,
and the rejected-rows workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import i18n
from app.errors import ImportFileError
from app.services.roster_import import import_roster, save_rejected_rows
from app.services.workspace import Workspace
from tests.app.services.roster_files import (
    HEADERS,
    dump,
    student_row,
    write_csv,
    write_xls,
    write_xlsx,
)
from tests.conftest import TODAY

ROWS = [HEADERS, student_row(1), student_row(2, 民族="回族"), student_row(3, grade="七年级")]


def names_and_ethnicities(ws: Workspace) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in ws.db.execute("SELECT name, ethnicity_code FROM students ORDER BY name")
    ]


def test_an_xls_file_imports_like_an_xlsx(school_ws: Workspace, tmp_path: Path) -> None:
    report = import_roster(
        school_ws.db, write_xls(tmp_path / "r.xls", ROWS), actor="c", today=TODAY
    )
    assert (report.created, report.rejected) == (3, [])
    assert names_and_ethnicities(school_ws) == [
        ("学生丁3", "01"),
        ("学生丙2", "03"),
        ("学生乙1", "01"),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_files_in_each_encoding(school_ws: Workspace, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "r.csv", ROWS, encoding=encoding)
    report = import_roster(school_ws.db, path, actor="c", today=TODAY)
    assert (report.created, report.rejected) == (3, [])
    assert report.headers == tuple(HEADERS)  # no BOM left on the first header
    assert names_and_ethnicities(school_ws) == [
        ("学生丁3", "01"),
        ("学生丙2", "03"),
        ("学生乙1", "01"),
    ]


def test_an_id_number_that_excel_saved_to_csv_in_scientific_form_is_rejected(
    school_ws: Workspace, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "e.csv", [HEADERS, student_row(1, 身份证号="4.10308E+17")])
    [rejected] = import_roster(school_ws.db, path, actor="c", today=TODAY).rejected
    assert (rejected.row, rejected.field) == (2, "身份证号")
    assert "as a number" in rejected.reason


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.xlsx", b"this is not a workbook", "cannot be read as a spreadsheet"),
        ("empty.csv", b"", "is empty"),
        ("blank.csv", b"\r\n,,,\r\n", "has no data"),
        ("binary.csv", b"\x00\x01\x02PK", "cannot be read as a spreadsheet"),
    ],
)
def test_an_unreadable_file_is_an_import_file_error_and_changes_nothing(
    school_ws: Workspace, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = dump(school_ws.db)
    with pytest.raises(ImportFileError) as info:
        import_roster(school_ws.db, path, actor="c", today=TODAY)
    assert message in info.value.what and name in info.value.what
    assert info.value.todo
    assert dump(school_ws.db) == before


def test_a_missing_file_says_so(school_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="does not exist"):
        import_roster(school_ws.db, tmp_path / "nope.xlsx", actor="c", today=TODAY)


def test_rejected_rows_are_saved_with_their_reason_as_text(
    school_ws: Workspace, tmp_path: Path
) -> None:
    bad_id = student_row(2)
    bad_id[5] = int(str(bad_id[5]))
    rows = [HEADERS, student_row(1), bad_id, student_row(3, 性别="女")]
    report = import_roster(
        school_ws.db, write_xlsx(tmp_path / "in.xlsx", rows), actor="c", dry_run=True, today=TODAY
    )
    out = tmp_path / "rejected.xlsx"
    i18n.set_language("zh_CN")
    save_rejected_rows(report, out)

    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == [*HEADERS, "原因"]
    assert [v[0] for v in values[1:]] == [bad_id[0], rows[3][0]]
    assert values[1][3] == "2017-03-03" and values[1][5] == str(int(float(bad_id[5])))
    assert values[1][8] == report.rejected[0].reason and "Excel" in values[1][8]
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row if c.value)


def test_the_rejected_rows_workbook_never_writes_a_formula(tmp_path: Path) -> None:
    from app.services.roster_import import ImportReport, RejectedRow

    report = ImportReport(
        created=0,
        updated=0,
        unchanged=0,
        rejected=[RejectedRow(row=2, field="姓名", reason="r", cells=("=1+1", None, 3.0))],
        skipped_blank=0,
        committed=False,
        headers=("姓名", "性别", "年级"),
    )
    out = tmp_path / "f.xlsx"
    save_rejected_rows(report, out)
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[2]] == ["=1+1", None, "3", "r"]
    assert sheet["A2"].data_type == "s"
