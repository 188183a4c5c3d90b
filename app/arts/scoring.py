"""艺术素质测评 arithmetic: sub-scores → total and band, and the suggested 发展指标 points.

Scores are whole points (the form's maxima are whole numbers and the bands compare whole totals,
so there is no rounding anywhere). A sub-score outside 0…its configured maximum is refused, never
clipped. The total is the sum of the six sub-scores, capped at ``ArtsConfig.total_cap`` (see
``app.arts.config`` for why 100 is the default); the band is the highest whose minimum the total
reaches.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.arts.award_rules import counts_toward_arts_specialty, specialty_exclusion
from app.arts.config import BANDS, SUB_SCORE_NAMES_ZH, SUB_SCORES, ArtsConfig
from app.arts.constants import SpecialtyRoute
from app.arts.models import Award, Specialty
from app.i18n import tr
from app.validation.text import clean

Scores = dict[str, int | None]


def parse_sub_scores(cfg: ArtsConfig, raw: Mapping[str, object]) -> tuple[Scores, dict[str, str]]:
    """Each sub-score as a whole number within its maximum, or None when blank.

    Returns the parsed scores and, per sub-score key, why a value was refused.
    """
    scores: Scores = {}
    errors: dict[str, str] = {}
    for key in SUB_SCORES:
        value = raw.get(key)
        limit = cfg.sub_maxima[key]
        name = SUB_SCORE_NAMES_ZH[key]
        points = _whole(value)
        if value is None or (isinstance(value, str) and not value.strip()):
            scores[key] = None
        elif points is None:
            errors[key] = tr(
                "{name}: '{value}' is not a whole number of points.", name=name, value=value
            )
        elif not 0 <= points <= limit:
            errors[key] = tr(
                "{name}: {points} is outside 0–{limit} points.",
                name=name,
                points=points,
                limit=limit,
            )
        else:
            scores[key] = points
    return scores, errors


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    text = clean(value)
    if text.lstrip("-").isdigit() and text.isascii():
        return int(text)
    return None


def band_for(cfg: ArtsConfig, total: int) -> str:
    for band in BANDS:
        if total >= cfg.band_minima[band]:
            return band
    return BANDS[-1]


def total_and_band(
    cfg: ArtsConfig, scores: Mapping[str, int | None]
) -> tuple[int | None, str | None]:
    """(total, band) of complete scores; (None, None) while any sub-score is missing."""
    values = [scores.get(k) for k in SUB_SCORES]
    if any(v is None for v in values):
        return None, None
    total = sum(v for v in values if v is not None)
    if cfg.total_cap is not None:
        total = min(total, cfg.total_cap)
    return total, band_for(cfg, total)


@dataclass(frozen=True)
class Evidence:
    """One record looked at for the suggestion, what it earns and why."""

    kind: str  # outside_specialty / in_school_specialty / award
    uuid: str
    description: str
    points: int  # 0 when it does not count
    reason: str  # why it counts, or why not


@dataclass(frozen=True)
class Suggestion:
    """Suggested 发展指标 points; the teacher confirms or changes them."""

    student_uuid: str
    school_year: str
    outside_learning: int
    art_specialty: int
    evidence: tuple[Evidence, ...]


def suggest_points(
    cfg: ArtsConfig,
    student_uuid: str,
    school_year: str,
    specialties: Sequence[Specialty],
    awards: Sequence[Award],
) -> Suggestion:
    """Apply ``cfg.development`` (see ``DevelopmentRule``) to one student's year of records."""
    rule = cfg.development
    evidence: list[Evidence] = []
    outside = 0
    best = 0
    for s in specialties:
        label = f"{s.category}（{s.route.label_zh}）"
        if s.route is SpecialtyRoute.OUTSIDE:
            outside += rule.outside_points_each
            evidence.append(
                Evidence(
                    "outside_specialty",
                    s.meta.uuid,
                    label,
                    rule.outside_points_each,
                    tr("trained outside school: counts as outside learning"),
                )
            )
        else:
            best = max(best, rule.in_school_specialty_points)
            evidence.append(
                Evidence(
                    "in_school_specialty",
                    s.meta.uuid,
                    label,
                    rule.in_school_specialty_points,
                    tr("in-school specialty: counts toward the arts specialty"),
                )
            )
    for a in awards:
        if counts_toward_arts_specialty(a):
            points = rule.award_points[a.level]
            best = max(best, points)
            reason = tr("{level} award of an education authority", level=a.level.label_zh)
        else:
            points = 0
            reason = tr("not counted: {why}", why=specialty_exclusion(a) or "")
        evidence.append(Evidence("award", a.meta.uuid, a.label_zh, points, reason))
    return Suggestion(
        student_uuid=student_uuid,
        school_year=school_year,
        outside_learning=min(outside, cfg.sub_maxima["outside_learning"]),
        art_specialty=min(best, cfg.sub_maxima["art_specialty"]),
        evidence=tuple(evidence),
    )
