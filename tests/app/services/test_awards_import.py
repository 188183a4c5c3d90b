"""Awards import: real .xlsx/.xls/.csv files, rejected rows with the file's header and reason,
dry run writing nothing, team awards by certificate, duplicates on a second import, warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.arts.constants import AwardDomain, AwardLevel, AwardRank
from app.errors import ImportFileError
from app.services import awards
from app.services.awards_import import import_awards, save_rejected_rows
from app.services.workspace import Workspace
from tests.app.services.arts_helpers import add_students, student_no
from tests.app.services.roster_files import dump, write_csv, write_xls, write_xlsx
from tests.conftest import TODAY

HEADERS = ["序号", "学籍号", "姓名", "比赛名称", "主办单位", "是否教育行政部门", "级别", "等次",
           "日期", "证书编号", "指导教师", "领域"]  # fmt: skip


def rows(ws: Workspace, students: list[str]) -> list[list[object]]:
    a, b, c = (student_no(ws, s) for s in students[:3])
    d = dt.date(2026, 10, 18)
    return [
        HEADERS,
        [1, a, "学生1", "孟津区中小学生艺术展演", "孟津区教育体育局", "是", "县区级", "一等奖", d, "MJ-001", "王老师", "美育"],
        [2, b, "学生2", "洛阳市中小学生校园足球联赛", "洛阳市教育局", "是", "市级", "二等奖", d, "LY-9", "", "体育"],
        [3, c, "学生3", "洛阳市中小学生校园足球联赛", "洛阳市教育局", "是", "市级", "二等奖", d, "LY-9", "", "体育"],
        [4, a, "学生1", "全国青少年才艺大赛", "某文化传媒公司", "否", "国家级", "金奖", "2026/11/2", "", "", ""],
        [5, b, "学生2", "孟津区书画比赛", "孟津区教育体育局", "是", "县级", "三等奖", "2026年9月30日", None, "", "美育"],
    ]  # fmt: skip


def bad_rows(ws: Workspace, students: list[str]) -> list[list[object]]:
    a = student_no(ws, students[0])
    return [
        [6, "G410308201703019999", "某某", "区艺术展演", "孟津区教育体育局", "是", "县区级", "一等奖", "2026-10-01", "", "", "美育"],
        [7, a, "张三", "区艺术展演", "孟津区教育体育局", "是", "县区级", "一等奖", "2026-10-01", "", "", "美育"],
        [8, a, "学生1", "区艺术展演", "孟津区教育体育局", "不知道", "世界级", "一等奖", "2027-10-01", "", "", "数学"],
        [9, a, "学生1", "", "", "是", "校级", "一等奖", "", "", "", ""],
    ]  # fmt: skip


@pytest.mark.parametrize("writer", [write_xlsx, write_csv, write_xls])
def test_a_file_of_awards_is_imported_in_every_format(
    school_ws: Workspace, tmp_path: Path, writer: object
) -> None:
    students = add_students(school_ws, 3)
    suffix = {write_xlsx: ".xlsx", write_csv: ".csv", write_xls: ".xls"}[writer]  # type: ignore[index]
    path = writer(tmp_path / f"awards{suffix}", rows(school_ws, students))  # type: ignore[operator]
    report = import_awards(school_ws.db, path, actor="t", today=TODAY)
    assert (report.awards, report.winners, report.duplicates, report.rejected) == (4, 5, 0, [])
    assert report.committed
    found = {x.event: x for x in awards.list_awards(school_ws.db)}
    team = found["洛阳市中小学生校园足球联赛"]
    assert team.domain is AwardDomain.SPORTS and set(team.winners) == set(students[1:3])
    national = found["全国青少年才艺大赛"]
    assert national.level is AwardLevel.NATIONAL and national.rank is AwardRank.FIRST
    assert national.rank_text == "金奖" and national.domain is AwardDomain.ARTS  # blank → default
    assert not national.organizer_is_education_authority and national.on_moe_whitelist is None
    assert found["孟津区书画比赛"].date == dt.date(2026, 9, 30)
    assert found["孟津区中小学生艺术展演"].adviser == "王老师"
    # The national award from a non-education organiser gets both warnings, with its row number.
    assert [row for row, _ in report.warnings] == [5, 5]


def test_bad_rows_are_rejected_with_the_header_and_the_reason(
    school_ws: Workspace, tmp_path: Path
) -> None:
    students = add_students(school_ws, 3)
    path = write_xlsx(
        tmp_path / "awards.xlsx", rows(school_ws, students) + bad_rows(school_ws, students)
    )
    report = import_awards(school_ws.db, path, actor="t", today=TODAY)
    assert (report.awards, report.winners) == (4, 5)
    rejected = {r.row: r for r in report.rejected}
    assert sorted(rejected) == [7, 8, 9, 10]
    assert rejected[7].field == "学籍号" and "No student" in rejected[7].reason
    assert rejected[8].field == "姓名" and "学生1" in rejected[8].reason
    assert rejected[9].field == "是否教育行政部门"
    for header in ("级别", "日期", "领域"):
        assert f"{header}:" in rejected[9].reason
    assert rejected[10].field == "比赛名称" and "主办单位:" in rejected[10].reason
    out = tmp_path / "rejected.xlsx"
    save_rejected_rows(report, out)
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == [*HEADERS, "Reason"]
    assert values[1][1] == "G410308201703019999" and values[1][0] == "6"
    assert len(values) == 5


def test_a_dry_run_writes_nothing_and_reports_what_a_commit_would(
    school_ws: Workspace, tmp_path: Path
) -> None:
    students = add_students(school_ws, 3)
    path = write_xlsx(
        tmp_path / "awards.xlsx", rows(school_ws, students) + bad_rows(school_ws, students)
    )
    before = dump(school_ws.db)
    dry = import_awards(school_ws.db, path, actor="t", dry_run=True, today=TODAY)
    assert dump(school_ws.db) == before
    assert not dry.committed and (dry.awards, dry.winners, len(dry.rejected)) == (4, 5, 4)
    real = import_awards(school_ws.db, path, actor="t", today=TODAY)
    assert (real.awards, real.winners, len(real.rejected)) == (dry.awards, dry.winners, 4)
    assert real.to_json()["awards"] == 4


def test_importing_the_same_file_twice_adds_nothing(school_ws: Workspace, tmp_path: Path) -> None:
    students = add_students(school_ws, 3)
    path = write_xlsx(tmp_path / "awards.xlsx", rows(school_ws, students))
    import_awards(school_ws.db, path, actor="t", today=TODAY)
    before = dump(school_ws.db)
    again = import_awards(school_ws.db, path, actor="t", today=TODAY)
    assert (again.awards, again.winners, again.duplicates) == (0, 0, 5)
    assert dump(school_ws.db) == before


def test_rows_without_a_certificate_number_are_separate_awards(
    school_ws: Workspace, tmp_path: Path
) -> None:
    a, b = (student_no(school_ws, s) for s in add_students(school_ws, 2))
    same = [
        "区合唱比赛",
        "孟津区教育体育局",
        "是",
        "县区级",
        "一等奖",
        "2026-11-01",
        "",
        "",
        "美育",
    ]
    path = write_csv(tmp_path / "awards.csv", [HEADERS, [1, a, "", *same], [2, b, "", *same]])
    report = import_awards(school_ws.db, path, actor="t", today=TODAY)
    assert (report.awards, report.winners) == (2, 2)


def test_a_file_without_a_required_column_is_refused(school_ws: Workspace, tmp_path: Path) -> None:
    add_students(school_ws, 1)
    headers = [h for h in HEADERS if h != "是否教育行政部门"]
    path = write_xlsx(tmp_path / "awards.xlsx", [headers])
    with pytest.raises(ImportFileError, match="是否教育行政部门"):
        import_awards(school_ws.db, path, actor="t", today=TODAY)


def test_the_default_domain_applies_without_a_domain_column(
    school_ws: Workspace, tmp_path: Path
) -> None:
    (a,) = (student_no(school_ws, s) for s in add_students(school_ws, 1))
    path = write_xlsx(tmp_path / "labor.xlsx", [
        ["学籍号", "比赛名称", "主办单位", "是否教育行政部门", "获奖级别", "获奖等次", "获奖日期"],
        [a, "区劳动技能展示", "孟津区教育体育局", "Y", "区级", "优秀奖", dt.date(2026, 11, 5)],
    ])  # fmt: skip
    report = import_awards(
        school_ws.db, path, actor="t", default_domain=AwardDomain.LABOR, today=TODAY
    )
    assert report.awards == 1
    (award,) = awards.list_awards(school_ws.db)
    assert award.domain is AwardDomain.LABOR and award.rank is AwardRank.MERIT
