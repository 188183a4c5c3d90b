"""Advice for parents and students, one short sentence per weak item (item score below 60).

Kept as data keyed by item (``advice_texts``) so a PE teacher can review the wording in one place;
each sentence is concrete (what to do, how long, how often) and kind (it names no failure). BMI
scores never fall below 60, so BMI advice follows the category instead: underweight, or
overweight/obese.
"""

from __future__ import annotations

from typing import Final

from app.i18n import tr
from app.scoring.bmi_category import NORMAL, UNDERWEIGHT

WEAK_SCORE: Final = 60
BMI_LOW: Final = "bmi_low"
BMI_HIGH: Final = "bmi_high"


def advice_texts() -> dict[str, str]:
    """item key (and ``bmi_low`` / ``bmi_high``) → one sentence in the current language."""
    return {
        BMI_LOW: tr("Eat three regular meals with milk, eggs or meat every day, and sleep enough."),
        BMI_HIGH: tr(
            "Swap sweet drinks and snacks for water and fruit, and be active an hour a day."
        ),
        "vital_capacity": tr(
            "Do 20 minutes of brisk exercise such as jogging, swimming or skipping most days."
        ),
        "run_50m": tr("Practise short sprints of 20–30 metres with a quick start, 3 times a week."),
        "sit_and_reach": tr(
            "Stretch for 10 minutes every evening, holding each forward bend gently for 20 seconds."
        ),
        "rope_skip_1min": tr("Practise rope skipping 10 minutes a day; aim for steady rhythm."),
        "sit_up_1min": tr("Do 3 sets of sit-ups a day, adding a few more each week."),
        "shuttle_50m_x8": tr(
            "Run at an easy pace for 10–15 minutes three times a week to build stamina."
        ),
        "standing_long_jump": tr(
            "Practise squat jumps with a strong arm swing: 3 sets of 10, three times a week."
        ),
        "pull_up": tr(
            "Hang from a bar and lower yourself slowly from the top; a few short sets every other day."
        ),
        "run_1000m": tr("Jog for 15–20 minutes three times a week and keep an even pace."),
        "run_800m": tr("Jog for 15–20 minutes three times a week and keep an even pace."),
    }


def advice_for(
    item_scores: dict[str, int | None], bmi_category: str | None
) -> tuple[tuple[str, str], ...]:
    """(item key, sentence) for each weak item in the given order, BMI advice first."""
    texts = advice_texts()
    out: list[tuple[str, str]] = []
    if bmi_category is not None and bmi_category != NORMAL:
        key = BMI_LOW if bmi_category == UNDERWEIGHT else BMI_HIGH
        out.append(("bmi", texts[key]))
    for key, score in item_scores.items():
        if key != "bmi" and score is not None and score < WEAK_SCORE and key in texts:
            out.append((key, texts[key]))
    return tuple(out)
