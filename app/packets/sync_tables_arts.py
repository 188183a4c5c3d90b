"""Synchronised tables of arts education (美育) and the awards shared by arts, sports and labor
(migration 0005_arts_and_awards). Part of the registry; import the names from ``sync_tables``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from app.packets.sync_tables_core import (
    OF_STUDENTS,
    SCHOOL_CODE,
    TERM_RE,
    YEAR_RE,
    Column,
    SyncTable,
    choice,
    points,
    ref,
)


def _check_course_record(record: Mapping[str, Any]) -> list[str]:
    done, total = record["tasks_completed"], record["tasks_total"]
    if done is not None and total is not None and done > total:
        return ["tasks_completed exceeds tasks_total"]
    return []


def _check_json_object(record: Mapping[str, Any]) -> list[str]:
    for name in ("sections", "weights"):
        try:
            if not isinstance(json.loads(record[name]), dict):
                return [f"{name} is not a JSON object"]
        except ValueError:
            return [f"{name} is not JSON"]
    return []


SCHOOL_PROGRAMMES = SyncTable(
    name="school_programmes",
    columns=(
        SCHOOL_CODE,
        choice("kind", "signature", "club", "interest_group"),
        choice("field", "art", "sport"),
        Column("name", required=True),
        Column("project"),
        Column("description"),
        Column("adviser"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
    natural_key=("school_code", "kind", "name"),
)
PROGRAMME_MEMBERS = SyncTable(
    name="programme_members",
    columns=(
        ref("programme_uuid"),
        ref("student_uuid"),
        Column("school_year", pattern=YEAR_RE),
        Column("role"),
    ),
    scope="t.programme_uuid IN (SELECT uuid FROM school_programmes WHERE school_code = :school_code)",
    natural_key=("programme_uuid", "student_uuid", "school_year"),
)
ARTS_ACTIVITIES = SyncTable(
    name="arts_activities",
    columns=(
        SCHOOL_CODE,
        Column("term", pattern=TERM_RE),
        choice("kind", "club", "interest_group", "festival", "performance"),
        Column("name", required=True),
        Column("date", "date", nullable=True),
        ref("class_uuid", nullable=True),
        ref("programme_uuid", nullable=True),
        Column("description"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
ARTS_ACTIVITY_PARTICIPANTS = SyncTable(
    name="arts_activity_participants",
    columns=(ref("activity_uuid"), ref("student_uuid"), Column("role")),
    scope="t.activity_uuid IN (SELECT uuid FROM arts_activities WHERE school_code = :school_code)",
    natural_key=("activity_uuid", "student_uuid"),
)
ARTS_COURSE_RECORDS = SyncTable(
    name="arts_course_records",
    columns=(
        ref("student_uuid"),
        Column("term", pattern=TERM_RE),
        choice("subject", "music", "fine_art", "integrated", "local"),
        points("attendance_pct", 100),
        choice("participation", "excellent", "good", "pass", "poor", nullable=True),
        points("tasks_completed", 10_000),
        points("tasks_total", 10_000),
        Column("teacher"),
        Column("note"),
    ),
    scope=OF_STUDENTS,
    check=_check_course_record,
    natural_key=("student_uuid", "term", "subject"),
)
ARTS_SPECIALTIES = SyncTable(
    name="arts_specialties",
    columns=(
        ref("student_uuid"),
        Column("school_year", pattern=YEAR_RE),
        choice("category_group", "performance", "works", "workshop"),
        Column("category", required=True),
        Column("sub_type"),
        Column("level_description"),
        choice("route", "in_school_specialist", "club", "outside"),
        Column("note"),
    ),
    scope=OF_STUDENTS,
)
ARTS_ASSESSMENTS = SyncTable(
    name="arts_assessments",
    columns=(
        ref("student_uuid"),
        Column("school_year", pattern=YEAR_RE),
        points("course_learning", 50),
        points("extracurricular", 50),
        points("basic_knowledge", 50),
        points("basic_skills", 50),
        points("outside_learning", 50),
        points("art_specialty", 50),
        points("total", 110),
        choice("band", "excellent", "good", "pass", "fail", nullable=True),
        Column("development_points_confirmed", "bool"),
        Column("teacher"),
        Column("comment"),
    ),
    scope=OF_STUDENTS,
    natural_key=("student_uuid", "school_year"),
)
ARTS_SELF_EVALUATIONS = SyncTable(
    name="arts_self_evaluations",
    columns=(
        SCHOOL_CODE,
        Column("school_year", pattern=YEAR_RE),
        Column("sections", required=True),
        Column("weights", required=True),
        points("total_score", 1000),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
    check=_check_json_object,
    natural_key=("school_code", "school_year"),
)
AWARDS = SyncTable(
    name="awards",
    columns=(
        SCHOOL_CODE,
        choice("domain", "arts", "sports", "labor", "other"),
        Column("event", required=True),
        Column("category"),
        Column("organizer", required=True),
        Column("organizer_is_education_authority", "bool"),
        choice("level", "national", "provincial", "city", "county", "school"),
        choice("rank", "special", "first", "second", "third", "merit", "other"),
        Column("rank_text"),
        Column("date", "date"),
        Column("certificate_no"),
        Column("on_moe_whitelist", "bool", nullable=True),
        Column("adviser"),
        Column("team_name"),
        Column("note"),
    ),
    scope="t.school_code = :school_code",
    owner_column="school_code",
)
AWARD_WINNERS = SyncTable(
    name="award_winners",
    columns=(ref("award_uuid"), ref("student_uuid")),
    scope="t.award_uuid IN (SELECT uuid FROM awards WHERE school_code = :school_code)",
    natural_key=("award_uuid", "student_uuid"),
)
ARTS_TABLES = (
    SCHOOL_PROGRAMMES, PROGRAMME_MEMBERS, ARTS_ACTIVITIES, ARTS_ACTIVITY_PARTICIPANTS,
    ARTS_COURSE_RECORDS, ARTS_SPECIALTIES, ARTS_ASSESSMENTS, ARTS_SELF_EVALUATIONS,
    AWARDS, AWARD_WINNERS,
)  # fmt: skip
