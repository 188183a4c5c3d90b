"""性别, 民族, 年级 and 班级 as schools write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.models import Sex
from app.validation.codes import (
    ALL_GRADE_CODES,
    GRADE_NAMES,
    ClassRef,
    class_display_name,
    ethnicity_codes,
    ethnicity_name,
    parse_class,
    parse_ethnicity,
    parse_grade,
    parse_sex,
)

# --- 性别 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "sex"),
    [
        ("男", Sex.MALE),
        ("女", Sex.FEMALE),
        (" 男 ", Sex.MALE),
        ("男性", Sex.MALE),
        ("女性", Sex.FEMALE),
        ("1", Sex.MALE),
        ("2", Sex.FEMALE),
        (1, Sex.MALE),
        (2, Sex.FEMALE),
        (1.0, Sex.MALE),  # calamine reads a column of codes as floats
        (2.0, Sex.FEMALE),
        ("2.0", Sex.FEMALE),  # ... which a CSV export then writes as text
        ("１", Sex.MALE),
    ],
)
def test_sex(value: object, sex: Sex) -> None:
    assert parse_sex(value) == sex


@pytest.mark.parametrize("value", ["0", "9", "3", "男女", "x", 1.5])
def test_unknown_sex_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="not a valid sex"):
        parse_sex(value)


def test_empty_sex_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_sex(None)


# --- 民族 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (1, "01"),
        ("1", "01"),
        ("01", "01"),
        (1.0, "01"),  # whole-number cell read as a float
        ("46", "46"),
        (46, "46"),
        ("97", "97"),
        ("０３", "03"),
    ],
)
def test_ethnicity_by_code(value: object, code: str) -> None:
    assert parse_ethnicity(value) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("汉族", "01"),
        ("汉", "01"),
        ("回族", "03"),
        ("维吾尔", "05"),
        ("德昂族", "46"),
        ("崩龙族", "46"),  # old name of 德昂族
        ("毛难族", "36"),  # old spelling of 毛南族
        ("僳僳族", "20"),  # common typo of 傈僳族
        ("其他", "97"),
        (" 汉 族 ", "01"),
    ],
)
def test_ethnicity_by_name_and_alias(name: str, code: str) -> None:
    assert parse_ethnicity(name) == code


@pytest.mark.parametrize("value", ["穿青人", "汉人", "Han", "中国"])
def test_unknown_ethnicity_name_is_rejected(value: str) -> None:
    with pytest.raises(ValidationError, match="not a recognised ethnicity"):
        parse_ethnicity(value)


@pytest.mark.parametrize("value", ["0", "00", "57", "99", 100])
def test_unknown_ethnicity_code_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="not an ethnicity code"):
        parse_ethnicity(value)


def test_every_code_name_round_trips() -> None:
    codes = ethnicity_codes()
    assert len([c for c in codes if "01" <= c <= "56"]) == 56
    for code, name in codes.items():
        assert parse_ethnicity(name) == code
        assert parse_ethnicity(code) == code
        assert ethnicity_name(code) == name


def test_empty_ethnicity_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_ethnicity("")


# --- 年级 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("一年级", 11),
        ("二年级", 12),
        ("三年级", 13),
        ("四年级", 14),
        ("五年级", 15),
        ("六年级", 16),
        ("小学三年级", 13),
        ("3年级", 13),
        ("初一", 21),
        ("七年级", 21),
        ("初中一年级", 21),
        ("初二", 22),
        ("八年级", 22),
        ("初三", 23),
        ("九年级", 23),
        ("高一", 31),
        ("高二", 32),
        ("高三", 33),
        ("高中三年级", 33),
        ("13", 13),
        (13, 13),
        (13.0, 13),
        ("13.0", 13),
        ("３１", 31),
    ],
)
def test_grade_by_code_or_name(value: object, code: int) -> None:
    assert parse_grade(value) == code


def test_every_grade_name_parses_to_its_code() -> None:
    for code, name in GRADE_NAMES.items():
        assert parse_grade(name) == code
        assert parse_grade(code) == code


@pytest.mark.parametrize("value", ["10", "17", "24", "34", "七年", "高四", 13.5, "十年级"])
def test_unknown_grade_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="not a grade"):
        parse_grade(value)


def test_empty_grade_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_grade(" ")


# --- 班级 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "ref"),
    [
        ("2", ClassRef(2, None)),
        (2, ClassRef(2, None)),
        (2.0, ClassRef(2, None)),
        ("2班", ClassRef(2, None)),
        ("(2)班", ClassRef(2, None)),
        ("（2）班", ClassRef(2, None)),
        ("二班", ClassRef(2, None)),
        ("十二班", ClassRef(12, None)),
        ("三(2)班", ClassRef(2, 13)),
        ("三年级(2)班", ClassRef(2, 13)),
        ("三年级（2）班", ClassRef(2, 13)),
        ("小学三年级(2)班", ClassRef(2, 13)),
        ("高一(3)班", ClassRef(3, 31)),
        (" 高一 (3) 班 ", ClassRef(3, 31)),
        ("一年级2班", ClassRef(2, 11)),
        ("七年级3班", ClassRef(3, 21)),
        ("初一(1)班", ClassRef(1, 21)),
        ("三年级二班", ClassRef(2, 13)),
        ("初三十二班", ClassRef(12, 23)),  # 初三, class 12: not 初 + 三十二
        ("高一十班", ClassRef(10, 31)),
        ("1302", ClassRef(2, 13)),  # the national 年级编号 + 班号 form
        (1302, ClassRef(2, 13)),
        (2101.0, ClassRef(1, 21)),
    ],
)
def test_class_forms(value: object, ref: ClassRef) -> None:
    assert parse_class(value) == ref


@given(st.sampled_from(ALL_GRADE_CODES), st.integers(1, 99))
def test_display_name_and_national_code_parse_back(grade: int, class_no: int) -> None:
    assert parse_class(class_display_name(grade, class_no)) == ClassRef(class_no, grade)
    assert parse_class(f"{grade}{class_no:02d}") == ClassRef(class_no, grade)


@pytest.mark.parametrize(
    "value",
    ["0", "0班", "100", "1100", "3.2", "五年级", "二三四班", "初二三班五", "A班", "(2)(3)班"],
)
def test_unknown_class_is_rejected(value: object) -> None:
    with pytest.raises(ValidationError, match="not a class"):
        parse_class(value)


def test_malformed_chinese_numerals_are_a_validation_error_not_a_crash() -> None:
    # 二三 is not a number; before the fix it raised KeyError from deep inside the parser.
    for value in ("二三三班", "初一二三班", "十十班"):
        with pytest.raises(ValidationError):
            parse_class(value)


def test_empty_class_is_rejected() -> None:
    with pytest.raises(ValidationError, match="empty"):
        parse_class(None)
