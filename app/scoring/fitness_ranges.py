"""The national import ranges of the fitness upload file (fitness_upload_template.md §2).

Two independent national-format validators store the same Min/Max pairs, so these are treated as
the national limits: a value outside them is refused by the national system, and is usually a
unit slip (height in metres, time in 分.秒). Times are held in seconds here: 50米×8 0'45"–4'00",
800米/1000米 2'00"–9'00", whole seconds (the scoring tables have no tenths).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from app.i18n import tr
from app.scoring.run_time import format_run_time

# item → (min, max, decimals allowed)
IMPORT_RANGES: Final[dict[str, tuple[float, float, int]]] = {
    "height_cm": (80, 250, 1),
    "weight_kg": (14, 200, 1),
    "vital_capacity": (500, 9999, 0),
    "run_50m": (5.0, 20.0, 1),
    "sit_and_reach": (-30, 40, 1),
    "rope_skip_1min": (0, 300, 0),
    "sit_up_1min": (0, 99, 0),
    "shuttle_50m_x8": (45, 240, 0),
    "standing_long_jump": (50, 400, 0),
    "pull_up": (0, 99, 0),
    "run_1000m": (120, 540, 0),
    "run_800m": (120, 540, 0),
}
TIME_ITEMS: Final = frozenset({"shuttle_50m_x8", "run_1000m", "run_800m"})


def item_label(key: str) -> str:
    """The item's name in the current language (身高, 1000米跑, …)."""
    labels = {
        "height_cm": tr("height"),
        "weight_kg": tr("weight"),
        "bmi": tr("BMI"),
        "vital_capacity": tr("vital capacity"),
        "run_50m": tr("50 m sprint"),
        "sit_and_reach": tr("sit-and-reach"),
        "rope_skip_1min": tr("1-minute rope skipping"),
        "sit_up_1min": tr("1-minute sit-ups"),
        "shuttle_50m_x8": tr("50 m × 8 shuttle run"),
        "standing_long_jump": tr("standing long jump"),
        "pull_up": tr("pull-ups"),
        "run_1000m": tr("1000 m run"),
        "run_800m": tr("800 m run"),
    }
    return labels.get(key, key)


def _unit(key: str) -> str:
    units = {
        "height_cm": tr("cm"),
        "weight_kg": tr("kg"),
        "vital_capacity": tr("mL"),
        "run_50m": tr("seconds"),
        "sit_and_reach": tr("cm"),
        "standing_long_jump": tr("cm"),
    }
    return units.get(key, tr("times"))


def _shown(key: str, value: float) -> str:
    if key in TIME_ITEMS and 0 <= value < 100_000:
        return format_run_time(value)
    return f"{value:g}"


def check_value(key: str, value: float) -> str | None:
    """None when ``value`` is acceptable for the national upload, else a message saying why.

    ``key`` must be one of IMPORT_RANGES; times are seconds.
    """
    low, high, decimals = IMPORT_RANGES[key]
    if not low <= value <= high:  # also refuses NaN
        if key in TIME_ITEMS:
            return tr(
                "{item}: {value} is outside the national range {low}–{high}.",
                item=item_label(key),
                value=_shown(key, value),
                low=_shown(key, low),
                high=_shown(key, high),
            )
        return tr(
            "{item}: {value} is outside the national range {low}–{high} {unit}.",
            item=item_label(key),
            value=_shown(key, value),
            low=f"{low:g}",
            high=f"{high:g}",
            unit=_unit(key),
        )
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > decimals:
        if decimals == 0:
            return tr("{item}: {value} must be a whole number.", item=item_label(key), value=value)
        return tr(
            "{item}: {value} has more than {decimals} decimal place(s).",
            item=item_label(key),
            value=value,
            decimals=decimals,
        )
    return None
