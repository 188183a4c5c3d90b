"""The district fixture: three schools merged into one bureau database (district_fixture)."""

from __future__ import annotations

import pytest

from app.services.workspace import Workspace
from tests.app.district.district_fixture import District, build_district
from tests.app.district.packets_fixture import add_packets


@pytest.fixture
def district(workspace: Workspace) -> District:
    built = build_district(workspace)
    add_packets(built)
    return built
