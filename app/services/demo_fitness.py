"""Demo 体质健康 records: the current 学年 and the one before, so every fitness page and the
value-added evaluation have something to show.

Each student gets a fitness "ability" and body-size percentiles that persist between the two
years; the items are drawn around each grade's own 60- and 80-point thresholds (from the standard's
tables, so they follow the grade and sex), the mean sitting at about 70 points with a spread that
leaves some students failing and some excellent. In the second year the ability rises a little
on average (value added). Height follows age and sex, weight a plausible BMI with a heavy right
tail. A few items are 缺测, PE-exempt students are 免测 with their roster reason (and a few others for a
year, e.g. a broken leg), and about half of the failing students have a 补测. Students who came this year (转入) or were not at school the year
before (一年级) have only the current year; suspended students only the previous one.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from operator import itemgetter
from typing import Any, Final

from app.models import StudentStatus
from app.scoring.fitness_ranges import IMPORT_RANGES, TIME_ITEMS
from app.scoring.fitness_score import FAIL_LEVEL, HEIGHT_KEY, WEIGHT_KEY
from app.scoring.fitness_standard import GradeRule, ItemRule, standard
from app.services.demo import DemoContext, DemoStudent, entered_at
from app.services.fitness_values import content, grade_in_year
from app.terms import previous_school_year
from app.validation.codes import ALL_GRADE_CODES
from db import repo_fitness
from db.records import new_uuid
from db.repo_fitness import ATTEMPT_FIRST, ATTEMPT_RETEST

# Mean height (cm) by grade index (一年级 … 高三), from Chinese children's growth references.
_HEIGHT = {
    "male": (122, 128, 134, 139, 144, 150, 157, 164, 169, 171, 172, 173),
    "female": (121, 127, 133, 139, 145, 151, 155, 157, 158, 159, 160, 160),
}
_HEIGHT_SD: Final = 5.5
GAIN: Final = 0.15  # mean rise of the ability from one year to the next
ABSENT_RATE: Final = 0.01
RETEST_RATE: Final = 0.5
TEMPORARY_EXEMPT_RATE: Final = 0.005  # 免测 for a year besides the PE-exempt (体育免修) students
_TEMPORARY_REASONS: Final = (
    "腿部骨折，有医院证明",
    "术后恢复期，有医院证明",
    "哮喘发作期，有医院证明",
)


class _Person:
    """What persists between a student's two years."""

    __slots__ = ("ability", "bmi_z", "height_z")

    def __init__(self, rng: random.Random) -> None:
        self.ability = rng.gauss(0, 1)
        self.height_z = rng.gauss(0, 1)
        self.bmi_z = rng.gauss(0, 1)


def add_fitness_records(ctx: DemoContext) -> None:
    """The demo extender (see ``app.services.demo.default_extenders``)."""
    rng = ctx.rng("fitness")
    current = ctx.term.school_year
    previous = previous_school_year(current)
    reasons = dict(
        ctx.db.execute(
            "SELECT uuid, pe_exempt_reason FROM students WHERE school_code = ? AND pe_exempt = 1",
            [ctx.school.code],
        ).fetchall()
    )
    rows: list[dict[str, Any]] = []
    for s in ctx.students:
        person = _Person(rng)
        reason = reasons.get(s.uuid, "") if s.pe_exempt else ""
        earlier = grade_in_year(s.grade_code, current, previous)
        if earlier is not None and s.status is not StudentStatus.TRANSFERRED_IN:
            rows.extend(_year(rng, s, person, earlier, previous, reason, ctx.today))
        person.ability += GAIN + rng.gauss(0, 0.25)
        if s.status is not StudentStatus.SUSPENDED:
            rows.extend(_year(rng, s, person, s.grade_code, current, reason, ctx.today))
    # Results are typed in on the day of the test; written in uuid order (appended to indexes).
    times = ctx.rng("fitness-entry-times")
    stamped = [(new_uuid(entered_at(r["test_date"] or ctx.today, times)), r) for r in rows]
    repo_fitness.insert_tests(ctx.db, sorted(stamped, key=itemgetter(0)), ctx.actor, source="demo")


def _year(
    rng: random.Random,
    s: DemoStudent,
    person: _Person,
    grade: int,
    year: str,
    exempt_reason: str,
    today: dt.date,
) -> list[dict[str, Any]]:
    sex = s.sex.value
    rule = standard().rule(grade, sex)
    assert rule is not None
    if not exempt_reason and rng.random() < TEMPORARY_EXEMPT_RATE:
        exempt_reason = rng.choice(_TEMPORARY_REASONS)
    tested = _test_date(rng, year, today, days=(19, 90))
    values = _values(rng, rule, person, grade, person.ability)
    absent = set()
    if rng.random() < ABSENT_RATE:
        key = rng.choice([i.key for i in rule.items])
        values[key] = None
        absent.add(key)
    first, result = _row(s, sex, grade, year, ATTEMPT_FIRST, tested, values, absent, exempt_reason)
    out = [first]
    if result.level == FAIL_LEVEL and rng.random() < RETEST_RATE:
        later = _test_date(rng, year, today, days=(120, 200))
        again = _values(rng, rule, person, grade, person.ability + 0.6)
        again[HEIGHT_KEY], again[WEIGHT_KEY] = values[HEIGHT_KEY], values[WEIGHT_KEY]
        out.append(_row(s, sex, grade, year, ATTEMPT_RETEST, later, again, set(), "")[0])
    return out


def _row(
    s: DemoStudent,
    sex: str,
    grade: int,
    year: str,
    attempt: str,
    tested: str | None,
    values: dict[str, float | None],
    absent: set[str],
    exempt_reason: str,
) -> tuple[dict[str, Any], Any]:
    return content(
        student_uuid=s.uuid,
        school_year=year,
        attempt=attempt,
        test_date=tested,
        grade_code=grade,
        sex=sex,
        values=values,
        absent=absent,
        exempt=bool(exempt_reason),
        exempt_reason=exempt_reason,
    )


def _test_date(
    rng: random.Random, year: str, today: dt.date, *, days: tuple[int, int]
) -> str | None:
    """A day some weeks into the school year; None if that is still to come."""
    day = dt.date(int(year[:4]), 9, 1) + dt.timedelta(days=rng.randint(*days))
    return day.isoformat() if day <= today else None


def _values(
    rng: random.Random, rule: GradeRule, person: _Person, grade: int, ability: float
) -> dict[str, float | None]:
    index = ALL_GRADE_CODES.index(grade)
    height = _HEIGHT[rule.sex][index] + _HEIGHT_SD * person.height_z
    # A BMI around the lower middle of the normal band, skewed to the right (overweight tail).
    low, normal_max, _ = rule.bmi_edges
    bmi = (low + 0.4 * (normal_max - low)) / 10 * math.exp(0.13 * person.bmi_z)
    values: dict[str, float | None] = {
        HEIGHT_KEY: _fit(HEIGHT_KEY, height),
        WEIGHT_KEY: _fit(WEIGHT_KEY, bmi * (height / 100) ** 2),
    }
    for item in rule.items:
        z = 0.7 * ability + 0.7 * rng.gauss(0, 1)
        t60, t80 = _threshold(item, 60), _threshold(item, 80)
        values[item.key] = _fit(item.key, t60 + (t80 - t60) * (0.6 + 0.5 * z))
    return values


def _threshold(item: ItemRule, points: int) -> float:
    """The printed threshold of an item's score (``scores[i + 1]`` belongs to ``thresholds[i]``)."""
    return item.sign * item.thresholds[item.scores.index(points) - 1]


def _fit(key: str, value: float) -> float:
    """Rounded as the item is recorded (whole seconds for times) and kept in the national range."""
    low, high, decimals = IMPORT_RANGES[key]
    places = 0 if key in TIME_ITEMS else decimals
    return float(round(min(max(value, low), high), places))
