"""One student's fields validated together: shared by the roster import and the student dialog."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import NamedTuple

from app.errors import ValidationError
from app.i18n import tr
from app.models import Sex
from app.validation.codes import GRADE_NAMES, parse_class, parse_ethnicity, parse_grade, parse_sex
from app.validation.dates import parse_date
from app.validation.ids import IdNumberInfo, parse_id_number, parse_student_no
from app.validation.text import clean, clean_name

# Field keys, in the order a form or a file presents them.
FIELDS = (
    "student_no",
    "name",
    "sex",
    "birth_date",
    "ethnicity",
    "id_number",
    "grade",
    "class",
)
REQUIRED = ("student_no", "name", "sex", "grade", "class")

FIELD_LABELS_ZH = {
    "student_no": "学籍号",
    "name": "姓名",
    "sex": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "id_number": "身份证号",
    "grade": "年级",
    "class": "班级",
}


def field_label(key: str) -> str:
    """A field's name in the current language (学籍号, 姓名 … in Chinese)."""
    labels = {
        "student_no": tr("Student number"),
        "name": tr("Name"),
        "sex": tr("Sex"),
        "birth_date": tr("Date of birth"),
        "ethnicity": tr("Ethnicity"),
        "id_number": tr("ID number"),
        "grade": tr("Grade"),
        "class": tr("Class"),
    }
    return labels.get(key, key)


class StudentFields(NamedTuple):  # immutable; a tuple because an import makes 10,000s of them
    student_no: str
    name: str
    sex: Sex
    birth_date: dt.date
    ethnicity_code: str
    id_number: str | None
    grade_code: int
    class_no: int


def _is_blank(value: object) -> bool:
    # Same answer as clean(value) == "" (str.isspace knows every Unicode space, and NFKC maps
    # no visible character to a space) without normalising: this runs ~14 times per imported row.
    return value is None or (isinstance(value, str) and (not value or value.isspace()))


# What Excel writes into a CSV for such a cell: 4.10322E+17, 4.10322201001e17.
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


def id_number_stored_as_number(value: object) -> bool:
    """Excel keeps 15 significant digits: an 18-digit ID typed into a number cell is already wrong."""
    if isinstance(value, str):
        return bool(_SCIENTIFIC.match(clean(value)))
    return isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= 1e14


def validate_student(
    raw: Mapping[str, object],
    *,
    today: dt.date | None = None,
    allowed_grades: tuple[int, ...] | None = None,
) -> tuple[StudentFields | None, dict[str, str]]:
    """Validate raw field values; returns the parsed fields or a field → message map."""
    errors: dict[str, str] = {}
    for key in REQUIRED:
        if _is_blank(raw.get(key)):
            errors[key] = tr("{field} is missing.", field=field_label(key))

    def attempt(key: str, fn: object) -> object:
        if key in errors or _is_blank(raw.get(key)):
            return None
        try:
            return fn(raw[key])  # type: ignore[operator]
        except ValidationError as exc:
            errors[key] = str(exc)
            return None

    student_no_info = attempt("student_no", lambda v: parse_student_no(v, today=today))
    sex = attempt("sex", parse_sex)
    birth = attempt("birth_date", lambda v: parse_date(v, today=today))
    ethnicity = (
        attempt("ethnicity", parse_ethnicity) if not _is_blank(raw.get("ethnicity")) else "01"
    )
    grade = attempt("grade", parse_grade)
    class_ref = attempt("class", parse_class)
    id_info: IdNumberInfo | None = None
    id_raw = raw.get("id_number")
    if not _is_blank(id_raw):
        if id_number_stored_as_number(id_raw):
            errors["id_number"] = tr(
                "The ID number was stored as a number by Excel, so its last digits are lost. "
                "Format the column as text, enter the numbers again and re-import."
            )
        else:
            id_info = attempt("id_number", lambda v: parse_id_number(v, today=today))  # type: ignore[assignment]
    name = clean_name(raw.get("name"))
    _cross_check(errors, student_no_info, id_info, sex, birth, grade, class_ref, allowed_grades)
    if birth is None and "birth_date" not in errors:
        source = id_info or student_no_info
        birth = getattr(source, "birth_date", None)
        if birth is None:
            errors["birth_date"] = tr(
                "Date of birth is missing, and there is no valid ID number or student number "
                "to read it from. Enter the date of birth."
            )
    if errors:
        return None, errors
    assert student_no_info is not None and class_ref is not None
    return (
        StudentFields(
            student_no=student_no_info.number,  # type: ignore[attr-defined]
            name=name,
            sex=sex,  # type: ignore[arg-type]
            birth_date=birth,  # type: ignore[arg-type]
            ethnicity_code=ethnicity,  # type: ignore[arg-type]
            id_number=id_info.number if id_info else None,
            grade_code=grade,  # type: ignore[arg-type]
            class_no=class_ref.class_no,  # type: ignore[attr-defined]
        ),
        {},
    )


def _cross_check(
    errors: dict[str, str],
    student_no_info: object,
    id_info: IdNumberInfo | None,
    sex: object,
    birth: object,
    grade: object,
    class_ref: object,
    allowed_grades: tuple[int, ...] | None,
) -> None:
    # The ID number decides; without one, a G/J number carries the same birth date and sex digit.
    source = id_info or student_no_info
    source_label = tr("ID number") if id_info else tr("student number")
    # The sex digit is the 17th character of an ID number, the 18th of a G/J 学籍号.
    sex_position = 17 if id_info else 18
    src_sex = getattr(source, "sex", None)
    src_birth = getattr(source, "birth_date", None)
    if sex is not None and src_sex is not None and sex != src_sex:
        errors["sex"] = tr(
            "Sex does not agree with the {source} (its {position}th character says {sex}).",
            source=source_label,
            position=sex_position,
            sex=tr("male") if src_sex is Sex.MALE else tr("female"),
        )
    if birth is not None and src_birth is not None and birth != src_birth:
        errors["birth_date"] = tr(
            "Date of birth {date} does not agree with the {source}, which says {source_date}.",
            date=birth,
            source=source_label,
            source_date=src_birth,
        )
    ref_grade = getattr(class_ref, "grade_code", None)
    if grade is not None and ref_grade is not None and ref_grade != grade:
        errors["class"] = tr(
            "The class belongs to {class_grade}, but the grade given is {grade}.",
            class_grade=GRADE_NAMES[ref_grade],
            grade=GRADE_NAMES[grade],  # type: ignore[index]
        )
    if grade is not None and allowed_grades is not None and grade not in allowed_grades:
        errors["grade"] = tr(
            "This school has no {grade} (grade code {code}). Check the grade, or the school's "
            "stage (学段) in the settings.",
            grade=GRADE_NAMES[grade],  # type: ignore[index]
            code=grade,
        )
