"""validate_student: the fields of one student checked together, as the import and the dialog do."""

from __future__ import annotations

import datetime as dt

import pytest

from app import i18n
from app.models import STAGE_GRADES, SchoolStage, Sex
from app.validation.ids import mod11_2_check_char
from app.validation.student import (
    FIELDS,
    REQUIRED,
    field_label,
    id_number_stored_as_number,
    validate_student,
)
from tests.conftest import TODAY


def make_id(area: str, birth: str, seq: str) -> str:
    first17 = area + birth + seq
    return first17 + mod11_2_check_char(first17)


BOY_ID = make_id("410322", "20150301", "013")  # odd sequence digit: male
GIRL_ID = make_id("410306", "20160712", "024")  # even: female


def row(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "student_no": "G" + BOY_ID,
        "name": "王 小明",
        "sex": "男",
        "birth_date": "2015-03-01",
        "ethnicity": "汉族",
        "id_number": BOY_ID,
        "grade": "五年级",
        "class": "五(2)班",
    }
    base.update(overrides)
    return base


def test_a_complete_row_is_normalised() -> None:
    fields, errors = validate_student(row(id_number=BOY_ID.lower()), today=TODAY)
    assert errors == {}
    assert fields is not None
    assert fields.student_no == "G" + BOY_ID
    assert fields.name == "王小明"
    assert fields.sex == Sex.MALE
    assert fields.birth_date == dt.date(2015, 3, 1)
    assert fields.ethnicity_code == "01"
    assert fields.id_number == BOY_ID
    assert (fields.grade_code, fields.class_no) == (15, 2)


def test_values_as_a_spreadsheet_delivers_them() -> None:
    fields, errors = validate_student(
        row(sex=1.0, birth_date=dt.date(2015, 3, 1), ethnicity=1.0, grade=15.0, **{"class": 2.0}),
        today=TODAY,
    )
    assert errors == {}
    assert fields is not None
    assert (fields.sex, fields.ethnicity_code, fields.grade_code, fields.class_no) == (
        Sex.MALE,
        "01",
        15,
        2,
    )


def test_birth_date_and_ethnicity_may_be_left_out() -> None:
    fields, errors = validate_student(row(birth_date="", ethnicity=None), today=TODAY)
    assert errors == {}
    assert fields is not None
    assert fields.birth_date == dt.date(2015, 3, 1), "taken from the ID number"
    assert fields.ethnicity_code == "01", "the default when the column is empty"


def test_sex_must_agree_with_the_id_number() -> None:
    fields, errors = validate_student(row(sex="女"), today=TODAY)
    assert fields is None
    assert set(errors) == {"sex"}
    assert errors["sex"] == "Sex does not agree with the ID number (its 17th character says male)."


def test_birth_date_must_agree_with_the_id_number() -> None:
    fields, errors = validate_student(row(birth_date="2015-03-02"), today=TODAY)
    assert fields is None
    assert errors == {
        "birth_date": (
            "Date of birth 2015-03-02 does not agree with the ID number, which says 2015-03-01."
        )
    }


def test_the_id_number_decides_over_a_g_number_that_differs() -> None:
    # A G number normally equals the ID number but can differ after an ID change.
    fields, errors = validate_student(
        row(student_no="G" + GIRL_ID, id_number=BOY_ID, sex="男", birth_date="2015-03-01"),
        today=TODAY,
    )
    assert errors == {}
    assert fields is not None and fields.id_number == BOY_ID


def test_without_an_id_number_a_g_or_j_number_is_checked_instead() -> None:
    for prefix in ("G", "J"):
        base = row(student_no=prefix + GIRL_ID, id_number="", birth_date="2016-07-12")
        fields, errors = validate_student({**base, "sex": "女"}, today=TODAY)
        assert errors == {} and fields is not None
        assert fields.birth_date == dt.date(2016, 7, 12)
        assert fields.id_number is None
        _, errors = validate_student({**base, "sex": "男"}, today=TODAY)
        assert errors == {
            "sex": "Sex does not agree with the student number (its 18th character says female)."
        }
        _, errors = validate_student({**base, "sex": "女", "birth_date": "2016-07-13"}, today=TODAY)
        assert set(errors) == {"birth_date"}
        assert "student number" in errors["birth_date"]


def test_an_l_number_says_nothing_about_sex() -> None:
    fields, errors = validate_student(
        row(student_no="L410308201503010042", id_number=None, sex="女"), today=TODAY
    )
    assert errors == {}
    assert fields is not None
    assert fields.sex == Sex.FEMALE
    assert fields.birth_date == dt.date(2015, 3, 1)


def test_birth_date_is_required_when_no_number_carries_it() -> None:
    _, errors = validate_student(row(student_no="bad", id_number="", birth_date=""), today=TODAY)
    assert set(errors) == {"student_no", "birth_date"}
    assert "Date of birth is missing" in errors["birth_date"]


def test_class_name_of_another_grade_is_rejected() -> None:
    _, errors = validate_student(row(grade="四年级", **{"class": "五(2)班"}), today=TODAY)
    assert errors == {"class": "The class belongs to 五年级, but the grade given is 四年级."}
    # The same grade written differently is not a disagreement.
    _, errors = validate_student(row(grade=15, **{"class": "1502"}), today=TODAY)
    assert errors == {}


@pytest.mark.parametrize(
    "stored", [4.10322201001e17, 410322201503010130, "4.10322E+17", "4.10322201001e17"]
)
def test_id_number_stored_by_excel_as_a_number_is_rejected(stored: object) -> None:
    assert id_number_stored_as_number(stored)
    fields, errors = validate_student(row(id_number=stored), today=TODAY)
    assert fields is None
    assert set(errors) == {"id_number"}
    assert "stored as a number" in errors["id_number"]
    assert "Format the column as text" in errors["id_number"]


def test_a_real_id_number_is_not_taken_for_a_number_cell() -> None:
    assert not id_number_stored_as_number(BOY_ID)
    assert not id_number_stored_as_number("11010519491231002X")
    assert not id_number_stored_as_number(True)


def test_missing_required_fields_are_reported_per_field() -> None:
    blank = dict.fromkeys(FIELDS, "")
    fields, errors = validate_student(blank, today=TODAY)
    assert fields is None
    assert set(REQUIRED) <= set(errors)
    assert errors["student_no"] == "Student number is missing."
    assert errors["name"] == "Name is missing."
    assert errors["sex"] == "Sex is missing."
    assert errors["grade"] == "Grade is missing."
    assert errors["class"] == "Class is missing."
    assert "Date of birth is missing" in errors["birth_date"]


def test_a_missing_key_counts_as_blank() -> None:
    _, errors = validate_student({"student_no": "G" + BOY_ID}, today=TODAY)
    assert set(errors) == {"name", "sex", "grade", "class"}


def test_each_bad_field_gets_its_own_message() -> None:
    _, errors = validate_student(
        row(sex="?", ethnicity="穿青人", grade="十年级", birth_date="2015-02-30", **{"class": "A"}),
        today=TODAY,
    )
    assert set(errors) == {"sex", "ethnicity", "grade", "birth_date", "class"}
    assert "not a valid sex" in errors["sex"]
    assert "not a real date" in errors["birth_date"]


def test_allowed_grades_are_respected() -> None:
    primary = STAGE_GRADES[SchoolStage.PRIMARY]
    _, errors = validate_student(row(), today=TODAY, allowed_grades=primary)
    assert errors == {}
    _, errors = validate_student(
        row(grade="初一", **{"class": "2"}), today=TODAY, allowed_grades=primary
    )
    assert errors == {
        "grade": "This school has no 七年级 (grade code 21). Check the grade, or the school's "
        "stage (学段) in the settings."
    }
    _, errors = validate_student(
        row(grade="初一", **{"class": "2"}),
        today=TODAY,
        allowed_grades=STAGE_GRADES[SchoolStage.NINE_YEAR],
    )
    assert errors == {}


def test_messages_are_chinese_when_the_language_is_chinese() -> None:
    i18n.set_language("zh_CN")
    _, errors = validate_student(row(sex="女", name=""), today=TODAY)
    assert errors == {
        "name": "姓名未填写。",
        "sex": "性别与身份证号不一致（身份证号第 17 位表示男）。",
    }
    assert [field_label(k) for k in FIELDS] == [
        "学籍号",
        "姓名",
        "性别",
        "出生日期",
        "民族",
        "身份证号",
        "年级",
        "班级",
    ]
