"""The statistics workbook: a real .xlsx that openpyxl opens, with the sheets, native charts,
rows, number formats and frozen headers of the statistics and value-added figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart

from app.errors import UserError
from app.services import fitness_records as fr
from app.services.fitness_stats import fitness_statistics
from app.services.fitness_workbook import export_statistics_workbook
from app.services.value_added import value_added
from app.services.workspace import Workspace
from tests.app.services.fitness_helpers import PREVIOUS, YEAR
from tests.app.services.fitness_stats_helpers import BOY, GIRL, build_seventh

SHEETS = ["概览", "按年级", "按班级", "按性别", "增值评价", "增值明细"]


@pytest.fixture
def book_path(school_ws: Workspace, tmp_path: Path) -> Path:
    f = build_seventh(school_ws)
    # Two of them were tested last year too (六年级 then), for the value-added sheets.
    for uuid, values in list(zip(f.decisive, (BOY, GIRL), strict=False)):
        fr.save_values(school_ws.db, uuid, PREVIOUS, _sixth_grade(values), actor="t")
    path = tmp_path / "统计.xlsx"
    export_statistics_workbook(school_ws.db, path, YEAR)
    return path


def _sixth_grade(values: dict[str, float]) -> dict[str, float]:
    """六年级 items: rope skipping, sit-ups and the 50 m × 8 shuttle instead of the runs."""
    keep = ("height_cm", "weight_kg", "vital_capacity", "run_50m", "sit_and_reach")
    return {**{k: values[k] for k in keep}, "rope_skip_1min": 150, "sit_up_1min": 40,
            "shuttle_50m_x8": 100}  # fmt: skip


def header(ws: object) -> list[str]:
    return [c.value for c in ws[1]]  # type: ignore[index]


def test_the_workbook_has_the_sheets_and_charts(school_ws: Workspace, book_path: Path) -> None:
    book = load_workbook(book_path)
    assert book.sheetnames == SHEETS
    charts = {ws.title: ws._charts for ws in book.worksheets}
    assert len(charts["按年级"]) == 2 and len(charts["增值评价"]) == 1
    assert all(isinstance(c, BarChart) for c in charts["按年级"] + charts["增值评价"])
    for title in SHEETS[1:]:
        assert book[title].freeze_panes == "B2"


def test_the_group_sheets_hold_the_statistics(school_ws: Workspace, book_path: Path) -> None:
    stats = fitness_statistics(school_ws.db, YEAR, group_by=("grade", "class", "sex", "grade_sex"))
    book = load_workbook(book_path)
    classes = book["按班级"]
    cols = header(classes)
    assert cols[:6] == ["班级", "测试人数", "免测人数", "缺项人数", "未测人数", "平均总分"]
    rows = list(classes.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["七年级(1)班", "七年级(2)班"]
    for row, group in zip(rows, stats.by("class"), strict=True):
        assert row[1:5] == (group.tested, group.exempt, group.incomplete, group.untested)
        assert row[5] == pytest.approx(group.mean_total)
        assert row[cols.index("优良率")] == pytest.approx(group.excellent_good_rate)
        assert row[cols.index("肥胖率")] == pytest.approx(group.obese_rate)
        assert row[cols.index("引体向上及格率")] == pytest.approx(group.items["pull_up"].pass_rate)
    assert classes.cell(row=2, column=cols.index("及格率") + 1).number_format == "0.0%"
    assert classes.cell(row=2, column=6).number_format == "0.0"
    by_sex = [r[0] for r in book["按性别"].iter_rows(min_row=2, values_only=True)]
    assert by_sex == ["male", "female", "七年级 male", "七年级 female"]
    grades = list(book["按年级"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in grades] == ["七年级"] and grades[0][1] == stats.school.tested


def test_the_overview_and_value_added_sheets(school_ws: Workspace, book_path: Path) -> None:
    va = value_added(school_ws.db, YEAR)
    assert va.school.n == 2  # the fixture: two students with both years complete
    book = load_workbook(book_path)
    overview = {r[0]: r[1] for r in book["概览"].iter_rows(min_row=2, max_col=2, values_only=True)}
    assert overview["学年"] == YEAR
    assert overview["测试人数"] == fitness_statistics(school_ws.db, YEAR).school.tested
    assert overview["增值评价：比较人数"] == 2
    summary = list(book["增值评价"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in summary] == ["全校", "年级", "班级"]
    assert summary[0][3] == pytest.approx(va.school.mean_change)
    detail = book["增值明细"]
    rows = list(detail.iter_rows(min_row=2, values_only=True))
    assert sorted(r[2] for r in rows) == sorted(s.name for s in va.students)
    cols = header(detail)
    for row, s in zip(rows, va.students, strict=True):
        assert row[cols.index("总分变化")] == pytest.approx(s.change.total_change)
        assert row[cols.index("总分提高")] == ("是" if s.change.improved else "否")


def test_only_xlsx_is_written(school_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"\.xlsx"):
        export_statistics_workbook(school_ws.db, tmp_path / "统计.xls", YEAR)
    assert not (tmp_path / "统计.xls").exists()


def test_an_empty_year_still_gives_a_workbook(school_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    export_statistics_workbook(school_ws.db, path, YEAR)
    book = load_workbook(path)
    assert book.sheetnames == SHEETS
    assert book["按班级"].max_row == 1 and not book["按年级"]._charts
