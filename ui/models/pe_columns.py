"""The columns of the 体育过程评价 grid: titles, header tooltips (unit, format, where a figure
comes from), what a cell shows, and the tooltips that explain a computed score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication

from app.pe.config import COMPONENTS, PEConfig, component_label
from ui.models.fitness_columns import level_labels

if TYPE_CHECKING:
    from ui.models.pe_process_model import PERow

translate = QCoreApplication.translate  # lupdate finds translate("Context", "literal")
FIXED, EDIT, CHECK, COMPUTED = "fixed", "edit", "check", "computed"
NUMBER_KEYS: Final = frozenset(
    {"pe_attendance_pct", "recess_exercise_pct", "after_school_minutes_per_week",
     "homework_completion_pct"}
)  # fmt: skip


@dataclass(frozen=True)
class PEColumn:
    key: str
    kind: str
    title: str
    tooltip: str
    chars: int  # a comfortable width in digits
    number: bool = False


def _percent_tip(what: str) -> str:
    return translate(
        "PEColumns", "{what} over the term: a whole number from 0 to 100 (95 or 95%)."
    ).format(what=what)


def _entry_columns(cfg: PEConfig) -> list[PEColumn]:
    levels = "、".join(f"{name} ({points})" for name, points in cfg.skill_levels)
    confirm = translate("PEColumns", "Tick when a parent confirmed the out-of-school minutes.")
    if cfg.require_parent_confirmation:
        confirm += " " + translate(
            "PEColumns", "This school's settings count unconfirmed minutes as 0."
        )
    return [
        PEColumn("pe_attendance_pct", EDIT, translate("PEColumns", "Attendance\n%"),
                 _percent_tip(translate("PEColumns", "PE lessons attended (体育课出勤)")), 7,
                 number=True),
        PEColumn("recess_exercise_pct", EDIT, translate("PEColumns", "Break-time\nexercise %"),
                 _percent_tip(translate("PEColumns", "Participation in 大课间")), 7, number=True),
        PEColumn("after_school_minutes_per_week", EDIT,
                 translate("PEColumns", "Exercise\nmin/week"),
                 translate("PEColumns", "课外锻炼: minutes a week out of school, a whole number up "
                           "to 2100; {target} minutes a week earn the full score.")
                 .format(target=cfg.after_school_target_minutes), 7, number=True),
        PEColumn("after_school_parent_confirmed", CHECK,
                 translate("PEColumns", "Parent\nconfirmed"), confirm, 6),
        PEColumn("sports_club", EDIT, translate("PEColumns", "Sports club"),
                 translate("PEColumns", "体育社团 or school team, e.g. 足球社; empty for none "
                           "(at most 100 characters)."), 10),
        PEColumn("skill_item", EDIT, translate("PEColumns", "Sport skill"),
                 translate("PEColumns", "专项运动技能: the sport, e.g. 篮球 or 跳绳; empty while "
                           "the student has none."), 8),
        PEColumn("skill_level", EDIT, translate("PEColumns", "Skill level"),
                 translate("PEColumns", "The level on this school's scale: {levels}. Choose it "
                           "from the list (F2 or a double click).").format(levels=levels), 7),
        PEColumn("homework_completion_pct", EDIT, translate("PEColumns", "PE homework\n%"),
                 _percent_tip(translate("PEColumns", "PE homework completed (体育作业)")), 7,
                 number=True),
        PEColumn("notes", EDIT, translate("PEColumns", "Notes"),
                 translate("PEColumns", "Anything worth keeping, at most 500 characters."), 14),
    ]  # fmt: skip


def _computed_columns(cfg: PEConfig) -> list[PEColumn]:
    weights = ", ".join(
        f"{component_label(k)} {cfg.weights.get(k, 0)}%"
        for k in COMPONENTS
        if cfg.weights.get(k, 0) > 0
    )
    computed = translate("PEColumns", "Computed; not entered.")
    return [
        PEColumn("awards", COMPUTED, translate("PEColumns", "Awards"),
                 translate("PEColumns", "Sports awards of the term, recorded under 美育 → awards "
                           "(domain sports); the best one counts.") + " " + computed, 5,
                 number=True),
        PEColumn("process_score", COMPUTED, translate("PEColumns", "Process\nscore"),
                 translate("PEColumns", "0–100, one decimal place: {weights}. Empty (grey) while "
                           "a weighted entry is missing.").format(weights=weights) + " "
                 + computed, 6, number=True),
        PEColumn("fitness_total", COMPUTED, translate("PEColumns", "Fitness\ntotal"),
                 translate("PEColumns", "The school year's fitness total (学年总分, the retest "
                           "when there is one), from 体质健康; empty until complete."), 6,
                 number=True),
        PEColumn("comprehensive", COMPUTED, translate("PEColumns", "PE result"),
                 translate("PEColumns", "{fitness}% × fitness total (at most 100) + {process}% × "
                           "process score, one decimal place.")
                 .format(fitness=cfg.fitness_weight, process=cfg.process_weight) + " " + computed,
                 6, number=True),
        PEColumn("level", COMPUTED, translate("PEColumns", "Level"),
                 translate("PEColumns", "Of the PE result: excellent from 90, good from 80, pass "
                           "from 60, else fail."), 5),
    ]  # fmt: skip


def pe_columns(cfg: PEConfig) -> tuple[PEColumn, ...]:
    fixed = [
        PEColumn("student_no", FIXED, translate("PEColumns", "Student number"),
                 translate("PEColumns", "全国学籍号, from the roster."), 20),
        PEColumn("name", FIXED, translate("PEColumns", "Name"),
                 translate("PEColumns", "From the roster."), 6),
    ]  # fmt: skip
    return (*fixed, *_entry_columns(cfg), *_computed_columns(cfg))


def _one_decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def cell_text(row: PERow, key: str) -> str:
    if key in ("student_no", "name"):
        return str(getattr(row, key))
    if key == "after_school_parent_confirmed":
        return ""
    if hasattr(row.draft, key):
        value = getattr(row.draft, key)
        return "" if value is None else str(value)
    if key == "awards":
        return str(len(row.awards)) if row.awards else ""
    if key == "process_score":
        return _one_decimal(row.score.score)
    if key == "fitness_total":
        if row.fitness_exempt:
            return translate("PEColumns", "Exempt")
        return _one_decimal(row.fitness_total)
    if key == "comprehensive":
        return _one_decimal(row.result.score)
    if key == "level":
        return level_labels().get(row.result.level or "", "")
    return ""


def score_tooltip(cfg: PEConfig, row: PERow, key: str) -> str | None:
    """Why a computed cell shows what it shows."""
    if key == "process_score":
        lines = [
            f"{component_label(k)} ({cfg.weights.get(k, 0)}%): "
            + ("—" if (v := row.score.components.get(k)) is None else f"{v:.1f}")
            for k in COMPONENTS
            if cfg.weights.get(k, 0) > 0
        ]
        if row.score.missing:
            missing = "、".join(component_label(k) for k in row.score.missing)
            lines.append(translate("PEColumns", "Still missing: {what}.").format(what=missing))
        return "\n".join(lines)
    if key == "awards" and row.awards:
        best = row.score.best_award
        return "\n".join(
            a.label_zh + (" ✓" if best is not None and a.meta.uuid == best.meta.uuid else "")
            for a in row.awards
        )
    if key == "comprehensive" and row.result.score is None:
        if row.fitness_exempt:
            return translate("PEColumns", "Exempt from the fitness test: no PE result.")
        return translate("PEColumns", "Needs both a complete fitness total and a process score.")
    return None
