"""The figures of the fitness statistics (``fitness_stats``): one ``GroupStats`` per group.

Denominators (issue 3 rules):

* ``tested``: students with a recorded, non-exempt result for the year; 免测 students are counted
  in ``exempt`` and in no rate (never as 0); students on roll with no record in ``untested``.
* level rates (优秀 … 不及格, 优良率, 及格率) and the mean total are over ``complete`` students
  (tested, every item present); ``incomplete`` students are shown but left out of them.
* an item's mean and pass rate (score ≥ 60) are over the tested students who have that item's
  score, so an incomplete student's measured items still count for those items.
* BMI category rates are over the tested students whose height and weight are measured.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from app.scoring.bmi_category import BMI_CATEGORIES, NORMAL, OBESE, OVERWEIGHT, UNDERWEIGHT
from app.scoring.fitness_standard import standard

PASS_SCORE: Final = 60
EXCELLENT, GOOD, PASSED, FAILED = "优秀", "良好", "及格", "不及格"
LEVELS: Final = (EXCELLENT, GOOD, PASSED, FAILED)  # best first
if set(LEVELS) != set(standard().level_names):  # pragma: no cover - a guard for the JSON's editors
    raise RuntimeError("the standard's level names changed")


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class ItemStats:
    key: str
    n: int  # tested students with a score for the item
    mean: float | None
    passed: int  # of them, scoring ≥ 60

    @property
    def pass_rate(self) -> float | None:
        return _rate(self.passed, self.n)


@dataclass(frozen=True)
class GroupStats:
    grouping: str  # school / grade / class / sex / grade_sex
    key: tuple[Any, ...]
    label: str
    grade_code: int | None
    class_uuid: str | None
    sex: str | None
    tested: int
    exempt: int
    incomplete: int
    untested: int
    level_counts: Mapping[str, int]  # every level of LEVELS
    mean_total: float | None
    items: Mapping[str, ItemStats]  # item key ("bmi" first) → figures, items tested here only
    bmi_counts: Mapping[str, int]  # every category of BMI_CATEGORIES

    @property
    def complete(self) -> int:
        """The denominator of the level rates."""
        return self.tested - self.incomplete

    def level_rate(self, level: str) -> float | None:
        return _rate(self.level_counts.get(level, 0), self.complete)

    @property
    def excellent_good_rate(self) -> float | None:
        """优良率."""
        return _rate(self.level_counts[EXCELLENT] + self.level_counts[GOOD], self.complete)

    @property
    def pass_rate(self) -> float | None:
        """及格率 (优秀 + 良好 + 及格)."""
        return _rate(self.complete - self.level_counts[FAILED], self.complete)

    @property
    def bmi_measured(self) -> int:
        return sum(self.bmi_counts.values())

    def bmi_rate(self, category: str) -> float | None:
        return _rate(self.bmi_counts.get(category, 0), self.bmi_measured)

    @property
    def obese_rate(self) -> float | None:
        """肥胖率."""
        return self.bmi_rate(OBESE)

    @property
    def overweight_rate(self) -> float | None:
        """超重率."""
        return self.bmi_rate(OVERWEIGHT)

    @property
    def underweight_rate(self) -> float | None:
        """低体重率."""
        return self.bmi_rate(UNDERWEIGHT)

    @property
    def normal_weight_rate(self) -> float | None:
        return self.bmi_rate(NORMAL)


@dataclass(frozen=True)
class FitnessStats:
    school_year: str
    school: GroupStats
    groups: Mapping[str, tuple[GroupStats, ...]]  # grouping → its groups, in display order
    item_keys: tuple[str, ...]  # every item with a score somewhere, "bmi" first

    def by(self, grouping: str) -> tuple[GroupStats, ...]:
        """The groups of one grouping ("school" gives the school alone)."""
        if grouping == "school":
            return (self.school,)
        return self.groups[grouping]


@dataclass
class Accumulator:
    """Counts of one cell (grade × class × sex), added up into any coarser group."""

    tested: int = 0
    exempt: int = 0
    incomplete: int = 0
    untested: int = 0
    total_sum: float = 0.0
    levels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    bmi: dict[str, int] = field(default_factory=lambda: dict.fromkeys(BMI_CATEGORIES, 0))
    # item key → [students with a score, sum of scores, students scoring ≥ 60]
    items: dict[str, list[int]] = field(default_factory=dict)

    def add(self, other: Accumulator) -> None:
        self.tested += other.tested
        self.exempt += other.exempt
        self.incomplete += other.incomplete
        self.untested += other.untested
        self.total_sum += other.total_sum
        for level, n in other.levels.items():
            self.levels[level] += n
        for category, n in other.bmi.items():
            self.bmi[category] += n
        for key, (n, total, passed) in other.items.items():
            mine = self.items.setdefault(key, [0, 0, 0])
            mine[0] += n
            mine[1] += total
            mine[2] += passed

    def freeze(
        self,
        grouping: str,
        key: tuple[Any, ...],
        label: str,
        *,
        item_order: tuple[str, ...],
        grade_code: int | None = None,
        class_uuid: str | None = None,
        sex: str | None = None,
    ) -> GroupStats:
        complete = self.tested - self.incomplete
        return GroupStats(
            grouping=grouping,
            key=key,
            label=label,
            grade_code=grade_code,
            class_uuid=class_uuid,
            sex=sex,
            tested=self.tested,
            exempt=self.exempt,
            incomplete=self.incomplete,
            untested=self.untested,
            level_counts=dict(self.levels),
            mean_total=self.total_sum / complete if complete else None,
            items={
                k: ItemStats(k, n, total / n if n else None, passed)
                for k in item_order
                if k in self.items
                for n, total, passed in [self.items[k]]
            },
            bmi_counts=dict(self.bmi),
        )
