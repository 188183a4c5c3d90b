"""Test-side view of the reference JSON, read with plain ``json`` (not through the engine's index),
so the tests check the engine against the tables themselves."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from typing import Any

from app.paths import resource_path

GRADE_OF_TABLE = {  # one grade code per table key, for building students
    "g1": 11, "g2": 12, "g3": 13, "g4": 14, "g5": 15, "g6": 16, "g7": 21, "g8": 22, "g9": 23,
    "g10": 31, "g11": 32, "g12": 33, "u12": 41, "u34": 43,
}  # fmt: skip


@cache
def ref() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("standards", "fitness_standard_2014.json").read_text(encoding="utf-8")
    )
    return data


def rows(item: str, table_key: str, sex: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = ref()["score_tables"][item][table_key][sex]
    return result


def higher_better(item: str) -> bool:
    return bool(ref()["items"][item]["direction"] == "higher_better")


def step(item: str) -> Decimal:
    """The smallest difference a result of ``item`` can show (0.1 or 1)."""
    return Decimal(1).scaleb(-int(ref()["items"][item]["decimals"]))


def shift(value: float, by: Decimal) -> float:
    """``value + by`` computed in decimal, so 10.3 − 0.1 is the float 10.2 the JSON holds."""
    return float(Decimal(repr(value)) + by)


def worse(item: str, value: float, steps: int = 1) -> float:
    delta = step(item) * steps
    return shift(value, -delta if higher_better(item) else delta)


def better(item: str, value: float, steps: int = 1) -> float:
    return worse(item, value, -steps)


def naive_score(item: str, table_key: str, sex: str, value: float) -> int:
    """The rule as written in the JSON, read literally: the first row (100 → 10) whose non-blank
    threshold is met, else 0."""
    for row in rows(item, table_key, sex):
        t = row["threshold"]
        if t is None:
            continue
        if (value >= t) if higher_better(item) else (value <= t):
            return int(row["score"])
    return 0


def table_cases() -> list[tuple[str, str, str]]:
    """Every (item, table key, sex) the JSON has a table for."""
    return [
        (item, table_key, sex)
        for item, tables in ref()["score_tables"].items()
        for table_key, by_sex in tables.items()
        for sex in by_sex
    ]


def grade_for(item: str, table_key: str, sex: str) -> int:
    """A grade code of ``table_key`` where ``item`` is scored for ``sex``."""
    grade = GRADE_OF_TABLE[table_key]
    weights = ref()["applicability_by_grade_code"][str(grade)][sex]["items_weight_percent"]
    assert item in weights, (item, table_key, sex)
    return grade
