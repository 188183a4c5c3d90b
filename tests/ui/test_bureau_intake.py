"""报送接收: two schools' packets dropped on the page, one of them tampered with; the dry run,
the merge (one transaction per packet) and the quarantine; a packet dropped again."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace, require_school
from tests.app.merge.helpers import export, school_rows
from tests.ui.bureau_fixtures import (  # noqa: F401 (fixtures)
    Pair,
    answer_passphrase,
    bureau_runner,
    bureau_ws,
    drop_paths,
    pair,
    second_school,
)
from ui.pages.bureau_intake_page import BureauIntakePage
from ui.tasks import TaskRunner

WAIT_MS = 30_000


@pytest.fixture
def page(qtbot: QtBot, pair: Pair, bureau_runner: TaskRunner) -> Iterator[BureauIntakePage]:  # noqa: F811
    widget = BureauIntakePage(pair.bureau, bureau_runner)
    widget.ask_passphrase = answer_passphrase
    qtbot.addWidget(widget)
    yield widget
    bureau_runner.shutdown()


@pytest.fixture
def inbox(tmp_path: Path, pair: Pair, second_school: Workspace) -> tuple[Path, Path]:  # noqa: F811
    """A folder as on a USB stick: school A's packet, and school B's with one byte flipped."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = shutil.copy(export(pair.school, pair.files, "a1.bspkt"), folder / "a1.bspkt")
    bad = folder / "b1.bspkt"
    data = bytearray(export(second_school, pair.files, "b1.bspkt").read_bytes())
    data[-10] ^= 0x01  # inside the encrypted body: the signed body hash no longer matches
    bad.write_bytes(bytes(data))
    return Path(good), bad


def run_task(qtbot: QtBot, page: BureauIntakePage, start: object) -> None:
    assert callable(start)
    start()
    assert page.busy
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def row_of(page: BureauIntakePage, name: str) -> object:
    return next(r for r in page.rows if r.path.name == name)


def test_an_empty_page_says_what_to_do_first(page: BureauIntakePage) -> None:
    assert page.stack.showing_hint()
    assert ".bspkt" in page.stack.hint.text()
    assert not page.check_button.isEnabled() and not page.merge_button.isEnabled()


def test_check_merge_quarantine_and_duplicate(
    qtbot: QtBot,
    page: BureauIntakePage,
    pair: Pair,  # noqa: F811
    second_school: Workspace,  # noqa: F811
    inbox: tuple[Path, Path],
) -> None:
    good, bad = inbox
    code_a = require_school(pair.school.db).code
    code_b = require_school(second_school.db).code
    # A dropped folder stands for its packet files; each shows what its header claims.
    assert drop_paths(page, [good.parent])
    assert {r.path.name for r in page.rows} == {"a1.bspkt", "b1.bspkt"}
    assert all(r.state == "pending" for r in page.rows)
    assert row_of(page, "a1.bspkt").school_code == code_a
    assert not page.stack.showing_hint() and not page.merge_button.isEnabled()
    assert page.add_paths([good]) == 0  # listed already

    run_task(qtbot, page, page.check_button.click)
    ok, refused = row_of(page, "a1.bspkt"), row_of(page, "b1.bspkt")
    assert (ok.state, ok.school_code, ok.sequence) == ("verified", code_a, 1)
    students = len(school_rows(pair.bureau, pair.school, "students"))
    assert students == 0  # the dry run changed nothing
    assert ok.tables["students"].created == len(
        list(pair.school.db.query("SELECT 1 FROM students"))
    )
    assert ok.total().created > ok.tables["students"].created
    assert (refused.state, refused.school_code) == ("rejected", code_b)
    assert refused.reason and refused.quarantined is None
    assert page.model.text(page.rows.index(ok), 3) == "Verified"
    assert "Can be merged: 1; merged before: 0; refused: 1." in page.summary.text()
    assert page.merge_button.isEnabled()
    page.table.selectRow(page.proxy.mapFromSource(page.model.index(page.rows.index(ok), 0)).row())
    assert page.detail.counts_model.rowCount() == len(ok.tables)

    with qtbot.waitSignal(page.merged, timeout=WAIT_MS):
        run_task(qtbot, page, page.merge_button.click)
    ok, refused = row_of(page, "a1.bspkt"), row_of(page, "b1.bspkt")
    assert ok.state == "merged"
    assert len(school_rows(pair.bureau, pair.school, "students")) == ok.tables["students"].created
    assert len(school_rows(pair.bureau, second_school, "students")) == 0
    assert refused.state == "rejected" and refused.quarantined is not None
    assert refused.quarantined.parent == pair.bureau.paths.quarantine
    assert refused.quarantined.read_bytes() == bad.read_bytes()
    reason_file = refused.quarantined.with_name(refused.quarantined.name + ".reason.txt")
    assert refused.reason in reason_file.read_text(encoding="utf-8")
    assert str(refused.quarantined) in page.model.text(page.rows.index(refused), 9)
    assert not page.merge_button.isEnabled()  # merged: a new check comes first
    assert "Merged: 1; merged before: 0;" in page.summary.text()

    # The same packet brought again is a reported no-op.
    page.clear()
    assert page.stack.showing_hint()
    assert drop_paths(page, [good])
    run_task(qtbot, page, page.check_button.click)
    [again] = page.rows
    assert again.state == "duplicate" and again.reason
    assert page.model.text(0, 3) == "Duplicate (merged before)"


def test_a_wrong_passphrase_is_a_plain_message(
    qtbot: QtBot, page: BureauIntakePage, inbox: tuple[Path, Path]
) -> None:
    page.ask_passphrase = lambda purpose: "not the passphrase at all"
    page.add_paths([inbox[0]])
    run_task(qtbot, page, page.check)
    boxes = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and boxes[0].text()
    assert page.rows[0].state == "pending" and not page.merge_button.isEnabled()
    boxes[0].close()


def test_cancelling_the_passphrase_starts_nothing(
    page: BureauIntakePage, inbox: tuple[Path, Path]
) -> None:
    page.ask_passphrase = lambda purpose: None
    page.ask_files = lambda: list(inbox)
    page.add_files_button.click()
    assert len(page.rows) == 2
    page.check()
    assert not page.busy and page.last_report is None
