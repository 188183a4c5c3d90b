"""Dates as schools write them: Excel dates, 2010-01-05, 2010/1/5, 20100105, 2010年1月5日, 2010.1.5."""

from __future__ import annotations

import datetime as dt
import math
import re

from app.errors import ValidationError
from app.i18n import tr
from app.validation.text import clean

_SEPARATED = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# "2010-01-05 00:00:00" as Excel writes a date cell into CSV; "2010/1/5 0:00 AM" in some locales.
_TRAILING_TIME = re.compile(r"[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(\s*[AaPp][Mm])?\s*$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


def parse_date(value: object, *, today: dt.date | None = None) -> dt.date:
    """Parse a birth or activity date; rejects impossible and future dates."""
    today = today or dt.date.today()
    if isinstance(value, dt.datetime):
        result = value.date()
    elif isinstance(value, dt.date):
        result = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        result = _from_number(value)
    else:
        text = clean(_TRAILING_TIME.sub("", str(value or "")))
        if not text:
            raise ValidationError(tr("The date is empty."), tr("Enter a date such as 2015-09-01."))
        result = _from_text(text)
    if result > today:
        raise ValidationError(
            tr("The date {date} is in the future.", date=result.isoformat()),
            tr("Check the year, month and day."),
        )
    if result.year < 1900:
        raise ValidationError(
            tr("The date {date} is before 1900.", date=result.isoformat()), tr("Check the year.")
        )
    return result


def _from_number(value: float) -> dt.date:
    if math.isfinite(value):
        if float(value).is_integer() and 19000101 <= value <= 21001231:
            return _from_text(str(int(value)))
        if 1 <= value < 80000:  # an Excel serial day number that reached us as a plain number
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    raise ValidationError(
        tr("{value} is not a date.", value=value), tr("Write the date as 2015-09-01.")
    )


def _from_text(text: str) -> dt.date:
    m = _SEPARATED.match(text) or _COMPACT.match(text)
    if not m:
        raise ValidationError(
            tr("'{value}' is not a date.", value=text),
            tr("Write the date as 2015-09-01, 2015/9/1 or 20150901."),
        )
    y, mo, d = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise ValidationError(
            tr("'{value}' is not a real date.", value=text), tr("Check the month and day.")
        ) from None
