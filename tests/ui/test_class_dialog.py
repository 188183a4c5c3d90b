"""Editing a class's name and head teacher from the roster page's class tree."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.services.roster import list_classes
from app.services.workspace import Workspace
from db.records import verify_audit_chain
from tests.conftest import TODAY
from tests.ui.test_roster_page import select_scope
from ui.dialogs.class_dialog import ClassDialog
from ui.models.class_tree_model import Scope
from ui.pages.roster_page import RosterPage
from ui.tasks import TaskRunner


@pytest.fixture
def page(qtbot: QtBot, roster_ws: Workspace, runner: TaskRunner) -> Iterator[RosterPage]:
    roster_page = RosterPage(roster_ws, runner, today=TODAY)
    qtbot.addWidget(roster_page)
    roster_page.reload()
    yield roster_page


def test_edit_class_needs_a_class_selected_and_saves_name_and_teacher(
    qtbot: QtBot, page: RosterPage, roster_ws: Workspace
) -> None:
    assert not page.class_action.isEnabled()
    target = list_classes(roster_ws.db)[0]
    select_scope(page, Scope(grade_code=target.grade_code, class_uuid=target.meta.uuid))
    assert page.class_action.isEnabled()

    page.class_action.trigger()
    dialog = page.active_dialog
    assert isinstance(dialog, ClassDialog)
    dialog.name.setText("  火箭班 ")
    dialog.head_teacher.setText("王 老师")
    dialog.save()

    saved = next(c for c in list_classes(roster_ws.db) if c.meta.uuid == target.meta.uuid)
    assert (saved.name, saved.head_teacher, saved.meta.revision) == ("火箭班", "王老师", 2)
    assert verify_audit_chain(roster_ws.db) is None
    labels = [
        page.tree_model.itemFromIndex(page.tree_model.find(Scope(c.grade_code, c.meta.uuid))).text()
        for c in [saved]
    ]
    assert "火箭班" in labels[0]


def test_an_empty_class_name_is_refused_in_the_dialog(qtbot: QtBot, roster_ws: Workspace) -> None:
    target = list_classes(roster_ws.db)[0]
    dialog = ClassDialog(roster_ws, target)
    qtbot.addWidget(dialog)
    dialog.name.setText("   ")
    dialog.save()
    assert "empty" in dialog.error.text()
    unchanged = next(c for c in list_classes(roster_ws.db) if c.meta.uuid == target.meta.uuid)
    assert unchanged.name == target.name and unchanged.meta.revision == 1
