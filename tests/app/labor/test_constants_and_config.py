"""The fixed vocabulary (课标 2022) and the configuration with its documented defaults."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import replace

import pytest

from app.labor.config import LaborConfig
from app.labor.constants import (
    ALL_TASK_GROUP_NOS,
    TASK_GROUPS,
    Category,
    Setting,
    band_of_grade,
)
from app.services import labor_records as lr
from app.services.labor_checks import LaborEntryInvalid
from app.services.workspace import Workspace
from db import repo_settings


def test_ten_task_groups_in_three_categories() -> None:
    assert tuple(range(1, 11)) == ALL_TASK_GROUP_NOS
    by_category = {c: [g.no for g in TASK_GROUPS if g.category is c] for c in Category}
    assert by_category == {
        Category.DAILY: [1, 2, 3, 4],
        Category.PRODUCTION: [5, 6, 7, 8],
        Category.SERVICE: [9, 10],
    }
    assert TASK_GROUPS[0].name == "清洁与卫生" and TASK_GROUPS[-1].name == "公益劳动与志愿服务"
    assert [s.label_zh for s in Setting] == ["课堂", "校内", "家庭", "社区", "劳动基地", "劳动周"]


def test_grades_map_to_the_four_stages() -> None:
    bands = {g: band_of_grade(g) for g in (11, 12, 13, 14, 15, 16, 21, 22, 23, 31, 33)}
    assert bands == {11: 1, 12: 1, 13: 2, 14: 2, 15: 3, 16: 3, 21: 4, 22: 4, 23: 4, 31: 4, 33: 4}


def test_the_documented_defaults() -> None:
    c = LaborConfig()
    assert [c.threshold_for_band(b) for b in (1, 2, 3, 4)] == [120, 180, 180, 180]
    assert [c.course_minutes_per_week(b) for b in (1, 2, 3, 4)] == [40, 40, 40, 45]
    assert c.groups_for_band(1) == c.groups_for_band(3) == ALL_TASK_GROUP_NOS
    assert c.groups_for_band(4) == tuple(range(2, 11))  # no 清洁与卫生 in 第四学段
    assert not c.task_group_matrix_verified
    assert c.rating_scale == c.evaluation_scale == ("优秀", "良好", "合格", "待改进")
    assert c.evidence_max_bytes == 10 * 1024 * 1024 and "jpg" in c.evidence_extensions
    assert c.out_of_class_settings == (Setting.ON_CAMPUS, Setting.HOME, Setting.COMMUNITY)
    assert c.course_settings == (Setting.CLASSROOM,)
    assert c.problems() == []


def test_json_round_trip_of_every_field() -> None:
    changed = LaborConfig(
        weekly_out_of_class_minutes={1: 100, 2: 150, 3: 200, 4: 210},
        out_of_class_settings=(Setting.HOME,),
        course_settings=(Setting.CLASSROOM, Setting.BASE),
        course_periods_per_week=2,
        period_minutes={1: 35, 2: 35, 3: 40, 4: 45},
        labor_week_starts={"2021-2022": "2022-05-05"},
        labor_week_days=5,
        term_dates={"2025-2026-2": ("2026-02-24", "2026-07-03")},
        rating_scale=("A", "B", "C"),
        evaluation_scale=("优秀", "良好", "合格", "不合格"),
        task_groups_by_band={1: (1, 2), 2: (3,), 3: (4, 5), 4: (10,)},
        task_group_matrix_verified=True,
        max_minutes_per_entry=480,
        evidence_max_bytes=5_000_000,
        evidence_extensions=("jpg", "pdf"),
        publicity_min_days=10,
        life_skills_per_year=2,
    )
    assert {f.name for f in dataclasses.fields(LaborConfig)} <= set(changed.to_json())
    text = json.dumps(changed.to_json(), ensure_ascii=False)
    assert LaborConfig.from_json(json.loads(text)) == changed


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    loaded = LaborConfig.from_json({"publicity_min_days": 7, "from_a_newer_version": 1})
    assert loaded == replace(LaborConfig(), publicity_min_days=7)


def test_the_configuration_is_stored_in_the_settings(school_ws: Workspace) -> None:
    db = school_ws.db
    assert lr.labor_config(db) == LaborConfig()  # nothing stored yet: the defaults
    wanted = replace(LaborConfig(), labor_week_starts={"2025-2026": "2026-05-06"})
    lr.save_labor_config(db, wanted)
    assert lr.labor_config(db) == wanted
    assert repo_settings.get_setting(db, "labor_config")["labor_week_starts"] == {
        "2025-2026": "2026-05-06"
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"weekly_out_of_class_minutes": {1: 120}},
        {"task_groups_by_band": {1: (11,), 2: (1,), 3: (1,), 4: (1,)}},
        {"rating_scale": ("优秀", "优秀")},
        {"course_settings": (Setting.HOME,)},
        {"evidence_max_bytes": 0},
        {"labor_week_starts": {"2025-2026": "5月6日"}},
        {"term_dates": {"2025-2026-2": ("2026-07-03", "2026-02-24")}},
    ],
)
def test_an_unusable_configuration_is_refused(school_ws: Workspace, bad: dict[str, object]) -> None:
    config = replace(LaborConfig(), **bad)  # type: ignore[arg-type]
    assert config.problems() == [next(iter(bad))]
    with pytest.raises(LaborEntryInvalid) as info:
        lr.save_labor_config(school_ws.db, config)
    assert set(info.value.errors) == set(bad)
    assert lr.labor_config(school_ws.db) == LaborConfig()
