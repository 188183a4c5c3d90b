"""What the fitness entry, import and demo share: which items a student is tested on, reading a
typed value, the grade a student was in for a past 学年, and the stored row of a scored attempt.

Computed values (BMI, scores, totals, level) always come from ``score_student`` over the raw
values; ``content`` is the one place that turns raw values into the stored columns, cache included.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from app.errors import ValidationError
from app.i18n import tr
from app.scoring.fitness_ranges import IMPORT_RANGES, TIME_ITEMS, check_value, item_label
from app.scoring.fitness_score import HEIGHT_KEY, WEIGHT_KEY, FitnessResult, score_student
from app.scoring.fitness_standard import standard
from app.scoring.run_time import parse_run_time
from app.validation.codes import ALL_GRADE_CODES, GRADE_NAMES
from app.validation.text import to_halfwidth
from db.repo_fitness import MEASUREMENT_COLUMNS, FitnessTest, absent_text

INPUT_KEYS: Final = MEASUREMENT_COLUMNS
if tuple(IMPORT_RANGES) != INPUT_KEYS:  # pragma: no cover - a guard for whoever edits either
    raise RuntimeError("fitness_tests columns and the scoring keys differ")


def grade_label(grade_code: int) -> str:
    return GRADE_NAMES.get(grade_code, str(grade_code))


def sex_label(sex: str) -> str:
    return tr("male") if sex == "male" else tr("female")


def applicable_keys(grade_code: int, sex: str) -> tuple[str, ...]:
    """The input keys a student of this grade and sex is tested on, in the national order."""
    rule = standard().rule(grade_code, sex)
    if rule is None:
        raise ValidationError(
            tr("No fitness standard for grade {grade} / sex {sex}.", grade=grade_code, sex=sex),
            tr("Use a grade code 11–16, 21–23, 31–33 or 41–44 and male or female."),
        )
    tested = {HEIGHT_KEY, WEIGHT_KEY, *(item.key for item in rule.items)}
    return tuple(k for k in INPUT_KEYS if k in tested)


def grade_columns(grade_codes: Iterable[int]) -> tuple[str, ...]:
    """Input keys tested in any of the grades for either sex (the columns of a sheet or file)."""
    keys: set[str] = {HEIGHT_KEY, WEIGHT_KEY}
    for grade in grade_codes:
        for sex in ("male", "female"):
            keys.update(applicable_keys(grade, sex))
    return tuple(k for k in INPUT_KEYS if k in keys)


def not_tested(key: str, grade_code: int, sex: str) -> ValidationError:
    """The refusal of a value for an item the student is not tested on."""
    if key in applicable_keys(grade_code, "female" if sex == "male" else "male"):
        what = tr(
            "{item} is not tested for {sex} students in {grade}; leave it empty.",
            item=item_label(key),
            sex=sex_label(sex),
            grade=grade_label(grade_code),
        )
    else:
        what = tr(
            "{item} is not tested in {grade}; leave it empty.",
            item=item_label(key),
            grade=grade_label(grade_code),
        )
    return ValidationError(what)


def parse_item_value(key: str, raw: object) -> float | None:
    """A typed or pasted value as stored (times in seconds); None for an empty cell.

    Raises ValidationError for text that is not a number or run time, and for a value outside
    the national import range. ``key`` must be one of ``INPUT_KEYS``.
    """
    if key not in IMPORT_RANGES:
        raise ValueError(f"not a fitness measurement: {key!r}")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise _not_a_number(key, raw)
    value: float
    if key in TIME_ITEMS and isinstance(raw, str | int | float):
        value = parse_run_time(raw)
    elif isinstance(raw, int | float):
        value = raw
    elif isinstance(raw, str):
        try:
            value = float(to_halfwidth(raw).strip())
        except ValueError:
            raise _not_a_number(key, raw) from None
    else:
        raise _not_a_number(key, raw)
    problem = check_value(key, value)
    if problem:
        raise ValidationError(problem)
    return float(value)


def _not_a_number(key: str, raw: object) -> ValidationError:
    return ValidationError(
        tr("{item}: {value} is not a number.", item=item_label(key), value=raw),
        tr("Type the measured value, e.g. 152.5, or 3'45 for a run time."),
    )


def grade_in_year(grade_now: int, current_year: str, school_year: str) -> int | None:
    """The grade a student now in ``grade_now`` was (or will be) in during ``school_year``.

    None when that falls before 一年级 or after 高三 (the student was not at school then).
    """
    shift = int(school_year[:4]) - int(current_year[:4])
    if grade_now not in ALL_GRADE_CODES:
        return None
    at = ALL_GRADE_CODES.index(grade_now) + shift
    return ALL_GRADE_CODES[at] if 0 <= at < len(ALL_GRADE_CODES) else None


def score_values(
    grade_code: int,
    sex: str,
    values: Mapping[str, float | None],
    *,
    exempt: bool = False,
    exempt_reason: str = "",
) -> FitnessResult:
    return score_student(grade_code, sex, values, exempt_reason=exempt_reason if exempt else None)


def result_of(test: FitnessTest, sex: str) -> FitnessResult:
    """A stored attempt scored afresh (the per-item scores the cache does not hold)."""
    return score_values(
        test.grade_code, sex, test.values, exempt=test.exempt, exempt_reason=test.exempt_reason
    )


def content(
    *,
    student_uuid: str,
    school_year: str,
    attempt: str,
    test_date: str | None,
    grade_code: int,
    sex: str,
    values: Mapping[str, float | None],
    absent: Iterable[str],
    exempt: bool,
    exempt_reason: str,
) -> tuple[dict[str, Any], FitnessResult]:
    """The stored columns of an attempt, the cached scores computed here, and its result."""
    result = score_values(grade_code, sex, values, exempt=exempt, exempt_reason=exempt_reason)
    row: dict[str, Any] = {
        "student_uuid": student_uuid,
        "school_year": school_year,
        "attempt": attempt,
        "test_date": test_date,
        "grade_code": grade_code,
        **{k: values.get(k) for k in INPUT_KEYS},
        "absent_items": absent_text(absent),
        "exempt": int(exempt),
        "exempt_reason": exempt_reason if exempt else "",
        **cache_columns(result),
    }
    return row, result


def cache_columns(result: FitnessResult) -> dict[str, Any]:
    return {
        "bmi": result.bmi,
        "standard_score": result.standard_score,
        "bonus_total": result.bonus_total,
        "total_score": result.total_score,
        "level": result.level,
    }
