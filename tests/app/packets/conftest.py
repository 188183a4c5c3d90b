"""Real workspaces for the packet services: a bureau and a demo school that trust each other."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.services import bureau_keys, keys_service
from app.services.bureau_workspace import init_bureau
from app.services.demo import create_demo_school
from app.services.workspace import Workspace, open_workspace
from tests.app.packets.helpers import PASSPHRASE
from tests.conftest import TODAY


def ask(confirm: bool) -> str:
    return PASSPHRASE


@pytest.fixture
def bureau_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "bureau")
    init_bureau(ws.db, name="孟津区教育局")
    bureau_keys.create_bureau_keys(ws, PASSPHRASE)
    yield ws
    ws.close()


@dataclass
class Pair:
    school: Workspace
    bureau: Workspace
    files: Path


@pytest.fixture
def pair(tmp_path: Path, bureau_ws: Workspace) -> Iterator[Pair]:
    """A 60-student demo school that trusts the bureau and is enrolled there."""
    school = open_workspace(tmp_path / "school")
    create_demo_school(school.db, students=60, seed=3, actor="tester", today=TODAY)
    files = tmp_path / "usb"
    bureau_keys.export_bureau_keys(bureau_ws, files / "bureau.json")
    keys_service.trust_bureau(school, files / "bureau.json")
    keys_service.export_school_identity(school, ask, files / "school.json")
    bureau_keys.enroll_school(bureau_ws, files / "school.json")
    yield Pair(school, bureau_ws, files)
    school.close()
