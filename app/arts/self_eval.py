"""The annual 学校艺术教育工作自评 (domain_rules §2.2): its fields, their checks, 生师比.

A self-evaluation is stored as JSON: ``{section key: {"score": int | None, "fields": {...}}}``.
The three built-in sections have the fields the official form asks for (``BUILTIN_FIELDS``);
extra sections (configuration) have free text fields. Each section's score is the school's own
assessment, a whole number from 0 to the section's weight. Computed fields (marked ``computed``)
are filled in by the service from the roster and are never taken from the input.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from app.arts.config import ArtsConfig
from app.i18n import tr


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # as on the form
    kind: str  # int / hours / pct / ratio / text / list
    computed: bool = False


BUILTIN_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "courses": (
        FieldSpec("music_hours", "音乐 课时/周", "hours"),
        FieldSpec("fine_art_hours", "美术 课时/周", "hours"),
        FieldSpec("integrated_hours", "综合艺术 课时/周", "hours"),
        FieldSpec("local_hours", "地方校本艺术课 课时/周", "hours"),
    ),
    "activities": (
        FieldSpec("festivals_per_year", "艺术节场次/年", "int"),
        FieldSpec("weekly_activities", "每周艺术活动频次", "int"),
        FieldSpec("clubs_count", "校级艺术社团/兴趣小组数量", "int"),
        FieldSpec("club_projects", "社团/兴趣小组项目", "list"),
        FieldSpec("participation_pct", "学生参与面%", "pct"),
    ),
    "teachers": (
        FieldSpec("total", "艺术教师总数", "int"),
        FieldSpec("full_time", "专职", "int"),
        FieldSpec("part_time", "兼职", "int"),
        FieldSpec("music", "音乐教师", "int"),
        FieldSpec("fine_art", "美术教师", "int"),
        FieldSpec("other", "其他艺术教师", "int"),
        FieldSpec("avg_weekly_hours", "平均周课时", "hours"),
        FieldSpec("vacancies", "缺额", "int"),
        FieldSpec("trained_county_plus", "县级以上培训人数", "int"),
        FieldSpec("students_on_roll", "在校学生数", "int", computed=True),
        FieldSpec("student_teacher_ratio", "生师比", "ratio", computed=True),
    ),
}
MAX_HOURS = 40  # per week; anything above is a typing slip


def student_teacher_ratio(students: int, teachers: int) -> float | None:
    """Students per arts teacher, one decimal (half up); None without teachers."""
    if teachers <= 0:
        return None
    return float((Decimal(students) / Decimal(teachers)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def ratio_text(ratio: float | None) -> str:
    """生师比 as the form writes it, e.g. ``85.3:1``."""
    return "" if ratio is None else f"{ratio:g}:1"


def check_sections(
    cfg: ArtsConfig, raw: Mapping[str, Mapping[str, Any]]
) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Clean every configured section of ``raw`` (``{key: {"score": .., "fields": {..}}}``).

    Returns the cleaned sections and, per ``section.field`` key, what is wrong. A blank field is
    None (not yet known); computed fields are dropped (the service fills them in).
    """
    sections: dict[str, dict[str, Any]] = {}
    errors: dict[str, str] = {}
    for section in cfg.self_eval_sections:
        given = raw.get(section.key, {})
        fields_in = given.get("fields", {}) or {}
        fields: dict[str, Any] = {}
        specs = BUILTIN_FIELDS.get(section.key) or tuple(
            FieldSpec(name, name, "text") for name in section.fields
        )
        for spec in specs:
            if spec.computed:
                continue
            value, problem = _field(spec, fields_in.get(spec.key))
            fields[spec.key] = value
            if problem:
                errors[f"{section.key}.{spec.key}"] = f"{section.name} {spec.label}: {problem}"
        score, problem = _number(given.get("score"), 0, section.weight, whole=True)
        if problem:
            errors[f"{section.key}.score"] = f"{section.name}: {problem}"
        sections[section.key] = {"score": score, "fields": fields}
    errors.update(_teacher_sums(sections.get("teachers", {}).get("fields", {})))
    return sections, errors


def total_score(sections: Mapping[str, Mapping[str, Any]]) -> int | None:
    scores: list[int | None] = [s.get("score") for s in sections.values()]
    total = 0
    for v in scores:
        if v is None:
            return None
        total += v
    return total


def _field(spec: FieldSpec, value: Any) -> tuple[Any, str | None]:
    if spec.kind == "text":
        return ("" if value is None else str(value).strip()), None
    if spec.kind == "list":
        items = (
            value.replace("，", ",").replace("、", ",").split(",")
            if isinstance(value, str)
            else value
        )
        return [str(v).strip() for v in (items or []) if str(v).strip()], None
    if spec.kind == "pct":
        return _number(value, 0, 100, whole=False)
    if spec.kind == "hours":
        return _number(value, 0, MAX_HOURS, whole=False)
    return _number(value, 0, 100_000, whole=True)


def _number(value: Any, low: int, high: int, *, whole: bool) -> tuple[Any, str | None]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    try:
        number = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        return None, tr("'{value}' is not a number.", value=value)
    if not math.isfinite(number) or (whole and not number.is_integer()):
        return None, tr("'{value}' is not a whole number.", value=value)
    if not low <= number <= high:
        return None, tr("{value} is outside {low}–{high}.", value=value, low=low, high=high)
    return (int(number) if number.is_integer() else round(number, 1)), None


def _teacher_sums(fields: Mapping[str, Any]) -> dict[str, str]:
    total = fields.get("total")
    errors: dict[str, str] = {}
    if total is None:
        return errors
    for parts, key in (
        (("full_time", "part_time"), "teachers.full_time"),
        (("music", "fine_art", "other"), "teachers.music"),
    ):
        values: list[int] = [fields[p] for p in parts if fields.get(p) is not None]
        if len(values) == len(parts) and sum(values) != total:
            errors[key] = tr(
                "艺术教师: {parts} add up to {sum}, not to the total {total}.",
                parts="+".join(
                    spec.label for spec in BUILTIN_FIELDS["teachers"] if spec.key in parts
                ),
                sum=sum(values),
                total=total,
            )
    return errors
