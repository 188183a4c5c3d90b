"""回执与退回: a merged packet's receipt written to a folder, signed, carrying a record the
bureau returned with a reason; the school imports it and sees the record flagged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.packets.receipt_document import RECEIPT_SUFFIX
from app.services.receipt_import import flagged_records, import_receipt
from app.services.workspace import require_school
from tests.app.merge.helpers import export, merge, rows
from tests.ui.bureau_fixtures import (  # noqa: F401 (fixtures)
    Pair,
    answer_passphrase,
    bureau_runner,
    bureau_ws,
    pair,
)
from ui.pages.receipts_page import ReceiptsPage
from ui.tasks import TaskRunner

WAIT_MS = 30_000


@pytest.fixture
def page(qtbot: QtBot, pair: Pair, bureau_runner: TaskRunner) -> Iterator[ReceiptsPage]:  # noqa: F811
    widget = ReceiptsPage(pair.bureau, bureau_runner)
    widget.ask_passphrase = answer_passphrase
    qtbot.addWidget(widget)
    yield widget
    bureau_runner.shutdown()


def test_nothing_merged_yet_says_so(page: ReceiptsPage) -> None:
    assert page.stack.showing_hint()
    assert not page.write_button.isEnabled()
    assert page.returns.stack.currentWidget() is page.returns.hint
    assert "merged" in page.returns.hint.text()


def test_return_a_record_then_write_the_receipt(
    qtbot: QtBot,
    page: ReceiptsPage,
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    code = require_school(pair.school.db).code
    page.reload()
    assert page.model.rowCount() == 1 and page.model.text(0, 0).startswith(code)
    assert page.write_button.isEnabled()

    panel = page.returns
    assert panel.packet_combo.count() == 1 and code in panel.packet_combo.currentText()
    panel.some.setChecked(True)
    assert panel.picker.isVisibleTo(panel)
    panel.table_combo.setCurrentIndex(panel.table_combo.findData("students"))
    student = rows(pair.school, "students")[0]
    assert panel.model.rowCount() == len(rows(pair.school, "students"))
    panel.filter.setText(str(student["name"]))
    assert 1 <= panel.proxy.rowCount() < panel.model.rowCount()
    panel.select_records({str(student["uuid"])})
    panel.return_button.click()
    assert "reason" in panel.message.text()  # a return needs a reason
    panel.reason.setText("出生日期有误")
    with qtbot.waitSignal(page.returns_changed):
        panel.return_button.click()
    assert "1 records" in panel.message.text()
    assert page.model.text(0, 4) == "1"  # goes out with this receipt

    out = tmp_path / "to-schools"
    page.ask_folder = lambda: out
    page.write_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    [doc] = page.last_written
    assert doc.kind == "receipt" and doc.path.parent == out
    assert doc.path.name.endswith(RECEIPT_SUFFIX) and doc.path.exists()
    assert str(out) in page.message.text()
    assert page.stack.showing_hint() and not page.write_button.isEnabled()

    result = import_receipt(pair.school, doc.path)
    assert result.packet.status == "acknowledged"
    [flag] = flagged_records(pair.school)
    assert (flag.record_uuid, flag.status, flag.reason) == (
        student["uuid"],
        "returned",
        "出生日期有误",
    )


def test_return_the_whole_packet_after_its_receipt(
    qtbot: QtBot,
    page: ReceiptsPage,
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    merge(pair.bureau, export(pair.school, pair.files, "p1.bspkt"))
    page.reload()
    page.ask_folder = lambda: tmp_path / "out"
    page.write()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    [receipt] = page.last_written
    assert not page.write_button.isEnabled()
    panel = page.returns
    assert panel.whole.isChecked() and not panel.picker.isVisibleTo(panel)
    panel.reason.setText("请重新核对本学期全部记录")
    panel.return_button.click()
    assert page.write_button.isEnabled()  # a return document is waiting
    assert "1 returns" in page.pending_label.text()
    page.write()
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)
    [ret] = page.last_written
    assert ret.kind == "return"
    import_receipt(pair.school, receipt.path)
    assert import_receipt(pair.school, ret.path).packet.status == "returned"
