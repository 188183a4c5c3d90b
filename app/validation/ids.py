"""身份证号 (GB 11643, MOD 11-2), 全国学籍号 (G/J/L forms) and 学校标识码."""

from __future__ import annotations

import datetime as dt
import operator
import re
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import tr
from app.models import Sex
from app.validation.text import clean

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ID_SHAPE = re.compile(r"^[1-9]\d{16}[\dX]$")
_SCHOOL_CODE = re.compile(r"^\d{10}$")


def mod11_2_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for 17 digits."""
    if len(first17) != len(_WEIGHTS):
        raise ValueError(f"MOD 11-2 needs 17 digits, got {first17!r}")
    return _CHECK_CHARS[sum(map(operator.mul, map(int, first17), _WEIGHTS)) % 11]


def _sex_of(body: str) -> Sex:
    """The 顺序码's last digit (17th of the ID body): odd is male, even is female."""
    return Sex.MALE if int(body[16]) % 2 == 1 else Sex.FEMALE


@dataclass(frozen=True)
class IdNumberInfo:
    number: str  # normalised, uppercase X
    birth_date: dt.date
    sex: Sex
    area_code: str


def parse_id_number(value: object, *, today: dt.date | None = None) -> IdNumberInfo:
    """Validate an 18-character 居民身份证号; lowercase x is accepted and stored as X.

    The area code is not checked against the current list: codes such as 410322 (孟津县 before
    the 2021 merger) stay valid on IDs issued earlier.
    """
    text = clean(value).upper()
    if not text:
        raise ValidationError(
            tr("The ID number is empty."), tr("Enter the 18-character ID number (身份证号).")
        )
    if not _ID_SHAPE.match(text):
        raise ValidationError(
            tr("'{value}' is not an 18-character ID number.", value=text),
            tr("An ID number has 17 digits followed by a digit or X."),
        )
    birth = _embedded_date(text[6:14], today=today, source=tr("ID number"))
    if mod11_2_check_char(text[:17]) != text[17]:
        raise ValidationError(
            tr("The check character of ID number {number} is wrong.", number=text),
            tr("Compare the number with the ID card; a digit is probably mistyped."),
        )
    return IdNumberInfo(number=text, birth_date=birth, sex=_sex_of(text), area_code=text[:6])


def _embedded_date(digits: str, *, today: dt.date | None, source: str) -> dt.date:
    """The birth date inside an ID or student number; ``source`` names the number (translated)."""
    todo = tr("Check the 8 digits of the birth date in the number.")
    try:
        date = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError(
            tr(
                "The birth date {digits} in the {source} is not a real date.",
                digits=digits,
                source=source,
            ),
            todo,
        ) from None
    if date > (today or dt.date.today()):
        raise ValidationError(
            tr(
                "The birth date {digits} in the {source} is in the future.",
                digits=digits,
                source=source,
            ),
            todo,
        )
    if date.year < 1900:
        raise ValidationError(
            tr(
                "The birth date {digits} in the {source} is before 1900.",
                digits=digits,
                source=source,
            ),
            todo,
        )
    return date


class StudentNoKind:
    G = "G"  # 正式学籍号 = G + 身份证号
    J = "J"  # 正式学籍号 without an ID number: ID-style body with a check digit
    L = "L"  # 临时学籍号: L + area + birth date + 4 random digits, no check digit


@dataclass(frozen=True)
class StudentNoInfo:
    number: str
    kind: str
    birth_date: dt.date
    sex: Sex | None  # known for G and J (sequence digit), not for L


def parse_student_no(value: object, *, today: dt.date | None = None) -> StudentNoInfo:
    """Validate a 全国学籍号 in its G, J or L form (19 characters)."""
    text = clean(value).upper()
    if not text:
        raise ValidationError(
            tr("The student number is empty."),
            tr("Every student needs a national student number (学籍号)."),
        )
    kind, body = text[0], text[1:]
    if kind in (StudentNoKind.G, StudentNoKind.J):
        return _parse_g_or_j(text, kind, body, today=today)
    if kind == StudentNoKind.L:
        if not re.fullmatch(r"\d{18}", body):
            raise ValidationError(
                tr("'{value}' is not a valid temporary student number.", value=text),
                tr(
                    "A temporary number is L, a 6-digit area code, an 8-digit birth date "
                    "and 4 more digits (19 characters)."
                ),
            )
        birth = _embedded_date(body[6:14], today=today, source=tr("student number"))
        return StudentNoInfo(text, kind, birth, None)
    raise ValidationError(
        tr("'{value}' is not a valid student number.", value=text),
        tr("A student number starts with G, J or L and has 19 characters."),
    )


def _parse_g_or_j(text: str, kind: str, body: str, *, today: dt.date | None) -> StudentNoInfo:
    """G and J bodies follow the ID-number rules (date, MOD 11-2). They are checked here rather
    than through ``parse_id_number`` so a J number, which has no ID card, is not called one."""
    if not _ID_SHAPE.match(body):
        raise ValidationError(
            tr("'{value}' is not a valid student number.", value=text),
            tr(
                "A {kind} number is {kind} followed by 17 digits and a digit or X (19 characters).",
                kind=kind,
            ),
        )
    birth = _embedded_date(body[6:14], today=today, source=tr("student number"))
    if mod11_2_check_char(body[:17]) != body[17]:
        raise ValidationError(
            tr("The check character of student number {number} is wrong.", number=text),
            tr("Compare it with the student's records; a digit is probably mistyped."),
        )
    return StudentNoInfo(text, kind, birth, _sex_of(body))


def parse_school_code(value: object) -> str:
    """学校标识码: 10 digits. The county is not encoded, so only the shape is checked."""
    text = clean(value)
    if not text:
        raise ValidationError(
            tr("The school identification code is empty."),
            tr("Enter the 10-digit school identification code, e.g. 2141003456."),
        )
    if not _SCHOOL_CODE.match(text):
        raise ValidationError(
            tr("'{value}' is not a school identification code (学校标识码).", value=text),
            tr("A school identification code has exactly 10 digits, e.g. 2141003456."),
        )
    return text


def parse_district_code(value: object) -> str:
    text = clean(value)
    if not re.fullmatch(r"[1-9]\d{5}", text):
        raise ValidationError(
            tr("'{value}' is not an administrative division code (行政区划代码).", value=text),
            tr("An administrative division code has 6 digits, e.g. 410308 for Mengjin District."),
        )
    return text
