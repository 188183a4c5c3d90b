"""Expected figures computed by hand from the fixture's recorded values (through the scoring
engine and the configuration's thresholds), to hold the district aggregates against."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.labor.config import LaborConfig
from app.labor.constants import band_of_grade
from app.scoring.bmi_category import bmi_category
from app.services.fitness_values import grade_in_year
from app.services.value_added import LEVEL_RANK
from tests.app.district.district_fixture import YEAR, Kid


@dataclass
class Fitness:
    tested: int = 0
    exempt: int = 0
    untested: int = 0
    levels: Counter[str] = field(default_factory=Counter)
    bmi: Counter[str] = field(default_factory=Counter)
    totals: list[float] = field(default_factory=list)

    @property
    def mean_total(self) -> float | None:
        return sum(self.totals) / len(self.totals) if self.totals else None

    @property
    def excellent_good_rate(self) -> float | None:
        n = sum(self.levels.values())
        return (self.levels["优秀"] + self.levels["良好"]) / n if n else None

    @property
    def pass_rate(self) -> float | None:
        n = sum(self.levels.values())
        return (n - self.levels["不及格"]) / n if n else None


def fitness(kids: Iterable[Kid], year: str, grades: Iterable[int] | None = None) -> Fitness:
    """On-roll kids' figures of ``year`` (grades: of the test year, else every grade)."""
    wanted = set(grades) if grades is not None else None
    out = Fitness()
    for kid in kids:
        if not kid.on_roll:
            continue
        found = kid.fitness.get(year)
        grade = found[0] if isinstance(found, tuple) else grade_in_year(kid.grade, YEAR, year)
        if grade is None or (wanted is not None and grade not in wanted):
            continue
        if found is None:
            out.untested += 1
        elif found == "exempt":
            out.exempt += 1
        else:
            result = kid.result(year)
            assert result is not None and result.level is not None
            out.tested += 1
            out.levels[result.level] += 1
            assert result.total_score is not None and result.bmi is not None
            out.totals.append(result.total_score)
            out.bmi[bmi_category(grade, kid.sex, result.bmi)] += 1
    return out


@dataclass
class Change:
    n: int = 0
    changes: list[float] = field(default_factory=list)
    improved: int = 0
    moved_up: int = 0


def value_added(kids: Iterable[Kid], year: str, previous: str) -> Change:
    out = Change()
    for kid in kids:
        now, before = kid.result(year), kid.result(previous)
        if not kid.on_roll or now is None or before is None:
            continue
        assert now.total_score is not None and before.total_score is not None
        assert now.level is not None and before.level is not None
        change = round(now.total_score - before.total_score, 1)
        out.n += 1
        out.changes.append(change)
        out.improved += change > 0
        out.moved_up += LEVEL_RANK[now.level] > LEVEL_RANK[before.level]
    return out


@dataclass
class Labor:
    students: int = 0
    meeting: int = 0
    out_of_class: int = 0
    total: int = 0
    by_category: Counter[str] = field(default_factory=Counter)


def labor(kids: Iterable[Kid], days: int, config: LaborConfig | None = None) -> Labor:
    config = config or LaborConfig()
    out = Labor()
    for kid in kids:
        if not kid.on_roll:
            continue
        threshold = config.threshold_for_band(band_of_grade(kid.grade))
        out.students += 1
        out.meeting += kid.out_of_class * 7 >= threshold * days
        out.out_of_class += kid.out_of_class
        out.total += kid.total_labor
        out.by_category.update(kid.by_category)
    return out


def arts_bands(kids: Iterable[Kid], year: str) -> tuple[Counter[str], list[int]]:
    bands: Counter[str] = Counter()
    totals = []
    for kid in kids:
        if not kid.on_roll:
            continue
        total, band = kid.arts_band(year)
        if band is not None and total is not None:
            bands[band] += 1
            totals.append(total)
    return bands, totals
