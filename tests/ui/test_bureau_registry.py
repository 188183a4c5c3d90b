"""学校登记: a school's identity file (made by the school's own workspace) enrolled after the
fingerprint check, and revoked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.packets.keys import format_fingerprint
from app.services import keys_service
from app.services.bureau_keys import list_registry
from app.services.workspace import Workspace
from tests.ui.bureau_fixtures import ask, bureau_ws  # noqa: F401 (fixture)
from ui.pages.school_registry_page import SchoolRegistryPage
from ui.widgets.record_view import select_record_rows


@pytest.fixture
def identity(school_ws: Workspace, tmp_path: Path) -> tuple[Path, str]:
    """The school's identity file, as its Submission page writes it, and its fingerprint."""
    path = tmp_path / "usb" / "school-identity.json"
    made = keys_service.export_school_identity(school_ws, ask, path)
    return path, made.fingerprint


@pytest.fixture
def page(qtbot: QtBot, bureau_ws: Workspace) -> Iterator[SchoolRegistryPage]:  # noqa: F811
    widget = SchoolRegistryPage(bureau_ws)
    qtbot.addWidget(widget)
    yield widget


def test_enrol_after_the_fingerprint_check_then_revoke(
    qtbot: QtBot,
    page: SchoolRegistryPage,
    bureau_ws: Workspace,  # noqa: F811
    identity: tuple[Path, str],
) -> None:
    path, fingerprint = identity
    assert page.stack.showing_hint() and "identity file" in page.stack.hint.text()
    page.ask_identity_file = lambda: path

    # A fingerprint read out wrongly on the phone: nothing is enrolled.
    page.enrol_button.click()
    dialog = page.enrol_dialog
    assert dialog is not None and dialog.isVisible()
    grouped = format_fingerprint(fingerprint)
    assert dialog.fingerprint.text().replace("\n", "-") == grouped
    assert not dialog.enrol_button.isEnabled()  # until the user says they compared it
    dialog.compared.setChecked(True)
    dialog.typed.setText("0000-0000-0000-0000-0000-0000")
    dialog.enrol_button.click()
    assert list_registry(bureau_ws.db) == []
    assert page.message.text() and page.stack.showing_hint()

    page.enrol_button.click()
    dialog = page.enrol_dialog
    assert dialog is not None
    dialog.compared.setChecked(True)
    dialog.typed.setText(format_fingerprint(fingerprint, short=True).lower())
    dialog.enrol_button.click()
    [key] = list_registry(bureau_ws.db)
    assert (key.school_code, key.fingerprint, key.status) == ("2141003456", fingerprint, "active")
    assert "is enrolled" in page.message.text()
    assert page.model.rowCount() == 1
    assert page.model.text(0, 1) == "孟津区城关镇第一小学"
    assert page.model.text(0, 2) == format_fingerprint(fingerprint, short=True)
    assert page.model.text(0, 3) == "Active"

    # The same file again is recognised.
    page.enrol_button.click()
    dialog = page.enrol_dialog
    assert dialog is not None and "already enrolled" in dialog.note.text()
    dialog.reject()

    assert not page.revoke_button.isEnabled()  # nothing selected
    select_record_rows(page.table, lambda k: k.school_code == "2141003456")
    page.revoke_button.click()
    box = page.revoke_box
    assert box is not None and "2141003456" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert list_registry(bureau_ws.db)[0].status == "active"
    page.revoke_button.click()
    box = page.revoke_box
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert list_registry(bureau_ws.db)[0].status == "revoked"
    assert page.model.text(0, 3) == "Revoked"
    assert "revoked" in page.message.text()
    select_record_rows(page.table, lambda k: True)
    assert not page.revoke_button.isEnabled()  # revoked for good


def test_a_file_that_is_not_an_identity_is_a_plain_message(
    page: SchoolRegistryPage, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.json"
    junk.write_text('{"hello": 1}', encoding="utf-8")
    page.ask_identity_file = lambda: junk
    page.enrol()
    assert page.enrol_dialog is None
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    boxes[0].close()
