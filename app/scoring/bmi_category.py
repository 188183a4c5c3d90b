"""BMI categories (低体重 / 正常 / 超重 / 肥胖) by the standard's per-grade, per-sex bands.

The bands come from ``bmi_bands`` of the reference JSON through the indexed standard
(``GradeRule.bmi_edges``: the upper edges of 低体重, 正常 and 超重 in tenths). As in the scoring
engine, the BMI is compared after rounding half-up to one decimal, so a value on a printed edge
(e.g. 18.1 for 一年级 boys) belongs to the band that prints it.
"""

from __future__ import annotations

from bisect import bisect_left
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from app.errors import ValidationError
from app.i18n import tr
from app.scoring.fitness_standard import standard

UNDERWEIGHT: Final = "underweight"
NORMAL: Final = "normal"
OVERWEIGHT: Final = "overweight"
OBESE: Final = "obese"
# In the order of the bands (and of ``GradeRule.bmi_scores``).
BMI_CATEGORIES: Final = (UNDERWEIGHT, NORMAL, OVERWEIGHT, OBESE)
BMI_CATEGORY_ZH: Final = {UNDERWEIGHT: "低体重", NORMAL: "正常", OVERWEIGHT: "超重", OBESE: "肥胖"}


def bmi_tenths(bmi: float) -> int:
    """The BMI in tenths, rounded half-up (a cached one-decimal BMI comes back unchanged)."""
    return int(Decimal(repr(bmi)).scaleb(1).to_integral_value(rounding=ROUND_HALF_UP))


def bmi_category(grade_code: int, sex: str, bmi: float) -> str:
    """One of ``BMI_CATEGORIES`` for a student of this grade code and sex.

    Raises ValidationError for a grade or sex the standard has no bands for.
    """
    rule = standard().rule(grade_code, sex)
    if rule is None:
        raise ValidationError(
            tr("No fitness standard for grade {grade} / sex {sex}.", grade=grade_code, sex=sex),
            tr("Use a grade code 11–16, 21–23, 31–33 or 41–44 and male or female."),
        )
    return BMI_CATEGORIES[bisect_left(rule.bmi_edges, bmi_tenths(bmi))]


def bmi_category_label(category: str) -> str:
    """The category in the current language (低体重, 正常, 超重, 肥胖)."""
    labels = {
        UNDERWEIGHT: tr("underweight"),
        NORMAL: tr("normal weight"),
        OVERWEIGHT: tr("overweight"),
        OBESE: tr("obese"),
    }
    return labels.get(category, category)
