"""The district's exports: national upload files per school, the statistics workbook and the
feedback report per school."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from app.services import fitness_export
from app.services.district import (
    SchoolType,
    district_figures,
    district_fitness,
    export_district_workbook,
    export_national_files,
    render_school_feedback_html,
    school_feedback,
)
from app.services.roster import get_student
from tests.app.district.district_fixture import TERM, YEAR, District
from tests.conftest import TODAY


def test_one_national_file_per_school_named_by_its_code(district: District, tmp_path: Path) -> None:
    files = export_national_files(district.ws.db, tmp_path / "上报", school_year=YEAR)
    assert [f.name for f in files] == [f"{c}.xlsx" for c in sorted(district.codes.values())]
    for key, code in district.codes.items():
        rows = CalamineWorkbook.from_path(
            str(tmp_path / "上报" / f"{code}.xlsx")
        ).get_sheet_by_index(0)
        table = rows.to_python()
        assert table[0][: len(fitness_export.FIXED_HEADERS)] == list(fitness_export.FIXED_HEADERS)
        numbers = {r[3] for r in table[1:]}
        on_roll = {
            get_student(district.ws.db, k.uuid).student_no for k in district.of(key) if k.on_roll
        }
        assert numbers == on_roll  # the school's students on roll, nobody else's


def test_national_files_of_one_school_type(district: District, tmp_path: Path) -> None:
    files = export_national_files(
        district.ws.db, tmp_path, school_year=YEAR, school_type=SchoolType.JUNIOR
    )
    assert [f.stem for f in files] == [district.codes["J"], district.codes["N"]]


def test_the_statistics_workbook_has_every_topic_with_the_districts_row(
    district: District, tmp_path: Path
) -> None:
    path = export_district_workbook(district.ws.db, tmp_path / "全区统计.xlsx", term=TERM,
                                    today=TODAY)  # fmt: skip
    book = load_workbook(path)
    assert book.sheetnames == ["概览", "体质健康（学校）", "体质健康（年级性别）", "增值评价",
                               "劳动教育", "美育", "美育特长", "趋势"]  # fmt: skip
    sheet = book["体质健康（学校）"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_name = {r[0]: r for r in rows[1:]}
    found = district_fitness(district.ws.db, YEAR)
    for school in found.schools:
        row = by_name[school.label]
        assert row[header.index("测试人数")] == school.tested
        assert row[header.index("优良率")] == pytest.approx(school.excellent_good_rate)
    assert by_name["全区"][header.index("及格率")] == pytest.approx(found.district.total.pass_rate)
    assert len(sheet._charts) == 2
    labor = list(book["劳动教育"].iter_rows(values_only=True))
    assert labor[0][0] == "学校 / 年级" and any(r[0] == "全区" for r in labor)
    assert book["美育特长"].max_row == 4  # header and three specialties


def test_the_feedback_report_sets_the_school_beside_the_district(district: District) -> None:
    figures = district_figures(district.ws.db, term=TERM, today=TODAY)
    code = district.codes["P"]
    report = school_feedback(district.ws.db, code, TERM, figures=figures)
    assert report.fitness[0].key == (code,) and report.fitness[1] is figures.fitness.district.total
    assert [m.key for m, _ in report.fitness_grades] == [(11,), (13,)]
    below = {line.name for c in report.labor_below for line in c.students}
    names = {k.n: get_student(district.ws.db, k.uuid).name for k in district.of("P")}
    assert below == {names[2], names[4], names[5]}  # P1 and P3 meet their thresholds
    failing = {line.name for c in report.fitness_failing for line in c.students}
    assert failing == {names[2]}
    assert [c.class_name for c in report.labor_below] == ["一年级(1)班", "三年级(1)班"]


def test_the_feedback_html_names_the_school_and_its_students(district: District) -> None:
    code = district.codes["J"]
    html = render_school_feedback_html(school_feedback(district.ws.db, code, TERM, today=TODAY))
    assert district.names[code] in html
    names = {k.n: get_student(district.ws.db, k.uuid).name for k in district.of("J")}
    for n in (12, 13, 14):  # below the labor threshold, on roll
        assert names[n] in html
    assert names[11] not in html  # meets it, and did not fail the fitness test
    assert names[15] not in html  # transferred out
    assert html.startswith("<html>") and "<script" not in html
    assert "孟津区教育体育局" in html
