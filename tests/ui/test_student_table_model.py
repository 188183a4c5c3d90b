"""The roster table model and its proxy, at 5,000 rows built in memory."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCollator, QLocale, Qt
from pytestqt.modeltest import ModelTester

from app.models import RecordMeta, Sex, Student, StudentRow, StudentStatus
from tests.ui.conftest import g_number
from ui.models.student_table_model import (
    COL_BIRTH,
    COL_CLASS,
    COL_NAME,
    COL_STATUS,
    COL_STUDENT_NO,
    STUDENT_ROLE,
    StudentFilterProxy,
    StudentTableModel,
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
STATUS_CYCLE = (
    *([StudentStatus.ENROLLED] * 16),
    StudentStatus.TRANSFERRED_IN,
    StudentStatus.TRANSFERRED_OUT,
    StudentStatus.SUSPENDED,
    StudentStatus.GRADUATED,
)


def make_rows(n: int) -> list[StudentRow]:
    rows = []
    for i in range(n):
        grade = (11, 12, 13, 14, 15, 16, 21, 22, 23)[i % 9]
        class_no = 1 + (i // 9) % 12
        birth = dt.date(2010 + i % 9, 1 + i % 12, 1 + i % 28)
        student = Student(
            student_no=g_number(i % 1000, birth.strftime("%Y%m%d")),
            name=SURNAMES[i % 20] + GIVEN[(i // 20) % 20] + ("" if i % 3 else GIVEN[i % 7]),
            sex=Sex.MALE if i % 2 else Sex.FEMALE,
            birth_date=birth,
            ethnicity_code="03" if i % 50 == 0 else "01",
            id_number=None,
            class_uuid=f"class-{grade}-{class_no}",
            status=STATUS_CYCLE[i % 20],
            pe_exempt=i % 100 == 0,
            pe_exempt_reason="骨折" if i % 100 == 0 else "",
            school_code="2141003456",
            meta=RecordMeta(uuid=f"student-{i}"),
        )
        rows.append(StudentRow(student, grade, class_no, f"{grade}-{class_no}班"))
    return rows


@pytest.fixture
def big() -> tuple[StudentTableModel, StudentFilterProxy, list[StudentRow]]:
    rows = make_rows(5000)
    model = StudentTableModel()
    model.set_rows(rows)
    return model, StudentFilterProxy(model), rows


def test_the_model_passes_qt_model_checks(qtmodeltester: ModelTester) -> None:
    model = StudentTableModel()
    model.set_rows(make_rows(40))
    qtmodeltester.check(model)


def test_five_thousand_rows_are_all_there(big: tuple) -> None:
    model, proxy, rows = big
    assert model.rowCount() == 5000 and proxy.rowCount() == 5000
    assert model.columnCount() == 8
    first = rows[0].student
    assert model.index(0, COL_STUDENT_NO).data() == first.student_no
    assert model.index(0, COL_NAME).data() == first.name
    assert model.index(0, COL_BIRTH).data() == first.birth_date.isoformat()
    assert model.index(17, COL_STATUS).data() == "Transferred out"
    assert model.index(0, 7).data() == "Yes"  # PE exempt, reason in the tooltip
    assert model.index(0, 7).data(Qt.ItemDataRole.ToolTipRole) == "骨折"
    assert model.index(5, 0).data(STUDENT_ROLE) is rows[5]


def test_sorting_by_name_through_the_proxy(big: tuple) -> None:
    _model, proxy, rows = big
    proxy.sort(COL_NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, COL_NAME).data() for r in range(proxy.rowCount())]
    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    assert names == sorted((r.student.name for r in rows), key=collator.sortKey)
    proxy.sort(COL_NAME, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_NAME).data() == names[-1]


def test_the_class_column_sorts_by_grade_then_number(big: tuple) -> None:
    _model, proxy, _rows = big
    proxy.sort(COL_CLASS, Qt.SortOrder.AscendingOrder)
    keys = [
        (proxy.student_at(r).grade_code, proxy.student_at(r).class_no)
        for r in range(proxy.rowCount())
    ]
    assert keys == sorted(keys)  # 12 after 9, not between 1 and 2


def test_search_by_name_or_student_number_ignores_case(big: tuple) -> None:
    _model, proxy, rows = big
    proxy.set_text("王伟")
    expected = sum("王伟" in r.student.name for r in rows)
    assert 0 < proxy.rowCount() == expected
    number = rows[1234].student.student_no
    proxy.set_text(number.lower())
    assert proxy.rowCount() >= 1
    assert number in {proxy.student_at(r).student.student_no for r in range(proxy.rowCount())}
    proxy.set_text("  ")
    assert proxy.rowCount() == 5000


def test_status_filter_and_scope_combine(big: tuple) -> None:
    _model, proxy, rows = big
    proxy.set_statuses(frozenset({StudentStatus.TRANSFERRED_OUT}))
    assert proxy.rowCount() == 250  # one in twenty
    proxy.set_statuses(frozenset({StudentStatus.ENROLLED, StudentStatus.TRANSFERRED_IN}))
    assert proxy.rowCount() == 5000 * 17 // 20
    proxy.set_scope(grade_code=13)
    assert proxy.rowCount() == sum(r.grade_code == 13 and r.student.status.is_on_roll for r in rows)
    proxy.set_scope(class_uuid="class-13-2")
    in_class = [r for r in rows if r.student.class_uuid == "class-13-2"]
    assert proxy.rowCount() == sum(r.student.status.is_on_roll for r in in_class) > 0
    proxy.set_statuses(None)
    proxy.set_scope()
    assert proxy.rowCount() == 5000


def test_reloading_replaces_every_row(big: tuple) -> None:
    model, proxy, _rows = big
    model.set_rows(make_rows(10))
    assert model.rowCount() == 10 and proxy.rowCount() == 10
    assert model.row_of("student-7") == 7 and model.row_of("nobody") == -1
