"""数据冲突: the same student reported by two schools (built as the merge tests build it),
shown field by field and decided on the page; the navigation's badge follows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.services.conflicts import list_conflicts
from app.services.workspace import Workspace, require_school
from tests.app.merge.helpers import export, merge, rows
from tests.app.merge.test_conflicts import same_student_at_both
from tests.conftest import TODAY
from tests.ui.bureau_fixtures import (  # noqa: F401 (fixtures)
    Pair,
    bureau_runner,
    bureau_ws,
    pair,
    second_school,
)
from ui.bureau_window import PAGE_KEYS, BureauMainWindow
from ui.pages.conflicts_page import ConflictsPage
from ui.tasks import TaskRunner


@pytest.fixture
def transfer(pair: Pair, second_school: Workspace) -> tuple[dict[str, object], str]:  # noqa: F811
    """School B reports school A's first student: a transfer conflict at the bureau."""
    a, b = same_student_at_both(pair, second_school)
    merge(pair.bureau, export(pair.school, pair.files, "a1.bspkt"))
    merge(pair.bureau, export(second_school, pair.files, "b1.bspkt"))
    return a, b


@pytest.fixture
def window(
    qtbot: QtBot,
    pair: Pair,  # noqa: F811
    bureau_runner: TaskRunner,  # noqa: F811
) -> Iterator[BureauMainWindow]:
    widget = BureauMainWindow(pair.bureau, bureau_runner, today=TODAY)
    qtbot.addWidget(widget)
    yield widget
    bureau_runner.shutdown()


def conflicts_item_text(window: BureauMainWindow) -> str:
    return window.nav.item(PAGE_KEYS.index("conflicts")).text()


def test_taking_the_reported_transfer_moves_the_student(
    qtbot: QtBot,
    pair: Pair,  # noqa: F811
    second_school: Workspace,  # noqa: F811
    transfer: tuple[dict[str, object], str],
    window: BureauMainWindow,
) -> None:
    a, b = transfer
    code_a = require_school(pair.school.db).code
    code_b = require_school(second_school.db).code
    assert conflicts_item_text(window) == "Conflicts (1)"
    page = window.show_page("conflicts")
    assert isinstance(page, ConflictsPage)
    assert page.open_count() == 1 and not page.stack.showing_hint()
    assert page.model.text(0, 0).startswith(code_b)
    assert page.model.text(0, 1) == "Students"
    incoming = next(r for r in rows(second_school, "students") if r["uuid"] == b)
    assert page.model.text(0, 2) == f"{incoming['name']} {a['student_no']}"
    assert page.model.text(0, 3) == "Student at two schools"
    # Field by field: the school differs (and the record's own ID, revision…).
    fields = {
        page.diff_model.text(r, 0): (page.diff_model.text(r, 1), page.diff_model.text(r, 2))
        for r in range(page.diff_model.rowCount())
    }
    assert fields["School code"] == (code_a, code_b)
    assert fields["Name"] == (a["name"], incoming["name"])
    assert "Student number (学籍号)" not in fields  # the same number: that is the conflict
    assert code_a in page.explain.text() and code_b in page.explain.text()

    with qtbot.waitSignal(page.conflicts_changed):
        page.take_button.click()
    assert list_conflicts(pair.bureau.db) == []
    central = {r["uuid"]: r for r in rows(pair.bureau, "students")}
    assert central[str(a["uuid"])]["deleted"] == 1
    assert central[b]["school_code"] == code_b
    assert page.stack.showing_hint() and "No conflicts" in page.stack.hint.text()
    assert page.message.text() == "The reported data was taken."
    assert conflicts_item_text(window) == "Conflicts"


def test_keeping_the_central_data_leaves_the_student_where_it_was(
    pair: Pair,  # noqa: F811
    transfer: tuple[dict[str, object], str],
    window: BureauMainWindow,
) -> None:
    _a, b = transfer
    page = window.show_page("conflicts")
    assert isinstance(page, ConflictsPage)
    before = rows(pair.bureau, "students")
    page.keep_button.click()
    assert rows(pair.bureau, "students") == before
    assert [c.resolution for c in list_conflicts(pair.bureau.db, status=None)] == ["central"]
    assert b not in {r["uuid"] for r in before}
    assert conflicts_item_text(window) == "Conflicts"
    assert not page.keep_button.isEnabled()
