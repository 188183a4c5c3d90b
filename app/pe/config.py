"""The school's PE process-evaluation settings (settings key ``pe_config``).

Every number here is a DEFAULT proposed by Baosong, to be confirmed by the district (domain_rules
§4.2 asks for 过程评价 but fixes no weights; §8 lists what to ask):

* process score (0–100) = Σ weight × component score / 100, the weights adding up to 100:
  体育课出勤 30, 大课间 20, 课外锻炼 20, 专项运动技能 20, 竞赛获奖 10; 体育作业 and 体育社团 0
  (recorded, and counted once a district gives them a weight);
* component scores (0–100): attendance, 大课间 and 体育作业 are their percentages; 课外锻炼 is the
  weekly minutes against a target of 420 (one hour a day out of school, the "1+1" of the 2021
  notice, domain_rules §6), capped at 100; minutes a parent has not confirmed count unless
  ``require_parent_confirmation``; 专项运动技能 is the points of its level on ``skill_levels``
  (优秀 100, 良好 85, 合格 70, 待提高 50), 0 when no skill is recorded, missing while a recorded
  skill awaits its level; 竞赛获奖 is the points of the best sports award of the
  term by level (国家/省 100, 市 90, 县区 80, 校 60; none: 0), by default only from events an
  education authority organised (the counting rule the arts evaluation uses, domain_rules §2.4);
  体育社团 is 100 for a member, else 0;
* comprehensive PE result = 70 % × fitness 学年总分 (capped at 100: the 附加分 rewards the test, not
  the combination) + 30 % × process score, one decimal, with the standard's levels (≥ 90 优秀,
  ≥ 80 良好, ≥ 60 及格). 70/30 because the fitness test is the measured, nationally comparable
  part while the process records are each school's own entries; 30 % still gives daily
  participation real weight, as the 2020 reform asks (强化过程评价).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final

from app.arts.constants import AwardLevel
from app.errors import ValidationError
from app.i18n import tr

ATTENDANCE, RECESS, AFTER_SCHOOL, SKILL, AWARDS, HOMEWORK, CLUB = (
    "attendance", "recess", "after_school", "skill", "awards", "homework", "club",
)  # fmt: skip
COMPONENTS: Final = (ATTENDANCE, RECESS, AFTER_SCHOOL, SKILL, AWARDS, HOMEWORK, CLUB)
# Components a student always has a score for (no award or no club scores 0, it is not missing).
ALWAYS_SCORED: Final = frozenset({AWARDS, CLUB})
COMPONENT_NAMES_ZH: Final = {
    ATTENDANCE: "体育课出勤", RECESS: "大课间", AFTER_SCHOOL: "课外锻炼", SKILL: "专项运动技能",
    AWARDS: "竞赛获奖", HOMEWORK: "体育作业", CLUB: "体育社团",
}  # fmt: skip


def component_label(key: str) -> str:
    """A component's name in the current language."""
    labels = {
        ATTENDANCE: tr("PE class attendance"),
        RECESS: tr("Break-time exercise (大课间) participation"),
        AFTER_SCHOOL: tr("Out-of-school exercise"),
        SKILL: tr("Sport skill"),
        AWARDS: tr("Competitions and awards"),
        HOMEWORK: tr("PE homework completion"),
        CLUB: tr("Sports club"),
    }
    return labels.get(key, key)


DEFAULT_WEIGHTS: Final = {ATTENDANCE: 30, RECESS: 20, AFTER_SCHOOL: 20, SKILL: 20, AWARDS: 10,
                          HOMEWORK: 0, CLUB: 0}  # fmt: skip
DEFAULT_SKILL_LEVELS: Final = (("优秀", 100), ("良好", 85), ("合格", 70), ("待提高", 50))
DEFAULT_AWARD_POINTS: Final = {
    AwardLevel.NATIONAL: 100, AwardLevel.PROVINCIAL: 100, AwardLevel.CITY: 90,
    AwardLevel.COUNTY: 80, AwardLevel.SCHOOL: 60,
}  # fmt: skip


@dataclass(frozen=True)
class PEConfig:
    weights: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    after_school_target_minutes: int = 420
    require_parent_confirmation: bool = False
    skill_levels: tuple[tuple[str, int], ...] = DEFAULT_SKILL_LEVELS
    award_points: Mapping[AwardLevel, int] = field(
        default_factory=lambda: dict(DEFAULT_AWARD_POINTS)
    )
    authority_awards_only: bool = True
    fitness_weight: int = 70
    process_weight: int = 30

    def skill_points(self, level: str) -> int | None:
        return dict(self.skill_levels).get(level)

    def to_json(self) -> dict[str, Any]:
        return {
            "weights": dict(self.weights),
            "after_school_target_minutes": self.after_school_target_minutes,
            "require_parent_confirmation": self.require_parent_confirmation,
            "skill_levels": [[name, points] for name, points in self.skill_levels],
            "award_points": {k.value: v for k, v in self.award_points.items()},
            "authority_awards_only": self.authority_awards_only,
            "fitness_weight": self.fitness_weight,
            "process_weight": self.process_weight,
        }


def config_from_json(data: Mapping[str, Any] | None) -> PEConfig:
    """The stored settings over the defaults (a key left out keeps its default), validated."""
    cfg = PEConfig()
    if not data:
        return cfg
    try:
        if "weights" in data:
            cfg = replace(cfg, weights={**DEFAULT_WEIGHTS, **data["weights"]})
        if "skill_levels" in data:
            levels = tuple((str(n), int(p)) for n, p in data["skill_levels"])
            cfg = replace(cfg, skill_levels=levels)
        if "award_points" in data:
            points = {AwardLevel(k): int(v) for k, v in data["award_points"].items()}
            cfg = replace(cfg, award_points={**DEFAULT_AWARD_POINTS, **points})
        cfg = replace(
            cfg,
            after_school_target_minutes=int(
                data.get("after_school_target_minutes", cfg.after_school_target_minutes)
            ),
            fitness_weight=int(data.get("fitness_weight", cfg.fitness_weight)),
            process_weight=int(data.get("process_weight", cfg.process_weight)),
            require_parent_confirmation=bool(
                data.get("require_parent_confirmation", cfg.require_parent_confirmation)
            ),
            authority_awards_only=bool(
                data.get("authority_awards_only", cfg.authority_awards_only)
            ),
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(
            tr("The PE settings are not readable ({reason}).", reason=exc),
            tr("Save the PE settings again."),
        ) from None
    validate_config(cfg)
    return cfg


def config_problems(cfg: PEConfig) -> list[str]:
    """What makes the settings unusable (empty: valid)."""
    problems = []
    unknown = sorted(set(cfg.weights) - set(COMPONENTS))
    if unknown:
        problems.append(tr("Unknown process components: {names}.", names=", ".join(unknown)))
    if any(type(w) is not int or w < 0 for w in cfg.weights.values()):
        problems.append(tr("Process weights must be whole numbers of 0 or more."))
    elif sum(cfg.weights.values()) != 100:
        problems.append(
            tr("The process weights add up to {total}, not 100.", total=sum(cfg.weights.values()))
        )
    if not 1 <= cfg.after_school_target_minutes <= 3000:
        problems.append(tr("The weekly exercise target must be 1 to 3000 minutes."))
    names = [n for n, _ in cfg.skill_levels]
    if not names or len(set(names)) != len(names) or not all(n.strip() for n in names):
        problems.append(tr("The skill levels need distinct, non-empty names."))
    if any(not 0 <= p <= 100 for _, p in cfg.skill_levels):
        problems.append(tr("Skill level points must be 0 to 100."))
    if set(cfg.award_points) != set(AwardLevel) or any(
        not 0 <= p <= 100 for p in cfg.award_points.values()
    ):
        problems.append(tr("Every award level needs points from 0 to 100."))
    weights = (cfg.fitness_weight, cfg.process_weight)
    if any(w < 0 for w in weights) or sum(weights) != 100:
        problems.append(tr("The fitness and process shares must add up to 100."))
    return problems


def validate_config(cfg: PEConfig) -> None:
    problems = config_problems(cfg)
    if problems:
        raise ValidationError(" ".join(problems), tr("Correct the PE settings and save again."))
