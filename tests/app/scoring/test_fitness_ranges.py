from __future__ import annotations

import pytest

from app import i18n
from app.scoring.fitness_ranges import IMPORT_RANGES, check_value

# fitness_upload_template.md §2 (T2/T3 Min/Max pairs), times converted from 分'秒 to seconds.
TEMPLATE = {
    "height_cm": (80, 250),
    "weight_kg": (14, 200),
    "vital_capacity": (500, 9999),
    "run_50m": (5, 20),
    "sit_and_reach": (-30, 40),
    "rope_skip_1min": (0, 300),
    "sit_up_1min": (0, 99),
    "shuttle_50m_x8": (45, 240),
    "standing_long_jump": (50, 400),
    "pull_up": (0, 99),
    "run_1000m": (120, 540),
    "run_800m": (120, 540),
}


def test_the_ranges_are_the_templates() -> None:
    assert {k: (lo, hi) for k, (lo, hi, _) in IMPORT_RANGES.items()} == TEMPLATE


@pytest.mark.parametrize("item", sorted(TEMPLATE))
def test_the_limits_are_inclusive_and_one_step_beyond_is_refused(item: str) -> None:
    low, high, decimals = IMPORT_RANGES[item]
    step = 10**-decimals
    assert check_value(item, low) is None and check_value(item, high) is None
    assert check_value(item, low - step) is not None
    assert check_value(item, high + step) is not None


def test_messages_name_the_item_and_range() -> None:
    assert check_value("height_cm", 1.6) == "height: 1.6 is outside the national range 80–250 cm."
    assert (
        check_value("run_1000m", 600)
        == "1000 m run: 10'00 is outside the national range 2'00–9'00."
    )
    assert check_value("vital_capacity", 2500.5) == "vital capacity: 2500.5 must be a whole number."
    assert check_value("run_50m", 8.55) == "50 m sprint: 8.55 has more than 1 decimal place(s)."
    assert check_value("run_800m", float("nan")) is not None
    assert check_value("run_50m", 8.5) is None and check_value("vital_capacity", 2500.0) is None


def test_messages_are_chinese_in_chinese() -> None:
    i18n.set_language("zh_CN")
    assert check_value("height_cm", 1.6) == "身高：1.6 超出国家数据导入范围（80—250厘米）。"
    assert check_value("run_800m", 100) == "800米跑：1'40 超出国家数据导入范围（2'00—9'00）。"
