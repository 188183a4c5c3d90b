"""The Chinese catalog is complete and current, and the UI starts in Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import i18n as core_i18n
from app.paths import resource_path
from app.services.workspace import Workspace, get_language
from tests.conftest import TODAY
from ui.i18n import DEFAULT_LANGUAGE, Translations
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

TS_FILE = resource_path("translations", "baosong_zh_CN.ts")
QM_FILE = TS_FILE.with_suffix(".qm")
UI_DIR = Path(__file__).resolve().parents[2] / "ui"
# The same flags as the documented update command (see ui/i18n.py).
LUPDATE_FLAGS = ("-extensions", "py", "-locations", "none", "-no-obsolete")
_FIELD = re.compile(r"\{[a-z_]+\}")


def tool(name: str) -> str:
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else name


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name", ""), msg.findtext("source", ""), msg.find("translation"))
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


def test_every_message_is_translated() -> None:
    found = messages(TS_FILE)
    assert len(found) > 100
    problems = [
        f"{context}: {source!r}"
        for context, source, translation in found
        if translation is None or translation.get("type") or not (translation.text or "").strip()
    ]
    assert problems == []


def test_translations_keep_fields_and_accelerators() -> None:
    for context, source, translation in messages(TS_FILE):
        text = translation.text or ""
        assert sorted(_FIELD.findall(text)) == sorted(_FIELD.findall(source)), (context, source)
        assert ("&" in text) == ("&" in source.replace("&amp;", "&")), (context, source)


def test_the_catalog_lists_every_string_of_the_ui(tmp_path: Path) -> None:
    fresh = tmp_path / "check_zh_CN.ts"
    shutil.copy(TS_FILE, fresh)
    subprocess.run(
        [tool("pyside6-lupdate"), *LUPDATE_FLAGS, str(UI_DIR), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert {(c, s) for c, s, _t in messages(fresh)} == {(c, s) for c, s, _t in messages(TS_FILE)}


@pytest.fixture(scope="session")
def compiled_catalog() -> Path:
    """The .qm is a build product (scripts/setup.sh); build it here too if it is stale."""
    if not QM_FILE.exists() or QM_FILE.stat().st_mtime < TS_FILE.stat().st_mtime:
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(QM_FILE)], check=True
        )
    return QM_FILE


@pytest.fixture
def chinese(qapp: QApplication, compiled_catalog: Path, workspace: Workspace) -> Iterator[None]:
    translations = Translations(qapp)
    translations.install(get_language(workspace.db))  # a new workspace has no setting yet
    yield
    translations.remove()


def test_the_app_starts_in_chinese(
    qtbot: QtBot, chinese: None, roster_ws: Workspace, runner: TaskRunner
) -> None:
    assert DEFAULT_LANGUAGE == "zh_CN"
    assert core_i18n.language() == "zh_CN"
    window = MainWindow(roster_ws, runner, today=TODAY)
    qtbot.addWidget(window)
    window.roster_page.reload()
    assert window.nav.item(0).text() == "学生名册"
    assert [window.nav.item(i).text() for i in range(1, 7)] == [
        "体质健康",
        "体育过程",
        "劳动教育",
        "美育",
        "报送",
        "设置",
    ]
    assert window.windowTitle() == "报送 — 孟津区城关镇第一小学 — 2026-2027学年第一学期"
    model = window.roster_page.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "姓名"
    assert model.index(0, 6).data() == "在籍"


def test_english_removes_the_catalog(qapp: QApplication, compiled_catalog: Path) -> None:
    translations = Translations(qapp)
    translations.install("zh_CN")
    assert QApplication.translate("MainWindow", "Settings") == "设置"
    translations.install("en")
    assert QApplication.translate("MainWindow", "Settings") == "Settings"
    assert core_i18n.language() == "en"
    translations.remove()
