"""Roster import, row by row: header synonyms, value normalisation, and every rejection rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app import i18n
from app.errors import ImportFileError
from app.services.roster_import import (
    ImportReport,
    guess_roster_mapping,
    import_roster,
    read_roster_file,
)
from app.services.workspace import Workspace
from tests.app.services.roster_files import HEADERS, dump, make_id, student_row, write_xlsx
from tests.conftest import TODAY


def run(ws: Workspace, path: Path, **kwargs: object) -> ImportReport:
    return import_roster(ws.db, path, actor="clerk", today=TODAY, **kwargs)  # type: ignore[arg-type]


def stored(ws: Workspace, column: str) -> list[object]:
    return [r[0] for r in ws.db.execute(f"SELECT {column} FROM students ORDER BY student_no")]


def test_headers_are_found_by_synonym_despite_spaces_stars_and_remarks(
    school_ws: Workspace, tmp_path: Path
) -> None:
    headers = [
        "序号", "学生全国学籍号", "* 姓 名", "性别（必填）", "出生年月日", "民　族",
        "身份证件号", "年级名称", "班级名称(必填)", "家庭住址",
    ]  # fmt: skip
    row = student_row(1)
    path = write_xlsx(tmp_path / "s.xlsx", [headers, [1, *row, "城关镇"]])
    table = read_roster_file(path)
    mapping, unknown = guess_roster_mapping(table)
    assert mapping == {
        "student_no": 1, "name": 2, "sex": 3, "birth_date": 4, "ethnicity": 5,
        "id_number": 6, "grade": 7, "class": 8,
    }  # fmt: skip
    assert unknown == ["序号", "家庭住址"]
    assert run(school_ws, path).created == 1


def test_a_title_row_above_the_header_shifts_the_row_numbers(
    school_ws: Workspace, tmp_path: Path
) -> None:
    path = write_xlsx(
        tmp_path / "t.xlsx",
        [HEADERS, student_row(1), student_row(2, 性别="男")],
        above=[["孟津区城关镇第一小学 2026 年秋季学生花名册"]],
    )
    table = read_roster_file(path)
    assert (table.header_row, table.row_numbers) == (2, [3, 4])
    report = run(school_ws, path)
    assert report.created == 1
    assert [(r.row, r.field) for r in report.rejected] == [(4, "性别")]


def test_full_width_digits_and_stray_spaces_in_values_are_normalised(
    school_ws: Workspace, tmp_path: Path
) -> None:
    ident = make_id(dt.date(2017, 3, 2), 3)
    wide = ident.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    row = student_row(1, 学籍号=f" Ｇ{wide} ", 姓名="张　三 ", 身份证号=f"{wide[:6]} {wide[6:]}")
    row[6:8] = ["１３", "（２）班"]
    report = run(school_ws, write_xlsx(tmp_path / "w.xlsx", [HEADERS, row]))
    assert (report.created, report.rejected) == (1, [])
    assert stored(school_ws, "student_no") == ["G" + ident]
    assert stored(school_ws, "name") == ["张三"]
    assert stored(school_ws, "id_number") == [ident]
    grade, no = school_ws.db.execute("SELECT grade_code, class_no FROM classes").fetchone()
    assert (grade, no) == (13, 2)


@pytest.mark.parametrize(
    "written",
    [dt.date(2017, 3, 5), "2017-03-05", "2017/3/5", "20170305", "2017年3月5日", "2017.3.5",
     20170305, 42799],  # the last is Excel's serial day number for 2017-03-05
)  # fmt: skip
def test_every_date_form_is_read(school_ws: Workspace, tmp_path: Path, written: object) -> None:
    row = student_row(1, birth=dt.date(2017, 3, 5), 出生日期=written)
    report = run(school_ws, write_xlsx(tmp_path / "d.xlsx", [HEADERS, row]))
    assert (report.created, report.rejected) == (1, [])
    assert stored(school_ws, "birth_date") == ["2017-03-05"]


def test_codes_typed_as_numbers_are_read_as_codes(school_ws: Workspace, tmp_path: Path) -> None:
    row = student_row(1, ethnicity=3, 性别=1, grade=13, klass=2)
    report = run(school_ws, write_xlsx(tmp_path / "n.xlsx", [HEADERS, row]))
    assert (report.created, report.rejected) == (1, [])
    assert stored(school_ws, "ethnicity_code") == ["03"]


def test_an_id_number_stored_as_a_number_is_rejected_with_the_reason(
    school_ws: Workspace, tmp_path: Path
) -> None:
    row = student_row(1)
    row[5] = int(str(row[5]))  # what Excel does when the column is not formatted as text
    report = run(school_ws, write_xlsx(tmp_path / "f.xlsx", [HEADERS, row]))
    [rejected] = report.rejected
    assert (rejected.row, rejected.field, report.created) == (2, "身份证号", 0)
    assert "as a number" in rejected.reason and "text" in rejected.reason
    assert isinstance(rejected.cells[5], float)


def test_every_row_of_a_repeated_student_number_is_rejected(
    school_ws: Workspace, tmp_path: Path
) -> None:
    first = student_row(1)
    path = write_xlsx(
        tmp_path / "dup.xlsx",
        [HEADERS, first, student_row(2), [*first[:1], "另一个名字", *first[2:]], student_row(3)],
    )
    report = run(school_ws, path)
    assert report.created == 2
    assert [(r.row, r.field) for r in report.rejected] == [(2, "学籍号"), (4, "学籍号")]
    assert all("appears in rows 2, 4" in r.reason for r in report.rejected)
    assert first[0] not in stored(school_ws, "student_no")


def test_blank_rows_are_skipped_and_counted_and_row_numbers_stay_true(
    school_ws: Workspace, tmp_path: Path
) -> None:
    rows = [HEADERS, student_row(1), [None] * 8, ["  "] * 8, student_row(2, 性别="男"), []]
    report = run(school_ws, write_xlsx(tmp_path / "b.xlsx", rows))
    assert (report.created, report.skipped_blank) == (1, 2)
    assert [r.row for r in report.rejected] == [5]


def test_a_template_with_only_its_serial_numbers_filled_is_not_rejected(
    school_ws: Workspace, tmp_path: Path
) -> None:
    rows = [["序号", *HEADERS], [1, *student_row(1)], [2], [3], [4]]
    report = run(school_ws, write_xlsx(tmp_path / "tpl.xlsx", rows))
    assert (report.created, report.rejected, report.skipped_blank) == (1, [], 3)


@pytest.mark.parametrize("column", ["学籍号", "姓名", "性别", "年级", "班级"])
def test_a_row_missing_a_required_value_is_rejected(
    school_ws: Workspace, tmp_path: Path, column: str
) -> None:
    row = student_row(1, **{column: None})
    report = run(school_ws, write_xlsx(tmp_path / "m.xlsx", [HEADERS, row, student_row(2)]))
    [rejected] = report.rejected
    assert (rejected.row, rejected.field) == (2, column)
    assert "missing" in rejected.reason
    assert report.created == 1


def test_a_missing_required_column_names_the_columns(school_ws: Workspace, tmp_path: Path) -> None:
    headers = ["学籍号", "名字", "性别", "出生日期", "民族", "身份证号", "年级", "班"]
    path = write_xlsx(tmp_path / "c.xlsx", [headers, student_row(1)])
    before = dump(school_ws.db)
    with pytest.raises(ImportFileError) as info:
        run(school_ws, path)
    assert "姓名" in info.value.what and "班级" in info.value.what
    assert "学籍号" not in info.value.what
    assert dump(school_ws.db) == before


def test_the_user_can_map_unknown_headers(school_ws: Workspace, tmp_path: Path) -> None:
    headers = ["学籍号", "名字", "性别", "出生日期", "民族", "身份证号", "年级", "班"]
    path = write_xlsx(tmp_path / "u.xlsx", [headers, student_row(1)])
    mapping, unknown = guess_roster_mapping(read_roster_file(path))
    assert unknown == ["名字", "班"]
    report = run(school_ws, path, mapping={**mapping, "name": 1, "class": 7})
    assert report.created == 1


def test_sex_or_birth_date_disagreeing_with_the_id_number_is_rejected(
    school_ws: Workspace, tmp_path: Path
) -> None:
    rows = [
        HEADERS,
        student_row(1, 性别="女"),
        student_row(2, 出生日期=dt.date(2017, 3, 4)),
        student_row(3),
    ]
    report = run(school_ws, write_xlsx(tmp_path / "x.xlsx", rows))
    assert [(r.row, r.field) for r in report.rejected] == [(2, "性别"), (3, "出生日期")]
    assert "Sex does not agree" in report.rejected[0].reason
    assert "2017-03-04" in report.rejected[1].reason
    assert report.created == 1


def test_several_problems_are_listed_in_column_order(school_ws: Workspace, tmp_path: Path) -> None:
    row = student_row(1, 性别="女", 民族="火星族", 年级="高一")
    [rejected] = run(school_ws, write_xlsx(tmp_path / "p.xlsx", [HEADERS, row])).rejected
    assert rejected.field == "性别"
    first, *others = rejected.reason.split("; ")
    assert first.startswith("Sex does not agree")
    assert [o.split(": ")[0] for o in others] == ["民族", "年级"]
    assert "This school has no 高一" in others[1]


def test_reasons_are_translated(school_ws: Workspace, tmp_path: Path) -> None:
    i18n.set_language("zh_CN")
    first = student_row(1)
    rows = [HEADERS, first, first]
    report = run(school_ws, write_xlsx(tmp_path / "zh.xlsx", rows))
    assert report.rejected[0].reason == f"学籍号 {first[0]} 出现在第 2, 3 行，这些行都不会导入。"


def test_a_problem_of_a_field_the_file_lacks_comes_last_under_its_name(
    school_ws: Workspace, tmp_path: Path
) -> None:
    headers = ["学籍号", "姓名", "性别", "年级", "班级"]  # no 出生日期, no 身份证号
    row = ["G123", "张三", "男", "三年级", "2"]
    [rejected] = run(school_ws, write_xlsx(tmp_path / "l.xlsx", [headers, row])).rejected
    assert rejected.field == "学籍号"
    first, other = rejected.reason.split("; ")
    assert "G123" in first
    assert other.startswith("Date of birth: ")
