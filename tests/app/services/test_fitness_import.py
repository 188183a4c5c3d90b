"""Fitness import: the national layout in every header spelling (.xls and .xlsx), device exports
with a column mapping, one rejected-rows report (range, cross-sex, unknown and duplicate 学籍号,
time format), students never created, a dry run that writes nothing, re-import unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import ImportFileError
from app.models import Student
from app.services import fitness_records as fr
from app.services.fitness_import import (
    import_fitness,
    mapping_with,
    plan_fitness_import,
    read_fitness_file,
)
from app.services.workspace import Workspace
from db import repo_fitness, repo_students
from tests.app.services.fitness_helpers import BOY_21, PREVIOUS, YEAR, add_student
from tests.app.services.roster_files import dump, write_xls, write_xlsx

FIXED = [
    "年级编号",
    "班级编号",
    "班级名称",
    "学籍号",
    "民族代码",
    "姓名",
    "性别",
    "出生日期",
    "家庭住址",
]
# T1 stuDataTmp.xls: full-width brackets, 50米x8 with a letter x, and two sit-up columns.
ITEMS_TMP = [
    "身高", "体重", "肺活量", "50米跑", "立定跳远", "坐位体前屈", "50米x8往返跑", "一分钟仰卧起坐",
    "一分钟跳绳", "800米跑（女）", "1000米跑（男）", "一分钟仰卧起坐（女）", "引体向上（男）",
]  # fmt: skip
# T1 2014.xls: half-width brackets, 50米×8.
ITEMS_2014 = [
    "身高", "体重", "肺活量", "50米跑", "立定跳远", "坐位体前屈", "50米×8往返跑", "一分钟跳绳",
    "800米跑(女)", "1000米跑(男)", "一分钟仰卧起坐", "引体向上(男)",
]  # fmt: skip
UNKNOWN = "G410308201703019998"


@pytest.fixture
def people(school_ws: Workspace) -> dict[str, Student]:
    return {
        "boy": add_student(school_ws, 1),
        "girl": add_student(school_ws, 2),
        "small": add_student(school_ws, 3, grade="三年级", klass="2班"),
        "b5": add_student(school_ws, 5),
        "b7": add_student(school_ws, 7),
        "b9": add_student(school_ws, 9),
        "b11": add_student(school_ws, 11),
    }


def fixed(s: Student, grade: int = 21) -> list[object]:
    sex = 1 if s.sex.value == "male" else 2
    return [grade, f"{grade}01", "x", s.student_no, "01", s.name, sex, s.birth_date, None]


def _base(header: str) -> str:
    return header.split("(")[0].split("（")[0]


def row(headers: list[str], s: Student | None, grade: int = 21, **items: object) -> list[object]:
    """A file row: the fixed columns (``s`` None: an unknown student), then ``items`` by header.

    An item may be named without its (男)/(女) remark when the file has no plain column of it.
    """
    start = fixed(s, grade) if s else [grade, "2101", "x", UNKNOWN, "01", "某某", 1, None, None]
    cells = []
    for h in headers:
        plain = _base(h) if _base(h) not in headers else h
        cells.append(items.get(h, items.get(plain)))
    return start + cells


def national_rows(p: dict[str, Student], items: list[str], sit_up_girl: str) -> list[list[object]]:
    """Rows 2–4 are good; 5 out of range, 6 cross-sex, 7 unknown, 8+9 duplicate, 10 bad time."""
    common = {"身高": 165, "体重": 55, "肺活量": 3000, "50米跑": 8.0, "立定跳远": 200}
    girl = {"身高": 158, "体重": 48.5, "肺活量": 2400, "50米跑": 9.1, "立定跳远": 170}
    small = {"身高": 135, "体重": 30, "肺活量": 1500, "50米跑": 10.0, "一分钟跳绳": 100}
    return [
        FIXED + items,
        row(items, p["boy"], **common, 坐位体前屈=10, **{"1000米跑": "4'05", "引体向上": 8}),
        row(items, p["girl"], **girl, 坐位体前屈=-1.5, **{sit_up_girl: 40, "800米跑": "3′45″"}),
        row(items, p["small"], 13, **small, 坐位体前屈=8, 一分钟仰卧起坐=30),
        row(items, p["b5"], 身高=300, 体重=55),
        row(items, p["b7"], 身高=160, **{"800米跑": "3'40"}),
        row(items, None, 身高=160),
        row(items, p["b9"], 身高=160),
        row(items, p["b9"], 身高=161),
        row(items, p["b11"], **{"1000米跑": "4'5"}),
    ]


def check_report(ws: Workspace, path: Path, p: dict[str, Student]) -> None:
    students = repo_students.count_students(ws.db, "2141003456")
    report = import_fitness(ws.db, path, actor="t")
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    got = [(r.row, r.field) for r in report.rejected]
    assert [g[0] for g in got] == [5, 6, 7, 8, 9, 10]
    assert got[0][1] == "身高" and "outside the national range" in report.rejected[0].reason
    assert (
        got[1][1].startswith("800米跑")
        and "male students are not tested" in report.rejected[1].reason
    )
    assert (
        got[2][1] == "学籍号"
        and "not on the roster; add the student first" in report.rejected[2].reason
    )
    assert "appears in rows 8, 9" in report.rejected[3].reason and got[4][1] == "学籍号"
    assert got[5][1].startswith("1000米跑") and "two digits" in report.rejected[5].reason
    assert repo_students.count_students(ws.db, "2141003456") == students  # nobody created
    assert repo_students.find_by_student_no(ws.db, UNKNOWN) is None
    girl = repo_fitness.find_test(ws.db, p["girl"].meta.uuid, YEAR, "first")
    assert girl is not None and girl.values["run_800m"] == 225 and girl.values["sit_up_1min"] == 40
    assert girl.values["sit_and_reach"] == -1.5 and girl.level is not None
    boy = repo_fitness.find_test(ws.db, p["boy"].meta.uuid, YEAR, "first")
    assert boy is not None and boy.values["run_1000m"] == 245 and boy.values["pull_up"] == 8
    small = repo_fitness.find_test(ws.db, p["small"].meta.uuid, YEAR, "first")
    assert small is not None and small.grade_code == 13 and small.values["sit_up_1min"] == 30


def test_a_national_xlsx_with_full_width_headers_and_every_kind_of_bad_row(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    rows = national_rows(people, ITEMS_TMP, "一分钟仰卧起坐（女）")
    check_report(school_ws, write_xlsx(tmp_path / "n.xlsx", rows), people)


def test_a_national_xls_in_the_2014_layout(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    rows = national_rows(people, ITEMS_2014, "一分钟仰卧起坐")
    check_report(school_ws, write_xls(tmp_path / "n.xls", rows), people)


def test_a_dry_run_writes_nothing_and_counts_like_the_commit(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", national_rows(people, ITEMS_TMP, "一分钟仰卧起坐（女）"))
    before = dump(school_ws.db)

    dry = import_fitness(school_ws.db, path, actor="t", dry_run=True)

    assert dump(school_ws.db) == before
    assert not dry.committed
    done = import_fitness(school_ws.db, path, actor="t")
    assert dry.to_json() == done.to_json()
    again = import_fitness(school_ws.db, path, actor="t")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_blank_cells_keep_stored_values_and_exempt_rows_are_recorded(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    fr.save_values(school_ws.db, people["boy"].meta.uuid, YEAR, BOY_21, actor="t")
    rows = [
        FIXED + ITEMS_2014,
        row(ITEMS_2014, people["boy"], **{"50米跑": 7.8}),
        row(ITEMS_2014, people["b5"], 身高="免体"),
    ]
    report = import_fitness(school_ws.db, write_xlsx(tmp_path / "n.xlsx", rows), actor="t")

    assert (report.created, report.updated, report.rejected) == (1, 1, [])
    boy = repo_fitness.find_test(school_ws.db, people["boy"].meta.uuid, YEAR, "first")
    assert boy is not None and boy.values["run_50m"] == 7.8 and boy.values["run_1000m"] == 245
    exempt = fr.year_result(school_ws.db, people["b5"].meta.uuid, YEAR)
    assert exempt is not None and exempt.exempt and exempt.exempt_reason == "免体"
    assert exempt.total_score is None


def test_rows_that_contradict_the_roster_are_rejected(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    fr.save_values(school_ws.db, people["boy"].meta.uuid, YEAR, {"height_cm": 160}, actor="t")
    wrong_sex = row(ITEMS_2014, people["girl"], 身高=150)
    wrong_sex[6] = 1
    wrong_name = row(ITEMS_2014, people["b5"], 身高=150)
    wrong_name[5] = "张三"
    wrong_grade = row(ITEMS_2014, people["boy"], 22, 身高=150)  # its stored test is grade 21
    not_roster_grade = row(ITEMS_2014, people["b7"], 22, 身高=150)  # 七年级 on the roster
    twice = row(ITEMS_2014, people["small"], 13, 一分钟仰卧起坐=30)
    rows = [
        [*FIXED, *ITEMS_2014, "一分钟仰卧起坐（女）"],
        *([*r, None] for r in (wrong_sex, wrong_name, wrong_grade, not_roster_grade)),
        [*twice, 31],
    ]

    report = import_fitness(school_ws.db, write_xlsx(tmp_path / "n.xlsx", rows), actor="t")

    assert [(r.row, r.field) for r in report.rejected] == [
        (2, "性别"),
        (3, "姓名"),
        (4, "年级编号"),
        (5, "年级编号"),
        (6, "一分钟仰卧起坐"),
    ]
    assert "test this year (21)" in report.rejected[2].reason
    assert "on the roster (21)" in report.rejected[3].reason
    assert "given twice" in report.rejected[4].reason


def test_a_device_export_with_a_column_mapping(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    headers = ["考号", "姓名", "身高(cm)", "体重(kg)", "肺活量(ml)", "50米(秒)", "坐位体前屈(cm)",
               "立定跳远(cm)", "引体向上(个)", "1000米"]  # fmt: skip
    boy = people["boy"]
    rows = [headers, [boy.student_no, boy.name, 165, 55, 3000, 8, 10, 200, 8, dt.time(0, 4, 5)]]
    path = write_xlsx(tmp_path / "device.xlsx", rows)
    with pytest.raises(ImportFileError, match="student number"):
        import_fitness(school_ws.db, path, actor="t")

    table = read_fitness_file(path)
    mapping = mapping_with(table, {"考号": "student_no"})
    plan = plan_fitness_import(school_ws.db, table, mapping)
    assert (plan.created, plan.rejected) == (1, ())
    report = import_fitness(school_ws.db, path, actor="t", mapping=mapping)

    assert report.created == 1
    result = fr.year_result(school_ws.db, boy.meta.uuid, YEAR)
    assert result is not None and result.item("run_1000m").value == 245
    assert result.total_score is not None
    with pytest.raises(ImportFileError, match="not a field"):
        mapping_with(table, {"考号": "student_number"})


def test_a_past_year_and_a_retest(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    boy = people["boy"]
    old = [FIXED + ITEMS_2014, row(ITEMS_2014, boy, 16, 一分钟跳绳=120, 身高=150)]
    report = import_fitness(
        school_ws.db, write_xlsx(tmp_path / "old.xlsx", old), actor="t", school_year=PREVIOUS
    )
    assert report.created == 1
    past = repo_fitness.find_test(school_ws.db, boy.meta.uuid, PREVIOUS, "first")
    assert past is not None and past.grade_code == 16 and past.values["rope_skip_1min"] == 120

    retest = write_xlsx(tmp_path / "r.xlsx", [FIXED + ITEMS_2014, row(ITEMS_2014, boy, 身高=166)])
    refused = import_fitness(school_ws.db, retest, actor="t", attempt="retest")
    assert refused.created == 0 and "no first test" in refused.rejected[0].reason
    fr.save_values(school_ws.db, boy.meta.uuid, YEAR, BOY_21, actor="t")
    assert import_fitness(school_ws.db, retest, actor="t", attempt="retest").created == 1
    # From now on the year's record is the retest: a plain import updates it.
    again = write_xlsx(tmp_path / "a.xlsx", [FIXED + ITEMS_2014, row(ITEMS_2014, boy, 身高=167)])
    assert import_fitness(school_ws.db, again, actor="t").updated == 1
    kept = repo_fitness.find_test(school_ws.db, boy.meta.uuid, YEAR, "retest")
    first = repo_fitness.find_test(school_ws.db, boy.meta.uuid, YEAR, "first")
    assert kept is not None and first is not None
    assert (kept.values["height_cm"], first.values["height_cm"]) == (167, 165)


def test_a_file_without_items_is_refused(school_ws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "n.xlsx", [FIXED, ["21", "2101"]])
    with pytest.raises(ImportFileError, match="no column of a fitness test item"):
        import_fitness(school_ws.db, path, actor="t")


def test_the_wizard_spec_runs_the_same_import(
    school_ws: Workspace, people: dict[str, Student], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from app.services.fitness_import_spec import FitnessImportSpec

    spec = FitnessImportSpec()
    assert [f.key for f in spec.fields if f.required] == ["student_no"]
    path = write_xlsx(tmp_path / "n.xlsx", national_rows(people, ITEMS_TMP, "一分钟仰卧起坐（女）"))
    table = spec.read_file(path)
    mapping, left = spec.guess_mapping(table)
    assert left == ["班级编号", "班级名称", "民族代码", "出生日期", "家庭住址"]
    ticks: list[tuple[int, int]] = []
    plan = spec.plan(school_ws.db, table, mapping, progress=lambda d, t: ticks.append((d, t)))
    report = spec.commit(school_ws.db, plan, actor="t")
    assert ticks[-1] == (9, 9) and report.created == 3 and report.committed
    spec.save_rejected(report, tmp_path / "rejected.xlsx")
    sheet = load_workbook(tmp_path / "rejected.xlsx").active
    assert sheet is not None and sheet.max_row == 1 + len(report.rejected)
    assert sheet.cell(1, sheet.max_column).value == "Reason"
