"""Roster export: a real .xlsx with text identifiers and date cells, which imports back unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from app.errors import UserError
from app.models import SchoolStage, StudentStatus
from app.services import roster
from app.services.demo import create_demo_school
from app.services.roster_export import COLUMNS, export_roster
from app.services.roster_import import import_roster
from app.services.workspace import Workspace, init_school, open_workspace
from db import repo_classes
from tests.conftest import TEST_SCHOOL_CODE, TODAY

HEADERS = ["学籍号", "姓名", "性别", "出生日期", "民族", "民族代码", "身份证号",
           "年级", "年级编号", "班级", "班级编号", "状态", "体育免修"]  # fmt: skip


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "demo")
    create_demo_school(ws.db, students=400, seed=11, actor="demo", today=TODAY)
    yield ws
    ws.close()


def sheet_of(path: Path) -> Worksheet:
    book = load_workbook(path)
    return book.active


def col(name: str) -> int:
    return HEADERS.index(name) + 1


def test_the_workbook_has_typed_cells(demo: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    count = export_roster(demo.db, path)
    sheet = sheet_of(path)
    assert [c.value for c in sheet[1]] == HEADERS == [c.header for c in COLUMNS]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["G"].width >= 20, "an 18-digit ID fits its column"
    assert sheet.max_row == count + 1
    for row in range(2, sheet.max_row + 1):
        number = sheet.cell(row, col("学籍号"))
        assert number.data_type == "s" and number.number_format == "@"
        ident = sheet.cell(row, col("身份证号"))
        if ident.value is not None:
            assert ident.data_type == "s" and ident.number_format == "@"
            assert isinstance(ident.value, str) and len(ident.value) == 18
        birth = sheet.cell(row, col("出生日期"))
        assert birth.is_date and birth.number_format == "yyyy-mm-dd"
        code = sheet.cell(row, col("民族代码"))
        assert code.data_type == "s" and code.value in ("01", "03")
        assert sheet.cell(row, col("班级编号")).value[:2] == sheet.cell(row, col("年级编号")).value


def test_rows_match_the_roster_in_grade_class_number_order(demo: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    export_roster(demo.db, path)
    sheet = sheet_of(path)
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    keys = [(int(v[col("年级编号") - 1]), v[col("班级编号") - 1], v[0]) for v in values]
    assert keys == sorted(keys)
    first = {v[0]: v for v in values}
    for r in roster.find_students(demo.db)[:50]:
        s = r.student
        got = first[s.student_no]
        assert got[1:4] == [s.name, s.sex.label_zh, dt.datetime.combine(s.birth_date, dt.time())]
        assert got[col("民族") - 1] == ("汉族" if s.ethnicity_code == "01" else "回族")
        assert got[col("班级") - 1] == r.class_name
        assert got[col("状态") - 1] == s.status.label_zh
        assert (got[col("体育免修") - 1] or "").startswith("是") == s.pe_exempt


def test_students_who_left_only_with_include_left(demo: Workspace, tmp_path: Path) -> None:
    total = export_roster(demo.db, tmp_path / "all.xlsx")
    leaver = roster.find_students(demo.db)[0].student
    roster.change_status(
        demo.db, leaver.meta.uuid, StudentStatus.TRANSFERRED_OUT, date=TODAY, note="", actor="c"
    )
    assert export_roster(demo.db, tmp_path / "now.xlsx") == total - 1
    numbers = [c.value for c in sheet_of(tmp_path / "now.xlsx")["A"]]
    assert leaver.student_no not in numbers
    assert export_roster(demo.db, tmp_path / "left.xlsx", include_left=True) == total
    sheet = sheet_of(tmp_path / "left.xlsx")
    [row] = [r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == leaver.student_no]
    assert row[col("状态") - 1] == "转出"


def test_one_class_only(demo: Workspace, tmp_path: Path) -> None:
    cls = roster.list_classes(demo.db)[3]
    count = export_roster(demo.db, tmp_path / "c.xlsx", class_uuid=cls.meta.uuid)
    names = {r[col("班级") - 1] for r in sheet_of(tmp_path / "c.xlsx").iter_rows(min_row=2, values_only=True)}  # fmt: skip
    assert names == {cls.name} and count == len(
        roster.find_students(demo.db, class_uuid=cls.meta.uuid)
    )


def test_a_custom_class_name_is_written_so_that_it_imports(demo: Workspace, tmp_path: Path) -> None:
    cls = roster.list_classes(demo.db)[0]
    repo_classes.update_class(demo.db, cls.meta.uuid, {"name": "火箭班"}, "clerk")
    export_roster(demo.db, tmp_path / "c.xlsx", class_uuid=cls.meta.uuid)
    rows = list(sheet_of(tmp_path / "c.xlsx").iter_rows(min_row=2, values_only=True))
    assert {r[col("班级") - 1] for r in rows} == {f"一年级({cls.class_no})班"}


def test_only_xlsx_is_written_and_a_failure_leaves_no_file(demo: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx"):
        export_roster(demo.db, tmp_path / "r.csv")
    missing_folder = tmp_path / "nope" / "r.xlsx"
    with pytest.raises(UserError, match="cannot be written"):
        export_roster(demo.db, missing_folder)
    assert list(tmp_path.glob("*.partial")) == []


def test_export_then_import_into_a_fresh_workspace(demo: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    count = export_roster(demo.db, path)
    fresh = open_workspace(tmp_path / "fresh")
    try:
        init_school(
            fresh.db,
            code=TEST_SCHOOL_CODE,
            name="另一所学校",
            stage=SchoolStage.NINE_YEAR,
            actor="t",
            today=TODAY,
        )
        dry = import_roster(fresh.db, path, actor="t", dry_run=True, today=TODAY)
        assert (dry.created, dry.rejected, dry.committed) == (count, [], False)
        first = import_roster(fresh.db, path, actor="t", today=TODAY)
        assert (first.created, first.updated, first.unchanged, first.rejected) == (
            count,
            0,
            0,
            [],
        )
        again = import_roster(fresh.db, path, actor="t", today=TODAY)
        assert (again.created, again.updated, again.unchanged) == (0, 0, count)

        # Same people, same classes, same identifiers as the source workspace.
        def people(ws: Workspace) -> list[tuple[object, ...]]:
            return sorted(
                (s.student_no, s.name, s.sex, s.birth_date, s.ethnicity_code, s.id_number,
                 r.grade_code, r.class_no, r.class_name)
                for r in roster.find_students(ws.db)
                for s in [r.student]
            )  # fmt: skip

        assert people(fresh) == people(demo)
    finally:
        fresh.close()
