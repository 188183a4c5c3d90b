"""The national upload file: exact headers, the cell types the national checker wants, only the
items of the grades exported, cross-sex cells empty, and export → import gives the values back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from app.errors import UserError
from app.models import SchoolStage, Student, StudentStatus
from app.services import fitness_records as fr
from app.services.fitness_export import FIXED_HEADERS, export_national
from app.services.fitness_import import import_fitness
from app.services.workspace import Workspace, init_school, open_workspace
from db import repo_fitness
from tests.app.services.fitness_helpers import BOY_13, BOY_21, GIRL_21, YEAR, add_student
from tests.app.services.roster_files import dump
from tests.conftest import TEST_SCHOOL_CODE, TODAY

ALL_ITEMS_13_21 = [
    "身高", "体重", "肺活量", "50米跑", "坐位体前屈", "一分钟跳绳", "一分钟仰卧起坐",
    "立定跳远", "引体向上", "1000米跑", "800米跑",
]  # fmt: skip


def fill(ws: Workspace) -> dict[str, Student]:
    """A small school: role → student. Students 1, 2, 4, 6, 7 in 七年级1班, 3 in 三年级2班."""
    people = {
        "boy": add_student(ws, 1),
        "girl": add_student(ws, 2),
        "small": add_student(ws, 3, grade="三年级", klass="2班"),
        "exempt": add_student(ws, 4),
        "gone": add_student(ws, 6, status=StudentStatus.TRANSFERRED_OUT),
        "retested": add_student(ws, 7),
    }
    uuid = {k: s.meta.uuid for k, s in people.items()}
    fr.save_values(ws.db, uuid["boy"], YEAR, BOY_21, actor="t")
    fr.save_values(ws.db, uuid["girl"], YEAR, {**GIRL_21, "run_800m": 185}, actor="t")
    fr.save_values(ws.db, uuid["small"], YEAR, BOY_13, actor="t")
    fr.save_values(ws.db, uuid["exempt"], YEAR, {"height_cm": 150}, actor="t")
    fr.set_exempt(ws.db, uuid["exempt"], YEAR, "心脏病", actor="t")
    fr.save_values(ws.db, uuid["gone"], YEAR, GIRL_21 | {"run_800m": 200}, actor="t")
    weak = {**BOY_21, "run_1000m": "6'30", "pull_up": 0, "standing_long_jump": 150, "run_50m": 11}
    fr.save_values(ws.db, uuid["retested"], YEAR, weak, actor="t")
    fr.record_retest(ws.db, uuid["retested"], YEAR, BOY_21, actor="t")
    return people


def sheet_rows(path: Path) -> list[list[Any]]:
    book = load_workbook(path)
    assert book.sheetnames == ["Sheet1"]
    return [list(r) for r in book.active.iter_rows()]  # type: ignore[union-attr]


def by_header(rows: list[list[Any]]) -> dict[str, dict[str, Any]]:
    """学籍号 → {header: cell}."""
    headers = [c.value for c in rows[0]]
    return {r[3].value: dict(zip(headers, r, strict=True)) for r in rows[1:]}


def test_headers_are_the_fixed_columns_then_the_items_of_the_grades_exported(
    school_ws: Workspace, tmp_path: Path
) -> None:
    people = fill(school_ws)
    assert export_national(school_ws.db, tmp_path / "all.xlsx") == 5
    assert [c.value for c in sheet_rows(tmp_path / "all.xlsx")[0]] == [
        *FIXED_HEADERS,
        *ALL_ITEMS_13_21,
    ]
    assert list(FIXED_HEADERS) == [
        "年级编号", "班级编号", "班级名称", "学籍号", "民族代码", "姓名", "性别", "出生日期", "家庭住址",
    ]  # fmt: skip
    small_class = people["small"].class_uuid
    assert export_national(school_ws.db, tmp_path / "c.xlsx", class_uuid=small_class) == 1
    assert [c.value for c in sheet_rows(tmp_path / "c.xlsx")[0]][9:] == ALL_ITEMS_13_21[:7]
    # Grade 21 on roll: boy, girl, exempt, retested (not the one who left).
    assert export_national(school_ws.db, tmp_path / "g.xlsx", grade_code=21) == 4


def test_cells_have_the_national_types_and_formats(school_ws: Workspace, tmp_path: Path) -> None:
    boy_no = fill(school_ws)["boy"].student_no
    export_national(school_ws.db, tmp_path / "n.xlsx")
    rows = by_header(sheet_rows(tmp_path / "n.xlsx"))
    boy = rows[boy_no]

    assert (boy["年级编号"].value, boy["年级编号"].data_type) == (21, "n")
    for header, text in (("班级编号", "2101"), ("学籍号", boy_no), ("民族代码", "01")):
        assert (boy[header].value, boy[header].data_type, boy[header].number_format) == (
            text,
            "s",
            "@",
        )
    assert (boy["性别"].value, boy["性别"].data_type) == (1, "n")
    assert boy["出生日期"].is_date and boy["出生日期"].number_format == "yyyy/m/d"
    assert boy["出生日期"].value.date() == dt.date(2017, 3, 2)
    assert boy["家庭住址"].value is None
    assert (boy["50米跑"].value, boy["50米跑"].number_format) == (8, "0.0")
    assert (boy["身高"].value, boy["肺活量"].value, boy["引体向上"].value) == (165, 3000, 8)
    assert (boy["1000米跑"].value, boy["1000米跑"].data_type) == ("4'05", "s")
    assert boy["800米跑"].value is None and boy["一分钟仰卧起坐"].value is None  # cross-sex
    assert boy["一分钟跳绳"].value is None  # not a junior item


def test_girls_times_have_two_digit_seconds_and_boys_items_stay_empty(
    school_ws: Workspace, tmp_path: Path
) -> None:
    people = fill(school_ws)
    export_national(school_ws.db, tmp_path / "n.xlsx")
    girl = by_header(sheet_rows(tmp_path / "n.xlsx"))[people["girl"].student_no]
    assert girl["性别"].value == 2
    assert girl["800米跑"].value == "3'05"
    assert girl["一分钟仰卧起坐"].value == 40
    assert girl["1000米跑"].value is None and girl["引体向上"].value is None


def test_exempt_retested_and_departed_students(school_ws: Workspace, tmp_path: Path) -> None:
    people = fill(school_ws)
    export_national(school_ws.db, tmp_path / "n.xlsx")
    rows = by_header(sheet_rows(tmp_path / "n.xlsx"))
    exempt = rows[people["exempt"].student_no]
    assert exempt["身高"].value == "免体"
    assert all(exempt[h].value is None for h in ALL_ITEMS_13_21[1:])
    assert people["gone"].student_no not in rows
    retested = rows[people["retested"].student_no]
    assert retested["1000米跑"].value == "4'05"  # the 补测, not the first test's 6'30


def test_export_then_import_into_the_same_workspace_changes_nothing(
    school_ws: Workspace, tmp_path: Path
) -> None:
    fill(school_ws)
    export_national(school_ws.db, tmp_path / "n.xlsx")
    before = dump(school_ws.db)

    report = import_fitness(school_ws.db, tmp_path / "n.xlsx", actor="t")

    assert (report.created, report.updated, report.rejected) == (0, 0, [])
    assert report.unchanged == 5
    assert dump(school_ws.db) == before


def test_export_then_import_elsewhere_gives_back_the_same_values(
    school_ws: Workspace, tmp_path: Path
) -> None:
    people = fill(school_ws)
    export_national(school_ws.db, tmp_path / "n.xlsx")
    other = open_workspace(tmp_path / "other")
    try:
        init_school(other.db, code=TEST_SCHOOL_CODE, name="一小", stage=SchoolStage.NINE_YEAR,
                    actor="t", today=TODAY)  # fmt: skip
        twins = {k: add_student(other, n, **kw) for k, n, kw in (  # type: ignore[arg-type]
            ("boy", 1, {}), ("girl", 2, {}), ("small", 3, {"grade": "三年级", "klass": "2班"}),
            ("exempt", 4, {}), ("retested", 7, {}),
        )}  # fmt: skip
        report = import_fitness(other.db, tmp_path / "n.xlsx", actor="t")
        assert (report.created, report.rejected) == (5, [])
        for key, twin in twins.items():
            mine = repo_fitness.find_test(
                school_ws.db,
                people[key].meta.uuid,
                YEAR,
                "retest" if key == "retested" else "first",
            )
            theirs = repo_fitness.find_test(other.db, twin.meta.uuid, YEAR, "first")
            assert mine is not None and theirs is not None
            assert theirs.exempt == mine.exempt and theirs.grade_code == mine.grade_code
            if not mine.exempt:
                assert dict(theirs.values) == dict(mine.values), key
                assert theirs.total_score == mine.total_score
    finally:
        other.close()


def test_only_xlsx_is_written(school_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx"):
        export_national(school_ws.db, tmp_path / "n.xls")
