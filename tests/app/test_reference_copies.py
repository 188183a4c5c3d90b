"""resources/ holds copies of ../shared/reference: they must not drift apart.

When this fails, run ``.venv/bin/python scripts/extract_reference.py`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
REFERENCE = REPO.parent / "shared" / "reference"
RESOURCES = REPO / "resources"

pytestmark = pytest.mark.skipif(
    not REFERENCE.is_dir(),
    reason=f"the shared reference folder {REFERENCE} is not next to this checkout",
)


def _extract_script() -> ModuleType:
    path = REPO / "scripts" / "extract_reference.py"
    spec = importlib.util.spec_from_file_location("extract_reference", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fitness_standard_is_a_byte_identical_copy() -> None:
    copy = RESOURCES / "standards" / "fitness_standard_2014.json"
    original = REFERENCE / "fitness_standard_2014.json"
    assert copy.read_bytes() == original.read_bytes(), f"{copy} differs from {original}"


def test_ethnicity_codes_are_what_the_extract_script_builds_now() -> None:
    built = _extract_script().build(REFERENCE)
    path = RESOURCES / "codes" / "ethnicities.json"
    assert path.read_bytes() == built["codes/ethnicities.json"], f"{path} is out of date"
    # And what was built is the table the validators rely on.
    table = json.loads(built["codes/ethnicities.json"])
    assert table["ethnicities"]["01"] == "汉族"
    assert table["ethnicities"]["56"] == "基诺族"
    assert len(table["ethnicities"]) == 58  # 01–56 plus 97 and 98
    assert table["ethnicity_aliases"] == {"崩龙族": "46", "毛难族": "36", "僳僳族": "20"}


def test_every_file_the_script_writes_is_up_to_date() -> None:
    stale = [
        rel
        for rel, data in _extract_script().build(REFERENCE).items()
        if not (RESOURCES / rel).is_file() or (RESOURCES / rel).read_bytes() != data
    ]
    assert not stale, f"out of date: {stale}; run scripts/extract_reference.py"
