"""The PE process score and the comprehensive PE result (rules and defaults: ``app.pe.config``).

Scores are computed exactly (fractions) and rounded half-up to one decimal once, at the end, so a
weight change never shifts a result by a float's last bit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from app.arts.models import Award
from app.pe.config import (
    AFTER_SCHOOL,
    ALWAYS_SCORED,
    ATTENDANCE,
    AWARDS,
    CLUB,
    COMPONENTS,
    HOMEWORK,
    RECESS,
    SKILL,
    PEConfig,
)
from app.pe.models import ProcessRecord
from app.scoring.fitness_score import level_of


def _one_decimal(value: Fraction) -> float:
    return math.floor(value * 10 + Fraction(1, 2)) / 10


@dataclass(frozen=True)
class ProcessScore:
    score: float | None  # None while a weighted component is missing
    components: Mapping[str, float | None]  # component → 0–100 (one decimal), None = missing
    missing: tuple[str, ...]  # weighted components with nothing recorded
    best_award: Award | None


def best_award(cfg: PEConfig, awards: Iterable[Award]) -> Award | None:
    """The sports award that counts most (by the configured level points)."""
    counted = [
        a for a in awards if a.organizer_is_education_authority or not cfg.authority_awards_only
    ]
    return max(counted, key=lambda a: cfg.award_points[a.level], default=None)


def _components(
    cfg: PEConfig, r: ProcessRecord | None, award: Award | None
) -> dict[str, Fraction | None]:
    out: dict[str, Fraction | None] = dict.fromkeys(COMPONENTS)
    out[AWARDS] = Fraction(cfg.award_points[award.level]) if award else Fraction(0)
    out[CLUB] = Fraction(100 if r is not None and r.sports_club else 0)
    if r is None:
        return out
    for key, pct in (
        (ATTENDANCE, r.pe_attendance_pct),
        (RECESS, r.recess_exercise_pct),
        (HOMEWORK, r.homework_completion_pct),
    ):
        out[key] = None if pct is None else Fraction(pct)
    minutes = r.after_school_minutes_per_week
    if minutes is not None:
        if cfg.require_parent_confirmation and not r.after_school_parent_confirmed:
            minutes = 0
        out[AFTER_SCHOOL] = min(
            Fraction(100), Fraction(minutes * 100, cfg.after_school_target_minutes)
        )
    if not r.skill_item:
        out[SKILL] = Fraction(0)  # no 专项运动技能 yet: nothing to credit (not "missing")
    elif r.skill_level:
        points = cfg.skill_points(r.skill_level)
        out[SKILL] = None if points is None else Fraction(points)
    return out


def process_score(
    cfg: PEConfig, record: ProcessRecord | None, awards: Iterable[Award] = ()
) -> ProcessScore:
    """The process score of one student and term from the term's record and sports awards."""
    award = best_award(cfg, awards)
    parts = _components(cfg, record, award)
    missing = tuple(
        k
        for k in COMPONENTS
        if cfg.weights.get(k, 0) > 0 and parts[k] is None and k not in ALWAYS_SCORED
    )
    score = None
    if not missing:
        total = sum(
            (Fraction(cfg.weights.get(k, 0)) * (parts[k] or 0) for k in COMPONENTS), Fraction(0)
        )
        score = _one_decimal(total / 100)
    return ProcessScore(
        score=score,
        components={k: None if v is None else _one_decimal(v) for k, v in parts.items()},
        missing=missing,
        best_award=award,
    )


@dataclass(frozen=True)
class Comprehensive:
    fitness_total: float | None  # 学年总分 (decisive attempt), None when not complete
    fitness_counted: float | None  # capped at 100
    process: float | None
    score: float | None  # None unless both parts are there
    level: str | None
    exempt: bool  # 免测: no comprehensive result (the fitness part cannot be given)


def comprehensive(
    cfg: PEConfig, fitness_total: float | None, process: float | None, *, exempt: bool = False
) -> Comprehensive:
    """fitness share × min(total, 100) + process share × process score, one decimal."""
    counted = None if fitness_total is None else min(fitness_total, 100.0)
    score = None
    if not exempt and counted is not None and process is not None:
        exact = (
            cfg.fitness_weight * Fraction(repr(counted))
            + cfg.process_weight * Fraction(repr(process))
        ) / 100
        score = _one_decimal(exact)
    return Comprehensive(
        fitness_total=fitness_total,
        fitness_counted=counted,
        process=process,
        score=score,
        level=level_of(score) if score is not None else None,
        exempt=exempt,
    )
