"""The bureau workspace in the application: the first-run wizard makes it, the composition root
opens the bureau's window for it (smoke test included), its pages and its settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWizard
from pytestqt.qtbot import QtBot

from app.models import WorkspaceKind
from app.packets.key_documents import read_bureau_keys
from app.packets.keys import format_fingerprint
from app.services.bureau_keys import bureau_keys, load_bureau_decryption_keys
from app.services.bureau_workspace import require_bureau
from app.services.workspace import Workspace
from tests.conftest import TODAY
from tests.ui.bureau_fixtures import PASSPHRASE, bureau_ws  # noqa: F401 (fixture)
from ui.application import SMOKE_TEST_DONE, AppController, run
from ui.bureau_window import PAGE_KEYS, BureauMainWindow
from ui.dialogs.bureau_passphrase import BureauPassphraseDialog
from ui.dialogs.first_run_wizard import BUREAU_PAGE, FirstRunWizard
from ui.errors import CrashReporter
from ui.pages.bureau_settings_page import BureauSettingsPage
from ui.pages.district_page import DistrictPage
from ui.tasks import TaskRunner


@pytest.fixture
def controller(
    qtbot: QtBot, workspace: Workspace, runner: TaskRunner, reporter: CrashReporter
) -> Iterator[AppController]:
    ctl = AppController(workspace, runner, reporter, today=TODAY)
    ctl.start()
    yield ctl
    runner.shutdown()
    ctl.close()


def test_the_wizard_sets_up_the_bureau_and_opens_its_window(
    qtbot: QtBot, controller: AppController, workspace: Workspace
) -> None:
    wizard = controller.wizard
    assert isinstance(wizard, FirstRunWizard)
    assert wizard.choice.bureau_choice.isEnabled()
    wizard.choice.bureau_choice.setChecked(True)
    wizard.next()
    assert wizard.currentId() == BUREAU_PAGE
    page = wizard.bureau
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert page.district.text() == "410308"
    page.name.setText("孟津区教育局")
    page.passphrase.setText("short")
    assert "at least" in page.fields["passphrase"].message_text()
    assert not finish.isEnabled()
    page.passphrase.setText(PASSPHRASE)
    page.again.setText(PASSPHRASE + "!")
    assert page.fields["again"].message_text() and not finish.isEnabled()
    page.again.setText(PASSPHRASE)
    assert finish.isEnabled()
    finish.click()

    assert workspace.kind is WorkspaceKind.BUREAU
    assert require_bureau(workspace.db).name == "孟津区教育局"
    assert bureau_keys(workspace.db) is not None
    assert load_bureau_decryption_keys(workspace, PASSPHRASE)  # the passphrase opens them
    window = controller.main_window
    assert isinstance(window, BureauMainWindow) and window.isVisible()
    assert "孟津区教育局" in window.windowTitle()
    assert window.guide is not None and window.guide.isVisible()  # the first steps, once
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Packet intake",
        "School registry",
        "Conflicts",
        "Receipts and returns",
        "District overview",
        "Settings",
    ]
    qtbot.waitUntil(lambda: controller.last_daily_backup is not None)  # backups as for a school


def test_a_bureau_workspace_opens_the_bureau_window(
    qtbot: QtBot,
    bureau_ws: Workspace,  # noqa: F811
    reporter: CrashReporter,
) -> None:
    runner = TaskRunner(bureau_ws.connect, reporter)
    controller = AppController(bureau_ws, runner, reporter, today=TODAY)
    try:
        controller.start()
        window = controller.main_window
        assert isinstance(window, BureauMainWindow)
        assert window.intake_page.stack.showing_hint()
        for key in PAGE_KEYS:
            window.show_page(key)
            assert window.stack.currentWidget() is window.page(key)
        overview = window.page("overview")
        assert isinstance(overview, DistrictPage)
        window.show_page("registry")  # shown again: read again, no error
        window.backups_action.trigger()  # the school's backups dialog serves the bureau too
        dialog = window.backups_dialog
        assert dialog is not None and dialog.isVisible()
        qtbot.waitUntil(lambda: dialog.loaded)
        qtbot.waitUntil(lambda: controller.last_daily_backup is not None)
    finally:
        runner.shutdown()
        controller.close()
        runner.deleteLater()


def test_smoke_test_on_a_bureau_workspace(
    qapp: QApplication,
    bureau_ws: Workspace,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = run(["baosong", "--data-dir", str(bureau_ws.paths.root), "--smoke-test"])
    assert code == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == SMOKE_TEST_DONE


def test_settings_show_the_keys_and_export_the_public_ones(
    qtbot: QtBot,
    bureau_ws: Workspace,  # noqa: F811
    tmp_path: Path,
) -> None:
    page = BureauSettingsPage(bureau_ws)
    qtbot.addWidget(page)
    signing, encryption = bureau_keys(bureau_ws.db) or (None, None)
    assert signing is not None and encryption is not None
    assert page.signing_fp.text().replace("\n", "-") == format_fingerprint(signing.fingerprint)
    target = tmp_path / "usb" / "bureau.json"
    page.ask_export_path = lambda suggested: target
    page.export_button.click()
    keys = read_bureau_keys(target.read_bytes())
    assert keys.signing_fingerprint == signing.fingerprint
    assert keys.encryption_key_id == encryption.fingerprint
    assert str(target) in page.keys_message.text()
    page.ask_backup_folder = lambda: tmp_path / "key-backup"
    page.backup_keys_button.click()
    assert len(list((tmp_path / "key-backup").iterdir())) == 3  # two private keys + public file
    page.name.setText("  洛阳市孟津区教育局 ")
    with qtbot.waitSignal(page.profile_changed):
        page.save_button.click()
    assert require_bureau(bureau_ws.db).name == "洛阳市孟津区教育局"
    page.district.setText("41030")
    page.save_button.click()
    assert require_bureau(bureau_ws.db).district == "410308"
    assert page.profile_message.text()


def test_the_passphrase_dialog_needs_a_passphrase(qtbot: QtBot) -> None:
    dialog = BureauPassphraseDialog("Open the packets")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.field.setText(PASSPHRASE)
    assert ok.isEnabled() and dialog.passphrase() == PASSPHRASE
