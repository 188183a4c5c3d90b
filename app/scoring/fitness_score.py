"""Scoring one student's year by 国家学生体质健康标准（2014年修订）, plus 补测, 免测 and 毕业成绩.

Rules (issue + reference JSON ``scoring_rules``; they agree):

* item score: the highest band whose threshold the result meets (higher-better ``>=``,
  lower-better ``<=``); between two thresholds the lower band; a blank cell is never met; worse
  than the 10-point row scores 0 (see ``fitness_standard`` for the bisect layout);
* BMI = kg / m², rounded half-up to one decimal before banding;
* bonus only beyond the 100-point threshold, per the bonus tables, each item capped by its table,
  the total capped at 20;
* 标准分 = Σ item score × weight %, half-up to one decimal; 学年总分 = 标准分 + 附加分; the level
  is read off the one-decimal total.

All rounding is done on integers (scores × weight % are whole numbers; BMI is an exact fraction of
the typed centimetres and kilograms), never with float ``round()``: 35.2 kg at 160.0 cm is exactly
13.75, which must become 13.8 (正常 for 五年级 girls), but the float quotient is 13.7499… and
``round()`` makes it 13.7 (低体重).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Final, NamedTuple

from app.errors import ValidationError
from app.i18n import tr
from app.scoring.fitness_ranges import item_label
from app.scoring.fitness_standard import standard

HEIGHT_KEY: Final = "height_cm"
WEIGHT_KEY: Final = "weight_kg"
FAIL_LEVEL: Final = "不及格"
# Grades whose year is a graduation year (小学六年级, 初三, 高三, 大四).
GRADUATING_GRADE_CODES: Final = frozenset({16, 23, 33, 44})
_LIMIT: Final = 1e9  # any finite result is far inside; NaN and ±inf fail the chained comparison


class ItemScore(NamedTuple):
    """One item: the result as given (BMI: the rounded BMI), its score and its bonus points.

    All three are None when the item is missing; bonus is 0 for an item that earns none.
    """

    value: float | None
    score: int | None
    bonus: int | None


@dataclass(frozen=True, slots=True)
class FitnessResult:
    """A scored year. Totals and level are None when an item is missing or the student is exempt.

    Per-item figures are kept as parallel tuples of plain numbers (``keys[i]`` → ``values[i]``,
    ``scores[i]``, ``bonuses[i]``): such tuples drop out of the garbage collector's sight, a dict
    of NamedTuples per student does not, and that alone halved the scoring rate of a school's
    worth of kept results. ``items`` builds the ``{key: ItemScore}`` view on demand.
    """

    bmi: float | None
    keys: tuple[str, ...]  # every scored item of the grade/sex, "bmi" first
    values: tuple[float | None, ...]
    scores: tuple[int | None, ...]
    bonuses: tuple[int | None, ...]
    standard_score: float | None
    bonus_total: int | None
    total_score: float | None
    level: str | None
    missing: tuple[str, ...]  # input keys still to fill (height_cm, weight_kg, item keys)
    exempt: bool = False
    exempt_reason: str | None = None

    @property
    def items(self) -> dict[str, ItemScore]:
        """``{key: ItemScore}`` in the grade's item order, BMI under "bmi" (a new dict per call)."""
        return {
            k: ItemScore(v, s, b)
            for k, v, s, b in zip(self.keys, self.values, self.scores, self.bonuses, strict=True)
        }

    def item(self, key: str) -> ItemScore:
        """One item's figures; KeyError when ``key`` is not scored for this grade/sex."""
        try:
            i = self.keys.index(key)
        except ValueError:
            raise KeyError(key) from None
        return ItemScore(self.values[i], self.scores[i], self.bonuses[i])

    @property
    def counts_in_rates(self) -> bool:
        """Exempt (免测) and incomplete results are left out of level rates, never counted as 0."""
        return self.level is not None


def _bmi_tenths(height_cm: float, weight_kg: float) -> int:
    # Recover the decimals the clerk typed (to 0.001) as integers, then BMI × 10 is the exact
    # fraction wm·10⁸ / hm², rounded half-up: floor((2n + d) / 2d).
    hm = int(height_cm * 1000 + 0.5)
    wm = int(weight_kg * 1000 + 0.5)
    if hm <= 0 or wm <= 0:
        raise ValidationError(tr("Height and weight must be greater than zero."))
    den = hm * hm
    return (2 * wm * 100_000_000 + den) // (2 * den)


def _check_finite(key: str, value: float) -> None:
    if not -_LIMIT < value < _LIMIT:
        raise ValidationError(tr("{item} is not a finite number.", item=item_label(key)))


def _unknown(grade_code: int, sex: str) -> ValidationError:
    return ValidationError(
        tr("No fitness standard for grade {grade} / sex {sex}.", grade=grade_code, sex=sex),
        tr("Use a grade code 11–16, 21–23, 31–33 or 41–44 and male or female."),
    )


def score_student(
    grade_code: int,
    sex: str,
    values: Mapping[str, float | None],
    *,
    exempt_reason: str | None = None,
) -> FitnessResult:
    """Score one student. ``values`` maps input keys (``height_cm``, ``run_1000m`` in seconds, …)
    to numbers; absent or None means not tested. Keys of other grades/sexes are ignored.

    Raises ValidationError for an unknown grade code or sex, a non-positive height or weight, a
    non-finite value, or an exemption without a reason.
    """
    # The hot path (≥ 100,000 students/s): locals, tuple unpacking instead of attribute access,
    # bisect over precomputed tuples, and only untracked plain tuples in the result.
    std = standard()
    by_grade = std.by_sex.get(sex)
    rule = by_grade.get(grade_code) if by_grade is not None else None
    if rule is None:
        raise _unknown(grade_code, sex)
    limit = _LIMIT
    missing: list[str] | None = None
    height = values.get(HEIGHT_KEY)
    weight = values.get(WEIGHT_KEY)
    bmi: float | None = None
    weighted = 0  # Σ score × weight %, i.e. the standard score in hundredths
    if height is None or weight is None:
        missing = [k for k, v in ((HEIGHT_KEY, height), (WEIGHT_KEY, weight)) if v is None]
        vals: list[float | None] = [None]
        scs: list[int | None] = [None]
        bns: list[int | None] = [None]
    else:
        _check_finite(HEIGHT_KEY, height)
        _check_finite(WEIGHT_KEY, weight)
        tenths = _bmi_tenths(height, weight)
        bmi = tenths / 10
        score = rule.bmi_scores[bisect_left(rule.bmi_edges, tenths)]
        vals, scs, bns = [bmi], [score], [0]
        weighted = score * rule.bmi_weight
    bonus_total = 0
    for key, weight_pct, sign, thresholds, scores, bonus_thresholds, bonus_points in rule.hot_items:
        value = values.get(key)
        if value is None:
            if missing is None:
                missing = []
            missing.append(key)
            vals.append(None)
            scs.append(None)
            bns.append(None)
            continue
        if not -limit < value < limit:
            _check_finite(key, value)
        signed = sign * value
        score = scores[bisect_right(thresholds, signed)]
        if bonus_thresholds:
            bonus = bonus_points[bisect_right(bonus_thresholds, signed)]
            bonus_total += bonus
        else:
            bonus = 0
        vals.append(value)
        scs.append(score)
        bns.append(bonus)
        weighted += score * weight_pct
    keys = rule.item_keys
    if exempt_reason is not None:
        reason = _exempt_reason(exempt_reason)
        # Whatever was measured stays visible; nothing is totalled and nothing is "missing".
        return FitnessResult(
            bmi, keys, tuple(vals), tuple(scs), tuple(bns), None, None, None, None, (), True, reason
        )
    if missing:
        return FitnessResult(
            bmi, keys, tuple(vals), tuple(scs), tuple(bns), None, None, None, None, tuple(missing)
        )
    if bonus_total > std.total_bonus_cap:
        bonus_total = std.total_bonus_cap
    standard_tenths = (weighted + 5) // 10  # hundredths → tenths, half-up (weighted ≥ 0)
    total_tenths = standard_tenths + 10 * bonus_total
    level = std.level_names[bisect_right(std.level_edges, total_tenths)]
    return FitnessResult(
        bmi,
        keys,
        tuple(vals),
        tuple(scs),
        tuple(bns),
        standard_tenths / 10,
        bonus_total,
        total_tenths / 10,
        level,
        (),
    )


def _exempt_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            tr("An exempt (免测) student needs a reason."), tr("Give the reason for the exemption.")
        )
    return reason


def level_of(total: float) -> str:
    """The level of a one-decimal total (学年总分 or 毕业成绩), e.g. 89.9 → 良好."""
    std = standard()
    tenths = int(Decimal(repr(total)).scaleb(1).to_integral_value(rounding=ROUND_HALF_UP))
    return std.level_names[bisect_right(std.level_edges, tenths)]


# --- 补测 (retest) -----------------------------------------------------------------------------


def choose_attempt(first: FitnessResult, retest: FitnessResult | None) -> FitnessResult:
    """The result that stands for the year: the retest when there is one, else the first test.

    The official text (说明 9) grants the one retest to students whose first result was 不及格;
    ``retest_allowed`` says so, but the retest decides whenever it is recorded (issue rule).
    """
    return first if retest is None else retest


def retest_allowed(first: FitnessResult) -> bool:
    return first.level == FAIL_LEVEL


@dataclass(frozen=True, slots=True)
class YearAttempts:
    """One school year: the first test and at most one 补测, both kept."""

    first: FitnessResult
    retest: FitnessResult | None = None

    @property
    def decisive(self) -> FitnessResult:
        return choose_attempt(self.first, self.retest)


# --- 毕业成绩 ----------------------------------------------------------------------------------


def _exact(total: float) -> Fraction:
    if not 0 <= total <= 120:
        raise ValidationError(
            tr("A year total must lie between 0 and 120, not {total}.", total=total)
        )
    return Fraction(Decimal(repr(total)))  # the one-decimal figure as printed, not the float


def graduation_score(final_year_total: float, other_year_totals: Sequence[float]) -> float:
    """毕业成绩 = 毕业当年学年总分 × 50% + 其他学年总分平均 × 50%, half-up to one decimal.

    With no other year on record the final year's total stands alone (the rule has nothing to
    average). Exempt or incomplete years are the caller's to leave out.
    """
    final = _exact(final_year_total)
    if other_year_totals:
        others = [_exact(t) for t in other_year_totals]
        value = (final + sum(others, Fraction(0)) / len(others)) / 2
    else:
        value = final
    return math.floor(value * 10 + Fraction(1, 2)) / 10  # half-up; totals are never negative


def is_graduating_grade(grade_code: int) -> bool:
    return grade_code in GRADUATING_GRADE_CODES


# --- rates -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LevelSummary:
    counts: dict[str, int]  # level → students, over the students that count
    counted: int  # denominators of the rates
    exempt: int  # 免测: recorded, not in the rates
    incomplete: int  # an item missing: not in the rates either

    def rate(self, level: str) -> float | None:
        return self.counts.get(level, 0) / self.counted if self.counted else None


def summarize_levels(results: Iterable[FitnessResult]) -> LevelSummary:
    counts = dict.fromkeys(reversed(standard().level_names), 0)
    exempt = incomplete = 0
    for result in results:
        if result.exempt:
            exempt += 1
        elif result.level is None:
            incomplete += 1
        else:
            counts[result.level] += 1
    return LevelSummary(counts, sum(counts.values()), exempt, incomplete)
