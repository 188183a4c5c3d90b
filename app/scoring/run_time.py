"""Run times (1000米, 800米, 50米×8往返跑) as people type them, and the national ``m'ss`` form.

Accepted (after full-width → half-width): ``3'45``, ``3′45″``, ``3’45”``, ``3'45"``, ``3:45``,
``3：45``, ``3分45秒``, with optional tenths ``3'43.4`` (some test-station software exports them;
the national tables are whole seconds, so the import range check refuses them). The seconds part
must have two digits and be at most 59, as the national upload checker demands (``3'5`` is
refused: it could mean 3'05 or 3'50).

A plain number is **seconds**: ``225`` and ``225.0`` are 3'45. ``3.45`` is therefore 3.45 seconds,
not 3 min 45 s; decimal "分.秒" (a display convention of some software) is never guessed, and the
range check then reports the implausible time.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from app.errors import ValidationError
from app.i18n import tr
from app.validation.text import to_halfwidth

_QUOTES: Final = str.maketrans({"′": "'", "’": "'", "‘": "'", "″": '"', "”": '"', "“": '"'})
_MIN_SEC: Final = re.compile(
    r"(?P<min>\d{1,2})\s*(?:'|:|分)\s*(?P<sec>\d+)(?P<frac>\.\d+)?\s*(?:\"|''|秒)?"
)
_SECONDS: Final = re.compile(r"(?P<sec>\d+(?:\.\d+)?)\s*秒?")


def _number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


def parse_run_time(raw: str | float) -> float:
    """Seconds from a typed run time (see the module docstring). Whole results are ``int``."""
    if isinstance(raw, bool):
        raise ValidationError(tr("{value} is not a run time.", value=raw))
    if isinstance(raw, int | float):
        if not 0 <= raw < 100_000:
            raise ValidationError(tr("{value} is not a run time.", value=raw))
        return int(raw) if float(raw).is_integer() else raw
    text = to_halfwidth(raw).translate(_QUOTES).strip()
    match = _MIN_SEC.fullmatch(text)
    if match:
        seconds = match["sec"]
        if len(seconds) != 2 or int(seconds) > 59:
            raise ValidationError(
                tr("{value}: the seconds must be two digits from 00 to 59.", value=raw),
                tr("Write run times as minutes'seconds, e.g. 3'05."),
            )
        return int(match["min"]) * 60 + _number(seconds + (match["frac"] or ""))
    match = _SECONDS.fullmatch(text)
    if match:
        return _number(match["sec"])
    raise ValidationError(
        tr("{value} is not a run time.", value=raw),
        tr("Write run times as minutes'seconds, e.g. 3'05."),
    )


def format_run_time(seconds: float) -> str:
    """The national form ``m'ss`` (225 → ``3'45``); a fractional time keeps one decimal (``3'43.4``)."""
    if not 0 <= seconds < 100_000:
        raise ValueError(f"not a run time: {seconds!r}")
    tenths = int(Decimal(repr(seconds)).scaleb(1).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    minutes, rest = divmod(tenths, 600)
    whole, tenth = divmod(rest, 10)
    return f"{minutes}'{whole:02d}" + (f".{tenth}" if tenth else "")
