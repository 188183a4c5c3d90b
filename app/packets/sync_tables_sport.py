"""Synchronised tables of physical education: the PE process records (migration 0007_pe_process)
and the 体质健康 test results (migration 0003_fitness_tests). Part of the registry; import the
names from ``sync_tables``.

A fitness result travels with its raw measurements and the scoring engine's cached figures
(BMI, 标准分, 附加分, 学年总分, 等级), all decimals as canonical strings. The bureau recomputes
nothing it stores, but it refuses figures the engine would not give:

- every packet (``check``): each measurement within the national import range with no more
  decimals than allowed (``check_value``), ``absent_items`` a sorted list of item keys that have
  no value, the four score columns all set or all null, none set for an exempt (免测) result,
  and 学年总分 = 标准分 + 附加分 exactly;
- packets written by the bureau's own version (``parent_check``, needs the student's sex):
  the scores recomputed by ``app.scoring`` equal the cached ones, or the record is rejected
  (``score_mismatch``). A packet of another version may score by another edition of the
  standard, which is no tampering, so it is not compared (docs/packet-format.md §6.5).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any, Final

from app.errors import ValidationError
from app.packets.sync_tables_core import (
    OF_STUDENTS,
    TERM_RE,
    YEAR_RE,
    Column,
    ParentCheck,
    SyncTable,
    choice,
    decimal_column,
    format_decimal,
    points,
    ref,
)
from app.scoring.fitness_ranges import check_value
from app.scoring.fitness_score import score_student
from app.validation.codes import ALL_GRADE_CODES

PE_PROCESS_RECORDS = SyncTable(
    name="pe_process_records",
    columns=(
        ref("student_uuid"),
        Column("term", pattern=TERM_RE),
        points("pe_attendance_pct", 100),
        points("recess_exercise_pct", 100),
        points("after_school_minutes_per_week", 10_080),
        Column("after_school_parent_confirmed", "bool"),
        Column("sports_club", nullable=True),
        Column("skill_item"),
        Column("skill_level"),
        points("homework_completion_pct", 100),
        Column("notes"),
    ),
    scope=OF_STUDENTS,
    natural_key=("student_uuid", "term"),
)

# Measurement → decimals in the packet: the decimals the national import ranges allow
# (app.scoring.fitness_ranges.IMPORT_RANGES; a test keeps the two equal). Times in seconds.
MEASUREMENTS: Final = (
    ("height_cm", 1),
    ("weight_kg", 1),
    ("vital_capacity", 0),
    ("run_50m", 1),
    ("sit_and_reach", 1),
    ("rope_skip_1min", 0),
    ("sit_up_1min", 0),
    ("shuttle_50m_x8", 0),
    ("standing_long_jump", 0),
    ("pull_up", 0),
    ("run_1000m", 0),
    ("run_800m", 0),
)
MEASUREMENT_KEYS: Final = frozenset(k for k, _ in MEASUREMENTS)
LEVELS: Final = ("优秀", "良好", "及格", "不及格")
SCORE_COLUMNS: Final = ("standard_score", "bonus_total", "total_score", "level")


def absent_items_text(items: list[str]) -> str:
    """The one stored form of ``absent_items`` (as db.repo_fitness.absent_text writes it)."""
    return json.dumps(sorted(set(items)), ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=1 << 16)
def _acceptable(key: str, text: str) -> bool:
    # A packet repeats a few hundred values per item over thousands of results; the message
    # itself is made afresh (in the current language) only for a value that fails.
    return check_value(key, float(text)) is None


def _measurement_problems(record: Mapping[str, Any]) -> list[str]:
    problems = []
    for key, _ in MEASUREMENTS:
        text = record[key]
        if text is not None and not _acceptable(key, text):
            problems.append(f"{key}: {check_value(key, float(text))}")
    return problems


@lru_cache(maxsize=4096)
def _absent_items(text: str) -> tuple[str, ...] | str:
    """The items of an ``absent_items`` text, or what is wrong with it. A packet repeats a few
    texts (most often ``[]``) over thousands of results: each is parsed once."""
    try:
        items = json.loads(text)
    except ValueError:
        return "absent_items is not JSON"
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return "absent_items is not a JSON list of strings"
    if text != absent_items_text(items):
        return f"absent_items is not a sorted list without repeats ({text[:60]!r})"
    unknown = sorted(set(items) - MEASUREMENT_KEYS)
    if unknown:
        return f"absent_items names unknown items {unknown}"
    return tuple(items)


def _absent_problems(record: Mapping[str, Any]) -> list[str]:
    items = _absent_items(record["absent_items"])
    if isinstance(items, str):
        return [items]
    measured = [k for k in items if record[k] is not None]
    return [f"absent_items lists measured items {measured}"] if measured else []


def _tenths(text: str) -> int:
    return int(Decimal(text).scaleb(1))


def _score_shape_problems(record: Mapping[str, Any]) -> list[str]:
    std, bonus, total = record["standard_score"], record["bonus_total"], record["total_score"]
    scored = [record[c] is not None for c in SCORE_COLUMNS]
    if any(scored) and not all(scored):
        return [
            "standard_score, bonus_total, total_score and level are neither all set nor all null"
        ]
    if record["exempt"]:
        problems = [] if record["exempt_reason"].strip() else ["exempt without exempt_reason"]
        return problems + (["an exempt result has scores"] if all(scored) else [])
    if all(scored) and _tenths(total) != _tenths(std) + 10 * bonus:
        return [f"total_score {total} is not standard_score {std} + bonus_total {bonus}"]
    return []  # the level that goes with the total is the standard's: see _rescore


def _check_fitness(record: Mapping[str, Any]) -> list[str]:
    return _measurement_problems(record) + _absent_problems(record) + _score_shape_problems(record)


def expected_scores(record: Mapping[str, Any], sex: str) -> dict[str, Any]:
    """The cached columns as the scoring engine computes them from the record's raw values, in
    packet form. Raises ValidationError when the engine cannot score the record."""
    values = {k: None if record[k] is None else float(record[k]) for k, _ in MEASUREMENTS}
    reason = record["exempt_reason"] if record["exempt"] else None
    result = score_student(record["grade_code"], sex, values, exempt_reason=reason)
    return {
        "bmi": format_decimal(result.bmi, 1),
        "standard_score": format_decimal(result.standard_score, 1),
        "bonus_total": result.bonus_total,
        "total_score": format_decimal(result.total_score, 1),
        "level": result.level,
    }


def _rescore(record: Mapping[str, Any], student: Mapping[str, Any]) -> list[str]:
    try:
        expected = expected_scores(record, student["sex"])
    except ValidationError as exc:
        return [f"the scores cannot be recomputed ({exc})"]
    return [
        f"{name} {record[name]!r} differs from the scoring engine's {value!r}"
        for name, value in expected.items()
        if record[name] != value
    ]


FITNESS_TESTS = SyncTable(
    name="fitness_tests",
    columns=(
        ref("student_uuid"),
        Column("school_year", pattern=YEAR_RE),
        choice("attempt", "first", "retest"),
        Column("test_date", "date", nullable=True),
        Column("grade_code", "int", choices=frozenset(ALL_GRADE_CODES)),
        *(decimal_column(key, decimals) for key, decimals in MEASUREMENTS),
        Column("absent_items", required=True),
        Column("exempt", "bool"),
        Column("exempt_reason"),
        decimal_column("bmi", 1, min_value=0),
        decimal_column("standard_score", 1, min_value=0, max_value=100),
        points("bonus_total", 20),
        decimal_column("total_score", 1, min_value=0, max_value=120),
        choice("level", *LEVELS, nullable=True),
    ),
    scope=OF_STUDENTS,
    check=_check_fitness,
    parent_check=ParentCheck(
        column="student_uuid",
        parent="students",
        rule=_rescore,
        reason="score_mismatch",
        parent_columns=("sex",),
        same_version_only=True,
    ),
    natural_key=("student_uuid", "school_year", "attempt"),
)

SPORT_TABLES = (PE_PROCESS_RECORDS, FITNESS_TESTS)
