"""The self-evaluation's fields: checks, teacher sums, scores within the section weight, 生师比."""

from __future__ import annotations

from app.arts.config import ArtsConfig
from app.arts.self_eval import check_sections, ratio_text, student_teacher_ratio, total_score

CFG = ArtsConfig()


def test_student_teacher_ratio_is_one_decimal_half_up() -> None:
    assert student_teacher_ratio(995, 6) == 165.8
    assert student_teacher_ratio(1000, 8) == 125.0
    assert student_teacher_ratio(3, 8) == 0.4  # 0.375 → 0.4
    assert student_teacher_ratio(100, 0) is None
    assert (
        ratio_text(165.8) == "165.8:1" and ratio_text(125.0) == "125:1" and ratio_text(None) == ""
    )


def test_fields_are_cleaned_and_computed_fields_are_not_taken_from_the_input() -> None:
    sections, errors = check_sections(
        CFG,
        {
            "courses": {"score": "28", "fields": {"music_hours": "2", "fine_art_hours": 1.5}},
            "activities": {
                "fields": {"club_projects": "合唱、民乐，舞蹈", "participation_pct": "54.5"}
            },
            "teachers": {"fields": {"total": 6, "student_teacher_ratio": 1.0}},
            "conditions": {"fields": {"专用教室": " 音乐教室2间 "}},
        },
    )
    assert not errors
    assert sections["courses"] == {
        "score": 28,
        "fields": {
            "music_hours": 2,
            "fine_art_hours": 1.5,
            "integrated_hours": None,
            "local_hours": None,
        },
    }
    assert sections["activities"]["fields"]["club_projects"] == ["合唱", "民乐", "舞蹈"]
    assert sections["activities"]["fields"]["participation_pct"] == 54.5
    assert "student_teacher_ratio" not in sections["teachers"]["fields"]
    assert sections["conditions"]["fields"] == {
        "经费投入": "",
        "专用教室": "音乐教室2间",
        "器材配备": "",
    }
    assert set(sections) == {"courses", "activities", "teachers", "conditions", "features"}
    assert total_score(sections) is None  # some sections have no score yet


def test_out_of_range_values_and_scores_over_the_weight_are_refused() -> None:
    _, errors = check_sections(
        CFG,
        {
            "courses": {"score": 31, "fields": {"music_hours": 50}},
            "activities": {"fields": {"participation_pct": 120, "festivals_per_year": 1.5}},
            "teachers": {"fields": {"total": "六"}},
        },
    )
    assert set(errors) == {
        "courses.score", "courses.music_hours", "activities.participation_pct",
        "activities.festivals_per_year", "teachers.total",
    }  # fmt: skip


def test_teacher_counts_must_add_up_to_the_total() -> None:
    fields = {"total": 6, "full_time": 4, "part_time": 1, "music": 3, "fine_art": 2, "other": 1}
    _, errors = check_sections(CFG, {"teachers": {"fields": fields}})
    assert list(errors) == ["teachers.full_time"] and "5" in errors["teachers.full_time"]
    _, errors = check_sections(CFG, {"teachers": {"fields": {**fields, "part_time": 2}}})
    assert not errors


def test_total_score_is_the_sum_once_every_section_is_scored() -> None:
    scores = {"courses": 26, "activities": 17, "teachers": 15, "conditions": 16, "features": 8}
    sections, errors = check_sections(CFG, {k: {"score": v} for k, v in scores.items()})
    assert not errors and total_score(sections) == 82
