"""The index built from the reference JSON: grade codes, items, weights, levels, and refusal of a
malformed standard."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.scoring.fitness_standard import build_standard, standard
from tests.app.scoring._reference import ref

WEIGHT_GROUP = {
    11: "grades_1_2", 12: "grades_1_2", 13: "grades_3_4", 14: "grades_3_4",
    15: "grades_5_6", 16: "grades_5_6",
}  # fmt: skip


def test_every_grade_code_and_sex_has_a_rule_with_the_json_table_key() -> None:
    groups = {g["grade_code"]: g["table_key"] for g in ref()["grade_groups"]}
    assert set(groups) == {11, 12, 13, 14, 15, 16, 21, 22, 23, 31, 32, 33, 41, 42, 43, 44}
    for code, table_key in groups.items():
        for sex in ("male", "female"):
            rule = standard().rule(code, sex)
            assert rule is not None and rule.table_key == table_key
            assert standard().by_sex[sex][code] is rule


@pytest.mark.parametrize("grade", [11, 12, 13, 14, 15, 16, 21, 22, 23, 31, 32, 33, 41, 42, 43, 44])
def test_items_and_weights_follow_applicability_and_agree_with_weights_percent(grade: int) -> None:
    for sex in ("male", "female"):
        spec = ref()["applicability_by_grade_code"][str(grade)][sex]
        rule = standard().rules[(grade, sex)]
        weights = {"bmi": rule.bmi_weight} | {i.key: i.weight for i in rule.items}
        assert weights == spec["items_weight_percent"]
        assert list(rule.item_keys) == list(spec["items_weight_percent"])
        assert sum(weights.values()) == 100
        group = WEIGHT_GROUP.get(grade, f"junior_senior_university_{sex}")
        assert weights == ref()["weights_percent"][group]  # the JSON's two weight views agree
        assert set(rule.bonus_items) == set(spec["bonus_items"])
        for item in rule.items:
            assert bool(item.bonus_thresholds) == (item.key in spec["bonus_items"])


def test_levels_come_from_grade_levels() -> None:
    assert standard().level_edges == (600, 800, 900)
    assert standard().level_names == ("不及格", "及格", "良好", "优秀")
    assert standard().total_bonus_cap == 20


def test_the_standard_is_loaded_once() -> None:
    assert standard() is standard()


def _broken(path: list[Any], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(ref())
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return data


def test_a_table_that_is_not_monotone_is_refused() -> None:
    data = _broken(["score_tables", "vital_capacity", "g1", "male", 3, "threshold"], 9999)
    with pytest.raises(ValueError, match="monotone"):
        build_standard(data)


def test_bmi_bands_with_a_gap_are_refused() -> None:
    data = _broken(["bmi_bands", "g1", "male", "normal_min"], 13.6)
    with pytest.raises(ValueError, match="gap"):
        build_standard(data)
