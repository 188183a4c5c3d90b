"""The 报送 page on a real demo school and a real bureau workspace: the signing key, trusting the
bureau, the export wizard with its completeness check, the history and the bureau's receipt."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWizard
from pytestqt.qtbot import QtBot

from app.packets.packet_reader import read_envelope, read_packet_file
from app.services import bureau_keys, keys_service, packet_export, receipts
from app.services.bureau_intake import intake_packets
from app.services.bureau_workspace import init_bureau
from app.services.demo import create_demo_school
from app.services.roster import ensure_class, find_students
from app.services.workspace import Workspace, open_workspace, require_school
from tests.conftest import TODAY
from ui.dialogs.packet_export_wizard import CHECK_PAGE, DONE_PAGE, SIGN_PAGE, PacketExportWizard
from ui.dialogs.passphrase_dialog import PassphraseDialog, passphrase_strength
from ui.dialogs.trust_bureau_dialog import TrustBureauDialog
from ui.models.packet_labels import STATUS_COLOURS, short_fingerprint
from ui.models.packet_table_models import COL_STATUS
from ui.pages.packets_page import RETURNS_TAB, PacketsPage
from ui.tasks import TaskRunner

PASSPHRASE = "correct horse battery staple"
TERM = "2026-2027-1"  # the current term on TODAY


def _ask(_confirm: bool) -> str:
    return PASSPHRASE


@dataclass
class Bureau:
    ws: Workspace
    keys_file: Path


@pytest.fixture
def demo_ws(workspace: Workspace) -> Workspace:
    """A 30-student demo school with one empty class: a gap the completeness check reports.
    Built in the ``workspace`` fixture, whose database the ``runner``'s tasks connect to."""
    school = create_demo_school(workspace.db, students=30, seed=3, actor="tester", today=TODAY)
    with workspace.db.atomic():
        ensure_class(workspace.db, school.code, 16, 9, "tester")
    return workspace


@pytest.fixture
def bureau(tmp_path: Path) -> Iterator[Bureau]:
    ws = open_workspace(tmp_path / "bureau")
    init_bureau(ws.db, name="孟津区教育局")
    bureau_keys.create_bureau_keys(ws, PASSPHRASE)
    keys_file = tmp_path / "usb" / "bureau-public-keys.json"
    bureau_keys.export_bureau_keys(ws, keys_file)
    yield Bureau(ws, keys_file)
    ws.close()


@pytest.fixture
def page(qtbot: QtBot, demo_ws: Workspace, runner: TaskRunner) -> Iterator[PacketsPage]:
    packets_page = PacketsPage(demo_ws, runner, today=TODAY)
    qtbot.addWidget(packets_page)
    packets_page.show()
    yield packets_page
    assert runner.wait_for_done(10_000)  # no worker thread outlives the test
    qtbot.waitUntil(lambda: runner.active_count == 0)


@pytest.fixture
def ready(page: PacketsPage, demo_ws: Workspace, bureau: Bureau) -> PacketsPage:
    """The school has its key and trusts the bureau (through the services)."""
    keys_service.create_school_key(demo_ws, PASSPHRASE)
    keys_service.trust_bureau(demo_ws, bureau.keys_file)
    page.reload()
    return page


def ok(dialog: PassphraseDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_create_the_key_with_a_mismatched_then_a_matching_passphrase(
    page: PacketsPage, demo_ws: Workspace
) -> None:
    tab = page.keys_tab
    assert "no signing key yet" in tab.key_hint.text()
    assert "create the school's signing key" in page.next_step.text()
    assert not page.export_button.isEnabled() and tab.create_button.isVisibleTo(page)
    tab.create_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    form = dialog.form
    form.first.setText("short")
    assert form.strength.text().startswith("Too short")
    form.first.setText(PASSPHRASE)
    assert form.strength.text() == "Strong."
    form.second.setText(PASSPHRASE + "!")
    ok(dialog)
    assert dialog.isVisible() and "differ" in form.error.text() and form.error.isVisibleTo(dialog)
    assert form.second.text() == ""  # typed again, not corrected in place
    assert keys_service.school_key(demo_ws.db) is None
    form.second.setText(PASSPHRASE)
    ok(dialog)
    assert not dialog.isVisible()
    assert form.first.text() == "" and form.second.text() == ""  # not kept in the dialog
    own = keys_service.school_key(demo_ws.db)
    assert own is not None
    keys_service.load_school_key(demo_ws, PASSPHRASE)  # the key opens with that passphrase
    assert tab.key_fingerprint.short.text() == short_fingerprint(own.fingerprint)
    assert tab.key_fingerprint.full.text().count("\n") == 1  # two lines of eight groups
    assert tab.backup_button.isVisibleTo(page) and not tab.create_button.isVisibleTo(page)
    assert "trust the education bureau" in page.next_step.text()


def test_passphrase_strength_favours_length() -> None:
    assert passphrase_strength("abc") == 0
    assert passphrase_strength("abcdefghij") == 1
    assert passphrase_strength("abcdefghijklmnop") == 2
    assert passphrase_strength("Abcdefgh1!") == 2


def test_key_backup_and_identity_export(
    page: PacketsPage, demo_ws: Workspace, tmp_path: Path
) -> None:
    keys_service.create_school_key(demo_ws, PASSPHRASE)
    page.reload()
    tab = page.keys_tab
    tab.ask_backup_folder = lambda: tmp_path / "backup"
    tab.backup_button.click()
    own = keys_service.school_key(demo_ws.db)
    assert own is not None and (tmp_path / "backup" / own.file_name).exists()
    target = tmp_path / "usb" / "identity.json"
    suggested: list[Path] = []
    tab.ask_identity_path = lambda proposal: suggested.append(proposal) or target
    tab.identity_button.click()
    assert suggested[0].name.endswith("-school-identity.json")
    dialog = tab.active_dialog
    assert isinstance(dialog, PassphraseDialog)
    dialog.form.first.setText("not the passphrase")
    ok(dialog)
    assert dialog.isVisible() and "passphrase is wrong" in dialog.form.error.text()
    assert not target.exists()
    dialog.form.first.setText(PASSPHRASE)
    ok(dialog)
    assert not dialog.isVisible() and target.exists()


def test_trust_the_bureau_after_comparing_its_fingerprint(
    page: PacketsPage, demo_ws: Workspace, bureau: Bureau
) -> None:
    tab = page.keys_tab
    assert "No education bureau is trusted yet" in tab.bureau_hint.text()
    tab.ask_bureau_file = lambda: bureau.keys_file
    tab.trust_button.click()
    dialog = tab.active_dialog
    assert isinstance(dialog, TrustBureauDialog) and dialog.isVisible()
    signing, _encryption = bureau_keys.bureau_keys(bureau.ws.db) or (None, None)
    assert signing is not None
    assert dialog.fingerprint.short.text() == short_fingerprint(signing.fingerprint)
    assert not dialog.trust_button.isEnabled()  # not before the phone call
    dialog.confirm.setChecked(True)
    dialog.trust_button.click()
    assert not dialog.isVisible()
    trusted = keys_service.trusted_bureau(demo_ws.db)
    assert trusted is not None and trusted.signing_fingerprint == signing.fingerprint
    assert tab.bureau_name.text().startswith("孟津区教育局")
    assert tab.bureau_fingerprint.short.text() == short_fingerprint(signing.fingerprint)


def wizard_of(qtbot: QtBot, page: PacketsPage) -> PacketExportWizard:
    page.export_button.click()
    wizard = page.export_wizard
    assert isinstance(wizard, PacketExportWizard) and wizard.isVisible()
    return wizard


def next_enabled(wizard: QWizard) -> bool:
    which = QWizard.WizardButton
    button = wizard.button(
        which.CommitButton if wizard.currentId() == SIGN_PAGE else which.NextButton
    )
    return button.isEnabled()


def test_export_with_a_gap_needs_export_anyway(
    qtbot: QtBot, ready: PacketsPage, demo_ws: Workspace, tmp_path: Path
) -> None:
    page = ready
    assert page.history_tab.stack.showing_hint()  # no packet yet: says what to do
    wizard = wizard_of(qtbot, page)
    options = wizard.options_page
    assert options.term() == TERM and options.full_radio.isChecked()
    assert not options.incremental_radio.isEnabled()  # nothing acknowledged yet
    wizard.next()
    assert wizard.currentId() == CHECK_PAGE
    check = wizard.check_page
    qtbot.waitUntil(lambda: check.report is not None and not wizard.busy)
    problems = check.problem_rows()
    assert ("1 classes have no student on the roll.", 1) in problems
    assert check.findings_model.item(0, 0).rowCount() >= 1  # the examples, grouped under it
    assert "Student 30" in check.counts.text()
    assert not next_enabled(wizard)
    check.anyway.setChecked(True)
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.currentId() == SIGN_PAGE
    code = require_school(demo_ws.db).code
    assert wizard.output == demo_ws.paths.exports / f"{code}-{TERM}-0001.bspkt"
    target = tmp_path / "usb" / "packet.bspkt"  # the folder holds the bureau's keys file
    wizard.ask_save_path = lambda _suggested: target
    wizard.sign_page.choose_button.click()
    assert wizard.sign_page.output_label.text() == str(target)
    wizard.sign_page.form.first.setText("not the passphrase")
    wizard.next()
    assert wizard.currentId() == SIGN_PAGE and "passphrase is wrong" in (
        wizard.sign_page.form.error.text()
    )
    assert wizard.sign_page.form.first.text() == ""
    wizard.sign_page.form.first.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentId() == DONE_PAGE
    done = wizard.done_page
    qtbot.waitUntil(lambda: done.summary is not None and not wizard.busy)
    summary = done.summary
    assert summary is not None and summary.file == target and summary.sequence == 1
    assert summary.kept == demo_ws.paths.exports / f"{code}-{TERM}-0001.bspkt"
    assert summary.size == target.stat().st_size
    envelope = read_envelope(read_packet_file(target))
    assert (envelope.header.school_code, envelope.header.sequence) == (code, 1)
    assert envelope.header.counts["students"] == 30
    assert done.fields["sha"].text() == short_fingerprint(envelope.sha256)
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.accept()
    history = page.history_tab
    assert not history.stack.showing_hint()
    assert history.packet_statuses() == {1: "exported"}
    assert history.model.text(0, 6) == f"{code}-{TERM}-0001.bspkt"
    assert "Last packet: No. 1" in page.next_step.text()


def test_a_receipt_acknowledges_the_packet_and_lists_returned_records(
    qtbot: QtBot, ready: PacketsPage, demo_ws: Workspace, bureau: Bureau, tmp_path: Path
) -> None:
    page = ready
    # The school exports (through the service: the wizard has its own test) …
    plan = packet_export.plan_export(demo_ws.db, term=TERM)
    key = keys_service.load_school_key(demo_ws, PASSPHRASE)
    packet = packet_export.export_packet(demo_ws, plan, signing_key=key).path
    keys_service.export_school_identity(demo_ws, _ask, tmp_path / "usb" / "school.json")
    # … the bureau enrols the school, merges the packet and returns a student for correction.
    bureau_keys.enroll_school(bureau.ws, tmp_path / "usb" / "school.json")
    decryption = bureau_keys.load_bureau_decryption_keys(bureau.ws, PASSPHRASE)
    [merged] = intake_packets(bureau.ws, [packet], decryption_keys=decryption).packets
    assert merged.status == "merged" and merged.sha256
    student = find_students(demo_ws.db)[0].student
    receipts.return_records(
        bureau.ws.db, merged.sha256, [("students", student.meta.uuid, "出生日期有误")], actor="局"
    )
    signing = bureau_keys.load_bureau_signing_key(bureau.ws, PASSPHRASE)
    [document] = receipts.write_receipts(bureau.ws, tmp_path / "receipts", signing)

    page.reload()
    history = page.history_tab
    assert history.packet_statuses() == {1: "exported"}
    assert page.returns_tab.stack.showing_hint()
    junk = tmp_path / "junk.bsrcpt"
    junk.write_bytes(b"{}")
    history.ask_receipt_path = lambda: junk
    history.import_button.click()
    qtbot.waitUntil(lambda: history.task is None and history.import_button.isEnabled())
    [box] = history.findChildren(QMessageBox)
    assert "not a valid Baosong receipt" in box.text()  # a plain message, nothing changed
    box.close()
    assert history.packet_statuses() == {1: "exported"}
    history.ask_receipt_path = lambda: document.path
    history.import_button.click()
    qtbot.waitUntil(lambda: history.task is None and history.last_message is not None)
    assert history.packet_statuses() == {1: "acknowledged"}
    assert "Packet 1 is now: Acknowledged." in history.result_label.text()
    assert "1 records are flagged" in history.result_label.text()
    returns = page.returns_tab
    assert returns.count() == 1 and not returns.stack.showing_hint()
    row = returns.model.rows[0]
    assert (row.flag.status, row.student, row.flag.reason, row.sequence) == (
        "returned", student.name, "出生日期有误", 1,
    )  # fmt: skip
    assert returns.model.text(0, 1) == "Student"
    assert page.tabs.tabText(RETURNS_TAB) == "Returned records (1)"
    assert "Acknowledged" in page.next_step.text()
    status = history.model.index(0, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole)
    assert status == STATUS_COLOURS["acknowledged"]
    # The acknowledged packet is now the base an incremental packet adds to.
    wizard = wizard_of(qtbot, page)
    assert wizard.options_page.incremental_radio.isEnabled()
    assert "since packet 1" in wizard.options_page.incremental_radio.text()
    assert wizard.options_page.full_radio.isChecked()  # full stays the default
    wizard.reject()


def test_a_workspace_without_a_school_says_to_set_it_up_first(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner
) -> None:
    page = PacketsPage(workspace, runner, today=TODAY)
    qtbot.addWidget(page)
    assert page.stack.currentWidget() is page.page_hint
    assert "Set the school up in Settings first" in page.page_hint.text()
    with qtbot.waitSignal(page.navigate) as sent:
        page.page_hint.findChildren(QPushButton)[0].click()
    assert sent.args == ["settings"]
