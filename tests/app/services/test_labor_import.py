"""Import of labor records: grouping into activities, bad rows, dry run, re-import, files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.errors import ImportFileError
from app.services import labor_records as lr
from app.services.labor_import import import_labor_records, save_rejected_rows
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.app.services.labor_helpers import LaborSchool, make_labor_school
from tests.app.services.roster_files import dump, student_row, write_csv, write_xlsx
from tests.conftest import TODAY

HEADERS = ["学籍号", "姓名", "日期", "类别", "任务群", "项目", "场所", "时长(分钟)", "说明"]
DAY = dt.date(2026, 11, 7)


@pytest.fixture
def school(school_ws: Workspace) -> LaborSchool:
    return make_labor_school(school_ws)


def person(n: int) -> tuple[object, object]:
    """学籍号 and 姓名 of the n-th test student (1–3 grade 1, 4–6 grade 3, 7–8 grade 7)."""
    row = student_row(n)
    return row[0], row[1]


def line(n: int, **over: object) -> list[object]:
    number, name = person(n)
    values = {"学籍号": number, "姓名": name, "日期": DAY, "类别": "日常生活劳动", "任务群": 2,
              "项目": "整理房间", "场所": "家庭", "时长(分钟)": 60, "说明": "周末家务"}  # fmt: skip
    values.update(over)
    return [values[h] for h in HEADERS]


def run(school: LaborSchool, tmp_path: Path, *rows: list[object], dry_run: bool = False) -> object:
    path = write_xlsx(tmp_path / "labor.xlsx", [HEADERS, *rows])
    return import_labor_records(school.ws.db, path, actor="clerk", dry_run=dry_run, today=TODAY)


def test_rows_of_one_activity_become_one_entry(school: LaborSchool, tmp_path: Path) -> None:
    report = run(
        school,
        tmp_path,
        line(1),
        line(2, **{"时长(分钟)": "90分钟"}),
        line(3, 说明="整理书桌"),
        line(
            4,
            任务群="3、烹饪与营养",
            类别=None,
            项目="煮鸡蛋",
            场所="家庭劳动",
            **{"时长(分钟)": "1小时"},
        ),
    )

    assert (report.activities_created, report.created, report.updated, report.unchanged) == (
        2,
        4,
        0,
        0,
    )  # type: ignore[attr-defined]
    assert report.committed and report.rejected == []  # type: ignore[attr-defined]
    rows = {r.activity.project: r for r in lr.list_activities(school.ws.db)}
    tidy = lr.activity_detail(school.ws.db, rows["整理房间"].activity.meta.uuid)
    assert (tidy.activity.minutes, tidy.activity.description, tidy.activity.term) == (
        60,
        "周末家务",
        "2026-2027-1",
    )
    assert [(p.minutes, p.note) for p in tidy.participants] == [
        (60, ""),
        (90, ""),
        (60, "整理书桌"),
    ]
    eggs = rows["煮鸡蛋"].activity
    assert (eggs.task_group, eggs.category.value, eggs.minutes) == (3, "daily", 60)
    assert verify_audit_chain(school.ws.db) is None


def test_bad_rows_are_rejected_with_their_reasons(school: LaborSchool, tmp_path: Path) -> None:
    report = run(
        school,
        tmp_path,
        line(1),
        line(2, 学籍号="G" + "1" * 18),
        line(3, 姓名="张三"),
        line(4, 类别="体力劳动"),
        line(5, 类别="服务性劳动"),
        line(6, 日期="2026-13-01"),
        line(1, 日期=TODAY + dt.timedelta(days=1), 项目="明天"),
        line(2, **{"时长(分钟)": 0}),
        line(3, **{"时长(分钟)": 700}, 项目="太久"),
        line(4, **{"时长(分钟)": "很久"}, 项目="不知道"),
        line(5, 任务群=11),
        line(7, 任务群=1, 类别=None, 项目="扫地"),
        line(8, 场所="月球"),
        line(6, 项目=None),
    )

    assert report.created == 1  # type: ignore[attr-defined]
    reasons = {r.row: (r.field, r.reason) for r in report.rejected}  # type: ignore[attr-defined]
    assert reasons == {
        3: ("学籍号", f"Student number G{'1' * 18} is not on the roster."),
        4: ("姓名", f"The name '张三' does not match student number {person(3)[0]} (the roster has {person(3)[1]})."),
        5: ("类别", "'体力劳动' is not a labor category."),
        6: ("类别", "Task group 整理与收纳 belongs to 日常生活劳动, not 服务性劳动."),
        7: ("日期", "'2026-13-01' is not a real date."),
        8: ("日期", "The date 2026-12-02 is in the future."),
        9: ("时长(分钟)", "0 minutes is out of range."),
        10: ("时长(分钟)", "700 minutes is out of range."),
        11: ("时长(分钟)", "'很久' is not a number of minutes."),
        12: ("任务群", "'11' is not one of the ten task groups."),
        13: ("任务群", "The school does not run task group 清洁与卫生 in this student's 学段."),
        14: ("场所", "'月球' is not a labor setting."),
        15: ("项目", "Enter the project (e.g. 整理书包)."),
    }  # fmt: skip


def test_a_row_lists_every_problem(school: LaborSchool, tmp_path: Path) -> None:
    report = run(school, tmp_path, line(1, 日期="昨天", 场所="", **{"时长(分钟)": -5}))
    (rejected,) = report.rejected  # type: ignore[attr-defined]
    assert rejected.field == "日期"
    assert rejected.reason.startswith(
        "'昨天' is not a date.; 场所: The setting is empty.; 时长(分钟): "
    )


def test_the_same_student_twice_for_one_activity_rejects_both_rows(
    school: LaborSchool, tmp_path: Path
) -> None:
    report = run(school, tmp_path, line(1), line(1, **{"时长(分钟)": 30}), line(2))
    assert report.created == 1  # type: ignore[attr-defined]
    assert [r.row for r in report.rejected] == [2, 3]  # type: ignore[attr-defined]
    assert "rows 2, 3" in report.rejected[0].reason  # type: ignore[attr-defined]


def test_a_dry_run_reports_the_same_and_writes_nothing(school: LaborSchool, tmp_path: Path) -> None:
    before = dump(school.ws.db)
    rows = (line(1), line(2), line(4, 项目="洗碗"), line(9))
    dry = run(school, tmp_path, *rows, dry_run=True)
    assert dump(school.ws.db) == before
    assert not dry.committed  # type: ignore[attr-defined]
    real = run(school, tmp_path, *rows)
    assert dry.to_json() == real.to_json()  # type: ignore[attr-defined]
    assert real.to_json()["activities_created"] == 2  # type: ignore[attr-defined]


def test_importing_again_changes_only_what_changed(school: LaborSchool, tmp_path: Path) -> None:
    run(school, tmp_path, line(1), line(2))
    report = run(school, tmp_path, line(1), line(2, **{"时长(分钟)": 75}), line(3))
    assert report.to_json() == {  # type: ignore[attr-defined]
        "activities_created": 0, "created": 1, "updated": 1, "unchanged": 1, "rejected": [],
    }  # fmt: skip
    (activity,) = lr.list_activities(school.ws.db)
    minutes = [
        p.minutes
        for p in lr.activity_detail(school.ws.db, activity.activity.meta.uuid).participants
    ]
    assert minutes == [60, 75, 60]
    assert verify_audit_chain(school.ws.db) is None


def test_a_gbk_csv_with_a_title_row_and_blank_rows(school: LaborSchool, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "劳动.csv",
        [["2026年11月 劳动记录"], HEADERS, line(1, 日期="2026/11/7"), [], line(2, 日期="20261107")],
        encoding="gbk",
    )
    report = import_labor_records(school.ws.db, path, actor="clerk", today=TODAY)
    assert (report.created, report.rejected, report.skipped_blank) == (2, [], 1)


def test_a_missing_required_column_stops_the_import(school: LaborSchool, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [HEADERS[:7], line(1)[:7]])
    with pytest.raises(ImportFileError, match="时长"):
        import_labor_records(school.ws.db, path, actor="clerk", today=TODAY)


def test_rejected_rows_are_saved_with_a_reason_column(school: LaborSchool, tmp_path: Path) -> None:
    report = run(school, tmp_path, line(1), line(2, 场所="月球"))
    out = tmp_path / "rejected.xlsx"
    save_rejected_rows(report, out)  # type: ignore[arg-type]
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0] == (*HEADERS, "Reason")
    assert rows[1][0] == person(2)[0] and rows[1][-1] == "'月球' is not a labor setting."
