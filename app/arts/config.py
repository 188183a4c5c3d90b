"""The school's arts settings (settings key ``arts_config``), with the domain_rules defaults.

What is fixed and what is configuration (domain_rules §2.1, §2.2, §8.4, §8.5):

* the three indicator maxima, 基础指标 40 / 学业指标 50 / 发展指标 20, are the 2015 办法's [H] and
  fixed; how each splits into its two sub-indicators is unverified [L] and configurable, as long
  as the two parts add up to their indicator (default 20+20, 20+30, 10+10);
* the band thresholds (优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60) are [H] defaults, adjustable;
* **the cap.** 40 + 50 + 20 = 110, of which 艺术特长's 10 are the 办法's 加分项目. The bands are
  defined on a 100-point scale, so by default the bonus can make up for points lost elsewhere but
  the total stops at 100 (``total_cap = 100``). A district that reports the 110-point total, as
  Shandong did, sets ``total_cap`` to None. Unverified locally (§8.4): ask the district;
* the 发展指标 point rule used for suggestions (``DevelopmentRule``) is this app's proposal, shown
  to the teacher, who confirms or changes the points;
* the self-evaluation's section weights: 艺术课程 30, 艺术活动 20, 艺术教师 20 [H]; 条件保障 20 and
  特色发展 10 are the probable remaining sections [L], configured as extra sections.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from app.arts.constants import AwardLevel
from app.errors import ValidationError
from app.i18n import tr

# Indicator → its two sub-indicators, in form order. The keys are stored column names.
INDICATORS: dict[str, tuple[str, str]] = {
    "basic": ("course_learning", "extracurricular"),  # 基础指标: 课程学习, 课外活动
    "academic": ("basic_knowledge", "basic_skills"),  # 学业指标: 基础知识, 基本技能
    "development": ("outside_learning", "art_specialty"),  # 发展指标: 校外学习, 艺术特长
}
INDICATOR_MAXIMA: dict[str, int] = {"basic": 40, "academic": 50, "development": 20}
SUB_SCORES: tuple[str, ...] = tuple(k for pair in INDICATORS.values() for k in pair)
BONUS_SUB_SCORE = "art_specialty"  # the 办法's 加分项目
SUB_SCORE_NAMES_ZH: dict[str, str] = {
    "course_learning": "课程学习",
    "extracurricular": "课外活动",
    "basic_knowledge": "基础知识",
    "basic_skills": "基本技能",
    "outside_learning": "校外学习",
    "art_specialty": "艺术特长",
}
BANDS: tuple[str, ...] = ("excellent", "good", "pass", "fail")
BAND_NAMES_ZH: dict[str, str] = {
    "excellent": "优秀",
    "good": "良好",
    "pass": "合格",
    "fail": "不合格",
}
MAX_POSSIBLE_TOTAL = sum(INDICATOR_MAXIMA.values())  # 110


@dataclass(frozen=True)
class DevelopmentRule:
    """How the suggested 发展指标 points are derived (the teacher confirms them).

    * 校外学习 = ``outside_points_each`` × the student's specialties trained outside school that
      school year, capped at the sub-indicator's maximum;
    * 艺术特长 = the best piece of evidence, capped at the maximum: an in-school specialty (校内
      特长生训练 or 社团, shown in the 学校现场测评) earns ``in_school_specialty_points``; an arts
      award of that school year from an event organised by an education authority earns the
      points of its level. Awards from other organisers (社会竞赛, 考级) earn nothing.
    """

    outside_points_each: int = 5
    in_school_specialty_points: int = 4
    award_points: Mapping[AwardLevel, int] = field(
        default_factory=lambda: {
            AwardLevel.SCHOOL: 4,
            AwardLevel.COUNTY: 6,
            AwardLevel.CITY: 8,
            AwardLevel.PROVINCIAL: 10,
            AwardLevel.NATIONAL: 10,
        }
    )


@dataclass(frozen=True)
class SelfEvalSection:
    """A section of the annual 艺术教育工作自评. Built-in sections have fixed fields (see
    ``app.arts.self_eval``); extra sections have the free fields named here."""

    key: str
    name: str
    weight: int
    fields: tuple[str, ...] = ()
    builtin: bool = False


BUILTIN_SECTIONS = ("courses", "activities", "teachers")
DEFAULT_SECTIONS: tuple[SelfEvalSection, ...] = (
    SelfEvalSection("courses", "艺术课程", 30, builtin=True),
    SelfEvalSection("activities", "艺术活动", 20, builtin=True),
    SelfEvalSection("teachers", "艺术教师", 20, builtin=True),
    SelfEvalSection("conditions", "条件保障", 20, ("经费投入", "专用教室", "器材配备")),
    SelfEvalSection("features", "特色发展", 10, ("特色项目", "特色成果")),
)


@dataclass(frozen=True)
class ArtsConfig:
    sub_maxima: Mapping[str, int] = field(
        default_factory=lambda: {
            "course_learning": 20,
            "extracurricular": 20,
            "basic_knowledge": 20,
            "basic_skills": 30,
            "outside_learning": 10,
            "art_specialty": 10,
        }
    )
    band_minima: Mapping[str, int] = field(
        default_factory=lambda: {"excellent": 90, "good": 75, "pass": 60, "fail": 0}
    )
    total_cap: int | None = 100
    development: DevelopmentRule = field(default_factory=DevelopmentRule)
    self_eval_sections: tuple[SelfEvalSection, ...] = DEFAULT_SECTIONS

    def to_json(self) -> dict[str, Any]:
        return {
            "sub_maxima": dict(self.sub_maxima),
            "band_minima": dict(self.band_minima),
            "total_cap": self.total_cap,
            "development": {
                "outside_points_each": self.development.outside_points_each,
                "in_school_specialty_points": self.development.in_school_specialty_points,
                "award_points": {k.value: v for k, v in self.development.award_points.items()},
            },
            "self_eval_sections": [
                {"key": s.key, "name": s.name, "weight": s.weight, "fields": list(s.fields)}
                for s in self.self_eval_sections
            ],
        }

    @property
    def self_eval_total(self) -> int:
        return sum(s.weight for s in self.self_eval_sections)

    def section(self, key: str) -> SelfEvalSection | None:
        return next((s for s in self.self_eval_sections if s.key == key), None)


def config_from_json(data: Mapping[str, Any] | None) -> ArtsConfig:
    """The stored settings over the defaults (a key left out keeps its default), validated."""
    base = ArtsConfig()
    if not data:
        return base
    try:
        cfg = replace(
            base,
            sub_maxima={**base.sub_maxima, **_ints(data.get("sub_maxima", {}))},
            band_minima={**base.band_minima, **_ints(data.get("band_minima", {}))},
            total_cap=_cap(data.get("total_cap", base.total_cap)),
            development=_rule(data.get("development", {}), base.development),
            self_eval_sections=_sections(data.get("self_eval_sections"), base),
        )
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise _bad(str(exc)) from None
    validate_config(cfg)
    return cfg


def validate_config(cfg: ArtsConfig) -> None:
    for indicator, (a, b) in INDICATORS.items():
        parts = (cfg.sub_maxima.get(a, -1), cfg.sub_maxima.get(b, -1))
        if min(parts) < 0 or sum(parts) != INDICATOR_MAXIMA[indicator]:
            raise _bad(
                tr(
                    "{a} and {b} must add up to {total} points.",
                    a=SUB_SCORE_NAMES_ZH[a],
                    b=SUB_SCORE_NAMES_ZH[b],
                    total=INDICATOR_MAXIMA[indicator],
                )
            )
    minima = [cfg.band_minima.get(b, -1) for b in BANDS]
    if minima[-1] != 0 or any(hi <= lo for hi, lo in itertools.pairwise(minima)):
        raise _bad(tr("Band thresholds must fall from 优秀 to 合格 and 不合格 must start at 0."))
    if cfg.total_cap is not None and not 100 <= cfg.total_cap <= MAX_POSSIBLE_TOTAL:
        raise _bad(tr("The total cap must be between 100 and 110, or none."))
    rule = cfg.development
    points = [
        rule.outside_points_each,
        rule.in_school_specialty_points,
        *rule.award_points.values(),
    ]
    if min(points) < 0 or set(rule.award_points) != set(AwardLevel):
        raise _bad(
            tr("Development points must be given for every award level and not be negative.")
        )
    keys = [s.key for s in cfg.self_eval_sections]
    if len(set(keys)) != len(keys) or not set(BUILTIN_SECTIONS) <= set(keys):
        raise _bad(tr("Self-evaluation sections need unique keys and the three built-in ones."))
    if any(s.weight < 0 for s in cfg.self_eval_sections):
        raise _bad(tr("Self-evaluation section weights cannot be negative."))


def _bad(reason: str) -> ValidationError:
    return ValidationError(
        tr("The arts settings are not valid: {reason}", reason=reason),
        tr("Correct the settings; the previous ones stay in force."),
    )


def _ints(values: Mapping[str, Any]) -> dict[str, int]:
    return {str(k): _int(v) for k, v in values.items()}


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a whole number")
    return value


def _cap(value: Any) -> int | None:
    return None if value is None else _int(value)


def _rule(data: Mapping[str, Any], base: DevelopmentRule) -> DevelopmentRule:
    award = {AwardLevel(k): _int(v) for k, v in data.get("award_points", {}).items()}
    return DevelopmentRule(
        outside_points_each=_int(data.get("outside_points_each", base.outside_points_each)),
        in_school_specialty_points=_int(
            data.get("in_school_specialty_points", base.in_school_specialty_points)
        ),
        award_points={**base.award_points, **award},
    )


def _sections(data: Any, base: ArtsConfig) -> tuple[SelfEvalSection, ...]:
    if data is None:
        return base.self_eval_sections
    return tuple(
        SelfEvalSection(
            key=str(s["key"]),
            name=str(s["name"]),
            weight=_int(s["weight"]),
            fields=() if s["key"] in BUILTIN_SECTIONS else tuple(map(str, s.get("fields", ()))),
            builtin=s["key"] in BUILTIN_SECTIONS,
        )
        for s in data
    )
