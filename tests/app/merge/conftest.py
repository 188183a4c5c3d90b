"""Fixtures for the merge tests: the packet tests' bureau and school pair, plus a second school."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services import bureau_keys, keys_service
from app.services.demo import create_demo_school
from app.services.workspace import Workspace, open_workspace
from tests.app.packets.conftest import Pair, ask, bureau_ws, pair  # noqa: F401 (fixtures)
from tests.conftest import TODAY


def enrolled_school(tmp_path: Path, pair: Pair, name: str, students: int, seed: int) -> Workspace:  # noqa: F811
    """A demo school trusting the pair's bureau and enrolled there."""
    school = open_workspace(tmp_path / name)
    create_demo_school(school.db, students=students, seed=seed, actor="tester", today=TODAY)
    keys_service.trust_bureau(school, pair.files / "bureau.json")
    keys_service.export_school_identity(school, ask, pair.files / f"{name}.json")
    bureau_keys.enroll_school(pair.bureau, pair.files / f"{name}.json")
    return school


@pytest.fixture
def second_school(tmp_path: Path, pair: Pair) -> Iterator[Workspace]:  # noqa: F811
    """Another 40-student demo school, trusting the same bureau and enrolled there."""
    school = enrolled_school(tmp_path, pair, "school2", students=40, seed=8)
    yield school
    school.close()


@pytest.fixture
def third_school(tmp_path: Path, pair: Pair, second_school: Workspace) -> Iterator[Workspace]:  # noqa: F811
    """A third, 30-student demo school, trusting the same bureau and enrolled there."""
    school = enrolled_school(tmp_path, pair, "school3", students=30, seed=13)
    yield school
    school.close()
