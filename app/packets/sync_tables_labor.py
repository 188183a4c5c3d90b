"""Synchronised tables of labor education (劳动教育, migration 0004_labor); evidence files
travel as hash + metadata only. Part of the registry; import the names from ``sync_tables``."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from app.packets.sync_tables_core import (
    OF_STUDENTS,
    SCHOOL_CODE,
    TERM_RE,
    UTC_RE,
    Column,
    RecordCheck,
    SyncTable,
    choice,
    ref,
)


def _check_labor_json(name: str, kind: type) -> RecordCheck:
    # A school's ratings repeat a handful of texts across 100,000 participations: each
    # distinct text is parsed once.
    @lru_cache(maxsize=4096)
    def problems(text: str) -> tuple[str, ...]:
        try:
            value = json.loads(text)
        except ValueError:
            return (f"{name} is not JSON",)
        items = value.values() if isinstance(value, dict) else value
        if not isinstance(value, kind) or not all(isinstance(v, str) for v in items):
            return (f"{name} is not a JSON {kind.__name__} of strings",)
        return ()

    def check(record: Mapping[str, Any]) -> list[str]:
        return list(problems(record[name]))

    return check


_LABOR_OF_SCHOOL = "SELECT uuid FROM labor_activities WHERE school_code = :school_code"
LABOR_ACTIVITIES = SyncTable(
    name="labor_activities",
    columns=(
        SCHOOL_CODE,
        Column("term", pattern=TERM_RE),
        Column("date", "date"),
        choice("category", "daily", "production", "service"),
        Column("task_group", "int", min_value=1, max_value=10),
        Column("project", required=True),
        choice("setting", "classroom", "on_campus", "home", "community", "base", "labor_week"),
        Column("minutes", "int", min_value=0, max_value=1440),
        Column("description"),
        ref("class_uuid", nullable=True),
        Column("organiser"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
LABOR_PARTICIPATIONS = SyncTable(
    name="labor_participations",
    columns=(
        ref("activity_uuid"),
        ref("student_uuid"),
        choice("status", "present", "absent"),
        Column("minutes", "int", min_value=0, max_value=1440),
        Column("ratings", required=True),
        Column("note"),
    ),
    scope=f"t.activity_uuid IN ({_LABOR_OF_SCHOOL})",
    check=_check_labor_json("ratings", dict),
    natural_key=("activity_uuid", "student_uuid"),
)
LABOR_EVIDENCE = SyncTable(
    name="labor_evidence",
    columns=(
        ref("activity_uuid"),
        ref("participation_uuid", nullable=True),
        Column("sha256", pattern=re.compile(r"^[0-9a-f]{64}$")),
        Column("file_name", required=True),
        Column("mime", required=True),
        Column("size", "int", min_value=0, max_value=2**31),
    ),
    scope=f"t.activity_uuid IN ({_LABOR_OF_SCHOOL})",
)
LABOR_LITERACY_EVALUATIONS = SyncTable(
    name="labor_literacy_evaluations",
    columns=(
        ref("student_uuid"),
        Column("term", pattern=TERM_RE),
        *(Column(n) for n in ("concept", "ability", "habits", "spirit", "overall", "comment")),
        Column("life_skills", required=True),
        choice("status", "draft", "publicized", "confirmed"),
        Column("publicity_from", "date", nullable=True),
        Column("publicity_to", "date", nullable=True),
        Column("reviewer"),
        Column("confirmed_at", nullable=True, pattern=UTC_RE),
    ),
    scope=OF_STUDENTS,
    check=_check_labor_json("life_skills", list),
    natural_key=("student_uuid", "term"),
)
LABOR_EVALUATION_CORRECTIONS = SyncTable(
    name="labor_evaluation_corrections",
    columns=(
        ref("evaluation_uuid"),
        Column("corrected_at", pattern=UTC_RE),
        Column("corrected_by"),
        Column("reason", required=True),
        Column("old_values", required=True),
        Column("new_values", required=True),
    ),
    scope="t.evaluation_uuid IN (SELECT e.uuid FROM labor_literacy_evaluations e"
    " JOIN students s ON s.uuid = e.student_uuid WHERE s.school_code = :school_code)",
)
LABOR_TABLES = (
    LABOR_ACTIVITIES, LABOR_PARTICIPATIONS, LABOR_EVIDENCE, LABOR_LITERACY_EVALUATIONS,
    LABOR_EVALUATION_CORRECTIONS,
)  # fmt: skip
