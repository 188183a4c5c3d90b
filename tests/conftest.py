"""Shared fixtures: real workspaces on real SQLite, built by the production migrations."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import i18n
from app.models import SchoolStage
from app.services.workspace import Workspace, init_school, open_workspace

TEST_SCHOOL_CODE = "2141003456"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _hermetic_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's own workspace or passphrase in the environment must not leak into tests."""
    for name in ("BAOSONG_DATA_DIR", "BAOSONG_PASSPHRASE", "BAOSONG_LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _english_core_messages() -> Iterator[None]:
    """Tests read the English source messages unless a test switches language itself."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def school_ws(workspace: Workspace) -> Workspace:
    """A primary school workspace (孟津区) with no students yet."""
    init_school(
        workspace.db,
        code=TEST_SCHOOL_CODE,
        name="孟津区城关镇第一小学",
        stage=SchoolStage.NINE_YEAR,
        actor="tester",
        today=TODAY,
    )
    return workspace
