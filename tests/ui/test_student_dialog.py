"""The student dialog: messages as the user types, Save enabled only when valid, saving."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.models import Sex, Student, StudentStatus
from app.services.roster import find_students
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.ui.conftest import g_number
from ui.dialogs.student_dialog import UNSET_DATE, StudentDialog


@pytest.fixture
def dialog(qtbot: QtBot, school_ws: Workspace) -> StudentDialog:
    d = StudentDialog(school_ws, grade_code=13, class_no=2, today=TODAY)
    qtbot.addWidget(d)
    d.show()
    return d


def save_enabled(d: StudentDialog) -> bool:
    return d.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_new_form_asks_for_fields_without_shouting(dialog: StudentDialog) -> None:
    assert not save_enabled(dialog)
    assert all(f.message_text() == "" for f in dialog.fields.values())
    assert dialog.summary.text() == "Fill in the fields marked with *."


def test_a_bad_number_shows_a_message_and_fixing_it_enables_save(dialog: StudentDialog) -> None:
    good = g_number(203, "20170915")
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")  # wrong check character
    dialog.name.setText("李明")
    dialog.student_no.setText(bad)
    message = dialog.fields["student_no"].message_text()
    assert "check character" in message
    assert not save_enabled(dialog)
    assert dialog.summary.text() == "Correct the fields marked in red."

    dialog.student_no.setText(good)
    assert dialog.fields["student_no"].message_text() == ""
    # The number carries the birth date and sex: filled in for the clerk.
    assert dialog.birth_date.date() == QDate(2017, 9, 15)
    assert dialog.sex.currentData() == Sex.MALE.code
    assert save_enabled(dialog)


def test_a_bad_id_number_is_reported_on_its_own_field(dialog: StudentDialog) -> None:
    dialog.name.setText("李明")
    dialog.student_no.setText(g_number(203, "20170915"))
    dialog.id_number.setText("41030820170915203")  # 17 characters
    assert "18-character" in dialog.fields["id_number"].message_text()
    assert not save_enabled(dialog)
    dialog.id_number.setText(g_number(203, "20170915")[1:])
    assert dialog.fields["id_number"].message_text() == ""
    assert save_enabled(dialog)


def test_pe_exemption_needs_a_reason(dialog: StudentDialog) -> None:
    dialog.name.setText("李明")
    dialog.student_no.setText(g_number(203, "20170915"))
    dialog.pe_exempt.setChecked(True)
    assert dialog.fields["pe_exempt_reason"].message_text()
    assert not save_enabled(dialog)
    dialog.pe_reason.setText("心脏病，医院证明")
    assert save_enabled(dialog)


def test_saving_creates_the_student(dialog: StudentDialog, school_ws: Workspace) -> None:
    saved: list[Student] = []
    dialog.student_saved.connect(saved.append)
    dialog.student_no.setText(g_number(204, "20180102"))
    dialog.name.setText("王 小 红")
    dialog.ethnicity.setCurrentIndex(dialog.ethnicity.findData("03"))
    dialog.accept()
    assert len(saved) == 1 and dialog.result() == dialog.DialogCode.Accepted
    rows = find_students(school_ws.db)
    assert len(rows) == 1
    row = rows[0]
    assert row.student.name == "王小红"
    assert row.student.sex is Sex.FEMALE and row.student.birth_date == dt.date(2018, 1, 2)
    assert row.student.ethnicity_code == "03"
    assert (row.grade_code, row.class_no) == (13, 2)
    assert row.student.status is StudentStatus.ENROLLED


def test_a_duplicate_number_comes_back_on_the_number_field(
    qtbot: QtBot, roster_ws: Workspace
) -> None:
    d = StudentDialog(roster_ws, grade_code=13, today=TODAY)
    qtbot.addWidget(d)
    d.student_no.setText(g_number(101, "20170912"))  # 张伟's number
    d.name.setText("张伟伟")
    d.accept()
    assert "already belongs to 张伟" in d.fields["student_no"].message_text()
    assert d.result() != d.DialogCode.Accepted
    assert len(find_students(roster_ws.db, text="张伟")) == 1


def test_editing_keeps_the_status_for_the_status_dialog(qtbot: QtBot, roster_ws: Workspace) -> None:
    row = find_students(roster_ws.db, text="王芳")[0]
    d = StudentDialog(roster_ws, row=row, today=TODAY)
    qtbot.addWidget(d)
    assert d.name.text() == "王芳" and save_enabled(d)
    assert not d.status.isEnabled()
    d.name.setText("王芳芳")
    d.accept()
    assert find_students(roster_ws.db, text="王芳芳")[0].student.meta.uuid == row.student.meta.uuid


def test_an_unset_birth_date_is_taken_from_the_number(
    dialog: StudentDialog, school_ws: Workspace
) -> None:
    dialog.name.setText("李明")
    dialog.student_no.setText(g_number(203, "20170915"))
    dialog.birth_date.setDate(UNSET_DATE)
    assert dialog.raw()["birth_date"] == ""
    assert save_enabled(dialog)
    dialog.accept()
    assert find_students(school_ws.db)[0].student.birth_date == dt.date(2017, 9, 15)
