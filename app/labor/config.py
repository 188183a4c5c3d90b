"""The school's labor configuration, with the documented defaults (domain_rules §1.2, §1.3, §1.5).

Stored as one JSON object in the ``labor_config`` setting (``db.repo_labor``); a key missing from
the stored object takes its default, so a configuration saved by an older version still loads and
picks up settings added later. Every value is checked by ``LaborConfig.problems`` before saving.

Defaults and their status:
- out-of-class and home labor ≥ 2 h/week in 第一学段 (grades 1–2), ≥ 3 h/week otherwise [H];
- the labor course ≥ 1 课时/week [H]; a 课时 is 40 minutes in 小学 and 45 in 初中 (common practice);
- a 劳动周 every school year; Henan: the week after 五一 [H] (``labor_week``), overridable per year;
- the rating and evaluation scale 优秀/良好/合格/待改进 [M: local forms, not official];
- task groups per 学段: all ten, except 清洁与卫生 not in 第四学段. **NOT VERIFIED** against the
  课标's content table, hence ``task_group_matrix_verified = False``;
- 公示 of at least 5 days (Beijing ≥ 5; other provinces ≥ 10 working days) [M];
- one life skill a year for grades 3–6 (Henan: 1–2 a year for 小学中高年级) [H].
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.labor.constants import ALL_TASK_GROUP_NOS, BANDS, Setting

CONFIG_SETTING_KEY = "labor_config"
DEFAULT_SCALE: tuple[str, ...] = ("优秀", "良好", "合格", "待改进")
MiB = 1024 * 1024


def _band_map(values: tuple[int, int, int, int]) -> dict[int, int]:
    return dict(zip(BANDS, values, strict=True))


def _default_matrix() -> dict[int, tuple[int, ...]]:
    everything = ALL_TASK_GROUP_NOS
    return {1: everything, 2: everything, 3: everything, 4: everything[1:]}


@dataclass(frozen=True)
class LaborConfig:
    # Minutes of out-of-class and home labor a student should do each week, per 学段 (1–4).
    weekly_out_of_class_minutes: dict[int, int] = field(
        default_factory=lambda: _band_map((120, 180, 180, 180))
    )
    # Which settings count as out-of-class/home labor, and which as the labor course.
    out_of_class_settings: tuple[Setting, ...] = (
        Setting.ON_CAMPUS,
        Setting.HOME,
        Setting.COMMUNITY,
    )
    course_settings: tuple[Setting, ...] = (Setting.CLASSROOM,)
    course_periods_per_week: int = 1
    period_minutes: dict[int, int] = field(default_factory=lambda: _band_map((40, 40, 40, 45)))
    # School year (2025-2026) → first day of its 劳动周 when it differs from the Henan rule.
    labor_week_starts: dict[str, str] = field(default_factory=dict)
    labor_week_days: int = 7
    # Term (2025-2026-1) → [first day, last day] for reports, when the school's term differs from
    # the default September–January / February–July.
    term_dates: dict[str, tuple[str, str]] = field(default_factory=dict)
    rating_scale: tuple[str, ...] = DEFAULT_SCALE
    evaluation_scale: tuple[str, ...] = DEFAULT_SCALE
    task_groups_by_band: dict[int, tuple[int, ...]] = field(default_factory=_default_matrix)
    task_group_matrix_verified: bool = False
    max_minutes_per_entry: int = 600
    evidence_max_bytes: int = 10 * MiB
    evidence_extensions: tuple[str, ...] = (
        "jpg", "jpeg", "png", "gif", "webp", "heic", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "mp4",
    )  # fmt: skip
    publicity_min_days: int = 5
    life_skills_per_year: int = 1

    def threshold_for_band(self, band: int) -> int:
        return self.weekly_out_of_class_minutes[band]

    def course_minutes_per_week(self, band: int) -> int:
        return self.course_periods_per_week * self.period_minutes[band]

    def groups_for_band(self, band: int) -> tuple[int, ...]:
        return self.task_groups_by_band[band]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dict):
                value = {str(k): list(v) if isinstance(v, tuple) else v for k, v in value.items()}
            elif isinstance(value, tuple):
                value = [str(v) for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LaborConfig:
        """Read a stored configuration; unknown keys are ignored, missing ones take defaults.

        Raises ValueError/TypeError/KeyError on a malformed value (the caller decides what to do).
        """
        kwargs: dict[str, Any] = {}
        known = {f.name for f in dataclasses.fields(cls)}
        for key, value in data.items():
            if key not in known:
                continue
            kwargs[key] = _CONVERTERS.get(key, _identity)(value)
        return cls(**kwargs)

    def problems(self) -> list[str]:
        """What makes this configuration unusable (English keys; the service translates)."""
        found = []
        if set(self.weekly_out_of_class_minutes) != set(BANDS) or not all(
            0 <= m <= 3000 for m in self.weekly_out_of_class_minutes.values()
        ):
            found.append("weekly_out_of_class_minutes")
        if set(self.period_minutes) != set(BANDS) or not all(
            10 <= m <= 120 for m in self.period_minutes.values()
        ):
            found.append("period_minutes")
        if set(self.task_groups_by_band) != set(BANDS) or not all(
            groups and set(groups) <= set(ALL_TASK_GROUP_NOS)
            for groups in self.task_groups_by_band.values()
        ):
            found.append("task_groups_by_band")
        for name in ("rating_scale", "evaluation_scale"):
            scale = getattr(self, name)
            if len(scale) < 2 or len(set(scale)) != len(scale) or not all(s.strip() for s in scale):
                found.append(name)
        if set(self.out_of_class_settings) & set(self.course_settings):
            found.append("course_settings")
        ranges = {
            "course_periods_per_week": (0, 20),
            "labor_week_days": (1, 14),
            "max_minutes_per_entry": (10, 1440),
            "evidence_max_bytes": (1024, 200 * MiB),
            "publicity_min_days": (1, 60),
            "life_skills_per_year": (0, 10),
        }
        for name, (low, high) in ranges.items():
            if not low <= getattr(self, name) <= high:
                found.append(name)
        if not all(_is_date(d) for d in self.labor_week_starts.values()):
            found.append("labor_week_starts")
        if not all(_is_date(a) and _is_date(b) and a <= b for a, b in self.term_dates.values()):
            found.append("term_dates")
        return found


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _identity(value: Any) -> Any:
    return value


def _int_keys(value: Mapping[str, Any]) -> dict[int, int]:
    return {int(k): int(v) for k, v in value.items()}


def _settings(value: list[str]) -> tuple[Setting, ...]:
    return tuple(Setting(v) for v in value)


def _strings(value: list[str]) -> tuple[str, ...]:
    return tuple(str(v) for v in value)


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "weekly_out_of_class_minutes": _int_keys,
    "period_minutes": _int_keys,
    "out_of_class_settings": _settings,
    "course_settings": _settings,
    "labor_week_starts": lambda v: {str(k): str(d) for k, d in v.items()},
    "term_dates": lambda v: {str(k): (str(d[0]), str(d[1])) for k, d in v.items()},
    "rating_scale": _strings,
    "evaluation_scale": _strings,
    "task_groups_by_band": lambda v: {int(k): tuple(int(g) for g in gs) for k, gs in v.items()},
    "evidence_extensions": lambda v: tuple(str(e).lower().lstrip(".") for e in v),
    "course_periods_per_week": int,
    "labor_week_days": int,
    "max_minutes_per_entry": int,
    "evidence_max_bytes": int,
    "publicity_min_days": int,
    "life_skills_per_year": int,
    "task_group_matrix_verified": bool,
}
