"""艺术素质测评 arithmetic: boundaries of every band, refusal of out-of-range sub-scores, the
configured sub-splits and cap, and the settings' own validation."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.arts.config import (
    SUB_SCORES,
    ArtsConfig,
    DevelopmentRule,
    config_from_json,
    validate_config,
)
from app.arts.constants import AwardLevel
from app.arts.scoring import band_for, parse_sub_scores, total_and_band
from app.errors import ValidationError

DEFAULT = ArtsConfig()


def scores_totalling(total: int, cfg: ArtsConfig = DEFAULT) -> dict[str, int | None]:
    """Sub-scores adding up to ``total``, filled in form order up to each maximum."""
    left = total
    out: dict[str, int | None] = {}
    for key in SUB_SCORES:
        out[key] = min(left, cfg.sub_maxima[key])
        left -= out[key] or 0
    assert left == 0
    return out


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (100, "excellent"), (90, "excellent"), (89, "good"), (75, "good"), (74, "pass"),
        (60, "pass"), (59, "fail"), (0, "fail"),
    ],
)  # fmt: skip
def test_band_at_each_boundary(total: int, band: str) -> None:
    assert total_and_band(DEFAULT, scores_totalling(total)) == (total, band)


def test_a_missing_sub_score_leaves_total_and_band_empty() -> None:
    scores = scores_totalling(80)
    scores["basic_skills"] = None
    assert total_and_band(DEFAULT, scores) == (None, None)


def test_the_bonus_is_capped_at_100_by_default_and_reaches_110_without_a_cap() -> None:
    full = {k: DEFAULT.sub_maxima[k] for k in SUB_SCORES}
    assert sum(full.values()) == 110
    assert total_and_band(DEFAULT, full) == (100, "excellent")
    assert total_and_band(replace(DEFAULT, total_cap=None), full) == (110, "excellent")
    # The bonus makes up for points lost elsewhere: 85 + 10 bonus = 95.
    almost = {**scores_totalling(85), "art_specialty": 10, "outside_learning": 10}
    almost["basic_skills"] = 15  # 20+20+20+15+10+10
    assert total_and_band(DEFAULT, almost) == (95, "excellent")


@pytest.mark.parametrize("key", SUB_SCORES)
def test_a_sub_score_over_its_maximum_is_refused(key: str) -> None:
    limit = DEFAULT.sub_maxima[key]
    scores, errors = parse_sub_scores(DEFAULT, {key: limit + 1})
    assert key in errors and str(limit) in errors[key]
    assert key not in scores
    scores, errors = parse_sub_scores(DEFAULT, {key: limit})
    assert not errors and scores[key] == limit


@pytest.mark.parametrize("value", [-1, 12.5, "abc", "7分", True, float("nan")])
def test_negative_fractional_and_non_numeric_scores_are_refused(value: object) -> None:
    _, errors = parse_sub_scores(DEFAULT, {"course_learning": value})
    assert set(errors) == {"course_learning"}


def test_blank_is_not_entered_and_whole_numbers_arrive_in_any_form() -> None:
    scores, errors = parse_sub_scores(
        DEFAULT, {"course_learning": "", "extracurricular": None, "basic_knowledge": 18.0,
                  "basic_skills": " 25 ", "outside_learning": "０８"},
    )  # fmt: skip
    assert not errors
    assert scores == {
        "course_learning": None, "extracurricular": None, "basic_knowledge": 18,
        "basic_skills": 25, "outside_learning": 8, "art_specialty": None,
    }  # fmt: skip


def test_configured_sub_splits_are_respected() -> None:
    cfg = config_from_json({"sub_maxima": {"course_learning": 30, "extracurricular": 10}})
    assert cfg.sub_maxima["course_learning"] == 30
    scores, errors = parse_sub_scores(cfg, {"course_learning": 25, "extracurricular": 15})
    assert scores["course_learning"] == 25 and set(errors) == {"extracurricular"}
    _, errors = parse_sub_scores(DEFAULT, {"course_learning": 25})
    assert set(errors) == {"course_learning"}


def test_configured_bands_are_respected() -> None:
    cfg = config_from_json({"band_minima": {"excellent": 85, "good": 70}})
    assert band_for(cfg, 85) == "excellent" and band_for(cfg, 84) == "good"
    assert band_for(cfg, 69) == "pass" and band_for(cfg, 59) == "fail"


@pytest.mark.parametrize(
    "stored",
    [
        {"sub_maxima": {"course_learning": 25}},  # 25 + 20 ≠ 40
        {"sub_maxima": {"art_specialty": -5, "outside_learning": 25}},
        {"band_minima": {"good": 95}},  # above 优秀
        {"band_minima": {"fail": 10}},
        {"total_cap": 90},
        {"total_cap": 120},
        {"total_cap": "100"},
        {"development": {"award_points": {"county": -1}}},
        {"development": {"award_points": {"world": 10}}},
        {"self_eval_sections": [{"key": "courses", "name": "艺术课程", "weight": 30}]},
    ],
)
def test_invalid_settings_are_refused(stored: dict[str, object]) -> None:
    with pytest.raises(ValidationError, match="arts settings are not valid"):
        config_from_json(stored)


def test_settings_round_trip_through_json() -> None:
    cfg = replace(
        DEFAULT,
        total_cap=None,
        development=DevelopmentRule(
            outside_points_each=3,
            award_points={**DevelopmentRule().award_points, AwardLevel.CITY: 9},
        ),
    )
    validate_config(cfg)
    assert config_from_json(cfg.to_json()) == cfg
    assert config_from_json(None) == DEFAULT == config_from_json({})


def test_the_defaults_are_the_documented_ones() -> None:
    m = DEFAULT.sub_maxima
    assert (m["course_learning"] + m["extracurricular"], m["basic_knowledge"] + m["basic_skills"],
            m["outside_learning"] + m["art_specialty"]) == (40, 50, 20)  # fmt: skip
    assert dict(DEFAULT.band_minima) == {"excellent": 90, "good": 75, "pass": 60, "fail": 0}
    assert DEFAULT.total_cap == 100
    assert [(s.key, s.weight) for s in DEFAULT.self_eval_sections][:3] == [
        ("courses", 30), ("activities", 20), ("teachers", 20),
    ]  # fmt: skip


sub_scores = st.fixed_dictionaries({k: st.integers(0, DEFAULT.sub_maxima[k]) for k in SUB_SCORES})


@given(sub_scores, st.sampled_from([100, 105, 110, None]))
def test_total_is_the_capped_sum_and_the_band_follows_the_thresholds(
    scores: dict[str, int], cap: int | None
) -> None:
    cfg = replace(DEFAULT, total_cap=cap)
    total, band = total_and_band(cfg, scores)  # type: ignore[arg-type]
    assert total == min(sum(scores.values()), cap if cap is not None else 110)
    assert total is not None
    expected = (
        "excellent" if total >= 90 else "good" if total >= 75 else "pass" if total >= 60 else "fail"
    )
    assert band == expected


@given(sub_scores)
def test_parsing_accepts_every_score_within_the_maxima(scores: dict[str, int]) -> None:
    parsed, errors = parse_sub_scores(DEFAULT, {k: str(v) for k, v in scores.items()})
    assert not errors and parsed == scores
