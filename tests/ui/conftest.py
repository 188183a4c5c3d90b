"""UI fixtures: a small real school (students saved through the app service), a TaskRunner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.models import StudentStatus
from app.services.roster import StudentExtras, change_status, save_student
from app.services.workspace import Workspace
from app.validation.ids import mod11_2_check_char
from tests.conftest import TODAY
from ui.errors import CrashReporter
from ui.tasks import TaskRunner


def g_number(seq: int, birth: str = "20180305", area: str = "410308") -> str:
    """A valid G 学籍号 (G + 身份证号); the sequence's last digit decides the sex (odd: male)."""
    body = f"{area}{birth}{seq:03d}"
    return "G" + body + mod11_2_check_char(body)


def student_raw(seq: int, name: str, grade: int, class_no: int, birth: str) -> dict[str, object]:
    return {
        "student_no": g_number(seq, birth),
        "name": name,
        "sex": "男" if seq % 2 else "女",
        "birth_date": "",
        "ethnicity": "汉族",
        "id_number": "",
        "grade": str(grade),
        "class": str(class_no),
    }


# (seq, name, grade, class, birth date): 三年级(1)班 ×4, 三年级(2)班 ×3, 七年级(1)班 ×3.
STUDENTS = (
    (101, "张伟", 13, 1, "20170912"),
    (102, "王芳", 13, 1, "20171003"),
    (103, "李娜", 13, 1, "20180101"),
    (104, "刘洋", 13, 1, "20180220"),
    (105, "陈静", 13, 2, "20170930"),
    (106, "杨磊", 13, 2, "20180315"),
    (107, "赵敏", 13, 2, "20180411"),
    (108, "黄强", 21, 1, "20131105"),
    (109, "周杰", 21, 1, "20140118"),
    (110, "吴婷", 21, 1, "20140203"),
)
TRANSFERRED_OUT_SEQ = 104  # 刘洋 leaves: the default (on roll) view shows 9 of 10


@pytest.fixture
def roster_ws(school_ws: Workspace) -> Workspace:
    for seq, name, grade, class_no, birth in STUDENTS:
        student = save_student(
            school_ws.db,
            student_raw(seq, name, grade, class_no, birth),
            actor="tester",
            extras=StudentExtras(status=StudentStatus.ENROLLED),
            today=TODAY,
        )
        if seq == TRANSFERRED_OUT_SEQ:
            change_status(
                school_ws.db,
                student.meta.uuid,
                StudentStatus.TRANSFERRED_OUT,
                date=dt.date(2026, 10, 8),
                note="转至洛阳市",
                actor="tester",
            )
    return school_ws


@pytest.fixture
def reporter(workspace: Workspace, qapp: object) -> CrashReporter:
    # qapp: the reporter opens dialogs, and a widget made before the QApplication aborts the
    # process (a test using it without qtbot crashed its xdist worker when it ran first there).
    return CrashReporter(workspace.paths.logs / "baosong.log")


@pytest.fixture
def runner(workspace: Workspace, reporter: CrashReporter, qapp: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(workspace.connect, reporter)
    yield task_runner
    task_runner.shutdown()
    task_runner.deleteLater()
