"""Fitness statistics: every figure equals the one computed by hand from the scoring engine's
results of the decisive attempts; 免测 and incomplete students stay out of the rates; BMI
categories follow the standard's band edges in SQL as in Python."""

from __future__ import annotations

from collections import Counter

import pytest

from app.scoring.bmi_category import (
    BMI_CATEGORIES,
    NORMAL,
    OBESE,
    OVERWEIGHT,
    UNDERWEIGHT,
    bmi_category,
)
from app.scoring.fitness_score import score_student
from app.scoring.fitness_standard import standard
from app.services import fitness_records as fr
from app.services.fitness_stats import fitness_statistics
from app.services.fitness_stats_model import LEVELS, GroupStats
from app.services.workspace import Workspace
from tests.app.services.fitness_helpers import PREVIOUS, YEAR, add_student
from tests.app.services.fitness_stats_helpers import BOY, Seventh, build_seventh


def expected_check(group: GroupStats, f: Seventh, uuids: list[str]) -> None:
    """Compare a group's figures with those computed from the engine for ``uuids`` (tested)."""
    results = {u: f.result(u) for u in uuids}
    complete = [r for r in results.values() if r.total_score is not None]
    assert group.tested == len(uuids)
    assert group.incomplete == len(uuids) - len(complete)
    assert group.complete == len(complete)
    levels = Counter(r.level for r in complete)
    assert dict(group.level_counts) == {lv: levels.get(lv, 0) for lv in LEVELS}
    totals = [r.total_score for r in complete if r.total_score is not None]
    assert group.mean_total == pytest.approx(sum(totals) / len(totals))
    for level in LEVELS:
        assert group.level_rate(level) == pytest.approx(levels.get(level, 0) / len(complete))
    good = levels["优秀"] + levels["良好"]
    assert group.excellent_good_rate == pytest.approx(good / len(complete))
    assert group.pass_rate == pytest.approx(1 - levels["不及格"] / len(complete))
    scores: dict[str, list[int]] = {}
    for r in results.values():
        for key, score in zip(r.keys, r.scores, strict=True):
            if score is not None:
                scores.setdefault(key, []).append(score)
    assert set(group.items) == set(scores)
    for key, values in scores.items():
        item = group.items[key]
        assert item.n == len(values)
        assert item.mean == pytest.approx(sum(values) / len(values))
        assert item.pass_rate == pytest.approx(sum(v >= 60 for v in values) / len(values))
    sexes = {u: sex for u, (_, sex, _) in {**f.decisive, **f.incomplete}.items()}
    cats = Counter(
        bmi_category(21, sexes[u], r.bmi) for u, r in results.items() if r.bmi is not None
    )
    assert dict(group.bmi_counts) == {c: cats.get(c, 0) for c in BMI_CATEGORIES}
    assert group.obese_rate == pytest.approx(cats[OBESE] / sum(cats.values()))
    assert group.overweight_rate == pytest.approx(cats[OVERWEIGHT] / sum(cats.values()))
    assert group.underweight_rate == pytest.approx(cats[UNDERWEIGHT] / sum(cats.values()))


@pytest.fixture
def seventh(school_ws: Workspace) -> Seventh:
    return build_seventh(school_ws)


def test_the_school_figures_match_the_engine(school_ws: Workspace, seventh: Seventh) -> None:
    stats = fitness_statistics(school_ws.db, YEAR)
    school = stats.school
    expected_check(school, seventh, seventh.tested())
    assert (school.exempt, school.untested, school.incomplete) == (1, 1, 1)
    # A spread of levels and BMI categories, or the comparisons above would prove little.
    assert sum(1 for n in school.level_counts.values() if n) >= 3
    assert school.bmi_counts[OBESE] >= 1 and school.bmi_counts[NORMAL] >= 1


def test_classes_and_sexes_are_counted_apart(school_ws: Workspace, seventh: Seventh) -> None:
    stats = fitness_statistics(school_ws.db, YEAR, group_by=("class", "sex", "grade_sex"))
    c1, c2 = stats.by("class")
    assert (c1.class_uuid, c2.class_uuid) == (seventh.c1, seventh.c2)
    assert (c1.label, c2.label) == ("七年级(1)班", "七年级(2)班")
    expected_check(c1, seventh, seventh.tested(seventh.c1))
    expected_check(c2, seventh, seventh.tested(seventh.c2))
    assert (c2.exempt, c2.untested, c1.exempt, c1.untested) == (1, 1, 0, 0)
    boys, girls = stats.by("sex")
    assert (boys.sex, girls.sex) == ("male", "female")
    expected_check(boys, seventh, seventh.tested(sex="male"))
    expected_check(girls, seventh, seventh.tested(sex="female"))
    assert [g.key for g in stats.by("grade_sex")] == [(21, "male"), (21, "female")]


def test_exempt_and_incomplete_students_are_left_out_of_the_rates(
    school_ws: Workspace, seventh: Seventh
) -> None:
    stats = fitness_statistics(school_ws.db, YEAR)
    school = stats.school
    assert school.complete == len(seventh.decisive)  # neither exempt nor incomplete
    assert sum(school.level_counts.values()) == school.complete
    # The incomplete girl's measured items still count for those items.
    girl = next(iter(seventh.incomplete))
    girls_with_800m = sum(1 for _, s, v in seventh.decisive.values() if s == "female")
    assert school.items["run_800m"].n == girls_with_800m
    assert school.items["sit_up_1min"].n == girls_with_800m + 1
    assert seventh.result(girl).level is None


def test_the_retest_decides_the_year(school_ws: Workspace, seventh: Seventh) -> None:
    first = score_student(21, "male", seventh.first_of_retested)
    retest = seventh.result(seventh.retested)
    assert first.level == "不及格" and retest.level != "不及格"
    (grade,) = fitness_statistics(school_ws.db, YEAR, group_by=("grade",)).by("grade")
    with_first = [seventh.result(u) for u in seventh.decisive if u != seventh.retested] + [first]
    assert grade.level_counts["不及格"] == sum(r.level == "不及格" for r in with_first) - 1


def test_a_year_without_records_has_empty_groups_and_no_rates(school_ws: Workspace) -> None:
    add_student(school_ws, 1, grade="七年级")
    stats = fitness_statistics(school_ws.db, PREVIOUS)
    assert stats.school.tested == 0 and stats.school.mean_total is None
    assert stats.school.pass_rate is None and stats.school.obese_rate is None
    # Last year this 七年级 student was in 六年级: untested then, in that grade.
    assert [(g.grade_code, g.untested) for g in stats.by("grade")] == [(16, 1)]


def test_a_class_of_only_incomplete_students_has_counts_but_no_rates(
    school_ws: Workspace,
) -> None:
    boy = add_student(school_ws, 1, grade="七年级", klass="3班")
    partial = {k: v for k, v in BOY.items() if k != "pull_up"}
    fr.save_values(school_ws.db, boy.meta.uuid, YEAR, partial, actor="t")
    (klass,) = fitness_statistics(school_ws.db, YEAR, group_by=("class",)).by("class")
    assert (klass.tested, klass.incomplete, klass.complete) == (1, 1, 0)
    assert set(klass.level_counts.values()) == {0} and klass.pass_rate is None
    assert klass.mean_total is None and klass.items["run_1000m"].n == 1
    assert "pull_up" not in klass.items and sum(klass.bmi_counts.values()) == 1


def test_unknown_groupings_are_refused(school_ws: Workspace) -> None:
    with pytest.raises(ValueError, match="unknown groupings"):
        fitness_statistics(school_ws.db, YEAR, group_by=("county",))


def test_bmi_categories_at_the_band_edges_in_sql_and_python(school_ws: Workspace) -> None:
    u, n, o = standard().rule(21, "male").bmi_edges  # tenths: upper edges of 低体重, 正常, 超重
    # 200 cm makes BMI = weight / 4, so these weights land exactly on the edges.
    edges = {u: UNDERWEIGHT, u + 1: NORMAL, n: NORMAL, n + 1: OVERWEIGHT, o: OVERWEIGHT,
             o + 1: OBESE}  # fmt: skip
    for i, (tenths, category) in enumerate(edges.items()):
        assert bmi_category(21, "male", tenths / 10) == category
        boy = add_student(school_ws, 2 * i + 1, grade="七年级")
        values = {**BOY, "height_cm": 200.0, "weight_kg": tenths * 4 / 10}
        assert fr.save_values(school_ws.db, boy.meta.uuid, YEAR, values, actor="t").bmi == (
            tenths / 10
        )
    counts = fitness_statistics(school_ws.db, YEAR).school.bmi_counts
    assert dict(counts) == dict(Counter(edges.values()))


def test_bmi_is_rounded_half_up_before_banding() -> None:
    u = standard().rule(21, "male").bmi_edges[0]
    assert bmi_category(21, "male", u / 10 + 0.04) == UNDERWEIGHT
    assert bmi_category(21, "male", u / 10 + 0.05) == NORMAL
