"""身份证号 (GB 11643, MOD 11-2), 全国学籍号 (G/J/L forms) and 学校标识码."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.errors import ValidationError
from app.models import Sex
from app.validation.text import clean

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_ID_SHAPE = re.compile(r"^[1-9]\d{16}[\dX]$")
_SCHOOL_CODE = re.compile(r"^\d{10}$")


def mod11_2_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for 17 digits."""
    total = sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


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
        raise ValidationError("The ID number is empty.", "Enter the 18-character 身份证号.")
    if not _ID_SHAPE.match(text):
        raise ValidationError(
            f"'{text}' is not an 18-character ID number.",
            "An ID number is 17 digits followed by a digit or X.",
        )
    birth = _embedded_date(text[6:14], today=today, what="ID number")
    if mod11_2_check_char(text[:17]) != text[17]:
        raise ValidationError(
            f"The check character of ID number {text} is wrong.",
            "Compare the number with the ID card; one digit is probably mistyped.",
        )
    sex = Sex.MALE if int(text[16]) % 2 == 1 else Sex.FEMALE
    return IdNumberInfo(number=text, birth_date=birth, sex=sex, area_code=text[:6])


def _embedded_date(digits: str, *, today: dt.date | None, what: str) -> dt.date:
    try:
        date = dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise ValidationError(
            f"The {what} contains {digits}, which is not a real birth date.",
            "Check the 8 digits of the birth date in the number.",
        ) from None
    if date.year < 1900 or date > (today or dt.date.today()):
        raise ValidationError(
            f"The {what} contains {digits}, which is not a possible birth date.",
            "Check the 8 digits of the birth date in the number.",
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
        raise ValidationError("The 学籍号 is empty.", "Every student needs a 学籍号.")
    kind, body = text[0], text[1:]
    if kind in (StudentNoKind.G, StudentNoKind.J):
        if not re.fullmatch(r"\d{17}[\dX]", body):
            raise ValidationError(
                f"'{text}' is not a valid 学籍号.",
                f"A {kind} number is {kind} followed by 17 digits and a digit or X (19 characters).",
            )
        try:
            info = parse_id_number(body, today=today)
        except ValidationError as exc:
            raise ValidationError(f"学籍号 {text}: {exc.what}", exc.todo) from None
        return StudentNoInfo(text, kind, info.birth_date, info.sex)
    if kind == StudentNoKind.L:
        if not re.fullmatch(r"\d{18}", body):
            raise ValidationError(
                f"'{text}' is not a valid temporary 学籍号.",
                "An L number is L + 6-digit area code + 8-digit birth date + 4 digits.",
            )
        birth = _embedded_date(body[6:14], today=today, what="学籍号")
        return StudentNoInfo(text, kind, birth, None)
    raise ValidationError(
        f"'{text}' is not a valid 学籍号.",
        "A 学籍号 starts with G, J or L and has 19 characters.",
    )


def parse_school_code(value: object) -> str:
    """学校标识码: 10 digits. The county is not encoded, so only the shape is checked."""
    text = clean(value)
    if not _SCHOOL_CODE.match(text):
        raise ValidationError(
            f"'{text}' is not a 学校标识码.", "A 学校标识码 has exactly 10 digits, e.g. 2141003456."
        )
    return text


def parse_district_code(value: object) -> str:
    text = clean(value)
    if not re.fullmatch(r"[1-9]\d{5}", text):
        raise ValidationError(
            f"'{text}' is not a 行政区划代码.", "A 行政区划代码 has 6 digits, e.g. 410308 (孟津区)."
        )
    return text
