"""Codes: 民族代码, 性别, 年级编号 and class numbers/names as schools write them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from app.errors import ValidationError
from app.i18n import tr
from app.models import Sex
from app.paths import resource_path
from app.validation.text import clean

ALL_GRADE_CODES = (11, 12, 13, 14, 15, 16, 21, 22, 23, 31, 32, 33)

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

GRADE_NAMES: dict[int, str] = {
    11: "一年级", 12: "二年级", 13: "三年级", 14: "四年级", 15: "五年级", 16: "六年级",
    21: "七年级", 22: "八年级", 23: "九年级", 31: "高一", 32: "高二", 33: "高三",
}  # fmt: skip


def _grade_aliases() -> dict[str, int]:
    aliases: dict[str, int] = {}
    for n, cn in enumerate("一二三四五六", start=1):
        for form in (f"{cn}年级", f"小学{cn}年级", f"{cn}", f"{n}年级"):
            aliases[form] = 10 + n
    for n, cn in enumerate("一二三", start=1):
        junior = 20 + n
        seventh = "七八九"[n - 1]
        for form in (f"初{cn}", f"初中{cn}年级", f"{seventh}年级", f"{6 + n}年级"):
            aliases[form] = junior
        for form in (f"高{cn}", f"高中{cn}年级"):
            aliases[form] = 30 + n
    return aliases


_GRADE_ALIASES = _grade_aliases()
# Grade names longest first so "初一" wins over a bare "一" at the start of a class name.
_GRADE_PREFIXES = sorted(_GRADE_ALIASES, key=len, reverse=True)


@cache
def _ethnicity_tables() -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads(resource_path("codes", "ethnicities.json").read_text(encoding="utf-8"))
    by_code: dict[str, str] = data["ethnicities"]
    by_name = {name: code for code, name in by_code.items()}
    by_name.update(data["ethnicity_aliases"])
    return by_code, by_name


def ethnicity_name(code: str) -> str:
    return _ethnicity_tables()[0].get(code, code)


def ethnicity_codes() -> dict[str, str]:
    return dict(_ethnicity_tables()[0])


def parse_ethnicity(value: object) -> str:
    """民族: a code (1, 01, 46) or a name (汉族, 汉, 崩龙族) → the two-digit code as text."""
    text = _as_int_text(value)  # calamine reads a code column of whole numbers as 1.0, 46.0
    by_code, by_name = _ethnicity_tables()
    if not text:
        raise ValidationError(
            tr("The ethnicity is empty."), tr("Enter a name such as 汉族 or a code such as 01.")
        )
    if text.isdigit():
        code = text.zfill(2)
        if code in by_code:
            return code
        raise ValidationError(
            tr("'{value}' is not an ethnicity code.", value=text),
            tr("Use a code from 01 to 56 (01 is 汉族), or 97 for 其他."),
        )
    for candidate in (text, text + "族"):
        if candidate in by_name:
            return by_name[candidate]
    raise ValidationError(
        tr("'{value}' is not a recognised ethnicity.", value=text),
        tr("Write the full name, e.g. 回族, or its two-digit code."),
    )


def parse_sex(value: object) -> Sex:
    text = _as_int_text(value)
    if text in ("男", "1", "男性", "M", "m", "male"):
        return Sex.MALE
    if text in ("女", "2", "女性", "F", "f", "female"):
        return Sex.FEMALE
    if not text:
        raise ValidationError(tr("The sex is empty."), tr("Write 男 or 女 (or 1 / 2)."))
    raise ValidationError(
        tr("'{value}' is not a valid sex.", value=text), tr("Write 男 or 女 (or 1 / 2).")
    )


_WHOLE_DECIMAL = re.compile(r"^(\d+)\.0+$")


def _as_int_text(value: object) -> str:
    """A code cell as text; whole numbers that became floats (2.0, or "2.0" in a CSV) lose ".0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = clean(value)
    m = _WHOLE_DECIMAL.match(text)
    return m.group(1) if m else text


def parse_grade(value: object) -> int:
    """年级: a code (11–16, 21–23, 31–33) or a name (三年级, 初一, 七年级, 高二) → the code."""
    text = _as_int_text(value)
    if not text:
        raise ValidationError(tr("The grade is empty."), tr("Write the grade, e.g. 三年级 or 13."))
    if text.isdigit() and int(text) in ALL_GRADE_CODES:
        return int(text)
    if text in _GRADE_ALIASES:
        return _GRADE_ALIASES[text]
    raise ValidationError(
        tr("'{value}' is not a grade.", value=text),
        tr(
            "Write a grade name (一年级…六年级, 初一…初三 or 七年级…九年级, 高一…高三) "
            "or its code (11–16, 21–23, 31–33)."
        ),
    )


@dataclass(frozen=True)
class ClassRef:
    class_no: int
    grade_code: int | None  # when the class name carries the grade, e.g. 三(2)班


# A class number in digits or in Chinese numerals 一 … 九十九 (only well-formed numerals, so
# "二三班" is rejected instead of being half-read).
_CLASS_NO = r"(?P<no>\d{1,2}|[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_BARE_CLASS = re.compile(rf"^\(?{_CLASS_NO}\)?班?$")  # 2, 2班, (2)班
_CLASS_AFTER_GRADE = re.compile(rf"^\(?{_CLASS_NO}\)?班$")  # the rest of 三(2)班, 一年级2班


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def parse_class(value: object) -> ClassRef:
    """班级: ``2``, ``2班``, ``(2)班``, ``三(2)班``, ``高一(3)班``, ``一年级2班`` or ``1302``."""
    text = _as_int_text(value)
    if not text:
        raise ValidationError(tr("The class is empty."), tr("Write the class, e.g. 2 or 三(2)班."))
    if (
        re.fullmatch(r"[123]\d{3}", text)
        and int(text[:2]) in ALL_GRADE_CODES
        and int(text[2:]) >= 1
    ):
        return ClassRef(class_no=int(text[2:]), grade_code=int(text[:2]))  # national 1302 form
    m = _BARE_CLASS.match(text)
    if m and _cn_number(m.group("no")) >= 1:
        return ClassRef(class_no=_cn_number(m.group("no")), grade_code=None)
    # Try every grade name the text starts with, longest first: in 初三十二班 the grade is 初三
    # and the class 十二, which a single left-to-right regex split gets wrong.
    for prefix in _GRADE_PREFIXES:
        if not text.startswith(prefix):
            continue
        m = _CLASS_AFTER_GRADE.match(text[len(prefix) :])
        if m and _cn_number(m.group("no")) >= 1:
            return ClassRef(class_no=_cn_number(m.group("no")), grade_code=_GRADE_ALIASES[prefix])
    raise ValidationError(
        tr("'{value}' is not a class.", value=text),
        tr("Write the class number (2) or a class name such as 三(2)班."),
    )


def class_display_name(grade_code: int, class_no: int) -> str:
    """The conventional 班级名称, e.g. 三年级(2)班, 七年级(1)班, 高一(3)班."""
    return f"{GRADE_NAMES[grade_code]}({class_no})班"
